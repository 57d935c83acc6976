"""Batch extraction at scale: stream documents through the pipeline (in this process or in
N worker processes), skip duplicates and documents already stored, write each document's
records to the sinks as they come, show progress and sum up.

Memory stays flat: documents are read lazily, at most ``2 * workers`` batches are in
flight, and records are written as soon as their document is done. What grows with the
corpus is one content hash per document (for duplicates and --resume), about 150 bytes.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from pydantic import BaseModel
from rich.console import Console
from rich.progress import BarColumn, TextColumn
from rich.progress import Progress as Bar

from . import pipeline, ruleset
from .documents import MAX_CHARS, MAX_SECONDS, SUFFIXES, Document, read_all, walk
from .escape import for_terminal
from .extract import extract_articles
from .models import DocumentError, DocumentInfo
from .records import claims_of
from .writers import Sink

if TYPE_CHECKING:  # spaCy is loaded with the pipeline: `claims load` shows this progress without it
    from spacy.language import Language
    from spacy.tokens import Doc

Convert = Callable[["Doc", str], Sequence[BaseModel]]
Outcome = tuple[DocumentInfo, Sequence[BaseModel]] | DocumentError
Item = Document | DocumentError
OVERTIME_REPEAT = 0.05  # seconds between reminders once a document is over its budget
SETTLE_SECONDS = 3.0  # seconds of documents processed before a speed and an ETA are shown


@dataclass
class BatchOptions:
    """How to run: the pipeline, which files, how many processes, in which order."""

    model: str | None = None
    glob: str = "*"
    encoding: str = "utf-8"
    max_chars: int = MAX_CHARS
    workers: int = 1
    batch_size: int = 32
    ordered: bool = True
    resume: bool = False
    keep_duplicates: bool = False
    max_seconds: float | None = MAX_SECONDS  # time budget of one document; None or 0: none


@dataclass
class Summary:
    read: int = 0  # documents (a .jsonl file holds many)
    files: int = 0
    extracted: int = 0
    duplicates: int = 0
    resumed: int = 0
    records: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def lines(self, noun: str = "claims") -> list[str]:
        """The closing report: counts, skips and the failures by kind."""
        line = (f"{self.read} documents read from {self.files} files, {self.failed} failed, {self.records} {noun} "
                f"written in {self.seconds:.1f}s")
        if self.duplicates or self.resumed:
            line += f"; {self.duplicates + self.resumed} skipped ({self.duplicates} duplicates, {self.resumed} already done)"
        lines = [line]
        if self.failures:
            lines.append("failed: " + ", ".join(f"{n} {kind}" for kind, n in sorted(self.failures.items(), key=lambda kv: (-kv[1], kv[0]))))
        return lines


class Progress:
    """Progress on stderr: a rich bar on a terminal, else a plain line every ``interval``
    seconds; nothing but errors when quiet. Use it as a context manager. Its line:
    documents done (of all, once counted), records, failures, and once ``settle`` seconds
    of documents processed have passed, their speed and the time left; documents skipped
    (duplicates, already done) count as done, not in the speed."""

    def __init__(self, quiet: bool = False, noun: str = "claims", interval: float = 5.0,
                 doing: str = "extracting", failed: str = "failed", settle: float = SETTLE_SECONDS) -> None:
        self.console = Console(stderr=True)
        self.quiet, self.noun, self.interval, self.failed_word, self.settle = quiet, noun, interval, failed, settle
        self.total: int | None = None
        self.done = self.records = self.failed = self.skipped = 0
        self._logged = time.monotonic()
        self._since: tuple[float, int] | None = None  # when the first document was processed, and the count then
        self._bar: Bar | None = None
        if not quiet and self.console.is_terminal:
            self._bar = Bar(TextColumn(doing), BarColumn(), TextColumn("{task.fields[status]}", markup=False),
                            console=self.console)
            self._task = self._bar.add_task(doing, total=None, status=self.status())

    def __enter__(self) -> Progress:
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar:
            self._bar.stop()

    def count(self, paths: Sequence[Path], glob: str) -> None:
        """Count the documents in the background (files, and lines of .jsonl) for the ETA."""
        if not self.quiet:
            threading.Thread(target=lambda: setattr(self, "total", count_documents(paths, glob)), daemon=True).start()

    def advance(self, records: int = 0, failed: bool = False, skipped: bool = False) -> None:
        """One more document done, with its records, or failed, or skipped unprocessed."""
        self.show(self.done + 1, self.records + records, self.failed + failed, skipped=self.skipped + skipped)

    def show(self, done: int, records: int, failed: int, total: int | None = None, skipped: int | None = None) -> None:
        """The counts so far: documents done, records, failures (and the documents in all,
        and how many of those done were skipped without processing)."""
        self.done, self.records, self.failed = done, records, failed
        self.skipped = self.skipped if skipped is None else skipped
        self.total = total or self.total
        now = time.monotonic()
        if self._since is None and self.processed:
            self._since = (now, self.processed)
        if self._bar:
            self._bar.update(self._task, completed=self.done, total=self.total, status=self.status(now))
        elif not self.quiet and now - self._logged >= self.interval:
            self._logged = now
            print(f"progress: {self.status(now)}", file=sys.stderr, flush=True)

    @property
    def processed(self) -> int:
        return self.done - self.skipped

    def rate(self, now: float | None = None) -> float | None:
        """Documents processed per second since the first one was, once ``settle`` seconds
        of them have passed (start-up and skipped documents are not in it)."""
        if self._since is None:
            return None
        began, first = self._since
        seconds = (now or time.monotonic()) - began
        return (self.processed - first) / seconds if seconds >= self.settle and seconds > 0 else None

    def status(self, now: float | None = None) -> str:
        """'12/40 documents, 35 claims, 0 failed, 3.2 docs/s, ETA 9s' (total, speed and ETA when known)."""
        done = f"{self.done}/{self.total}" if self.total else f"{self.done}"
        line = f"{done} documents, {self.records} {self.noun}, {self.failed} {self.failed_word}"
        rate = self.rate(now)
        if rate is not None:
            line += f", {rate:.1f} docs/s"
            if rate > 0 and self.total and self.total > self.done:
                line += f", ETA {duration((self.total - self.done) / rate)}"
        return line

    def error(self, text: str) -> None:
        """Always shown: a file that failed."""
        self._print(text)

    def note(self, text: str) -> None:
        """Shown unless quiet: a duplicate skipped."""
        if not self.quiet:
            self._print(text)

    def _print(self, text: str) -> None:
        text = for_terminal(text)  # a file name holding control characters stays on its line
        if self._bar:
            self.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=sys.stderr, flush=True)


def duration(seconds: float) -> str:
    """'45s', '3m 05s', '2h 07m'."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m {whole % 60:02d}s"
    return f"{whole // 3600}h {whole % 3600 // 60:02d}m"


