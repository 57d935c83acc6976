"""Load claim records extracted earlier (claims JSONL) into a ClaimStore.

A claim record carries no content hash, so each document's is derived from its records:
the sha256 of their lines as given (``documents.hash_of = 'claims'``). Loading the same
records again changes nothing; changed records for a doc_id supersede the old ones.
"""
from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from pydantic import ValidationError

from .. import __version__
from ..models import Claim, DocumentInfo
from .rows import RecordError, check_claim
from .store import ClaimStore


BATCH = 2000  # claims per transaction


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
    if "\\u0000" in line:
        raise RecordError("record", "holds a NUL character (\\u0000), which PostgreSQL text cannot store")
    try:
        claim = Claim.model_validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "record"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise RecordError(where, f"{first['msg']}{more}") from exc
    check_claim(claim)
    return claim


@dataclass
class Group:
    """The valid records of one doc_id, the file it first appears in, and the running
    hash of the records' lines as given."""

    path: Path
    claims: list[Claim] = field(default_factory=list)
    digest: Any = field(default_factory=hashlib.sha256)


def read_claims(paths: Iterable[Path], rejected: list[BadRecord]) -> dict[str, Group]:
    """Valid records grouped by doc_id in order of first appearance; each bad line, and a
    repeated claim id, is appended to ``rejected`` and left out."""
    grouped: dict[str, Group] = {}
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
                group = grouped.setdefault(claim.doc_id, Group(path))
                group.claims.append(claim)
                group.digest.update(line.encode("utf-8") + b"\n")
    return grouped


def derived_document(doc_id: str, group: Group) -> DocumentInfo:
    """DocumentInfo of records without their article: the content hash is the sha256 of
    the records' lines, the publisher the outermost publisher hop of their chains."""
    publisher = next((h.source for c in group.claims for h in c.attribution.chain if h.type == "publisher"), None)
    return DocumentInfo(doc_id=doc_id, path=str(group.path), content_hash=group.digest.hexdigest(), publisher=publisher,
                        extractor_version=f"unknown (loaded by claims {__version__})")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: records are acyclic, and collecting while tens
    of thousands of them stay alive costs more than parsing them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_claims(store: ClaimStore, paths: list[Path], resume: bool = False, batch: int = BATCH) -> LoadReport:
    """Load claims JSONL files in transactions of whole documents (about ``batch`` claims
    each), so that a run killed half way leaves every committed document whole. With
    ``resume`` documents already current in the store are skipped. Bad records are
    reported, not loaded; the rest of their document and batch are."""
    report = LoadReport()
    done = store.done() if resume else set()
    pending: list[tuple[DocumentInfo, list[Claim]]] = []
    size = 0
    with paused_gc():
        for doc_id, group in read_claims(paths, report.rejected).items():
            info = derived_document(doc_id, group)
            if info.content_hash in done:
                report.skipped += 1
                continue
            pending.append((info, group.claims))
            report.documents += 1
            report.claims += len(group.claims)
            size += len(group.claims)
            if size >= batch:
                store.write_many(pending, hash_of="claims")
                pending, size = [], 0
        store.write_many(pending, hash_of="claims")
    return report
