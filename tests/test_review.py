"""The review page without a browser: the extended displaCy renderer, article layouts,
stories, verdict marks, the chart, the HTML (escaping, policy, no network), the folder of
pages and the ``claims review`` command (articles, --claims, --db, --provenance)."""
from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys

import pytest
from spacy.displacy.render import SpanRenderer
from typer.testing import CliRunner

from extractor.cli import app
from extractor.extract import extract_paths
from extractor.models import Claim, Figure, Finding, Reconciliation, Usd
from extractor.reconcile import reconcile
from extractor.review import Article, Provenance, build, page_html, stories_of, write_review
from extractor.stories import stories_of as grouped
from extractor.review.article import ClaimSpanRenderer, manual_data, render_article
from extractor.review.charts import Charts, bar
from extractor.review.model import Highlight, layout
from extractor.review import views
from extractor.review.views import OTHER_COLOR, VERDICT_COLORS, mark, rank, safe_url, support, usd_text, verdict_of

from .conftest import FIXTURES, SEEDS

runner = CliRunner()
NEWS = FIXTURES / "review" / "news"
STORIES = FIXTURES / "stories" / "bytedance"


@pytest.fixture(scope="module")
def seed_claims(nlp) -> list[Claim]:
    return [c for c in extract_paths([SEEDS], nlp=nlp) if isinstance(c, Claim)]


@pytest.fixture(scope="module")
def story(nlp) -> tuple:
    """The review of the ByteDance story fixture: an origin report, three relays (one with
    a 10x slip, one in sterling) and a later revision; and its claims."""
    claims = [c for c in extract_paths([STORIES], nlp=nlp) if isinstance(c, Claim)]
    articles = [Article(p.name, p.read_text(encoding="utf-8")) for p in sorted(STORIES.glob("*.txt"))]
    return build(claims, articles), claims


@pytest.fixture(scope="module")
def seed_articles() -> list[Article]:
    return [Article(p.name, p.read_text(encoding="utf-8"), title=p.read_text(encoding="utf-8").split("\n")[0])
            for p in sorted(SEEDS.glob("*.txt"))]


def shown_text(markup: str) -> str:
    """The text of rendered markup as a browser shows it, without displaCy's labels."""
    without_chips = re.sub(r'<span class="chip"[^>]*>.*?</span>', "", markup)
    return html.unescape(re.sub(r"<[^>]+>", "", without_chips)).strip("\n")


# ------------------------------------------------------------------ the displaCy extension
def test_spans_stack_as_displacy_stacks_them():
    rng = random.Random(7)
    tokens = [f"w{i} " for i in range(60)]
    for _ in range(50):
        spans = []
        for n in range(rng.randint(1, 8)):
            start = rng.randrange(59)
            spans.append({"start_token": start, "end_token": rng.randint(start + 1, min(start + 6, 60)),
                          "label": rng.choice(["conflict", "agree"]), "claim": f"c{n}"})
        ours = ClaimSpanRenderer._assemble_per_token_info(tokens, [dict(s) for s in spans])
        theirs = SpanRenderer._assemble_per_token_info(tokens, [dict(s) for s in spans])
        keep = ("label", "is_start", "render_slot")
        assert [[{k: e[k] for k in keep} for e in t["entities"]] for t in ours] == \
               [[{k: e[k] for k in keep} for e in t["entities"]] for t in theirs]


def test_article_markup_shows_the_text_as_written_with_one_highlight_per_claim():
    text = 'Acme <b>paid</b> "$5m" (£4m)\n\n  for Widget & Co.\ttoday'
    spans = [Highlight(text.index("$5m"), text.index("$5m") + 3, "a"),
             Highlight(text.index("£4m"), text.index("£4m") + 3, "b")]
    markup = render_article(text, spans, {"a": "slip", "b": "agree"}, {"SLIP": "#f00", "AGREE": "#0f0"})
    assert shown_text(markup) == text
    assert "<b>" not in markup and "&lt;b&gt;" in markup
    assert re.findall(r'data-starts="([^"]+)"', markup) == ["a", "b"]
    assert 'class="claim v-conflict k-slip"' in markup and "#f00" in markup  # a slip is a conflict of its own mark
    assert 'class="claim v-agree k-agree"' in markup


