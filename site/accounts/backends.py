"""Signing in, with the signed-in person's own row kept between requests.

Django's ModelBackend loads the user from the database on every request (one query). The user row changes
only when it is saved (a profile edit, a password change, signing in, an administrator deactivating the
account), and each save or delete replaces the person's account token (`pagecache.personal.kept_for_account`,
connected to the user model's signals), so the row is kept under that token and read again after any
change. The account token is not the learner token their learning records replace: a quiz submitted or a
module finished leaves the kept row in place. The
session's auth hash is still checked against the kept row on every request, so a password changed anywhere
signs out other sessions as before. Group and permission lookups are not kept here (ModelBackend reads
them when asked).
"""

from django.contrib.auth.backends import ModelBackend
from pagecache.personal import kept_for_account


class KeptUserBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            key = int(user_id)
        except (TypeError, ValueError):
            return super().get_user(user_id)
        return kept_for_account(key, "auth:user", lambda: super(KeptUserBackend, self).get_user(user_id))
