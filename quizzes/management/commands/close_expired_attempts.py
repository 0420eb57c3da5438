"""Grade every quiz attempt whose time limit (plus grace) has passed. Run it from cron every few minutes."""

from django.core.management.base import BaseCommand

from quizzes.services import finalise_expired_attempts


class Command(BaseCommand):
    help = (
        "Finalise timed quiz attempts whose deadline and grace period have passed, grading the answers "
        "saved before the deadline. Attempts are also finalised when the learner next opens them."
    )

    def handle(self, *args, **options):
        count = finalise_expired_attempts()
        if options["verbosity"]:
            self.stdout.write(f"Finalised {count} expired attempt{'s' if count != 1 else ''}.")