def test_manual_data_cuts_tokens_at_claim_boundaries_only():
    data = manual_data("one two three four", [Highlight(4, 13, "x"), Highlight(8, 13, "y")], {"x": "a", "y": "b"})
    assert data["tokens"] == ["one ", "two ", "three", " four"]
    assert [(s["start_token"], s["end_token"], s["claim"]) for s in data["spans"]] == [(1, 3, "x"), (2, 3, "y")]


# ------------------------------------------------------------------ layouts and stories
def test_layout_is_the_text_when_every_claim_stands_where_it_says(seed_claims, seed_articles):
    article = seed_articles[0]
    claims = [c for c in seed_claims if c.doc_id == article.doc_id]
    shown = layout(article, claims)
    assert shown.complete and shown.text == article.text
    assert [shown.text[h.start:h.end] for h in shown.highlights] == [c.mention for c in claims]


@pytest.mark.parametrize("text", [None, "a different text"])
def test_without_the_text_the_claims_sentences_stand_for_it(seed_claims, text):
    claims = [c for c in seed_claims if c.doc_id == "004_e6c9b792dda29dee.txt"]
    shown = layout(Article("004_e6c9b792dda29dee.txt", text), claims)
    assert not shown.complete
    assert len(shown.highlights) == len(claims)
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    assert [shown.text[h.start:h.end] for h in shown.highlights] == [c.mention for c in ordered]
    assert all(c.sentence in shown.text for c in claims)


def test_stories_are_the_reconcile_layers_joined_by_a_fact_that_spans_two(nlp):
    claims = [c for c in extract_paths([STORIES, NEWS], nlp=nlp) if isinstance(c, Claim)]
    articles = [Article(d) for d in dict.fromkeys(c.doc_id for c in claims)] + [Article("no_figures.txt", "Nothing.")]
    stories = stories_of(articles, reconcile(claims), claims)
    layer = [tuple(dict.fromkeys(c.doc_id for c in story)) for story in grouped(claims)]
    assert [s.doc_ids for s in stories] == layer + [("no_figures.txt",)]
    bytedance = next(s for s in stories if "origin_report.txt" in s.doc_ids)
    assert bytedance.title == f"ByteDance ({len(bytedance.doc_ids)} articles)" and len(bytedance.doc_ids) == 5
    assert "rupee_rail_budget.txt" not in bytedance.doc_ids
    rupee = [c for c in claims if c.doc_id == "rupee_rail_budget.txt"]
    spanning = reconcile([*rupee, *(c for c in claims if c.doc_id == "relay_wire.txt")])  # one batch: one fact may span them
    joined = Reconciliation(facts=[f.model_copy(update={"documents": ["relay_wire.txt", "rupee_rail_budget.txt"]})
                                   for f in spanning.facts[:1]], findings=[])
    assert any({"relay_wire.txt", "rupee_rail_budget.txt"} <= set(s.doc_ids) for s in stories_of(articles, joined, claims))


# ------------------------------------------------------------------ values, verdicts, URLs
def _figure(**kw) -> Figure:
    base = dict(claim="c", doc_id="d", mention="m", currency="CNY", qualifier="exact", interval=(1.0, 2.0),
                origin="o", usd=Usd(low=10e9, high=20e9, rate=7.0, year=2025, rate_source="test"))
    return Figure(**{**base, **kw})


