"""This extractor against other money parsers, in one run, on the same strings: the invented
table of tests/amount_cases.py (every way people write an amount, and sentences with none).

For each library: the share of sentences whose first amount has the expected value (the
point of a bound or range: its value, else the middle of its range, else its bound), the
share with the expected value and currency, the share of no-money sentences left empty,
and the milliseconds per sentence. A peer that is not installed is skipped with the
command that installs it (install peers into a virtual environment of your own, they are
no dependency of the project).

    python bench/money_peers.py [--errors NAME]
"""
from __future__ import annotations

import argparse
import math
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.amount_grammar import default_grammar  # noqa: E402
from extractor.numbers import point  # noqa: E402
from tests.amount_cases import CASES  # noqa: E402

Result = tuple[float | None, str | None] | None  # (value, ISO code) of the first amount, None when none
GRAMMAR = default_grammar()


def _code(text: str | None) -> str | None:
    """A peer's currency string as an ISO code, when it names one currency."""
    if not text:
        return None
    if len(text) == 3 and text.isupper():
        return text
    marker = GRAMMAR.markers.get(text)
    return marker.currencies[0] if marker and (len(marker.currencies) == 1 or marker.default) else None


def ours() -> Callable[[str], Result]:
    from extractor import pipeline
    from extractor.extract import extract_text

    nlp = pipeline.build()

    def parse(text: str) -> Result:
        claims = extract_text(text, nlp=nlp)
        if not claims:
            return None
        a = claims[0].amount
        return point(a.value, a.low, a.high), a.currency
    return parse


def price_parser() -> Callable[[str], Result]:
    from price_parser import Price

    def parse(text: str) -> Result:
        price = Price.fromstring(text)
        return None if price.amount is None else (price.amount_float, _code(price.currency))
    return parse


def quantulum3() -> Callable[[str], Result]:
    warnings.filterwarnings("ignore", module="quantulum3")
    from quantulum3 import parser

    def parse(text: str) -> Result:
        money = [q for q in parser.parse(text) if q.unit.entity.name == "currency"]
        if not money:
            return None
        unit = money[0].unit
        return money[0].value, getattr(unit, "currency_code", None) or _code(unit.symbols[0] if unit.symbols else None)
    return parse


def recognizers_text() -> Callable[[str], Result]:
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    model = NumberWithUnitRecognizer(Culture.English).get_currency_model()

    def parse(text: str) -> Result:
        found = model.parse(text)
        if not found:
            return None
        resolution = found[0].resolution or {}
        value = resolution.get("value")
        return (float(value) if value is not None else None), resolution.get("isoCurrency") or _code(resolution.get("unit"))
    return parse


PEERS: dict[str, tuple[Callable[[], Callable[[str], Result]], str]] = {
    "claims": (ours, "pip install -e ."),
    "price-parser": (price_parser, "pip install price-parser"),
    "quantulum3": (quantulum3, "pip install quantulum3"),
    "recognizers-text": (recognizers_text, "pip install recognizers-text-suite 'emoji<1.0'"),
}


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6)


def score(parse: Callable[[str], Result]) -> tuple[dict[str, float], list[str]]:
    value_ok = full_ok = empty_ok = money = empty = 0
    errors: list[str] = []
    start = time.perf_counter()
    for sentence, mention, value, low, high, currency, _qualifier in CASES:
        try:
            got = parse(sentence)
        except Exception as exc:  # noqa: BLE001 - a peer's crash is one wrong answer
            got = None
            errors.append(f"{sentence!r}: {type(exc).__name__}")
        if mention is None:
            empty += 1
            empty_ok += got is None
            if got is not None:
                errors.append(f"{sentence!r}: found {got}, expected none")
            continue
        money += 1
        expected = point(value, low, high)
        hit = got is not None and _same(got[0], expected)
        value_ok += hit
        full_ok += hit and got is not None and got[1] == currency
        if not (hit and got is not None and got[1] == currency):
            errors.append(f"{sentence!r}: got {got}, expected ({expected}, {currency})")
    elapsed = time.perf_counter() - start
    return {"value": value_ok / money, "value+currency": full_ok / money, "no-money empty": empty_ok / empty,
            "ms/sentence": 1000 * elapsed / len(CASES)}, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", metavar="NAME", help="list the wrong answers of one library")
    args = parser.parse_args(argv)
    print(f"{len(CASES)} sentences ({sum(c[1] is None for c in CASES)} without money), tests/amount_cases.py")
    print(f"{'library':<18}{'value':>8}{'value+currency':>16}{'no-money empty':>16}{'ms/sentence':>13}")
    for name, (make, install) in PEERS.items():
        try:
            parse = make()
        except Exception as exc:  # noqa: BLE001 - not installed, or does not import
            print(f"{name:<18}skipped ({type(exc).__name__}: {exc}); install: {install}")
            continue
        figures, errors = score(parse)
        print(f"{name:<18}{figures['value']:>8.3f}{figures['value+currency']:>16.3f}"
              f"{figures['no-money empty']:>16.3f}{figures['ms/sentence']:>13.2f}", flush=True)
        if args.errors == name:
            print("\n".join(f"  {e}" for e in errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
