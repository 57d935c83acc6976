"""The plain-data records: every attribution of the text, and each money figure's
attribution (the one whose content holds it, or a framing report it inherits) with the
chain of sources from the publisher to the cited origin."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from .. import extensions
from ...models import SourceType
from ..extensions import AttributionMention, AttributionRef, HopRef, MoneyRecord, SpanRef
from .state import DocState, Found, Range, cap
from .sources import alias, chunks, employer, lead_before, person_source


def span(st: DocState, r: Range | None) -> SpanRef | None:
    if r is None:
        return None
    start, end = st.chars(r[0], r[1])
    return {"text": st.text[start:end], "start": start, "end": end}


def _text(st: DocState, r: Range) -> str:
    return st.span_text(r[0], r[1])


def record(st: DocState, found: list[Found], f: Found, publisher: dict | None) -> AttributionMention:
    """The plain-data attribution; 'name' is the source as the chains give it."""
    return {"source": span(st, f.source), "cue": span(st, f.cue),  # type: ignore[typeddict-item]
            "content": span(st, f.content), "source_type": f.source_type if f.source else None,
            "parent": f.parent, "name": f.name, "chain": chain(st, found, f, publisher)}


def attribute(st: DocState, found: list[Found], publisher: dict | None, records: list[MoneyRecord]) -> None:
    """Give every money record its ``attribution``."""
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    for rec, (f, rule) in zip(records, _covering(st, found, records)):
        cue: str | None = None
        if f is not None and f.source is not None:
            cue = _text(st, f.cue)
        else:
            inherited = _inherited(st, by_sentence, rec)
            if inherited is not None:
                f, rule = inherited
        rec["attribution"] = _attribution(st, found, f, cue, publisher)
        rec.setdefault("decided_by", {})["source"] = extensions.decision(rule, _evidence(st, f))


def _issuer(st: DocState, h: Found) -> str | None:
    """The company that issued a company document named as a source ('the prospectus',
    'accounts filed at Companies House'): the first company its content names."""
    words = (h.name or "").lower().split()
    if h.content is None or not any(" ".join(words[-k:]) in st.lex.company_documents for k in (1, 2, 3)):
        return None  # its last one to three words name no company document
    names = chunks(st, range(*h.content))
    return alias(st, names[0]) if names else None


def _body_of_title(st: DocState, h: Found) -> str | None:
    """The body an official's title in the source names (rules: official_titles): 'Energy
    Minister Paul Grant' speaks for the Energy Ministry, 'Treasury Cabinet Secretary Amina
    Wekesa' for the Treasury; the first such title word of the source."""
    lex = st.lex
    if h.source is None or h.source_type != "official" or not (lex.title_bodies or lex.titled_bodies):
        return None
    words, end = st.words, h.source[1]
    for t in range(h.source[0], end - 1):
        if not cap(words[t + 1]) or words[t + 1] in lex.titled_bodies:
            continue  # a title, then the person's name: not a body's own name ('Congressional Budget Office')
        if words[t] in lex.titled_bodies:
            return words[t]
        body = lex.title_bodies.get(words[t])
        if body is not None and t > h.source[0] and cap(words[t - 1]) and words[t - 1] not in lex.title_not_of:
            return f"{words[t - 1]} {body}"
    return None


def learn_employers(st: DocState, found: list[Found]) -> None:
    """The organisation each person source's own words name, by the person's name and surname,
    the first in text order: a later 'Lund-Hansen said' speaks for it too."""
    for f in found:
        org = _employer_of(st, f)
        if org is not None and f.name:
            st.person_orgs.setdefault(f.name, org)
            st.person_orgs.setdefault(f.name.split()[-1], org)