def count_documents(paths: Sequence[Path], glob: str = "*") -> int:
    """About how many documents there are: one a file, one a line of .jsonl."""
    total = 0
    for file, _ in walk(paths, glob):
        if file.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with open(file, "rb") as data:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: data.read(1 << 20), b""))
        except OSError:
            total += 1
    return total


def run(paths: Sequence[Path], sinks: Sequence[Sink], options: BatchOptions, progress: Progress,
        convert: Convert = claims_of, nlp: Language | None = None) -> Summary:
    """Extract every document under ``paths`` and write it to each sink that lacks it. A
    sink refuses a document by raising ValueError (the database's RecordError): the
    document is reported failed with the reason, the other sinks have it, and the run
    goes on. No article file at all is a failure too."""
    began, summary = time.monotonic(), Summary()
    done = [sink.done() if options.resume else set() for sink in sinks]
    progress.count(paths, options.glob)
    items = _admit(read_all(paths, options.glob, options.encoding, options.max_chars), done, summary, progress,
                   options.keep_duplicates)
    if options.workers > 1:
        outcomes = _parallel(items, options, convert)
    else:
        outcomes = _extract(items, nlp or _built(options.model), options, convert)
    for outcome in outcomes:
        if isinstance(outcome, DocumentError):
            summary.failures[outcome.error] += 1
            progress.error(f"error: {outcome.path}: {outcome.reason}")
            progress.advance(failed=True)
            continue
        info, records = outcome
        refused = _write(sinks, done, info, records)
        summary.extracted += 1
        summary.records += len(records)
        if refused:
            summary.failures[refused.error] += 1
            progress.error(f"error: {refused.path}: {refused.reason}")
        progress.advance(records=len(records), failed=bool(refused))
    if not summary.files:
        summary.failures["NoArticles"] += 1
        progress.error(f"error: {no_articles(paths, options.glob)}")
    summary.seconds = time.monotonic() - began
    return summary


