"""``claims_amounts``: every money amount of the document as ``doc.spans["money"]`` and
``doc._.money`` (one plain dict per amount, in text order). Figures inside boilerplate are
dropped; numbers refused as amounts (beyond the rules' bounds) are listed with their reason
in ``doc._.amount_refusals``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..amount_grammar import AmountMatch, grammar_for
from .extensions import AmountRefusal, MoneyRecord
from .view import expanded_spans, furniture, inside, layout_of


def amount_record(m: AmountMatch) -> MoneyRecord:
    """The plain-data form of a match; later stages add to it."""
    decided = len(m.candidates) == 1 or m.default_currency is True
    return {
        "start": m.start, "end": m.end, "mention": m.text,
        "value": m.value, "low": m.low, "high": m.high,
        "currency": m.candidates[0] if decided else None,
        "currency_text": m.currency_text,
        "currency_candidates": m.candidates,
        "currency_note": (f"'{m.currency_text}' read as {m.candidates[0]} by convention: "
                          "the text marks no other currency") if m.default_currency else None,
        "currency_by": ("convention" if m.default_currency else "marker") if decided else "undecided",
        "qualifier": m.qualifier, "scale_text": m.scale_text, "per": m.per, "rule": m.rule,
        "equivalent_of": None,
    }


class AmountRecognizer:
    def __init__(self, rules: str | None = None) -> None:
        self.grammar = grammar_for(rules)

    def __call__(self, doc: Doc) -> Doc:
        boilerplate = furniture(doc)
        found, refused = self.grammar.scan(layout_of(doc).text)
        kept = [m for m in found if not inside(boilerplate, m.start)]
        made = expanded_spans(doc, [(m.start, m.end, "MONEY") for m in kept])
        spans = [span for span in made if span is not None]
        records = [amount_record(m) for m, span in zip(kept, made) if span is not None]
        doc.spans["money"] = spans
        doc._.money = records
        doc._.amount_refusals = [AmountRefusal(text=r.text, start=r.start, end=r.end, reason=r.reason) for r in refused]
        return doc


@Language.factory("claims_amounts", default_config={"rules": None},
                  assigns=["doc._.money", "doc._.amount_refusals", "doc.spans"])
def make_amounts(nlp: Language, name: str, rules: str | None) -> AmountRecognizer:
    return AmountRecognizer(rules)
