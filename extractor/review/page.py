"""Build the review page from claim records: one self-contained HTML file, or a folder with
an index and one page per story. Every script and style is inline (a Content Security
Policy allows only the page's own script and fetches nothing); every text of an article,
title, name and URL is escaped by the templates (Jinja2 autoescape) or by displaCy."""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..models import Claim, Reconciliation
from ..reconcile import reconcile
from .charts import Charts
from .model import Article, Provenance, RelayTree, Story, layout, stories_of
from .origins import provenance_of
from .views import UNCHECKED, Marks, Source, StoryView, colors, label, mark, payload, rank, story_view

PAGE_SUFFIXES = (".html", ".htm")


@dataclass
class Review:
    """Everything the pages show."""

    views: list[StoryView]
    marks: Marks
    colors: dict[str, str]
    claims: int
    facts: int

    @property
    def sources(self) -> list[Source]:
        return [s for v in self.views for s in v.sources]


def build(claims: Iterable[Claim], articles: Iterable[Article] = (), result: Reconciliation | None = None,
          stories: list[Story] | None = None, provenance: Provenance | None = None) -> Review:
    """Reconcile the claims (unless ``result`` is given), group them into stories (unless
    given) and compute every view, article markup and chart."""
    claims = list(claims)
    result = result if result is not None else reconcile(claims)
    known = {a.doc_id: a for a in articles}
    for claim in claims:
        known.setdefault(claim.doc_id, Article(claim.doc_id))
    stories = stories if stories is not None else stories_of(known.values(), result, claims)
    marks = Marks.of(result)
    provenance = provenance if provenance is not None else provenance_of(stories, claims, result)
    origins = provenance.origins()
    trees = _trees_of(stories, provenance.trees)
    stories = [by_origin(s, trees[s.id], origins) for s in stories]
    by_doc: dict[str, list[Claim]] = {d: [] for d in known}
    for claim in claims:
        by_doc[claim.doc_id].append(claim)
    order = [d for s in stories for d in s.doc_ids]
    sources = {d: Source(i, known[d], sorted(by_doc[d], key=lambda c: (c.start, c.end)), origins.get(d))
               for i, d in enumerate(order)}
    story_of = {d: s.id for s in stories for d in s.doc_ids}
    doc_of = {c.id: c.doc_id for c in claims}
    facts = {s.id: [] for s in stories}
    for fact in result.facts:
        if fact.documents and fact.documents[0] in story_of:
            facts[story_of[fact.documents[0]]].append(fact)
    findings = {s.id: [] for s in stories}
    for fid, finding in marks.findings.items():
        first = next((doc_of[c] for c in finding.claims if c in doc_of), None)
        if first in story_of:
            findings[story_of[first]].append(fid)
    views = [story_view(s, sources, facts[s.id], findings[s.id], marks, trees[s.id]) for s in stories]
    palette = colors([*marks.labels.values(), *(mark(f) for f in marks.findings.values())])
    _draw(views, marks, palette)
    return Review(views, marks, palette, len(claims), len(result.facts))


def _trees_of(stories: list[Story], trees: list[RelayTree]) -> dict[str, list[RelayTree]]:
    """Each story's relay trees: those whose articles are in it (a provenance file may span
    stories: a tree goes to the story of its root)."""
    story_of = {d: s.id for s in stories for d in s.doc_ids}
    found: dict[str, list[RelayTree]] = {s.id: [] for s in stories}
    for tree in trees:
        if tree.root in story_of:
            found[story_of[tree.root]].append(tree)
    return found


def by_origin(story: Story, trees: list[RelayTree], origins: dict[str, str]) -> Story:
    """The story with its articles grouped by origin, the origins that most articles carry
    first, each origin's root article first (the columns of its fact table)."""
    rank = {t.origin: n for n, t in enumerate(sorted(trees, key=lambda t: -len(t.documents)))}
    roots = {t.root for t in trees}
    position = {d: n for n, d in enumerate(story.doc_ids)}
    docs = sorted(story.doc_ids, key=lambda d: (rank.get(origins.get(d, d), len(rank)), d not in roots, position[d]))
    return replace(story, doc_ids=tuple(docs))


