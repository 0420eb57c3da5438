from wagtail.signals import page_published, post_page_move


def event_published(sender, instance, **kwargs) -> None:
    from . import registrations
    from .services import bump_sequence_if_changed

    bump_sequence_if_changed(instance)
    # A cancellation or postponement is e-mailed to every registrant; a raised capacity fills from the waiting list.
    registrations.event_published(event=instance)


def provider_published(sender, instance, **kwargs) -> None:
    from .services import sync_provider_team

    sync_provider_team(instance)


def event_moved(sender, instance, **kwargs) -> None:
    from .services import refresh_provider

    refresh_provider(instance.specific)


def register() -> None:
    from .models import EventPage, ProviderPage

    page_published.connect(event_published, sender=EventPage, dispatch_uid="events_bump_sequence")
    page_published.connect(provider_published, sender=ProviderPage, dispatch_uid="events_sync_provider_team")
    post_page_move.connect(event_moved, sender=EventPage, dispatch_uid="events_refresh_provider")
