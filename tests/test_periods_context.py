"""claims_periods across sentences: the article's reporting period, comparison periods, the
year an article was written, events and repeated figures; and why each period was chosen.
Every sentence and name here is invented."""
from __future__ import annotations

import pytest
from spacy.language import Language

from .test_periods import nlp, run  # noqa: F401  (the module's pipeline fixture and runner)


def dated(nlp: Language, text: str, published: str | None = None) -> list[tuple[str, str | None, str | None] | None]:
    """(text, start, end) of each figure's period."""
    return [(p["text"], p["start"], p["end"]) if (p := r.get("period")) else None
            for r in run(nlp, text, published)._.money]


def rules_of(nlp: Language, text: str) -> list[str | None]:
    return [r["decided_by"]["period"]["rule"] if "decided_by" in r else None for r in run(nlp, text)._.money]


RESULTS = ("Pellam Foods made a pre-tax profit of £120m in the three months to 30 September 2005, "
           "up from £80m a year earlier.\n\n"
           "Sales for the quarter rose to £1.1bn. In the same quarter, costs rose to £300m.\n\n"
           "The group also paid a dividend of £20m.")
Q3_2005 = ("2005-07-01", "2005-09-30")


def test_a_results_article_states_its_period_once_and_later_figures_refer_to_it(nlp) -> None:
    first, earlier, sales, costs, dividend = dated(nlp, RESULTS)
    assert first == ("three months to 30 September 2005", *Q3_2005)
    assert earlier == ("a year earlier", "2004-07-01", "2004-09-30")  # the comparison figure: the year before
    assert sales == ("quarter", *Q3_2005)
    assert costs == ("same quarter", *Q3_2005)
    assert dividend == ("three months to 30 September 2005", *Q3_2005)  # stated with no period at all


def test_each_period_says_which_rule_chose_it_and_the_words_behind_it(nlp) -> None:
    doc = run(nlp, RESULTS)
    assert [r["decided_by"]["period"]["rule"] for r in doc._.money] == [
        "period.after", "period.after", "period.scope", "period.scope", "period.reporting"]
    evidence = doc._.money[4]["decided_by"]["period"]
    assert doc.text[evidence["start"]:evidence["end"]] == evidence["evidence"] == "three months to 30 September 2005"


def test_a_figure_without_a_period_records_no_decision(nlp) -> None:
    [rec] = run(nlp, "Brindle agreed to buy its rival for $11bn.")._.money
    assert "period" not in rec and "period" not in rec.get("decided_by", {})


def test_the_reporting_period_dates_year_less_periods_of_the_article(nlp) -> None:
    text = ("Kelmscott Bank disappointed investors with its earnings for 2004.\n\n"
            "It said annual profit fell 20% to 3.1bn euros. It took a 900m euro charge in the fourth quarter.")
    assert dated(nlp, text) == [("annual", "2004-01-01", "2004-12-31"),
                                ("fourth quarter", "2004-10-01", "2004-12-31")]


def test_a_comparison_base_is_never_the_reporting_period(nlp) -> None:
    text = ("Sales at Morven Print fell from £3.2bn in 2003 to £2.9bn in 2004.\n\n"
            "The group also paid a dividend of £20m.")
    assert dated(nlp, text)[-1] == ("2004", "2004-01-01", "2004-12-31")


def test_a_comparison_period_dates_its_own_figure_and_spills_nowhere(nlp) -> None:
    text = "The Ruritanian trade gap hit a record $617bn, beating 2002's gap of $300bn. Imports rose to $1.7 trillion."
    assert dated(nlp, text) == [None, ("2002", "2002-01-01", "2002-12-31"), None]
    text = "Orrin Bank made £50m in the fourth quarter of 2004, up from last year's £40m. Costs were £9m."
    assert [p and p[0] for p in dated(nlp, text)] == ["fourth quarter of 2004", "last year", "fourth quarter of 2004"]


