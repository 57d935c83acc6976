"""Load claim records extracted earlier (claims JSONL) into a ClaimStore.

A claim record carries no content hash, so each document's is derived from its records:
the sha256 of their lines as given (``documents.hash_of = 'claims'``). Loading the same
records again changes nothing; changed records for a doc_id supersede the old ones.

Where each document's lines are is found without parsing (its doc_id is found by a
pattern, in large blocks): runs of lines, gathered into batches of whole documents. Whoever
parses a batch reads its lines; worker processes read, parse, check and write the batches
of a large input, one writing while another parses. Memory holds the batches in flight
and a few numbers per document, not the file. The cyclic garbage collector is paused
while a load runs: records are acyclic, and collecting while thousands of rows are alive
costs more than making them.
"""
from __future__ import annotations

import ctypes
import gc
import hashlib
import multiprocessing
import os
import re
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from ..claims_jsonl import InvalidRecord, parse_claim
from ..version import __version__
from ..models import Claim, DocumentInfo
from .rows import RecordError, check_claim
from .store import ClaimStore, Prepared, prepare

BATCH = 4000  # claims per transaction
PARALLEL_FROM = 8 * 2**20  # bytes of input from which batches are loaded by worker processes
MAX_WORKERS = 4
CHECKPOINT_EVERY = 4  # batches a writer process commits between checkpoints of the SQLite log
PR_SET_PDEATHSIG = 1  # linux/prctl.h
READ_BLOCK = 16 * 2**20  # bytes read at a time to find where documents start
DOC_ID = re.compile(rb'"doc_id"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"')
WriteAll = Callable[[Iterable[list[list["Run"]]]], Iterator["LoadReport"]]  # batches in, their reports out
T, R = TypeVar("T"), TypeVar("R")


@dataclass
class BadRecord:
    """A line that was not loaded (or a whole file: field 'file', line 0), and why."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.field == "file" else \
            f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass
class LoadReport:
    documents: int = 0
    skipped: int = 0
    claims: int = 0
    rejected: list[BadRecord] = field(default_factory=list)


def parse_line(line: bytes) -> Claim:
    """A claim record from one JSONL line, checked as the schema checks it; InvalidRecord
    or RecordError names the first field at fault."""
    if b"\\u0000" in line:
        raise RecordError("record", "holds a NUL character (\\u0000), which PostgreSQL text cannot store")
    claim = parse_claim(line)
    check_claim(claim)
    return claim


@dataclass
class Group:
    """The valid records of one doc_id, the file it first appears in, the running hash of
    the records' lines as given, and where each claim id was read."""

    path: str
    claims: list[Claim] = field(default_factory=list)
    digest: Any = field(default_factory=hashlib.sha256)
    lines: dict[str, tuple[str, int]] = field(default_factory=dict)  # claim id: (file, line) of its record


@dataclass(frozen=True)
class Run:
    """Consecutive lines of a file, read by whoever parses them: bytes [start, end), from
    line number ``line``, ``lines`` lines."""

    path: str
    start: int
    end: int
    line: int
    lines: int


def keyed_runs(path: Path) -> Iterator[tuple[bytes | None, Run]]:
    """The file cut into runs of lines with one doc_id (as spelled in the JSON), found by
    pattern in large blocks without parsing. A line without a findable doc_id stays in
    the run it is in; lines before the first doc_id form a run of their own (key None)."""
    where = str(path)
    key: bytes | None = None
    start = base = 0  # file offsets: of the current run, and of the block
    first = number = 1  # line numbers: of the run's first line, and at offset ``counted``
    counted = 0
    block = b""
    with open(path, "rb") as stream:
        while True:
            more = stream.read(READ_BLOCK)
            block += more
            cut = block.rfind(b"\n") + 1 if more else len(block)
            if more and not cut:
                continue  # a line longer than a block: read on
            for found in DOC_ID.finditer(block, 0, cut):
                if found.group(1) == key:
                    continue
                at = base + block.rfind(b"\n", 0, found.start()) + 1  # where the line starts
                if at == start:  # the run's first line: the file's first key (or a second one on a line)
                    key = key or found.group(1)
                    continue
                number += block.count(b"\n", counted - base, at - base)
                yield key, Run(where, start, at, first, number - first)
                key, start, first, counted = found.group(1), at, number, at
            number += block.count(b"\n", counted - base, cut)
            partial = block[cut - 1:cut] not in (b"\n", b"")  # a last line without a line end
            counted = base = base + cut
            block = block[cut:]
            if not more:
                break
    if base > start:
        yield key, Run(where, start, base, first, number - first + partial)


