"""``claims_equivalents``: link an amount restated in another currency to the amount it
restates ("CNY 400 billion (approximately USD 55 billion)", "A$3.1bn ($2.4bn; £1.25bn)").
Sets ``equivalent_of`` to the index of the first amount in ``doc._.money``; with the rules'
``equivalents.inherit_qualifier`` a bare restatement takes the bound of what it restates."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..ruleset import amount_rules
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of


class EquivalentLinker:
    def __init__(self, rules_folder: str | None = None) -> None:
        rules = amount_rules(rules_folder).equivalents
        self.inherit = rules.inherit_qualifier
        self.open = re.compile(rf"^\s*(?:{'|'.join(rules.open)})\s*$", re.I)
        self.next = re.compile(rf"^\s*(?:{'|'.join(rules.next)})\s*$", re.I)

    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        text = layout_of(doc).text
        head: int | None = None
        for j in range(1, len(money)):
            gap = text[money[j - 1]["end"]:money[j]["start"]]
            if self.open.match(gap):
                head = j - 1
            elif not (head is not None and self.next.match(gap)):
                head = None
            if head is not None and _differs(money[head], money[j]):
                money[j]["equivalent_of"] = head
                if self.inherit:
                    _inherit_qualifier(money[head], money[j])
            elif head is not None:
                head = None
        return doc


def _differs(a: dict, b: dict) -> bool:
    """A restatement is in another currency (or one still undecided)."""
    return a["currency"] is None or b["currency"] is None or a["currency"] != b["currency"]


def _inherit_qualifier(head: dict, restated: dict) -> None:
    """'less than $10bn (£5.17bn)': a bare restatement carries the bound of what it restates."""
    if restated["qualifier"] != "exact" or head["qualifier"] in ("exact", "range", "vague"):
        return
    value, restated["value"] = restated["value"], None
    restated["qualifier"] = head["qualifier"]
    if head["qualifier"] == "approximately":
        restated["value"] = value
    elif head["qualifier"] in ("more_than", "at_least"):
        restated["low"] = value
    else:
        restated["high"] = value


@Language.factory("claims_equivalents", default_config={"rules": None},
                  assigns=["doc._.money"], requires=["doc._.money"])
def make_equivalents(nlp: Language, name: str, rules: str | None) -> EquivalentLinker:
    return EquivalentLinker(rules)