@pytest.mark.parametrize("kw, text", [
    (dict(value=70e9), "USD 10 billion"),
    (dict(value=70e9, qualifier="approximately"), "about USD 10 billion"),
    (dict(qualifier="more_than", usd=Usd(low=5e9, high=None, rate=7.0, year=2025, rate_source="t")), "over USD 5 billion"),
    (dict(qualifier="at_most", usd=Usd(low=0, high=3e6, rate=7.0, year=2025, rate_source="t")), "up to USD 3 million"),
    (dict(qualifier="range"), "USD 10 billion to USD 20 billion"),
    (dict(usd=None), "no USD rate"),
])
def test_usd_text(kw, text):
    assert usd_text(_figure(**kw)) == text


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"), ("http://x.test", "http://x.test"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,<script>", None),
    ("vbscript:x", None), ("//evil.test/x", None), ("", None), (None, None), ("http://[::1", None),
])
def test_only_web_addresses_become_links(url, safe):
    assert safe_url(url) == safe


def test_a_new_check_and_verdict_render_with_their_own_label(seed_claims, seed_articles):
    result = reconcile(seed_claims)
    doubt = Finding.model_construct(check="future_check", verdict="doubt", subject="ByteDance", metric="capex",
                                    period="2026", claims=[seed_claims[0].id], values=[], why="a doubt",
                                    relative_difference=None, severity=None, facts=[], correct=None)
    review = build(seed_claims, seed_articles, Reconciliation.model_construct(
        facts=result.facts, findings=[doubt, *result.findings]))
    page = page_html(review)
    assert 'class="badge v-doubt k-doubt"' in page and ">future_check<" in page
    assert review.colors["DOUBT"] == OTHER_COLOR and review.colors["CONFLICT"] == VERDICT_COLORS["conflict"]
    first = seed_claims[0].id
    assert review.marks.label(first) == "part-whole"  # a part exceeding its whole outranks the new verdict
    alone = build(seed_claims[:1], seed_articles[:1], Reconciliation.model_construct(facts=[], findings=[doubt]))
    assert alone.marks.label(first) == "doubt"


@pytest.mark.parametrize("check, verdict, shown", [
    ("magnitude_slip", "conflict", "slip"), ("part_exceeds_whole", "conflict", "part-whole"),
    ("unit_price", "conflict", "unit-price"), ("revision", "agree", "revised"),
    ("currency_equivalent", "agree", "restated"), ("currency_equivalent", "conflict", "conflict"),
    ("value_conflict", "conflict", "conflict"), ("part_exceeds_whole", "agree", "agree"),
    ("corroboration", "agree", "agree")])
def test_each_kind_of_finding_has_its_mark_and_the_mark_its_verdict(check, verdict, shown):
    finding = Finding.model_construct(check=check, verdict=verdict)
    assert mark(finding) == shown and verdict_of(shown) == verdict
    assert rank(shown) < rank("unchecked") and (rank(shown) < rank("agree")) == (shown != "agree")


def test_marks_of_the_bytedance_story(story):
    review, claims = story
    page = page_html(review)
    marks = {f.label for v in review.views for f in v.findings}
    assert {"slip", "revised", "restated", "agree"} <= marks
    for fid, f in review.marks.findings.items():
        assert f'<li class="finding k-{mark(f)}" id="finding-{fid}" data-verdicts="{f.verdict}" data-marks="{mark(f)}">' in page
    slipped = {c for f in review.marks.findings.values() if f.check == "magnitude_slip" for c in f.claims}
    assert slipped and all(rank(review.marks.label(c)) <= rank("slip") for c in slipped)
    assert all(f'k-{review.marks.label(c.id)}" data-claims=' in page for c in claims if c.id in slipped)