def scan(paths: list[Path], unreadable: list[BadRecord]) -> list[tuple[bytes | None, Run]]:
    """The runs of lines of all files, in order, each with its doc_id as spelled; a file
    that cannot be read is reported in ``unreadable`` and left out."""
    runs: list[tuple[bytes | None, Run]] = []
    for path in paths:
        try:
            runs += list(keyed_runs(path))
        except OSError as exc:
            unreadable.append(BadRecord(str(path), 0, "file", f"not read: {exc}"))
    return runs


def line_groups(runs: list[tuple[bytes | None, Run]]) -> Iterator[list[Run]]:
    """The runs of each doc_id, each group as soon as its last run is reached. Runs without
    a findable doc_id come last, together: parsing says what is wrong."""
    last = {key: n for n, (key, _) in enumerate(runs)}
    groups: dict[bytes, list[Run]] = {}
    unkeyed: list[Run] = []
    for n, (key, run) in enumerate(runs):
        if key is None:
            unkeyed.append(run)
            continue
        groups.setdefault(key, []).append(run)
        if last[key] == n:
            yield groups.pop(key)
    if unkeyed:
        yield unkeyed


def batches(groups: Iterable[list[Run]], size: int) -> Iterator[list[list[Run]]]:
    """Whole groups, gathered until they hold at least ``size`` lines."""
    pending: list[list[Run]] = []
    count = 0
    for group in groups:
        pending.append(group)
        count += sum(run.lines for run in group)
        if count >= size:
            yield pending
            pending, count = [], 0
    if pending:
        yield pending


class OpenFiles(ExitStack):
    """Files opened for reading once each, closed together."""

    def __init__(self) -> None:
        super().__init__()
        self.streams: dict[str, BinaryIO] = {}

    def get(self, path: str) -> BinaryIO:
        if (stream := self.streams.get(path)) is None:
            stream = self.streams[path] = self.enter_context(open(path, "rb"))
        return stream


def lines_of(run: Run, files: OpenFiles, rejected: list[BadRecord]) -> Iterator[tuple[int, bytes]]:
    """(line number, line without surrounding blanks) of the run's lines that are not
    blank; a file that cannot be read any more is reported in ``rejected``."""
    try:
        stream = files.get(run.path)
        stream.seek(run.start)
        data = stream.read(run.end - run.start)
    except OSError as exc:
        rejected.append(BadRecord(run.path, run.line, "record", f"{run.lines} lines not read: {exc}"))
        return
    for number, raw in enumerate(data.split(b"\n"), run.line):
        if stripped := raw.strip():
            yield number, stripped


def add_record(groups: dict[str, Group], path: str, number: int, raw: bytes, rejected: list[BadRecord]) -> None:
    """Parse one line into its doc_id's group, or say in ``rejected`` why not."""
    try:
        claim = parse_line(raw)
    except (InvalidRecord, RecordError) as exc:
        rejected.append(BadRecord(path, number, exc.field, exc.message))
        return
    group = groups.setdefault(claim.doc_id, Group(path))
    first = group.lines.setdefault(claim.id, (path, number))
    if first != (path, number):
        rejected.append(BadRecord(path, number, "id", f"claim {claim.id} repeats the record of {first[0]}:{first[1]}"))
        return
    group.claims.append(claim)
    group.digest.update(raw)
    group.digest.update(b"\n")


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


def prepare_batch(groups: list[list[Run]]) -> PreparedBatch:
    """Read, parse, check and turn into rows the lines of whole documents."""
    batch = PreparedBatch()
    with OpenFiles() as files:
        for runs in groups:
            documents: dict[str, Group] = {}
            for run in runs:
                for number, raw in lines_of(run, files, batch.rejected):
                    add_record(documents, run.path, number, raw, batch.rejected)
            for doc_id, group in documents.items():
                info = derived_document(doc_id, group)
                batch.documents.append((info.content_hash, len(group.claims),
                                        prepare([(info, group.claims)], "claims")))
    return batch


def write_batch(store: ClaimStore, done: AbstractSet[str], groups: list[list[Run]],
                turn: AbstractContextManager[Any] = nullcontext()) -> LoadReport:
    """Load the lines of whole documents in one transaction, but for the documents whose
    content hash is in ``done``; what was loaded, skipped and rejected. The transaction
    waits for ``turn`` (writers that share a database file take turns)."""
    with paused_gc():
        prepared = prepare_batch(groups)
        report, kept = LoadReport(rejected=prepared.rejected), Prepared()
        for content_hash, count, rows in prepared.documents:
            if content_hash in done:
                report.skipped += 1
                continue
            kept.add(rows)
            report.documents += 1
            report.claims += count
        with turn:
            store.commit(kept)
    return report


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


