"""Sign up and the learner's profile. Django's auth views do log in, out and passwords.

Other apps add sections to the profile page (credit: the licences) through `accounts.profile_sections`.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.http import require_http_methods

from .forms import ProfileForm, SignupForm, TaskPasswordResetForm
from .models import LearnerProfile
from .redirects import safe_next
from .selectors import legal_name_for


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.SIGNUP_REDIRECT_URL)
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
