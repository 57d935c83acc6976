"""Loads as separate processes do them: killed half way and resumed, and two at once."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from extractor.database.engine import open_engine
from extractor.database.schema import claims, documents

from .test_batch import _running
from .test_database import corpus_file, db_url, dump, seeds  # noqa: F401 - fixtures

CLAIMS = [sys.executable, "-m", "extractor"]

# Loads a claims JSONL and kills itself (SIGKILL: no cleanup, no rollback by Python) right
# after the claims of the Nth transaction are inserted, before that transaction
# commits: a crash in the middle of a batch.
CRASHING_LOAD = """
import os, signal, sys
from pathlib import Path
from extractor.database import ClaimStore, load_claims, store as stores

url, source, crash_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
insert_all, inserts = stores.insert_all, 0

def crash(connection, table, rows):
    global inserts
    insert_all(connection, table, rows)
    if table.name == "claims":
        inserts += 1
        if inserts == crash_at:
            os.kill(os.getpid(), signal.SIGKILL)

stores.insert_all = crash
load_claims(ClaimStore(url), [source], batch=25)  # two seed articles a transaction
"""


# The same with two writer processes (as a large input gets): each writer's third
# transaction kills the whole process group, parent and writers, before it commits.
CRASHING_PARALLEL_LOAD = """
import os, signal, sys
from pathlib import Path
from extractor.database import ClaimStore, load_claims

url, source = sys.argv[1], Path(sys.argv[2])
commit, commits = ClaimStore.commit, []

def crash_on_third(self, prepared):
    commits.append(prepared)
    if len(commits) == 3:
        os.killpg(0, signal.SIGKILL)
    commit(self, prepared)

ClaimStore.commit = crash_on_third
load_claims(ClaimStore(url), [source], batch=25, workers=2)
"""


# The same, but the third commit kills the parent alone (as `kill -9 PID` or the OOM killer
# does); each writer writes its process id to a file first.
PARENT_KILLED_LOAD = """
import os, signal, sys
from pathlib import Path
from extractor.database import ClaimStore, load_claims

url, source, pids = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
commit, commits = ClaimStore.commit, []

def kill_parent_on_third(self, prepared):
    with open(pids, "a") as out:
        out.write(f"{os.getpid()}\\n")
    commits.append(prepared)
    if len(commits) == 3:
        os.kill(os.getppid(), signal.SIGKILL)
    commit(self, prepared)

ClaimStore.commit = kill_parent_on_third
load_claims(ClaimStore(url), [source], batch=25, workers=2)
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLAIMS, *args], capture_output=True, text=True, timeout=300)


def complete_documents(url: str) -> tuple[int, int]:
    """(documents, documents whose claims are all there)."""
    engine = open_engine(url)
    with engine.connect() as connection:
        stored = select(func.count()).where((claims.c.doc_id == documents.c.doc_id)
                                            & (claims.c.content_hash == documents.c.content_hash)).scalar_subquery()
        rows = connection.execute(select(documents.c.claim_count, stored)).all()
    engine.dispose()
    return len(rows), sum(expected == found for expected, found in rows)


def test_a_killed_load_resumes_to_exactly_the_rows_of_an_uninterrupted_run(db_url, corpus_file, tmp_path):
    crashed = subprocess.run([sys.executable, "-c", CRASHING_LOAD, db_url, str(corpus_file), "7"],
                             capture_output=True, text=True, timeout=300)
    assert crashed.returncode == -9, crashed.stderr
    assert complete_documents(db_url) == (12, 12)  # the 7th transaction (documents 13, 14) died
    resumed = run("load", str(corpus_file), "--db", db_url, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "28 documents and 350 claims loaded, 12 documents already loaded" in resumed.stderr
    reference = str(tmp_path / "uninterrupted.db")
    assert run("load", str(corpus_file), "--db", reference).returncode == 0
    assert dump(db_url) == dump(reference)


def test_a_killed_parallel_load_resumes_to_exactly_the_rows_of_an_uninterrupted_run(db_url, corpus_file, tmp_path):
    crashed = subprocess.run([sys.executable, "-c", CRASHING_PARALLEL_LOAD, db_url, str(corpus_file)],
                             capture_output=True, text=True, timeout=300, start_new_session=True)
    assert crashed.returncode == -9, crashed.stderr
    stored, whole = complete_documents(db_url)
    assert 0 < stored < 40 and whole == stored  # some transactions committed, each document whole
    resumed = run("load", str(corpus_file), "--db", db_url, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{40 - stored} documents and {500 - 12.5 * stored:.0f} claims loaded" in resumed.stderr
    reference = str(tmp_path / "uninterrupted.db")
    assert run("load", str(corpus_file), "--db", reference).returncode == 0
    assert dump(db_url) == dump(reference)


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_writers_exit_when_the_parent_alone_is_killed(db_url, corpus_file, tmp_path):
    pids = tmp_path / "writers.txt"
    crashed = subprocess.run([sys.executable, "-c", PARENT_KILLED_LOAD, db_url, str(corpus_file), str(pids)],
                             capture_output=True, text=True, timeout=300)
    assert crashed.returncode == -9, crashed.stderr
    writers = {int(line) for line in pids.read_text().split()}
    assert len(writers) >= 1
    deadline = time.monotonic() + 30
    while (alive := {pid for pid in writers if _running(pid)}) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive, f"writers still running after their parent was killed: {alive}"
    stored, whole = complete_documents(db_url)
    assert whole == stored  # what was committed is whole


def test_two_concurrent_loaders_neither_corrupt_nor_duplicate(db_url, corpus_file, tmp_path):
    loaders = [subprocess.Popen([*CLAIMS, "load", str(corpus_file), "--db", db_url], stderr=subprocess.PIPE, text=True)
               for _ in range(2)]
    outcomes = [(p.wait(timeout=300), p.stderr.read()) for p in loaders]
    for p in loaders:
        p.stderr.close()
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert complete_documents(db_url) == (40, 40)
    reference = str(tmp_path / "single.db")
    assert run("load", str(corpus_file), "--db", reference).returncode == 0
    assert dump(db_url) == dump(reference)
    if not db_url.startswith("postgresql"):
        engine = open_engine(db_url)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        engine.dispose()
