"""`make_scale_data` on SQLite with a few learners: counts, determinism, and rows that agree with the
snapshots they come from (versions, chosen options, grades), as the quiz statistics will read them."""

from collections import Counter
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from credit.models import CreditRecord, Enrolment, ModuleProgress
from quizzes import scoring, versions
from quizzes.models import AttemptAnswer, ChosenOption, QuestionVersion, QuizAttempt
from reports.scale import people
from reports.scale.build import make_scale_data
from reports.scale.digest import scale_digest
from reports.scale.simulate import stable_ids
from tests.courses.conftest import demo_catalogue  # noqa: F401  (the module-scoped demo fixture)

pytestmark = pytest.mark.usefixtures("demo_catalogue")

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
COURSES = ["contraindications-and-client-safety", "swedish-technique-foundations"]


def build(learners=12, seed=3, **options):
    return make_scale_data(learners=learners, seed=seed, courses=COURSES, now=NOW, **options)


def scale_attempts():
    return QuizAttempt.objects.filter(user__username__startswith=people.PREFIX)


@pytest.mark.django_db
def test_counts_are_what_was_written_and_the_learners_are_synthetic():
    counts = build()

    users = people.scale_users()
    assert counts.learners == users.count() == 12
    assert sorted(users.values_list("username", flat=True)) == [f"scale-{n:06d}" for n in range(12)]
    assert not any(user.has_usable_password() for user in users)
    assert counts.enrolments == Enrolment.objects.filter(user__in=users).count() >= 12
    assert counts.progress == ModuleProgress.objects.filter(user__in=users).count() > 0
    assert counts.attempts == scale_attempts().count() > 0
    assert counts.answers == AttemptAnswer.objects.filter(attempt__user__in=users).count()
    assert counts.chosen_options == ChosenOption.objects.filter(attempt__user__in=users).count()
    assert counts.credit_records == CreditRecord.objects.filter(user__in=users).count()
    # Attempts are numbered 1, 2, … per learner and quiz.
    numbers = {}
    for user_id, quiz_id, number in scale_attempts().values_list("user_id", "quiz_id", "number"):
        numbers.setdefault((user_id, quiz_id), []).append(number)
    assert all(sorted(found) == list(range(1, len(found) + 1)) for found in numbers.values())


@pytest.mark.django_db
def test_the_same_seed_writes_the_same_rows_and_a_second_run_replaces_the_first():
    build()
    first = scale_digest()
    build()
    assert scale_digest() == first
    assert people.scale_users().count() == 12  # replaced, not added
    build(seed=4)
    assert scale_digest() != first


@pytest.mark.django_db
def test_learners_can_be_added_to_a_smaller_set():
    build(learners=12)
    whole = scale_digest()
    build(learners=5)
    build(learners=12, first=5)
    assert scale_digest() == whole


@pytest.mark.django_db
def test_answers_agree_with_the_snapshots_versions_and_grading():
    build(learners=20)
    answers = AttemptAnswer.objects.filter(attempt__user__username__startswith=people.PREFIX)
    chosen = Counter(ChosenOption.objects.filter(answer__in=answers).values_list("answer_id", "step", "option"))
    by_attempt = {}
    for answer in answers.select_related("version"):
        by_attempt.setdefault(answer.attempt_id, []).append(answer)
    assert by_attempt
    for attempt in scale_attempts():
        items = attempt.item_by_slot()
        rows = sorted(by_attempt[attempt.pk], key=lambda row: row.slot)
        assert [row.slot for row in rows] == sorted(items)
        result = scoring.grade_attempt(attempt.items, {str(row.slot): row.response for row in rows})
        assert (attempt.score, attempt.max_score, attempt.percent) == (result.score, result.max_score, result.percent)
        assert attempt.critical_error == result.critical
        assert attempt.passed == scoring.attempt_passed(
            result.percent, attempt.pass_mark, critical=result.critical, critical_fails_quiz=True
        )
        graded = dict(zip((item["slot"] for item in attempt.items), result.questions, strict=True))
        for row in rows:
            item = items[row.slot]
            assert scoring.clean_response(item, row.response) == row.response  # what saving would store
            assert (row.points, row.max_points, row.state) == (
                graded[row.slot].points,
                graded[row.slot].max_points,
                graded[row.slot].state,
            )
            assert row.details == graded[row.slot].as_dict()
            content = versions.canonical(item)
            assert row.version.question_id == row.question_id == item["question_id"]
            assert row.version.content == content
            assert row.version.fingerprint == versions.fingerprint(content)
            expected = Counter((row.pk, step, option) for step, option in versions.chosen_options(item, row.response))
            assert {key: n for key, n in chosen.items() if key[0] == row.pk} == dict(expected)
    # One version per question, numbered from 1.
    assert QuestionVersion.objects.filter(number=1).count() == QuestionVersion.objects.count()


@pytest.mark.django_db
def test_completions_have_credit_records_and_stronger_learners_score_higher():
    build(learners=40)
    completed = set(
        Enrolment.objects.filter(user__username__startswith=people.PREFIX, completed_at__isnull=False).values_list(
            "user_id", "course_id"
        )
    )
    records = set(
        CreditRecord.objects.filter(user__username__startswith=people.PREFIX).values_list("user_id", "course_id")
    )
    assert completed == records
    assert records  # someone completes
    assert scale_attempts().filter(number__gt=1).exists()  # retakes after a fail
    assert scale_attempts().filter(passed=False).exists() and scale_attempts().filter(passed=True).exists()


@pytest.mark.django_db  # ordered with the module's other database tests, so the module's demo stays loaded
def test_stable_ids_replace_tokens_consistently():
    item = {
        "type": "matching",
        "prompts": [{"id": "a1b2c3d4", "text": "Effleurage", "answer": "ffff0000", "feedback": ""}],
        "answers": [{"id": "ffff0000", "text": "gliding"}, {"id": "eeee1111", "text": "kneading"}],
    }
    stable = stable_ids(item, "q1v0o")
    assert stable["prompts"][0] == {"id": "q1v0o1", "text": "Effleurage", "answer": "q1v0o2", "feedback": ""}
    assert [answer["id"] for answer in stable["answers"]] == ["q1v0o2", "q1v0o3"]


@pytest.mark.django_db
def test_the_command_prints_counts_and_refuses_bad_input():
    out = StringIO()
    call_command("make_scale_data", "--learners", "3", "--seed", "2", "--courses", COURSES[0], stdout=out)
    assert "3 learners" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("make_scale_data", "--learners", "3", "--courses", "no-such-course", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("make_scale_data", "--learners", "-1", stdout=StringIO())
    assert get_user_model().objects.filter(username__startswith="scale-").count() == 3
