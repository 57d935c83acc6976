"""Sources: whether a span can speak, its source type, the name it gives, and whom a pronoun
or a description ('it', 'the company') stands for."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count, islice, takewhile


from ...models import SourceType
from ...names import acronyms
from .lexicon import Lexicon
from .state import DocState, Found, Range, Sent, cap, camel, index

Named = tuple[int, str, SourceType]  # (token, name, type) of a named source


def sourcelike(st: DocState, span: Range) -> bool:
    """Does a span name someone who can say something?"""
    lex, lower = st.lex, st.lower
    if not lex.speaking.isdisjoint(lower[span[0]:span[1]]) or typed(st, span) is not None:
        return True
    for i in range(*span):
        word = st.words[i]
        if word.isalpha() and cap(word) and lower[i] not in lex.not_names:
            return True
    return False


def typed(st: DocState, span: Range) -> SourceType | None:
    """The source type whose lexicon the span mentions; None when none does (once per span)."""
    if span not in st.types:
        words = st.lower[span[0]:span[1]]
        present, lex = set(words), st.lex
        st.types[span] = None
        if lex.type_starts is None or not lex.type_starts.isdisjoint(present):
            joined = " ".join(words)
            for kind, phrases, starts in lex.types:
                if (starts is None or not starts.isdisjoint(present)) and phrases.search(joined):
                    st.types[span] = kind
                    break
    return st.types[span]


def leading_name(st: DocState, i: int, end: int) -> Range | None:
    """The name or description that starts at token i ('Sanders', 'The company')."""
    words = st.lex.subject_words
    j = i
    while j < end and (cap(st.words[j]) or st.lower[j] in words):
        j += 1
    return (i, j) if j > i and sourcelike(st, (i, j)) else None


def subject(st: DocState, sent: Sent) -> Range | None:
    """The leading name of a sentence ('Lord Browne rejected ...'), after its dateline if it
    has one ('LONDON (Reuters) - ') and a description before it ('Brazilian low-cost carrier
    Voare has ordered ...')."""
    start = sent.start
    while start < sent.end and start in st.furniture:
        start += 1
    return leading_name(st, _after_description(st, start, sent.end), sent.end)


def _after_description(st: DocState, i: int, end: int) -> int:
    """Where the name after a leading description starts: a nationality or a '-based' word, then
    a few lower-case words ending in a description noun ('US private equity firm
    Castellan'); ``i`` when there is none."""
    lex, j = st.lex, i
    if j < end and (st.words[j] in lex.demonyms or st.words[j] in lex.places or st.lower[j].endswith("-based")):
        j += 1
    k = j
    while k < end and k - j < 6 and (st.words[k] == "-" or st.words[k].islower() and st.words[k].isalpha()):
        k += 1  # 'low-cost' is three tokens
    return k if k > j and k < end and cap(st.words[k]) and st.lower[k - 1] in lex.descriptions else i


@dataclass
class Speaker:
    """A named source met earlier in the document."""

    token: int
    name: str
    type: SourceType
    sentence: int
    person: bool
    plural: bool


class Speakers:
    """The named sources so far, in text order, looked up from the latest back, at most
    ``window`` of them per question (a source of a later token of the same sentence is
    skipped)."""

    def __init__(self, window: int) -> None:
        self.window = window
        self.all: list[Speaker] = []
        self.by_type: dict[SourceType, list[Speaker]] = {}

    def add(self, sp: Speaker) -> None:
        self.all.append(sp)
        self.by_type.setdefault(sp.type, []).append(sp)

    def before(self, i: int, kind: SourceType | None = None) -> list[Speaker]:
        """The latest sources before token i (of one type if given), the nearest first."""
        pool = self.all if kind is None else self.by_type.get(kind, [])
        return [sp for sp in islice(reversed(pool), self.window) if sp.token < i]

    def recent(self, i: int, sentence: int, sentences: int) -> list[Speaker]:
        """The sources before token i in the last ``sentences`` sentences, the nearest first."""
        return list(takewhile(lambda sp: sentence - sp.sentence <= sentences, self.before(i)))


def name_all(st: DocState, found: list[Found]) -> None:
    """Type and name every source; a pronoun or a description takes its antecedent's name."""
    speakers = Speakers(st.lex.limits.holder_window)  # earlier named sources
    for f in found:
        if f.source is None:
            continue
        f.source_type = typed(st, f.source) or "other"
        if f.via is not None:
            f.via_name, f.via_type = name(st, f.via[1])[0], typed(st, f.via[1]) or "other"
        if f.name is not None:
            continue
        f.name, resolved = name(st, f.source)
        if resolved:
            speakers.add(Speaker(f.source[0], f.name, f.source_type, f.sentence, person_source(st, f.source, f.name),
                                    _plural(st, f.source)))
            continue
        ante = antecedent(st, f.source, f.sentence, speakers)
        if ante is not None:
            f.name = ante[1]
            f.source_type = f.source_type if f.source_type != "other" else ante[2]


def person_source(st: DocState, span: Range, name_: str) -> bool:
    """Is the source a person ('chief executive Jo Bloggs', 'Mr Tarrow'), not the organisation
    a spokesperson speaks for?"""
    return not st.lex.person_words.isdisjoint(st.lower[span[0]:span[1]]) and spokesperson_org(st, span) is None


def _plural(st: DocState, span: Range) -> bool:
    """Does the source name several ('two people familiar with the matter', 'analysts')?"""
    lex, lower = st.lex, st.lower
    common = [lower[i] for i in range(*span) if st.words[i].islower() or (i == span[0] and st.sent_start[i])]  # not 'Times'
    return any(w in lex.plural_words or (w.endswith("s") and not w.endswith("ss")
                                         and (w in lex.type_words or w in lex.descriptions)) for w in common)


def name(st: DocState, span: Range) -> tuple[str, bool]:
    """(name, is it a name): a proper name in the span, or the phrase itself; False for a
    pronoun or a definite description that needs an antecedent."""
    lex, texts, lower = st.lex, st.words, st.lower
    org = spokesperson_org(st, span)
    if org:
        return org, True
    issued = next((k for k in range(span[0], span[1] - 2) if lower[k] in lex.data_nouns
                   and lower[k + 1] in lex.issuer_prepositions), None)
    issuer = (issued + 2, span[1]) if issued is not None else None
    if issuer and (typed(st, issuer) is not None or chunks(st, range(*issuer))):  # not 'reports from late 2025'
        found, named = name(st, issuer)  # 'a statement from the claimants' lawyers', 'a report by the Ledger': who issued it
        if not named and typed(st, issuer) not in (None, "other", "company"):
            return found, True  # 'Data from the central bank showed': the bank, though the text names none
        return found, named
    cut = next((k for k in range(span[0] + 1, span[1]) if texts[k] in {",", "("} or st.dash(k)), span[1])
    head, appos = range(span[0], cut), range(cut + 1, span[1])
    words = [i for i in head if not (texts[i] not in {"&", "-"} and st.punct(i))]
    at = employer(st, words)
    if at is not None:  # 'Analysts at Brixton Mercer', 'an economist at investment bank Halvern Securities'
        return st.span_text(at, words[-1] + 1), True
    found = [c for c in chunks(st, head) if c not in lex.demonyms]
    if names_appositive(st, appos) and (not found or not lex.person_words.isdisjoint(lower[k] for k in head)):
        found = chunks(st, appos)[:1] or found  # "Tellan's chief financial officer, Omar Haddad,": the person
    if found:
        return alias(st, found[-1]), True
    while words and texts[words[-1]] in lex.possessives:  # "the company's"
        words = words[:-1]
    lowered = [lower[i] for i in words]
    if lowered and all(w in lex.pronouns for w in lowered) or lowered == [lower[span[0]]] and lowered[0] in lex.possessive_determiners:
        return texts[words[0]], False  # 'it', or 'their' of 'their forecast': whom it stands for
    if len(lowered) > 1 and lowered[0] in lex.possessive_determiners and lowered[-1] in lex.data_nouns:
        return st.span_text(words[0], words[-1] + 1), False  # 'its offer document': its owner
    if _glued(lex, lowered):  # 'sources close to the company': the sources, not the company
        first = next((i for i in words if lower[i] not in lex.articles), words[0])
        return st.span_text(first, words[-1] + 1), True
    if lowered and lowered[0] not in lex.indefinite and lowered[-1] in lex.descriptions:
        named = texts[words[-1]][:1].isupper()  # "analysts at Ledger Bank" is named, "the bank" is not
        return st.span_text(words[0], words[-1] + 1), named
    if lowered and lowered[0] in lex.definite and typed(st, span) not in {None, "other"}:
        return st.span_text(words[0], words[-1] + 1), False  # 'the sources', 'the paper': someone named before
    while words and lower[words[0]] in lex.articles:
        words = words[1:]
    part = 2 if len(words) > 2 and lower[words[0]] in lex.partitives and lower[words[1]] == "of" else 1  # 'one of its shareholders'
    words = words[:next((k for k, i in enumerate(words) if k >= part and lower[i] in lex.name_enders), len(words))]
    text = st.span_text(words[0], words[-1] + 1) if words else st.span_text(*span)
    return text, True


def _glued(lex: Lexicon, lowered: list[str]) -> bool:
    """Does a glue phrase ('close to', 'familiar with') join the source's head to what it knows?"""
    return any(tuple(lowered[k:k + len(g)]) == g for g in lex.glue for k in range(1, len(lowered) - len(g)))


def names_appositive(st: DocState, toks: range) -> bool:
    """'Leading plaintiff, the University of California,': the appositive is the name."""
    toks = toks[1:] if toks and st.lower[toks[0]] in st.lex.definite else toks
    return bool(toks) and st.words[toks[0]].istitle() and st.lower[toks[0]] not in st.lex.not_names


def chunks(st: DocState, toks: Sequence[int]) -> list[str]:
    """Capitalised word runs ('Ian Read', 'Joint Committee on Taxation') among the tokens
    given, not a lone sentence-initial word, a month or a weekday."""
    lex, texts, lower = st.lex, st.words, st.lower
    not_names, connectors = lex.not_names, lex.connectors
    kept: Sequence[int] = toks
    if not lex.locatives.isdisjoint(map(lower.__getitem__, toks)):
        window, kept, place = lex.limits.locative_window, [], None  # not within ``window`` after 'in', 'at'
        for k, t in enumerate(toks):
            if place is None or k - place > window:
                kept.append(t)  # type: ignore[attr-defined]
            if lower[t] in lex.locatives and not _after_data(st, t):
                place = k
    out: list[str] = []
    run: list[int] = []
    for t in [*kept, None]:
        if t is not None and ((cap(texts[t]) and lower[t] not in not_names and not st.punct(t) and not st.num(t)
                               and t not in st.furniture and not _modifier_compound(st, t))
                              or (run and lower[t] in connectors) or (run and _name_hyphen(st, t))):
            run.append(t)
            continue
        while run and lower[run[-1]] in connectors:
            run.pop()
        if run and not (len(run) == 1 and st.sent_start[run[0]] and not camel(texts[run[0]])
                        and not known_name(st, run[0]) and lower[run[0]] in lex.common_words):
            out.append(st.span_text(run[0], run[-1] + 1))
        run = []
    return out


def _name_hyphen(st: DocState, t: int) -> bool:
    """The hyphen inside a name ('Rolls-Royce', 'Coca-Cola'): unspaced, a capital after it."""
    texts = st.words
    return texts[t] == "-" and t + 1 < len(texts) and not st.spaced(t - 1) and not st.spaced(t) and cap(texts[t + 1])


def _modifier_compound(st: DocState, t: int) -> bool:
    """'Nordvik-based', 'US-listed': a name joined by a hyphen to a lower-case word describes
    the noun after it; it does not name the source."""
    texts = st.words
    return t + 2 < len(texts) and texts[t + 1] == "-" and not st.spaced(t) and not st.spaced(t + 1) \
        and texts[t + 2].isalpha() and texts[t + 2].islower()


def _after_data(st: DocState, i: int) -> bool:
    """'a report in the Zemblan Post': after a data or document noun, 'in' names the outlet, not a place."""
    return i > 0 and st.lower[i - 1] in st.lex.data_nouns


def employer(st: DocState, words: list[int]) -> int | None:
    """'analysts at Brixton Mercer', 'an economist at Halvern', 'analysts at brokerage Araucária':
    a person word, 'at', at most limits.employer_kind_words lower-case words, then a capitalised
    name (a place for ``chunks``, the employer here): the employer's first token, which names
    the source (its type, from the person word, says analysts)."""
    lex, lower = st.lex, st.lower
    for k in range(1, len(words) - 1):
        person = lower[words[k - 1]]
        if lower[words[k]] != "at" or not (
                person in lex.person_words or (person.endswith("s") and person[:-1] in lex.person_words)):
            continue
        j = k + 1  # 'analysts at brokerage Araucária', 'an economist at investment bank Halvern': its kind first
        while j < len(words) - 1 and j - k <= lex.limits.employer_kind_words and st.words[words[j]].isalpha() \
                and st.words[words[j]].islower():
            j += 1
        if cap(st.words[words[j]]):
            return words[j]
    return None


def known_name(st: DocState, i: int) -> bool:
    """A sentence-initial word that the text also capitalises mid-sentence is a name."""
    return st.words[i].isupper() or st.words[i] in st.mid_sentence


def alias(st: DocState, text: str) -> str:
    """An acronym ('GM', 'CBO') becomes the full name the text gives ('General Motors'): the
    first run of capitalised words with those initials, 'of', 'and', 'for', '&' allowed between."""
    limits = st.lex.limits
    if not (text.isupper() and limits.acronym_min_letters <= len(text) <= limits.acronym_max_letters and text.isalpha()):
        return text
    if st.acronyms is None:
        st.acronyms = acronyms(st.text, limits.acronym_min_letters, limits.acronym_max_letters)
    return st.acronyms.get(text, text)


def spokesperson_org(st: DocState, span: Range) -> str | None:
    """'a spokeswoman for Hanover Re' and 'Yukos spokesman X' speak for the organisation."""
    lex = st.lex
    words = st.lower[span[0]:span[1]]
    if lex.spokesperson_starts is not None and lex.spokesperson_starts.isdisjoint(words):
        return None
    for phrase in lex.spokesperson:
        k = index(words, phrase)
        if k < 0:
            continue
        after = range(span[0] + k + len(phrase), span[1])
        if after and st.lower[after[0]] in lex.spokesperson_prepositions:
            found = chunks(st, after[1:])
            if found:
                return found[0]
        found = chunks(st, [i for i in range(span[0], span[0] + k) if st.words[i] not in lex.possessives])
        if found:
            return found[-1]
    return None


def antecedent(st: DocState, span: Range, sentence: int, speakers: Speakers) -> Named | None:
    """Whom a pronoun or a description stands for. 'he'/'she': the nearest earlier named
    source, else the nearest earlier sentence that starts with a name. 'they': a source of
    several in the sentences just before. 'the paper', 'the sources' (a description with a
    source type): the nearest earlier source of that type, else nobody. 'it', 'the company':
    the source of the sentences just before when it is no person, else the nearest earlier
    sentence that starts with a name, else the nearest named source."""
    lex = st.lex
    i = span[0]
    recent = speakers.recent(i, sentence, lex.limits.anaphora_sentences)
    words = st.lower[span[0]:span[1]]
    if words == [words[0]] and words[0] in lex.possessive_determiners and (own := _own_lead(st, i)) is not None:
        return own  # 'Analysts at Ostrand raised their forecast': the analysts
    kind = typed(st, span)
    if words[0] in lex.definite and kind not in {None, "other", "company"}:  # 'the report', 'the sources'
        same = next(iter(speakers.before(i, kind)), None)
        if same is not None:
            return same.token, same.name, same.type
        return _typed_name_before(st, i, sentence, kind) if kind == "official" else None
    if words[0] in lex.definite and words[-1] in lex.descriptions and words[-1] not in lex.general_descriptions:
        # 'the insurer': 'US insurer Marsh' before ('the group' is whoever spoke just before)
        described = _described(st, words[-1], i)
        if described is not None:
            return described
    if words[0] in lex.plural_pronouns:
        several = next((sp for sp in recent if sp.plural), None)
        if several is not None:
            return several.token, several.name, several.type
        group = _plural_lead(st, i)
        if group is not None:
            return group
    speaker = next(iter(speakers.before(i)), None)
    lead_name = lead_before(st, i) if i else None
    if words[0] in lex.person_pronouns:
        return _named(speaker) or lead_name
    org = words[0] not in lex.pronouns  # 'the company', 'the insurer': a company or a name, not a paper or a minister
    thing = next((sp for sp in recent[:1] if not sp.person and not sp.plural and (not org or sp.type in lex.thing_types)),
                 None)
    own = _own_lead(st, i)  # 'Veltora had set aside CHF 450m, it said': the sentence's own subject
    if org and own is not None and own[1] in lex.demonyms:  # 'The British recall will cost £31m, the company said':
        own = None  # no one; the name that leads the sentence before
        lead_name = lead_before(st, st.sent_starts[bisect_right(st.sent_starts, i) - 1])
    found = next((c for c in (own, _named(thing), lead_name, _named(speaker))
                  if c is not None and not (words[0] in lex.definite and c[1] in lex.places)), None)
    # 'the airline' is no country ('its central bank' is a country's)
    if found and org and lex.name_kinds.fits(words[-1], found[1]) is False:
        return None  # 'the bank said' after 'Brannock Steel agreed...': no steelmaker is the bank
    return found


def _typed_name_before(st: DocState, i: int, sentence: int, kind: SourceType) -> Named | None:
    """'... a penalty of $165m to the National Highway Traffic Safety Administration. A further
    $55m is deferred, the agency said': the nearest name of the source's type (an official's
    body) in the sentences just before (limits.anaphora_sentences, at most
    limits.body_lookback_tokens back), the nearest first."""
    lex = st.lex
    floor = i - lex.limits.body_lookback_tokens
    for n in range(sentence, max(-1, sentence - lex.limits.anaphora_sentences - 1), -1):
        start, end = st.sents[n]
        if end <= floor:
            break
        names = [c for c in chunks(st, range(max(start, floor), min(end, i))) if len(c.split()) > 1]
        for name in reversed(names):
            words = name.lower().split()
            if any(k == kind and phrases.search(" ".join(words)) for k, phrases, _ in lex.types):
                return start, name, kind
    return None


def _plural_lead(st: DocState, i: int) -> Named | None:
    """'Prosecutors want ..., which they claim ...': a plural noun phrase that starts i's
    sentence or the one before."""
    n = bisect_right(st.sent_starts, i - 1) - 1
    for sent in st.sents[max(0, n - 1):n + 1][::-1]:
        lead = subject(st, sent)
        if lead is not None and lead[1] <= i and _plural(st, lead):
            words = [k for k in range(*lead) if st.lower[k] not in st.lex.articles]
            if words:
                return lead[0], st.span_text(words[0], lead[1]), typed(st, lead) or "other"
    return None


def _described(st: DocState, noun: str, i: int) -> Named | None:
    """The nearest name before token i that the text describes with this noun: 'insurer
    Marsh', 'Marsh, the insurer' (indexed once per document)."""
    if st.described is None:
        st.described = _descriptions(st)
    found = st.described.get(noun, [])
    k = bisect_right(found, (i,)) - 1
    while k >= 0 and found[k][0] >= i:
        k -= 1
    return (found[k][0], found[k][1], "other") if k >= 0 else None


def _descriptions(st: DocState) -> dict[str, list[tuple[int, str]]]:
    """Description noun -> (token, name) of the names it describes, in text order."""
    lex, texts, lower = st.lex, st.words, st.lower
    longest = lex.limits.appositive_head_tokens
    out: dict[str, list[tuple[int, str]]] = {}
    for i in st.lowered(lex.descriptions):
        if not texts[i].islower():
            continue
        j = i + 1  # 'insurer Marsh'
        while j < len(texts) and j - i <= longest and (cap(texts[j]) or (lower[j] in lex.connectors and j > i + 1)):
            j += 1
        run = [u for u in range(i + 1, j) if lower[u] not in lex.not_names]
        if not run and i >= 3 and lower[i - 1] in lex.articles and texts[i - 2] == ",":
            k = i - 2  # 'Marsh, the insurer'
            while k > 0 and i - 2 - k < longest and cap(texts[k - 1]):
                k -= 1
            run = [u for u in range(k, i - 2) if lower[u] not in lex.not_names]
        if run:
            out.setdefault(lower[i], []).append((i, st.span_text(run[0], run[-1] + 1)))
    kinds = lex.name_kinds
    for i in compress(count(), map(kinds.nouns_of.__contains__, texts)):  # 'Halden Bank', 'Bank of Halden'
        after = i + 1 < len(texts) and cap(texts[i + 1])
        of = i + 2 < len(texts) and lower[i + 1] == kinds.connector and cap(texts[i + 2])
        if after and not of:
            continue  # a word inside a name, not its head
        k = i
        while k > 0 and i - k < longest and cap(texts[k - 1]) and lower[k - 1] not in lex.not_names:
            k -= 1
        end = i + 3 if of else i + 1
        while of and end < len(texts) and end - i < longest and cap(texts[end]):
            end += 1
        if k < i or of:
            for noun in kinds.nouns_of[texts[i]]:
                out.setdefault(noun, []).append((i, st.span_text(k, end)))
    for found in out.values():
        found.sort()
    return out


def _named(sp: Speaker | None) -> Named | None:
    return (sp.token, sp.name, sp.type) if sp else None


def _lead_ending_by(st: DocState, n: int, i: int) -> Named | None:
    """The leading name of sentence n, when that name ends by token i."""
    here = _sentence_lead(st, n)
    return (here[0], here[2], here[3]) if here is not None and here[1] <= i else None


def _own_lead(st: DocState, i: int) -> Named | None:
    """The leading name of token i's own sentence, when that name ends before i."""
    return _lead_ending_by(st, bisect_right(st.sent_starts, i) - 1, i)


def lead_before(st: DocState, i: int) -> Named | None:
    """The leading name of the nearest sentence before token i (or of i's own sentence, when
    that name ends by i)."""
    n = bisect_right(st.sent_starts, i - 1) - 1
    here = _lead_ending_by(st, n, i)
    if here is not None:
        return here
    m = _named_before(st, n - 1)
    lead = _sentence_lead(st, m) if m >= 0 else None
    return (lead[0], lead[2], lead[3]) if lead else None


def _sentence_lead(st: DocState, n: int) -> tuple[int, int, str, SourceType] | None:
    """(start, end, name, type) of the name sentence n starts with, once per sentence."""
    if n not in st.sentence_leads:
        lead = subject(st, st.sents[n])
        found = chunks(st, range(*lead)) if lead else []
        st.sentence_leads[n] = (lead[0], lead[1], alias(st, found[0]), typed(st, lead) or "other") if lead and found else None
    return st.sentence_leads[n]


def _named_before(st: DocState, n: int) -> int:
    """The nearest sentence up to n that starts with a name (-1 for none); each sentence is
    looked at once per document."""
    walked = []
    while n >= 0 and n not in st.named_before and _sentence_lead(st, n) is None:
        walked.append(n)
        n -= 1
    found = st.named_before.get(n, n) if n >= 0 else -1
    for k in walked:
        st.named_before[k] = found
    return found
