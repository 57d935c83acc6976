"""The database sink, loads, exports and migrations, against real SQLite files and, when
CLAIMS_TEST_POSTGRES_URL names a server (``.ci/run`` starts one), a real PostgreSQL."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any, Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, insert, select, table, column
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from extractor import __version__, extract_text
from extractor.batch import Progress
from extractor.cli import app
from extractor.database import (SCHEMA_REVISION, ClaimStore, RecordError, StoreError, database_url, load_claims,
                                revision_of, upgrade)
from extractor.database import load as loading
from extractor.database.engine import open_engine
from extractor.database.rows import claim_values, hop_values
from extractor.database.schema import attribution_hops, claims, documents, metadata
from extractor.models import Claim, DocumentInfo
from extractor.records import claim_id

from .conftest import FIXTURES, ROOT, SEEDS

PG_ENV = "CLAIMS_TEST_POSTGRES_URL"
runner = CliRunner()
Article = tuple[DocumentInfo, list[Claim]]


# ------------------------------------------------------------------ databases and records
@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new empty database: an SQLite file, or a fresh database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "claims.db")
        return
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"PostgreSQL tests skipped: set {PG_ENV}=postgresql+psycopg://USER@HOST:PORT/DB "
                    "(.ci/run starts a server and sets it)")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"claims_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[ClaimStore]:
    with ClaimStore(db_url) as opened:
        yield opened


def article(doc_id: str, text: str, nlp: Any) -> Article:
    """A document read and extracted as batch extraction does."""
    info = DocumentInfo(doc_id=doc_id, path=f"articles/{doc_id}", content_hash=hashlib.sha256(text.encode()).hexdigest(),
                        title=text.splitlines()[0], published="2025-12-30", extractor_version=__version__)
    return info, extract_text(text, doc_id=doc_id, nlp=nlp)


@pytest.fixture(scope="session")
def seeds(nlp: Any) -> list[Article]:
    return [article(p.name, p.read_text(encoding="utf-8"), nlp) for p in sorted(SEEDS.glob("*.txt"))]


def renamed(claims_: list[Claim], doc_id: str) -> list[Claim]:
    """The claims of an article filed under another doc_id (ids follow, as extraction gives them)."""
    ids = {c.id: claim_id(doc_id, c.start, c.end, c.amount) for c in claims_}
    return [c.model_copy(update={"doc_id": doc_id, "id": ids[c.id], "equivalent_of": ids.get(c.equivalent_of)})
            for c in claims_]


@pytest.fixture(scope="session")
def corpus_file(seeds: list[Article], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A claims JSONL of 40 documents (the seed articles filed under 20 folders each)."""
    path = tmp_path_factory.mktemp("corpus") / "claims.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(20):
            for info, found in seeds:
                out.writelines(c.model_dump_json() + "\n" for c in renamed(found, f"batch{n:02d}/{info.doc_id}"))
    return path


TIMES = {"loaded_at", "superseded_at", "reconciled_at"}


def dump(url: str) -> dict[str, list[str]]:
    """Every row of every table, timestamps reduced to whether they are set: what two runs
    must agree on."""
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            return {t.name: sorted(json.dumps({k: (v is not None if k in TIMES else v) for k, v in row._asdict().items()},
                                              sort_keys=True, default=str)
                                   for row in connection.execute(select(t)))
                    for t in metadata.sorted_tables}
    finally:
        engine.dispose()


def counts(url: str) -> dict[str, int]:
    return {name: len(rows) for name, rows in dump(url).items()}


def load(*args: str) -> Any:
    return runner.invoke(app, ["load", *args])


# ------------------------------------------------------------------ opening
def test_a_bare_path_is_sqlite_and_postgres_urls_use_psycopg(tmp_path):
    assert database_url(str(tmp_path / "claims.db")).drivername == "sqlite"
    assert database_url("postgresql://u@127.0.0.1/claims").drivername == "postgresql+psycopg"
    assert database_url("sqlite:///x.db").database == "x.db"
    with pytest.raises(StoreError, match="unknown database kind"):
        ClaimStore("nosuchdb://host/x")


def test_an_unreachable_server_is_a_clear_error(tmp_path):
    result = load(str(FIXTURES / "reconcile" / "bytedance.jsonl"), "--db", "postgresql://nobody@127.0.0.1:9/none")
    assert result.exit_code == 2
    assert "error: cannot open database postgresql+psycopg://nobody@127.0.0.1:9/none" in result.stderr


