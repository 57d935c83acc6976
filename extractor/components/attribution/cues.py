"""Cues: the cue phrases of a document (not inside a quotation, not used as a noun), each
read in the construction it stands in ('X said ...', '..., said X', 'according to X',
'is expected', 'X said ..., adding ...'), and nested citations linked to their holder."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Span

from . import phrases
from .phrases import after, back, content_of, forward, skip_left, trim
from .sources import known_name, leading_name, sourcelike, typed
from .lexicon import CUE_KINDS
from .state import DocState, Found, camel, cap, first

Cue = tuple[int, int, str]  # (start, end, kind)


# ------------------------------------------------------------------ finding cues
def find(st: DocState) -> list[Cue]:
    """(start, end, kind) of cue phrases, longest first where they overlap, outside
    furniture and quotations; sets ``st.cue_tokens``."""
    doc, lex = st.doc, st.lex
    skip = st.furniture | quoted(st)
    kinds: dict[tuple[int, int], set[str]] = {}
    for m, s, e in lex.matcher(doc):
        if s not in skip:
            kinds.setdefault((s, e), set()).add(doc.vocab.strings[m])
    kept: list[Cue] = []
    for s, e in sorted(kinds, key=lambda x: (x[0], -(x[1] - x[0]))):
        if not kept or s >= kept[-1][1]:
            kept.append((s, e, next(k for k in CUE_KINDS if k in kinds[(s, e)])))
    st.cue_tokens = {i for s, e, kind in kept if kind != "nouns" for i in range(s, e)}
    read: list[Cue] = []
    for s, e, kind in kept:
        if kind in {"verbs", "gerunds"} and noun_use(st, s, e):
            if "nouns" not in kinds[(s, e)]:
                continue
            kind = "nouns"  # 'the forecasts of analysts': the noun, not the verb
        read.append((s, e, kind))
    st.cue_tokens = {i for s, e, kind in read if kind != "nouns" for i in range(s, e)}
    return read


def quoted(st: DocState) -> set[int]:
    """Tokens inside a closed quotation of one line: the quoted speaker's own words."""
    doc, lex = st.doc, st.lex
    inside: set[int] = set()
    opened: tuple[int, str] | None = None
    columns = doc.to_array([ORTH, IS_SPACE])
    marks = numpy.isin(columns[:, 0], [doc.vocab.strings[q] for q in lex.quote_marks])
    for i in numpy.flatnonzero(marks | (columns[:, 1] == 1)).tolist():  # quote marks and blank tokens
        text = doc[i].text
        if "\n" in text:
            opened = None
        elif opened and text == opened[1]:
            inside.update(range(opened[0] + 1, i))
            opened = None
        elif opened is None and text in lex.quote_pairs and not (i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].is_alpha):
            opened = (i, lex.quote_pairs[text])  # not the apostrophe of "Yukos' assets"
    return inside


def figure_at(st: DocState, i: int) -> bool:
    """Does a figure start at token i ('292,000', '$1.89', 'about 300')?"""
    doc = st.doc
    if i < len(doc) and doc[i].lower_ in st.lex.figure_openers:
        i += 1
    return i < len(doc) and (doc[i].like_num or doc[i].is_currency or i in st.money_tokens)


def noun_use(st: DocState, start: int, end: int) -> bool:
    """Is the cue word used as a noun, an adjective or inside a name ('the report', 'its
    reported profit', 'value-added', 'United States')?"""
    doc, lex = st.doc, st.lex
    if start > 0 and not doc[start].is_sent_start and (cap(doc[start]) or not doc[start - 1].whitespace_):
        return True
    lead = skip_left(st, st.sent_starts[bisect_right(st.sent_starts, start) - 1], start, lex.modifiers)
    word = doc[start:end].text.lower()
    relative = word not in lex.ambiguous  # 'a paper that found': 'that' relates, it does not determine
    if any(k > 0 and doc[k - 1].lower_ in lex.determiners
           and not (relative and doc[k - 1].lower_ in lex.complementizers) for k in (start, lead)):
        return True
    nxt = doc[end] if end < len(doc) else None
    if word in lex.quantity_verbs and figure_at(st, end):
        return True  # 'added 292,000 jobs'
    if word not in lex.ambiguous:
        return False
    return nxt is not None and (nxt.lower_ in lex.noun_followers or end in st.cue_tokens)


