"""``claims_attribution``: who says what.

Finds every attribution of a text (source, cue, content) with cue lists and token
heuristics that need no statistical model, detects the publisher from the byline, and
gives every money record the attribution whose content covers it, with the chain of
sources from the publisher to the cited origin. The rules are ``rules/attribution.json``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import layout
from ..models import SourceType
from ..ruleset import attribution_rules
from ..ruleset.attribution import BylineRules
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import char_range, layout_of, sentence_bounds, sentences

# ------------------------------------------------------------------ working records
Range = tuple[int, int]  # token indices, end exclusive
CLAUSE_END = {".", "!", "?", ";", "…"}


@dataclass
class Found:
    """One attribution while the document is being read (token ranges)."""

    cue: Range
    kind: str
    source: Range | None = None
    content: Range | None = None
    name: str | None = None
    source_type: SourceType = "other"
    parent: int | None = None
    sentence: int = 0


# ------------------------------------------------------------------ the component
class AttributionFinder:
    def __init__(self, nlp: Language) -> None:
        r = attribution_rules()
        self.rules = r
        low = lambda words: {w.lower() for w in words}  # noqa: E731
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind in ("verbs", "gerunds", "nested", "preposed", "adverbs"):
            self.matcher.add(kind, [nlp.make_doc(w) for w in getattr(r.cues, kind)])
        self.invertible = low(r.cues.invertible)
        self.passive, self.passive_aux = low(r.cues.passive), low(r.cues.passive_auxiliaries)
        self.ambiguous, self.quantity_verbs = low(r.cues.ambiguous), low(r.cues.quantity_verbs)
        self.figure_openers = low(r.cues.figure_openers)
        self.modifiers, self.determiners = low(r.cue_modifiers), low(r.determiners)
        self.boundaries, self.conjunctions = low(r.boundaries), low(r.conjunctions)
        self.open_boundaries = low(r.open_boundaries)
        self.glue = {tuple(p.lower().split()) for p in r.source_glue}
        self.quotes, self.dashes = set(r.quotes), set(r.dashes)
        self.quote_marks = set(r.quote_pairs) | set(r.quote_pairs.values())
        self.pronouns, self.descriptions = low(r.pronouns), low(r.descriptions)
        self.tails, self.negations = low(r.cue_tails), low(r.negations)
        self.noun_followers, self.relatives = low(r.cues.noun_followers), low(r.relatives)
        self.person_pronouns, self.locatives = low(r.person_pronouns), low(r.locatives)
        self.not_names, self.connectors = low(r.not_names), low(r.name_connectors)
        self.subject_words = self.connectors | self.descriptions | {"the", "'s", "’s"}
        self.clause_words = self.passive_aux | self.modifiers
        self.spokesperson = [tuple(w.lower().split()) for w in r.spokesperson]
        # each type's phrases as one regex over the span's lower-case words joined by spaces
        self.types = [(t, re.compile(r"(?:^| )(?:" + "|".join(re.escape(" ".join(w.lower().split())) for w in words) + r")(?= |$)"))
                      for t, words in r.source_types.items()]
        self.byline = _BylineReader(r.byline)

    # -------------------------------------------------------------- entry point
    def __call__(self, doc: Doc) -> Doc:
        view = layout_of(doc)
        self.view = view
        self.text = view.text
        self.sents = sentences(doc)
        self.sent_starts = [s for s, _ in sentence_bounds(doc)]
        self.sent_start_chars = [s for s, _ in view.sentences] if len(doc) else []
        columns = doc.to_array([ORTH, SENT_START])
        self.mid_sentence = {doc.vocab.strings[int(orth)] for orth in numpy.unique(columns[columns[:, 1] != 1, 0])}
        doc._.publisher = self.byline.read(self.text)
        self.furniture = {i for span in doc.spans.get("boilerplate", []) for i in range(span.start, span.end)}
        self.money_tokens = {i for span in doc.spans.get("money", []) for i in range(span.start, span.end)}
        cues = self._cues(doc, self.furniture | self._quoted(doc))
        found: list[Found] = []
        sents = self.sents
        by_sentence: dict[int, list[tuple[int, int, str]]] = {}
        for c in cues:
            by_sentence.setdefault(bisect_right(self.sent_starts, c[0]) - 1, []).append(c)
        for n, sent in enumerate(sents):
            found.extend(self._sentence(doc, sent, n, by_sentence.get(n, [])))
        self._link(doc, found)
        self._name_all(doc, found)
        doc._.attributions = [self._record(doc, found, f) for f in found]
        self._attribute_money(doc, sents, found)
        return doc

    # -------------------------------------------------------------- cues
    def _cues(self, doc: Doc, skip: set[int]) -> list[tuple[int, int, str]]:
        """(start, end, kind) of cue phrases, longest first where they overlap."""
        matches = sorted(((s, e, doc.vocab.strings[m]) for m, s, e in self.matcher(doc) if s not in skip),
                         key=lambda x: (x[0], -(x[1] - x[0])))
        kept: list[tuple[int, int, str]] = []
        for s, e, kind in matches:
            if not kept or s >= kept[-1][1]:
                kept.append((s, e, kind))
        self.cue_tokens = {i for s, e, _ in kept for i in range(s, e)}
        kept = [c for c in kept if c[2] not in {"verbs", "gerunds"} or not self._noun_use(doc, c[0], c[1])]
        self.cue_tokens = {i for s, e, _ in kept for i in range(s, e)}
        return kept

    def _quoted(self, doc: Doc) -> set[int]:
        """Tokens inside a closed quotation of one line: the quoted speaker's own words."""
        inside: set[int] = set()
        opened: tuple[int, str] | None = None
        columns = doc.to_array([ORTH, IS_SPACE])
        marks = numpy.isin(columns[:, 0], [doc.vocab.strings[q] for q in self.quote_marks])
        for i in numpy.flatnonzero(marks | (columns[:, 1] == 1)).tolist():  # quote marks and blank tokens
            text = doc[i].text
            if "\n" in text:
                opened = None
            elif opened and text == opened[1]:
                inside.update(range(opened[0] + 1, i))
                opened = None
            elif opened is None and text in self.rules.quote_pairs:
                opened = (i, self.rules.quote_pairs[text])
        return inside

    def _figure_at(self, doc: Doc, i: int) -> bool:
        """Does a figure start at token i ('292,000', '$1.89', 'about 300')?"""
        if i < len(doc) and doc[i].lower_ in self.figure_openers:
            i += 1
        return i < len(doc) and (doc[i].like_num or doc[i].is_currency or i in self.money_tokens)

    def _noun_use(self, doc: Doc, start: int, end: int) -> bool:
        """Is the cue word used as a noun, an adjective or inside a name ('the report', 'its
        reported profit', 'value-added', 'United States')?"""
        if start > 0 and not doc[start].is_sent_start and (_cap(doc[start]) or not doc[start - 1].whitespace_):
            return True
        lead = self._skip_left(doc, self.sent_starts[bisect_right(self.sent_starts, start) - 1], start, self.modifiers)
        if any(k > 0 and doc[k - 1].lower_ in self.determiners for k in (start, lead)):
            return True
        nxt = doc[end] if end < len(doc) else None
        word = doc[start:end].text.lower()
        if word in self.quantity_verbs and self._figure_at(doc, end):
            return True  # 'added 292,000 jobs'
        if word not in self.ambiguous:
            return False
        return nxt is not None and (nxt.lower_ in self.noun_followers or end in self.cue_tokens)

    # -------------------------------------------------------------- one sentence
    def _sentence(self, doc: Doc, sent: Span, n: int, cues: list[tuple[int, int, str]]) -> list[Found]:
        out: list[Found] = []
        for start, end, kind in cues:
            f = self._one(doc, sent, start, end, kind, out)
            if f is not None:
                f.sentence = n
                out.append(f)
        if not out and self.rules.colon_headline and sent.start not in self.furniture:
            f = self._colon(doc, sent)
            if f is not None:
                f.sentence = n
                out.append(f)
        return out

    def _one(self, doc: Doc, sent: Span, start: int, end: int, kind: str, siblings: list[Found]) -> Found | None:
        if kind == "adverbs":
            return Found(cue=(start, end), kind=kind, content=self._trim(doc, sent.start, sent.end))
        if kind == "preposed":
            return self._preposed(doc, sent, start, end)
        if kind == "nested":
            return self._nested(doc, sent, start, end, siblings) or self._continuation(doc, sent, start, end, "gerunds", siblings)
        cs = self._skip_left(doc, sent.start, start, self.modifiers)
        if kind == "verbs" and self._passive(doc, sent, start, end):
            return self._passive_cue(doc, sent, start, end)
        before = doc[cs - 1] if cs > sent.start else None
        if (kind == "gerunds" and (before is None or before.text == ",")) or \
                (before is not None and before.lower_ in self.conjunctions):
            return self._continuation(doc, sent, cs, end, kind, siblings)
        return self._verb(doc, sent, cs, start, end)

    def _continuation(self, doc: Doc, sent: Span, cs: int, end: int, kind: str, siblings: list[Found]) -> Found | None:
        """'X said ..., adding ...', 'X rips ..., arguing ...', 'X called ... and threatened ...':
        the source of the clause the cue continues."""
        content = self._after(doc, sent, end)
        sib = _sibling(siblings, cs)
        if sib is not None:
            return Found(cue=(cs, end), kind=kind, source=sib.source, name=sib.name, content=content)
        if doc[cs:end].text.lower() in self.ambiguous:  # 'cities and states': a noun
            return None
        starts = [sent.start] + [i + 1 for i in range(sent.start, cs) if doc[i].text == ","]
        subject = next(filter(None, (self._leading_name(doc, s, cs) for s in reversed(starts))), None)
        return Found(cue=(cs, end), kind=kind, source=subject, content=content) if subject else None

    # -------------------------------------------------------------- forms
    def _verb(self, doc: Doc, sent: Span, cs: int, start: int, end: int) -> Found | None:
        """'X said ...', '..., X said', '..., said X', 'X, a senior analyst, said'."""
        word = doc[start:end].text.lower()
        before = doc[cs - 1] if cs > sent.start else None
        if before is not None and (before.text == "," or self._dash(before)):
            appos = self._appositive(doc, sent, cs - 1)
            if appos and not self._quote_before(doc, sent, cs - 1):
                return self._posed(doc, sent, cs, end, appos)
        source = self._back(doc, sent, cs)
        if source is not None:
            ends_well = word not in self.ambiguous or self._sourcelike(doc, (source[1] - 1, source[1]))
            return self._posed(doc, sent, cs, end, source) if ends_well and self._sourcelike(doc, source) else None
        if word in self.invertible and before is not None and before.text in {",", ":"} | self.quotes:
            after = self._forward(doc, sent, end, commas=True)
            if after is not None:
                return Found(cue=(cs, end), kind="verbs", source=after,
                             content=self._trim(doc, sent.start, cs))
        return None

    def _posed(self, doc: Doc, sent: Span, cs: int, end: int, source: Range) -> Found:
        """Content after the cue, or before the source when the cue ends the clause."""
        opened = source[0] > sent.start and (doc[source[0] - 1].text in {","} | self.quotes
                                             or self._dash(doc[source[0] - 1]))
        if opened and self._clause_ends(doc, sent, end):
            content = self._trim(doc, sent.start, source[0])
        else:
            content = self._after(doc, sent, end)
        return Found(cue=(cs, end), kind="verbs", source=source, content=content)

    def _clause_ends(self, doc: Doc, sent: Span, i: int) -> bool:
        """Does the clause end at token i, but for a short tail ('on Tuesday', 'in a statement')?"""
        j = i
        while j < sent.end and not (doc[j].text in CLAUSE_END | {","} or doc[j].text in self.quotes or self._dash(doc[j])):
            j += 1
        return j == i or (doc[i].lower_ in self.tails and j - i <= 6)

    def _preposed(self, doc: Doc, sent: Span, start: int, end: int) -> Found | None:
        """'according to X, ...' and '..., according to X'."""
        source = self._forward(doc, sent, end, commas=False)
        if source is None or not self._sourcelike(doc, source):
            return None
        if sum(not t.is_punct for t in doc[sent.start:start]) >= 3 and doc[start - 1].text == ",":
            content = self._trim(doc, sent.start, start)
        else:
            comma = next((i for i in range(source[1], sent.end) if doc[i].text == ","), source[1] - 1)
            content = self._trim(doc, comma + 1, sent.end)
        return Found(cue=(start, end), kind="preposed", source=source, content=content)

    def _nested(self, doc: Doc, sent: Span, start: int, end: int, siblings: list[Found]) -> Found | None:
        """'reports citing informed sources': a source cited inside the previous attribution."""
        source = self._forward(doc, sent, end, commas=False)
        if source is not None and self._typed(doc, source) not in {None, "other"} and siblings:
            parent = siblings[-1]
            return Found(cue=(start, end), kind="nested", source=source, content=parent.content,
                         parent=len(siblings) - 1)
        return None

    def _passive(self, doc: Doc, sent: Span, start: int, end: int) -> bool:
        aux = self._skip_left(doc, sent.start, start, self.modifiers | self.negations)
        return doc[start:end].text.lower() in self.passive and aux > sent.start and doc[aux - 1].lower_ in self.passive_aux

    def _passive_cue(self, doc: Doc, sent: Span, start: int, end: int) -> Found:
        """'is expected', 'are said to be', 'was reported by X'."""
        aux = self._skip_left(doc, sent.start, start, self.modifiers | self.negations) - 1
        source = None
        if end < sent.end and doc[end].lower_ == "by":
            source = self._forward(doc, sent, end + 1, commas=False)
        return Found(cue=(aux, end), kind="passive", source=source, content=self._trim(doc, sent.start, sent.end))

    def _colon(self, doc: Doc, sent: Span) -> Found | None:
        """A headline 'Name: what they say'."""
        toks = list(doc[sent.start:min(sent.start + 5, sent.end)])
        colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
        if not colon or len(sent) - colon < 4:
            return None
        head = toks[:colon]
        if not all(t.is_title or t.is_upper for t in head) or any(t.lower_ in self.not_names for t in head):
            return None
        c = sent.start + colon
        return Found(cue=(c, c + 1), kind="colon", source=(sent.start, c), content=self._trim(doc, c + 1, sent.end))

    # -------------------------------------------------------------- spans
    def _skip_left(self, doc: Doc, floor: int, i: int, words: set[str]) -> int:
        """Move token i left over the words given, not past token ``floor``."""
        while i > floor and doc[i - 1].lower_ in words:
            i -= 1
        return i

    def _stop(self, tok: Token) -> bool:
        """Does this token end a source noun phrase?"""
        return (tok.text in CLAUSE_END or tok.text in {",", ":", "(", ")"} or tok.text in self.quotes
                or self._dash(tok) or tok.lower_ in self.boundaries or tok.i in self.cue_tokens
                or tok.i in self.money_tokens or tok.is_space)

    def _dash(self, tok: Token) -> bool:
        """A dash between words with spaces ('economists - including ... - warn'), not a hyphen."""
        spaced = bool(tok.whitespace_) or (tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))
        return tok.text in self.dashes and spaced

    def _back(self, doc: Doc, sent: Span, i: int) -> Range | None:
        """The noun phrase that ends at token i, read leftwards."""
        j = i
        while j > sent.start:
            tok = doc[j - 1]
            if tok.text == ")":  # a parenthesis inside a name: 'Harry M. Reid (D-Nev.)'
                k = next((k for k in range(j - 2, max(sent.start, j - 8) - 1, -1) if doc[k].text == "("), None)
                if k is None:
                    break
                j = k
                continue
            if tok.lower_ in self.conjunctions and not self._joins_names(doc, sent, j - 1):
                break
            glued = j - 2 >= sent.start and (doc[j - 2].lower_, tok.lower_) in self.glue
            if self._stop(tok) and tok.lower_ not in self.conjunctions and not glued:
                break
            j -= 1
        if j == i or i - j > self.rules.max_source_tokens:
            return None
        return (j, i)

    def _joins_names(self, doc: Doc, sent: Span, k: int) -> bool:
        left, right = (doc[k - 1] if k > sent.start else None), (doc[k + 1] if k + 1 < sent.end else None)
        return bool(left and right and left.is_title and right.is_title)

    def _forward(self, doc: Doc, sent: Span, i: int, commas: bool) -> Range | None:
        """The noun phrase that starts at token i, read rightwards."""
        j = i
        while j < sent.end:
            tok = doc[j]
            if tok.text == "," and commas:
                nxt = doc[j + 1] if j + 1 < sent.end else None
                if nxt is None or nxt.i in self.cue_tokens or nxt.text in self.quotes:
                    break
                j += 1
                continue
            opened = j > i and (tok.lower_ in self.open_boundaries or (commas and tok.lower_ in self.relatives))
            if self._stop(tok) and tok.text not in {"(", ")"} and not opened:
                break
            j += 1
        while j > i and (doc[j - 1].is_punct and doc[j - 1].text not in {")", "."}):
            j -= 1
        if j == i or j - i > self.rules.max_appositive_tokens:
            return None
        return (i, j)

    def _appositive(self, doc: Doc, sent: Span, comma: int) -> Range | None:
        """'Mark Hamrick, a senior analyst at Bankrate.com, said': name plus appositive."""
        k = comma
        while k > sent.start and not (doc[k - 1].text in {","} | self.quotes | CLAUSE_END or self._dash(doc[k - 1])):
            if doc[k - 1].i in self.cue_tokens:
                return None
            k -= 1
        if k <= sent.start or k == comma or comma - k > self.rules.max_appositive_tokens:
            return None
        if doc[k - 1].text != "," and not self._dash(doc[k - 1]):
            return None
        head = self._back(doc, sent, k - 1)
        if head is None or head[1] - head[0] > 8 or not self._sourcelike(doc, head):
            return None
        return (head[0], comma)

    def _quote_before(self, doc: Doc, sent: Span, comma: int) -> bool:
        return comma > sent.start and doc[comma - 1].text in self.quotes

    def _after(self, doc: Doc, sent: Span, i: int) -> Range | None:
        """Content after a cue: up to the sentence end or to a following ', adding ...'."""
        if i < sent.end and doc[i].lower_ == "that":
            i += 1
        if i < sent.end and doc[i].text in {":", ","}:
            i += 1
        end = sent.end
        for j in range(i, sent.end - 1):
            if doc[j].text == "," and doc[j + 1].i in self.cue_tokens:
                end = j
                break
        return self._trim(doc, i, end)

    def _trim(self, doc: Doc, i: int, j: int) -> Range | None:
        while i < j and (doc[i].is_space or doc[i].text in {",", ":", ";"}):
            i += 1
        while j > i and (doc[j - 1].is_space or doc[j - 1].text in {",", ".", ";", ":"}):
            j -= 1
        return (i, j) if j > i else None

    def _subject(self, doc: Doc, sent: Span) -> Range | None:
        """The leading name of a sentence ('Lord Browne rejected ...')."""
        return self._leading_name(doc, sent.start, sent.end)

    def _leading_name(self, doc: Doc, i: int, end: int) -> Range | None:
        """The name or description that starts at token i ('Sanders', 'The company')."""
        j = i
        while j < end and (_cap(doc[j]) or doc[j].lower_ in self.subject_words):
            j += 1
        return (i, j) if j > i and self._sourcelike(doc, (i, j)) else None

    def _sourcelike(self, doc: Doc, span: Range) -> bool:
        """Does a span name someone who can say something?"""
        toks = doc[span[0]:span[1]]
        if any(t.lower_ in self.pronouns | self.descriptions for t in toks) or self._typed(doc, span) is not None:
            return True
        return any(_cap(t) and t.is_alpha and t.lower_ not in self.not_names for t in toks)

    # -------------------------------------------------------------- source names and types
    def _typed(self, doc: Doc, span: Range) -> SourceType | None:
        """The source type whose lexicon the span mentions; None when none does."""
        words = " ".join(t.lower_ for t in doc[span[0]:span[1]])
        return next((kind for kind, phrases in self.types if phrases.search(words)), None)

    def _link(self, doc: Doc, found: list[Found]) -> None:
        """A cue inside another attribution's content is cited by it (nested citation)."""
        for i, f in enumerate(found):
            if f.kind == "nested":
                f.parent = i - 1
                continue
            if f.source is None:
                continue
            holders = [(h.content[1] - h.content[0], j) for j, h in enumerate(found)
                       if j != i and h.sentence == f.sentence and h.content and h.source is not None
                       and h.content[0] <= f.source[0] and f.cue[1] <= h.content[1] and not _cites(found, j, i)]
            if holders:
                f.parent = min(holders)[1]
                f.content = self._own_clause(doc, f.content)

    def _own_clause(self, doc: Doc, content: Range | None) -> Range | None:
        """A cited clause ends where the citing text goes on with a new subject: 'Meta projects
        $115 billion and Oracle has earmarked $35 billion'."""
        if content is None:
            return None
        for j in range(content[0], content[1] - 2):
            if doc[j].lower_ in self.conjunctions and _cap(doc[j + 1]) and doc[j + 2].lower_ in self.clause_words:
                return self._trim(doc, content[0], j)
        return content

    def _name_all(self, doc: Doc, found: list[Found]) -> None:
        named: list[tuple[int, str, SourceType]] = []  # (token, name, type) of earlier named sources
        for f in found:
            if f.source is None:
                continue
            f.source_type = self._typed(doc, f.source) or "other"
            if f.name is None:
                f.name, resolved = self._name(doc, f.source)
                if not resolved:
                    ante = self._antecedent(doc, f.source, named)
                    if ante is not None:
                        f.name = ante[1]
                        f.source_type = f.source_type if f.source_type != "other" else ante[2]
                else:
                    named.append((f.source[0], f.name, f.source_type))

    def _name(self, doc: Doc, span: Range) -> tuple[str, bool]:
        """(name, is it a name): a proper name in the span, or the phrase itself; False for a
        pronoun or a definite description that needs an antecedent."""
        toks = doc[span[0]:span[1]]
        org = self._spokesperson_org(doc, span)
        if org:
            return org, True
        cut = next((k for k, t in enumerate(toks) if k and (t.text in {",", "("} or self._dash(t))), len(toks))
        head, appos = list(toks[:cut]), list(toks[cut + 1:])
        chunks = self._chunks(doc, head)
        if not chunks and self._names_appositive(appos):
            chunks = self._chunks(doc, appos)[:1]
        if chunks:
            return self._alias(doc, chunks[-1]), True
        words = [t for t in head if not (t.is_punct and t.text not in {"&", "-"})]
        if [t.lower_ for t in words] and all(t.lower_ in self.pronouns for t in words):
            return words[0].text, False
        lowered = [t.lower_ for t in words]
        if lowered and lowered[0] not in {"a", "an"} and lowered[-1] in self.descriptions:
            return " ".join(t.text for t in words), False
        while words and words[0].lower_ in {"the", "a", "an"}:
            words = words[1:]
        words = words[:next((k for k, t in enumerate(words) if k and t.lower_ in self.connectors | {"from", "by", "in", "at"}), len(words))]
        text = doc[words[0].i:words[-1].i + 1].text if words else toks.text
        return text, True

    def _names_appositive(self, toks: list[Token]) -> bool:
        """'Leading plaintiff, the University of California,': the appositive is the name."""
        toks = toks[1:] if toks and toks[0].lower_ == "the" else toks
        return bool(toks) and toks[0].is_title and toks[0].lower_ not in self.not_names

    def _chunks(self, doc: Doc, toks: list[Token]) -> list[str]:
        """Capitalised word runs ('Ian Read', 'Joint Committee on Taxation'), not a lone
        sentence-initial word, a month or a weekday."""
        chunks, run = [], []
        toks = [t for k, t in enumerate(toks) if not any(u.lower_ in self.locatives for u in toks[max(0, k - 3):k])]
        for t in toks + [None]:
            cap = t is not None and _cap(t) and t.lower_ not in self.not_names \
                and not t.is_punct and not t.like_num
            link = t is not None and bool(run) and t.lower_ in self.connectors
            if cap or link:
                run.append(t)
                continue
            while run and run[-1].lower_ in self.connectors:
                run.pop()
            if run and not (len(run) == 1 and run[0].is_sent_start and not _camel(run[0].text)
                            and not self._known_name(doc, run[0])):
                chunks.append(doc[run[0].i:run[-1].i + 1].text)
            run = []
        return chunks

    def _known_name(self, doc: Doc, tok: Token) -> bool:
        """A sentence-initial word that the text also capitalises mid-sentence is a name."""
        return tok.text in self.mid_sentence or tok.is_upper

    def _alias(self, doc: Doc, name: str) -> str:
        """An acronym ('GM', 'CBO') becomes the full name the text gives ('General Motors')."""
        if not (name.isupper() and 2 <= len(name) <= 5 and name.isalpha()):
            return name
        words = r"\s+(?:of\s+|and\s+|for\s+|&\s+)?".join(rf"{c}[a-z]+" for c in name)
        m = re.search(rf"\b{words}\b", self.text)
        return m.group(0) if m else name

    def _spokesperson_org(self, doc: Doc, span: Range) -> str | None:
        """'a spokeswoman for Hanover Re' and 'Yukos spokesman X' speak for the organisation."""
        toks = list(doc[span[0]:span[1]])
        words = [t.lower_ for t in toks]
        for phrase in self.spokesperson:
            k = _index(words, phrase)
            if k < 0:
                continue
            after = toks[k + len(phrase):]
            if after and after[0].lower_ in {"for", "at", "of", "from"}:
                chunks = self._chunks(doc, after[1:])
                if chunks:
                    return chunks[0]
            chunks = self._chunks(doc, [t for t in toks[:k] if t.text not in {"'s", "’s"}])
            if chunks:
                return chunks[-1]
        return None

    def _antecedent(self, doc: Doc, span: Range, named: list[tuple[int, str, SourceType]]) -> tuple[int, str, SourceType] | None:
        """Whom a pronoun or a description stands for: 'he'/'she' the nearest earlier named
        source, 'it'/'the company' the nearest earlier sentence that starts with a name."""
        i = span[0]
        speaker = next((n for n in reversed(named) if n[0] < i), None)
        subject = None
        for sent in reversed(self.sents[:bisect_right(self.sent_starts, i - 1)]) if i else []:
            lead = self._subject(doc, sent)
            chunks = self._chunks(doc, list(doc[lead[0]:lead[1]])) if lead and lead[1] <= i else []
            if chunks:
                subject = (lead[0], self._alias(doc, chunks[0]), self._typed(doc, lead) or "other")
                break
        person = doc[i].lower_ in self.person_pronouns
        return (speaker or subject) if person else (subject or speaker)

    # -------------------------------------------------------------- output
    def _span(self, doc: Doc, r: Range | None) -> dict | None:
        if r is None:
            return None
        start, end = char_range(doc, r[0], r[1])
        return {"text": self.text[start:end], "start": start, "end": end}

    def _record(self, doc: Doc, found: list[Found], f: Found) -> dict:
        """The plain-data attribution; 'name' is the source as the chains give it."""
        return {"source": self._span(doc, f.source), "cue": self._span(doc, f.cue),
                "content": self._span(doc, f.content), "source_type": f.source_type if f.source else None,
                "parent": f.parent, "name": f.name, "chain": self._chain(doc, found, f, doc._.publisher)}

    # -------------------------------------------------------------- money
    def _attribute_money(self, doc: Doc, sents: list[Span], found: list[Found]) -> None:
        publisher = doc._.publisher
        contents = [char_range(doc, *f.content) if f.content else None for f in found]
        for rec in doc._.money or []:
            f = self._covering(doc, found, contents, rec)
            cue: str | None = None
            if f is not None and f.source is not None:
                cue = doc[f.cue[0]:f.cue[1]].text
            else:
                f = self._inherited(doc, sents, found, rec)
            rec["attribution"] = self._attribution(doc, found, f, cue, publisher)

    def _covering(self, doc: Doc, found: list[Found], contents: list[tuple[int, int] | None],
                  rec: dict) -> Found | None:
        """The innermost attribution whose content holds the figure, or whose source follows
        the figure directly ('the $27bn Russia says Yukos owes'). ``contents``: the character
        span of each attribution's content."""
        best: tuple[int, int, Found] | None = None
        for n, f in enumerate(found):
            if contents[n] is None:
                continue
            start_char, end_char = contents[n]
            if start_char <= rec["start"] and rec["end"] <= end_char:
                key = (end_char - start_char, -n)  # the innermost; a nested citation on a tie
            elif f.source and f.kind == "verbs" and 0 <= doc[f.source[0]].idx - rec["end"] <= 1:
                key = (0, -n)
            else:
                continue
            if best is None or key < best[:2]:
                best = (*key, f)
        return best[2] if best else None

    def _inherited(self, doc: Doc, sents: list[Span], found: list[Found], rec: dict) -> Found | None:
        """A report that frames its sentence ('According to industry reports, ...', 'Reports
        indicated ...') goes on in the next sentences of its paragraph; so does a quotation."""
        line = self.view.line(rec["start"])
        n = bisect_right(self.sent_start_chars, rec["start"]) - 1
        here = n if n >= 0 and rec["start"] < sents[n].end_char else None
        if line is None or here is None:
            return None
        for n in range(here - 1, max(-1, here - 1 - self.rules.inherit_sentences), -1):
            if sents[n].end_char <= line[0]:
                return None
            mine = [f for f in found if f.sentence == n and f.source is not None]
            if mine:
                top = next((f for f in mine if f.parent is None), mine[0])
                if sents[here].text.lstrip()[:1] in self.quotes:  # the quotation goes on
                    return top
                framed = min(top.cue[0], top.source[0]) - sents[n].start <= 2  # 'According to X, ...'
                return top if framed and top.source_type in self.rules.inherit_types else None
        return None

    def _attribution(self, doc: Doc, found: list[Found], f: Found | None, cue: str | None,
                     publisher: dict | None) -> dict:
        chain = self._chain(doc, found, f, publisher)
        if f is None or f.source is None:
            return {"source": None, "cue": None, "source_type": None, "chain": chain}
        return {"source": f.name, "cue": cue, "source_type": f.source_type, "chain": chain}

    def _chain(self, doc: Doc, found: list[Found], f: Found | None, publisher: dict | None) -> list[dict]:
        """Hops from the publisher through the citing attributions to f's source."""
        chain = [{"source": publisher["name"], "cue": None, "type": "publisher"}] if publisher else []
        path: list[Found] = []
        while f is not None and f not in path:
            path.append(f)
            f = found[f.parent] if f.parent is not None else None
        for h in reversed(path):
            hop = {"source": h.name, "cue": doc[h.cue[0]:h.cue[1]].text, "type": h.source_type}
            if h.source is not None and not (chain and chain[-1]["source"] == hop["source"]):
                chain.append(hop)
        return chain


