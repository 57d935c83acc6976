"""Batch extraction at scale: stream documents through the pipeline (in this process or in
N worker processes), skip duplicates and documents already stored, write each document's
records to the sinks as they come, show progress and sum up.

Memory stays flat: documents are read lazily, at most ``2 * workers`` batches are in
flight, and records are written as soon as their document is done. What grows with the
corpus is one content hash per document (for duplicates and --resume), about 150 bytes.
"""
from __future__ import annotations

import multiprocessing
import sys
import threading
import time
from collections import Counter, deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from pydantic import BaseModel
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as Bar

from . import pipeline
from .documents import MAX_CHARS, Document, read_all, walk
from .escape import for_terminal
from .extract import extract_articles
from .models import AttributionRecord, Claim, DocumentError, DocumentInfo
from .records import attributions_of, claims_of
from .writers import Sink

if TYPE_CHECKING:  # spaCy is loaded with the pipeline: `claims load` shows this progress without it
    from spacy.language import Language
    from spacy.tokens import Doc

Convert = Callable[["Doc", str], Sequence[BaseModel]]
Outcome = tuple[DocumentInfo, Sequence[BaseModel]] | DocumentError
Item = Document | DocumentError
RECORD_MODELS: dict[Callable[..., Any], type[BaseModel]] = {claims_of: Claim, attributions_of: AttributionRecord}


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
    """Progress on stderr: a rich bar on a terminal (documents done, records, documents/s,
    failures, ETA), else a plain line every ``interval`` seconds; nothing but errors when
    quiet. Use it as a context manager."""

    def __init__(self, quiet: bool = False, noun: str = "claims", interval: float = 5.0,
                 doing: str = "extracting", failed: str = "failed") -> None:
        self.console = Console(stderr=True)
        self.quiet, self.noun, self.interval, self.failed_word = quiet, noun, interval, failed
        self.total: int | None = None
        self.done = self.records = self.failed = 0
        self.began = self._logged = time.monotonic()
        self._bar: Bar | None = None
        if not quiet and self.console.is_terminal:
            self._bar = Bar(TextColumn(doing), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[records]} " + noun), TextColumn("{task.fields[rate]} docs/s"),
                            TextColumn("{task.fields[failed]} " + failed), TimeRemainingColumn(), console=self.console)
            self._task = self._bar.add_task(doing, total=None, records=0, rate="0.0", failed=0)

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

    def advance(self, records: int = 0, failed: bool = False) -> None:
        """One more document done, with its records, or failed."""
        self.show(self.done + 1, self.records + records, self.failed + failed)

    def show(self, done: int, records: int, failed: int, total: int | None = None) -> None:
        """The counts so far: documents done, records, failures (and the documents in all)."""
        self.done, self.records, self.failed = done, records, failed
        self.total = total or self.total
        now = time.monotonic()
        rate = self.done / max(now - self.began, 1e-9)
        if self._bar:
            self._bar.update(self._task, completed=self.done, total=self.total, records=self.records,
                             rate=f"{rate:.1f}", failed=self.failed)
        elif not self.quiet and now - self._logged >= self.interval:
            self._logged = now
            eta = f", ETA {(self.total - self.done) / rate:.0f}s" if self.total and self.total > self.done else ""
            print(f"progress: {self.done}/{self.total or '?'} documents, {self.records} {self.noun}, "
                  f"{rate:.1f} docs/s, {self.failed} {self.failed_word}{eta}", file=sys.stderr, flush=True)

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
    """Extract every document under ``paths`` and write it to each sink that lacks it."""
    began, summary = time.monotonic(), Summary()
    done = [sink.done() if options.resume else set() for sink in sinks]
    progress.count(paths, options.glob)
    items = _admit(read_all(paths, options.glob, options.encoding, options.max_chars), done, summary, progress,
                   options.keep_duplicates)
    if options.workers > 1:
        outcomes = _parallel(items, options, convert)
    else:
        outcomes = extract_articles(items, nlp or pipeline.build(options.model), options.batch_size, convert)
    for outcome in outcomes:
        if isinstance(outcome, DocumentError):
            summary.failures[outcome.error] += 1
            progress.error(f"error: {outcome.path}: {outcome.reason}")
            progress.advance(failed=True)
            continue
        info, records = outcome
        for sink, stored in zip(sinks, done):
            if info.content_hash not in stored:
                sink.write(info, records)
        summary.extracted += 1
        summary.records += len(records)
        progress.advance(records=len(records))
    summary.seconds = time.monotonic() - began
    return summary


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
            progress.advance()
        elif key in first and not keep_duplicates:
            summary.duplicates += 1
            progress.note(f"duplicate: {item.path} ({item.doc_id}) has the same text as {first[key]}")
            progress.advance()
        else:
            first.setdefault(key, item.doc_id)
            yield item


