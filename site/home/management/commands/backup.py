"""`python manage.py backup ARCHIVE`: the database and both media folders in one .tar.gz, with a manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home import backups


class Command(BaseCommand):
    help = (
        "Write one .tar.gz archive holding the database, MEDIA_ROOT, PRIVATE_MEDIA_ROOT and a manifest "
        "(versions, credit record/certificate/attempt counts, checksums). Restore it with `restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="where to write the archive, e.g. touchstone-2026-11-28.tar.gz")
        parser.add_argument("--force", action="store_true", help="overwrite the archive if it already exists")
        parser.add_argument("--database", default="default", help="the database alias to back up")
        parser.add_argument(
            "--format",
            default="auto",
            choices=["auto", "native", "json"],
            help=(
                "auto: SQLite's backup API, or pg_dump for PostgreSQL when it is installed, else JSON; "
                "native: never fall back to JSON; json: Django's dumpdata (portable between engines, slower)"
            ),
        )

    def handle(self, *args, archive, force, database, format, **options):
        try:
            manifest = backups.create_backup(archive=Path(archive), force=force, database=database, fmt=format)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        counts = manifest["counts"]
        self.stdout.write(
            self.style.SUCCESS(f"Backup written to {archive}")
            + f"\n  database: {manifest['database']['vendor']} ({manifest['database']['format']})"
            + f"\n  files: {len(manifest['files']) - 1} media files"
            + f"\n  credit records: {counts['credit_records']}, certificates: {counts['certificates']}, "
            f"quiz attempts: {counts['quiz_attempts']}"
        )
