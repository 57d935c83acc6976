"""The building blocks of every rule schema: strict models, regexes compiled when the rules
are validated, word lists without repeats, and a ``limits`` block for numbers."""
from __future__ import annotations

import re
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

T = TypeVar("T")


class Strict(BaseModel):
    """A rule schema: a key that the schema does not know is an error (a misspelt key would
    otherwise be ignored in silence)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    about: str | None = Field(None, description="what this block holds, for the people who edit it")


class RuleFile(Strict):
    """The top level of a rule file: every file says what it holds in ``about``."""

    about: str


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
    return pattern


def _unique(items: list[T]) -> list[T]:
    seen: set[Any] = set()
    repeated = []
    for item in items:
        key = item if isinstance(item, str) else repr(item)
        if key in seen:
            repeated.append(item)
        seen.add(key)
    if repeated:
        raise ValueError(f"listed more than once: {', '.join(map(repr, repeated))}")
    return items


Regex = Annotated[str, AfterValidator(_compiles)]
"""A regular expression, kept as text (components compose bigger patterns from it) and
checked to compile when the rule file is validated."""

Words = Annotated[list[str], AfterValidator(_unique)]
"""A list of words or phrases in which no entry repeats."""

Regexes = Annotated[list[Regex], AfterValidator(_unique)]
"""A list of regular expressions, each checked to compile, none repeated."""
