"""Write claim records as JSONL or as a flattened CSV, to a file or stdout: ``open_writer``
writes records one by one, the sinks (``JsonlSink``, ``CsvSink``) write each document's
records at once and can resume a killed batch run; ``RecordList`` keeps them in memory and
``Counted`` counts what a sink was given. CSV cells that would start a spreadsheet formula
are neutralised (escape.csv_cell)."""
from __future__ import annotations

import csv
import io
import json
import signal
import stat
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator, Protocol, Sequence, TextIO

from pydantic import BaseModel

from .escape import csv_cell
from .models import Claim, DocumentInfo

CSV_COLUMNS = [
    "id", "doc_id", "mention", "start", "end", "kind", "value", "low", "high", "currency", "currency_text",
    "qualifier", "scale_text", "per", "equivalent_of", "subject", "counterparty", "metric", "period",
    "source", "cue", "source_type", "chain", "hedges", "confidence", "rule", "sentence",
]


def flatten(claim: Claim) -> dict[str, Any]:
    """One flat row per claim: nested fields become text columns, none of which a
    spreadsheet reads as a formula."""
    a, att = claim.amount, claim.attribution
    row = {
        "id": claim.id, "doc_id": claim.doc_id, "mention": claim.mention, "start": claim.start, "end": claim.end,
        "kind": claim.kind, "value": a.value, "low": a.low, "high": a.high, "currency": a.currency,
        "currency_text": a.currency_text, "qualifier": a.qualifier, "scale_text": a.scale_text, "per": a.per,
        "equivalent_of": claim.equivalent_of,
        "subject": claim.subject.canonical if claim.subject else None,
        "counterparty": claim.counterparty.canonical if claim.counterparty else None,
        "metric": claim.metric, "period": claim.period.text if claim.period else None,
        "source": att.source, "cue": att.cue, "source_type": att.source_type,
        "chain": " > ".join(h.source for h in att.chain), "hedges": "; ".join(claim.hedges),
        "confidence": claim.confidence, "rule": claim.rule, "sentence": claim.sentence,
    }
    return {column: csv_cell(value) for column, value in row.items()}


@contextmanager
def open_writer(path: Path | None, fmt: str) -> Iterator[Callable[[BaseModel], None]]:
    """A function that writes one record, streaming to ``path`` (stdout when None); csv is
    the flattened view of claims."""
    stream: TextIO = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
    try:
        if fmt == "csv":
            writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            yield lambda claim: writer.writerow(flatten(claim))  # type: ignore[arg-type]
        else:
            yield lambda record: stream.write(record.model_dump_json() + "\n")
    finally:
        if path:
            stream.close()
        else:
            stream.flush()


class Sink(Protocol):
    """Where a batch run writes: each document's records in one go, and, for --resume, the
    content hashes of the documents already stored."""

    def write(self, info: DocumentInfo, claims: Sequence[BaseModel]) -> None: ...

    def done(self) -> set[str]: ...

    def close(self) -> None: ...


class ResumeError(RuntimeError):
    """An output that cannot be resumed (it has no ledger)."""