# ------------------------------------------------------------------ byline
class _BylineReader:
    """'By LDS Team', '||By LDS Team', 'Pasukan Editorial BigGo' among the first lines."""

    def __init__(self, r: BylineRules) -> None:
        self.first_lines = r.first_lines
        seps = re.escape(r.separators)
        name = rf"(?P<name>[^\W\d_][\w.&'’-]*(?:[ \t]+[\w.&'’-]+){{0,{r.max_name_words - 1}}})"
        prefixes = "|".join(re.escape(p) for p in sorted(r.prefixes, key=len, reverse=True))
        self.prefixed = re.compile(rf"^[{seps}]*(?:{prefixes})[ \t:]+{name}[ \t]*$", re.IGNORECASE)
        self.team = {k.lower(): v for k, v in r.team_words.items()}
        words = "|".join(re.escape(k) for k in sorted(self.team, key=len, reverse=True))
        self.team_first = re.compile(rf"^[{seps}]*(?P<team>{words})[ \t]+{name}[ \t]*$", re.IGNORECASE)
        self.team_last = re.compile(rf"^[{seps}]*{name}[ \t]+(?P<team>{words})[ \t]*$", re.IGNORECASE)

    def read(self, text: str) -> dict | None:
        shown = [(s, e) for s, e in layout.lines(text) if text[s:e].strip()][: self.first_lines]
        for s, e in shown:
            line = text[s:e]
            for rx in (self.prefixed, self.team_first, self.team_last):
                m = rx.match(line)
                if m and _capitalised(m.group("name")):
                    name = m.group("name")
                    if "team" in m.groupdict():
                        name = f"{name} {self.team[m.group('team').lower()]}"
                    lead = len(line) - len(line.lstrip(" \t|/·•"))
                    return {"name": name, "text": line.strip(" \t|/·•"), "start": s + lead,
                            "end": s + len(line.rstrip())}
        return None


# ------------------------------------------------------------------ helpers
def _sibling(siblings: list[Found], i: int) -> Found | None:
    """The attribution an 'X said ..., adding ...' continuation at token i goes on from:
    the first of its sentence with a source."""
    return next((f for f in siblings if f.source is not None and f.cue[1] <= i), None)


def _cites(found: list[Found], i: int, j: int) -> bool:
    """Does attribution i already sit (directly or not) under attribution j?"""
    seen = set()
    while i is not None and i not in seen:
        if i == j:
            return True
        seen.add(i)
        i = found[i].parent
    return False


def _capitalised(name: str) -> bool:
    return all(w[:1].isupper() or not w[:1].isalpha() for w in name.split())


def _cap(tok: Token) -> bool:
    """A capitalised word: 'Reuters', 'SEC', 'CryptoBriefing'."""
    return tok.is_title or tok.is_upper or _camel(tok.text)


def _camel(text: str) -> bool:
    """'CryptoBriefing', 'eBay', 'iPhone': a name however the sentence starts."""
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


def _index(words: list[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    return next((k for k in range(len(words) - n + 1) if tuple(words[k:k + n]) == phrase), -1)


@Language.factory("claims_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp)
