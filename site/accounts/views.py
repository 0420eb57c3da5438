"""Sign up, the learner's profile and their licences. Django's auth views do log in, out and passwords."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from .forms import LicenceForm, ProfileForm, SignupForm, TaskPasswordResetForm
from .models import LearnerProfile, Licence
from .selectors import legal_name_for


def _safe_next(request: HttpRequest, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return fallback


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("credit:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome to Touchstone. Add your licence to see what your renewal still needs.")
        return redirect(_safe_next(request, reverse("credit:dashboard")))
    return render(request, "accounts/signup.html", {"form": form, "next": _safe_next(request, "")})


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
    licences = Licence.objects.filter(user=user).select_related("requirement_profile")
    has_profile = LearnerProfile.objects.filter(user=user).exclude(legal_name="").exists()
    return render(request, "accounts/profile.html", {"form": form, "licences": licences, "has_legal_name": has_profile})


@login_required
@require_http_methods(["GET", "POST"])
def licence_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    # Someone else's licence is simply not found: its existence is nobody else's business.
    licence = get_object_or_404(Licence, pk=pk, user=request.user) if pk is not None else None
    form = LicenceForm(request.POST or None, instance=licence, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"{saved.requirement_profile.name} saved.")
        return redirect(_safe_next(request, reverse("accounts:profile")))
    return render(request, "accounts/licence_form.html", {"form": form, "licence": licence})


@login_required
@require_http_methods(["GET", "POST"])
def licence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    licence = get_object_or_404(Licence.objects.select_related("requirement_profile"), pk=pk, user=request.user)
    if request.method == "POST":
        licence.delete()
        messages.success(request, "Licence removed. Certificates already issued keep the number they were issued with.")
        return redirect("accounts:profile")
    return render(request, "accounts/licence_confirm_delete.html", {"licence": licence})


class TaskPasswordResetView(PasswordResetView):
    form_class = TaskPasswordResetForm
