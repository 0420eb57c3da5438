"""``manage.py bench_reports``: how long the quiz statistics and the course report take as data grows.

The benchmark quiz has 30 single-answer questions (no demo quiz has that many), under a demo course;
the learners for each size are added to those of the size before (learner n is the same whichever size
built it), and each report is timed a few times and the median kept. The table shows the growth factor
from one size to the next: linear growth is 10× for 10× the data.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from courses.models import CoursePage
from quizzes.models import QuestionCategory, QuizPage, QuizQuestion, SingleChoiceOption, SingleChoiceQuestion

BENCH_COURSE = "contraindications-and-client-safety"
BENCH_QUIZ = "scale-benchmark-quiz"
QUESTIONS = 30
# What the benchmark learners take: the benchmark quiz and the course's final (so some complete the course).
BENCH_QUIZZES = [BENCH_QUIZ, "final-assessment"]
# The targets of issue 14, for 100,000 attempts (30 questions) and 100,000 enrolments.
QUIZ_TARGET, COURSE_TARGET = 5.0, 2.0


@dataclass(frozen=True)
class Timing:
    size: int  # learners built
    attempts: int  # graded attempts at the benchmark quiz
    enrolments: int  # in the benchmark course
    quiz_seconds: float | None  # None: not measured (a table made by hand, as in the tests)
    course_seconds: float | None


def median_seconds(run: Callable[[], object], *, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def growth(current: float | None, previous: float | None) -> str:
    if current is None or previous is None or previous <= 0:
        return "–"
    return f"{current / previous:.1f}×"


def verdict(seconds: float | None, target: float) -> str:
    if seconds is None:
        return "not measured"
    return "meets target" if seconds < target else "below target"


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def table(timings: Sequence[Timing]) -> str:
    """The timings as a plain-text table, with growth against the size before and the verdicts at the
    largest size (the targets are for 100,000; a smaller largest size is compared all the same)."""
    header = (
        f"{'learners':>9} {'attempts':>9} {'enrolments':>10}  {'quiz stats s':>12} {'growth':>7}"
        f"  {'course report s':>15} {'growth':>7}"
    )
    lines = [header, "-" * len(header)]
    previous = None
    for timing in timings:
        lines.append(
            f"{timing.size:>9,} {timing.attempts:>9,} {timing.enrolments:>10,}  {_seconds(timing.quiz_seconds):>12}"
            f" {growth(timing.quiz_seconds, previous and previous.quiz_seconds):>7}"
            f"  {_seconds(timing.course_seconds):>15}"
            f" {growth(timing.course_seconds, previous and previous.course_seconds):>7}"
        )
        previous = timing
    if timings:
        last = timings[-1]
        lines.append("")
        lines.append(
            f"Quiz statistics ({QUESTIONS} questions), target < {QUIZ_TARGET:g} s at 100,000 attempts: "
            f"{verdict(last.quiz_seconds, QUIZ_TARGET)} at {last.attempts:,} attempts."
        )
        lines.append(
            f"Course report, target < {COURSE_TARGET:g} s at 100,000 enrolments: "
            f"{verdict(last.course_seconds, COURSE_TARGET)} at {last.enrolments:,} enrolments."
        )
    return "\n".join(lines)


def benchmark_quiz(course: CoursePage) -> QuizPage:
    """The synthetic 30-question quiz under the course, made once (single-answer questions, 4 options)."""
    quiz = QuizPage.objects.child_of(course).filter(slug=BENCH_QUIZ).first()
    if quiz is not None:
        return quiz
    category, _ = QuestionCategory.objects.get_or_create(course=course, name="Benchmark (synthetic)")
    questions = []
    for number in range(1, QUESTIONS + 1):
        question = SingleChoiceQuestion.objects.create(
            prompt=f"Benchmark question {number}: which answer is right?",
            explanation="A synthetic question for the reports benchmark.",
            course=course,
            category=category,
            reference=f"SCALE-BENCH-{number:02d}",
            live=True,
        )
        SingleChoiceOption.objects.bulk_create(
            SingleChoiceOption(
                question=question,
                text=f"Answer {letter} to question {number}",
                is_correct=letter == "A",
                feedback="Synthetic.",
                sort_order=index,
            )
            for index, letter in enumerate("ABCD")
        )
        questions.append(question)
    quiz = QuizPage(
        title="Benchmark quiz (30 synthetic questions)",
        slug=BENCH_QUIZ,
        pass_mark=70,
        counts_towards_completion=False,
        shuffle_questions=True,
        shuffle_options=True,
        show_in_menus=False,
    )
    quiz.question_links = [
        QuizQuestion(question=question, sort_order=index) for index, question in enumerate(questions)
    ]
    course.add_child(instance=quiz)
    # First among the course's pages, so every enrolled learner may take it before reading a module.
    quiz.move(course, pos="first-child")
    return QuizPage.objects.get(pk=quiz.pk)
