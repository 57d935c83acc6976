"""``claims_attribution``: who says what.

Finds every attribution of a text (source, cue, content) with cue lists and token
heuristics that need no statistical model, detects the publisher from the byline, and
gives every money record the attribution whose content covers it, with the chain of
sources from the publisher to the cited origin. The rules are ``rules/attribution.json``.

One module per step: ``cues`` (cue phrases and the constructions they stand in),
``phrases`` (source and content spans), ``sources`` (source types, names, antecedents),
``money`` (the records and each figure's attribution), ``byline`` (the publisher);
``state`` holds what one document's reading keeps, ``lexicon`` the rules made ready.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ...ruleset import attribution_rules, clause_rules, common_words, entity_labels, entity_rules
from ...name_kinds import NameKinds
from .. import extensions  # noqa: F401  (registers Doc._ extensions)
from . import cues, money, sources
from .byline import BylineReader
from .lexicon import Lexicon
from .state import DocState, Found


class AttributionFinder:
    def __init__(self, nlp: Language, rules_dir: str | None = None) -> None:
        rules = attribution_rules(rules_dir)
        names = entity_rules(rules_dir)
        places = {name for name, label in entity_labels(rules_dir).items() if label in ("GPE", "LOC")}
        self.lexicon = Lexicon(nlp, rules, common_words(rules_dir).words, clause_rules(rules_dir).end_tokens,
                               names.demonyms, NameKinds(names.kind_words), places)
        self.byline = BylineReader(rules)

    def __call__(self, doc: Doc) -> Doc:
        st, ext = DocState.of(self.lexicon, doc), doc._  # doc._ makes an object at each read
        ext.publisher = publisher = self.byline.read(st.text, st.view.lines)
        found_cues = cues.find(st)
        by_sentence: dict[int, list[cues.Cue]] = {}
        for c in found_cues:
            by_sentence.setdefault(bisect_right(st.sent_starts, c[0]) - 1, []).append(c)
        found: list[Found] = []
        colons = {bisect_right(st.sent_starts, c) - 1 for c in st.colons}  # no cue, no colon: no attribution
        for n in sorted(colons.union(by_sentence)):
            found.extend(cues.read_sentence(st, st.sents[n], n, by_sentence.get(n, [])))
        cues.link(st, found)
        sources.name_all(st, found)
        money.learn_employers(st, found)
        ext.attributions = [money.record(st, found, f, publisher) for f in found]
        money.attribute(st, found, publisher, ext.money or [])
        return doc


@Language.factory("claims_attribution",
                  assigns=["doc._.attributions", "doc._.publisher", "doc._.money"],
                  requires=["doc._.money", "token.is_sent_start"],
                  default_config={"rules": None})
def make_attribution(nlp: Language, name: str, rules: str | None) -> AttributionFinder:
    return AttributionFinder(nlp, rules)
