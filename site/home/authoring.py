"""Whether a signed-in person may open the Wagtail admin: asked on every page (the user bar and the header's
Authoring link), answered from the cache until someone's permissions change.

The answer depends on the person's own permissions and their groups' permissions. It is kept with what is
kept for the person (`pagecache.personal.kept_for_learner`: under their own token and the page-cache
generation, both read once per request anyway). Any change to permissions (a person added to or removed
from a group, a group's permissions edited, a group or permission deleted) starts a new generation, so every
worker forgets every kept answer at once, and kept personal pages, which show the Authoring link and the user
bar only to those who may author, go with them. A person's superuser and active flags are read from the
request's user each time.
"""

from django.db.models import Q
from pagecache.invalidation import forget_all_pages
from pagecache.personal import kept_for_learner

# How long a kept answer lives at most (a new generation replaces it sooner).
ACCESS_SECONDS = 6 * 3600


def may_author(request) -> bool:
    """Whether the person making this request may author: a superuser, or anyone who may open the admin.

    Asked once per request (the route cache, PAGE_CACHE_AUTHOR_TEST, and the user bar and header through
    `{% may_author %}`); the answer is kept on the request.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(request, "_may_author"):
        request._may_author = user.is_superuser or may_open_admin(user)
    return request._may_author


def may_open_admin(user) -> bool:
    """`user.has_perm("wagtailadmin.access_admin")` under ModelBackend, for an active user who is not a superuser."""
    return kept_for_learner(user.pk, "admin-access", lambda: _read(user), seconds=ACCESS_SECONDS)


def _read(user) -> bool:
    from django.contrib.auth.models import Permission

    return (
        Permission.objects.filter(Q(user=user) | Q(group__user=user))
        .filter(content_type__app_label="wagtailadmin", codename="access_admin")
        .exists()
    )


def forget_admin_access() -> None:
    """Forget every kept answer now and again once the change is committed (a request between would keep the
    old answer): a new page-cache generation."""
    forget_all_pages()


def connect() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save

    user_model = get_user_model()
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(_memberships_changed, sender=through, dispatch_uid=f"home.authoring:{through._meta.label}")
    for model in (Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(
                _record_changed, sender=model, dispatch_uid=f"home.authoring:{model._meta.label}:{id(signal)}"
            )


def _memberships_changed(sender, action: str, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        forget_admin_access()


def _record_changed(sender, **kwargs) -> None:
    forget_admin_access()
