"""The traps a newcomer falls into, each run as a user runs it (a subprocess): a usage error
is one line and exit status 2, said before the pipeline is built; outputs that cannot hold
a ledger still work; Ctrl-C says what was written; names cannot forge terminal lines; CSV
cells cannot be formulas; the record-side commands run without spaCy."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .conftest import FIXTURES, SEEDS

SEED = SEEDS / "004_e6c9b792dda29dee.txt"
WITHOUT_SPACY = ("import sys\n"
                 "sys.modules.update(dict.fromkeys(('spacy', 'thinc', 'dateparser')))  # importing them fails\n"
                 "sys.argv[0] = 'claims'\n"
                 "from extractor.cli import main\n"
                 "main()\n")


def claims(*args: str | Path, cwd: Path | None = None, without_spacy: bool = False,
           **kwargs) -> subprocess.CompletedProcess[str]:
    """``claims ARGS`` as a user runs it; without_spacy: any import of spaCy fails."""
    start = [sys.executable, "-c", WITHOUT_SPACY] if without_spacy else [sys.executable, "-m", "extractor"]
    return subprocess.run([*start, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          stdin=subprocess.DEVNULL, timeout=300, **kwargs)


def one_error_line(proc: subprocess.CompletedProcess[str], status: int = 2) -> str:
    assert proc.returncode == status, proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("error: ") and "Traceback" not in proc.stderr
    return line


# ------------------------------------------------------------------ usage errors, before any work
@pytest.mark.parametrize("output, message", [
    ("missing/dir/x.jsonl", "error: cannot write missing/dir/x.jsonl: no such folder"),
    ("folder", "error: cannot write folder: it is a folder"),
    ("article.txt/x.jsonl", "error: cannot write article.txt/x.jsonl: article.txt is not a folder"),
])
def test_an_output_that_cannot_be_written_is_one_line_before_spacy_loads(tmp_path, output, message):
    (tmp_path / "folder").mkdir()
    (tmp_path / "article.txt").write_text("Acme paid $5m.", encoding="utf-8")
    proc = claims("extract", SEED, "-o", output, cwd=tmp_path, without_spacy=True)
    assert one_error_line(proc) == message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "folder"]


def test_a_read_only_output_is_one_line_and_left_as_it_was(tmp_path):
    if os.geteuid() == 0:  # root writes any file whatever its mode; the kernel refuses this one to everyone
        target = Path("/proc/version")
    else:
        target = tmp_path / "claims.jsonl"
        target.write_text("kept\n", encoding="utf-8")
        target.chmod(0o444)
    before = target.read_text(encoding="utf-8")
    line = one_error_line(claims("extract", SEED, "-o", target, without_spacy=True))
    assert line.startswith(f"error: cannot write {target}: ")
    assert target.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("encoding", ["nonsense", "rot13"])
def test_an_unknown_encoding_is_one_line(encoding):
    line = one_error_line(claims("extract", SEEDS, "--encoding", encoding, without_spacy=True))
    assert line.startswith(f"error: unknown encoding {encoding!r}")


@pytest.mark.parametrize("args, message", [
    (["-f", "jsonl", "-o", "x.csv"], "error: x.csv has the extension of csv but --format is jsonl"),
    (["-o", "x.parquet"], "error: parquet is written by --engine ray"),
    (["--resume"], "error: --resume needs --output FILE or --db URL"),
    (["-o", "/dev/null", "--resume"], "error: cannot resume /dev/null: not a regular file"),
    (["--model", "no_such_model"], "error: spaCy pipeline 'no_such_model' is not installed"),
])
def test_contradictory_options_are_one_line(tmp_path, args, message):
    line = one_error_line(claims("extract", SEED, *args, cwd=tmp_path, without_spacy=True))
    assert line.startswith(message)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [
    ["attributions", SEED, "-o", "x.csv"], ["export", "--db", "x.db", "-f", "csv", "-o", "x.jsonl"],
    ["reconcile", "--claims", "no_such.jsonl"], ["load", "no_such.jsonl", "--db", "x.db"],
    ["export", "--db", "x.db", "-o", "missing/x.csv"],
])
def test_other_commands_refuse_the_same_way(tmp_path, command):
    one_error_line(claims(*command, cwd=tmp_path, without_spacy=True))
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ outputs without a ledger
def test_dev_null_is_written_as_a_stream_and_said_once(tmp_path):
    proc = claims("extract", SEEDS, "-o", "/dev/null", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    notes = [line for line in proc.stderr.splitlines() if "ledger" in line]
    assert notes == ["note: /dev/null is not a regular file: no ledger is kept, so --resume cannot continue this run"]
    assert "25 claims written" in proc.stderr and list(tmp_path.iterdir()) == []


def test_a_named_pipe_is_written_as_a_stream(tmp_path):
    fifo = tmp_path / "claims.pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.extend(fifo.read_text(encoding="utf-8").splitlines()))
    reader.start()
    proc = claims("extract", SEEDS, "-o", fifo, "-q")
    reader.join(60)
    assert proc.returncode == 0, proc.stderr
    assert len(received) == 25 and all(json.loads(line)["doc_id"] for line in received)
    assert not (tmp_path / "claims.pipe.docs").exists()


def test_a_reader_that_goes_away_ends_the_run_without_a_traceback(tmp_path):
    for n in range(40):  # more records than a pipe holds, so that some are written after the reader left
        (tmp_path / f"copy{n}.txt").write_text(SEED.read_text(encoding="utf-8") + f"\nCopy {n}.", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "extract", tmp_path, "-q"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout and proc.stderr
    assert json.loads(proc.stdout.readline())["mention"]
    proc.stdout.close()  # as `| head -n 1` does
    assert proc.wait(120) == 1
    assert proc.stderr.read() == ""


def test_the_format_follows_the_extension(tmp_path):
    proc = claims("extract", SEED, "-o", "claims.csv", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "claims.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 10 and rows[0]["mention"] == "¥200 billion"


# ------------------------------------------------------------------ Ctrl-C
def test_ctrl_c_says_what_was_written_exits_130_and_resume_completes_it(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(400):
        (articles / f"a{n:03}.txt").write_text(f"Company{n} paid ${n + 1}m for the site {n}.", encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "extract", articles, "-o", out, "-q"],
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    ledger = tmp_path / "claims.jsonl.docs"
    deadline = time.monotonic() + 120
    while proc.poll() is None and not (ledger.exists() and ledger.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's foreground group
    stderr = proc.communicate(timeout=120)[1]
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    written = len(ledger.read_text(encoding="utf-8").splitlines())
    assert 0 < written < 400
    assert stderr.splitlines()[-2:] == [f"interrupted: {written} documents ({written} claims) written to {out}",
                                        "to continue: run the same command with --resume"]
    resumed = claims("extract", articles, "-o", out, "-q", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["doc_id"] for r in records) == [f"a{n:03}.txt" for n in range(400)]


# ------------------------------------------------------------------ names on the terminal
def test_a_file_name_cannot_forge_an_error_line_or_reach_the_terminal_raw(tmp_path):
    forged = "a\nerror: other.txt: not valid utf-8.txt"
    retitle = "x\x1b]0;owned\x07.txt"
    articles = tmp_path / "in"
    articles.mkdir()
    for name in (forged, retitle):
        (articles / name).write_bytes(b"")
    shutil.copy(SEED, articles / "good.txt")
    proc = claims("extract", "in", "-o", "out.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert "\x1b" not in proc.stderr and "\x07" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: in/a\\nerror: other.txt: not valid utf-8.txt: empty file",
                      "error: in/x\\x1b]0;owned\\x07.txt: empty file"]
    missing = one_error_line(claims("extract", Path("in") / forged / "x.txt", cwd=tmp_path, without_spacy=True))
    assert missing == "error: no such file or folder: in/a\\nerror: other.txt: not valid utf-8.txt/x.txt"


# ------------------------------------------------------------------ spreadsheets
FORMULAS = ["=HYPERLINK(\"http://x\")", "+1+2", "-3+4", "@SUM(A1)"]


def _formula_articles(folder: Path) -> None:
    folder.mkdir()
    for n, formula in enumerate(FORMULAS):
        (folder / f"{formula[0]}doc{n}.txt").write_text(f"{formula} Acme{n} paid ${n + 5}m for the mill.\n",
                                                        encoding="utf-8")


def _cells_starting(text: str, column: str) -> list[str]:
    return [row[column] for row in csv.DictReader(io.StringIO(text))]


def test_csv_cells_that_would_be_formulas_start_with_a_quote_in_extract_and_export(tmp_path):
    articles = tmp_path / "articles"
    _formula_articles(articles)
    proc = claims("extract", articles, "-f", "csv", "-q", "--db", tmp_path / "claims.db", "-o", tmp_path / "x.csv")
    assert proc.returncode == 0, proc.stderr
    exported = claims("export", "--db", tmp_path / "claims.db", "-q", without_spacy=True)
    assert exported.returncode == 0, exported.stderr
    for text in ((tmp_path / "x.csv").read_text(encoding="utf-8"), exported.stdout):
        doc_ids = _cells_starting(text, "doc_id")
        assert sorted(doc_ids) == sorted(f"'{f[0]}doc{n}.txt" for n, f in enumerate(FORMULAS))
        sentences = _cells_starting(text, "sentence")
        assert sorted(s[:2] for s in sentences) == sorted(f"'{f[0]}" for f in FORMULAS)
        assert all(row["value"].replace(".", "").isdigit() for row in csv.DictReader(io.StringIO(text)))


# ------------------------------------------------------------------ the record side runs without spaCy
@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("extracted")
    proc = claims("extract", FIXTURES / "readme" / "articles", "-o", folder / "claims.jsonl", "-q")
    assert proc.returncode == 0, proc.stderr
    return folder


@pytest.mark.parametrize("command", [
    ["--help"], ["extract", "--help"], ["version"], ["schema"], ["schema", "--rules"],
    ["reconcile", "--claims", "{claims}", "--format", "json"], ["reconcile", "{claims}", "-q"],
    ["diff", "{claims}", "{claims}", "--format", "json"],
    ["load", "{claims}", "--db", "{db}", "-q"],
])
def test_record_side_commands_never_import_spacy(extracted, command):
    args = [a.format(claims=extracted / "claims.jsonl", db=extracted / "record_side.db") for a in command]
    proc = claims(*args, without_spacy=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout or "loaded" in proc.stderr or command[0] == "load"


def test_export_never_imports_spacy(extracted):
    db = extracted / "export.db"
    assert claims("load", extracted / "claims.jsonl", "--db", db, "-q").returncode == 0
    proc = claims("export", "--db", db, "-f", "jsonl", without_spacy=True)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == len((extracted / "claims.jsonl").read_text(encoding="utf-8").splitlines())


# ------------------------------------------------------------------ --model names
class _EntryPoint:
    def __init__(self, name: str) -> None:
        self.name = name


@pytest.mark.parametrize("installed, asked, found", [
    (["xx_news_md_mirror"], "xx_news_md", "xx_news_md_mirror"),
    (["xx_news_md_mirror", "xx_news_md_copy"], "xx_news_md", "several packages provide spaCy pipeline 'xx_news_md'"),
    (["xx_news_md_mirror"], "xx_news", "spaCy pipeline 'xx_news' is not installed"),
    (["xx_news_md_mirror_two"], "xx_news_md", "spaCy pipeline 'xx_news_md' is not installed"),
])
def test_a_pipeline_is_found_under_the_name_of_the_package_that_republishes_it(monkeypatch, installed, asked, found):
    from extractor import pipeline

    monkeypatch.setattr(pipeline, "entry_points", lambda group: [_EntryPoint(n) for n in installed])
    try:
        assert pipeline.find_model(asked) == found
    except pipeline.ModelNotFound as exc:
        assert str(exc).startswith(found)