def test_sqlite_files_are_in_wal_mode_with_a_busy_timeout(tmp_path):
    with ClaimStore(str(tmp_path / "claims.db")) as opened, opened.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 8192


def test_an_sqlite_file_made_with_other_pages_keeps_them_and_loads(tmp_path, corpus_file):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as made:
        made.execute("PRAGMA page_size=4096")
        made.execute("CREATE TABLE notes (text TEXT)")
    with ClaimStore(str(path)) as opened:
        assert load_claims(opened, [corpus_file]).claims == 500
        with opened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 4096


# ------------------------------------------------------------------ the sink
def test_write_stores_documents_claims_and_hops(store, seeds):
    for info, found in seeds:
        store.write(info, found)
    assert store.done() == {info.content_hash for info, _ in seeds}
    with store.engine.connect() as connection:
        rows = connection.execute(select(claims).order_by(claims.c.doc_id, claims.c.start_offset)).mappings().all()
        doc = connection.execute(select(documents).where(documents.c.doc_id == "004_e6c9b792dda29dee.txt")).one()
        hops = connection.execute(select(func.count()).select_from(attribution_hops)).scalar()
    assert len(rows) == sum(len(found) for _, found in seeds) == 25
    first = next(r for r in rows if r["doc_id"] == "004_e6c9b792dda29dee.txt")
    assert (first["mention"], first["currency"], first["qualifier"], first["value"]) == ("¥200 billion", "CNY", "exact", 2e11)
    assert Claim.model_validate(first["record"]).id == first["id"]
    assert str(doc.published) == "2025-12-30" and doc.claim_count == 10 and doc.hash_of == "text"
    assert hops == sum(len(c.attribution.chain) for _, found in seeds for c in found) > 25


def test_writing_the_same_documents_twice_leaves_the_same_rows(store, seeds, db_url):
    for info, found in seeds:
        store.write(info, found)
    first = dump(db_url)
    for info, found in seeds:
        store.write(info, found)
    assert dump(db_url) == first


def test_a_changed_article_supersedes_the_old_version(store, seeds, nlp, db_url):
    old_info, old_claims = seeds[1]
    text = (SEEDS / old_info.doc_id).read_text(encoding="utf-8").replace("¥200 billion", "¥250 billion")
    new_info, new_claims = article(old_info.doc_id, text, nlp)
    store.write(old_info, old_claims)
    store.write(new_info, new_claims)
    assert store.done() == {new_info.content_hash}
    with store.engine.connect() as connection:
        versions = {r.content_hash: r for r in connection.execute(select(documents))}
        current = connection.execute(select(claims.c.value).where(claims.c.superseded_at.is_(None))).scalars().all()
        old = connection.execute(select(claims.c.value).where(claims.c.superseded_at.is_not(None))).scalars().all()
    assert versions[old_info.content_hash].superseded_by == new_info.content_hash
    assert versions[new_info.content_hash].superseded_at is None
    assert 2.5e11 in current and 2e11 not in current and 2e11 in old
    assert len(old) == len(old_claims) and len(current) == len(new_claims)
    store.write(old_info, old_claims)  # the article changed back: the first version is current again
    assert store.done() == {old_info.content_hash}
    assert counts(db_url)["claims"] == len(old_claims) + len(new_claims)


def test_text_with_tabs_backslashes_and_line_breaks_is_stored_as_it_is(store, nlp):
    """PostgreSQL rows go in by COPY, whose text format escapes these characters."""
    info, found = article("odd.txt", "Acme said\tit will spend $5 billion \\ on chips.\nÉtat: ¥200 billion.", nlp)
    odd = [c.model_copy(update={"sentence": c.sentence + "\t\\N \\\\x\r\n end"}) for c in found]
    store.write(info, odd)
    with store.engine.connect() as connection:
        rows = connection.execute(select(claims.c.id, claims.c.sentence, claims.c.record).order_by(claims.c.start_offset)).all()
    assert [(r.id, r.sentence) for r in rows] == [(c.id, c.sentence) for c in odd] and len(rows) == 2
    assert [Claim.model_validate(r.record) for r in rows] == odd


def test_a_bad_claim_rejects_its_document_and_nothing_else(store, seeds):
    (good_info, good), (bad_info, found) = seeds
    broken = found[0].model_copy(update={"amount": found[0].amount.model_copy(update={"currency": "yuan"})})
    with pytest.raises(RecordError, match=rf"amount.currency: claim {broken.id}: not an ISO 4217 code"):
        store.write(bad_info, [*found[1:], broken])
    store.write(good_info, good)
    assert store.done() == {good_info.content_hash}


