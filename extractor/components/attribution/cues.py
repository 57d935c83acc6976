"""Cues: the cue phrases of a document (not inside a quotation, not used as a noun), each
read in the construction it stands in ('X said ...', '..., said X', 'according to X',
'is expected', 'X said ..., adding ...'), and nested citations linked to their holder."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from . import phrases
from .phrases import after, back, content_of, forward, skip_left, trim
from .sources import chunks, known_name, leading_name, sourcelike, typed
from .lexicon import CUE_RANK
from .state import DocState, Found, Sent, camel, cap, first
from ..view import disjoint, inside

Cue = tuple[int, int, str]  # (start, end, kind)


# ------------------------------------------------------------------ finding cues
def find(st: DocState) -> list[Cue]:
    """(start, end, kind) of cue phrases, longest first where they overlap, outside
    furniture and quotations; sets ``st.cue_tokens``."""
    doc, lex = st.doc, st.lex
    quotes = quoted(st)
    kinds: dict[tuple[int, int], set[str]] = {}
    for m, s, e in lex.matcher(doc):
        if s not in st.furniture and not inside(quotes, s):
            kinds.setdefault((s, e), set()).add(lex.kind_of[m])
    kept: list[Cue] = []
    for s, e in sorted(kinds, key=lambda x: (x[0], -(x[1] - x[0]))):
        if not kept or s >= kept[-1][1]:
            kept.append((s, e, min(kinds[(s, e)], key=CUE_RANK.__getitem__)))
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


def quoted(st: DocState) -> list[tuple[int, int]]:
    """The token ranges inside a closed quotation of one line, in order: the quoted speaker's
    own words."""
    lex, words = st.lex, st.words
    inside: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    marks = (st.classes & lex.orth_classes.bit["quote"]) != 0
    marks[st.blanks] = True
    for i in marks.nonzero()[0].tolist():  # quote marks and blank tokens
        text = words[i]
        if "\n" in text:
            opened = None
        elif opened and text == opened[1]:
            if i > opened[0] + 1:
                inside.append((opened[0] + 1, i))
            opened = None
        elif opened is None and text in lex.quote_pairs and not (i > 0 and not st.spaced(i - 1) and words[i - 1].isalpha()):
            opened = (i, lex.quote_pairs[text])  # not the apostrophe of "Yukos' assets"
    return inside


def figure_at(st: DocState, i: int) -> bool:
    """Does a figure start at token i ('292,000', '$1.89', 'about 300')?"""
    n = len(st.words)
    if i < n and st.lower[i] in st.lex.figure_openers:
        i += 1
    return i < n and (i in st.money_tokens or st.num(i) or st.doc[i].is_currency)


def figure_of_object(st: DocState, i: int) -> bool:
    """Does a short noun phrase from token i reach a figure through 'of' ('a net loss of $5m')?"""
    n, lower = len(st.words), st.lower
    for j in range(i, min(n, i + st.lex.limits.results_object_tokens + 1)):
        if lower[j] == "of":
            return j > i and figure_at(st, j + 1)
        if not st.words[j].isalpha() or j in st.cue_tokens:
            return False
    return False


def noun_use(st: DocState, start: int, end: int) -> bool:
    """Is the cue word used as a noun, an adjective or inside a name ('the report', 'its
    reported profit', 'value-added', 'United States')?"""
    lex, lower = st.lex, st.lower
    if start > 0 and not st.sent_start[start] and (cap(st.words[start]) or not st.spaced(start - 1)):
        return True
    lead = skip_left(st, st.sent_starts[bisect_right(st.sent_starts, start) - 1], start, lex.modifiers)
    word = st.phrase(start, end)
    relative = word not in lex.ambiguous  # 'a paper that found': 'that' relates, it does not determine
    for k in (start, lead):
        if k > 0 and lower[k - 1] in lex.determiners and not (relative and lower[k - 1] in lex.complementizers) \
                and (st.sent_start[k - 1] or not cap(st.words[k - 1])):  # 'Sky News reported': a name, not 'news reports'
            return True
    if word in lex.quantity_verbs and figure_at(st, end):
        return True  # 'added 292,000 jobs'
    if word in lex.results_verbs and figure_of_object(st, end):
        return True  # 'posted a net loss of $5m'
    if word not in lex.ambiguous:
        return False
    if end < len(lower) and lower[end] in lex.name_noun_followers and start > 0 and cap(st.words[start - 1]) \
            and not st.sent_start[start - 1]:
        return True  # 'its Vell LNG project to Petrona'
    return end < len(lower) and (lower[end] in lex.noun_followers or end in st.cue_tokens)


# ------------------------------------------------------------------ one sentence
def read_sentence(st: DocState, sent: Sent, n: int, cues: list[Cue]) -> list[Found]:
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
    if out:
        sources = disjoint([g.source for g in out if g.source])
        vias = disjoint([(g.via[0][0], g.via[1][1]) for g in out if g.via])
        out = [f for f in out if not ((f.kind == "nouns" and inside(sources, f.cue[0])) or inside(vias, f.cue[0]))]
    if not out and st.lex.rules.colon_headline and sent.start not in st.furniture:
        f = _colon(st, sent)
        if f is not None:
            f.sentence = n
            out.append(f)
    return out


def _one(st: DocState, sent: Sent, start: int, end: int, kind: str, siblings: list[Found],
         sourced: Found | None) -> Found | None:
    lex = st.lex
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
    before = st.lower[cs - 1] if cs > sent.start else None
    if kind == "gerunds" and before is not None and before in lex.passive_aux:
        return _verb(st, sent, cs - 1, start, end)  # 'X is touting ...'
    if (kind == "gerunds" and (before is None or before == "," or before in lex.noun_followers or before in lex.boundaries)) or \
            (before is not None and before in lex.conjunctions):
        return _continuation(st, sent, cs, end, kind, sourced)
    verb = _verb(st, sent, cs, start, end)
    if (verb is None or (verb.kind == "participle" and verb.source is None)) and st.phrase(start, end) in lex.nouns:
        return _noun(st, sent, start, end) or verb  # 'the $3.2bn consensus forecast'
    return verb


def _continuation(st: DocState, sent: Sent, cs: int, end: int, kind: str, sourced: Found | None) -> Found | None:
    """'X said ..., adding ...', 'X rips ..., arguing ...', 'X called ... and threatened ...':
    the source of the clause the cue continues (the sentence's first attribution with a
    source before the cue, else the nearest clause before it that starts with a name)."""
    content = after(st, sent, end)
    if sourced is not None and sourced.cue[1] <= cs:
        return Found(cue=(cs, end), kind=kind, source=sourced.source, name=sourced.name, content=content,
                     rule="source.continuation")
    if st.phrase(cs, end) in st.lex.ambiguous:  # 'cities and states': a noun
        return None
    if st.phrase(cs, end) in st.lex.inference_gerunds:  # 'shares rose, suggesting ...': what a fact suggests
        return None
    source = _clause_source(st, sent, cs)
    return Found(cue=(cs, end), kind=kind, source=source, content=content, rule="source.clause_subject") if source else None


def _clause_source(st: DocState, sent: Sent, cs: int) -> tuple[int, int] | None:
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


def _verb(st: DocState, sent: Sent, cs: int, start: int, end: int) -> Found | None:
    """'X said ...', '..., X said', '..., said X', 'X, a senior analyst, said'."""
    lex = st.lex
    word = st.phrase(start, end)
    before = st.words[cs - 1] if cs > sent.start else None
    if before is not None and (before == "," or st.dash(cs - 1)):
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
    if word in lex.invertible and before is not None and (before in {",", ":"} or before in lex.quotes):
        source = forward(st, sent, end, commas=True)
        if source is not None and _inverted(st, sent, word, source, end):
            return Found(cue=(cs, end), kind="verbs", source=source, content=content_of(st, sent.start, cs, cs),
                         rule="source.inverted")
    return _relative_subject(st, sent, cs, end, word) or _participle(st, sent, cs, end, word)


def _inverted(st: DocState, sent: Sent, word: str, source: tuple[int, int], end: int) -> bool:
    """Is '..., said X' an inverted report? Not when X begins with 'by' (a participle: '...,
    reported by X') nor when a verb follows a plain X ('..., said the offer was worth ...')."""
    appositive = "," in st.words[source[0]:source[1]]  # 'said Jane Doe, an economist who ...'
    return (_sense(st, word, source, end) and st.lower[source[0]] not in st.lex.agent_prepositions
            and (appositive or phrases.clause_ends(st, sent, source[1])))


def _relative_object(st: DocState, sent: Sent, f: Found) -> Found:
    """'the $20bn that X says it is worth', 'a $27bn bill, which they claim is owed', 'a $27bn
    bill it says the company owes', 'the £640m analysts had expected': the figure the relative
    clause is about is reported too."""
    lex, lower = st.lex, st.lower
    if f.rule != "source.reported_speech" or f.source is None:
        return f  # ('the roughly $33bn that economists had expected': the figure is all that is reported)
    j = f.source[0]
    if j > sent.start and (lower[j - 1] in lex.relatives or lower[j - 1] in lex.complementizers):
        j -= 1
    elif j > sent.start and j - 1 in st.money_tokens:
        pass  # 'the £640m analysts had expected': the source right after the figure
    elif not (lower[j] in lex.pronouns and j > sent.start and st.words[j - 1].isalpha() and st.words[j - 1].islower()):
        return f  # no relative pronoun: only a pronoun source right after a noun ('the bill it says')
    figure = _figure_before_np(st, sent, j, lex.limits.relative_window)
    if figure is None:
        return f
    f.tail, f.rule = trim(st, figure, j), "source.relative_object"  # the figure's noun phrase is reported too
    return f


def _relative_subject(st: DocState, sent: Sent, cs: int, end: int, word: str) -> Found | None:
    """'a paper that found ...', 'analysts, who said ...': the source is the noun phrase the
    relative pronoun stands for."""
    lex = st.lex
    rel = cs - 1
    if rel <= sent.start or (st.lower[rel] not in lex.relatives and st.lower[rel] not in lex.complementizers):
        return None
    j = rel - 1 if st.words[rel - 1] == "," and rel - 1 > sent.start else rel
    source = back(st, sent, j)
    if source is None or not sourcelike(st, source) or not _sense(st, word, source, end):
        return None
    return Found(cue=(cs, end), kind="verbs", source=_titled_name(st, sent, source), content=after(st, sent, end),
                 rule="source.relative_subject")


def _titled_name(st: DocState, sent: Sent, source: tuple[int, int]) -> tuple[int, int]:
    """'Liam Fraser, chief economist at Baxendale, who forecast ...': a title in apposition to a
    name stands for that name."""
    comma = source[0] - 1
    if comma <= sent.start or st.words[comma] != "," or st.lex.person_words.isdisjoint(st.lower[source[0]:source[1]]):
        return source
    head = back(st, sent, comma)
    return head if head is not None and leading_name(st, head[0], head[1]) == head and chunks(st, range(*head)) else source


def _participle(st: DocState, sent: Sent, cs: int, end: int, word: str) -> Found | None:
    """'the $310m reported by rival Zembla', 'the $54bn widely expected on Wall Street', 'a
    $5bn deal announced on Monday': a participle after a figure reports it; its source, if
    any, follows ('by X', 'on/in/among X' when X is a source word, 'in a report by X')."""
    lex, lower = st.lex, st.lower
    if word not in lex.participles:
        return None
    figure = _figure_before_np(st, sent, cs, lex.limits.participle_window)
    if figure is None:
        return None
    source, k = None, end
    if k < sent.end and lower[k] in lex.participle_places:  # 'in a report by X', 'on Wall Street'
        agent = next((j for j in range(k + 1, min(k + 1 + lex.limits.place_agent_tokens, sent.end)) if lower[j] in lex.agent_prepositions), None)
        if agent is not None:
            k = agent
        else:
            place = forward(st, sent, k + 1, commas=False)
            timed = place is not None and (lower[place[0]] in lex.time_words or lower[place[0]] in lex.calendar_words)
            source = place if place is not None and not timed and typed(st, place) not in {None, "other"} else None
    if source is None and k < sent.end and lower[k] in lex.agent_prepositions:
        agent_np = forward(st, sent, k + 1, commas=False)
        source = agent_np if agent_np is not None and sourcelike(st, agent_np) else None
    return Found(cue=(cs, end), kind="participle", source=source, content=trim(st, figure, cs),
                 rule="source.participle")


def _figure_before_np(st: DocState, sent: Sent, i: int, window: int) -> int | None:
    """The first token of a figure in the noun phrase that ends at token i ('the $5.6bn
    commitment, detailed ...'): at most ``window`` words between, none of them a clause
    boundary, a preposition or a cue."""
    lex, texts, money = st.lex, st.words, st.money_tokens
    j = i - 1 if i - 1 > sent.start and texts[i - 1] == "," else i
    words = 0
    while j > sent.start:
        if j - 1 in money:
            while j - 1 > sent.start and (j - 2 in money or texts[j - 2] in {"(", ")"}):
                j -= 1
            return j - 1
        if texts[j - 1] in {"(", ")"}:
            j -= 1
            continue
        low = st.lower[j - 1]
        if (st.stop(j - 1) or low in lex.noun_followers or low in lex.conjunctions or low in lex.agent_prepositions
                or words >= window):
            return None
        words += 1
        j -= 1
    return None


def _common_initial(st: DocState, source: tuple[int, int], end: int) -> bool:
    """A lone first word that is a common English word the text never capitalises elsewhere
    ('Insurance claims rose'): a common noun, not a name, before a cue that may be a noun and
    that no clause follows ('that', a quote, a colon)."""
    lex, i = st.lex, source[0]
    if end < len(st.words) and (st.lower[end] in lex.complementizers or st.words[end] in lex.quotes
                                or st.words[end] in {":", ","}):
        return False
    low = st.lower[i]
    return (source[1] - source[0] == 1 and st.sent_start[i] and low in lex.common_words
            and low not in lex.pronouns and low not in lex.descriptions and not known_name(st, i)
            and not camel(st.words[i]) and typed(st, source) is None)


def _sense(st: DocState, word: str, source: tuple[int, int], end: int) -> bool:
    """Is the verb used in its reporting sense? Not 'a firm called X' or 'called off', not
    'the company must show growth' (a data verb wants data or a document as its source),
    not 'maintain a pace' (a clause verb wants a clause), not 'wrote car loans' (a writing verb
    wants a clause or a place of writing)."""
    lex, lower = st.lex, st.lower
    nxt = lower[end] if end < len(lower) else ""
    if (word in lex.particle_verbs and nxt in lex.particles) or \
            (word in lex.naming and (lower[source[0]] in lex.indefinite or nxt in lex.indefinite)):
        return False  # 'called off', 'a firm called X', 'called a meeting'

    if word in lex.data_verbs and lex.data_nouns.isdisjoint(lower[source[0]:source[1]]) \
            and typed(st, source) not in lex.data_source_types:
        return False
    if word in lex.gapped:  # 'put the cost at $9bn', not 'put pressure on'
        at = next((j for j in range(end, min(end + lex.limits.gap_tokens, len(lower))) if lower[j] == lex.gapped[word]), None)
        if at is None or not figure_at(st, at + 1):
            return False
    if word in lex.writing_verbs and nxt.isalpha() and st.words[end].islower() and nxt not in lex.writing_followers:
        return False  # 'the bank wrote car loans worth £2.3bn'
    return not (word in lex.clause_verbs and nxt in lex.object_openers)


def _cause_only(st: DocState, word: str, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """'X blamed a $850m payout for a fall in profit to $1bn': X claims the cause; the effect
    after 'for' is the text's own."""
    if content is None or word not in st.lex.blame_verbs:
        return content
    effect = next((j for j in range(content[0] + 1, content[1]) if st.lower[j] in st.lex.blame_effects), None)
    return content if effect is None else trim(st, content[0], effect)


def _posed(st: DocState, sent: Sent, cs: int, end: int, source: tuple[int, int], rule: str) -> Found:
    """Content after the cue, or before the source when the cue ends the clause."""
    opened = source[0] > sent.start and (st.words[source[0] - 1] == "," or st.words[source[0] - 1] in st.lex.quotes
                                         or st.dash(source[0] - 1))
    source, via = _via(st, sent, source)
    tail = None
    verb = st.phrase(cs, end).split()[-1]
    if opened and phrases.clause_ends(st, sent, end, verb in st.lex.listener_verbs):
        content = content_of(st, sent.start, source[0], source[0])
        rule = "source.postposed"
        tail = _tail(st, sent, end)
    else:
        content = _cause_only(st, verb, after(st, sent, end))
    return Found(cue=(cs, end), kind="verbs", source=source, content=content, rule=rule, tail=tail, via=via)


def _tail(st: DocState, sent: Sent, i: int) -> tuple[int, int] | None:
    """', the ministry said, with exports up 12%': what follows a clause-final cue (from token
    i) and goes on with what was said."""
    stop = first(st.clause_stops, i, sent.end)
    if stop is None or st.words[stop] != "," or stop + 1 >= sent.end or st.lower[stop + 1] not in st.lex.continuers:
        return None
    return content_of(st, stop + 1, sent.end, stop)


def _via(st: DocState, sent: Sent, source: tuple[int, int]) -> tuple[tuple[int, int], tuple[tuple[int, int], tuple[int, int]] | None]:
    """'sources cited by the FT': the source ('sources') and who cites it ('cited by', 'the FT')."""
    lower = st.lower
    for k in range(source[0] + 1, min(source[1] + 1, sent.end - 2)):
        if (lower[k], lower[k + 1]) in st.lex.citing:
            outer = (k + 2, source[1]) if k + 2 < source[1] else forward(st, sent, k + 2, commas=False)
            if outer is not None and sourcelike(st, outer):
                return (source[0], k), ((k, k + 2), outer)
    return source, None


def _preposed(st: DocState, sent: Sent, start: int, end: int) -> Found | None:
    """'according to X, ...' and '..., according to X' (not 'per cent', 'per share')."""
    if end < len(st.lower) and st.lower[end] in st.lex.preposed_not_before:
        return None
    source = forward(st, sent, end, commas=False)
    if source is None or not sourcelike(st, source):
        return None
    source, via = _via(st, sent, source)
    cited_end = via[1][1] if via else source[1]
    tail = None
    if st.has_words(sent.start, start, st.lex.limits.preposed_content_words) and st.words[start - 1] == ",":
        content = content_of(st, sent.start, start, start)
        if cited_end + 1 < sent.end and st.words[cited_end] == ",":  # 'The outlay, according to X, marks ...'
            tail = content_of(st, cited_end + 1, sent.end, cited_end)
    else:
        comma = first(st.commas, cited_end, sent.end)
        content = content_of(st, (cited_end - 1 if comma is None else comma) + 1, sent.end, start)
    return Found(cue=(start, end), kind="preposed", source=source, content=content, rule="source.according_to",
                 tail=tail, via=via)


def _noun(st: DocState, sent: Sent, start: int, end: int) -> Found | None:
    """Nominal cues: 'analysts' forecasts of $61m', 'market expectations of $42m', 'criticism
    from X', 'complaints from X that ...', 'X's remarks about ...', 'news that ...' (no
    source). A cue noun with no content after it ('the forecast was cut') is no attribution."""
    lex, lower = st.lex, st.lower
    word, k, source = st.phrase(start, end), end, None
    if k < sent.end and lower[k] in lex.noun_agents:
        agent = forward(st, sent, k + 1, commas=False)
        if agent is not None and sourcelike(st, agent):
            source, k = agent, agent[1]
    source = source or phrases.possessor(st, sent, start) or (
        _determiner_source(st, sent, start) if word in lex.figure_nouns else None) or _modifier_source(st, sent, start)
    link = lower[k] if k < sent.end else ""
    figure = link == "of" and word in lex.figure_nouns and figure_at(st, k + 1)
    if figure and source is None:  # 'the estimate of $4bn by the Treasury'
        j = min(phrases.figure_end(st, k + 1), sent.end)
        agent = forward(st, sent, j + 1, commas=False) if j < sent.end and lower[j] in lex.noun_agents else None
        source = agent if agent is not None and sourcelike(st, agent) else None
    if link in lex.complementizers:
        content = after(st, sent, k)
    elif source is not None and figure:
        content = content_of(st, k + 1, min(phrases.figure_end(st, k + 1), sent.end), k)
    elif source is not None and link in lex.figure_links and word in lex.figure_nouns and figure_at(st, k + 1):
        content = content_of(st, k + 1, min(phrases.figure_end(st, k + 1), sent.end), k)  # 'cut its forecast to $2bn'
    elif source is not None and link in lex.noun_links:
        stop = first(st.clause_stops, k + 1, sent.end)
        content = content_of(st, k + 1, sent.end if stop is None else stop, k)
    elif word in lex.figure_nouns and _figure_before(st, sent, start - (source == (start - 1, start))):
        content = _figure_before(st, sent, start - (source == (start - 1, start)))  # 'the $54bn consensus forecast'
    else:
        return None
    return Found(cue=(start, end), kind="nouns", source=source, content=content, rule="source.nominal")


def _figure_before(st: DocState, sent: Sent, i: int) -> tuple[int, int] | None:
    """The figure that ends right before token i ('the $54bn forecast')."""
    j = i
    while j > sent.start and j - 1 in st.money_tokens:
        j -= 1
    return (j, i) if j < i else None


def _determiner_source(st: DocState, sent: Sent, start: int) -> tuple[int, int] | None:
    """'their Brent forecast', 'its capital spending forecast': a possessive determiner before
    the cue noun (up to three modifiers between) names its maker: the noun phrase before the
    verb the determiner follows ('Analysts at X raised their forecast'), else the determiner
    itself, which stands for its antecedent."""
    lex = st.lex
    for j in range(start - 1, max(sent.start, start - 4) - 1, -1):
        if st.lower[j] in lex.possessive_determiners:
            doer = back(st, sent, j - 1) if j - 1 > sent.start and st.lower[j - 1].isalpha() else None
            return doer if doer is not None and sourcelike(st, doer) else (j, j + 1)  # who raised 'their forecast'
        if j in st.money_tokens or j in st.cue_tokens or st.punct(j) or st.lower[j] in lex.boundaries:
            return None
    return None


def _modifier_source(st: DocState, sent: Sent, start: int) -> tuple[int, int] | None:
    """'market expectations', 'Brindle forecasts': the word before the cue noun names its maker."""
    if start <= sent.start:
        return None
    prev = st.lower[start - 1]
    if prev in st.lex.modifier_sources or (cap(st.words[start - 1]) and not st.sent_start[start - 1]
                                          and prev not in st.lex.not_names):
        return (start - 1, start)
    return None


def _nested(st: DocState, sent: Sent, start: int, end: int, siblings: list[Found]) -> Found | None:
    """'reports citing informed sources': a source cited inside the previous attribution."""
    source = forward(st, sent, end, commas=False)
    if source is not None and typed(st, source) not in {None, "other"} and siblings:
        parent = siblings[-1]
        return Found(cue=(start, end), kind="nested", source=source, content=parent.content,
                     parent=len(siblings) - 1, rule="source.nested")
    return None


def _passive(st: DocState, sent: Sent, start: int, end: int) -> bool:
    lex = st.lex
    aux = skip_left(st, sent.start, start, lex.passive_skips)
    return st.phrase(start, end) in lex.passive and aux > sent.start and st.lower[aux - 1] in lex.passive_aux


def _passive_cue(st: DocState, sent: Sent, start: int, end: int) -> Found:
    """'is expected', 'are said to be', 'was reported by X'."""
    lex = st.lex
    aux = skip_left(st, sent.start, start, lex.passive_skips) - 1
    source = None
    if end < sent.end and st.lower[end] in lex.agent_prepositions:
        source = forward(st, sent, end + 1, commas=False)
    return Found(cue=(aux, end), kind="passive", source=source, content=content_of(st, sent.start, sent.end, aux),
                 rule="source.passive_agent" if source else "source.passive")


def _colon(st: DocState, sent: Sent) -> Found | None:
    """A headline 'Name: what they say'."""
    lex, s = st.lex, sent.start
    c = first(st.colons, s + 1, min(s + lex.limits.colon_head_tokens, sent.end))
    if c is None or st.words[s] == ":" or sent.end - c < lex.limits.colon_content_tokens:
        return None
    head = range(s, c)
    if not all(st.words[i].istitle() or st.words[i].isupper() for i in head) or any(st.lower[i] in lex.not_names for i in head):
        return None
    headline = not st.text[:st.first_char[s]].strip()
    if not headline and all(st.lower[i] in lex.common_words and not known_name(st, i) and not st.words[i].isupper()
                            for i in head):
        return None  # in the body, a common word before a colon is a label ('Note:', 'Update:'), not a name
    return Found(cue=(c, c + 1), kind="colon", source=(sent.start, c), content=content_of(st, c + 1, sent.end, c),
                 rule="source.headline_colon")


# ------------------------------------------------------------------ nesting
def link(st: DocState, found: list[Found]) -> None:
    """A cue inside another attribution's content is cited by it (nested citation): the
    innermost holder among the nearest attributions of its sentence."""
    window, hops = st.lex.limits.holder_window, st.lex.limits.chain_hops
    first_of: dict[int, int] = {}  # sentence -> its first attribution (they come in sentence order)
    last_of: dict[int, int] = {}
    for i, f in enumerate(found):
        first_of.setdefault(f.sentence, i)
        last_of[f.sentence] = i
    for i, f in enumerate(found):
        if f.kind == "nested":
            f.parent = i - 1
            continue
        if f.source is None:
            continue
        near = range(max(first_of[f.sentence], i - window), min(last_of[f.sentence] + 1, i + window + 1))
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
