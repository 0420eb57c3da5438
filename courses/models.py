"""The course catalogue: CE categories, instructors, and the catalogue → course → module page tree."""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from pagecache.restrictions import KnownViewRestrictionsMixin
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import reading
from .blocks import ModuleBodyBlock, labelled_input, stream_anchors, stream_text, stream_video_minutes
from .ce_hours import HALF_HOUR_MESSAGE
from .choices import CourseLevel, DeliveryMethod
from .editor_forms import CECategoryInlinePanel, CoursePageForm
from .panels import CEContentPanel


def validate_half_hours(value: Decimal) -> None:
    if value is not None and not reading.is_half_hour_increment(value):
        raise ValidationError(HALF_HOUR_MESSAGE)


class CECategory(models.Model):
    """A subject area boards count hours in (ethics, hands-on technique, laws and rules, …)."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "CE category"
        verbose_name_plural = "CE categories"

    def __str__(self) -> str:
        return self.name


class Instructor(models.Model):
    """A person who teaches. Linking a user account lets them author the courses they teach."""

    name = models.CharField(max_length=120)
    credentials = models.CharField(max_length=120, blank=True, help_text="For example: LMT, BCTMB.")
    bio = models.TextField(blank=True)
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A scan of the instructor's signature (PNG with a clear background works best), "
        "printed above their name on certificates.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="instructor_profile",
        help_text="The account this instructor signs in with. They can edit the courses they are listed on.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("credentials"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("signature"),
        FieldPanel("user"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class CourseIndexPage(Page):
    """The catalogue: every published course, filterable by category, delivery and hours."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "course catalogue"

    def get_context(self, request, *args, **kwargs):
        from .forms import CatalogueFilterForm
        from .selectors import catalogue_courses

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        context["filter_form"] = form
        context["courses"] = catalogue_courses(self, **filters)
        context["is_filtered"] = bool(filters and any(filters.values()))
        return context


class AbstractCECategoryLink(Orderable):
    """A CE category a course or event counts in; hours left blank mean all of its hours count there."""

    hours = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5")), validate_half_hours],
        help_text="Leave blank when all the hours count in this category. Hours given to categories add up "
        "to the CE hours (or to less, when one is left blank).",
    )

    panels = [FieldRowPanel([FieldPanel("category"), FieldPanel("hours")])]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return f"{self.category} ({reading.format_hours(self.hours) or 'all'} h)"


class CourseCECategory(AbstractCECategoryLink):
    page = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="ce_category_links")
    category = models.ForeignKey(CECategory, on_delete=models.PROTECT, related_name="course_links")

    class Meta(AbstractCECategoryLink.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "category"], name="unique_course_ce_category")]