@dataclass
class Worker:
    """What a writer process keeps between batches: its store (commits do not checkpoint
    the SQLite log), the hashes to skip, the write turn and how many batches it wrote."""

    store: ClaimStore
    done: AbstractSet[str]
    turn: AbstractContextManager[Any]
    written: int = 0


_worker: Worker | None = None


def die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this forked process when its parent dies, however it dies
    (PR_SET_PDEATHSIG); a writer would otherwise wait for work forever, holding the
    database open. Elsewhere nothing."""
    if sys.platform != "linux":
        return
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the call
        os._exit(1)


def _open_worker_store(url: str, done: AbstractSet[str], turn: AbstractContextManager[Any], parent: int) -> None:
    global _worker
    die_with_parent(parent)
    gc.freeze()  # what the fork inherited is never collected here: collections skip it (and leave its pages shared)
    _worker = Worker(ClaimStore(url, autocheckpoint=False), done, turn)


def _write_in_worker(groups: list[list[Run]]) -> LoadReport:
    """``write_batch`` in a writer process; every few batches it checkpoints the log, out of
    its write turn, so that the other writer goes on meanwhile."""
    assert _worker is not None, "the worker's store is opened by the pool's initializer"
    report = write_batch(_worker.store, _worker.done, groups, _worker.turn)
    _worker.written += 1
    if _worker.written % CHECKPOINT_EVERY == 0:
        _worker.store.checkpoint()
    return report


@contextmanager
def writing(store: ClaimStore, done: AbstractSet[str], workers: int) -> Iterator[WriteAll]:
    """``write_batch`` over batches, here (``workers`` 0) or in worker processes that each
    open the store once, parse their batches and write them in turns (the database takes
    one writer at a time; the others parse meanwhile)."""
    if workers == 0:
        yield lambda items: (write_batch(store, done, groups) for groups in items)
        return
    url = store.engine.url.render_as_string(hide_password=False)
    # forked on Linux (the workers start at once, with the parent's modules); elsewhere the default
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    # SQLite has one writer at a time and polls for the lock, sleeping: a lock that wakes the
    # next writer at once keeps the file busy. PostgreSQL writers need no turns.
    turn = context.Lock() if store.engine.dialect.name == "sqlite" else nullcontext()
    with ProcessPoolExecutor(workers, context, initializer=_open_worker_store,
                             initargs=(url, done, turn, os.getpid())) as executor:
        yield lambda items: ordered(executor, _write_in_worker, items, ahead=2 * workers)


def auto_workers(store: ClaimStore, size: int) -> int:
    """A writer process per core for a large input (``size`` bytes) into a database on disk
    or a server."""
    in_memory = store.engine.dialect.name == "sqlite" and store.engine.url.database in (None, "", ":memory:")
    return 0 if in_memory or size < PARALLEL_FROM else min(os.cpu_count() or 1, MAX_WORKERS)


def load_claims(store: ClaimStore, paths: list[Path], resume: bool = False, batch: int = BATCH,
                workers: int | None = None, progress: Callable[[LoadReport, int], None] | None = None) -> LoadReport:
    """Load claims JSONL files in transactions of whole documents (about ``batch`` claims
    each), so that a run killed half way leaves every committed document whole. With
    ``resume`` documents already current in the store are skipped. Bad records, and
    files that cannot be read, are reported (in file and line order), not loaded; the rest
    of their document and batch, and the other files, are. ``workers``: processes that
    parse and write batches (None: one per core, up to MAX_WORKERS, for a large input; 0:
    all in this process). ``progress`` is told, after each batch, the report so far and
    how many documents the input holds."""
    report = LoadReport()
    done = frozenset(store.done()) if resume else frozenset()
    runs = scan(paths, report.rejected)
    total = len({key for key, _ in runs if key is not None})
    if workers is None:
        workers = auto_workers(store, sum(run.end - run.start for _, run in runs))
    with paused_gc(), writing(store, done, workers) as write_all:
        for written in write_all(batches(line_groups(runs), batch)):
            report.documents += written.documents
            report.skipped += written.skipped
            report.claims += written.claims
            report.rejected += written.rejected
            if progress:
                progress(report, total)
    order = {str(path): n for n, path in enumerate(paths)}
    report.rejected.sort(key=lambda bad: (order[bad.path], bad.line))
    return report
