"""Whether a page is private, remembered per page-cache generation, for pages signed-in learners open often.

Wagtail checks a page's view restrictions (its own and its ancestors') before serving it: two queries on
every request, although nearly every page has none. Saving or deleting a restriction, and moving,
publishing or deleting a page, start a new page-cache generation (settings.PAGE_CACHE_MODELS,
invalidation.py), so "no restriction here" holds until the generation changes. A page that has one is
checked by Wagtail as always.
"""

from django.core.cache import cache
from wagtail.models import PageViewRestriction

from .generation import current_generation_or_none

RESTRICTION_SECONDS = 6 * 3600


class KnownViewRestrictionsMixin:
    """For a Page model: `get_view_restrictions` answers "none" from the cache while that stays true."""

    def get_view_restrictions(self):
        generation = current_generation_or_none()
        if self.pk is None or generation is None:
            return super().get_view_restrictions()
        key = f"pagecache:restricted:{generation}:{self.pk}"
        restricted = cache.get(key)
        if restricted is False:
            return PageViewRestriction.objects.none()
        restrictions = super().get_view_restrictions()
        if restricted is None:
            cache.set(key, restrictions.exists(), RESTRICTION_SECONDS)
        return restrictions
