"""Training providers and their events: Home → Events (index) → provider → event.

A provider's page holds its events, so Wagtail permissions granted on that one page cover the
provider's profile and everything it lists, and nothing else.
"""

import uuid
from datetime import UTC
from decimal import Decimal

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses import reading
from courses.choices import DeliveryMethod
from courses.models import AbstractCECategoryLink, CECategory, validate_half_hours

from . import schedule
from .choices import Currency, EventStatus
from .editor_forms import EventPageForm
from .fields import ZonedDateTimeField

DEFAULT_TIME_ZONE = "America/New_York"
# Addresses the listing answers itself (the archive is /events/past/), so no provider may use them.
RESERVED_PROVIDER_SLUGS = frozenset({"past"})


def validate_time_zone(value: str) -> None:
    if not schedule.is_known_time_zone(value):
        raise ValidationError(f"{value!r} is not a time zone name such as America/New_York.")


def time_zone_select() -> forms.Select:
    return forms.Select(choices=schedule.time_zone_choices())


class EventIndexPage(RoutablePageMixin, Page):
    """Every upcoming event, filterable, with an archive of past events at past/."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.ProviderPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "event listing"

    @path("")
    def upcoming_events(self, request):
        from .views import listing_context

        return self.render(request, context_overrides=listing_context(request, self, archive=False))

    @path("past/")
    def past_events(self, request):
        from .views import listing_context

        return self.render(request, context_overrides=listing_context(request, self, archive=True))


class ProviderPage(Page):
    """A training provider's profile. Its events live under it."""

    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    description = RichTextField(
        blank=True, features=["bold", "italic", "link", "ul", "ol"], help_text="Who you are and what you teach."
    )
    contact_email = models.EmailField("contact e-mail")
    contact_phone = models.CharField("contact phone", max_length=40, blank=True)
    website = models.URLField(blank=True)
    street_address = models.TextField(blank=True, help_text="Street and number; one line per line of the address.")
    city = models.CharField(max_length=80, blank=True)
    region = models.CharField("state or region", max_length=80, blank=True, help_text="For example: Florida.")
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=80, default="United States")
    time_zone = models.CharField(
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text="Where you usually teach. New events start in this time zone.",
    )
    team_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="provider"
    )

    content_panels = [
        TitleFieldPanel("title", heading="Organisation name"),
        FieldPanel("logo"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("website"),
            ],
            heading="Contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("country")]),
                FieldPanel("time_zone", widget=time_zone_select()),
            ],
            heading="Address",
        ),
        InlinePanel(
            "approvals",
            heading="Approvals",
            label="Approval",
            help_text="Each board or body that has approved you as a CE provider.",
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("description"), index.FilterField("region")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = "training provider"

    def clean(self):
        super().clean()
        if self.slug in RESERVED_PROVIDER_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is taken by the events listing; choose another slug."})

    def route(self, request, path_components):
        # A provider's events are only public once the provider's own profile is.
        if not self.live:
            raise Http404
        return super().route(request, path_components)

    @property
    def address_lines(self) -> list[str]:
        lines = [line.strip() for line in self.street_address.splitlines() if line.strip()]
        locality = ", ".join(part for part in (self.city, self.region) if part)
        locality = f"{locality} {self.postal_code}".strip()
        return [*lines, *(part for part in (locality, self.country) if part)]

    def get_context(self, request, *args, **kwargs):
        from .views import provider_context

        context = super().get_context(request, *args, **kwargs)
        context.update(provider_context(request, self))
        return context


class ProviderApproval(Orderable):
    """One approval the provider holds, e.g. NCBTMB Approved Provider number 451234-00."""

    page = ParentalKey(ProviderPage, on_delete=models.CASCADE, related_name="approvals")
    approving_body = models.CharField(
        max_length=120, help_text="For example: NCBTMB, Florida Board of Massage Therapy."
    )
    approval_number = models.CharField(max_length=60)
    expires_on = models.DateField("expiry date", null=True, blank=True, help_text="Leave blank if it does not expire.")

    panels = [FieldRowPanel([FieldPanel("approving_body"), FieldPanel("approval_number"), FieldPanel("expires_on")])]

    def __str__(self) -> str:
        return f"{self.approving_body} {self.approval_number}"

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and self.expires_on < timezone.localdate()


class EventPage(Page):
    """A workshop, webinar or on-demand course: one event however many days it runs."""

    summary = models.TextField(max_length=300, help_text="One or two sentences for the listing.")
    description = RichTextField(blank=True, features=["h3", "bold", "italic", "ol", "ul", "link"])
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(max_length=250, label="Objective"))],
        help_text="What a participant can do afterwards, one per item.",
    )
    prerequisites = models.TextField(
        blank=True, help_text="Leave blank when any massage therapist or student can come."
    )

    status = models.CharField(max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
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
        FieldPanel("ce_hours"),
        InlinePanel("ce_category_links", heading="CE categories", label="CE category", min_num=1),
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

    # A copy is a new event for calendars: fresh identity, sequence starts again.
    exclude_fields_in_copy = ["uid", "sequence", "calendar_fingerprint"]

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
        first = sessions[0]
        abbreviation = schedule.zone_abbreviation(first.local_start)
        hours = {(schedule.format_clock(s.local_start), schedule.format_clock(s.local_end)) for s in sessions}
        if len(hours) == 1 and all(s.local_start.date() == s.local_end.date() for s in sessions):
            start, end = hours.pop()
            return f"{start} – {end} {abbreviation}"
        return f"Starts {schedule.format_clock(first.local_start)} {abbreviation}; times vary by day"

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
    def address_lines(self) -> list[str]:
        lines = [self.venue] if self.venue else []
        lines += [line.strip() for line in self.street_address.splitlines() if line.strip()]
        locality = ", ".join(part for part in (self.city, self.region) if part)
        locality = f"{locality} {self.postal_code}".strip()
        return [*lines, *(part for part in (locality, self.country) if part)]

    @property
    def cost_display(self) -> str:
        return schedule.format_money(self.cost, self.currency)

    @property
    def certificate_fee_display(self) -> str:
        if not self.certificate_fee:
            return "Included, no extra charge"
        return f"{schedule.format_money(self.certificate_fee, self.currency)} extra"

    @property
    def zone_label(self) -> str:
        """The zone as learners know it now and where: "EST (America/New_York)"."""
        first = self.local_first_start
        abbreviation = schedule.zone_abbreviation(first) if first else ""
        return f"{abbreviation} ({self.time_zone})" if abbreviation else self.time_zone

    def get_context(self, request, *args, **kwargs):
        from .views import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(request, self))
        return context


