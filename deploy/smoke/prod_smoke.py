"""`make prod-smoke`: two gunicorn nodes behind nginx with production settings, one killed mid-quiz.

Builds a fresh PostgreSQL database with the demo, collects static files, starts two gunicorn nodes and
nginx (the committed deploy/nginx/touchstone.conf, with its own ports, folders and a self-signed TLS
certificate) in a temporary folder, plays a learner through a graded quiz over HTTPS, SIGKILLs node A
halfway and restarts it before the end, then checks that nothing was lost. Prints one verdict line and
exits 0 on PASS, 1 on FAIL. Every process it started is stopped and its database dropped, whatever happens.

Environment: PROD_SMOKE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/touchstone_prodsmoke;
it is dropped and recreated), PROD_SMOKE_REDIS_URL (default redis://127.0.0.1:6379/14; flushed),
PROD_SMOKE_NGINX (default /usr/sbin/nginx), PROD_SMOKE_KEEP=1 keeps the temporary folder and its logs.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

from stack import REPO, SmokeFailure, Stack

DATABASE_URL = os.environ.get("PROD_SMOKE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/touchstone_prodsmoke")
REDIS_URL = os.environ.get("PROD_SMOKE_REDIS_URL", "redis://127.0.0.1:6379/14")


STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"prod-smoke: [{time.monotonic() - STARTED:5.0f} s] {message}", flush=True)


def show_logs(stack: Stack, lines: int = 12) -> None:
    """The end of each log, so a failure can be understood after the folder is gone."""
    for log in sorted((stack.tmp / "logs").glob("*.log")):
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        print(f"--- {log.name} (last {len(tail)} lines)", *tail, sep="\n", file=sys.stderr)


def setup_django(env: dict) -> None:
    os.environ.update(env)
    sys.path[:0] = [str(REPO / "site"), str(REPO)]
    import django

    django.setup()


def smoke(stack: Stack) -> str:
    import scenario
    from learner import Browser

    say("building the site: fresh database, migrate, load_demo, collectstatic, check --deploy")
    stack.database(create=True)
    stack.flush_cache()
    stack.build_site()
    stack.make_certificate()
    say(f"starting gunicorn nodes A ({stack.nodes[0].address}) and B ({stack.nodes[1].address}), then nginx")
    for node in stack.nodes:
        node.start(stack.env)
    stack.start_nginx()
    setup_django(stack.env)
    scenario.prepare_reading()

    learner = Browser(stack.base_url, str(stack.cert))
    learner.sign_in(scenario.LEARNER, scenario.PASSWORD)
    say(f"{scenario.LEARNER} signed in at {stack.base_url}; taking the TS-201 final assessment")
    run = scenario.play_quiz(stack, learner)
    node_a, node_b = stack.nodes
    if run.served_while_down != {node_b.address}:
        raise SmokeFailure(f"while node A was down, answers were served by {sorted(run.served_while_down) or 'none'}")
    if not run.back_after_restart:
        raise SmokeFailure("nginx never sent a request to node A after it restarted")
    scenario.finish(learner, run)
    from django.db import connection

    connection.close()  # read what the nodes wrote, not a cached view
    code = scenario.check_attempt(run)
    display_code = scenario.check_certificate(learner, stack, code)
    scenario.check_media(stack)
    scenario.check_private_upload(learner, stack)
    served = ", ".join(f"{name} {learner.served_by[node.address]}" for name, node in (("A", node_a), ("B", node_b)))
    return (
        f"PASS — 2 gunicorn nodes behind nginx, node A killed at answer {run.killed_at}/{run.total} and restarted; "
        f"{run.log.saved}/{run.total} answers kept ({run.log.retries} saves pressed again), graded once, "
        f"certificate {display_code} verifies, media 200, private 404 via nginx (requests served: {served}; "
        f"{learner.failed_over} passed on by nginx from a dead node)"
    )


def main() -> int:
    nginx = os.environ.get("PROD_SMOKE_NGINX", "/usr/sbin/nginx")
    if not Path(nginx).is_file():
        say(f"FAIL — nginx is not installed at {nginx} (run `make prod-smoke`, which installs it)")
        return 1
    keep = os.environ.get("PROD_SMOKE_KEEP") == "1"
    tmp = Path(tempfile.mkdtemp(prefix="touchstone-prodsmoke-"))
    stack = Stack(tmp=tmp, database_url=DATABASE_URL, redis_url=REDIS_URL, nginx=nginx)

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    verdict, status = "", 1
    try:
        stack.prepare()
        verdict, status = smoke(stack), 0
    except SmokeFailure as failure:
        verdict = f"FAIL — {failure}"
    except KeyboardInterrupt:
        verdict = "FAIL — interrupted"
    except Exception as error:  # noqa: BLE001 - any surprise is a failed smoke, reported with its trace
        traceback.print_exc()
        verdict = f"FAIL — {error.__class__.__name__}: {error}"
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if status:
            show_logs(stack)
        problems = stack.close(keep=keep)
    if status and not keep:
        verdict += " (rerun with PROD_SMOKE_KEEP=1 to keep the logs)"
    elif keep:
        verdict += f" (logs kept in {tmp}/logs)"
    if problems:
        verdict += "; clean-up problems: " + "; ".join(problems)
        status = 1
    say(verdict)
    return status


if __name__ == "__main__":
    sys.exit(main())
