"""Panels on the Wagtail admin's home page (the dashboard), one per role, added by `home.wagtail_hooks`.

- Administrators (superusers) see the site summary: how many people study here, what they are studying,
  what they finished and earned this month, and the events coming up. Each figure is one aggregate
  query whatever the amount of data, and links to the admin page it comes from when there is one.
- Course editors see what waits for their review: pages (courses, modules, quizzes, events) and
  questions from the question bank, oldest first, each with a link to review it. Wagtail's own
  "Awaiting your review" panel shows the same items with approve buttons once something is submitted,
  but is hidden while nothing is; this one is always there, first, so an editor sees an empty queue too.

Other apps add their own panels (an instructor's courses, a provider's events, flagged questions) through
the same hook; nothing here removes them or Wagtail's defaults.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

from courses.services import COURSE_EDITORS_GROUP
from credit.models import CreditRecord, Enrolment
from events.choices import EventStatus, RegistrationStatus
from events.models import EventPage, Registration
from events.selectors import upcoming
from quizzes.choices import AttemptStatus
from quizzes.models import QuizAttempt

REVIEW_QUEUE_LENGTH = 20  # the oldest this many; the panel says how many more there are


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    explanation: str
    url: str = ""  # the admin page the figure comes from, when there is one


def month_start(now: datetime) -> datetime:
    """Midnight on the first of this month, in the site's time zone ("this month" as the team says it)."""
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def site_summary(*, now: datetime) -> list[Figure]:
    """The administrators' figures: five aggregate queries, however many learners, attempts or events."""
    since = month_start(now)
    enrolments = Enrolment.objects.aggregate(
        learners=Count("user", distinct=True),
        active=Count("pk", filter=Q(left_at__isnull=True, completed_at__isnull=True)),
        completed=Count("pk", filter=Q(completed_at__gte=since)),
    )
    hours = CreditRecord.objects.filter(completed_at__gte=since).aggregate(total=Sum("ce_hours"))["total"]
    graded = QuizAttempt.objects.filter(status=AttemptStatus.GRADED, submitted_at__gte=since).count()
    events = upcoming(EventPage.objects.live().exclude(status=EventStatus.CANCELLED), now).order_by()
    event_count = events.count()
    registered = Registration.objects.filter(
        event__in=events.values("pk"), status=RegistrationStatus.REGISTERED
    ).count()
    month = since.strftime("%B")
    return [
        Figure(
            "Learners",
            _whole(enrolments["learners"]),
            "people enrolled in at least one course",
            _url("wagtailusers_users:index"),
        ),
        Figure("Active enrolments", _whole(enrolments["active"]), "enrolled, not finished and not left"),
        Figure("Completions this month", _whole(enrolments["completed"]), f"courses finished since 1 {month}"),
        Figure(
            "CE hours awarded this month",
            _hours(hours or Decimal("0")),
            f"on credit records issued since 1 {month}, courses and events",
            _url("credit_records:index"),
        ),
        Figure("Quiz attempts graded this month", _whole(graded), f"submitted and graded since 1 {month}"),
        Figure(
            "Upcoming events",
            _whole(event_count),
            "published, not cancelled, not over yet",
            _url("wagtailadmin_pages:search", query="content_type=events.eventpage"),
        ),
        Figure("Registrations for upcoming events", _whole(registered), "places taken, waiting list not counted"),
    ]


@dataclass(frozen=True)
class WaitingItem:
    title: str
    kind: str  # "Page: Course", "Question: Single choice question"
    submitted_by: str
    waiting_since: datetime
    review_url: str


def review_queue(*, user) -> tuple[list[WaitingItem], int]:
    """Pages and questions in a review workflow whose current task `user` may approve, oldest first,
    and how many there are in all."""
    states = (
        WorkflowState.objects.active()
        .filter(current_task_state__in=TaskState.objects.reviewable_by(user))
        .select_related("requested_by", "current_task_state", "content_type", "base_content_type")
        .order_by("current_task_state__started_at", "pk")
    )
    total = states.count()
    states = list(states[:REVIEW_QUEUE_LENGTH])
    objects = _content_objects(states)
    items = []
    for state in states:
        item = _waiting_item(state, objects.get((state.base_content_type_id, state.object_id)))
        if item is not None:
            items.append(item)
    return items, total


def _content_objects(states: list[WorkflowState]) -> dict[tuple[int, str], object]:
    """The pages and questions of `states`, one query per base model (Page, Question). Not through
    prefetch_related("content_object"): questions are polymorphic, so they come back as their own type and
    the generic relation, keyed by the base type, would not match them."""
    wanted: dict[int, set[str]] = {}
    for state in states:
        wanted.setdefault(state.base_content_type_id, set()).add(state.object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        model = next(s.base_content_type for s in states if s.base_content_type_id == content_type_id).model_class()
        for obj in model._default_manager.filter(pk__in=ids):
            found[(content_type_id, str(obj.pk))] = obj
    return found


def _waiting_item(state: WorkflowState, obj) -> WaitingItem | None:
    if obj is None:  # deleted since it was submitted
        return None
    model = state.content_type.model_class()
    is_page = isinstance(obj, Page)
    if is_page:
        url = reverse("wagtailadmin_pages:edit", args=[obj.pk])
        title = obj.get_admin_display_title()
    else:
        viewset = getattr(model, "snippet_viewset", None) or obj.snippet_viewset
        url = reverse(viewset.get_url_name("edit"), args=[obj.pk])
        title = str(obj)
    requester = state.requested_by
    return WaitingItem(
        title=title,
        kind=f"{'Page' if is_page else 'Question'}: {model._meta.verbose_name.capitalize()}",
        submitted_by=(requester.get_full_name() or requester.get_username()) if requester else "",
        waiting_since=state.current_task_state.started_at,
        review_url=url,
    )


def is_course_editor(user) -> bool:
    return user.is_active and user.groups.filter(name=COURSE_EDITORS_GROUP).exists()


class SiteSummaryPanel(Component):
    """Administrators: the site in figures, before Wagtail's own panels."""

    name = "touchstone_site_summary"
    template_name = "home/admin_panels/site_summary.html"
    order = 90

    def get_context_data(self, parent_context):
        return {"figures": site_summary(now=timezone.now())}


class ReviewQueuePanel(Component):
    """Course editors: what waits for their review, first on their dashboard."""

    name = "touchstone_review_queue"
    template_name = "home/admin_panels/review_queue.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        items, total = review_queue(user=self.user)
        return {"items": items, "total": total, "more": max(0, total - len(items))}


def add_panels(request, panels: list) -> None:
    """The `construct_homepage_panels` hook: add this user's panels; leave every other panel as it is."""
    user = request.user
    if user.is_superuser:
        panels.append(SiteSummaryPanel())
    if is_course_editor(user):
        panels.append(ReviewQueuePanel(user))


def _url(name: str, *, query: str = "") -> str:
    try:
        url = reverse(name)
    except NoReverseMatch:  # an admin page that is not installed: the figure stands without a link
        return ""
    return f"{url}?{query}" if query else url


def _whole(number: int) -> str:
    return f"{number:,}"


def _hours(hours: Decimal) -> str:
    return f"{int(hours):,}" if hours == hours.to_integral() else f"{hours:,.1f}"
