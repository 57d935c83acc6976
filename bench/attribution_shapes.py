"""Time of the attribution stage (``claims_attribution``) alone, on adversarial one-line
texts (a pattern repeated to 10 KB, 100 KB and 1 MB) and, for reference, on the seed and
fixture articles of this repository. Every rule of the stage is meant to run in time linear
in the text: the seconds per MB of a shape should not grow with its size.

Each text first goes through the stages attribution reads from (sentences, boilerplate,
amounts, equivalents, currency); the periods stage is left out, as attribution does not use
it. Prints, per shape and size, the seconds and the seconds per MB, and the ratio to the
same text's blank tokenization. The articles' figure is the best of ``--repeat`` passes (one
pass over small texts is mostly noise).

    python bench/attribution_shapes.py [--sizes 10000 100000 1000000] [--shape NAME ...] [--repeat 5]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from extractor import pipeline

ROOT = Path(__file__).resolve().parent.parent
SHAPES = {
    "quote never closed": '"Revenue was $5bn and profit rose ',
    "quote never closed, with cues": '"Revenue was $5bn, the company said and profit rose ',
    "said, one sentence": "Acme said profit rose $1bn, ",
    "said ..., adding": "Acme said profit rose $1bn, adding ",
    "according to, one sentence": "according to Acme, profit rose $1bn and ",
    "pronoun sources": "It said profit rose to $5bn. ",
    "said, many sentences": "Acme said it paid $5bn for Widget. ",
    "acronym sources": " ".join(f"{a}{b} said $1. " for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "no-source cues": "reportedly $1bn, ",
    "capitalised tokens": " ".join(a + b for a in "ABCDEFGHIJ" for b in "abcdefghij") + " ",
}
BEFORE = ("claims_sentences", "claims_boilerplate", "claims_amounts", "claims_equivalents", "claims_currency")


def prepared(nlp: spacy.Language, text: str) -> tuple[Doc, float]:
    """The Doc of a text through the stages before attribution, and its tokenization seconds."""
    t = time.perf_counter()
    doc = nlp.make_doc(text)
    tokenize = time.perf_counter() - t
    for name in BEFORE:
        doc = nlp.get_pipe(name)(doc)
    return doc, tokenize


def seconds(nlp: spacy.Language, doc: Doc) -> float:
    """Seconds of the attribution stage on a prepared Doc."""
    t = time.perf_counter()
    nlp.get_pipe("claims_attribution")(doc)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--shape", nargs="+", choices=sorted(SHAPES), help="only these shapes")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the articles (the best counts)")
    args = parser.parse_args()
    nlp = pipeline.build()
    texts = [p.read_bytes().decode("utf-8", errors="replace")  # a fixture may be in another encoding on purpose
             for d in (ROOT / "seeds", ROOT / "fixtures") for p in sorted(d.rglob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    docs = [prepared(nlp, t)[0] for t in texts]
    spent = min(sum(seconds(nlp, doc) for doc in docs) for _ in range(args.repeat))
    print(f"articles: {len(texts)} texts, {words} words, {spent * 1e6 / words:.1f} µs per word")
    for name in args.shape or SHAPES:
        unit = SHAPES[name]
        cells = []
        for size in args.sizes:
            doc, tokenize = prepared(nlp, (unit * (size // len(unit) + 1))[:size])
            took = seconds(nlp, doc)
            cells.append(f"{size // 1000} KB {took:.2f} s ({took * 1e6 / size:.2f} s/MB, {took / tokenize:.0f}x tokenize)")
        print(f"{name:32s} " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
