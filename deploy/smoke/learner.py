"""A learner's browser, reduced to what the smoke run needs: sign in, post forms, save answers like quiz.js.

Every request goes through nginx over HTTPS (the smoke's self-signed certificate is the only one trusted),
so Secure session and CSRF cookies travel exactly as they would for a real learner.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field

import requests
from stack import SmokeFailure

# What quiz.js does when a save fails: it tells the learner the answer isn't saved yet, and the learner
# presses Save again. The smoke presses it up to this many times, a little apart.
SAVE_TRIES = 5
SAVE_PAUSE = 0.5


@dataclass
class Browser:
    base_url: str
    cert: str
    session: requests.Session = field(default_factory=requests.Session)
    served_by: Counter = field(default_factory=Counter)
    failed_over: int = 0  # requests nginx had to pass on to another node

    def __post_init__(self) -> None:
        self.session.verify = self.cert
        # Trust only the smoke's certificate: CA-bundle variables in the environment would override it.
        self.session.trust_env = False

    def url(self, path: str) -> str:
        return path if path.startswith("https://") else self.base_url + path

    def _note(self, response: requests.Response) -> None:
        """Count which node answered; nginx lists every node it tried ("A, B" when A was down)."""
        for step in [*response.history, response]:
            tried = [node.strip() for node in step.headers.get("X-Touchstone-Node", "").split(",") if node.strip()]
            if tried:
                self.served_by[tried[-1]] += 1
                self.failed_over += len(tried) > 1

    def get(self, path: str, **kwargs) -> requests.Response:
        response = self.session.get(self.url(path), timeout=60, **kwargs)
        self._note(response)
        return response

    def post(self, path: str, data, *, referer: str, headers: dict | None = None, **kwargs) -> requests.Response:
        """A form post with the CSRF token and the Referer a browser sends (Django checks it over HTTPS)."""
        token = self.session.cookies.get("csrftoken")
        if not token:
            raise SmokeFailure(f"no CSRF cookie before posting to {path}")
        sent = {"Referer": self.url(referer), "X-CSRFToken": token, **(headers or {})}
        response = self.session.post(self.url(path), data=data, headers=sent, timeout=60, **kwargs)
        self._note(response)
        return response

    def expect(self, response: requests.Response, status: int, what: str) -> requests.Response:
        if response.status_code != status:
            raise SmokeFailure(f"{what}: expected {status}, got {response.status_code} at {response.url}")
        return response

    def sign_in(self, username: str, password: str) -> None:
        page = self.expect(self.get("/accounts/login/"), 200, "login page")
        answer = self.post(
            "/accounts/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": csrf_field(page.text)},
            referer="/accounts/login/",
        )
        if answer.status_code != 200 or "sessionid" not in self.session.cookies or "/accounts/login/" in answer.url:
            raise SmokeFailure(f"{username} could not sign in (status {answer.status_code}, at {answer.url})")


def csrf_field(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not found:
        raise SmokeFailure("a form on the page has no CSRF field")
    return found.group(1)


def find(pattern: str, html: str, what: str) -> str:
    found = re.search(pattern, html)
    if not found:
        raise SmokeFailure(f"could not find {what} on the page")
    return found.group(1)


def form_fields(item: dict, response: dict) -> list[tuple[str, str]]:
    """The fields the quiz page posts for one question, for a response in the attempt's stored shape."""
    name = f"q{item['slot']}"
    if "choice" in response:
        return [(name, response["choice"])]
    if "choices" in response:
        return [(name, choice) for choice in response["choices"]]
    if "matches" in response:
        return [(f"{name}-{prompt}", answer) for prompt, answer in response["matches"].items()]
    if "order" in response:
        return [(f"{name}-{entry}", str(position)) for position, entry in enumerate(response["order"], start=1)]
    return [(f"{name}-{step}", option) for step, options in response["steps"].items() for option in options]


@dataclass
class SaveLog:
    saved: int = 0
    retries: int = 0
    sequence: int = 0
    problems: list[str] = field(default_factory=list)


def autosave(browser: Browser, *, attempt_id: int, item: dict, response: dict, base: int, log: SaveLog) -> None:
    """Save one answer as quiz.js does (its fields, its save number, JSON back), pressing Save again on failure."""
    path = f"/quizzes/attempts/{attempt_id}/answer/"
    data = [("slot", str(item["slot"])), (f"seq-{item['slot']}", str(base)), *form_fields(item, response)]
    last = ""
    for attempt in range(SAVE_TRIES):
        if attempt:
            log.retries += 1
            time.sleep(SAVE_PAUSE)
        try:
            answer = browser.post(
                path, data, referer=f"/quizzes/attempts/{attempt_id}/", headers={"Accept": "application/json"}
            )
        except requests.ConnectionError as error:
            last = f"could not reach the site ({error.__class__.__name__})"
            continue
        if "application/json" not in answer.headers.get("Content-Type", ""):
            last = f"status {answer.status_code} without JSON (the page would say: not saved yet)"
            continue
        body = answer.json()
        if body.get("ok"):
            log.saved += 1
            log.sequence = max(log.sequence, int(body["seq"]))
            return
        raise SmokeFailure(f"saving question slot {item['slot']} was refused: {body.get('error')}")
    raise SmokeFailure(f"saving question slot {item['slot']} failed {SAVE_TRIES} times: {last}")


def submit(browser: Browser, *, attempt_id: int) -> requests.Response:
    """Open the confirm page and submit with the save number it shows, as the learner's click does."""
    confirm_path = f"/quizzes/attempts/{attempt_id}/submit/"
    page = browser.expect(browser.get(confirm_path), 200, "submit confirmation page")
    data = {
        "csrfmiddlewaretoken": csrf_field(page.text),
        "seq": find(r'name="seq" value="(\d+)"', page.text, "the save number"),
    }
    return browser.post(confirm_path, data, referer=confirm_path)
