"""The article view: spaCy's displaCy span renderer (``style="span"``), extended to show a
text exactly as written, with every claim highlighted where it stands.

The renderer takes displaCy's manual data (``{"text", "tokens", "spans"}``), never a spaCy
Doc. What the extension changes: the tokens are the runs of text between claim boundaries
and keep their own whitespace (displaCy adds a space after each token); a highlight carries
the ids of its claims so that the page can show their records; and the per-token
information is assembled in one sweep over the tokens (displaCy compares every token with
every span). This module imports spaCy: the page imports it only when it renders articles.
"""
from __future__ import annotations

from typing import Any, Mapping

from spacy.displacy.render import SpanRenderer
from spacy.util import escape_html

from .model import Highlight
from .views import verdict_of

# displaCy's templates, on one line each (the text is shown with its whitespace), the
# layout in the page's style sheet (.claim, .slice, .chip)
TEMPLATES = {
    "span": ('<span class="claim v-{verdict} k-{mark}" data-claims="{claims}" data-starts="{starts}" tabindex="0" '
             'style="height:{total_height}px">{text}{span_slices}{span_starts}</span>'),
    "slice": '<span class="slice" style="background:{bg};top:{top_offset}px"></span>',
    "start": ('<span class="slice" style="background:{bg};top:{top_offset}px">'
              '<span class="chip" style="background:{bg}">{label}{kb_link}</span></span>'),
}


class ClaimSpanRenderer(SpanRenderer):
    """displaCy's SpanRenderer for character-exact texts whose spans are claims."""

    def __init__(self, colors: Mapping[str, str]) -> None:
        super().__init__({"colors": dict(colors), "template": TEMPLATES, "top_offset": 24,
                          "span_label_offset": 14, "top_offset_step": 14})

    @staticmethod
    def _assemble_per_token_info(tokens: list[str], spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """displaCy's per-token information (label, is_start, render_slot, kb_link, and the
        claim), stacking spans as displaCy does, in one sweep."""
        spans = sorted(spans, key=lambda s: (s["start_token"], -(s["end_token"] - s["start_token"]), s["label"]))
        info: list[dict[str, Any]] = []
        active: list[dict[str, Any]] = []
        following = 0
        for idx, token in enumerate(tokens):
            active = [s for s in active if s["end_token"] > idx]
            while following < len(spans) and spans[following]["start_token"] == idx:
                span = spans[following]
                span["render_slot"] = (active[-1]["render_slot"] if active else 0) + 1
                active.append(span)
                following += 1
            info.append({"text": token, "entities": [
                {"label": s["label"], "is_start": s["start_token"] == idx, "render_slot": s["render_slot"],
                 "kb_link": "", "claim": s["claim"]} for s in active]})
        return info

    def _render_markup(self, per_token_info: list[dict[str, Any]]) -> str:
        """The tokens as written; a token inside claims becomes a highlight."""
        markup = []
        for token in per_token_info:
            entities = sorted(token["entities"], key=lambda e: e["render_slot"])
            if not entities or not token["text"].strip():
                markup.append(escape_html(token["text"]))
                continue
            markup.append(self.span_template.format(
                verdict=verdict_of(entities[0]["label"]), mark=entities[0]["label"], claims=" ".join(e["claim"] for e in entities),
                starts=" ".join(e["claim"] for e in entities if e["is_start"]), text=escape_html(token["text"]),
                span_slices=self._get_span_slices(entities), span_starts=self._get_span_starts(entities),
                total_height=self.top_offset + self.span_label_offset + self.offset_step * (len(entities) - 1)))
        return "".join(markup)


def manual_data(text: str, highlights: list[Highlight], labels: Mapping[str, str]) -> dict[str, Any]:
    """displaCy's manual span data for a text: tokens cut at every claim boundary."""
    cuts = sorted({0, len(text), *(h.start for h in highlights), *(h.end for h in highlights)})
    index = {offset: i for i, offset in enumerate(cuts)}
    return {"text": text, "tokens": [text[a:b] for a, b in zip(cuts, cuts[1:])],
            "spans": [{"start_token": index[h.start], "end_token": index[h.end], "label": labels[h.claim],
                       "claim": h.claim} for h in highlights if h.end > h.start]}


def render_article(text: str, highlights: list[Highlight], labels: Mapping[str, str],
                   colors: Mapping[str, str]) -> str:
    """The text as HTML, every claim highlighted and labelled (``labels``: claim id to its
    mark, ``colors``: mark to colour)."""
    return ClaimSpanRenderer(colors).render([manual_data(text, highlights, labels)])