def test_the_previous_quarter_is_the_one_before_the_context(nlp) -> None:
    text = ("Orrin Bank made £50m in the three months to December 2004. It took a charge of £7m in the "
            "previous quarter and £2m in the same period a year earlier.")
    assert dated(nlp, text) == [("three months to December 2004", "2004-10-01", "2004-12-31"),
                                ("previous quarter", "2004-07-01", "2004-09-30"),
                                ("same period a year earlier", "2003-10-01", "2003-12-31")]


def test_the_same_period_of_another_year(nlp) -> None:
    text = "Losses at Vellis totalled $345m in the fourth quarter of 2004, up from $66m during the same period in 2003."
    assert dated(nlp, text)[1] == ("same period in 2003", "2003-10-01", "2003-12-31")


def test_a_financial_year_to_a_month(nlp) -> None:
    text = "Vantor Group raised its forecast for its current financial year to June 2006, saying profits will reach £450m."
    assert dated(nlp, text) == [("financial year to June 2006", "2005-07-01", "2006-06-30")]


def test_a_period_after_its_current_wins_over_the_inherited_one(nlp) -> None:
    """'in its current financial year to March': 'current' stands between the cue and the period,
    which binds the figure; the quarter of the sentence before is not inherited."""
    text = ("Brantley Foods made a profit of $40m in the three months to June. "
            "The firm expects sales of $900m in its current financial year to March 2027.")
    assert [p for p, _, _ in dated(nlp, text)] == ["three months to June", "financial year to March 2027"]


@pytest.mark.parametrize("published, expected", [
    ("2025-12-20", [("next year", "2026-01-01", "2026-12-31"), ("this year", "2025-01-01", "2025-12-31")]),
    ("2005-02-10", [("next year", "2006-01-01", "2006-12-31"), ("this year", "2005-01-01", "2005-12-31")]),
])
def test_this_year_and_next_year_resolve_against_the_published_date(nlp, published, expected) -> None:
    assert dated(nlp, "Quillon Systems plans to spend $12bn next year, up from $9bn this year.", published) == expected


@pytest.mark.parametrize("text, expected", [
    # a year-on-year comparison: its base is the year before its main figure's
    ("Quillon Systems plans to spend $12bn in 2026, up from $9bn this year.", ("this year", "2025-01-01", "2025-12-31")),
    ("Quillon Systems plans to spend $12bn in 2026. The figure would exceed the $9bn it spent this year.",
     ("this year", "2025-01-01", "2025-12-31")),
    ("Quillon Systems plans to spend $12bn next year, up from $9bn in 2025.", ("next year", "2026-01-01", "2026-12-31")),
    ("Quillon Systems plans to spend $12bn in 2026. It did not comment.\n\nThat would exceed the $9bn it is "
     "spending this year.", ("this year", "2025-01-01", "2025-12-31")),
    # one amount stated with a relative year and a known one
    ("Quillon Systems set aside $7bn for data centres next year. Its board approved the $7bn budget for 2026 in "
     "November.", ("next year", "2026-01-01", "2026-12-31")),
])
def test_an_undated_article_is_dated_by_its_anchors(nlp, text, expected) -> None:
    assert expected in dated(nlp, text)


@pytest.mark.parametrize("text", [
    "Quillon Systems plans to spend $12bn next year, up from $9bn this year.",
    "Quillon Systems expects revenue of $3bn this year, having spent heavily in 2024.",
])
def test_an_undated_article_without_anchors_keeps_its_relative_years_undated(nlp, text) -> None:
    assert all(p is None or p[1] is None for p in dated(nlp, text) if p and "year" in p[0])


def test_an_event_dates_a_figure_of_its_sentence_that_has_nothing_else(nlp) -> None:
    text = "Gresham Mills collapsed in 2002 after it emerged that $900m it claimed to hold in cash did not exist."
    assert dated(nlp, text) == [("2002", "2002-01-01", "2002-12-31")]
    assert rules_of(nlp, text) == ["period.event"]


@pytest.mark.parametrize("text", [
    "The company, established in 1998, paid $3m for the brand.",
    "Kestrel Air said in March that it would spend $400m on new jets.",
])
def test_founding_and_saying_dates_are_never_a_figures_period(nlp, text) -> None:
    assert dated(nlp, text) == [None]


