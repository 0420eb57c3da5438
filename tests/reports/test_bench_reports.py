"""`bench_reports`: the table's figures, growth and verdicts from canned timings, and a tiny run on SQLite."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from quizzes.models import QuizPage
from reports.scale import bench
from tests.courses.conftest import demo_catalogue  # noqa: F401  (the module-scoped demo fixture)


def test_growth_is_the_ratio_to_the_size_before():
    assert bench.growth(10.0, 1.0) == "10.0×"
    assert bench.growth(2.5, 1.0) == "2.5×"
    assert bench.growth(1.0, None) == "–"
    assert bench.growth(None, 1.0) == "–"
    assert bench.growth(1.0, 0.0) == "–"


def test_verdicts_compare_with_the_target():
    assert bench.verdict(4.9, 5.0) == "meets target"
    assert bench.verdict(5.0, 5.0) == "below target"
    assert bench.verdict(None, 5.0) == "not measured"


def test_the_table_lists_each_size_with_growth_and_the_verdicts_of_the_largest():
    timings = [
        bench.Timing(size=1000, attempts=1200, enrolments=1000, quiz_seconds=0.05, course_seconds=0.01),
        bench.Timing(size=10000, attempts=12000, enrolments=10000, quiz_seconds=0.5, course_seconds=0.03),
        bench.Timing(size=100000, attempts=120000, enrolments=100000, quiz_seconds=6.0, course_seconds=None),
    ]
    lines = bench.table(timings).splitlines()

    assert lines[0].split() == ["learners", "attempts", "enrolments", "quiz", "stats", "s", "growth", "course",
                                "report", "s", "growth"]  # fmt: skip
    assert lines[2].split() == ["1,000", "1,200", "1,000", "0.050", "–", "0.010", "–"]
    assert lines[3].split() == ["10,000", "12,000", "10,000", "0.500", "10.0×", "0.030", "3.0×"]
    assert lines[4].split() == ["100,000", "120,000", "100,000", "6.000", "12.0×", "–", "–"]
    assert "target < 5 s at 100,000 attempts: below target at 120,000 attempts" in lines[6]
    assert "target < 2 s at 100,000 enrolments: not measured at 100,000 enrolments" in lines[7]


def test_median_seconds_runs_the_report_each_time():
    calls = []
    assert bench.median_seconds(lambda: calls.append(1), repeat=3) >= 0
    assert len(calls) == 3


def test_sizes_must_be_whole_numbers():
    with pytest.raises(CommandError):
        call_command("bench_reports", "--sizes", "ten", "--any-database", stdout=StringIO())


@pytest.mark.django_db
def test_bench_refuses_sqlite_unless_asked():
    from django.db import connection

    if connection.vendor == "postgresql":
        pytest.skip("the suite runs on PostgreSQL here, which the benchmark accepts")
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench_reports", "--sizes", "5", stdout=StringIO())


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_catalogue")
def test_a_tiny_run_builds_the_30_question_quiz_and_prints_the_table(monkeypatch):
    monkeypatch.setattr("quizzes.statistics.quiz_statistics", lambda *, quiz, attempts: None)
    out, err = StringIO(), StringIO()
    call_command("bench_reports", "--sizes", "4,8", "--any-database", "--repeat", "1", stdout=out, stderr=err)

    quiz = QuizPage.objects.get(slug=bench.BENCH_QUIZ)
    assert quiz.question_links.count() == bench.QUESTIONS == 30
    rows = [line.split() for line in out.getvalue().splitlines() if line.strip().startswith(("4 ", "8 "))]
    assert [row[0] for row in rows] == ["4", "8"]
    assert rows[0][3] != "–"  # the quiz statistics were timed


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_catalogue")
def test_the_synthetic_answers_discriminate_and_the_weak_questions_are_flagged():
    from statistics import median

    from courses.models import CoursePage
    from quizzes.statistics import quiz_statistics
    from reports.scale.build import make_scale_data

    quiz = bench.benchmark_quiz(CoursePage.objects.get(slug=bench.BENCH_COURSE))
    make_scale_data(learners=150, seed=1, courses=[bench.BENCH_COURSE], quizzes=[bench.BENCH_QUIZ])

    stats = quiz_statistics(quiz=quiz, attempts="all")
    assert stats.attempts == quiz.attempts.count() > 100
    assert len(stats.questions) == bench.QUESTIONS
    # (an easy question everyone got right has no discrimination: nothing to correlate)
    assert median(q.discrimination for q in stats.questions if q.discrimination is not None) > 20
    codes = {flag.code for question in stats.questions for flag in question.flags}
    assert {"easy", "hard", "discrimination", "distractor"} <= codes


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_catalogue")
def test_existing_times_the_data_already_there(monkeypatch):
    monkeypatch.setattr("quizzes.statistics.quiz_statistics", lambda *, quiz, attempts: None)
    out = StringIO()
    call_command("bench_reports", "--existing", "--any-database", "--repeat", "1", stdout=out, stderr=StringIO())
    assert "Quiz statistics (30 questions)" in out.getvalue()
