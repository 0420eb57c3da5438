"""Vocabularies for events. Delivery methods are shared with courses (`courses.choices.DeliveryMethod`)."""

from django.db import models


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    POSTPONED = "postponed", "Postponed"
    FULL = "full", "Full"
    CANCELLED = "cancelled", "Cancelled"


class Currency(models.TextChoices):
    USD = "USD", "US dollars (USD)"
    CAD = "CAD", "Canadian dollars (CAD)"
    GBP = "GBP", "Pounds sterling (GBP)"
    EUR = "EUR", "Euros (EUR)"
    AUD = "AUD", "Australian dollars (AUD)"
    NZD = "NZD", "New Zealand dollars (NZD)"


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", "Registered"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"
