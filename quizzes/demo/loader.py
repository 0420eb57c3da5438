"""Turn the demo question specs into questions and quizzes, updating in place so load_demo can run again.

Questions are found by their ``reference``; each belongs to its course and is published (live, with a
first revision), as if a course editor had approved it. Quizzes are found by slug under their course. Nothing is written
when the stored content already matches the spec, so a second run adds no rows and no revisions.
"""

from __future__ import annotations

from decimal import Decimal

from courses.models import CoursePage, ModulePage
from quizzes import scoring
from quizzes.models import (
    CaseOption,
    CaseScenarioQuestion,
    CaseStep,
    MatchingPair,
    MatchingQuestion,
    MultipleResponseOption,
    MultipleResponseQuestion,
    OrderingItem,
    OrderingQuestion,
    Question,
    QuestionCategory,
    QuizPage,
    QuizQuestion,
    QuizRandomDraw,
    SingleChoiceOption,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)

from .spec import CourseQuestions, QuestionSpec, QuizSpec

MODELS = {
    scoring.SINGLE_CHOICE: SingleChoiceQuestion,
    scoring.MULTIPLE_RESPONSE: MultipleResponseQuestion,
    scoring.TRUE_FALSE: TrueFalseQuestion,
    scoring.MATCHING: MatchingQuestion,
    scoring.ORDERING: OrderingQuestion,
    scoring.CASE_SCENARIO: CaseScenarioQuestion,
}


class DemoContentError(RuntimeError):
    """The demo questions point at a course, module or section that isn't there."""


def find_course(slug: str) -> CoursePage:
    course = CoursePage.objects.filter(slug=slug).first()
    if course is None:
        raise DemoContentError(f"The demo quizzes need the course '{slug}': load the course catalogue first.")
    return course


def find_module(course: CoursePage, slug: str, anchor: str) -> ModulePage:
    """The module a review link points to; stops loudly if the module or its section is missing."""
    module = ModulePage.objects.child_of(course).filter(slug=slug).first()
    if module is None:
        raise DemoContentError(f"Demo question links to module '{slug}', which is not in '{course.title}'.")
    anchors = dict(module.section_anchors())
    if anchor and anchor not in anchors:
        raise DemoContentError(
            f"Demo question links to section '#{anchor}' of '{module.title}', which has no such section. "
            f"Its sections are: {', '.join(anchors)}."
        )
    return module


def _ordered(children: list) -> list:
    for position, child in enumerate(children):
        child.sort_order = position
    return children


def stored_children(question: Question) -> tuple:
    """The question's options (or pairs, items, steps) in the same shape the specs use."""
    if isinstance(question, SingleChoiceQuestion | MultipleResponseQuestion):
        return tuple((o.text, o.is_correct, o.feedback) for o in question.options.order_by("sort_order", "pk"))
    if isinstance(question, MatchingQuestion):
        return tuple((p.prompt, p.answer, p.feedback) for p in question.pairs.order_by("sort_order", "pk"))
    if isinstance(question, OrderingQuestion):
        return tuple((i.text, i.feedback) for i in question.items.order_by("sort_order", "pk"))
    if isinstance(question, CaseScenarioQuestion):
        return tuple(
            (
                step.prompt,
                step.kind,
                step.safety_decision,
                tuple(
                    (o.text, Decimal(o.weight), o.is_critical, o.feedback)
                    for o in step.options.order_by("sort_order", "pk")
                ),
            )
            for step in question.steps.order_by("sort_order", "pk")
        )
    return ()


def build_children(question: Question, spec: QuestionSpec) -> None:
    if isinstance(question, SingleChoiceQuestion):
        question.options = _ordered([SingleChoiceOption(text=t, is_correct=r, feedback=f) for t, r, f in spec.children])
    elif isinstance(question, MultipleResponseQuestion):
        question.options = _ordered(
            [MultipleResponseOption(text=t, is_correct=r, feedback=f) for t, r, f in spec.children]
        )
    elif isinstance(question, MatchingQuestion):
        question.pairs = _ordered([MatchingPair(prompt=p, answer=a, feedback=f) for p, a, f in spec.children])
    elif isinstance(question, OrderingQuestion):
        question.items = _ordered([OrderingItem(text=t, feedback=f) for t, f in spec.children])
    elif isinstance(question, CaseScenarioQuestion):
        steps = []
        for prompt, kind, safety, options in spec.children:
            step = CaseStep(prompt=prompt, kind=kind, safety_decision=safety)
            step.options = _ordered([CaseOption(text=t, weight=w, is_critical=c, feedback=f) for t, w, c, f in options])
            steps.append(step)
        question.steps = _ordered(steps)


