"""Read articles from files and folders; every unreadable file becomes a DocumentError.

Formats: ``.txt`` and ``.md`` (title: the first line; published: a dateline near the top),
``.html`` (main text and metadata by trafilatura, the ``html`` extra) and ``.jsonl`` /
``.json`` article records ``{id, title, text, url, published, publisher}``.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .models import DocumentError

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".json")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES
BINARY_SNIFF = 8192
MAX_CHARS = 1_000_000  # spaCy's default nlp.max_length
MAX_SECONDS = 300.0  # the default time budget of one document (--max-seconds)
MAX_JSON_BYTES = 1 << 30  # a .json file is parsed whole; its records are limited one by one (max_chars)
# byte order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one); the
# codecs named drop the mark
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# keys every claim record has and no article record needs: a claims file given as articles
CLAIM_RECORD_KEYS = frozenset({"doc_id", "mention", "amount"})
DATELINE_LINES, DATELINE_WORDS = 5, 12
WIRE_DASH = re.compile(r"\s[-–—]\s")  # ends a wire dateline: 'LONDON, 14 October 2026 (Reuters) - '
WIRE_PLACE = re.compile(r"\s*[A-Z][\w.'’/-]*(?:\s+[A-Z][\w.'’/-]*)*,")  # opens one: 'MARSHALL, Texas, '

_MONTHS = {m[:3].lower(): i for i, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"), 1)}
_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DATES = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)",
    rf"\b{_DAY}\s+{_MONTH},?\s+(?P<year>\d{{4}})\b",
    rf"\b{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\b",
)]


class Unreadable(ValueError):
    """A file or record that is not an article; ``kind`` names the problem."""

    def __init__(self, reason: str, kind: str = "UnreadableText") -> None:
        super().__init__(reason)
        self.kind = kind


@dataclass
class Document:
    doc_id: str
    path: str
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None

    @cached_property
    def content_hash(self) -> str:
        """sha256 of the text as read: identical articles have the same hash."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def marked_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark at the start of ``data`` names, if any."""
    return next((name for mark, name in BOMS if data.startswith(mark)), None)


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """Bytes to text as Python's universal-newline reading gives it; Unreadable when not text.
    A byte order mark decides the encoding (UTF-8, UTF-16, UTF-32) and is not kept."""
    marked = marked_encoding(data)
    wide = marked or codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if not wide and b"\x00" in data[:BINARY_SNIFF]:
        raise Unreadable("binary file (NUL bytes), not text", "BinaryFile")
    try:
        text = data.decode(marked or encoding)
    except UnicodeDecodeError as exc:
        raise Unreadable(f"not valid {marked or encoding} at byte {exc.start}: {exc.reason}; "
                         "pass --encoding if the file uses another encoding", "InvalidEncoding") from exc
    if not text or text.isspace():
        raise Unreadable("empty file", "EmptyFile")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: str) -> str | None:
    """The first date in ``value`` as an ISO date: '2025-03-12T10:00Z', '12 March 2025',
    'March 12, 2025'; None when there is none."""
    for pattern in _DATES:
        for m in pattern.finditer(value):
            month = m["month"]
            number = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower())
            if number and 1 <= number <= 12 and 1 <= int(m["day"]) <= 31:
                return f"{int(m['year']):04d}-{number:02d}-{int(m['day']):02d}"
    return None


def dateline(text: str) -> str | None:
    """Publication date from a short line near the top ('Published 12 March 2025'), or from
    the dateline that opens a paragraph there ('WARSAW, 21 May 2026 (Vistula Review) - Poland ...')."""
    lines = [line for line in text.split("\n", 40)[:40] if line.strip()][:DATELINE_LINES]
    heads = (line if len(line.split()) <= DATELINE_WORDS else WIRE_DASH.split(line, 1)[0] if WIRE_PLACE.match(line)
             else "" for line in lines)
    return next((d for head in heads if len(head.split()) <= DATELINE_WORDS and (d := parse_date(head))), None)


