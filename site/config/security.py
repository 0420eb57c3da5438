"""Site-wide protections that sit in front of every view: the Content-Security-Policy and upload size limits.

- `SitePolicyMiddleware` sends the strict policy from `CONTENT_SECURITY_POLICY` on every page, and swaps in
  the tolerant `CONTENT_SECURITY_POLICY_ADMIN` under the admin prefixes, whose pages carry inline scripts
  and styles of Wagtail's own. A view that set its own header (certificate downloads) keeps it.
- `RequestSizeMiddleware` answers 413 from the Content-Length alone when a body is larger than the biggest
  file allowed at that address plus the form around it, so such a body is never read.
- `ClientAddressMiddleware` puts the visitor's own address in `REMOTE_ADDR` when the site sits behind
  `TRUSTED_PROXY_COUNT` reverse proxies, so the login lockout and every rate limit count visitors, not the proxy.
- `SizeCappedUploadHandler` watches each file as it streams in and stops keeping it once it passes the limit:
  the form then sees a file of the size that was sent (and no more than its first bytes), so the learner gets
  the form's own "This file is … MB" error rather than a failure.
"""

from collections.abc import Callable
from io import BytesIO

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat


class ClientAddressMiddleware:
    """The visitor's address, behind `TRUSTED_PROXY_COUNT` proxies of our own (nginx: one).

    Each proxy appends the address it was reached from to `X-Forwarded-For`, so with N trusted proxies the
    visitor is the Nth entry from the right; anything to the left of it was written by the visitor and may be
    invented. With no trusted proxy (the default) the header is ignored entirely, as anyone can send it. A
    request that did not come through the proxies (fewer entries than proxies) keeps its own `REMOTE_ADDR`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        proxies = settings.TRUSTED_PROXY_COUNT
        if proxies:
            hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
            if len(hops) >= proxies:
                request.META["REMOTE_ADDR"] = hops[-proxies]
        return self.get_response(request)


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES))


class SitePolicyMiddleware(CSPMiddleware):
    def process_response(self, request: HttpRequest, response):
        had_own = HEADER in response
        response = super().process_response(request, response)
        if not had_own and HEADER in response:
            # django-csp joins the directives in set order, which differs between worker processes; sorted,
            # the header is byte-for-byte the same from every worker (and in every cached copy of a page).
            response[HEADER] = "; ".join(sorted(part.strip() for part in response[HEADER].split(";")))
        return response

    def get_policy_parts(self, request: HttpRequest, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN
        return parts


# ---------------------------------------------------------------------------------------------
# Upload size
# ---------------------------------------------------------------------------------------------


def upload_limit(path: str) -> int:
    """The largest single file a request to this address may carry.

    Authors upload images, documents and question banks in the admin; learners upload only outside-CE
    certificates.
    """
    if is_admin_path(path):
        return max(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    return settings.CREDIT_UPLOAD_MAX_BYTES


class RequestSizeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django itself treats an unreadable length as no body.
        limit = upload_limit(request.path_info)
        if length > limit + settings.UPLOAD_FORM_OVERHEAD_BYTES:
            return too_large(request, limit=limit)
        return self.get_response(request)


def too_large(request: HttpRequest, *, limit: int) -> HttpResponse:
    context = {
        "status": 413,
        "title": "That file is too large",
        "message": (
            f"Files sent here can be up to {filesizeformat(limit)}. Nothing was saved. Go back, choose a smaller "
            "file (a PDF, or a photo taken at a lower resolution) and send the form again."
        ),
    }
    response = render(request, "error.html", context, status=413)
    response["Connection"] = "close"  # the unread body must not be taken for the next request
    return response


class TooLargeUpload(UploadedFile):
    """A file that passed the limit while it arrived: its real size, but only its first bytes are kept.

    The first bytes let a picture field still tell what kind of file it was before its size check speaks.
    """

    def __init__(self, *, head: bytes, name: str, content_type: str, size: int, charset, content_type_extra):
        super().__init__(BytesIO(head), name, content_type, size, charset, content_type_extra)


class SizeCappedUploadHandler(FileUploadHandler):
    def new_file(self, field_name, file_name, content_type, content_length, charset=None, content_type_extra=None):
        super().new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
        self.limit = upload_limit(self.request.path_info if self.request is not None else "")
        self.received = 0
        self.head = b""
        self.over = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if not self.head:
            self.head = raw_data[:65536]
        self.received = start + len(raw_data)
        if self.received > self.limit:
            # From here on no handler keeps the data; only its length is counted.
            self.over = True
            return None
        return raw_data

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if not self.over:
            return None  # the next handler (memory or temporary file) returns the file
        return TooLargeUpload(
            head=self.head,
            name=self.file_name,
            content_type=self.content_type,
            size=self.received,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
