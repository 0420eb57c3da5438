"""Security headers and limits every page shares: the Content-Security-Policy (strict for learners, tolerant
in the admin), no inline script in any template, and uploads refused by size before they are kept."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from credit.models import OutsideCredit
from tests import factories
from tests.quizzes import factories as quiz_factories

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def learner_pages(client, course, module):
    learner = factories.user("csp-learner")
    question = quiz_factories.single_choice(course=course)
    quiz = quiz_factories.quiz(course, questions=[question], title="Effleurage check")
    client.force_login(learner)
    return {
        "home": "/",
        "course": course.url,
        "module": module.url,
        "quiz": quiz.url,
        "dashboard": reverse("credit:dashboard"),
        "transcript": reverse("credit:transcript"),
        "login": reverse("login"),
    }


def test_learner_pages_get_the_strict_policy(client, home, learner_pages):
    for name, url in learner_pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        directives = policy(response)
        assert directives["script-src"] == ["'self'"], name
        assert directives["style-src"] == ["'self'"], name
        assert directives["object-src"] == ["'none'"], name
        assert directives["frame-ancestors"] == ["'self'"], name
        assert "nonce" not in response["Content-Security-Policy"], name  # cached pages must not carry one
        html = response.content.decode()
        assert inline_scripts(html) == [], name
        assert " style=" not in html, name


def test_the_policy_is_the_same_for_every_visitor(client, home):
    first = client.get("/")["Content-Security-Policy"]
    assert client.get("/")["Content-Security-Policy"] == first


def test_admin_pages_get_the_tolerant_policy(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    directives = policy(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["object-src"] == ["'none'"]
    assert policy(admin_client.get("/django-admin/"))["script-src"][1:] == ["'unsafe-inline'", "'unsafe-eval'"]


def test_a_view_with_its_own_policy_keeps_it(client):
    user = factories.user("keeper")
    entry = OutsideCredit.objects.create(
        user=user, title="Prenatal massage", provider="Elsewhere", hours=3, completed_on="2025-01-10"
    )
    entry.certificate_file.save("certificate.pdf", SimpleUploadedFile("c.pdf", b"%PDF-1.4 ..."))
    entry.certificate_content_type = "application/pdf"
    entry.save()
    client.force_login(user)
    response = client.get(reverse("credit:outside_certificate", args=[entry.pk]))
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'none'")


class _Tag:
    SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>", re.IGNORECASE)
    HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
    JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    found = [match.group(0) for match in _Tag.SCRIPT.finditer(html) if "src=" not in match.group("attrs")]
    found += _Tag.HANDLER.findall(html) + _Tag.JS_URL.findall(html)
    return found


def test_the_checker_finds_inline_script():
    assert inline_scripts('<script>alert(1)</script><script src="/s.js"></script>') == ["<script>"]
    assert inline_scripts('<form onsubmit="return false">') and inline_scripts('<a href="javascript:go()">')
    assert inline_scripts('<script src="/static/js/touchstone.js" defer></script>') == []


def site_templates() -> list[Path]:
    """Every template of ours that a learner may see: the admin's own screens may use Wagtail's ways."""
    folders = [ROOT / "site", ROOT / "courses", ROOT / "quizzes", ROOT / "credit", ROOT / "events"]
    return [
        path
        for folder in folders
        for path in folder.rglob("*.html")
        if "/admin/" not in str(path) and "wagtailsnippets" not in str(path) and path.name != "admin_403.html"
    ]


def test_no_learner_template_has_inline_script():
    templates = site_templates()
    assert len(templates) > 30
    offenders = {str(path.relative_to(ROOT)): inline_scripts(path.read_text()) for path in templates}
    assert {path: found for path, found in offenders.items() if found} == {}


# ---------------------------------------------------------------------------------------------
# Upload size
# ---------------------------------------------------------------------------------------------


def outside_data(**extra):
    data = {
        "title": "Prenatal massage",
        "provider": "Elsewhere",
        "hours": "3",
        "completed_on": "2025-01-10",
        "delivery_method": "in_person",
    }
    data.update(extra)
    return data


@override_settings(CREDIT_UPLOAD_MAX_BYTES=100_000)
def test_a_file_over_the_limit_gets_a_form_error_and_is_not_kept(client, monkeypatch):
    from config import security

    seen = []
    original = security.SizeCappedUploadHandler.file_complete

    def watch(handler, file_size):
        result = original(handler, file_size)
        seen.append((result, len(result.file.getvalue()) if result else None))
        return result

    monkeypatch.setattr(security.SizeCappedUploadHandler, "file_complete", watch)
    client.force_login(factories.user("uploader"))
    big = SimpleUploadedFile("certificate.pdf", b"%PDF-1.4\n" + b"0" * 300_000, content_type="application/pdf")
    response = client.post(reverse("credit:outside_add"), outside_data(certificate_file=big))
    assert response.status_code == 200
    assert "certificates can be up to 97.7" in response.content.decode()
    [(cut, kept)] = seen
    assert isinstance(cut, security.TooLargeUpload)
    assert cut.size > 300_000  # it knows the size that was sent...
    assert kept <= 65536  # ...but kept no more than the first bytes
    assert not OutsideCredit.objects.exists()


@override_settings(CREDIT_UPLOAD_MAX_BYTES=400_000)
def test_a_file_within_the_limit_passes_through_the_handler(client, monkeypatch):
    from config import security

    seen = []
    original = security.SizeCappedUploadHandler.file_complete
    monkeypatch.setattr(
        security.SizeCappedUploadHandler, "file_complete", lambda h, size: seen.append(original(h, size))
    )
    client.force_login(factories.user("uploader"))
    small = SimpleUploadedFile("certificate.pdf", b"%PDF-1.4\n" + b"0" * 1000, content_type="application/pdf")
    response = client.post(reverse("credit:outside_add"), outside_data(certificate_file=small))
    assert seen == [None]  # the usual handlers kept the file; the form then judges its content
    assert "certificates can be up to" not in response.content.decode()


@override_settings(CREDIT_UPLOAD_MAX_BYTES=100_000, UPLOAD_FORM_OVERHEAD_BYTES=10_000)
def test_a_body_larger_than_any_upload_is_refused_unread(client):
    client.force_login(factories.user("uploader"))
    big = SimpleUploadedFile("certificate.pdf", b"%PDF-1.4\n" + b"0" * 300_000, content_type="application/pdf")
    response = client.post(reverse("credit:outside_add"), outside_data(certificate_file=big))
    assert response.status_code == 413
    html = response.content.decode()
    assert "That file is too large" in html and "97.7" in html
    assert not OutsideCredit.objects.exists()


def test_the_admin_allows_the_larger_image_and_document_limit():
    from config.security import upload_limit

    assert upload_limit("/admin/images/multiple/add/") == max(
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    )
    assert upload_limit("/learning/transcript/add/") == settings.CREDIT_UPLOAD_MAX_BYTES


# ---------------------------------------------------------------------------------------------
# The visitor's address behind our own proxy
# ---------------------------------------------------------------------------------------------


def _address_seen(settings, *, proxies: int, forwarded: str | None, remote: str = "10.0.0.5") -> str:
    from django.http import HttpResponse
    from django.test import RequestFactory

    from config.security import ClientAddressMiddleware

    settings.TRUSTED_PROXY_COUNT = proxies
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]
        return HttpResponse()

    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    ClientAddressMiddleware(view)(RequestFactory().get("/", **headers))
    return seen["address"]


def test_without_a_trusted_proxy_a_forwarded_header_is_ignored(settings):
    assert _address_seen(settings, proxies=0, forwarded="198.51.100.9") == "10.0.0.5"


def test_behind_one_proxy_the_visitor_is_the_entry_nginx_wrote(settings):
    assert _address_seen(settings, proxies=1, forwarded="198.51.100.9") == "198.51.100.9"
    # Whatever the visitor put in the header themselves stands to the left and is not believed.
    assert _address_seen(settings, proxies=1, forwarded="203.0.113.1, 198.51.100.9") == "198.51.100.9"
    assert _address_seen(settings, proxies=2, forwarded="203.0.113.1, 198.51.100.9, 10.0.0.2") == "198.51.100.9"


def test_a_request_that_bypassed_the_proxy_keeps_its_own_address(settings):
    assert _address_seen(settings, proxies=1, forwarded=None) == "10.0.0.5"
    assert _address_seen(settings, proxies=2, forwarded="198.51.100.9") == "10.0.0.5"


def test_the_login_lockout_counts_visitors_behind_the_proxy_separately(client, settings, django_user_model):
    django_user_model.objects.create_user("ana", password="right-password-123")
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(3):
        client.post(
            "/accounts/login/",
            {"username": "ana", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.9",
        )
    # Another visitor behind the same nginx is not locked out by the first one's failures.
    response = client.post(
        "/accounts/login/",
        {"username": "ana", "password": "right-password-123"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.50",
    )
    assert response.status_code == 302
