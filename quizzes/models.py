"""The question bank, quizzes and attempts.

Questions are django-polymorphic models (one subclass per type). Each subclass is a ClusterableModel
whose options, pairs, items or steps have a ParentalKey to that subclass, so the Wagtail admin edits
them inline. A quiz is a Wagtail page under a course. An attempt stores a snapshot of what it showed
(question text, options in their shuffled order, answer key) so that editing a question never changes
an attempt that has already been taken; see :meth:`Question.to_item`.
"""

from __future__ import annotations

import random
import secrets
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from polymorphic.models import PolymorphicModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PreviewableMixin

from . import scoring
from .admin_forms import QuestionAdminForm, QuizPageForm
from .choices import (
    AttemptStatus,
    FinishReason,
    GradingMethod,
    MultipleResponseScoring,
    OrderingScoring,
    QuestionStatus,
    QuizLayout,
    ReviewDetail,
    ReviewTiming,
    StepKind,
)

FEEDBACK_HELP = "What the learner reads in review when they chose this: why it is right or wrong."


# ---------------------------------------------------------------------------------------------
# Question bank
# ---------------------------------------------------------------------------------------------


class QuestionCategory(models.Model):
    """A pool of questions on one topic; quizzes can draw questions at random from it."""

    name = models.CharField(max_length=100)
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question_categories",
        help_text="Leave blank for a category shared by several courses.",
    )
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("course"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "question category"
        verbose_name_plural = "question categories"
        constraints = [models.UniqueConstraint(fields=["course", "name"], name="unique_question_category_per_course")]

    def __str__(self) -> str:
        return self.name


class TaggedQuestion(TaggedItemBase):
    content_object = ParentalKey("quizzes.Question", on_delete=models.CASCADE, related_name="tagged_items")


class Tokens:
    """Opaque ids for the options of one attempt.

    Learners see these instead of database ids, so nothing in the page (not even the order of ids)
    hints at which option is right or at the right sequence.
    """

    def __init__(self) -> None:
        self.used: set[str] = set()

    def new(self) -> str:
        while True:
            token = secrets.token_hex(4)
            if token not in self.used:
                self.used.add(token)
                return token


class Question(PreviewableMixin, PolymorphicModel, ClusterableModel):
    """What every question type shares: the prompt, the explanation and where to review the topic."""

    type_key = ""
    type_label = "Question"
    base_form_class = QuestionAdminForm

    prompt = models.TextField(help_text="The question as the learner reads it.")
    explanation = models.TextField(
        help_text="Shown in review after grading: the reasoning behind the right answer.",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        help_text="The course this question tests. Leave blank for a question shared by several courses.",
    )
    category = models.ForeignKey(
        QuestionCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        help_text="Quizzes can draw questions at random from a category.",
    )
    tags = ClusterTaggableManager(through=TaggedQuestion, blank=True)
    points = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("100"))],
        help_text="What the question is worth in a quiz.",
    )
    status = models.CharField(max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.ACTIVE)
    reference = models.CharField(
        max_length=40,
        blank=True,
        help_text="Your own code for this question, for example TS201-DVT-1. Optional; unique when given.",
    )
    remediation_module = models.ForeignKey(
        "courses.ModulePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="module to review",
        help_text="Review links send a learner who got this wrong back to this module.",
    )
    remediation_anchor = models.CharField(
        "section to review",
        max_length=120,
        blank=True,
        help_text="The section of that module that teaches this. Choose the module first.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = "question"
        indexes = [models.Index(fields=["status", "category"], name="question_status_category")]
        constraints = [
            models.UniqueConstraint(fields=["reference"], condition=~Q(reference=""), name="unique_question_reference")
        ]

    def __str__(self) -> str:
        return Truncator(" ".join(self.prompt.split())).chars(90)

    # --- remediation ---------------------------------------------------------------------

    def remediation(self) -> dict[str, Any] | None:
        """Where review sends the learner: the module (and section) that teaches this question."""
        module = self.remediation_module
        if module is None:
            return None
        section = ""
        if self.remediation_anchor:
            section = dict(module.section_anchors()).get(self.remediation_anchor, "")
        url = module.url or ""
        if self.remediation_anchor:
            url = f"{url}#{self.remediation_anchor}"
        return {
            "module_id": module.pk,
            "anchor": self.remediation_anchor,
            "url": url,
            "module_title": module.title,
            "section": section,
        }

    # --- snapshot ------------------------------------------------------------------------

    def to_item(self, slot: int, *, shuffle_options: bool = False, rng: random.Random | None = None) -> dict:
        """The question as an attempt stores it: display order, per-attempt ids, answer key and feedback.

        Works on unsaved instances too (the admin preview builds one from the form).
        """
        rng = rng or random.SystemRandom()
        item = {
            "slot": slot,
            "question_id": self.pk,
            "type": self.type_key,
            "type_label": self.type_label,
            "points": str(self.points if self.points is not None else Decimal("1")),
            "prompt": self.prompt,
            "explanation": self.explanation,
            "remediation": self.remediation(),
        }
        item.update(self.item_body(Tokens(), shuffle_options=shuffle_options, rng=rng))
        return item

    def item_body(self, tokens: Tokens, *, shuffle_options: bool, rng: random.Random) -> dict:
        raise NotImplementedError

    # --- preview in the admin ------------------------------------------------------------

    @property
    def preview_modes(self):
        return [("", "As the learner sees it"), ("answers", "With answer key and feedback")]

    def get_preview_template(self, request, mode_name):
        return "quizzes/question_preview.html"

    def get_preview_context(self, request, mode_name):
        from .choices import ReviewDetail
        from .review import build_review
        from .snapshot import prepare_question, public_item

        item = self.to_item(1)
        return {
            "request": request,
            "mode": mode_name,
            "question": prepare_question(
                {
                    "item": public_item(item),
                    "number": 1,
                    "response": {},
                    "template": f"quizzes/questions/{item['type']}.html",
                }
            ),
            "entry": build_review([item], {}, ReviewDetail.FULL, {}, preview=True)[0]
            if mode_name == "answers"
            else None,
        }

    def serve_preview(self, request, mode_name):
        return TemplateResponse(
            request, self.get_preview_template(request, mode_name), self.get_preview_context(request, mode_name)
        )

    # --- admin ---------------------------------------------------------------------------

    @classmethod
    def bank_panels(cls):
        return MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("course"), FieldPanel("category")]),
                FieldPanel("tags"),
                FieldRowPanel([FieldPanel("points"), FieldPanel("status"), FieldPanel("reference")]),
            ],
            heading="In the question bank",
        )

    @classmethod
    def remediation_panels(cls):
        return MultiFieldPanel(
            [
                PageChooserPanel("remediation_module", "courses.ModulePage"),
                FieldPanel("remediation_anchor"),
            ],
            heading="Review this",
            help_text="Where the review of a graded attempt links to.",
        )

    @classmethod
    def build_edit_handler(cls, answer_panels: list) -> ObjectList:
        from .panels import QuestionUsagePanel

        return ObjectList(
            [
                QuestionUsagePanel(),
                FieldPanel("prompt"),
                *answer_panels,
                FieldPanel("explanation"),
                cls.remediation_panels(),
                cls.bank_panels(),
            ]
        )