def test_a_when_clause_dates_a_stock_but_not_a_flow(nlp) -> None:
    assert dated(nlp, "Harrow Glass sought protection in 2003 when it revealed debts of $2bn.") == [
        ("2003", "2003-01-01", "2003-12-31")]
    assert dated(nlp, "Dunmore Oil came under pressure in 2004 when it was handed a tax bill of $8bn.") == [None]


def test_a_repeated_amount_takes_the_period_of_its_first_statement(nlp) -> None:
    text = "Halvard Group Sees $2 Billion AI Spend\n\nHalvard Group plans to invest $2 billion in AI chips in 2026."
    assert rules_of(nlp, text) == ["period.headline", "period.after"]
    text = "Tarrant Homes sold 400 houses for $90m in 2004.\n\nThe $90m figure beat forecasts."
    assert dated(nlp, text) == [("2004", "2004-01-01", "2004-12-31")] * 2
    assert rules_of(nlp, text) == ["period.after", "period.repeat"]


def test_a_year_that_dates_a_noun_is_not_inherited_by_later_sentences(nlp) -> None:
    text = "Merrow Telecom was accused of paying $3m into the 2002 election campaign of a senator. It agreed to pay $10m."
    assert dated(nlp, text) == [("2002", "2002-01-01", "2002-12-31"), None]


def test_a_verb_governing_on_is_no_comparison(nlp) -> None:
    text = "Based on 2004 figures, the merged Lintel group would have sales of more than $5bn."
    assert dated(nlp, text) == [("2004", "2004-01-01", "2004-12-31")]


def test_a_results_noun_names_the_period_for_the_next_sentence(nlp) -> None:
    text = ("Brisco Energy plans to expand its capital spending in 2026. "
            "It has set aside $40m for the purpose, according to a filing on Monday.")
    assert dated(nlp, text) == [("2026", "2026-01-01", "2026-12-31")]
    text = "Brisco Energy plans to expand its capital spending in 2026. On Monday it set aside $40m for the purpose."
    assert dated(nlp, text) == [None]  # the sentence sets its own time


def test_the_reporting_period_gives_the_year_of_periods_stated_before_any_figure_year(nlp) -> None:
    text = ("Third-quarter sales at Ormond Retail rose to £640m. "
            "Ormond also said that its 2004 profit would beat the £120m it made in 2003.")
    assert dated(nlp, text) == [("Third-quarter", "2004-07-01", "2004-09-30"), ("2003", "2003-01-01", "2003-12-31")]


def test_the_year_before_is_the_comparison_figures_own_period(nlp) -> None:
    text = "Sandor Brewing's turnover for the year to 31 March 2005 rose to £2.1bn, from £1.9bn the year before."
    assert dated(nlp, text)[1] == ("the year before", "2003-04-01", "2004-03-31")


def test_a_bracketed_restatement_does_not_break_the_clause_between_a_figure_and_its_period(nlp) -> None:
    text = "Tamsin Air may lose 2bn baht (£30m; $58m) in bookings over the next three months, its chief said."
    assert [p and p[0] for p in dated(nlp, text)] == ["next three months"] * 3


def test_a_headline_amount_the_body_does_not_state_takes_the_period_a_results_noun_names(nlp) -> None:
    text = "Corlan eyes $9bn AI spend\n\nCorlan is targeting 60bn yuan in capital expenditure in 2026."
    assert dated(nlp, text)[0] == ("2026", "2026-01-01", "2026-12-31")
    assert rules_of(nlp, text)[0] == "period.headline"
    # a year that no results noun names is no headline's period
    text = "Corlan in $9m payout\n\nCorlan settled with investors. It went bankrupt in 2001 after hiding debts."
    assert dated(nlp, text) == [None]


def test_a_comparison_cue_of_the_sentence_before_does_not_make_a_comparison(nlp) -> None:
    text = ("Corlan plans to buy chips worth about $4bn in 2026.\n\nThat gives it a hedge against sanctions. "
            "The $4bn commitment was reported by Keswick Daily.")
    assert rules_of(nlp, text) == ["period.after", "period.repeat"]