# ------------------------------------------------------------------ one sentence
def read_sentence(st: DocState, sent: Span, n: int, cues: list[Cue]) -> list[Found]:
    """The attributions of sentence n, from its cues (or its headline colon)."""
    out: list[Found] = []
    sourced: Found | None = None  # the first attribution of the sentence with a source
    for start, end, kind in cues:
        f = _one(st, sent, start, end, kind, out, sourced)
        if f is not None:
            f.sentence = n
            out.append(f)
            sourced = sourced or (f if f.source is not None else None)
    # a cue noun inside the source of a verb ('an estimate by X projected ...') is that source;
    # a cue inside who cites a source ('sources cited by the FT') is that citation
    sources = _union([g.source for g in out if g.source])
    vias = _union([(g.via[0][0], g.via[1][1]) for g in out if g.via])
    out = [f for f in out if not ((f.kind == "nouns" and _inside(sources, f.cue[0])) or _inside(vias, f.cue[0]))]
    if not out and st.lex.rules.colon_headline and sent.start not in st.furniture:
        f = _colon(st, sent)
        if f is not None:
            f.sentence = n
            out.append(f)
    return out


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges merged into disjoint ones, in order."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _inside(merged: list[tuple[int, int]], i: int) -> bool:
    k = bisect_right(merged, (i, float("inf"))) - 1
    return k >= 0 and merged[k][0] <= i < merged[k][1]


def _one(st: DocState, sent: Span, start: int, end: int, kind: str, siblings: list[Found],
         sourced: Found | None) -> Found | None:
    doc, lex = st.doc, st.lex
    if kind == "adverbs":
        return Found(cue=(start, end), kind=kind, content=content_of(st, sent.start, sent.end, start), rule="source.adverb")
    if kind == "preposed":
        return _preposed(st, sent, start, end)
    if kind == "nouns":
        return _noun(st, sent, start, end)
    if kind == "nested":
        return _nested(st, sent, start, end, siblings) or _continuation(st, sent, start, end, "gerunds", sourced)
    cs = skip_left(st, sent.start, start, lex.modifiers)
    if kind == "verbs" and _passive(st, sent, start, end):
        return _passive_cue(st, sent, start, end)
    before = doc[cs - 1] if cs > sent.start else None
    if kind == "gerunds" and before is not None and before.lower_ in lex.passive_aux:
        return _verb(st, sent, cs - 1, start, end)  # 'X is touting ...'
    if (kind == "gerunds" and (before is None or before.text == "," or before.lower_ in lex.noun_followers | lex.boundaries)) or \
            (before is not None and before.lower_ in lex.conjunctions):
        return _continuation(st, sent, cs, end, kind, sourced)
    verb = _verb(st, sent, cs, start, end)
    if (verb is None or (verb.kind == "participle" and verb.source is None)) and doc[start:end].text.lower() in lex.nouns:
        return _noun(st, sent, start, end) or verb  # 'the $3.2bn consensus forecast'
    return verb


def _continuation(st: DocState, sent: Span, cs: int, end: int, kind: str, sourced: Found | None) -> Found | None:
    """'X said ..., adding ...', 'X rips ..., arguing ...', 'X called ... and threatened ...':
    the source of the clause the cue continues (the sentence's first attribution with a
    source before the cue, else the nearest clause before it that starts with a name)."""
    doc = st.doc
    content = after(st, sent, end)
    if sourced is not None and sourced.cue[1] <= cs:
        return Found(cue=(cs, end), kind=kind, source=sourced.source, name=sourced.name, content=content,
                     rule="source.continuation")
    if doc[cs:end].text.lower() in st.lex.ambiguous:  # 'cities and states': a noun
        return None
    source = _clause_source(st, sent, cs)
    return Found(cue=(cs, end), kind=kind, source=source, content=content, rule="source.clause_subject") if source else None


