"""Registrations only: the course set-up menu and each course's Order modules page (in `courses/admin/`)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin import module_order
from .models import CECategory, Instructor


class CECategoryViewSet(SnippetViewSet):
    model = CECategory
    icon = "tag"
    menu_label = "CE categories"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description"]


class InstructorViewSet(SnippetViewSet):
    model = Instructor
    icon = "user"
    list_display = ["name", "credentials", "user"]
    search_fields = ["name", "credentials", "bio"]


class CourseSetupViewSetGroup(SnippetViewSetGroup):
    items = (CECategoryViewSet, InstructorViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Course set-up"
    menu_name = "course-setup"


register_snippet(CourseSetupViewSetGroup)

hooks.register("register_admin_urls", module_order.urls)
hooks.register("register_page_header_buttons", module_order.header_buttons)
hooks.register("register_page_listing_more_buttons", module_order.listing_buttons)