def _employer_of(st: DocState, h: Found) -> str | None:
    """The organisation a person source speaks for, named in the source's own words ('Lumatic
    chief executive Priya Raman', 'Olivia Marchetti, an analyst at Brenwick Securities'), else
    by an earlier source of the same person."""
    if h.source is None or h.name is None or h.source_type == "media":
        return None
    known = st.person_orgs.get(h.name) or st.person_orgs.get(h.name.split()[-1])
    if not person_source(st, h.source, h.name):
        return known
    at = employer(st, list(range(*h.source)))  # '..., an analyst at Brenwick Securities'
    if at is not None:
        end = at
        while end < h.source[1] and (cap(st.words[end]) or st.lower[end] in st.lex.connectors):
            end += 1
        return st.span_text(at, end)
    others = [c for c in chunks(st, range(*h.source)) if c != h.name and c not in st.lex.demonyms
              and c not in st.lex.places and c not in h.name]
    if others or known:
        return alias(st, others[0]) if others else known
    words = st.phrase(*h.source)
    if any(f" {t} " in f" {words} " for t in st.lex.officer_titles) and h.source[0] > 0:
        lead = lead_before(st, h.source[0])  # 'Chief executive Ingrid Solberg said': of the company in the news
        return lead[1] if lead and lead[2] in ("company", "other") else None
    return None


def _evidence(st: DocState, f: Found | None) -> SpanRef | None:
    """The words that decided a figure's source: its attribution's cue and source."""
    if f is None:
        return None
    source = f.source or f.cue
    return span(st, (min(f.cue[0], source[0]), max(f.cue[1], source[1])))


def _covering(st: DocState, found: list[Found], records: list[MoneyRecord]) -> list[tuple[Found | None, str]]:
    """For each record: an attribution whose source follows the figure directly ('the $27bn
    Russia says Yukos owes'); else the innermost attribution with a source whose content (or
    tail: ', the ministry said, with exports up 12%') holds it, a nested citation on a tie;
    else the innermost one with no source ('reportedly'). The contents go into a Fenwick tree
    by start, from the latest end down, so that each record asks once for the least key."""
    spans: list[tuple[int, int, int]] = []  # (start char, end char, attribution)
    for n, f in enumerate(found):
        for r in (f.content, f.tail):
            if r is not None and not _asks(st, r):
                spans.append((*st.chars(*r), n))
    held: dict[int, list[tuple[int, int, int]]] = {}
    for sp in spans:
        held.setdefault(sp[2], []).append(sp)
    adjacent: dict[int, list[int]] = {}  # source start character -> attributions ('verbs' with a content)
    for n, f in enumerate(found):
        if n in held and f.source and f.kind == "verbs":
            adjacent.setdefault(st.first_char[f.source[0]], []).append(n)
    starts = sorted({s for s, _, _ in spans})
    tree = _MinTree(len(starts))
    by_end = sorted(spans, key=lambda x: -x[1])
    best: list[Key | None] = [None] * len(records)
    k = 0
    for r in sorted(range(len(records)), key=lambda r: -records[r]["end"]):
        rec = records[r]
        while k < len(by_end) and by_end[k][1] >= rec["end"]:
            start_char, end_char, n = by_end[k]
            tree.add(bisect_left(starts, start_char), (1 if found[n].source else 2, end_char - start_char, -n))
            k += 1
        key = tree.least(bisect_right(starts, rec["start"]))
        for n in adjacent.get(rec["end"], []) + adjacent.get(rec["end"] + 1, []):
            if not any(s <= rec["start"] and rec["end"] <= e for s, e, _ in held[n]) and \
                    (key is None or (0, 0, -n) < key):
                key = (0, 0, -n)
        best[r] = key
    return [(found[-key[2]], "source.adjacent" if key[0] == 0 else found[-key[2]].rule) if key else (None, "source.none")
            for key in best]


Key = tuple[int, int, int]  # (tier, length, -index): the least wins


