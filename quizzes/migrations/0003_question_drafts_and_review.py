"""Questions become Wagtail snippets with drafts, revisions, locking and the review workflow.

The Draft/Active ``status`` gives way to Wagtail's ``live``: an active question is live (quizzes ask
it), a draft is not. A category without a course takes the course of the quizzes that draw from it
when they are all in one course; then each question without a course takes its category's course, or
else the course of the quizzes that use it when they are all in one course. The rest stay shared.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


# Wagtail's page paths grow by four characters a level: a quiz's course is its parent.
STEPLEN = 4


def _single_course(CoursePage, quiz_paths):
    """The one course the quizzes at these paths sit under, or None when they span several (or none)."""
    parents = {path[:-STEPLEN] for path in quiz_paths}
    courses = set(CoursePage.objects.filter(path__in=parents).values_list("pk", flat=True))
    return courses.pop() if len(courses) == 1 else None


def questions_go_live_in_their_courses(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    QuestionCategory = apps.get_model("quizzes", "QuestionCategory")
    QuizQuestion = apps.get_model("quizzes", "QuizQuestion")
    QuizRandomDraw = apps.get_model("quizzes", "QuizRandomDraw")
    CoursePage = apps.get_model("courses", "CoursePage")
    Question.objects.filter(status="active").update(live=True, has_unpublished_changes=False)
    for category in QuestionCategory.objects.filter(course__isnull=True):
        paths = QuizRandomDraw.objects.filter(category_id=category.pk).values_list("page__path", flat=True)
        course_id = _single_course(CoursePage, paths)
        clash = QuestionCategory.objects.filter(course_id=course_id, name=category.name).exists()
        if course_id is not None and not clash:
            QuestionCategory.objects.filter(pk=category.pk).update(course_id=course_id)
    for question in Question.objects.filter(course__isnull=True).select_related("category"):
        course_id = question.category.course_id if question.category_id else None
        if course_id is None:
            paths = QuizQuestion.objects.filter(question_id=question.pk).values_list("page__path", flat=True)
            course_id = _single_course(CoursePage, paths)
        if course_id is not None:
            Question.objects.filter(pk=question.pk).update(course_id=course_id)


def back_to_status(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    Question.objects.filter(live=True).update(status="active")
    Question.objects.filter(live=False).update(status="draft")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("courses", "0005_instructor_signature"),
        ("quizzes", "0002_case_step_safety_decision"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="question",
            options={
                "ordering": ["-updated_at"],
                "permissions": [("manage_shared_bank", "Can manage the shared question bank")],
                "verbose_name": "question",
            },
        ),
        migrations.AddField(
            model_name="question",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="question",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="question",
            name="first_published_at",
            field=models.DateTimeField(blank=True, db_index=True, null=True, verbose_name="first published at"),
        ),
        migrations.AddField(
            model_name="question",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="question",
            name="has_unpublished_changes",
            field=models.BooleanField(default=False, editable=False, verbose_name="has unpublished changes"),
        ),
        migrations.AddField(
            model_name="question",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="question",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="live",
            field=models.BooleanField(default=False, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="question",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="locked",
            field=models.BooleanField(default=False, editable=False, verbose_name="locked"),
        ),
        migrations.AddField(
            model_name="question",
            name="locked_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
        ),
        migrations.AddField(
            model_name="question",
            name="locked_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="locked_%(class)ss",
                to=settings.AUTH_USER_MODEL,
                verbose_name="locked by",
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="course",
            field=models.ForeignKey(
                blank=True,
                help_text="The course this question tests. Blank: a question of the shared bank, which only course editors manage.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="questions",
                to="courses.coursepage",
            ),
        ),
        migrations.AlterField(
            model_name="questioncategory",
            name="course",
            field=models.ForeignKey(
                blank=True,
                help_text="The course whose quizzes draw from this category. Blank: a category of the shared bank, which only course editors manage.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="question_categories",
                to="courses.coursepage",
            ),
        ),
        migrations.AddIndex(
            model_name="question",
            index=models.Index(fields=["live", "category"], name="question_live_category"),
        ),
        migrations.RunPython(questions_go_live_in_their_courses, back_to_status),
        migrations.RemoveIndex(
            model_name="question",
            name="question_status_category",
        ),
        migrations.RemoveField(
            model_name="question",
            name="status",
        ),
    ]
