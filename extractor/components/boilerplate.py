"""``claims_boilerplate``: mark page furniture (ads, score widgets, photo credits, tag
lines) as ``doc.spans["boilerplate"]``; later stages take no claim from inside it."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import layout
from ..ruleset import boilerplate_rules
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of


class BoilerplateMarker:
    def __init__(self, rules_dir: str | None = None) -> None:
        rules = boilerplate_rules(rules_dir)
        flags = re.IGNORECASE | re.MULTILINE
        self.line = [(p.id, re.compile(p.pattern, flags)) for p in rules.line]
        self.block = [(p.id, re.compile(p.pattern, flags)) for p in rules.block]
        self.tail = [(p.id, re.compile(p.pattern, flags)) for p in rules.tail]
        self.tail_lines = rules.tail_lines

    def regions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, rule id) of every boilerplate stretch of ``text``."""
        found = []
        for rule, rx in self.line + self.block:
            found.extend((m.start(), m.end(), rule) for m in rx.finditer(text) if m.end() > m.start())
        lines = [span for span in layout.lines(text) if text[span[0]:span[1]].strip()]
        for start, end in lines[-self.tail_lines:]:
            hit = next((rule for rule, rx in self.tail if rx.match(text, start, end)), None)
            if hit:
                found.append((start, len(text), hit))
                break
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, rule in self.regions(layout_of(doc).text):
            span = doc.char_span(start, end, label=rule, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["boilerplate"] = spans
        return doc


@Language.factory("claims_boilerplate", assigns=["doc.spans"], default_config={"rules": None})
def make_boilerplate(nlp: Language, name: str, rules: str | None) -> BoilerplateMarker:
    return BoilerplateMarker(rules)
