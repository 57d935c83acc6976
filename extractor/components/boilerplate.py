"""``claims_boilerplate``: mark page furniture (ads, score widgets, photo credits, tag
lines) as ``doc.spans["boilerplate"]``; later stages take no claim from inside it."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import layout
from ..ruleset import boilerplate_rules
from ..textmatch import may_hold_ascii_phrase, required_ascii_phrases
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of


class BoilerplateMarker:
    def __init__(self, rules_dir: str | None = None) -> None:
        rules = boilerplate_rules(rules_dir)
        flags = re.IGNORECASE | re.MULTILINE
        compiled = [(p.id, re.compile(p.pattern, flags)) for p in [*rules.line, *rules.block]]
        self.searched = [(rule, rx, _needed(rx)) for rule, rx in compiled]
        self.tail = [(p.id, re.compile(p.pattern, flags)) for p in rules.tail]
        self.tail_lines = rules.tail_lines

    def regions(self, text: str, lines: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, rule id) of every boilerplate stretch of ``text`` (``lines``: its
        ``layout.lines``)."""
        lines = layout.lines(text) if lines is None else lines
        starts = [start for start, _ in lines]
        found = []
        for rule, rx, needed in self.searched:
            if needed is None or may_hold_ascii_phrase(text, needed):
                found.extend((m.start(), m.end(), rule) for m in layout.line_finditer(rx, text, starts) if m.end() > m.start())
        for start, end in self._last_lines(text, lines):
            hit = next((rule for rule, rx in self.tail if rx.match(text, start, end)), None)
            if hit:
                found.append((start, len(text), hit))
                break
        return sorted(found)

    def _last_lines(self, text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``[line for line in lines if it is not blank][-self.tail_lines:]``, read from the end."""
        if self.tail_lines <= 0:
            return [span for span in lines if text[span[0]:span[1]].strip()][-self.tail_lines:]
        last: list[tuple[int, int]] = []
        for start, end in reversed(lines):
            if text[start:end].strip():
                last.append((start, end))
                if len(last) == self.tail_lines:
                    break
        return last[::-1]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        view = layout_of(doc)
        for start, end, rule in self.regions(view.text, view.lines):
            span = doc.char_span(start, end, label=rule, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["boilerplate"] = spans
        return doc


def _needed(rx: re.Pattern[str]) -> list[str] | None:
    """The phrases one of which every match of ``rx`` holds, for a pattern that reads whole
    lines ('^.*\\b(?:all rights reserved|getty images)\\b.*$'): a text without any of them is not
    searched. None for a space-led pattern, which fails at the first word of a line (sooner
    than its phrases are looked for in the text)."""
    return None if layout.space_led(rx) else required_ascii_phrases(rx)


@Language.factory("claims_boilerplate", assigns=["doc.spans"], default_config={"rules": None})
def make_boilerplate(nlp: Language, name: str, rules: str | None) -> BoilerplateMarker:
    return BoilerplateMarker(rules)
