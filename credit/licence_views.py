"""A learner's licences: add, edit and remove them. They are listed on the profile page (see page_parts).

Mounted at /accounts/licences/ by the project's URLs, beside the profile page they belong with, under
the `licences` namespace.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from accounts.redirects import safe_next

from .forms import LicenceForm
from .models import Licence


@login_required
@require_http_methods(["GET", "POST"])
def licence_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    # Someone else's licence is simply not found: its existence is nobody else's business.
    licence = get_object_or_404(Licence, pk=pk, user=request.user) if pk is not None else None
    form = LicenceForm(request.POST or None, instance=licence, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"{saved.requirement_profile.name} saved.")
        return redirect(safe_next(request, reverse("accounts:profile")))
    return render(request, "credit/licence_form.html", {"form": form, "licence": licence})


@login_required
@require_http_methods(["GET", "POST"])
def licence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    licence = get_object_or_404(Licence.objects.select_related("requirement_profile"), pk=pk, user=request.user)
    if request.method == "POST":
        licence.delete()
        messages.success(request, "Licence removed. Certificates already issued keep the number they were issued with.")
        return redirect("accounts:profile")
    return render(request, "credit/licence_confirm_delete.html", {"licence": licence})
