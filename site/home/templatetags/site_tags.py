"""Tags for the site-wide base template."""

import html

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from pagecache.personal import refuse_to_keep
from wagtail.models import Page

from home.authoring import may_author as request_may_author

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


@register.simple_tag(takes_context=True)
def may_author(context) -> bool:
    """Whether the signed-in person may open the Wagtail admin (the user bar and the Authoring link).

    The same answer as `user.has_perm("wagtailadmin.access_admin")` under ModelBackend, in one query rather
    than the two that load every permission of the user and their groups, which a learner never needs.
    Kept on the request, so the user bar and the header ask once, and in the cache until permissions change
    (`home.authoring`).
    """
    request = context.get("request")
    if request is None or not request_may_author(request):
        return False
    refuse_to_keep(request)  # the user bar is the author's own, for this page as it is now: never kept
    return True


@register.simple_tag(takes_context=True)
def section_url(context, slug: str) -> str:
    """`{% slugurl %}` remembered per page-cache generation: the Courses and Events links on every page.

    A section's address changes only when a page is published, moved or deleted, which starts a new
    generation, so the header stops looking the two pages up on each request.
    """
    from pagecache.generation import kept
    from wagtail.templatetags.wagtailcore_tags import slugurl

    request = context.get("request")
    if request is None:
        return slugurl(context, slug) or ""
    return kept(f"site:section-url:{request.get_host()}:{slug}", lambda: slugurl(context, slug) or "", seconds=6 * 3600)