def _feedback_field():
    return models.TextField(help_text=FEEDBACK_HELP)


class ChoiceOption(Orderable):
    """An answer option with its feedback. Each question type has its own concrete subclass."""

    text = models.CharField(max_length=500)
    is_correct = models.BooleanField("right answer", default=False)
    feedback = _feedback_field()

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.text


def _choice_body(options, tokens: Tokens, shuffle: bool, rng: random.Random) -> list[dict]:
    body = [
        {"id": tokens.new(), "text": option.text, "feedback": option.feedback, "correct": bool(option.is_correct)}
        for option in options
    ]
    if shuffle:
        rng.shuffle(body)
    return body


class SingleChoiceQuestion(Question):
    type_key = scoring.SINGLE_CHOICE
    type_label = "Single choice"

    class Meta:
        verbose_name = "single-choice question"

    def item_body(self, tokens, *, shuffle_options, rng):
        return {"options": _choice_body(self.options.all(), tokens, shuffle_options, rng)}


class SingleChoiceOption(ChoiceOption):
    question = ParentalKey(SingleChoiceQuestion, on_delete=models.CASCADE, related_name="options")


class MultipleResponseQuestion(Question):
    type_key = scoring.MULTIPLE_RESPONSE
    type_label = "Multiple response"

    scoring = models.CharField(
        max_length=20, choices=MultipleResponseScoring.choices, default=MultipleResponseScoring.PARTIAL
    )

    class Meta:
        verbose_name = "multiple-response question"

    def item_body(self, tokens, *, shuffle_options, rng):
        return {"scoring": self.scoring, "options": _choice_body(self.options.all(), tokens, shuffle_options, rng)}


