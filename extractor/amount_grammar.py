"""Find money amounts in plain text with regexes compiled from ``rules/amounts.json`` and
``rules/currencies.json``.

Two passes: atoms (a number with its optional currency marker, scale word and minor unit),
then amounts (an atom, or two atoms joined into a range, with the qualifier words and
per-unit phrase around them). Vague amounts ("billions of dollars") come from their own
patterns. Everything is data: adding a currency, scale or hedge word needs no code change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .textmatch import alternation as _alternation
from .ruleset import AmountRules, CurrencyRules, Marker, amount_rules, currency_rules, iso_currencies


@dataclass
class Atom:
    """One number in the text with what is written around it."""

    start: int
    end: int
    number: float
    number_text: str
    prefix: Marker | None
    suffix: Marker | None
    scale: float
    scale_text: str | None
    marker_text: str | None

    @property
    def marker(self) -> Marker | None:
        return self.prefix or self.suffix

    @property
    def value(self) -> float:
        factor = self.marker.factor if self.marker else 1.0
        return self.number * self.scale * factor


@dataclass
class AmountMatch:
    """A money amount found in text; offsets are character offsets into that text."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    currency_text: str
    candidates: list[str]
    default_currency: bool | None
    qualifier: str
    scale_text: str | None
    per: str | None
    rule: str
    parts: list[tuple[int, int]] = field(default_factory=list)


