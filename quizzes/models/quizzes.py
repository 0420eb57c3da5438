"""Quizzes: a Wagtail page under a course, with its fixed questions and its random draws."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from quizzes.admin.forms import QuizPageForm
from quizzes.admin.panels import QuizPointsPanel, QuizQuestionsPanel
from quizzes.choices import GradingMethod, QuizLayout, ReviewDetail, ReviewTiming

from .bank import Question, QuestionCategory


class QuizPage(Page):
    """A quiz in a course: which questions, how it is timed and graded, and what review shows."""

    intro = RichTextField(blank=True, features=["bold", "italic", "ol", "ul", "link"])
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)", default=70, validators=[MaxValueValidator(100)], help_text="The percentage needed to pass."
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        "time limit (minutes)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text="Leave blank for no time limit.",
    )
    max_attempts = models.PositiveSmallIntegerField(
        "maximum attempts",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Leave blank for unlimited attempts.",
    )
    grading_method = models.CharField(max_length=10, choices=GradingMethod.choices, default=GradingMethod.HIGHEST)
    layout = models.CharField(max_length=20, choices=QuizLayout.choices, default=QuizLayout.ONE_PER_PAGE)
    shuffle_questions = models.BooleanField(default=False, help_text="Each attempt gets its own question order.")
    shuffle_options = models.BooleanField(
        default=True, help_text="Each attempt gets its own option order (ordering and matching are always shuffled)."
    )
    review_detail = models.CharField(
        "review shows", max_length=12, choices=ReviewDetail.choices, default=ReviewDetail.FULL
    )
    review_timing = models.CharField(
        "review is available", max_length=12, choices=ReviewTiming.choices, default=ReviewTiming.AFTER_EACH
    )
    counts_towards_completion = models.BooleanField(
        default=True, help_text="Learners must pass this quiz to complete the course."
    )
    critical_error_fails_quiz = models.BooleanField(
        "a critical safety error fails the quiz",
        default=True,
        help_text="In case scenarios, choosing an option marked as a critical safety error fails the attempt "
        "whatever the score.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        QuizQuestionsPanel(
            "question_links",
            chooser_field_name="question",
            heading="Fixed questions",
            label="Question",
            help_text="Asked in this order (unless questions are shuffled). Drafts, not yet live, are left out. "
            "“Add question” opens the bank on this quiz's course, where you can tick several questions at once.",
        ),
        InlinePanel(
            "random_draws",
            heading="Questions drawn at random",
            label="Random draw",
            help_text="Each attempt draws this many live questions from the category, "
            "skipping any already in the fixed list.",
        ),
        QuizPointsPanel(),
    ]
    settings_panels_quiz = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("grading_method")]),
                QuizPointsPanel(heading="The pass mark in points"),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("max_attempts")]),
                FieldPanel("critical_error_fails_quiz"),
                FieldPanel("counts_towards_completion"),
            ],
            heading="Grading",
        ),
        MultiFieldPanel(
            [
                FieldPanel("layout"),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]),
            ],
            heading="Taking the quiz",
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content="Until review is available, learners see their score and whether they passed. "
                    "“After the last attempt” needs a maximum number of attempts."
                ),
                FieldRowPanel([FieldPanel("review_detail"), FieldPanel("review_timing")]),
            ],
            heading="Review",
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(settings_panels_quiz, heading="Quiz settings"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    base_form_class = QuizPageForm

    class Meta:
        verbose_name = "quiz"

    def clean(self):
        super().clean()
        if self.review_timing == ReviewTiming.AFTER_LAST and not self.max_attempts:
            raise ValidationError(
                {"review_timing": "Review after the last attempt needs a maximum number of attempts."}
            )

    def serve(self, request, *args, **kwargs):
        # Imported here: services and selectors import these models.
        from quizzes import services

        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        # An attempt whose time ran out is graded when the learner comes back to the quiz (the
        # close_expired_attempts command sweeps the rest), so the page shows its result.
        services.finalise_expired_for(request.user, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from quizzes.selectors import quiz_overview

        context = super().get_context(request, *args, **kwargs)
        context.update(quiz_overview(self, request.user))
        return context

    @cached_property
    def course(self):
        from courses.models import CoursePage

        return CoursePage.objects.ancestor_of(self).first()

    @property
    def question_count(self) -> int:
        """How many questions an attempt will have: the live fixed questions plus every random draw.

        Works on an unsaved draft too (the admin preview), whose inline rows live in memory.
        """
        ids = [link.question_id for link in self.question_links.all() if link.question_id]
        fixed = Question.objects.filter(pk__in=ids, live=True).count() if ids else 0
        return fixed + sum(draw.count or 0 for draw in self.random_draws.all())


class QuizQuestion(Orderable):
    page = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="question_links")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="quiz_links")

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = "quiz question"
        constraints = [models.UniqueConstraint(fields=["page", "question"], name="unique_question_per_quiz")]

    def __str__(self) -> str:
        return str(self.question)


class QuizRandomDraw(Orderable):
    page = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="random_draws")
    category = models.ForeignKey(QuestionCategory, on_delete=models.CASCADE, related_name="quiz_draws")
    count = models.PositiveSmallIntegerField(
        "number of questions", default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [FieldRowPanel([FieldPanel("category"), FieldPanel("count")])]

    class Meta(Orderable.Meta):
        verbose_name = "random draw"

    def __str__(self) -> str:
        return f"{self.count} from {self.category}"