def _too_large(size: int, max_chars: int, unit: str) -> Unreadable:
    return Unreadable(f"too large: {size:,} {unit}, the limit is {max_chars:,} characters (--max-chars)", "TooLarge")


def _checked(text: str, max_chars: int) -> str:
    if len(text) > max_chars:
        raise _too_large(len(text), max_chars, "characters")
    return text


def _text_document(data: bytes, doc_id: str, path: str, encoding: str, max_chars: int) -> Document:
    text = _checked(decode(data, encoding), max_chars)
    title = next((line.strip().lstrip("#").strip() for line in text.split("\n", 20) if line.strip()), None)
    return Document(doc_id, path, text, published=dateline(text), title=title or None)


def _html_document(data: bytes, doc_id: str, path: str, encoding: str, max_chars: int) -> Document:
    try:
        import trafilatura
    except ImportError as exc:
        raise Unreadable("HTML needs trafilatura: pip install 'claims[html]'", "MissingExtra") from exc
    found = trafilatura.bare_extraction(decode(data, encoding), with_metadata=True)
    meta: dict[str, Any] = (found if isinstance(found, dict) else found.as_dict()) if found else {}
    if not (meta.get("text") or "").strip():
        raise Unreadable("no main text found in the HTML", "NoText")
    text = _checked(meta["text"].replace("\r\n", "\n"), max_chars)
    published = parse_date(meta.get("date") or "") or dateline(text)
    return Document(doc_id, path, text, published=published, title=meta.get("title"), url=meta.get("url"),
                    publisher=meta.get("sitename"))


def _record_document(record: Any, doc_id: str, path: str, max_chars: int) -> Document:
    """An article record {id, title, text, url, published, publisher}; its id, when given,
    is the doc_id."""
    if not isinstance(record, dict):
        raise Unreadable(f"a record must be a JSON object, not {type(record).__name__}", "InvalidRecord")
    if "text" not in record and CLAIM_RECORD_KEYS <= record.keys():
        raise Unreadable("claim records (claims extract output), not articles: load them with 'claims load FILE "
                         "--db DB', or reconcile them with 'claims reconcile --claims FILE'", "ClaimRecords")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Unreadable("record has no text", "InvalidRecord")
    fields = {k: str(record[k]) if record.get(k) is not None else None
              for k in ("id", "title", "url", "publisher", "published")}
    return Document(fields["id"] or doc_id, path, _checked(text.replace("\r\n", "\n").replace("\r", "\n"), max_chars),
                    published=parse_date(fields["published"] or ""), title=fields["title"], url=fields["url"],
                    publisher=fields["publisher"])


def _error(doc_id: str, path: str, exc: Unreadable) -> DocumentError:
    return DocumentError(doc_id=doc_id, path=path, error=exc.kind, reason=str(exc))


def _jsonl_documents(path: Path, doc_id: str, encoding: str, max_chars: int) -> Iterator[Document | DocumentError]:
    """One document per line, streamed; a bad line is an error naming its number. A file
    whose first record is a claim record is one error: it is not articles."""
    first = True
    with path.open("rb") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if first and (marked := marked_encoding(line)) in ("utf-16", "utf-32"):
                raise Unreadable(f"JSON Lines must be UTF-8, this file is {marked}: convert it "
                                 f"(iconv -f {marked} -t utf-8)", "InvalidEncoding")
            line_id = f"{doc_id}#{number}"
            try:
                record = json.loads(decode(line, encoding))
                yield _record_document(record, line_id, str(path), max_chars)
            except json.JSONDecodeError as exc:
                yield _error(line_id, str(path), Unreadable(f"line {number}: invalid JSON: {exc.msg}", "InvalidRecord"))
            except Unreadable as exc:
                if first and exc.kind == "ClaimRecords":
                    raise
                yield _error(line_id, str(path), Unreadable(f"line {number}: {exc}", exc.kind))
            first = False


