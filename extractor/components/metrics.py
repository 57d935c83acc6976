"""``claims_metrics``: what each figure measures, as a label of ``rules/metrics.json``.

Order of evidence: a metric word in the noun phrase right after the amount (its head, the
last such word, wins: "$30 billion AI capex increase"); else the metric word nearest the
amount in its clause, then in its sentence. A generic label ("budgeted") gives way to a
specific one in the same or the previous sentence of the paragraph. Sets ``rec["metric"]``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import layout
from ..ruleset import Metric, metric_rules
from ..textmatch import phrase_pattern, phrases
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of

# The noun phrase after an amount ends at a preposition, a verb-like word or punctuation.


class MetricFinder:
    def __init__(self) -> None:
        rules = metric_rules()
        self.metrics = rules.metrics
        self.clause_end = re.compile("|".join(f"(?:{b})" for b in rules.clause_breaks))
        # the noun phrase right after an amount: up to five words, ending at a preposition or verb
        self.following_np = re.compile(
            rf"[ \t*_\"”’)]*((?:(?!{phrase_pattern(rules.noun_phrase_ends)})[\w&'’-]+[ \t]+){{0,4}}[\w&'’-]*)", re.I)
        self.cues = [(rank, m, phrases(c.terms), phrases(c.with_) if c.with_ else None)
                     for rank, m in enumerate(self.metrics) for c in m.cues]

    def __call__(self, doc: Doc) -> Doc:
        view = layout_of(doc)
        text = view.text
        money = doc._.money or []
        last: tuple[tuple[int, int] | None, int, Metric | None] = (None, -1, None)  # paragraph, sentence end, metric
        for rec in money:
            s_start, s_end = view.sentence(rec["start"])
            c_start, c_end = layout.clause(text, s_start, s_end, rec["start"], rec["end"], self.clause_end)
            heading = view.bullet_heading(rec["start"])
            context = text[c_start:c_end] + (" " + text[heading[0]:heading[1]] if heading else "")
            metric = (self._in_following_np(text, rec, context)
                      or self._nearest(text, rec, c_start, c_end, context)
                      or self._nearest(text, rec, s_start, s_end, text[s_start:s_end]))
            para = view.paragraph(rec["start"])
            if metric is not None and metric.generic:
                previous = view.previous_sentence(rec["start"])
                before = text[max(para[0] if para else s_start, previous[0] if previous else s_start):rec["start"]]
                metric = self._specific_in(before) or metric
            if metric is None and last[0] == para and last[1] >= s_start - 3:
                metric = last[2]  # a figure that continues the one before it
            if rec["equivalent_of"] is not None:
                metric = next((m for m in self.metrics if m.label == money[rec["equivalent_of"]]["metric"]), metric)
            rec["metric"] = metric.label if metric else None
            last = (para, s_end, metric)
        return doc

    def _in_following_np(self, text: str, rec: dict, context: str) -> Metric | None:
        np = self.following_np.match(text, rec["end"])
        if not np or not np.group(1).strip():
            return None
        hits = [(m.end(), -rank, metric) for rank, metric, terms, with_ in self.cues
                if (with_ is None or with_.search(context)) for m in terms.finditer(np.group(1))]
        return max(hits, key=lambda h: (h[0], h[1]))[2] if hits else None

    def _nearest(self, text: str, rec: dict, start: int, end: int, context: str) -> Metric | None:
        best: tuple[int, int, Metric] | None = None
        for rank, metric, terms, with_ in self.cues:
            if with_ is not None and not with_.search(context):
                continue
            for m in terms.finditer(text, start, end):
                distance = max(0, m.start() - rec["end"], rec["start"] - m.end())
                if best is None or (distance, rank) < best[:2]:
                    best = (distance, rank, metric)
        return best[2] if best else None

    def _specific_in(self, text: str) -> Metric | None:
        """The specific metric named last (nearest the figure) in ``text``."""
        hits = [(m.end(), -rank, metric) for rank, metric, terms, with_ in self.cues
                if not metric.generic and metric.kind == "level" and (with_ is None or with_.search(text))
                for m in terms.finditer(text)]
        return max(hits, key=lambda h: (h[0], h[1]))[2] if hits else None


@Language.factory("claims_metrics")
def make_metrics(nlp: Language, name: str) -> MetricFinder:
    return MetricFinder()
