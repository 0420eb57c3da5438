"""An event page: a workshop, webinar or on-demand course, one page however many days it runs.

Besides what learners read, an event carries its calendar identity: a UID that calendar apps
recognise it by, and a SEQUENCE that rises when a published change alters what calendars show.
"""

import uuid
from datetime import UTC
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses import reading
from courses.blocks import labelled_input
from courses.choices import DeliveryMethod
from courses.editor_forms import CECategoryInlinePanel
from courses.models import validate_half_hours

from .. import money, schedule
from ..choices import Currency, EventStatus
from ..editor_forms import EventPageForm
from .base import DEFAULT_TIME_ZONE, PostalAddressMixin, time_zone_select, validate_time_zone
from .offerings import check_offering
from .providers import ProviderPage
from .sessions import EventSession


class EventPage(PostalAddressMixin, Page):
    """A workshop, webinar or on-demand course: one event however many days it runs."""

    summary = models.TextField(max_length=300, help_text="One or two sentences for the listing.")
    description = RichTextField(blank=True, features=["h3", "bold", "italic", "ol", "ul", "link"])
    learning_objectives = StreamField(
        [("objective", labelled_input(blocks.CharBlock(max_length=250, label="Objective"), "Learning objective"))],
        help_text="What a participant can do afterwards, one per item.",
    )
    prerequisites = models.TextField(
        blank=True, help_text="Leave blank when any massage therapist or student can come."
    )

    status = models.CharField(
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text="Scheduled: open for registration. Full: new registrations join the waiting list. "
        "Postponed: registration pauses until you set the new dates and choose Scheduled again. "
        "Cancelled: registration closes and calendars show the event as cancelled.",
    )
    time_zone = models.CharField(
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text="Session times are typed and shown in this time zone.",
    )
    delivery_method = models.CharField(
        max_length=20, choices=DeliveryMethod.choices, default=DeliveryMethod.LIVE_ON_SITE
    )
    hands_on = models.BooleanField(
        "hands-on",
        default=False,
        help_text="Participants practise techniques in person, under supervision (only for Live – On Site).",
    )
    venue = models.CharField(
        max_length=120, blank=True, help_text="For example: Harbour Room, Bayside Wellness Center."
    )
    street_address = models.TextField(blank=True)
    city = models.CharField(max_length=80, blank=True)
    region = models.CharField("state or region", max_length=80, blank=True, help_text="Full name, for example Florida.")
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=80, blank=True, default="United States")
    online_platform = models.CharField(
        max_length=80, blank=True, help_text="For a webinar or on-demand course, for example Zoom or Teachable."
    )
    joining_details = models.TextField(
        blank=True,
        help_text="How participants join the webinar or open the course, for example when the link is e-mailed.",
    )

    ce_hours = models.DecimalField(
        "CE hours",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), validate_half_hours],
        help_text="Whole or half hours, as approved.",
    )
    # A scheduled offering of a live catalogue course; blank for a standalone workshop or webinar.
    offering_of = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offerings",
        verbose_name="scheduled offering of",
        help_text="The live course this event delivers. Attending it in full completes that course. "
        "Leave blank for a standalone workshop or webinar with its own CE hours.",
    )
    cost = models.DecimalField(
        max_digits=9, decimal_places=2, validators=[MinValueValidator(Decimal("0"))], help_text="0 for a free event."
    )
    currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.USD)
    certificate_fee = models.DecimalField(
        "extra charge for the certificate",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Leave blank when the certificate is included in the cost.",
    )
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Places available; blank for no limit.")
    registration_details = models.TextField(
        "how to register", help_text="For example: register online, or call the office to book and pay."
    )
    registration_url = models.URLField("registration link", blank=True)
    registration_deadline = models.DateField(
        null=True, blank=True, help_text="The last day to register, in the event's time zone. Blank: until it starts."
    )
    cancellation_policy = models.TextField(
        "payment, cancellation and refund policy", help_text="How to pay, and what happens if either side cancels."
    )

    provider = models.ForeignKey(
        ProviderPage, null=True, editable=False, on_delete=models.SET_NULL, related_name="event_pages"
    )
    uid = models.UUIDField("calendar ID", default=uuid.uuid4, editable=False, unique=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    calendar_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # Set by the team's Cancel event / Postpone event actions (events/status_changes.py), shown with the status.
    status_reason = models.CharField("reason", max_length=300, blank=True, editable=False)
    status_changed_at = models.DateTimeField("status changed", null=True, blank=True, editable=False)
    postponed_to = models.DateField("new date", null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("learning_objectives"),
        InlinePanel("instructors", heading="Instructors", label="Instructor", min_num=1),
        FieldPanel("prerequisites"),
    ]
    schedule_panels = [
        FieldPanel("status"),
        FieldPanel("time_zone", widget=time_zone_select()),
        InlinePanel(
            "sessions",
            heading="Sessions",
            label="Session",
            min_num=1,
            help_text=(
                "One session per day of a workshop. For an on-demand course, one session from the day it opens "
                "to the day access ends. Times are in the time zone above."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("delivery_method"), FieldPanel("hands_on")],
            heading="Delivery",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("country")]),
            ],
            heading="Venue (Live – On Site)",
        ),
        MultiFieldPanel(
            [FieldPanel("online_platform"), FieldPanel("joining_details")],
            heading="Joining details (Live – Webinar or On Demand)",
        ),
    ]
    credit_panels = [
        FieldPanel("offering_of"),
        FieldPanel("ce_hours"),
        CECategoryInlinePanel("ce_category_links", heading="CE categories", label="CE category", min_num=1),
        InlinePanel(
            "approvals",
            heading="Approval numbers",
            label="Approval number",
            help_text="The number each approving body gave this course, for example NCBTMB or a state board.",
        ),
        InlinePanel(
            "course_links",
            heading="Related courses",
            label="Course",
            help_text="Catalogue courses this event builds on or goes with; their pages will list it.",
        ),
    ]
    registration_panels = [
        HelpPanel(
            content="<p>NCBTMB asks listings to show the cost, any extra charge for the certificate, how and when "
            "to register, and the payment, cancellation and refund policy.</p>"
        ),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("currency")]),
        FieldRowPanel([FieldPanel("certificate_fee"), FieldPanel("capacity")]),
        FieldPanel("registration_details"),
        FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_deadline")]),
        FieldPanel("cancellation_policy"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(schedule_panels, heading="Dates and place"),
            ObjectList(credit_panels, heading="CE credit"),
            ObjectList(registration_panels, heading="Registration"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("region"),
        index.FilterField("delivery_method"),
        index.FilterField("status"),
    ]

    parent_page_types = ["events.ProviderPage"]
    subpage_types: list[str] = []

    # The venue heads the postal address.
    address_name_field = "venue"

    # A copy is a new event for calendars: fresh identity, sequence starts again, no past status change.
    exclude_fields_in_copy = [
        *("uid", "sequence", "calendar_fingerprint"),
        *("status_reason", "status_changed_at", "postponed_to"),
    ]

    class Meta:
        verbose_name = "event"

    base_form_class = EventPageForm

    # -- identity and calendar sequence -------------------------------------------------------

    def with_content_json(self, content):
        # Restoring or publishing an older revision must not roll back the calendar identity.
        obj = super().with_content_json(content)
        obj.uid = self.uid
        obj.sequence = self.sequence
        obj.calendar_fingerprint = self.calendar_fingerprint
        return obj

    def clean(self):
        super().clean()
        if self.hands_on and self.delivery_method != DeliveryMethod.LIVE_ON_SITE:
            raise ValidationError(
                {"hands_on": "Hands-on practice happens in person: choose Live – On Site, or untick hands-on."}
            )
        if self.offering_of_id:
            check_offering(event=self, course=self.offering_of.specific)

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            if self.pk is None:
                # New, or a copy of another event: a calendar must see a different event.
                self.uid = uuid.uuid4()
                self.sequence = 0
                self.calendar_fingerprint = ""
                for session in self.sessions.all():
                    session.uid = uuid.uuid4()
            else:
                self._give_borrowed_sessions_new_ids()
            # The provider is the page above; kept on the event so listings can filter and join on it.
            parent = self.get_parent() if self.path else None
            if parent is not None:
                self.provider_id = parent.pk
        return super().save(*args, **kwargs)

    def _give_borrowed_sessions_new_ids(self) -> None:
        """Session IDs are calendar UIDs: one borrowed from another event (a copied revision) is replaced."""
        sessions = list(self.sessions.all())
        if not sessions:
            return
        taken = set(
            EventSession.objects.filter(uid__in=[session.uid for session in sessions])
            .exclude(page_id=self.pk)
            .values_list("uid", flat=True)
        )
        for session in sessions:
            if session.uid in taken:
                session.uid = uuid.uuid4()

    def calendar_data(self) -> dict:
        """What a calendar entry shows; a change here is an update subscribers should receive."""
        return {
            "title": self.title,
            "summary": self.summary,
            "status": self.status,
            "time_zone": self.time_zone,
            "delivery": self.delivery_method,
            "hands_on": self.hands_on,
            "place": [self.venue, self.street_address, self.city, self.region, self.postal_code, self.country],
            "online": [self.online_platform, self.joining_details],
            "ce_hours": reading.format_hours(self.ce_hours),
            "sessions": [
                [
                    str(session.uid),
                    session.starts_at.astimezone(UTC).isoformat(),
                    session.ends_at.astimezone(UTC).isoformat(),
                ]
                for session in sorted(self.sessions.all(), key=lambda session: (session.starts_at, session.pk or 0))
            ],
        }

    # -- presentation ---------------------------------------------------------------------------

    @cached_property
    def session_list(self) -> list["EventSession"]:
        """Sessions in time order (uses prefetched sessions when the selector loaded them)."""
        return sorted(self.sessions.all(), key=lambda session: session.starts_at)

    @property
    def first_session(self) -> "EventSession | None":
        return self.session_list[0] if self.session_list else None

    @property
    def last_session(self) -> "EventSession | None":
        return self.session_list[-1] if self.session_list else None

    @property
    def local_first_start(self):
        first = self.first_session
        return schedule.to_local(first.starts_at, self.time_zone) if first else None

    @property
    def date_range(self) -> str:
        first, last = self.first_session, self.last_session
        if first is None:
            return ""
        return schedule.format_date_range(
            schedule.to_local(first.starts_at, self.time_zone).date(),
            schedule.to_local(last.ends_at, self.time_zone).date(),
        )

    @property
    def time_summary(self) -> str:
        """The daily hours for a card: "9:00 AM – 5:00 PM EST", or where they vary, when it starts."""
        sessions = self.session_list
        if not sessions:
            return ""
        if self.is_on_demand:
            return "Study at your own pace"
        # Each day in its own zone abbreviation: a weekend that spans a clock change is EST, then EDT.
        return schedule.daily_hours([(session.local_start, session.local_end) for session in sessions])

    @property
    def date_tile(self) -> tuple[str, str]:
        """(month, day) of the first session for the calendar-page graphic on cards."""
        first = self.local_first_start
        return (f"{first:%b}", str(first.day)) if first else ("", "")

    @property
    def is_under_way(self) -> bool:
        first, last = self.first_session, self.last_session
        now = timezone.now()
        return first is not None and first.starts_at <= now <= last.ends_at

    @property
    def is_past(self) -> bool:
        last = self.last_session
        return last is not None and last.ends_at < timezone.now()

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_on_site(self) -> bool:
        return self.delivery_method == DeliveryMethod.LIVE_ON_SITE

    @property
    def is_webinar(self) -> bool:
        return self.delivery_method == DeliveryMethod.LIVE_WEBINAR

    @property
    def is_on_demand(self) -> bool:
        return self.delivery_method == DeliveryMethod.ON_DEMAND

    @property
    def place(self) -> str:
        """Where, in a few words, for cards and calendars: "Tampa, Florida" or "Online (Zoom)"."""
        if self.is_on_site:
            return ", ".join(part for part in (self.city, self.region) if part)
        if self.is_on_demand:
            return f"On demand ({self.online_platform})" if self.online_platform else "On demand, online"
        return f"Online ({self.online_platform})" if self.online_platform else "Online"

    @property
    def takes_attendance(self) -> bool:
        """Live events earn credit through attendance; on-demand listings do not take it here."""
        return not self.is_on_demand and not self.registration_url

    @property
    def credit_place(self) -> str:
        """The place a certificate prints (Texas asks for it): "Tampa, FL" or "Live webinar"."""
        if self.is_webinar:
            return "Live webinar"
        from ..regions import state_code

        region = state_code(self.region) or self.region
        return ", ".join(part for part in (self.city, region) if part) or "In person"

    @property
    def cost_display(self) -> str:
        return money.format_money(self.cost, self.currency)

    @property
    def certificate_fee_display(self) -> str:
        if not self.certificate_fee:
            return "Included, no extra charge"
        return f"{money.format_money(self.certificate_fee, self.currency)} extra"

    @property
    def zone_label(self) -> str:
        """The zone on the event's days: "EST (America/New_York)", or "EST, then EDT (…)" across a clock change."""
        moments = [moment for session in self.session_list for moment in (session.local_start, session.local_end)]
        return schedule.zone_label(moments, self.time_zone)

    def get_context(self, request, *args, **kwargs):
        # The page context reads models through selectors, so it is imported when the page is served.
        from ..pages import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(request, self))
        return context
