"""The tool's words for what went wrong: validation errors, counts and suggestions.

pydantic reports in its own English ("Input should be a valid tuple"). Users see the
field, what is expected there and what they wrote, in words that fit a YAML file or a
spreadsheet. Errors are matched by their pydantic *type*, never by their English text.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from tdkt_docs.errors import Problem
from tdkt_docs.models import field_names

SUGGESTION_CUTOFF = 0.6
"""How alike a misspelt key and a real one must be (difflib ratio) to be suggested."""


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` with its noun: "1 file", "2 files", "0 rows".

    >>> plural(1, "file"), plural(2, "file"), plural(3, "entry", "entries")
    ('1 file', '2 files', '3 entries')
    """
    noun = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {noun}"


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """ "; did you mean 'recipients'?" for a near miss, else "".

    >>> did_you_mean("recipents", ["recipients", "body"])
    "; did you mean 'recipients'?"
    >>> did_you_mean("xyz", ["recipients", "body"])
    ''
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=SUGGESTION_CUTOFF)
    return f"; did you mean {close[0]!r}?" if close else ""


def field_path(loc: Sequence[int | str]) -> str:
    """``('signer', 'authority', 0)`` → ``signer.authority[0]``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _shown(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a group of fields"
    if isinstance(value, list | tuple):
        return "a list"
    return repr(value)


def _fields(model: type[BaseModel] | None, loc: tuple[int | str, ...]) -> tuple[str, ...]:
    return field_names(model, loc) if model is not None else ()


_EXPECTED: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"tuple_type", "list_type", "set_type"}), "must be a list, one item per line"),
    (frozenset({"int_parsing", "int_type", "int_from_float"}), "expected a whole number"),
    (frozenset({"float_parsing", "float_type", "decimal_parsing", "decimal_type"}),
     "expected a number"),
    (frozenset({"string_type", "string_unicode"}), "expected text"),
    (frozenset({"bool_parsing", "bool_type"}), "expected true or false"),
    (frozenset({"string_pattern_mismatch"}), "is not in the expected form"),
    (frozenset({"date_parsing", "date_type", "date_from_datetime_parsing"}),
     "expected a date, YYYY-MM-DD"),
)  # fmt: skip
"""Error types whose message is "what is expected, got what was found"."""
_BOUNDS = {
    "greater_than_equal": ("must be at least", "ge"),
    "greater_than": ("must be more than", "gt"),
    "less_than_equal": ("must be at most", "le"),
    "less_than": ("must be less than", "lt"),
}
_ITEM_COUNTS = {
    "too_short": ("must have at least", "min_length"),
    "too_long": ("must have at most", "max_length"),
}


def error_message(error: Mapping[str, Any], model: type[BaseModel] | None = None) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) in the tool's words.

    ``model`` is the model that was validated: it lets an unknown key get a suggestion and
    a value that should be a group name its fields.
    """
    kind = str(error["type"])
    context: Mapping[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    got = f", got {_shown(value)}"
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        if " " in key.strip() or not key.isascii():
            # No field name has spaces or Vietnamese letters: this is the tail of a value
            # that a comma split in a one-line {…} mapping ("position: Phó Giám đốc, Ủy viên").
            return (
                f"{key!r} is not a field: a comma inside {{ … }} or [ … ] ends the value "
                "before it; put the whole value in quotes, or write one field per line"
            )
        return (
            "unknown field (check the spelling against the input format in README.md)"
            + did_you_mean(key, _fields(model, loc[:-1]))
        )
    if kind in {"value_error", "assertion_error"}:
        # Our own validators' words; pydantic prefixes them with "Value error, ".
        message = str(context.get("error") or error["msg"])
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        return message
    if kind in {"dict_type", "model_type", "model_attributes_type", "dataclass_type"}:
        names = _fields(model, loc)
        fields = f" ({', '.join(names)})" if names else ""
        return f"must be a group of fields{fields}, one 'name: value' per line{got}"
    if kind == "literal_error":
        expected = str(context.get("expected", "")).replace("' or '", "', '")
        return f"expected one of {expected}{got}"
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        return f"{words} {context.get(key)}{got}"
    if kind in _ITEM_COUNTS:
        # Only lists carry pydantic length limits here; text limits have their own words.
        words, key = _ITEM_COUNTS[kind]
        return f"{words} {plural(int(context.get(key, 0)), 'item')}"
    for kinds, words in _EXPECTED:
        if kind in kinds:
            return f"{words}{got}"
    # Anything else: pydantic's words without its "Input should be" opening.
    message = str(error["msg"])
    message = message.replace("Input should be", "expected").replace("input should be", "expected")
    return f"{message[0].lower()}{message[1:]}{got}"


def problems_from(
    exc: ValidationError,
    source: str | None,
    prefix: tuple[int | str, ...] = (),
    *,
    model: type[BaseModel] | None = None,
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, with readable field paths and messages.

    ``model`` is the validated model (for suggestions); ``prefix`` is put before each path
    when the model validated a part of a larger file (``agency`` of a document).
    """
    problems = []
    for error in exc.errors():
        loc = tuple(
            p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        problems.append(
            Problem(
                source,
                field_path(prefix + loc),
                error_message(error, model),
                kind=str(error["type"]),
            )
        )
    return problems
