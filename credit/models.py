"""CE credit: enrolment, module progress, the credit ledger, certificates, outside CE and renewal rules.

Everything a board might audit (credit records, certificates) is written once and never edited; the
rules a board sets (requirement profiles, approving bodies, the provider's details) are editable data.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Orderable

from courses.choices import DeliveryMethod

from . import codes, rules
from .choices import CertificateKind, DeliveryScope, RuleKind
from .licences import Licence  # noqa: F401  (a model of this app kept in its own module; found here)
from .outside import OutsideCredit, PrivateStorage, outside_certificate_path  # noqa: F401  (the same)
from .progress import Enrolment, ModuleProgress  # noqa: F401  (the same)


class ImmutableRecordError(Exception):
    """Raised when code tries to change or delete a record that boards rely on staying as issued."""


# ---------------------------------------------------------------------------------------------
# Editable data: the provider, approving bodies, course approvals and requirement profiles
# ---------------------------------------------------------------------------------------------


@register_setting(icon="doc-full")
class ProviderSettings(BaseGenericSetting):
    """Who issues the credit. Copied onto each credit record when it is written."""

    organisation_name = models.CharField(max_length=150, default="Touchstone Continuing Education")
    address = models.TextField(blank=True, help_text="Postal address printed on certificates.")
    email = models.EmailField(blank=True, help_text="Contact e-mail printed on certificates.")
    phone = models.CharField(max_length=40, blank=True)
    administrator_name = models.CharField(
        max_length=120, blank=True, help_text="The provider's administrator, who signs certificates."
    )
    administrator_title = models.CharField(max_length=120, blank=True, default="Education Director")
    administrator_signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A scan of the administrator's signature (PNG with a clear background works best), "
        "printed above their name on certificates.",
    )
    certificate_note = models.TextField(
        blank=True,
        help_text="A short line printed at the foot of every certificate, for example how long records are kept.",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldRowPanel([FieldPanel("administrator_name"), FieldPanel("administrator_title")]),
        FieldPanel("administrator_signature"),
        FieldPanel("certificate_note"),
    ]

    class Meta:
        verbose_name = "CE provider details"

    @property
    def contact(self) -> str:
        return " · ".join(part for part in (self.address.replace("\n", ", ").strip(), self.email, self.phone) if part)


class ApprovingBody(models.Model):
    """A board that approved us as a provider (NCBTMB, a state board, …) and the number it gave us."""

    name = models.CharField(max_length=150, unique=True)
    short_name = models.CharField(max_length=30, blank=True, help_text="For example NCBTMB.")
    provider_number = models.CharField(
        "approved provider number", max_length=60, help_text="The number this body gave the provider."
    )
    approved_until = models.DateField(null=True, blank=True, help_text="When the provider approval expires.")
    show_on_certificates = models.BooleanField(default=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        FieldRowPanel([FieldPanel("provider_number"), FieldPanel("approved_until")]),
        FieldPanel("show_on_certificates"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "approving bodies"

    def __str__(self) -> str:
        return self.short_name or self.name

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.approved_until is None or self.approved_until >= on


class CourseApproval(Orderable):
    """A course's own approval number from one body, when the body numbers courses as well as providers."""

    page = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="approvals")
    approving_body = models.ForeignKey(ApprovingBody, on_delete=models.PROTECT, related_name="course_approvals")
    approval_number = models.CharField(
        max_length=60, blank=True, help_text="Leave blank if only the provider is numbered."
    )

    panels = [FieldRowPanel([FieldPanel("approving_body"), FieldPanel("approval_number")])]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "approving_body"], name="unique_course_approval")]

    def __str__(self) -> str:
        return f"{self.approving_body}: {self.approval_number or 'provider approval'}"


