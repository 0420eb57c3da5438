"""A learner's own details: the legal name printed on certificates and the licences they renew."""

from django.conf import settings
from django.core.exceptions import ValidationError
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


class Licence(models.Model):
    """A licence or certification the learner renews, with its current cycle.

    The licensing body is a requirement profile (editable data in the credit app), which is what
    the renewal tracker counts the learner's CE against.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="licences")
    requirement_profile = models.ForeignKey(
        "credit.RequirementProfile",
        on_delete=models.PROTECT,
        related_name="licences",
        verbose_name="licensing body",
    )
    licence_number = models.CharField("licence or certificate number", max_length=60)
    cycle_start = models.DateField("current cycle starts")
    cycle_end = models.DateField("current cycle ends", help_text="Usually your renewal or expiry date.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cycle_end", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "requirement_profile"], name="one_licence_per_body"),
            models.CheckConstraint(
                condition=models.Q(cycle_end__gt=models.F("cycle_start")), name="cycle_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requirement_profile.name} {self.licence_number}"

    def clean(self):
        super().clean()
        if self.cycle_start and self.cycle_end and self.cycle_end <= self.cycle_start:
            raise ValidationError({"cycle_end": "The cycle must end after it starts."})

    @property
    def state(self) -> str:
        return self.requirement_profile.state

    def snapshot(self) -> dict:
        """What a credit record keeps of this licence."""
        profile = self.requirement_profile
        return {
            "body": profile.body_name,
            "profile": profile.name,
            "state": profile.state,
            "label": profile.credential_label,
            "number": self.licence_number,
        }
