from django.apps import AppConfig


class CreditConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "credit"
    verbose_name = "CE credit"

    def ready(self) -> None:
        from . import page_parts, signal_handlers

        signal_handlers.register()
        page_parts.register()
