"""``month_day`` reads plain date fragments ('31 Dec. 2004', 'March 1st') without dateparser:
the same reading as dateparser's for every month the rules write, and dateparser's for the rest."""
from __future__ import annotations

import re

import pytest

from extractor.components.periods import dates
from extractor.ruleset import period_rules


def _dateparser(fragment: str) -> tuple[int, int | None] | None:
    data = dates._date_parser().get_date_data(fragment)
    if data.date_obj is None:
        return None
    return data.date_obj.month, data.date_obj.day if data.period == "day" else None


def _rule_months() -> list[str]:
    """Every way of writing a month (dateparser's English forms, capitalised, with or without a
    dot) that the rules' MONTH words match: 'Sep', 'Sept.', 'May', ..."""
    words = [re.compile(w) for w in period_rules().words["MONTH"]]
    candidates = sorted({form.title() + dot for form in dates._month_numbers() for dot in ("", ".")})
    found = [c for c in candidates if any(w.fullmatch(c) for w in words)]
    assert all(any(w.fullmatch(c) for c in found) for w in words), "a MONTH word matches none of the candidates"
    return found


MONTHS = _rule_months()
DAYS = ["1", "01", "2nd", "3rd", "4TH", "11th", "21st", "28", "29", "30", "31", "0", "32"]


def test_every_month_of_the_rules_is_read_without_dateparser() -> None:
    assert {"Sep", "Sept.", "May", "Dec."} <= set(MONTHS)
    assert all(dates._plain_month_day(m) is not None for m in MONTHS)


@pytest.mark.parametrize("month", MONTHS)
def test_a_plain_fragment_reads_as_dateparser_reads_it(month: str) -> None:
    fragments = [month, f"{month} 2004", f"{month}, 2005"]
    fragments += [f for day in DAYS for f in (f"{day} {month}", f"{month} {day}", f"{day} {month} 2005",
                                                f"{month} {day}, 2004")]
    for fragment in fragments:
        plain = dates._plain_month_day(fragment)
        assert plain is None or plain == _dateparser(fragment), fragment


@pytest.mark.parametrize("fragment", ["29 February", "29 February 2005", "31 June", "0 March", "99 March",
                                      "march", "MARCH 3", "Sept 31"])
def test_month_day_reads_as_dateparser(fragment: str) -> None:
    assert dates.month_day(fragment) == _dateparser(fragment)
