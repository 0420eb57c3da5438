"""The events listing and the training providers under it: Home → Events (index) → provider.

A provider's page holds its events, so Wagtail permissions granted on that one page cover the
provider's profile and everything it lists, and nothing else.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .base import DEFAULT_TIME_ZONE, PostalAddressMixin, time_zone_select, validate_time_zone

# Addresses the listing answers itself (the archive is /events/past/), so no provider may use them.
RESERVED_PROVIDER_SLUGS = frozenset({"past"})


class EventIndexPage(RoutablePageMixin, Page):
    """Every upcoming event, filterable, with an archive of past events at past/."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.ProviderPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "event listing"

    # The page contexts read models through selectors, so they are imported when a page is served.
    @path("")
    def upcoming_events(self, request):
        from ..pages import listing_context

        return self.render(request, context_overrides=listing_context(request, self, archive=False))

    @path("past/")
    def past_events(self, request):
        from ..pages import listing_context

        return self.render(request, context_overrides=listing_context(request, self, archive=True))


class ProviderPage(PostalAddressMixin, Page):
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
    # Who signs the certificates for credit from this provider's events (NCBTMB asks for a signature).
    signatory_name = models.CharField(
        "certificate signatory", max_length=120, blank=True, help_text="The administrator who signs certificates."
    )
    signatory_title = models.CharField(max_length=120, blank=True, help_text="For example: Education Director.")
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A scan of the signature (PNG with a clear background works best), printed above the name.",
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
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_title")]), FieldPanel("signature")],
            heading="Certificates",
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
    def contact(self) -> str:
        """One line for certificates: the postal address, e-mail and phone."""
        address = ", ".join(self.address_lines)
        return " · ".join(part for part in (address, self.contact_email, self.contact_phone) if part)

    def get_context(self, request, *args, **kwargs):
        from ..pages import provider_context

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
