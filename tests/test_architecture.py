"""The import-linter contracts in pyproject.toml hold: dependencies point down the layers, and the pure
cores (scoring, rules, completion) import no models. `make lint` runs the same check as `lint-imports`."""

from pathlib import Path

from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_import_contracts_are_kept():
    # 0 means every contract is kept; the broken ones are printed to stdout, so pytest shows them.
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0
