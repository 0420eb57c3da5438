from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.register()
        post_migrate.connect(signal_handlers.ensure_provider_setup, sender=self)
