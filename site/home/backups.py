"""Backups that do not depend on how the site is deployed: one archive with the database and both media folders.

The archive (a .tar.gz) holds

- `database.sqlite3`, `database.pgdump` or `database.json`: the database, copied the best way its engine allows;
- `media/...`: MEDIA_ROOT (admin uploads, course images);
- `private-media/...`: PRIVATE_MEDIA_ROOT (learners' own certificates for outside CE: personal data);
- `manifest.json`: when, from which versions, how many credit records, certificates and quiz attempts the
  ledger held, and a SHA-256 checksum of every other file, so a restore can prove the archive is whole.

Credit records and certificates are what boards audit, so a restore refuses a database that already holds
data unless told to replace it, and reports the counts it restored next to the counts the backup recorded.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from credit.models import Certificate, CreditRecord
from quizzes.models import QuizAttempt

MANIFEST = "manifest.json"
ARCHIVE_VERSION = 1
# Where each media folder goes inside the archive.
MEDIA_FOLDERS = {"media": "MEDIA_ROOT", "private-media": "PRIVATE_MEDIA_ROOT"}
# What the JSON fallback leaves out: sessions nobody needs back, and the search index, which `update_index`
# rebuilds from the pages. Content types and permissions are kept, with their keys, so the copy is exact.
JSON_EXCLUDES = ["sessions", "wagtailsearch"]


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why in the operator's words."""


@dataclass
class RestoreResult:
    manifest: dict
    database_format: str
    counts: dict[str, int]
    media_files: dict[str, int] = field(default_factory=dict)

    @property
    def mismatched_counts(self) -> dict[str, tuple[int, int]]:
        """Counts that differ from the backup's: {name: (in the backup, restored)}."""
        expected = self.manifest.get("counts", {})
        return {name: (expected.get(name), count) for name, count in self.counts.items() if expected.get(name) != count}


# ---------------------------------------------------------------------------------------------
# Reading the database
# ---------------------------------------------------------------------------------------------


def ledger_counts(*, database: str = "default") -> dict[str, int]:
    """How many credit records, certificates and quiz attempts the database holds."""
    return {
        "credit_records": CreditRecord._base_manager.using(database).count(),
        "certificates": Certificate._base_manager.using(database).count(),
        "quiz_attempts": QuizAttempt._base_manager.using(database).count(),
    }


def database_is_empty(*, database: str = "default") -> bool:
    """A database is empty when it has no tables at all: nothing there to lose."""
    connection = connections[database]
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def touchstone_version() -> str:
    try:
        with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as file:
            return tomllib.load(file)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def choose_format(*, database: str = "default", requested: str = "auto") -> str:
    """`sqlite` (a file copy), `pgdump` (pg_dump's custom format) or `json` (Django's dumpdata)."""
    vendor = connections[database].vendor
    if requested == "json":
        return "json"
    if requested not in ("auto", "native"):
        raise BackupError(f"Unknown database format {requested!r}: use auto, native or json.")
    if vendor == "sqlite":
        return "sqlite"
    if vendor == "postgresql" and shutil.which("pg_dump"):
        return "pgdump"
    if requested == "native":
        raise BackupError("No native dump for this database here (for PostgreSQL, install pg_dump); use --format json.")
    return "json"