def test_a_year_at_the_end_of_the_sentence_before_is_no_percentage_or_figures_period(nlp) -> None:
    text = "Norland Steel made 1.2bn euros in 2004, up from 900m euros in 2003. For 2005 it expects 1.4bn euros."
    assert [p and p[0] for p in dated(nlp, text)] == ["2004", "2003", "2005"]


def test_a_dated_comparison_base_gives_the_year_of_the_periods_it_follows(nlp) -> None:
    text = "Kirby Foods posted fourth-quarter profit of $400m. For the full year, profit was $1.5bn, against $1.2bn in 2003."
    assert dated(nlp, text) == [("fourth-quarter", "2004-10-01", "2004-12-31"), ("full year", "2004-01-01", "2004-12-31"),
                                ("2003", "2003-01-01", "2003-12-31")]


@pytest.mark.parametrize("text, period", [
    ("Veltria recorded a deficit of $18.6bn in the 2025-26 year, which ended in June.", "2025-26 year"),
    ("Net debt is projected to peak at $1.02 trillion in 2028-29, the update showed.", "2028-29"),
])
def test_a_year_with_the_next_years_two_digits_is_a_fiscal_year(nlp, text, period) -> None:
    assert [p for p, _, _ in dated(nlp, text)] == [period]



@pytest.mark.parametrize("text, expected", [
    ("Varlo said its net profit fell 10% to $182m in April-June 2025.", ("April-June 2025", "2025-04-01", "2025-06-30")),
    ("Varlo said its net profit fell to $182m in July–September 2024.", ("July–September 2024", "2024-07-01", "2024-09-30")),
])
def test_a_span_of_months_joined_by_a_dash(nlp, text, expected) -> None:
    assert dated(nlp, text) == [expected]


def test_figures_coordinated_before_a_period_share_it(nlp) -> None:
    """'sales of £1.3bn and a profit of £148m in 2024': the year after the second is the first's too."""
    text = "Brannock Mills reported sales of £1.3bn and a pre-tax profit of £148m in 2024."
    assert dated(nlp, text) == [("2024", "2024-01-01", "2024-12-31")] * 2


def test_the_half_refers_to_the_reporting_half_and_half_a_total_does_not(nlp) -> None:
    text = ("Ostrel Bank said pre-tax profit for the six months to 30 June 2025 was £610m.\n\n"
            "Its chief executive, Ann Bell, was pleased.\n\n"
            "Mortgage lending grew by £3.4bn in the half, the bank said. It spent $2bn, over half its budget, on branches.")
    first, half, spent = dated(nlp, text)
    assert half == ("half", "2025-01-01", "2025-06-30")
    assert spent is None or spent[0] != "half"


def test_a_half_or_quarter_of_the_year_takes_the_year_of_the_context(nlp) -> None:
    text = "Varlo said sales in 2025 were $9bn. Sales in the second half of the year rose to $4bn."
    assert dated(nlp, text)[1] == ("second half of the year", "2025-07-01", "2025-12-31")


def test_that_period_points_back_to_the_span_stated_before(nlp) -> None:
    text = ("The Tarn Authority said on Thursday that the lender had failed to check incomes between 2019 and 2023. "
            "During that period the bank wrote car loans worth £2.3bn.")
    assert dated(nlp, text) == [("period", "2019-01-01", "2023-12-31")]


def test_a_when_clause_is_dated_by_the_period_it_hangs_on(nlp) -> None:
    text = "Funding for start-ups has fallen sharply since 2021, when investors poured a record $57bn into the sector."
    (found,) = dated(nlp, text)
    assert found is not None and found[1] == "2021-01-01"


def test_quarters_count_from_the_financial_year_the_article_states(nlp) -> None:
    """A financial year to March: its first quarter is April-June of the year before; a quarter
    with its own calendar year stays a calendar quarter."""
    text = ("Orsano Motors expects operating profit of ¥640bn for the year to March 2026. "
            "Tariffs cost it ¥85bn in the first quarter alone.")
    assert dated(nlp, text)[1] == ("first quarter", "2025-04-01", "2025-06-30")
    marked = "Orsano wiped ¥85bn off earnings in the first quarter of its financial year to March 2026."
    assert dated(nlp, marked)[0][1:] == ("2025-04-01", "2025-06-30")
    assert dated(nlp, "Orsano made $5m in the first quarter of 2025.") == [("first quarter of 2025", "2025-01-01", "2025-03-31")]