def _clause_source(st: DocState, sent: Span, cs: int) -> tuple[int, int] | None:
    """The name that starts the nearest clause (after a comma, or the sentence) before token
    cs. A clause before the last comma ends at that comma whatever cs is, so whether it starts
    with a name is computed once per document (``st.comma_leads``)."""
    commas = st.commas
    lo, k = bisect_left(commas, sent.start), bisect_left(commas, cs)
    if k == lo:  # no comma before the cue
        return leading_name(st, sent.start, cs)
    nearest = leading_name(st, commas[k - 1] + 1, cs)
    if nearest is not None:
        return nearest
    leads = _comma_leads(st)
    m = leads[k - 2] if k - 2 >= lo else -1
    return leading_name(st, commas[m] + 1 if m >= lo else sent.start, cs)


def _comma_leads(st: DocState) -> list[int]:
    """For each comma (by its index in ``st.commas``), the index of the nearest comma up to it
    that a name follows, -1 when there is none."""
    if st.comma_leads is None:
        leads, last = [], -1
        for m, c in enumerate(st.commas):
            sent_end = st.sents[bisect_right(st.sent_starts, c) - 1].end
            if leading_name(st, c + 1, sent_end) is not None:
                last = m
            leads.append(last)
        st.comma_leads = leads
    return st.comma_leads


def _verb(st: DocState, sent: Span, cs: int, start: int, end: int) -> Found | None:
    """'X said ...', '..., X said', '..., said X', 'X, a senior analyst, said'."""
    doc, lex = st.doc, st.lex
    word = doc[start:end].text.lower()
    before = doc[cs - 1] if cs > sent.start else None
    if before is not None and (before.text == "," or st.dash(before)):
        appos = phrases.appositive(st, sent, cs - 1)
        if appos and not phrases.quote_before(st, sent, cs - 1):
            return _posed(st, sent, cs, end, appos, "source.appositive") if _sense(st, word, appos, end) else None
    source = back(st, sent, cs)
    if source is not None:
        ends_well = word not in lex.ambiguous or (sourcelike(st, (source[1] - 1, source[1]))
                                                  and not _common_initial(st, source, end))
        if ends_well and sourcelike(st, source) and _sense(st, word, source, end):
            return _relative_object(st, sent, _posed(st, sent, cs, end, source, "source.reported_speech"))
        return _participle(st, sent, cs, end, word)
    if word in lex.invertible and before is not None and before.text in {",", ":"} | lex.quotes:
        source = forward(st, sent, end, commas=True)
        if source is not None and _inverted(st, sent, word, source, end):
            return Found(cue=(cs, end), kind="verbs", source=source, content=content_of(st, sent.start, cs, cs),
                         rule="source.inverted")
    return _relative_subject(st, sent, cs, end, word) or _participle(st, sent, cs, end, word)


def _inverted(st: DocState, sent: Span, word: str, source: tuple[int, int], end: int) -> bool:
    """Is '..., said X' an inverted report? Not when X begins with 'by' (a participle: '...,
    reported by X') nor when a verb follows a plain X ('..., said the offer was worth ...')."""
    doc = st.doc
    appositive = any(t.text == "," for t in doc[source[0]:source[1]])  # 'said Jane Doe, an economist who ...'
    return (_sense(st, word, source, end) and doc[source[0]].lower_ not in st.lex.agent_prepositions
            and (appositive or phrases.clause_ends(st, sent, source[1])))


