"""Batch runs: worker processes, input order, duplicates, resume after a kill, sinks,
progress lines and the database sink, run as users run them."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from extractor import batch
from extractor.batch import Progress
from extractor.cli import app
from extractor.models import Claim, DocumentInfo
from extractor.writers import ledger_path

from .conftest import FIXTURES, ROOT, SEEDS

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Seeds, wire records (one without any money figure), an HTML page, a Markdown note
    and a copy of a seed under another name."""
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "batch", root)
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copy(SEEDS / "004_e6c9b792dda29dee.txt", root / "seeds" / "zz_copy.txt")
    return root


def _extract(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, ["extract", *map(str, args)])
    return result.exit_code, result.stderr


def _ledger(output: Path) -> list[dict]:
    return [json.loads(line) for line in ledger_path(output).read_text(encoding="utf-8").splitlines()]


def test_workers_write_what_one_process_writes_in_input_order(corpus, tmp_path):
    one, two, loose = tmp_path / "one.jsonl", tmp_path / "two.jsonl", tmp_path / "loose.jsonl"
    assert _extract(corpus, "-o", one)[0] == 0
    assert _extract(corpus, "-o", two, "--workers", "2")[0] == 0
    assert _extract(corpus, "-o", loose, "--workers", "2", "--unordered")[0] == 0
    assert two.read_bytes() == one.read_bytes()
    assert sorted(loose.read_text().splitlines()) == sorted(one.read_text().splitlines())
    assert [e["document"]["doc_id"] for e in _ledger(two)] == [e["document"]["doc_id"] for e in _ledger(one)]
    claims = [Claim.model_validate_json(line) for line in one.read_text(encoding="utf-8").splitlines()]
    assert {c.doc_id for c in claims} >= {"wire-0001", "web/steel_merger.html", "seeds/000_3f00ea69314cb987.txt"}


def test_duplicates_are_extracted_once_and_reported(corpus, tmp_path):
    out = tmp_path / "claims.jsonl"
    status, stderr = _extract(corpus, "-o", out)
    assert status == 0
    assert ("duplicate: " in stderr and "zz_copy.txt" in stderr
            and "has the same text as seeds/004_e6c9b792dda29dee.txt" in stderr)
    assert "; 1 skipped (1 duplicates, 0 already done)" in stderr
    doc_ids = {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}
    assert "seeds/zz_copy.txt" not in doc_ids and "seeds/004_e6c9b792dda29dee.txt" in doc_ids
    status, stderr = _extract(corpus, "-o", out, "--keep-duplicates")
    assert status == 0 and "skipped" not in stderr
    assert "seeds/zz_copy.txt" in {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}


def test_ledger_lists_every_document_with_its_metadata(corpus, tmp_path):
    out = tmp_path / "claims.jsonl"
    _extract(corpus, "-o", out)
    entries = {e["document"]["doc_id"]: e for e in _ledger(out)}
    quiet = entries["wire-0003"]  # no money figure: still a document done
    assert quiet["records"] == 0
    wire = DocumentInfo.model_validate(entries["wire-0001"]["document"])
    assert (wire.title, wire.published, wire.url) == (
        "Northwind raises capital spending plan", "2024-05-14", "https://news.example.com/northwind-capex")
    assert entries["notes/rail_budget.md"]["document"]["published"] == "2025-03-03"
    assert "seeds/004_e6c9b792dda29dee.txt" in entries and "seeds/zz_copy.txt" not in entries  # not the duplicate


def test_the_published_date_resolves_relative_periods(corpus, tmp_path):
    out = tmp_path / "claims.jsonl"
    _extract(corpus / "wire", "-o", out)
    claims = {c.mention: c for c in map(Claim.model_validate_json, out.read_text().splitlines())}
    assert claims["$5bn"].period.text == "next year"
    assert (claims["$5bn"].period.start, claims["$5bn"].period.end) == ("2025-01-01", "2025-12-31")


