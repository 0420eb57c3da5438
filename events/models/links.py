"""What an event lists beside its schedule: instructors, CE categories, approval numbers, related courses."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from courses.models import AbstractCECategoryLink, CECategory

from .events import EventPage


class EventInstructor(Orderable):
    """Who teaches: named on the listing, as NCBTMB requires."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="instructors")
    name = models.CharField(max_length=120)
    credentials = models.CharField(max_length=120, blank=True, help_text="For example: LMT, BCTMB.")
    bio = models.TextField(blank=True, max_length=600)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("credentials")]), FieldPanel("bio")]

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class EventCECategory(AbstractCECategoryLink):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="ce_category_links")
    category = models.ForeignKey(CECategory, on_delete=models.PROTECT, related_name="event_links")

    class Meta(AbstractCECategoryLink.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "category"], name="unique_event_ce_category")]


class EventApproval(Orderable):
    """The number an approving body gave this event (NCBTMB, a state board)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="approvals")
    approving_body = models.CharField(max_length=120)
    approval_number = models.CharField(max_length=60)

    panels = [FieldRowPanel([FieldPanel("approving_body"), FieldPanel("approval_number")])]

    def __str__(self) -> str:
        return f"{self.approving_body} {self.approval_number}"


class EventCourseLink(Orderable):
    """A catalogue course the event goes with; the course page lists the event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="course_links")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="event_links")

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "course"], name="unique_event_course")]

    def __str__(self) -> str:
        return str(self.course)
