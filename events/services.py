"""Writes that span models: the Providers group, each provider's team, the Event review workflow, onboarding,
and calendar sequences."""

import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F
from django.utils.text import slugify
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from courses.selectors import site_home
from courses.services import COURSE_EDITORS_GROUP, REVIEW_WORKFLOW
from teams.authoring import UPLOAD_PERMISSIONS, grant_collection_permissions, permissions, team_group

from . import calendars, schedule
from .models import DEFAULT_TIME_ZONE, RESERVED_PROVIDER_SLUGS, EventIndexPage, EventPage, ProviderPage

PROVIDERS_GROUP = "Providers"
# Providers' pages and events have a review of their own, in their words; Course editors still approve.
EVENT_REVIEW_WORKFLOW = "Event review"
EVENT_REVIEW_TASK = "Listing check by Touchstone editors"

# Inside its own page a provider drafts, edits and submits; Course editors publish (the Event review workflow).
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
    # Providers already on the site (and their events) move from Course review to Event review.
    use_event_review(*ProviderPage.objects.all())
    return group


def event_review_workflow() -> Workflow:
    """The Event review workflow: one task, a check by the Course editors; created when missing."""
    editors, _ = Group.objects.get_or_create(name=COURSE_EDITORS_GROUP)
    task = GroupApprovalTask.objects.filter(name=EVENT_REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=EVENT_REVIEW_TASK)
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=EVENT_REVIEW_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def use_event_review(*providers: ProviderPage) -> None:
    """Put provider pages, and so the events under them, through Event review.

    Pages left to the site-wide Course review move; a workflow an administrator chose for a provider stays.
    """
    if not providers:
        return
    workflow = event_review_workflow()
    for provider in providers:
        assigned = WorkflowPage.objects.filter(page=provider).select_related("workflow").first()
        if assigned is None:
            WorkflowPage.objects.create(page=provider, workflow=workflow)
        elif assigned.workflow.name == REVIEW_WORKFLOW:
            assigned.workflow = workflow
            assigned.save(update_fields=["workflow"])


@transaction.atomic
def sync_provider_team(provider: ProviderPage) -> Group:
    """The provider's own group, with edit rights on its page and everything under it.

    Wagtail grants page permissions to groups, so each provider has a group of its own; its
    accounts are the group's members. Its pages go through Event review.
    """
    use_event_review(provider)
    return team_group(provider, _team_group_name(provider))


def add_provider_account(provider: ProviderPage, user) -> None:
    """Let an account manage this provider's page and events."""
    group = sync_provider_team(provider)
    user.groups.add(ensure_provider_setup(), group)


def events_index() -> EventIndexPage | None:
    return EventIndexPage.objects.order_by("path").first()


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