@pytest.mark.parametrize("fmt, tear, short", [("jsonl", 30, 7), ("csv", 30, 7), ("jsonl", -1, 0)])
def test_a_killed_run_resumes_to_the_same_output(corpus, tmp_path, fmt, tear, short):
    """The state a kill can leave: the ledger lists some documents, its last line is torn
    (cut short, or whole but for its newline), and the output holds claims of a document
    the ledger does not list yet (some or all of them)."""
    full = tmp_path / f"full.{fmt}"
    _extract(corpus, "-o", full, "-f", fmt)
    entries = ledger_path(full).read_bytes().splitlines(keepends=True)
    killed = tmp_path / f"killed.{fmt}"
    cut = json.loads(entries[4])["end"] - short  # within or at the end of the fifth document's records
    killed.write_bytes(full.read_bytes()[:cut])
    ledger_path(killed).write_bytes(b"".join(entries[:4]) + entries[4][:tear])
    status, stderr = _extract(corpus, "-o", killed, "-f", fmt, "--resume", "--workers", "2")
    assert status == 0, stderr
    assert killed.read_bytes() == full.read_bytes()
    assert [e["document"] for e in _ledger(killed)] == [e["document"] for e in _ledger(full)]
    assert "5 already done" in stderr
    status, stderr = _extract(corpus, "-o", killed, "-f", fmt, "--resume")
    assert f"0 {'claims'} written" in stderr and killed.read_bytes() == full.read_bytes()


def test_resume_needs_a_resumable_output(corpus, tmp_path):
    result = runner.invoke(app, ["extract", str(corpus), "--resume"])
    assert result.exit_code == 2 and "--resume needs --output FILE or --db URL" in result.output
    foreign = tmp_path / "claims.jsonl"
    foreign.write_text("{}\n", encoding="utf-8")
    status, stderr = _extract(corpus, "-o", foreign, "--resume")
    assert status == 2 and "has no ledger claims.jsonl.docs" in stderr
    assert foreign.read_text() == "{}\n"  # left as it was


def test_progress_is_a_plain_line_when_not_on_a_terminal(capsys):
    with Progress(interval=0, settle=0) as progress:
        progress.advance(records=3)
        progress.total = 4
        progress.advance(failed=True)
        progress.note("duplicate: b.txt")
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "progress: 1 documents, 3 claims, 0 failed"  # the total not counted yet: no '1/?'
    assert lines[1].startswith("progress: 2/4 documents, 3 claims, 1 failed, ") and "docs/s, ETA " in lines[1]
    assert lines[2] == "duplicate: b.txt"
    with Progress(quiet=True, interval=0) as progress:
        progress.advance(records=3)
        progress.note("duplicate: b.txt")
        progress.error("error: c.txt: empty file")
    assert capsys.readouterr().err == "error: c.txt: empty file\n"


def test_speed_is_of_documents_processed_and_the_eta_waits_for_data(capsys, monkeypatch):
    now = [100.0]
    monkeypatch.setattr(batch.time, "monotonic", lambda: now[0])
    with Progress(interval=0) as progress:
        progress.total = 20
        for _ in range(6):  # a resumed run: documents already done are skipped at once
            progress.advance(skipped=True)
        now[0] += 2.0  # the pipeline starting
        progress.advance(records=3)
        now[0] += 1.0
        progress.advance(records=2)
        now[0] += 3.0
        progress.advance(failed=True)
    lines = capsys.readouterr().err.splitlines()
    assert lines[5:] == [
        "progress: 6/20 documents, 0 claims, 0 failed",
        "progress: 7/20 documents, 3 claims, 0 failed",
        "progress: 8/20 documents, 5 claims, 0 failed",  # 1 s of data: no speed, no ETA yet
        # 2 documents processed in the 4 s since the first: 0.5 a second, 11 left
        "progress: 9/20 documents, 5 claims, 1 failed, 0.5 docs/s, ETA 22s",
    ]


@pytest.mark.skipif(not (ROOT / "extractor" / "database").is_dir(), reason="extractor/database is not there yet")
def test_database_and_file_are_written_together_and_resumed(corpus, tmp_path):
    from extractor.database import ClaimStore

    url, out = f"sqlite:///{tmp_path / 'claims.db'}", tmp_path / "claims.jsonl"
    status, stderr = _extract(corpus, "-o", out, "--db", url)
    assert status == 0, stderr
    store = ClaimStore(url)
    try:
        assert store.done() == {e["document"]["content_hash"] for e in _ledger(out)}
    finally:
        store.close()
    status, stderr = _extract(corpus, "--db", url, "--resume")
    assert status == 0 and "0 claims written" in stderr and "already done" in stderr


