import pytest
from django.core.cache import caches

from tests import factories


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with no kept pages: a page kept by one test must not answer another's request."""
    caches["pages"].clear()


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
