"""Run every command line the README prints, as a newcomer would, and compare what they print
with what the README documents.

    python tools/readme_examples.py            # run them all; say which block differs (exit 1)
    python tools/readme_examples.py --update   # write what the tool prints now into the README

What counts as a command line, by fenced block:
- ```` ```sh ````: each line is a command (a trailing ``# comment`` is not part of it); it
  must exit 0.
- a plain ```` ``` ```` block whose first line starts with ``$ ``: each ``$ `` line is a
  command, and the lines up to the next one are its documented output (stdout and stderr
  as a terminal shows them, 100 columns wide; the exit status is not checked: ``claims
  diff`` exits 1 on a conflict).
- ```` ```python ````: run as a script.

Commands run with bash, in README order, in one scratch folder (a later block may use what
an earlier one wrote) holding links to the repository's ``seeds/`` and ``fixtures/`` and
the README's placeholders (``ARTICLES/``, ``feed.jsonl``, ``pages/``: the articles of
``fixtures/readme/``). The ``claims`` and ``python`` found first are the ones of the Python
running this script. Lines matching SKIPPED are not run; their reason is printed.
"""
from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PLACEHOLDERS = {"ARTICLES": "fixtures/readme/articles", "feed.jsonl": "fixtures/readme/feed.jsonl",
                "pages": "fixtures/readme/pages", "seeds": "seeds", "fixtures": "fixtures"}
SKIPPED = [
    (re.compile(r"^(python3 -m venv|\.venv/|pip install)"), "set-up of a fresh clone: .ci/run runs it"),
    (re.compile(r"--engine ray"), "Ray Data: tests/test_ray.py runs it on a local Ray"),
    (re.compile(r"postgresql\+psycopg://user"), "names a PostgreSQL server to be given"),
]
PROMPT = "$ "
TIMEOUT = 300


@dataclass
class Command:
    line: int  # 1-based line of the README
    text: str
    expected: list[str] | None = None  # documented output, for a "$ " command


@dataclass
class Block:
    line: int  # the line of its opening fence
    kind: str  # sh, prompt or python
    commands: list[Command] = field(default_factory=list)
    body: tuple[int, int] = (0, 0)  # README lines [start, end) inside the fences (0-based)

    def title(self) -> str:
        first = self.commands[0].text if self.commands else ""
        return f"README.md line {self.line} ({self.kind} block: {first[:60]})"


def strip_comment(line: str) -> str:
    """A shell line without its trailing comment (a '#' after a blank, outside quotes)."""
    quote = None
    for i, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def blocks(lines: list[str]) -> list[Block]:
    """The README's runnable blocks, in order."""
    found: list[Block] = []
    i = 0
    while i < len(lines):
        fence = re.match(r"^```(\w*)\s*$", lines[i])
        if not fence:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        body = lines[i + 1:end]
        language = fence.group(1)
        block = None
        if language == "sh":
            block = Block(i + 1, "sh", [Command(i + 2 + n, strip_comment(text)) for n, text in enumerate(body)
                                        if strip_comment(text)])
        elif language == "python":
            block = Block(i + 1, "python", [Command(i + 2, "\n".join(body))])
        elif language == "" and body and body[0].startswith(PROMPT):
            block = Block(i + 1, "prompt")
            for n, text in enumerate(body):
                if text.startswith(PROMPT):
                    block.commands.append(Command(i + 2 + n, strip_comment(text[len(PROMPT):]), []))
                else:
                    block.commands[-1].expected.append(text)  # type: ignore[union-attr]
        if block:
            block.body = (i + 1, end)
            found.append(block)
        i = end + 1
    return found


def skip_reason(command: str) -> str | None:
    return next((reason for pattern, reason in SKIPPED if pattern.search(command)), None)


def scratch_folder(base: Path) -> Path:
    """The folder the commands run in: links to the repository's articles and fixtures."""
    for name, target in PLACEHOLDERS.items():
        (base / name).symlink_to(ROOT / target)
    return base


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMS_", "PYTEST_"))}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}", COLUMNS="100",
               PYTHONUNBUFFERED="1", TERM="dumb", NO_COLOR="1")
    return env


def run(command: Command, kind: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run one command as the README shows it; stdout and stderr together."""
    argv = [sys.executable, "-c", command.text] if kind == "python" else ["bash", "-c", command.text]
    return subprocess.run(argv, cwd=cwd, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)


def output_lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


@dataclass
class Outcome:
    block: Block
    command: Command
    problem: str | None = None  # what is wrong, None when it holds
    skipped: str | None = None
    output: list[str] = field(default_factory=list)


def check(block: Block, cwd: Path) -> list[Outcome]:
    """Run a block's commands; each outcome says what, if anything, is wrong."""
    outcomes = []
    for command in block.commands:
        reason = skip_reason(command.text)
        if reason:
            outcomes.append(Outcome(block, command, skipped=reason))
            continue
        proc = run(command, block.kind, cwd)
        outcome = Outcome(block, command, output=output_lines(proc.stdout))
        if command.expected is not None:
            expected = output_lines("\n".join(command.expected))
            if outcome.output != expected:
                diff = difflib.unified_diff(expected, outcome.output, "documented", "printed", lineterm="")
                outcome.problem = "its output differs from the documented one:\n" + "\n".join(diff)
        elif proc.returncode != 0:
            outcome.problem = f"exit status {proc.returncode}:\n" + "\n".join(outcome.output[-20:])
        outcomes.append(outcome)
    return outcomes


def run_all(cwd: Path) -> list[Outcome]:
    lines = README.read_text(encoding="utf-8").splitlines()
    return [outcome for block in blocks(lines) for outcome in check(block, cwd)]


def update(outcomes: list[Outcome]) -> int:
    """Write the printed outputs of the "$ " commands into the README; how many changed."""
    lines = README.read_text(encoding="utf-8").splitlines()
    changed = 0
    for outcome in reversed([o for o in outcomes if o.command.expected is not None and o.problem]):
        start = outcome.command.line  # 0-based index of the first output line
        end = start + len(outcome.command.expected or [])
        lines[start:end] = outcome.output + ([""] if end < outcome.block.body[1] else [])
        changed += 1
    README.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="write the printed outputs into README.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="readme-") as folder:
        outcomes = run_all(scratch_folder(Path(folder)))
    for outcome in outcomes:
        where = f"{outcome.block.title()}, line {outcome.command.line}: {outcome.command.text.splitlines()[0]}"
        if outcome.skipped:
            print(f"skipped  {where}: {outcome.skipped}")
        elif outcome.problem:
            print(f"DIFFERS  {where}: {outcome.problem}")
        else:
            print(f"ok       {where}")
    if args.update:
        print(f"{update(outcomes)} documented outputs rewritten in {README}")
        return 0
    return 1 if any(o.problem for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
