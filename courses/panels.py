"""Editor panels for courses."""

from wagtail.admin.panels import Panel

from . import reading
from .choices import DeliveryMethod


class CEContentPanel(Panel):
    """Shows the course's content total beside its declared CE hours, and warns when they disagree.

    NCBTMB expects home-study hours to match the time a learner needs, so an editor should see at a
    glance when the modules are too short for the hours claimed.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/panels/ce_content_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import ModulePage

            context = super().get_context_data(parent_context)
            course = self.instance
            modules = list(ModulePage.objects.child_of(course).order_by("path")) if course.pk else []
            words = sum(module.word_count for module in modules)
            video = sum(module.video_minutes for module in modules)
            declared = course.ce_hours
            context.update(
                {
                    "modules": modules,
                    "word_count": words,
                    "video_minutes": video,
                    "content_hours": reading.content_ce_hours(words, video),
                    "supported_hours": reading.supported_half_hours(words, video),
                    "reading_time": reading.format_minutes(reading.reading_minutes(words, video)),
                    "declared_hours": declared,
                    # NCBTMB's word and video rule measures home study; live hours are class time.
                    "is_home_study": course.delivery_method == DeliveryMethod.ON_DEMAND,
                    "exceeds": course.delivery_method == DeliveryMethod.ON_DEMAND
                    and declared is not None
                    and reading.declared_hours_exceed_content(declared, words, video),
                }
            )
            return context
