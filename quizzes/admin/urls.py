"""The quizzes admin's own URLs, under /admin/quizzes/ in the ``quizzes_admin`` namespace."""

from django.urls import path

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters

from .interchange import ExportView, ImportView, PreviewImportView, csv_template, download_questions
from .statistics_report import QuizStatisticsView
from .views import module_sections

app_name = "quizzes_admin"

urlpatterns = [
    path("module-sections/<page_id:pk>/", module_sections, name="module_sections"),
    path("import/", ImportView.as_view(), name="import_questions"),
    path("import/csv-template/", csv_template, name="csv_template"),
    path("import/<str:token>/", PreviewImportView.as_view(), name="preview_import"),
    path("export/", ExportView.as_view(), name="export_questions"),
    path("export/download/", download_questions, name="download_questions"),
    path("statistics/<page_id:quiz_id>/", QuizStatisticsView.as_view(), name="quiz_statistics"),
]
