"""`backup` and `restore`: the credit ledger comes back whole in a fresh database, and every certificate verifies.

The test restores into a second database (a second SQLite file, or a second PostgreSQL database when
DATABASE_URL names PostgreSQL) and compares the tables boards rely on row for row.
"""

import io
import json
import tarfile
from datetime import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test import override_settings
from django.urls import reverse

from credit.models import Certificate, CreditRecord
from home import backups
from quizzes.models import AttemptAnswer, QuizAttempt, QuizPage
from tests import factories
from tests.credit import factories as credit_factories
from tests.credit.test_quiz_completion import take_quiz

pytestmark = pytest.mark.django_db(transaction=True)

LEDGER = (CreditRecord, Certificate, QuizAttempt, AttemptAnswer)


class _EverythingTo:
    """A database router sending every read and write to one alias: the site as it would run on the restored copy."""

    def __init__(self, alias):
        self.alias = alias

    def db_for_read(self, model, **hints):
        return self.alias

    def db_for_write(self, model, **hints):
        return self.alias


def _rows(alias: str, *, to_the_millisecond: bool = False) -> dict[str, list[dict]]:
    rows = {model.__name__: list(model._base_manager.using(alias).order_by("pk").values()) for model in LEDGER}
    if to_the_millisecond:  # Django's JSON serializer keeps times to the millisecond
        for table in rows.values():
            for row in table:
                for key, value in row.items():
                    if isinstance(value, datetime):
                        row[key] = value.replace(microsecond=value.microsecond // 1000 * 1000)
    return rows


@pytest.fixture
def ledger():
    """Two learners: one completed a home-study course (credit record, certificate, passed test), one failed it."""
    from tests.baseline import ensure_baseline

    ensure_baseline()  # a transactional test starts from an empty database
    factories.catalogue()
    credit_factories.provider()
    course, modules = credit_factories.home_study_course(title="Client Communication and Consent", ce_hours="3")
    record = credit_factories.complete_course(credit_factories.learner("sam"), course, modules)
    test = QuizPage.objects.child_of(course).get()
    take_quiz(credit_factories.learner("kai", legal_name="Kai Moana"), test, passing=False)
    return record


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The verify page limits look-ups per address; earlier tests' look-ups must not count here."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def media(settings, tmp_path):
    """A course image in MEDIA_ROOT and a learner's outside-CE certificate in PRIVATE_MEDIA_ROOT.

    Both folders are this test's own, so files other tests left behind are not in the backup.
    """
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private-media")
    (Path(settings.MEDIA_ROOT) / "images").mkdir(parents=True, exist_ok=True)
    (Path(settings.MEDIA_ROOT) / "images" / "hero.jpg").write_bytes(b"\xff\xd8 pretend jpeg")
    (Path(settings.PRIVATE_MEDIA_ROOT) / "outside").mkdir(parents=True, exist_ok=True)
    (Path(settings.PRIVATE_MEDIA_ROOT) / "outside" / "ethics.pdf").write_bytes(b"%PDF-1.4 pretend")
    return {"media/images/hero.jpg", "private-media/outside/ethics.pdf"}


@pytest.fixture
def fresh_database(tmp_path):
    """A second, empty database beside the test database, reachable as the `restored` alias."""
    default = connections["default"].settings_dict
    if connection.vendor == "sqlite":
        name = str(tmp_path / "restored.sqlite3")
    elif connection.vendor == "postgresql":
        name = f"{default['NAME']}_restored"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
    else:
        pytest.skip(f"no fresh-database recipe for {connection.vendor}")
    # Made on the fly and then dropped from the settings, Django's test case treats it as a "dynamically
    # created connection" and lets this test use it; the wrapper stays cached for this thread.
    connections.settings["restored"] = {**default, "NAME": name}
    connections["restored"]
    del connections.settings["restored"]
    yield "restored"
    connections["restored"].close()
    del connections["restored"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_then_restore_into_a_fresh_database_keeps_the_ledger(
    ledger, media, fresh_database, tmp_path, settings, client
):
    archive = tmp_path / "touchstone.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "credit records: 1, certificates: 1, quiz attempts: 2" in out.getvalue()

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["counts"] == {"credit_records": 1, "certificates": 1, "quiz_attempts": 2}
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["database"]["format"] == {"sqlite": "sqlite", "postgresql": "pgdump"}[connection.vendor]
    assert media <= set(manifest["files"])

    # The restored site gets empty media folders of its own.
    settings.MEDIA_ROOT = str(tmp_path / "restored-media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "restored-private")
    out = io.StringIO()
    call_command("restore", str(archive), "--database", fresh_database, stdout=out)
    summary = out.getvalue()
    assert "checksums: all" in summary and "credit records: 1" in summary and "private uploads: 1" in summary, summary

    assert _rows(fresh_database) == _rows("default")
    assert (tmp_path / "restored-media" / "images" / "hero.jpg").read_bytes() == b"\xff\xd8 pretend jpeg"
    assert (tmp_path / "restored-private" / "outside" / "ethics.pdf").read_bytes() == b"%PDF-1.4 pretend"

    codes = list(Certificate.objects.values_list("code", flat=True))
    assert codes
    with override_settings(DATABASE_ROUTERS=[_EverythingTo(fresh_database)]):
        for code in codes:
            html = client.get(reverse("credit:verify_code", args=[code])).content.decode()
            assert "This certificate is genuine" in html and "Samira Haddad" in html


def test_json_backup_replaces_the_site_database_with_force(ledger, tmp_path, client):
    """The portable fallback: dumpdata's JSON, loaded over a migrated database after emptying it."""
    before = _rows("default", to_the_millisecond=True)
    archive = tmp_path / "touchstone.tar.gz"
    call_command("backup", str(archive), "--format", "json", stdout=io.StringIO())
    Certificate.objects.update(name_on_certificate="Someone Else")  # a change the restore must undo

    out = io.StringIO()
    call_command("restore", str(archive), "--force", stdout=out)

    assert "as json" in out.getvalue()
    assert _rows("default") == before
    assert CreditRecord.objects.count() == 1 and QuizAttempt.objects.count() == 2
    for code in Certificate.objects.values_list("code", flat=True):
        html = client.get(reverse("credit:verify_code", args=[code])).content.decode()
        assert "This certificate is genuine" in html and "Samira Haddad" in html


def test_backup_refuses_to_overwrite_an_archive_without_force(ledger, tmp_path):
    archive = tmp_path / "touchstone.tar.gz"
    archive.write_bytes(b"yesterday's backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(archive), stdout=io.StringIO())
    assert archive.read_bytes() == b"yesterday's backup"
    call_command("backup", str(archive), "--force", stdout=io.StringIO())
    assert tarfile.is_tarfile(archive)


def test_restore_refuses_a_database_that_holds_data(ledger, tmp_path):
    archive = tmp_path / "touchstone.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert CreditRecord.objects.count() == 1


def test_restore_refuses_a_damaged_archive(ledger, fresh_database, tmp_path):
    archive = tmp_path / "touchstone.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    # Swap the database file for another of the same name: the manifest's checksum no longer matches.
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("database."):
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="Checksums do not match"):
        call_command("restore", str(tampered), "--database", fresh_database, stdout=io.StringIO())
    assert backups.database_is_empty(database=fresh_database)
