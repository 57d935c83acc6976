"""Batch extraction as a Ray Data pipeline (the ``ray`` extra): file shards in,
``map_batches`` with a callable class so that each actor builds the pipeline once, claim
records out as JSONL or Parquet shards.

Output folder: ``claims/`` (JSONL: one claim record a line, as ``claims extract`` writes;
Parquet: the flattened columns of the CSV view plus ``record``, the claim as JSON),
``documents/`` (one DocumentInfo a line) and ``errors.jsonl``. The records are the same as
a local run's; a document whose text was met before is dropped as a duplicate after
extraction.
"""
from __future__ import annotations

import logging
import time
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import pyarrow as pa
import ray
from ray.data.block import BlockAccessor
from ray.data.datasource import BlockBasedFileDatasink

from . import pipeline
from .batch import Summary, no_articles
from .documents import MAX_CHARS, read_file, walk
from .extract import extract_articles
from .models import Claim, DocumentError
from .writers import CSV_COLUMNS, flatten

ROWS = pa.schema([("kind", pa.string()), ("doc_id", pa.string()), ("content_hash", pa.string()),
                  ("file", pa.int64()), ("item", pa.int64()), ("record", pa.string())])
NUMERIC = {"start": pa.int64(), "end": pa.int64(), "value": pa.float64(), "low": pa.float64(),
           "high": pa.float64(), "confidence": pa.float64()}
CLAIM_TABLE = pa.schema([(c, NUMERIC.get(c, pa.string())) for c in CSV_COLUMNS] + [("record", pa.string())])


@dataclass
class RayResult:
    summary: Summary
    errors: list[DocumentError]


class Extractor:
    """The ``map_batches`` callable: builds the pipeline once per actor; rows of files in,
    one row per claim, document and error out (records as JSON)."""

    def __init__(self, model: str | None, encoding: str, max_chars: int, batch_size: int) -> None:
        self.nlp = pipeline.build(model)
        self.encoding, self.max_chars, self.batch_size = encoding, max_chars, batch_size

    def __call__(self, batch: dict[str, Any]) -> pa.Table:
        position: dict[int, tuple[int, int]] = {}
        items = []
        for path, doc_id, file in zip(batch["path"], batch["doc_id"], batch["file"]):
            for n, item in enumerate(read_file(Path(path), str(doc_id), self.encoding, self.max_chars)):
                position[id(item)] = (int(file), n)
                items.append(item)
        rows: list[dict[str, Any]] = []
        for item, outcome in zip(items, extract_articles(items, self.nlp, self.batch_size)):
            file, n = position[id(item)]
            if isinstance(outcome, DocumentError):
                rows.append(_row("error", outcome.doc_id, None, file, n, outcome.model_dump_json()))
                continue
            info, claims = outcome
            rows.append(_row("document", info.doc_id, info.content_hash, file, n, info.model_dump_json()))
            rows.extend(_row("claim", c.doc_id, info.content_hash, file, n, c.model_dump_json()) for c in claims)
        return pa.Table.from_pylist(rows, schema=ROWS)


def _row(kind: str, doc_id: str, content_hash: str | None, file: int, item: int, record: str) -> dict[str, Any]:
    return {"kind": kind, "doc_id": doc_id, "content_hash": content_hash, "file": file, "item": item, "record": record}


class JsonLines(BlockBasedFileDatasink):
    """Shards holding the ``record`` column, one JSON record a line."""

    def __init__(self, path: str) -> None:
        super().__init__(path, file_format="jsonl")

    def write_block_to_file(self, block: BlockAccessor, file: pa.NativeFile) -> None:
        for record in block.to_arrow().column("record").to_pylist():
            file.write((record + "\n").encode("utf-8"))


def claim_table(batch: pa.Table) -> pa.Table:
    """Claim rows as the flattened columns of the CSV view plus the record as JSON."""
    rows = []
    for record in batch.column("record").to_pylist():
        rows.append({**flatten(Claim.model_validate_json(record)), "record": record})
    return pa.Table.from_pylist(rows, schema=CLAIM_TABLE)


def quiet_ray(quiet: bool) -> None:
    """Ray's own Python lines down to its errors (its INFO lines, execution plans and tuning
    advice are for Ray's developers), and with ``quiet`` down to nothing, progress included.
    Its C++ core still writes its errors to stderr."""
    level = logging.CRITICAL if quiet else logging.ERROR
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(level)
    ray.data.DataContext.get_current().enable_progress_bars = not quiet
    warnings.filterwarnings("ignore", category=UserWarning, module="ray")
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="ray")


