"""What a question type declares, and the pieces every type shares.

A question is stored as a django-polymorphic subclass of :class:`quizzes.models.Question` whose
``type_key`` names its type here. The type object holds the behaviour; the model holds the fields.
"""

from __future__ import annotations

import random
import secrets
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.http import QueryDict
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, PageChooserPanel

from quizzes import scoring
from quizzes.admin.panels import QuestionUsagePanel
from quizzes.admin.widgets import LabelledTagWidget


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


class QuestionType(ABC):
    """One kind of question. Subclass it in a module of its own and register an instance in ``registry``.

    Attributes:
        key: stored in each snapshot item's ``type`` and in the model's ``type_key``; never change it.
        label, icon, description: what editors and learners see (the icon is a Wagtail icon name).
        model: the question model, as "app_label.ModelName".
        grader: the pure cleaner and grader in :mod:`quizzes.scoring`.
        template, review_template: the answering and review templates (default: ``quizzes/questions/<key>.html``
            and ``quizzes/review/<key>.html``).
    """

    key: str = ""
    label: str = ""
    icon: str = "help"
    description: str = ""
    model: str = ""
    grader: scoring.Grader
    template: str = ""
    review_template: str = ""

    def __init__(self) -> None:
        if not self.key:
            raise ValueError(f"{type(self).__name__} has no key.")
        self.template = self.template or f"quizzes/questions/{self.key}.html"
        self.review_template = self.review_template or f"quizzes/review/{self.key}.html"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.key!r}>"

    @property
    def model_class(self):
        return apps.get_model(self.model)

    # --- admin ---------------------------------------------------------------------------

    def answer_panels(self) -> list:
        """The editor's panels for this type's own fields, between the prompt and the explanation."""
        return []

    def edit_handler(self) -> ObjectList:
        return question_edit_handler(self.answer_panels())

    def admin_problems(self, form) -> list[str | Problem]:
        """Checks across the question's options that a single field can't make (``form`` is the bound
        admin form, with its inline ``formsets``): a :class:`Problem` for one that concerns a single option
        or step, a string for the question as a whole."""
        return []

    # --- snapshot ------------------------------------------------------------------------

    @abstractmethod
    def snapshot(self, question, tokens: Tokens, *, shuffle_options: bool, rng: random.Random) -> dict[str, Any]:
        """The type's part of an attempt's item: display order, per-attempt ids, answer key, feedback.

        ``question`` may be unsaved (the admin preview builds one from the form).
        """

    def public(self, item: dict[str, Any]) -> dict[str, Any]:
        """The type's part of the item as the learner sees it while answering: nothing that gives away
        the answer (no ``correct``, feedback, weights or right order)."""
        return {}

    # --- answering -----------------------------------------------------------------------

    def prepare(self, question: dict[str, Any], item: dict[str, Any], response: dict[str, Any]) -> None:
        """Add to ``question`` what the answering template needs to show the saved ``response``.

        Optional: a type whose template needs nothing beyond the public item leaves it as it is.
        """
        return None

    @abstractmethod
    def read(self, data: QueryDict, item: dict[str, Any], name: str) -> dict[str, Any]:
        """The response posted in the fields named ``name`` (``q{slot}``) or ``name-{part}``.

        Raise :class:`quizzes.posted.MalformedAnswer` for a post no honest page makes and
        :class:`quizzes.posted.UnfinishedAnswer` for one the learner must fix.
        """

    # --- review --------------------------------------------------------------------------

    def describe(self, entry, *, preview: bool) -> None:
        """Fill the review entry's ``rows`` (or ``steps``, ``right_order``) that the review template lists.

        ``entry.show_key`` says whether the answer key and feedback may be shown; ``preview`` (the
        admin's answer-key preview) shows the feedback of every option.
        """
        return None


# --- the editor's shared panels ------------------------------------------------------------


POINTS_HELP = (
    "What this question is worth in a quiz; a quiz's pass mark is a share of its questions' points. A learner "
    "earns all of them for a right answer, or a part for a partly right one. In a case scenario, the options' "
    "weights decide that part, not the points themselves."
)


def bank_panel() -> MultiFieldPanel:
    return MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("course"), FieldPanel("category")]),
            FieldPanel("tags", widget=LabelledTagWidget()),
            FieldRowPanel([FieldPanel("points", help_text=POINTS_HELP), FieldPanel("reference")]),
        ],
        heading="In the question bank",
    )


def remediation_panel() -> MultiFieldPanel:
    return MultiFieldPanel(
        [
            PageChooserPanel("remediation_module", "courses.ModulePage"),
            FieldPanel("remediation_anchor"),
        ],
        heading="Review this",
        help_text="Where the review of a graded attempt links to.",
    )


def question_edit_handler(answer_panels: list) -> ObjectList:
    """The editor of a question: what every type shares around the type's own ``answer_panels``."""
    return ObjectList(
        [
            QuestionUsagePanel(),
            FieldPanel("prompt"),
            *answer_panels,
            FieldPanel("explanation"),
            remediation_panel(),
            bank_panel(),
        ]
    )


# --- helpers for the admin checks ----------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """A problem shown beside the option, step or field it concerns: ``form`` is that row's inline form and
    ``field`` its field (None for the row as a whole). ``admin_problems`` may return these beside plain
    strings, which appear above the form."""

    message: str
    form: Any
    field: str | None = None


def live_forms(formset) -> list:
    """The child forms an editor kept: filled in and not marked for deletion."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        kept.append(form)
    return kept


def has_duplicates(values: Iterable[str | None]) -> bool:
    """Whether two values are the same text, ignoring case and spacing."""
    seen = set()
    for value in values:
        key = " ".join((value or "").lower().split())
        if key in seen:
            return True
        seen.add(key)
    return False


def text_only(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries reduced to their id and text: what a learner may see of options, prompts or items."""
    return [{"id": entry["id"], "text": entry["text"]} for entry in entries]
