"""Size and load time of the review page for 1,000 articles.

The corpus is the seed articles and the review fixtures of this repository (or the
articles under ``--corpus DIR``), extracted once; their claim records are then repeated
to ``--articles`` articles (each copy's subjects renamed, its ids new), so that the page
holds as many articles, claims, facts and charts as a real corpus of that size. The page
groups them into the stories of the reconcile layer (``extractor.stories``): copies whose
sentences name the same entities join one story, as unrelated articles naming "US" do in a
real corpus, so the largest story holds a few hundred articles. Measured:

1. reconciling, copy by copy (each copy is a set of stories of its own; reconciling all
   at once is issue 13's benchmark, and today its part-exceeds-whole check grows with the
   cube of the facts), then building the page (stories, fact tables, displaCy markup,
   matplotlib charts, HTML): seconds;
2. the single page (``-o review.html``): bytes, and in headless Chromium (Debian's
   package) the time to DOMContentLoaded and to load, median of ``--runs``, with the
   wall-clock time of the whole browser run beside it;
3. the folder (``-o DIR``: an index and one page per story): bytes, pages, and the same
   times for the index and the largest story page.

    python bench/review.py [--articles 1000] [--corpus DIR ...] [--runs 3]
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor import pipeline  # noqa: E402
from extractor.documents import Document, read_all  # noqa: E402
from extractor.extract import extract_articles  # noqa: E402
from extractor.models import Claim, Entity, Reconciliation  # noqa: E402
from extractor.reconcile import reconcile  # noqa: E402
from extractor.review import Article, build, write_review  # noqa: E402
from tests.test_review_browser import CHROMIUM, visit  # noqa: E402

CORPUS = [ROOT / "seeds", ROOT / "fixtures" / "review" / "news", ROOT / "fixtures" / "articles"]
TIMING = ("addEventListener('load', function () { var t = performance.getEntriesByType('navigation')[0];"
          " document.documentElement.dataset.timing = t.domContentLoadedEventEnd + ' ' + t.loadEventStart; });")


def corpus(paths: list[Path]) -> tuple[list[Article], list[Claim]]:
    nlp = pipeline.build()
    texts: dict[str, str] = {}

    def remember(docs):
        for doc in docs:
            if isinstance(doc, Document):
                texts[doc.doc_id] = doc.text
            yield doc

    articles, claims = [], []
    for item in extract_articles(remember(read_all(paths)), nlp):
        if isinstance(item, tuple):
            info, found = item
            articles.append(Article.of(info, texts[info.doc_id]))
            claims.extend(found)
    return articles, claims


def repeated(articles: list[Article], claims: list[Claim], total: int) -> tuple[list[Article], list[Claim]]:
    """``total`` articles: copy k of an article has its own doc id, claim ids and subjects
    (a tag of six hex digits added to each name, so that names stay apart when matched)."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc_id, []).append(claim)
    out_articles, out_claims = [], []
    for n in range(total):
        article = articles[n % len(articles)]
        copy = n // len(articles)
        doc_id = f"copy{copy:03d}/{article.doc_id}"
        out_articles.append(Article(doc_id, article.text, f"{article.title} (copy {copy})", article.url,
                                    article.publisher, article.published))
        tag = hashlib.sha1(str(copy).encode()).hexdigest()[:6]
        new_id = {c.id: hashlib.sha1(f"{c.id}|{copy}".encode()).hexdigest()[:16] for c in by_doc.get(article.doc_id, [])}
        for c in by_doc.get(article.doc_id, []):
            renamed = {"id": new_id[c.id], "doc_id": doc_id, "equivalent_of": new_id.get(c.equivalent_of)}
            for role in ("subject", "counterparty"):
                entity = getattr(c, role)
                if entity:
                    renamed[role] = Entity(name=entity.name, canonical=f"{entity.canonical} {tag}", label=entity.label)
            out_claims.append(c.model_copy(update=renamed))
    return out_articles, out_claims


def timed(page: Path, runs: int) -> str:
    """'DOMContentLoaded 812 ms, load 830 ms (browser run 2.9 s)', medians of ``runs``."""
    dcl, load, wall = [], [], []
    for _ in range(runs):
        shown = visit(page, script=TIMING)
        assert not shown.console, shown.console
        first, second = map(float, shown.tree().get("data-timing").split())
        dcl.append(first)
        load.append(second)
        wall.append(shown.seconds)
    return (f"DOMContentLoaded {statistics.median(dcl):.0f} ms, load {statistics.median(load):.0f} ms "
            f"(browser run {statistics.median(wall):.1f} s; DOMContentLoaded {min(dcl):.0f}-{max(dcl):.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, nargs="+", default=CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    base_articles, base_claims = corpus(args.corpus)
    articles, claims = repeated(base_articles, base_claims, args.articles)
    print(f"{len(articles)} articles ({len(base_articles)} distinct), {len(claims)} claims")
    began = time.perf_counter()
    copies: dict[str, list[Claim]] = {}
    for claim in claims:
        copies.setdefault(claim.doc_id.split("/")[0], []).append(claim)
    parts = [reconcile(group) for group in copies.values()]
    result = Reconciliation(facts=[f for r in parts for f in r.facts], findings=[f for r in parts for f in r.findings])
    reconciled = time.perf_counter() - began
    review = build(claims, articles, result)
    built = time.perf_counter() - began - reconciled
    charts = sum(len(v.charts) for v in review.views)
    largest_story = max(review.views, key=lambda v: len(v.sources))
    print(f"reconciled in {reconciled:.1f} s, page built in {built:.1f} s: {len(review.views)} stories (the largest "
          f"{len(largest_story.sources)} articles, {len(largest_story.rows)} facts, {len(largest_story.columns)} columns), "
          f"{review.facts} facts, {len(review.marks.findings)} findings, {charts} charts")
    with tempfile.TemporaryDirectory() as scratch:
        single = write_review(Path(scratch) / "review.html", review)
        folder = write_review(Path(scratch) / "site", review)
        largest = max(folder.pages[1:], key=lambda p: p.stat().st_size)
        print(f"single page: {single.bytes / 1e6:.1f} MB")
        print(f"folder: {len(folder.pages)} pages, {folder.bytes / 1e6:.1f} MB, index {folder.pages[0].stat().st_size / 1e3:.0f} kB, "
              f"largest story page {largest.stat().st_size / 1e3:.0f} kB")
        if CHROMIUM is None:
            print("Chromium is not installed (apt-get install chromium): no load times")
            return
        print(f"single page in Chromium: {timed(single.pages[0], args.runs)}")
        print(f"folder index in Chromium: {timed(folder.pages[0], args.runs)}")
        print(f"largest story page in Chromium: {timed(largest, args.runs)}")


if __name__ == "__main__":
    main()
