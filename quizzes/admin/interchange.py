"""Import and export of question banks in the admin: upload, preview, confirm; choose, download.

The import keeps the uploaded text (at most 2 MB) in the session between the preview and the
confirmation and reads it again on confirming, so nothing but the author's own text and plain values
is stored, and nothing is saved before the author has seen what will be created.
"""

from __future__ import annotations

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.text import slugify
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from pageparts.ids import BoundedModelChoiceField, is_possible_id
from quizzes.interchange import csv_format, formats, selectors, services
from quizzes.interchange.records import MAX_FILE_BYTES, MAX_QUESTIONS, FileProblem, decode

SESSION_KEY = "quizzes_interchange_import"
BANK_URL_NAME = "wagtailsnippets_quizzes_question:list"
IMPORT_HELP = (
    f"Moodle GIFT (.txt), Moodle XML (.xml) or our CSV template (.csv), saved as UTF-8; up to "
    f"{MAX_FILE_BYTES // (1024 * 1024)} MB and {MAX_QUESTIONS} questions. Nothing is saved until you have "
    "checked the preview."
)


def header_buttons(user) -> list[HeaderButton]:
    """The question bank listing's Import and Export buttons, for those who may use them."""
    buttons = []
    if selectors.may_import(user):
        buttons.append(
            HeaderButton("Import questions", url=reverse("quizzes_admin:import_questions"), icon_name="upload")
        )
    if selectors.may_export(user):
        buttons.append(
            HeaderButton("Export questions", url=reverse("quizzes_admin:export_questions"), icon_name="download")
        )
    return buttons


def _bank_breadcrumbs(label: str) -> list[dict]:
    return [
        {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
        {"url": reverse(BANK_URL_NAME), "label": "Question bank"},
        {"url": "", "label": label},
    ]


class ImportForm(forms.Form):
    course = BoundedModelChoiceField(
        queryset=None, help_text="The questions go into this course's bank, as drafts.", empty_label=None
    )
    file_format = forms.ChoiceField(
        label="Format",
        required=False,
        choices=[("", "Work it out from the file name"), *formats.choices()],
    )
    file = forms.FileField(help_text=IMPORT_HELP)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = selectors.authorable_courses(user)
        self.text = ""
        self.result = None

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        key = cleaned.get("file_format") or formats.guess(upload.name)
        if not key:
            self.add_error("file_format", "The file name doesn't say which format it is; choose it here.")
            return cleaned
        cleaned["file_format"] = key
        try:
            if upload.size > MAX_FILE_BYTES:
                raise FileProblem(
                    f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; split it into smaller files."
                )
            self.text = decode(upload.read(MAX_FILE_BYTES + 1))
            self.result = formats.FORMATS[key].parse(self.text)
        except FileProblem as problem:
            self.add_error("file", str(problem))
        return cleaned


class ImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "quizzes/admin/interchange/import.html"
    page_title = "Import questions"
    header_icon = "upload"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        if not selectors.may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return _bank_breadcrumbs(self.page_title)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "template_url": reverse("quizzes_admin:csv_template")}

    def form_valid(self, form):
        token = secrets.token_urlsafe(16)
        self.request.session[SESSION_KEY] = {
            "token": token,
            "course": form.cleaned_data["course"].pk,
            "format": form.cleaned_data["file_format"],
            "filename": form.cleaned_data["file"].name[:200],
            "text": form.text,
        }
        return redirect("quizzes_admin:preview_import", token=token)


