"""When kept pages are forgotten: a page published, unpublished, moved or deleted, or a record pages show
(a snippet such as a CE category or an instructor, a site setting, or a model in PAGE_CACHE_MODELS such as
an event registration, which changes the places left) saved or deleted.

The generation is replaced at once and again when the transaction commits. The first keeps this
process's next request right; the second catches a request that read the old rows while the change was
still uncommitted and stored its page under the token the first replacement made.

With a CDN or Varnish configured (WAGTAILFRONTENDCACHE), Wagtail purges a published or unpublished
page's own address; here its live ancestors (the provider page, the event index, the catalogue, home)
and the addresses in PAGE_CACHE_PURGE_PATHS (the calendar feed) are purged too, so the listings that
show it are fresh there as well.
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import new_generation
from .personal import forget_account, forget_learner

DISPATCH_UID = "pagecache"


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"{DISPATCH_UID}:{id(signal)}")
    post_page_move.connect(_page_moved, dispatch_uid=f"{DISPATCH_UID}:move")
    post_save.connect(_record_changed, dispatch_uid=f"{DISPATCH_UID}:save")
    post_delete.connect(_record_changed, dispatch_uid=f"{DISPATCH_UID}:delete")
    post_save.connect(_learner_record_changed, dispatch_uid=f"{DISPATCH_UID}:learner-save")
    post_delete.connect(_learner_record_changed, dispatch_uid=f"{DISPATCH_UID}:learner-delete")
    m2m_changed.connect(_learner_links_changed, dispatch_uid=f"{DISPATCH_UID}:learner-m2m")
    for signal in (post_save, post_delete):
        signal.connect(
            _account_changed, sender=settings.AUTH_USER_MODEL, dispatch_uid=f"{DISPATCH_UID}:account:{id(signal)}"
        )


def forget_all_pages() -> None:
    new_generation()
    transaction.on_commit(new_generation)


def _page_changed(sender, instance, **kwargs) -> None:
    forget_all_pages()
    _purge_frontend_cache([instance])


def _page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs) -> None:
    forget_all_pages()
    _purge_frontend_cache([page for page in (instance, parent_page_before, parent_page_after) if page])


def _record_changed(sender, instance, **kwargs) -> None:
    """Any save or delete of a model pages show. A page's own save is a draft until it is published,
    except a deletion, which takes the page (and its subtree, each sending this) off the site."""
    if isinstance(instance, Page):
        if kwargs.get("signal") is post_delete and instance.live:
            forget_all_pages()
            _purge_frontend_cache([instance])
        return
    if sender in _models_pages_show():
        forget_all_pages()


def _learner_record_changed(sender, instance, **kwargs) -> None:
    """A learner's own record saved or deleted (PAGE_CACHE_PERSONAL_MODELS): forget what their pages kept.

    Writes that bypass the signals (`update()`, raw SQL) call `personal.forget_learner` themselves."""
    path = _learner_models().get(sender)
    if path is None or kwargs.get("raw"):
        return  # a fixture being loaded (a restore): its related rows may not be there yet
    value = instance
    try:
        for name in path.split("."):
            value = getattr(value, name, None)
            if value is None:
                return
    except ObjectDoesNotExist:  # deleted together with what it belonged to
        return
    forget_learner(value)


def _account_changed(sender, instance, **kwargs) -> None:
    """The person's own row saved or deleted (a profile edit, a password change, signing in, deactivation)."""
    forget_account(instance.pk)


def _learner_links_changed(sender, instance, action, **kwargs) -> None:
    """Categories added to or taken from a learner's record (outside credit) after it was saved."""
    if action in {"post_add", "post_remove", "post_clear"}:
        _learner_record_changed(type(instance), instance)


@cache
def _learner_models() -> dict[type, str]:
    return {apps.get_model(label): path for label, path in settings.PAGE_CACHE_PERSONAL_MODELS.items()}


@cache
def _models_pages_show() -> frozenset[type]:
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.snippets.models import get_snippet_models

    named = {apps.get_model(label) for label in settings.PAGE_CACHE_MODELS}
    return frozenset(named | set(get_snippet_models()) | set(settings_registry))


def _purge_frontend_cache(pages: list[Page]) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for page in pages:
        batch.add_pages(page.get_ancestors(inclusive=True).live().exclude(depth=1).specific())
    site = pages[0].get_site() if pages else None
    if site is not None:
        for path in settings.PAGE_CACHE_PURGE_PATHS:
            batch.add_url(site.root_url + path)
    transaction.on_commit(batch.purge)
