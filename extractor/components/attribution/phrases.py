"""Token spans around a cue: the source noun phrase read leftwards or rightwards, a name
with its appositive, and the content a cue introduces."""
from __future__ import annotations

from spacy.tokens import Span

from .sources import sourcelike
from .state import DocState, Range, cap, first


def skip_left(st: DocState, floor: int, i: int, words: set[str]) -> int:
    """Move token i left over the words given, not past token ``floor``."""
    doc = st.doc
    while i > floor and doc[i - 1].lower_ in words:
        i -= 1
    return i


def back(st: DocState, sent: Span, i: int) -> Range | None:
    """The noun phrase that ends at token i, read leftwards."""
    doc, lex = st.doc, st.lex
    j = i
    while j > sent.start and i - j <= lex.limits.max_source_tokens:
        if j < i and doc[j].lower_ in lex.pronouns:
            break  # a pronoun is a whole noun phrase: 'the bill it says ...', 'her spokesman'
        tok = doc[j - 1]
        if tok.text == ")":  # a parenthesis inside a name: 'Harry M. Reid (D-Nev.)'
            k = next((k for k in range(j - 2, max(sent.start, j - lex.limits.parenthesis_tokens) - 1, -1)
                      if doc[k].text == "("), None)
            if k is None:
                break
            j = k
            continue
        if tok.lower_ in lex.conjunctions and not joins_names(st, sent, j - 1):
            break
        glued = j - 2 >= sent.start and (doc[j - 2].lower_, tok.lower_) in lex.glue
        if st.stop(tok) and tok.lower_ not in lex.conjunctions and not glued:
            break
        j -= 1
    if j == i or i - j > lex.limits.max_source_tokens:
        return None
    return without_time(st, (j, i))


def without_time(st: DocState, span: Range) -> Range:
    """The span without a time phrase at its start ('Last month it', 'On Monday Acme')."""
    doc, lex = st.doc, st.lex
    k = span[0]
    while k < span[1] - 1:
        tok = doc[k]
        if tok.lower_ in lex.time_words or (tok.like_num and k > span[0]) or \
                (tok.lower_ in lex.calendar_words and (k > span[0] or doc[k + 1].like_num)):
            k += 1
        else:
            break
    return (k, span[1]) if k > span[0] and doc[k].text not in lex.possessives else span


def joins_names(st: DocState, sent: Span, k: int) -> bool:
    """Does the conjunction at token k join two names ('Marks and Spencer')?"""
    doc = st.doc
    left, right = (doc[k - 1] if k > sent.start else None), (doc[k + 1] if k + 1 < sent.end else None)
    return bool(left and right and left.is_title and right.is_title)


def forward(st: DocState, sent: Span, i: int, commas: bool) -> Range | None:
    """The noun phrase that starts at token i, read rightwards."""
    doc, lex = st.doc, st.lex
    j, longest = i, lex.limits.max_appositive_tokens
    while j < sent.end:
        if j - i > longest and not _trailing(doc[j - 1]):
            return None  # too long, whatever punctuation follows
        tok = doc[j]
        if tok.text == "," and commas:
            nxt = doc[j + 1] if j + 1 < sent.end else None
            if nxt is None or nxt.i in st.cue_tokens or nxt.text in lex.quotes:
                break
            j += 1
            continue
        opened = j > i and (tok.lower_ in lex.open_boundaries or (commas and tok.lower_ in lex.relatives))
        if st.stop(tok) and tok.text not in {"(", ")"} and not opened:
            break
        j += 1
    while j > i and _trailing(doc[j - 1]):
        j -= 1
    if j == i or j - i > longest:
        return None
    return (i, j)


def _trailing(tok) -> bool:
    """Punctuation that a phrase read rightwards does not end with."""
    return tok.is_punct and tok.text not in {")", "."}


def appositive(st: DocState, sent: Span, comma: int) -> Range | None:
    """'Mark Hamrick, a senior analyst at Bankrate.com, said': name plus appositive."""
    doc, lex = st.doc, st.lex
    k, longest, cued = comma, lex.limits.max_appositive_tokens, False
    while k > sent.start and not (doc[k - 1].text in {","} | lex.quotes | lex.clause_end or st.dash(doc[k - 1])):
        if comma - k > longest:
            return None
        cued = cued or doc[k - 1].i in st.cue_tokens
        k -= 1
    if k <= sent.start or k == comma or comma - k > longest:
        return None
    if cued and doc[k].lower_ not in lex.relatives:  # 'X, which first reported the talks, said': a cue may sit in a relative clause
        return None
    if doc[k - 1].text != "," and not st.dash(doc[k - 1]):
        return None
    head = back(st, sent, k - 1)
    if head is None or head[1] - head[0] > lex.limits.appositive_head_tokens or not sourcelike(st, head):
        return None
    return (head[0], comma)


