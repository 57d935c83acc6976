"""``claims_metrics``: what each figure measures, as a label of ``rules/metrics.json``.

Order of evidence: a metric word in the noun phrase right after the amount (its head, the
last such word, wins: "$30 billion AI capex increase"); else the metric word nearest the
amount in its clause, then in its sentence. A generic label ("budgeted") gives way to a
specific one in the figure's clause, or a few words after the figure ("spend $5bn on capital
expenditure"), or to one that is a kind of it (capex of spending, never a profit) earlier in
the same or the previous sentence of the paragraph. An infinitive of purpose
right after the figure ends its clause after the verb: "sold it for $9bn to offset a tax bill"
is a sale, not a tax bill, while "paid $5m to settle" is a settlement. Sets ``rec["metric"]``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from .. import layout
from ..ruleset import Metric, metric_rules
from ..taxonomy import Taxonomy
from ..textmatch import alternation, phrase_pattern, phrases
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of

PREFIX = 3  # letters of a word that pick the cues to try there
AFTER_WORDS = 6  # words after a generic figure in which a specific metric may name it


class Cue(NamedTuple):
    rank: int  # of its metric in the rules (ties go to the first)
    metric: Metric
    terms: re.Pattern[str]
    with_: re.Pattern[str] | None
    prefixes: re.Pattern[str]  # the first PREFIX letters of its terms
    anywhere: re.Pattern[str]  # its terms, inside words too: a whole term of a part of a text is there
    with_anywhere: re.Pattern[str] | None  # its companion words, likewise
    subject_labels: frozenset[str]  # the labels of the subjects it names a metric of (empty: any subject)
    unit: bool  # a figure's own unit ('a share'): only when no other cue names the metric

    @property
    def specific(self) -> bool:
        return _specific(self.metric)

    def applies(self, context: "Context", rec: dict | None = None) -> bool:
        """The cue's companion words are in the context, and a price is a per-unit figure
        (an amount with a scale word, '$22bn', is a total, never a price or a rate)."""
        if rec is not None and self.metric.kind == "price" and rec.get("scale_text"):
            return False
        if self.subject_labels and (rec is None or (rec.get("subject") or {}).get("label") not in self.subject_labels):
            return False
        return self.with_ is None or context.has(self.with_)


class Context:
    """The words in which a cue's companion words are looked for (a clause, with the heading
    of its bullet), each pattern searched once: the figures of a clause share it. The
    patterns, a cue's, are told apart by identity (hashing a regex hashes all its code)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._has: dict[int, bool] = {}

    def has(self, pattern: re.Pattern[str]) -> bool:
        key = id(pattern)
        if key not in self._has:
            self._has[key] = bool(pattern.search(self.text))
        return self._has[key]


class Usable(NamedTuple):
    """The cue matches of a range that apply in a context to figures of one kind (totals or
    not), in text order: (start, end, rank, metric), their starts, their longest length."""
    hits: list[tuple[int, int, int, Metric]]
    starts: list[int]
    longest: int


CueMatch = tuple[int, int, Cue]  # start, end, cue
Found = tuple[Metric, int, int]  # the metric and the span of the words that name it