class RequirementProfile(ClusterableModel):
    """What one licensing body asks for at renewal: hours per cycle and the rules on what counts."""

    name = models.CharField(max_length=120, unique=True, help_text="For example: Florida massage therapist licence.")
    slug = models.SlugField(max_length=80, unique=True)
    body_name = models.CharField("licensing body", max_length=150)
    state = models.CharField(
        max_length=2, blank=True, help_text="Two-letter state code; blank for a national certification."
    )
    credential_label = models.CharField(
        max_length=60,
        default="Licence number",
        help_text="What the learner's number is called, for example Certificate number.",
    )
    hours_required = models.DecimalField(max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))])
    cycle_months = models.PositiveSmallIntegerField(
        default=24, validators=[MinValueValidator(1), MaxValueValidator(120)], help_text="Length of a renewal cycle."
    )
    # A board whose cycles all start on the same day (Georgia: 1 November) sets both; learners then
    # pick the year their cycle began and the end follows from cycle_months.
    cycle_start_month = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="For boards whose cycles all start on the same day: the month (1–12). Leave blank otherwise.",
    )
    cycle_start_day = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text="The day of that month the cycle starts.",
    )
    notes = models.TextField(blank=True, help_text="Shown to learners beside their progress. Keep it short.")
    source_url = models.URLField(blank=True, help_text="Where an administrator can check these rules.")
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("body_name"), FieldPanel("state"), FieldPanel("credential_label")]),
        FieldRowPanel([FieldPanel("hours_required"), FieldPanel("cycle_months")]),
        FieldRowPanel([FieldPanel("cycle_start_month"), FieldPanel("cycle_start_day")], heading="Fixed cycle start"),
        FieldPanel("notes"),
        FieldPanel("source_url"),
        InlinePanel("rules", heading="Rules", label="Rule"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cycle_start_month__isnull=True, cycle_start_day__isnull=True)
                | models.Q(
                    cycle_start_month__isnull=False,
                    cycle_start_day__isnull=False,
                    cycle_start_month__range=(1, 12),
                    cycle_start_day__range=(1, 31),
                ),
                name="fixed_cycle_start_month_and_day",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        month, day = self.cycle_start_month, self.cycle_start_day
        if (month is None) != (day is None):
            raise ValidationError({"cycle_start_day": "Give both the month and the day, or neither."})
        if month is not None and not rules.is_valid_month_day(month, day):
            raise ValidationError({"cycle_start_day": "That day does not exist in that month."})

    @property
    def fixed_cycle_start(self) -> tuple[int, int] | None:
        """(month, day) every cycle starts on, or None when each licence has its own dates."""
        if self.cycle_start_month is None or self.cycle_start_day is None:
            return None
        return self.cycle_start_month, self.cycle_start_day


class RequirementRule(Orderable):
    """A minimum or a cap on hours that match some categories and/or a way of studying."""

    profile = ParentalKey(RequirementProfile, on_delete=models.CASCADE, related_name="rules")
    label = models.CharField(max_length=120, help_text="What learners see, for example: Ethics.")
    kind = models.CharField(max_length=10, choices=RuleKind.choices)
    hours = models.DecimalField(max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0"))])
    categories = ParentalManyToManyField(
        "courses.CECategory",
        blank=True,
        related_name="requirement_rules",
        help_text="Leave empty when the rule is about how hours are studied, not what about.",
    )
    delivery = models.CharField(max_length=20, choices=DeliveryScope.choices, default=DeliveryScope.ANY)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind"), FieldPanel("hours")]),
        FieldRowPanel([FieldPanel("categories"), FieldPanel("delivery")]),
    ]

    def __str__(self) -> str:
        return f"{self.label} ({self.get_kind_display().lower()} {self.hours} h)"


# ---------------------------------------------------------------------------------------------
# The credit ledger and certificates
# ---------------------------------------------------------------------------------------------


class CreditRecordQuerySet(models.QuerySet):
    def delete(self):
        raise ImmutableRecordError("Credit records are kept as issued; they cannot be deleted.")

    def update(self, **kwargs):
        raise ImmutableRecordError("Credit records are kept as issued; they cannot be changed.")

    def with_current_certificate(self):
        return self.prefetch_related(
            models.Prefetch(
                "certificates",
                queryset=Certificate.objects.filter(revoked_at__isnull=True).order_by("-issued_at"),
                to_attr="valid_certificates",
            )
        )


