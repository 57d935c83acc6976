"""Products and their makers (rules/subjects.json ``products``): a name before a product
noun names what is made and who makes it ("Nvidia's H200 processors", "70 Boeing 737-800
planes", "Huawei Ascend AI chips"). A price per unit is the product's ("$20,000 per unit",
"at $20,000 each"); in a purchase of products the maker is the other party.

Products are found once per document, by a bounded look after each name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...ruleset.subjects import SubjectRules
from ...textmatch import alternation
from ..extensions import EntityMention

COMPANY_LABELS = {"ORG"}
SPENT_ON = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:worth\s+of|for|on|of)\s+(?:[\w-]+\s+){0,3}")  # used with fullmatch


@dataclass
class Product:
    start: int
    end: int
    name: str  # "Nvidia H200"
    maker: EntityMention | None

    def mention(self) -> EntityMention:
        return {"text": self.name, "canonical": self.name, "label": "PRODUCT", "start": self.start, "end": self.end}


class Products:
    def __init__(self, rules: SubjectRules) -> None:
        p = rules.products
        nouns = alternation(p.nouns)
        # used with match(name end): "'s H200 processors", " 737-800 planes", " Ascend AI chips", " plane"
        self.noun_after = re.compile(rf"(?P<own>['’]s?)?(?P<model>(?:\s+[A-Z0-9][\w.-]*){{0,{p.model_words}}})\s+(?:{nouns})\b")
        self.per_unit = re.compile(rf"\b(?:{alternation(p.per_unit_words)})\b", re.IGNORECASE)
        self.transaction = re.compile(rf"\b(?:{alternation(p.transaction_words)})\b", re.IGNORECASE)
        self.reach = p.per_unit_chars
        self.unit_pers = set(p.unit_pers)

    def find(self, text: str, names: list[EntityMention]) -> list[Product]:
        """The products the names of a document make or are, in text order: a name, perhaps
        a possessive and model words, then a product noun. A name with a digit is a model
        ('H200 chips'), not a maker."""
        found: list[Product] = []
        for e in names:
            if found and e["start"] < found[-1].end:
                continue
            m = self.noun_after.match(text, e["end"])
            if m is None:
                continue
            model = m.group("model").split()
            end = m.start("model") + len(m.group("model")) if model else e["end"]
            maker = e if e["label"] in COMPANY_LABELS and not any(c.isdigit() for c in e["text"]) else None
            found.append(Product(e["start"], end, " ".join([e["canonical"], *model]), maker))
        return found

    @staticmethod
    def relabel(names: list[EntityMention], products: list[Product]) -> list[EntityMention]:
        """A name that starts a product and is no maker ('H200 chips') is a product."""
        models = {p.start for p in products if p.maker is None}
        return [{**e, "label": "PRODUCT"} if e["start"] in models else e for e in names]

    def unit_price(self, text: str, rec: dict, clause: tuple[int, int]) -> bool:
        """The figure is a price per unit: 'per unit', 'each', 'apiece' near it."""
        if rec.get("per") in self.unit_pers:
            return True
        lo, hi = max(clause[0], rec["start"] - self.reach), min(clause[1], rec["end"] + self.reach)
        return bool(self.per_unit.search(text, lo, hi))

    def in_transaction(self, text: str, clause: tuple[int, int], rec: dict, made: list[Product]) -> bool:
        """The clause tells a purchase ('deal', 'order', 'buy', 'procurement'), or the figure is
        spent on a product ('$5.6bn for Huawei's Ascend processors', '$14bn on Nvidia GPUs')."""
        return bool(self.transaction.search(text, clause[0], clause[1])) or any(
            clause[0] <= p.start < clause[1] and SPENT_ON.fullmatch(text, rec["end"], p.start) for p in made)
