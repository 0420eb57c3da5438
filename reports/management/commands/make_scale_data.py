"""Build synthetic learners for the reports: ``manage.py make_scale_data --learners 100000 --seed 1``."""

import time

from django.core.management.base import BaseCommand, CommandError

from reports.scale.build import make_scale_data
from reports.scale.digest import scale_digest


def _slugs(value: str) -> list[str]:
    return [slug.strip() for slug in value.split(",") if slug.strip()]


class Command(BaseCommand):
    help = (
        "Create synthetic learners (usernames scale-000000, …) with enrolments over the last year, module "
        "progress, graded quiz attempts and credit records, so the reports can be tried at scale. The same "
        "seed writes the same rows; the synthetic learners of an earlier run are deleted first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, required=True, help="How many learners to create.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--courses", type=_slugs, default=None, help="Course slugs, comma-separated (default: all)."
        )
        parser.add_argument("--quizzes", type=_slugs, default=None, help="Only these quiz slugs (default: all).")
        parser.add_argument(
            "--attempts-per-learner", type=int, default=3, help="The most attempts a learner makes at one quiz."
        )
        parser.add_argument("--digest", action="store_true", help="Print a digest of the rows written.")

    def handle(self, *args, learners, seed, courses, quizzes, attempts_per_learner, digest, **options):
        if learners < 0 or attempts_per_learner < 1:
            raise CommandError("--learners must be 0 or more and --attempts-per-learner at least 1.")
        started = time.monotonic()
        try:
            counts = make_scale_data(
                learners=learners,
                seed=seed,
                courses=courses,
                quizzes=quizzes,
                attempts_per_learner=attempts_per_learner,
                progress=self.stdout.write if options["verbosity"] > 1 else None,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Synthetic learners ready in {time.monotonic() - started:.1f} s: {counts}.")
        if digest:
            self.stdout.write(f"Digest: {scale_digest()}")
