import pytest
from django.core.cache import caches

from tests import factories


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches: rolled-back tests reuse ids, so a cached fragment keyed by a page
    and revision id could otherwise leak from one test into the next."""
    for cache in caches.all(initialized_only=True):
        cache.clear()


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
