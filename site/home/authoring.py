"""Whether a signed-in person may open the Wagtail admin: asked on every page (the user bar and the header's
Authoring link), answered from the cache until someone's permissions change.

The answer depends on the person's own permissions and their groups' permissions. Any change to those (a
person added to or removed from a group, a group's permissions edited, a group or permission deleted) starts
a new access token, kept in the shared page cache as the page-cache generation is, so every worker forgets
every kept answer at once. A person's superuser and active flags are read from the request's user each time.
"""

import contextlib

from django.db import transaction
from django.db.models import Q
from pagecache.generation import kept_under, new_generation, replace_shared_token, shared_token

ACCESS_TOKEN_KEY = "home:admin-access-token"
# How long a kept answer lives at most (a new token replaces it sooner).
ACCESS_SECONDS = 6 * 3600


def may_open_admin(user) -> bool:
    """`user.has_perm("wagtailadmin.access_admin")` under ModelBackend, for an active user who is not a superuser."""
    token = _token_or_none()
    if token is None:
        return _read(user)
    return kept_under(f"home:admin-access:{token}:{user.pk}", lambda: _read(user), seconds=ACCESS_SECONDS)


def _read(user) -> bool:
    from django.contrib.auth.models import Permission

    return (
        Permission.objects.filter(Q(user=user) | Q(group__user=user))
        .filter(content_type__app_label="wagtailadmin", codename="access_admin")
        .exists()
    )


def _token_or_none() -> str | None:
    try:
        return shared_token(ACCESS_TOKEN_KEY)
    except Exception:  # a cache that cannot be reached: ask the database, as before
        return None


def forget_admin_access() -> None:
    """Start a new token now and again once the change is committed (a request between would keep the old answer)."""

    def renew() -> None:
        # A cache that cannot be reached keeps nothing to forget; kept answers run out within ACCESS_SECONDS.
        with contextlib.suppress(Exception):
            replace_shared_token(ACCESS_TOKEN_KEY)
        # Kept personal pages show the Authoring link and user bar only to those who may author: forget them.
        new_generation()

    renew()
    transaction.on_commit(renew)


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
