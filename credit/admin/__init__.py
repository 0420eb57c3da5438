"""Wagtail admin for credit, one module per concern; `credit/wagtail_hooks.py` registers them.

- `snippets`: the editable CE rules (approving bodies, renewal requirements).
- `ledger`: the read-only credit records and outside CE, with the certificate status column.
- `views`: the ledger's index and inspect views, and certificate revoke and reissue.
- `deletion`: why a course that carries credit can't be deleted.

Nothing is imported here: Django's admin autodiscovery imports `credit.admin` at start-up.
"""
