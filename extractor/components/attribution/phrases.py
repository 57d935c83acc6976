"""Token spans around a cue: the source noun phrase read leftwards or rightwards, a name
with its appositive, and the content a cue introduces."""
from __future__ import annotations


from .sources import sourcelike
from .state import DocState, Range, Sent, cap, first


def skip_left(st: DocState, floor: int, i: int, words: set[str]) -> int:
    """Move token i left over the words given, not past token ``floor``, nor over one
    capitalised inside its sentence ('in May had expected': May is a month, not a modal)."""
    lower = st.lower
    while i > floor and lower[i - 1] in words and (st.sent_start[i - 1] or not cap(st.words[i - 1])):
        i -= 1
    return i


def back(st: DocState, sent: Sent, i: int) -> Range | None:
    """The noun phrase that ends at token i, read leftwards."""
    lex, texts, lower = st.lex, st.words, st.lower
    j = i
    while j > sent.start and i - j <= lex.limits.max_source_tokens:
        if j < i and lower[j] in lex.pronouns:
            break  # a pronoun is a whole noun phrase: 'the bill it says ...', 'her spokesman'
        if texts[j - 1] == ")":  # a parenthesis inside a name: 'Harry M. Reid (D-Nev.)'
            k = next((k for k in range(j - 2, max(sent.start, j - lex.limits.parenthesis_tokens) - 1, -1)
                      if texts[k] == "("), None)
            if k is None:
                break
            j = k
            continue
        low = lower[j - 1]
        if low in lex.conjunctions:
            if not joins_names(st, sent, j - 1):
                break
        elif st.stop(j - 1) and not (j - 2 >= sent.start and (lower[j - 2], low) in lex.glue
                                     or j < i and (low, lower[j]) in lex.glue):  # 'familiar with', 'with knowledge'
            if not ((low,) in lex.temporal_prepositions and i - j < lex.limits.trailing_time_tokens
                    and not sourcelike(st, (j, i))):
                break  # but 'Analysts polled by X before the auction had forecast': read on past the time phrase
        j -= 1
    if j == i or i - j > lex.limits.max_source_tokens:
        return None
    start, end = without_time(st, (j, i))
    if end - start > 1 and (lower[start],) in lex.temporal_prepositions:
        start += 1  # 'in August after Nabisco announced': the preposition opens the clause, no part of the source
    return start, end


def without_time(st: DocState, span: Range) -> Range:
    """The span without a time phrase at its start ('Last month it', 'On Monday Acme')."""
    lex, lower = st.lex, st.lower
    k = span[0]
    while k < span[1] - 1:
        if lower[k] in lex.time_words or (k > span[0] and st.num(k)) or \
                (lower[k] in lex.calendar_words and (k > span[0] or st.num(k + 1))):
            k += 1
        else:
            break
    span = (k, span[1]) if k > span[0] and st.words[k] not in lex.possessives else span
    return _without_trailing_time(st, span)


def _without_trailing_time(st: DocState, span: Range) -> Range:
    """The span without a time phrase at its end ('Analysts polled by Northwire before the
    auction', 'Economists surveyed in May'): a temporal preposition and its short object, or
    a time word followed only by time and calendar words, numbers and articles."""
    lex, lower = st.lex, st.lower
    start, end = span
    timely = lex.time_words | lex.calendar_words | lex.articles
    after_noun = lex.issuer_prepositions | lex.agent_prepositions  # 'Reports from late 2025' name their time
    for p in range(max(start + 1, end - lex.limits.trailing_time_tokens), end):
        prep = next((t for t in lex.temporal_prepositions if tuple(lower[p:p + len(t)]) == t), None)
        if (prep and p + len(prep) < end and not sourcelike(st, (p + len(prep), end))) or (
                lower[p] in lex.time_words and lower[p - 1] not in after_noun and p + 1 < end
                and all(lower[q] in timely or st.num(q) for q in range(p + 1, end))):
            return (start, p)
    return span


def joins_names(st: DocState, sent: Sent, k: int) -> bool:
    """Does the conjunction at token k join two names ('Marks and Spencer')?"""
    return k > sent.start and k + 1 < sent.end and st.words[k - 1].istitle() and st.words[k + 1].istitle()


def forward(st: DocState, sent: Sent, i: int, commas: bool) -> Range | None:
    """The noun phrase that starts at token i, read rightwards."""
    lex, texts = st.lex, st.words
    j, longest = i, lex.limits.max_appositive_tokens
    while j < sent.end:
        if j - i > longest and not _trailing(st, j - 1):
            return None  # too long, whatever punctuation follows
        if texts[j] == "," and commas:
            if j + 1 >= sent.end or j + 1 in st.cue_tokens or texts[j + 1] in lex.quotes:
                break
            j += 1
            continue
        opened = j > i and (st.lower[j] in lex.open_boundaries or (commas and st.lower[j] in lex.relatives))
        if st.stop(j) and texts[j] not in {"(", ")"} and not opened:
            break
        j += 1
    while j > i and _trailing(st, j - 1):
        j -= 1
    if j == i or j - i > longest:
        return None
    return (i, j)


def _trailing(st: DocState, i: int) -> bool:
    """Punctuation that a phrase read rightwards does not end with."""
    return st.words[i] not in {")", "."} and st.punct(i)


