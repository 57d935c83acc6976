"""Load claim records extracted earlier (claims JSONL) into a ClaimStore.

A claim record carries no content hash, so each document's is derived from its records:
the sha256 of their sorted JSON (``documents.hash_of = 'claims'``). Loading the same
records again changes nothing; changed records for a doc_id supersede the old ones.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from .. import __version__
from ..models import Claim, DocumentInfo
from .rows import RecordError, claim_row
from .store import ClaimStore


@dataclass
class BadRecord:
    """A line that was not loaded, and why."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass
class LoadReport:
    documents: int = 0
    skipped: int = 0
    claims: int = 0
    rejected: list[BadRecord] = field(default_factory=list)


def parse_line(line: str) -> Claim:
    """A claim record from one JSONL line, checked as the schema checks it; RecordError
    names the first field at fault."""
    try:
        claim = Claim.model_validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "record"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise RecordError(where, f"{first['msg']}{more}") from exc
    claim_row(claim, "")
    return claim


def read_claims(paths: Iterable[Path], rejected: list[BadRecord]) -> dict[str, tuple[Path, list[Claim]]]:
    """Valid records grouped by doc_id (with the file the doc_id first appears in), in
    order of first appearance; each bad line, and a repeated claim id, is appended to
    ``rejected`` and left out."""
    grouped: dict[str, tuple[Path, list[Claim]]] = {}
    seen: dict[tuple[str, str], str] = {}
    for path in paths:
        with open(path, encoding="utf-8") as stream:
            for number, line in enumerate(map(str.strip, stream), 1):
                if not line:
                    continue
                try:
                    claim = parse_line(line)
                except RecordError as exc:
                    rejected.append(BadRecord(str(path), number, exc.field, exc.message))
                    continue
                where = f"{path}:{number}"
                first = seen.setdefault((claim.doc_id, claim.id), where)
                if first != where:
                    rejected.append(BadRecord(str(path), number, "id", f"claim {claim.id} repeats the record of {first}"))
                    continue
                grouped.setdefault(claim.doc_id, (path, []))[1].append(claim)
    return grouped


def derived_document(doc_id: str, claims: list[Claim], source: Path) -> DocumentInfo:
    """DocumentInfo of records without their article: the content hash is derived from
    the records, the publisher from the outermost publisher hop of their chains."""
    digest = hashlib.sha256("\n".join(sorted(c.model_dump_json() for c in claims)).encode("utf-8")).hexdigest()
    publisher = next((h.source for c in claims for h in c.attribution.chain if h.type == "publisher"), None)
    return DocumentInfo(doc_id=doc_id, path=str(source), content_hash=digest, publisher=publisher,
                        extractor_version=f"unknown (loaded by claims {__version__})")


def load_claims(store: ClaimStore, paths: list[Path], resume: bool = False) -> LoadReport:
    """Load claims JSONL files, one transaction per document. With ``resume`` documents
    already current in the store are skipped. Bad records are reported, not loaded; the
    rest of their document and batch are."""
    report = LoadReport()
    grouped = read_claims(paths, report.rejected)
    done = store.done() if resume else set()
    for doc_id, (source, claims) in grouped.items():
        info = derived_document(doc_id, claims, source)
        if info.content_hash in done:
            report.skipped += 1
            continue
        store.write(info, claims, hash_of="claims")
        report.documents += 1
        report.claims += len(claims)
    return report