def ensure_question(course: CoursePage, spec: QuestionSpec, category: QuestionCategory) -> tuple[Question, bool]:
    """Create or update one question; returns (question, written)."""
    model = MODELS[spec.kind]
    module = find_module(course, spec.module, spec.anchor)
    values = {
        "prompt": spec.prompt,
        "explanation": spec.explanation,
        "course_id": course.pk,
        "category_id": category.pk,
        "points": spec.points,
        "live": True,
        "remediation_module_id": module.pk,
        "remediation_anchor": spec.anchor,
        **spec.fields,
    }
    question = Question.objects.filter(reference=spec.reference).first()
    if question is not None and type(question) is not model:
        question.delete()
        question = None
    if question is None:
        question = model(reference=spec.reference)
        fields_changed = children_changed = tags_changed = True
    else:
        fields_changed = any(getattr(question, name) != value for name, value in values.items())
        children_changed = stored_children(question) != spec.children
        tags_changed = sorted(tag.name for tag in question.tags.all()) != sorted(spec.tags)
    if not (fields_changed or children_changed or tags_changed):
        return question, False
    for name, value in values.items():
        setattr(question, name, value)
    if children_changed:
        build_children(question, spec)
    if tags_changed:
        question.tags.set(list(spec.tags))
    question.save()
    # Published through a revision, as an approved edit would be: the history starts with this version.
    question.save_revision().publish()
    return question, True


def ensure_quiz(
    course: CoursePage, spec: QuizSpec, questions: dict[str, Question], categories: dict[str, QuestionCategory]
) -> tuple[QuizPage, bool]:
    """Create or update one quiz page under its course; published only when something changed."""
    values = {"title": spec.title, "intro": " ".join(spec.intro.split()), **spec.settings}
    question_ids = [questions[reference].pk for reference in spec.questions]
    draws = [(categories[name].pk, count) for name, count in spec.draws]
    quiz = QuizPage.objects.child_of(course).filter(slug=spec.slug).first()
    if quiz is not None:
        current_ids = list(quiz.question_links.order_by("sort_order", "pk").values_list("question_id", flat=True))
        current_draws = list(quiz.random_draws.order_by("sort_order", "pk").values_list("category_id", "count"))
        unchanged = (
            quiz.live
            and not quiz.has_unpublished_changes
            and all(getattr(quiz, name) == value for name, value in values.items())
            and current_ids == question_ids
            and current_draws == draws
        )
        if unchanged:
            return quiz, False
    else:
        quiz = QuizPage(slug=spec.slug, **values)
    for name, value in values.items():
        setattr(quiz, name, value)
    quiz.question_links = _ordered([QuizQuestion(question_id=pk) for pk in question_ids])
    quiz.random_draws = _ordered([QuizRandomDraw(category_id=pk, count=count) for pk, count in draws])
    if quiz.pk is None:
        course.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz, True


def load_course(content: CourseQuestions) -> tuple[int, int, int]:
    """Load one course's categories, questions and quizzes; returns (questions, quizzes, rows written)."""
    course = find_course(content.course_slug)
    categories = {}
    for name, description in content.categories.items():
        category, _ = QuestionCategory.objects.get_or_create(
            course=course, name=name, defaults={"description": description}
        )
        if category.description != description:
            category.description = description
            category.save(update_fields=["description"])
        categories[name] = category
    written = 0
    questions = {}
    for spec in content.questions:
        question, changed = ensure_question(course, spec, categories[spec.category])
        questions[spec.reference] = question
        written += changed
    for spec in content.quizzes:
        _, changed = ensure_quiz(course, spec, questions, categories)
        written += changed
    return len(questions), len(content.quizzes), written
