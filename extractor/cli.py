"""The ``claims`` command line: wires documents, pipeline, records and writers together."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional, TypeVar

import typer
from pydantic import BaseModel, ValidationError
from rich.console import Console
from spacy.tokens import Doc
from sqlalchemy.exc import SQLAlchemyError

from . import __version__, batch, pipeline
from .documents import MAX_CHARS, read_all
from .extract import extract_documents
from .models import Claim, DocumentError
from .database import ClaimStore, StoreError, export_claims, load_claims, store_reconciliation
from .diff import diff
from .reconcile import reconcile
from .records import attributions_of, claims_of
from .report import diff_markdown, diff_tables, reconciliation_markdown, reconciliation_tables
from .ruleset import RuleError
from .writers import CsvSink, JsonlSink, ResumeError, Sink, open_writer

T = TypeVar("T")

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn every figure a news article reports into a structured, attributed claim.")


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def _report_error(err: DocumentError) -> None:
    typer.echo(f"error: {err.path}: {err.reason}", err=True)


PathsArg = Annotated[list[Path], typer.Argument(help="Article files or folders (walked recursively).")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write records here (default: stdout).")]
ModelOpt = Annotated[Optional[str], typer.Option(help="Build on an installed spaCy pipeline, e.g. en_core_web_sm.")]
GlobOpt = Annotated[str, typer.Option(help="Only files whose name matches this pattern.")]
EncodingOpt = Annotated[str, typer.Option(help="Text encoding of the articles.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")]


@app.command()
def extract(
    paths: PathsArg,
    output: OutputOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl: one claim record a line; csv: a flattened view; parquet: --engine ray only.")] = Format.jsonl,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary on stderr (errors still are).")] = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Worker processes, each loading the pipeline once.")] = 1,
    unordered: Annotated[bool, typer.Option("--unordered", help="With --workers: write documents as they finish, not in input order.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Skip documents already in the output (its .docs ledger) or the database.")] = False,
    db: Annotated[Optional[str], typer.Option("--db", help="Also write to this database (a path or an SQLAlchemy URL).")] = None,
    max_chars: Annotated[int, typer.Option(min=1, help="Longer documents fail as too large.")] = MAX_CHARS,
    engine: Annotated[Engine, typer.Option(help="local, or ray: a Ray Data pipeline writing shards to --output DIR.")] = Engine.local,
    keep_duplicates: Annotated[bool, typer.Option("--keep-duplicates", help="Extract every document, even one whose text was met before.")] = False,
) -> None:
    """Extract one claim record per money mention from articles (.txt, .md, .html, .jsonl
    and .json records), streaming, in parallel with --workers, resumable with --resume."""
    if engine is Engine.ray:
        if resume or db or workers > 1 or unordered:
            raise typer.BadParameter("--engine ray takes none of --resume, --db, --workers, --unordered "
                                     "(Ray places the work; load the shards with claims load)", param_hint="--engine")
        _run_ray(paths, output, fmt, model, glob, encoding, quiet, max_chars, keep_duplicates)
        return
    if fmt is Format.parquet:
        raise typer.BadParameter("parquet is written by --engine ray; use jsonl or csv", param_hint="--format")
    _run(paths, output, fmt, model, glob, encoding, quiet, claims_of, "claims",
         batch.BatchOptions(model, glob, encoding, max_chars, workers, ordered=not unordered, resume=resume,
                            keep_duplicates=keep_duplicates), db)


@app.command()
def attributions(
    paths: PathsArg,
    output: OutputOpt = None,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
    quiet: QuietOpt = False,
) -> None:
    """Extract every attribution (source, cue, content), money or not."""
    _run(paths, output, Format.jsonl, model, glob, encoding, quiet, attributions_of, "attributions")


def _run(paths: list[Path], output: Path | None, fmt: Format, model: str | None, glob: str, encoding: str,
         quiet: bool, convert: Callable[[Doc, str], list[BaseModel]], noun: str,
         options: batch.BatchOptions | None = None, db: str | None = None) -> None:
    """Read, extract and write as a batch run (batch.run); report each unreadable file and
    exit 1 if any failed."""
    _check_paths(paths)
    options = options or batch.BatchOptions(model, glob, encoding)
    if options.resume and output is None and db is None:
        raise typer.BadParameter("--resume needs --output FILE or --db URL", param_hint="--resume")
    try:
        nlp = pipeline.build(model)
    except (pipeline.ModelNotFound, RuleError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    sinks = _sinks(output, fmt, db, options.resume)
    try:
        with batch.Progress(quiet, noun) as progress:
            summary = batch.run(paths, sinks, options, progress, convert, nlp)
    finally:
        for sink in sinks:
            sink.close()
    if not quiet:
        for line in summary.lines(noun):
            typer.echo(line, err=True)
    if summary.failed:
        raise typer.Exit(1)


def _check_paths(paths: list[Path]) -> None:
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(map(str, missing))}", param_hint="PATHS")


def _sinks(output: Path | None, fmt: Format, db: str | None, resume: bool) -> list[Sink]:
    """The database (imported only when asked for) and the output file, or stdout when
    neither is given; an output that cannot be resumed is a usage error."""
    sinks: list[Sink] = []
    try:
        if db:
            from .database import ClaimStore, StoreError

            try:
                sinks.append(ClaimStore(db))
            except StoreError as exc:
                raise ResumeError(str(exc)) from exc
        if output or not db:
            sinks.append((CsvSink if fmt is Format.csv else JsonlSink)(output, resume))
    except ResumeError as exc:
        for sink in sinks:
            sink.close()
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    return sinks


def _run_ray(paths: list[Path], output: Path | None, fmt: Format, model: str | None, glob: str, encoding: str,
             quiet: bool, max_chars: int, keep_duplicates: bool) -> None:
    """The same extraction as a Ray Data pipeline writing JSONL or Parquet shards."""
    _check_paths(paths)
    if output is None:
        raise typer.BadParameter("--engine ray writes shards: give --output DIR", param_hint="--output")
    if fmt is Format.csv:
        raise typer.BadParameter("--engine ray writes jsonl or parquet", param_hint="--format")
    try:
        from .ray_engine import extract_with_ray
    except ImportError as exc:
        typer.echo(f"error: --engine ray needs Ray: pip install 'claims[ray]' ({exc})", err=True)
        raise typer.Exit(2) from exc
    result = extract_with_ray(paths, output, fmt.value, model, glob, encoding, max_chars,
                              keep_duplicates=keep_duplicates)
    for error in result.errors:
        _report_error(error)
    if not quiet:
        for line in result.summary.lines():
            typer.echo(line, err=True)
    if result.errors:
        raise typer.Exit(1)


@app.command()
def schema(
    rules: Annotated[bool, typer.Option("--rules", help="The JSON Schema of every rule file of rules/ instead.")] = False,
) -> None:
    """Print the JSON Schema of the claim record (or, with --rules, of the rule files)."""
    if rules:
        from .ruleset import RULE_FILES
        typer.echo(json.dumps({name: model.model_json_schema() for name, model in RULE_FILES.items()}, indent=2))
        return
    typer.echo(json.dumps(Claim.model_json_schema(), indent=2))


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


def _read_claims(path: Path) -> list[Claim]:
    """Claim records of a JSONL file; a bad line is a usage error naming its number."""
    claims = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        typer.echo(f"error: {path}: cannot read claims: {exc}", err=True)
        raise typer.Exit(2) from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            claims.append(Claim.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(map(str, first["loc"])) or "record"
            typer.echo(f"error: {path}:{number}: invalid claim record: {where}: {first['msg']}", err=True)
            raise typer.Exit(2) from exc
    return claims


def _gather(paths: list[Path], model: str | None, glob: str, encoding: str) -> tuple[list[Claim], int]:
    """Claims of every source (articles are extracted, .jsonl files read) and the number of
    articles that failed."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(map(str, missing))}", param_hint="PATHS")
    claims = [c for p in paths if p.suffix == ".jsonl" for c in _read_claims(p)]
    articles = [p for p in paths if p.suffix != ".jsonl"]
    if not articles:
        return claims, 0
    try:
        nlp = pipeline.build(model)
    except (pipeline.ModelNotFound, RuleError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    failed = 0
    for _, result in extract_documents(read_all(articles, glob, encoding), nlp):
        if isinstance(result, DocumentError):
            failed += 1
            _report_error(result)
        else:
            claims.extend(result)
    return claims, failed


def _guarded(run: Callable[[], T]) -> T:
    """Run a step; an invalid rule file is a usage error (exit 2)."""
    try:
        return run()
    except RuleError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command(name="reconcile")
def reconcile_command(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Articles, folders or claims JSONL files.")] = None,
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
    sources = list(paths or []) + list(claims or [])
    if not sources and not db:
        raise typer.BadParameter("give articles, folders, --claims FILE.jsonl or --db URL", param_hint="PATHS")
    records, failed = _gather(sources, model, glob, encoding) if sources else ([], 0)
    if db and not sources:
        records = _claims_in_database(db)
    result = _guarded(lambda: reconcile(records))
    if db:
        with _store(db) as store:
            store_reconciliation(store, result)
    for path, rows in ((output, result.facts), (findings, result.findings)):
        if path:
            with open_writer(path, "jsonl") as write:
                for row in rows:
                    write(row)
    _print_report(result, fmt, reconciliation_markdown, reconciliation_tables)
    if not quiet:
        conflicts = sum(f.verdict == "conflict" for f in result.findings)
        typer.echo(f"{len(records)} claims, {len(result.facts)} facts, {len(result.findings)} findings "
                   f"({conflicts} conflicts), {failed} files failed", err=True)
    if failed:
        raise typer.Exit(1)


def _print_report(result: BaseModel, fmt: ReportFormat, markdown: Callable[[T], str],
                  tables: Callable[[T, Console], None]) -> None:
    """A reconciliation or a diff as JSON, Markdown or terminal tables."""
    if fmt is ReportFormat.json:
        typer.echo(result.model_dump_json(indent=2))
    elif fmt is ReportFormat.markdown:
        typer.echo(markdown(result))  # type: ignore[arg-type]
    else:
        tables(result, Console())  # type: ignore[arg-type]


@app.command(name="diff")
def diff_command(
    a: Annotated[Path, typer.Argument(help="Source A: an article, a folder or a claims JSONL.")],
    b: Annotated[Path, typer.Argument(help="Source B: an article, a folder or a claims JSONL.")],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table, markdown or json.")] = ReportFormat.table,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
) -> None:
    """What two sources claim: agreeing and conflicting figures, figures only in A or B.
    Exit status: 0 no conflict, 1 conflicts found, 2 error."""
    sides = [_gather([path], model, glob, encoding) for path in (a, b)]
    if any(failed for _, failed in sides):
        raise typer.Exit(2)
    result = _guarded(lambda: diff(sides[0][0], sides[1][0]))
    _print_report(result, fmt, diff_markdown, diff_tables)
    if result.conflict:
        raise typer.Exit(1)


# ------------------------------------------------------------------ provenance and database claims (stories)
class ProvenanceFormat(str, Enum):
    json = "json"
    markdown = "markdown"


@app.command(name="provenance")
def provenance_command(
    paths: Annotated[list[Path], typer.Argument(help="Articles or folders of one story (or a day's news); claims JSONL files too.")],
    fmt: Annotated[ProvenanceFormat, typer.Option("--format", "-f", help="json: {documents, origins}; or markdown.")] = ProvenanceFormat.json,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
) -> None:
    """Where each article's figures came from: its origin (the report it relays), how that
    was decided (citations, near-duplicate passages, shared figures, dates), and the relay
    tree of each origin with what each relay changed."""
    from .provenance import articles_of, provenance, with_changes
    from .report import provenance_markdown

    _check_paths(paths)
    claims = [c for p in paths if p.suffix == ".jsonl" for c in _read_claims(p)]
    texts, published, attributions, failed = {}, {}, [], 0
    articles = [p for p in paths if p.suffix != ".jsonl"]
    if articles:
        try:
            nlp = pipeline.build(model)
        except (pipeline.ModelNotFound, RuleError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
        both = lambda doc, doc_id: (claims_of(doc, doc_id), attributions_of(doc, doc_id))  # noqa: E731
        for document, result in extract_documents(read_all(articles, glob, encoding), nlp, convert=both):
            if isinstance(result, DocumentError):
                failed += 1
                _report_error(result)
                continue
            texts[document.doc_id], published[document.doc_id] = document.text, document.published
            claims += result[0]
            attributions += result[1]
    found = _guarded(lambda: with_changes(provenance(articles_of(claims, texts, attributions, published)),
                                          reconcile(claims)))
    typer.echo(json.dumps(found.as_json(), indent=2, ensure_ascii=False) if fmt is ProvenanceFormat.json
               else provenance_markdown(found))
    if failed:
        raise typer.Exit(1)


def _claims_in_database(url: str) -> list[Claim]:
    """The current claims of a database (it must exist: a reading command creates none)."""
    from .database.reconciliation import stored_claims

    if "://" not in url and not Path(url).exists():
        typer.echo(f"error: no such database: {url}", err=True)
        raise typer.Exit(2)
    with _store(url) as store:
        return list(stored_claims(store))


DbOpt = Annotated[str, typer.Option("--db", help="A file path (SQLite) or an SQLAlchemy URL (postgresql+psycopg://...).")]


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


@contextmanager
def _store(url: str) -> Iterator[ClaimStore]:
    """An open ClaimStore; a database that cannot be opened or written is an error (exit 2)."""
    try:
        store = ClaimStore(url)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    try:
        yield store
    except (StoreError, SQLAlchemyError) as exc:
        typer.echo(f"error: database: {exc}", err=True)
        raise typer.Exit(2) from exc
    finally:
        store.close()


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="Claims JSONL files (claims extract --output).")],
    db: DbOpt,
    resume: Annotated[bool, typer.Option(help="Skip documents the database already holds as they are.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Load claim records extracted earlier into a database, one transaction per document;
    loading again is an upsert. Bad records are reported (file:line: field) and skipped."""
    missing = [p for p in files if not p.is_file()]
    if missing:
        raise typer.BadParameter(f"no such file: {', '.join(map(str, missing))}", param_hint="FILES")
    with _store(db) as store, batch.Progress(quiet, doing="loading", failed="records rejected") as progress:
        try:
            report = load_claims(store, files, resume, progress=lambda so_far, total: progress.show(
                so_far.documents + so_far.skipped, so_far.claims, len(so_far.rejected), total))
        except (OSError, UnicodeDecodeError) as exc:
            typer.echo(f"error: cannot read claims: {exc}", err=True)
            raise typer.Exit(2) from exc
    for bad in report.rejected:
        typer.echo(f"error: {bad}", err=True)
    if not quiet:
        typer.echo(f"{report.documents} documents and {report.claims} claims loaded, {report.skipped} documents "
                   f"already loaded, {len(report.rejected)} records rejected", err=True)
    if report.rejected:
        raise typer.Exit(1)


@app.command(name="export")
def export_command(
    db: DbOpt,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, jsonl or parquet (the parquet extra).")] = ExportFormat.csv,
    output: OutputOpt = None,
    all_versions: Annotated[bool, typer.Option(help="Include superseded versions (superseded_at set).")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Export the claims of a database, flattened one row per claim."""
    with _store(db) as store:
        count = export_claims(store, fmt.value, output, all_versions)
    if not quiet:
        typer.echo(f"{count} claims exported", err=True)


def main() -> None:
    app(prog_name="claims")


if __name__ == "__main__":
    sys.exit(main())