class PreviewImportView(WagtailAdminTemplateMixin, TemplateView):
    """What the file will create, and what it can't; confirming creates the drafts."""

    template_name = "quizzes/admin/interchange/preview.html"
    page_title = "Check the import"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not selectors.may_import(request.user):
            raise PermissionDenied
        pending = request.session.get(SESSION_KEY) or {}
        if pending.get("token") != kwargs["token"]:
            messages.warning(
                request, "That preview has expired or was replaced by another upload. Upload the file again."
            )
            return redirect("quizzes_admin:import_questions")
        self.course = selectors.authorable_courses(request.user).filter(pk=pending["course"]).first()
        if self.course is None:
            raise PermissionDenied
        self.pending = pending
        try:
            self.result = formats.FORMATS[pending["format"]].parse(pending["text"])
        except (FileProblem, KeyError):
            request.session.pop(SESSION_KEY, None)
            messages.error(request, "The file can't be read any more. Upload it again.")
            return redirect("quizzes_admin:import_questions")
        selectors.plan_import(self.result.questions)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return _bank_breadcrumbs(self.page_title)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "course": self.course,
            "filename": self.pending["filename"],
            "format_label": formats.FORMATS[self.pending["format"]].label,
            "records": self.result.questions,
            "unmapped": self.result.unmapped,
            "import_url": reverse("quizzes_admin:import_questions"),
        }

    def post(self, request, *args, **kwargs):
        if not self.result.questions:
            messages.error(request, "The file has no questions Touchstone can take.")
            return redirect("quizzes_admin:import_questions")
        created = services.create_draft_questions(
            course=self.course, records=self.result.questions, user=self.request.user
        )
        request.session.pop(SESSION_KEY, None)
        count = len(created)
        messages.success(
            request,
            f"Created {count} draft question{'' if count == 1 else 's'} in {self.course.title}. Review each one "
            "and make it active when it is ready.",
        )
        return redirect(f"{reverse(BANK_URL_NAME)}?course={self.course.pk}&live=false")


class ExportForm(forms.Form):
    course = BoundedModelChoiceField(queryset=None, empty_label=None)
    file_format = forms.ChoiceField(label="Format", choices=formats.choices())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = selectors.authorable_courses(user)


class ExportView(WagtailAdminTemplateMixin, TemplateView):
    """Choose a course's bank and a format, then the questions to include."""

    template_name = "quizzes/admin/interchange/export.html"
    page_title = "Export questions"
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not selectors.may_export(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return _bank_breadcrumbs(self.page_title)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = "course" in self.request.GET
        form = ExportForm(self.request.GET if chosen else None, user=self.request.user)
        context["form"] = form
        if chosen and form.is_valid():
            file_format = formats.FORMATS[form.cleaned_data["file_format"]]
            context["course"] = form.cleaned_data["course"]
            context["file_format"] = file_format
            context["rows"] = selectors.export_rows(selectors.course_questions(context["course"]), file_format)
            context["download_url"] = reverse("quizzes_admin:download_questions")
        return context


def download_questions(request):
    """The chosen questions of a course's bank in the chosen format (all its questions when none are ticked)."""
    if not selectors.may_export(request.user):
        raise PermissionDenied
    form = ExportForm(request.GET, user=request.user)
    if not form.is_valid():
        raise Http404("Choose a course you author and a format.")
    course = form.cleaned_data["course"]
    file_format = formats.FORMATS[form.cleaned_data["file_format"]]
    ids = [int(value) for value in request.GET.getlist("question") if value.isdigit() and is_possible_id(value)]
    records = [selectors.question_record(question) for question in selectors.course_questions(course, ids)]
    records = [record for record in records if not file_format.cannot_write(record)]
    if not records:
        messages.error(request, f"None of those questions can be written as {file_format.label}.")
        return redirect(f"{reverse('quizzes_admin:export_questions')}?{request.GET.urlencode()}")
    content = file_format.write(records)
    if file_format.key == "csv":
        content = "\ufeff" + content  # the byte-order mark tells Excel the file is UTF-8
    response = HttpResponse(content, content_type=file_format.content_type)
    name = slugify(course.course_number or course.title) or "course"
    response["Content-Disposition"] = f'attachment; filename="{name}-questions.{file_format.extension}"'
    return response


def csv_template(request):
    """The CSV template: its header row and an example of each type it holds."""
    if not selectors.may_import(request.user):
        raise PermissionDenied
    response = HttpResponse("\ufeff" + csv_format.template(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="touchstone-questions-template.csv"'
    return response