class CreditRecord(models.Model):
    """Credit a learner earned: a snapshot of everything a board asks for, taken at completion.

    Later edits to the course, the provider details or the learner's profile never reach it.
    """

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="credit_records"
    )
    # Blank for a standalone workshop or webinar: credit from an attended event that is no catalogue course.
    course = models.ForeignKey(
        "courses.CoursePage", null=True, blank=True, on_delete=models.PROTECT, related_name="credit_records"
    )
    learner_name = models.CharField(max_length=150)
    licences = models.JSONField(default=list, help_text="The learner's licences at completion: body, state, number.")
    course_title = models.CharField(max_length=255)
    course_number = models.CharField(max_length=40)
    ce_hours = models.DecimalField(max_digits=5, decimal_places=1)
    hours_by_category = models.JSONField(default=list, help_text="[{slug, name, hours}] as approved.")
    delivery_method = models.CharField(max_length=20, choices=DeliveryMethod.choices)
    tested = models.BooleanField(help_text="Whether a graded test was part of the course.")
    hands_on = models.BooleanField(default=False, help_text="Supervised hands-on practice, in person.")
    completed_at = models.DateTimeField()
    completed_on = models.DateField()
    provider_name = models.CharField(max_length=150)
    provider_contact = models.CharField(max_length=300, blank=True)
    provider_signatory = models.CharField(max_length=250, blank=True)
    approvals = models.JSONField(default=list, help_text="[{body, provider_number, course_number}] at completion.")
    instructors = models.CharField(max_length=400, blank=True)
    place = models.CharField(
        max_length=150, blank=True, help_text='Where it was studied: "City, ST", "Live webinar" or "Online home study".'
    )
    certificate_note = models.TextField(blank=True, help_text="The provider's note at completion.")
    # The issuer's signature when the credit comes from another provider's event (blank: the site's own).
    signature_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CreditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-completed_at"]
        constraints = [
            # Deciding completion twice must never write two records.
            models.UniqueConstraint(fields=["user", "course"], name="one_credit_record_per_course"),
        ]
        indexes = [models.Index(fields=["course", "completed_on"])]

    def __str__(self) -> str:
        return f"{self.learner_name}: {self.course_title} ({self.completed_on})"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.pop("_allow_update", False):
            raise ImmutableRecordError("Credit records are kept as issued; they cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("Credit records are kept as issued; they cannot be deleted.")

    @property
    def certificate_kind(self) -> str:
        return CertificateKind.for_course(tested=self.tested, delivery_method=self.delivery_method)

    @property
    def certificate_title(self) -> str:
        return CertificateKind(self.certificate_kind).label

    @property
    def course_type(self) -> str:
        """The course type boards ask for: Live, Webinar or Home Study."""
        return {
            DeliveryMethod.LIVE_ON_SITE: "Live, in person",
            DeliveryMethod.LIVE_WEBINAR: "Live webinar",
            DeliveryMethod.ON_DEMAND: "Home Study (on demand)",
        }.get(self.delivery_method, self.get_delivery_method_display())

    @property
    def length_in_hours(self) -> str:
        """The length boards ask for (Florida: in classroom hours), home study included."""
        number = f"{self.ce_hours.normalize():f}"
        unit = "hour" if self.ce_hours == 1 else "hours"
        if self.delivery_method == DeliveryMethod.ON_DEMAND:
            return f"{number} {unit} of home study (50-minute hours)"
        return f"{number} classroom {unit} (50-minute hours)"

    @property
    def category_hours(self) -> dict[str, Decimal]:
        return {item["slug"]: Decimal(str(item["hours"])) for item in self.hours_by_category}

    @cached_property
    def current_certificate(self) -> "Certificate | None":
        """The certificate in force; listings prefetch it as `valid_certificates` (see with_current_certificate)."""
        valid = getattr(self, "valid_certificates", None)
        if valid is None:
            valid = list(self.certificates.filter(revoked_at__isnull=True).order_by("-issued_at")[:1])
        return valid[0] if valid else None


class Certificate(models.Model):
    """The printable proof of a credit record, with a code anyone can verify.

    A certificate is revoked, never edited; reissuing writes a new certificate with a new code.
    """

    wagtail_reference_index_ignore = True

    record = models.ForeignKey(CreditRecord, on_delete=models.PROTECT, related_name="certificates")
    code = models.CharField(max_length=24, unique=True, default=codes.new_code, editable=False)
    name_on_certificate = models.CharField(max_length=150)
    issued_at = models.DateTimeField(default=timezone.now)
    # The first time the learner (or anyone) downloaded the PDF: from then on the credit is in the
    # learner's hands, so it can only be revoked, never quietly withdrawn.
    downloaded_at = models.DateTimeField(null=True, blank=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reissue_reason = models.CharField(max_length=300, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"Certificate {self.display_code}"

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("Certificates are revoked, never deleted.")

    @property
    def display_code(self) -> str:
        return codes.group(self.code)

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
