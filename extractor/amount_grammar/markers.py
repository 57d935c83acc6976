"""The currency markers the grammar looks for, and the regex alternations that find them.

They come from three places: the hand rules of ``rules/currencies.json`` (which decide the
ambiguous ones: '$', '¥', 'kr', 'rupees'), the CLDR names, plurals and symbols of
``rules/currency_names.json`` (generated; the hand rules win where both name a text), and
the three-letter ISO 4217 codes. Markers of three letters or more ('yuan', 'RMB', 'Turkish
lira') match in any case; shorter ones ('Rs', 'Ft', 'R') as written. A letters-and-'$'
symbol (HK$, C$) is also found spaced or in lower case ('hk $ 5 million').
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ruleset import CurrencyNames, CurrencyRules, Marker
from ..textmatch import alternation

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """The key a marker is looked up by: spaces made plain, and lower case when it has three
    letters or more (those match in any case)."""
    text = _SPACES.sub(" ", text)
    return text.lower() if _letters(text) >= 3 else text


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def pattern(texts: list[str]) -> str:
    """An alternation of marker texts: the long ones in any case, the short ones as written,
    any run of spaces matching any space. The long ones are written with their ASCII
    letters in lower case: the same regex for IGNORECASE (it compiles a letter as its lower
    case), but one where 'Yemeni Dinar' and 'yuan' share a branch of the alternation tree
    instead of being tried one by one."""
    folded = [t.translate(_ASCII_LOWER) for t in texts if _letters(t) >= 3]
    exact = [t for t in texts if _letters(t) < 3]
    parts = []
    for group, flags in ((folded, "(?i:{})"), (exact, "(?:{})")):
        if group:
            parts.append(flags.format(alternation(group).replace(r"\ ", r"\s")))
    return "|".join(parts) or "(?!)"


@dataclass
class MarkerTable:
    """Every marker by the text it is looked up by (``fold``), and the lists by position."""

    by_text: dict[str, Marker] = field(default_factory=dict)
    prefix: list[str] = field(default_factory=list)
    prefix_attached: list[str] = field(default_factory=list)
    suffix: list[str] = field(default_factory=list)
    attached: list[str] = field(default_factory=list)
    minor: list[str] = field(default_factory=list)
    codes: dict[str, Marker] = field(default_factory=dict)
    lower_codes: list[str] = field(default_factory=list)

    looked_up: dict[str, Marker | None] = field(default_factory=dict)  # by the text as found

    def get(self, text: str) -> Marker | None:
        if text not in self.looked_up:
            if len(self.looked_up) > 10_000:  # texts found in documents: bounded
                self.looked_up.clear()
            self.looked_up[text] = self.by_text.get(fold(text)) or self.by_text.get(fold(text.replace(" ", "")))
        return self.looked_up[text]

    def add(self, marker: Marker, variants: list[str] | None = None) -> None:
        self.looked_up.clear()
        key = fold(marker.text)
        if key in self.by_text:
            return  # the first source wins: hand rules, then CLDR names, then symbols
        texts = variants or [marker.text]
        for text in texts:
            self.by_text.setdefault(fold(text), marker)
        if marker.attached and marker.position == "prefix":
            self.prefix_attached.extend(texts)  # 'R450': one letter must touch its number
        elif marker.attached:
            (self.attached if marker.standalone else []).extend(texts)
        else:
            if marker.position != "suffix" and marker.standalone:
                self.prefix.extend(texts)
            if marker.position != "prefix" and marker.standalone:
                self.suffix.extend(texts)
        if marker.factor < 1:
            self.minor.extend(texts)

    def words(self) -> list[str]:
        """The suffix markers that are words ('dollars', 'Turkish lira'), for vague amounts."""
        return [t for t in self.suffix if _letters(t) >= 3]


def build_markers(hand: CurrencyRules, names: CurrencyNames, iso_codes: list[str]) -> MarkerTable:
    table = MarkerTable()
    plain = set(hand.prefixes.plain_letters)
    for marker in hand.markers:
        table.add(marker, _dollar_variants(marker.text, plain))
    for code, entry in names.currencies.items():
        for name in entry.names:
            table.add(Marker(text=name, position="suffix", currencies=[code]))
    symbols: dict[str, list[str]] = {}
    for code, entry in names.currencies.items():
        for symbol in entry.symbols:
            symbols.setdefault(_SPACES.sub(" ", symbol), []).append(code)
    for symbol, codes in sorted(symbols.items()):
        table.add(Marker(text=symbol, position="both", currencies=codes, default=None if len(codes) == 1 else False),
                  _dollar_variants(symbol, plain))
    for word, codes in names.units.items():
        table.add(Marker(text=word, position="suffix", currencies=codes, default=None if len(codes) == 1 else False))
    excluded = set(hand.codes.exclude)
    lower_excluded = set(hand.codes.lowercase_exclude)
    for code in iso_codes:
        if code not in excluded:
            table.codes[code] = Marker(text=code, position="both", currencies=[code])
            if code.lower() not in lower_excluded:
                table.lower_codes.append(code.lower())
    return table


def _dollar_variants(text: str, plain: set[str]) -> list[str]:
    """'HK$' is also written 'HK $', 'hk$', 'hk $'; not when the letters so written are a
    word ('a $5')."""
    m = re.fullmatch(r"([A-Za-z]+)\$", text)
    if not m:
        return [text]
    letters = m[1]
    variants = [text]
    for written in dict.fromkeys((letters, letters.lower())):
        for sep in ("", " "):
            if (written, sep) != (letters, "") and written not in plain:
                variants.append(f"{written}{sep}$")
    return variants
