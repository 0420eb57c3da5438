import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from tests import factories


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches: no kept page may answer another test's request, and rolled-back
    tests reuse ids, so a fragment cached under a page and revision id could otherwise leak between tests."""
    for alias in django_settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def catalogue(db):
    return factories.catalogue()


@pytest.fixture
def course(catalogue):
    return factories.course(title="Swedish Technique Foundations", ce_hours="2")


@pytest.fixture
def module(course):
    return factories.module(
        course,
        title="Effleurage",
        body=[
            ("section", {"heading": "Gliding strokes", "anchor": ""}),
            ("text", "<p>Effleurage opens and closes a session.</p>"),
            factories.technique_block(),
            factories.contraindication_block(),
            factories.dialogue_block(),
        ],
    )
