"""``claims_currency``: decide ambiguous markers (¥ is CNY or JPY, 'rupees' is INR or LKR)
and record how in ``currency_note``.

An article that states its currency ('All figures are in Canadian dollars') decides the
bare symbols that currency uses, before any other evidence. For the others, strongest
first: a restatement in another currency whose implied rate fits one
candidate's reference rate; context cues in the sentence, then the paragraph, then the
document (the places and adjectives of each currency from CLDR, ``currency_names.json``:
'China', 'Chinese', 'Sri Lanka'; and the city and market words of ``currencies.json``);
the currency the document's restatements gave the same marker (a headline '¥85bn' whose
body restates it); the document's other amounts. Without evidence the currency stays null
and the note says so. An undated text's restatements are checked against the rates of the
year it names most.
Each cue is searched once per document and counted by offset, so the time is linear.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..fx import implied_rate_fits
from ..layout import Layout
from ..numbers import point
from ..ruleset import currency_names, currency_rules
from ..textmatch import alternation
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .extensions import MoneyRecord
from .view import layout_of

YEAR = re.compile(r"(?<![\w.,])(?:19[5-9]\d|20[0-4]\d)(?![\w.,]\d|\w)")  # a year written out: not '2,019', not '2019m'


def context_cues(rules: str | None = None) -> dict[str, list[str]]:
    """The cue words of each currency: hand place words, then CLDR places and adjectives."""
    cues: dict[str, list[str]] = {code: list(words) for code, words in currency_rules(rules).context.cues.items()}
    for code, entry in currency_names(rules).currencies.items():
        if entry.active:
            cues[code] = list(dict.fromkeys(cues.get(code, []) + entry.places + entry.adjectives))
    return cues


class CurrencyResolver:
    def __init__(self, rules: str | None = None) -> None:
        self.cues = {code: re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)")
                     for code, words in context_cues(rules).items() if words}
        names = {code: entry for code, entry in currency_names(rules).currencies.items() if entry.active}
        self.code_of_name = {name.lower(): code for code, entry in names.items() for name in entry.names}
        self.symbols = {code: set(entry.symbols) for code, entry in names.items()}
        self.following = {m.text.lower() for m in currency_rules(rules).markers if m.follows_document}
        currency = alternation(self.code_of_name)
        self.declaration_anchors = currency_rules(rules).declarations.anchors
        self.declaration = re.compile("|".join(f"(?:{p.replace('{CURRENCY}', currency)})"
                                               for p in currency_rules(rules).declarations.patterns), re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        view = layout_of(doc)
        year = int(doc._.published[:4]) if doc._.published else _year_written(view.text)
        partners = _partners(money)
        self._declared(view.text, money)
        self._follow_document(money)
        open_ = [rec for rec in money if rec["currency"] is None]
        decided: dict[int, tuple[str | None, str | None, str]] = {}
        for i, rec in enumerate(money):  # restatements first: they decide the marker for the whole document
            if rec["currency"] is None:
                code, note = self._by_equivalent(rec, [money[j] for j in partners[i]], year)
                if code is not None:
                    decided[id(rec)] = code, note, "equivalent"
        restated = _restated_markers([rec for rec in open_ if id(rec) in decided], decided)
        seen = Counter(rec["currency"] for rec in money if rec["currency"] is not None)
        seen.update(code for code, _, _ in decided.values())
        cue_offsets: dict[str, list[int]] = {}
        by_scopes: dict[tuple, tuple[str | None, str | None]] = {}
        for rec in open_:
            code, note, by = decided.get(id(rec)) or (*self._by_context(view, rec, cue_offsets, by_scopes), "context")
            if code is None:
                code, note, by = *restated.get(rec["currency_text"], (None, None)), "equivalent"
            if code is None:
                code, note, by = *_by_other_amounts(rec, seen), "other_amounts"
            rec["currency"] = code
            rec["currency_by"] = by if code is not None else "undecided"
            rec["currency_note"] = note or (
                f"ambiguous: '{rec['currency_text']}' may be " + " or ".join(rec["currency_candidates"])
                + "; the text does not say which")
            if code is not None and id(rec) not in decided:
                seen[code] += 1
        return doc

    def _declared(self, text: str, money: list[MoneyRecord]) -> None:
        """'All figures are in Canadian dollars': each bare symbol read by convention that the
        stated currency also uses ('$') is that currency."""
        if not any(rec["currency_by"] == "convention" for rec in money):
            return
        lowered = text.lower()
        if not any(word in lowered for word in self.declaration_anchors):
            return
        m = self.declaration.search(text)
        if m is None:
            return
        code = self.code_of_name[next(g for g in m.groups() if g).lower()]
        for rec in money:
            if rec["currency_by"] == "convention" and rec["currency_text"] in self.symbols[code]:
                rec["currency"], rec["currency_by"] = code, "declaration"
                rec["currency_note"] = f"'{rec['currency_text']}' read as {code}: the text says '{m.group(0)}'"

    def _follow_document(self, money: list[MoneyRecord]) -> None:
        """A sub-unit read by convention ('cents' as US cents) in a document most of whose
        other amounts are in another of its currencies (rand) is in that currency."""
        if not any(rec["currency_by"] == "convention" and rec["currency_text"].lower() in self.following
                   for rec in money):
            return
        seen = Counter(rec["currency"] for rec in money
                       if rec["currency"] and rec["currency_text"].lower() not in self.following)
        if not seen:
            return
        code, count = seen.most_common(1)[0]
        if count * 2 <= sum(seen.values()):
            return
        for rec in money:
            if (rec["currency_by"] == "convention" and rec["currency_text"].lower() in self.following
                    and rec["currency"] != code and code in rec["currency_candidates"]):
                rec["currency"], rec["currency_by"] = code, "other_amounts"
                rec["currency_note"] = (f"'{rec['currency_text']}' read as {code}: {count} of the document's "
                                        f"{sum(seen.values())} other amounts are in {code}")

    def _by_equivalent(self, rec: MoneyRecord, partners: list[MoneyRecord], year: int | None) -> tuple[str | None, str | None]:
        for other in partners:
            mine, usd = point(rec["value"], rec["low"], rec["high"]), point(other["value"], other["low"], other["high"])
            if mine is None or usd is None or other["currency"] != "USD":
                continue
            fitting = []
            for code in rec["currency_candidates"]:
                fits, implied, ref = implied_rate_fits(mine, code, usd, year)
                if fits and ref is not None:
                    fitting.append((code, implied, ref))
            if len(fitting) == 1:
                code, implied, ref = fitting[0]
                return code, (f"the restatement as {other['mention']} implies {implied:.2f} {code}/USD, "
                              f"which fits the {ref.year} reference rate {ref.per_usd:.2f}")
        return None, None

    def _by_context(self, view: Layout, rec: MoneyRecord, offsets: dict[str, list[int]],
                    decided: dict[tuple, tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
        """The currency the cues around the figure favour; ``decided`` keeps the answer for
        each marker, candidates and scopes (the figures of one sentence share it)."""
        scopes = [("sentence", *view.sentence(rec["start"]))]
        para = view.paragraph(rec["start"])
        if para:
            scopes.append(("paragraph", *para))
        scopes.append(("document", 0, len(view.text)))
        key = (rec["currency_text"], tuple(rec["currency_candidates"]), *scopes)
        if key not in decided:
            decided[key] = self._by_cues(view.text, rec, scopes, offsets)
        return decided[key]

    def _by_cues(self, text: str, rec: MoneyRecord, scopes: list[tuple[str, int, int]],
                 offsets: dict[str, list[int]]) -> tuple[str | None, str | None]:
        for code in rec["currency_candidates"]:
            if code in self.cues and code not in offsets:
                offsets[code] = [m.start() for m in self.cues[code].finditer(text)]
        for scope, start, end in scopes:
            counts = Counter({code: _count(offsets[code], start, end)
                              for code in rec["currency_candidates"] if code in offsets})
            ranked = counts.most_common(2)
            if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                return ranked[0][0], f"'{rec['currency_text']}' read as {ranked[0][0]} from {ranked[0][1]} context cue(s) in the {scope}"
        return None, None


def _year_written(text: str) -> int | None:
    """The year an undated text names most often (the latest of those tied): the year whose
    reference rates a restatement is checked against ('4,500 crore rupees ($540m)' fits the
    rupee of the 2020s, not the Sri Lankan rupee of 2001)."""
    counts = Counter(int(m) for m in YEAR.findall(text))
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def _count(offsets: list[int], start: int, end: int) -> int:
    """How many cues start in [start, end): the scope holds a cue only when all of it fits,
    which the cue regexes (whole words, no line-spanning) make the same as its start."""
    return bisect_left(offsets, end) - bisect_left(offsets, start)


def _partners(money: list[MoneyRecord]) -> list[list[int]]:
    """For each record, the records it restates or that restate it."""
    partners: list[list[int]] = [[] for _ in money]
    for j, rec in enumerate(money):
        head = rec["equivalent_of"]
        if head is not None:
            partners[head].append(j)
            partners[j].append(head)
    return [sorted(p) for p in partners]


def _restated_markers(records: list[MoneyRecord], decided: dict[int, tuple[str | None, str | None, str]]
                      ) -> dict[str, tuple[str, str]]:
    """The markers ('¥') that the document's restatements read as one currency only, with a note
    naming the first such restatement: the document's other figures with that marker are in it too."""
    codes: dict[str, set[str | None]] = {}
    first: dict[str, MoneyRecord] = {}
    for rec in records:
        codes.setdefault(rec["currency_text"], set()).add(decided[id(rec)][0])
        first.setdefault(rec["currency_text"], rec)
    return {marker: (code, f"'{marker}' read as {code}, as the document's {rec['mention']} restated in another currency")
            for marker, rec in first.items() if len(codes[marker]) == 1 and (code := decided[id(rec)][0])}


def _by_other_amounts(rec: MoneyRecord, seen: Counter[str]) -> tuple[str | None, str | None]:
    ranked = Counter({code: seen[code] for code in rec["currency_candidates"] if seen[code]}).most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0], f"'{rec['currency_text']}' read as {ranked[0][0]}, the currency of the document's other amounts"
    return None, None


@Language.factory("claims_currency", default_config={"rules": None},
                  assigns=["doc._.money"], requires=["doc._.money", "token.is_sent_start"])
def make_currency(nlp: Language, name: str, rules: str | None) -> CurrencyResolver:
    return CurrencyResolver(rules)