def _draw(views: list[StoryView], marks: Marks, palette: dict[str, str]) -> None:
    """Article markup (displaCy, imported here) and charts (matplotlib, imported when drawn)."""
    from .article import render_article

    charts = Charts()
    for view in views:
        for source in view.sources:
            shown = layout(source.article, source.claims)
            source.complete = shown.complete
            source.markup = render_article(shown.text, shown.highlights, marks.labels_of(source.claims), palette)
        for chart in view.charts:
            if chart.bars:
                fact = chart.fact
                title = " · ".join(x for x in (fact.subject, fact.metric, fact.period) if x) or fact.figure.mention
                chart.svg = charts.draw(title, chart.bars, salt=fact.id)


# ------------------------------------------------------------------ HTML
@cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("extractor.review", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = lambda v, digits=2: "" if v is None else f"{v:.{digits}f}"
    env.filters["verdict_label"] = label
    env.filters["mark"] = mark
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    return env


@cache
def _static(name: str) -> str:
    return resources.files("extractor.review").joinpath("static", name).read_text(encoding="utf-8")


def _csp(script: str) -> str:
    """Nothing fetched, no script but the page's own (by its hash), inline styles allowed
    (displaCy positions its marks with them)."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _render(template: str, views: list[StoryView], **context: object) -> str:
    script = _static("review.js")
    stats = {"articles": sum(len(v.sources) for v in views), "claims": sum(len(s.claims) for v in views for s in v.sources),
             "facts": sum(len(v.rows) for v in views), "findings": sum(len(v.findings) for v in views),
             "conflicts": sum(v.conflicts for v in views)}
    return _environment().get_template(template).render(
        css=Markup(_static("review.css")), script=Markup(script), csp=Markup(_csp(script)), views=views, stats=stats,
        **context)


def page_html(review: Review, views: list[StoryView] | None = None, index: str | None = None) -> str:
    """One page: the given stories (all by default) with their articles; ``index`` links
    back to the folder's index page."""
    views = review.views if views is None else views
    return _render("page.html", views, review=review, index=index, pages={v.story.id: "" for v in views},
                   data=payload(views, review.marks), legend=_legend(review))


def index_html(review: Review, pages: dict[str, str]) -> str:
    """The folder's index: every story with its counts and its page, and every finding
    that is not an agreement."""
    return _render("index.html", review.views, review=review, pages=pages, legend=_legend(review))


def _legend(review: Review) -> list[tuple[str, str]]:
    """The marks the page shows (and 'unchecked'), with their colours, most severe first."""
    shown = {*review.marks.labels.values(), *(mark(f) for f in review.marks.findings.values()), UNCHECKED}
    return sorted(((lab.lower(), color) for lab, color in review.colors.items() if lab.lower() in shown),
                  key=lambda x: rank(x[0]))


@dataclass
class Written:
    pages: list[Path]

    @property
    def bytes(self) -> int:
        return sum(p.stat().st_size for p in self.pages)


def write_review(output: Path, review: Review) -> Written:
    """A single page when ``output`` ends in .html, else a folder: index.html and one page
    per story (for large corpora)."""
    if output.suffix.lower() in PAGE_SUFFIXES:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(page_html(review), encoding="utf-8")
        return Written([output])
    output.mkdir(parents=True, exist_ok=True)
    pages = {v.story.id: f"story-{v.story.id}.html" for v in review.views}
    written = []
    for view in review.views:
        path = output / pages[view.story.id]
        path.write_text(page_html(review, [view], index="index.html"), encoding="utf-8")
        written.append(path)
    index = output / "index.html"
    index.write_text(index_html(review, pages), encoding="utf-8")
    return Written([index, *written])