class EventSession(Orderable):
    """One sitting of an event: a day of a workshop, a webinar, or an on-demand course's access window."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    starts_at = ZonedDateTimeField("starts", help_text="Local time in the event's time zone.")
    ends_at = ZonedDateTimeField("ends", help_text="Local time in the event's time zone.")
    # Local calendar days in the event's zone, so "events on 14 March" means 14 March where it happens.
    starts_on = models.DateField(editable=False, db_index=True)
    ends_on = models.DateField(editable=False, db_index=True)
    uid = models.UUIDField("calendar ID", default=uuid.uuid4, editable=False, db_index=True)

    panels = [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])]

    class Meta(Orderable.Meta):
        verbose_name = "session"

    def __str__(self) -> str:
        if self.starts_at and self.ends_at and self.page_id:
            return self.when
        return "Session"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The session ends before it starts: check the end date and time."})

    def save(self, *args, **kwargs):
        zone = self.page.time_zone
        self.starts_on = schedule.to_local(self.starts_at, zone).date()
        self.ends_on = schedule.to_local(self.ends_at, zone).date()
        return super().save(*args, **kwargs)

    @property
    def local_start(self):
        return schedule.to_local(self.starts_at, self.page.time_zone)

    @property
    def local_end(self):
        return schedule.to_local(self.ends_at, self.page.time_zone)

    @property
    def when(self) -> str:
        return schedule.format_session(self.starts_at, self.ends_at, self.page.time_zone)


class EventInstructor(Orderable):
    """Who teaches: named on the listing, as NCBTMB requires."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="instructors")
    name = models.CharField(max_length=120)
    credentials = models.CharField(max_length=120, blank=True, help_text="For example: LMT, BCTMB.")
    bio = models.TextField(blank=True, max_length=600)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("credentials")]), FieldPanel("bio")]

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class EventCECategory(AbstractCECategoryLink):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="ce_category_links")
    category = models.ForeignKey(CECategory, on_delete=models.PROTECT, related_name="event_links")

    class Meta(AbstractCECategoryLink.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "category"], name="unique_event_ce_category")]


class EventApproval(Orderable):
    """The number an approving body gave this event (NCBTMB, a state board)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="approvals")
    approving_body = models.CharField(max_length=120)
    approval_number = models.CharField(max_length=60)

    panels = [FieldRowPanel([FieldPanel("approving_body"), FieldPanel("approval_number")])]

    def __str__(self) -> str:
        return f"{self.approving_body} {self.approval_number}"


class EventCourseLink(Orderable):
    """A catalogue course the event goes with; the course page lists the event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="course_links")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="event_links")

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "course"], name="unique_event_course")]

    def __str__(self) -> str:
        return str(self.course)
