"""Schema of rules/metrics.json: metric labels, their cue words, the part-of hierarchy and
the taxonomy (used by the metrics component and by reconciliation)."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from .base import Regex, RuleFile, Strict, Words
from .loader import memo


class MetricCue(Strict):
    terms: Words
    with_: Words = Field(default_factory=list, alias="with")
    subject_labels: Words = Field([], description="the cue names the metric only of a figure whose subject has one of "
                                                  "these labels ('earned' by a PERSON is pay, not profit)")
    unit: bool = Field(False, description="the terms are a figure's own unit ('9p a share'): they name the metric "
                                          "only when no other cue of the clause or sentence does ('a dividend of 9p "
                                          "a share' is a dividend)")


class Metric(Strict):
    label: str
    cues: list[MetricCue]
    part_of: Words = []
    parents: Words = Field([], description="broader metrics this one is a kind of: capex is a kind of spending")
    synonyms: Words = Field([], description="other labels for the same quantity seen from another side: the sale "
                                            "price is the acquisition price")
    by_counterparty: bool = Field(False, description="the other party tells facts apart: two bidders' offers are "
                                                     "two facts")
    kind: Literal["level", "price", "change"] = "level"
    generic: bool = False


class MetricLimits(Strict):
    specific_lookback_chars: int = Field(gt=0, description="characters before a figure of a generic metric "
                                                           "('budgeted') in which a specific one may name it "
                                                           "(within the same or the previous sentence)")


class MetricRules(RuleFile):
    metrics: list[Metric]
    noun_phrase_ends: Words
    not_after: Words = Field(description="words after which a term modifies the figure and does not name it "
                                         "('valued at $2.4bn including debt')")
    limits: MetricLimits
    purpose: Regex = Field(description="an infinitive of purpose right after a figure ('$9bn to offset a tax bill'): "
                                       "its verb may still name the figure ('to settle'), its object is another thing; "
                                       "group 1 is the verb, matched case-sensitively")

    @model_validator(mode="after")
    def _taxonomy(self) -> MetricRules:
        """Every label named by another metric exists, and no metric is its own ancestor."""
        labels = {m.label: m for m in self.metrics}
        if len(labels) < len(self.metrics):
            raise ValueError("a metric label is listed more than once")
        for m in self.metrics:
            unknown = [x for x in (*m.part_of, *m.parents, *m.synonyms) if x not in labels]
            if unknown:
                raise ValueError(f"metric {m.label!r} names unknown metrics: {', '.join(unknown)}")
            seen, todo = set(), list(m.parents)
            while todo:
                label = todo.pop()
                if label == m.label:
                    raise ValueError(f"metric {m.label!r} is its own ancestor")
                if label not in seen:
                    seen.add(label)
                    todo.extend(labels[label].parents)
        return self


_SHORTCUT: dict = {}


def metric_rules(directory: str | Path | None = None) -> MetricRules:
    return memo("metrics.json", MetricRules, _SHORTCUT, directory)
