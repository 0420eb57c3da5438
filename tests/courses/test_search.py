"""Site search over courses and modules (database backend: PostgreSQL full text on PostgreSQL)."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(catalogue):
    swedish = factories.course(title="Swedish Technique Foundations", summary="Gliding and kneading strokes.")
    factories.module(
        swedish,
        title="Tapotement",
        intro="Percussive strokes such as hacking and cupping.",
        body=[("text", "<p>Tapotement wakes the tissue with rhythmic percussion.</p>")],
    )
    safety = factories.course(title="Contraindications and Client Safety", summary="When not to massage.")
    factories.module(
        safety,
        title="Circulatory conditions",
        body=[factories.contraindication_block("Deep vein thrombosis")],
    )
    factories.module(safety, title="Secret draft about thrombosis", publish=False)
    return swedish


def result_titles(response) -> list[str]:
    return [result.title for result in response.context["search_results"]]


def test_finds_courses_by_title(client, content):
    assert "Swedish Technique Foundations" in result_titles(client.get("/search/?q=swedish"))


def test_finds_modules_by_body_text(client, content):
    assert "Tapotement" in result_titles(client.get("/search/?q=percussion"))


def test_finds_modules_by_block_content(client, content):
    assert result_titles(client.get("/search/?q=thrombosis")) == ["Circulatory conditions"]


def test_drafts_are_not_found(client, content):
    assert "Secret draft about thrombosis" not in client.get("/search/?q=secret").content.decode()


def test_no_query_shows_the_form(client, content):
    response = client.get("/search/")
    assert response.status_code == 200
    assert b'name="q"' in response.content


@pytest.mark.parametrize(
    "query",
    [
        "q=" + "x" * 500,
        "q=%00%01",
        "q=%00tapotement",
        "q=%22",
        "q=AND%20(",
        "q=*",
        "q=NEAR(tapotement",
        "q=-",
        "q=%27%3B%20DROP%20TABLE",
        "q=tapotement&page=abc",
        "q=tapotement&page=999",
    ],
)
def test_odd_queries_never_fail(client, content, query):
    response = client.get(f"/search/?{query}")
    assert response.status_code == 200


def test_overlong_query_explains_the_limit(client, content):
    assert "at most 200 characters" in client.get("/search/?q=" + "x" * 500).content.decode()


def test_finds_events_and_providers_with_their_kind(client, content):
    from tests.events import factories as event_factories

    gulf = event_factories.provider("Gulf Coast Bodywork Institute")
    event_factories.event(gulf, title="Prenatal Massage Intensive", summary="Side-lying positioning and safety.")
    response = client.get("/search/?q=prenatal")
    assert result_titles(response) == ["Prenatal Massage Intensive"]
    assert '<p class="eyebrow">Event</p>' in response.content.decode()
    assert "Gulf Coast Bodywork Institute" in result_titles(client.get("/search/?q=gulf"))
