"""Amounts from atoms: an atom with a currency, or two atoms joined into a range, with the
bound or hedge words around them and a per-unit phrase; and vague amounts ("billions of
dollars") from their own patterns. Every look around an amount is a bounded window
(``limits`` of rules/amounts.json), so the time is linear in the text."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from ..ruleset import AmountRules, VaguePattern
from ..textmatch import alternation
from .atoms import SP, Atom, AtomFinder, Refusal
from .lowered import Lowered
from .markers import MarkerTable
from .numerals import decimal_mark
from .vague import StretchScan


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


WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z]+)[ \t]+\Z")  # search(text, window, pos): the word before pos


class AmountGrammar:
    """Compiled amount rules; ``find(text)`` returns every money amount in text order."""

    def __init__(self, amounts: AmountRules, markers: MarkerTable) -> None:
        self.rules = amounts
        self.markers = markers
        self.atoms = AtomFinder(amounts, markers)
        self.scales = {s.text.lower(): s for s in amounts.scales}
        self._compile()

    def _compile(self) -> None:
        r = self.rules
        q = r.qualifiers
        self.prefix_q = {w.lower(): name for name, ws in q.prefix.items() for w in ws}
        self.suffix_q = {w.lower(): name for name, ws in q.suffix.items() for w in ws}
        self.particle_of = {w.lower(): {v.lower() for v in verbs} for w, verbs in q.particles.items()}
        objects = q.verb_objects
        self.object_verbs = {v.lower() for v in objects.verbs} if objects else set()
        self.object_noun_re = re.compile(rf"{SP}+(?i:{alternation(objects.nouns)})\b") if objects else None  # match(end)
        self.threshold_q = {**self.prefix_q, **{w.lower(): name for name, ws in r.thresholds.verbs.items() for w in ws}}
        gap = rf"{SP}*\n?{SP}*"  # one line break at most: a qualifier never joins across a paragraph
        self.prefix_q_re = re.compile(rf"(?i:(?<![\w])(?P<q>{alternation(self.prefix_q)})){gap}\Z")
        self.threshold_q_re = re.compile(
            rf"(?i:(?<![\w])(?P<q>{alternation(self.threshold_q)})\s+(?:{alternation(r.thresholds.determiners)})){SP}+\Z")
        self.threshold_noun_re = re.compile(rf"{SP}+(?i:{alternation(r.thresholds.nouns)})\b")
        self.suffix_q_re = re.compile(rf",?{SP}*(?i:(?P<q>{alternation(self.suffix_q)}))\b")
        self.connector_re = re.compile(rf"{SP}?(?P<c>{alternation(r.ranges.connectors)}){SP}?", re.I)
        self.between_re = re.compile(rf"(?i:(?<![\w])between){SP}+\Z")
        self.blocked_re = re.compile(rf"(?i:(?<![\w])(?:{alternation(r.ranges.blocked_after)})){SP}+\Z")
        self.from_range_re = re.compile(rf"(?i:(?<![\w])(?:{alternation(r.ranges.from_range_words)})){SP}+\Z")
        not_after = (rf"(?!\s+(?i:{alternation(r.per_units.not_followed_by)})\b)"
                     if r.per_units.not_followed_by else "")
        self.per_re = re.compile(
            rf"[\s-]+(?i:(?:{alternation(r.per_units.words)})[\s-]+(?P<unit>{alternation(r.per_units.units)}))\b{not_after}"
        )
        words = "(?:" + alternation(self.markers.words()).replace(r"\ ", r"\s") + r")(?!\w)"  # 'Europeans' is no euro
        self.vague = [(p, re.compile(p.pattern.replace("{currency_words}", words), re.I)) for p in r.vague.patterns]
        self.vague_scan = StretchScan([rx for _, rx in self.vague])

    # -------------------------------------------------------------- amounts
    def find(self, text: str) -> list[AmountMatch]:
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[list[AmountMatch], list[Refusal]]:
        """The amounts of ``text`` in text order, and the numbers refused as amounts."""
        refusals: list[Refusal] = []
        lowered = Lowered(text)
        atoms = self.atoms.find(text, decimal_mark(text), refusals, lowered)
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
            if a.marker is not None and a.marker.standalone:
                found.append(self._single(text, a))
            i += 1
        starts, taken = [f.start for f in found], [(f.start, f.end) for f in found]
        for i, m in self.vague_scan.finditer(lowered):
            k = bisect_left(starts, m.start())
            if any(s < m.end() and m.start() < e for s, e in taken[max(0, k - 1):k + 1]):
                continue
            found.append(self._vague(self.vague[i][0], m))
            starts.insert(k, m.start())
            taken.insert(k, (m.start(), m.end()))
        return sorted(found, key=lambda f: f.start), refusals

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
        conn = self.connector_re.fullmatch(text, a.end, b.start)
        if not conn:
            return None
        window = max(0, a.start - self.rules.limits.range_word_window)
        between = self.between_re.search(text, window, a.start)
        if conn["c"].lower() in self.rules.ranges.need_between and not between:
            return None
        blocked = self.blocked_re.search(text, window, a.start)
        if blocked and a.marker is not None and not self.from_range_re.search(text, window, blocked.start()):
            return None  # "rose from $5 to $6" is a change; "from 15 to 25 dollars", "ranging from $15 to $25" ranges
        if a.prefix and b.prefix and a.prefix.currencies != b.prefix.currencies:
            return None
        if a.suffix and b.suffix and a.suffix.currencies != b.suffix.currencies:
            return None
        if (a.prefix and b.suffix and not b.prefix) or (a.suffix and b.prefix):
            return None  # "20 cents to $1.50": two markers of different forms are two figures
        marker = a.marker or b.marker
        if marker is None or not marker.standalone:
            return None
        factor = marker.factor
        b_scale = b.scale
        a_scale = a.scale if a.scale_text else b_scale
        low, high = a.number * a_scale * factor + a.sub, b.number * b_scale * factor + b.sub
        if not a.scale_text and not b.scale_text and "," in b.number_text and low * 100 <= high:
            while low * 1000 <= high:  # "$50-100,000": the thousands apply to both ends
                low *= 1000
        if not 0 < low < high or high / low > self.rules.limits.range_max_ratio:
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
        window = max(0, start - self.rules.limits.qualifier_window)
        pre = self.prefix_q_re.search(text, window, start)
        table = self.prefix_q
        if pre is None and self.threshold_noun_re.match(text, end):
            pre, table = self.threshold_q_re.search(text, window, start), self.threshold_q
        if pre and (self._particle(text, window, pre) or pre["q"].lower() in self.object_verbs
                    and self.object_noun_re is not None and self.object_noun_re.match(text, end)):
            pre = None  # 'will hand over $110m': the verb's particle; 'Acme nears $6bn deal': the deal is its object
        if pre:
            qualifier = table[re.sub(r"\s+", " ", pre["q"].lower())]
            start = pre.start("q")
        post = self.suffix_q_re.match(text, end, end + self.rules.limits.suffix_window)
        if post and qualifier == "exact":
            qualifier = self.suffix_q[post["q"].lower()]
            end = post.end()
        return start, end, qualifier

    def _particle(self, text: str, window: int, pre: re.Match[str]) -> bool:
        """Is the qualifier ``pre`` found the particle of the verb right before it (rules: qualifiers.particles)?"""
        verbs = self.particle_of.get(pre["q"].lower())
        verb = WORD_BEFORE.search(text, window, pre.start("q")) if verbs else None
        return verb is not None and verb.group(1).lower() in verbs

    def _per(self, text: str, end: int) -> tuple[int, str | None]:
        m = self.per_re.match(text, end, end + self.rules.limits.per_window)
        if not m:
            return end, None
        return m.end(), m["unit"].lower()

    def _vague(self, pattern: VaguePattern, m: re.Match[str]) -> AmountMatch:
        groups = m.groupdict()
        factor = 1.0
        for word in (groups.get("scale0"), m["scale"]):  # 'several hundred thousand pounds': 100 x 1000
            scale = self.scales.get(word.lower().rstrip("s")) if word else None
            factor *= scale.factor if scale else 1.0

        def bound(spec: float | dict[str, float], key: str) -> float:
            if isinstance(spec, dict):
                return spec[groups[key].lower()] * factor
            return spec * factor

        low = bound(pattern.low, "count")
        if groups.get("multi") and pattern.multi_low:
            low = pattern.multi_low * factor
        high = bound(pattern.high, "count")
        word = m["currency"]
        marker = self.markers.get(word) or self.markers.get(word + "s") or self.markers.get(word.rstrip("sS"))
        assert marker is not None
        return AmountMatch(
            m.start(), m.end(), m.group(0), None, low, high, m["currency"], list(marker.currencies),
            marker.default, "vague", m["scale"], None, pattern.id, [(m.start(), m.end())],
        )


def _rule_id(a: Atom, base: str) -> str:
    marker = a.marker
    return base if marker is None else f"{base}.{_kind(marker.text, marker.factor)}"


@lru_cache(maxsize=4096)
def _kind(text: str, factor: float) -> str:
    """The kind of a marker of the rules, as rule ids name it."""
    if factor < 1:
        return "minor_unit"
    if re.fullmatch(r"[A-Z]{3}", text):
        return "code"
    if sum(c.islower() for c in text) >= 2:
        return "word"
    return "symbol"
