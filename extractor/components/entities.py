"""``claims_entities``: the names of a document, canonicalised.

Without a model: runs of capitalised tokens (joined by connectors such as "of"), minus stop
words, with Title Case headings trusted only for names the body also uses. With a model,
its named entities are added. Names are canonicalised with the aliases in
``rules/entities.json``, acronyms ("GM" for "General Motors"), longer names of the same
document ("Federated" is "Federated Department Stores") and rapidfuzz ("Worldcom").
Writes ``doc.spans["entities"]`` and ``doc._.entities`` (plain dicts).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

from rapidfuzz import fuzz, process
from spacy.attrs import ENT_IOB
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..names import abbreviates, initials, is_acronym_of, is_short_form_of, looks_like_acronym, preferred_spelling, spelling_key, words_of
from ..ruleset import common_words, currency_rules, entity_labels, entity_rules, given_names, iso_currencies
from ..ruleset.entities import EntityLimits
from ..textmatch import IGNORECASE_ASCII_LOOKALIKES  # noqa: F401 (read here by the tests)
from ..textmatch import PhraseIndex, alternation, may_hold_ascii_phrase, phrase_pattern, phrases, union
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import furniture, inside, layout_of, sentence_bounds, token_offsets

MODEL_LABELS = {"ORG", "GPE", "PERSON", "NORP", "PRODUCT", "FAC", "LOC"}
AMPERSAND_END = re.compile(r"\s*&$")
NAME_TOKEN = re.compile(r"[^\W\d_][\w&.'-]*")  # a letter first, any script ('Águas', 'Škoda')
FIGURE_SHAPE = re.compile(r".*\d[.,]\d.*|[A-Za-z]+\d+[a-z]+")  # 'Zq3.8bn', 'Kx45m': a figure in a currency not known
OPENERS = {'"', "“", "‘", "'", "("}
INF = float("inf")
NONE: list[str] = []  # what an index holds for a key it lacks (never written to)
BULLETS = {"•", "-", "*", "–", "·"}
DIGIT = re.compile(r"\d")
FIRST_WORDS = 6  # the words of a line split first: most lines of prose write one in lower case among them


class Tokens:
    """The tokens of a Doc as plain lists, read once (a spaCy Token per lookup is slow)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text
        self.start, self.end = token_offsets(doc)
        self.sent_starts = {s for s, _ in sentence_bounds(doc)}  # the tokens whose is_sent_start is True
        if len(doc) and not doc[0].is_sent_start:
            self.sent_starts.discard(0)
        self.words = [text[s:e] for s, e in zip(self.start, self.end)]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        return self.text[self.start[start]:self.end[end - 1]]

    def text_before(self, i: int, n: int) -> str:
        """The text of the n tokens before token i, with their spacing."""
        return self.text[self.start[max(0, i - n)]:self.start[i]]

    def starts_sentence(self, i: int) -> bool:
        """First word of its sentence, of a line or of a bullet, or after a colon; an opening
        quote or bracket allowed before it."""
        if i in self.sent_starts or i == 0 or self.words[i - 1].endswith(":") or "\n" in self.text[self.end[i - 1]:self.start[i]]:
            return True
        if self.words[i - 1] in BULLETS:  # at the start of a line, perhaps indented
            return i == 1 or "\n" in self.text[self.start[i - 2] if self.words[i - 2].isspace() else self.end[i - 2]:self.start[i - 1]]
        return self.words[i - 1] in OPENERS and i - 1 in self.sent_starts