def test_a_nul_character_is_refused_on_every_database_naming_its_field(store, nlp):
    info, found = article("nul.txt", "Acme will spend $5 billion on chips.", nlp)
    with pytest.raises(RecordError, match=r"^sentence: claim \w+: holds a NUL character \(\\u0000\)"):
        store.write(info, [found[0].model_copy(update={"sentence": "Acme will\x00 spend $5 billion on chips."})])
    with pytest.raises(RecordError, match=r"^document.title: holds a NUL character"):
        store.write(info.model_copy(update={"title": "Acme\x00"}), found)
    literal = found[0].model_copy(update={"sentence": "Acme wrote \\u0000 in a sentence for $5 billion."})
    store.write(info, [literal])  # a backslash and 'u0000' are text like any other
    assert store.done() == {info.content_hash}


def test_a_row_the_database_itself_refuses_is_a_record_error_and_the_store_goes_on(store, nlp):
    info, found = article("check.txt", "Acme will spend $5 billion on chips.", nlp)
    beyond = found[0].model_copy(update={"confidence": 1.5})  # past the model's check: the table's CHECK refuses it
    with pytest.raises(RecordError, match=r"^record: refused by the database: .*confidence"):
        store.write(info, [beyond])
    assert store.done() == set()
    store.write(info, found)
    assert store.done() == {info.content_hash}


def test_a_document_the_database_refuses_is_reported_and_the_run_goes_on(db_url, tmp_path):
    records = [{"id": "before", "text": "Acme paid $5m for the depot."},
               {"id": "nul-text", "text": "Brill Foods paid $7m\u0000 for the mill."},
               {"id": "nul-title", "title": "Lost\u0000", "text": "Corvo Rail lost $9m."},
               {"id": "after", "text": "Delta Mines raised $3m."}]
    feed, out = tmp_path / "feed.jsonl", tmp_path / "claims.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(feed), "--db", db_url, "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    nul = "holds a NUL character (\\u0000), which PostgreSQL text cannot store (refused on every database)"
    assert [re.sub(r"claim \w+", "claim ID", e) for e in errors] == [  # the same lines on SQLite and PostgreSQL
        f"error: {feed}: document nul-text: not written: sentence: claim ID: {nul}",
        f"error: {feed}: document nul-title: not written: document.title: {nul}"]
    assert "4 documents read from 1 files, 2 failed" in result.stderr
    with ClaimStore(db_url) as stored:
        assert len(stored.done()) == 2
    assert [Claim.model_validate_json(line).doc_id for line in out.read_text().splitlines()] == [
        "before", "nul-text", "nul-title", "after"]  # the file has every document: nothing is lost


# ------------------------------------------------------------------ claims load
def test_loading_twice_leaves_the_same_rows(db_url, corpus_file):
    first = load(str(corpus_file), "--db", db_url)
    assert first.exit_code == 0, first.output
    assert "40 documents and 500 claims loaded, 0 documents already loaded, 0 records rejected" in first.stderr
    rows = dump(db_url)
    assert load(str(corpus_file), "--db", db_url).exit_code == 0
    assert dump(db_url) == rows
    assert {name: len(r) for name, r in rows.items()}["documents"] == 40
    resumed = load(str(corpus_file), "--db", db_url, "--resume")
    assert "0 documents and 0 claims loaded, 40 documents already loaded" in resumed.stderr


def test_a_load_reports_progress_after_each_batch(corpus_file, tmp_path):
    """Told after every transaction: the report so far and the documents in the input;
    `claims load` shows it as progress lines when stderr is not a terminal."""
    seen: list[tuple[int, int, int]] = []
    with ClaimStore(str(tmp_path / "claims.db")) as store:
        load_claims(store, [corpus_file], batch=100, workers=0,
                    progress=lambda report, total: seen.append((report.documents, report.claims, total)))
    assert len(seen) == 5 and all(total == 40 for _, _, total in seen)
    assert [claims_ for _, claims_, _ in seen] == sorted(claims_ for _, claims_, _ in seen) and seen[-1][:2] == (40, 500)