def appositive(st: DocState, sent: Sent, comma: int) -> Range | None:
    """'Mark Hamrick, a senior analyst at Bankrate.com, said': name plus appositive."""
    lex, texts = st.lex, st.words
    k, longest, cued = comma, lex.limits.max_appositive_tokens, False
    while k > sent.start and not (texts[k - 1] in lex.appositive_ends or st.dash(k - 1)):
        if comma - k > longest:
            return None
        cued = cued or k - 1 in st.cue_tokens
        k -= 1
    if k <= sent.start or k == comma or comma - k > longest:
        return None
    if cued and st.lower[k] not in lex.relatives and st.lower[k] not in lex.citing_openers:
        return None  # 'X, which first reported the talks, said', 'The Ledger, citing two sources, said': a cue may sit there
    if texts[k - 1] != "," and not st.dash(k - 1):
        return None
    head = back(st, sent, k - 1)
    if head is None or head[1] - head[0] > lex.limits.appositive_head_tokens or not sourcelike(st, head):
        return None
    return (head[0], comma)


def figure_end(st: DocState, i: int) -> int:
    """Where the figure that starts at token i ends, its bracketed conversions included
    ('about $42m (£22m)')."""
    texts, n, money = st.words, len(st.words), st.money_tokens
    if i < n and st.lower[i] in st.lex.figure_openers:
        i += 1
    j = i
    while j < n and (j in money or (j == i and st.num(j))):
        j += 1
        if j + 1 < n and texts[j] == "(" and j + 1 in money:
            k = j + 1
            while k < n and k in money:
                k += 1
            j = k + 1 if k < n and texts[k] == ")" else j
    return j


def possessor(st: DocState, sent: Sent, start: int) -> Range | None:
    """'analysts' forecasts', "Zembla's generalized demands", "the budget office's outlook": the
    possessor before a cue noun (up to two modifiers between), with its possessive mark."""
    lex, texts, lower = st.lex, st.words, st.lower
    m = start
    while m > sent.start and start - m < 2 and _modifier(st, m - 1):
        m -= 1
    if m - 1 <= sent.start:
        return None
    mark = texts[m - 1]
    if not (mark in lex.possessives or (mark in {"'", "’"} and not st.spaced(m - 2) and lower[m - 2].endswith("s"))):
        return None
    head = m - 2
    if head in st.money_tokens or st.punct(head):
        return None
    k = head
    if cap(texts[head]):
        while k > sent.start and (cap(texts[k - 1]) or (lower[k - 1] in lex.connectors and k - 2 >= sent.start
                                                        and cap(texts[k - 2]))) and head - k < lex.limits.appositive_head_tokens:
            k -= 1
    else:
        det = next((j for j in range(head - 1, max(sent.start, head - 3) - 1, -1) if lower[j] in lex.possessor_heads), None)
        if det is not None and all(texts[j].isalpha() and texts[j].islower() for j in range(det + 1, head)):
            k = det
    return (k, m)


def _modifier(st: DocState, i: int) -> bool:
    """A word between a possessor and its cue noun ('generalized', '10-year')."""
    text = st.words[i]
    return (not text.isspace() and i not in st.cue_tokens and i not in st.money_tokens
            and text not in st.lex.possessives and st.lower[i] not in st.lex.boundaries
            and (text.islower() or "-" in text or st.num(i)) and not st.punct(i))


def quote_before(st: DocState, sent: Sent, comma: int) -> bool:
    return comma > sent.start and st.words[comma - 1] in st.lex.quotes


def after(st: DocState, sent: Sent, i: int) -> Range | None:
    """Content after a cue: up to the sentence end or to a following ', adding ...'."""
    if i < sent.end and st.lower[i] in st.lex.complementizers:
        i += 1
    if i < sent.end and st.words[i] in {":", ","}:
        i += 1
    comma = first(st.comma_cues, i, sent.end - 1)
    return content_of(st, i, sent.end if comma is None else comma, i)


def content_of(st: DocState, i: int, j: int, at: int) -> Range | None:
    """Tokens i to j as a content, trimmed, and no further than ``limits.max_content_tokens``
    from the cue or source at token ``at``."""
    window = st.lex.limits.max_content_tokens
    return trim(st, max(i, at - window), min(j, at + window))


trim = DocState.trim  # trim(st, i, j): tokens i to j without the blanks and the punctuation at either end


def clause_ends(st: DocState, sent: Sent, i: int, listener: bool = False) -> bool:
    """Does the clause end at token i, but for a short tail ('on Tuesday', 'in a statement',
    or after a verb of telling whom it was told: 'told reporters')?"""
    lex = st.lex
    stop = first(st.clause_stops, i, sent.end)
    j = sent.end if stop is None else stop
    if j == i or not (listener or st.lower[i] in lex.tails):
        return j == i
    return j - i <= lex.limits.cue_tail_tokens or (
        j - i <= lex.limits.cue_long_tail_tokens and not any(k in st.money_tokens or st.num(k) for k in range(i, j))
        and lex.complementizers.isdisjoint(st.lower[i:j]))  # 'said in a filing to the Hong Kong stock exchange'

