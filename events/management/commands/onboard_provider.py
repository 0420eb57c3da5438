"""Onboard a training provider: account, draft provider page and edit rights on that page alone."""

from django.core.management.base import BaseCommand, CommandError

from events.models import DEFAULT_TIME_ZONE
from events.services import OnboardingError, onboard_provider


class Command(BaseCommand):
    help = (
        "Create a training provider's account and draft provider page, and let that account edit the page "
        "and add events under it (changes go to the Event review workflow). Refuses duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="The organisation's name, e.g. 'Gulf Coast Bodywork'.")
        parser.add_argument("--email", required=True, help="The provider's contact e-mail; also the account's.")
        parser.add_argument("--username", required=True, help="The username the provider signs in with.")
        parser.add_argument(
            "--time-zone",
            default=DEFAULT_TIME_ZONE,
            help=f"Where the provider usually teaches (IANA name, default {DEFAULT_TIME_ZONE}).",
        )

    def handle(self, *args, name, email, username, time_zone, **options):
        try:
            result = onboard_provider(name=name, email=email, username=username, time_zone=time_zone)
        except OnboardingError as error:
            raise CommandError(str(error)) from error

        for step in result.steps:
            self.stdout.write(f"- {step}")
        self.stdout.write(self.style.SUCCESS(f"\n{result.provider.title} is onboarded."))
        self.stdout.write(
            f"Sign-in: /admin/  username: {result.user.username}  temporary password: {result.password}\n"
            "Send the password privately and ask them to change it under Account in the admin. Their page "
            "goes live when a course editor approves it."
        )