class CoursePage(Page):
    """A CE course: what it teaches, what it is worth, and who teaches it."""

    summary = models.TextField(max_length=300, help_text="One or two sentences for the catalogue card.")
    description = RichTextField(features=["h3", "bold", "italic", "ol", "ul", "link"])
    learning_objectives = StreamField(
        [("objective", labelled_input(blocks.CharBlock(max_length=250, label="Objective"), "Learning objective"))],
        blank=True,
        help_text="What a learner can do after the course, one per item.",
    )
    course_number = models.CharField(
        max_length=40, unique=True, help_text="As approved by the board, for example TS-101."
    )
    ce_hours = models.DecimalField(
        "CE hours",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), validate_half_hours],
        help_text="Whole or half hours, as approved.",
    )
    delivery_method = models.CharField(max_length=20, choices=DeliveryMethod.choices, default=DeliveryMethod.ON_DEMAND)
    level = models.CharField(
        max_length=20,
        choices=CourseLevel.choices,
        default=CourseLevel.INTRODUCTORY,
        help_text="Introductory: open to students and new therapists. Intermediate: builds on entry-level "
        "training. Advanced: for experienced therapists (say what they need under Prerequisites).",
    )
    prerequisites = models.TextField(
        blank=True, help_text="Leave blank when the course is open to any massage therapist or student."
    )
    instructors = ParentalManyToManyField(
        Instructor,
        blank=True,
        related_name="courses",
        help_text="Who teaches the course: named on the course page and on certificates. An instructor whose "
        "profile is linked to an account can edit the course once it is published with them listed. "
        "Add people under Course set-up › Instructors.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    enrolment_open = models.BooleanField(
        default=True, help_text="Untick to stop new enrolments. Learners already enrolled carry on."
    )
    minimum_module_minutes = models.PositiveSmallIntegerField(
        "minimum minutes on each module",
        default=0,
        help_text="Time a learner must spend on each module before marking it complete, measured by the server. "
        "0 means no minimum.",
    )
    team_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="course"
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("description"),
        FieldPanel("learning_objectives"),
        FieldPanel("prerequisites"),
    ]
    credit_panels = [
        CEContentPanel(heading="CE hours and content"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("course_number"), FieldPanel("ce_hours")]),
                FieldRowPanel([FieldPanel("delivery_method"), FieldPanel("level")]),
            ],
            heading="Approval",
        ),
        CECategoryInlinePanel("ce_category_links", heading="CE categories", label="CE category", min_num=1),
        FieldPanel("instructors"),
        # Approval numbers and enrolment rules belong to the credit app (credit.CourseApproval).
        InlinePanel("approvals", heading="Approval numbers", label="Approval"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("enrolment_open"), FieldPanel("minimum_module_minutes")])],
            heading="Enrolment and progress",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("course_number"),
        index.AutocompleteField("course_number"),
        index.FilterField("delivery_method"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage", "quizzes.QuizPage"]
    # The explorer lists a course's modules in course order (page tree order), not by last update.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = "course"

    base_form_class = CoursePageForm

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(credit_panels, heading="CE credit"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    @cached_property
    def modules(self) -> list["ModulePage"]:
        return list(ModulePage.objects.live().child_of(self).order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = self.modules
        context["modules"] = modules
        context["total_minutes"] = sum(module.reading_minutes for module in modules)
        context["ce_category_links"] = self.ce_category_links.select_related("category")
        context["instructor_list"] = self.instructors.select_related("photo")
        return context


class ModulePage(KnownViewRestrictionsMixin, Page):
    """One lesson of a course. Its word count and video time are kept up to date on every save."""

    intro = models.TextField(blank=True, help_text="What this module covers, in a sentence or two.")
    body = StreamField(ModuleBodyBlock(), help_text="Sections, techniques, contraindications, dialogues and media.")
    word_count = models.PositiveIntegerField(default=0, editable=False)
    video_minutes = models.PositiveIntegerField(default=0, editable=False)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "module"

    def refresh_content_counts(self) -> None:
        self.word_count = reading.count_words(self.intro, *stream_text(self.body))
        self.video_minutes = stream_video_minutes(self.body)

    def full_clean(self, *args, **kwargs):
        # Drafts are serialised after full_clean, so counts computed here reach revisions too.
        self.refresh_content_counts()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.refresh_content_counts()
        return super().save(*args, **kwargs)

    @property
    def reading_minutes(self) -> int:
        return reading.reading_minutes(self.word_count, self.video_minutes)

    @property
    def reading_time(self) -> str:
        return reading.format_minutes(self.reading_minutes)

    def section_anchors(self) -> list[tuple[str, str]]:
        return stream_anchors(self.body)

    @cached_property
    def course(self) -> "CoursePage | None":
        """The course this module belongs to, looked up once per request however many parts ask (and kept per
        page-cache generation: `selectors.course_and_modules`)."""
        return self._course_and_modules[0]

    @property
    def course_modules(self) -> list["ModulePage"]:
        """The live modules of this module's course, in order (itself included when live)."""
        return self._course_and_modules[1]

    @cached_property
    def _course_and_modules(self) -> tuple["CoursePage | None", list["ModulePage"]]:
        from .selectors import course_and_modules

        return course_and_modules(self)

    def serve(self, request, *args, **kwargs):
        """A signed-in learner's module page is kept until something of theirs changes
        (`pagecache.personal`), all but the parts after the body (progress, the mark-complete form and the
        time the visit just recorded), which are made afresh each time. Previews are never kept."""
        from pagecache.personal import serve_with_fresh_part

        return serve_with_fresh_part(
            request,
            make_page=lambda: super(ModulePage, self).serve(request, *args, **kwargs),
            make_part=lambda: self._after_body(request),
        )

    def _after_body(self, request) -> str:
        from django.template import RequestContext

        from .panels_registry import MODULE_AFTER_BODY, course_panels

        return course_panels.render(MODULE_AFTER_BODY, RequestContext(request, self.get_context(request)))

    def get_context(self, request, *args, **kwargs):
        from pagecache.generation import current_generation

        from .selectors import module_navigation

        context = super().get_context(request, *args, **kwargs)
        context.update(module_navigation(self))
        # How long a published revision's rendered body is kept. A revision never changes, but what its rich
        # text links to can move and image renditions can be regenerated: the copy is keyed by the page-cache
        # generation too (replaced on every publish, move or delete) and is not kept for ever.
        context["module_body_seconds"] = settings.COURSES_MODULE_BODY_CACHE_SECONDS
        context["content_generation"] = current_generation()
        return context