def test_the_day_of_a_price_does_not_continue_into_the_next_sentence(nlp) -> None:
    text = "Wexley shares closed at 317p on Friday. Including about £520m of net debt, the deal values Wexley at £3.6bn."
    assert dated(nlp, text) == [("on Friday", None, None), None, None]


def test_a_dated_article_s_year_less_results_period_is_its_reporting_period(nlp) -> None:
    text = ("Brindle Mining reported underlying profit of A$180m for the six months to December, down "
            "from A$260m a year earlier.\n\nRevenue slipped 6% to A$5.3bn.")
    profit, earlier, revenue = dated(nlp, text, "2026-02-25")
    assert profit == ("six months to December", "2025-07-01", "2025-12-31")
    assert earlier == ("a year earlier", "2024-07-01", "2024-12-31")
    assert revenue == profit  # a results figure after it takes it
    # undated, the same article has no year to give it: the later figure takes none
    assert dated(nlp, text)[2] is None


@pytest.mark.parametrize("published, text, expected", [
    # a month with no year: the one nearest the publication date, whatever years stand around it
    ("2026-11-12", "The benchmark price for December was set at $47.20, Sentosa said.", ("December", "2026-12-01", "2026-12-31")),
    ("2026-03-09", "The stock closed at DKK 612.40, its lowest level since October.", ("October", "2025-10-01", "2025-10-31")),
    ("2026-07-07", "The new bonds mature in 2036 and 2041. Local debt stood at KES 6.1 trillion at the end of March.",
     ("March", "2026-03-01", "2026-03-31")),
])
def test_a_month_of_a_dated_article_is_the_one_nearest_its_date(nlp, published, text, expected) -> None:
    assert dated(nlp, text, published)[-1] == expected


@pytest.mark.parametrize("published, text, expected", [
    # a weekday: the latest such day on or before the article's date (a Monday, 9 March 2026, here)
    ("2026-03-09", "Calloway closed at $25.62 on Friday.", ("on Friday", "2026-03-06", "2026-03-06")),
    ("2026-03-09", "Calloway closed at $25.62 on Monday.", ("on Monday", "2026-03-09", "2026-03-09")),
    ("2026-03-09", "Calloway raised $5m yesterday.", ("yesterday", "2026-03-08", "2026-03-08")),
    ("2026-03-09", "Calloway raised $5m last week.", ("last week", "2026-03-02", "2026-03-08")),
    # undated: no day to count from
    (None, "Calloway closed at $25.62 on Friday.", ("on Friday", None, None)),
])
def test_a_day_of_a_dated_article_is_counted_from_its_date(nlp, published, text, expected) -> None:
    assert dated(nlp, text, published)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    # a decade, or the part of it an edge word names
    ("Sales could reach $2.2bn by the mid-2030s.", ("the mid-2030s", "2033-01-01", "2036-12-31")),
    ("Sales could reach $2.2bn in the 2030s.", ("the 2030s", "2030-01-01", "2039-12-31")),
    # 'at' binds a period right after the figure, not after a verb that dates something else
    ("Net debt stood at DKK 11.3bn at the end of 2025.", ("the end of 2025", "2025-10-01", "2025-12-31")),
])
def test_decades_and_periods_right_after_at(nlp, text, expected) -> None:
    assert dated(nlp, text)[-1] == expected


def test_a_time_a_figure_was_planned_at_is_not_its_period(nlp) -> None:
    text = "Capex rose to 200 billion yuan in 2026, up from the 160 billion yuan planned at the end of 2025."
    assert dated(nlp, text)[1] is None or dated(nlp, text)[1][0] != "the end of 2025"


