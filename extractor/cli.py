"""The ``claims`` command line: wires documents, pipeline, records and writers together."""
from __future__ import annotations

import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer
from pydantic import BaseModel
from spacy.tokens import Doc

from . import __version__, pipeline
from .documents import read_all
from .extract import extract_documents
from .models import Claim, DocumentError
from .records import attributions_of, claims_of
from .ruleset import RuleError
from .writers import open_writer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn every figure a news article reports into a structured, attributed claim.")


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


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
    fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl: one claim record a line; csv: a flattened view.")] = Format.jsonl,
    model: ModelOpt = None,
    glob: GlobOpt = "*",
    encoding: EncodingOpt = "utf-8",
    quiet: QuietOpt = False,
) -> None:
    """Extract one claim record per money mention from articles (.txt, .md)."""
    _run(paths, output, fmt, model, glob, encoding, quiet, claims_of, "claims")


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
         quiet: bool, convert: Callable[[Doc, str], list[BaseModel]], noun: str) -> None:
    """Read, extract and write; report each unreadable file and exit 1 if any failed."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(map(str, missing))}", param_hint="PATHS")
    try:
        nlp = pipeline.build(model)
    except (pipeline.ModelNotFound, RuleError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    began = time.monotonic()
    docs = failed = written = 0
    with open_writer(output, fmt.value) as write:
        for _, result in extract_documents(read_all(paths, glob, encoding), nlp, convert=convert):
            docs += 1
            if isinstance(result, DocumentError):
                failed += 1
                _report_error(result)
                continue
            for record in result:
                write(record)
                written += 1
    if not quiet:
        typer.echo(f"{docs} files read, {failed} failed, {written} {noun} written in {time.monotonic() - began:.1f}s",
                   err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the claim record."""
    typer.echo(json.dumps(Claim.model_json_schema(), indent=2))


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    app(prog_name="claims")


if __name__ == "__main__":
    sys.exit(main())
