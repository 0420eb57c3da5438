"""Where the demo question bank is written down, and how its data files become question and quiz specs.

    data/<course-slug>.yaml   the question categories, questions and quizzes of one demo course

Files are read in catalogue order (courses/demo/data/catalogue.yaml), so questions are created in
the same order on every load. Every question goes through its spec helper (`single`, `case`,
`choice`...), exactly as when the content was Python. The readers refuse unknown keys, missing keys,
values of the wrong type and choices outside their vocabulary, and check what a file can check on
its own (unique references, quizzes naming questions and categories the file defines), naming the
file and the place in it. Review links are checked against the built course by the loader.
"""

from pathlib import Path
from typing import Any

from courses.demo.content import course_slugs
from courses.demo.datafile import (
    DemoDataError,
    Reader,
    amount,
    boolean,
    call,
    fields,
    inside,
    list_of,
    mapping,
    one_of,
    optional,
    read_yaml,
    text,
    whole_number,
)
from quizzes import scoring
from quizzes.choices import (
    GradingMethod,
    MultipleResponseScoring,
    OrderingScoring,
    QuizLayout,
    ReviewDetail,
    ReviewTiming,
    StepKind,
)

from .spec import (
    CourseQuestions,
    QuestionSpec,
    QuizSpec,
    case,
    choice,
    item,
    matching,
    multiple,
    option,
    ordering,
    pair,
    single,
    step,
    true_false,
)

DATA_DIR = Path(__file__).with_name("data")


def _review(value: Any, where: str) -> tuple[str, str]:
    read = fields(value, where, required={"module": text, "section": text})
    return read["module"], read["section"]


def _tags(value: Any, where: str) -> tuple[str, ...]:
    return tuple(list_of(text)(value, where))


def _option(value: Any, where: str) -> tuple:
    return call(option, value, where, {"text": text, "feedback": text, "right": boolean})


def _pair(value: Any, where: str) -> tuple:
    return call(pair, value, where, {"prompt": text, "answer": text, "feedback": text})


def _item(value: Any, where: str) -> tuple:
    return call(item, value, where, {"text": text, "feedback": text})


def _choice(value: Any, where: str) -> tuple:
    return call(choice, value, where, {"text": text, "weight": amount, "feedback": text, "critical": boolean})


def _step(value: Any, where: str) -> tuple:
    return call(
        step,
        value,
        where,
        {"prompt": text, "options": list_of(_choice), "kind": one_of(StepKind), "safety": boolean},
    )


# What every question has, whatever its type.
COMMON: dict[str, Reader] = {
    "reference": text,
    "explanation": text,
    "review": _review,
    "category": text,
    "points": amount,
    "tags": _tags,
}
# Each question type: the spec helper that shapes it, and how to read the parameters beyond COMMON.
QUESTION_TYPES: dict[str, tuple] = {
    scoring.SINGLE_CHOICE: (single, {"prompt": text, "options": list_of(_option)}),
    scoring.MULTIPLE_RESPONSE: (
        multiple,
        {"prompt": text, "options": list_of(_option), "scoring": one_of(MultipleResponseScoring)},
    ),
    scoring.TRUE_FALSE: (
        true_false,
        {"statement": text, "answer": boolean, "if_true": text, "if_false": text},
    ),
    scoring.MATCHING: (matching, {"prompt": text, "pairs": list_of(_pair)}),
    scoring.ORDERING: (ordering, {"prompt": text, "items": list_of(_item), "scoring": one_of(OrderingScoring)}),
    scoring.CASE_SCENARIO: (
        case,
        {
            "prompt": text,
            "client": text,
            "age": optional(whole_number),
            "complaint": text,
            "history": text,
            "medications": text,
            "observations": text,
            "steps": list_of(_step),
        },
    ),
}


def _question(value: Any, where: str) -> QuestionSpec:
    value = dict(mapping(value, where))
    kind = value.pop("type", None)
    if kind not in QUESTION_TYPES:
        raise DemoDataError(f"{inside(where, 'type')}: {kind!r} is not one of {', '.join(QUESTION_TYPES)}.")
    helper, readers = QUESTION_TYPES[kind]
    return call(helper, value, where, {**COMMON, **readers})


# The QuizPage settings a demo quiz may set; those left out keep the page's defaults.
QUIZ_SETTINGS: dict[str, Reader] = {
    "pass_mark": whole_number,
    "grading_method": one_of(GradingMethod),
    "layout": one_of(QuizLayout),
    "shuffle_questions": boolean,
    "shuffle_options": boolean,
    "review_detail": one_of(ReviewDetail),
    "review_timing": one_of(ReviewTiming),
    "counts_towards_completion": boolean,
    "critical_error_fails_quiz": boolean,
    "time_limit_minutes": optional(whole_number),
    "max_attempts": optional(whole_number),
}


def _draw(value: Any, where: str) -> tuple[str, int]:
    read = fields(value, where, required={"category": text, "count": whole_number})
    return read["category"], read["count"]


def _quiz(value: Any, where: str) -> QuizSpec:
    return call(
        QuizSpec,
        value,
        where,
        {
            "slug": text,
            "title": text,
            "intro": text,
            "questions": lambda refs, at: tuple(list_of(text)(refs, at)),
            "draws": lambda draws, at: tuple(list_of(_draw)(draws, at)),
            "settings": lambda settings, at: fields(settings, at, required={}, optional=QUIZ_SETTINGS),
        },
    )


def _categories(value: Any, where: str) -> dict[str, str]:
    """Category name: description."""
    return {
        text(name, f"{where} (a category name)"): text(about, inside(where, name))
        for name, about in mapping(value, where).items()
    }


def _check_references(content: CourseQuestions, name: str) -> None:
    """What one file must agree with itself on: unique references, known categories and questions."""
    references = [question.reference for question in content.questions]
    repeated = sorted({reference for reference in references if references.count(reference) > 1})
    if repeated:
        raise DemoDataError(f"{name}: questions: reference(s) used more than once: {', '.join(repeated)}.")
    for position, question in enumerate(content.questions):
        if question.category not in content.categories:
            raise DemoDataError(f"{name}: questions[{position}].category: {question.category!r} is not in categories.")
    for position, quiz in enumerate(content.quizzes):
        unknown = [reference for reference in quiz.questions if reference not in references]
        if unknown:
            raise DemoDataError(f"{name}: quizzes[{position}].questions: no question {', '.join(unknown)}.")
        for category, _ in quiz.draws:
            if category not in content.categories:
                raise DemoDataError(f"{name}: quizzes[{position}].draws: {category!r} is not in categories.")


def read_course_questions(path: Path) -> CourseQuestions:
    """One course's categories, questions and quizzes; the file is named after the course's slug."""
    name = path.name
    read = fields(
        read_yaml(path, name=name),
        name,
        required={"categories": _categories, "questions": list_of(_question), "quizzes": list_of(_quiz)},
    )
    content = CourseQuestions(
        course_slug=path.stem,
        categories=read["categories"],
        questions=tuple(read["questions"]),
        quizzes=tuple(read["quizzes"]),
    )
    _check_references(content, name)
    return content


def read_question_bank(data_dir: Path = DATA_DIR) -> tuple[CourseQuestions, ...]:
    """Every demo course's questions and quizzes, in catalogue order."""
    courses = course_slugs()
    stray = sorted(path.name for path in data_dir.glob("*.yaml") if path.stem not in courses)
    if stray:
        raise DemoDataError(f"{', '.join(stray)}: named after no course of the demo catalogue.")
    paths = [data_dir / f"{slug}.yaml" for slug in courses]
    return tuple(read_course_questions(path) for path in paths if path.exists())
