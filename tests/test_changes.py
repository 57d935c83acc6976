"""claims_changes: the change stated beside a figure."""
from __future__ import annotations

import pytest

from extractor.extract import extract_text


def _changes(nlp, text: str) -> dict[str, dict | None]:
    return {c.mention: (c.change.model_dump() if c.change else None) for c in extract_text(text, nlp=nlp)}


def _change(direction=None, percent=None, amount=None, from_value=None) -> dict:
    return {"direction": direction, "percent": percent, "amount": amount, "from_value": from_value}


def test_percentage_after_a_restated_figure_applies_to_both_currencies(nlp):
    got = _changes(nlp, "ByteDance is increasing its 2026 AI budget to ¥200 billion (roughly $30 billion), "
                        "a 25% rise from its prior spending plans.")
    assert got["¥200 billion"] == _change("up", 25.0)
    assert got["roughly $30 billion"] == _change("up", 25.0)


@pytest.mark.parametrize("text, mention, expected", [
    ("It budgeted CNY 1.6 trillion for 2026, up from CNY 1.5 trillion in 2025.", "CNY 1.6 trillion",
     _change("up", from_value=1.5e12)),
    ("Capital expenditure: CNY 1.6 trillion (up from CNY 1.5 trillion in 2025).", "CNY 1.6 trillion",
     _change("up", from_value=1.5e12)),
    ("Reuters cut its debt back to £160m from £610m a year earlier.", "£160m", _change("down", from_value=6.1e8)),
    ("Sales were $4bn compared with $3.5bn in 2003.", "$4bn", _change("up", from_value=3.5e9)),
    ("Revenue rose 11% to $5.2bn in the quarter.", "$5.2bn", _change("up", 11.0)),
    ("Net profit fell by 12.5 per cent to £1.2bn.", "£1.2bn", _change("down", 12.5)),
    ("Profit was $3bn, down 5% on a year earlier.", "$3bn", _change("down", 5.0)),
    ("Its investment arm made £347m, an 82% jump on 2003 figures.", "£347m", _change("up", 82.0)),
    ("Sales reached $30bn, an increase of $6bn.", "$30bn", _change("up", amount=6e9)),
    ("A tonne of Varnian copper closed up $2.80 to $61.15 in Oslo.", "$61.15", _change("up", amount=2.8)),
])
def test_change_beside_a_figure(nlp, text, mention, expected):
    assert _changes(nlp, text)[mention] == expected


def test_the_earlier_and_the_change_figures_keep_no_change(nlp):
    got = _changes(nlp, "It budgeted CNY 1.6 trillion for 2026, up from CNY 1.5 trillion in 2025. "
                        "Sales reached $30bn, an increase of $6bn.")
    assert got["CNY 1.5 trillion"] is None and got["$6bn"] is None


@pytest.mark.parametrize("text", [
    "Quorvel won Brantec with a bid worth $6.8bn (£3.6bn), reports say.",
    "It bought the firm for $5bn from its founders.",
    "The deal comprised $250m to repay trading gains, and $125m in fines.",
])
def test_no_change_stated(nlp, text):
    assert all(change is None for change in _changes(nlp, text).values())


def test_an_earlier_figure_in_another_currency_gives_the_direction_only(nlp):
    got = _changes(nlp, "Profit was £3bn, up from $5bn.")
    assert got["£3bn"] == _change("up")
