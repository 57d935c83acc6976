"""``claims_changes``: the change stated beside a figure.

For each money record of ``doc._.money`` it looks in the figure's sentence for
- a percentage: "¥200 billion, a 25% rise", "rose 11% to $5bn", "$5bn, up 11%";
- an earlier figure: "CNY 1.6 trillion for 2026, up from CNY 1.5 trillion" (``from_value``);
- a change amount: "$30bn, an increase of $6bn", "rose $2bn to $10bn" (``amount``; the
  change figure itself keeps no change, its metric says what it is),
and sets ``rec["change"] = {direction, percent, amount, from_value}``. A restatement in
another currency shares the percentage and direction of what it restates. Cue words are
``rules/changes.json``. Every look is bounded: the words before a figure are searched in a
window of ``limits.before_window`` characters, the words after it matched where it ends,
and the nearest level figure found by bisection, so the time is linear in the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..numbers import point
from ..ruleset import ChangeRules, change_rules
from ..textmatch import alternation
from .extensions import ChangeRef, MoneyRecord
from .view import layout_of


def _alt(words: list[str]) -> str:
    return alternation(words, spaces=r"\s+")


@dataclass(frozen=True)
class Patterns:
    """The regexes built from the cue words."""

    after_percent: re.Pattern[str]
    before_percent: re.Pattern[str]
    from_gap: re.Pattern[str]
    change_before: re.Pattern[str]
    change_after: re.Pattern[str]
    up_words: frozenset[str]
    change_word_ends: frozenset[str]  # the last letters of the words that may end ``change_before``
    change_before_words: int  # the most runs of non-spaces a match of ``change_before`` spans
    before_percent_words: int  # the same for ``before_percent``

    @classmethod
    def of(cls, rules: ChangeRules) -> Patterns:
        nouns = _alt(rules.up.nouns + rules.down.nouns)
        verbs = _alt(rules.up.verbs + rules.down.verbs)
        adverbs = _alt(rules.up.adverbs + rules.down.adverbs)
        percent = _alt(rules.percent)

        def pct(name: str) -> str:
            return rf"(?P<{name}>\d+(?:\.\d+)?)\s*(?:{percent})"

        gap = rf"(?:[\w'’-]+[\s,]+){{0,{rules.max_gap_words}}}?"
        flags = re.I
        return cls(
            after_percent=re.compile(
                rf"[\s,;()–-]*(?:(?:a|an|or)\s+)?(?:{pct('pct')}\s+(?P<dir>{nouns}|{adverbs})\b"
                rf"|(?P<dir2>{adverbs}|{verbs})\s+(?:by\s+)?{pct('pct2')})", flags),
            before_percent=re.compile(
                rf"(?:(?P<dir>{verbs}|{adverbs})\s+(?:by\s+)?{pct('pct')}|{pct('pct2')}\s+(?P<dir2>{nouns}))"
                rf"\s+(?:to|at)\s*$", flags),
            from_gap=re.compile(rf"^[\s,;()–-]*{gap}(?:(?P<dir>{adverbs}|{verbs})\s+)?(?:{_alt(rules.from_)})\s*$", flags),
            change_before=re.compile(
                rf"\b(?:(?P<dir>{nouns})\s+of|(?P<dir2>{verbs})(?:\s+by)?|(?P<dir3>{adverbs}))\s+$", flags),
            change_after=re.compile(rf"\s*(?:[\w-]+\s+){{0,{rules.noun_gap_words}}}?(?P<dir>{nouns})\b", flags),
            up_words=frozenset(w.lower() for w in rules.up.nouns + rules.up.verbs + rules.up.adverbs),
            change_word_ends=frozenset(c for w in [*rules.up.verbs, *rules.down.verbs, *rules.up.adverbs,
                                                   *rules.down.adverbs, "of", "by"] for c in (w[-1].lower(), w[-1].upper())),
            change_before_words=max(_words(rules.up.nouns + rules.down.nouns) + 1, _words(rules.up.verbs + rules.down.verbs) + 1,
                                    _words(rules.up.adverbs + rules.down.adverbs)),
            before_percent_words=max(
                _words(rules.up.verbs + rules.down.verbs + rules.up.adverbs + rules.down.adverbs) + 3 + _words(rules.percent),
                _words(rules.percent) + _words(rules.up.nouns + rules.down.nouns) + 2),
        )

    def direction(self, match: re.Match[str]) -> str:
        word = next(w for name, w in match.groupdict().items() if name.startswith("dir") and w)
        return "up" if re.sub(r"\s+", " ", word.lower()) in self.up_words else "down"


def _words(phrases: list[str]) -> int:
    """The most runs of non-spaces in one of the phrases (each space of a phrase is matched by spaces)."""
    return max((len(p.split()) for p in phrases), default=0)


def _last_words(text: str, lo: int, end: int, n: int) -> int:
    """Where the last ``n`` runs of non-spaces of ``text[lo:end]`` begin (``lo`` if it has no
    more). A pattern that must end at ``end`` and spans at most ``n`` runs of non-spaces
    can start no earlier, so it is searched from there: the same first match as from ``lo``."""
    parts = text[lo:end].rsplit(None, n)
    return lo + len(parts[0]) if len(parts) > n else lo


def _percent(match: re.Match[str]) -> float:
    return float(next(v for name, v in match.groupdict().items() if name.startswith("pct") and v))


class ChangeFinder:
    def __init__(self, rules: str | None = None) -> None:
        change = change_rules(rules)
        self.patterns = Patterns.of(change)
        self.window = change.limits.before_window

    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        view = layout_of(doc)
        sentences = [view.sentence(rec["start"]) for rec in money]
        restated = _restatements(money)
        change_figures = {i: d for i in range(len(money))
                          if (d := self._change_figure(view.text, money[i], sentences[i])) is not None}
        changes = [None if i in change_figures else self._stated(view.text, money, sentences, restated, i)
                   for i in range(len(money))]
        levels = _levels(money, sentences, change_figures)
        for i, direction in change_figures.items():
            _give_amount(money, sentences, changes, levels, i, direction)
        for i, rec in enumerate(money):  # a restatement shares the percentage of what it restates
            head = rec.get("equivalent_of")
            if changes[i] is None and head is not None and changes[head] is not None:
                changes[i] = {**changes[head], "amount": None, "from_value": None}
        for rec, change in zip(money, changes):
            if change is not None:
                rec["change"] = change
        return doc

    def _before(self, sentence: tuple[int, int], start: int) -> int:
        """Where the words before a figure are searched from: its sentence, at most a window."""
        return max(sentence[0], start - self.window)

    def _stated(self, text: str, money: list[MoneyRecord], sentences: list[tuple[int, int]],
                restated: dict[int, list[int]], i: int) -> ChangeRef | None:
        """The percentage and earlier figure stated around figure ``i``."""
        rec, sentence = money[i], sentences[i]
        group_end = max([rec["end"]] + [money[j]["end"] for j in restated.get(i, [])])
        change: ChangeRef = {"direction": None, "percent": None, "amount": None, "from_value": None}
        after = self.patterns.after_percent.match(text, group_end, max(group_end, sentence[1]))
        lo = self._before(sentence, rec["start"])
        tail = _tail(text, lo, rec["start"])  # 'rose 11% to': 'to' or 'at' must end the words before the figure
        before = self.patterns.before_percent.search(
            text, _last_words(text, lo, tail, self.patterns.before_percent_words), rec["start"]) \
            if tail - 3 >= lo and text[tail - 2:tail].lower() in ("to", "at") and text[tail - 3].isspace() else None
        for match in (after, before):
            if match and change["percent"] is None:
                change.update(direction=self.patterns.direction(match), percent=_percent(match))
        earlier = self._from_figure(text, money, sentences, i, group_end)
        if earlier is not None:
            match, other = earlier
            change["from_value"] = _value(other) if other["currency"] == rec["currency"] else None
            if change["direction"] is None:
                change["direction"] = self._from_direction(match, rec, other)
        return change if any(v is not None for v in change.values()) else None

    def _from_figure(self, text: str, money: list[MoneyRecord], sentences: list[tuple[int, int]], i: int,
                     group_end: int) -> tuple[re.Match[str], MoneyRecord] | None:
        """The figure introduced by 'from' after figure ``i`` (or its restatements), in its sentence."""
        j = i + 1
        while j < len(money) and money[j]["start"] < group_end:  # skip the restatements
            j += 1
        if j == len(money) or sentences[j] != sentences[i]:
            return None
        match = self.patterns.from_gap.match(text[group_end:money[j]["start"]])
        return (match, money[j]) if match else None

    def _from_direction(self, match: re.Match[str], rec: MoneyRecord, other: MoneyRecord) -> str | None:
        if match.group("dir"):
            return self.patterns.direction(match)
        now, then = _value(rec), _value(other)
        if now is None or then is None or rec["currency"] != other["currency"] or now == then:
            return None
        return "up" if now > then else "down"

    def _change_figure(self, text: str, rec: MoneyRecord, sentence: tuple[int, int]) -> str | None:
        """The direction when the figure is itself a change: 'an increase of $6bn', 'rose $2bn',
        'a $6bn rise'."""
        lo = self._before(sentence, rec["start"])
        tail = _tail(text, lo, rec["start"])  # a change word, then spaces, must end the words before the figure
        before = self.patterns.change_before.search(
            text, _last_words(text, lo, tail, self.patterns.change_before_words), rec["start"]) \
            if lo < tail < rec["start"] and text[tail - 1] in self.patterns.change_word_ends else None
        match = before or self.patterns.change_after.match(text, rec["end"], max(rec["end"], sentence[1]))
        return self.patterns.direction(match) if match else None


def _tail(text: str, lo: int, end: int) -> int:
    """Where the spaces that end ``text[lo:end]`` begin (the patterns that must end at a
    figure are tried only where their last word can end there: a search over the window
    before every figure costs the window's length per figure)."""
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


def _levels(money: list[MoneyRecord], sentences: list[tuple[int, int]],
            change_figures: dict[int, str]) -> dict[tuple[tuple[int, int], str | None], list[int]]:
    """The level figures (not changes, not restatements) of each sentence and currency, in
    text order."""
    levels: dict[tuple[tuple[int, int], str | None], list[int]] = defaultdict(list)
    for j, rec in enumerate(money):
        if j not in change_figures and rec.get("equivalent_of") is None:
            levels[(sentences[j], rec["currency"])].append(j)
    return levels


def _give_amount(money: list[MoneyRecord], sentences: list[tuple[int, int]], changes: list[ChangeRef | None],
                 levels: dict[tuple[tuple[int, int], str | None], list[int]], i: int, direction: str) -> None:
    """The change figure ``i`` is the change of the nearest level figure of its sentence."""
    rec = money[i]
    candidates = levels.get((sentences[i], rec["currency"]))
    if not candidates:
        return
    k = bisect_left(candidates, i)
    near = [candidates[x] for x in (k - 1, k) if 0 <= x < len(candidates)]
    j = min(near, key=lambda c: abs(money[c]["start"] - rec["start"]))
    base = changes[j] or {"direction": None, "percent": None, "amount": None, "from_value": None}
    changes[j] = {**base, "direction": base["direction"] or direction, "amount": _value(rec)}


def _restatements(money: list[MoneyRecord]) -> dict[int, list[int]]:
    """For each record restated in another currency, the records restating it."""
    restated: dict[int, list[int]] = defaultdict(list)
    for j, rec in enumerate(money):
        if rec.get("equivalent_of") is not None:
            restated[rec["equivalent_of"]].append(j)
    return restated


def _value(rec: MoneyRecord) -> float | None:
    return point(rec["value"], rec["low"], rec["high"])


@Language.factory("claims_changes", default_config={"rules": None},
                  assigns=["doc._.money"], requires=["doc._.money", "token.is_sent_start"])
def make_changes(nlp: Language, name: str, rules: str | None) -> ChangeFinder:
    return ChangeFinder(rules)