def extract_with_ray(
    paths: Sequence[Path | str], output: Path | str, fmt: str = "jsonl", model: str | None = None,
    glob: str = "*", encoding: str = "utf-8", max_chars: int = MAX_CHARS, batch_size: int = 32,
    actors: int | None = None, keep_duplicates: bool = False, quiet: bool = False,
) -> RayResult:
    """Extract every article under ``paths`` on Ray (the cluster of ``RAY_ADDRESS``, else a
    local one) into shards under ``output``; ``actors`` defaults to the cluster's CPUs.
    Folders that cannot be listed, and no article file at all, are errors."""
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"--engine ray writes jsonl or parquet, not {fmt}")
    began = time.monotonic()
    quiet_ray(quiet)
    folders: list[DocumentError] = []
    found = list(walk(map(Path, paths), glob, folders.append))
    if not found:
        error = DocumentError(doc_id="", path=", ".join(map(str, paths)), error="NoArticles",
                              reason=no_articles([Path(p) for p in paths], glob))
        return RayResult(Summary(read=len(folders), files=len(folders), failures=Counter(
            e.error for e in [*folders, error]), seconds=time.monotonic() - began), [*folders, error])
    if not ray.is_initialized():
        ray.init(logging_level=logging.CRITICAL if quiet else logging.ERROR, log_to_driver=not quiet,
                 include_dashboard=False)
    actors = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
    out = Path(output)
    files = [{"path": str(f), "doc_id": doc_id, "file": i} for i, (f, doc_id) in enumerate(found)]
    rows = ray.data.from_items(files, override_num_blocks=max(1, min(len(files), 4 * actors))).map_batches(
        Extractor, fn_constructor_kwargs={"model": model, "encoding": encoding, "max_chars": max_chars,
                                          "batch_size": batch_size},
        batch_size=batch_size, batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=actors)).materialize()
    duplicates = set() if keep_duplicates else _duplicates(rows.filter(lambda r: r["kind"] == "document").select_columns(
        ["doc_id", "content_hash", "file", "item"]).iter_rows())
    out.mkdir(parents=True, exist_ok=True)
    kept = rows.filter(lambda r: r["kind"] != "error" and r["doc_id"] not in duplicates)
    claims = kept.filter(lambda r: r["kind"] == "claim")
    if fmt == "parquet":
        claims.map_batches(claim_table, batch_format="pyarrow").write_parquet(str(out / "claims"))
    else:
        claims.write_datasink(JsonLines(str(out / "claims")))
    kept.filter(lambda r: r["kind"] == "document").write_datasink(JsonLines(str(out / "documents")))
    errors = folders + [DocumentError.model_validate_json(r["record"])
                        for r in rows.filter(lambda r: r["kind"] == "error").iter_rows()]
    (out / "errors.jsonl").write_text("".join(e.model_dump_json() + "\n" for e in errors), encoding="utf-8")
    counts = Counter(r["kind"] for r in kept.select_columns(["kind"]).iter_rows())
    summary = Summary(read=counts["document"] + len(duplicates) + len(errors), files=len(files) + len(folders),
                      extracted=counts["document"], duplicates=len(duplicates), records=counts["claim"],
                      failures=Counter(e.error for e in errors), seconds=time.monotonic() - began)
    return RayResult(summary, errors)


def _duplicates(documents: Iterable[dict[str, Any]]) -> set[str]:
    """doc_ids whose text an earlier document (in walk order) already has."""
    first: dict[str, tuple[int, int, str]] = {}
    later: set[str] = set()
    for d in documents:
        mine = (d["file"], d["item"], d["doc_id"])
        kept = first.setdefault(d["content_hash"], mine)
        if kept != mine:
            later.add(max(kept, mine)[2])
            first[d["content_hash"]] = min(kept, mine)
    return later


def read_claims(output: Path | str) -> list[Claim]:
    """The claim records of a Ray run's output folder (JSONL or Parquet shards)."""
    folder = Path(output) / "claims"
    if any(folder.glob("*.parquet")):
        import pyarrow.parquet as pq

        return [Claim.model_validate_json(r) for f in sorted(folder.glob("*.parquet"))
                for r in pq.read_table(f, columns=["record"]).column("record").to_pylist()]
    return [Claim.model_validate_json(line) for f in sorted(folder.glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line]
