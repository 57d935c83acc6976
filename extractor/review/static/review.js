/* claims review page (records arrive without their null fields): routes (#story=, #doc=, #finding=, #claim=, #fact=, #chart=), the
   record of a clicked highlight, sortable and filterable fact tables. Data is read from
   the page's JSON block and only ever written as text (textContent), never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var reader = document.getElementById("reader");
  var panes = reader.querySelector(".panes");
  var head = reader.querySelector(".reader-head");
  var library = document.getElementById("library");
  var highlights = null;

  function el(tag, cls) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    (function add(items) {
      items.forEach(function (child) {
        if (Array.isArray(child)) add(child);
        else if (child != null && child !== "") node.append(child instanceof Node ? child : String(child));
      });
    })(Array.prototype.slice.call(arguments, 2));
    return node;
  }
  function link(href, text, cls) { var a = el("a", cls, text); a.setAttribute("href", href); return a; }
  function byId(prefix, id) { return document.getElementById(prefix + id); }

  function showView(view) {
    document.querySelectorAll("#view > .view").forEach(function (v) { v.hidden = v !== view; });
    if (view !== reader) restoreDocs();
  }
  function restoreDocs() {
    panes.querySelectorAll("article.doc").forEach(function (doc) { library.append(doc); });
    panes.replaceChildren();
  }
  function openDocs(indices) {
    var wanted = indices.map(String);
    var open = Array.prototype.map.call(panes.querySelectorAll("article.doc"), function (d) { return d.dataset.doc; });
    if (open.join(" ") !== wanted.join(" ")) {
      restoreDocs();
      wanted.forEach(function (i) {
        var doc = byId("doc-", i);
        if (doc) panes.append(el("div", "pane", doc));
      });
    }
    panes.classList.toggle("side-by-side", wanted.length > 1);
    showView(reader);
  }
  function docOpen(index) { return !reader.hidden && panes.contains(byId("doc-", index)); }
  function claimHighlights(id) {
    if (!highlights) {
      highlights = {};
      document.querySelectorAll(".claim").forEach(function (h) {
        h.dataset.claims.split(" ").forEach(function (c) { (highlights[c] = highlights[c] || []).push(h); });
      });
    }
    return highlights[id] || [];
  }
  function mark(ids, cls) {
    document.querySelectorAll(".claim." + cls).forEach(function (h) { h.classList.remove(cls); });
    var first = [];
    ids.forEach(function (id) {
      claimHighlights(id).forEach(function (h, i) {
        h.classList.add(cls);
        var pane = h.closest(".pane");
        if (i === 0 && pane && first.indexOf(pane) < 0) { first.push(pane); scrollTo(h, pane); }
      });
    });
  }
  /* a third of the way down its pane (or the window), without moving anything else */
  function scrollTo(node, pane) {
    var top = node.getBoundingClientRect().top;
    if (pane) pane.scrollTop += top - pane.getBoundingClientRect().top - pane.clientHeight / 3;
    else window.scrollTo(window.scrollX, window.scrollY + top - window.innerHeight / 3);
  }
  function badge(finding) { return el("span", "badge v-" + finding.label + " k-" + finding.mark, finding.verdict); }
  function findingLine(id) {
    var f = data.findings[id];
    return el("p", "why", badge(f), link("#finding=" + id, f.check), " ", f.why);
  }
  function story(id) {
    var section = byId("story-", id) || document.querySelector("#view > .story");
    if (section) showView(section);
  }
  function focusIn(prefix, id) {
    var target = byId(prefix, id);
    if (!target) return;
    showView(target.closest(".view"));
    document.querySelectorAll(".focus").forEach(function (n) { if (!n.classList.contains("claim")) n.classList.remove("focus"); });
    target.classList.add("focus");
    scrollTo(target, null);
  }

  /* ---------------------------------------------------------------- the record of a claim */
  function rows(pairs) {
    var table = el("table");
    pairs.forEach(function (p) {
      if (p[1] == null || p[1] === "" || (Array.isArray(p[1]) && !p[1].length)) return;
      table.append(el("tr", null, el("th", null, p[0]), el("td", null, p[1])));
    });
    return table.children.length ? table : null;
  }
  function grid(columns, items, cells) {
    if (!items || !items.length) return null;
    var table = el("table", "grid", el("tr", null));
    columns.forEach(function (c) { table.firstChild.append(el("th", null, c)); });
    items.forEach(function (item) {
      var tr = el("tr");
      cells(item).forEach(function (c) { tr.append(el("td", null, c)); });
      table.append(tr);
    });
    return table;
  }
  function section(title, content) { return content ? el("section", null, el("h3", null, title), content) : null; }
  function entity(e) { return e ? e.name + (e.canonical && e.canonical !== e.name ? " (" + e.canonical + ")" : "") + (e.label ? " · " + e.label : "") : null; }
  function number(v) { return v == null ? null : v.toLocaleString("en-US", { maximumFractionDigits: 4 }); }
  function money(v) {
    var scales = [[1e12, " trillion"], [1e9, " billion"], [1e6, " million"]];
    for (var i = 0; i < scales.length; i++) {
      if (Math.abs(v) >= scales[i][0]) return "USD " + (v / scales[i][0]).toLocaleString("en-US", { maximumSignificantDigits: 4 }) + scales[i][1];
    }
    return "USD " + v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  }
  var SHOWN = ["id", "doc_id", "mention", "start", "end", "sentence", "kind", "amount", "equivalent_of", "subject",
               "counterparty", "metric", "period", "attribution", "hedges", "confidence", "factors", "change", "rule",
               "decided_by", "usd", "doc", "fact", "findings", "mark"];

  function showRecord(id) {
    var c = data.claims[id];
    var body = document.getElementById("record-body");
    document.querySelector("#record .hint").hidden = true;
    var a = c.amount, at = c.attribution || {}, doc = data.docs[c.doc] || {};
    var usd = c.usd ? (money(c.usd.low) + " to " + (c.usd.high == null ? "unbounded" : money(c.usd.high)) +
      (c.amount.currency === "USD" ? "" : " at " + number(c.usd.rate) + " " + c.amount.currency + " per USD (" +
      (c.usd.year || "latest") + ", " + c.usd.rate_source + ")")) : null;
    var parts = [
      el("h2", null, c.mention),
      el("p", "where", link("#doc=" + c.doc, doc.title || c.doc_id), " · characters " + c.start + "–" + c.end),
      el("blockquote", null, c.sentence),
      section("Amount", rows([["value", number(a.value)], ["low", number(a.low)], ["high", number(a.high)],
        ["currency", a.currency || "undecided"], ["as written", a.currency_text], ["currency decided by", a.currency_by],
        ["currency note", a.currency_note], ["qualifier", a.qualifier], ["scale", a.scale_text], ["per", a.per],
        ["in USD", usd], ["rule", c.rule], ["restates", c.equivalent_of ? link("#claim=" + c.equivalent_of, c.equivalent_of) : null]])),
      section("About", rows([["subject", entity(c.subject)], ["counterparty", entity(c.counterparty)], ["metric", c.metric],
        ["period", c.period ? c.period.text + (c.period.start ? " (" + c.period.start + " to " + (c.period.end || "…") + ")" : "") : null],
        ["hedges", (c.hedges || []).join(", ")],
        ["change", c.change ? [c.change.direction, c.change.percent != null ? c.change.percent + "%" : null,
          c.change.amount != null ? "by " + number(c.change.amount) : null,
          c.change.from_value != null ? "from " + number(c.change.from_value) : null].filter(Boolean).join(" ") : null]])),
      section("Attribution", el("div", null, rows([["source", at.source], ["source type", at.source_type], ["cue", at.cue]]),
        grid(["", "source", "type", "cue"], at.chain, function (h) { return [String(at.chain.indexOf(h) + 1), h.source, h.type, h.cue]; }))),
      section("Confidence " + c.confidence.toFixed(2), grid(["factor", "value", "evidence", "effect"], c.factors, function (f) {
        var effect = el("span", f.effect < 0 ? "effect-neg" : "effect-pos", (f.effect >= 0 ? "+" : "") + f.effect.toFixed(3));
        return [f.factor, f.value, f.evidence, effect];
      })),
      section("Decided by", grid(["field", "rule", "evidence", "at"], Object.keys(c.decided_by || {}).map(function (k) {
        return [k, c.decided_by[k]];
      }), function (pair) {
        var d = pair[1];
        return [pair[0], d.rule, d.evidence, d.start == null ? "" : d.start + "–" + d.end];
      }) || el("p", null, "No rule decided its subject, counterparty, metric, period or source.")),
      section("Findings", c.findings.length ? el("div", null, c.findings.map(findingLine)) : el("p", null, "No finding cites this claim.")),
      c.fact ? el("p", null, link("#fact=" + c.fact, "its row in the fact table")) : null
    ];
    var other = Object.keys(c).filter(function (k) { return SHOWN.indexOf(k) < 0; });
    if (other.length) parts.push(section("Other fields", rows(other.map(function (k) { return [k, JSON.stringify(c[k])]; }))));
    body.replaceChildren();
    parts.forEach(function (p) { if (p) body.append(p); });
  }
  function arrayOf(nodes) { return Array.prototype.slice.call(nodes); }

  /* ---------------------------------------------------------------- routes */
  var routes = {
    overview: function () { showView(document.getElementById("overview")); },
    story: story,
    fact: function (id) { focusIn("fact-", id); },
    chart: function (id) { focusIn("chart-", id); },
    doc: function (i) { openDocs([i]); head.replaceChildren(); },
    finding: function (id) {
      var f = data.findings[id];
      if (!f) return;
      openDocs(f.docs);
      var item = byId("finding-", id), detail = [];
      if (item) item.querySelectorAll(".roles, .correct").forEach(function (p) { detail.push(p.cloneNode(true)); });
      head.replaceChildren.apply(head, [el("h2", null, badge(f), " " + f.check + " · " + [f.subject, f.metric, f.period]
        .filter(Boolean).join(" · "))].concat(detail, [el("p", "why", f.why)]));
      mark(f.claims, "focus");
    },
    claim: function (id) {
      var c = data.claims[id];
      if (!c) return;
      if (!docOpen(c.doc)) { openDocs([c.doc]); head.replaceChildren(); }
      mark([id], "selected");
      showRecord(id);
    }
  };
  function route() {
    var m = /^#([a-z]+)=(.+)$/.exec(location.hash);
    if (m && routes.hasOwnProperty(m[1])) routes[m[1]](decodeURIComponent(m[2]));
    else if (document.getElementById("overview")) routes.overview();
    else story(data.stories[0]);
  }
  window.addEventListener("hashchange", route);

  function activate(h) {
    var id = (h.dataset.starts || h.dataset.claims).split(" ")[0];
    if (location.hash === "#claim=" + id) route(); else location.hash = "claim=" + id;
  }
  document.addEventListener("click", function (e) {
    var h = e.target.closest(".claim");
    if (h) { activate(h); return; }
    var th = e.target.closest("table.facts thead th");
    if (th && th.dataset.type !== "none" && !e.target.closest("a")) sortBy(th);
  });
  document.addEventListener("keydown", function (e) {
    var h = e.target.closest && e.target.closest(".claim");
    if (h && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); activate(h); }
  });

  /* ---------------------------------------------------------------- fact tables */
  function sortBy(th) {
    var table = th.closest("table"), body = table.tBodies[0];
    var column = arrayOf(th.parentNode.children).indexOf(th);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var numeric = th.dataset.type === "num";
    var keyed = arrayOf(body.rows).map(function (row) {
      var cell = row.cells[column];
      var key = numeric ? parseFloat(cell.dataset.sort) : cell.textContent.trim().toLowerCase();
      return [numeric && isNaN(key) ? -Infinity : key, row];
    });
    keyed.sort(function (x, y) {
      var d = numeric ? x[0] - y[0] : x[0].localeCompare(y[0]);
      return ascending ? d : -d;
    });
    keyed.forEach(function (k) { body.append(k[1]); });
  }
  /* a filter box narrows its table's rows or its list's items: each select by the words of
     the item's data-<name>s, the entity box by a part of the name, the metric by equality */
  function matches(item, name, value) {
    if (!value) return true;
    if (name === "entity") return (item.dataset.entity || "").indexOf(value) >= 0;
    if (name === "metric") return item.dataset.metric === value;
    return (item.dataset[name + "s"] || "").split(" ").indexOf(value) >= 0;
  }
  document.addEventListener("input", function (e) {
    var box = e.target.closest(".filters");
    if (!box) return;
    var items = box.dataset.table ? arrayOf(byId("", box.dataset.table).tBodies[0].rows)
                                  : arrayOf(byId("", box.dataset.list).children);
    var wanted = arrayOf(box.querySelectorAll("[data-filter]")).map(function (c) {
      return [c.dataset.filter, c.dataset.filter === "entity" ? c.value.trim().toLowerCase() : c.value];
    });
    var shown = 0;
    items.forEach(function (item) {
      var ok = wanted.every(function (w) { return matches(item, w[0], w[1]); });
      item.hidden = !ok;
      if (ok) shown++;
    });
    box.querySelector(".shown").textContent = shown + " of " + items.length + (box.dataset.table ? " facts" : " findings");
  });

  route();
})();
