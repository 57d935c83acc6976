"""What the commands share: one-line messages with names shown escaped, the checks made
before any work (paths, encoding, outputs, formats), the one place a pipeline is built,
and how a command ends on Ctrl-C or a closed pipe. Usage errors exit 2."""
from __future__ import annotations

import errno
import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, NoReturn, Optional

import typer

from ..escape import for_terminal

if TYPE_CHECKING:
    from spacy.language import Language

USAGE = 2
INTERRUPTED = 130
SUFFIX_FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}

PathsArg = Annotated[list[Path], typer.Argument(help="Article files or folders (walked recursively).",
                                                show_default=False)]
OutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write records here (default, or '-': stdout). The format follows a .jsonl, .csv or "
    ".parquet extension unless --format says it. A device or a pipe keeps no ledger, so it cannot be resumed.")]
ModelOpt = Annotated[Optional[str], typer.Option(help="Build on an installed spaCy pipeline, e.g. en_core_web_sm.")]
GlobOpt = Annotated[str, typer.Option(help="Only files whose name matches this pattern.")]
EncodingOpt = Annotated[str, typer.Option(help="Text encoding of the articles (a Python codec name).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary on stderr (errors still are).")]


def say(text: str) -> None:
    """One line on stderr; control characters in it (from a file name, say) are shown escaped."""
    typer.echo(for_terminal(text), err=True)


def fail(message: str) -> NoReturn:
    """End the command with one error line and exit status 2 (a usage error)."""
    say(f"error: {message}")
    raise typer.Exit(USAGE)


def command(function: Callable[..., None]) -> Callable[..., None]:
    """A command that ends cleanly on Ctrl-C (exit 130) and when the reader of its output
    goes away (``claims extract ... | head``)."""
    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            function(*args, **kwargs)
        except KeyboardInterrupt:
            say("interrupted")
            raise typer.Exit(INTERRUPTED) from None
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to flush at exit
            raise typer.Exit(1) from None
    return run


def check_paths(paths: list[Path], folders: bool = True) -> None:
    """A usage error unless every path exists (and, unless ``folders``, is no folder)."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(map(str, missing))}")
    if not folders and (given := [p for p in paths if p.is_dir()]):
        fail(f"{', '.join(map(str, given))}: a folder; give claims JSONL files")


def check_encoding(encoding: str) -> None:
    try:
        b"a".decode(encoding)  # empty bytes would decode without looking the codec up
    except UnicodeError:
        pass
    except LookupError:
        fail(f"unknown encoding {encoding!r} (--encoding takes a text codec name: utf-8, latin-1, cp1252...)")


def stdout_or(output: Path | None) -> Path | None:
    """The output path, or None for stdout (no path, or '-')."""
    return None if output is None or str(output) == "-" else output


def _reason(exc: OSError) -> str:
    reasons = {errno.ENOENT: "no such folder", errno.EACCES: "permission denied", errno.EPERM: "permission denied",
               errno.EROFS: "read-only file system", errno.EISDIR: "it is a folder", errno.ENOSPC: "no space left"}
    return reasons.get(exc.errno or 0, (exc.strerror or str(exc)).lower())


def check_output(path: Path) -> None:
    """A usage error unless ``path`` can be written as a file (nothing is truncated here;
    a file made to try is removed)."""
    if path.is_dir():
        fail(f"cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        why = "no such folder" if not path.parent.exists() else f"{path.parent} is not a folder"
        fail(f"cannot write {path}: {why}")
    existed = path.exists()
    try:
        if existed and not path.is_file():  # a device or a pipe: opening a pipe would wait for its reader
            if not os.access(path, os.W_OK):
                raise PermissionError(errno.EACCES, "permission denied")
        else:
            with open(path, "ab"):
                pass
    except OSError as exc:
        fail(f"cannot write {path}: {_reason(exc)}")
    if not existed:
        path.unlink(missing_ok=True)


def output_format(given: str | None, output: Path | None, default: str) -> str:
    """The format asked for, else the one the output's extension names, else ``default``;
    an extension naming another format than the one asked for is a usage error."""
    implied = SUFFIX_FORMATS.get(output.suffix.lower()) if output else None
    if given is None:
        return implied or default
    if implied and implied != given:
        fail(f"{output} has the extension of {implied} but --format is {given}: rename it or drop --format")
    return given


def opened(open_output: Callable[[], Any], name: str) -> Any:
    """``open_output()``; an output that cannot be opened or resumed is a usage error."""
    from ..writers import ResumeError

    try:
        return open_output()
    except ResumeError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {name}: {_reason(exc)}")


def guarded(step: Callable[[], Any]) -> Any:
    """Run a step that reads rule files; an invalid one is a usage error."""
    from ..ruleset import RuleError

    try:
        return step()
    except RuleError as exc:
        fail(str(exc))


class Pipeline:
    """The extraction pipeline of a command: checked without spaCy (rule files valid, the
    model installed) before any output is opened, built once when first needed; which
    installed pipeline ``--model`` gave is said on stderr unless quiet."""

    def __init__(self, model: str | None, quiet: bool) -> None:
        self.model, self.quiet = model, quiet
        self._checked = False
        self._nlp: Language | None = None

    def check(self) -> None:
        from .. import pipeline, ruleset

        if self._checked:
            return
        self._checked = True
        guarded(ruleset.check_all)
        if self.model is None:
            return
        try:
            package = pipeline.find_model(self.model)
        except pipeline.ModelNotFound as exc:
            fail(str(exc))
        if not self.quiet:
            said = "" if package == self.model else f" (for --model {self.model})"
            say(f"pipeline: {package} {_version(package)}{said}")

    def get(self) -> Language:
        from .. import pipeline

        self.check()
        if self._nlp is None:
            try:
                self._nlp = guarded(lambda: pipeline.build(self.model))
            except pipeline.ModelNotFound as exc:
                fail(str(exc))
        return self._nlp


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:  # a pipeline folder, not a package
        return "(folder)"
