"""Order modules: a course's modules and quizzes in course order, each with Move up and Move down.

Wagtail's drag-and-drop ordering in the page explorer needs publish rights, which instructors do
not have, and it needs JavaScript. This page works with plain forms and is open to whoever may
edit the course (its own team, course editors, administrators); to anyone else the course is not
found (404), as with events' registrations. Moves apply at once: order is structure, not content,
and the content of every module still goes through review (docs/authoring.md).
"""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.models import Page

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters
from pageparts.ids import BoundedModelChoiceField

from ..models import CoursePage, ModulePage
from ..services import can_order_modules, move_in_course

URL_NAME = "courses_module_order"


class MoveForm(forms.Form):
    page = BoundedModelChoiceField(
        queryset=Page.objects.none(), error_messages={"invalid_choice": "That page is not in this course."}
    )
    direction = forms.ChoiceField(choices=[("up", "Move up"), ("down", "Move down")])

    def __init__(self, *args, course: CoursePage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = Page.objects.child_of(course)


def _course(request: HttpRequest, course_id: int) -> CoursePage:
    course = get_object_or_404(CoursePage, pk=course_id)
    if not can_order_modules(user=request.user, course=course):
        raise Http404("No course of yours has that ID.")
    return course


def _rows(pages: list[Page]) -> list[dict]:
    """Each page with whether it can move up or down among the pages of its kind."""
    rows = []
    for index, page in enumerate(pages):
        rows.append(
            {
                "page": page,
                "position": index + 1,
                "can_move_up": index > 0,
                "can_move_down": index + 1 < len(pages),
            }
        )
    return rows


def module_order_view(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _course(request, course_id)
    form = MoveForm(request.POST or None, course=course)
    if request.method == "POST":
        if form.is_valid():
            page, direction = form.cleaned_data["page"], form.cleaned_data["direction"]
            if move_in_course(user=request.user, course=course, page=page, direction=direction):
                messages.success(request, f"“{page.title}” moved {direction}.")
            else:
                messages.info(request, f"“{page.title}” is already {'first' if direction == 'up' else 'last'}.")
            # Back to the moved page's row, so a keyboard or screen-reader user keeps their place.
            return redirect(f"{reverse(URL_NAME, args=[course.pk])}#page-{page.pk}")
        messages.error(request, "Choose a page of this course and a direction to move it.")

    # Course order is page tree order; quizzes are listed (and ordered) apart from the modules.
    children = list(Page.objects.child_of(course).order_by("path"))
    modules = [page for page in children if page.specific_class is ModulePage]
    other_pages = [page for page in children if page.specific_class is not ModulePage]
    can_add = course.permissions_for_user(request.user).can_add_subpage()
    return TemplateResponse(
        request,
        "courses/admin/module_order.html",
        {
            "course": course,
            "modules": _rows(modules),
            "other_pages": _rows(other_pages),
            "explore_url": reverse("wagtailadmin_explore", args=[course.pk]),
            "add_url": reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])
            if can_add
            else None,
        },
        status=400 if request.method == "POST" else 200,
    )


def urls() -> list:
    return [path("courses/<page_id:course_id>/order/", module_order_view, name=URL_NAME)]


def _course_of(page: Page) -> CoursePage | None:
    specific = page.specific_deferred
    if isinstance(specific, CoursePage):
        return specific
    if isinstance(specific, ModulePage):
        return CoursePage.objects.filter(pk=page.get_parent().pk).first()
    return None


def header_buttons(page, user, view_name, next_url=None):
    """On a course and on each of its modules: a way to the course's order."""
    course = _course_of(page)
    if course is not None and can_order_modules(user=user, course=course):
        yield HeaderButton("Order modules", url=reverse(URL_NAME, args=[course.pk]), icon_name="order", priority=72)


def listing_buttons(page, user, next_url=None):
    if isinstance(page.specific_deferred, CoursePage) and can_order_modules(user=user, course=page.specific_deferred):
        yield ListingButton("Order modules", url=reverse(URL_NAME, args=[page.pk]), icon_name="order", priority=72)
