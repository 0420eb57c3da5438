"""The bench_quiz command runs end to end, prints its ratios and leaves the database as it was."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from courses.models import CoursePage
from quizzes.models import Question, QuizAttempt

pytestmark = pytest.mark.django_db


def test_bench_quiz_prints_ratios_and_rolls_back(catalogue):
    out = StringIO()
    call_command("bench_quiz", questions=6, rounds=2, stdout=out)
    report = out.getvalue()
    for line in (
        "bare Django view (GET)",
        "grade a 6-question attempt in-process",
        "submit a 6-question attempt over HTTP",
        "save one answer over HTTP (autosave)",
    ):
        assert line in report
    assert "1.0×" in report
    assert not Question.objects.exists()
    assert not QuizAttempt.objects.exists()
    assert not CoursePage.objects.exists()


def test_bench_quiz_refuses_silly_sizes():
    with pytest.raises(CommandError):
        call_command("bench_quiz", questions=2, rounds=1, stdout=StringIO())
