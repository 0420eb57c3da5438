"""Playwright driving Debian's Chromium against pytest-django's live server.

Chromium comes from the system (`make test` installs it); Playwright's own browser downloads are
never used. Every test here is marked `browser`.
"""

import os
import shutil

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.baseline import ensure_baseline

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    if not (os.path.exists(path) or shutil.which(path)):
        pytest.fail(f"Chromium not found at {path}: run `make test` (it installs Debian's chromium) or set CHROMIUM.")
    return path


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The live server counts look-ups per address (all 127.0.0.1 here) in the cache: each test starts at 0."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _baseline(transactional_db):
    """The live server needs committed data: put back the migrated rows a previous test's flush removed."""
    ensure_baseline()


class _Quiet:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


@pytest.fixture
def demo(transactional_db):
    """The demo site (`manage.py load_demo`): its accounts, courses, quizzes, providers and events."""
    call_command("load_demo", stdout=_Quiet())


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop; Django's async-safety check must not trip on it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(autouse=True)
def _no_page_left_open(browser):
    """Closes whatever browser window a test left open.

    An admin editor left open keeps pinging the live server (Wagtail's editing sessions) for the rest of
    the run. Once its test's data is flushed each ping is refused in the server's thread, and Django's
    test client, which listens for request exceptions process-wide, re-raised one inside an unrelated
    later test (the backup test on PostgreSQL in CI).
    """
    yield
    for leftover in list(browser.contexts):
        leftover.close()


def _watch_policy(context) -> list[str]:
    """Collects the browser's reports of anything the Content-Security-Policy refused."""
    refused: list[str] = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            refused.append(message.text)

    context.on("console", on_console)
    return refused


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    refused = _watch_policy(context)
    yield context
    context.close()
    assert refused == [], "The Content-Security-Policy refused:\n" + "\n".join(refused)


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    refused = _watch_policy(context)
    yield context.new_page()
    context.close()
    assert refused == [], "The Content-Security-Policy refused:\n" + "\n".join(refused)


def serious_violations(page) -> list[str]:
    """Axe violations of serious or critical impact on the page, as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in {"serious", "critical"}:
            targets = ", ".join(str(node.get("target")) for node in violation.get("nodes", [])[:3])
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return found


@pytest.fixture
def axe_check():
    def check(page):
        violations = serious_violations(page)
        assert violations == [], "Accessibility violations:\n" + "\n".join(violations)

    return check


def login(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
