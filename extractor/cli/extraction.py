"""``claims extract`` and ``claims attributions``: articles in, one record per money mention
(or per attribution) out, through the batch runner. ``run_batch`` is also how reconcile
and diff extract the articles they are given."""
from __future__ import annotations

from contextlib import ExitStack
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional, Sequence

import typer

from ..documents import MAX_SECONDS
from .common import (
    INTERRUPTED, EncodingOpt, GlobOpt, ModelOpt, OutputOpt, PathsArg, Pipeline, QuietOpt, check_encoding,
    check_output, check_paths, fail, opened, output_format, say, stdout_or,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from ..batch import BatchOptions, Convert, Summary
    from ..writers import Counted, Sink


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def extract(
    paths: PathsArg,
    output: OutputOpt = None,
    fmt: Annotated[Optional[Format], typer.Option(
        "--format", "-f", help="jsonl: one claim record a line; csv: a flattened view (cells that would start a "
        "spreadsheet formula get a leading quote); parquet: --engine ray only. Default: from the --output "
        "extension, else jsonl.", show_default=False)] = None,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
    quiet: QuietOpt = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Worker processes, each loading the pipeline once.")] = 1,
    unordered: Annotated[bool, typer.Option("--unordered", help="With --workers: write documents as they finish, not in input order.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Skip documents already in the output (its .docs ledger) or the database.")] = False,
    db: Annotated[Optional[str], typer.Option("--db", help="Also write to this database (a path or an SQLAlchemy URL).")] = None,
    max_chars: Annotated[Optional[int], typer.Option(min=1, help="Longer documents fail as too large (default: "
                                                   "spaCy's limit, 1,000,000 characters).", show_default=False)] = None,
    engine: Annotated[Engine, typer.Option(help="local, or ray: a Ray Data pipeline writing shards to --output DIR.")] = Engine.local,
    keep_duplicates: Annotated[bool, typer.Option("--keep-duplicates", help="Extract every document, even one whose text was met before.")] = False,
    max_seconds: Annotated[float, typer.Option(min=0, help="A document still running after this many seconds fails as over time (0: no limit).")] = MAX_SECONDS,
) -> None:
    """Extract one claim record per money mention from articles (.txt, .md, .html, .jsonl
    and .json records), streaming, in parallel with --workers, resumable with --resume."""
    from ..batch import BatchOptions
    from ..documents import MAX_CHARS
    from ..records import claims_of

    output = stdout_or(output)
    check_paths(paths)
    check_encoding(encoding)
    if engine is Engine.ray:
        if resume or db or workers > 1 or unordered:
            fail("--engine ray takes none of --resume, --db, --workers, --unordered "
                 "(Ray places the work; load the shards with claims load)")
        _extract_with_ray(paths, output, fmt.value if fmt else "jsonl", model, glob, encoding, quiet,
                          max_chars or MAX_CHARS, keep_duplicates)
        return
    chosen = output_format(fmt.value if fmt else None, output, Format.jsonl.value)
    if chosen == Format.parquet.value:
        fail("parquet is written by --engine ray; use jsonl or csv")
    if resume and output is None and db is None:
        fail("--resume needs --output FILE or --db URL")
    options = BatchOptions(model, glob, encoding, max_chars or MAX_CHARS, workers, ordered=not unordered, resume=resume,
                           keep_duplicates=keep_duplicates, max_seconds=max_seconds)
    finish(extract_to(paths, output, chosen, db, options, claims_of, "claims", quiet), "claims", quiet)


def attributions(
    paths: PathsArg,
    output: OutputOpt = None,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
    quiet: QuietOpt = False,
) -> None:
    """Extract every attribution (source, cue, content), money or not, as JSONL."""
    from ..batch import BatchOptions
    from ..records import attributions_of

    output = stdout_or(output)
    check_paths(paths)
    check_encoding(encoding)
    output_format(Format.jsonl.value, output, Format.jsonl.value)
    options = BatchOptions(model, glob, encoding)
    finish(extract_to(paths, output, Format.jsonl.value, None, options, attributions_of, "attributions", quiet),
           "attributions", quiet)


def extract_to(paths: list[Path], output: Path | None, fmt: str, db: str | None, options: BatchOptions,
               convert: Convert, noun: str, quiet: bool) -> Summary:
    """The one way to extraction into files or a database: the outputs and the pipeline are
    checked, the outputs opened, the pipeline built once (by each worker with --workers)
    and the batch run. Ctrl-C says what was written."""
    from ..writers import Counted, CsvSink, JsonlSink, keeps_ledger
    from .database import open_store

    if output is not None:
        check_output(output)
    pipeline = Pipeline(options.model, quiet)
    pipeline.check()
    sinks: list[Counted] = []
    try:
        with ExitStack() as stack:
            if db:
                sinks.append(Counted(stack.enter_context(open_store(db)), db))  # type: ignore[arg-type]  # claims only
            if output is not None or not db:
                sink_type = CsvSink if fmt == Format.csv.value else JsonlSink
                sink: Sink = opened(lambda: sink_type(output, options.resume), str(output))
                stack.callback(sink.close)
                sinks.append(Counted(sink, str(output) if output else "standard output"))
                if output is not None and not keeps_ledger(output) and not quiet:
                    say(f"note: {output} is not a regular file: no ledger is kept, "
                        "so --resume cannot continue this run")
            nlp = pipeline.get() if options.workers == 1 else None
            return run_batch(paths, sinks, options, convert, noun, quiet, nlp)
    except KeyboardInterrupt:
        interrupted(sinks, noun, resumable=keeps_ledger(output) if output is not None else bool(db))


def run_batch(paths: list[Path], sinks: Sequence[Sink], options: BatchOptions, convert: Convert, noun: str, quiet: bool,
              nlp: Language | None) -> Summary:
    """Read, extract and write as a batch run, its progress on stderr."""
    from .. import batch

    with batch.Progress(quiet, noun) as progress:
        return batch.run(paths, sinks, options, progress, convert, nlp)


def interrupted(sinks: list[Counted], noun: str, resumable: bool) -> NoReturn:
    """Ctrl-C: what was written where, and how to go on; exit 130."""
    for sink in sinks:
        say(f"interrupted: {sink.documents} documents ({sink.records} {noun}) written to {sink.name}")
    say("to continue: run the same command with --resume" if resumable else
        "standard output, a device or a pipe keeps no ledger: run the whole command again to continue")
    raise typer.Exit(INTERRUPTED)


def finish(summary: Summary, noun: str, quiet: bool) -> None:
    """The closing lines unless quiet; exit 1 if a document failed."""
    if not quiet:
        for line in summary.lines(noun):
            say(line)
    if summary.failed:
        raise typer.Exit(1)


def _extract_with_ray(paths: list[Path], output: Path | None, fmt: str, model: str | None, glob: str, encoding: str,
                      quiet: bool, max_chars: int, keep_duplicates: bool) -> None:
    """The same extraction as a Ray Data pipeline writing JSONL or Parquet shards."""
    if output is None:
        fail("--engine ray writes shards: give --output DIR")
    if output.exists() and not output.is_dir():
        fail(f"cannot write shards to {output}: it is not a folder")
    if fmt == Format.csv.value:
        fail("--engine ray writes jsonl or parquet")
    Pipeline(model, quiet).check()
    try:
        from ..ray_engine import extract_with_ray
    except ImportError as exc:
        fail(f"--engine ray needs Ray: pip install 'claims[ray]' ({exc})")
    result = extract_with_ray(paths, output, fmt, model, glob, encoding, max_chars, keep_duplicates=keep_duplicates,
                              quiet=quiet)
    for error in result.errors:
        say(f"error: {error.path}: {error.reason}")
    if not quiet:
        for line in result.summary.lines():
            say(line)
    if result.errors:
        raise typer.Exit(1)
