"""Role frames (rules/frames.json): the transaction a figure belongs to ("bought", "the sale
of", "a $10bn bid for", "was fined") and which of its parties is the subject and which the
counterparty.

Triggers are found once per document; for a figure, the triggers of its sentence are tried
nearest first (its own clause first, a noun right after the figure as near as one before
it), and the first that fills a role decides. Arguments are found by position and voice
(see the ``about`` of rules/frames.json): the name before the trigger in subject position,
the name right after it, the possessor of a noun, and the names after prepositions. Every
lookup is bounded (words, characters), so the cost per figure does not grow with the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ...layout import Breaks, island, relative_openers
from ...ruleset.frames import Frame, FrameRules, Roles
from ...textmatch import alternation, first_letters, union
from ..extensions import EntityMention

RELATIVE = re.compile(r"^\s*(?:[,–—-]\s*)?(?:which|who|that)\b", re.I)
PERCENT_OF = re.compile(r"[\d.]+\s*(?:%|per\s*cent)\s+of\b", re.I)
WORD = re.compile(r"\S+")
WORD_AT = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # a word, hyphens inside
PART = re.compile(r"[^\W\d_]+")  # a word without hyphens
APPOSED = re.compile(r",\s+(?:the\s+)?")
GAP_COORDINATOR = re.compile(r"(?:,|\band)\s+(?:[A-Za-z][\w-]*\s+){0,3}$")  # search(name start - n, name start): "and its German rival Y"
LED_BY = re.compile(r"(?:\s+of(?:\s+[\w'’-]+){1,5}?)?,?\s+led\s+by\s+(?:the\s+)?")  # fullmatch(description end, name start)
APPOSITION_OPENS = re.compile(r"\s*,\s+(?:a|an|the|its)\s")  # match(name end): "Harwick, the maker of ..."
APPOSITION = re.compile(r"^\s*,\s+(?:a|an|the|its)\s+[^,;()]{1,80}?,")  # "Acme, a start-up that makes kits, has raised"
APPOSITION_AT = re.compile(  # used with match(name end): an apposition or a relative clause closed by a comma
    r"\s*,\s+(?:a|an|the|its|which|who)\s+[^,;()]{1,80}?,")
GROUP_LED_BY = re.compile(r"(?:[a-z][\w-]*\s+){1,3}?led\s+by\s+(?:the\s+)?")  # used with match(after preposition)
RELATIVE_AFTER = re.compile(r"\s+(?:that|which)\s+")  # used with match(pos)
RELATIVE_DETERMINER = re.compile(  # fullmatch(relative pronoun end, name start): 'the', "Britain's"
    r"(?:[Tt]he\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+)?")
POSSESSIVE_GAP = re.compile(r"['’]s\s+")  # fullmatch(place end, name start): "Britain's Financial Conduct Authority"
RELATIVE_VERB = re.compile(r"\s+(?:(?:had|has|have|would|will|could)\s+)?(?:\w+ly\s+)?(?P<verb>\w+)")  # match(pos)
RELATIVE_WORDS = {"which", "who", "that"}
ARTICLES = {"a", "an", "the"}
RELATIVE_SUBJECT = re.compile(  # "..., to Fenwick, which had sued": fullmatch(name end, verb start)
    r"\s*,\s+(?:which|who)\s+(?:(?:has|have|had|would|will|could|also|then|now|later|earlier|first)\s+|\w+ly\s+){0,3}", re.I)
BRACKETS = re.compile(r"\([^)]*\)")
PURPOSE_BEFORE = re.compile(r"\bto\s+$")  # search(trigger - 4, trigger): "paid Y $45m to settle"
INFINITIVE_SUBJECT = re.compile(r"\s+to\s+")  # 'for Acme to sell'
MODIFIER = re.compile(r"(?:['’]s?)?\s+(?:[a-z-]+\s+){0,2}")  # "Acme's US unit Beta": used with fullmatch(end, start)
QUANTIFIED = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:worth\s+)?of\s+(?:[a-z-]+\s+)?")  # "$3bn ($2bn) of (asset) sales"
GOVERNED = re.compile(  # "buy the government's 20% stake": used with fullmatch(verb end, noun start)
    r"\s+(?:(?:a|an|the|its|their|his|her|another|further)\s+)?(?:(?:[A-Z][\w&.-]*\s+){0,2}[\w&.-]+['’]s?\s+)?"
    r"(?:[\d.]+\s*(?:%|per\s*cent)\s+|[a-z-]+\s+){0,2}")
BRACKETED = re.compile(r"\([^)]*\)?")
CLAUSE_GAP = re.compile(  # fullmatch(name end, trigger start): "(after Acme) has agreed to (pay)"
    r"\s+(?:(?:has|have|had|was|were|is|will|would|could|also|then|finally|later|eventually)\s+){0,2}(?:[a-z]+ed\s+to\s+)?")
ING_AFTER = re.compile(r"\s+[a-z]+ing\b")  # match(name end): 'with Beta contributing'
PLACES = {"GPE", "LOC", "NORP"}
PUBLIC = PLACES | {"GOV"}  # a public body or a place: it claims a tax, it does not pay it
ACCORDING = re.compile(r"\baccording\s+$", re.IGNORECASE)  # search(before 'to')
OBJECT_RELATIVE = re.compile(  # "the $900m (that) Orvane had sought", "the $41.50 in cash that X has agreed to pay"
    r"\s+(?:in\s+(?:cash|shares|stock)\s+)?(?:that\s+|which\s+)?(?:(?:[A-Z][\w&.'’-]*\s+){1,4}|(?:it|they|he|she)\s+)"
    r"(?:(?:had|has|have|would|will|could)\s+)?(?:\w+ly\s+)?(?:[a-z]+ed\s+to\s+)?")  # '... has agreed to (pay)'
PARTICIPLE = re.compile(r"[a-z]+(?:ed|en|ing|ly)")  # fullmatch: a participle or an adverb
WORD_PUNCT = ",.()\"'“”"  # stripped from the ends of a word before it is compared
PUNCT = re.escape(WORD_PUNCT)
PUNCT_CHARS = WORD_PUNCT + ";:"  # ... and from a word between a noun and its preposition
DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "this", "that", "'s", "’s"}


@dataclass
class Match:
    """What a frame decided for one figure: the parties and the trigger behind them."""

    frame: str
    subject: EntityMention | None
    counterparty: EntityMention | None
    trigger: tuple[int, int]
    counterparty_frame: str | None = None  # when another frame of the same transaction named it
    implicit: str | None = None  # who receives the figure when no one is named ("government" for taxes)
    implicit_subject: tuple[str, ...] = ()  # frames whose subjects in the document name an unnamed subject
    sells: bool = False  # a frame of a thing sold (sale, purchase, bid)
    buys: bool = False  # a frame that names who buys ('X paid $9bn for Y')
    named_other: bool = False  # the counterparty is named by a preposition ('to Acme'), not as the doer
    pays_price: bool = False  # a payment that names no receiver may be the price of what its payer buys
    proceeds: bool = False  # a participle after a sale: the sale's proceeds ('sold Y, raising $800m')
    values: bool = False  # a frame that values a thing ('the deal values Y at $3bn')
    by_verb: bool = False  # the trigger is a verb ('X offered to buy')
    counted: bool = False  # the figure counts the noun ('X made $3bn of purchases')
    unnamed_holding: bool = False  # shares or a stake of no one named are bought ('X agreed to buy shares worth $150m')

    @property
    def acting(self) -> bool:
        """The agent acts (a verb, or a noun the figure counts), not a noun offered to it ('X accepted a bid')."""
        return self.by_verb or self.counted


@dataclass
class Trade:
    """What the frames of a whole document say was sold, and by and to whom."""

    asset: EntityMention | None  # the thing sold most often
    supplier: EntityMention | None  # the seller named most often
    buyers: dict[str, EntityMention]  # canonical name of a thing sold -> who bought it
    sold: list[tuple[int, EntityMention]]  # (trigger start, thing sold), in text order
    bidders: dict[str, list[EntityMention]] = field(default_factory=dict)  # canonical name of a thing -> who bid for it

    def asset_bidders(self) -> list[EntityMention]:
        """Who bid for the document's asset, in text order."""
        return self.bidders.get(self.asset["canonical"], []) if self.asset else []

    def sold_between(self, start: int, end: int) -> tuple[int, EntityMention] | None:
        """The first (trigger start, thing sold) whose trigger starts in [start, end)."""
        k = bisect_left(self.sold, start, key=lambda s: s[0])
        return self.sold[k] if k < len(self.sold) and self.sold[k][0] < end else None

    def sold_before(self, pos: int, reach: int, other_than: str) -> EntityMention | None:
        """The thing last sold or bought before ``pos`` (within ``reach`` characters) that is
        not ``other_than``: what "the remaining shares" of a later purchase are of."""
        for start, thing in reversed(self.sold[:bisect_left(self.sold, pos, key=lambda s: s[0])]):
            if start < pos - reach:
                return None
            if thing["canonical"] != other_than:
                return thing
        return None


