"""Export claims from a database, flattened one row per claim: CSV, JSONL or Parquet
(the ``parquet`` extra), for spreadsheets and DuckDB."""
from __future__ import annotations

import csv
import json
import sys
from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterator

from sqlalchemy import Date, DateTime, Double, Integer, select
from sqlalchemy.sql.elements import ColumnElement

from ..escape import csv_cell
from .engine import StoreError, reading
from .schema import claims, documents
from .store import ClaimStore

EXPORT_FORMATS = ("csv", "jsonl", "parquet")
BATCH = 10_000
CLAIM_COLUMNS = [c for c in claims.c if c.name not in ("record", "hedges", "superseded_at")]
DOCUMENT_COLUMNS = [documents.c[n] for n in ("path", "title", "publisher", "published", "extractor_version")]
SELECTED: list[ColumnElement[Any]] = [*CLAIM_COLUMNS, *DOCUMENT_COLUMNS, claims.c.superseded_at, claims.c.record]
COLUMNS = [c.name for c in CLAIM_COLUMNS] + ["hedges", "chain"] + [c.name for c in DOCUMENT_COLUMNS] + ["superseded_at"]


def flat_rows(store: ClaimStore, all_versions: bool = False) -> Iterator[dict[str, Any]]:
    """One flat dict per claim (current versions only unless ``all_versions``), in
    document and text order; hedges and the attribution chain become text."""
    query = (select(*SELECTED).join(documents, (documents.c.doc_id == claims.c.doc_id)
                                    & (documents.c.content_hash == claims.c.content_hash))
             .order_by(claims.c.doc_id, claims.c.superseded_at.is_not(None), claims.c.content_hash,
                       claims.c.start_offset, claims.c.id))
    if not all_versions:
        query = query.where(claims.c.superseded_at.is_(None))
    with reading(store.engine) as connection:
        for row in connection.execution_options(yield_per=BATCH).execute(query):
            values = row._asdict()
            record = values.pop("record")
            superseded = values.pop("superseded_at")
            yield {**values, "hedges": "; ".join(record["hedges"]),
                   "chain": " > ".join(h["source"] for h in record["attribution"]["chain"]), "superseded_at": superseded}


def export_claims(store: ClaimStore, fmt: str, output: Path | None = None, all_versions: bool = False) -> int:
    """Write the flat rows to ``output`` (stdout when None; Parquet needs a file) and
    return how many were written."""
    rows = flat_rows(store, all_versions)
    if fmt == "parquet":
        if output is None:
            raise StoreError("parquet is binary: give --output FILE.parquet")
        return _parquet(rows, output)
    with (open(output, "w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout)) as stream:
        return _csv(rows, stream) if fmt == "csv" else _jsonl(rows, stream)


def _text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _csv(rows: Iterator[dict[str, Any]], stream: IO[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for count, row in enumerate(rows, 1):
        writer.writerow({k: csv_cell(_text(v)) for k, v in row.items()})  # no cell a spreadsheet runs as a formula
    return count


def _jsonl(rows: Iterator[dict[str, Any]], stream: IO[str]) -> int:
    count = 0
    for count, row in enumerate(rows, 1):
        stream.write(json.dumps({k: _text(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    return count


def _parquet(rows: Iterator[dict[str, Any]], output: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise StoreError("parquet export needs pyarrow: pip install 'claims[parquet]'") from exc
    kinds = {Double: pa.float64(), Integer: pa.int64(), Date: pa.date32(), DateTime: pa.timestamp("us", tz="UTC")}
    types = {c.name: next((t for k, t in kinds.items() if isinstance(c.type, k)), pa.string())
             for c in SELECTED}
    schema = pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])
    count = 0
    with pq.ParquetWriter(output, schema) as writer:
        batch: list[dict[str, Any]] = []
        for count, row in enumerate(rows, 1):
            batch.append(row)
            if len(batch) == BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema))
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema))
    return count
