"""The review page in a real browser: Debian's Chromium, headless (``.ci/run`` installs it).

Each page is opened from disk (file://) with a fresh profile and no network; the DOM after
load (``--dump-dom``) and every console message (``--enable-logging=stderr``) are read.
Interactions (a click on a highlight, sorting, filtering) run as a script added to a copy
of the page, its hash added to the page's Content Security Policy; their results are read
from the DOM. The helpers here are also used by ``bench/review.py``.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.extract import extract_paths
from extractor.models import Claim, Decision
from extractor.reconcile import reconcile

from .conftest import FIXTURES, SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--hide-scrollbars", "--enable-logging=stderr", "--v=0")
CONSOLE = re.compile(r":CONSOLE[:(]\d+\)?\] (?P<message>.*)")
CSP = re.compile(r"(script-src 'sha256-[^']+')")
MARK = "pwned"  # what the unsafe fixture's scripts and handlers would set, if one ran
NEWS = FIXTURES / "review" / "news"
UNSAFE = FIXTURES / "review" / "unsafe"
STORY = FIXTURES / "stories" / "bytedance"  # an origin report, three relays (a 10x slip, one in sterling), a revision


@dataclass
class Visit:
    dom: str
    console: list[str]
    seconds: float

    def tree(self) -> lxml.html.HtmlElement:
        return lxml.html.fromstring(self.dom)


def visit(page: Path, fragment: str = "", script: str | None = None, screenshot: Path | None = None,
          size: tuple[int, int] = (1400, 1000), wait_ms: int = 0) -> Visit:
    """Open ``page`` in headless Chromium: its DOM after load (or the screenshot) and the
    console messages. ``script`` runs at the end of a copy of the page (allowed by its hash);
    ``wait_ms`` lets the page's tasks run that long in virtual time before the dump."""
    with tempfile.TemporaryDirectory(prefix="claims-review-") as scratch:
        target = page
        if script is not None:
            target = Path(scratch) / page.name
            target.write_text(with_script(page.read_text(encoding="utf-8"), script), encoding="utf-8")
        action = [f"--screenshot={screenshot}", f"--window-size={size[0]},{size[1]}"] if screenshot else ["--dump-dom"]
        budget = [f"--virtual-time-budget={wait_ms}"] if wait_ms else []
        began = time.perf_counter()
        proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={scratch}/profile", *budget, *action,
                               target.resolve().as_uri() + fragment], capture_output=True, text=True, timeout=180)
        seconds = time.perf_counter() - began
    assert proc.returncode == 0, proc.stderr[-2000:]
    return Visit(proc.stdout, [m["message"] for m in CONSOLE.finditer(proc.stderr)], seconds)


