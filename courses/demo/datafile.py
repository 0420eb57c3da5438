"""Strict reading of demo data files: YAML in, checked Python values out, or an error naming the place.

The demo content (courses here, questions and quizzes in quizzes.demo) is written as YAML so that authors
edit prose, not code. YAML forgives too much for that: a misspelt key would silently be ignored, `yes`
becomes True, `6.5` a binary fraction, `09:00` the number 540. Every value is therefore read through a
reader below that accepts exactly one shape and stops with the file and the place in it, for example
`swedish-technique-foundations/effleurage.yaml: body[4].technique.pressure: expected text, found 3.`

A reader is a function `(value, where) -> value`. `fields` reads a mapping with a fixed set of keys;
`call` does the same for the keyword arguments of a spec helper, so the helper's own signature decides
which keys are known and which are required, and the helper stays the one place that shapes the content.
"""

import inspect
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

Reader = Callable[[Any, str], Any]


class DemoDataError(ValueError):
    """A demo data file says something the loader cannot use."""


def inside(where: str, key: str) -> str:
    """The place of `key` inside `where`: `course.yaml: artwork`, then `course.yaml: artwork.sky`."""
    return f"{where}: {key}" if where.endswith(".yaml") else f"{where}.{key}"


def read_yaml(path: Path, *, name: str) -> Any:
    """The document in `path`; `name` is how errors refer to the file (relative to the data folder)."""
    try:
        with path.open(encoding="utf-8") as file:
            # The C parser when PyYAML has it (several times faster); both read YAML the same way.
            return yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise DemoDataError(f"{name}: the file is missing.") from None
    except yaml.YAMLError as error:
        raise DemoDataError(f"{name}: not valid YAML: {error}") from None


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise DemoDataError(f"{where}: expected text, found {value!r}.")
    return value


def boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise DemoDataError(f"{where}: expected true or false, found {value!r}.")
    return value


def whole_number(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DemoDataError(f"{where}: expected a whole number, found {value!r}.")
    return value


def fraction(value: Any, where: str) -> float:
    """A measurement such as a position on an image (0–1): a number, whole or not."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DemoDataError(f"{where}: expected a number, found {value!r}.")
    return value


def amount(value: Any, where: str) -> Decimal:
    """An exact amount (CE hours, points, a weight): a whole number, or a decimal written in quotes.

    An unquoted 0.5 would reach Python as a binary fraction; quoting keeps the decimal the author wrote.
    """
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DemoDataError(f'{where}: write a whole number, or a decimal in quotes such as "0.5"; found {value!r}.')
    try:
        return Decimal(value)
    except InvalidOperation:
        raise DemoDataError(f"{where}: {value!r} is not a number.") from None


def optional(reader: Reader) -> Reader:
    """`reader`, or None when the file says null."""

    def read(value: Any, where: str) -> Any:
        return None if value is None else reader(value, where)

    return read


def list_of(reader: Reader) -> Reader:
    def read(value: Any, where: str) -> list:
        if not isinstance(value, list):
            raise DemoDataError(f"{where}: expected a list, found {value!r}.")
        return [reader(item, f"{where}[{position}]") for position, item in enumerate(value)]

    return read


def one_of(choices: type[Enum]) -> Reader:
    """A member of an enumeration (a TextChoices), written as its value."""

    def read(value: Any, where: str) -> Enum:
        try:
            return choices(value)
        except ValueError:
            allowed = ", ".join(str(member.value) for member in choices)
            raise DemoDataError(f"{where}: {value!r} is not one of {allowed}.") from None

    return read


def mapping(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise DemoDataError(f"{where}: expected a mapping of names to values, found {value!r}.")
    return value


def fields(value: Any, where: str, *, required: dict[str, Reader], optional: dict[str, Reader] = None) -> dict:
    """A mapping with every required key, no key outside `required` and `optional`, each value read."""
    value = mapping(value, where)
    readers = {**required, **(optional or {})}
    unknown = sorted(str(key) for key in value if key not in readers)
    if unknown:
        raise DemoDataError(f"{where}: unknown key(s) {', '.join(unknown)}; expected {', '.join(readers)}.")
    missing = [key for key in required if key not in value]
    if missing:
        raise DemoDataError(f"{where}: missing key(s) {', '.join(missing)}.")
    return {key: readers[key](item, inside(where, key)) for key, item in value.items()}


def call(helper: Callable, value: Any, where: str, readers: dict[str, Reader]) -> Any:
    """`helper(**values)` with the values read from a mapping whose keys are the helper's parameters.

    Parameters with a default may be left out; `readers` names how to read each parameter and must cover
    the helper's signature exactly (a mismatch is a programming error, not a data error).
    """
    parameters = inspect.signature(helper).parameters
    if set(parameters) != set(readers):
        raise TypeError(f"Readers for {helper.__name__} do not match its parameters: {sorted(readers)}.")
    required = {name: readers[name] for name, p in parameters.items() if p.default is inspect.Parameter.empty}
    defaults = {name: readers[name] for name, p in parameters.items() if p.default is not inspect.Parameter.empty}
    return helper(**fields(value, where, required=required, optional=defaults))


def one_key(value: Any, where: str, choices: dict[str, Reader]) -> Any:
    """A mapping with exactly one key, naming which reader reads its value: `- section: Heading`."""
    value = mapping(value, where)
    if len(value) != 1:
        raise DemoDataError(f"{where}: expected one of {', '.join(choices)} as the only key, found {list(value)}.")
    ((key, item),) = value.items()
    if key not in choices:
        raise DemoDataError(f"{where}: unknown kind {key!r}; expected one of {', '.join(choices)}.")
    return choices[key](item, inside(where, key))