@pytest.mark.parametrize("first", [
    "Sales of its drug could reach $2.2bn by the mid-2030s.",  # a horizon dates its own figure only
    "The stock closed at $612.40, its lowest level since October.",  # ... and so does a starting point
])
def test_a_horizon_or_a_starting_point_does_not_spread_to_the_next_sentence(nlp, first) -> None:
    assert dated(nlp, f"{first} It pays $41.50 and not a cent more.", "2026-03-09")[-1] is None


def test_a_horizon_year_is_no_context_for_the_year_less_periods_after_it(nlp):
    """'complies with the order until 2029' (a dated 2026 article): 'the third quarter' is 2026's."""
    from extractor.extract import extract_text
    text = ("Tavoni pays fine\n\nTURIN, 15 October 2026 (Po Valley Wire) - Tavoni Motori will pay a €151m fine. "
            "A further $55 million will be cancelled if Tavoni complies with the order until 2029. "
            "The fine was covered by the €1.45 billion provision taken in the third quarter.")
    claim = extract_text(text, nlp=nlp, published="2026-10-15")[-1]
    assert claim.period.start.startswith("2026-07")


def test_a_bond_maturity_is_no_reporting_period(nlp):
    from extractor.extract import extract_text
    text = ("Published 19 August 2026\n\nThe Harlow Water Authority sold $1.4 billion of bonds on Tuesday. "
            "The longest-dated securities, $312 million of bonds maturing in 2056, were priced to yield 4.9%.\n\n"
            "The authority's operating revenue rose 4% to $688 million, covering its debt payments twice over.")
    claim = extract_text(text, nlp=nlp, published="2026-08-19")[-1]
    assert claim.period is None or "2056" not in claim.period.start


@pytest.mark.parametrize("text, published, start", [
    # a year-less period put ahead by a future marker is the next one, not the last
    ("The sale is expected to produce a gain of $600m in the second quarter, when it is due to close.",
     "2026-03-03", "2026-04-01"),
    ("Halvern said it would fund its share with a $150m bond issue planned for the fourth quarter.",
     "2026-07-27", "2026-10-01"),
    # ... and a past one stays the last ('made', no marker)
    ("Halvern made a profit of $5m in the fourth quarter.", "2026-03-03", "2025-10-01"),
    ("Halvern said it would book a provision of $46m in its results for the fourth quarter.", "2026-03-03", "2025-10-01"),
])
def test_a_future_marker_puts_a_year_less_period_ahead(text, published, start, nlp):
    from extractor.extract import extract_text
    assert extract_text(text, nlp=nlp, published=published)[0].period.start == start


def test_a_dated_articles_year_less_results_period_is_the_last_one_before_its_date(nlp):
    """A split year named earlier ('the 2025/26 crop year') sets no year for 'the nine months to
    September' of a November 2026 article when no figure before it is dated."""
    from extractor.extract import extract_text
    text = ("Coffee exports earned $8.1 billion in the 2025/26 crop year. Halvern Agri said higher prices had "
            "lifted its revenue for the nine months to September to $558 million.")
    assert extract_text(text, nlp=nlp, published="2026-11-05")[-1].period.start == "2026-01-01"


def test_a_future_figure_inherits_no_period_that_has_ended(nlp):
    """'Halvern will pay a further $35m' takes no 'last year' from the sentence before; a past
    figure there still does."""
    from extractor.extract import extract_text
    text = ("Tessmark won a $120m contract from Halvern Freight last year. Halvern will pay a further $35m if "
            "targets are met. Halvern paid a deposit of $10m.")
    periods = [c.period.text if c.period else None for c in extract_text(text, nlp=nlp, published="2026-02-04")]
    assert periods == ["last year", None, "last year"]


def test_a_from_before_the_change_verb_makes_no_comparison_base(nlp):
    """'Revenue from operations rose 14% to Rs 52,300 crore from Rs 45,880 crore in the same
    period a year earlier': the first figure is the quarter's, not a base; 'compared to' is one."""
    from extractor.extract import extract_text
    text = ("Halvern Motors reported a net profit of Rs 4,120 crore for the October-December quarter. "
            "Revenue from operations rose 14% to Rs 52,300 crore from Rs 45,880 crore in the same period a year earlier.")
    periods = [(c.period.start, c.period.end) if c.period else None
               for c in extract_text(text, nlp=nlp, published="2026-01-29")]
    assert periods == [("2025-10-01", "2025-12-31"), ("2025-10-01", "2025-12-31"), ("2024-10-01", "2024-12-31")]
    compared = extract_text("Halvern made a profit of $5m in 2025, compared to $4m.", nlp=nlp)
    assert compared[1].period is None