def figure_end(st: DocState, i: int) -> int:
    """Where the figure that starts at token i ends, its bracketed conversions included
    ('about $42m (£22m)')."""
    doc, n = st.doc, len(st.doc)
    if i < n and doc[i].lower_ in st.lex.figure_openers:
        i += 1
    j = i
    while j < n and (j in st.money_tokens or (j == i and doc[j].like_num)):
        j += 1
        if j + 1 < n and doc[j].text == "(" and j + 1 in st.money_tokens:
            k = j + 1
            while k < n and k in st.money_tokens:
                k += 1
            j = k + 1 if k < n and doc[k].text == ")" else j
    return j


def possessor(st: DocState, sent: Span, start: int) -> Range | None:
    """'analysts' forecasts', "Zembla's generalized demands", "the budget office's outlook": the
    possessor before a cue noun (up to two modifiers between), with its possessive mark."""
    doc, lex = st.doc, st.lex
    m = start
    while m > sent.start and start - m < 2 and _modifier(st, doc[m - 1]):
        m -= 1
    if m - 1 <= sent.start:
        return None
    mark = doc[m - 1]
    if not (mark.text in lex.possessives or (mark.text in {"'", "’"} and not doc[m - 2].whitespace_
                                             and doc[m - 2].lower_.endswith("s"))):
        return None
    head = m - 2
    if doc[head].is_punct or doc[head].i in st.money_tokens:
        return None
    k = head
    if cap(doc[head]):
        while k > sent.start and (cap(doc[k - 1]) or (doc[k - 1].lower_ in lex.connectors and k - 2 >= sent.start
                                                      and cap(doc[k - 2]))) and head - k < lex.limits.appositive_head_tokens:
            k -= 1
    else:
        det = next((j for j in range(head - 1, max(sent.start, head - 3) - 1, -1) if doc[j].lower_ in lex.determiners), None)
        if det is not None and all(doc[j].is_alpha and doc[j].is_lower for j in range(det + 1, head)):
            k = det
    return (k, m)


def _modifier(st: DocState, tok) -> bool:
    """A word between a possessor and its cue noun ('generalized', '10-year')."""
    return (not tok.is_punct and not tok.is_space and tok.i not in st.cue_tokens and tok.i not in st.money_tokens
            and tok.text not in st.lex.possessives and tok.lower_ not in st.lex.boundaries and (tok.is_lower or tok.like_num or "-" in tok.text))


def quote_before(st: DocState, sent: Span, comma: int) -> bool:
    return comma > sent.start and st.doc[comma - 1].text in st.lex.quotes


def after(st: DocState, sent: Span, i: int) -> Range | None:
    """Content after a cue: up to the sentence end or to a following ', adding ...'."""
    doc = st.doc
    if i < sent.end and doc[i].lower_ in st.lex.complementizers:
        i += 1
    if i < sent.end and doc[i].text in {":", ","}:
        i += 1
    comma = first(st.comma_cues, i, sent.end - 1)
    return content_of(st, i, sent.end if comma is None else comma, i)


def content_of(st: DocState, i: int, j: int, at: int) -> Range | None:
    """Tokens i to j as a content, trimmed, and no further than ``limits.max_content_tokens``
    from the cue or source at token ``at``."""
    window = st.lex.limits.max_content_tokens
    return trim(st, max(i, at - window), min(j, at + window))


def trim(st: DocState, i: int, j: int) -> Range | None:
    """Tokens i to j without the blanks and the punctuation at either end."""
    return st.trim(i, j)


def clause_ends(st: DocState, sent: Span, i: int, listener: bool = False) -> bool:
    """Does the clause end at token i, but for a short tail ('on Tuesday', 'in a statement',
    or after a verb of telling whom it was told: 'told reporters')?"""
    lex = st.lex
    stop = first(st.clause_stops, i, sent.end)
    j = sent.end if stop is None else stop
    return j == i or ((listener or st.doc[i].lower_ in lex.tails) and j - i <= lex.limits.cue_tail_tokens)
