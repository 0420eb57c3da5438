"""Vocabularies shared by courses, events and credit records."""

from django.db import models


class DeliveryMethod(models.TextChoices):
    # Wording follows NCBTMB's listing terms, so certificates and listings read the same.
    ON_DEMAND = "on_demand", "On Demand"
    LIVE_WEBINAR = "live_webinar", "Live – Webinar"
    LIVE_ON_SITE = "live_on_site", "Live – On Site"


class CourseLevel(models.TextChoices):
    INTRODUCTORY = "introductory", "Introductory"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"
