"""``claims reconcile`` and ``claims diff``: claims from claims files (read without spaCy) or
from articles (extracted as ``claims extract`` does), then facts, findings and differences."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional

import typer

from .common import (
    EncodingOpt, GlobOpt, ModelOpt, Pipeline, QuietOpt, check_encoding, check_output, check_paths, fail, guarded,
    say,
)

if TYPE_CHECKING:
    from pydantic import BaseModel
    from rich.console import Console

    from ..models import Claim


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


def gather(sources: list[Path], pipeline: Pipeline, glob: str, encoding: str, quiet: bool) -> tuple[list[Claim], int]:
    """Claims of every source, in order: claims files are read, articles (files and folders)
    extracted through the batch runner, duplicates and bad files reported as by ``claims
    extract``; and how many articles failed."""
    from ..claims_jsonl import ClaimsFileError, is_claims_file, read_claims

    check_paths(sources)
    check_encoding(encoding)
    claims_files = [p for p in sources if p.is_file() and p.suffix.lower() == ".jsonl" and is_claims_file(p)]
    try:
        claims = [claim for path in claims_files for claim in read_claims(path)]
    except ClaimsFileError as exc:
        fail(str(exc))
    articles = [p for p in sources if p not in claims_files]
    if not articles:
        return claims, 0
    from ..batch import BatchOptions
    from ..records import claims_of
    from ..writers import RecordList
    from .extraction import run_batch

    extracted = RecordList()
    summary = run_batch(articles, [extracted], BatchOptions(pipeline.model, glob, encoding), claims_of, "claims",
                        quiet, pipeline.get())
    return claims + extracted.records, summary.failed  # type: ignore[operator]


def reconcile(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Articles, folders or claims JSONL files.", show_default=False)] = None,
    claims: Annotated[Optional[list[Path]], typer.Option("--claims", help="Claim records already extracted (JSONL).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the facts here as JSONL.")] = None,
    findings: Annotated[Optional[Path], typer.Option(help="Write the findings here as JSONL.")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table (terminal), markdown, or json: {facts, findings}.")] = ReportFormat.table,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
    quiet: QuietOpt = False,
    db: Annotated[Optional[str], typer.Option("--db", help="Store facts and findings in this database; with no files, reconcile the claims it holds.")] = None,
) -> None:
    """Group claims into facts across sources and check them: conflicts, magnitude slips,
    revisions, parts exceeding wholes, arithmetic, currency restatements, repetition,
    corroboration. With --db and no files, the claims of the database."""
    from ..reconcile import reconcile as reconcile_claims
    from ..writers import open_writer

    sources = list(paths or []) + list(claims or [])
    if not sources and not db:
        fail("give articles, folders, --claims FILE.jsonl or --db URL")
    for path in (output, findings):
        if path is not None:
            check_output(path)
    if sources:
        records, failed = gather(sources, Pipeline(model, quiet), glob, encoding, quiet)
    else:
        records, failed = _claims_in_database(db), 0  # type: ignore[arg-type]
    result = guarded(lambda: reconcile_claims(records))
    if db:
        from ..database import store_reconciliation
        from .database import open_store

        with open_store(db) as store:
            store_reconciliation(store, result)
    for path, rows in ((output, result.facts), (findings, result.findings)):
        if path:
            with open_writer(path, "jsonl") as write:
                for row in rows:
                    write(row)
    from ..report import reconciliation_markdown, reconciliation_tables

    print_report(result, fmt, reconciliation_markdown, reconciliation_tables)
    if not quiet:
        conflicts = sum(f.verdict == "conflict" for f in result.findings)
        say(f"{len(records)} claims, {len(result.facts)} facts, {len(result.findings)} findings "
            f"({conflicts} conflicts), {failed} files failed")
    if failed:
        raise typer.Exit(1)


def diff(
    a: Annotated[Path, typer.Argument(help="Source A: an article, a folder or a claims JSONL.", show_default=False)],
    b: Annotated[Path, typer.Argument(help="Source B: an article, a folder or a claims JSONL.", show_default=False)],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table, markdown or json.")] = ReportFormat.table,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
) -> None:
    """What two sources claim: agreeing and conflicting figures, figures only in A or B.
    Exit status: 0 no conflict, 1 conflicts found, 2 error."""
    from ..diff import diff as diff_claims

    check_paths([a, b])
    pipeline = Pipeline(model, quiet=False)
    sides = [gather([path], pipeline, glob, encoding, quiet=True) for path in (a, b)]
    if any(failed for _, failed in sides):
        raise typer.Exit(2)
    result = guarded(lambda: diff_claims(sides[0][0], sides[1][0]))
    from ..report import diff_markdown, diff_tables

    print_report(result, fmt, diff_markdown, diff_tables)
    if result.conflict:
        raise typer.Exit(1)


def print_report(result: BaseModel, fmt: ReportFormat, markdown: Callable[[Any], str],
                 tables: Callable[[Any, Console], None]) -> None:
    """A reconciliation or a diff as JSON, Markdown or terminal tables."""
    if fmt is ReportFormat.json:
        typer.echo(result.model_dump_json(indent=2))
    elif fmt is ReportFormat.markdown:
        typer.echo(markdown(result))
    else:
        from rich.console import Console

        tables(result, Console())


def _claims_in_database(url: str) -> list[Claim]:
    """The current claims of a database (a reading command: it must exist)."""
    from ..database.reconciliation import stored_claims
    from .database import open_store

    with open_store(url, create=False) as store:
        return list(stored_claims(store))
