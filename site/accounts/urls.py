from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
]

# Names Django's auth views reverse, so they stay outside the namespace.
auth_overrides = [
    path("password_reset/", views.TaskPasswordResetView.as_view(), name="password_reset"),
]