class _MinTree:
    """A Fenwick tree of prefix minima: ``add(i, key)``, ``least(k)`` = the least key added at
    an index below k."""

    def __init__(self, size: int) -> None:
        self.tree: list[Key | None] = [None] * (size + 1)

    def add(self, i: int, key: Key) -> None:
        i += 1
        while i < len(self.tree):
            if self.tree[i] is None or key < self.tree[i]:  # type: ignore[operator]
                self.tree[i] = key
            i += i & -i

    def least(self, k: int) -> Key | None:
        best = None
        while k > 0:
            if self.tree[k] is not None and (best is None or self.tree[k] < best):  # type: ignore[operator]
                best = self.tree[k]
            k -= k & -k
        return best


def _inherited(st: DocState, by_sentence: dict[int, list[Found]], rec: MoneyRecord) -> tuple[Found, str] | None:
    """A report that frames its sentence ('According to industry reports, ...', 'Reports
    indicated ...') goes on in the next sentences of its paragraph; so does a quotation."""
    lex, sents, chars = st.lex, st.sents, st.sent_chars
    line = st.view.line(rec["start"])
    n = bisect_right(st.sent_start_chars, rec["start"]) - 1
    here = n if n >= 0 and rec["start"] < chars[n][1] else None
    if line is None or here is None or _asks(st, sents[here]):
        return None
    for n in range(here - 1, max(-1, here - 1 - lex.limits.inherit_sentences), -1):
        if chars[n][1] <= line[0]:
            return None
        mine = [f for f in by_sentence.get(n, []) if f.source is not None]
        if mine:
            top = next((f for f in mine if f.parent is None), mine[0])
            if st.text[chars[here][0]:chars[here][1]].lstrip()[:1] in lex.quotes:  # the quotation goes on
                return top, "source.quotation_goes_on"
            framed = min(top.cue[0], top.source[0]) - sents[n].start <= lex.limits.frame_tokens  # 'According to X, ...'
            return (top, "source.framing_report") if framed and top.source_type in lex.rules.inherit_types else None
    return None


def _asks(st: DocState, r: Range) -> bool:
    """Is the content (or the sentence) r a question, whose figures nobody reports? Only its
    last few tokens are looked at (closing quotes and commas skipped)."""
    lex = st.lex
    for t in reversed(st.words[max(r[0], r[1] - lex.limits.question_tail_tokens):r[1]]):
        if not (t.isspace() or t in lex.quotes or t == ","):
            return t in lex.questions
    return False


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
    seen: set[int] = set()
    while f is not None and id(f) not in seen and len(path) < st.lex.limits.chain_hops:
        path.append(f)
        seen.add(id(f))
        f = found[f.parent] if f.parent is not None else None
    for h in reversed(path):
        if h.source is None:
            continue
        for source, cue, kind in _steps(st, h):
            if not (hops and hops[-1]["source"] == source):
                hops.append({"source": source, "cue": cue, "type": kind})  # type: ignore[typeddict-item]
    return hops


def _steps(st: DocState, h: Found) -> list[tuple[str | None, str, SourceType]]:
    """(source, cue, type) of the hops that attribution h adds to a chain, computed once per
    attribution (the chains of a deep nesting go through it many times)."""
    steps = st.hop_steps.get(id(h))
    if steps is None:
        steps = [(h.name, _text(st, h.cue), h.source_type)]
        if h.via is not None and h.via_name:  # 'sources cited by the FT': the FT first
            steps.insert(0, (h.via_name, _text(st, h.via[0]), h.via_type))
        elif (issuer := _issuer(st, h)) is not None:  # 'Accounts filed ... show that Ashdown lost £38.7m': Ashdown's
            steps.insert(0, (issuer, "issued", "company"))
        elif (body := _body_of_title(st, h)) is not None:  # 'Finance Minister Rodrigo Alcántara': the ministry's
            steps.insert(0, (body, "for", "official"))
        elif (org := _employer_of(st, h)) is not None:  # 'Lumatic chief executive Priya Raman': for Lumatic
            steps.insert(0, (org, "for", "company"))
        st.hop_steps[id(h)] = steps
    return steps
