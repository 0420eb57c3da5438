"""One benchmark run, start to finish: fresh database, demo, gunicorn, every page under load, the table."""

from __future__ import annotations

import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass

from . import prepare
from .load import LoadError, Measurement, QuizClient, run_clients, run_wrk
from .report import ANONYMOUS_PAGE, DASHBOARD, QUIZ_ACTION, SIGNED_IN_MODULE, Row, Target, bare_rate, with_ratios
from .stack import DEFAULT_DATABASE_URL, Gunicorn, StackError, database_name, throwaway_site

BARE_PATH = "/__bench__/bare/"


@dataclass(frozen=True)
class Options:
    duration: int = 10
    connections: int = 20
    threads: int = 2
    workers: int = 2
    database_url: str = DEFAULT_DATABASE_URL
    keep_database: bool = False

    def problems(self) -> list[str]:
        """What is wrong with these options, in words; empty when they can run."""
        found = []
        if not 1 <= self.duration <= 600:
            found.append("--duration is seconds per page, from 1 to 600.")
        if not 1 <= self.connections <= 500:
            found.append("--connections must be from 1 to 500.")
        if not 1 <= self.threads <= 64:
            found.append("--threads must be from 1 to 64.")
        elif self.threads > self.connections:
            found.append("--threads cannot exceed --connections (wrk gives each thread at least one connection).")
        if not 1 <= self.workers <= 64:
            found.append("--workers must be from 1 to 64.")
        try:
            database_name(self.database_url)
        except StackError as error:
            found.append(str(error))
        return found


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    signed_in: bool = False
    target: Target | None = None


def pages(targets: dict) -> list[Page]:
    """The pages measured with wrk, in order, from what prepare.py found in the demo."""
    return [
        Page("home /", "/", target=ANONYMOUS_PAGE),
        Page(f"catalogue {targets['catalogue']}", targets["catalogue"], target=ANONYMOUS_PAGE),
        Page("course page", targets["course"], target=ANONYMOUS_PAGE),
        Page("module page, anonymous", targets["module"], target=ANONYMOUS_PAGE),
        Page("module page, signed in", targets["module"], signed_in=True, target=SIGNED_IN_MODULE),
        Page("learner dashboard /learning/", "/learning/", signed_in=True, target=DASHBOARD),
        Page(f"events {targets['events']}", targets["events"], target=ANONYMOUS_PAGE),
        Page("feed /calendar/events.ics", "/calendar/events.ics"),
        Page(f"search /search/?q={targets['search_term']}", f"/search/?q={targets['search_term']}"),
    ]


def run(options: Options, *, write: Callable[[str], None] = print) -> list[Row]:
    """Measure every page and quiz action; the rows of the table, ratios filled in."""
    if shutil.which("wrk") is None:
        raise LoadError("wrk is not installed: `make bench` installs it, or run `apt-get install wrk`.")
    write(f"Creating a fresh database ({options.database_url}), migrating and collecting static files...")
    with throwaway_site(
        database_url=options.database_url, settings_module="config.settings.bench", keep_database=options.keep_database
    ) as site:
        write("Loading the demo...")
        site.manage("load_demo")
        code = f"from home.bench.prepare import main; main({options.connections})"
        targets = prepare.read(site.manage("shell", "-c", code))
        write(f"Starting gunicorn with production settings ({options.workers} workers)...")
        with Gunicorn(site, workers=options.workers, ready_path=BARE_PATH) as server:
            # One signed-in learner per connection, each with the CSRF cookie a browser keeps after its first page.
            learners = [
                f"sessionid={session}; csrftoken={secrets.token_hex(16)}" for session in targets["page_sessions"]
            ]
            learner = {"Cookie": learners[0]}

            def wrk(
                name: str, path: str, headers: dict[str, str], target: Target | None = None, cookies: list[str] = ()
            ) -> Row:
                server.get(path, headers)  # warm the workers up (caches, image renditions)
                # One request on its own: its time is the page's own cost, with no queue in front of it.
                started = time.perf_counter()
                status = server.get(path, headers)[0]
                alone = (time.perf_counter() - started) * 1000
                if status != 200:
                    write(f"  warning: {path} answered {status} before the run")
                write(f"  {name}: one request alone {alone:.0f} ms; now {options.duration} s under load...")
                measurement = run_wrk(
                    server.base_url + path,
                    headers=headers,
                    threads=options.threads,
                    connections=options.connections,
                    duration=options.duration,
                    cookies=list(cookies),
                )
                return Row(name, measurement, target)

            rows = [wrk("bare Django view (first)", BARE_PATH, {})]
            for page in pages(targets):
                signed_in = page.signed_in
                rows.append(
                    wrk(page.name, page.path, learner if signed_in else {}, page.target, learners if signed_in else ())
                )
            clients = [QuizClient(port=server.port, learner=entry) for entry in targets["quiz_learners"]]
            write(f"  quiz autosave, {len(clients)} learners ({options.duration} s)...")
            rows.append(
                Row(
                    "quiz autosave, signed in", run_clients(clients, QuizClient.autosave, options.duration), QUIZ_ACTION
                )
            )
            quiz_id = targets["quiz"]["id"]
            write(f"  quiz submit, {len(clients)} learners ({options.duration} s)...")
            submit: Measurement = run_clients(clients, lambda client: client.submit(quiz_id), options.duration)
            rows.append(Row("quiz submit, signed in", submit, QUIZ_ACTION))
            rows.append(wrk("bare Django view (last)", BARE_PATH, {}))
    bare = bare_rate([row for row in rows if row.name.startswith("bare Django view")])
    return with_ratios(rows, bare=bare)