class MultipleResponseOption(ChoiceOption):
    question = ParentalKey(MultipleResponseQuestion, on_delete=models.CASCADE, related_name="options")


class TrueFalseQuestion(Question):
    type_key = scoring.TRUE_FALSE
    type_label = "True or false"

    correct_answer = models.BooleanField("the statement is", choices=[(True, "True"), (False, "False")], default=True)
    feedback_true = models.TextField("feedback when the learner answers True", help_text=FEEDBACK_HELP)
    feedback_false = models.TextField("feedback when the learner answers False", help_text=FEEDBACK_HELP)

    class Meta:
        verbose_name = "true-or-false question"

    def item_body(self, tokens, *, shuffle_options, rng):
        # "True" always comes first: shuffling two fixed words only confuses.
        return {
            "options": [
                {"id": "true", "text": "True", "feedback": self.feedback_true, "correct": self.correct_answer is True},
                {
                    "id": "false",
                    "text": "False",
                    "feedback": self.feedback_false,
                    "correct": self.correct_answer is False,
                },
            ]
        }


class MatchingQuestion(Question):
    type_key = scoring.MATCHING
    type_label = "Matching"

    class Meta:
        verbose_name = "matching question"

    def item_body(self, tokens, *, shuffle_options, rng):
        prompts, answers = [], []
        for pair in self.pairs.all():
            answer_id = tokens.new()
            answers.append({"id": answer_id, "text": pair.answer})
            if pair.prompt:
                prompts.append(
                    {"id": tokens.new(), "text": pair.prompt, "answer": answer_id, "feedback": pair.feedback}
                )
        # The answer column is always shuffled: in authoring order it would line up with the prompts.
        rng.shuffle(answers)
        if shuffle_options:
            rng.shuffle(prompts)
        return {"prompts": prompts, "answers": answers}


class MatchingPair(Orderable):
    question = ParentalKey(MatchingQuestion, on_delete=models.CASCADE, related_name="pairs")
    prompt = models.CharField(
        max_length=300, blank=True, help_text="Left blank, the answer is an extra distractor with no prompt."
    )
    answer = models.CharField(max_length=300)
    feedback = models.TextField(blank=True, help_text="Why these belong together. Not needed for a distractor.")

    panels = [FieldRowPanel([FieldPanel("prompt"), FieldPanel("answer")]), FieldPanel("feedback")]

    def __str__(self) -> str:
        return f"{self.prompt or '(distractor)'} → {self.answer}"


class OrderingQuestion(Question):
    type_key = scoring.ORDERING
    type_label = "Ordering"

    scoring = models.CharField(max_length=20, choices=OrderingScoring.choices, default=OrderingScoring.ADJACENT)

    class Meta:
        verbose_name = "ordering question"

    def item_body(self, tokens, *, shuffle_options, rng):
        items = [{"id": tokens.new(), "text": item.text, "feedback": item.feedback} for item in self.items.all()]
        correct = [item["id"] for item in items]
        shown = list(items)
        # Always shuffled, and never shown already in the right order.
        if len(shown) > 1:
            while [item["id"] for item in shown] == correct:
                rng.shuffle(shown)
        return {"scoring": self.scoring, "items": shown, "correct_order": correct}


