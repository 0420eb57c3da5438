from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front door: what Touchstone offers and the newest courses in the catalogue."""

    hero_heading = models.CharField(max_length=120, default="Continuing education for massage therapists")
    hero_text = models.TextField(blank=True)
    body = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ul", "ol"])

    content_panels = Page.content_panels + [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        from courses.models import CourseIndexPage
        from courses.selectors import catalogue_courses

        context = super().get_context(request, *args, **kwargs)
        catalogue = CourseIndexPage.objects.live().child_of(self).first()
        context["catalogue"] = catalogue
        context["featured_courses"] = catalogue_courses(catalogue)[:3] if catalogue else []
        return context