def _relative_object(st: DocState, sent: Span, f: Found) -> Found:
    """'the $20bn that X says it is worth', 'a $27bn bill, which they claim is owed', 'a $27bn
    bill it says the company owes': the figure the relative clause is about is reported too."""
    doc, lex = st.doc, st.lex
    if f.rule != "source.reported_speech" or f.source is None or f.content is None:
        return f
    j = f.source[0]
    if j > sent.start and doc[j - 1].lower_ in lex.relatives | lex.complementizers:
        j -= 1
    elif not (doc[j].lower_ in lex.pronouns and j > sent.start and doc[j - 1].is_alpha and doc[j - 1].is_lower):
        return f  # no relative pronoun: only a pronoun source right after a noun ('the bill it says')
    figure = _figure_before_np(st, sent, j, lex.limits.relative_window)
    if figure is None:
        return f
    f.tail, f.rule = trim(st, figure, j), "source.relative_object"  # the figure's noun phrase is reported too
    return f


def _relative_subject(st: DocState, sent: Span, cs: int, end: int, word: str) -> Found | None:
    """'a paper that found ...', 'analysts, who said ...': the source is the noun phrase the
    relative pronoun stands for."""
    doc, lex = st.doc, st.lex
    rel = cs - 1
    if rel <= sent.start or doc[rel].lower_ not in lex.relatives | lex.complementizers:
        return None
    j = rel - 1 if doc[rel - 1].text == "," and rel - 1 > sent.start else rel
    source = back(st, sent, j)
    if source is None or not sourcelike(st, source) or not _sense(st, word, source, end):
        return None
    return Found(cue=(cs, end), kind="verbs", source=source, content=after(st, sent, end), rule="source.relative_subject")


def _participle(st: DocState, sent: Span, cs: int, end: int, word: str) -> Found | None:
    """'the $310m reported by rival Zembla', 'the $54bn widely expected on Wall Street', 'a
    $5bn deal announced on Monday': a participle after a figure reports it; its source, if
    any, follows ('by X', 'on/in/among X' when X is a source word, 'in a report by X')."""
    doc, lex = st.doc, st.lex
    if word not in lex.participles:
        return None
    figure = _figure_before_np(st, sent, cs, lex.limits.participle_window)
    if figure is None:
        return None
    source, k = None, end
    if k < sent.end and doc[k].lower_ in lex.participle_places:  # 'in a report by X', 'on Wall Street'
        agent = next((j for j in range(k + 1, min(k + 1 + lex.limits.place_agent_tokens, sent.end)) if doc[j].lower_ in lex.agent_prepositions), None)
        if agent is not None:
            k = agent
        else:
            place = forward(st, sent, k + 1, commas=False)
            timed = place is not None and doc[place[0]].lower_ in lex.time_words | lex.calendar_words
            source = place if place is not None and not timed and typed(st, place) not in {None, "other"} else None
    if source is None and k < sent.end and doc[k].lower_ in lex.agent_prepositions:
        agent_np = forward(st, sent, k + 1, commas=False)
        source = agent_np if agent_np is not None and sourcelike(st, agent_np) else None
    return Found(cue=(cs, end), kind="participle", source=source, content=trim(st, figure, cs),
                 rule="source.participle")


def _figure_before_np(st: DocState, sent: Span, i: int, window: int) -> int | None:
    """The first token of a figure in the noun phrase that ends at token i ('the $5.6bn
    commitment, detailed ...'): at most ``window`` words between, none of them a clause
    boundary, a preposition or a cue."""
    doc, lex = st.doc, st.lex
    j = i - 1 if i - 1 > sent.start and doc[i - 1].text == "," else i
    words = 0
    while j > sent.start:
        tok = doc[j - 1]
        if tok.i in st.money_tokens:
            while j - 1 > sent.start and (doc[j - 2].i in st.money_tokens or doc[j - 2].text in {"(", ")"}):
                j -= 1
            return j - 1
        if tok.text in {"(", ")"}:
            j -= 1
            continue
        if (st.stop(tok) or tok.lower_ in lex.noun_followers | lex.conjunctions | lex.agent_prepositions
                or words >= window):
            return None
        words += 1
        j -= 1
    return None


