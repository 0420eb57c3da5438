"""CE a learner earned with another provider, and the private storage its certificate uploads live in.

A model of the credit app kept in its own module (like licences.py); `credit.models` imports it, so
Django finds it there and migrations keep naming `credit.models.PrivateStorage`.
"""

from decimal import Decimal

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MinValueValidator
from django.db import models

from courses.choices import DeliveryMethod


class PrivateStorage(FileSystemStorage):
    """Uploads only the owner and administrators may read: kept outside MEDIA_ROOT, served by a view."""

    def __init__(self, **kwargs):
        kwargs.setdefault("location", settings.PRIVATE_MEDIA_ROOT)
        kwargs.setdefault("base_url", None)
        super().__init__(**kwargs)

    def url(self, name):  # pragma: no cover - there is deliberately no public URL
        raise ValueError("Private files have no public URL; use the owner-checked download view.")


# The only extensions a stored certificate can have: the form names the file after its checked content.
_STORED_EXTENSIONS = {"pdf", "png", "jpg", "webp"}


def outside_certificate_path(instance: "OutsideCredit", filename: str) -> str:
    """A fresh random name: nothing of the learner's own file name reaches the disk."""
    import uuid

    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in _STORED_EXTENSIONS:
        extension = "bin"
    return f"outside-certificates/{uuid.uuid4().hex}.{extension}"


class OutsideCredit(models.Model):
    """CE a learner earned with another provider, added to their transcript with the certificate attached."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outside_credits")
    title = models.CharField("course title", max_length=255)
    provider = models.CharField(max_length=150)
    completed_on = models.DateField("completion date")
    hours = models.DecimalField(
        "CE hours", max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))]
    )
    categories = models.ManyToManyField("courses.CECategory", blank=True, related_name="outside_credits")
    delivery_method = models.CharField(max_length=20, choices=DeliveryMethod.choices)
    certificate_number = models.CharField(max_length=60, blank=True)
    certificate_file = models.FileField(
        upload_to=outside_certificate_path, storage=PrivateStorage, blank=True, max_length=200
    )
    certificate_content_type = models.CharField(max_length=40, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        verbose_name = "outside CE entry"
        verbose_name_plural = "outside CE entries"

    def __str__(self) -> str:
        return f"{self.title} ({self.provider}, {self.completed_on})"