def keeps_ledger(path: Path) -> bool:
    """Whether an output can have a ledger: a regular file (or one still to be made), not a
    device such as /dev/null or a pipe, which cannot be cut back and resumed."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return True


def ledger_path(path: Path) -> Path:
    """The sidecar of an output file: one line per document written (its DocumentInfo, its
    number of records, and the output's size in bytes once they were written)."""
    return path.with_name(path.name + ".docs")


class FileSink:
    """Records of each document written at once to a file (or stdout). A file gets a ledger
    sidecar, appended after the document's records are flushed: a document is complete
    when the ledger lists it, zero records included. Resuming cuts the output back to the
    last complete document, so a killed run continues to the same bytes. A device or a
    pipe is written as a stream, like stdout: no ledger, no resume."""

    def __init__(self, path: Path | None, resume: bool = False) -> None:
        self._done: set[str] = set()
        self._stdout: TextIO | None = sys.stdout if path is None else None
        self._out: BinaryIO | None = None
        self._ledger: BinaryIO | None = None
        end = 0
        if path is not None and not keeps_ledger(path):
            if resume:
                raise ResumeError(f"cannot resume {path}: not a regular file (a device or a pipe keeps no ledger)")
            self._out = open(path, "wb")
        elif path is not None:
            end = self._recover(path) if resume else 0
            self._out = open(path, "r+b" if resume else "wb")
            self._out.truncate(end)
            self._out.seek(end)
            self._ledger = open(ledger_path(path), "ab" if resume else "wb")
        if end == 0:
            self._emit(self.header())

    def _recover(self, path: Path) -> int:
        """Read the ledger: remember the documents done, drop a torn last line, and return
        the output size after the last complete document."""
        ledger = ledger_path(path)
        if not path.exists():
            ledger.unlink(missing_ok=True)
            path.touch()
            return 0
        if not ledger.exists():
            raise ResumeError(f"cannot resume {path}: it has no ledger {ledger.name} beside it; run without --resume")
        end = kept = 0
        with open(ledger, "rb") as lines:
            for line in lines:
                try:
                    entry = json.loads(line) if line.endswith(b"\n") else None
                except ValueError:
                    entry = None
                if entry is None:
                    break
                self._done.add(entry["document"]["content_hash"])
                end, kept = entry["end"], kept + len(line)
        with open(ledger, "r+b") as torn:
            torn.truncate(kept)
        return end

    def header(self) -> str:
        return ""

    def format(self, records: Sequence[BaseModel]) -> str:
        raise NotImplementedError

    def _emit(self, text: str) -> None:
        if self._stdout is not None:
            self._stdout.write(text)
        elif self._out is not None:
            self._out.write(text.encode("utf-8"))

    def write(self, info: DocumentInfo, claims: Sequence[BaseModel]) -> None:
        self._emit(self.format(claims))
        if self._out is not None and self._ledger is not None:
            self._out.flush()
            entry = {"document": info.model_dump(), "records": len(claims), "end": self._out.tell()}
            self._ledger.write((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
            self._ledger.flush()
        self._done.add(info.content_hash)

    def done(self) -> set[str]:
        return set(self._done)

    def close(self) -> None:
        for stream in (self._out, self._ledger):
            if stream is not None:
                stream.close()
        if self._stdout is not None:
            self._stdout.flush()


class JsonlSink(FileSink):
    """One JSON record per line."""

    def format(self, records: Sequence[BaseModel]) -> str:
        return "".join(r.model_dump_json() + "\n" for r in records)


class CsvSink(FileSink):
    """The flattened view of claims, one row each, with a header."""

    def header(self) -> str:
        buffer = io.StringIO()
        csv.DictWriter(buffer, fieldnames=CSV_COLUMNS).writeheader()
        return buffer.getvalue()

    def format(self, records: Sequence[BaseModel]) -> str:
        buffer = io.StringIO()
        csv.DictWriter(buffer, fieldnames=CSV_COLUMNS).writerows(flatten(r) for r in records)  # type: ignore[arg-type]
        return buffer.getvalue()


class RecordList:
    """A sink that keeps the records in memory, in the order written (reconcile and diff
    of articles)."""

    def __init__(self) -> None:
        self.records: list[BaseModel] = []

    def write(self, info: DocumentInfo, claims: Sequence[BaseModel]) -> None:
        self.records.extend(claims)

    def done(self) -> set[str]:
        return set()

    def close(self) -> None:
        pass


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C (SIGINT) waits until the block is done: it is raised when the block ends.
    Only where signals can be masked, and in the main thread, which receives them."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


class Counted:
    """A sink that counts the documents and records it was given to write; ``name`` says
    where they go. Ctrl-C waits until a document is written whole and counted."""

    def __init__(self, sink: Sink, name: str) -> None:
        self.sink, self.name, self.documents, self.records = sink, name, 0, 0

    def write(self, info: DocumentInfo, claims: Sequence[BaseModel]) -> None:
        with interrupts_held():
            self.sink.write(info, claims)
            self.documents += 1
            self.records += len(claims)

    def done(self) -> set[str]:
        return self.sink.done()

    def close(self) -> None:
        self.sink.close()
