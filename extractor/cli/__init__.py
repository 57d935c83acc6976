"""The ``claims`` command line. It checks the arguments, then wires documents, pipeline,
records, writers and the database together; nothing imports it. One module per command
group; each imports the project's modules when its command runs, so that ``claims --help``
and the record-side commands start without spaCy."""
from __future__ import annotations

import typer

from . import comparison, database, extraction, info, provenance, review
from .common import command

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn every figure a news article reports into a structured, attributed claim.")

for function, name in (
    (extraction.extract, "extract"), (extraction.attributions, "attributions"),
    (comparison.reconcile, "reconcile"), (comparison.diff, "diff"), (provenance.provenance, "provenance"),
    (info.schema, "schema"), (info.version, "version"),
    (database.load, "load"), (database.export, "export"),
    (review.review, "review"),
):
    summary = " ".join((function.__doc__ or "").split("\n\n")[0].split())
    app.command(name=name, short_help=summary)(command(function))


def main() -> None:
    app(prog_name="claims")
