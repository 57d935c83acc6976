"""Figures on a common basis: precision intervals, USD conversion, comparison."""
from __future__ import annotations

import math

import pytest

from extractor.compare import Years, compare, figure, half_unit, interval, rate_fit, to_usd
from extractor.models import Claim

from .conftest import FIXTURES


def _claims(name: str) -> dict[str, Claim]:
    lines = (FIXTURES / "reconcile" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    claims = [Claim.model_validate_json(line) for line in lines]
    return {f"{c.doc_id}:{c.mention}": c for c in claims}


@pytest.mark.parametrize("mention, anchor, expected", [
    ("$9.3bn", 9.3e9, 0.05e9), ("$6.75bn", 6.75e9, 0.005e9), ("$55 Billion", 55e9, 0.5e9),
    ("548p", 5.48, 0.005), ("$40,000 per unit", 40000.0, 0.5), ("multibillion-dollar", None, 0.0),
])
def test_written_precision_is_half_a_unit_of_the_last_digit(mention, anchor, expected):
    assert half_unit(mention, anchor) == pytest.approx(expected)


def test_intervals_follow_precision_and_qualifier():
    rounding, bounds, approximate = _claims("rounding"), _claims("bounds"), _claims("approximate")
    assert interval(rounding["yugansk_rosneft.txt:$9.3bn"]) == pytest.approx((9.25e9, 9.35e9))
    assert interval(bounds["yukos_more.txt:more than $27bn"]) == (27e9, math.inf)
    assert interval(bounds["yukos_lawyers.txt:less than $20bn"]) == (0.0, 20e9)
    assert interval(bounds["meta_projects.txt:$115 billion to $135 billion"]) == pytest.approx((114.5e9, 135.5e9))
    assert interval(approximate["att_about.txt:about $16bn"]) == pytest.approx((13.9e9, 18.1e9))


def test_usd_conversion_records_rate_year_and_source():
    usd = to_usd((199.5e9, 200.5e9), "CNY", 2026)
    assert usd.year == 2026 and usd.rate == pytest.approx(6.863367)
    assert usd.low == pytest.approx(199.5e9 / 6.863367) and "Federal Reserve" in usd.rate_source
    assert to_usd((1.0, 2.0), "RUB", 2004) is None  # no series: no rate, never a guess
    assert to_usd((1.0, math.inf), "USD", 2004).high is None


def _figures(name: str) -> dict:
    claims = _claims(name)
    years = Years.of(list(claims.values()))
    return {key: figure(c, years.year(c)) for key, c in claims.items()}


def test_agree_within_rounding_and_a_small_conflict():
    f = _figures("rounding")
    mci = compare(f["mci_reports.txt:$6.8bn"], f["mci_monday.txt:$6.75bn"])
    assert mci.verdict == "agree" and mci.relative_difference == pytest.approx(0.05 / 6.8)
    yugansk = compare(f["yugansk_auction.txt:$9.37bn"], f["yugansk_rosneft.txt:$9.3bn"])
    assert (yugansk.verdict, yugansk.severity) == ("conflict", "small")


def test_bounds_and_ranges_agree_when_intervals_meet():
    f = _figures("bounds")
    assert compare(f["yukos_russia.txt:$27bn"], f["yukos_more.txt:more than $27bn"]).verdict == "agree"
    assert compare(f["yukos_more.txt:more than $27bn"], f["yukos_lawyers.txt:less than $20bn"]).severity == "large"
    assert compare(f["meta_projects.txt:$115 billion to $135 billion"], f["meta_analyst.txt:$120bn"]).verdict == "agree"
    assert compare(f["meta_projects.txt:$115 billion to $135 billion"], f["meta_blog.txt:$140bn"]).verdict == "conflict"


def test_approximate_figures_allow_about_ten_percent():
    f = _figures("approximate")
    assert compare(f["budget_roughly.txt:roughly $30 billion"], f["budget_exact.txt:$32bn"]).verdict == "agree"
    assert compare(f["att_about.txt:about $16bn"], f["att_wrong.txt:$19bn"]).verdict == "conflict"
    assert compare(f["att_exact.txt:$16bn"], f["att_wrong.txt:$19bn"]).severity == "large"


def test_other_currencies_are_compared_in_usd():
    f = _figures("currencies")
    result = compare(f["gm_fiat.txt:€1.55bn"], f["gm_pounds.txt:£1.1bn"])
    assert result.basis == "USD" and result.verdict == "agree"
    assert f["gm_pounds.txt:£1.1bn"].usd.year == 2005


def test_implied_rate_against_the_reference_of_the_article_year():
    f = _figures("currencies")
    good = rate_fit(f["fosters_stake.txt:£1.25bn"], f["fosters_stake.txt:$2.4bn"], [2004, 2005])
    bad = rate_fit(f["fosters_rejected.txt:£1.8bn"], f["fosters_rejected.txt:$2.3bn"], [2004, 2005])
    assert good.fits and good.implied == pytest.approx(1.25 / 2.4)
    assert not bad.fits and bad.deviation > 0.3


def test_with_no_year_the_closest_year_on_record_is_used():
    f = _figures("rounding")
    fit = rate_fit(f["mci_reports.txt:£3.6bn"], f["mci_reports.txt:$6.8bn"], [None])
    assert fit.fits and not fit.year_known and fit.year is not None
