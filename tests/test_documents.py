"""Reading articles: every unreadable file is an error record, the rest are read."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from extractor.documents import Document, dateline, parse_date, read_all
from extractor.models import DocumentError

from .conftest import FIXTURES


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


BATCH = Path(__file__).resolve().parent.parent / "fixtures" / "batch"


def test_text_title_and_dateline_are_read():
    [doc] = read_all([BATCH / "notes" / "rail_budget.md"])
    assert doc.title == "Rail operator doubles maintenance budget"
    assert doc.published == "2025-03-03"
    assert doc.content_hash == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("text, date", [
    ("Published: 2024-05-14T09:30:00Z", "2024-05-14"),
    ("By Jane Doe, March 12th, 2025 | 10:32 GMT", "2025-03-12"),
    ("Mon 3 Feb 2025", "2025-02-03"),
    ("no date here", None),
    ("31 Foo 2025", None),
])
def test_dates_are_parsed(text, date):
    assert parse_date(text) == date


def test_a_date_deep_in_the_body_is_not_a_dateline():
    body = "Title\n\n" + "\n".join(["Filler paragraph without any date at all in it."] * 6) + "\nOn 3 March 2025 it rained."
    assert dateline(body) is None
    assert dateline("Title\nOn 3 March 2025, after a long night of talks that ran well past midnight, the board agreed.") is None


@pytest.mark.parametrize("first, date", [
    # a wire dateline that opens the first paragraph: the date before its dash
    ("WARSAW, 21 May 2026 (Vistula Business Review) - Poland has raised PLN 2.86bn from the sale of five licences.",
     "2026-05-21"),
    ("MARSHALL, Texas, 19 February 2026 (Bayline Wire) - A federal jury in Texas on Thursday found for the firm.",
     "2026-02-19"),
    ("COPENHAGEN/BOSTON, 9 March 2026 (Harbourline News) - Danish drugmaker Nordvik has agreed to buy a US biotech.",
     "2026-03-09"),
    # ... not a sentence that mentions a date before a dash
    ("The firm said on 3 May 2024 that - as expected - profits fell sharply this year and would fall next year.", None),
])
def test_a_wire_dateline_opening_the_first_paragraph_dates_the_article(first, date):
    assert dateline(f"Headline of the story\n\n{first}") == date


def test_records_of_a_jsonl_file_are_documents_with_metadata():
    docs = list(read_all([BATCH / "wire"]))
    assert [d.doc_id for d in docs] == ["wire-0001", "wire-0002", "wire-0003"]
    first = docs[0]
    assert (first.title, first.published, first.publisher, first.url) == (
        "Northwind raises capital spending plan", "2024-05-14", "Example Wire", "https://news.example.com/northwind-capex")
    assert first.text.startswith("Northwind Energy said on Tuesday")
    assert docs[1].published == "2024-05-14"  # '14 May 2024'


def test_bad_records_are_errors_naming_their_line(tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "a", "text": "Acme paid $5m."}\n{"id": "b", "text": ""}\nnot json\n\n["a list"]\n'
        '{"title": "no id", "text": "Widget lost £2bn."}\n', encoding="utf-8")
    items = list(read_all([tmp_path]))
    assert isinstance(items[0], Document) and items[0].doc_id == "a"
    errors = [(i.doc_id, i.error, i.reason) for i in items if isinstance(i, DocumentError)]
    assert errors == [
        ("feed.jsonl#2", "InvalidRecord", "line 2: record has no text"),
        ("feed.jsonl#3", "InvalidRecord", "line 3: invalid JSON: Expecting value"),
        ("feed.jsonl#5", "InvalidRecord", "line 5: a record must be a JSON object, not list"),
    ]
    assert items[-1].doc_id == "feed.jsonl#6"  # no id: the file and line


def test_a_json_file_holds_one_record_or_a_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": "Acme paid $5m.", "published": "2020-01-02"}), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"id": "x", "text": "A"}, {"text": "B"}]), encoding="utf-8")
    items = {d.doc_id: d for d in read_all([tmp_path])}
    assert items["one.json"].published == "2020-01-02"
    assert items["x"].text == "A" and items["many.json#1"].text == "B"


def test_html_main_text_and_metadata():
    pytest.importorskip("trafilatura")
    [doc] = read_all([BATCH / "web"])
    assert doc.doc_id == "steel_merger.html"
    assert (doc.published, doc.publisher, doc.url) == (
        "2023-11-08", "Example Business News", "https://business.example.com/steel-merger")
    assert "Ferrum Works and Aceros Unidos" in doc.text
    assert "Markets" not in doc.text and "All rights reserved" not in doc.text  # navigation and footer dropped


def test_a_file_too_large_is_refused_without_reading_it(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"word " * 1000)
    [err] = read_all([tmp_path], max_chars=100)
    assert isinstance(err, DocumentError) and err.error == "TooLarge"
    assert err.reason == "too large: 5,000 bytes, the limit is 100 characters (--max-chars)"


def test_identical_texts_have_the_same_hash(tmp_path):
    (tmp_path / "a.txt").write_text("Acme paid $5m.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"Acme paid $5m.\r\n")
    a, b = read_all([tmp_path])
    assert a.content_hash == b.content_hash


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_byte_order_mark_decides_the_encoding_and_is_not_kept(tmp_path, encoding):
    text = "Hargreave Mills sells its dye works\r\n\r\nHargreave Mills will sell the works for £40m.\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # Python's utf-16-be writes no mark: add it
    (tmp_path / "marked.txt").write_bytes(data)
    [doc] = read_all([tmp_path])
    assert isinstance(doc, Document), doc
    assert doc.title == "Hargreave Mills sells its dye works"
    assert doc.text == text.replace("\r\n", "\n")  # no mark left at offset 0: offsets are the text's


def test_a_named_wide_encoding_without_a_mark_is_not_taken_for_binary(tmp_path):
    (tmp_path / "wide.txt").write_bytes("Ostrava Tools lost CZK 3bn.".encode("utf-16-le"))
    [doc] = read_all([tmp_path], encoding="utf-16-le")
    assert doc.text == "Ostrava Tools lost CZK 3bn."
    [err] = read_all([tmp_path])
    assert err.error == "BinaryFile"


def test_a_json_list_is_limited_per_record_not_per_file(tmp_path):
    records = [{"id": f"r{n:05d}", "text": f"Firm {n} paid ${n}m for a depot."} for n in range(10_000)]
    records.append({"id": "long", "text": "Long report. " * 20})
    (tmp_path / "feed.json").write_text(json.dumps(records), encoding="utf-8")
    assert (tmp_path / "feed.json").stat().st_size > 4 * 200  # refused whole before: more bytes than 200 characters take
    items = list(read_all([tmp_path], max_chars=200))
    assert len(items) == 10_001
    assert all(isinstance(i, Document) for i in items[:-1]) and items[9_999].text == "Firm 9999 paid $9999m for a depot."
    assert items[-1].error == "TooLarge" and items[-1].reason == (
        "record 10000: too large: 260 characters, the limit is 200 characters (--max-chars)")


def test_a_claims_file_is_named_for_what_it_is(tmp_path):
    claims = FIXTURES / "reconcile" / "bounds.jsonl"
    (tmp_path / "claims.jsonl").write_bytes(claims.read_bytes())
    (tmp_path / "one.json").write_text(claims.read_text(encoding="utf-8").splitlines()[0], encoding="utf-8")
    errors = list(read_all([tmp_path]))
    assert [(e.doc_id, e.error) for e in errors] == [("claims.jsonl", "ClaimRecords"), ("one.json", "ClaimRecords")]
    assert "claim records (claims extract output), not articles: load them with 'claims load" in errors[0].reason
    # a feed whose later line happens to look like a claim is still read as a feed
    (tmp_path / "claims.jsonl").write_text('{"id": "a", "text": "Acme paid $5m."}\n' + claims.read_text().splitlines()[0]
                                           + "\n", encoding="utf-8")
    first, second = list(read_all([tmp_path / "claims.jsonl"]))
    assert first.doc_id == "a" and second.error == "ClaimRecords" and second.reason.startswith("line 2: ")


def test_a_folder_that_cannot_be_listed_is_an_error_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "a_locked").mkdir()
    (tmp_path / "a_locked" / "hidden.txt").write_text("Acme paid $5m.", encoding="utf-8")
    (tmp_path / "b_open").mkdir()
    (tmp_path / "b_open" / "seen.txt").write_text("Widget lost £2bn.", encoding="utf-8")
    locked = tmp_path / "a_locked"
    scandir = os.scandir

    def refuse(path=".") -> object:  # root lists any folder: refuse this one as the kernel would refuse others
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    items = list(read_all([tmp_path]))
    assert [(i.doc_id, type(i).__name__) for i in items] == [("a_locked/", "DocumentError"), ("b_open/seen.txt", "Document")]
    assert (items[0].path, items[0].error, items[0].reason) == (
        str(locked), "PermissionError", "folder not read: Permission denied")
