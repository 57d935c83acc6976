"""A corpus with every kind of bad file: the run finishes, each bad file is reported with
its reason, every good file's claims are written, and the exit status is 1."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import documents
from extractor.cli import app
from extractor.models import Claim

from .conftest import FIXTURES, SEEDS

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(SEEDS, root / "good")
    shutil.copy(FIXTURES / "batch" / "wire" / "records.jsonl", root / "good" / "wire.jsonl")
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (bad / "latin1.txt").write_bytes("Caf\xe9 Soci\xe9t\xe9 earned \xa35m.".encode("latin-1"))
    with open(bad / "huge.txt", "wb") as huge:
        huge.write(b"The company paid $5m for the site. " * (50 * 2**20 // 35))
    (bad / "vanishing.txt").write_text("Acme paid $1m.", encoding="utf-8")
    locked = bad / "locked.txt"
    locked.write_text("Acme paid $2m.", encoding="utf-8")
    locked.chmod(0)
    walk = documents.walk

    def walk_then_delete(paths, pattern="*", unreadable=None):
        """The file is listed, then deleted before it is read, as in a live folder."""
        for file, doc_id in walk(paths, pattern, unreadable):
            if file.name == "vanishing.txt":
                file.unlink()
            yield file, doc_id

    monkeypatch.setattr(documents, "walk", walk_then_delete)
    if os.geteuid() == 0:  # root reads files whatever their mode: refuse this one as the kernel would
        read_bytes = Path.read_bytes

        def refuse_locked(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", refuse_locked)
    return root


@pytest.mark.parametrize("workers", ["1", "2"])
def test_bad_files_are_reported_and_good_ones_extracted(corpus, tmp_path, workers):
    clean = runner.invoke(app, ["extract", str(corpus / "good"), "-q"])
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--workers", workers])
    assert result.exit_code == 1
    bad = corpus / "bad"
    reported = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(reported) == sorted([
        f"error: {bad / 'empty.txt'}: empty file",
        f"error: {bad / 'huge.txt'}: too large: {(bad / 'huge.txt').stat().st_size:,} bytes, the limit is 1,000,000 characters (--max-chars)",
        f"error: {bad / 'image.txt'}: binary file (NUL bytes), not text",
        f"error: {bad / 'latin1.txt'}: not valid utf-8 at byte 3: invalid continuation byte; "
        "pass --encoding if the file uses another encoding",
        f"error: {bad / 'locked.txt'}: Permission denied",
        f"error: {bad / 'vanishing.txt'}: No such file or directory",
    ])
    def figures(lines: list[str]) -> list[tuple]:
        claims = map(Claim.model_validate_json, lines)
        return [(c.doc_id.removeprefix("good/"), c.mention, c.start, c.amount) for c in claims]

    written = out.read_text(encoding="utf-8").splitlines()
    assert len(written) == 31 and figures(written) == figures(clean.stdout.splitlines())
    assert "11 documents read from 9 files, 6 failed, 31 claims written" in result.stderr
    assert ("failed: 1 BinaryFile, 1 EmptyFile, 1 FileNotFoundError, 1 InvalidEncoding, 1 PermissionError, "
            "1 TooLarge") in result.stderr
