"""The item-analysis formulas against numpy and scipy computing the textbook definitions."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from quizzes import item_analysis as ia

# A response matrix: one row per attempt, one column per item, scores 0..max (whole points or cents).
matrices = st.integers(min_value=2, max_value=8).flatmap(
    lambda k: st.lists(st.lists(st.integers(min_value=0, max_value=4), min_size=k, max_size=k), min_size=2, max_size=40)
)
pairs = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 30)), min_size=2, max_size=50)


def sums_of(x, y):
    x, y = [int(v) for v in x], [int(v) for v in y]
    return ia.Sums(
        n=len(x),
        x=sum(x),
        xx=sum(v * v for v in x),
        y=sum(y),
        yy=sum(v * v for v in y),
        xy=sum(a * b for a, b in zip(x, y, strict=True)),
    )


def textbook_alpha(matrix):
    matrix = np.asarray(matrix, dtype=float)
    k = matrix.shape[1]
    return k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / matrix.sum(axis=1).var(ddof=1))


FIXED = [
    [1, 1, 1, 0, 1],
    [1, 0, 1, 0, 0],
    [1, 1, 1, 1, 1],
    [0, 0, 1, 0, 0],
    [1, 1, 0, 1, 1],
    [0, 0, 0, 0, 1],
    [1, 1, 1, 1, 0],
    [1, 0, 1, 0, 0],
]


def test_fixed_matrix_figures():
    matrix = np.array(FIXED)
    total = matrix.sum(axis=1)
    item = matrix[:, 1]
    rest = total - item
    s = sums_of(item, rest)
    assert ia.mean(s.n, s.x) == pytest.approx(item.mean())
    assert ia.sd(s.n, s.x, s.xx) == pytest.approx(item.std(ddof=1))
    assert ia.facility(s.n, s.x, 1) == pytest.approx(100 * item.mean())
    assert ia.pearson(s) == pytest.approx(stats.pearsonr(item, rest).statistic)
    assert ia.discrimination(s) == pytest.approx(100 * np.corrcoef(item, rest)[0, 1])
    cov = np.cov(item, rest, ddof=1)[0, 1]
    cov_max = np.cov(np.sort(item), np.sort(rest), ddof=1)[0, 1]
    assert ia.discriminative_efficiency(list(zip(item, rest, strict=True))) == pytest.approx(100 * cov / cov_max)
    variances = [ia.variance(len(matrix), int(col.sum()), int((col**2).sum())) for col in matrix.T]
    alpha = ia.cronbach_alpha(variances, ia.variance(len(total), int(total.sum()), int((total**2).sum())))
    assert alpha == pytest.approx(textbook_alpha(matrix))
    # KR-20 with p·q (population variances throughout) is the same number.
    p = matrix.mean(axis=0)
    k = matrix.shape[1]
    assert alpha == pytest.approx(k / (k - 1) * (1 - (p * (1 - p)).sum() / total.var(ddof=0)))
    assert ia.standard_error(total.std(ddof=1), alpha) == pytest.approx(total.std(ddof=1) * math.sqrt(1 - alpha))
    assert ia.median(total) == np.median(total)


@settings(max_examples=150, deadline=None)
@given(matrices)
def test_random_matrices_match_numpy(matrix):
    matrix = np.array(matrix)
    n, k = matrix.shape
    total = matrix.sum(axis=1)
    for column in matrix.T:
        rest = total - column
        s = ia.rest_of_test(
            n=n,
            item=int(column.sum()),
            item_squares=int((column**2).sum()),
            total=int(total.sum()),
            total_squares=int((total**2).sum()),
            item_total=int((column * total).sum()),
        )
        assert s == sums_of(column, rest)
        assert ia.variance(n, s.x, s.xx) == pytest.approx(column.var(ddof=1))
        if column.std() > 0 and rest.std() > 0:
            assert ia.discrimination(s) == pytest.approx(100 * stats.pearsonr(column, rest).statistic, abs=1e-9)
        else:
            assert ia.discrimination(s) is None
        cov_max = np.cov(np.sort(column), np.sort(rest), ddof=1)[0, 1]
        efficiency = ia.discriminative_efficiency(list(zip(column.tolist(), rest.tolist(), strict=True)))
        if cov_max > 0:
            assert efficiency == pytest.approx(100 * np.cov(column, rest, ddof=1)[0, 1] / cov_max, abs=1e-9)
            assert efficiency <= 100 + 1e-9
        else:
            assert efficiency is None
    variances = [ia.variance(n, int(c.sum()), int((c**2).sum())) for c in matrix.T]
    alpha = ia.cronbach_alpha(variances, ia.variance(n, int(total.sum()), int((total**2).sum())))
    if total.var() > 0:
        assert alpha == pytest.approx(textbook_alpha(matrix), abs=1e-9)
    else:
        assert alpha is None
    assert ia.median(total.tolist()) == pytest.approx(np.median(total))


@given(pairs)
def test_max_covariance_is_the_most_any_pairing_reaches(values):
    xs = [x for x, _ in values]
    ys = [y for _, y in values]
    ceiling = ia.max_covariance(values)
    assert ceiling == pytest.approx(np.cov(sorted(xs), sorted(ys), ddof=1)[0, 1], abs=1e-9)
    assert ia.covariance(len(xs), sum(xs), sum(ys), sum(x * y for x, y in values)) <= ceiling + 1e-9


@given(pairs)
def test_sorted_products_from_counts_equal_sorting_every_pair(values):
    """The statistics pass counts of each distinct score, not the scores: the same sum, exactly."""
    xs = [x for x, _ in values]
    ys = [y for _, y in values]
    counts_x = {x: xs.count(x) for x in set(xs)}
    counts_y = {y: ys.count(y) for y in set(ys)}
    expected = sum(x * y for x, y in zip(sorted(xs), sorted(ys), strict=True))
    assert ia.sorted_products(counts_x, counts_y) == expected
    sums = sums_of(xs, ys)
    assert ia.efficiency(sums, expected) == ia.discriminative_efficiency(values)


def test_degenerate_inputs_give_none():
    assert ia.variance(1, 3, 9) is None and ia.sd(0, 0, 0) is None
    assert ia.facility(0, 0, 1) is None and ia.facility(3, 2, 0) is None
    assert ia.pearson(ia.Sums(n=3, x=3, xx=3, y=1, yy=1, xy=1)) is None  # x is always 1
    assert ia.cronbach_alpha([1.0], 2.0) is None and ia.cronbach_alpha([1.0, 1.0], 0) is None
    assert ia.discriminative_efficiency([(1, 2), (1, 3)]) is None
    assert ia.standard_error(None, 0.5) is None and ia.standard_error(2.0, None) is None
    assert ia.median([]) is None


@pytest.mark.parametrize("n", range(1, 12))
def test_positions_of_the_median_and_the_thirds(n):
    values = list(range(10, 10 + n))
    low, high = ia.median_positions(n)
    assert (values[low - 1] + values[high - 1]) / 2 == np.median(values)
    thirds = ia.third_positions(n)
    if n < 3:
        assert thirds is None
    else:
        size = math.ceil(n / 3)
        assert thirds == (size, n - size + 1)
