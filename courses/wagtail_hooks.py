from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
