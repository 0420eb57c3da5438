"""Site-wide markup: well-formed forms, a meta description on every page, no third-party avatars."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from events.models import EventIndexPage
from home.templatetags.site_tags import FALLBACK_LENGTH, SITE_DESCRIPTION
from tests import factories
from tests.events import factories as event_factories

# Elements that never have an end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Start tags that close an open <p> in HTML5 parsing, which leaves that paragraph's own </p> stray.
CLOSES_P = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p",
    "pre", "section", "table", "ul",
}  # fmt: skip


class StrayEndTags(HTMLParser):
    """End tags with no open element to close, as the W3C validator reports them ("stray end tag")."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.stray: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_P and "p" in self.open:
            self._close("p")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            self._close(tag)
        elif tag not in VOID:
            self.stray.append(tag)

    def _close(self, tag):
        while self.open.pop() != tag:
            pass


def stray_end_tags(html: str) -> list[str]:
    parser = StrayEndTags()
    parser.feed(html)
    parser.close()
    return parser.stray


class MetaDescription(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.found.append(attrs.get("content") or "")


def meta_descriptions(html: str) -> list[str]:
    parser = MetaDescription()
    parser.feed(html)
    return parser.found


def test_the_checker_finds_a_paragraph_closed_by_a_list():
    assert stray_end_tags('<p class="help"><ul><li>Rule</li></ul></p>') == ["p"]
    assert stray_end_tags('<div class="help"><ul><li>Rule</li></ul></div><p>Fine<br></p>') == []


@pytest.mark.parametrize("url_name", ["signup", "login", "password_reset"])
def test_account_forms_have_no_stray_end_tags(client, db, url_name):
    # The password rules are a <ul> in the help text: inside a <p> it would leave that <p>'s end tag stray.
    url = reverse("accounts:signup") if url_name == "signup" else reverse(url_name)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert stray_end_tags(html) == []
    assert len(re.findall(r"<p[\s>]", html)) == html.count("</p>")


def test_home_page_falls_back_to_its_hero_text(client, home):
    home.hero_text = "Study technique & contraindications, then earn CE credit."
    home.save_revision().publish()
    assert meta_descriptions(client.get("/").content.decode()) == [home.hero_text]


def test_home_page_without_text_of_its_own_has_the_site_description(client, home):
    assert meta_descriptions(client.get("/").content.decode()) == [SITE_DESCRIPTION]


def test_events_listing_falls_back_to_its_intro_as_plain_text(client, db):
    index = event_factories.events_index()
    index.intro = "<p>Workshops &amp; <b>webinars</b>\n from approved providers.</p>"
    index.save_revision().publish()
    response = client.get(index.url)
    assert response.status_code == 200
    assert meta_descriptions(response.content.decode()) == ["Workshops & webinars from approved providers."]


def test_search_description_wins_over_intro(client, db):
    index = event_factories.events_index()
    index.search_description = "Massage CE events near you."
    index.save_revision().publish()
    assert EventIndexPage.objects.get(pk=index.pk).intro
    assert meta_descriptions(client.get(index.url).content.decode()) == ["Massage CE events near you."]


def test_a_long_intro_is_cut_to_what_search_engines_show(client, db):
    catalogue = factories.catalogue()
    catalogue.intro = "<p>" + "Every course in the catalogue, with its hours and approvals. " * 10 + "</p>"
    catalogue.save_revision().publish()
    [description] = meta_descriptions(client.get(catalogue.url).content.decode())
    assert 0 < len(description) <= FALLBACK_LENGTH
    assert description.startswith("Every course in the catalogue")


def test_pages_outside_wagtail_have_the_site_description(client, db):
    assert meta_descriptions(client.get(reverse("accounts:signup")).content.decode()) == [SITE_DESCRIPTION]


def test_admin_shows_no_gravatar(admin_client):
    # No request for an avatar may leave the server: it would leak a hash of the user's e-mail address.
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
