"""Backfill the statistics' records for attempts graded before they existed: each answer's question
version and the options it chose (quizzes.statistics_records, with this migration's historical models)."""

from django.db import migrations

CHUNK = 200


def backfill(apps, schema_editor):
    from quizzes.statistics_records import Models, record_for_statistics

    models = Models(
        version=apps.get_model("quizzes", "QuestionVersion"),
        answer=apps.get_model("quizzes", "AttemptAnswer"),
        choice=apps.get_model("quizzes", "ChosenOption"),
    )
    QuizAttempt = apps.get_model("quizzes", "QuizAttempt")
    AttemptAnswer = models.answer
    pending = (
        AttemptAnswer.objects.filter(
            attempt__status="graded", version__isnull=True, question__isnull=False
        )
        .values_list("attempt_id", flat=True)
        .distinct()
    )
    # Oldest first, so each question's versions are numbered in the order they were first graded.
    ids = list(
        QuizAttempt.objects.filter(pk__in=pending).order_by("submitted_at", "pk").values_list("pk", flat=True)
    )
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        attempts = list(QuizAttempt.objects.filter(pk__in=chunk).only("pk", "items", "submitted_at"))
        record_for_statistics(attempts=attempts, models=models)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0004_question_versions_for_statistics")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