class OrderingItem(Orderable):
    question = ParentalKey(OrderingQuestion, on_delete=models.CASCADE, related_name="items")
    text = models.CharField(max_length=300)
    feedback = models.TextField(help_text="Why this step comes where it does.")

    panels = [FieldPanel("text"), FieldPanel("feedback")]

    def __str__(self) -> str:
        return self.text


VIGNETTE_FIELDS = (
    ("presenting_complaint", "Presenting complaint"),
    ("health_history", "Health history"),
    ("medications", "Medications"),
    ("observations", "Observations"),
)


# The rule authors follow when they mark options critical; shown above a case scenario's steps.
CRITICAL_OPTION_POLICY = """<p>Mark an option as a <b>critical safety error</b> when choosing it would, in real
practice, put the client at risk. An option is critical when it:</p>
<ul style="list-style: disc; padding-inline-start: 1.5rem; margin-block: 0.5rem">
<li>delays emergency care (anything but calling emergency services now for signs such as sudden
breathlessness, chest pain or stroke signs, or waiting days for a doctor when a clot is suspected);</li>
<li>applies pressure or heat over a suspected clot, or over a limb at risk (lymphoedema, a fresh surgical
site, a limb after recent major surgery);</li>
<li>treats through an absolute contraindication (fever, suspected clot, intoxication, an uncleared recent
operation);</li>
<li>works outside the therapist's scope of practice or training (diagnosing, advising on medication, prenatal
work without prenatal training).</li>
</ul>
<p>Every step that decides whether the client is safe (a <i>safety decision</i>) needs at least one critical
option. If you are unsure whether an answer is dangerous, treat it as critical: a critical error fails a quiz
that is set to fail them, whatever the score.</p>"""


class CaseScenarioQuestion(Question):
    """A client case: a vignette, then decision steps whose options carry weights.

    An option can be a critical safety error: choosing it scores the whole scenario 0 (and fails
    the quiz when the quiz is set to).
    """

    type_key = scoring.CASE_SCENARIO
    type_label = "Case scenario"

    client = models.CharField(
        max_length=120, help_text="How the case names the client, for example: Marta, a 58-year-old retired teacher."
    )
    client_age = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(120)])
    presenting_complaint = models.TextField(help_text="Why the client booked, in their words or yours.")
    health_history = models.TextField(blank=True)
    medications = models.TextField(blank=True)
    observations = models.TextField(blank=True, help_text="What the therapist sees, feels or is told at intake.")

    class Meta:
        verbose_name = "case scenario"

    def __str__(self) -> str:
        # Case prompts are often alike ("Read the case…"): the client tells them apart in the bank.
        label = f"{self.client}, {self.client_age}" if self.client_age else self.client
        return Truncator(f"{label}: {' '.join(self.prompt.split())}").chars(90)

    def vignette(self) -> dict[str, Any]:
        return {
            "client": self.client,
            "age": self.client_age,
            "details": [
                {"label": label, "text": getattr(self, name)} for name, label in VIGNETTE_FIELDS if getattr(self, name)
            ],
        }

    def safety_steps_without_critical_option(self) -> list[int]:
        """The numbers (from 1) of safety-decision steps where no option is marked critical.

        A step that decides whether the client is safe must let a learner fail it: otherwise a
        dangerous answer only costs a few points and can still pass a safety final.
        """
        return [
            number
            for number, step in enumerate(self.steps.all(), start=1)
            if step.safety_decision and not any(option.is_critical for option in step.options.all())
        ]

    def item_body(self, tokens, *, shuffle_options, rng):
        steps = []
        for step in self.steps.all():
            options = [
                {
                    "id": tokens.new(),
                    "text": option.text,
                    "feedback": option.feedback,
                    "weight": str(option.weight if option.weight is not None else 0),
                    "critical": bool(option.is_critical),
                }
                for option in step.options.all()
            ]
            if shuffle_options:
                rng.shuffle(options)
            steps.append({"id": tokens.new(), "prompt": step.prompt, "kind": step.kind, "options": options})
        return {"vignette": self.vignette(), "steps": steps}


