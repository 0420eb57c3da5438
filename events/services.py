"""Writes that span models: the Providers group, each provider's team, onboarding, and calendar sequences."""

import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F
from django.utils.text import slugify
from wagtail.models import Page, Site

from home.authoring import UPLOAD_PERMISSIONS, grant_collection_permissions, permissions, team_group

from . import calendars, schedule
from .models import DEFAULT_TIME_ZONE, RESERVED_PROVIDER_SLUGS, EventIndexPage, EventPage, ProviderPage

PROVIDERS_GROUP = "Providers"

# Inside its own page a provider drafts, edits and submits; Course editors publish (the review workflow).
PROVIDER_PERMISSIONS = [("wagtailadmin", "access_admin")]


class OnboardingError(Exception):
    """The provider cannot be onboarded as asked (a duplicate, or the site is not set up)."""


def _team_group_name(provider: ProviderPage) -> str:
    return f"Provider: {provider.title}"[:150]


@transaction.atomic
def ensure_provider_setup() -> Group:
    """Create the Providers group with admin access and upload rights; safe to run again."""
    group, _ = Group.objects.get_or_create(name=PROVIDERS_GROUP)
    group.permissions.add(*permissions(PROVIDER_PERMISSIONS))
    # Logos and handouts.
    grant_collection_permissions(group, UPLOAD_PERMISSIONS)
    return group


@transaction.atomic
def sync_provider_team(provider: ProviderPage) -> Group:
    """The provider's own group, with edit rights on its page and everything under it.

    Wagtail grants page permissions to groups, so each provider has a group of its own; its
    accounts are the group's members.
    """
    return team_group(provider, _team_group_name(provider))


def add_provider_account(provider: ProviderPage, user) -> None:
    """Let an account manage this provider's page and events."""
    group = sync_provider_team(provider)
    user.groups.add(ensure_provider_setup(), group)


def events_index() -> EventIndexPage | None:
    return EventIndexPage.objects.order_by("path").first()


def site_home() -> Page | None:
    """The home page: the root page of the default site (or of the first site, when none is the default).

    Found through Wagtail's sites rather than the project's home page model, so events does not depend
    on the project that hosts it.
    """
    site = Site.objects.select_related("root_page").order_by("-is_default_site", "pk").first()
    return site.root_page.specific if site is not None else None


@transaction.atomic
def ensure_events_index() -> tuple[EventIndexPage, bool]:
    """The Events page under the home page, created (live) when missing."""
    index = events_index()
    if index is not None:
        return index, False
    home = site_home()
    if home is None:
        raise OnboardingError("There is no home page yet: run `python manage.py migrate` first.")
    index = EventIndexPage(
        title="Events",
        slug="events",
        intro="<p>Workshops, webinars and on-demand courses from approved providers.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index, True


@dataclass
class Onboarding:
    provider: ProviderPage
    user: object
    password: str
    created_index: bool
    steps: list[str] = field(default_factory=list)


@transaction.atomic
def onboard_provider(
    *, name: str, email: str, username: str, time_zone: str = DEFAULT_TIME_ZONE, password: str | None = None
) -> Onboarding:
    """Create a provider's account, its draft profile page and the rights to edit that page alone.

    The page starts as a draft: the provider completes it and submits it for review, and it goes
    live (with its events) when a course editor approves it.
    """
    User = get_user_model()
    name, email, username = name.strip(), email.strip(), username.strip()
    if not (name and email and username):
        raise OnboardingError("A provider needs a name, an e-mail address and a username.")
    if not schedule.is_known_time_zone(time_zone):
        raise OnboardingError(f"{time_zone!r} is not a time zone name such as America/New_York.")
    if User.objects.filter(username__iexact=username).exists():
        raise OnboardingError(f"The username {username!r} is already taken. Choose another with --username.")
    if User.objects.filter(email__iexact=email).exists():
        raise OnboardingError(f"An account with the e-mail address {email} already exists.")
    slug = slugify(name)
    if not slug:
        raise OnboardingError(f"{name!r} cannot be turned into a web address: use letters or numbers.")
    if slug in RESERVED_PROVIDER_SLUGS:
        raise OnboardingError(f"{name!r} would clash with the events listing's own addresses: choose another name.")
    if ProviderPage.objects.filter(title__iexact=name).exists() or ProviderPage.objects.filter(slug=slug).exists():
        raise OnboardingError(f"A provider called {name!r} is already on the site.")

    steps = []
    index, created_index = ensure_events_index()
    if created_index:
        steps.append(f"Created the Events page at {index.url}.")

    password = password or secrets.token_urlsafe(12)
    user = User.objects.create_user(username=username, email=email, password=password)
    steps.append(f"Created the account {username!r} ({email}).")

    provider = ProviderPage(title=name, slug=slug, contact_email=email, time_zone=time_zone, live=False)
    index.add_child(instance=provider)
    provider.save_revision()
    steps.append(f"Created the draft provider page {name!r} under {index.title} (not live until approved).")

    add_provider_account(provider, user)
    steps.append(
        f"Gave {username!r} the {PROVIDERS_GROUP} group and the group {provider.team_group.name!r}: "
        "they can edit this provider page and add events under it, and submit them for review."
    )
    return Onboarding(provider=provider, user=user, password=password, created_index=created_index, steps=steps)


def bump_sequence_if_changed(event: EventPage) -> None:
    """After a publish: if what calendars show has changed, raise SEQUENCE so they take the update."""
    current = calendars.fingerprint(event.calendar_data())
    if current == event.calendar_fingerprint:
        return
    if event.calendar_fingerprint:
        EventPage.objects.filter(pk=event.pk).update(sequence=F("sequence") + 1, calendar_fingerprint=current)
        event.sequence += 1
    else:
        EventPage.objects.filter(pk=event.pk).update(calendar_fingerprint=current)
    event.calendar_fingerprint = current


def refresh_provider(event: EventPage) -> None:
    """After a move: the event belongs to the provider it now sits under."""
    parent = event.get_parent(update=True)
    if parent is not None and parent.pk != event.provider_id:
        EventPage.objects.filter(pk=event.pk).update(provider_id=parent.pk)
        event.provider_id = parent.pk
