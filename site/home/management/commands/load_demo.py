"""Load the demo site: accounts, catalogue and everything each app adds. Safe to run again."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# The demo loaders, in the order they run. Each is a module with a `load(stdout)` function that
# returns the demo accounts it made (printed at the end) and may rely on everything listed before it:
DEMO_LOADERS = (
    # the home page's content and the accounts every later demo signs people in with;
    "home.demo",
    # the course catalogue, whose instructors are those accounts;
    "courses.demo",
    # the question bank and quizzes, which live under the courses and link to their sections;
    "quizzes.demo",
    # the learner's enrolments, progress, quiz attempt and credit, which need courses and quizzes;
    "credit.demo",
    # providers and their events, which link to the catalogue's courses;
    "events.demo",
    # synthetic learners on the instructors' courses, so the reports have figures (needs all of the above).
    "reports.demo",
)


class Command(BaseCommand):
    help = (
        "Build the demo site: accounts, the course catalogue and every app's demo content. "
        "Running it again updates the same objects instead of adding duplicates."
    )

    def handle(self, *args, **options):
        accounts = []
        with transaction.atomic():
            for module_name in DEMO_LOADERS:
                accounts.extend(import_module(module_name).load(self.stdout) or [])

        self.stdout.write(self.style.SUCCESS("\nDemo site ready. Sign in at /accounts/login/ or /admin/ with:"))
        width = max(len(account.username) for account in accounts) if accounts else 0
        for account in accounts:
            self.stdout.write(
                f"  {account.role:<15} {account.username:<{width}}  password: {account.password:<22} {account.note}"
            )
