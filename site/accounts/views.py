"""Sign up and the learner's profile. Django's auth views do log in, out and passwords.

Other apps add sections to the profile page (credit: the licences) through `accounts.profile_sections`.

Guarding the doors: sign-ups and password-reset requests are counted per client address (and reset requests
per e-mail address too) with django-ratelimit; past the limit the page says when to try again (429). Wrong
passwords are counted by django-axes, which shows `locked_out` once a username and address pair is locked.
"""

import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import get_usage

from .forms import ProfileForm, SignupForm, TaskPasswordResetForm
from .models import LearnerProfile
from .redirects import safe_next
from .selectors import legal_name_for


def _over_limit(request: HttpRequest, *, group: str, key, rate: str) -> int | None:
    """Counts this POST; the minutes until the next try is allowed when it is one too many, else None."""
    usage = get_usage(request, group=group, key=key, rate=rate, method="POST", increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, math.ceil(max(usage.get("time_left", 0), 0) / 60))


def _slow_down(request: HttpRequest, *, minutes: int, doing: str) -> HttpResponse:
    context = {"minutes": minutes, "doing": doing}
    response = render(request, "accounts/slow_down.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def _reset_email(request: HttpRequest) -> str:
    """The e-mail a reset request names, written one way, so "Ana@X.org " and "ana@x.org" count together."""
    return "reset-email:" + (request.POST.get("email") or "").strip().lower()


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.SIGNUP_REDIRECT_URL)
    if request.method == "POST":
        minutes = _over_limit(request, group="accounts-signup", key="ip", rate=settings.ACCOUNTS_SIGNUP_RATE)
        if minutes is not None:
            return _slow_down(request, minutes=minutes, doing="accounts created")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to Touchstone. Add your licence to see what your renewal still needs.")
        return redirect(safe_next(request, resolve_url(settings.SIGNUP_REDIRECT_URL)))
    return render(request, "accounts/signup.html", {"form": form, "next": safe_next(request, "")})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {"legal_name": legal_name_for(user), "email": user.email}
    form = ProfileForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved. New certificates will use this name.")
        return redirect("accounts:profile")
    has_profile = LearnerProfile.objects.filter(user=user).exclude(legal_name="").exists()
    return render(request, "accounts/profile.html", {"form": form, "has_legal_name": has_profile})


class TaskPasswordResetView(PasswordResetView):
    form_class = TaskPasswordResetForm

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        limits = [
            ("accounts-reset-ip", "ip", settings.ACCOUNTS_PASSWORD_RESET_RATE),
            ("accounts-reset-email", lambda group, req: _reset_email(req), settings.ACCOUNTS_PASSWORD_RESET_EMAIL_RATE),
        ]
        # Both counts go up on every request, so neither can be worn down by dodging the other.
        waits = [_over_limit(request, group=group, key=key, rate=rate) for group, key, rate in limits]
        waits = [minutes for minutes in waits if minutes is not None]
        if waits:
            return _slow_down(request, minutes=max(waits), doing="password reset requests")
        return super().post(request, *args, **kwargs)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer once a username has had too many wrong passwords from this address.

    Every attempt while locked (a right password too) starts the cool-off again, so "from now" holds.
    """
    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    response = render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