# ------------------------------------------------------------------ the chart
def test_chart_draws_each_figure_with_its_qualifier_and_conversion():
    figures = [_figure(claim="a", doc_id="one.txt", mention="$5m", currency="USD", value=5e6,
                       usd=Usd(low=4.5e6, high=5.5e6, rate=1.0, year=2024, rate_source="identity")),
               _figure(claim="b", doc_id="two.txt", mention="over ¥50m", qualifier="more_than",
                       usd=Usd(low=7e6, high=None, rate=7.1, year=2024, rate_source="t"))]
    svg = Charts().draw("Acme · sale price", [bar(f, f"{f.doc_id}: {f.mention}") for f in figures], salt="x")
    assert svg.startswith("<svg") and "<?xml" not in svg
    text = html.unescape(" ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)))
    for words in ("one.txt: $5m", "two.txt: over ¥50m", "more than; CNY 7.1 per USD (2024)", "as written", "Acme · sale price"):
        assert words in text
    assert bar(_figure(usd=None), "x") is None


# ------------------------------------------------------------------ the page
def test_page_is_self_contained_escaped_and_reproducible(seed_claims, seed_articles):
    page = page_html(build(seed_claims, seed_articles))
    assert page == page_html(build(seed_claims, seed_articles))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)[1]
    assert "default-src 'none'" in policy and "unsafe-inline' " not in policy.split("script-src")[1].split(";")[0]
    assert not re.search(r'\s(?:src|href)="(?:https?:)?//', page)  # nothing fetched, no link out (seeds have no URL)
    data = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)[1]
    assert set(json.loads(data)["claims"]) == {c.id for c in seed_claims}
    assert page.count('<table class="facts"') == 1 and page.count("<svg") >= 1


def test_text_is_escaped_everywhere(seed_claims):
    evil = '<script>alert(1)</script>"onmouseover="x" </textarea>'
    claims = [c.model_copy(update={"doc_id": evil}) for c in seed_claims if c.doc_id.startswith("004")]
    article = Article(evil, None, title=evil, url="javascript:alert(1)", publisher=evil)
    page = page_html(build(claims, [article]))
    body = page.split("<body>", 1)[1]
    assert "<script>alert" not in body and 'href="javascript:' not in body
    assert not re.search(r"<[^>]*\sonmouseover=", body)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;onmouseover=&#34;x&#34; &lt;/textarea&gt;" in body
    assert body.count("<script") == 2  # the data block and the page's script


def test_a_folder_has_an_index_and_one_page_per_story(seed_claims, seed_articles, nlp, tmp_path):
    news = [c for c in extract_paths([NEWS], nlp=nlp) if isinstance(c, Claim)]
    review = build(seed_claims + news, seed_articles)
    written = write_review(tmp_path / "site", review)
    assert [p.name for p in written.pages] == ["index.html"] + [f"story-{v.story.id}.html" for v in review.views]
    index = written.pages[0].read_text(encoding="utf-8")
    for view in review.views:
        assert f'href="story-{view.story.id}.html#story={view.story.id}"' in index
        story = (tmp_path / "site" / f"story-{view.story.id}.html").read_text(encoding="utf-8")
        assert story.count('<article class="doc"') == len(view.sources)
    assert "#finding=" in index and written.bytes == sum(p.stat().st_size for p in written.pages)


