"""One way for an app to put its groups, permissions and workflows in place after every `migrate`.

An app calls `run_after_migrate(self, setup)` from its AppConfig.ready(). After migrate (on the
default database only) every app's Permission rows are created first, then `setup` runs. Set-up
functions must be safe to run again: they run after every migrate, and tests call them directly.
"""

from collections.abc import Callable

from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate

from .authoring import create_all_permissions


def run_after_migrate(app_config: AppConfig, setup: Callable[[], object]) -> None:
    """Run `setup` after each migrate, once for `app_config`, when every app's permissions exist."""

    def handler(sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
        if using != DEFAULT_DB_ALIAS:
            return
        create_all_permissions(using)
        setup()

    # weak=False: the handler is a closure nothing else keeps alive.
    post_migrate.connect(handler, sender=app_config, weak=False, dispatch_uid=f"teams_setup_{app_config.label}")
