"""Prices as listings show them: a pure rule, no database."""

from decimal import Decimal

import pytest

from events import money


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (Decimal("0"), "USD", "Free"),
        (Decimal("395.00"), "USD", "$395"),
        (Decimal("49.50"), "USD", "$49.50"),
        (Decimal("1250"), "USD", "$1,250"),
        (Decimal("120"), "CAD", "CA$120"),
        (Decimal("80"), "EUR", "€80"),
        (Decimal("80"), "CHF", "CHF 80"),
        (None, "USD", ""),
    ],
)
def test_money(amount, currency, text):
    assert money.format_money(amount, currency) == text
