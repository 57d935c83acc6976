"""Period phrases of a text: the patterns of ``rules/periods.json`` with their placeholders
expanded, matched in one pass, and what stands right before each phrase (its cue, a
comparison cue, an event verb) and right after it (the metric it modifies)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable

from ... import textmatch
from ...layout import clause_breaks
from ...ruleset import PeriodPattern, PeriodRules, RuleError
from .starts import BRANCH, dispatched, first_set

WORD = re.compile(r"[\w'’.-]+(?<=\w)")  # a run of word characters, apostrophes, dots, hyphens, to its last \w
PLACEHOLDER = re.compile(r"\{([A-Z]+)\}")
NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")
SPACES = re.compile(r"\s+")
POSSESSIVE = re.compile(r"['’]s$")


@dataclass(eq=False)
class Phrase:
    """A period expression found in the text."""

    start: int
    end: int
    text: str
    kind: str
    fields: dict[str, str]
    rule: str = ""
    cue: str = ""
    comparison: bool = False
    event: bool = False
    dated_event: bool = False
    attributive: bool = False
    other_figure: bool = False
    metric: str | None = None
    opened: bool = False  # its own first word binds it ('between 2025 and 2027')

    @property
    def clean(self) -> str:
        return POSSESSIVE.sub("", SPACES.sub(" ", self.text))

    @property
    def year(self) -> int | None:
        value = self.fields.get("year") or self.fields.get("year2")
        return int(value) if value else None


def expand(pattern: str, rules: PeriodRules) -> str:
    """Replace {NAME} placeholders (fragments may hold placeholders themselves)."""
    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in rules.fragments:
            return expand(rules.fragments[name], rules)
        flags = "?-i:" if name in rules.case_sensitive_words else "?:"
        return f"({flags}{textmatch.fragment_alternation(rules.words[name])})"
    return PLACEHOLDER.sub(one, pattern)


def _expanded(index: int, pattern: PeriodPattern, rules: PeriodRules, where: str) -> str:
    """The pattern with its placeholders expanded, checked to name known placeholders and
    to compile; otherwise a RuleError naming the file (``where``) and the key."""
    def invalid(why: str) -> RuleError:
        return RuleError(f"rule file {where} is invalid: key patterns.{index}.pattern: {why}")
    try:
        regex = expand(pattern.pattern, rules)
        re.compile(regex)
    except KeyError as exc:
        raise invalid(f"unknown placeholder {{{exc.args[0]}}}") from exc
    except re.error as exc:
        raise invalid(f"invalid regular expression once expanded: {exc}") from exc
    return regex


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased (an ASCII text is lower-cased whole: the same words)."""
    return WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in WORD.findall(text)]


