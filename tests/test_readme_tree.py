"""The README's "How it works" matches the tree: every path it names exists, every module and
package of the package is described, every rule file and every component has its row."""
from __future__ import annotations

import re

from extractor.ruleset import RULE_FILES

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PATH = re.compile(r"\b(?:extractor|rules|tools)/[\w./-]*\w/?")


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end >= 0 else None]


HOW = _section("How it works")


def test_every_path_the_readme_names_exists():
    missing = sorted({p for p in PATH.findall(README) if not (ROOT / p).exists()})
    assert not missing, f"the README names paths that do not exist: {missing}"


def test_every_module_and_package_of_extractor_is_described():
    named = set(PATH.findall(HOW))
    package = ROOT / "extractor"
    wanted = [f"extractor/{p.name}" for p in package.glob("*.py") if p.name != "__init__.py"]
    wanted += [f"extractor/{p.parent.relative_to(package).as_posix()}/" for p in package.glob("*/**/__init__.py")]
    undescribed = sorted(w for w in wanted if w not in named)
    assert not undescribed, f'"How it works" does not describe: {undescribed}'


def test_every_rule_file_and_every_component_has_its_row():
    rows = [line for line in HOW.splitlines() if line.startswith("| `")]
    assert not [name for name in RULE_FILES if not any(f"`rules/{name}`" in row for row in rows)]
    factories = set(re.findall(r'@Language\.factory\(\s*"(claims_\w+)"',
                               "".join(p.read_text(encoding="utf-8") for p in (ROOT / "extractor").rglob("*.py"))))
    assert len(factories) >= 13
    assert not [f for f in sorted(factories) if not any(row.startswith(f"| `{f}` |") for row in rows)]
