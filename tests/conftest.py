import pytest

from tests import factories


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
