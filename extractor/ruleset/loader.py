"""One loader and one cache for every rule file: read (JSON or JSONL), validate with the
file's schema, and say which file and which key is wrong when it does not validate.

Rules ship inside the wheel as ``extractor/rules``; in a source checkout they are the
top-level ``rules/`` folder; ``CLAIMS_RULES`` (or a component's ``rules`` setting) points at
another folder.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError


class RuleError(ValueError):
    """A rule file is missing, unreadable or does not validate; the message names the file
    and the key."""


T = TypeVar("T", bound=BaseModel)


def rules_dir(directory: str | Path | None = None) -> Path:
    """The folder the rules are read from: ``directory``, else ``CLAIMS_RULES``, else the
    packaged rules."""
    if directory:
        return Path(directory)
    if os.environ.get("CLAIMS_RULES"):
        return Path(os.environ["CLAIMS_RULES"])
    return _packaged()


@lru_cache(maxsize=1)
def _packaged() -> Path:
    """The packaged rules (resolved once: rule accessors are called in hot loops)."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "rules"
    return packaged if packaged.is_dir() else package.parent / "rules"


def read(name: str, directory: str | Path | None = None) -> object:
    """The parsed content of one rule file (a JSONL file gives a list of rows)."""
    path = rules_dir(directory) / name
    try:
        text = path.read_text(encoding="utf-8")
        if name.endswith(".jsonl"):
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        return json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleError(f"cannot read rule file {path}: {exc}") from exc


def describe(exc: ValidationError) -> str:
    """A pydantic validation error as 'key: message' lines, keys written as paths
    (``cues.verbs``, ``patterns.3.pattern``)."""
    lines = []
    for err in exc.errors():
        key = ".".join(str(part) for part in err["loc"]) or "(top level)"
        message = err["msg"].removeprefix("Value error, ")
        lines.append(f"key {key}: {message}")
    return "; ".join(lines)


def validate(model: type[T], name: str, data: object, directory: str | Path | None = None) -> T:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RuleError(f"rule file {rules_dir(directory) / name} is invalid: {describe(exc)}") from exc


_cache: dict[tuple[Path, str, type], object] = {}
generation = 0  # counts clear_cache() calls: accessors that keep their own shortcut check it


def memo(name: str, model: type[T], shortcut: dict[tuple[str | None, int], T], directory: str | Path | None = None) -> T:
    """``load`` with a shortcut for rule accessors called in hot loops: the rules of the
    default folder are looked up once per CLAIMS_RULES value and cache generation."""
    if directory is not None:
        return load(name, model, directory)
    key = (os.environ.get("CLAIMS_RULES"), generation)
    if key not in shortcut:
        shortcut.clear()
        shortcut[key] = load(name, model)
    return shortcut[key]


def load(name: str, model: type[T], directory: str | Path | None = None) -> T:
    """The rule file ``name`` validated by ``model``, read once per process and folder."""
    key = (rules_dir(directory), name, model)
    if key not in _cache:
        _cache[key] = validate(model, name, read(name, directory), directory)
    return _cache[key]  # type: ignore[return-value]


def clear_cache() -> None:
    """Forget every loaded rule file (tests that edit rules call this)."""
    global generation
    _cache.clear()
    generation += 1
