"""What each part of the page shows, computed from claims and their reconciliation: the
mark of each claim and finding (its kind: slip, part-whole, unit-price, conflict, revised,
restated, agree), the fact table of each story (one row per fact, one column per article,
or per origin in a story of many articles; the articles and relays of each origin of a
fact), its findings (the part each figure plays; for a slip, who states each value) and the
facts to chart. Plain data for the templates."""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

from ..compare import point
from ..models import Claim, Fact, Figure, Finding, Reconciliation
from ..reconcile import money
from .charts import Bar, bar, conversion
from .model import Article, RelayTree, Story
from .origins import Carried, carried

UNCHECKED = "unchecked"  # the label of a claim no finding cites
# the mark of a finding: its check's own for the checks a reader tells apart, else its verdict
MARKS = {("magnitude_slip", "conflict"): "slip", ("part_exceeds_whole", "conflict"): "part-whole",
         ("unit_price", "conflict"): "unit-price", ("revision", "agree"): "revised",
         ("currency_equivalent", "agree"): "restated"}
MARK_VERDICT = {"slip": "conflict", "part-whole": "conflict", "unit-price": "conflict", "conflict": "conflict",
                "revised": "agree", "restated": "agree", "agree": "agree", UNCHECKED: UNCHECKED}
MARK_WORDS = {"slip": "magnitude slip", "part-whole": "part exceeds whole", "unit-price": "unit price × count",
              "revised": "revision", "restated": "currency restatement"}
VERDICT_COLORS = {"slip": "#b672e0", "part-whole": "#f29b4c", "unit-price": "#ef8f8a", "conflict": "#e8716b",
                  "revised": "#74a6e6", "restated": "#7fd1bf", "agree": "#6cc08b", UNCHECKED: "#c5ccd6"}
OTHER_COLOR = "#f0d35a"  # a verdict the page has no colour for (a new check's)
RANKS = ("slip", "part-whole", "unit-price", "conflict", None, "revised", "restated", "agree", UNCHECKED)
SAFE_SCHEMES = ("http", "https")


def label(verdict: str) -> str:
    """A verdict as a label that is safe as a CSS class and an attribute."""
    return re.sub(r"[^a-z0-9_-]+", "-", verdict.lower()) or UNCHECKED


def mark(finding: Finding) -> str:
    """What a finding is marked as: 'slip', 'revised', 'unit-price', 'part-whole',
    'restated', else its verdict ('conflict', 'agree', a new check's)."""
    return MARKS.get((finding.check, finding.verdict)) or label(finding.verdict)


def verdict_of(mark_: str) -> str:
    """The verdict a mark stands for ('slip' is a conflict); a new verdict stands for itself."""
    return MARK_VERDICT.get(mark_, mark_)


def rank(mark_: str) -> int:
    """Slips first, then the other conflicts, verdicts of checks the page does not know,
    revisions, restatements, agreements, and unchecked claims last."""
    return RANKS.index(mark_ if mark_ in RANKS else None)


def colors(labels: Iterable[str]) -> dict[str, str]:
    """displaCy colours (keys upper-case) for every mark shown."""
    return {lab.upper(): VERDICT_COLORS.get(lab, OTHER_COLOR) for lab in {*labels, *VERDICT_COLORS}}


