"""The plain-data records: every attribution of the text, and each money figure's
attribution (the one whose content holds it, or a framing report it inherits) with the
chain of sources from the publisher to the cited origin."""
from __future__ import annotations

from bisect import bisect_right

from ..extensions import AttributionMention, AttributionRef, HopRef, MoneyRecord, SpanRef
from ..view import char_range
from .state import DocState, Found, Range


def span(st: DocState, r: Range | None) -> SpanRef | None:
    if r is None:
        return None
    start, end = char_range(st.doc, r[0], r[1])
    return {"text": st.text[start:end], "start": start, "end": end}


def record(st: DocState, found: list[Found], f: Found) -> AttributionMention:
    """The plain-data attribution; 'name' is the source as the chains give it."""
    return {"source": span(st, f.source), "cue": span(st, f.cue),  # type: ignore[typeddict-item]
            "content": span(st, f.content), "source_type": f.source_type if f.source else None,
            "parent": f.parent, "name": f.name, "chain": chain(st, found, f, st.doc._.publisher)}


def attribute(st: DocState, found: list[Found]) -> None:
    """Give every money record its ``attribution``."""
    doc = st.doc
    publisher = doc._.publisher
    contents = [char_range(doc, *f.content) if f.content else None for f in found]
    for rec in doc._.money or []:
        f = _covering(st, found, contents, rec)
        cue: str | None = None
        if f is not None and f.source is not None:
            cue = doc[f.cue[0]:f.cue[1]].text
        else:
            f = _inherited(st, found, rec)
        rec["attribution"] = _attribution(st, found, f, cue, publisher)


def _covering(st: DocState, found: list[Found], contents: list[tuple[int, int] | None],
              rec: MoneyRecord) -> Found | None:
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
        elif f.source and f.kind == "verbs" and 0 <= st.doc[f.source[0]].idx - rec["end"] <= 1:
            key = (0, -n)
        else:
            continue
        if best is None or key < best[:2]:
            best = (*key, f)
    return best[2] if best else None


def _inherited(st: DocState, found: list[Found], rec: MoneyRecord) -> Found | None:
    """A report that frames its sentence ('According to industry reports, ...', 'Reports
    indicated ...') goes on in the next sentences of its paragraph; so does a quotation."""
    lex, sents = st.lex, st.sents
    line = st.view.line(rec["start"])
    n = bisect_right(st.sent_start_chars, rec["start"]) - 1
    here = n if n >= 0 and rec["start"] < sents[n].end_char else None
    if line is None or here is None:
        return None
    for n in range(here - 1, max(-1, here - 1 - lex.limits.inherit_sentences), -1):
        if sents[n].end_char <= line[0]:
            return None
        mine = [f for f in found if f.sentence == n and f.source is not None]
        if mine:
            top = next((f for f in mine if f.parent is None), mine[0])
            if sents[here].text.lstrip()[:1] in lex.quotes:  # the quotation goes on
                return top
            framed = min(top.cue[0], top.source[0]) - sents[n].start <= lex.limits.frame_tokens  # 'According to X, ...'
            return top if framed and top.source_type in lex.rules.inherit_types else None
    return None


def _attribution(st: DocState, found: list[Found], f: Found | None, cue: str | None,
                 publisher: dict | None) -> AttributionRef:
    hops = chain(st, found, f, publisher)
    if f is None or f.source is None:
        return {"source": None, "cue": None, "source_type": None, "chain": hops}
    return {"source": f.name, "cue": cue, "source_type": f.source_type, "chain": hops}


def chain(st: DocState, found: list[Found], f: Found | None, publisher: dict | None) -> list[HopRef]:
    """Hops from the publisher through the citing attributions to f's source."""
    hops: list[HopRef] = [{"source": publisher["name"], "cue": None, "type": "publisher"}] if publisher else []
    path: list[Found] = []
    while f is not None and f not in path:
        path.append(f)
        f = found[f.parent] if f.parent is not None else None
    for h in reversed(path):
        hop: HopRef = {"source": h.name, "cue": st.doc[h.cue[0]:h.cue[1]].text, "type": h.source_type}  # type: ignore[typeddict-item]
        if h.source is not None and not (hops and hops[-1]["source"] == hop["source"]):
            hops.append(hop)
    return hops
