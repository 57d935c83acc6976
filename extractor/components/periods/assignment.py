"""Which period phrase each figure of a document takes, then the dates of each choice,
resolved in text order. The order of preference is in ``Assignment._choose`` and
``Assignment.run``; each choice names its rule (``period.<how>``) in ``decided_by``."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from ... import textmatch
from ...layout import BRACKETED, Layout, clause_breaks, island, relative_openers
from ...ruleset import PeriodRules
from .. import extensions
from .anchors import Stated, relative_year, written_in
from .dates import UNKNOWN, Context, DateSpan, iso, published_date, year_to
from .phrases import Phrase, words

BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
COMMA = re.compile(",")
DEMONSTRATIVE = re.compile(r"\b(?:that|this|those|these)\s+$", re.I)  # search(phrase start - 6, phrase start)
AmountKey = tuple[str | None, float | None, float | None, float | None]  # currency, value, low, high


class Marks:
    """Where a regex matches in each sentence of a text, found once per sentence when first
    asked and then looked up by range (a search per figure over its sentence would make long
    sentences quadratic; a pass over the whole text costs more than the sentences asked)."""

    def __init__(self, regex: re.Pattern[str], text: str, sentences: list[tuple[int, int]]) -> None:
        self.regex, self.text, self.sentences = regex, text, sentences
        self.sent_starts = [s for s, _ in sentences]
        self.found: dict[int, tuple[list[int], list[int]]] = {}

    def within(self, start: int, end: int) -> bool:
        """Does a match lie inside ``start``..``end`` (both in one sentence)?"""
        sent = bisect_right(self.sent_starts, start) - 1
        found = self.found.get(sent)
        if found is None:
            matches = list(self.regex.finditer(self.text, *self.sentences[max(sent, 0)]))
            found = self.found[sent] = ([m.start() for m in matches], [m.end() for m in matches])
        starts, ends = found
        i = bisect_left(starts, start)
        return i < len(starts) and ends[i] <= end


class Cues:
    """The compiled cue regexes of the rules that choosing a phrase needs, built once."""

    def __init__(self, rules: PeriodRules, folder: str | None = None) -> None:
        self.rules = rules
        self.comparison_figure = {c.lower() for c in rules.cues.comparison_figure}
        self.new_value = {c.lower() for c in rules.cues.new_value}
        self.revision = textmatch.phrases(rules.cues.revision) if rules.cues.revision else None
        self.continuation = textmatch.phrases(rules.cues.continuation)
        self.clause_break = clause_breaks("period", folder).regex
        self.event_verb = textmatch.phrases(rules.event_verbs + rules.timeless_verbs)
        self.metric = textmatch.phrases(rules.metric_nouns)
        self.subordinator = re.compile(textmatch.union(rules.subordinators), re.I)
        self.timed_subordinator = re.compile(textmatch.union(rules.timed_subordinators), re.I)
        self.as_of = textmatch.phrases(rules.as_of_words)
        self.point_in_time = textmatch.phrases(rules.point_in_time_words)
        self.coordinated = re.compile(rules.coordinated_figures)
        self.when = re.compile(rules.when_clause, re.I)
        self.openers = relative_openers(folder)
        self.future = textmatch.phrases(rules.future_markers) if rules.future_markers else None


@dataclass(eq=False)
class Figure:
    """A money record with its place in the text."""

    index: int
    start: int
    end: int
    sent: int
    line: int
    block: int
    restated_by: list[int] = field(default_factory=list)
    comparison: bool = False


@dataclass(eq=False)
class Choice:
    """The phrase a figure takes, and how it was chosen (the rule id of its decision)."""

    phrase: Phrase
    comparison: bool
    how: str


class Assignment:
    """Choose a period phrase for every figure of one doc, then resolve its dates."""

    def __init__(self, cues: Cues, view: Layout, published: str | None, money: list[dict],
                 phrases: list[Phrase]) -> None:
        self.cues, self.rules, self.text, self.money = cues, cues.rules, view.text, money
        self.published = published_date(published)
        self.sent_starts = [s for s, _ in view.sentences]
        self.sent_ends = [e for _, e in view.sentences]
        self.lines = [e for _, e in view.lines[:-1]]
        self.blocks = [m.start() for m in BLOCK_BREAK.finditer(self.text)]
        self.phrases = [p for p in phrases if not p.event and not p.dated_event]
        self.events_in: dict[int, list[Phrase]] = {}
        for p in phrases:
            if p.dated_event and not p.comparison:
                self.events_in.setdefault(self._sent_of(p.start), []).append(p)
        self.reach = list(accumulate((p.end for p in self.phrases), max))
        self.phrases_in: dict[int, list[Phrase]] = {}
        for p in self.phrases:
            self.phrases_in.setdefault(self._sent_of(p.start), []).append(p)
        self.stops = [p.start for p in phrases if p.kind in self.rules.point_kinds]
        sentences = view.sentences
        self.commas = Marks(COMMA, self.text, sentences)
        self.breaks = Marks(cues.clause_break, self.text, sentences)
        self.subordinates = Marks(cues.subordinator, self.text, sentences)
        self.timed = Marks(cues.timed_subordinator, self.text, sentences)
        self.continues = Marks(cues.continuation, self.text, sentences)
        self.priced = Marks(cues.point_in_time, self.text, sentences)
        self.results = Marks(cues.metric, self.text, sentences)
        self.reporting: Phrase | None = None
        self.first_for_metric: dict[str, Phrase] = {}
        for p in self.phrases:
            if p.metric and p.year and not p.comparison:
                self.first_for_metric.setdefault(p.metric, p)
        self.metrics_in: dict[int, set[str]] = {}
        self.by_start = sorted(money, key=lambda r: r["start"])
        self.money_starts = [r["start"] for r in self.by_start]
        self.ends = sorted([r["end"] for r in money] + [p.end for p in self.phrases])
        self.figures = [self._figure(i, r) for i, r in enumerate(money)]
        self.figures_in: dict[int, list[Figure]] = {}
        for fig in self.figures:
            self.figures_in.setdefault(fig.sent, []).append(fig)
            if (head := money[fig.index].get("equivalent_of")) is not None:
                self.figures[head].restated_by.append(fig.index)
        self.phrase_starts = [p.start for p in self.phrases]
        self.compared_before: dict[int, Phrase] = {}
        for fig in self.figures:
            fig.comparison = self._comparison_at(fig.start)
            if (base := self._compared_before(fig)) is not None:
                fig.comparison = True
                self.compared_before[fig.index] = base
        self.choices: list[Choice | None] = []
        self.comparison_phrases: set[int] = {id(p) for p in self.compared_before.values()}
        self.bound_after: set[int] = set()
        self.walks: dict[tuple[int, int], Choice | None] = {}
        self.last_in_sent: dict[int, int] = {}  # the latest figure of a sentence, and of a block, with a period
        self.last_in_block: dict[int, int] = {}
        self.starts_of: dict[int, list[int]] = {}  # the starts of each list of phrases_in and events_in
        self.body_amounts: set[AmountKey] | None = None
        self.periods_by_amount: dict[AmountKey, Choice] | None = None

    def _figure(self, index: int, rec: dict) -> Figure:
        start = rec["start"]
        return Figure(index, start, rec["end"], self._sent_of(start),
                      bisect_right(self.lines, start), bisect_right(self.blocks, start))

    def _sent_of(self, pos: int) -> int:
        return bisect_right(self.sent_starts, pos) - 1

    def _comparison_at(self, pos: int) -> bool:
        """'up from CNY 1.5 trillion', 'compared with a loss of $793m': does a comparison cue
        stand right before ``pos`` (after the figure or period before it)?"""
        limits = self.rules.limits
        i = bisect_right(self.ends, pos)
        previous = max(self.ends[i - 1] if i else 0, self.sent_starts[self._sent_of(pos)])
        window = words(self.text[max(previous, pos - limits.comparison_window_chars):pos])[-limits.comparison_window_words:]
        cues = [k for k, w in enumerate(window) if w in self.cues.comparison_figure]
        if cues and window[-1] in self.cues.new_value and cues[-1] < len(window) - 2:
            return False  # 'Revenue from operations rose 14% to Rs 52,300 crore': the new value
        return bool(cues)

    def _compared_before(self, fig: Figure) -> Phrase | None:
        """'beating 2002's gap of $300bn', 'up from last year's £40m': the comparison period
        that dates the figure right after it."""
        i = bisect_right(self.phrase_starts, fig.start) - 1
        p = self.phrases[i] if i >= 0 else None
        if p is None or p.end > fig.start or self._sent_of(p.start) != fig.sent:
            return None
        between = bisect_left(self.money_starts, p.end)
        if between < len(self.money_starts) and self.money_starts[between] < fig.start:
            return None
        if len(words(self.text[p.end:fig.start])) > self.rules.limits.comparison_modifier_words:
            return None
        if self.breaks.within(p.end, fig.start):
            return None
        return p if p.comparison or self._comparison_at(p.start) else None

    def run(self) -> None:
        for fig in self.figures:
            choice = self._choose(fig)
            self.choices.append(choice)
            if choice and not choice.comparison:
                self.last_in_sent[fig.sent] = self.last_in_block[fig.block] = fig.index
        self.reporting = self._reporting_phrase()
        compared: dict[int, Figure] = {}  # sentence -> its latest figure with a period of its own
        for fig in self.figures:
            choice = self.choices[fig.index]
            if choice is None and fig.comparison and fig.sent in compared:
                self.choices[fig.index] = self._revised(fig, compared[fig.sent])
            elif choice is not None and not fig.comparison and not choice.comparison:
                compared[fig.sent] = fig
        for last_resort in (self._repeat, self._reporting):
            for fig in self.figures:
                if self.choices[fig.index] is None and not fig.comparison:
                    self.choices[fig.index] = self._restated(fig) or last_resort(fig)
        self._resolve_all()

    def _revised(self, fig: Figure, compared: Figure) -> Choice | None:
        """A comparison figure that an earlier forecast states ('down from its previous forecast
        of 1.9 trillion yen', 'compared with 150 yen previously'): the period of the figure of its
        sentence it is compared with, ``compared`` (the nearest before it that has one)."""
        if self.cues.revision is None:
            return None
        window = self.rules.limits.comparison_window_chars
        start = max(self.money[compared.index]["end"], fig.start - window)
        if not self.cues.revision.search(self.text, start, min(self.sent_ends[fig.sent], fig.end + window // 2)):
            return None
        return Choice(self.choices[compared.index].phrase, False, "revised")  # type: ignore[union-attr]

    def _restated(self, fig: Figure) -> Choice | None:
        """The period of the amount the figure restates, if it restates one that has a period."""
        head = self.money[fig.index].get("equivalent_of")
        restated = self.choices[head] if head is not None else None
        return Choice(restated.phrase, restated.comparison, "restated") if restated else None

    # -------------------------------------------------------------- choosing
    def _choose(self, fig: Figure) -> Choice | None:
        if self.money[fig.index].get("equivalent_of") is not None:
            return self._restated(fig)
        if (base := self.compared_before.get(fig.index)) is not None:
            return Choice(base, True, "comparison")
        after = self._after(fig)
        if after is not None and after.kind in self.rules.point_kinds and not fig.comparison:
            # "a 2023 profit of 10.1 billion euros on Thursday": the day is when it was said
            after = None if self._scope(fig) is not None else after
        if after is not None:
            self.bound_after.add(id(after))
            if fig.comparison:
                self.comparison_phrases.add(id(after))
            return Choice(after, fig.comparison, "after")
        if fig.comparison:
            return None
        return (self._when(fig) or self._scope(fig) or self._inherited(fig) or self._by_metric(fig.start, fig.sent)
                or self._continued(fig) or self._dated_event(fig))

    def _after(self, fig: Figure) -> Phrase | None:
        """The first period after the figure, when its own clause binds it to the figure."""
        i = bisect_right(self.reach, fig.end)
        nxt = self.phrases[i] if i < len(self.phrases) else None
        if nxt is None or self._sent_of(nxt.start) != fig.sent or nxt.comparison:
            return None
        restated = {(self.money[j]["start"], self.money[j]["end"]) for j in fig.restated_by}
        j = bisect_left(self.money_starts, fig.end)
        start = fig.end  # where the words binding the phrase begin: after a figure coordinated with this one
        while j < len(self.by_start) and self.money_starts[j] < nxt.start:
            other = self.by_start[j]
            if (other["start"], other["end"]) in restated:
                pass
            elif start == fig.end and not restated and self.cues.coordinated.fullmatch(self.text, fig.end, other["start"]):
                start = other["end"]  # 'sales of £1.3bn and a profit of £148m in 2024': both are 2024's
            else:
                return None  # another figure stands between
            j += 1
        gap = self.text[start:max(start, nxt.start)]
        for s, e in sorted(restated, reverse=True):
            gap = gap[:s - fig.end] + gap[e - fig.end:]
        gap = BRACKETED.sub("", gap)  # what is left of '(£398m; $768m)'
        if self.cues.clause_break.search(gap) or self.cues.event_verb.search(gap):
            return None
        gap_words = words(gap)
        if len(gap_words) > self.rules.limits.max_gap_words:
            return None
        if nxt.kind in self.rules.point_kinds:
            return nxt if "," not in gap else None  # not '..., according to a filing on Monday'
        if nxt.kind in self.rules.self_binding_kinds and len(gap_words) <= self.rules.limits.self_binding_gap_words:
            return nxt
        cues = self.rules.cues
        return nxt if (gap_words and nxt.cue in cues.bind) or nxt.opened or (
            len(gap_words) == 1 and nxt.cue in cues.bind_adjacent) else None

    def _when(self, fig: Figure) -> Choice | None:
        """'since 2021, when investors poured a record $57bn': the period a when-clause hangs on
        dates the figures of that clause."""
        for p in self._before(fig, self.phrases_in):
            m = self.cues.when.match(self.text, p.end)
            if m and not self.commas.within(m.end(), fig.start) and not self.breaks.within(m.end(), fig.start):
                return Choice(p, False, "when_clause")
        return None

    def _scope(self, fig: Figure) -> Choice | None:
        """The nearest period before the figure in its sentence: a phrase that frames the
        sentence, or the period of an earlier figure of the same clause."""
        own = self._island(fig.start, fig.sent)  # "Dellow, which was bought in 2019, is worth $5bn": not 2019's
        best: tuple[int, Phrase, str] | None = next(
            ((p.start, p, "scope") for p in self._before(fig, self.phrases_in)
             if self._spreads(p) and self._open(p, fig) and self._island(p.start, fig.sent) == own), None)
        other = self.figures[i] if (i := self.last_in_sent.get(fig.sent)) is not None else None
        if other and (best is None or other.start > best[0]) and not self.breaks.within(other.end, fig.start) \
                and self._island(other.start, fig.sent) == own:
            best = (other.start, self.choices[other.index].phrase, "clause")  # type: ignore[union-attr]
        return Choice(best[1], False, best[2]) if best else None

    def _island(self, pos: int, sent: int) -> tuple[int, int] | None:
        """The relative clause of sentence ``sent`` that ``pos`` stands in."""
        return island(self.text, self.sent_starts[sent], self.sent_ends[sent], pos, self.cues.openers)

    def _before(self, fig: Figure, index: dict[int, list[Phrase]]) -> list[Phrase]:
        """The phrases of the figure's sentence that end before it, nearest first, at most
        ``limits.scope_phrases`` of them."""
        phrases = index.get(fig.sent)
        if not phrases:
            return []
        starts = self.starts_of.get(id(phrases))
        if starts is None:
            starts = self.starts_of[id(phrases)] = [p.start for p in phrases]
        last = bisect_right(starts, fig.start)
        return [p for p in reversed(phrases[max(0, last - self.rules.limits.scope_phrases):last]) if p.end <= fig.start]

    def _reporting_phrase(self) -> Phrase | None:
        """The article's reporting period: the first period with a year (or, in a dated article, of
        a kind the date gives a year) that a figure takes
        for itself or that a results noun names ('earnings for 2004', 'revenues slipped 11%
        during 2004', '2004 results'); never a comparison base."""
        own = {id(c.phrase) for c in self.choices if c and not c.comparison and c.how in ("after", "scope")}
        for p in self.phrases:
            if (not (p.year or self.published and p.kind in self.rules.dated_reporting_kinds)
                    or p.comparison or p.attributive or id(p) in self.comparison_phrases or self._horizon(p.year)
                    or p.kind in self.rules.point_kinds or p.kind in self.rules.no_reference_kinds):
                continue
            if id(p) in own or p.metric or self._named(p):
                return p
        return None

    def _ahead(self, fig: Figure, phrase: Phrase, span: DateSpan) -> bool:
        """Is the year-less ``phrase`` of the figure's sentence, resolved to ``span`` that ends before
        the article's date, put ahead by a future marker before it (rules: future_markers)?"""
        if phrase.year or self.published is None or span[1] is None or span[1] >= self.published \
                or self.cues.future is None or fig.comparison or self._sent_of(phrase.start) != fig.sent:
            return False
        return self.cues.future.search(self.text, self.sent_starts[fig.sent], phrase.start) is not None

    def _past_for_future(self, fig: Figure, span: DateSpan) -> bool:
        """Would a figure that a future marker before it puts ahead ('Acme will pay a further
        $35m') inherit a period that ended before the article's date ('last year')?"""
        return (self.published is not None and span[1] is not None and span[1] < self.published
                and self.cues.future is not None
                and self.cues.future.search(self.text, self.sent_starts[fig.sent], fig.start) is not None)

    def _horizon(self, year: int | None) -> bool:
        """Is ``year`` further ahead of the article's date than limits.horizon_years, a plan's or a
        bond's horizon ('complies with the order until 2029', 'bonds maturing in 2056'), no
        reporting period and no year for the year-less periods after it?"""
        return bool(year and self.published and year > self.published.year + self.rules.limits.horizon_years)

    def _named(self, p: Phrase) -> bool:
        """Does a results noun before the phrase, in its clause, name it ('earnings for 2004',
        'capital expenditure in AI infrastructure in 2026')?"""
        start = max(self.sent_starts[self._sent_of(p.start)], p.start - self.rules.limits.reporting_window_chars)
        named = [m.end() for m in self.cues.metric.finditer(self.text, start, p.start)]
        return bool(named) and not self.breaks.within(named[-1], p.start)

    def _reporting(self, fig: Figure) -> Choice | None:
        """A headline figure, or a figure of a results sentence after it ('The group also paid
        a dividend of £20m'), takes the article's reporting period, unless its sentence sets
        its own time; a headline figure only when a results noun names that period and the
        body does not state the same amount (without a period)."""
        if self.money[fig.index].get("equivalent_of") is not None or self.reporting is None:
            return None
        if fig.line == 0:  # a headline amount the body does not state, when a results noun names the period
            if self.body_amounts is None:
                self.body_amounts = {self._amount(f) for f in self.figures if f.line > 0}
            named = self.reporting.metric or self._named(self.reporting)
            if not named or self._amount(fig) in self.body_amounts or not self._timeless(fig):
                return None
            return Choice(self.reporting, False, "headline")
        if fig.start < self.reporting.end or not self._timeless(fig):
            return None
        named = self.results.within(self.sent_starts[fig.sent], self.sent_ends[fig.sent])
        return Choice(self.reporting, False, "reporting") if named else None

    def _timeless(self, fig: Figure) -> bool:
        """The figure's sentence sets no time of its own for it ('last week, Acme paid $5m',
        'closed at $51 on Tuesday'; not '..., according to a report on Tuesday') and quotes no
        share price."""
        start, end = self.sent_starts[fig.sent], self.sent_ends[fig.sent]
        if self.priced.within(start, end):
            return False
        first = bisect_left(self.stops, start)
        if first < len(self.stops) and self.stops[first] < fig.start:
            return False
        after = bisect_left(self.stops, fig.end)
        return after == len(self.stops) or self.stops[after] >= end or self.commas.within(fig.end, self.stops[after])

    def _dated_event(self, fig: Figure) -> Choice | None:
        """'Parmalat collapsed in December 2003 after it emerged that 4bn euros ...': the date of
        an event earlier in the figure's sentence, when nothing else gives the figure a period."""
        return next((Choice(p, False, "event") for p in self._before(fig, self.events_in) if self._open(p, fig)), None)

    def _spreads(self, p: Phrase) -> bool:
        """Can the phrase give its period to figures other than the one right before it?"""
        return not (p.comparison or p.other_figure or p.kind in self.rules.point_kinds
                    or id(p) in self.comparison_phrases)

    def _open(self, p: Phrase, fig: Figure) -> bool:
        """No subordinate clause ('because ...', 'if ...') or, for a period bound to an earlier
        figure, no clause break stands between the phrase and the figure; a clause at the
        time of the phrase's ('after ...', 'when ...') only when the figure is a stock."""
        if id(p) in self.bound_after:
            return not self.breaks.within(p.end, fig.start)
        if self.subordinates.within(p.end, fig.start):
            return False
        return not self.timed.within(p.end, fig.start) or self._as_of(fig)

    def _as_of(self, fig: Figure) -> bool:
        """Is the figure a stock measured at a date ('debts of 14bn euros', '$4bn it held')?"""
        window = self.rules.limits.as_of_window_chars
        start = max(self.sent_starts[fig.sent], fig.start - window)
        return bool(self.cues.as_of.search(self.text, start, min(self.sent_ends[fig.sent], fig.end + window)))

    def _inherited(self, fig: Figure) -> Choice | None:
        """The main period of an earlier sentence of the same paragraph, unless the figure's
        sentence sets its own time ('last week', 'on Tuesday') or quotes a share price."""
        return self._walk_back(fig.sent - 1, fig.line) if self._timeless(fig) else None

    def _walk_back(self, sent: int, line: int) -> Choice | None:
        """The main period of the nearest sentence at or before ``sent`` on ``line`` that has
        one; each walk is remembered, so a paragraph is walked once (not once per figure)."""
        path, result = [], None
        while sent >= 0 and bisect_right(self.lines, self.sent_starts[sent]) == line:
            if (sent, line) in self.walks:
                result = self.walks[(sent, line)]
                break
            path.append(sent)
            found = self._main(sent) or self._by_metric(self.sent_ends[sent], sent)
            if found:
                result = found if found.phrase.kind not in self.rules.weak_kinds \
                    and found.phrase.cue not in self.rules.cues.unspread else None
                break
            sent -= 1
        for walked in path:
            self.walks[(walked, line)] = result
        return result

    def _main(self, sent: int) -> Choice | None:
        """The first period a figure of the sentence takes, or one its metric takes ('2004 results')."""
        for other in self.figures_in.get(sent, []):
            choice = self.choices[other.index] if other.index < len(self.choices) else None
            if choice and not choice.comparison and not choice.phrase.attributive:
                return Choice(choice.phrase, False, "inherited")
        return next((Choice(p, False, "inherited") for p in self.phrases_in.get(sent, [])
                     if (p.metric or self._named(p)) and self._spreads(p)), None)

    def _by_metric(self, before: int, sent: int) -> Choice | None:
        """A metric named in the sentence that a period phrase before ``before`` gave a year
        ('2006 budget')."""
        named = self.metrics_in.get(sent)
        if named is None:
            found = self.cues.metric.finditer(self.text, self.sent_starts[sent], self.sent_ends[sent])
            named = self.metrics_in[sent] = {m.group().lower() for m in found}
        first = min((self.first_for_metric[m] for m in named if m in self.first_for_metric),
                    key=lambda p: p.start, default=None)
        return Choice(first, False, "metric") if first and first.start < before else None

    def _continued(self, fig: Figure) -> Choice | None:
        """'Portion allocated for AI processors: CNY 850 billion': the period of the previous figure of the block."""
        if not self.continues.within(self.sent_starts[fig.sent], fig.start):
            return None
        other = self.last_in_block.get(fig.block)
        choice = self.choices[other] if other is not None else None
        if choice is None or not self._spreads(choice.phrase):
            return None  # 'closed at 317p on Friday. Including £520m of debt, ...': the day was the price's
        return Choice(choice.phrase, False, "continued")

    def _repeat(self, fig: Figure) -> Choice | None:
        """A figure stated again without a period ('ByteDance's $23bn AI push' in a headline,
        'the $5.6bn commitment') takes the period of the first statement of the same amount
        that has one of its own."""
        if self.periods_by_amount is None:
            self.periods_by_amount = {}
            for other, choice in zip(self.figures, self.choices):
                if choice and not choice.comparison:
                    self.periods_by_amount.setdefault(self._amount(other), choice)
        same = self.periods_by_amount.get(self._amount(fig))
        return Choice(same.phrase, False, "headline" if fig.line == 0 else "repeat") if same else None

    def _amount(self, fig: Figure) -> AmountKey:
        rec = self.money[fig.index]
        return rec["currency"], rec["value"], rec["low"], rec["high"]

    # -------------------------------------------------------------- resolving
    def _resolve_all(self) -> None:
        reporting = Context(self.published, None, None).resolve(self.reporting, self.rules) if self.reporting else None
        ref_year = self.reporting.year if self.reporting else (self._reference_year() or self._compared_year())
        fiscal_end = self._fiscal_end(Context(self.published, ref_year, None, reporting))
        spans = self._spans(Context(self.published, ref_year, None, reporting, fiscal_end=fiscal_end))
        if self.published is None and (now := written_in(self._stated(spans), self.rules.limits.anchor_sentences)) is not None:
            spans = self._spans(Context(None, ref_year, None, reporting, now, fiscal_end))
        for fig, span in zip(self.figures, spans):
            if (choice := self.choices[fig.index]) is None:
                continue
            rec, phrase = self.money[fig.index], choice.phrase
            rec["period"] = {"text": phrase.clean, "start": iso(span[0]), "end": iso(span[1])}
            rec.setdefault("decided_by", {})["period"] = extensions.decision(
                f"period.{choice.how}", {"text": phrase.text, "start": phrase.start, "end": phrase.end})

    def _spans(self, ctx: Context) -> list[DateSpan]:
        """The dates of every figure's period, resolved in text order: the resolved period
        of the nearest earlier figure that is not a comparison is the context of year-less
        periods and what 'a year earlier' compares with."""
        spans: list[DateSpan] = []
        for fig in self.figures:
            choice = self.choices[fig.index]
            head = self.money[fig.index].get("equivalent_of")
            if choice is None:
                span: DateSpan = UNKNOWN
            elif head is not None:
                span = spans[head]
            else:
                shown = self._demonstrated(choice.phrase)  # "between 2019 and 2023. During that period, ..."
                span = ctx.resolve(shown or choice.phrase, self.rules)
                if self._ahead(fig, choice.phrase, span):  # 'a gain in the second quarter, when it is due to close'
                    span = ctx.upcoming(choice.phrase, self.rules)
                elif choice.how == "inherited" and self._past_for_future(fig, span):
                    self.choices[fig.index], choice, span = None, None, UNKNOWN
            spans.append(span)
            if choice and not choice.comparison and choice.phrase.kind not in self.rules.no_context_kinds and span[1] \
                    and not self._horizon(span[1].year):
                ctx.previous = span
        return spans

    def _fiscal_end(self, ctx: Context) -> date | None:
        """The last day of the first twelve-month year the article states to a month other than
        December ('the year to March 2026', 'the 12 months ending March 2026'; 'the financial year
        ending in March' of a dated article)."""
        for p in self.phrases:
            if year_to(p) and not p.comparison and (p.year or self.published):
                end = ctx.resolve(p, self.rules)[1]
                if end is not None and end.month != 12:
                    return end
        return None

    def _demonstrated(self, phrase: Phrase) -> Phrase | None:
        """The period a demonstrative context phrase points back to ('that period', 'this
        quarter'): the nearest earlier phrase of another kind in its sentence or the one before."""
        if phrase.kind != "context" or not DEMONSTRATIVE.search(self.text, max(0, phrase.start - 6), phrase.start):
            return None
        sent = self._sent_of(phrase.start)
        k = bisect_left(self.phrase_starts, phrase.start) - 1
        while k >= 0 and self._sent_of(self.phrases[k].start) >= sent - 1:
            if self.phrases[k].kind != "context" and not self.phrases[k].comparison:
                return self.phrases[k]
            k -= 1
        return None

    def _stated(self, spans: list[DateSpan]) -> list[Stated]:
        """Every figure but restatements, with its amount and the year of its period."""
        stated = []
        for fig, choice, span in zip(self.figures, self.choices, spans):
            rec = self.money[fig.index]
            if rec.get("equivalent_of") is not None:
                continue
            offset = relative_year(choice.phrase, self.rules) if choice else None
            start, end = span
            year = (start.year if choice and offset is None and start and end and start.year == end.year
                    and choice.phrase.kind not in self.rules.no_reference_kinds else None)
            stated.append(Stated(fig.sent, fig.comparison, (rec["currency"], rec["value"]), year, offset))
        return stated

    def _compared_year(self) -> int | None:
        """'For the full year, profit was $1.5bn, against $1.2bn in 2003': the year after the
        first comparison base with a year that compares with a year-less period of its sentence."""
        main: Figure | None = None
        for fig, choice in zip(self.figures, self.choices):
            if choice is None:
                continue
            if not choice.comparison:
                main = fig if choice.phrase.year is None and relative_year(choice.phrase, self.rules) is None else None
            elif (main is not None and main.sent == fig.sent and choice.phrase.year
                  and choice.phrase.kind not in self.rules.no_reference_kinds):
                return choice.phrase.year + 1
        return None

    def _reference_year(self) -> int | None:
        """The first year a figure of the article names (not a comparison, not a range): the
        year of the figures that come before any explicit year."""
        return next((c.phrase.year for c in self.choices
                     if c and not c.comparison and c.phrase.year and c.phrase.kind not in self.rules.no_reference_kinds), None)