def test_importing_the_review_loads_neither_spacy_nor_matplotlib():
    code = ("import sys, extractor.review\n"
            "print(','.join(m for m in ('spacy', 'matplotlib', 'thinc') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout + proc.stderr


# ------------------------------------------------------------------ the command
def test_review_needs_something_to_show(tmp_path):
    result = runner.invoke(app, ["review", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "give articles" in result.output
    result = runner.invoke(app, ["review", str(tmp_path / "missing"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_review_of_articles_and_of_their_claims(tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["review", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 page(s)" in result.stderr and "2 article(s), 25 claims" in result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.count("The article's text is not at hand") == 0
    claims = tmp_path / "claims.jsonl"
    assert runner.invoke(app, ["extract", str(SEEDS), "-o", str(claims), "-q"]).exit_code == 0
    result = runner.invoke(app, ["review", "--claims", str(claims), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("The article's text is not at hand") == 2


def test_review_from_a_database_reads_texts_that_are_still_there(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in SEEDS.glob("*.txt"):
        (folder / p.name).write_bytes(p.read_bytes())
    db = tmp_path / "claims.db"
    assert runner.invoke(app, ["extract", str(folder), "--db", str(db), "-q"]).exit_code == 0
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["review", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 article(s), 25 claims" in result.stderr
    assert "not at hand" not in out.read_text(encoding="utf-8")
    (folder / "004_e6c9b792dda29dee.txt").write_text("changed since", encoding="utf-8")
    assert runner.invoke(app, ["review", "--db", str(db), "-o", str(out), "-q"]).exit_code == 0
    assert out.read_text(encoding="utf-8").count("The article's text is not at hand") == 1


def test_review_shows_each_articles_origin_from_provenance(tmp_path):
    provenance = tmp_path / "provenance.json"
    provenance.write_text(json.dumps({"documents": [
        {"doc_id": "000_3f00ea69314cb987.txt", "origin": "Financial Times 2025-12-23", "evidence": ["shared wording"]},
        {"doc_id": "004_e6c9b792dda29dee.txt", "origin": "South China Morning Post", "evidence": []}],
        "origins": []}), encoding="utf-8")
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["review", str(SEEDS), "--provenance", str(provenance), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<strong>Financial Times 2025-12-23</strong>: <span class="carried">1 article</span> (000_3f00ea69314cb987.txt)' in page
    assert "origin: South China Morning Post" in page
    assert Provenance.model_validate_json(provenance.read_bytes()).origins()["004_e6c9b792dda29dee.txt"] == \
        "South China Morning Post"
    provenance.write_text('{"documents": 3}', encoding="utf-8")
    result = runner.invoke(app, ["review", str(SEEDS), "--provenance", str(provenance), "-o", str(out)])
    assert result.exit_code == 2 and "not a provenance file" in result.output and "Traceback" not in result.output


# ------------------------------------------------------------------ origins and relays
def test_story_origins_relays_and_columns_grouped_by_origin(story):
    review, claims = story
    (view,) = review.views
    columns = [s.article.doc_id for s in view.sources]
    tree = max(view.trees, key=lambda t: len(t.documents))
    assert tree.origin == "Financial Times" and len(tree.relays) == len(tree.documents) - 1 >= 2
    assert columns[:len(tree.documents)] == [tree.root, *(d for d in columns if d in tree.documents and d != tree.root)]
    assert set(columns[:len(tree.documents)]) == set(tree.documents)
    page = page_html(review)
    assert (f'<strong>Financial Times</strong>: <span class="carried">{len(tree.documents)} articles</span>: {tree.root} '
            f'(the earliest) and <span class="relays">{len(tree.relays)} relays</span>') in page
    assert f"{len(tree.relays)} articles relay Financial Times" in page
    slip = next(r for r in tree.relays if r.changes)  # the relay that slipped says what it changed
    assert any(c.check == "magnitude_slip" for c in slip.changes)


def test_each_fact_counts_the_articles_and_relays_of_its_origins(story):
    review, _ = story
    for row in review.views[0].rows:
        by_origin: dict[str, set[str]] = {}
        for m in row.fact.mentions:
            by_origin.setdefault(m.origin, set()).add(m.doc_id)
        assert {c.origin: set(c.documents) for c in row.carried} == by_origin
        assert {c.origin for c in row.carried if c.independent} == set(row.fact.origins)
        assert all(c.relays == len(c.documents) - 1 for c in row.carried)
    capex = max(review.views[0].rows, key=lambda r: len(r.fact.documents))
    ft = next(c for c in capex.carried if c.origin == "Financial Times")
    assert ft.documents[0] == "origin_report.txt" and ft.relays >= 2
    assert f"Financial Times: {len(ft.documents)} articles ({ft.relays} relays)" in page_html(review)


def test_a_slip_names_its_likely_correct_value_and_who_states_each(story):
    review, _ = story
    slips = [f for v in review.views for f in v.findings if f.label == "slip"]
    assert slips
    page = page_html(review)
    for f in slips:
        bad, good = f.finding.values[0], f.finding.correct
        assert f.correct.figure == good and f.slipped.figure == bad
        assert good.doc_id in f.correct.documents and bad.doc_id in f.slipped.documents
        cited = {v.doc_id for v in f.finding.values}
        assert cited <= set(f.correct.documents) | set(f.slipped.documents)
        assert [r.role for r in f.roles] == ["slipped", "likely correct"]
        assert f'likely correct: <strong><a href="#claim={good.claim}">{html.escape(good.mention)}</a></strong>' in page


def test_support_puts_each_figure_on_the_nearer_side():
    usd = lambda v: Usd(low=v, high=v, rate=1.0, year=2025, rate_source="t")  # noqa: E731
    figs = {n: _figure(claim=n, doc_id=f"{n}.txt", mention=m, currency="USD", value=v, usd=usd(v), origin=o)
            for n, m, v, o in [("a", "$2.3bn", 2.3e9, "Wire"), ("b", "$23bn", 23e9, "Paper"),
                               ("c", "$2.2bn", 2.2e9, "Paper"), ("d", "$2.4bn", 2.4e9, "Wire")]}
    finding = Finding(check="magnitude_slip", verdict="conflict", claims=list(figs), values=[figs["b"], figs["a"]],
                      why="10x", correct=figs["a"])
    good, bad = support(finding, figs)
    assert (good.documents, good.origins) == (["a.txt", "c.txt", "d.txt"], ["Wire", "Paper"])
    assert (bad.documents, bad.origins) == (["b.txt"], ["Paper"])
    assert support(finding.model_copy(update={"check": "value_conflict"}), figs) is None


def test_a_story_of_many_articles_has_a_column_per_origin(nlp, monkeypatch):
    claims = [c for c in extract_paths([STORIES], nlp=nlp) if isinstance(c, Claim)]
    articles = [Article(p.name, p.read_text(encoding="utf-8")) for p in sorted(STORIES.glob("*.txt"))]
    monkeypatch.setattr(views, "ARTICLE_COLUMNS", 3)
    (view,) = build(claims, articles).views
    origins = {s.origin for s in view.sources}
    assert [c.label for c in view.columns] == list(dict.fromkeys(s.origin for s in view.sources)) and len(origins) < 5
    ft = next(n for n, c in enumerate(view.columns) if c.label == "Financial Times")
    assert len(view.columns[ft].documents) == 4 and view.columns[ft].notes == ["4 articles, 3 relays"]
    capex = max(view.rows, key=lambda r: len(r.fact.documents))
    written = {fig.mention: fig.documents for fig in capex.cells[ft]}
    assert len(written["RMB 160bn"]) >= 2 and set(written["RMB 160bn"]) <= set(view.columns[ft].documents)
    assert all(len(row.cells) == len(view.columns) for row in view.rows)
    assert "one column per origin" in page_html(build(claims, articles))
    monkeypatch.undo()
    page = page_html(build(claims, articles))
    assert "one column per origin" not in page and page.count('<th class="src"') == len(articles)


def test_past_the_column_limit_the_smaller_origins_share_a_column(monkeypatch):
    monkeypatch.setattr(views, "ARTICLE_COLUMNS", 3)
    origins = ["Wire", "Paper", "Wire", "Blog", "Wire", "Paper", "Radio"]
    sources = [views.Source(n, Article(f"a{n}.txt"), [], origin) for n, origin in enumerate(origins)]
    columns = views.origin_columns(sources)
    assert [(c.label, c.documents, c.notes) for c in columns] == [
        ("Wire", ("a0.txt", "a2.txt", "a4.txt"), ["3 articles, 2 relays"]),
        ("Paper", ("a1.txt", "a5.txt"), ["2 articles, 1 relay"]),
        ("2 other origins", ("a3.txt", "a6.txt"), ["2 articles"])]
    assert [c.label for c in views.origin_columns(sources[:4])] == ["Wire", "Paper", "Blog"]
