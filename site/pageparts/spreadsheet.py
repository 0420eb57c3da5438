"""CSV cells a spreadsheet will not run.

Spreadsheet programs treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return)
as a formula, so a name or an answer typed as ``=HYPERLINK(…)`` would run when an instructor or a provider
opens an export (CSV injection). Every CSV export writes text through :func:`safe_cell`: such a cell gets a
leading quote and stays text.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The value as text a spreadsheet will not run ("" for None)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