def no_articles(paths: Sequence[Path], glob: str) -> str:
    """What to say when ``paths`` hold no article file."""
    where = ", ".join(map(str, paths))
    matching = f" matching --glob {glob!r}" if glob != "*" else ""
    return f"no article files ({', '.join(SUFFIXES)}){matching} in {where}"


def record_of(document: Document | DocumentInfo) -> str:
    """'document ID: ' for one of the several documents a file holds (.jsonl, .json), else ''."""
    return "" if Path(document.path).as_posix().endswith(document.doc_id) else f"document {document.doc_id}: "


def _write(sinks: Sequence[Sink], done: list[set[str]], info: DocumentInfo,
           records: Sequence[BaseModel]) -> DocumentError | None:
    """Write a document to each sink that lacks it; the error of the first sink that
    refused it (the others still have it)."""
    refused: DocumentError | None = None
    for sink, stored in zip(sinks, done):
        if info.content_hash in stored:
            continue
        try:
            sink.write(info, records)
        except ValueError as exc:
            refused = refused or DocumentError(doc_id=info.doc_id, path=info.path, error=type(exc).__name__,
                                               reason=f"{record_of(info)}not written: {exc}")
    return refused


def _admit(items: Iterable[Item], done: list[set[str]], summary: Summary, progress: Progress,
           keep_duplicates: bool = False) -> Iterator[Item]:
    """The documents to extract: not a duplicate of one met before in this run (unless
    kept), and not already in every sink."""
    first: dict[str, str] = {}
    last_path: str | None = None
    for item in items:
        summary.read += 1
        if item.path != last_path:  # a file's documents come one after another
            summary.files, last_path = summary.files + 1, item.path
        if isinstance(item, DocumentError):
            yield item
            continue
        key = item.content_hash
        if done and all(key in stored for stored in done):
            summary.resumed += 1
            progress.advance(skipped=True)
        elif key in first and not keep_duplicates:
            summary.duplicates += 1
            progress.note(f"duplicate: {item.path} ({item.doc_id}) has the same text as {first[key]}")
            progress.advance(skipped=True)
        else:
            first.setdefault(key, item.doc_id)
            yield item


