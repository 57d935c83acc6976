"""Schema of rules/periods.json: period expressions and the cues that bind one to a figure."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .base import Regex, Regexes, RuleFile, Strict, Words
from .loader import load


class PeriodPattern(Strict):
    id: str
    kind: str
    pattern: str = Field(description="a regex in which {NAME} stands for a fragment or word list of this file")
    needs_cue: bool = False


class PeriodCues(Strict):
    bind: Words
    unspread: Words = Field([], description="cues whose period dates only its own sentence's figure, never a later "
                                            "sentence's ('its lowest level since October')")
    bind_adjacent: Words = Field([], description="cues that bind a period to the figure only right after it, with no "
                                                 "other word between ('DKK 11.3bn at the end of 2025'; not 'the "
                                                 "160bn yuan planned at the end of 2025')")
    span_openers: Words = Field(description="a preposition that opens a period phrase of its own ('between 2025 and "
                                "2027', 'from 2025 to 2027') binds it to the figure right before it, as a cue would")
    comparison_period: Words
    argument_verbs: Words = Field(description="a comparison cue right after one of these verbs is their argument, "
                                              "not a comparison ('based on 2004 figures')")
    comparison_figure: Words
    new_value: Words = Field(default_factory=list, description="a word right before a figure, not right after its "
                             "comparison cue, that makes it the new value ('Revenue from operations rose 14% to Rs 52,300 "
                             "crore': no comparison base; 'compared to $5m' is one)")
    revision: Words = Field(default_factory=list, description="words that make a comparison figure an earlier "
                            "forecast of the same period ('down from its previous forecast of 1.9 trillion yen', "
                            "'compared with 150 yen previously'): it takes the period of the figure it is compared with")
    event_prefix: Words
    continuation: Words


class PatternBounds(Strict):
    """What may not stand right before or right after a period phrase."""

    before: Regex
    after: Regex


class PeriodLimits(Strict):
    max_gap_words: int = Field(description="words at most between a figure and the period after it")
    horizon_years: int = Field(ge=0, description="years after a dated article's year beyond which a period is a "
                                                 "horizon (a plan's, a bond's): no reporting period, no year for the "
                                                 "year-less periods after it")
    self_binding_gap_words: int = Field(description="words at most before a self-binding period (no cue needed)")
    comparison_window_words: int = Field(description="words before a figure searched for a comparison cue")
    comparison_window_chars: int = Field(description="characters before a figure searched for a comparison cue")
    modifier_gap_words: int = Field(description="words at most between a period and the metric noun it modifies")
    cue_window_chars: int = Field(description="characters before a phrase searched for its cue word")
    comparison_cue_chars: int = Field(description="characters before a phrase searched for a comparison cue")
    event_cue_words: int = Field(description="words before a phrase searched for an event prefix or verb")
    reporting_window_chars: int = Field(description="characters before a period searched for the results noun "
                                                    "that makes it the article's reporting period")
    as_of_window_chars: int = Field(description="characters around a figure searched for an as-of word")
    anchor_sentences: int = Field(description="sentences back a comparison looks for the figure it compares with, "
                                              "when dating an undated article")
    scope_phrases: int = Field(description="periods before a figure in its sentence tried as its scope, nearest first")
    comparison_modifier_words: int = Field(description="words at most between a comparison period and the figure "
                                                       "it dates ('beating 2002's gap of $300bn')")


class DayWords(Strict):
    """How a day phrase of a dated article is dated ('on Friday', 'yesterday', 'last week')."""

    weekdays: Words = Field(min_length=7, max_length=7, description="the weekdays, Monday first: the latest such day "
                                                                    "on or before the publication date")
    offsets: dict[str, int] = Field(description="days from the publication date ('yesterday': -1)")
    weeks: dict[str, tuple[int, int]] = Field(description="a week word and the days of it that it spans, Monday 0 "
                                                          "('weekend': 5 to 6); 'last'/'this'/'next' (relative) "
                                                          "before it say which week")


class PeriodRules(RuleFile):
    fragments: dict[str, str]
    day_words: DayWords | None = None
    decade_edges: dict[str, tuple[int, int]] = Field({}, description="years of a decade an edge word spans ('the "
                                                                      "mid-2030s': 2033 to 2036)")
    words: dict[str, Words]
    case_sensitive_words: Words = []
    numbers: dict[str, int]
    edges: dict[str, tuple[int, int]]
    relative: dict[str, int]
    patterns: list[PeriodPattern]
    past_is_context: Words
    cues: PeriodCues
    self_binding_kinds: Words
    event_verbs: Words = Field(description="a period right after one of these verbs and its cue dates an event "
                                           "('collapsed in December 2003'): a figure of the sentence takes it only "
                                           "when nothing else gives it a period")
    timeless_verbs: Words = Field(description="a period right after one of these verbs and its cue is never a "
                                              "figure's ('founded in 1998', 'said in March')")
    metric_nouns: Words
    point_kinds: Words
    determiners: Words = Field(description="a period between one of these and a noun that is not a metric "
                                           "('the 2001 election campaign') dates that noun: it gives its period "
                                           "to the figures of its own sentence only")
    attributive_kinds: Words = Field(description="the kinds of period that can date a noun so")
    cue_modifiers: Words = Field(description="words that may stand, besides determiners, between a binding cue "
                                             "and the period it binds ('in its current financial year to March')")
    weak_kinds: Words
    subordinators: Regexes = Field(description="a subordinate clause that sets its own time: a period before it "
                                               "does not date the figures in it")
    timed_subordinators: Regexes = Field(description="a clause at the time of the clause before it ('... in 2003 "
                                                     "after revealing debts of 14bn euros'): the period before it "
                                                     "dates the figures in it that are stocks (see as_of_words)")
    as_of_words: Words = Field(description="words of a stock measured at a date (debts, cash held) rather than a "
                                           "flow over a period (a tax bill, a fraud)")
    point_in_time_words: Words
    other_figure_before: Regex
    when_clause: Regex = Field(description="what opens a relative clause that a period before it dates ('since 2021, when "
                               "investors poured $57bn'): match right after the phrase")
    coordinated_figures: Regex = Field(description="what joins two figures that share the period after the "
                                       "second ('sales of £1.3bn and a profit of £148m in 2024'): fullmatch of the words between")
    unit_months: dict[str, int]
    bounds: PatternBounds
    no_metric_kinds: Words = Field(description="kinds that never modify a metric noun after them")
    no_reference_kinds: Words = Field(description="kinds whose year is not the article's reference year")
    dated_by_publication_kinds: Words = Field([], description="kinds that, with no year of their own in a dated "
                                                              "article, take the year that puts them nearest the "
                                                              "publication date ('in December' of a November 2026 "
                                                              "article is December 2026, 'since October' of a March "
                                                              "2026 one October 2025), not the year of the figures "
                                                              "around them")
    dated_reporting_kinds: Words = Field([], description="kinds that may be a dated article's reporting period with no "
                                                         "year of their own ('the six months to December' in an "
                                                         "article of February 2026): the date gives the year")
    future_markers: Words = Field([], description="words before a year-less period in its sentence that put it ahead "
                                                  "('will', 'is expected to', 'planned for'): in a dated article, such a "
                                                  "period that would have ended before the date is the next one ('a gain "
                                                  "in the second quarter, when the sale is due to close' of a March 2026 "
                                                  "article: 2026's)")
    no_context_kinds: Words = Field(description="kinds whose figures are never the context of later periods "
                                                "('a year earlier', 'the previous quarter')")
    limits: PeriodLimits


def period_rules(directory: str | Path | None = None) -> PeriodRules:
    return load("periods.json", PeriodRules, directory)