def test_year_less_periods_of_an_undated_article_fall_in_its_financial_year(nlp):
    """'the fiscal year through March 2026' sets the article's financial year: its 'October-December'
    is 2025's, 'for the year' and 'this fiscal year' are April 2025 to March 2026."""
    from extractor.extract import extract_text
    text = ("Halvern Motor cut its forecast for the fiscal year through March 2026.\n\n"
            "Operating profit for October-December fell to ¥412.6bn. It now expects ¥1.65 trillion for the year.\n\n"
            "Tariffs will cost it ¥520bn this fiscal year.")
    periods = [(c.period.start, c.period.end) if c.period else None for c in extract_text(text, nlp=nlp)]
    assert periods == [("2025-10-01", "2025-12-31"), ("2025-04-01", "2026-03-31"), ("2025-04-01", "2026-03-31")]


def test_an_earlier_forecast_compared_is_of_the_same_period(nlp):
    """'down from its previous forecast of 1.9 trillion yen', 'compared with 150 yen previously':
    the earlier forecast is of the period of the new one; 'the previous year' still is another."""
    from extractor.extract import extract_text
    text = ("Halvern Motor now expects operating profit of 1.65 trillion yen for the financial year ending in March, "
            "down from its previous forecast of 1.9 trillion yen. It assumes 146 yen to the dollar for the "
            "January-March quarter, compared with 150 yen previously. Profit rose to $5m in 2025 from $4m in the "
            "previous year.")
    periods = [(c.period.start, c.period.end) if c.period else None
               for c in extract_text(text, nlp=nlp, published="2026-02-06")]
    assert periods == [("2025-04-01", "2026-03-31")] * 2 + [("2026-01-01", "2026-03-31")] * 2 \
        + [("2025-01-01", "2025-12-31"), ("2024-01-01", "2024-12-31")]


def test_a_year_to_a_month_of_a_dated_article_ends_nearest_its_date(nlp):
    """'the financial year ending in March' of a February 2026 article ends in March 2026, after an
    October-December quarter; its 'full-year' is that financial year."""
    from extractor.extract import extract_text
    text = ("Operating profit for the October-December quarter fell to 412.6 billion yen. Halvern now expects "
            "1.65 trillion yen for the financial year ending in March. It expects a full-year hit of 520 billion yen.")
    periods = [(c.period.start, c.period.end) for c in extract_text(text, nlp=nlp, published="2026-02-06")]
    assert periods == [("2025-10-01", "2025-12-31"), ("2025-04-01", "2026-03-31"), ("2025-04-01", "2026-03-31")]


def test_a_reported_year_less_span_does_not_start_after_the_articles_date(nlp):
    """'the first nine months of the year' reported in November 2025 are 2025's, though a figure
    before it was dated to the end of 2026; 'the 26 weeks to 28 December 2025' has weeks."""
    from extractor.extract import extract_text
    text = ("Halvern Bank expects to lend another 15 billion reais by the end of 2026. Águas do Serrado reported net "
            "revenue of 3.1 billion reais for the first nine months of the year. Turnover rose to R48.6bn in the "
            "26 weeks to 28 December 2025.")
    periods = [(c.period.start, c.period.end) for c in extract_text(text, nlp=nlp, published="2025-11-18")]
    assert periods[1:] == [("2025-01-01", "2025-09-30"), ("2025-06-30", "2025-12-28")]


def test_the_following_year_is_the_year_after_the_context(nlp):
    from extractor.extract import extract_text
    claims = extract_text("Halvern made a profit of $5m in 2025 and expects $7m the following year.", nlp=nlp)
    assert (claims[1].period.start, claims[1].period.end) == ("2026-01-01", "2026-12-31")
