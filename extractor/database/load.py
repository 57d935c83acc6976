"""Load claim records extracted earlier (claims JSONL) into a ClaimStore.

A claim record carries no content hash, so each document's is derived from its records:
the sha256 of their lines as given (``documents.hash_of = 'claims'``). Loading the same
records again changes nothing; changed records for a doc_id supersede the old ones.

The lines of each document are gathered without parsing (its doc_id is found by a
pattern), so that a large input can be parsed, validated and turned into rows in a worker
process while this one writes to the database; memory holds the documents in flight, not
the file.
"""
from __future__ import annotations

import gc
import hashlib
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from .. import __version__
from ..models import Claim, DocumentInfo
from .rows import RecordError, check_claim
from .store import ClaimStore, Prepared, prepare

BATCH = 2000  # claims per transaction
PARALLEL_FROM = 8 * 2**20  # bytes of input from which records are prepared in a worker process
DOC_ID = re.compile(rb'"doc_id"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"')
Line = tuple[str, int, bytes]  # path, line number, the line as read
T, R = TypeVar("T"), TypeVar("R")


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
    """The valid records of one doc_id, the file it first appears in, the running hash of
    the records' lines as given, and where each claim id was read."""

    path: str
    claims: list[Claim] = field(default_factory=list)
    digest: Any = field(default_factory=hashlib.sha256)
    lines: dict[str, str] = field(default_factory=dict)  # claim id: where its record was read


def complete_at(paths: list[Path]) -> dict[bytes, tuple[int, int]]:
    """For each doc_id (as spelled in the JSON), the (file, line) of its last record: where
    its group is whole."""
    last: dict[bytes, tuple[int, int]] = {}
    for index, path in enumerate(paths):
        with open(path, "rb") as stream:
            for number, line in enumerate(stream, 1):
                if found := DOC_ID.search(line):
                    last[found.group(1)] = (index, number)
    return last


def line_groups(paths: list[Path]) -> Iterator[list[Line]]:
    """The lines of each doc_id, each group as soon as its last line is read. Lines
    without a findable doc_id come last, together: parsing says what is wrong."""
    last = complete_at(paths)
    groups: dict[bytes, list[Line]] = {}
    unkeyed: list[Line] = []
    for index, path in enumerate(paths):
        where = str(path)
        with open(path, "rb") as stream:
            for number, raw in enumerate(stream, 1):
                if (found := DOC_ID.search(raw)) is None:
                    if not raw.isspace():
                        unkeyed.append((where, number, raw))
                    continue
                key = found.group(1)
                if key in groups:
                    groups[key].append((where, number, raw))
                else:
                    groups[key] = [(where, number, raw)]
                end = last[key]
                if end[1] == number and end[0] == index:
                    yield groups.pop(key)
    if unkeyed:
        yield unkeyed


def batches(groups: Iterable[list[Line]], size: int) -> Iterator[list[list[Line]]]:
    """Whole groups, gathered until they hold at least ``size`` lines."""
    pending: list[list[Line]] = []
    count = 0
    for group in groups:
        pending.append(group)
        count += len(group)
        if count >= size:
            yield pending
            pending, count = [], 0
    if pending:
        yield pending


def add_record(groups: dict[str, Group], line: Line, rejected: list[BadRecord]) -> None:
    """Parse one line into its doc_id's group, or say in ``rejected`` why not."""
    path, number, raw = line[0], line[1], line[2].strip()
    try:
        text = raw.decode("utf-8")
        claim = parse_line(text)
    except UnicodeDecodeError as exc:
        rejected.append(BadRecord(path, number, "record", f"not UTF-8: byte {exc.start + 1} of the line is invalid"))
        return
    except RecordError as exc:
        rejected.append(BadRecord(path, number, exc.field, exc.message))
        return
    group = groups.setdefault(claim.doc_id, Group(path))
    first = group.lines.setdefault(claim.id, f"{path}:{number}")
    if first != f"{path}:{number}":
        rejected.append(BadRecord(path, number, "id", f"claim {claim.id} repeats the record of {first}"))
        return
    group.claims.append(claim)
    group.digest.update(raw + b"\n")