class EntityFinder:
    def __init__(self, rules_folder: str | None = None) -> None:
        rules = entity_rules(rules_folder)
        labels = entity_labels(rules_folder)
        self.limits = rules.limits
        self.minor_words = frozenset(rules.title_case_minor_words)
        self.places = {name for name, label in labels.items() if label in ("GPE", "LOC")}
        self.alias = {a.lower(): canon for canon, names in rules.aliases.items() for a in [canon, *names]}
        self.alias_names = {a for canon, names in rules.aliases.items() for a in [canon, *names]}
        self.labels = labels
        self.public_bodies = set(rules.public_body_words)
        self.region_first, self.region_last = set(rules.region_words["first"]), set(rules.region_words["last"])
        self.product_code = re.compile(rules.product_code)
        self.body_words = set(rules.body_words)
        self.brand_suffixes = set(rules.brand_suffixes)
        self.given_names = set(given_names(rules_folder).names)
        self.not_person_first = set(labels) | set(rules.month_words) | set(rules.demonyms)
        self.not_person_words = (set(rules.person_name_blockers) | set(rules.corporate_suffixes) | self.brand_suffixes
                                 | self.public_bodies | self.body_words | {n.title() for n in rules.org_nouns})
        self.not_person_last = self.given_names | {w.rstrip(".") for w in self.not_person_words}
        self.describing = set(rules.leading_descriptions)  # 'Rival', 'Carmaker'
        self.for_heads = set(rules.for_heads)  # 'Bank for International Settlements', not 'Acme for Beta'
        places = sorted({name for name, label in labels.items() if label == "GPE"} | set(rules.demonyms)
                        | {a for canon, names in rules.aliases.items() if labels.get(canon) == "GPE" for a in names})
        self.market_word = re.compile(r"market(?<!\wmarket)s?\b")  # \bmarkets?\b, found by its literal
        self.market = re.compile(rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?P<name>(?:(?P<place>{alternation(places)})\s+)?"
                                 rf"(?:{alternation(rules.market_kinds)})\s+)$")  # used with search(text, pos - n, pos)
        # "sold to a US consortium": a party described, not named; found from its noun, then a bounded look back
        self.described_noun = re.compile(rf"\b(?:{alternation(rules.described_party_nouns)})\b(?!['’]|\s+(?:[A-Z]|of\b))")
        self.described_first = {n.split()[0] for n in rules.described_party_nouns}  # a text with none has none
        self.described_place = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+(?P<place>{alternation(places)})\s+$")  # search(n-40, n)
        self.connectors = set(rules.connectors)
        self.hyphen_prefixes = set(rules.hyphen_prefixes)
        self.stop = set(rules.stop_words)
        self.demonyms = set(rules.demonyms)
        self.common = phrases(rules.common_names)
        common_lower = [n.lower() for n in rules.common_names]
        self.common_lower = common_lower if all(n.isascii() for n in common_lower) else None
        # known names the capitalised runs cannot join ("Securities and Exchange Commission"):
        # matched case-sensitively, so a text holds one only where it holds one of the phrases
        self.known_phrases = sorted(n for n in self.alias_names if any(w.islower() and w not in self.connectors for w in n.split()))
        self.known_names = re.compile(phrase_pattern(self.known_phrases))
        self.common_names = {k.lower(): v for k, v in rules.common_names.items()}
        dotted = rf"(?:{phrase_pattern(rules.title_abbreviations)}\.|{phrase_pattern(rules.person_titles)})"  # not 'officer. X'
        self.title = re.compile(dotted + r",?\s+$", re.IGNORECASE)  # "its lawyer, Hugh Ray", "Dr. Ann Bell"
        self.title_backwards = re.compile(
            rf"\s+,?(?:\.{phrase_pattern(t[::-1] for t in rules.title_abbreviations)}|{phrase_pattern(t[::-1] for t in rules.person_titles)})",
            re.IGNORECASE)
        self.longest_title = max(map(len, rules.person_titles)) + 1  # with its full stop
        self.title_words = {w.lower() for t in rules.person_titles for w in t.split()}  # 'Sales Director Ann Bell'
        self.title_after = re.compile(  # "Anna Voss, Tellan's chief executive,": used with match(name end)
            r",\s+(?:(?:the|its|their|a|an)\s+)?(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s?\s+)?(?:[a-z-]+\s+)?"
            + phrase_pattern(rules.person_titles) + rf"(?=\s*[,.;)]|\s+(?:{alternation(rules.title_prepositions)})\s)")
        self.months = set(rules.month_words)
        self.suffix = re.compile(rf"(?:,?\s+(?:{alternation(rules.corporate_suffixes)}))+$")
        self.common_words = set(common_words(rules_folder).words)
        self.common_ending = re.compile(rf"(?:{union(rules.common_word_endings)})$")
        self.date_before_possessive = re.compile(rf"\b(?:{alternation(rules.month_possessive_date_cues)})\s+$", re.I)
        self.ticker = re.compile(union(rules.ticker_patterns))
        self.adjective = re.compile(rf"-(?:{alternation(rules.adjective_suffixes)})\b")  # used with match(pos)
        currency = rules_currency_words(rules_folder)
        self.currency_number = re.compile(rf"(?:{alternation(currency)})\$?\d", re.IGNORECASE)  # used with match()
        self.date_before = re.compile(rf"\b(?:{alternation(rules.month_date_cues)})\s+$", re.I)

    def __call__(self, doc: Doc) -> Doc:
        view = layout_of(doc)
        text = view.text
        tokens = Tokens(doc, text)
        words = set(tokens.words)
        lowercase = set(filter(str.islower, words))  # Token.lower_ of each is the word itself
        headings = _title_case_lines(text, view.lines, self.limits, self.minor_words)
        figures = {i for sp in doc.spans.get("money", []) for i in range(sp.start, sp.end)}  # 'Daesan Steel W45.2 billion'
        body = [(s, e) for s, e in self._runs(tokens, {w for w in words - lowercase if _name_like(w)}, figures)
                if not _in(headings, tokens.start[s])]
        body = self._hyphen_pairs(tokens, body)
        body = [(s + 2, e) if self._plural_lead(tokens, s, e, lowercase) else (s, e) for s, e in body]
        mid_sentence = {tokens.span_text(s, e).lower() for s, e in body if not tokens.starts_sentence(s)}
        mid_sentence |= {tokens.words[e - 1].lower() for s, e in body if e - s > 1}  # "Mitch" of "Hurricane Mitch"
        mid_sentence |= {tokens.words[s].lower() for s, e in body if e - s > 1 and (  # "Pivot" of "Pivot Mobile"
            not tokens.starts_sentence(s) or self.title_words.isdisjoint(w.lower() for w in tokens.words[s:e]))}
        body = [self._trim(tokens, s, e, mid_sentence) for s, e in body]
        starts = {s for s, _ in body}
        runs = [(s, e) for s, e in body
                if self._known(tokens.span_text(s, e), mid_sentence) or (
                    e - s > 1 or not tokens.starts_sentence(s) or not tokens.words[s].istitle()
                    or not self._common(tokens.words[s].lower(), lowercase)
                    or (e + 1 in starts and tokens.words[e] == ","))]  # "Microsoft, Alphabet and Meta": a list of names
        runs = _merge(runs, self._in_headings(doc, text, headings, {tokens.span_text(s, e) for s, e in runs}))
        if doc.has_annotation(ENT_IOB):
            runs = _merge(runs, self._model_names(doc, tokens, headings,
                                                  {tokens.span_text(s, e).lower() for s, e in runs}))
        common = [(sp.start, sp.end) for m in self._common_names(text)
                  if (sp := doc.char_span(m.start(), m.end())) is not None]
        runs = _merge(runs, [c for c in common if not _within_longer(c, runs)])  # "Marlow Oil" is no oil
        known = [(sp.start, sp.end) for m in self._known_names(text)
                 if (sp := doc.char_span(m.start(), m.end())) is not None]
        runs = _merge(runs, [k for k in known if not _within_longer(k, runs)])  # "Securities and Exchange Commission"
        markets = self._markets(doc, text)
        runs = _merge(runs, list(markets))  # "the UK property market": a market a figure can be about
        described = self._described_parties(doc, text) if not self.described_first.isdisjoint(words) else {}
        runs = _merge(runs, list(described))  # "a US consortium": a party the text does not name
        runs = self._not_names(doc, text, tokens, runs)
        runs = [self._after_title(tokens, s, e) for s, e in runs]  # 'Finance Minister Rodrigo Alcántara': the person
        boilerplate = furniture(doc)  # 'LONDON, 14 October (Reuters) - ': a dateline names no party
        runs = [(s, e) for s, e in runs if not inside(boilerplate, tokens.start[s])]
        names = [tokens.span_text(s, e) for s, e in runs]
        head_end = view.lines[0][1] if view.lines else 0  # the headline
        first: dict[str, int] = {}
        body_first: dict[str, int] = {}
        for (s, _), name in zip(runs, names):
            first.setdefault(name, tokens.start[s])
            if tokens.start[s] > head_end:
                body_first.setdefault(name, tokens.start[s])
        canon = self._canonical(list(first), first, body_first, head_end, Counter(names))
        for acronym, name in _defined_acronyms(tokens, runs, names).items():  # "Hanqiao Biotherapeutics (HQB)"
            if canon.get(acronym) == acronym:
                canon[acronym] = canon[name]
        market_names = dict(markets.values())
        canon.update(market_names)
        canon.update(described.values())
        entities = [{"text": name, "canonical": canon[name],
                     "label": "MARKET" if name in market_names else self._label(text, name, tokens.start[s], canon[name]),
                     "start": tokens.start[s], "end": tokens.end[e - 1]} for (s, e), name in zip(runs, names)]
        persons = {e["canonical"] for e in entities if e["label"] == "PERSON"}
        for ent in entities:  # one mention with a title makes every mention a person
            if ent["canonical"] in persons:
                ent["label"] = "PERSON"
        doc.spans["entities"] = [Span(doc, s, e, label=ent["label"]) for (s, e), ent in zip(runs, entities)]
        doc._.entities = entities
        return doc

    def _common_names(self, text: str) -> Iterator[re.Match[str]]:
        """``common.finditer(text)``, skipped when the text cannot hold one of the names."""
        if self.common_lower is not None and not may_hold_ascii_phrase(text, self.common_lower):
            return iter(())
        return self.common.finditer(text)

    def _known_names(self, text: str) -> Iterator[re.Match[str]]:
        """``known_names.finditer(text)``, skipped when the text holds none of the phrases."""
        return self.known_names.finditer(text) if any(p in text for p in self.known_phrases) else iter(())

    def _markets(self, doc: Doc, text: str) -> dict[tuple[int, int], tuple[str, str]]:
        """'the UK property market' at each token span: its text and its canonical name ('UK
        property market', the place as the aliases name it), found from each word 'market'
        by a bounded look back."""
        found: dict[tuple[int, int], tuple[str, str]] = {}
        if "market" not in text:
            return found
        for w in self.market_word.finditer(text):
            m = self.market.search(text, max(0, w.start() - self.limits.market_reach_chars), w.start())
            span = doc.char_span(m.start("name"), w.end()) if m else None
            if span is None:
                continue
            place = m.group("place")
            name = text[m.start("name"):w.end()]
            canonical = name.replace(place, self.alias.get(place.lower(), place), 1) if place else name
            found[(span.start, span.end)] = (name, canonical[:-1] if canonical.endswith("markets") else canonical)
        return found

    def _described_parties(self, doc: Doc, text: str) -> dict[tuple[int, int], tuple[str, str]]:
        """'a US consortium', 'a Gulf sovereign wealth fund' at each token span: its text and
        its canonical name (the place as the aliases name it), where no name follows."""
        found: dict[tuple[int, int], tuple[str, str]] = {}
        for n in self.described_noun.finditer(text):
            m = self.described_place.search(text, max(0, n.start() - self.limits.market_reach_chars), n.start())
            span = doc.char_span(m.start("place"), n.end()) if m else None
            if span is not None:
                place, name = m.group("place"), text[m.start("place"):n.end()]
                found[(span.start, span.end)] = (name, name.replace(place, self.alias.get(place.lower(), place), 1))
        return found

    def _not_names(self, doc: Doc, text: str, tokens: Tokens, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Runs that are no names go: a word of a money figure, or a currency glued to a
        number even where no figure was read ('CNY160 billion', 'Rmb85bn'), a stock
        ticker or exchange in brackets ('(NASDAQ: NVDA)'), a place joined to a participle
        that makes it an adjective ('Beijing-based', 'Gibraltar-registered'), a term that lower-case
        words define ('one contingent value right (CVR)': every 'CVR' and 'CVRs')."""
        money = sorted((r["start"], r["end"]) for r in doc._.money or [])
        tickers = [m.span() for m in self.ticker.finditer(text)] if "(" in text else []
        ends = {e: s for s, e in runs}
        terms = _defined_terms(tokens, runs) if "(" in text else set()
        return [(s, e) for s, e in runs if not self._no_name(tokens, text, s, e, money, tickers, ends)
                and not (e - s == 1 and (tokens.words[s] in terms or tokens.words[s][:-1] in terms))]

    def _no_name(self, tokens: Tokens, text: str, s: int, e: int, money: list[tuple[int, int]],
                 tickers: list[tuple[int, int]], ends: dict[int, int]) -> bool:
        """The run [s, e) is no name (see ``_not_names``); cheap tests of shape come first."""
        start, end = tokens.start[s], tokens.end[e - 1]
        first, last = tokens.words[s], tokens.words[e - 1]
        return (_overlaps(money, start, end) or _overlaps(tickers, start, end)
                or (DIGIT.search(first) is not None and bool(self.currency_number.match(first)))
                or (text[end:end + 1] == "-" and bool(self.adjective.match(text, end)))
                or ("-" in last and bool(self.adjective.search(last)))
                or (s > 0 and tokens.words[s - 1] == "(" and self._bare_ticker(tokens, s, e, ends)))

    @staticmethod
    def _bare_ticker(tokens: Tokens, s: int, e: int, ends: dict[int, int]) -> bool:
        """'Alphabet (GOOG)': capitals in brackets right after a name that they neither spell
        nor abbreviate ('Council of Mortgage Lenders (CML)' keeps its acronym)."""
        if e - s != 1 or s < 2 or e >= len(tokens.words) or tokens.words[s - 1] != "(" or tokens.words[e] != ")":
            return False
        word = tokens.words[s]
        if not (word.isupper() and word.isalpha()) or s - 1 not in ends:
            return False
        owner = tokens.span_text(ends[s - 1], s - 1)
        return not is_acronym_of(word, owner) and spelling_key(word) != spelling_key(_first_word(owner))

    def _label(self, text: str, name: str, start: int, canonical: str) -> str:
        """Label of the name written at ``start``."""
        if name.lower() in self.common_names:
            return "PRODUCT"
        if name in self.demonyms:
            return "NORP"
        if self._titled(text[max(0, start - 30):start]) or self.title_after.match(text, start + len(name)):
            return "PERSON"
        return self.labels.get(canonical) or self._kind_of(canonical)

    def _titled(self, before: str) -> bool:
        """``before`` ends with a title and spaces: ``self.title`` found in it from where a title
        ending there may start (its trailing spaces stripped). Read backwards, the title is tried
        at one place; forwards only when the one found backwards starts before that place."""
        found = self.title_backwards.match(before[::-1])
        if found is None:
            return False
        start = len(before.rstrip()) - self.longest_title
        return found.end() <= len(before) - max(0, start) or bool(self.title.search(before, start))

    @lru_cache(maxsize=1 << 14)  # noqa: B019 - one finder per pipeline, canonical names repeat
    def _kind_of(self, canonical: str) -> str:
        """GOV for a public body by its last word ('the Tolland Securities Commission'), BODY
        for a trade or statistical body ('the Council of Mortgage Lenders': it publishes
        figures about others), else ORG."""
        if self.product_code.fullmatch(canonical):
            return "PRODUCT"  # 'CV220': a model, not a maker
        words = words_of(canonical)
        if 2 <= len(words) <= 3 and words[0] in self.region_first and words[-1] in self.region_last:
            return "LOC"  # 'North America', 'Southeast Asia'
        if words and (words[-1] in self.public_bodies or len(words) > 2 and words[0] in self.public_bodies
                      and words[1] == "of"):
            return "GOV"  # 'the Tolland Securities Commission', 'the Ministry of Energy and Mineral Resources'
        if self.body_words.intersection(words):
            return "BODY"
        return "PERSON" if self._person_name(canonical.split()) else "ORG"

    def _after_title(self, tokens: Tokens, s: int, e: int) -> tuple[int, int]:
        """A run that holds a title and then a person's name ('Sales Director Ann Bell', 'Finance
        Minister Rodrigo Alcántara') is the name; the title before it makes it a person."""
        for k in range(s, e - 2):
            if tokens.words[k].lower() in self.title_words and tokens.words[k][:1].isupper() \
                    and self._person_name(tokens.words[k + 1:e]):
                return k + 1, e
        return s, e

    def _person_name(self, words: list[str]) -> bool:
        """'Dana Kirsch', 'George W Bush': a given name first, then one or two capitalised
        words, none a company word ('Grant Partners')."""
        return (2 <= len(words) <= 3 and words[0] in self.given_names and words[0] not in self.not_person_first
                and all(w[:1].isupper() and w not in self.not_person_words for w in words[1:])
                and words[-1].rstrip(".") not in self.not_person_last)

    # ---------------------------------------------------------- candidate runs
    def _runs(self, tokens: Tokens, name_like: set[str], figures: set[int]) -> list[tuple[int, int]]:
        """Runs of name tokens; only a ``name_like`` word outside the ``figures`` (token
        indexes) can be one."""
        words, runs, end = tokens.words, [], 0
        for i in [i for i, w in enumerate(words) if w in name_like]:
            if i < end or i in figures or not self._name_token(tokens, i):
                continue
            j = i + 1
            while j < len(words):
                if words[j] in name_like and j not in figures and self._name_token(tokens, j, inside=True):
                    j += 1
                elif ((words[j] in self.connectors and (words[j] != "for" or words[j - 1] in self.for_heads)
                       or words[j] == "and" and (
                        self._body_of(words, i, j) or self._body_named_after(tokens, name_like, figures, i, j)))
                      and j + 1 < len(words) and words[j + 1] in name_like and j + 1 not in figures
                      and self._name_token(tokens, j + 1, inside=True) and words[j + 1] not in self.stop):
                    j += 2  # 'Bank of Zembla'; 'Ministry of Energy and Mineral Resources': one body (not
                    # 'Gransholm Partners for SEK 4.6bn': a figure's currency)
                elif (words[j] == "-" and j + 1 < len(words) and words[j + 1] in name_like and words[j + 1][:1].isupper()
                      and tokens.end[j - 1] == tokens.start[j] and tokens.end[j] == tokens.start[j + 1]):
                    j += 2  # 'Rolls-Royce', 'Hewlett-Packard': one name
                else:
                    break
            runs.append((i, j))
            end = j
        return runs

    def _body_named_after(self, tokens: Tokens, name_like: set[str], figures: set[int], i: int, j: int) -> bool:
        """Does 'the' open the run words[i:j], and a run ending in a public body's word follow its
        'and' ('the Driver and Vehicle Standards Agency', 'the Food and Drug Administration'), so
        that the two are one body?"""
        words = tokens.words
        if i == 0 or words[i - 1].lower() != "the" or words[j - 1] in self.public_bodies:
            return False  # 'the Treasury and Acme Commission': two
        k = j + 1
        while k < len(words) and words[k] in name_like and k not in figures and k - j <= self.limits.body_after_and_words:
            k += 1
        return k > j + 1 and words[k - 1] in self.public_bodies

    def _body_of(self, words: list[str], i: int, j: int) -> bool:
        """Does the run words[i:j] open with a public body's word and 'of' ('Ministry of Energy'),
        so that an 'and' after it goes on with the body's remit, not a list of names?"""
        return j - i >= 3 and words[i] in self.public_bodies and words[i + 1] == "of" and "and" not in words[i:j]

    def _hyphen_pairs(self, tokens: Tokens, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Names joined by a hyphen are one ('Rolls-Royce'), unless the first part is a prefix
        ('Ex-Boeing': Boeing) or both parts are names of the text on their own ('the Fiat-GM
        deal': Fiat and GM)."""
        words = tokens.words
        alone = {tokens.span_text(s, e) for s, e in runs if "-" not in words[s:e]}
        out: list[tuple[int, int]] = []
        for s, e in runs:
            cuts = [k for k in range(s + 1, e - 1) if words[k] == "-"]
            if not cuts:
                out.append((s, e))
                continue
            parts = list(zip([s] + [k + 1 for k in cuts], cuts + [e]))
            if words[s] in self.hyphen_prefixes:
                out.append((parts[1][0], e))
            elif all(tokens.span_text(a, b) in alone for a, b in parts):
                out.extend(parts)
            else:
                out.append((s, e))
        return out

    def _name_token(self, tokens: Tokens, i: int, inside: bool = False) -> bool:
        """Token i can be (``inside``: continue) a name; its word is known to be ``_name_like``."""
        text = tokens.words[i]
        if text in self.months and not inside and i + 1 < len(tokens.words):
            following = tokens.words[i + 1]
            if following in ("'s", "’s"):  # "of May's debt", but "in May's figures" is a date
                return not self.date_before_possessive.search(tokens.text_before(i, 3))
            named = following[:1].isupper() and following not in self.stop
            return named and not self.date_before.search(tokens.text_before(i, 3))
        if text in self.stop:
            return (inside and text[0].isupper() and not tokens.starts_sentence(i) and len(text) > 2
                    and text.istitle())
        return True

    def _model_names(self, doc: Doc, tokens: Tokens, headings: list[tuple[int, int]],
                     known: set[str]) -> list[tuple[int, int]]:
        """The model's named entities that pass the rules' own tests: a name-like first word
        that is no stop word, no figure ('193bn', 'GMT'), and in a Title Case line only a
        name the body uses."""
        money = [(s.start, s.end) for s in doc.spans.get("money", [])]
        return [(e.start, e.end) for e in doc.ents
                if e.label_ in MODEL_LABELS and _name_like(tokens.words[e.start])
                and self._name_token(tokens, e.start) and tokens.words[e.start] not in self.stop
                and not any(s < e.end and e.start < t for s, t in money)
                and (not _in(headings, e.start_char) or e.text.lower() in known or self._known(e.text, known))]

    def _trim(self, tokens: Tokens, s: int, e: int, known: set[str]) -> tuple[int, int]:
        """A run that starts a sentence loses a first word that only describes the name after it
        ('Rival Sahyadri Auto', 'Carmaker Vessbro Motors': rules leading_descriptions), unless the
        text uses the whole run mid-sentence."""
        if e - s < 2 or not tokens.starts_sentence(s) or tokens.span_text(s, e).lower() in known:
            return s, e
        return (s + 1, e) if tokens.words[s] in self.describing and tokens.words[s + 1] not in self.connectors else (s, e)

    def _plural_lead(self, tokens: Tokens, s: int, e: int, lowercase: set[str]) -> bool:
        """Does the run [s, e) start a sentence with a plural common noun and a connector
        ('Creditors of Nordhem Varuhus', 'Shares of Orvik'; not 'Bank of America')?"""
        if e - s < 3 or not tokens.starts_sentence(s) or tokens.words[s + 1] not in self.connectors:
            return False
        word = tokens.words[s].lower()
        return word.endswith("s") and not word.endswith("ss") and self._common(word, lowercase)

    def _common(self, word: str, lowercase: set[str]) -> bool:
        """A common word ('Sales rose'): the text writes it in lower case, or it is frequent English."""
        return word in lowercase or word in self.common_words or bool(self.common_ending.search(word))

    def _in_headings(self, doc: Doc, text: str, headings: list[tuple[int, int]], names: set[str]) -> list[tuple[int, int]]:
        """Names of the body (or the aliases) found inside Title Case lines."""
        known = names | self.alias_names
        if not known or not headings:
            return []
        index = PhraseIndex(known)
        found = []
        for start, end in headings:
            for m_start, m_end in index.finditer(text, start, end):
                span = doc.char_span(m_start, m_end)
                if span is not None:
                    found.append((span.start, span.end))
        return found

    def _known(self, name: str, names: set[str]) -> bool:
        """A name the text also uses mid-sentence, or one the aliases or labels know."""
        return name.lower() in names or name.lower() in self.alias or name in self.labels

    # ---------------------------------------------------------- canonical names
    @lru_cache(maxsize=1 << 14)  # noqa: B019 - one finder per pipeline, names repeat
    def _stripped(self, name: str) -> tuple[str, bool]:
        """The name without its corporate suffix ("Tesla Inc" is Tesla, "News Corp" stays; "Sauer
        & Co" is Sauer), and whether that suffix is a brand's after a common word ("News Corp")."""
        stripped = self.suffix.sub("", name) or name
        if stripped != name:
            stripped = AMPERSAND_END.sub("", stripped) or stripped  # "Sauer & Co": not "Sauer &"
        brand = name[len(stripped):].strip(" ,") in self.brand_suffixes  # "News Corp" stays, "Meta Inc." is Meta
        return stripped, brand and stripped.lower() in self.common_words

    def _canonical(self, names: list[str], first: dict[str, int], body_first: dict[str, int],
                   head_end: int, mentions: Counter[str]) -> dict[str, str]:
        """Canonical name of each distinct name (given in order of first appearance, ``first``
        its offset), in two passes: every name is first reduced to its base (corporate suffix
        dropped) and preferred spelling; then each base links to the longer full name it
        stands for (``_full_form``), and the canonical is that full form."""
        base: dict[str, str] = {}
        for name in names:
            stripped, common_brand = self._stripped(name)
            base[name] = name if common_brand and stripped not in names else stripped
        keys = [spelling_key(base[name]) for name in names]
        spellings: dict[str, list[str]] = {}
        for name, key in zip(names, keys):
            spellings.setdefault(key, []).append(base[name])
        spelled = {key: group[0] if len(group) == 1 else preferred_spelling(group) for key, group in spellings.items()}
        bases = [spelled[key] for key in keys]
        seen_at: dict[str, int] = {}
        in_body: dict[str, int] = {}
        written: dict[str, int] = {}
        for n, b in zip(names, bases):
            written[b] = written.get(b, 0) + mentions[n]
            if first[n] < seen_at.get(b, INF):
                seen_at[b] = first[n]
            if n in body_first and body_first[n] < in_body.get(b, INF):
                in_body[b] = body_first[n]
        full = Linker(list(seen_at), seen_at, in_body, Counter(written), head_end, self.places, self.limits)
        canon: dict[str, str] = {}
        for name, b in zip(names, bases):
            if b.lower() in self.alias:
                canon[name] = self.alias[b.lower()]
            elif name.lower() in self.common_names:  # "Crude oil" is crude oil
                canon[name] = self.common_names[name.lower()]
            else:
                canon[name] = full.of(b)
        return canon


class Linker:
    """Links each name of a document to the full name it is short for, looked up through
    indexes (first word, initials, a prefix) so that the work stays linear in the names:
    an acronym links to the name it spells anywhere in the document; a short form ("Fox",
    "Northern") to a longer name that starts with it when the longer one comes first or
    the short one first appears in the headline; a truncation ("Yugansk") or a misspelling
    ("Yuganskneftgas") to the longest name it is close to (of two as long, the one written
    more often); the same words in another
    order ("Menatep Group") to the first order written. Place names link to nothing."""

    def __init__(self, names: list[str], first: dict[str, int], in_body: dict[str, int], written: Counter[str],
                 head_end: int, places: set[str], limits: EntityLimits) -> None:
        self.first, self.in_body, self.head_end, self.places, self.limits = first, in_body, head_end, places, limits
        self.written = written
        self.by_first: dict[str, list[str]] = {}
        self.by_last: dict[str, list[str]] = {}
        self.by_initials: dict[str, list[str]] = {}
        self.by_prefix: dict[str, list[str]] = {}
        self.by_words: dict[tuple[str, ...], str] = {}
        for name in names:
            words = words_of(name)
            if not words:
                continue
            if len(words) > 1:
                self.by_first.setdefault(words[0].lower(), []).append(name)
                if len(words) == 2:
                    self.by_last.setdefault(words[1].lower(), []).append(name)
                for key in _initials_keys(name):
                    self.by_initials.setdefault(key, []).append(name)
                self.by_words.setdefault(_same_words(name), name)
            self.by_prefix.setdefault(name[:limits.prefix_letters].lower(), []).append(name)
        self.memo: dict[str, str] = {}

    def of(self, name: str, depth: int = 0) -> str:
        if name not in self.memo:
            full = self._full_form(name) if name not in self.places else None
            self.memo[name] = self.of(full, depth + 1) if full and full != name and depth < 3 else name
        return self.memo[name]

    def _full_form(self, name: str) -> str | None:
        words = words_of(name)
        if not words:
            return None
        cap, prefix = self.limits.candidates, self.limits.prefix_letters
        if looks_like_acronym(name):
            key = name.replace(".", "").upper()
            spelled = [n for k in (key, key[:-1]) for n in self.by_initials.get(k, NONE)[:cap]
                       if n != name and is_acronym_of(name, n)]
            if spelled:
                return spelled[0]
        head = words[0].lower()
        longer = [n for n in (*self.by_first.get(head, NONE)[:cap], *self.by_last.get(head, NONE)[:cap])
                  if is_short_form_of(name, n) and n not in self.places and self._may_shorten(name, n)]
        if longer:
            return max(longer, key=lambda n: (len(words_of(n)), -self.first[n]))
        reordered = self.by_words.get(_same_words(name))
        if reordered and reordered != name and self.first[reordered] < self.first[name]:
            return reordered
        same_prefix = self.by_prefix.get(name[:prefix].lower(), NONE)[:cap]
        if len(words) == 1 and len(name) >= prefix:
            close = [n for n in same_prefix
                     if n != name and len(n) > len(name) and len(words_of(n)) == 1
                     and (n.lower().startswith(name.lower()) or fuzz.ratio(name.lower(), n.lower()) >= self.limits.fuzzy_ratio)]
            if close:
                return max(close, key=len)
        spellings = [n for n in same_prefix if n != name and self._better_spelt(n, name)]
        match = process.extractOne(name, spellings, scorer=fuzz.ratio, processor=str.lower,
                                   score_cutoff=self.limits.fuzzy_ratio) if spellings else None
        return match[0] if match else None

    def _better_spelt(self, other: str, name: str) -> bool:
        """Of two close spellings, the longer is the full one; of two as long, the one written
        more often ('Yuganskneftegas' three times, 'Yuganksneftegas' once), else the first."""
        if len(other) != len(name):
            return len(other) > len(name)
        return (self.written[other], -self.first[other]) > (self.written[name], -self.first[name])

    def _may_shorten(self, short: str, long: str) -> bool:
        """A short form stands for the longer name introduced before it; a short form of the
        headline, for the longer name the body introduces before it uses the short one."""
        if self.first[long] < self.first[short]:
            return True
        return self.first[short] < self.head_end and self.in_body.get(long, INF) < self.in_body.get(short, INF)


def _defined_acronyms(tokens: Tokens, runs: list[tuple[int, int]], names: list[str]) -> dict[str, str]:
    """Acronym -> the name it abbreviates, where the text writes it in brackets right after
    that name ("Maplewave Communications Inc (MWC)")."""
    found: dict[str, str] = {}
    words = tokens.words
    for (_, e), long in zip(runs, names):
        if e + 2 < len(words) and words[e] == "(" and words[e + 2] == ")" and abbreviates(words[e + 1], long):
            found.setdefault(words[e + 1], long)
    return found


@lru_cache(maxsize=1 << 16)
def _initials_keys(name: str) -> tuple[str, str, str]:
    """The initials a name of several words may be written as: function words skipped, kept,
    and its last word left out ("BF" for "Baikal Finance Group")."""
    return initials(name).upper(), initials(name, True).upper(), initials(" ".join(words_of(name)[:-1])).upper()


@lru_cache(maxsize=1 << 16)
def _same_words(name: str) -> tuple[str, ...]:
    """The lower-case words of a name, sorted: the key of its words in any order."""
    return tuple(sorted(w.lower() for w in words_of(name)))


def _first_word(name: str) -> str:
    """The first word of a name ('Meta' of 'Meta Inc.'), against which a ticker is compared."""
    words = words_of(name)
    return words[0] if words else name


def rules_currency_words(rules_folder: str | None) -> list[str]:
    """The currency codes and the markers written with letters ('CNY', 'Rmb', 'US$')."""
    rules = currency_rules(rules_folder)
    codes = set(iso_currencies(rules_folder)) - set(rules.codes.exclude)
    return sorted(codes | {m.text for m in rules.markers if m.text[:1].isalpha()})


@lru_cache(maxsize=1 << 16)
def _name_like(word: str) -> bool:
    """A word that can be part of a name: letters first, a capital somewhere, not the shape of
    a figure ('A380' and 'G7' are names, 'Zq3.8bn' is not)."""
    return bool(NAME_TOKEN.fullmatch(word)) and any(c.isupper() for c in word) and not FIGURE_SHAPE.fullmatch(word)


def _title_case_lines(text: str, lines: list[tuple[int, int]], limits: EntityLimits,
                      minor: frozenset[str]) -> list[tuple[int, int]]:
    """Where capitals prove nothing, by the shape of the line: lines written in Title Case
    (headlines, section headings: see ``_title_case``; 'Key Figures'), and labels (the start
    of a line, a bullet's included, up to a colon within limits.label_words words: 'Total
    Cost (2026):'), and
    the Title Case words that start a table row (a line with no full stop) before its first
    figure ('Total AI Investment ~CNY 150 billion')."""
    label_words, found = limits.label_words, []
    for start, end in lines:
        line = text[start:end].strip()
        if _title_case(line, limits, minor):
            found.append((start, end))
            continue
        colon = text.find(":", start, end)
        label = text[start:colon] if colon > start else ""
        if label and len(label.split()) <= label_words and label.count("(") <= label.count(")"):  # not "(NYSE: X)"
            found.append((start, colon))
            continue
        if line[-1:] in ".!?\"”":
            continue
        figure = DIGIT.search(text, start, end)  # a table row: 'Total AI Investment ~CNY 150 billion'
        label = text[start:figure.start()] if figure else ""
        if label and _title_case(label.strip(), limits, minor) and sum(w[0].isalpha() for w in label.split()) <= label_words:
            found.append((start, figure.start()))
    return found


def _title_case(line: str, limits: EntityLimits, minor: frozenset[str]) -> bool:
    """limits.heading_min_words words or more, mostly capitalised (limits.heading_capitals_share
    of them), the others minor words ('for', 'with'); or two capitalised words and no full stop."""
    words = line.split(None, FIRST_WORDS)
    if not _capitalised(words[:FIRST_WORDS], minor):
        return False
    if len(words) > FIRST_WORDS:
        words = line.split()
        if not _capitalised(words[FIRST_WORDS:], minor):
            return False
    words = [w for w in words if w[0].isalpha()]  # the words that start with a letter
    n = len(words)
    capitals = sum(w[0].isupper() for w in words)
    return (n >= limits.heading_min_words and capitals >= limits.heading_capitals_share * n) or (
        n == 2 and capitals == 2 and line[-1:] not in ".!?\"”")


def _capitalised(words: list[str], minor: frozenset[str]) -> bool:
    """Every word that starts with a letter starts with a capital or is a minor word."""
    return all(not w[0].isalpha() or w[0].isupper() or w.lower() in minor for w in words)


def _in(spans: list[tuple[int, int]], offset: int) -> bool:
    """``offset`` is inside one of ``spans`` (in order, not overlapping)."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset <= spans[i][1]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """[start, end) overlaps one of the sorted, non-overlapping ``spans``."""
    i = bisect_right(spans, (end, -1)) - 1  # the last span starting before ``end``
    return i >= 0 and spans[i][1] > start


def _within_longer(span: tuple[int, int], runs: list[tuple[int, int]]) -> bool:
    """``span`` lies inside a longer one of the sorted ``runs``."""
    i = bisect_right(runs, (span[0], INF)) - 1
    return i >= 0 and runs[i][0] <= span[0] and span[1] <= runs[i][1] and runs[i][1] - runs[i][0] > span[1] - span[0]


def _defined_terms(tokens: Tokens, runs: list[tuple[int, int]]) -> set[str]:
    """Capitals in brackets that spell the lower-case words right before them ('contingent
    value right (CVR)', 'earnings per share (EPS)'): a term, not a name."""
    words, terms = tokens.words, set()
    for s, e in runs:
        if e - s != 1 or s < 2 or e >= len(words) or words[s - 1] != "(" or words[e] != ")":
            continue
        short = words[s]
        n = len(short)
        before = words[max(0, s - 1 - n):s - 1]
        if len(before) == n and all(w.isalpha() and w.islower() for w in before) and is_acronym_of(short, " ".join(before)):
            terms.add(short)
    return terms


def _merge(runs: list[tuple[int, int]], ents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Model entities first; rule runs (in order) that overlap none of them are kept."""
    if not ents:
        return runs
    by_start = sorted(ents)
    starts = [s for s, _ in by_start]
    reach = list(accumulate((e for _, e in by_start), max))  # the furthest end of the entities up to each
    kept = [r for r in runs if (k := bisect_left(starts, r[1])) == 0 or reach[k - 1] <= r[0]]
    return sorted(kept + ents)


@Language.factory("claims_entities", default_config={"rules": None},
                  assigns=["doc._.entities", "doc.spans"], requires=["doc._.money"])
def make_entities(nlp: Language, name: str, rules: str | None) -> EntityFinder:
    return EntityFinder(rules)
