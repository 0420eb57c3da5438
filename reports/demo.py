"""Demo data for the reports: synthetic learners on maya's and daniel's courses, so the course reports and
the quiz statistics show real figures and charts (``reports.scale``; usernames ``scale-000000`` …, who
cannot sign in). Runs last in ``load_demo``, as it needs the courses, quizzes and credit settings.

Running it again replaces them (the same learners, dated from now). ``DEMO_SYNTHETIC_LEARNERS = False`` in
the settings skips it; it also removes any synthetic learners ``make_scale_data`` made in this database.
"""

from django.conf import settings

from accounts.demo import INSTRUCTOR_DANIEL, INSTRUCTOR_MAYA
from courses.models import CoursePage

from .scale.build import make_scale_data

LEARNERS = 160  # enough answers per quiz (about 35–55 first attempts each) for steady statistics
SEED = 14
# The courses maya and daniel teach (see accounts.demo): Swedish Technique Foundations, Contraindications.
COURSES = ("swedish-technique-foundations", "contraindications-and-client-safety")


def load(stdout) -> list:
    if not getattr(settings, "DEMO_SYNTHETIC_LEARNERS", True):
        stdout.write("Reports demo skipped (DEMO_SYNTHETIC_LEARNERS is off).")
        return []
    courses = list(CoursePage.objects.live().filter(slug__in=COURSES).values_list("slug", flat=True))
    if not courses:
        stdout.write("Reports demo skipped: the demo courses were not found.")
        return []
    counts = make_scale_data(learners=LEARNERS, seed=SEED, courses=courses)
    stdout.write(
        f"Reports demo ready: {counts.learners} synthetic learners on the courses of {INSTRUCTOR_MAYA.username} "
        f"and {INSTRUCTOR_DANIEL.username} ({counts.attempts} quiz attempts, {counts.credit_records} completions)."
    )
    return []