def _pg_command(program: str, settings_dict: dict) -> tuple[list[str], dict]:
    """Connection arguments for pg_dump/pg_restore, with the password in the environment, not the arguments."""
    args = [program, "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return args, env


def _run(args: list[str], env: dict) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed ({result.returncode}): {result.stderr.strip()}")


def _dump_database(*, database: str, fmt: str, folder: Path) -> Path:
    settings_dict = connections[database].settings_dict
    if fmt == "sqlite":
        target = folder / "database.sqlite3"
        # The backup API copies a consistent snapshot page by page, even while the site keeps writing.
        source = sqlite3.connect(settings_dict["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return target
    if fmt == "pgdump":
        target = folder / "database.pgdump"
        args, env = _pg_command("pg_dump", settings_dict)
        args += ["--format=custom", "--no-owner", "--no-privileges", "--file", str(target)]
        _run([*args, settings_dict["NAME"]], env)
        return target
    target = folder / "database.json"
    # Natural keys for foreign keys only (content types differ between databases); rows keep their primary
    # keys, which `--natural-primary` would drop and Wagtail's collections cannot be looked up without.
    call_command(
        "dumpdata",
        natural_foreign=True,
        use_base_manager=True,
        exclude=JSON_EXCLUDES,
        database=database,
        output=str(target),
        verbosity=0,
    )
    return target


# ---------------------------------------------------------------------------------------------
# Backup
# ---------------------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _media_files(root: Path):
    """Every regular file under a media folder, as (path, name relative to the folder), in a stable order."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, path.relative_to(root).as_posix()


def create_backup(*, archive: Path, force: bool = False, database: str = "default", fmt: str = "auto") -> dict:
    """Write the archive and return its manifest. Refuses to overwrite an existing archive unless `force`."""
    archive = Path(archive)
    if archive.exists() and not force:
        raise BackupError(f"{archive} already exists; choose another name or pass --force to overwrite it.")
    fmt = choose_format(database=database, requested=fmt)
    files: dict[str, str] = {}
    partial = archive.with_name(archive.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="touchstone-backup-") as scratch:
        dump = _dump_database(database=database, fmt=fmt, folder=Path(scratch))
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(dump, arcname=dump.name)
            files[dump.name] = _sha256(dump)
            for prefix, setting in MEDIA_FOLDERS.items():
                for path, name in _media_files(Path(getattr(settings, setting))):
                    arcname = f"{prefix}/{name}"
                    tar.add(path, arcname=arcname)
                    files[arcname] = _sha256(path)
            manifest = {
                "archive_version": ARCHIVE_VERSION,
                "created_at": timezone.now().isoformat(),
                "touchstone_version": touchstone_version(),
                "django_version": django.get_version(),
                "wagtail_version": wagtail.__version__,
                "python_version": platform.python_version(),
                "database": {
                    "engine": connections[database].settings_dict["ENGINE"],
                    "vendor": connections[database].vendor,
                    "format": fmt,
                    "file": dump.name,
                },
                "counts": ledger_counts(database=database),
                "files": files,
            }
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(timezone.now().timestamp())
            tar.addfile(info, io.BytesIO(data))
    os.replace(partial, archive)
    return manifest


# ---------------------------------------------------------------------------------------------
# Restore
# ---------------------------------------------------------------------------------------------


def read_archive(*, archive: Path, into: Path) -> dict:
    """Unpack the archive into `into`, check every file against the manifest's checksum, return the manifest."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No backup archive at {archive}.")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            # The "data" filter refuses absolute paths, links out of the folder and device files.
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{archive} is not a readable backup archive: {error}") from error
    try:
        manifest = json.loads((into / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{archive} has no readable {MANIFEST}; is it a Touchstone backup?") from error
    if manifest.get("archive_version") != ARCHIVE_VERSION:
        raise BackupError(f"Unsupported backup archive version {manifest.get('archive_version')!r}.")
    listed = manifest.get("files", {})
    present = {path.relative_to(into).as_posix() for path in into.rglob("*") if path.is_file()} - {MANIFEST}
    if missing := sorted(set(listed) - present):
        raise BackupError(f"The archive lacks files its manifest lists: {', '.join(missing[:5])}")
    if extra := sorted(present - set(listed)):
        raise BackupError(f"The archive holds files its manifest does not list: {', '.join(extra[:5])}")
    if damaged := sorted(name for name, checksum in listed.items() if _sha256(into / name) != checksum):
        raise BackupError(f"Checksums do not match; the archive is damaged: {', '.join(damaged[:5])}")
    return manifest


def _restore_database(*, manifest: dict, folder: Path, database: str, force: bool) -> None:
    connection = connections[database]
    fmt = manifest["database"]["format"]
    dump = folder / manifest["database"]["file"]
    if fmt == "sqlite":
        if connection.vendor != "sqlite":
            raise BackupError("This is an SQLite backup: restore it into SQLite, or back up with --format json.")
        name = connection.settings_dict["NAME"]
        connection.close()
        source = sqlite3.connect(dump)
        target = sqlite3.connect(name)
        try:
            source.backup(target)  # replaces the target's whole content with the backup's
        finally:
            target.close()
            source.close()
    elif fmt == "pgdump":
        if connection.vendor != "postgresql" or not shutil.which("pg_restore"):
            raise BackupError("This backup is a PostgreSQL dump: restore it into PostgreSQL, with pg_restore on PATH.")
        settings_dict = connection.settings_dict
        connection.close()
        args, env = _pg_command("pg_restore", settings_dict)
        args += ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        if force:
            args += ["--clean", "--if-exists"]
        _run([*args, "--dbname", settings_dict["NAME"], str(dump)], env)
    elif fmt == "json":
        # Build the schema this code expects, empty it, then load the rows with their original keys.
        call_command("migrate", database=database, interactive=False, verbosity=0)
        # Emptied without the post-migrate setup (content types, groups): the dump brings its own rows back.
        call_command("flush", database=database, interactive=False, inhibit_post_migrate=True, verbosity=0)
        call_command("loaddata", str(dump), database=database, verbosity=0)
        if database == "default":  # the search index was left out of the dump; rebuild it from the pages
            call_command("update_index", verbosity=0)
    else:
        raise BackupError(f"Unknown database format {fmt!r} in the manifest.")


def _restore_media(*, folder: Path) -> dict[str, int]:
    """Copy each media folder from the archive into place; same-named files are replaced, others are kept."""
    copied = {}
    for prefix, setting in MEDIA_FOLDERS.items():
        root = Path(getattr(settings, setting))
        copied[prefix] = 0
        for path, name in _media_files(folder / prefix):
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            copied[prefix] += 1
    return copied


def restore_backup(*, archive: Path, force: bool = False, database: str = "default") -> RestoreResult:
    """Restore the archive's database and media. Refuses a database that has tables unless `force`."""
    if not force and not database_is_empty(database=database):
        raise BackupError(
            f"The {database!r} database is not empty. Restore into a fresh database, or pass --force to replace "
            "everything in it with the backup."
        )
    with tempfile.TemporaryDirectory(prefix="touchstone-restore-") as scratch:
        folder = Path(scratch)
        manifest = read_archive(archive=Path(archive), into=folder)
        _restore_database(manifest=manifest, folder=folder, database=database, force=force)
        media = _restore_media(folder=folder)
    # Kept pages, routes and what was kept for each learner described the database as it was: forget them.
    for alias in settings.CACHES:
        caches[alias].clear()
    return RestoreResult(
        manifest=manifest,
        database_format=manifest["database"]["format"],
        counts=ledger_counts(database=database),
        media_files=media,
    )
