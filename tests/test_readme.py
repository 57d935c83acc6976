"""Every command line the README prints runs from the repository as a newcomer would run it,
and prints what the README shows (tools/readme_examples.py runs them; when an output changes
on purpose, ``python tools/readme_examples.py --update`` writes the new one into the README)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "tools" / "readme_examples.py")
assert spec and spec.loader
examples = importlib.util.module_from_spec(spec)
sys.modules["readme_examples"] = examples
spec.loader.exec_module(examples)


def test_every_readme_command_line_runs_and_prints_what_the_readme_shows(tmp_path):
    outcomes = examples.run_all(examples.scratch_folder(tmp_path))
    problems = [f"{o.block.title()}, line {o.command.line}: `{o.command.text}`: {o.problem}"
                for o in outcomes if o.problem]
    assert not problems, ("\n\n".join(problems)
                          + "\n\nIf the new output is the right one: python tools/readme_examples.py --update")
    ran = [o.command.text for o in outcomes if not o.skipped]
    assert any("--model en_core_web_sm" in c for c in ran), "the README's --model command was not run"
    assert len(ran) >= 25


README_TEXT = """# tool

```sh
echo one   # a comment
echo 'a # in quotes'
```

```
$ echo two
two
$ printf 'x\\ny\\n'
x
z
```

```
not a command
```
"""


@pytest.fixture()
def readme(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "README.md"
    path.write_text(README_TEXT, encoding="utf-8")
    monkeypatch.setattr(examples, "README", path)
    return path


def test_the_runner_reads_commands_and_documented_outputs(readme):
    found = examples.blocks(readme.read_text(encoding="utf-8").splitlines())
    assert [(b.kind, b.line) for b in found] == [("sh", 3), ("prompt", 8)]
    assert [c.text for c in found[0].commands] == ["echo one", "echo 'a # in quotes'"]
    assert [(c.text, c.expected) for c in found[1].commands] == [("echo two", ["two"]), ("printf 'x\\ny\\n'", ["x", "z"])]


def test_a_changed_output_names_its_block_and_update_rewrites_it(readme, tmp_path):
    outcomes = examples.run_all(tmp_path)
    [wrong] = [o for o in outcomes if o.problem]
    assert "line 8 (prompt block" in wrong.block.title() and wrong.command.line == 11
    assert "-z" in wrong.problem and "+y" in wrong.problem
    assert examples.update(outcomes) == 1
    assert "$ printf 'x\\ny\\n'\nx\ny\n```" in readme.read_text(encoding="utf-8")
    assert not any(o.problem for o in examples.run_all(tmp_path))
