"""An anonymous visitor crawls the demo site from "/" and can read every course and module."""

from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from courses.models import CoursePage, ModulePage

pytestmark = pytest.mark.django_db

SKIPPED_PREFIXES = ("/admin/", "/accounts/", "/django-admin/", "/media/", "/static/", "/documents/")
MAX_PAGES = 400
STROKES = ["effleurage", "petrissage", "tapotement", "friction", "vibration"]


def _internal_links(base: str, html: str) -> set[str]:
    links = set()
    for anchor in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        url = urlsplit(urljoin(base, anchor["href"]))
        if url.scheme not in ("", "http") or url.netloc not in ("", "testserver"):
            continue
        if url.path.startswith(SKIPPED_PREFIXES):
            continue
        links.add(url.path + (f"?{url.query}" if url.query else ""))
    return links


def crawl(client, start: str = "/") -> dict[str, tuple[int, str]]:
    """Breadth-first over same-site links: {url: (status, html)}."""
    seen: dict[str, tuple[int, str]] = {}
    queue = deque([start])
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        is_html = response.get("Content-Type", "").startswith("text/html")
        html = response.content.decode() if is_html else ""
        seen[url] = (response.status_code, html)
        if is_html and response.status_code < 400:
            queue.extend(_internal_links("http://testserver" + url, html) - seen.keys())
    return seen


@pytest.fixture(scope="module")
def crawled(demo_catalogue, django_db_blocker):
    with django_db_blocker.unblock():
        return crawl(Client())


def test_crawl_reaches_every_course_and_module_without_errors(crawled):
    failures = {url: status for url, (status, _) in crawled.items() if status >= 400}
    assert failures == {}
    assert len(crawled) < MAX_PAGES, "the crawl did not finish"
    expected = {page.url for page in CoursePage.objects.live()} | {page.url for page in ModulePage.objects.live()}
    assert len(expected) == 24
    assert expected - crawled.keys() == set()


def test_pages_teach_the_five_strokes(crawled):
    swedish = CoursePage.objects.get(slug="swedish-technique-foundations")
    text = " ".join(
        BeautifulSoup(crawled[module.url][1], "html.parser").get_text(" ").lower()
        for module in ModulePage.objects.child_of(swedish)
    )
    assert [stroke for stroke in STROKES if stroke not in text] == []
    for stroke in STROKES:
        # Each stroke family has a module of its own, whose heading names it.
        module = ModulePage.objects.child_of(swedish).get(slug=stroke)
        assert stroke in BeautifulSoup(crawled[module.url][1], "html.parser").h1.get_text().lower()


def test_pages_mark_deep_vein_thrombosis_absolute(crawled):
    module = ModulePage.objects.get(slug="circulatory-and-cardiovascular-conditions")
    soup = BeautifulSoup(crawled[module.url][1], "html.parser")
    blocks = [block for block in soup.select(".contraindication") if "deep vein thrombosis" in block.get_text().lower()]
    assert len(blocks) == 1
    block = blocks[0]
    assert block.select_one(".badge--absolute").get_text(strip=True) == "Absolute"
    assert "General (whole body)" in block.get_text()
    assert "Refer to a physician" in block.get_text()
    assert soup.find(id="contraindication-deep-vein-thrombosis-dvt-and-blood-clots") is block


def test_pages_teach_consent_and_the_right_to_stop(crawled):
    module = ModulePage.objects.get(slug="informed-consent-and-the-right-to-stop")
    soup = BeautifulSoup(crawled[module.url][1], "html.parser")
    text = soup.get_text(" ")
    assert "right to stop" in text
    assert soup.select(".dialogue"), "consent is modelled in a client dialogue"
    assert "Client dialogue · Consent" in text


@pytest.mark.parametrize(
    ("query", "module_slug"),
    [("thrombosis", "circulatory-and-cardiovascular-conditions"), ("pincement", "tapotement")],
)
def test_site_search_finds_demo_modules(demo_catalogue, client, query, module_slug):
    module = ModulePage.objects.get(slug=module_slug)
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert module.url in _internal_links("http://testserver/search/", response.content.decode())
