"""A learner's own details: the legal name printed on certificates. (Their licences belong to credit.)"""

from django.conf import settings
from django.db import models


class LearnerProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile")
    legal_name = models.CharField(
        max_length=150,
        blank=True,
        help_text="Your name exactly as your licensing board knows it. It is printed on your certificates.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.legal_name or self.user.get_username()
