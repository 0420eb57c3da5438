"""Time the quiz statistics and the course report as the data grows: ``manage.py bench_reports``."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from courses.models import CoursePage
from credit.models import Enrolment
from quizzes.choices import AttemptStatus
from quizzes.models import QuizAttempt
from reports.scale import bench, people
from reports.scale.build import make_scale_data


def _sizes(value: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in value.split(",") if part.strip()})
    except ValueError:
        raise CommandError("--sizes takes whole numbers separated by commas, for example 1000,10000.") from None
    if not sizes or sizes[0] < 1:
        raise CommandError("--sizes needs at least one size of 1 or more.")
    return sizes


class Command(BaseCommand):
    help = (
        "Build synthetic learners at growing sizes (each added to the last) on the benchmark course and time "
        "quiz_statistics (a 30-question quiz, all attempts) and course_report at each size: the median of "
        "--repeat runs, the growth from the size before, and whether the targets are met. Meant for a "
        "PostgreSQL database of its own: it replaces the synthetic learners there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=_sizes, default=[1000, 10000, 100000], help="Learners, comma-separated.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--repeat", type=int, default=3, help="Runs of each report per size (the median counts).")
        parser.add_argument("--any-database", action="store_true", help="Run on SQLite too (numbers mean little).")
        parser.add_argument(
            "--existing", action="store_true", help="Build nothing: time the reports on the learners already there."
        )

    def handle(self, *args, sizes, seed, repeat, any_database, existing, **options):
        if connection.vendor != "postgresql" and not any_database:
            raise CommandError("bench_reports measures PostgreSQL: set DATABASE_URL (or pass --any-database).")
        course = CoursePage.objects.filter(slug=bench.BENCH_COURSE).first()
        if course is None:
            raise CommandError(f"The benchmark needs the demo course '{bench.BENCH_COURSE}': run load_demo first.")
        quiz = bench.benchmark_quiz(course)
        reports = _reports()
        timings = []
        if existing:
            timings.append(self._measure(people.scale_users().count(), course, quiz, reports, repeat))
        built = 0
        for size in [] if existing else sizes:
            started = time.monotonic()
            make_scale_data(learners=size, seed=seed, courses=[course.slug], quizzes=bench.BENCH_QUIZZES, first=built)
            built = size
            self.stdout.write(f"Built {size:,} learners ({time.monotonic() - started:.0f} s); timing the reports…")
            timings.append(self._measure(size, course, quiz, reports, repeat))
        self.stdout.write("")
        self.stdout.write(bench.table(timings))

    def _measure(self, size, course, quiz, reports, repeat) -> bench.Timing:
        quiz_report, course_report = reports
        repeat = max(1, repeat)
        return bench.Timing(
            size=size,
            attempts=QuizAttempt.objects.filter(quiz=quiz, status=AttemptStatus.GRADED).count(),
            enrolments=Enrolment.objects.filter(course=course).count(),
            quiz_seconds=bench.median_seconds(lambda: quiz_report(quiz=quiz, attempts="all"), repeat=repeat),
            course_seconds=bench.median_seconds(lambda: course_report(course=course), repeat=repeat),
        )


def _reports():
    """The two functions measured, looked up when the command runs (the tests put stand-ins in their place)."""
    from quizzes.statistics import quiz_statistics
    from reports.course_report import course_report

    return quiz_statistics, course_report
