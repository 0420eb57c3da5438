"""Vocabularies for credit: rule kinds, delivery scopes of rules, and certificate kinds."""

from django.db import models

from courses.choices import DeliveryMethod


class RuleKind(models.TextChoices):
    MINIMUM = "minimum", "At least"
    MAXIMUM = "maximum", "At most"


class DeliveryScope(models.TextChoices):
    """Which ways of studying a requirement rule looks at."""

    ANY = "any", "Any way of studying"
    LIVE = "live", "Live (in person or real-time webinar)"
    IN_PERSON = "in_person", "Live, in person"
    ONLINE = "online", "Online (webinar or home study)"
    HOME_STUDY = "home_study", "Home study (on demand)"

    @property
    def delivery_methods(self) -> frozenset[str] | None:
        """The course delivery methods in this scope; None means every method."""
        return DELIVERY_SCOPE_METHODS[self]


DELIVERY_SCOPE_METHODS: dict[str, frozenset[str] | None] = {
    DeliveryScope.ANY: None,
    DeliveryScope.LIVE: frozenset({DeliveryMethod.LIVE_ON_SITE, DeliveryMethod.LIVE_WEBINAR}),
    DeliveryScope.IN_PERSON: frozenset({DeliveryMethod.LIVE_ON_SITE}),
    DeliveryScope.ONLINE: frozenset({DeliveryMethod.LIVE_WEBINAR, DeliveryMethod.ON_DEMAND}),
    DeliveryScope.HOME_STUDY: frozenset({DeliveryMethod.ON_DEMAND}),
}


# The place printed on certificates (Texas asks for date and place) when the credit did not come from
# a class held somewhere: how it was studied. Credit from an attended event passes "City, ST".
DELIVERY_PLACES: dict[str, str] = {
    DeliveryMethod.ON_DEMAND: "Online home study",
    DeliveryMethod.LIVE_WEBINAR: "Live webinar",
    DeliveryMethod.LIVE_ON_SITE: "In person (place not recorded)",
}


def place_for_delivery(delivery_method: str) -> str:
    return DELIVERY_PLACES.get(delivery_method, "")


class CertificateKind(models.TextChoices):
    ACHIEVEMENT = "achievement", "Certificate of Achievement"
    COMPLETION = "completion", "Certificate of Completion"

    @classmethod
    def for_course(cls, *, tested: bool, delivery_method: str) -> "CertificateKind":
        """NCBTMB: a tested course earns a Certificate of Achievement, and home study always does."""
        if tested or delivery_method == DeliveryMethod.ON_DEMAND:
            return cls.ACHIEVEMENT
        return cls.COMPLETION
