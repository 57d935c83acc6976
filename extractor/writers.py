"""Write claim records as JSONL or as a flattened CSV, to a file or stdout."""
from __future__ import annotations

import csv
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

from pydantic import BaseModel

from .models import Claim

CSV_COLUMNS = [
    "id", "doc_id", "mention", "start", "end", "kind", "value", "low", "high", "currency", "currency_text",
    "qualifier", "scale_text", "per", "equivalent_of", "subject", "counterparty", "metric", "period",
    "source", "cue", "source_type", "chain", "hedges", "confidence", "rule", "sentence",
]


def flatten(claim: Claim) -> dict[str, Any]:
    """One flat row per claim: nested fields become text columns."""
    a, att = claim.amount, claim.attribution
    return {
        "id": claim.id, "doc_id": claim.doc_id, "mention": claim.mention, "start": claim.start, "end": claim.end,
        "kind": claim.kind, "value": a.value, "low": a.low, "high": a.high, "currency": a.currency,
        "currency_text": a.currency_text, "qualifier": a.qualifier, "scale_text": a.scale_text, "per": a.per,
        "equivalent_of": claim.equivalent_of,
        "subject": claim.subject.canonical if claim.subject else None,
        "counterparty": claim.counterparty.canonical if claim.counterparty else None,
        "metric": claim.metric, "period": claim.period.text if claim.period else None,
        "source": att.source, "cue": att.cue, "source_type": att.source_type,
        "chain": " > ".join(h.source for h in att.chain), "hedges": "; ".join(claim.hedges),
        "confidence": claim.confidence, "rule": claim.rule, "sentence": claim.sentence,
    }


@contextmanager
def open_writer(path: Path | None, fmt: str) -> Iterator[Callable[[BaseModel], None]]:
    """A function that writes one record, streaming to ``path`` (stdout when None); csv is
    the flattened view of claims."""
    stream: TextIO = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
    try:
        if fmt == "csv":
            writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            yield lambda claim: writer.writerow(flatten(claim))  # type: ignore[arg-type]
        else:
            yield lambda record: stream.write(record.model_dump_json() + "\n")
    finally:
        if path:
            stream.close()
        else:
            stream.flush()