class MetricFinder:
    def __init__(self, rules_dir: str | None = None) -> None:
        rules = metric_rules(rules_dir)
        self.metrics = rules.metrics
        self.taxonomy = Taxonomy(rules.metrics)
        self.clause_end = layout.clause_breaks("metric", rules_dir)
        self.openers = layout.relative_openers(rules_dir)
        self.purpose = re.compile(rules.purpose)
        self.not_after = re.compile(rf"\b(?:{alternation(rules.not_after)})\s+$", re.IGNORECASE)  # search(term - 16, term)
        self.part_after = re.compile(  # match(figure end): ends at the comma
            rf"\s*(?:\([^)]*\)\s*)?(?=,\s*(?:{alternation(rules.not_after)})\s)", re.IGNORECASE)
        self.lookback = rules.limits.specific_lookback_chars
        # the noun phrase right after an amount: up to five words, ending at a preposition or verb
        self.following_np = re.compile(
            rf"[ \t*_\"”’)]*(?:\([^()\n]{{0,40}}\)[ \t]*)?"  # a restatement in brackets: '$27bn (£14bn) tax bill'
            rf"((?:(?!{phrase_pattern(rules.noun_phrase_ends)})[\w&'’-]+[ \t]+){{0,4}}[\w&'’-]*)", re.I)
        # a few words after an amount: 'spend $5bn on capital expenditure'
        self.words_after = re.compile(rf"(?:[^\w\n]*[\w'’-]+){{0,{AFTER_WORDS}}}")
        self.cues = [Cue(rank, m, phrases(c.terms), phrases(c.with_) if c.with_ else None,
                         re.compile(alternation(t[:PREFIX] for t in c.terms), re.IGNORECASE),
                         re.compile(alternation(c.terms), re.IGNORECASE),
                         re.compile(alternation(c.with_), re.IGNORECASE) if c.with_ else None, frozenset(c.subject_labels),
                         c.unit)
                     for rank, m in enumerate(self.metrics) for c in m.cues]
        specific_terms = alternation(t for m in self.metrics if _specific(m) for c in m.cues for t in c.terms)
        self.specific_at = re.compile(f"(?=(?:{specific_terms}))", re.IGNORECASE)  # where a specific term may start
        # where a term may start: a word boundary before the first letter of a term, not inside
        # a hyphenated word ('mis-selling' is no sale)
        self.term_start = re.compile(
            rf"\b(?<!\w-)(?=(?:{alternation(t[:1] for m in self.metrics for c in m.cues for t in c.terms)}))", re.IGNORECASE)
        self._by_prefix: dict[str, list[tuple[int, Cue]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        view = layout_of(doc)
        text = view.text
        money = doc._.money or []
        last: tuple[tuple[int, int] | None, int, Metric | None, tuple[int, int] | None] = (None, -1, None, None)
        # paragraph, sentence end, metric, relative clause of the last figure: one figure continues another of its own kind
        found: dict[tuple[int, ...], list[CueMatch]] = {}  # by clause or sentence: figures share them
        contexts: dict[tuple, Context] = {}
        self._usable: dict[tuple[int, int, bool, bool], Usable] = {}
        self._specific_starts: list[int] | None = None
        self._companions: dict[int, bool] = {}
        for rec in money:
            s_start, s_end = view.sentence(rec["start"])
            c_start, c_end = layout.clause(text, s_start, s_end, rec["start"], rec["end"], self.clause_end)
            part = self.part_after.match(text, rec["end"], c_end)  # '€3.2bn, including €600m of debt': a part of it
            c_end = part.end() if part else c_end
            own = layout.island(text, s_start, s_end, rec["start"], self.openers)  # a relative clause holding the figure
            purpose = self.purpose.match(text, rec["end"], c_end)  # '$9bn to offset a tax bill'
            other = (purpose.end(1), c_end) if purpose else None  # what the money is for, not what it is
            c_end = other[0] if other else c_end
            heading = view.bullet_heading(rec["start"])
            key = (c_start, c_end, heading)
            if key not in contexts:
                contexts[key] = Context(text[c_start:c_end] + (" " + text[heading[0]:heading[1]] if heading else ""))
            context = contexts[key]
            found_at = self._in_following_np(text, rec, context)
            rule = "metric.following_noun_phrase"
            if found_at is None:
                found_at, rule = self._nearest(rec, self._outside_islands(text, c_start, c_end, found, own, (s_start, s_end)),
                                               context), "metric.clause"
            if found_at is None:
                if (s_start, s_end) not in contexts:
                    contexts[s_start, s_end] = Context(text[s_start:s_end])
                matches = self._outside_islands(text, s_start, s_end, found, own, (s_start, s_end))
                if other:  # the purpose's object names another thing; kept per document (_nearest caches by list)
                    if (s_start, s_end, *other) not in found:
                        found[s_start, s_end, *other] = [m for m in matches if not other[0] <= m[0] < other[1]]
                    matches = found[s_start, s_end, *other]
                found_at, rule = self._nearest(rec, matches, contexts[s_start, s_end]), "metric.sentence"
            if purpose and found_at is not None and not found_at[0].generic:  # 'pay $75m to settle': a settlement
                kind = next((k for label in (found_at[0].label, *found_at[0].parents)  # 'paid $45m to settle' too
                             if (k := self._specific_in(text, purpose.start(1), purpose.end(1), label))), None)
                if kind is not None and kind[0] is not found_at[0]:
                    found_at, rule = kind, "metric.purpose"
            para = view.paragraph(rec["start"])
            if found_at is not None and found_at[0].generic:
                previous = view.previous_sentence(rec["start"])
                start = max(para[0] if para else s_start, previous[0] if previous else s_start)
                after = self.words_after.match(text, rec["end"], c_end)
                start = max(start, rec["start"] - self.lookback)  # bounded: a long sentence of figures stays linear
                in_clause = max(start, c_start)  # there any specific metric wins; before it only a kind of the generic
                specific = (self._specific_in(text, in_clause, rec["start"])
                            or (self._specific_in(text, rec["end"], after.end()) if after else None)
                            or self._specific_in(text, start, in_clause, found_at[0].label))
                if specific is not None:
                    found_at, rule = specific, "metric.specific_nearby"
            metric = found_at[0] if found_at else None
            if metric is None and last[0] == para and last[1] >= s_start - 3 and last[3] == own:
                metric, rule, found_at = last[2], "metric.continues", None  # a figure that continues the one before it
            if rec["equivalent_of"] is not None:
                restated = next((m for m in self.metrics if m.label == money[rec["equivalent_of"]]["metric"]), None)
                if restated is not None:
                    metric, rule, found_at = restated, "metric.restated", None
            rec["metric"] = metric.label if metric else None
            if metric is not None:
                span = {"text": text[found_at[1]:found_at[2]], "start": found_at[1], "end": found_at[2]} if found_at else None
                rec.setdefault("decided_by", {})["metric"] = extensions.decision(rule, span)
            last = (para, s_end, metric, own)
        return doc

    def _outside_islands(self, text: str, start: int, end: int, found: dict[tuple[int, ...], list[CueMatch]],
                         own: tuple[int, int] | None, sentence: tuple[int, int]) -> list[CueMatch]:
        """``_matches_in`` the range, for a figure outside relative clauses without those in one
        ('Dellow, which was bought by Arcus, is worth $5bn': no acquisition price), for a figure
        in one ``own`` without those after it (it may take its antecedent's metric, 'a test order,
        which could cost $20,000 per unit'; 'Kelvar, which made $5m, was sold': no sale price);
        kept in ``found``."""
        matches = self._matches_in(text, start, end, found)
        if own is not None:
            if own[1] >= end:
                return matches
            if (start, end, *own) not in found:
                found[start, end, *own] = [m for m in matches if m[0] < own[1]]
            return found[start, end, *own]
        if "," not in text[start:end]:
            return matches
        if (start, end, -1) not in found:
            found[start, end, -1] = [m for m in matches if layout.island(text, *sentence, m[0], self.openers) is None]
        return found[start, end, -1]

    def _matches_in(self, text: str, start: int, end: int,
                    found: dict[tuple[int, ...], list[CueMatch]]) -> list[CueMatch]:
        """``_matches`` of a range, kept in ``found``."""
        if (start, end) not in found:
            found[start, end] = self._matches(text, start, end)
        return found[start, end]

    def _matches(self, text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
        """(start, end, cue) of what ``cue.terms.finditer(text, start, end)`` finds, for every cue:
        at each place a term may start, only the cues with a term of those first letters are tried."""
        end = len(text) if end is None else end
        found: list[CueMatch] = []
        free: dict[int, int] = {}  # the matches of one cue do not overlap
        for boundary in self.term_start.finditer(text, start, end):
            at = boundary.start()
            for i, cue in self._cues_at(text[at:at + PREFIX]):
                if at >= free.get(i, at) and (m := cue.terms.match(text, at, end)) \
                        and not self.not_after.search(text, max(start, at - 16), at):
                    found.append((at, m.end(), cue))  # not 'including debt'
                    free[i] = m.end()
        return found

    def _cues_at(self, prefix: str) -> list[tuple[int, Cue]]:
        """The cues (with their indexes) with a term that starts with these letters (in any case)."""
        cues = self._by_prefix.get(prefix)
        if cues is None:
            cues = self._by_prefix[prefix] = [(i, c) for i, c in enumerate(self.cues) if c.prefixes.match(prefix)]
        return cues

    def _may_name_specific(self, text: str, start: int, end: int) -> bool:
        """Whether a term of a specific metric whose companion words the document holds starts
        in ``text[start:end]``, written as in the document: elsewhere ``_specific_in`` finds
        nothing. The places are found once per document, so that the figures of a long
        sentence of generic ones do not each scan their look-back."""
        if self._specific_starts is None:
            self._specific_starts = [m.start() for m in self.specific_at.finditer(text)
                                     if any(c.specific and c.anywhere.match(text, m.start()) and self._companions_in(text, i, c)
                                            for i, c in self._cues_at(text[m.start():m.start() + PREFIX]))]
        i = bisect_left(self._specific_starts, start)
        return i < len(self._specific_starts) and self._specific_starts[i] < end

    def _companions_in(self, text: str, i: int, cue: Cue) -> bool:
        """Whether the document holds the companion words of cue ``i`` (any when it has none)."""
        if i not in self._companions:
            self._companions[i] = cue.with_anywhere is None or bool(cue.with_anywhere.search(text))
        return self._companions[i]

    def _in_following_np(self, text: str, rec: dict, context: Context) -> Found | None:
        np = self.following_np.match(text, rec["end"])
        if not np or not np.group(1).strip():
            return None
        at = np.start(1)
        hits = [(end, -cue.rank, cue.metric, start) for start, end, cue in self._matches(np.group(1))
                if cue.applies(context, rec)]
        if not hits:
            return None
        end, _, metric, start = max(hits, key=lambda h: (h[0], h[1]))
        return metric, at + start, at + end

    def _nearest(self, rec: dict, matches: list[CueMatch], context: Context) -> Found | None:
        """The metric of the match nearest the figure (ties: the lower rank, then the first),
        a unit's ('a share') only when no other cue applies."""
        for unit in (False, True):
            key = (id(matches), id(context), bool(rec.get("scale_text")), unit)
            if key not in self._usable:
                hits = [(m_start, m_end, cue.rank, cue.metric) for m_start, m_end, cue in matches
                        if cue.unit is unit and cue.applies(context, rec)]
                self._usable[key] = Usable(hits, [h[0] for h in hits], max((h[1] - h[0] for h in hits), default=0))
            found = self._closest(rec, self._usable[key])
            if found is not None:
                return found
        return None

    @staticmethod
    def _closest(rec: dict, usable: Usable) -> Found | None:
        """The metric of the usable match nearest the figure. Only the matches that may be as
        near as the best one so far are looked at: from the figure outwards, those before it
        while they may end near enough, those after it while they start near enough."""
        hits, starts, longest = usable
        best: tuple[int, int, int, int] | None = None  # distance, minus length ('was paid' before 'paid'), rank, index
        split = bisect_left(starts, rec["end"])
        for i in range(split - 1, -1, -1):  # starting before the figure's end: near if they end near its start
            if best is not None and starts[i] + longest < rec["start"] - best[0]:
                break
            m_start, m_end, rank, _ = hits[i]
            candidate = (max(0, rec["start"] - m_end), m_start - m_end, rank, i)
            best = candidate if best is None or candidate < best else best
        for i in range(split, len(hits)):
            m_start, m_end, rank, _ = hits[i]
            if best is not None and m_start - rec["end"] > best[0]:
                break
            candidate = (m_start - rec["end"], m_start - m_end, rank, i)
            best = candidate if best is None or candidate < best else best
        if best is None:
            return None
        m_start, m_end, _, metric = hits[best[3]]
        return metric, m_start, m_end

    def _specific_in(self, text: str, start: int, end: int, kind_of: str | None = None) -> Found | None:
        """The specific metric named last (nearest the figure) in ``text[start:end]``, a kind of
        the generic metric ``kind_of`` when given (capex is a kind of spending, a profit is not)."""
        if not self._may_name_specific(text, start, end):
            return None
        part = text[start:end]
        context = Context(part)
        hits = [(m_end, -cue.rank, cue.metric, m_start) for m_start, m_end, cue in self._matches(part)
                if cue.specific and cue.applies(context)
                and (kind_of is None or self.taxonomy.canonical(kind_of) in self.taxonomy.ancestors(cue.metric.label))]
        if not hits:
            return None
        m_end, _, metric, m_start = max(hits, key=lambda h: (h[0], h[1]))
        return metric, start + m_start, start + m_end


def _specific(metric: Metric) -> bool:
    """A specific metric of a level: what may name a generic figure."""
    return not metric.generic and metric.kind == "level"


@Language.factory("claims_metrics", assigns=["doc._.money"], requires=["doc._.money", "token.is_sent_start"],
                  default_config={"rules": None})
def make_metrics(nlp: Language, name: str, rules: str | None) -> MetricFinder:
    return MetricFinder(rules)
