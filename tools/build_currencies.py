"""Rebuild rules/currency_names.json from CLDR, through Babel (``babel.numbers``).

Usage: python tools/build_currencies.py   (needs the ``tools`` extra: ``pip install -e ".[tools]"``)

For every currency Babel knows (active and historic) it writes:
- ``names``: the English display name and its plural forms ("Turkish Lira", "Turkish lira");
- ``symbols``: the symbols the locales of the territories that use it write ("₺" in tr,
  "Ft" in hu, "RM" in ms), with those locales as provenance; a symbol equal to the code,
  of one letter, or an English word ("Ft" is also feet), is left out: the hand rules of
  rules/currencies.json add the few that news uses;
- ``places`` and ``adjectives``: the English names of the territories whose tender it is,
  and the words before the unit in its English name ("Turkish", "South African"), which
  decide an ambiguous marker from the text around it;
- ``units``: bare unit words ("lira", "lei") with every active currency whose English name
  ends with them; words among the project's common English words (rules/common_words.json:
  "rand", "mark", "real") are left to the hand rules.
The hand rules of rules/currencies.json win over these wherever both name the same text.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import babel
from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import list_currencies

RULES = Path(__file__).resolve().parent.parent / "rules"
# Spot checks every build must pass: a wrong Babel or a broken parse fails loudly.
CHECKS = {("TRY", "names", "Turkish Lira"), ("CRC", "symbols", "₡"), ("LAK", "symbols", "₭"),
          ("GEL", "symbols", "₾"), ("NLG", "names", "Dutch guilders"), ("RON", "names", "Romanian lei"),
          ("CNY", "adjectives", "Chinese"), ("JPY", "places", "Japan")}


def english_names(en: Locale, code: str) -> list[str]:
    names = [en.currencies.get(code)] + list((en._data["currency_names_plural"].get(code) or {}).values())
    return sorted({n for n in names if n and n != code})


def territory_tender() -> dict[str, list[str]]:
    """Currency -> the territories whose legal tender it is now (ISO region codes)."""
    places: dict[str, list[str]] = defaultdict(list)
    for territory, rows in get_global("territory_currencies").items():
        for code, _start, end, tender in rows:
            if tender and end is None and territory.isalpha():
                places[code].append(territory)
    return places


def symbols_by_currency(active: dict[str, list[str]], common: set[str]) -> dict[str, dict[str, list[str]]]:
    """Currency -> symbol -> locales writing it, from the locales of the territories using it
    (and English, which writes the international forms: "A$", "CN¥")."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    users = {t: code for code, territories in active.items() for t in territories}
    for ident in localedata.locale_identifiers():
        locale = Locale.parse(ident)
        codes = {users[locale.territory]} if locale.territory in users else set()
        if ident == "en":
            codes = set(locale.currency_symbols)
        for code in codes:
            symbol = re.sub(r"[\u200b-\u200f]", "", locale.currency_symbols.get(code) or "")  # direction marks
            if symbol and symbol != code and not re.fullmatch(r"[^\W\d_]", symbol) and symbol.lower() not in common:
                found[code][symbol].add(ident)
    return {code: {s: sorted(loc)[:5] for s, loc in sorted(syms.items())} for code, syms in found.items()}


def unit_word(name: str) -> str:
    return name.split()[-1].lower()


def build() -> dict[str, object]:
    en = Locale("en")
    common = set(json.loads((RULES / "common_words.json").read_text(encoding="utf-8"))["words"])
    iso = json.loads((RULES / "iso4217.json").read_text(encoding="utf-8"))
    active = territory_tender()
    symbols = symbols_by_currency(active, common)
    currencies: dict[str, dict[str, object]] = {}
    units: dict[str, set[str]] = defaultdict(set)
    for code in sorted(list_currencies()):
        names = english_names(en, code)
        if not names or not re.fullmatch(r"[A-Z]{3}", code) or (code in iso and iso[code]["minor_unit"] is None):
            continue  # no English name, or a fund, metal or test code ("Gold", "Testing Currency Code")
        adjectives = sorted({" ".join(n.split()[:-1]) for n in names if len(n.split()) > 1} - {""})
        places = sorted({en.territories[t] for t in active.get(code, []) if t in en.territories})
        currencies[code] = {"names": names, "symbols": symbols.get(code, {}), "places": places,
                            "adjectives": adjectives, "active": code in iso}
        if code in iso:
            for name in names:
                word = unit_word(name)
                if word.isalpha() and word not in common and len(word) > 2:
                    units[word].add(code)
    for code, key, text in CHECKS:
        if text not in currencies[code][key]:  # type: ignore[operator]
            raise SystemExit(f"{code} {key} lacks {text!r}: CLDR data or Babel changed")
    return {
        "about": ("Generated by tools/build_currencies.py: do not edit (hand rules are rules/currencies.json, "
                  "which win where both name the same text). English names, plurals and symbols of every "
                  "currency, the territories using it and the adjectives of its name, and bare unit words."),
        "source": f"Unicode CLDR {babel.core.get_cldr_version()} through Babel {babel.__version__} "
                  "(babel.numbers currency names and symbols, CLDR territory currencies); data: Unicode license",
        "currencies": currencies,
        "units": {word: sorted(codes) for word, codes in sorted(units.items())},
    }


def main() -> None:
    out = RULES / "currency_names.json"
    out.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
