"""Putting load on the running site and reading the numbers back.

Pages are driven by wrk (Debian package `wrk`), with wrk_report.lua counting every answer that is not a
2xx and printing the latency percentiles. Quiz autosave and submit carry state from one request to the
next (the save number, a fresh attempt for every submit), which wrk cannot follow across connections,
so a small threaded client drives them: one thread per connection, each a different signed-in learner
with their own attempt, as in a class taking a quiz together.
"""

from __future__ import annotations

import http.client
import json
import math
import re
import secrets
import statistics
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from .stack import HTTPS_HEADERS

LUA_SCRIPT = Path(__file__).with_name("wrk_report.lua")


class LoadError(Exception):
    """The load generator could not run, or printed something the benchmark cannot read."""


@dataclass
class Measurement:
    """What one page or action did under load. Latencies are in milliseconds."""

    requests: int
    seconds: float
    p50: float
    p95: float
    p99: float
    not_2xx: int = 0
    statuses: list[str] = field(default_factory=list)
    socket_errors: int = 0

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failed(self) -> bool:
        return bool(self.not_2xx or self.socket_errors or not self.requests)


# ---------------------------------------------------------------------------------------------
# wrk
# ---------------------------------------------------------------------------------------------

_BENCH_LINE = re.compile(r"^BENCH (\w+)=(.*)$", re.MULTILINE)
_SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def parse_wrk(output: str) -> Measurement:
    """Read wrk's output with wrk_report.lua's BENCH lines; LoadError if they are missing."""
    values = dict(_BENCH_LINE.findall(output))
    try:
        requests = int(values["requests"])
        seconds = int(values["duration_us"]) / 1_000_000
        percentiles = {p: int(values[f"p{p}_us"]) / 1000 for p in (50, 95, 99)}
        not_2xx = int(values["not_2xx"])
    except (KeyError, ValueError) as error:
        raise LoadError(f"wrk's output lacks the benchmark's summary ({error}):\n{output.strip()[-1500:]}") from None
    # Read errors are how wrk sees a server closing a connection it meant to reuse; gunicorn's sync
    # workers close every connection after one answer, so only connect, write and timeout errors count.
    match = _SOCKET_ERRORS.search(output)
    socket_errors = 0
    if match:
        connect, _read, write, timeout = (int(n) for n in match.groups())
        socket_errors = connect + write + timeout
    statuses = sorted({status for status in values.get("statuses", "").split(",") if status})
    return Measurement(
        requests=requests,
        seconds=seconds,
        p50=percentiles[50],
        p95=percentiles[95],
        p99=percentiles[99],
        not_2xx=not_2xx,
        statuses=statuses,
        socket_errors=socket_errors,
    )


def wrk_command(
    url: str, *, headers: dict[str, str], threads: int, connections: int, duration: int, cookies: list[str] = ()
) -> list[str]:
    """wrk's command line. `cookies`, if given, are sent in turn (wrk_report.lua), one learner after another."""
    command = ["wrk", "--threads", str(threads), "--connections", str(connections), "--duration", f"{duration}s"]
    command += ["--timeout", "10s", "--latency", "--script", str(LUA_SCRIPT)]
    for name, value in {**HTTPS_HEADERS, **headers}.items():
        command += ["--header", f"{name}: {value}"]
    return [*command, url, *(["--", *cookies] if cookies else [])]


def run_wrk(
    url: str, *, headers: dict[str, str], threads: int, connections: int, duration: int, cookies: list[str] = ()
) -> Measurement:
    command = wrk_command(
        url, headers=headers, threads=threads, connections=connections, duration=duration, cookies=cookies
    )
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LoadError(f"wrk could not run: {error}") from error
    if done.returncode != 0:
        raise LoadError(f"wrk failed on {url}:\n{(done.stdout + done.stderr).strip()[-1500:]}")
    return parse_wrk(done.stdout)


# ---------------------------------------------------------------------------------------------
# Quiz autosave and submit
# ---------------------------------------------------------------------------------------------