class CaseStep(Orderable, ClusterableModel):
    question = ParentalKey(CaseScenarioQuestion, on_delete=models.CASCADE, related_name="steps")
    prompt = models.CharField(max_length=500, help_text="The decision the therapist faces at this point.")
    kind = models.CharField(max_length=10, choices=StepKind.choices, default=StepKind.SINGLE)
    safety_decision = models.BooleanField(
        "safety decision",
        default=True,
        help_text="Untick only for a step whose options differ in quality but none puts the client at real "
        "risk, such as paperwork, aftercare advice or fine-tuning a plan. A safety decision needs at least one "
        "option marked as a critical safety error.",
    )

    panels = [
        FieldPanel("prompt"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("safety_decision")]),
        InlinePanel("options", heading="Options", label="Option", min_num=2),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "decision step"

    def __str__(self) -> str:
        return self.prompt


class CaseOption(Orderable):
    step = ParentalKey(CaseStep, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(max_length=500)
    weight = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("-100")), MaxValueValidator(Decimal("100"))],
        help_text="Points for choosing this. Negative for a poor choice; the step never scores below 0.",
    )
    is_critical = models.BooleanField(
        "critical safety error",
        default=False,
        help_text="Choosing this scores the whole scenario 0, and fails the quiz if the quiz says so. Mark an "
        "option critical when it delays emergency care, puts pressure or heat over a suspected clot or an "
        "at-risk limb, treats through an absolute contraindication, or works outside the therapist's scope "
        "or training.",
    )
    feedback = _feedback_field()

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("weight"), FieldPanel("is_critical")]),
        FieldPanel("feedback"),
    ]

    def __str__(self) -> str:
        return self.text


# Edit handlers are built after the option models exist, each with the inline panels of its type.
SingleChoiceQuestion.edit_handler = Question.build_edit_handler(
    [InlinePanel("options", heading="Options", label="Option", min_num=2)]
)
MultipleResponseQuestion.edit_handler = Question.build_edit_handler(
    [FieldPanel("scoring"), InlinePanel("options", heading="Options", label="Option", min_num=2)]
)
TrueFalseQuestion.edit_handler = Question.build_edit_handler(
    [FieldPanel("correct_answer"), FieldRowPanel([FieldPanel("feedback_true"), FieldPanel("feedback_false")])]
)
MatchingQuestion.edit_handler = Question.build_edit_handler(
    [InlinePanel("pairs", heading="Pairs", label="Pair", min_num=2)]
)
OrderingQuestion.edit_handler = Question.build_edit_handler(
    [
        FieldPanel("scoring"),
        InlinePanel(
            "items",
            heading="Items, in the right order",
            label="Item",
            min_num=2,
            help_text="Add the items in their right sequence; learners see them shuffled.",
        ),
    ]
)
CaseScenarioQuestion.edit_handler = Question.build_edit_handler(
    [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("client"), FieldPanel("client_age")]),
                *(FieldPanel(name) for name, _ in VIGNETTE_FIELDS),
            ],
            heading="Client vignette",
        ),
        HelpPanel(content=CRITICAL_OPTION_POLICY, heading="When is an option critical?"),
        InlinePanel("steps", heading="Decision steps, in order", label="Step", min_num=1),
    ]
)
Question.edit_handler = Question.build_edit_handler([])

QUESTION_TYPES: list[type[Question]] = [
    SingleChoiceQuestion,
    MultipleResponseQuestion,
    TrueFalseQuestion,
    MatchingQuestion,
    OrderingQuestion,
    CaseScenarioQuestion,
]