def test_load_progress_lines_count_documents_claims_and_rejections(tmp_path, capsys):
    with ClaimStore(str(tmp_path / "claims.db")) as store, \
            Progress(interval=0, doing="loading", failed="records rejected") as shown:
        load_claims(store, [FIXTURES / "database" / "bad_records.jsonl"], workers=0, progress=lambda so_far, total:
                    shown.show(so_far.documents + so_far.skipped, so_far.claims, len(so_far.rejected), total))
    assert capsys.readouterr().err == "progress: 2/2 documents, 5 claims, 7 records rejected\n"


def test_loaded_documents_have_a_hash_derived_from_their_records(db_url):
    assert load(str(FIXTURES / "reconcile" / "bytedance.jsonl"), "--db", db_url, "-q").exit_code == 0
    engine = open_engine(db_url)
    with engine.connect() as connection:
        docs = connection.execute(select(documents).order_by(documents.c.doc_id)).all()
    engine.dispose()
    assert [d.doc_id for d in docs] == ["biggo.txt", "independent.txt", "lds.txt", "relay.txt"]
    assert {d.hash_of for d in docs} == {"claims"}
    assert all(len(d.content_hash) == 64 for d in docs)
    assert next(d for d in docs if d.doc_id == "biggo.txt").publisher == "BigGo Editorial Team"


def test_bad_records_are_rejected_by_line_and_field_and_the_rest_is_loaded(db_url):
    result = load(str(FIXTURES / "database" / "bad_records.jsonl"), "--db", db_url)
    assert result.exit_code == 1
    errors = [line.split("bad_records.jsonl:", 1)[1] for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "2: start: Input should be a valid integer, unable to parse string as an integer",
        "3: mention: Field required",
        "4: record: Invalid JSON: EOF while parsing a value at line 1 column 26",
        "5: amount.currency: not an ISO 4217 code (three capital letters): 'usd'",
        "7: id: claim 85f70b2122b0a4f3 repeats the record of " + str(FIXTURES / "database" / "bad_records.jsonl") + ":1",
        "8: amount.qualifier: Input should be 'exact', 'approximately', 'more_than', 'at_least', 'less_than', "
        "'at_most', 'range' or 'vague'",
        "10: period.start: not an ISO date: 'next year'",
    ]
    assert "2 documents and 5 claims loaded, 0 documents already loaded, 7 records rejected" in result.stderr
    assert counts(db_url)["claims"] == 5


def test_records_prepared_in_a_worker_process_load_the_same_rows(db_url, corpus_file, tmp_path):
    """A large input is parsed in worker processes while this one writes: same rows, same
    rejections as parsing here (scrambled lines: documents interleaved, a bad record)."""
    lines = corpus_file.read_text(encoding="utf-8").splitlines()
    bad = (FIXTURES / "database" / "bad_records.jsonl").read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join(lines[::2] + bad + lines[1::2]) + "\n", encoding="utf-8")
    here = tmp_path / "here.db"
    with ClaimStore(str(here)) as store:
        expected = load_claims(store, [mixed], batch=60, workers=0)
    with ClaimStore(db_url) as store:
        report = load_claims(store, [mixed], batch=60, workers=2)
    assert (report.documents, report.claims, report.skipped) == (expected.documents, expected.claims, 0) == (42, 505, 0)
    assert list(map(str, report.rejected)) == list(map(str, expected.rejected)) and len(report.rejected) == 7
    assert dump(db_url) == dump(str(here))


def test_a_line_that_is_not_utf8_is_rejected_and_the_rest_is_loaded(db_url, corpus_file, tmp_path):
    lines = corpus_file.read_bytes().splitlines(keepends=True)
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(b"".join(lines[:3]) + lines[3].replace(b'"mention":"', b'"mention":"\xff', 1) + b"".join(lines[4:]))
    with ClaimStore(db_url) as store:
        report = load_claims(store, [broken])
    assert [(bad.line, bad.field) for bad in report.rejected] == [(4, "record")]
    assert "not UTF-8" in report.rejected[0].message
    assert report.claims == len(lines) - 1


