"""Signing in, with the signed-in person's own row kept between requests.

Django's ModelBackend loads the user from the database on every request (one query). The user row changes
only when it is saved (a profile edit, a password change, signing in, an administrator deactivating the
account), and each save or delete replaces the person's token (`pagecache.personal`; `auth.User` is in
PAGE_CACHE_PERSONAL_MODELS), so the row is kept under that token and read again after any change. The
session's auth hash is still checked against the kept row on every request, so a password changed anywhere
signs out other sessions as before. Group and permission lookups are not kept here (ModelBackend reads
them when asked).
"""

from django.contrib.auth.backends import ModelBackend
from pagecache.personal import kept_for_learner


class KeptUserBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            key = int(user_id)
        except (TypeError, ValueError):
            return super().get_user(user_id)
        return kept_for_learner(
            key, "auth:user", lambda: super(KeptUserBackend, self).get_user(user_id), with_generation=False
        )