def _descendants(pid: int) -> set[int]:
    """The live processes under ``pid`` (children, theirs, ...), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_fork_server_and_tracker_exit_when_the_parent_is_killed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for n in range(800):  # long enough to be killed half way
        (corpus / f"{n:04d}.txt").write_text(f"{texts[n % len(texts)]}\nRef {n}.\n", encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    parent = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(corpus), "-o", str(out), "-q",
                               "--workers", "2"], cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not (ledger_path(out).exists() and ledger_path(out).read_bytes().count(b"\n") >= 1):
            assert parent.poll() is None and time.monotonic() < deadline, "the run never started writing"
            time.sleep(0.05)
        children = _descendants(parent.pid)
        assert len(children) >= 4, children  # the fork server, the resource tracker and two workers
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 30
        while (alive := {pid for pid in children if _running(pid)}) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive, f"still running after the parent was killed: {alive}"
    finally:
        parent.kill()
        for pid in _descendants(parent.pid) | locals().get("children", set()):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@Language.component("test_stall")
def _stall(doc: Doc) -> Doc:
    """A component that never ends on a text saying STALL, and swallows every Exception
    while it runs (as careless code does)."""
    while "STALL" in doc.text:
        try:
            sum(range(1000))
        except Exception:  # noqa: BLE001 - the time budget must get through this
            pass
    return doc


class Collected:
    """A sink that keeps what it is given."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, info: DocumentInfo, records: list) -> None:
        self.written.append(info.doc_id)

    def done(self) -> set[str]:
        return set()

    def close(self) -> None:
        pass


def test_a_document_over_its_time_budget_fails_and_the_batch_goes_on(tmp_path, capsys):
    for name, text in [("a.txt", "Acme paid $5m."), ("b.txt", "The talks STALL here."), ("c.txt", "Widget lost £2bn.")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("test_stall")
    sink = Collected()
    began = time.monotonic()
    summary = batch.run([tmp_path], [sink], batch.BatchOptions(max_seconds=0.5), Progress(quiet=True),
                        convert=lambda doc, doc_id: [], nlp=nlp)
    assert time.monotonic() - began < 20
    assert sink.written == ["a.txt", "c.txt"] and summary.failures == {"Overtime": 1}
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'b.txt'}: over the time budget: not done in 0.5s (--max-seconds)\n")
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL  # the handler is put back


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_long_document_over_max_seconds_fails_in_workers_too(corpus, tmp_path, workers):
    seed = (SEEDS / "004_e6c9b792dda29dee.txt").read_text(encoding="utf-8")
    (corpus / "long.txt").write_text((seed + "\n\n") * (990_000 // (len(seed) + 2)), encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    status, stderr = _extract(corpus, "-o", out, "--workers", workers, "--max-seconds", "1")
    assert status == 1
    assert [line for line in stderr.splitlines() if line.startswith("error: ")] == [
        f"error: {corpus / 'long.txt'}: over the time budget: not done in 1s (--max-seconds)"]
    assert "failed: 1 Overtime" in stderr
    doc_ids = {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert "wire-0001" in doc_ids and "seeds/000_3f00ea69314cb987.txt" in doc_ids and "long.txt" not in doc_ids


def test_no_article_to_read_is_said_and_exits_1(corpus, tmp_path):
    status, stderr = _extract(corpus, "--glob", "*.xml", "-o", tmp_path / "out.jsonl")
    assert status == 1
    assert (f"error: no article files (.txt, .md, .html, .htm, .jsonl, .json) matching --glob '*.xml' in {corpus}"
            in stderr.splitlines())
    (tmp_path / "bare").mkdir()
    (tmp_path / "bare" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "bare"), "-q"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"error: no article files (.txt, .md, .html, .htm, .jsonl, .json) in {tmp_path / 'bare'}\n"


def test_a_claims_file_among_the_articles_is_named_once(corpus, tmp_path):
    shutil.copy(FIXTURES / "reconcile" / "bounds.jsonl", corpus / "claims.jsonl")
    status, stderr = _extract(corpus, "-o", tmp_path / "out.jsonl")
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert status == 1 and errors == [
        f"error: {corpus / 'claims.jsonl'}: claim records (claims extract output), not articles: load them with "
        "'claims load FILE --db DB', or reconcile them with 'claims reconcile --claims FILE'"]
    assert "failed: 1 ClaimRecords" in stderr


def test_workers_share_the_fork_servers_pipeline_unless_other_rules_are_asked_for(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "_prebuilt", None)
    batch.prebuild()  # what the fork server does once, before it forks a worker
    shared = batch._worker_pipeline(None)
    assert shared is batch._prebuilt[1] and "claims_subjects" in shared.pipe_names
    other = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", other)
    monkeypatch.setenv("CLAIMS_RULES", str(other))
    assert batch._worker_pipeline(None) is not shared  # other rules: the worker builds its own