def test_documents_are_cut_into_runs_of_lines_in_blocks_shorter_than_a_line(corpus_file, tmp_path, monkeypatch):
    """The loader finds where each document's lines are without parsing them, block by
    block: runs cover the file exactly, with their first line number and line count, also
    when a line is longer than a block, lines are blank or bad, and the last line has no end."""
    lines = corpus_file.read_bytes().splitlines(keepends=True)[:30]
    data = b"not json\n" + b"".join(lines[:12]) + b"\n  \n" + b"".join(lines[12:]).rstrip(b"\n")
    path = tmp_path / "some.jsonl"
    path.write_bytes(data)
    monkeypatch.setattr(loading, "READ_BLOCK", 100)
    runs = list(loading.keyed_runs(path))
    assert b"".join(data[run.start:run.end] for _, run in runs) == data
    assert sum(run.lines for _, run in runs) == data.count(b"\n") + 1
    doc_ids = [json.loads(line)["doc_id"].encode() for line in lines]
    expected_keys = [None] + [k for n, k in enumerate(doc_ids) if n == 0 or doc_ids[n - 1] != k]
    assert [key for key, _ in runs] == expected_keys
    for key, run in runs:
        assert run.line == data[:run.start].count(b"\n") + 1
        assert all(key in line for line in data[run.start:run.end].splitlines() if b"doc_id" in line)


def test_a_file_that_cannot_be_read_is_reported_and_the_others_are_loaded(db_url, corpus_file, tmp_path):
    gone = tmp_path / "gone.jsonl"
    with ClaimStore(db_url) as store:
        report = load_claims(store, [gone, corpus_file])
    assert (report.documents, report.claims) == (40, 500)
    assert [str(bad) for bad in report.rejected] == [f"{gone}: not read: [Errno 2] No such file or directory: '{gone}'"]


def test_a_file_gone_before_its_lines_are_parsed_is_reported(corpus_file, tmp_path):
    path = tmp_path / "gone.jsonl"
    path.write_bytes(corpus_file.read_bytes())
    groups = list(loading.line_groups(loading.scan([path], [])))
    path.unlink()
    batch = loading.prepare_batch(groups[:1])
    assert batch.documents == [] and len(batch.rejected) == 1
    bad = batch.rejected[0]
    assert (bad.path, bad.line, bad.field) == (str(path), 1, "record")
    assert "lines not read" in bad.message and "No such file" in bad.message


