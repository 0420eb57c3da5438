"""Editor panels for courses."""

from wagtail.admin.panels import Panel

from . import reading
from .choices import DeliveryMethod


def review_state(module) -> str:
    """Where a module stands in the course review workflow: "in review", "changes requested" or ""."""
    state = module.current_workflow_state
    if state is None:
        return ""
    return "changes requested" if state.status == state.STATUS_NEEDS_CHANGES else "in review"


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
            modules = (
                # specific(): Wagtail matches a specific page's workflow states by its own content type.
                list(ModulePage.objects.child_of(course).order_by("path").specific().prefetch_workflow_states())
                if course.pk
                else []
            )
            words = sum(module.word_count for module in modules)
            video = sum(module.video_minutes for module in modules)
            declared = course.ce_hours
            context.update(
                {
                    "modules": modules,
                    # Counted here, but learners can't open them yet: drafts, and modules in review.
                    "not_published": [
                        (module, review_state(module) or "draft") for module in modules if not module.live
                    ],
                    # Published modules are counted as published (the page row holds the published words; a
                    # draft waits in a revision), so changes under review don't count until they go live.
                    "changes_in_review": [
                        module for module in modules if module.live and review_state(module) == "in review"
                    ],
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