def percentile(samples: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of the samples, 0 when there are none."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    return ordered[min(len(ordered), max(1, math.ceil(p / 100 * len(ordered)))) - 1]


class QuizClient:
    """One learner's browser: their session and CSRF cookies, posting forms as the quiz page does."""

    def __init__(self, *, port: int, learner: dict):
        self.port = port
        self.learner = learner
        self.csrf = secrets.token_hex(16)  # a CSRF secret is 32 letters or digits; the page echoes it back

    def post(self, path: str, fields: dict[str, str], *, accept: str = "text/html") -> tuple[int, str, bytes]:
        origin = f"https://127.0.0.1:{self.port}"
        headers = {
            **HTTPS_HEADERS,
            "Cookie": f"sessionid={self.learner['session']}; csrftoken={self.csrf}",
            "X-CSRFToken": self.csrf,
            "Origin": origin,
            "Referer": origin + self.learner["take_url"],
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": accept,
        }
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("POST", path, body=urlencode(fields), headers=headers)
            response = conn.getresponse()
            return response.status, response.getheader("Location") or "", response.read()
        finally:
            conn.close()

    def autosave(self) -> tuple[float, int]:
        """Change the answer to one question (flipping between two choices): (milliseconds, status)."""
        learner = self.learner
        slot = learner["slot"]
        learner["flip"] = 1 - learner.get("flip", 1)
        fields = {
            "slot": str(slot),
            f"q{slot}": learner["choices"][learner["flip"]],
            f"seq-{slot}": str(learner["seq"]),
        }
        start = time.perf_counter()
        status, _, body = self.post(
            f"/quizzes/attempts/{learner['attempt']}/answer/", fields, accept="application/json"
        )
        elapsed = (time.perf_counter() - start) * 1000
        if status == 200:
            learner["seq"] = json.loads(body)["seq"]
        return elapsed, status

    def submit(self, quiz_id: int) -> tuple[float, int]:
        """Start (or resume) an attempt, unmeasured, then submit it: (milliseconds of the submit, status).

        A submit answers with a redirect to the attempt's review, so that 302 counts as success (as 200).
        """
        learner = self.learner
        status, location, _ = self.post(f"/quizzes/{quiz_id}/start/", {})
        match = re.search(r"/quizzes/attempts/(\d+)/", urlsplit(location).path)
        if status != 302 or not match:
            return 0.0, status
        attempt = int(match.group(1))
        seq = learner["seq"] if attempt == learner["attempt"] else 0
        start = time.perf_counter()
        status, location, _ = self.post(f"/quizzes/attempts/{attempt}/submit/", {"seq": str(seq)})
        elapsed = (time.perf_counter() - start) * 1000
        learner["attempt"] = attempt
        ok = status == 302 and location.rstrip("/").endswith("/review")
        return elapsed, 200 if ok else status


def run_clients(
    clients: list[QuizClient], action: Callable[[QuizClient], tuple[float, int]], duration: int
) -> Measurement:
    """Each client repeats ``action`` in its own thread for ``duration`` seconds; latencies of the 2xx answers."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def work(client: QuizClient) -> None:
        while time.monotonic() < stop_at:
            try:
                elapsed, status = action(client)
            except OSError:
                elapsed, status = 0.0, 0  # no answer at all: counted as a failure
            with lock:
                statuses[status] += 1
                if status == 200:
                    latencies.append(elapsed)

    started = time.monotonic()
    threads = [threading.Thread(target=work, args=(client,), daemon=True) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 60)
    seconds = time.monotonic() - started
    bad = {status: count for status, count in statuses.items() if status != 200}
    return Measurement(
        requests=len(latencies),
        seconds=seconds,
        p50=statistics.median(latencies) if latencies else 0.0,
        p95=percentile(latencies, 95),
        p99=percentile(latencies, 99),
        not_2xx=sum(bad.values()),
        statuses=[str(status or "no answer") for status in sorted(bad)],
    )