def safe_url(url: str | None) -> str | None:
    """The URL when it is a web address; None for javascript:, data: and the like."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_SCHEMES else None


def usd_text(fig: Figure) -> str:
    """The figure in US dollars: 'USD 55 billion', 'over USD 58.3 billion', a span."""
    u = fig.usd
    if u is None:
        return "no USD rate"
    if u.high is None:
        return f"{'over' if fig.qualifier == 'more_than' else 'from'} {money(u.low, 'USD')}"
    if u.low <= 0:
        return f"{'under' if fig.qualifier == 'less_than' else 'up to'} {money(u.high, 'USD')}"
    if fig.value is not None:
        return ("about " if fig.qualifier == "approximately" else "") + money(fig.value / u.rate, "USD")
    return f"{money(u.low, 'USD')} to {money(u.high, 'USD')}"


def usd_point(fig: Figure) -> float | None:
    """The number a figure sorts by, in USD."""
    return None if fig.usd is None else point(fig) / fig.usd.rate


@dataclass
class Marks:
    """Findings by id; for each claim the findings citing it, its label and its fact; for
    each fact the findings about it (naming it, else citing its claims) and the findings
    that are not agreements whose chart it carries."""

    findings: dict[str, Finding]
    of_claim: dict[str, list[str]]
    labels: dict[str, str]
    fact_of: dict[str, str]
    of_fact: dict[str, list[str]]
    charted: dict[str, list[str]]

    @classmethod
    def of(cls, result: Reconciliation) -> Marks:
        findings = {f"f{i}": f for i, f in enumerate(result.findings, 1)}
        fact_of = {m.claim: fact.id for fact in result.facts for m in fact.mentions}
        key = {fact.id: (fact.subject, fact.metric, fact.period) for fact in result.facts}
        of_claim: dict[str, list[str]] = defaultdict(list)
        of_fact: dict[str, list[str]] = defaultdict(list)
        charted: dict[str, list[str]] = defaultdict(list)
        for fid, finding in findings.items():
            for claim in dict.fromkeys(finding.claims):
                of_claim[claim].append(fid)
            facts = list(dict.fromkeys(finding.facts or [fact_of[c] for c in finding.claims if c in fact_of]))
            for fact in facts:
                of_fact[fact].append(fid)
            if facts and finding.verdict != "agree":
                named = (finding.subject, finding.metric, finding.period)
                charted[next((f for f in facts if key.get(f) == named), facts[0])].append(fid)
        labels = {claim: min((mark(findings[f]) for f in fids), key=rank) for claim, fids in of_claim.items()}
        return cls(findings, dict(of_claim), labels, fact_of, dict(of_fact), dict(charted))

    def label(self, claim: str) -> str:
        return self.labels.get(claim, UNCHECKED)

    def labels_of(self, claims: Iterable[Claim]) -> dict[str, str]:
        return {c.id: self.label(c.id) for c in claims}


@dataclass
class Source:
    """One article as a column and as an article view."""

    index: int
    article: Article
    claims: list[Claim]
    origin: str | None = None
    markup: str = ""
    complete: bool = True

    @property
    def label(self) -> str:
        return self.article.doc_id

    @property
    def url(self) -> str | None:
        return safe_url(self.article.url)


ARTICLE_COLUMNS = 40  # a story of more articles has one fact-table column per origin


@dataclass
class Column:
    """A column of a fact table: one article, or (in a story of more than ``ARTICLE_COLUMNS``
    articles) one origin with every article that carries it."""

    label: str
    title: str
    href: str | None
    notes: list[str]
    documents: tuple[str, ...]


def article_columns(sources: list[Source]) -> list[Column]:
    return [Column(s.label, s.article.title or s.label, f"#doc={s.index}",
                   [n for n in (s.article.publisher, f"origin: {s.origin}" if s.origin and s.origin != s.label else None) if n],
                   (s.label,)) for s in sources]


def origin_columns(sources: list[Source]) -> list[Column]:
    """One column per origin, the origins most articles carry first; past
    ``ARTICLE_COLUMNS - 1`` origins, the others share a last column."""
    held: dict[str, list[str]] = {}
    for s in sources:
        held.setdefault(s.origin or s.label, []).append(s.label)
    ranked = sorted(held.items(), key=lambda kv: -len(kv[1]))
    keep = len(ranked) if len(ranked) <= ARTICLE_COLUMNS else ARTICLE_COLUMNS - 1
    mine, rest = ranked[:keep], ranked[keep:]
    columns = [Column(origin, ", ".join(docs), None, [_articles(len(docs))], tuple(docs)) for origin, docs in mine]
    if rest:
        docs = [d for _, held_docs in rest for d in held_docs]
        columns.append(Column(f"{len(rest)} other origins", ", ".join(o for o, _ in rest), None, [f"{len(docs)} articles"],
                              tuple(docs)))
    return columns


def _articles(n: int) -> str:
    """'1 article', '2 articles, 1 relay', '5 articles, 4 relays'."""
    return f"{n} article{'s' if n != 1 else ''}" + (f", {n - 1} relay{'s' if n > 2 else ''}" if n > 1 else "")


@dataclass
class CellFigure:
    """A figure as the articles of one column write it (``claims``: each mention of it there,
    ``documents``: the articles)."""

    claims: list[str]
    mention: str
    usd: str
    conversion: str
    label: str
    documents: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return verdict_of(self.label)


@dataclass
class Badge:
    """The findings of one check and verdict about a fact (``findings``: their ids)."""

    findings: list[str]
    check: str
    verdict: str
    label: str

    @property
    def verdict_label(self) -> str:
        return label(self.verdict)


@dataclass
class FactRow:
    fact: Fact
    cells: list[list[CellFigure]]
    usd: str
    usd_sort: float | None
    badges: list[Badge]
    chart: bool
    carried: list[Carried] = field(default_factory=list)

    @property
    def verdicts(self) -> str:
        return " ".join(dict.fromkeys(b.verdict_label for b in self.badges)) or UNCHECKED

    @property
    def marks(self) -> str:
        return " ".join(dict.fromkeys(b.label for b in self.badges)) or UNCHECKED


@dataclass
class Chart:
    fact: Fact
    bars: list[Bar]
    findings: list[str]
    undrawn: int
    svg: str = ""


@dataclass
class Role:
    """A figure a finding cites, with what it is in the finding ('likely correct', 'whole')."""

    role: str
    figure: Figure
    doc: int | None


@dataclass
class Support:
    """The articles and origins behind one value of a magnitude slip."""

    figure: Figure
    documents: list[str]
    origins: list[str]


@dataclass
class FindingView:
    id: str
    finding: Finding
    label: str
    docs: list[int]
    roles: list[Role] = field(default_factory=list)
    correct: Support | None = None
    slipped: Support | None = None

    @property
    def verdict(self) -> str:
        return label(self.finding.verdict)

    @property
    def words(self) -> str:
        return MARK_WORDS.get(self.label, self.finding.check.replace("_", " "))


@dataclass
class StoryView:
    story: Story
    sources: list[Source]
    rows: list[FactRow]
    findings: list[FindingView]
    charts: list[Chart] = field(default_factory=list)
    trees: list[RelayTree] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        return sum(f.finding.verdict == "conflict" for f in self.findings)

    @property
    def slips(self) -> int:
        return sum(f.label == "slip" for f in self.findings)

    @property
    def metrics(self) -> list[str]:
        return sorted({r.fact.metric for r in self.rows if r.fact.metric})

    @property
    def verdicts(self) -> list[str]:
        return sorted({v for r in self.rows for v in r.verdicts.split()}, key=rank)

    @property
    def marks(self) -> list[str]:
        return sorted({m for r in self.rows for m in r.marks.split()} | {f.label for f in self.findings}, key=rank)

    @property
    def finding_verdicts(self) -> list[str]:
        return sorted({f.verdict for f in self.findings}, key=rank)

    @property
    def origins(self) -> dict[str, list[str]]:
        """Each origin (from provenance) and the articles that carry it, most first."""
        found: dict[str, list[str]] = defaultdict(list)
        for s in self.sources:
            if s.origin:
                found[s.origin].append(s.article.doc_id)
        return dict(sorted(found.items(), key=lambda kv: -len(kv[1])))

    @property
    def own_origins(self) -> set[str]:
        """The articles that are their own origin (they cite or relay no other)."""
        return {t.root for t in self.trees if t.origin == t.root}

    @property
    def most_relayed(self) -> RelayTree | None:
        return max(self.trees, key=lambda t: len(t.documents), default=None)


ROLES = {"magnitude_slip": ("slipped", "likely correct"), "revision": ("earlier", "revised"),
         "unit_price": ("unit price", "stated total", "implied total"), "currency_equivalent": ("figure", "restated as"),
         "value_conflict": ("figure", "figure"), "different_period": ("figure", "figure")}


def roles(finding: Finding, index_of: Mapping[str, int]) -> list[Role]:
    """The figures a finding cites and what each is in it (the parts and the whole of a
    part-exceeds-whole, the earlier and revised figures of a revision)."""
    values = finding.values
    if finding.check == "part_exceeds_whole":
        names = ["part"] * (len(values) - 1) + ["whole"]
    else:
        names = list(ROLES.get(finding.check, ()))
    return [Role(names[n] if n < len(names) else "figure", v, index_of.get(v.claim)) for n, v in enumerate(values)]


def support(finding: Finding, figure_of: Mapping[str, Figure]) -> tuple[Support, Support] | None:
    """For a magnitude slip: the articles (and their origins) that state the likely correct
    value and those that state the slipped one, each cited figure on the side it is nearer
    to (the two are a power of ten apart)."""
    if finding.check != "magnitude_slip" or len(finding.values) < 2:
        return None
    bad, good = finding.values[0], finding.correct or finding.values[1]
    ends = [usd_point(bad), usd_point(good)]
    if None in ends or min(ends) <= 0:
        return None
    sides: tuple[Support, Support] = (Support(good, [], []), Support(bad, [], []))
    for claim in finding.claims:
        fig = figure_of.get(claim)
        at = usd_point(fig) if fig else None
        if at is None or at <= 0:
            continue
        side = sides[0] if abs(math.log(at / ends[1])) <= abs(math.log(at / ends[0])) else sides[1]
        if fig.doc_id not in side.documents:
            side.documents.append(fig.doc_id)
        if fig.origin not in side.origins:
            side.origins.append(fig.origin)
    return sides


def story_view(story: Story, sources: Mapping[str, Source], facts: list[Fact], findings: list[str],
               marks: Marks, trees: list[RelayTree] | None = None) -> StoryView:
    """The fact table, findings and charts of one story, from its facts and findings;
    ``trees``: the relay tree of each of its origins."""
    trees = trees or []
    docs = [sources[d] for d in story.doc_ids]
    columns = (article_columns if len(docs) <= ARTICLE_COLUMNS else origin_columns)(docs)
    column = {d: i for i, c in enumerate(columns) for d in c.documents}
    index_of = {c.id: s.index for s in docs for c in s.claims}
    figure_of = {m.claim: m for fact in facts for m in fact.mentions}
    roots = {t.origin: t.root for t in trees}
    views = []
    for fid in findings:
        finding = marks.findings[fid]
        sides = support(finding, figure_of)
        views.append(FindingView(fid, finding, mark(finding),
                                 list(dict.fromkeys(index_of[c] for c in finding.claims if c in index_of)),
                                 roles(finding, index_of), *(sides or (None, None))))
    rows = []
    charts = []
    for fact in facts:
        fids = marks.of_fact.get(fact.id, [])
        disagree = marks.charted.get(fact.id, [])
        cells: list[dict[tuple[str, str], CellFigure]] = [{} for _ in columns]
        for fig in _unique(fact.mentions):
            cell, usd = cells[column[fig.doc_id]], usd_text(fig)
            shown = cell.setdefault((fig.mention, usd), CellFigure([], fig.mention, usd, conversion(fig), marks.label(fig.claim)))
            shown.claims.append(fig.claim)
            if fig.doc_id not in shown.documents:
                shown.documents.append(fig.doc_id)
        badges: dict[tuple[str, str], Badge] = {}
        for fid in fids:
            f = marks.findings[fid]
            badges.setdefault((f.check, f.verdict), Badge([], f.check, f.verdict, mark(f))).findings.append(fid)
        rows.append(FactRow(fact, [list(c.values()) for c in cells], usd_text(fact.figure), usd_point(fact.figure),
                            list(badges.values()), bool(disagree), carried(fact, roots)))
        if disagree:
            charts.append(_chart(fact, [marks.findings[f] for f in disagree], disagree))
    return StoryView(story, docs, rows, views, charts, trees, columns)


def _unique(figures: Iterable[Figure]) -> list[Figure]:
    return list({f.claim: f for f in reversed(list(figures))}.values())[::-1]


def _chart(fact: Fact, findings: list[Finding], ids: list[str]) -> Chart:
    """The fact's figures (one bar per figure an article writes, however often), then the
    other figures its disagreeing findings cite (the parts of a whole, a change's implied
    value)."""
    own = _unique(fact.mentions)
    mine = {f.claim for f in own}
    related = [v for v in _unique(v for f in findings for v in f.values) if v.claim not in mine]
    times: dict[tuple, list[Figure]] = {}
    for fig in own:
        times.setdefault((fig.doc_id, fig.mention, fig.interval), []).append(fig)
    figures = [(group[0], f"{group[0].doc_id}: {group[0].mention}" + (f" (×{len(group)})" if len(group) > 1 else ""), False)
               for group in times.values()]
    figures += [(f, f"{'implied' if f.claim.startswith('implied:') else f.metric or 'other fact'} "
                    f"({f.doc_id}): {f.mention}", True) for f in related]
    bars = [b for f, text, other in figures if (b := bar(f, text, other))]
    return Chart(fact, bars, ids, len(figures) - len(bars))


def payload(views: list[StoryView], marks: Marks) -> dict[str, Any]:
    """The records the page's script shows when a highlight or finding is clicked: every
    claim (its whole record, its USD figure, article, fact and findings), every finding
    (with the articles it cites) and the articles."""
    usd = {m.claim: m.usd.model_dump(mode="json", exclude_none=True) for v in views for r in v.rows
           for m in r.fact.mentions if m.usd}
    claims = {}
    for view in views:
        for source in view.sources:
            for claim in source.claims:
                claims[claim.id] = {**claim.model_dump(mode="json", exclude_none=True), "usd": usd.get(claim.id),
                                    "doc": source.index, "fact": marks.fact_of.get(claim.id),
                                    "findings": marks.of_claim.get(claim.id, []), "mark": marks.label(claim.id)}
    findings = {f.id: {**f.finding.model_dump(mode="json", exclude={"values", "correct"}, exclude_none=True),
                       "docs": f.docs, "label": f.verdict, "mark": f.label}
                for v in views for f in v.findings}
    docs = {s.index: {"doc_id": s.article.doc_id, "title": s.article.title, "complete": s.complete}
            for v in views for s in v.sources}
    return {"claims": claims, "findings": findings, "docs": docs, "stories": [v.story.id for v in views]}
