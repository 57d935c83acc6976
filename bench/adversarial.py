"""Time of the default pipeline on adversarial shapes of text (issue 18): one document made
of one pattern repeated, at 10 KB, 100 KB and 1 MB.

For each shape and size it prints the seconds of the whole pipeline, of spaCy's blank
tokenizer on the same text (the floor every document pays), their ratio, and the
components that took most of the time (so that a slow shape names its owner). Each run is
a child process with a time budget (``--budget``, seconds): a shape that overruns it is
printed as "> budget" and its larger sizes are skipped.

    python bench/adversarial.py [--sizes 10000,100000,1000000] [--budget 120] [--shapes dollars,dash_chain]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import string
import sys
import time
from collections.abc import Callable
from itertools import count, product

SIZES = (10_000, 100_000, 1_000_000)


def _capitalised(size: int) -> str:
    words = (("".join(p)).capitalize() for n in count(1) for p in product(string.ascii_lowercase, repeat=n))
    out: list[str] = []
    length = 0
    for word in words:
        out.append(word)
        length += len(word) + 1
        if length >= size:
            break
    return " ".join(out)


def _repeat(unit: str, prefix: str = "") -> Callable[[int], str]:
    def make(size: int) -> str:
        body = unit * (max(0, size - len(prefix)) // len(unit) + 1)
        return (prefix + body)[:size]
    return make


SHAPES: dict[str, Callable[[int], str]] = {
    "dollars": _repeat("$"),  # currency symbols in a row
    "mixed_symbols": _repeat("$£€¥₹"),
    "symbols_numbers": _repeat("$1 £2 €3 ¥4 ₹5 "),
    "dash_chain": _repeat("-1", "$1"),
    "unclosed_quote": _repeat("Revenue was $5bn and profit rose ", '"'),
    "capitalised": _capitalised,
    "dots": _repeat("1."),
    "bn_words": _repeat("bn "),
    "acme_sentences": _repeat("Acme paid $5bn for Widget. "),
    "between_chain": _repeat(" and $1", "Sales were between $1"),
    "bn_list": _repeat("$1bn, "),
    "grouped_numbers": _repeat("$1,500,000, "),
    "qualified": _repeat("more than $3 billion, about £2bn, up to ¥5 trillion; "),
    "generic_metric_chain": _repeat("it budgeted $1bn and ", "Acme "),  # a generic metric looks back per figure
    "blank_lines": _repeat("\n", "Acme paid $5bn.\n"),  # a run of blank lines: a clause break per character
    "agency_said": _repeat("$5m went to the Road Safety Administration, the agency said, and ",
                           "Acme paid "),  # an official's description looks back for its body per cue
}


def _blank(shape: str, size: int, queue: mp.Queue) -> None:
    import spacy

    text = SHAPES[shape](size)
    blank = spacy.blank("en")
    t0 = time.perf_counter()
    blank.make_doc(text)
    queue.put({"tokenize": time.perf_counter() - t0})


def _run(shape: str, size: int, queue: mp.Queue) -> None:
    from extractor import pipeline
    from extractor.components.view import with_text

    text = SHAPES[shape](size)
    nlp = pipeline.build()
    t0 = time.perf_counter()
    doc = with_text(nlp.make_doc(text), text)
    per_component = {"tokenizer": time.perf_counter() - t0}
    for name, proc in nlp.pipeline:
        t1 = time.perf_counter()
        doc = proc(doc)
        per_component[name] = time.perf_counter() - t1
    queue.put({"total": sum(per_component.values()), "components": per_component, "money": len(doc._.money or [])})


def measure(shape: str, size: int, budget: float, target: Callable = _run) -> dict | None:
    """The figures of one run (``target``: the pipeline or the blank tokenizer), or None
    when it overran the budget."""
    queue: mp.Queue = mp.get_context("spawn").Queue()
    proc = mp.get_context("spawn").Process(target=target, args=(shape, size, queue))
    proc.start()
    proc.join(budget)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    return queue.get() if not queue.empty() else {"error": f"exit code {proc.exitcode}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--budget", type=float, default=120.0, help="seconds allowed to one run")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--json", action="store_true", help="one JSON object per run instead of a table")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    unknown = set(shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shapes: {', '.join(sorted(unknown))} (known: {', '.join(SHAPES)})")
    if not args.json:
        print(f"{'shape':<17}{'bytes':>9}{'pipeline s':>12}{'blank tok s':>13}{'ratio':>8}{'s/MB':>8}  slowest components")
    over = "> " + format(args.budget, "g")
    for shape in shapes:
        for size in sizes:
            result = measure(shape, size, args.budget)
            blank = measure(shape, size, args.budget, _blank)
            if args.json:
                print(json.dumps({"shape": shape, "size": size, "result": result, "blank": blank}), flush=True)
                continue
            tokenize = f"{blank['tokenize']:>13.3f}" if blank and "tokenize" in blank else f"{over:>13}"
            if result is None:
                print(f"{shape:<17}{size:>9}{over:>12}{tokenize}  (larger sizes skipped)", flush=True)
            elif "error" in result:
                print(f"{shape:<17}{size:>9}  failed: {result['error']}", flush=True)
            else:
                slow = sorted(result["components"].items(), key=lambda kv: -kv[1])[:3]
                names = ", ".join(f"{n.removeprefix('claims_')} {s:.2f}" for n, s in slow)
                ratio = f"{result['total'] / max(blank['tokenize'], 1e-6):>8.0f}" if blank and "tokenize" in blank else f"{'-':>8}"
                per_mb = result["total"] * 1_000_000 / size
                print(f"{shape:<17}{size:>9}{result['total']:>12.2f}{tokenize}{ratio}{per_mb:>8.1f}  {names}", flush=True)
            if result is None:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
