"""Rebuild rules/given_names.json: the given names of the 1990 US Census, with the gender
each is most often given to.

Usage: pip install names==0.3.0 && python tools/build_given_names.py
Source: US Census Bureau, "Frequently Occurring First Names and Surnames From the 1990
Census" (public domain), the files dist.male.first and dist.female.first as shipped in the
'names' package (Trey Hunner, https://github.com/treyhunner/names). Names given to fewer
than 0.005% of the people of a list are left out (the rarest hold words such as 'China').
The entity finder uses the table to tell a person ('Dana Kirsch') from a company when no
title names one; the subject finder uses the gender to fit 'he' and 'she' to a person.
"""
from __future__ import annotations

import json
from pathlib import Path

import names

MIN_PERCENT = 0.005
OUT = Path(__file__).resolve().parent.parent / "rules" / "given_names.json"


def _read(path: Path) -> dict[str, float]:
    share = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, percent, _cumulative, _rank = line.split()
        if float(percent) >= MIN_PERCENT:
            share[name.title()] = float(percent)
    return share


def main() -> None:
    folder = Path(names.__file__).parent
    male, female = _read(folder / "dist.male.first"), _read(folder / "dist.female.first")
    genders = {n: "male" if male.get(n, 0) >= female.get(n, 0) else "female" for n in male.keys() | female.keys()}
    OUT.write_text(json.dumps({
        "about": "Given names, each with the gender it is most often given to. A name of two or three "
                 "words that starts with one of them and holds no company word is a person "
                 "(rules/entities.json person_name_blockers).",
        "source": f"US Census Bureau, Frequently Occurring First Names and Surnames From the 1990 Census "
                  f"(public domain): dist.male.first and dist.female.first from the 'names' package 0.3.0; "
                  f"names given to at least {MIN_PERCENT}% of a list; built by tools/build_given_names.py",
        "names": dict(sorted(genders.items())),
    }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
