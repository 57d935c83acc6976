"""``claims review``: the review page of articles (extracted as ``claims extract`` does, their
texts kept), of claims files or of a database."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterator, Optional

import typer

from .common import EncodingOpt, GlobOpt, ModelOpt, Pipeline, QuietOpt, check_encoding, check_paths, fail, guarded, say

if TYPE_CHECKING:
    from ..documents import Document
    from ..models import Claim, DocumentError


def review(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Articles or folders to extract and show.", show_default=False)] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="review.html: one page; a folder: index.html and one page per story.")] = Path("review.html"),
    claims: Annotated[Optional[list[Path]], typer.Option("--claims", help="Claim records already extracted (JSONL); their sentences stand for the text.")] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="Claims of this database (articles whose files are still there are shown whole).")] = None,
    provenance: Annotated[Optional[Path], typer.Option(help="Each article's origin: the JSON of claims provenance --format json (default: as claims reconcile decides it).")] = None,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
    quiet: QuietOpt = False,
) -> None:
    """Write the review page: stories, their facts (one column per article), findings, a
    chart per disputed fact, and every article with its claims highlighted; one HTML file
    that opens from disk with no server and no network."""
    from pydantic import ValidationError

    from ..claims_jsonl import ClaimsFileError, read_claims
    from ..review import Article, Provenance, build, write_review

    if not (paths or claims or db):
        fail("give articles, folders, --claims FILE.jsonl or --db URL")
    check_paths([*(paths or []), *(claims or [])])
    check_encoding(encoding)
    articles: list[Article] = []
    records: list[Claim] = []
    failed = 0
    if paths:
        from ..documents import Document, read_all
        from ..extract import extract_articles
        from ..models import DocumentError

        texts: dict[str, str] = {}

        def remember(docs: Iterator[Document | DocumentError]) -> Iterator[Document | DocumentError]:
            for doc in docs:
                if isinstance(doc, Document):
                    texts[doc.doc_id] = doc.text
                yield doc

        for item in extract_articles(remember(read_all(paths, glob, encoding)), Pipeline(model, quiet).get()):
            if isinstance(item, DocumentError):
                failed += 1
                say(f"error: {item.path}: {item.reason}")
                continue
            info, found = item
            articles.append(Article.of(info, texts.pop(info.doc_id, None)))
            records.extend(found)
    try:
        records.extend(claim for path in claims or [] for claim in read_claims(path))
    except ClaimsFileError as exc:
        fail(str(exc))
    if db:
        from ..review.sources import from_store
        from .database import open_store

        with open_store(db, create=False) as store:
            stored, stored_claims = from_store(store)
        articles.extend(stored)
        records.extend(stored_claims)
    origins = None
    if provenance:
        try:
            origins = Provenance.model_validate_json(provenance.read_bytes())
        except (OSError, ValidationError) as exc:
            fail(f"{provenance}: not a provenance file: {str(exc).splitlines()[0]}")
    result = guarded(lambda: build(records, articles, provenance=origins))
    try:
        written = write_review(output, result)
    except OSError as exc:
        fail(f"{output}: cannot write the page: {exc.strerror or exc}")
    if not quiet:
        conflicts = sum(f.verdict == "conflict" for f in result.marks.findings.values())
        say(f"{output}: {len(written.pages)} page(s), {written.bytes:,} bytes; {len(result.sources)} article(s), "
            f"{result.claims} claims, {result.facts} facts, {len(result.marks.findings)} findings "
            f"({conflicts} conflicts), {failed} files failed")
        if len(written.pages) == 1 and written.bytes > 20_000_000:
            say("hint: a page this large opens slowly; -o DIR writes an index and one page per story")
    if failed:
        raise typer.Exit(1)
