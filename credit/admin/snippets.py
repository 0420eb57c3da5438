"""The CE rules editors maintain as snippets: who approves courses, and what each licence needs to renew."""

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import ApprovingBody, RequirementProfile


class ApprovingBodyViewSet(SnippetViewSet):
    model = ApprovingBody
    icon = "success"
    menu_label = "Approving bodies"
    list_display = ["name", "short_name", "provider_number", "approved_until", "show_on_certificates"]
    search_fields = ["name", "short_name", "provider_number"]


class RequirementProfileViewSet(SnippetViewSet):
    model = RequirementProfile
    icon = "list-ul"
    menu_label = "Renewal requirements"
    list_display = ["name", "body_name", "state", "hours_required", "cycle_months"]
    search_fields = ["name", "body_name", "state"]


class CERulesViewSetGroup(SnippetViewSetGroup):
    items = (ApprovingBodyViewSet, RequirementProfileViewSet)
    menu_icon = "clipboard-list"
    menu_label = "CE rules"
    menu_name = "ce-rules"
