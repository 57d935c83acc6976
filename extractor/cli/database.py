"""``claims load`` and ``claims export``: claim records into and out of a database. Record
side only: nothing here loads spaCy."""
from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterator, Optional

import typer

from .common import INTERRUPTED, OutputOpt, QuietOpt, check_output, check_paths, fail, output_format, say, stdout_or

if TYPE_CHECKING:
    from ..database import ClaimStore

DbOpt = Annotated[str, typer.Option("--db", help="A file path (SQLite) or an SQLAlchemy URL (postgresql+psycopg://...).")]


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


@contextmanager
def open_store(url: str, create: bool = True) -> Iterator[ClaimStore]:
    """An open ClaimStore; a database that cannot be opened or written is an error (exit 2).
    Reading commands pass ``create=False``: a database that does not exist is refused, not made."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..database import ClaimStore, StoreError

    try:
        store = ClaimStore(url, create=create)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    except (StoreError, SQLAlchemyError) as exc:
        fail(f"database: {exc}")
    finally:
        store.close()


def load(
    files: Annotated[list[Path], typer.Argument(help="Claims JSONL files (claims extract --output).", show_default=False)],
    db: DbOpt,
    resume: Annotated[bool, typer.Option(help="Skip documents the database already holds as they are.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Load claim records extracted earlier into a database, one transaction per document;
    loading again is an upsert. Bad records are reported (file:line: field) and skipped."""
    from ..batch import Progress
    from ..database import load_claims

    check_paths(files, folders=False)
    try:
        with open_store(db) as store, Progress(quiet, doing="loading", failed="records rejected") as progress:
            report = load_claims(store, files, resume, progress=lambda so_far, total: progress.show(
                so_far.documents + so_far.skipped, so_far.claims, len(so_far.rejected), total))
    except KeyboardInterrupt:
        say("interrupted: every document committed is whole; run the same command with --resume to continue")
        raise typer.Exit(INTERRUPTED) from None
    for bad in report.rejected:
        say(f"error: {bad}")
    if not quiet:
        say(f"{report.documents} documents and {report.claims} claims loaded, {report.skipped} documents "
            f"already loaded, {len(report.rejected)} records rejected")
    if report.rejected:
        raise typer.Exit(1)


def export(
    db: DbOpt,
    fmt: Annotated[Optional[ExportFormat], typer.Option(
        "--format", "-f", help="csv (cells that would start a spreadsheet formula get a leading quote), jsonl or "
        "parquet (the parquet extra). Default: from the --output extension, else csv.", show_default=False)] = None,
    output: OutputOpt = None,
    all_versions: Annotated[bool, typer.Option(help="Include superseded versions (superseded_at set).")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Export the claims of a database, flattened one row per claim."""
    from ..database import export_claims

    output = stdout_or(output)
    chosen = output_format(fmt.value if fmt else None, output, ExportFormat.csv.value)
    if output is not None:
        check_output(output)
    with open_store(db, create=False) as store:
        count = export_claims(store, chosen, output, all_versions)
    if not quiet:
        say(f"{count} claims exported")