# ---------------------------------------------------------------- worker processes
_worker: tuple[Language, Convert] | None = None


def _start_worker(model: str | None, convert: Convert) -> None:
    """Each worker builds the pipeline once."""
    global _worker
    _worker = (pipeline.build(model), convert)


def _extract_chunk(chunk: list[Item], batch_size: int) -> list[dict[str, Any]]:
    """A worker's job: plain dicts (never Docs) for the parent to validate and write."""
    assert _worker is not None, "worker not started"
    nlp, convert = _worker
    return [{"error": o.model_dump()} if isinstance(o, DocumentError)
            else {"info": o[0].model_dump(), "records": [r.model_dump() for r in o[1]]}
            for o in extract_articles(chunk, nlp, batch_size, convert)]


def _outcomes(chunk: list[Item], future: Future[list[dict[str, Any]]], model: type[BaseModel]) -> list[Outcome]:
    """The validated outcomes of a chunk; if its worker failed, an error for each document."""
    try:
        plain = future.result()
    except Exception as exc:  # noqa: BLE001 - a worker that died fails its documents, not the run
        return [i if isinstance(i, DocumentError) else DocumentError(
            doc_id=i.doc_id, path=i.path, error="WorkerFailed", reason=f"worker process failed: {exc!r}")
            for i in chunk]
    return [DocumentError.model_validate(p["error"]) if "error" in p
            else (DocumentInfo.model_validate(p["info"]), [model.model_validate(r) for r in p["records"]])
            for p in plain]


def _worker_context() -> BaseContext:
    """Workers forked from a clean server process that imported spaCy and the project once
    (a spawned worker spends over a second importing them); spawned where there is no fork."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__, "extractor.factories"])
    return context


def _parallel(items: Iterable[Item], options: BatchOptions, convert: Convert) -> Iterator[Outcome]:
    """Chunks of documents to ``options.workers`` worker processes, at most two chunks
    per worker in flight; outcomes in input order, or as they finish when not ordered.
    When a worker dies, the chunks in flight fail and a new pool takes the rest."""
    model = RECORD_MODELS[convert]

    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(options.workers, mp_context=_worker_context(),
                                   initializer=_start_worker, initargs=(options.model, convert))

    pool = start()
    pending: deque[tuple[list[Item], Future[list[dict[str, Any]]]]] = deque()
    stream = iter(items)
    try:
        while True:
            while len(pending) < 2 * options.workers and (chunk := list(islice(stream, options.batch_size))):
                try:
                    future = pool.submit(_extract_chunk, chunk, options.batch_size)
                except BrokenProcessPool:
                    pool.shutdown(cancel_futures=True)
                    pool = start()
                    future = pool.submit(_extract_chunk, chunk, options.batch_size)
                pending.append((chunk, future))
            if not pending:
                return
            if not options.ordered:
                wait([f for _, f in pending], return_when=FIRST_COMPLETED)
                pending.rotate(-next(i for i, (_, f) in enumerate(pending) if f.done()))
            chunk, future = pending.popleft()
            yield from _outcomes(chunk, future, model)
    finally:
        pool.shutdown(cancel_futures=True)