def derived_document(doc_id: str, group: Group) -> DocumentInfo:
    """DocumentInfo of records without their article: the content hash is the sha256 of
    the records' lines, the publisher the outermost publisher hop of their chains."""
    publisher = next((h.source for c in group.claims for h in c.attribution.chain if h.type == "publisher"), None)
    return DocumentInfo(doc_id=doc_id, path=group.path, content_hash=group.digest.hexdigest(), publisher=publisher,
                        extractor_version=f"unknown (loaded by claims {__version__})")


@dataclass
class PreparedBatch:
    """Rows of a batch's documents, each with its content hash and claim count, and the
    lines that were rejected."""

    documents: list[tuple[str, int, Prepared]] = field(default_factory=list)
    rejected: list[BadRecord] = field(default_factory=list)


def prepare_batch(groups: list[list[Line]]) -> PreparedBatch:
    """Parse, check and turn into rows the lines of whole documents (in any process)."""
    batch = PreparedBatch()
    with paused_gc():
        for lines in groups:
            documents: dict[str, Group] = {}
            for line in lines:
                add_record(documents, line, batch.rejected)
            for doc_id, group in documents.items():
                info = derived_document(doc_id, group)
                batch.documents.append((info.content_hash, len(group.claims), prepare([(info, group.claims)], "claims")))
    return batch


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


def ordered(executor: Executor, function: Callable[[T], R], items: Iterable[T], ahead: int = 2) -> Iterator[R]:
    """``map(function, items)`` run by ``executor``, in order, with at most ``ahead`` items
    submitted beyond the one being consumed (bounded memory)."""
    window: deque[Any] = deque()
    for item in items:
        window.append(executor.submit(function, item))
        if len(window) > ahead:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


@contextmanager
def preparing(workers: int) -> Iterator[Callable[[Iterable[list[list[Line]]]], Iterator[PreparedBatch]]]:
    """``prepare_batch`` over batches: here (``workers`` 0) or in worker processes."""
    if workers == 0:
        yield lambda items: map(prepare_batch, items)
        return
    with ProcessPoolExecutor(max_workers=workers) as executor:
        yield lambda items: ordered(executor, prepare_batch, items, ahead=workers + 1)


def auto_workers(paths: list[Path]) -> int:
    """One worker process for a large input on a machine with more than one core."""
    large = sum(p.stat().st_size for p in paths) >= PARALLEL_FROM
    return 1 if large and (os.cpu_count() or 1) > 1 else 0


def load_claims(store: ClaimStore, paths: list[Path], resume: bool = False, batch: int = BATCH,
                workers: int | None = None) -> LoadReport:
    """Load claims JSONL files in transactions of whole documents (about ``batch`` claims
    each), so that a run killed half way leaves every committed document whole. With
    ``resume`` documents already current in the store are skipped. Bad records are
    reported (in file and line order), not loaded; the rest of their document and batch
    are. ``workers``: processes
    that parse the records while this one writes (None: one for a large input)."""
    report = LoadReport()
    done = store.done() if resume else set()
    with paused_gc(), preparing(auto_workers(paths) if workers is None else workers) as prepare_all:
        for prepared in prepare_all(batches(line_groups(paths), batch)):
            report.rejected.extend(prepared.rejected)
            kept = Prepared()
            for content_hash, count, rows in prepared.documents:
                if content_hash in done:
                    report.skipped += 1
                    continue
                kept.add(rows)
                report.documents += 1
                report.claims += count
            store.commit(kept)
    order = {str(path): n for n, path in enumerate(paths)}
    report.rejected.sort(key=lambda bad: (order[bad.path], bad.line))
    return report
