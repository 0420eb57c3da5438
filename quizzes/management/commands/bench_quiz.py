"""Time the quiz engine beside a bare Django view in the same run, and print the ratios."""

from django.core.management.base import BaseCommand, CommandError

from quizzes.benchmark import run


class Command(BaseCommand):
    help = (
        "Benchmark grading a quiz attempt in-process, submitting one over HTTP, saving an answer and rendering "
        "a page, each beside a bare Django view measured in the same run. Runs inside a transaction that is "
        "rolled back: the database is left as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=int, default=50, help="Questions in the attempt (default 50).")
        parser.add_argument("--rounds", type=int, default=30, help="Timed repetitions of each operation.")

    def handle(self, *args, questions: int, rounds: int, **options):
        if questions < 6 or rounds < 1:
            raise CommandError("Use at least 6 questions (one of each type) and at least 1 round.")
        self.stdout.write(
            f"Benchmarking a {questions}-question quiz, {rounds} rounds each (median and 95th percentile)."
        )
        rows = run(questions=questions, rounds=rounds)
        width = max(len(timing.name) for timing, _ in rows)
        self.stdout.write(f"\n{'operation':<{width}}  {'median':>10}  {'p95':>10}  {'× bare view':>12}")
        for timing, ratio in rows:
            self.stdout.write(f"{timing.name:<{width}}  {timing.median:>8.2f}ms  {timing.p95:>8.2f}ms  {ratio:>11.1f}×")
        self.stdout.write(
            "\nRatios compare each median with the bare view's: the cost of the quiz engine on top of Django's "
            "own request handling on this machine."
        )
