from django.apps import AppConfig


class TeamsConfig(AppConfig):
    """Team groups and permission plumbing shared by every kind of author. No tables of its own."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "teams"
    verbose_name = "Teams"
