"""``claims schema`` and ``claims version``: what the tool writes and which one it is."""
from __future__ import annotations

import json
from typing import Annotated

import typer


def schema(
    rules: Annotated[bool, typer.Option("--rules", help="The JSON Schema of every rule file of rules/ instead.")] = False,
) -> None:
    """Print the JSON Schema of the claim record (or, with --rules, of the rule files)."""
    if rules:
        from ..ruleset import RULE_FILES

        typer.echo(json.dumps({name: model.model_json_schema() for name, model in RULE_FILES.items()}, indent=2))
        return
    from ..models import Claim

    typer.echo(json.dumps(Claim.model_json_schema(), indent=2))


def version() -> None:
    """Print the version."""
    from ..version import __version__

    typer.echo(__version__)
