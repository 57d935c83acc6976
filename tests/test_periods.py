"""claims_periods: which period each money figure gets, and its dates."""
from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.pipeline import build


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build()


def run(nlp: Language, text: str, published: str | None = None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def periods(nlp: Language, text: str, published: str | None = None) -> list[dict | None]:
    return [rec.get("period") for rec in run(nlp, text, published)._.money]


def texts(nlp: Language, text: str) -> list[str | None]:
    return [p and p["text"] for p in periods(nlp, text)]


@pytest.mark.parametrize("text, expected", [
    # the period in the figure's own clause
    ("The council budgeted EUR 2.4 billion for 2027, up from EUR 2.1 billion in 2026.", ["2027", "2026"]),
    ("Acme earned $120m in 2004 and spent $30m on research.", ["2004", "2004"]),
    ("Sales slipped from £3.1bn in 2003 to £2.8bn in 2004.", ["2003", "2004"]),
    ("Storms caused damage of about $4bn in 1999.", ["1999"]),
    # 'annual' of a document or an event is no period of the figure
    ("Tellan reported annual revenue of £800m.", ["annual"]),
    ("Revenue rose to £800m, according to Tellan's annual report.", [None]),
    ("Tellan will pay a dividend of £80m, it told its annual general meeting.", [None]),
    ("The firm owed more than $5bn in taxes for the years from 2001 onwards.", ["years from 2001 onwards"]),
    # a year that modifies the metric, and a period that frames the sentence
    ("The city is raising its 2027 public transport budget to £450m.", ["2027"]),
    ("For 2004 as a whole, the group earned $778m on sales of $3.2bn.", ["2004", "2004"]),
    ("Net income for 2004 was $3.5bn - up $1bn from 2003 - while turnover rose to $170bn.", ["2004", "2004", "2004"]),
    # bullet labels; a bullet that continues the one before with 'portion'
    ("Plans:\n\n  • Solar farm (2027): Expected cost > EUR 300 million (about USD 330 million).\n"
     "  • Wind park (Pending): Estimated cost of EUR 90 million.\n", ["2027", "2027", None]),
    ("Context:\n\n  • 2027 Capital Budget: EUR 1.2 billion (up from EUR 1.0 billion in 2026).\n"
     "  • Portion for grid upgrades: EUR 400 million.\n", ["2027", "2026", "2027"]),
    # inheritance from an earlier sentence of the same paragraph only
    ("Net profit for 2004 rose to $3.5bn. Analysts had expected $3.2bn.", ["2004", "2004"]),
    ("Net profit for 2004 rose to $3.5bn.\n\nThe firm also agreed to buy a rival for $2bn.", ["2004", None]),
    ("Net income for 2004 was $3.5bn. Its shares fell 25 cents to $17.65.", ["2004", None, None]),
    # a year given to a metric earlier in the article
    ("The mayor presented his 2027 budget.\n\nThe $9bn budget covers 40 programmes.", ["2027"]),
    # events are not the figure's period
    ("The company is claiming more than $20bn in damages after its unit was sold in December.", [None]),
    ("Prices rose above the $50 mark for the first time since November.", [None]),
    ("Last week, Delta agreed to buy a rival for about $16bn.", [None]),
    # a dated main clause dates the 'when' or 'after' clause that follows it
    ("The firm went bankrupt in 2001 when it emerged it had hidden $600m in debt.", ["2001"]),
    ("Corvane won court protection in 2003 after revealing debts of 9bn euros.", ["2003"]),
    # ... but a clause that sets its own time keeps it
    ("Profit rose to $5m in 2004 because the firm sold a unit in 2003 for $2m.", ["2004", "2003"]),
    # a period that belongs to a percentage is not the next figure's
    ("Decline slowed to 5% from 10% in 2003 and debt fell to £160m.", [None]),
    ("Delta agreed to buy its rival for $11bn.", [None]),
    ("The company, founded in 1998, sold its unit for $3bn.", [None]),
])
def test_which_period(nlp: Language, text: str, expected: list[str | None]) -> None:
    assert texts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Acme earned $120m in the fourth quarter of 2024.", ("fourth quarter of 2024", "2024-10-01", "2024-12-31")),
    ("Revenue reached $2bn in Q3 2025.", ("Q3 2025", "2025-07-01", "2025-09-30")),
    ("Revenue in the first half of 2025 was $2.1bn.", ("first half of 2025", "2025-01-01", "2025-06-30")),
    ("Revenue reached $900m in H2 2024.", ("H2 2024", "2024-07-01", "2024-12-31")),
    ("Profits for the year to March 2005 rose to £80m.", ("year to March 2005", "2004-04-01", "2005-03-31")),
    ("The deficit hit $412bn in the 12 months to 30 September 2004.",
     ("12 months to 30 September 2004", "2003-10-01", "2004-09-30")),
    ("Investors committed $40m in late 2025.", ("late 2025", "2025-09-01", "2025-12-31")),
    ("Exports fell to $95bn in November 2004.", ("November 2004", "2004-11-01", "2004-11-30")),
    ("The agency forecast a shortfall of $855bn for the years from 2006 to 2015.",
     ("years from 2006 to 2015", "2006-01-01", "2015-12-31")),
    ("Profit was $70m in the three months to December 2004.",
     ("three months to December 2004", "2004-10-01", "2004-12-31")),
    ("It forecast a $348bn shortfall in fiscal 2005.", ("fiscal 2005", None, None)),
    ("It posted revenue of $1.2bn for the quarter ended 31 March 2025.",
     ("quarter ended 31 March 2025", "2025-01-01", "2025-03-31")),
])
def test_dates(nlp: Language, text: str, expected: tuple[str, str | None, str | None]) -> None:
    period = periods(nlp, text)[0]
    assert (period["text"], period["start"], period["end"]) == expected