def with_script(html: str, script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    html = CSP.sub(lambda m: f"{m[1]} 'sha256-{digest}'", html, count=1)
    at = html.rindex("</body>")
    return f"{html[:at]}<script>{script}</script>{html[at:]}"


needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
pytestmark = needs_chromium
runner = CliRunner()


def review(tmp: Path, *args: str) -> Path:
    out = tmp / "review.html"
    result = runner.invoke(app, ["review", *args, "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def pages(tmp_path_factory, nlp) -> dict[str, tuple[Path, list[Claim]]]:
    made = {}
    for name, folder in (("seeds", SEEDS), ("news", NEWS), ("unsafe", UNSAFE), ("story", STORY)):
        claims = [c for c in extract_paths([folder], nlp=nlp) if isinstance(c, Claim)]
        made[name] = (review(tmp_path_factory.mktemp(name), str(folder)), claims)
    return made


def starts(tree: lxml.html.HtmlElement) -> list[str]:
    """The claim ids whose highlight starts somewhere in the articles, as often as they do."""
    return [c for h in tree.xpath('//article[@class="doc"]//span[@data-starts]') for c in h.get("data-starts").split()]


def article_text(article: lxml.html.HtmlElement) -> str:
    """The text an article view shows, without displaCy's labels."""
    spans = article.xpath('.//div[@class="spans"]')[0]
    for chip in spans.xpath('.//span[@class="chip"]'):
        chip.drop_tree()
    return spans.text_content()


@pytest.mark.parametrize("name", ["seeds", "news", "story"])
def test_every_claim_highlighted_once_every_fact_a_row_no_console_message(pages, name):
    page, claims = pages[name]
    shown = visit(page)
    tree = shown.tree()
    assert shown.console == []
    assert sorted(starts(tree)) == sorted(c.id for c in claims)
    rows = tree.xpath('//table[starts-with(@id, "facts-")]/tbody/tr/@id')
    assert sorted(rows) == sorted(f"fact-{f.id}" for f in reconcile(claims).facts)


def test_seed_page_shows_the_part_exceeding_the_whole_and_the_restatements_agreeing(pages):
    page, claims = pages["seeds"]
    tree = visit(page).tree()
    findings = {(li.xpath('string(.//span[@class="check"])'), li.xpath('string(.//span[contains(@class,"badge")])'))
                for li in tree.xpath('//li[contains(concat(" ", @class, " "), " finding ")]')}
    assert ("part_exceeds_whole", "conflict (large)") in findings
    assert ("currency_equivalent", "agree") in findings
    ai_budget = [tr for tr in tree.xpath('//tr[@class="fact"]') if tr.get("data-metric") == "ai budget"][0]
    assert "conflict" in ai_budget.get("data-verdicts").split()
    assert ai_budget.xpath('.//a[contains(@class, "chart-link")]')
    assert "¥200 billion" in ai_budget.text_content()


def test_a_finding_opens_its_articles_side_by_side_with_its_mentions_marked(pages):
    page, claims = pages["seeds"]
    tree = visit(page).tree()
    link = next(li for li in tree.xpath('//li[contains(concat(" ", @class, " "), " finding ")]')
                if li.xpath('string(.//span[@class="check"])') == "part_exceeds_whole")
    fid = link.get("id").removeprefix("finding-")
    opened = visit(page, f"#finding={fid}").tree()
    panes = opened.xpath('//section[@id="reader"]//div[@class="pane"]')
    assert len(panes) == 2 and opened.xpath('//div[contains(@class, "panes side-by-side")]')
    for pane in panes:
        assert pane.xpath('.//span[contains(@class, "claim") and contains(@class, "focus")]')
    assert "exceeded by its part" in opened.xpath('string(//section[@id="reader"]/div[@class="reader-head"])')


CLICK = "document.querySelector('#library .claim[data-starts~=\"%s\"]').click();"


def test_clicking_a_highlight_shows_the_whole_record(pages, tmp_path):
    _, claims = pages["seeds"]
    clicked = max(claims, key=lambda c: (len(c.attribution.chain), len(c.factors)))
    if not clicked.decided_by:  # the page shows whatever rules decided; give it some when the pipeline gave none
        at = clicked.sentence.find(clicked.subject.name) if clicked.subject else -1
        clicked.decided_by = {
            "subject": Decision(rule="subject.clause_subject", evidence=clicked.subject.name if clicked.subject else None,
                                start=at if at >= 0 else None, end=at + len(clicked.subject.name) if at >= 0 else None),
            "metric": Decision(rule="metric.cue", evidence=clicked.metric)}
    records = tmp_path / "claims.jsonl"
    records.write_text("".join(c.model_dump_json() + "\n" for c in claims), encoding="utf-8")
    page = review(tmp_path, "--claims", str(records))
    shown = visit(page, script=CLICK % clicked.id, wait_ms=2000)
    tree = shown.tree()
    assert shown.console == []
    body = tree.xpath('//div[@id="record-body"]')[0]
    assert body.xpath("string(h2)") == clicked.mention
    assert body.xpath("string(blockquote)") == clicked.sentence
    text = body.text_content()
    for word in ("Amount", "Attribution", "Confidence", "Decided by", "qualifier", clicked.amount.currency_text):
        assert word in text
    factors = body.xpath('.//section[h3[starts-with(., "Confidence")]]//tr[td]')
    assert [tr.xpath("string(td[1])") for tr in factors] == [f.factor for f in clicked.factors]
    chain = body.xpath('.//section[h3="Attribution"]//table[@class="grid"]//tr[td]')
    assert [tr.xpath("string(td[2])") for tr in chain] == [h.source for h in clicked.attribution.chain]
    decided = body.xpath('.//section[h3="Decided by"]//tr[td]')
    assert {tr.xpath("string(td[1])"): tr.xpath("string(td[2])") for tr in decided} == \
        {field: d.rule for field, d in clicked.decided_by.items()}
    assert tree.xpath('//span[contains(@class, "claim") and contains(@class, "selected")]')


SORT_AND_FILTER = """
var table = document.querySelector('table[id^="facts-"]');
var th = Array.prototype.find.call(table.tHead.rows[0].cells, function (c) { return c.textContent === "USD"; });
th.click();
var column = Array.prototype.indexOf.call(th.parentNode.children, th);
document.documentElement.dataset.sorted = Array.prototype.map.call(table.tBodies[0].rows, function (r) {
  return r.cells[column].dataset.sort; }).join(",");
var select = document.querySelector('.filters [data-filter="verdict"]');
select.value = "conflict";
select.dispatchEvent(new Event("input", { bubbles: true }));
"""


def test_fact_table_sorts_by_usd_and_filters_by_verdict(pages):
    page, _ = pages["news"]
    tree = visit(page, script=SORT_AND_FILTER, wait_ms=500).tree()
    values = [float(v) if v else float("-inf") for v in tree.get("data-sorted").split(",")]
    assert values == sorted(values)
    table = tree.xpath('//table[starts-with(@id, "facts-")]')[0]
    shown = [tr for tr in table.xpath("tbody/tr") if tr.get("hidden") is None]
    assert shown and all("conflict" in tr.get("data-verdicts").split() for tr in shown)
    assert len(shown) < len(table.xpath("tbody/tr"))


def test_unsafe_article_text_shows_as_written_and_no_script_runs(pages):
    page, claims = pages["unsafe"]
    lines = (UNSAFE / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines if line]
    for fragment in ("", "#doc=0", f"#claim={claims[0].id}"):
        shown = visit(page, fragment, wait_ms=1000)
        tree = shown.tree()
        assert shown.console == [], fragment  # a blocked inline script or handler would be reported here
        assert not tree.xpath(f"//*[@data-{MARK}]")
        assert not tree.xpath('//*[@onerror or @onmouseover or @onclick]')
        assert not tree.xpath('//script[not(@id="review-data")][contains(., "documentElement.dataset")]')
        assert not [a for a in tree.xpath("//a/@href") if a.strip().lower().startswith("javascript:")]
        views = tree.xpath('//article[@class="doc"]')
        assert [article_text(v) for v in views] == [a["text"] for a in articles]
        assert [v.xpath("string(h3)") for v in views] == [a["title"] for a in articles]
        assert articles[0]["url"] in views[0].xpath('string(.//span[@class="url"])')
        assert views[1].xpath('.//p[@class="meta"]/a/@href') == [articles[1]["url"]]
    body = tree.xpath('//div[@id="record-body"]')[0]
    assert body.xpath("string(blockquote)") == claims[0].sentence
    assert articles[0]["id"] in [t.text_content() for t in tree.xpath('//nav//a')]


def test_screenshot_of_the_seed_page(pages, tmp_path):
    page, _ = pages["seeds"]
    shot = tmp_path / "seeds.png"
    visit(page, screenshot=shot, size=(1280, 900))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def _stated(tree: lxml.html.HtmlElement, xpath: str) -> str:
    return " ".join(tree.xpath(f"string({xpath})").split())


def test_story_page_counts_origins_and_relays_and_groups_columns_by_origin(pages):
    page, claims = pages["story"]
    shown = visit(page)
    tree = shown.tree()
    assert shown.console == []
    ft = tree.xpath('//div[@class="origins"]//li[@data-origin="Financial Times"]')[0]
    relays = ft.xpath('./ul/li')
    assert len(relays) >= 2 and _stated(ft, 'span[@class="relays"]') == f"{len(relays)} relays"
    assert _stated(ft, 'span[@class="carried"]') == f"{len(relays) + 1} articles"
    assert f"{len(relays)} articles relay Financial Times" in _stated(tree, '//div[@class="origins"]/p[@class="stats"]')
    assert any("writes RMB 1.6 trillion" in _stated(r, ".") for r in relays)  # the slipped relay and its change
    carrying = [a.text_content() for a in tree.xpath('//table[starts-with(@id, "facts-")]/thead//th[@class="src"]/a')]
    members = {"origin_report.txt", *(r.text.strip() for r in relays)}
    assert set(carrying[:len(members)]) == members and carrying[0] == "origin_report.txt"
    cells = [_stated(td, ".") for td in tree.xpath('//tr[@class="fact"]/td[@class="carried"]')]
    assert f"Financial Times: {len(members)} articles ({len(members) - 1} relays)" in " | ".join(cells)


FILTER_FINDINGS = """
var box = document.querySelector('.filters[data-list^="findings-"]');
var select = box.querySelector('[data-filter="mark"]');
select.value = "%s";
select.dispatchEvent(new Event("input", { bubbles: true }));
document.documentElement.dataset.shown = box.querySelector(".shown").textContent;
"""


@pytest.mark.parametrize("kind", ["slip", "revised", "restated"])
def test_findings_filter_by_kind_and_each_kind_is_marked(pages, kind):
    page, _ = pages["story"]
    tree = visit(page, script=FILTER_FINDINGS % kind, wait_ms=500).tree()
    items = tree.xpath('//ol[starts-with(@id, "findings-")]/li')
    shown = [li for li in items if li.get("hidden") is None]
    assert shown and len(shown) < len(items) and tree.get("data-shown") == f"{len(shown)} of {len(items)} findings"
    assert all(li.get("data-marks") == kind and f"k-{kind}" in li.get("class").split() for li in shown)
    words = {"slip": "magnitude slip", "revised": "revision", "restated": "currency restatement"}[kind]
    assert all(_stated(li, 'span[contains(@class, "mark")]') == words for li in shown)


def test_fact_table_filters_by_kind_of_finding(pages):
    page, _ = pages["story"]
    script = SORT_AND_FILTER.replace('"verdict"', '"mark"').replace('"conflict"', '"revised"')
    tree = visit(page, script=script, wait_ms=500).tree()
    rows = tree.xpath('//table[starts-with(@id, "facts-")]/tbody/tr')
    shown = [tr for tr in rows if tr.get("hidden") is None]
    assert shown and len(shown) < len(rows) and all("revised" in tr.get("data-marks").split() for tr in shown)
    assert all(tr.xpath('.//a[contains(@class, "badge") and contains(@class, "k-revised")]') for tr in shown)


def test_a_slip_opens_both_articles_naming_the_likely_correct_value(pages):
    page, claims = pages["story"]
    tree = visit(page).tree()
    item = tree.xpath('//li[contains(@class, "k-slip")][.//p[@class="correct"]]')[0]
    fid = item.get("id").removeprefix("finding-")
    correct = item.xpath('.//p[@class="correct"]//strong/a')[0]
    roles = {_stated(r, ".").split(":")[0]: r for r in item.xpath('.//span[@class="role"]')}
    assert set(roles) == {"slipped", "likely correct"}
    assert roles["likely correct"].xpath("a/@href") == [correct.get("href")]
    assert re.search(r"stated by \d+ articles? from \d+ independent origins?", _stated(item, 'p[@class="correct"]'))
    shown = visit(page, f"#finding={fid}")
    opened = shown.tree()
    assert shown.console == []
    head = opened.xpath('//section[@id="reader"]/div[@class="reader-head"]')[0]
    assert _stated(head, './/p[@class="correct"]//strong') == correct.text_content()
    data = json.loads(opened.xpath('string(//script[@id="review-data"])'))
    cited = {data["claims"][c]["doc"] for c in data["findings"][fid]["claims"]}
    panes = opened.xpath('//section[@id="reader"]//div[@class="pane"]')
    assert len(panes) == len(cited) >= 2 and opened.xpath('//div[contains(@class, "panes side-by-side")]')
    marked = [h for pane in panes for h in pane.xpath('.//span[contains(@class, "claim") and contains(@class, "focus")]')]
    assert {int(h.xpath("string(ancestor::article/@data-doc)")) for h in marked} == cited
    assert any("k-slip" in h.get("class").split() and "v-conflict" in h.get("class").split() for h in marked)


def test_overview_lists_stories_with_origins_and_filters_findings_by_kind(tmp_path):
    page = review(tmp_path, str(STORY), str(NEWS), str(SEEDS))
    script = FILTER_FINDINGS.replace('findings-"]', 'findings-overview"]') % "slip"
    shown = visit(page, script=script, wait_ms=500)
    tree = shown.tree()
    assert shown.console == []
    rows = tree.xpath('//section[@id="overview"]//table[contains(@class, "stories")]/tbody/tr')
    assert len(rows) >= 2
    bytedance = next(tr for tr in rows if "ByteDance" in tr.xpath("string(td[1])"))
    assert "Financial Times: 3 relays" in _stated(bytedance, "td[4]") and int(_stated(bytedance, "td[last()]")) >= 1
    items = tree.xpath('//ol[@id="findings-overview"]/li')
    visible = [li for li in items if li.get("hidden") is None]
    assert visible and len(visible) < len(items) and all(li.get("data-marks") == "slip" for li in visible)
    assert all(li.xpath('.//p[@class="correct"]') for li in visible)


def test_a_unit_price_finding_shows_the_price_the_total_and_the_total_they_imply(tmp_path):
    page = review(tmp_path, str(FIXTURES / "review" / "unit_price"))
    shown = visit(page)
    tree = shown.tree()
    assert shown.console == []
    (item,) = tree.xpath('//li[contains(@class, "k-unit-price")]')
    assert item.get("data-verdicts") == "conflict" and _stated(item, 'span[contains(@class, "mark")]') == "unit price × count"
    roles = [_stated(r, ".") for r in item.xpath('.//span[@class="role"]')]
    assert [r.split(":")[0] for r in roles] == ["unit price", "stated total", "implied total"]
    assert "$25,000" in roles[0] and "$600 million" in roles[1] and "12,000 x $25,000" in roles[2]
    price = next(h for h in tree.xpath('//article[@class="doc"]//span[@data-starts]') if h.text == "$25,000")
    assert "k-unit-price" in price.get("class").split()  # the price's most severe finding is its unit-price conflict
    agree = tree.xpath('//li[contains(@class, "finding")][span[@class="check"]="unit_price"][@data-verdicts="agree"]')
    assert len(agree) == 1 and "k-agree" in agree[0].get("class").split()