def _common_initial(st: DocState, source: tuple[int, int], end: int) -> bool:
    """A lone first word that is a common English word the text never capitalises elsewhere
    ('Insurance claims rose'): a common noun, not a name, before a cue that may be a noun and
    that no clause follows ('that', a quote, a colon)."""
    doc, lex = st.doc, st.lex
    tok = doc[source[0]]
    if end < len(doc) and (doc[end].lower_ in lex.complementizers or doc[end].text in lex.quotes | {":", ","}):
        return False
    return (source[1] - source[0] == 1 and tok.is_sent_start and tok.lower_ in lex.common_words
            and tok.lower_ not in lex.pronouns | lex.descriptions and not known_name(st, tok) and not camel(tok.text)
            and typed(st, source) is None)


def _sense(st: DocState, word: str, source: tuple[int, int], end: int) -> bool:
    """Is the verb used in its reporting sense? Not 'a firm called X' or 'called off', not
    'the company must show growth' (a data verb wants data or a document as its source),
    not 'maintain a pace' (a clause verb wants a clause)."""
    doc, lex = st.doc, st.lex
    nxt = doc[end].lower_ if end < len(doc) else ""
    if (word in lex.particle_verbs and nxt in lex.particles) or \
            (word in lex.naming and (doc[source[0]].lower_ in lex.indefinite or nxt in lex.indefinite)):
        return False  # 'called off', 'a firm called X', 'called a meeting'

    if word in lex.data_verbs and not any(t.lower_ in lex.data_nouns for t in doc[source[0]:source[1]]) \
            and typed(st, source) not in lex.data_source_types:
        return False
    if word in lex.gapped:  # 'put the cost at $9bn', not 'put pressure on'
        at = next((j for j in range(end, min(end + lex.limits.gap_tokens, len(doc))) if doc[j].lower_ == lex.gapped[word]), None)
        if at is None or not figure_at(st, at + 1):
            return False
    return not (word in lex.clause_verbs and nxt in lex.object_openers)