def _json_documents(data: bytes, doc_id: str, path: str, encoding: str, max_chars: int) -> Iterator[Document | DocumentError]:
    """A record, or a list of records (each limited to ``max_chars``, not the file)."""
    try:
        content = json.loads(decode(data, encoding))
    except json.JSONDecodeError as exc:
        raise Unreadable(f"invalid JSON: {exc.msg} at line {exc.lineno}", "InvalidRecord") from exc
    if not isinstance(content, list):
        yield _record_document(content, doc_id, path, max_chars)
        return
    for i, record in enumerate(content):
        try:
            yield _record_document(record, f"{doc_id}#{i}", path, max_chars)
        except Unreadable as exc:
            if exc.kind == "ClaimRecords" and not i:
                raise
            yield _error(f"{doc_id}#{i}", path, Unreadable(f"record {i}: {exc}", exc.kind))


def read_file(path: Path, doc_id: str, encoding: str = "utf-8", max_chars: int = MAX_CHARS) -> Iterator[Document | DocumentError]:
    """The documents of one file (several for .jsonl and .json lists), or its error."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("not a regular file", "NotAFile")
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from _jsonl_documents(path, doc_id, encoding, max_chars)
            return
        if suffix == ".json" and info.st_size > MAX_JSON_BYTES:
            raise Unreadable(f"too large: {info.st_size:,} bytes, a .json file is read whole and the limit is "
                             f"{MAX_JSON_BYTES:,} bytes: write its records as .jsonl, one a line", "TooLarge")
        if suffix != ".json" and info.st_size > 4 * max_chars:  # more bytes than max_chars characters take in UTF-8
            raise _too_large(info.st_size, max_chars, "bytes")
        data = path.read_bytes()
        if suffix == ".json":
            yield from _json_documents(data, doc_id, str(path), encoding, max_chars)
        elif suffix in HTML_SUFFIXES:
            yield _html_document(data, doc_id, str(path), encoding, max_chars)
        else:
            yield _text_document(data, doc_id, str(path), encoding, max_chars)
    except OSError as exc:
        yield DocumentError(doc_id=doc_id, path=str(path), error=type(exc).__name__, reason=exc.strerror or str(exc))
    except Unreadable as exc:
        yield _error(doc_id, str(path), exc)


def walk(paths: Iterable[Path], pattern: str = "*",
         unreadable: Callable[[DocumentError], None] | None = None) -> Iterator[tuple[Path, str]]:
    """(file, doc_id) for every article file: folders recursively, sorted; doc_id is the
    path relative to the folder given (a single file: its name). A folder that cannot be
    listed is told to ``unreadable`` (doc_id: its relative path and a slash)."""
    for root in paths:
        if not root.is_dir():
            yield root, root.name
            continue

        def refused(exc: OSError, root: Path = root) -> None:
            if unreadable is not None:
                folder = Path(exc.filename or root)
                name = folder.relative_to(root).as_posix() if folder != root else root.name
                unreadable(DocumentError(doc_id=f"{name}/", path=str(folder), error=type(exc).__name__,
                                         reason=f"folder not read: {exc.strerror or exc}"))

        for dirpath, dirnames, filenames in os.walk(root, onerror=refused):
            dirnames.sort()
            for name in sorted(filenames):
                file = Path(dirpath) / name
                if file.suffix.lower() in SUFFIXES and file.match(pattern):
                    yield file, file.relative_to(root).as_posix()


def read_all(paths: Iterable[Path], pattern: str = "*", encoding: str = "utf-8",
             max_chars: int = MAX_CHARS) -> Iterator[Document | DocumentError]:
    """Every document under ``paths``, streamed in walk order, and an error for each folder
    that could not be listed."""
    folders: list[DocumentError] = []
    for file, doc_id in walk(paths, pattern, folders.append):
        while folders:
            yield folders.pop(0)
        yield from read_file(file, doc_id, encoding, max_chars)
    yield from folders
