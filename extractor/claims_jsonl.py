"""Claims JSONL, the input of the record side: one claim record a line, as ``claims
extract`` writes it. One reader for reconcile, diff and the database loader; it never
imports spaCy."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from .models import Claim

CLAIM_KEYS = frozenset({"id", "doc_id", "mention", "amount"})  # what tells a claim record from an article record


class InvalidRecord(ValueError):
    """A line that is not a claim record; ``field`` is the dotted path of the first fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


class ClaimsFileError(ValueError):
    """A claims file that cannot be read, or a line of it that is not a claim record; the
    message is one line (``FILE:LINE: invalid claim record: field: why``)."""


def parse_claim(line: str | bytes) -> Claim:
    """The claim record of one JSONL line (InvalidRecord if it is none: not UTF-8, not
    JSON, or not valid, naming the first field at fault and how many more there are)."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidRecord("record", f"not UTF-8: byte {exc.start + 1} of the line is invalid") from exc
    try:
        return Claim.model_validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "record"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise InvalidRecord(where, f"{first['msg']}{more}") from exc


def read_claims(path: Path) -> Iterator[Claim]:
    """The claim records of a file, streaming, in file order; ClaimsFileError at the first
    line that is not one (blank lines are skipped)."""
    try:
        with open(path, "rb") as lines:
            for number, raw in enumerate(lines, 1):
                if not raw.strip():
                    continue
                try:
                    yield parse_claim(raw)
                except InvalidRecord as exc:
                    raise ClaimsFileError(f"{path}:{number}: invalid claim record: {exc}") from exc
    except OSError as exc:
        raise ClaimsFileError(f"{path}: cannot read claims: {exc.strerror or exc}") from exc


def is_claims_file(path: Path) -> bool:
    """Whether ``path`` holds claim records (its first non-blank line is a JSON object with
    a claim's keys), as opposed to article records or an unreadable file."""
    try:
        with open(path, "rb") as lines:
            first = next((line for line in lines if line.strip()), b"")
        record = json.loads(first)
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and CLAIM_KEYS <= record.keys()
