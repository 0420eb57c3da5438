"""Benchmark the whole site as production runs it: PostgreSQL, gunicorn and a real load generator (wrk)."""

from django.core.management.base import BaseCommand, CommandError

from home.bench import report
from home.bench.load import LoadError
from home.bench.run import Options, run
from home.bench.stack import DEFAULT_DATABASE_URL, StackError


class Command(BaseCommand):
    help = (
        "Create a fresh PostgreSQL database, load the demo, start gunicorn with production settings and drive "
        "each page with wrk (quiz autosave and submit with signed-in learners), beside a bare Django view "
        "measured first and last. Prints req/s, p50, p95, p99, the ratio to the bare view and each page's "
        "target; exits non-zero if any answer was not a 2xx. See docs/performance.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="Seconds of load per page (default 10).")
        parser.add_argument("--connections", type=int, default=20, help="Open connections (default 20).")
        parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2).")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2).")
        parser.add_argument(
            "--database-url",
            default=DEFAULT_DATABASE_URL,
            help=f"The PostgreSQL database to create afresh and drop afterwards (default {DEFAULT_DATABASE_URL}).",
        )
        parser.add_argument("--keep-database", action="store_true", help="Leave the database in place afterwards.")

    def handle(self, *args, duration, connections, threads, workers, database_url, keep_database, **options):
        chosen = Options(
            duration=duration,
            connections=connections,
            threads=threads,
            workers=workers,
            database_url=database_url,
            keep_database=keep_database,
        )
        problems = chosen.problems()
        if problems:
            raise CommandError(" ".join(problems))
        try:
            rows = run(chosen, write=self.stdout.write)
        except (StackError, LoadError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"\n{connections} connections, {threads} wrk threads, {workers} gunicorn workers, {duration} s per page."
        )
        self.stdout.write(report.table(rows))
        failed = report.failures(rows)
        if failed:
            raise CommandError("Some requests did not succeed:\n  " + "\n  ".join(failed))
        self.stdout.write(self.style.SUCCESS("Every answer was a 2xx (or the redirect a quiz submit gives)."))