class Context:
    """What a frame may need of the whole document: who sold a name (its owner), and its
    trade, found when a frame first asks."""

    def __init__(self, seller: Callable[[EntityMention], EntityMention | None], trade: Callable[[], Trade],
                 figure_starts: list[int] | None = None, main: EntityMention | None = None,
                 figure_ends: list[int] | None = None) -> None:
        self.seller = seller
        self._trade = trade
        self.figure_starts = figure_starts or []  # where the document's figures start, in order
        self.figure_ends = figure_ends or []  # ... and where each ends
        self.main = main  # the entity the document is about

    def last_figure_end(self, start: int, end: int) -> int | None:
        """Where the last figure that lies inside [start, end) ends, if one does."""
        k = bisect_left(self.figure_starts, end) - 1
        return self.figure_ends[k] if k >= 0 and self.figure_starts[k] >= start and self.figure_ends[k] <= end else None

    def has_figure(self, start: int, end: int) -> bool:
        """Does a figure start in [start, end)?"""
        k = bisect_left(self.figure_starts, start)
        return k < len(self.figure_starts) and self.figure_starts[k] < end

    def nearer_figure_after(self, t_end: int, distance: int, limit: int) -> bool:
        """Does a figure start after ``t_end``, before ``limit``, nearer to it than ``distance``?"""
        k = bisect_left(self.figure_starts, t_end)
        return k < len(self.figure_starts) and self.figure_starts[k] < min(limit, t_end + distance)

    @cached_property
    def trade(self) -> Trade:
        return self._trade()


class Arguments(dict):
    """The arguments of a trigger, the names after its prepositions looked up only when a
    role asks for them."""

    def __init__(self, lookup: Callable[[str], EntityMention | None]) -> None:
        super().__init__()
        self.lookup = lookup
        self.light = ""  # a noun's light verb, lower-cased ('won' in 'won an order')

    def __missing__(self, key: str) -> EntityMention | None:
        value = self[key] = self.lookup(key)
        return value

    def get(self, key: str, default: object = None) -> EntityMention | None:  # type: ignore[override]
        return self[key]


@dataclass
class Trigger:
    start: int
    end: int
    frames: list[tuple[Frame, str]]  # (frame, "verb" | "noun")


def _verb_first(ordered: list[Trigger], rec: dict, is_verb: Callable[[Trigger], bool]) -> list[Trigger]:
    """A noun after the figure names its kind ('$20bn in damages'); a verb of the same frame
    in the clause ('will sue Baikal ... for $20bn in damages') then gives the parties, and
    is tried first (not a word that is a noun where it stands: 'The fine follows a £95m penalty')."""
    if not ordered or ordered[0].start < rec["end"] or any(pos == "verb" for _, pos in ordered[0].frames):
        return ordered
    kinds = {frame.id for frame, _ in ordered[0].frames}
    verb = next((t for t in ordered[1:] if any(pos == "verb" and f.id in kinds for f, pos in t.frames) and is_verb(t)),
                None)
    return [verb] + [t for t in ordered if t is not verb] if verb else ordered


