"""Prices as listings show them. A pure function: no database, easy to test exhaustively."""

from decimal import Decimal

CURRENCY_SYMBOLS = {"USD": "$", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "GBP": "£", "EUR": "€"}


def format_money(amount: Decimal | None, currency: str) -> str:
    """$395, $49.50, CA$120, or "Free" for nothing to pay."""
    if amount is None:
        return ""
    if amount == 0:
        return "Free"
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    whole = amount == amount.to_integral_value()
    return f"{symbol}{amount:,.0f}" if whole else f"{symbol}{amount:,.2f}"
