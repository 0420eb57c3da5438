from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("licences/add/", views.licence_edit, name="licence_add"),
    path("licences/<int:pk>/", views.licence_edit, name="licence_edit"),
    path("licences/<int:pk>/delete/", views.licence_delete, name="licence_delete"),
]

# Names Django's auth views reverse, so they stay outside the namespace.
auth_overrides = [
    path("password_reset/", views.TaskPasswordResetView.as_view(), name="password_reset"),
]
