"""The benchmark's table: each page's requests per second, p50, p99, its ratio to the bare view, and its target.

The ratio compares a page's requests per second with a bare Django view's, served by the same gunicorn
through the same middleware in the same run (measured first and last; the ratio uses their mean), so it
says how much the page itself costs whatever the machine. Targets are printed, not enforced: on a
busy machine a page can fall below target without anything being wrong with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .load import Measurement


@dataclass(frozen=True)
class Target:
    """What a page should reach: a share of the bare view's requests per second, and latency ceilings (ms)."""

    min_ratio: float | None = None
    max_p95: float | None = None
    max_p99: float | None = None

    def describe(self) -> str:
        parts = []
        if self.min_ratio is not None:
            parts.append(f"≥ {self.min_ratio:.0%} of bare")
        if self.max_p95 is not None:
            parts.append(f"p95 < {self.max_p95:.0f} ms")
        if self.max_p99 is not None:
            parts.append(f"p99 < {self.max_p99:.0f} ms")
        return ", ".join(parts)


ANONYMOUS_PAGE = Target(min_ratio=0.5, max_p99=50)
SIGNED_IN_MODULE = Target(min_ratio=0.2)
DASHBOARD = Target(min_ratio=0.1)
QUIZ_ACTION = Target(max_p95=100)


@dataclass
class Row:
    name: str
    measurement: Measurement
    target: Target | None = None
    ratio: float | None = None

    def meets_target(self) -> bool | None:
        """True or False against the target; None when the row has none."""
        target, m = self.target, self.measurement
        if target is None:
            return None
        checks = []
        if target.min_ratio is not None:
            checks.append(self.ratio is not None and self.ratio >= target.min_ratio)
        if target.max_p95 is not None:
            checks.append(m.p95 < target.max_p95)
        if target.max_p99 is not None:
            checks.append(m.p99 < target.max_p99)
        return all(checks) and not m.failed

    def verdict(self) -> str:
        met = self.meets_target()
        if met is None:
            return ""
        return f"{'meets target' if met else 'below target'} ({self.target.describe()})"


def bare_rate(bare_rows: list[Row]) -> float:
    """The bare view's requests per second: the mean of its measurements in this run."""
    rates = [row.measurement.per_second for row in bare_rows]
    return sum(rates) / len(rates) if rates else 0.0


def with_ratios(rows: list[Row], *, bare: float) -> list[Row]:
    for row in rows:
        row.ratio = row.measurement.per_second / bare if bare else None
    return rows


def failures(rows: list[Row]) -> list[str]:
    """One line per row that had an answer other than a 2xx, or a connection that failed."""
    lines = []
    for row in rows:
        m = row.measurement
        if not m.requests and not m.not_2xx:
            lines.append(f"{row.name}: no request completed")
        if m.not_2xx:
            lines.append(f"{row.name}: {m.not_2xx} answers were not 2xx (status {', '.join(m.statuses) or '?'})")
        if m.socket_errors:
            lines.append(f"{row.name}: {m.socket_errors} connections failed or timed out")
    return lines


def table(rows: list[Row]) -> str:
    width = max([len(row.name) for row in rows] + [4])
    header = f"{'page':<{width}}  {'req/s':>8}  {'p50 ms':>8}  {'p95 ms':>8}  {'p99 ms':>8}  {'× bare':>7}  target"
    lines = [header, "-" * len(header)]
    for row in rows:
        m = row.measurement
        ratio = f"{row.ratio:.0%}" if row.ratio is not None else "—"
        line = (
            f"{row.name:<{width}}  {m.per_second:>8.1f}  {m.p50:>8.1f}  {m.p95:>8.1f}  {m.p99:>8.1f}  {ratio:>7}  "
            f"{row.verdict()}"
        )
        lines.append(line.rstrip())
    return "\n".join(lines)
