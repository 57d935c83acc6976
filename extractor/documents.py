"""Read articles from files and folders; every unreadable file becomes a DocumentError."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .models import DocumentError

SUFFIXES = (".txt", ".md")
BINARY_SNIFF = 8192


@dataclass
class Document:
    doc_id: str
    path: str
    text: str
    published: str | None = None


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """Bytes to text as Python's universal-newline reading gives it; ValueError when not text."""
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:BINARY_SNIFF]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid {encoding} at byte {exc.start}: {exc.reason}; "
                         "pass --encoding if the file uses another encoding") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_document(path: Path, doc_id: str, encoding: str = "utf-8") -> Document | DocumentError:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return DocumentError(doc_id=doc_id, path=str(path), error=type(exc).__name__, reason=exc.strerror or str(exc))
    try:
        return Document(doc_id=doc_id, path=str(path), text=decode(data, encoding))
    except ValueError as exc:
        return DocumentError(doc_id=doc_id, path=str(path), error="UnreadableText", reason=str(exc))


def walk(paths: Iterable[Path], pattern: str = "*") -> Iterator[tuple[Path, str]]:
    """(file, doc_id) for every article file: folders recursively, sorted; doc_id is the
    path relative to the folder given (a single file: its name)."""
    for root in paths:
        if root.is_dir():
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames.sort()
                for name in sorted(filenames):
                    file = Path(dirpath) / name
                    if file.suffix.lower() in SUFFIXES and file.match(pattern):
                        yield file, file.relative_to(root).as_posix()
        else:
            yield root, root.name


def read_all(paths: Iterable[Path], pattern: str = "*", encoding: str = "utf-8") -> Iterator[Document | DocumentError]:
    for file, doc_id in walk(paths, pattern):
        if not file.exists():
            yield DocumentError(doc_id=doc_id, path=str(file), error="FileNotFoundError", reason="no such file or folder")
            continue
        yield read_document(file, doc_id, encoding)
