"""`python manage.py restore ARCHIVE`: bring back a `backup` archive into a fresh database and the media folders."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home import backups


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup`: checks every checksum, then restores the database (which must be "
        "empty unless --force) and copies the media files into MEDIA_ROOT and PRIVATE_MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz written by `backup`")
        parser.add_argument(
            "--force", action="store_true", help="replace everything in a database that already holds data"
        )
        parser.add_argument("--database", default="default", help="the database alias to restore into")

    def handle(self, *args, archive, force, database, **options):
        try:
            result = backups.restore_backup(archive=Path(archive), force=force, database=database)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        self.stdout.write(
            self.style.SUCCESS(f"Restored {archive}")
            + f"\n  backed up: {manifest['created_at']} (Touchstone {manifest['touchstone_version']}, "
            f"Django {manifest['django_version']}, {manifest['database']['vendor']} as {result.database_format})"
            + f"\n  checksums: all {len(manifest['files'])} files match"
            + f"\n  media files: {result.media_files.get('media', 0)}, "
            f"private uploads: {result.media_files.get('private-media', 0)}"
        )
        for name, count in result.counts.items():
            expected = manifest["counts"].get(name)
            note = "" if expected == count else self.style.ERROR(f"  (the backup recorded {expected})")
            self.stdout.write(f"  {name.replace('_', ' ')}: {count}{note}")
        if result.mismatched_counts:
            raise CommandError("The restored ledger does not match the backup's counts; see above.")
        self.stdout.write(
            "Next: `python manage.py migrate` if this code is newer than the backup, then open a certificate's "
            "verification page (/learning/verify/<code>/)."
        )
