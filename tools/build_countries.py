"""Rebuild rules/countries.json: the English names of the countries and territories of CLDR.

Usage: pip install babel && python tools/build_countries.py
Source: the Unicode CLDR territory names in English, as Babel ships them
(``babel.Locale('en').territories``, the two-letter ISO 3166 codes only; regions such as
'Europe' have number codes and are left out, as are CLDR's pseudo-locales). A name
with a qualifier in brackets gives both parts ('Myanmar (Burma)': Myanmar, Burma); '&' is
also written 'and'; a name split by ' - ' ('Congo - Kinshasa') gives its first part. The
entity finder labels these names places (GPE): 'Denmark's Vestergaard' is a company of a
country, not two companies.
"""
from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "rules" / "countries.json"


def spellings(name: str) -> set[str]:
    name = name.split(" - ")[0]
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    parts = {m.group(1), m.group(2)} if m else {name}
    return parts | {p.replace(" & ", " and ") for p in parts if " & " in p}


def main() -> None:
    territories = Locale("en").territories
    names = sorted({s for code, name in territories.items() if len(code) == 2 and code.isalpha()
                    and not name.startswith("Pseudo") for s in spellings(name)})
    OUT.write_text(json.dumps({
        "about": "Countries and territories, by their English names: the entity finder labels them places (GPE) "
                 "unless rules/entities.json labels them otherwise.",
        "source": f"Unicode CLDR territory names in English via Babel {version('babel')} "
                  "(Locale('en').territories, two-letter codes); built by tools/build_countries.py",
        "names": names,
    }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