# ------------------------------------------------------------------ exports
def test_export_flattens_one_row_per_claim(db_url, corpus_file, tmp_path):
    load(str(corpus_file), "--db", db_url)
    as_csv = runner.invoke(app, ["export", "--db", db_url, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == 500 and "500 claims exported" in as_csv.stderr
    yen = next(r for r in rows if r["doc_id"] == "batch00/004_e6c9b792dda29dee.txt")
    assert (yen["mention"], yen["currency"], yen["value"], yen["period_start"]) == ("¥200 billion", "CNY", "200000000000.0", "2026-01-01")
    as_jsonl = runner.invoke(app, ["export", "--db", db_url, "-f", "jsonl", "-o", str(tmp_path / "c.jsonl"), "-q"])
    assert as_jsonl.exit_code == 0
    records = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [r["id"] for r in rows]
    assert " > " in next(r["chain"] for r in records if r["source"])


def test_export_refuses_a_database_that_does_not_exist_and_makes_none(tmp_path):
    typo = tmp_path / "typo.db"
    result = runner.invoke(app, ["export", "--db", str(typo)])
    assert result.exit_code == 2 and not typo.exists()
    assert result.stderr == f"error: no such database: {typo} (claims load or claims extract --db makes one)\n"
    foreign = tmp_path / "other.db"
    with closing(sqlite3.connect(foreign)) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    before = foreign.read_bytes()
    result = runner.invoke(app, ["export", "--db", str(foreign)])
    assert result.exit_code == 2 and "other.db is not a claims database" in result.stderr
    assert foreign.read_bytes() == before and not Path(f"{foreign}-wal").exists()  # looked at, not changed


def test_reading_a_database_without_the_claims_schema_is_refused(db_url):
    """An empty database on the server (or an empty SQLite file): nothing to read, nothing made."""
    if "://" not in db_url:
        Path(db_url).touch()
    with pytest.raises(StoreError, match="is not a claims database"):
        ClaimStore(db_url, create=False)
    with ClaimStore(db_url) as made:  # writers make the schema
        assert revision_of(made.engine) == SCHEMA_REVISION
    with ClaimStore(db_url, create=False) as opened:
        assert opened.done() == set()


def test_export_parquet(db_url, corpus_file, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    load(str(corpus_file), "--db", db_url)
    out = tmp_path / "claims.parquet"
    assert runner.invoke(app, ["export", "--db", db_url, "-f", "parquet", "-o", str(out)]).exit_code == 0
    exported = pq.read_table(out)
    assert exported.num_rows == 500
    assert str(exported.schema.field("value").type) == "double"
    assert str(exported.schema.field("period_start").type) == "date32[day]"
    assert runner.invoke(app, ["export", "--db", db_url, "-f", "parquet"]).exit_code == 2


def test_export_of_superseded_versions(store, seeds, nlp, db_url):
    info, found = seeds[0]
    store.write(info, found)
    changed, found_again = article(info.doc_id, "Edited. " + (SEEDS / info.doc_id).read_text(encoding="utf-8"), nlp)
    store.write(changed, found_again)
    current = runner.invoke(app, ["export", "--db", db_url, "-f", "jsonl"]).stdout.splitlines()
    every = runner.invoke(app, ["export", "--db", db_url, "-f", "jsonl", "--all-versions"]).stdout.splitlines()
    assert len(current) == len(found_again) and len(every) == len(found) + len(found_again)
    assert {json.loads(r)["content_hash"] for r in current} == {changed.content_hash}


# ------------------------------------------------------------------ reconciliation
def test_reconcile_stores_facts_and_findings(db_url):
    source = str(FIXTURES / "reconcile" / "bytedance.jsonl")
    result = runner.invoke(app, ["reconcile", source, "--db", db_url, "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    reported = json.loads(result.stdout)
    stored = counts(db_url)
    assert stored["facts"] == len(reported["facts"]) > 0
    assert stored["findings"] == len(reported["findings"]) > 0
    assert stored["fact_members"] == len({(f["id"], m["claim"]) for f in reported["facts"] for m in f["mentions"]})
    runner.invoke(app, ["reconcile", source, "--db", db_url, "-f", "json", "-q"])
    assert counts(db_url) == stored


# ------------------------------------------------------------------ the README's queries
def readme_queries() -> list[str]:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Databases", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_the_readme_queries_run(db_url, corpus_file):
    load(str(corpus_file), "--db", db_url)
    runner.invoke(app, ["reconcile", str(corpus_file), "--db", db_url, "-f", "json", "-q"])
    queries = readme_queries()
    assert len(queries) == 3
    engine = open_engine(db_url)
    with engine.connect() as connection:
        about, conflicts, by_type = (connection.exec_driver_sql(q).all() for q in queries)
    engine.dispose()
    assert about and all("ByteDance" in (row.subject, row.counterparty) for row in about)
    assert conflicts
    assert {row.source_type for row in by_type} >= {"media", "publisher"}


# ------------------------------------------------------------------ migrations
def test_migrations_build_exactly_the_declared_schema(db_url):
    engine = open_engine(db_url)
    upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    assert revision_of(engine) == SCHEMA_REVISION
    engine.dispose()


def test_a_previous_version_database_is_upgraded_in_place(db_url, seeds):
    engine = open_engine(db_url)
    upgrade(engine, "0001")
    assert revision_of(engine) == "0001"
    info, found = seeds[1]
    v1_documents = table("documents", *(column(c) for c in ("doc_id", "content_hash", "hash_of", "path",
                                                            "extractor_version", "claim_count", "loaded_at")))
    with engine.begin() as connection:
        connection.execute(insert(v1_documents), [{"doc_id": info.doc_id, "content_hash": info.content_hash,
                                                   "hash_of": "text", "path": info.path, "claim_count": len(found),
                                                   "extractor_version": "0.0.1", "loaded_at": "2025-01-01 00:00:00"}])
        v1_claims = [{k: v for k, v in dict(zip(claims.columns.keys(), claim_values(c, info.content_hash))).items() if k != "superseded_at"} for c in found]
        connection.execute(insert(table("claims", *(column(k) for k in v1_claims[0]))), v1_claims)
    engine.dispose()
    with ClaimStore(db_url) as upgraded:
        assert revision_of(upgraded.engine) == SCHEMA_REVISION
        assert upgraded.done() == {info.content_hash}
        with upgraded.engine.connect() as connection:
            hops = connection.execute(select(attribution_hops)).mappings().all()
            kept = connection.execute(select(claims.c.id)).scalars().all()
        assert sorted(kept) == sorted(c.id for c in found)  # tables rebuilt by migrations keep their rows
        assert sorted(map(dict, hops), key=str) == sorted((dict(zip(attribution_hops.columns.keys(), h)) for c in found for h in hop_values(c, info.content_hash)),
                                                          key=str)
        upgraded.write(*seeds[1])
    assert counts(db_url)["claims"] == len(found)
