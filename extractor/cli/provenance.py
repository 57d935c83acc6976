"""``claims provenance``: where each article's figures came from (its origin, how that was
decided) and the relay tree of each origin, from articles or claims files."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import EncodingOpt, GlobOpt, ModelOpt, Pipeline, check_encoding, check_paths, fail, guarded, say

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..models import AttributionRecord, Claim


class ProvenanceFormat(str, Enum):
    json = "json"
    markdown = "markdown"


def provenance(
    paths: Annotated[list[Path], typer.Argument(help="Articles or folders of one story (or a day's news); claims JSONL files too.", show_default=False)],
    fmt: Annotated[ProvenanceFormat, typer.Option("--format", "-f", help="json: {documents, origins}; or markdown.")] = ProvenanceFormat.json,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
) -> None:
    """Where each article's figures came from: its origin (the report it relays), how that
    was decided (citations, near-duplicate passages, shared figures, dates), and the relay
    tree of each origin with what each relay changed."""
    from ..claims_jsonl import ClaimsFileError, is_claims_file, read_claims
    from ..models import DocumentError
    from ..provenance import articles_of, provenance as provenance_of, with_changes
    from ..reconcile import reconcile
    from ..report import provenance_markdown

    check_paths(paths)
    check_encoding(encoding)
    claims_files = [p for p in paths if p.is_file() and p.suffix.lower() == ".jsonl" and is_claims_file(p)]
    try:
        claims: list[Claim] = [c for p in claims_files for c in read_claims(p)]
    except ClaimsFileError as exc:
        fail(str(exc))
    texts: dict[str, str] = {}
    published: dict[str, str | None] = {}
    attributions: list[AttributionRecord] = []
    failed = 0
    articles = [p for p in paths if p not in claims_files]
    if articles:
        from ..documents import read_all
        from ..extract import extract_documents
        from ..records import attributions_of, claims_of

        def both(doc: Doc, doc_id: str) -> tuple[list[Claim], list[AttributionRecord]]:
            return claims_of(doc, doc_id), attributions_of(doc, doc_id)

        for document, result in extract_documents(read_all(articles, glob, encoding), Pipeline(model, True).get(),
                                                  convert=both):
            if isinstance(result, DocumentError):
                failed += 1
                say(f"error: {result.path}: {result.reason}")
                continue
            texts[document.doc_id], published[document.doc_id] = document.text, document.published
            claims += result[0]
            attributions += result[1]
    found = guarded(lambda: with_changes(provenance_of(articles_of(claims, texts, attributions, published)),
                                         reconcile(claims)))
    typer.echo(json.dumps(found.as_json(), indent=2, ensure_ascii=False) if fmt is ProvenanceFormat.json
               else provenance_markdown(found))
    if failed:
        raise typer.Exit(1)
