"""Atoms: one number in the text with the currency marker, scale word, fraction and
sub-unit written around it ("$1.5bn", "RMB 85 billion", "7 dollars 25 cents", "25$").

One compiled regex finds them all in one pass; every optional part is bounded (a marker,
one or two scale words, a sub-unit of two digits), so the time is linear in the text.
"""
from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from re import _parser

from ..ruleset import AmountRules, Marker
from ..textmatch import alternation
from .lowered import Lowered, Words
from .markers import MarkerTable, pattern
from .numerals import DIGITS, parse_digits

SP = r"[^\S\n]"  # a space that is not a line break
BEFORE = r"(?<![\w.,$£€¥])"  # what stands before an atom
BEFORE_RE = re.compile(BEFORE)


def _windows(numbers: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """The places (start, end) where an atom can start, merged, from the numbers' (start,
    end) in order: up to ``width`` characters before a number, and inside it."""
    windows: list[tuple[int, int]] = []
    lo, hi = 0, -1
    for start, end in numbers:
        if start - width > hi:
            if hi >= 0:
                windows.append((lo, hi))
            lo = max(0, start - width)
        hi = max(hi, end)
    if hi >= 0:
        windows.append((lo, hi))
    return windows


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
    sub: float = 0.0  # the sub-unit part in whole units: '25 cents' of '7 dollars 25 cents'

    @property
    def marker(self) -> Marker | None:
        return self.prefix or self.suffix

    @property
    def value(self) -> float:
        factor = self.marker.factor if self.marker else 1.0
        return self.number * self.scale * factor + (self.sub if self.number >= 0 else -self.sub)


@dataclass
class Refusal:
    """A number the grammar will not read as an amount, and why."""

    start: int
    end: int
    text: str
    reason: str


class AtomFinder:
    def __init__(self, rules: AmountRules, markers: MarkerTable) -> None:
        self.rules = rules
        self.markers = markers
        self.scales = {s.text.lower(): s for s in rules.scales}
        self.compound_words = {f: [s.text for s in rules.scales if s.factor == f and not s.attached] for f in (100, 1000)}
        self.number_words = {w.lower(): v for w, v in rules.number_words.items()}
        self.need_scale = {w.lower() for w in rules.number_words_need_scale_or_unit}
        self.guards = {fold_marker: g for g in rules.not_money.rules for fold_marker in (m.lower() for m in g.markers)}
        self._compile()

    def _compile(self) -> None:
        r, t = self.rules, self.markers
        codes = alternation(list(t.codes))
        spaced_scales = alternation([s.text for s in r.scales if not s.attached])
        attached_scales = alternation([s.text for s in r.scales])
        minimum = r.limits.cut_scale_letters
        cut = alternation({s.text[:n] for s in r.scales if not s.attached for n in range(minimum, len(s.text))})
        tens = [w for w, v in r.number_words.items() if 20 <= v < 100]
        units = [w for w, v in r.number_words.items() if 1 <= v < 10 and w.isalpha()]
        small = rf"(?:(?:{alternation(tens)})[- ](?:{alternation(units)})|{alternation(list(r.number_words))})"
        hundred = alternation(self.compound_words[100])
        thousand = alternation(self.compound_words[1000])
        group = rf"(?:{small}\s+(?:{hundred})(?:\s+(?:and\s+)?{small}(?!\s+(?:{hundred})))?|{small})"
        # "one hundred and twenty", "one thousand two hundred": a compound count; a lone
        # "two thousand" leaves "thousand" to the scale
        word_number = rf"(?:{group}\s+(?:{thousand})\s+(?:and\s+)?{group}|{group})"
        fractions = alternation(list(r.fractions))
        symbols = [x for x in t.suffix if sum(c.isalpha() for c in x) < 3]
        words = [x for x in t.suffix if sum(c.isalpha() for c in x) >= 3]
        minor = pattern(t.minor)
        sub = rf"{SP}(?:and{SP})?(?P<sub>\d{{1,2}}){SP}?(?P<subunit>{minor})(?!\w)"
        sub_ahead = re.sub(r"\(\?P<\w+>", "(?:", sub)
        no_number_after = rf"(?:(?!{SP}?\d)|(?={sub_ahead}))"  # '$1 £2': the '£' is the next figure's
        head = rf"""
            (?P<neg1>[-−](?=[^\s\d]))?
            (?:(?:(?P<code>{codes}){SP}?(?P<csym>{pattern(t.prefix)})?|(?P<pre>{pattern(t.prefix)})){SP}?(?::{SP}?)?
               |(?P<apre>{pattern(t.prefix_attached)}))?
            (?P<neg2>[-−])?"""
        self.head_width = _parser.parse(head, re.VERBOSE).getwidth()[1]
        self.numbers_at = Words(r.number_words, before_break=True, digits=True)
        self.atom_re = re.compile(
            BEFORE + head + rf"""
            (?:(?P<num>{DIGITS})|(?i:(?P<wnum>{word_number}))(?=[\s-]))
            (?:\s(?P<frac1>(?i:{fractions})))?
            (?:(?P<ascale>(?i:{attached_scales}))(?![\w$])
              |[\s-]?(?P<scale>(?i:{spaced_scales}))(?:\s(?P<scale2>(?i:{spaced_scales})))?(?![\w$])
              |{SP}?(?P<cut>(?i:{cut}))(?=\.\.\.|…))?
            (?:(?P<att>{pattern(t.attached)})(?![\w$])
              |(?:{SP}?(?P<ssym>{pattern(symbols)})|{SP}?(?P<scode>{codes})|{SP}(?P<lcode>{alternation(t.lower_codes)})
                 |[\s-](?P<word>{pattern(words)}))(?!\w){no_number_after})?
            (?:{sub})?
            (?:\s(?P<frac2>(?i:{fractions}))\b)?
            """,
            re.VERBOSE,
        )
        g = r.not_money.rules
        self.guard_before = {x.id: re.compile(rf"(?i:(?<!\w)(?:{alternation(x.before)})(?!\w))") for x in g if x.before}
        self.guard_after = {x.id: re.compile(rf"{SP}+(?i:{alternation(x.followed_by)})(?!\w)") for x in g if x.followed_by}
        self.guard_compound = {x.id: {w.lower() for w in x.compound_nouns} for x in g if x.compound_nouns is not None}
        self.next_word = re.compile(rf"{SP}+(\w+)")
        per = r.per_units  # '46,000 won a share' is a price, whatever 'won a' says of the verb
        self.per_unit_after = re.compile(rf"{SP}+(?i:{alternation(per.words)}){SP}+(?i:{alternation(per.units)})(?!\w)")

    def find(self, text: str, decimal: str, refusals: list[Refusal], lowered: Lowered | None = None) -> list[Atom]:
        found = []
        matches = self._matches(lowered if lowered is not None and lowered.text is text else Lowered(text))
        m = next(matches, None)
        while m is not None:
            atom = self._atom(text, m, decimal, refusals)
            if atom is not None:
                found.append(atom)
            # a part the atom left out ('2p and 4p': no pence of pence) is scanned again
            m = next(matches, None) if atom is None or atom.end >= m.end() else _send(matches, atom.end)
        return found

    def _matches(self, lowered: Lowered) -> Generator[re.Match[str], int | None, None]:
        """What ``atom_re.finditer`` finds, trying only the places that can start an atom:
        an atom's number (a digit, or a number word before a space or a hyphen: inside a
        match of ``numbers_at``) starts at most ``head_width`` characters after the atom
        does, and the atom starts where ``BEFORE`` holds. The caller may send back where the
        atom of a match ended, when before the match's end: the scan goes on from there."""
        text = lowered.text
        if self.head_width >= _parser.MAXREPEAT:
            for m in self.atom_re.finditer(text):
                yield m
            return
        resume = 0
        for lo, hi in _windows([m.span() for m in self.numbers_at.finditer(lowered)], self.head_width):
            for place in BEFORE_RE.finditer(text, max(lo, resume), hi):
                start = place.start()
                if start >= hi:
                    break
                if start >= resume and (m := self.atom_re.match(text, start)):
                    used = yield m
                    resume = m.end() if used is None else used

    def _bare_code(self, text: str, m: re.Match[str], number: float) -> bool:
        """Is a one-letter marker's plain number a code ('W3C', 'R12 road'), not money: a
        letter right after it, or a small number written with no separator or decimals?"""
        if m["num"] is None or text[m.end("num"):m.end("num") + 1].isalpha():
            return True
        return number < self.rules.limits.letter_marker_min and not any(c in m["num"] for c in ",.")

    def _atom(self, text: str, m: re.Match[str], decimal: str, refusals: list[Refusal]) -> Atom | None:
        t = self.markers
        prefix_text = m["code"] or m["pre"] or m["apre"]
        prefix = t.codes.get(m["code"]) if m["code"] else t.get(prefix_text) if prefix_text else None
        suffix_text = m["att"] or m["ssym"] or m["scode"] or m["lcode"] or m["word"]
        suffix = (t.codes.get(suffix_text.upper()) if (m["scode"] or m["lcode"]) else t.get(suffix_text)) if suffix_text else None
        if suffix_text and suffix_text.endswith(".") and not text[m.end():m.end() + 1].strip() and t.get(suffix_text[:-1]):
            suffix_text = suffix_text[:-1]  # '3m kr.' ends a sentence: the point is the full stop
            suffix = t.get(suffix_text)
        if prefix and suffix and prefix.currencies != suffix.currencies:
            suffix = suffix_text = None  # "$5bn euros" cannot be both: keep the marker that touches the number
        limit = self.rules.limits.max_digits
        if m["num"] and len(m["num"]) > limit and sum(c.isdigit() for c in m["num"]) > limit:  # counted when it may be over
            refusals.append(Refusal(m.start(), m.end(), m.group(), f"more than {self.rules.limits.max_digits} digits"))
            return None
        number, number_text = self._number(m["num"], m["wnum"], decimal)
        if number is None:
            return None
        fraction = m["frac1"] or (m["frac2"] if suffix else None)
        number += self.rules.fractions[fraction.lower()] if fraction else 0
        scale_text = m["ascale"] or (f"{m['scale']} {m['scale2']}" if m["scale2"] else m["scale"]) or m["cut"]
        scale = 1.0  # "lakh crore", "hundred million": scale words multiply
        for word in (scale_text or "").split():
            scale *= self.scales[word.lower()].factor if word.lower() in self.scales else self._cut_scale(word)
        marker = prefix or suffix
        if m["apre"] and len(m["apre"]) == 1 and m["apre"].isalpha() and not scale_text and self._bare_code(text, m, number):
            return None  # 'R2 unit', 'W12 8QT': a letter and a number that are a code, not money
        if m["wnum"] and m["wnum"].lower() in self.need_scale and (
            not (scale_text or m["word"]) or (m["word"] and text[m.start("word") - 1] == "-")
        ):
            return None  # "a" is a number only before a scale or currency: "a billion yuan", not "a billion-dollar fraud"
        num_group = "num" if m["num"] else "wnum"
        last_scale = "ascale" if m["ascale"] else "scale2" if m["scale2"] else "scale" if m["scale"] else "cut"
        end = m.end(last_scale) if scale_text else m.end(num_group)
        if suffix:
            end = m.start(next(g for g in ("att", "ssym", "scode", "lcode", "word") if m[g])) + len(suffix_text or "")
        sub = 0.0
        if m["sub"] and marker and not scale_text:
            minor = t.get(m["subunit"])
            if minor and set(minor.currencies) & set(marker.currencies) and marker.factor == 1:
                sub, end = float(m["sub"]) * minor.factor, m.end("subunit")
        if fraction and m["frac2"] and suffix:
            end = m.end("frac2")
        if suffix is not None and suffix_text and self._not_money(text, m, suffix_text, end):
            return None
        negative = m["neg1"] or m["neg2"]
        start = m.start("neg1") if m["neg1"] else m.start() if prefix else m.start("neg2") if m["neg2"] else m.start(num_group)
        if negative:
            number = -number
        marker_text = prefix_text if prefix else suffix_text if suffix else None
        atom = Atom(start, end, number, number_text, prefix, suffix, scale, scale_text, marker_text, sub)
        if marker is not None and abs(atom.value) > self.rules.limits.max_value:
            refusals.append(Refusal(start, end, text[start:end], f"above {self.rules.limits.max_value:g}, no amount"))
            return None
        return atom

    def _cut_scale(self, word: str) -> float:
        """The factor of a scale word the page cut ('billio...')."""
        return next(s.factor for s in self.rules.scales if not s.attached and s.text.lower().startswith(word.lower()))

    def _number(self, digits: str | None, words: str | None, decimal: str) -> tuple[float | None, str]:
        if digits:
            return parse_digits(digits, decimal), digits
        words = (words or "").lower()
        if words in self.number_words:
            return self.number_words[words], words
        total = current = 0.0
        for part in re.split(r"[- ]+", words):  # "one hundred and twenty", "one thousand two hundred"
            if part in self.number_words:
                current += self.number_words[part]
            elif part in self.compound_words[100]:
                current = (current or 1) * 100
            elif part in self.compound_words[1000]:
                total, current = total + (current or 1) * 1000, 0.0
            elif part != "and":
                return None, words
        return total + current, words

    def _not_money(self, text: str, m: re.Match[str], marker_text: str, end: int) -> bool:
        """The not_money rules: 'weighs ten pounds', 'a five-pound bag', 'Lee won the race'."""
        guard = self.guards.get(marker_text.lower())
        if guard is None:
            return False
        window = self.rules.limits.guard_window
        line_start = text.rfind("\n", max(0, m.start() - window), m.start()) + 1
        before = self.guard_before.get(guard.id)
        if before and before.search(text, max(line_start, m.start() - window), m.start()):
            return True
        after = self.guard_after.get(guard.id)
        if after and after.match(text, end) and not self.per_unit_after.match(text, end):
            return True
        nouns = self.guard_compound.get(guard.id)
        if nouns is not None and m["word"] and text[m.start("word") - 1] == "-":
            following = self.next_word.match(text, end)
            return following is None or following[1].lower() not in nouns
        return False


def _send(matches: Generator[re.Match[str], int | None, None], used: int) -> re.Match[str] | None:
    """The next match after telling ``matches`` where the last atom ended (None at the end)."""
    try:
        return matches.send(used)
    except StopIteration:
        return None
