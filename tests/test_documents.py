"""Reading articles: every unreadable file is an error record, the rest are read."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.documents import Document, read_all
from extractor.models import DocumentError


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text("Acme paid $5m for the site.\n", encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "also_good.md").write_text("Widget lost £2bn.\r\nIt said so.\r\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 profits: \xa35m".encode("latin-1"))
    (tmp_path / "vanished.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return tmp_path


def test_each_bad_file_gets_its_reason_and_good_files_are_read(corpus):
    items = {i.doc_id: i for i in read_all([corpus])}
    assert isinstance(items["good.txt"], Document)
    assert isinstance(items["nested/also_good.md"], Document)
    reasons = {k: v.reason for k, v in items.items() if isinstance(v, DocumentError)}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "not valid utf-8 at byte 3" in reasons["latin1.txt"] and "--encoding" in reasons["latin1.txt"]
    assert "no such file" in reasons["vanished.txt"].lower()
    assert "folder.txt" not in items  # a folder is walked, not read
    assert "notes.csv" not in items  # not an article format


def test_other_encoding_can_be_named(corpus):
    doc = next(i for i in read_all([corpus / "latin1.txt"], encoding="latin-1"))
    assert doc.text == "Café profits: £5m"


def test_line_endings_read_as_python_reads_text(corpus):
    doc = next(i for i in read_all([corpus / "nested" / "also_good.md"]))
    assert doc.text == "Widget lost £2bn.\nIt said so.\n"
    assert doc.doc_id == "also_good.md"  # a single file: its name


