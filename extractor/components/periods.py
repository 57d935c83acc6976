"""``claims_periods``: the period each money figure refers to ("2026", "Q4 2004", "the year
to March 2005", "this year").

Period phrases are found with the regexes of ``rules/periods.json`` (date fragments are
read by dateparser) and stored in ``doc.spans["periods"]``. Each figure then takes, in
order of preference: the period of the amount it restates; a period right after it in its
own clause ("CNY 1.6 trillion for 2026"); the nearest period before it in its sentence
(bullet labels, "its 2026 budget to ¥200 billion", "For 2004, eBay earned ..."); the main
period of an earlier sentence of the paragraph; the year given to its metric earlier in
the article ("his 2006 budget" ... "the budget"); the period of the figure it continues
("a portion of this"); for a headline figure, the period of the same figure in the body.
Dates are then resolved in text order: year-less periods take the year of the context,
"a year earlier" shifts the period it compares with, "this year" needs ``doc._.published``.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import Iterable

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc

from .. import textmatch
from ..layout import Layout
from ..ruleset import PeriodPattern, PeriodRules, period_rules
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of

DateSpan = tuple[date | None, date | None]
WORD = re.compile(r"[\w'’.-]*\w")
PLACEHOLDER = re.compile(r"\{([A-Z]+)\}")
REQUIRED_FIRST = re.compile(r"[^\W_](?![?*{])")
NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")
EDGE_BEFORE = r"(?<![\w$£€¥.,'’-])"
EDGE_AFTER = r"(?![\w%]|[-–]\w)"
CLAUSE_END = re.compile(r"[.!?;:]\s|\n")
BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
SPACES = re.compile(r"\s+")
POSSESSIVE = re.compile(r"['’]s$")
FISCAL = re.compile(r"(?:fiscal|financial)\b", re.I)


def _alternation(words: list[str]) -> str:
    """Rule words (regex fragments) as one alternation, longest first. When each word opens
    with a letter or digit it requires, a lookahead on those (either case) lets the regex
    skip, in one test, the places where no word starts."""
    body = "|".join(sorted(words, key=len, reverse=True))
    if not words or not all(REQUIRED_FIRST.match(w) and "|" not in w for w in words):
        return body
    return f"{textmatch.first_letters(words)}(?:{body})"


def _expand(pattern: str, rules: PeriodRules) -> str:
    """Replace {NAME} placeholders (fragments may hold placeholders themselves)."""
    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in rules.fragments:
            return _expand(rules.fragments[name], rules)
        flags = "?-i:" if name in rules.case_sensitive_words else "?:"
        return f"({flags}{_alternation(rules.words[name])})"
    return PLACEHOLDER.sub(one, pattern)


# ------------------------------------------------------------------ dates
@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


@lru_cache(maxsize=4096)
def _month_day(fragment: str) -> tuple[int, int | None] | None:
    """(month, day or None) of a date fragment such as '31 December' or 'March 2005'."""
    data = _date_parser().get_date_data(fragment)
    if data.date_obj is None:
        return None
    return data.date_obj.month, data.date_obj.day if data.period == "day" else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; a month end stays a month end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month + 1, last if at_end else min(day.day, last))


def _months(year: int, first: int, last: int) -> DateSpan:
    return date(year, first, 1), _month_end(year, last)


def _ending(end: date, months: int) -> DateSpan:
    return _add_months(end, -months) + timedelta(days=1), end


# ------------------------------------------------------------------ phrases and figures
@dataclass(eq=False)
class Phrase:
    """A period expression found in the text."""

    start: int
    end: int
    text: str
    kind: str
    fields: dict[str, str]
    cue: str = ""
    comparison: bool = False
    event: bool = False
    other_figure: bool = False
    metric: str | None = None

    @property
    def clean(self) -> str:
        return POSSESSIVE.sub("", SPACES.sub(" ", self.text))

    @property
    def year(self) -> int | None:
        value = self.fields.get("year") or self.fields.get("year2")
        return int(value) if value else None


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
    phrase: Phrase
    comparison: bool = False


# ------------------------------------------------------------------ finder
class PeriodFinder:
    def __init__(self, rules: PeriodRules) -> None:
        self.rules = rules
        expanded = [_expand(p.pattern, rules) for p in rules.patterns]
        self.patterns = [(p, re.compile(f"{EDGE_BEFORE}(?:{x}){EDGE_AFTER}", re.I))
                         for p, x in zip(rules.patterns, expanded)]
        # every offset where some pattern matches, found in one pass (a scan per pattern costs more)
        alternatives = "|".join(NAMED_GROUP.sub("(?:", x) for x in expanded)
        self.starts = re.compile(f"{EDGE_BEFORE}(?=(?:{alternatives}){EDGE_AFTER})", re.I)
        cues = rules.cues
        self.comparison_period = re.compile(
            rf"\b(?:{textmatch.alternation(cues.comparison_period)})\s+(?:(?:the|in|of)\s+)*$", re.I)
        self.comparison_figure = {c.lower() for c in cues.comparison_figure}
        self.continuation = textmatch.phrases(cues.continuation)
        self.clause_break = re.compile("|".join(rules.clause_breaks), re.I)
        self.event_verb = textmatch.phrases(rules.event_verbs)
        self.metric = textmatch.phrases(rules.metric_nouns)
        self.subordinator = re.compile("|".join(rules.subordinators), re.I)
        self.point_in_time = textmatch.phrases(rules.point_in_time_words)
        self.other_figure = re.compile(rules.other_figure_before, re.I)
        self.modifier = re.compile(
            rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,{rules.modifier_gap_words}}}?({_alternation(rules.metric_nouns)})\b", re.I)

    # -------------------------------------------------------------- finding phrases
    def _matches(self, text: str) -> list[tuple[int, int, int, PeriodPattern, re.Match[str]]]:
        """What ``finditer`` of each pattern finds, trying each only where some pattern matches."""
        starts = [m.start() for m in self.starts.finditer(text)]
        found = []
        for order, (rule, regex) in enumerate(self.patterns):
            resume = 0
            for start in starts:
                if start >= resume and (m := regex.match(text, start)):
                    found.append((m.start(), -m.end(), order, rule, m))
                    resume = m.end()
        return found

    def find(self, text: str, money: list[dict]) -> list[Phrase]:
        """Every period phrase, longest first where they overlap, none inside an amount."""
        taken = _Intervals((r["start"], r["end"]) for r in money)
        phrases: list[Phrase] = []
        for start, neg_end, _, rule, match in sorted(self._matches(text), key=lambda f: (f[1] + f[0], f[0], f[2])):
            end = -neg_end
            if any(start < e and not (s < start < e < end) for s, e in taken.overlapping(start, end)):
                continue  # inside or across an amount; one that swallowed 'a year' of 'a year ago' is fine
            phrase = self._phrase(text, rule, match)
            if phrase is not None:
                phrases.append(phrase)
                taken.add(start, end)
        return sorted(phrases, key=lambda p: p.start)

    def _phrase(self, text: str, rule: PeriodPattern, match: re.Match[str]) -> Phrase | None:
        before = _words(CLAUSE_END.split(text[max(0, match.start() - 60):match.start()])[-1])
        while before and before[-1] == "the":
            before.pop()
        fields = {k: v for k, v in match.groupdict().items() if v}
        phrase = Phrase(match.start(), match.end(), match.group(), rule.kind, fields, cue=before[-1] if before else "")
        if rule.needs_cue and "year" not in fields and phrase.cue not in self.rules.cues.bind:
            return None
        preceding = text[max(0, match.start() - 40):match.start()]
        phrase.comparison = bool(self.comparison_period.search(preceding))
        phrase.other_figure = bool(self.other_figure.search(preceding))
        phrase.event = (any(w in self.rules.cues.event_prefix for w in before[-2:])
                        or bool(self.event_verb.fullmatch(" ".join(before[-2:-1]))))
        modifier = self.modifier.match(text, match.end()) if rule.kind != "shift" else None
        phrase.metric = modifier.group(1).lower() if modifier else None
        return phrase

    # -------------------------------------------------------------- the component
    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        view = layout_of(doc)
        phrases = self.find(view.text, money)
        doc.spans["periods"] = [s for p in phrases
                                if (s := doc.char_span(p.start, p.end, label=p.kind, alignment_mode="expand"))]
        if money:
            _Assignment(self, view, doc._.published, money, phrases).run()
        return doc


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


class _Intervals:
    """Character ranges sorted by start, for finding those that may overlap a range."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))
        self.longest = max(self.longest, end - start)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Every range that starts before ``end`` and may end after ``start``."""
        return self.spans[bisect_left(self.starts, start - self.longest):bisect_left(self.starts, end)]


# ------------------------------------------------------------------ assignment
class _Assignment:
    """Choose a period phrase for every figure of one doc, then resolve its dates."""

    def __init__(self, finder: PeriodFinder, view: Layout, published: str | None, money: list[dict],
                 phrases: list[Phrase]) -> None:
        self.f, self.rules, self.text, self.money = finder, finder.rules, view.text, money
        self.published = _published(published)
        self.sent_starts = [s for s, _ in view.sentences]
        self.sent_ends = [e for _, e in view.sentences]
        self.lines = [e for _, e in view.lines[:-1]]
        self.blocks = [m.start() for m in BLOCK_BREAK.finditer(self.text)]
        self.phrases = [p for p in phrases if not p.event]
        self.reach = list(accumulate((p.end for p in self.phrases), max))
        self.phrases_in: dict[int, list[Phrase]] = {}
        for p in self.phrases:
            self.phrases_in.setdefault(self._sent_of(p.start), []).append(p)
        self.stops = [p.start for p in phrases if p.kind in self.rules.point_kinds]
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
        for fig in self.figures:
            fig.comparison = self._is_comparison(fig)
        self.choices: list[Choice | None] = []
        self.comparison_phrases: set[int] = set()
        self.bound_after: set[int] = set()

    def _figure(self, index: int, rec: dict) -> Figure:
        start = rec["start"]
        return Figure(index, start, rec["end"], self._sent_of(start),
                      bisect_right(self.lines, start), bisect_right(self.blocks, start))

    def _sent_of(self, pos: int) -> int:
        return bisect_right(self.sent_starts, pos) - 1

    def _is_comparison(self, fig: Figure) -> bool:
        """'up from CNY 1.5 trillion', 'compared with a loss of $793m': a comparison figure."""
        i = bisect_right(self.ends, fig.start)
        previous = self.ends[i - 1] if i else 0
        window = _words(self.text[max(previous, fig.start - 80):fig.start])[-self.rules.comparison_window_words:]
        return any(w in self.f.comparison_figure for w in window)

    def run(self) -> None:
        for fig in self.figures:
            self.choices.append(self._choose(fig))
        self._headline()
        self._resolve_all()

    # -------------------------------------------------------------- choosing
    def _choose(self, fig: Figure) -> Choice | None:
        head = self.money[fig.index].get("equivalent_of")
        if head is not None:
            return self.choices[head]
        after = self._after(fig)
        if after is not None and after.kind in self.rules.point_kinds and not fig.comparison:
            # "a 2023 profit of 10.1 billion euros on Thursday": the day is when it was said
            after = None if self._scope(fig) is not None else after
        if after is not None:
            self.bound_after.add(id(after))
            if fig.comparison:
                self.comparison_phrases.add(id(after))
            return Choice(after, fig.comparison)
        if fig.comparison:
            return None
        return self._scope(fig) or self._inherited(fig) or self._by_metric(fig, fig.sent) or self._continued(fig)

    def _after(self, fig: Figure) -> Phrase | None:
        """The first period after the figure, when its own clause binds it to the figure."""
        i = bisect_right(self.reach, fig.end)
        nxt = self.phrases[i] if i < len(self.phrases) else None
        if nxt is None or self._sent_of(nxt.start) != fig.sent or nxt.comparison:
            return None
        restated = {(self.money[j]["start"], self.money[j]["end"]) for j in fig.restated_by}
        between = self.by_start[bisect_left(self.money_starts, fig.end):bisect_left(self.money_starts, nxt.start)]
        if any((r["start"], r["end"]) not in restated for r in between):
            return None
        gap = self.text[fig.end:max(fig.end, nxt.start)]
        for s, e in sorted(restated, reverse=True):
            gap = gap[:s - fig.end] + gap[e - fig.end:]
        if self.f.clause_break.search(gap) or self.f.event_verb.search(gap):
            return None
        words = _words(gap)
        if len(words) > self.rules.max_gap_words:
            return None
        if nxt.kind in self.rules.point_kinds or (
                nxt.kind in self.rules.self_binding_kinds and len(words) <= self.rules.self_binding_gap_words):
            return nxt
        return nxt if words and nxt.cue in self.rules.cues.bind else None

    def _scope(self, fig: Figure) -> Choice | None:
        """The nearest period before the figure in its sentence: a phrase that frames the
        sentence, or the period of an earlier figure of the same clause."""
        best: tuple[int, Phrase] | None = next(
            ((p.start, p) for p in reversed(self.phrases_in.get(fig.sent, []))
             if p.start < fig.start and self._spreads(p) and self._open(p, fig)), None)
        for other in self.figures_in[fig.sent]:
            if other.index >= fig.index:
                break
            choice = self.choices[other.index]
            if (choice and not choice.comparison and (best is None or other.start > best[0])
                    and not self.f.clause_break.search(self.text, other.end, fig.start)):
                best = (other.start, choice.phrase)
        return Choice(best[1]) if best else None

    def _spreads(self, p: Phrase) -> bool:
        """Can the phrase give its period to figures other than the one right before it?"""
        return not (p.comparison or p.other_figure or p.kind in self.rules.point_kinds
                    or id(p) in self.comparison_phrases)

    def _open(self, p: Phrase, fig: Figure) -> bool:
        """No subordinate clause ('after ...', 'when ...') or, for a period bound to an earlier
        figure, no clause break stands between the phrase and the figure."""
        stop = self.f.clause_break if id(p) in self.bound_after else self.f.subordinator
        return not stop.search(self.text, p.end, fig.start)

    def _inherited(self, fig: Figure) -> Choice | None:
        """The main period of an earlier sentence of the same paragraph, unless the figure's
        sentence sets its own time ('last week', 'on Tuesday') or quotes a share price."""
        start, end = self.sent_starts[fig.sent], self.sent_ends[fig.sent]
        stop = bisect_left(self.stops, start)
        if self.f.point_in_time.search(self.text, start, end) or (stop < len(self.stops) and self.stops[stop] < end):
            return None
        sent = fig.sent - 1
        while sent >= 0 and bisect_right(self.lines, self.sent_starts[sent]) == fig.line:
            found = self._main(sent) or self._by_metric(fig, sent)
            if found:
                return found if found.phrase.kind not in self.rules.weak_kinds else None
            sent -= 1
        return None

    def _main(self, sent: int) -> Choice | None:
        """The first period a figure of the sentence takes, or one its metric takes ('2004 results')."""
        for other in self.figures_in.get(sent, []):
            choice = self.choices[other.index] if other.index < len(self.choices) else None
            if choice and not choice.comparison:
                return Choice(choice.phrase)
        return next((Choice(p) for p in self.phrases_in.get(sent, []) if p.metric and self._spreads(p)), None)

    def _by_metric(self, fig: Figure, sent: int) -> Choice | None:
        """A metric named in the sentence that an earlier period phrase gave a year ('2006 budget')."""
        named = self.metrics_in.get(sent)
        if named is None:
            found = self.f.metric.finditer(self.text, self.sent_starts[sent], self.sent_ends[sent])
            named = self.metrics_in[sent] = {m.group().lower() for m in found}
        first = min((self.first_for_metric[m] for m in named if m in self.first_for_metric),
                    key=lambda p: p.start, default=None)
        return Choice(first) if first and first.start < fig.start else None

    def _continued(self, fig: Figure) -> Choice | None:
        """'Portion allocated for AI processors: CNY 850 billion': the period of the previous figure of the block."""
        if not self.f.continuation.search(self.text, self.sent_starts[fig.sent], fig.start):
            return None
        for other in reversed(self.figures[:fig.index]):
            if other.block != fig.block:
                return None
            choice = self.choices[other.index]
            if choice and not choice.comparison:
                return Choice(choice.phrase)
        return None

    def _headline(self) -> None:
        """A headline figure takes the period of the same figure in the body."""
        body: dict[str, Choice] | None = None
        for fig in self.figures:
            if fig.line > 0:
                break
            if self.choices[fig.index] is None:
                if body is None:
                    body = {}
                    for o in self.figures:
                        if o.line > 0 and (choice := self.choices[o.index]):
                            body.setdefault(self.money[o.index]["mention"], choice)
                self.choices[fig.index] = body.get(self.money[fig.index]["mention"])

    # -------------------------------------------------------------- resolving
    def _resolve_all(self) -> None:
        ref_year = self._reference_year()
        spans: list[DateSpan] = []
        # the resolved period of the nearest earlier figure that is not a comparison: the
        # context of year-less periods and what 'a year earlier' compares with
        previous: DateSpan | None = None
        for fig in self.figures:
            choice = self.choices[fig.index]
            if choice is None:
                spans.append((None, None))
                continue
            head = self.money[fig.index].get("equivalent_of")
            if head is not None:
                span = spans[head]
            else:
                span = _Context(self.published, ref_year, previous).resolve(choice.phrase, self.rules)
            spans.append(span)
            if not choice.comparison and span[1]:
                previous = span
            self.money[fig.index]["period"] = {
                "text": choice.phrase.clean, "start": _iso(span[0]), "end": _iso(span[1])}

    def _reference_year(self) -> int | None:
        """The first year a figure of the article names (not a comparison, not a range): the
        year of the figures that come before any explicit year."""
        return next((c.phrase.year for c in self.choices
                     if c and not c.comparison and c.phrase.year and c.phrase.kind != "range"), None)


@dataclass
class _Context:
    published: date | None
    ref_year: int | None
    previous: DateSpan | None

    def year(self) -> int | None:
        if self.previous and self.previous[1]:
            return self.previous[1].year
        return self.ref_year

    def resolve(self, p: Phrase, rules: PeriodRules) -> DateSpan:
        """Start and end dates of a phrase in this context; (None, None) when unknown."""
        resolver = getattr(self, f"_{p.kind}", None)
        year = p.year or self.year()
        try:
            if resolver is None:
                return None, None
            if year is None and self.published and p.kind not in ("relative", "shift", "context"):
                span = resolver(p, rules, self.published.year)
                if span[1] and span[1] > self.published:
                    span = resolver(p, rules, self.published.year - 1)
                return span
            return resolver(p, rules, year)
        except (TypeError, ValueError, KeyError):
            return None, None

    # each resolver: (phrase, rules, year) -> (start, end)
    def _year(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        return _months(int(p.fields["year"]), 1, 12)

    def _range(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        last = p.fields.get("year2")
        return date(int(p.fields["year"]), 1, 1), date(int(last), 12, 31) if last else None

    def _quarter(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        q = p.fields.get("q") or p.fields["q2"]
        n = int(q) if q.isdigit() else rules.numbers[q.lower()]
        return _months(year, 3 * n - 2, 3 * n) if not _is_fiscal(p) else (None, None)

    def _half(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        h = p.fields["h"]
        n = int(h) if h.isdigit() else rules.numbers[h.lower()]
        return _months(year, 6 * n - 5, 6 * n) if not _is_fiscal(p) else (None, None)

    def _part(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        if "fiscal" in p.fields:
            return None, None
        n = int(p.fields["n"]) if p.fields["n"].isdigit() else rules.numbers[p.fields["n"].lower()]
        first = p.fields["part"].lower() == "first"
        return _months(year, 1, n) if first else _months(year, 13 - n, 12)

    def _to_date(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        month, day = _month_day(p.fields["date"])
        end = date(year, month, day) if day else _month_end(year, month)
        return _ending(end, _length(p, rules))

    def _from_date(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        month, day = _month_day(p.fields["date"])
        start = date(year, month, day or 1)
        return start, _add_months(start, _length(p, rules)) - timedelta(days=1)

    def _month_span(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        first, last = _month_day(p.fields["m1"])[0], _month_day(p.fields["m2"])[0]
        return date(year - (first > last), first, 1), _month_end(year, last)

    def _fiscal(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        return None, None

    def _edge(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        edge = re.sub(r"^the ", "", p.fields["edge"].lower())
        return _months(year, *rules.edges[edge])

    def _date(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        month, day = _month_day(p.fields["date"])
        return (date(year, month, day),) * 2 if day else _months(year, month, month)

    def _relative(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        rel = p.fields["rel"].lower()
        if self.published is None:
            return self._context(p, rules, year) if rel in rules.past_is_context else (None, None)
        pub, offset = self.published, rules.relative[rel]
        if "date" in p.fields:  # last March, next June
            month = _month_day(p.fields["date"])[0]
            year = pub.year - (month >= pub.month) if offset < 0 else pub.year + (offset > 0 and month <= pub.month)
            return _months(year, month, month)
        unit = p.fields.get("unit", "year").lower().rstrip("s")
        if "count" in p.fields:
            count = int(p.fields["count"]) if p.fields["count"].isdigit() else rules.numbers.get(p.fields["count"], 0)
            months = count * {"year": 12, "quarter": 3, "month": 1}[unit]
            return (_ending(pub, months) if offset < 0 else (pub, _add_months(pub, months)))
        if unit == "year":
            return _months(pub.year + offset, 1, 12)
        size = 3 if unit == "quarter" else 1
        first = date(pub.year, (pub.month - 1) // size * size + 1, 1)
        start = _add_months(first, offset * size)
        return start, _add_months(start, size) - timedelta(days=1)

    def _shift(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        if not self.previous or None in self.previous:
            return None, None
        return _add_months(self.previous[0], -12), _add_months(self.previous[1], -12)

    def _context(self, p: Phrase, rules: PeriodRules, year: int | None) -> DateSpan:
        if p.fields.get("unit", "").lower() == "quarter":
            prev = self.previous
            return prev if prev and None not in prev and (prev[1] - prev[0]).days < 100 else (None, None)
        return _months(year, 1, 12) if year else (None, None)


def _is_fiscal(p: Phrase) -> bool:
    return bool(FISCAL.match(p.text))


def _length(p: Phrase, rules: PeriodRules) -> int:
    n = p.fields.get("n")
    if not n:
        return rules.unit_months.get(p.fields.get("unit", "").lower(), 12)
    return int(n) if n.isdigit() else rules.numbers[n.lower()]


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@Language.factory("claims_periods")
def make_periods(nlp: Language, name: str) -> PeriodFinder:
    return PeriodFinder(period_rules())
