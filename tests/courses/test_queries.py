"""Query budgets: a page costs the same number of queries however much content it shows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    client.get(url)  # create image renditions once, as the first visitor would
    # Measure with a cold cache: rendition look-ups then hit the database, so batching shows.
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def new_image():
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    return get_image_model().objects.create(title="Hands", file=get_test_image_file())


def rich_body(blocks: int, image) -> list:
    """Every block kind, `blocks` times over; each image block shows a different picture."""
    body = []
    for n in range(blocks):
        body += [
            ("section", {"heading": f"Section {n}", "anchor": ""}),
            ("text", f"<p>Paragraph {n} about effleurage.</p>"),
            factories.technique_block(stroke=f"Stroke {n}"),
            factories.contraindication_block(condition=f"Condition {n}"),
            factories.dialogue_block(title=f"Dialogue {n}"),
            ("callout", {"kind": "tip", "title": f"Tip {n}", "body": "<p>Breathe.</p>"}),
            ("image", {"image": new_image(), "alt_text": f"Hands {n}", "caption": "", "credit": ""}),
        ]
    return body


@pytest.fixture
def image(db):
    return new_image()


def build_course(title: str, modules: int, blocks: int, image):
    maya = factories.instructor("Maya Okafor")
    course = factories.course(
        title=title, instructors=[maya], categories=["hands-on-technique", "ethics"], hero_image=image
    )
    pages = [factories.module(course, body=rich_body(blocks, image)) for _ in range(modules)]
    return course, pages


def test_course_page_queries_do_not_grow_with_modules(client, catalogue, image):
    small, _ = build_course("Small course", modules=1, blocks=1, image=image)
    large, _ = build_course("Large course", modules=12, blocks=4, image=image)
    assert count_queries(client, small.url) == count_queries(client, large.url)


def test_module_page_queries_do_not_grow_with_blocks_or_siblings(client, catalogue, image):
    _, small_modules = build_course("Small course", modules=1, blocks=1, image=image)
    _, large_modules = build_course("Large course", modules=10, blocks=8, image=image)
    assert count_queries(client, small_modules[0].url) == count_queries(client, large_modules[5].url)


def test_catalogue_queries_do_not_grow_with_courses(client, catalogue, image):
    build_course("Only course", modules=2, blocks=1, image=image)
    few = count_queries(client, catalogue.url)
    for n in range(8):
        build_course(f"Course {n}", modules=3, blocks=1, image=image)
    assert count_queries(client, catalogue.url) == few


def test_search_queries_do_not_grow_with_results(client, catalogue, image):
    build_course("Effleurage one", modules=1, blocks=1, image=image)
    few = count_queries(client, "/search/?q=effleurage")
    for n in range(6):
        build_course(f"Effleurage {n}", modules=2, blocks=1, image=image)
    assert count_queries(client, "/search/?q=effleurage") == few
