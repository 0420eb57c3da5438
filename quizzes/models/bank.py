"""The question bank: categories, questions and their options.

Questions are django-polymorphic models (one subclass per type). Each subclass is a ClusterableModel
whose options, pairs, items or steps have a ParentalKey to that subclass, so the Wagtail admin edits
them inline. A model holds a type's fields; its behaviour (snapshot, admin panels and checks, review)
lives in its type in quizzes.question_types, named by the model's ``type_key``.

An attempt stores a snapshot of what it showed (question text, options in their shuffled order,
answer key) so that editing a question never changes an attempt that has already been taken; see
:meth:`Question.to_item`.

Questions are Wagtail snippets with drafts, revisions and the "Question review" workflow. The row is the
live version, the one quizzes ask; an edit waits in a revision until a course editor approves it, and
a new question is a draft (``live`` False) until then. Which questions a user may author is decided in
:mod:`quizzes.bank_access`: a question belongs to a course, or to the shared bank when its course is blank.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.text import Truncator
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from polymorphic.models import PolymorphicModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from quizzes import scoring
from quizzes.admin.forms import QuestionAdminForm, QuestionCategoryForm
from quizzes.admin.panels import NestedInlinePanel
from quizzes.choices import MultipleResponseScoring, OrderingScoring, ReviewDetail, StepKind
from quizzes.question_types import registry
from quizzes.question_types.base import QuestionType, Tokens
from quizzes.question_types.case_scenario import VIGNETTE_FIELDS, client_title

FEEDBACK_HELP = "What the learner reads in review when they chose this: why it is right or wrong."


class QuestionCategory(models.Model):
    """A pool of questions on one topic; quizzes can draw questions at random from it."""

    name = models.CharField(max_length=100)
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question_categories",
        help_text="The course whose quizzes draw from this category. Blank: a category of the shared bank, "
        "which only course editors manage.",
    )
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("course"), FieldPanel("description")]
    base_form_class = QuestionCategoryForm

    class Meta:
        ordering = ["name"]
        verbose_name = "question category"
        verbose_name_plural = "question categories"
        constraints = [models.UniqueConstraint(fields=["course", "name"], name="unique_question_category_per_course")]

    def __str__(self) -> str:
        return self.name


class TaggedQuestion(TaggedItemBase):
    content_object = ParentalKey("quizzes.Question", on_delete=models.CASCADE, related_name="tagged_items")


class Question(
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PolymorphicModel,
    ClusterableModel,
):
    """What every question type shares: the prompt, the explanation and where to review the topic.

    ``live`` says whether quizzes may ask it: only live questions reach learners, in the version
    stored on the row. A new question starts as a draft, whoever or whatever creates it.
    """

    # The key of this model's type in quizzes.question_types.registry; each subclass names its own.
    type_key = ""
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
        help_text="The course this question tests. Blank: a question of the shared bank, which only course "
        "editors manage.",
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
    # Wagtail's DraftStateMixin makes new objects live; a question starts as a draft until it is approved.
    live = models.BooleanField("live", default=False, editable=False)
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

    # Revisions and workflow states are stored against the base Question type (as Wagtail does for
    # pages), so deleting a question of any type deletes its revisions too.
    _revisions = GenericRelation(
        "wagtailcore.Revision", content_type_field="base_content_type", object_id_field="object_id"
    )

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = "question"
        indexes = [models.Index(fields=["live", "category"], name="question_live_category")]
        constraints = [
            models.UniqueConstraint(fields=["reference"], condition=~Q(reference=""), name="unique_question_reference")
        ]
        permissions = [("manage_shared_bank", "Can manage the shared question bank")]

    def __str__(self) -> str:
        return Truncator(" ".join(self.prompt.split())).chars(90)

    @property
    def question_type(self) -> QuestionType:
        """This question's type: its behaviour (snapshot, admin checks, review) lives there."""
        return registry.get(self.type_key)

    @property
    def type_label(self) -> str:
        question_type = registry.find(self.type_key)
        return question_type.label if question_type else "Question"

    # --- remediation ---------------------------------------------------------------------

    def remediation(self) -> dict[str, Any] | None:
        """Where review sends the learner: the module (and section) that teaches this question."""
        if hasattr(self, "_kept_remediation"):
            return self._kept_remediation
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

    def keep_remediation(self) -> None:
        """Work `remediation()` out now and answer from memory after: for a question kept for new attempts
        (quizzes.question_sets), which then no longer carries its module page with it."""
        self._kept_remediation = self.remediation()
        self._state.fields_cache.pop("remediation_module", None)

    # --- snapshot ------------------------------------------------------------------------

    def to_item(self, slot: int, *, shuffle_options: bool = False, rng: random.Random | None = None) -> dict:
        """The question as an attempt stores it: display order, per-attempt ids, answer key and feedback.

        Works on unsaved instances too (the admin preview builds one from the form).
        """
        rng = rng or random.SystemRandom()
        question_type = self.question_type
        item = {
            "slot": slot,
            "question_id": self.pk,
            "type": question_type.key,
            "type_label": question_type.label,
            "points": str(self.points if self.points is not None else Decimal("1")),
            "prompt": self.prompt,
            "explanation": self.explanation,
            "remediation": self.remediation(),
        }
        item.update(question_type.snapshot(self, Tokens(), shuffle_options=shuffle_options, rng=rng))
        return item

    # --- preview in the admin ------------------------------------------------------------

    @property
    def preview_modes(self):
        return [("", "As the learner sees it"), ("answers", "With answer key and feedback")]

    def get_preview_template(self, request, mode_name):
        return "quizzes/question_preview.html"

    def get_preview_context(self, request, mode_name):
        from quizzes.review import build_review
        from quizzes.snapshot import answering_question

        item = self.to_item(1)
        return {
            "request": request,
            "mode": mode_name,
            "question": answering_question(item, number=1, response={}),
            "entry": build_review([item], {}, ReviewDetail.FULL, {}, preview=True)[0]
            if mode_name == "answers"
            else None,
        }

    def serve_preview(self, request, mode_name):
        return TemplateResponse(
            request, self.get_preview_template(request, mode_name), self.get_preview_context(request, mode_name)
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


class SingleChoiceQuestion(Question):
    type_key = scoring.SINGLE_CHOICE

    class Meta:
        verbose_name = "single-choice question"


class SingleChoiceOption(ChoiceOption):
    question = ParentalKey(SingleChoiceQuestion, on_delete=models.CASCADE, related_name="options")


class MultipleResponseQuestion(Question):
    type_key = scoring.MULTIPLE_RESPONSE

    scoring = models.CharField(
        max_length=20, choices=MultipleResponseScoring.choices, default=MultipleResponseScoring.PARTIAL
    )

    class Meta:
        verbose_name = "multiple-response question"


class MultipleResponseOption(ChoiceOption):
    question = ParentalKey(MultipleResponseQuestion, on_delete=models.CASCADE, related_name="options")


class TrueFalseQuestion(Question):
    type_key = scoring.TRUE_FALSE

    correct_answer = models.BooleanField("the statement is", choices=[(True, "True"), (False, "False")], default=True)
    feedback_true = models.TextField("feedback when the learner answers True", help_text=FEEDBACK_HELP)
    feedback_false = models.TextField("feedback when the learner answers False", help_text=FEEDBACK_HELP)

    class Meta:
        verbose_name = "true-or-false question"


class MatchingQuestion(Question):
    type_key = scoring.MATCHING

    class Meta:
        verbose_name = "matching question"


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

    scoring = models.CharField(max_length=20, choices=OrderingScoring.choices, default=OrderingScoring.ADJACENT)

    class Meta:
        verbose_name = "ordering question"


class OrderingItem(Orderable):
    question = ParentalKey(OrderingQuestion, on_delete=models.CASCADE, related_name="items")
    text = models.CharField(max_length=300)
    feedback = models.TextField(help_text="Why this step comes where it does.")

    panels = [FieldPanel("text"), FieldPanel("feedback")]

    def __str__(self) -> str:
        return self.text


class CaseScenarioQuestion(Question):
    """A client case: a vignette, then decision steps whose options carry weights.

    An option can be a critical safety error: choosing it scores the whole scenario 0 (and fails
    the quiz when the quiz is set to).
    """

    type_key = scoring.CASE_SCENARIO

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
        return Truncator(f"{client_title(self.client, self.client_age)}: {' '.join(self.prompt.split())}").chars(90)

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
        NestedInlinePanel("options", heading="Options", label="Option", min_num=2),
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