# ---------------------------------------------------------------------------------------------
# Quizzes
# ---------------------------------------------------------------------------------------------


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
        InlinePanel(
            "question_links",
            heading="Fixed questions",
            label="Question",
            help_text="Asked in this order (unless questions are shuffled). Draft questions are left out.",
        ),
        InlinePanel(
            "random_draws",
            heading="Questions drawn at random",
            label="Random draw",
            help_text="Each attempt draws this many active questions from the category, "
            "skipping any already in the fixed list.",
        ),
    ]
    settings_panels_quiz = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("grading_method")]),
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
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .selectors import quiz_overview

        context = super().get_context(request, *args, **kwargs)
        context.update(quiz_overview(self, request.user))
        return context

    @cached_property
    def course(self):
        from courses.models import CoursePage

        return CoursePage.objects.ancestor_of(self).first()

    @property
    def question_count(self) -> int:
        """How many questions an attempt will have: the active fixed questions plus every random draw.

        Works on an unsaved draft too (the admin preview), whose inline rows live in memory.
        """
        ids = [link.question_id for link in self.question_links.all() if link.question_id]
        fixed = Question.objects.filter(pk__in=ids, status=QuestionStatus.ACTIVE).count() if ids else 0
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


# ---------------------------------------------------------------------------------------------
# Attempts
# ---------------------------------------------------------------------------------------------


class QuizAttempt(models.Model):
    """One learner's go at a quiz. ``items`` is the snapshot of what it showed, answer key included;
    it never leaves the server before grading (templates get :func:`quizzes.snapshot.public_item`).

    ``sequence`` counts saves; every save names the sequence its page was showing, so a stale tab
    can't overwrite an answer saved since (see quizzes.services).
    """

    quiz = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS)
    finish_reason = models.CharField(max_length=12, choices=FinishReason.choices, blank=True)
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    last_saved_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0)
    items = models.JSONField(default=list)
    layout = models.CharField(max_length=20, choices=QuizLayout.choices, default=QuizLayout.ONE_PER_PAGE)
    # The quiz's rules as they were when the attempt started: later edits don't regrade it.
    pass_mark = models.PositiveSmallIntegerField()
    critical_error_fails_quiz = models.BooleanField(default=True)
    score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    critical_error = models.BooleanField(default=False)

    class Meta:
        ordering = ["quiz", "user", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=Q(status=AttemptStatus.IN_PROGRESS),
                name="one_open_attempt_per_learner_and_quiz",
            ),
            models.UniqueConstraint(fields=["quiz", "user", "number"], name="unique_attempt_number"),
        ]
        indexes = [models.Index(fields=["user", "quiz", "status"], name="attempt_user_quiz_status")]

    def __str__(self) -> str:
        return f"{self.user} — {self.quiz.title} — attempt {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.IN_PROGRESS

    @property
    def question_count(self) -> int:
        return len(self.items)

    @property
    def page_count(self) -> int:
        if self.layout == QuizLayout.ALL_ON_ONE_PAGE:
            return 1
        return max(1, len(self.items))

    @property
    def critical_failure(self) -> bool:
        return self.critical_error and self.critical_error_fails_quiz

    def items_on_page(self, page_number: int) -> list[dict]:
        if self.layout == QuizLayout.ALL_ON_ONE_PAGE:
            return list(self.items)
        return list(self.items[page_number - 1 : page_number])

    def page_of_slot(self, slot: int) -> int:
        if self.layout == QuizLayout.ALL_ON_ONE_PAGE:
            return 1
        for index, item in enumerate(self.items, start=1):
            if item["slot"] == slot:
                return index
        return 1

    def item_by_slot(self) -> dict[int, dict]:
        return {item["slot"]: item for item in self.items}


class AttemptAnswer(models.Model):
    """The learner's response to one question of an attempt, and its grade once graded."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    slot = models.PositiveSmallIntegerField()
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers")
    response = models.JSONField(default=dict, blank=True)
    saved_seq = models.PositiveIntegerField(default=0)
    saved_at = models.DateTimeField(null=True, blank=True)
    points = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    max_points = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    state = models.CharField(max_length=12, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["attempt", "slot"]
        constraints = [models.UniqueConstraint(fields=["attempt", "slot"], name="unique_answer_slot")]

    def __str__(self) -> str:
        return f"{self.attempt} — question {self.slot}"
