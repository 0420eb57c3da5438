"""Tags for the site-wide base template."""

import html

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

register = template.Library()

# Said of any page that has nothing of its own to say: account forms, the dashboard, error pages.
SITE_DESCRIPTION = "Touchstone: continuing education for massage therapists, with courses, quizzes and CE credit."

# A page's search description is the editor's own words for search engines and always wins. Without one,
# the short text the page shows its readers stands in, best first: a listing's, module's or quiz's intro,
# a course's or event's summary, the home page's hero text, a provider's description.
FALLBACK_FIELDS = ("intro", "summary", "hero_text", "description")

# Search engines show about this many characters; a longer fallback is cut at a word.
FALLBACK_LENGTH = 160


def _plain(value) -> str:
    """Rich text as one line of plain text: no tags, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(str(value))).split())


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """The page's search description, else its intro or summary, else the site's description."""
    page = context.get("page")
    if not isinstance(page, Page):
        return SITE_DESCRIPTION
    if (page.search_description or "").strip():
        return page.search_description
    for field in FALLBACK_FIELDS:
        text = _plain(getattr(page, field, "") or "")
        if text:
            return Truncator(text).chars(FALLBACK_LENGTH)
    return SITE_DESCRIPTION
