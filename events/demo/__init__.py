"""Demo providers, their accounts and their events, for `manage.py load_demo`.

The content is data: data/providers.yaml and data/events.yaml, read and checked by `spec` and
written to the database by `loader`. `load_demo` calls `load(stdout)` and lists the accounts it returns.
"""

from .loader import load

__all__ = ["load"]