class AmountGrammar:
    """Compiled amount rules; ``find(text)`` returns every money amount in text order."""

    def __init__(self, amounts: AmountRules, currencies: CurrencyRules, iso_codes: list[str]) -> None:
        self.rules = amounts
        self.symbols = {m.text: m for m in currencies.markers if not _is_word(m.text) and not m.attached}
        self.words = {m.text.lower(): m for m in currencies.markers if _is_word(m.text) and not m.attached}
        self.attached = {m.text: m for m in currencies.markers if m.attached}
        excluded = set(currencies.codes.exclude)
        self.codes = {c: Marker(text=c, position="both", currencies=[c]) for c in iso_codes if c not in excluded}
        self.scales = {s.text.lower(): s for s in amounts.scales}
        self.number_words = {w.lower(): v for w, v in amounts.number_words.items()}
        self._compile(currencies)

    # -------------------------------------------------------------- compiling
    def _compile(self, currencies: CurrencyRules) -> None:
        r = self.rules
        symbols_pre = [m.text for m in self.symbols.values() if m.position != "suffix"]
        symbols_suf = [m.text for m in self.symbols.values() if m.position != "prefix"]
        words_suf = [m.text for m in self.words.values()]
        attached_suf = list(self.attached)
        codes = _alternation(list(self.codes))
        spaced_scales = _alternation([s.text for s in r.scales if not s.attached])
        attached_scales = _alternation([s.text for s in r.scales])
        tens = [w for w, v in r.number_words.items() if 20 <= v < 100]
        units = [w for w, v in r.number_words.items() if 1 <= v < 10 and w.isalpha()]
        word_number = (
            rf"(?:(?:{_alternation(tens)})[- ](?:{_alternation(units)})|{_alternation(list(r.number_words))})"
        )
        fractions = _alternation(list(r.fractions))
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:[.,]\d+)?"
        self.atom_re = re.compile(
            rf"""(?<![\w.,$£€¥])
            (?:(?P<pre>{_alternation(symbols_pre)})\s?|(?P<code>{codes})\s?)?
            (?:(?P<num>{digits})|(?i:(?P<wnum>{word_number})(?=[\s-])))(?:\s(?P<frac1>(?i:{fractions})))?
            (?:(?P<ascale>(?i:{attached_scales}))(?![\w$])|[\s-]?(?P<scale>(?i:{spaced_scales}))(?:\s(?P<scale2>(?i:{spaced_scales})))?(?![\w$]))?
            (?:(?P<att>{_alternation(attached_suf)})(?![\w$])
              |\s?(?P<ssym>{_alternation(symbols_suf)})
              |\s(?P<scode>{codes})\b
              |[\s-](?P<word>(?i:{_alternation(words_suf)}))\b)?
            (?:\s(?P<frac2>(?i:{fractions}))\b)?
            """,
            re.VERBOSE,
        )
        q = r.qualifiers
        self.prefix_q = {w.lower(): name for name, ws in q.prefix.items() for w in ws}
        self.suffix_q = {w.lower(): name for name, ws in q.suffix.items() for w in ws}
        self.prefix_q_re = re.compile(rf"(?i:(?<![\w])(?P<q>{_alternation(list(self.prefix_q))}))\s*$")
        self.threshold_q_re = re.compile(
            rf"(?i:(?<![\w])(?P<q>{_alternation(list(self.prefix_q))})\s+(?:{_alternation(r.thresholds.determiners)}))\s+$")
        self.threshold_noun_re = re.compile(rf"\s+(?i:{_alternation(r.thresholds.nouns)})\b")
        self.suffix_q_re = re.compile(rf"^,?\s*(?i:(?P<q>{_alternation(list(self.suffix_q))}))\b")
        self.connector_re = re.compile(rf"^\s?(?P<c>{_alternation(r.ranges.connectors)})\s?$", re.I)
        self.between_re = re.compile(r"(?i:(?<![\w])between)\s+$")
        self.blocked_re = re.compile(rf"(?i:(?<![\w])(?:{_alternation(r.ranges.blocked_after)}))\s+$")
        not_after = rf"(?!\s+(?i:{_alternation(r.per_units.not_followed_by)})\b)" if r.per_units.not_followed_by else ""
        self.per_re = re.compile(
            rf"^[\s-]+(?i:(?:{_alternation(r.per_units.words)})[\s-]+(?P<unit>{_alternation(r.per_units.units)}))\b{not_after}"
        )
        self.vague = [
            (p, re.compile(p.pattern.replace("{currency_words}", _alternation(words_suf)), re.I))
            for p in r.vague.patterns
        ]

    # -------------------------------------------------------------- atoms
    def atoms(self, text: str) -> list[Atom]:
        found = []
        for m in self.atom_re.finditer(text):
            prefix = self.symbols.get(m["pre"]) if m["pre"] else self.codes.get(m["code"]) if m["code"] else None
            suffix_text = m["att"] or m["ssym"] or m["scode"] or m["word"]
            suffix = (
                self.attached.get(m["att"]) if m["att"] else self.symbols.get(m["ssym"]) if m["ssym"]
                else self.codes.get(m["scode"]) if m["scode"] else self.words.get(m["word"].lower()) if m["word"] else None
            )
            if prefix and suffix and prefix.currencies != suffix.currencies:
                suffix = None  # "$5bn euros" cannot be both: keep the marker that touches the number
            number, number_text = self._number(m["num"], m["wnum"])
            if number is None:
                continue
            fraction = m["frac1"] or (m["frac2"] if suffix else None)
            number += self.rules.fractions[fraction.lower()] if fraction else 0
            scale_text = m["ascale"] or (m["scale"] + " " + m["scale2"] if m["scale2"] else m["scale"])
            scale = 1.0  # "lakh crore": scale words multiply
            for word in (scale_text or "").split():
                scale *= self.scales[word.lower()].factor
            if m["wnum"] and m["wnum"].lower() in self.rules.number_words_need_scale_or_unit and (
                not (scale_text or suffix) or (m["word"] and text[m.start("word") - 1] == "-")
            ):
                continue  # "a" is a number only before a scale or currency: "a billion yuan", not "a billion-dollar fraud"
            num_group = "num" if m["num"] else "wnum"
            last_scale = "ascale" if m["ascale"] else "scale2" if m["scale2"] else "scale"
            end = m.end() if suffix else m.end(last_scale) if scale_text else m.end(num_group)
            if suffix and not m["frac2"] and m["frac1"] is None:
                end = m.end("att") if m["att"] else m.end("ssym") if m["ssym"] else m.end("scode") if m["scode"] else m.end("word")
            start = m.start() if prefix else m.start(num_group)
            marker_text = (m["pre"] or m["code"]) if prefix else suffix_text if suffix else None
            found.append(Atom(start, end, number, number_text, prefix, suffix, scale, scale_text, marker_text))
        return found

    def _number(self, digits: str | None, words: str | None) -> tuple[float | None, str]:
        if digits:
            if "," in digits and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
                return float(digits.replace(",", ".")), digits  # "$1,8923": a decimal comma
            return float(digits.replace(",", "")), digits
        words = (words or "").lower()
        if words in self.number_words:
            return self.number_words[words], words
        parts = re.split(r"[- ]", words)
        if all(p in self.number_words for p in parts):
            return sum(self.number_words[p] for p in parts), words
        return None, words

    # -------------------------------------------------------------- amounts
    def find(self, text: str) -> list[AmountMatch]:
        atoms = self.atoms(text)
        found: list[AmountMatch] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            b = atoms[i + 1] if i + 1 < len(atoms) else None
            rng = self._range(text, a, b) if b else None
            if rng:
                found.append(rng)
                i += 2
                continue
            if a.marker is not None:
                found.append(self._single(text, a))
            i += 1
        taken = [(f.start, f.end) for f in found]
        for pattern, rx in self.vague:
            for m in rx.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                found.append(self._vague(pattern, m))
                taken.append((m.start(), m.end()))
        return sorted(found, key=lambda f: f.start)

    def _single(self, text: str, a: Atom) -> AmountMatch:
        marker = a.marker
        assert marker is not None
        start, end, qualifier = self._qualify(text, a.start, a.end)
        end, per = self._per(text, end)
        value = a.value
        low = high = None
        if qualifier in ("more_than", "at_least"):
            low, value = value, None
        elif qualifier in ("less_than", "at_most"):
            high, value = value, None
        return AmountMatch(
            start, end, text[start:end], value, low, high, a.marker_text or marker.text, list(marker.currencies),
            marker.default, qualifier, a.scale_text, per, _rule_id(a, "money"), [(a.start, a.end)],
        )

    def _range(self, text: str, a: Atom, b: Atom) -> AmountMatch | None:
        conn = self.connector_re.match(text[a.end:b.start])
        if not conn:
            return None
        between = self.between_re.search(text[: a.start])
        if conn["c"].lower() in self.rules.ranges.need_between and not between:
            return None
        if self.blocked_re.search(text[: a.start]):
            return None
        if a.prefix and b.prefix and a.prefix.currencies != b.prefix.currencies:
            return None
        if a.suffix and b.suffix and a.suffix.currencies != b.suffix.currencies:
            return None
        if (a.prefix and b.suffix and not b.prefix) or (a.suffix and b.prefix):
            return None  # "20 cents to $1.50": two markers of different forms are two figures
        marker = a.marker or b.marker
        if marker is None:
            return None
        factor = marker.factor
        b_scale = b.scale
        a_scale = a.scale if a.scale_text else b_scale
        low, high = a.number * a_scale * factor, b.number * b_scale * factor
        if not a.scale_text and not b.scale_text and "," in b.number_text and low * 100 <= high:
            while low * 1000 <= high:  # "$50-100,000": the thousands apply to both ends
                low *= 1000
        if not 0 < low < high or high / low > 10:
            return None
        start = between.start() if between else a.start
        start, end, _ = self._qualify(text, start, b.end)
        end, per = self._per(text, end)
        rule = _rule_id(a if a.marker else b, "money.range.between" if between else "money.range")
        return AmountMatch(
            start, end, text[start:end], None, low, high, a.marker_text or b.marker_text or marker.text,
            list(marker.currencies), marker.default, "range", b.scale_text or a.scale_text, per, rule,
            [(a.start, a.end), (b.start, b.end)],
        )

    def _qualify(self, text: str, start: int, end: int) -> tuple[int, int, str]:
        qualifier = "exact"
        pre = self.prefix_q_re.search(text[max(0, start - 40):start])
        if pre is None and self.threshold_noun_re.match(text, end):
            pre = self.threshold_q_re.search(text[max(0, start - 40):start])
        if pre:
            qualifier = self.prefix_q[pre["q"].lower()]
            start = start - (len(text[max(0, start - 40):start]) - pre.start("q"))
        post = self.suffix_q_re.match(text[end:end + 20])
        if post and qualifier == "exact":
            qualifier = self.suffix_q[post["q"].lower()]
            end += post.end()
        return start, end, qualifier

    def _per(self, text: str, end: int) -> tuple[int, str | None]:
        m = self.per_re.match(text[end:end + 40])
        if not m:
            return end, None
        return end + m.end(), m["unit"].lower()

    def _vague(self, pattern, m: re.Match[str]) -> AmountMatch:
        scale = self.scales.get(m["scale"].lower().rstrip("s"))
        factor = scale.factor if scale else 1.0
        groups = m.groupdict()

        def bound(spec, key: str) -> float:
            if isinstance(spec, dict):
                return spec[groups[key].lower()] * factor
            return spec * factor

        low = bound(pattern.low, "count")
        if groups.get("multi") and pattern.multi_low:
            low = pattern.multi_low * factor
        high = bound(pattern.high, "count")
        word = m["currency"].lower()
        marker = self.words.get(word) or self.words.get(word + "s") or self.words[word.rstrip("s")]
        return AmountMatch(
            m.start(), m.end(), m.group(0), None, low, high, m["currency"], list(marker.currencies),
            marker.default, "vague", m["scale"], None, pattern.id, [(m.start(), m.end())],
        )


def _is_word(text: str) -> bool:
    """Words ('yuan', 'US dollars') match in any case; symbols and codes ('$', 'RMB') as written."""
    return sum(c.islower() for c in text) >= 2


def _rule_id(a: Atom, base: str) -> str:
    marker = a.marker
    if marker is None:
        return base
    if marker.factor < 1:
        kind = "minor_unit"
    elif re.fullmatch(r"[A-Z]{3}", marker.text):
        kind = "code"
    elif _is_word(marker.text):
        kind = "word"
    else:
        kind = "symbol"
    return f"{base}.{kind}"


@lru_cache(maxsize=1)
def default_grammar() -> AmountGrammar:
    return AmountGrammar(amount_rules(), currency_rules(), list(iso_currencies()))