def test_comparison_a_year_earlier_shifts_the_period_it_compares_with(nlp: Language) -> None:
    text = "Acme earned $120m in the fourth quarter of 2024, compared with $95m a year earlier."
    first, second = periods(nlp, text)
    assert (first["start"], first["end"]) == ("2024-10-01", "2024-12-31")
    assert second == {"text": "a year earlier", "start": "2023-10-01", "end": "2023-12-31"}


def test_year_less_periods_take_the_year_of_the_context(nlp: Language) -> None:
    text = ("Net income for 2004 was $3.5bn. In the fourth quarter alone Ford earned $104m. "
            "For the full year, its car unit made $850m.")
    assert [(p["text"], p["start"], p["end"]) for p in periods(nlp, text)] == [
        ("2004", "2004-01-01", "2004-12-31"),
        ("fourth quarter", "2004-10-01", "2004-12-31"),
        ("full year", "2004-01-01", "2004-12-31"),
    ]


@pytest.mark.parametrize("text, published, expected", [
    ("The deficit will reach $368bn this year.", "2005-02-10", ("this year", "2005-01-01", "2005-12-31")),
    ("The studio made revenues of $12bn last year.", "2005-02-10", ("last year", "2004-01-01", "2004-12-31")),
    ("Earnings will fall to $4bn next year.", "2005-02-10", ("next year", "2006-01-01", "2006-12-31")),
    ("The bank merged with a rival in a $47bn deal last March.", "2005-02-10", ("last March", "2004-03-01", "2004-03-31")),
    ("Profit rose to $70m in the fourth quarter.", "2005-02-10", ("fourth quarter", "2004-10-01", "2004-12-31")),
    ("The deficit will reach $368bn this year.", None, ("this year", None, None)),
    ("Halvard will invest $2bn over the next five years.", "2026-03-14", ("next five years", "2026-03-14", "2031-03-14")),
    ("Halvard will invest $2bn over the next few years.", "2026-03-14", ("next few years", None, None)),  # no length
])
def test_relative_periods_resolve_against_the_published_date(
        nlp: Language, text: str, published: str | None, expected: tuple[str, str | None, str | None]) -> None:
    period = periods(nlp, text, published)[0]
    assert (period["text"], period["start"], period["end"]) == expected


def test_restatements_share_the_period_of_the_amount_they_restate(nlp: Language) -> None:
    doc = run(nlp, "Profits for 2004 rose 20% to £4.6bn ($8.6bn).")
    head, restated = doc._.money
    assert restated["equivalent_of"] == 0
    assert restated["period"] == head["period"] == {"text": "2004", "start": "2004-01-01", "end": "2004-12-31"}


def test_headline_figure_takes_the_period_of_the_same_figure_in_the_body(nlp: Language) -> None:
    text = "Flood to cost region $1.3bn\n\nThe region faces a $1.3bn bill in 2005 for rebuilding."
    assert texts(nlp, text) == ["2005", "2005"]


def test_figures_without_a_period_get_no_period_key(nlp: Language) -> None:
    doc = run(nlp, "Delta agreed to buy its rival for $11bn.")
    assert "period" not in doc._.money[0]


def test_every_period_phrase_is_a_span(nlp: Language) -> None:
    doc = run(nlp, "In late 2025 the firm said revenue for fiscal 2026 and the first half would beat last year.")
    assert [(s.text, s.label_) for s in doc.spans["periods"]] == [
        ("late 2025", "edge"), ("fiscal 2026", "fiscal"), ("first half", "half"), ("last year", "relative")]


def test_month_names_match_only_as_written(nlp: Language) -> None:
    doc = run(nlp, "Profits may rise, and the firm will assume $6bn of May's debt.")
    assert list(doc.spans["periods"]) == []
    assert "period" not in doc._.money[0]


def test_a_day_after_the_figure_is_when_it_was_said_when_its_clause_names_a_year(nlp):
    from extractor.extract import extract_text

    [claim] = extract_text("Unilever reported a 2023 operating profit of 10.1 billion euros on Thursday.", nlp=nlp)
    assert claim.period.text == "2023"
    [claim] = extract_text("Oil closed at $51.15 on Tuesday.", nlp=nlp)
    assert "Tuesday" in claim.period.text


@pytest.mark.parametrize("text, dates", [
    # a possessive before the period does not hide its cue ("in its financial year to ...")
    ("Brisco made a loss of $40m in its financial year to March 2005.", ("2004-04-01", "2005-03-31")),
    ("Tarn Mills made $5m in their year to June 2004.", ("2003-07-01", "2004-06-30")),
    # "to the end of" a month, "to end-March": the same period as "to March"
    ("Brisco made a loss of $40m in the 12 months to the end of March.", ("2004-04-01", "2005-03-31")),
    ("Brisco made a loss of $40m in the year to end-March.", ("2004-04-01", "2005-03-31")),
])
def test_a_year_to_a_month_however_written(nlp, text, dates):
    period = periods(nlp, text, "2005-06-01")[0]
    assert (period["start"], period["end"]) == dates


@pytest.mark.parametrize("text, expected", [
    ("Varlan will spend 480bn yuan on roads between 2025 and 2027.", ["between 2025 and 2027"]),
    ("Ostrand plans to invest €3bn from 2026 through 2028.", ["from 2026 through 2028"]),
    # 'from' before a figure is a comparison, not an opener
    ("Profit rose to $5bn from $4bn in 2024.", [None, "2024"]),
])
def test_a_span_opened_by_its_own_preposition_binds_to_the_figure_before_it(text, expected, nlp):
    assert texts(nlp, text) == expected
