"""Learner pages for CE credit, mounted at /learning/."""

from django.urls import path

import pageparts.ids  # noqa: F401 - registers the <id:...> and <page_id:...> path converters

from . import licence_views, views

app_name = "credit"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("courses/<page_id:course_id>/enrol/", views.enrol, name="enrol"),
    path("courses/<page_id:course_id>/leave/", views.leave, name="leave"),
    path("modules/<page_id:module_id>/complete/", views.module_complete, name="module_complete"),
    path("modules/<page_id:module_id>/activity/", views.module_activity, name="module_activity"),
    path("credit/<id:record_id>/certificate.pdf", views.certificate_download, name="certificate"),
    path(
        "credit/<id:record_id>/certificates/<id:certificate_id>.pdf",
        views.certificate_download,
        name="certificate_copy",
    ),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify, name="verify_code"),
    path("transcript/", views.transcript, name="transcript"),
    path("transcript.csv", views.transcript_export, {"fmt": "csv"}, name="transcript_csv"),
    path("transcript.pdf", views.transcript_export, {"fmt": "pdf"}, name="transcript_pdf"),
    path("transcript/add/", views.outside_edit, name="outside_add"),
    path("transcript/<id:pk>/", views.outside_edit, name="outside_edit"),
    path("transcript/<id:pk>/delete/", views.outside_delete, name="outside_delete"),
    path("transcript/<id:pk>/certificate/", views.outside_certificate, name="outside_certificate"),
    path("renewal/", views.renewal, name="renewal"),
    path("roster/", views.roster, name="roster"),
]

# A learner's licences, mounted by the project at /accounts/licences/ (namespace "licences") so they sit
# beside the profile page that lists them.
licence_urlpatterns = (
    [
        path("add/", licence_views.licence_edit, name="add"),
        path("<id:pk>/", licence_views.licence_edit, name="edit"),
        path("<id:pk>/delete/", licence_views.licence_delete, name="delete"),
    ],
    "licences",
)