def _cause_only(st: DocState, word: str, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """'X blamed a $850m payout for a fall in profit to $1bn': X claims the cause; the effect
    after 'for' is the text's own."""
    if content is None or word not in st.lex.blame_verbs:
        return content
    effect = next((j for j in range(content[0] + 1, content[1]) if st.doc[j].lower_ in st.lex.blame_effects), None)
    return content if effect is None else trim(st, content[0], effect)


def _posed(st: DocState, sent: Span, cs: int, end: int, source: tuple[int, int], rule: str) -> Found:
    """Content after the cue, or before the source when the cue ends the clause."""
    doc = st.doc
    opened = source[0] > sent.start and (doc[source[0] - 1].text in {","} | st.lex.quotes
                                         or st.dash(doc[source[0] - 1]))
    source, via = _via(st, sent, source)
    tail = None
    if opened and phrases.clause_ends(st, sent, end, doc[cs:end].text.lower().split()[-1] in st.lex.listener_verbs):
        content = content_of(st, sent.start, source[0], source[0])
        rule = "source.postposed"
        tail = _tail(st, sent, end)
    else:
        content = _cause_only(st, doc[cs:end].text.lower().split()[-1], after(st, sent, end))
    return Found(cue=(cs, end), kind="verbs", source=source, content=content, rule=rule, tail=tail, via=via)


def _tail(st: DocState, sent: Span, i: int) -> tuple[int, int] | None:
    """', the ministry said, with exports up 12%': what follows a clause-final cue (from token
    i) and goes on with what was said."""
    doc = st.doc
    stop = first(st.clause_stops, i, sent.end)
    if stop is None or doc[stop].text != "," or stop + 1 >= sent.end or doc[stop + 1].lower_ not in st.lex.continuers:
        return None
    return content_of(st, stop + 1, sent.end, stop)


def _via(st: DocState, sent: Span, source: tuple[int, int]) -> tuple[tuple[int, int], tuple[tuple[int, int], tuple[int, int]] | None]:
    """'sources cited by the FT': the source ('sources') and who cites it ('cited by', 'the FT')."""
    doc = st.doc
    for k in range(source[0] + 1, min(source[1] + 1, sent.end - 2)):
        if (doc[k].lower_, doc[k + 1].lower_) in st.lex.citing:
            outer = (k + 2, source[1]) if k + 2 < source[1] else forward(st, sent, k + 2, commas=False)
            if outer is not None and sourcelike(st, outer):
                return (source[0], k), ((k, k + 2), outer)
    return source, None


def _preposed(st: DocState, sent: Span, start: int, end: int) -> Found | None:
    """'according to X, ...' and '..., according to X'."""
    doc = st.doc
    source = forward(st, sent, end, commas=False)
    if source is None or not sourcelike(st, source):
        return None
    source, via = _via(st, sent, source)
    cited_end = via[1][1] if via else source[1]
    words_before = st.words_upto[start] - st.words_upto[sent.start]
    tail = None
    if words_before >= st.lex.limits.preposed_content_words and doc[start - 1].text == ",":
        content = content_of(st, sent.start, start, start)
        if cited_end + 1 < sent.end and doc[cited_end].text == ",":  # 'The outlay, according to X, marks ...'
            tail = content_of(st, cited_end + 1, sent.end, cited_end)
    else:
        comma = first(st.commas, cited_end, sent.end)
        content = content_of(st, (cited_end - 1 if comma is None else comma) + 1, sent.end, start)
    return Found(cue=(start, end), kind="preposed", source=source, content=content, rule="source.according_to",
                 tail=tail, via=via)


def _noun(st: DocState, sent: Span, start: int, end: int) -> Found | None:
    """Nominal cues: 'analysts' forecasts of $61m', 'market expectations of $42m', 'criticism
    from X', 'complaints from X that ...', 'X's remarks about ...', 'news that ...' (no
    source). A cue noun with no content after it ('the forecast was cut') is no attribution."""
    doc, lex = st.doc, st.lex
    word, k, source = doc[start:end].text.lower(), end, None
    if k < sent.end and doc[k].lower_ in lex.noun_agents:
        agent = forward(st, sent, k + 1, commas=False)
        if agent is not None and sourcelike(st, agent):
            source, k = agent, agent[1]
    source = source or phrases.possessor(st, sent, start) or _modifier_source(st, sent, start)
    link = doc[k].lower_ if k < sent.end else ""
    figure = link == "of" and word in lex.figure_nouns and figure_at(st, k + 1)
    if figure and source is None:  # 'the estimate of $4bn by the Treasury'
        j = min(phrases.figure_end(st, k + 1), sent.end)
        agent = forward(st, sent, j + 1, commas=False) if j < sent.end and doc[j].lower_ in lex.noun_agents else None
        source = agent if agent is not None and sourcelike(st, agent) else None
    if link in lex.complementizers:
        content = after(st, sent, k)
    elif source is not None and figure:
        content = content_of(st, k + 1, min(phrases.figure_end(st, k + 1), sent.end), k)
    elif source is not None and link in lex.noun_links:
        stop = first(st.clause_stops, k + 1, sent.end)
        content = content_of(st, k + 1, sent.end if stop is None else stop, k)
    elif word in lex.figure_nouns and _figure_before(st, sent, start - (source == (start - 1, start))):
        content = _figure_before(st, sent, start - (source == (start - 1, start)))  # 'the $54bn consensus forecast'
    else:
        return None
    return Found(cue=(start, end), kind="nouns", source=source, content=content, rule="source.nominal")


def _figure_before(st: DocState, sent: Span, i: int) -> tuple[int, int] | None:
    """The figure that ends right before token i ('the $54bn forecast')."""
    j = i
    while j > sent.start and j - 1 in st.money_tokens:
        j -= 1
    return (j, i) if j < i else None


def _modifier_source(st: DocState, sent: Span, start: int) -> tuple[int, int] | None:
    """'market expectations', 'Brindle forecasts': the word before the cue noun names its maker."""
    if start <= sent.start:
        return None
    prev = st.doc[start - 1]
    if prev.lower_ in st.lex.modifier_sources or (cap(prev) and not prev.is_sent_start and prev.lower_ not in st.lex.not_names):
        return (start - 1, start)
    return None


def _nested(st: DocState, sent: Span, start: int, end: int, siblings: list[Found]) -> Found | None:
    """'reports citing informed sources': a source cited inside the previous attribution."""
    source = forward(st, sent, end, commas=False)
    if source is not None and typed(st, source) not in {None, "other"} and siblings:
        parent = siblings[-1]
        return Found(cue=(start, end), kind="nested", source=source, content=parent.content,
                     parent=len(siblings) - 1, rule="source.nested")
    return None


def _passive(st: DocState, sent: Span, start: int, end: int) -> bool:
    lex = st.lex
    aux = skip_left(st, sent.start, start, lex.modifiers | lex.negations)
    return st.doc[start:end].text.lower() in lex.passive and aux > sent.start and st.doc[aux - 1].lower_ in lex.passive_aux


def _passive_cue(st: DocState, sent: Span, start: int, end: int) -> Found:
    """'is expected', 'are said to be', 'was reported by X'."""
    lex = st.lex
    aux = skip_left(st, sent.start, start, lex.modifiers | lex.negations) - 1
    source = None
    if end < sent.end and st.doc[end].lower_ in lex.agent_prepositions:
        source = forward(st, sent, end + 1, commas=False)
    return Found(cue=(aux, end), kind="passive", source=source, content=content_of(st, sent.start, sent.end, aux),
                 rule="source.passive_agent" if source else "source.passive")


def _colon(st: DocState, sent: Span) -> Found | None:
    """A headline 'Name: what they say'."""
    doc, lex = st.doc, st.lex
    if first(st.colons, sent.start + 1, min(sent.start + lex.limits.colon_head_tokens, sent.end)) is None:
        return None
    toks = list(doc[sent.start:min(sent.start + lex.limits.colon_head_tokens, sent.end)])
    colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
    if not colon or len(sent) - colon < lex.limits.colon_content_tokens:
        return None
    head = toks[:colon]
    if not all(t.is_title or t.is_upper for t in head) or any(t.lower_ in lex.not_names for t in head):
        return None
    headline = not st.text[:head[0].idx].strip()
    if not headline and all(t.lower_ in lex.common_words and not known_name(st, t) and not t.is_upper for t in head):
        return None  # in the body, a common word before a colon is a label ('Note:', 'Update:'), not a name
    c = sent.start + colon
    return Found(cue=(c, c + 1), kind="colon", source=(sent.start, c), content=content_of(st, c + 1, sent.end, c),
                 rule="source.headline_colon")


# ------------------------------------------------------------------ nesting
def link(st: DocState, found: list[Found]) -> None:
    """A cue inside another attribution's content is cited by it (nested citation): the
    innermost holder among the nearest attributions of its sentence."""
    window, hops = st.lex.limits.holder_window, st.lex.limits.chain_hops
    for i, f in enumerate(found):
        if f.kind == "nested":
            f.parent = i - 1
            continue
        if f.source is None:
            continue
        near = range(max(0, i - window), min(len(found), i + window + 1))
        holders = [(h.content[1] - h.content[0], j) for j in near for h in (found[j],)
                   if j != i and h.sentence == f.sentence and h.content and h.source is not None
                   and h.content[0] <= f.source[0] and f.cue[1] <= h.content[1] and not _cites(found, j, i, hops)]
        if holders:
            f.parent = min(holders)[1]
            f.content = _own_clause(st, f.content)


def _own_clause(st: DocState, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """A cited clause ends where the citing text goes on with a new subject: 'Meta projects
    $115 billion and Oracle has earmarked $35 billion'."""
    if content is None:
        return None
    join = first(st.clause_joins, content[0], content[1] - 2)
    return content if join is None else trim(st, content[0], join)


def _cites(found: list[Found], i: int | None, j: int, hops: int) -> bool:
    """Does attribution i already sit (directly or not, at most ``hops`` levels down) under
    attribution j?"""
    for _ in range(hops + 1):
        if i is None:
            return False
        if i == j:
            return True
        i = found[i].parent
    return False
