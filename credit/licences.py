"""A learner's licences: what the renewal tracker counts their CE against, and what certificates print.

The model lives in credit, beside the requirement profiles it points to, so that accounts (the
foundation every app uses) never depends on credit. `credit.models` imports it, so Django finds it there.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class Licence(models.Model):
    """A licence or certification the learner renews, with its current cycle.

    The licensing body is a requirement profile, which is what the renewal tracker counts the
    learner's CE against. The table was accounts_licence until the model moved here (credit 0003).
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