# ---------------------------------------------------------------- the time budget
class Overtime(BaseException):
    """Raised in the pipeline when a document is over its time budget. Not an Exception,
    so that no ``except Exception`` on the way (a component's, a library's) swallows it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise Overtime in this thread once ``seconds`` have passed, and again every
    OVERTIME_REPEAT seconds until the block ends. Python code is interrupted between two
    steps; one long call into C (a tokenizer) ends first. No budget off the main thread or
    where there is no SIGALRM."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = True

    def expire(_signal: int, _frame: object) -> None:
        if armed:  # a signal delivered after the block ended is dropped
            raise Overtime(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, OVERTIME_REPEAT)
    try:
        yield
    finally:
        while True:  # an Overtime raised here, before the timer is off, must not escape later
            try:
                armed = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)  # None: not from Python
                break
            except Overtime:
                continue


def _extract(items: Iterable[Item], nlp: Language, options: BatchOptions, convert: Convert) -> Iterator[Outcome]:
    """Outcomes in input order; with a time budget each document runs alone within it, and
    one over it is a DocumentError (the next one goes on)."""
    if not options.max_seconds:
        yield from extract_articles(items, nlp, options.batch_size, convert)
        return
    for item in items:
        if isinstance(item, DocumentError):
            yield item
            continue
        try:
            with time_budget(options.max_seconds):
                [outcome] = extract_articles([item], nlp, 1, convert)
        except Overtime:
            outcome = DocumentError(doc_id=item.doc_id, path=item.path, error="Overtime", reason=(
                f"{record_of(item)}over the time budget: not done in {options.max_seconds:g}s (--max-seconds)"))
        yield outcome


def _built(model: str | None) -> Language:
    """The pipeline, its objects then moved out of the garbage collector's reach
    (``gc.freeze``): they live as long as the process, and every collection would scan
    them again (1.8 -> 0.45 CPU us a word of collections on the dev news)."""
    nlp = pipeline.build(model)
    gc.freeze()
    return nlp


# ---------------------------------------------------------------- worker processes
_worker: tuple[Language, Convert, BatchOptions] | None = None
_prebuilt: tuple[Path, Language] | None = None  # the fork server's default pipeline, with its rules folder


def prebuild() -> None:
    """Build the default pipeline once in the fork server (``preload``): every worker forked
    from it starts with that pipeline in shared, copy-on-write memory instead of building
    its own (about a CPU second each). A pipeline that cannot be built here is left to the
    workers, which report why."""
    global _prebuilt
    try:
        _prebuilt = (ruleset.rules_dir(), _built(None))
    except Exception:  # noqa: BLE001 - the workers build it again and fail with the reason
        _prebuilt = None


def _start_worker(options: BatchOptions, convert: Convert, parent: Connection) -> None:
    """Each worker watches its parent and takes the fork server's pipeline, or builds its own
    (another model, other rules)."""
    global _worker
    _exit_with_parent(parent)
    _worker = (_worker_pipeline(options.model), convert, options)


def _worker_pipeline(model: str | None) -> Language:
    """The fork server's pipeline when it is the one asked for (no model, the same rules),
    else a pipeline built here."""
    if _prebuilt and model is None and _prebuilt[0] == ruleset.rules_dir():
        return _prebuilt[1]
    return _built(model)


def _exit_with_parent(parent: Connection) -> None:
    """Exit at once when the parent dies, however it died (SIGKILL, the OOM killer): the
    parent holds the other end of ``parent``, which closes with it. A worker's parent
    process is the fork server, which lives as long as any worker does: the pipe is what
    tells."""
    def watch() -> None:
        try:
            parent.poll(None)  # readable only when the other end is closed: the parent never writes
        except (OSError, EOFError):
            pass
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _extract_chunk(chunk: list[Item]) -> list[Outcome]:
    """A worker's job: the outcomes of a chunk, records already validated (the parent
    takes them as they are)."""
    assert _worker is not None, "worker not started"
    nlp, convert, options = _worker
    return list(_extract(chunk, nlp, options, convert))


def _outcomes(chunk: list[Item], future: Future[list[Outcome]]) -> list[Outcome]:
    """The outcomes of a chunk; if its worker failed, an error for each document."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a worker that died fails its documents, not the run
        return [i if isinstance(i, DocumentError) else DocumentError(
            doc_id=i.doc_id, path=i.path, error="WorkerFailed", reason=f"worker process failed: {exc!r}")
            for i in chunk]


def _worker_context() -> BaseContext:
    """Workers forked from a clean server process that imported spaCy and the project and
    warmed dateparser once (a spawned worker spends over a second importing them, and each
    would pay dateparser's first parse); spawned where there is no fork."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([f"{__package__}.preload"])
    return context


def _parallel(items: Iterable[Item], options: BatchOptions, convert: Convert) -> Iterator[Outcome]:
    """Chunks of documents to ``options.workers`` worker processes, at most two chunks
    per worker in flight; outcomes in input order, or as they finish when not ordered.
    When a worker dies, the chunks in flight fail and a new pool takes the rest."""
    context = _worker_context()
    watched, alive = context.Pipe(duplex=False)  # workers watch ``watched``: it closes when this process ends

    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(options.workers, mp_context=context, initializer=_start_worker,
                                   initargs=(options, convert, watched))

    pool = start()
    pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
    stream = iter(items)
    try:
        while True:
            while len(pending) < 2 * options.workers and (chunk := list(islice(stream, options.batch_size))):
                try:
                    future = pool.submit(_extract_chunk, chunk)
                except BrokenProcessPool:
                    pool.shutdown(cancel_futures=True)
                    pool = start()
                    future = pool.submit(_extract_chunk, chunk)
                pending.append((chunk, future))
            if not pending:
                return
            if not options.ordered:
                wait([f for _, f in pending], return_when=FIRST_COMPLETED)
                pending.rotate(-next(i for i, (_, f) in enumerate(pending) if f.done()))
            chunk, future = pending.popleft()
            yield from _outcomes(chunk, future)
    finally:
        pool.shutdown(cancel_futures=True)
        watched.close()
        alive.close()
