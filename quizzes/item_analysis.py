"""Item analysis formulas (Moodle's quiz statistics), as pure functions over sufficient statistics.

The database sums scores for us (n, Σx, Σx², Σxy, …, see :mod:`quizzes.statistics_queries`); these
functions turn the sums into figures. No Django, no database, so each formula is tested against numpy and
scipy computing the textbook definition.

Variances: every standard deviation, variance and covariance here is the *sample* one (divided by
n − 1), as Moodle reports them. Cronbach's α divides the item variances by the total variance, so any
common divisor cancels: α with sample variances equals α with population variances. Pearson's r and the
discriminative efficiency are ratios of covariances and likewise do not depend on the divisor.

Sums may be ints (the statistics sum scores in cents, so the database adds exact integers) or floats;
the numerators ``n·Σx² − (Σx)²`` are formed before any division, so ints stay exact until the end.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

Number = int | float


@dataclass(frozen=True)
class Sums:
    """Sufficient statistics of paired scores (x = one item's score, y = the rest of the test)."""

    n: int
    x: Number  # Σx
    xx: Number  # Σx²
    y: Number = 0  # Σy
    yy: Number = 0  # Σy²
    xy: Number = 0  # Σxy


def mean(n: int, total: Number) -> float | None:
    return total / n if n else None


def _centred(n: int, sum_a: Number, sum_b: Number, sum_ab: Number) -> Number:
    """n · Σ(a − ā)(b − b̄), computed as n·Σab − Σa·Σb (exact for ints)."""
    return n * sum_ab - sum_a * sum_b


def variance(n: int, total: Number, squares: Number) -> float | None:
    """Sample variance s² = Σ(x − x̄)² / (n − 1); None below two scores."""
    if n < 2:
        return None
    return max(_centred(n, total, total, squares), 0) / (n * (n - 1))


def sd(n: int, total: Number, squares: Number) -> float | None:
    """Sample standard deviation s = √s² (Moodle's SD)."""
    value = variance(n, total, squares)
    return None if value is None else math.sqrt(value)


def covariance(n: int, sum_x: Number, sum_y: Number, sum_xy: Number) -> float | None:
    """Sample covariance Σ(x − x̄)(y − ȳ) / (n − 1)."""
    if n < 2:
        return None
    return _centred(n, sum_x, sum_y, sum_xy) / (n * (n - 1))


def facility(n: int, total: Number, max_score: Number) -> float | None:
    """Mean score as a percentage of the maximum (Moodle's facility index)."""
    if not n or not max_score:
        return None
    return 100 * total / (n * max_score)


def pearson(sums: Sums) -> float | None:
    """Pearson's r between x and y; None when either has no spread (r is undefined)."""
    if sums.n < 2:
        return None
    sxx = _centred(sums.n, sums.x, sums.x, sums.xx)
    syy = _centred(sums.n, sums.y, sums.y, sums.yy)
    if sxx <= 0 or syy <= 0:
        return None
    r = _centred(sums.n, sums.x, sums.y, sums.xy) / math.sqrt(sxx * syy)
    return max(-1.0, min(1.0, r))


def rest_of_test(
    *, n: int, item: Number, item_squares: Number, total: Number, total_squares: Number, item_total: Number
) -> Sums:
    """The sums of (item, rest of test) from those of (item, total score): rest = total − item, so
    Σy = Σt − Σx, Σy² = Σt² − 2Σxt + Σx² and Σxy = Σxt − Σx²."""
    return Sums(
        n=n,
        x=item,
        xx=item_squares,
        y=total - item,
        yy=total_squares - 2 * item_total + item_squares,
        xy=item_total - item_squares,
    )


def discrimination(sums: Sums) -> float | None:
    """Moodle's discrimination index: 100 × r(item, rest of test)."""
    r = pearson(sums)
    return None if r is None else 100 * r


def sorted_products(xs: Mapping[Number, int], ys: Mapping[Number, int]) -> Number:
    """Σ x₍ᵢ₎·y₍ᵢ₎: the x values and the y values each sorted on its own and paired smallest with smallest,
    from how many times each value occurs (``{value: count}``, the same total count on both sides).

    Equal values are interchangeable, so walking the two sorted lists of distinct values and pairing as
    many as both still have gives the same sum as sorting every pair (exact for ints)."""
    xs_left, ys_left = iter(sorted(xs.items())), iter(sorted(ys.items()))
    total = 0
    x, x_count = next(xs_left, (0, 0))
    y, y_count = next(ys_left, (0, 0))
    while x_count and y_count:
        paired = min(x_count, y_count)
        total += paired * x * y
        x_count -= paired
        y_count -= paired
        if not x_count:
            x, x_count = next(xs_left, (0, 0))
        if not y_count:
            y, y_count = next(ys_left, (0, 0))
    return total


def _counts(values: Iterable[Number]) -> dict[Number, int]:
    counts: dict[Number, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def max_covariance(pairs: Iterable[tuple[Number, Number]]) -> float | None:
    """The largest covariance x and y could have with the same two sets of values: each sorted on its own
    and paired smallest with smallest (Moodle's C_max). Sample covariance, like :func:`covariance`."""
    pairs = list(pairs)
    n = len(pairs)
    if n < 2:
        return None
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    return _max_covariance(n, sum(xs), sum(ys), sorted_products(_counts(xs), _counts(ys)))


def _max_covariance(n: int, sum_x: Number, sum_y: Number, sorted_xy: Number) -> float | None:
    return None if n < 2 else _centred(n, sum_x, sum_y, sorted_xy) / (n * (n - 1))


def efficiency(sums: Sums, sorted_xy: Number) -> float | None:
    """Moodle's discriminative efficiency from the sums of (item, rest) and Σ x₍ᵢ₎·y₍ᵢ₎ (see
    :func:`sorted_products`): 100 × cov(item, rest) / C_max(item, rest). None when C_max is 0."""
    ceiling = _max_covariance(sums.n, sums.x, sums.y, sorted_xy)
    if not ceiling or ceiling <= 0:
        return None
    return 100 * covariance(sums.n, sums.x, sums.y, sums.xy) / ceiling


def discriminative_efficiency(pairs: Sequence[tuple[Number, Number]]) -> float | None:
    """Moodle's discriminative efficiency: 100 × cov(item, rest) / C_max(item, rest), the discrimination
    as a percentage of the most the item could reach given how its scores and the rest's are spread.
    ``pairs`` are (item score, rest-of-test score) per attempt. None when C_max is 0 (no spread)."""
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    sums = Sums(n=len(pairs), x=sum(xs), xx=0, y=sum(ys), xy=sum(x * y for x, y in pairs))
    return efficiency(sums, sorted_products(_counts(xs), _counts(ys)))


def cronbach_alpha(item_variances: Sequence[float], total_variance: float | None) -> float | None:
    """Cronbach's α = k/(k − 1) · (1 − Σ s²ᵢ / s²ₜ) over k items (positions) that every attempt has.

    With items scored right or wrong (0 or their points) this is KR-20. Pass sample variances for both
    (or population variances for both: the divisor cancels). None for fewer than two items or no spread.
    """
    k = len(item_variances)
    if k < 2 or not total_variance or total_variance <= 0:
        return None
    return k / (k - 1) * (1 - sum(item_variances) / total_variance)


def standard_error(total_sd: float | None, alpha: float | None) -> float | None:
    """Standard error of measurement: SD of the total × √(1 − α), in the SD's units."""
    if total_sd is None or alpha is None or alpha > 1:
        return None
    return total_sd * math.sqrt(1 - alpha)


def median(values: Sequence[Number]) -> float | None:
    """The middle value of the sorted values (the mean of the two middle ones for an even count)."""
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        return None
    middle = n // 2
    if n % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def median_positions(n: int) -> tuple[int, int]:
    """The 1-based positions of the middle value(s) among n sorted values (the same one for odd n)."""
    return (n + 1) // 2, n // 2 + 1


def third_positions(n: int) -> tuple[int, int] | None:
    """1-based positions, in ascending score order, of the bottom third's highest attempt and the top
    third's lowest one: thirds of ⌈n/3⌉ attempts each. None below three attempts."""
    if n < 3:
        return None
    size = -(-n // 3)
    return size, n - size + 1