class PhraseFinder:
    """Every period phrase of a text, with what stands around it."""

    def __init__(self, rules: PeriodRules, where: str = "periods.json", folder: str | None = None) -> None:
        self.rules = rules
        self.clause_end = clause_breaks("cue_window", folder).regex
        before, after = rules.bounds.before, rules.bounds.after
        expanded = [_expanded(i, p, rules, where) for i, p in enumerate(rules.patterns)]
        self.patterns = [(p, re.compile(f"{before}(?:{x}){after}", re.I))
                         for p, x in zip(rules.patterns, expanded)]
        # every offset where some pattern matches, found in one pass (a scan per pattern costs more)
        bare = [NAMED_GROUP.sub("(?:", x) for x in expanded]
        self.starts = re.compile(before + dispatched(bare, after, re.I), re.I)
        self.first_sets = [re.compile(f) if (f := first_set(x, re.I)) else None for x in bare]
        self.branches = {BRANCH.format(i): i for i in range(len(bare))}
        self.fitting: dict[tuple[str, str], tuple[int, ...]] = {}  # see _fitting
        self.comparison_period = re.compile(
            rf"\b(?:{textmatch.alternation(rules.cues.comparison_period)})\s+(?:(?:the|in|of)\s+)*$", re.I)
        self.other_figure = re.compile(rules.other_figure_before, re.I)
        self.event_verb = textmatch.phrases(rules.event_verbs)
        self.timeless_verb = textmatch.phrases(rules.timeless_verbs)
        self.noun_after = re.compile(r"[ -]+[a-z]")
        self.modifier = re.compile(
            rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,{rules.limits.modifier_gap_words}}}?"
            rf"({textmatch.alternation(rules.metric_nouns)})\b", re.I)

    def _matches(self, text: str) -> list[tuple[int, int, int, PeriodPattern, re.Match[str]]]:
        """What ``finditer`` of each pattern finds, trying each only where some pattern
        matches, none listed before it matched and its first characters hold the character there."""
        found = []
        resume = [0] * len(self.patterns)
        for hit in self.starts.finditer(text):
            start = hit.start()
            for order in self._fitting(text[start:start + 1], hit.lastgroup):  # type: ignore[arg-type]
                rule, regex = self.patterns[order]
                if start >= resume[order] and (m := regex.match(text, start)):
                    found.append((m.start(), -m.end(), order, rule, m))
                    resume[order] = m.end()
        return found

    def _fitting(self, char: str, branch: str) -> tuple[int, ...]:
        """The patterns that may match at a character where ``branch`` of the start regex
        matched: that branch's and the later ones that may start with ``char`` (at the end
        of the text: '', none but those whose first characters are not known)."""
        key = (char, branch)
        if key not in self.fitting:
            if len(self.fitting) > 10_000:
                self.fitting.clear()
            first = self.branches[branch]
            self.fitting[key] = tuple(i for i, f in enumerate(self.first_sets[first:], first)
                                      if f is None or (char != "" and f.match(char) is not None))
        return self.fitting[key]

    def find(self, text: str, money: list[dict]) -> list[Phrase]:
        """Every period phrase, longest first where they overlap, none inside an amount."""
        taken = Intervals((r["start"], r["end"]) for r in money)
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
        limits = self.rules.limits
        raw = words(self.clause_end.split(text[max(0, match.start() - limits.cue_window_chars):match.start()])[-1])
        before = list(raw)  # "in its current financial year to March": the cue is "in"
        while before and (before[-1] in self.rules.determiners or before[-1] in self.rules.cue_modifiers):
            before.pop()
        fields = {k: v for k, v in match.groupdict().items() if v}
        phrase = Phrase(match.start(), match.end(), match.group(), rule.kind, fields, rule=rule.id,
                        cue=before[-1] if before else "",
                        opened=words(match.group())[:1] in ([w] for w in self.rules.cues.span_openers))
        if rule.needs_cue and "year" not in fields and phrase.cue not in self.rules.cues.bind:
            return None
        preceding = self.clause_end.split(text[max(0, match.start() - limits.comparison_cue_chars):match.start()])[-1]
        cue = self.comparison_period.search(preceding)
        phrase.comparison = cue is not None and not self._argument(preceding[:cue.start()])
        phrase.other_figure = bool(self.other_figure.search(preceding))
        near = before[-limits.event_cue_words:]
        verb = " ".join(near[:-1])
        phrase.event = any(w in self.rules.cues.event_prefix for w in near) or bool(self.timeless_verb.fullmatch(verb))
        phrase.dated_event = not phrase.event and bool(self.event_verb.fullmatch(verb))
        modifier = self.modifier.match(text, match.end()) if rule.kind not in self.rules.no_metric_kinds else None
        phrase.metric = modifier.group(1).lower() if modifier else None
        phrase.attributive = (rule.kind in self.rules.attributive_kinds and phrase.metric is None
                              and raw[-1:] != [] and raw[-1] in self.rules.determiners
                              and self.noun_after.match(text, match.end()) is not None)
        return phrase

    def _argument(self, text: str) -> bool:
        """Does ``text`` end with a verb whose argument the cue after it introduces ('based')?"""
        last = words(text)[-1:]
        return bool(last) and last[0] in self.rules.cues.argument_verbs


class Intervals:
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
