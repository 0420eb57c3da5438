"""Load the demo site: accounts, catalogue and everything each app adds. Safe to run again."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Build the demo site: accounts, the course catalogue and every app's demo content. "
        "Running it again updates the same objects instead of adding duplicates."
    )

    def handle(self, *args, **options):
        accounts = []
        with transaction.atomic():
            # Apps load in INSTALLED_APPS order, so an app's demo can rely on those listed before it.
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(app_config.name) is None or find_spec(module_name) is None:
                    continue
                loader = getattr(import_module(module_name), "load", None)
                if loader is not None:
                    accounts.extend(loader(self.stdout) or [])

        self.stdout.write(self.style.SUCCESS("\nDemo site ready. Sign in at /accounts/login/ or /admin/ with:"))
        width = max(len(account.username) for account in accounts) if accounts else 0
        for account in accounts:
            self.stdout.write(
                f"  {account.role:<15} {account.username:<{width}}  password: {account.password:<22} {account.note}"
            )