class FrameMatcher:
    def __init__(self, rules: FrameRules, openers: Breaks | None = None) -> None:
        self.rules = rules
        self.openers = openers or relative_openers()  # where relative clauses open: a trigger across one is not the figure's
        self.limits = rules.limits
        self.by_word: dict[str, list[tuple[Frame, str]]] = {}
        for frame in rules.frames:
            for word in frame.verbs:
                self.by_word.setdefault(word.lower(), []).append((frame, "verb"))
            for word in frame.nouns:
                self.by_word.setdefault(word.lower(), []).append((frame, "noun"))
        self.trigger = re.compile(rf"\b(?:{alternation(self.by_word)})\b", re.IGNORECASE)
        self.by_first_word: dict[str, list[str]] = {}  # first word -> the phrases it starts, longest first
        for phrase in sorted(self.by_word, key=len, reverse=True):
            self.by_first_word.setdefault(WORD_AT.match(phrase).group(0), []).append(phrase)
        parts = {part for word in self.by_first_word for part in word.split("-")}  # a word's first part starts it
        self.candidate = re.compile(  # the first-letter lookahead first: most places fail there
            rf"{first_letters(parts)}(?<![^\W\d_])(?:{alternation(parts)})(?![^\W\d_])", re.IGNORECASE)
        self.be = set(rules.be_words)
        self.noun_gap = set(rules.noun_gap_words)
        self.verb_words = {w for w, frames in self.by_word.items() if " " not in w and any(p == "verb" for _, p in frames)}
        self.noun_words = {w for w, frames in self.by_word.items() if " " not in w and all(p == "noun" for _, p in frames)}
        self.possessive = set(rules.possessive_words)
        self.prepositions = set(rules.prepositions)
        self.stops = set(rules.stop_words)
        self.after_figure_stops = set(rules.after_figure_stops)
        self.stop_word, self.stop_or_after = (  # a whole word, punctuation around it stripped
            re.compile(rf"(?<!\S)[{PUNCT}]*(?:{alternation(words)})[{PUNCT}]*(?!\S)", re.IGNORECASE)
            for words in (self.stops, self.stops | self.after_figure_stops))
        self.copulas = re.compile(rf"\b(?:{alternation(rules.copulas)})\b", re.IGNORECASE)
        self.joiners = re.compile(rf"\b(?:{alternation(rules.copulas + rules.coordinators)})\b", re.IGNORECASE)
        self.description = re.compile(  # used with match(pos)
            rf"(?:{alternation(rules.unnamed.determiners)})\s+(?P<name>(?:[a-z][\w-]*\s+){{0,3}}?"
            rf"(?:{alternation(rules.unnamed.nouns)})(?:\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?)\b")
        self.group = re.compile(  # "to former employees", "to its shareholders": used with match(pos)
            rf"(?:(?:the|its|their|his|her)\s+)?(?P<name>(?:(?!(?:{alternation(rules.prepositions)}|and|or|that|who)\s)"
            rf"[a-z][\w-]*\s+){{0,2}}?(?:{alternation(rules.unnamed.groups)}))"
            r"(?![\w-])(?!\s+(?:of|in|at)\s+[A-Z])")
        self.owned_unit = re.compile(  # "Dravik's chemicals division": used with match(name end)
            rf"['’]s?\s+(?:[a-z-]+\s+){{0,2}}?(?:{alternation(rules.unnamed.nouns)})\b")
        self.apposed_description = re.compile(  # "its former supplier, Ostrow Parts": used with match(pos)
            rf"\s*(?:{alternation(rules.unnamed.apposed_determiners)})\s+(?:[a-z][\w-]*(?:['’]s)?\s+){{0,3}}?"
            rf"(?:{alternation(rules.unnamed.nouns)}),\s+")  # ("the company's chipmaking unit, Daeyang Semicon,")
        self.party_noun = re.compile(rf"\b(?:{alternation(rules.unnamed.buyer_nouns)})$", re.IGNORECASE)  # search(trigger)
        self.copula_after = re.compile(  # "the winning bidder (at the auction) was X": used with match(trigger end)
            rf"(?:\s+(?:at|of|in|for)\s+(?:the\s+)?[\w-]+)?\s+(?:{alternation(rules.be_words)})\s+")
        self.buyer_of = re.compile(rf"the\s+(?:[a-z][\w-]*\s+)?(?:{alternation(rules.unnamed.buyer_nouns)})\s+of\s+")
        self.shared_subject = re.compile(  # used with match(pos): "Y, and offered to": Y is an object
            rf"\s*,?\s*and\s+(?:\w+ly\s+)?(?:{alternation(rules.shared_subject_verbs)})\b", re.IGNORECASE)
        self.idioms = re.compile(union(rules.idioms), re.IGNORECASE)
        self.number = re.compile(rf"\d|\b(?:{alternation(rules.number_words)})s?\b", re.IGNORECASE)
        self.counted_assets = re.compile(  # "sells 14,200 towers to": a disposal, not an order; match(verb end)
            rf"\s+(?:(?:its|their|the)\s+)?(?:\d[\d,.]*|(?:{alternation(rules.number_words)}))\s+(?:[a-z-]+\s+){{0,2}}?"
            rf"(?:{alternation(rules.asset_nouns)})\b", re.IGNORECASE) if rules.asset_nouns else None
        self.quantity_of = re.compile(  # "18 of Nordhem's stores": used with match(pos)
            rf"\s*(?:\d[\d,.]*|(?:{alternation(rules.number_words + rules.quantity_words)}))\s+of\s+", re.IGNORECASE)
        self.light = set(rules.light_verbs)
        self.recipient = set(rules.recipient_verbs)
        self.giving = re.compile(rf"\b(?:{alternation(rules.giving_verbs)})\s+$", re.IGNORECASE)  # search(pos - n, name start)
        self.holding = re.compile(  # "a 40% stake in", "the remaining shares of": used with match(pos)
            rf"\s*(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w.%'’-]+\s+){{0,3}}?(?:{alternation(rules.holding_nouns)})\s+(?:in|of)\s+",
            re.IGNORECASE)
        self.holding_words = {w.lower() for w in rules.holding_nouns}
        holdings = alternation(rules.holding_nouns)
        self.counted_holding = re.compile(  # "$50m of new (shares in) ": fullmatch(figure end, name start)
            rf"\s+of\s+(?:(?:new|newly\s+issued|additional|existing|more|its|the)\s+)*"
            rf"(?:(?P<noun>{holdings})\s+(?:in|of)\s+)?", re.IGNORECASE)
        self.holding_after = re.compile(rf"(?:['’]s?)?\s+(?:{holdings})\b", re.IGNORECASE)  # match(name end)
        share = r"(?:[\d.]+\s*(?:%|per\s*cent)\s+)?"  # a holding of no one named: no 'in'/'of' a name, no possessive
        no_owner = rf"(?:{holdings})\b(?!\s+(?:in|of)\s)(?!['’])"
        self.paid_for_holding = re.compile(  # "(£120m) for the shares", "for a 60% stake": used with match(figure end)
            rf"\s*(?:\([^)]*\)\s*)?for\s+(?:(?:a|an|the|all\s+the|the\s+remaining)\s+)?{share}{no_owner}", re.IGNORECASE)
        self.bought_of_holding = re.compile(  # "$450m of the shares", "$50m of its stock": used with match(figure end)
            rf"\s*(?:\([^)]*\)\s*)?of\s+(?:(?:the|its|their|new|newly\s+issued|additional|existing)\s+)*{no_owner}",
            re.IGNORECASE)
        self.unnamed_holding = re.compile(  # "buy shares worth", "bought a 5% stake for": used with match(trigger end)
            rf"\s+(?:(?:a|an|the|new|more|further|additional|some)\s+)?{share}(?:[a-z-]+\s+)?{no_owner}", re.IGNORECASE)
        self.sells_verbs = {word for word, frames in self.by_word.items() if any(f.sells and p == "verb" for f, p in frames)}
        self.blockers = set(rules.agent_blockers)
        self.absolute = set(rules.absolute_openers)
        self.clause_openers = set(rules.clause_openers)
        self.verb_words = self.light | {w.split()[0] for w, frames in self.by_word.items() if any(p == "verb" for _, p in frames)}
        sales = [f for f in rules.frames if f.sold_to_pay]
        participles = alternation([v for f in sales for v in f.verbs if not v.lower().endswith("ing")])
        sale_nouns = alternation([n for f in sales for n in f.nouns])
        purpose = r"to\s+(?:help\s+)?$"
        self.sold_to = re.compile(  # "Acme was sold to (help) pay": used with fullmatch(name end, trigger start)
            rf"\s*,?\s*(?:{alternation(rules.be_words)})\s+(?:\w+ly\s+)?(?:{participles})\s+(?:off\s+)?{purpose}", re.I)
        self.sale_of = re.compile(rf"\b(?:{sale_nouns})\s+(?:off\s+)?of\s+(?:[\w'’-]+\s+){{0,5}}$", re.I)
        self.purpose = re.compile(rf"\s+{purpose}", re.I)
        gap = self.limits.gap_words
        self.possessor_gap = re.compile(rf"(?:['’]s?)?\s+(?:\S+\s+){{0,{gap}}}")
        self.preposition = {p: re.compile(rf"\b{re.escape(p)}\s+", re.IGNORECASE) for p in rules.prepositions}

    def triggers(self, text: str) -> list[Trigger]:
        """Every trigger of the text, in order (one pass), but those of an idiom ('in order to')."""
        found = []
        end = 0
        for start, word in self._word_starts(text):  # a dictionary lookup per candidate word
            if start < end:
                continue
            phrase = next((p for p in self.by_first_word.get(word, ())
                           if text[start:start + len(p)].lower() == p
                           and not text[start + len(p):start + len(p) + 1].isalnum()), None)
            if phrase is None:
                continue
            end = start + len(phrase)
            if not self._in_idiom(text, start, end):
                found.append(Trigger(start, end, self.by_word[phrase]))
        return found

    def _in_idiom(self, text: str, start: int, end: int) -> bool:
        """The trigger at [start, end) is a word of an idiom ('in order to'), looked for in a
        bounded window around it."""
        reach = self.limits.idiom_reach_chars
        for m in self.idioms.finditer(text, max(0, start - reach), min(len(text), end + reach)):
            if m.start() <= start < m.end():
                return True
        return False

    def _word_starts(self, text: str) -> Iterator[tuple[int, str]]:
        """(offset, lower-case word) of every word, and of every part of a hyphenated word
        after the whole ('pay-off' is tried as 'pay-off', 'pay' and 'off'), where a word or
        part that may start a trigger stands (one regex scan finds those places)."""
        for c in self.candidate.finditer(text):
            start = c.start()
            if start > 1 and text[start - 1] == "-" and PART.match(text, start - 2):  # a part inside a word: alone
                yield start, PART.match(text, start).group(0).lower()
                continue
            m = WORD_AT.match(text, start)
            word = m.group(0).lower()
            yield start, word
            if "-" in word:
                yield start, word.split("-", 1)[0]

    def match(self, text: str, triggers: list[Trigger], starts: list[int], sentence: tuple[int, int],
              clause: tuple[int, int], rec: dict, names: list[EntityMention], ctx: Context) -> Match | None:
        """The frame of the figure ``rec`` (``starts``: the trigger starts), from the ``names``
        of its sentence (in order)."""
        s_start, s_end = sentence
        reach = self.limits.reach_chars
        lo, hi = max(s_start, rec["start"] - reach), min(s_end, rec["end"] + reach)
        near = triggers[bisect_left(starts, lo):bisect_left(starts, hi)]
        near = [t for t in near if clause[0] <= t.start < clause[1]]
        near = [t for t in near if (t.end <= rec["start"] and self._in_scope(text[t.end:rec["start"]])
                                    and not self._figure_of_its_own(text, t, rec, names, ctx))
                or (t.start >= rec["end"] and (self._in_scope(text[rec["end"]:t.start], after_figure=True)
                                               or OBJECT_RELATIVE.fullmatch(text, rec["end"], t.start) is not None))]
        own = island(text, s_start, s_end, rec["start"], self.openers)  # "Kelvar, which made $5m, was sold":
        near = [t for t in near if island(text, s_start, s_end, t.start, self.openers) == own]  # no sale of $5m
        near = [t for t in near if not self._traded_holding(text, t, near)
                and not (t.start >= rec["end"] and (ctx.nearer_figure_after(t.end, t.start - rec["end"], s_end)
                                                    or self._noun_between(text, rec["end"], t.start)))]
        # a trigger after the figure with a nearer figure after it is that one's ('raised $120m ..., valuing it at $1.1bn')
        first: Match | None = None
        def is_verb(t: Trigger) -> bool:
            return len({p for _, p in t.frames}) == 1 or self._word_class(text, t, rec) == "verb"

        for t in _verb_first(sorted(near, key=lambda t: self._distance(text, t, clause, rec)), rec, is_verb):
            for frame, pos in t.frames:
                pos = self._word_class(text, t, rec) if len({p for f, p in t.frames}) > 1 else pos
                found = self._apply(text, frame, pos, t, sentence, names, rec, ctx)
                if found is None:
                    continue
                if first is None:
                    first = found
                    if found.counterparty or found.subject is None:
                        return found
                elif found.counterparty and found.subject and found.subject["canonical"] == first.subject["canonical"]:
                    first.counterparty, first.counterparty_frame = found.counterparty, found.frame
                    return first  # one transaction told by two frames ('placed an order ..., a deal valued at')
                elif found.subject and found.counterparty and first.counterparty is None and first.subject \
                        and found.counterparty["canonical"] == first.subject["canonical"] and first.trigger[0] < rec["start"]:
                    return found  # 'X won the auction, agreeing to pay $9bn': the payer is the buyer of a thing
                    # (not 'paid $5m to X, half the $10m X had sought': a verb after its figure has it as object)
                elif found.implicit and found.counterparty is None and (
                        found.subject is None or found.subject["canonical"] == first.subject["canonical"]):
                    first.implicit, first.counterparty_frame = found.implicit, found.frame
                    return first  # 'pay off a $5bn tax bill': the payment of a tax goes to the state
                break
        return first

    def _figure_of_its_own(self, text: str, t: Trigger, rec: dict, names: list[EntityMention], ctx: Context) -> bool:
        """Does another figure stand between the trigger and the figure, with a noun of its own
        after it ('will pay 415 pence a share, a 38% premium to Brackwell's closing price of 301
        pence': the closing price is no payment; but 'paid $5m in cash and $6m in shares', and
        'fined Oberlin €412m and its rival Kestrel €88m', where a name is the later one's object)?"""
        other = ctx.last_figure_end(t.end, rec["start"])
        if other is None or not self._noun_between(text, other, rec["start"]):
            return False
        k = bisect_left(names, rec["start"], key=lambda e: e["start"]) - 1  # the last name before the figure
        return not (k >= 0 and names[k]["start"] >= other and not text[names[k]["end"]:rec["start"]].strip())

    def _traded_holding(self, text: str, t: Trigger, near: list[Trigger]) -> bool:
        """``t`` is a holding noun that a verb of a sale or purchase governs ('buy a 40% stake in Beta'):
        the verb tells the transaction, not the noun's frame ('a stake' of an investment)."""
        if text[t.start:t.end].lower() not in self.holding_words:
            return False
        return any(v.end <= t.start and text[v.start:v.end].lower() in self.sells_verbs
                   and GOVERNED.fullmatch(text, v.end, t.start) for v in near)

    def trades(self, text: str, t: Trigger, sentence: tuple[int, int], names: list[EntityMention],
               ctx: Context) -> Iterator[tuple[EntityMention | None, EntityMention | None, EntityMention | None, bool, bool]]:
        """(thing sold, buyer, seller, of the asset, proposed) that each frame of trigger ``t`` names
        ('Beta was sold to Acme', 'Acme bought Beta', 'Fendal is to supply Skyreach with jets'; 'of
        the asset': its thing is the document's asset, 'X won the auction'; 'proposed': a bid), for
        the document's trade."""
        for frame, pos in t.frames:
            roles = frame.verb if pos == "verb" else frame.noun
            if not (frame.sells or frame.buyer or frame.seller) or roles is None:
                continue
            args = self._arguments(text, pos, t, sentence, names, None, ctx)
            thing = next((args[r] for r in roles.subject if r != "asset" and args.get(r)), None) if frame.sells else None
            buyer = next((args[r] for r in frame.buyer if r != "asset" and args.get(r)), None)
            seller = next((args[r] for r in frame.seller if args.get(r)), None)
            if thing or buyer or seller:
                yield thing, buyer, seller, "asset" in roles.subject and not frame.proposes, frame.proposes

    def _in_scope(self, between: str, after_figure: bool = False) -> bool:
        """No clause boundary between a trigger and the figure ('X, which supplies Y, said its
        revenue rose to $5bn' is not a supply); after the figure, no conjunction either unless
        the trigger follows right after it."""
        between = BRACKETED.sub(" ", between)  # conversions in brackets: "($2bn; £1bn)"
        between = self.joiners.sub(" ", between)  # "X emerged as the winner", "$13m, as well as $15m"
        if ";" in between:
            return False
        stops = self.stop_word if not (after_figure and len(between.split()) > 2) else self.stop_or_after
        return stops.search(between) is None

    def _distance(self, text: str, t: Trigger, clause: tuple[int, int], rec: dict) -> tuple[bool, int]:
        """Triggers of the figure's clause first, then by distance; a trigger after the figure
        counts as near only when it follows right after it ('$10bn bid')."""
        outside = not (clause[0] <= t.start < clause[1])
        if t.end <= rec["start"]:
            return outside, rec["start"] - t.end
        between = text[rec["end"]:t.start]
        close = len(BRACKETS.sub("", between).split()) <= 2 or OBJECT_RELATIVE.fullmatch(between) is not None
        return outside, (t.start - rec["end"]) + (0 if close else self.limits.reach_chars // 2)

    def _word_class(self, text: str, t: Trigger, rec: dict) -> str:
        """A word that is a verb and a noun ('offer', 'bid', 'order') is a noun after a
        determiner (or a determiner and one word: 'a combined fine'), 'of', a noun of a frame
        ('takeover offer'), a figure or a name, a verb
        otherwise, and always before its figure ('Acme offers $3bn')."""
        before = text[max(0, t.start - 40):t.start].split()
        last = before[-1].lower() if before else ""
        if rec["start"] >= t.end and not text[t.end:rec["start"]].strip():
            return "verb"  # a figure right after it is its object ('Halvard Foods offers $3bn')
        if last in DETERMINERS or last == "of" or last in self.noun_words or last.endswith(("'s", "’s", ")")) \
                or rec["end"] <= t.start and rec["end"] >= t.start - self.limits.figure_noun_chars:
            return "noun"
        if last[:1].isdigit():
            return "noun"
        if len(before) > 1 and before[-2].lower() in DETERMINERS and last.isalpha() and last.islower() \
                and last not in self.be and last not in self.verb_words:
            return "noun"  # 'a combined fine', 'a record fine': a word between a determiner and it
        if before and before[-1][:1].isupper() and last not in self.be:  # 'the Boeing order', but 'Voare orders 40 jets'
            following = WORD.match(text, t.end + 1) if text[t.end:t.end + 1] == " " else None
            object_next = following is not None and (self.number.match(following.group(0)) is not None
                                                     or following.group(0).lower() in ARTICLES)
            return "verb" if object_next and text[t.start:t.end].lower().endswith("s") else "noun"
        return "verb"

    # ------------------------------------------------------------------ arguments
    def _apply(self, text: str, frame: Frame, pos: str, t: Trigger, sentence: tuple[int, int],
               names: list[EntityMention], rec: dict, ctx: Context) -> Match | None:
        roles = frame.verb if pos == "verb" else frame.noun
        if roles is None:
            return None
        args = self._arguments(text, pos, t, sentence, names, rec, ctx)
        if frame.proposes:
            args["asset"] = self._asset(ctx, names, args)
        if any(args.get(r) is None for r in frame.requires):
            return None
        patient, seller = args.get("patient"), next((args[r] for r in frame.seller if args.get(r)), None)
        buyer = next((args[r] for r in frame.buyer if r != "asset" and args.get(r)), None) if frame.sells else None
        if frame.sells and patient and any(p and patient["canonical"] == p["canonical"] for p in (seller, buyer)):
            args["patient"] = ctx.trade.asset  # "Baikal gave control of the company to Rosneft": not of Baikal
            # itself; "Brightwater bought the business in 2019": not Brightwater
        elif frame.values_thing and patient and self._buyer_described(patient, ctx):
            args["patient"] = ctx.trade.asset  # "the deal would value the company at £3.6bn": not the bidder
        after = self._words_after(text, t.end, sentence[1], rec)
        if frame.counted and args.get("patient") is None and self.number.search(after) and "%" not in after \
                and "per cent" not in after and not self.quantity_of.match(text, t.end, sentence[1]) \
                and not (self.counted_assets and self.counted_assets.match(text, t.end, sentence[1])):  # "18 of Beta's stores"
            roles = frame.counted
        if frame.received and args.light and (args.light in self.recipient or args.light in frame.receiving_verbs):
            # "Fendal won a $2bn order from Skyline": Skyline ordered
            roles = frame.received
        elif frame.granted and args.light in frame.granting_verbs:  # "X imposed a $5m fine on Y": Y pays X
            roles = frame.granted
        counted = pos == "noun" and t.start >= rec["end"] and bool(QUANTIFIED.fullmatch(text, rec["end"], t.start))
        found = self._roles(frame, roles, args, t, pos == "verb", counted)
        if found and frame.sells and pos == "verb" and args.get("patient") is None and found.subject is None:
            found.unnamed_holding = bool(self.unnamed_holding.match(text, t.end))  # 'buy shares worth $150m': whose?
        elif found and frame.pays_price and pos == "verb" and found.subject and found.counterparty is None \
                and self.paid_for_holding.match(text, rec["end"]):  # 'Redmarsh will pay £120m for the shares': the
            found.subject, found.counterparty, found.unnamed_holding = None, found.subject, True  # payer buys them
        elif found and frame.sells and pos == "verb" and roles is frame.counted and found.subject \
                and found.counterparty is None and rec["start"] >= t.end and self.bought_of_holding.match(text, rec["end"]):
            # 'investors agreed to buy about $450m of the shares': shares of the company in the news, from the buyer
            found.subject, found.counterparty, found.unnamed_holding = None, found.subject, True
        return found

    @staticmethod
    def _asset(ctx: Context, names: list[EntityMention], args: "Arguments") -> EntityMention | None:
        """For a bid: the document's asset, unless the sentence names another company than it and
        the agent ('a takeover battle for MCI with a bid worth $6.8bn' is about MCI, whatever else was sold)."""
        asset, agent = ctx.trade.asset, args.get("agent")
        if asset is None:
            return None
        known = {asset["canonical"], agent["canonical"] if agent else None}
        return None if any(e["label"] == "ORG" and e["canonical"] not in known for e in names) else asset

    @staticmethod
    def _buyer_described(e: EntityMention, ctx: Context) -> bool:
        """Is ``e`` a description ('the company') resolved to who buys the document's asset?"""
        asset = ctx.trade.asset
        buyer = ctx.trade.buyers.get(asset["canonical"]) if asset else None
        return buyer is not None and e["canonical"] == buyer["canonical"] and e["text"].lower() != e["canonical"].lower() \
            and e["text"][:1].lower() == e["text"][:1]  # 'the company', not a name

    def _roles(self, frame: Frame, roles: Roles, args: Arguments, t: Trigger, by_verb: bool, counted: bool) -> Match | None:
        for r in frame.no_places:
            if args.get(r) and args[r]["label"] in PLACES:
                args[r] = None  # 'invested $3bn in China': no party
        by = args.get("by") if "by" in roles.counterparty else None  # 'a loan arranged by X': X lends, it is not the agent
        subject = next((args[r] for r in frame.payer_roles if args.get(r) and args[r]["label"] not in PUBLIC), None) \
            or next((args[r] for r in roles.subject if args.get(r) and not (r == "agent" and args[r] is by)), None)
        role = next((r for r in roles.counterparty if args.get(r)
                     and (subject is None or args[r]["canonical"] != subject["canonical"])), None)
        other = args[role] if role else None
        if subject is None and other is None and frame.implicit_counterparty is None and not frame.implicit_subject:
            return None
        return Match(frame.id, subject, other, (t.start, t.end), implicit=frame.implicit_counterparty,
                     implicit_subject=tuple(frame.implicit_subject), sells=frame.sells, buys=bool(frame.buyer),
                     pays_price=frame.pays_price,
                     proceeds=frame.proceeds, values=frame.values_thing,
                     named_other=role not in (None, "agent"), by_verb=by_verb, counted=counted)

    def _words_after(self, text: str, end: int, limit: int, rec: dict | None = None) -> str:
        """The first words after a trigger, but those of a figure further on ('buy shares worth $150m'
        counts nothing)."""
        if rec is not None and end <= rec["start"] < limit and text[end:rec["start"]].strip():  # ('bought $50m of
            # Selwyn debt': right after the verb, the figure counts what was bought)
            return " ".join((text[end:rec["start"]] + " " + text[rec["end"]:limit]).split()[:self.limits.count_words])
        return " ".join(text[end:limit].split()[:self.limits.count_words])

    def _arguments(self, text: str, pos: str, t: Trigger, sentence: tuple[int, int],
                   names: list[EntityMention], rec: dict | None, ctx: Context) -> "Arguments":
        s_start, s_end = sentence
        limit = min(s_end, t.end + self.limits.reach_chars)
        # a figure after another in the trigger's reach ('pay $420m to X and $220m to Y') looks for its
        # prepositions after itself first
        own = rec["end"] if rec and rec["start"] > t.end and ctx.last_figure_end(t.end, rec["start"]) is not None else None

        def preposition(p: str) -> EntityMention | None:
            found = self._after_preposition(text, p, own, limit, names, ctx, noun=pos == "noun", rec=rec) if own else None
            return found or self._after_preposition(text, p, t.end, limit, names, ctx, noun=pos == "noun", rec=rec)

        args = Arguments(lambda p: ctx.trade.asset if p == "asset" else preposition(p) if p in self.prepositions else None)
        before = self._before(text, t.start, s_start, names)
        after = self._after(text, t.end, limit, names)
        if pos == "verb":
            words = [w.lower() for w in text[max(s_start, t.start - 30):t.start].split() if not w.endswith("ly")]
            participle = not text[t.start:t.end].lower().endswith("ing")  # "is suing" is active
            passive = participle and (bool(words) and words[-1] in self.be
                                      or text[t.end:t.end + 4].lower().strip().startswith("by"))
            before = self._payer(text, before, t.start, ctx)
            if participle and rec and t.start >= rec["end"] and not BRACKETS.sub("", text[rec["end"]:t.start]).strip():
                args["agent"], args["patient"] = args["by"], None  # "$5bn invested in Beta": the figure is what was acted on
            elif passive:
                args["agent"], args["patient"] = args["by"], before
            else:
                args["agent"], args["patient"] = before, self._gapped_object(text, t, rec, names) \
                    or self._counted_holding(text, t, rec, names) or after or self._group_object(text, t, rec, names)
        else:
            possessor = self._possessor(text, t.start, s_start, names)
            light = self._light_verb(text, before, t.start, rec)
            args.light = WORD.match(text, light).group(0).strip(",.()").lower() if light is not None else ""
            args["possessor"] = possessor
            modified = self._modified_noun(text, before, t, s_start, names, rec) if light is None else None
            if light is None:
                self._two_objects(text, before, t, s_start, names, rec, args)
            before = self._payer(text, before, light, ctx) if light is not None else None
            if args["by"] is not None:
                args["agent"], args["patient"] = args["by"], args["of"] or before
            else:  # a name right after a noun is its patient ('a bid Acme rejected' is not about Acme)
                adjacent = after if after and not text[t.end:after["start"]].strip() else None
                relative = self._relative_agent(text, t.end, names)  # "a $900m loan that Beta had secured"
                if relative is not None:  # the relative clause's verb is the noun's light verb, its prepositions the noun's
                    args.light = args.light or relative[2]
                    for prep in self.prepositions:
                        args[prep] = self._after_preposition(text, prep, relative[1], limit, names, ctx, noun=True, rec=rec)
                doer = before if light is not None and possessor is not None else None  # 'X led Beta's $40m round': X
                args["agent"], args["patient"] = (relative[0] if relative else None) or doer or possessor or before \
                    or self._named_party(text, t, limit, names), args["of"] or adjacent
            if modified and args["by"] is None and args["of"] is None:
                args["agent"], args["patient"] = modified
        return args

    def _counted_holding(self, text: str, t: Trigger, rec: dict | None, names: list[EntityMention]) -> EntityMention | None:
        """'buy $50m of new Selwyn shares', 'bought $50m of shares in Selwyn': a figure right
        after the verb counts a holding; the company whose shares they are is its object."""
        if rec is None or rec["start"] < t.end or text[t.end:rec["start"]].strip():
            return None
        k = bisect_left(names, rec["end"], key=lambda e: e["start"])
        if k >= len(names):
            return None
        e = names[k]
        m = self.counted_holding.fullmatch(text, rec["end"], e["start"])
        if m is None or not (m.group("noun") or self.holding_after.match(text, e["end"])):
            return None
        return e

    def _gapped_object(self, text: str, t: Trigger, rec: dict | None, names: list[EntityMention]) -> EntityMention | None:
        """'fined Oberlin €412m and Kestrel €88m': in a coordination after the verb, the name right
        before a later figure is that figure's object."""
        if rec is None or rec["start"] <= t.end:
            return None
        k = bisect_left(names, rec["start"] + 1, key=_end) - 1  # names do not overlap: their ends are in order
        e = names[k] if k >= 0 else None
        if e is None or e["start"] <= t.end or text[e["end"]:rec["start"]].strip():
            return None
        return e if GAP_COORDINATOR.search(text, max(t.end, e["start"] - 40), e["start"]) else None

    def _modified_noun(self, text: str, before: EntityMention | None, t: Trigger, s_start: int,
                       names: list[EntityMention], rec: dict | None) -> tuple[EntityMention, EntityMention] | None:
        """'Acme raises Beta offer to $5bn': a name right before the noun (nothing but the figure
        between) modifies it as its patient when a light verb stands before that name; the
        name before the verb is the agent."""
        if before is None or not self._only_figure(text, before["end"], t.start, rec):
            return None
        agent = self._before(text, before["start"], s_start, names)
        if agent is None or self._light_verb(text, agent, before["start"], None) is None:
            return None
        return agent, before

    @staticmethod
    def _only_figure(text: str, start: int, end: int, rec: dict | None) -> bool:
        """Nothing but spaces and the figure ``rec`` stands in ``text[start:end]``."""
        if rec is not None and start <= rec["start"] and rec["end"] <= end:
            return not (text[start:rec["start"]] + text[rec["end"]:end]).strip()
        return not text[start:end].strip()

    def _two_objects(self, text: str, before: EntityMention | None, t: Trigger, s_start: int,
                     names: list[EntityMention], rec: dict | None, args: "Arguments") -> None:
        """'Acme will give Beta a $50m loan': a name between a giving verb and the noun (only
        lower-case words and the figure between) is the noun's 'to' party, the name before the
        verb its 'from' party."""
        if before is None:
            return
        verb = self.giving.search(text, max(s_start, before["start"] - self.limits.reach_chars), before["start"])
        words = [m.group(0) for m in _words_besides(text, before["end"], t.start, rec)]
        if verb and len(words) <= self.limits.gap_words and all(w.islower() for w in words):
            args["to"], args["from"] = before, self._before(text, verb.start(), s_start, names)

    def _named_party(self, text: str, t: Trigger, limit: int, names: list[EntityMention]) -> EntityMention | None:
        """'The winning bidder at the auction was Quell': the name a party noun is said to be."""
        if not self.party_noun.search(text, t.start, t.end):
            return None
        m = self.copula_after.match(text, t.end, limit)
        return (self._after(text, m.end(), limit, names) or self._description(text, m.end(), names)) if m else None

    def _relative_agent(self, text: str, pos: int, names: list[EntityMention]) -> tuple[EntityMention, int, str] | None:
        """'a $900m loan that Beta had secured', 'a £95m penalty that Britain's Financial Conduct
        Authority imposed on ...': the subject of a relative clause right after a noun (a
        determiner or a place's possessive before it), when its verb is a light verb, is the
        noun's agent; with where its verb ends and the verb."""
        m = RELATIVE_AFTER.match(text, pos)
        if m is None:
            return None
        k = bisect_left(names, m.end(), key=lambda n: n["start"])
        e = names[k] if k < len(names) else None
        if e is None or not RELATIVE_DETERMINER.fullmatch(text, m.end(), e["start"]):
            return None
        if k + 1 < len(names) and POSSESSIVE_GAP.fullmatch(text, e["end"], names[k + 1]["start"]):
            e = names[k + 1]  # "that Britain's Financial Conduct Authority imposed": the body
        verb = RELATIVE_VERB.match(text, e["end"])
        word = verb.group("verb").lower() if verb else ""
        return (e, verb.end(), word) if verb and word in self.light else None

    def _payer(self, text: str, before: EntityMention | None, pos: int, ctx: Context) -> EntityMention | None:
        """The name before a trigger, or, when that name was sold to pay for what the trigger
        names ("Beta was sold to pay off a $5bn debt", "the sale of Beta to help pay a tax
        bill"), its seller: who pays is the one who sold."""
        if before is None:
            return None
        if self.sold_to.fullmatch(text, before["end"], pos) or (
                self.purpose.fullmatch(text, before["end"], pos)
                and self.sale_of.search(text, max(0, before["start"] - self.limits.reach_chars), before["start"])):
            return ctx.seller(before)
        return before

    def _light_verb(self, text: str, before: EntityMention | None, pos: int, rec: dict | None) -> int | None:
        """'Acme has placed a $4bn order': where a light verb stands within a few words before
        the noun (the words of the figure not counted), or None."""
        if before is None:
            return None
        words = _words_besides(text, before["end"], pos, rec)[-self.limits.gap_words:]
        light = next((m.start() for m in words if m.group(0).strip(",.()").lower() in self.light), None)
        copula = self.copulas.search(text, words[0].start(), pos) if light is None and words else None
        return copula.start() if copula else light

    def _gap_ok(self, between: str, prepositions: bool = True) -> bool:
        between = PERCENT_OF.sub("", between)  # "bought 18.8% of Acme"
        gap = self.limits.gap_words
        raw = between.split(None, gap)  # more than gap_words words: no need to read them all
        if len(raw) > gap or ";" in between:
            return False
        blocked = self.stops | self.prepositions if prepositions else self.stops
        return not any(w.strip(",.()\"'“”").lower() in blocked for w in raw)

    def _after(self, text: str, pos: int, limit: int, names: list[EntityMention]) -> EntityMention | None:
        """The first name after ``pos``, with only descriptive words between ('bought rival
        Acme'); 'its', a possessor ('Acme's unit Beta'), a name before a type noun and
        another name ('Acme unit Beta'), a holding ('a 40% stake in Acme') or a quantity ('18 of
        Nordhem's stores') lead on to the next name."""
        holding = self.holding.match(text, pos, limit)
        pos = holding.end() if holding else pos
        quantity = self.quantity_of.match(text, pos, limit)
        pos = quantity.end() if quantity else pos
        apposed = self._apposed(text, pos, limit, names)  # "sold its clothing unit, Petal,"
        pos = apposed["start"] if apposed else pos
        owner: EntityMention | None = None  # "for Dravik's chemicals division": Dravik's, when no name follows
        for e in names:
            if e["start"] < pos:
                continue
            if owner and (unit := self.owned_unit.match(text, owner["end"], limit)) and APPOSED.fullmatch(text, unit.end(), e["start"]):
                return e  # "for Dravik's chemicals unit, Petrox": the unit's name
            if e["start"] >= limit or not self._gap_ok(text[pos:e["start"]]) or "," in text[pos:e["start"]]:
                return owner
            if e["text"].lower() in self.possessive or text[e["end"]:e["end"] + 1] in ("'", "’"):
                owner = owner or (e if self.owned_unit.match(text, e["end"], limit) and e["text"][:1].isupper() else None)
                continue
            nxt = next((o for o in names if o["start"] >= e["end"]), None)
            link = text[e["end"]:nxt["start"]] if nxt else ""
            if nxt and e["text"][:4].lower() == "the " and APPOSED.fullmatch(link):
                return nxt  # "the US financial watchdog, the Securities and Exchange Commission"
            if nxt and re.fullmatch(r"\s+[a-z-]+(?:\s+[a-z-]+)?\s+", link) and self._gap_ok(link) \
                    and nxt["text"][:1].isupper() and not set(link.split()) & (self.blockers | self.be | {"and", "or", "nor", "plus"}):
                # not "with GM about Fiat", nor "in Beta was its largest"
                return nxt  # "Yukos unit Beta", "Acme subsidiary Beta"
            return e
        return owner

    def _apposed(self, text: str, pos: int, limit: int, names: list[EntityMention]) -> EntityMention | None:
        """The name in apposition to a description at ``pos`` ('its former supplier, Ostrow Parts')."""
        m = self.apposed_description.match(text, pos, limit)
        e = next((e for e in names if e["start"] >= m.end()), None) if m else None
        return e if e and e["start"] == m.end() and e["text"][:1].isupper() and e["text"].lower() not in self.possessive else None

    def _after_preposition(self, text: str, prep: str, pos: int, limit: int, names: list[EntityMention],
                           ctx: Context, noun: bool = False, rec: dict | None = None) -> EntityMention | None:
        """The name after the first ``prep`` following ``pos``, no clause word between (nor,
        between a noun and its 'by', another noun)."""
        m = self.preposition[prep].search(text, pos, limit)
        if m is not None and prep == "to" and ((w := WORD_AT.match(text, m.end())) and w.group(0) in self.verb_words
                                               or ACCORDING.search(text, max(pos, m.start() - 12), m.start())):
            return None  # 'pay £2.7bn to win over the Pell family': an infinitive; 'according to X': a source
        if m is None or not self._in_scope(text[pos:m.start()]) \
                or len(BRACKETS.sub("", text[pos:m.start()]).split()) > 2 * self.limits.gap_words:  # conversions not counted
            return None
        if any(pos <= e["start"] and e["end"] <= m.start() and APPOSITION_OPENS.match(text, e["end"]) for e in names):
            return None  # "an offer for Harwick, the maker of Pennock crisps": the 'of' is the apposition's
        if noun and prep == "by" and any(self._other_noun(w.group(0)) for w in _words_besides(text, pos, m.start(), rec)):
            return None  # "a £35m compensation scheme ordered by the regulator": the scheme was ordered
        led = GROUP_LED_BY.match(text, m.end(), limit)  # "from investors led by Brightwater": the leader
        if led and (leader := next((e for e in names if e["start"] == led.end()), None)):
            return leader
        return self._group(text, m.end(), names) or self._after(text, m.end(), limit, names) \
            or self._description(text, m.end(), names) or self._buyer_of(text, m.end(), names, ctx)

    def _noun_between(self, text: str, start: int, end: int) -> bool:
        """Does a noun of its own stand between a figure and a trigger after it, more than two
        words away ('£35m for the compensation scheme ordered by X': the scheme was ordered)?"""
        between = BRACKETS.sub("", text[start:end])
        words = between.split()
        return len(words) > 2 and not OBJECT_RELATIVE.fullmatch(between) and not QUANTIFIED.fullmatch(between) and any(self._other_noun(w) for w in words)

    def _other_noun(self, word: str) -> bool:
        """Is ``word`` (between a noun and a preposition) a lower-case word that may be a noun?"""
        w = word.strip(PUNCT_CHARS)
        return bool(w) and w.islower() and w.isalpha() and w not in self.noun_gap and not PARTICIPLE.fullmatch(w)

    def _buyer_of(self, text: str, pos: int, names: list[EntityMention], ctx: Context) -> EntityMention | None:
        """'from the buyer of Beta': who the document's frames say bought Beta."""
        m = self.buyer_of.match(text, pos)
        if m is None:
            return None
        thing = next((e for e in names if e["start"] == m.end()), None)
        buyer = ctx.trade.buyers.get(thing["canonical"]) if thing else None
        return {**buyer, "text": text[m.start():thing["end"]], "start": m.start(), "end": thing["end"]} if buyer else None

    def _group(self, text: str, pos: int, names: list[EntityMention]) -> EntityMention | None:
        """A party of many named by its noun ('to shareholders who had sued', 'to its former
        employees'): the phrase is its name. Not one of a name ('investors in Acme'), nor a
        group a name stands for (found as a name before)."""
        m = self.group.match(text, pos)
        if m is None or any(m.start() <= e["start"] < m.end() for e in names):
            return None
        name = m.group("name")
        return {"text": m.group(0), "canonical": name, "label": "GROUP", "start": m.start("name"), "end": m.end()}

    def _group_object(self, text: str, t: Trigger, rec: dict | None, names: list[EntityMention]) -> EntityMention | None:
        """'pay creditors $30m': a party of many right after the verb, the figure right after it."""
        if rec is None or rec["start"] <= t.end:
            return None
        gap = text[t.end:rec["start"]]
        found = self._group(text, rec["start"] - len(gap.lstrip()), names)
        return found if found and not text[found["end"]:rec["start"]].strip() else None

    def _description(self, text: str, pos: int, names: list[EntityMention]) -> EntityMention | None:
        """An unnamed party written as an indefinite description ('by an unknown shell company',
        'to an unnamed agent in Benin'): the description is its name, as a reader would give it,
        unless a name stands in apposition to it ('a previously unknown firm, Quell Finance')."""
        named = self._apposed(text, pos, len(text), names)
        if named:
            return named
        m = self.description.match(text, pos)
        if m is None:
            return None
        apposed = next((e for e in names if e["start"] >= m.end()), None)
        if apposed and (APPOSED.fullmatch(text, m.end(), apposed["start"]) or LED_BY.fullmatch(text, m.end(), apposed["start"])):
            return apposed  # 'a group of banks led by Tessaly Bank': the leader names it
        name = m.group("name")
        return {"text": m.group(0), "canonical": name, "label": "ORG", "start": m.start("name"), "end": m.end()}

    def _before(self, text: str, pos: int, s_start: int, names: list[EntityMention]) -> EntityMention | None:
        """The nearest name before ``pos`` in subject position: not after a preposition, not a possessor,
        not the object of an earlier verb of the same subject (nor a name that modifies it)."""
        object_start: int | None = None
        apposed = self._apposition_ends(text, pos, s_start, names)
        for e in reversed(names):
            if e["end"] > pos or e["start"] < s_start:
                continue
            if any(n_end < e["start"] < a_end for n_end, a_end in apposed):
                continue  # "Pelloris, the coatings arm of Vennhof Group, has raised", "Wisła, which is controlled
                # by Vltava Holdings, paid": the inner name only describes the outer one
            if RELATIVE_SUBJECT.fullmatch(text, e["end"], pos):
                return e  # "paid $2m to Fenwick, which had sued for $5m": Fenwick sued, whatever stands before it
            lead = [w.lower() for w in text[max(s_start, e["start"] - 30):e["start"]].split()]
            while lead and lead[-1] in DETERMINERS:
                lead.pop()
            if lead and lead[-1] in self.blockers and not (lead[-1] == "for" and INFINITIVE_SUBJECT.fullmatch(text, e["end"], pos)) \
                    and not (lead[-1] in self.absolute and (ing := ING_AFTER.match(text, e["end"])) and ing.end() > pos) \
                    and not (lead[-1] in self.clause_openers and CLAUSE_GAP.fullmatch(text, e["end"], pos)):
                continue  # but 'for Acme to sell', 'with Beta contributing $50m', 'after Acme agreed to pay': Acme acts
            if len(lead) > 1 and lead[-2] in RELATIVE_WORDS:
                continue  # "Acme, which owns Beta, has invested": Beta is the object of 'owns'
            if lead and lead[-1] in self.verb_words and (to := PURPOSE_BEFORE.search(text, max(e["end"], pos - 4), pos)) \
                    and text[e["end"]:to.start()].strip():
                continue  # "Kynor paid Brisca $45m to settle": who settles is who paid ('ordered Y to pay': Y)
            if self.shared_subject.match(text, e["end"], pos) or object_start is not None and MODIFIER.fullmatch(
                    text, e["end"], object_start):
                object_start = e["start"]
                continue  # "Acme bought rival Beta, and offered to buy": the doer of both verbs is Acme
            between = RELATIVE.sub("", APPOSITION.sub("", text[e["end"]:pos], count=1), count=1)
            if not self._in_scope(between):
                return None  # "X announced the news, adding that Y will pay": the payer is not X
            if re.match(r"['’]s?\s", text[e["end"]:e["end"] + 3]) and e["text"].lower() not in self.possessive:
                continue
            if e["text"].lower() in self.possessive:
                continue  # "its" describes the thing after it
            return e
        return None

    @staticmethod
    def _apposition_ends(text: str, pos: int, s_start: int, names: list[EntityMention]) -> list[tuple[int, int]]:
        """(name end, apposition end) of each name before ``pos`` in its sentence followed by
        an apposition or a relative clause that closes before ``pos`` ('Pelloris, the arm of
        Vennhof Group,', 'Wisła, which is controlled by Vltava,')."""
        found = []
        for e in names[bisect_left(names, s_start, key=_start):]:
            if e["start"] >= pos:
                break
            if e["end"] < pos and (m := APPOSITION_AT.match(text, e["end"], pos)):
                found.append((e["end"], m.end()))
        return found

    def _possessor(self, text: str, pos: int, s_start: int, names: list[EntityMention]) -> EntityMention | None:
        """'Acme's planned $5bn bid', 'its bid': the owner of the noun at ``pos``."""
        for e in reversed(names):
            if e["end"] > pos or e["start"] < s_start:
                continue
            own = text[e["end"]:e["end"] + 2].startswith(("'", "’")) or e["text"].lower() in self.possessive
            m = self.possessor_gap.fullmatch(text, e["end"], pos)
            return e if own and m else None
        return None


def _end(e: EntityMention) -> int:
    return e["end"]


def _start(e: EntityMention) -> int:
    return e["start"]


def _words_besides(text: str, start: int, end: int, rec: dict | None) -> list[re.Match[str]]:
    """The words of ``text[start:end]``, the figure ``rec``'s words left out."""
    return [m for m in WORD.finditer(text, start, end) if rec is None or not rec["start"] <= m.start() < rec["end"]]

