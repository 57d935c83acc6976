"""Classes of subject and counterparty errors (issue 12), each on invented sentences with
invented names: names that are not entities, places and brands that only describe, cited
sources, owners, implied receivers."""
from __future__ import annotations

import pytest

from extractor.extract import extract_text


def _roles(text, nlp):
    return {c.mention: (c.subject.canonical if c.subject else None,
                        c.counterparty.canonical if c.counterparty else None)
            for c in extract_text(text, nlp=nlp)}


def _names(text, nlp):
    return {e["text"] for e in nlp(text)._.entities}


# ---------------------------------------------------------------- names that are not entities
def test_currency_glued_to_a_number_is_no_name(nlp):
    names = _names("Quorva has set aside CNY160 billion for chips, up from Rmb85bn, while Tessin spent RMB40bn.", nlp)
    assert names == {"Quorva", "Tessin"}


def test_tickers_and_exchanges_in_brackets_are_no_names(nlp):
    names = _names("Shares in Halvex (NASDAQ:HLVX) and Orrin (ORN.US) rose.", nlp)
    assert names == {"Halvex", "Orrin"}


def test_a_place_joined_to_a_participle_is_an_adjective(nlp):
    text = "Corvane lost a case. The Brisbane-based miner has set aside $2bn for the year."
    assert "Brisbane" not in _names(text, nlp)
    assert _roles(text, nlp)["$2bn"][0] == "Corvane"


def test_title_case_table_row_labels_are_no_names(nlp):
    text = ("Quorva plans to spend more on data centres.\n\n"
            "Total Cloud Hardware Outlay ~CNY 150 billion CNY 160 billion\n"
            "Allocation for Custom Accelerators ~CNY 85 billion (approx. half)\n")
    names = _names(text, nlp)
    assert not names & {"Cloud Hardware Outlay", "Custom Accelerators", "Allocation"}
    assert {s for s, _ in _roles(text, nlp).values()} == {"Quorva"}


def test_indented_bullet_starts_a_sentence(nlp):
    text = "Quorva outlines its plans\n\n  • Preliminary budget is around $23bn.\n  • Forecast spending rises.\n"
    assert not _names(text, nlp) & {"Preliminary", "Forecast"}


def test_a_known_country_at_the_start_of_a_sentence_is_a_name(nlp):
    text = "Shares fell across the region. Thailand may lose 30bn baht in tourism earnings."
    assert _roles(text, nlp)["30bn baht"][0] == "Thailand"


def test_a_commodity_inside_a_company_name_is_the_company(nlp):
    assert "Kessick Oil" in _names("Kessick Oil faces a bill of $3bn.", nlp)


def test_an_acronym_may_end_with_the_company_word_left_out(nlp):
    doc = nlp("Dunmore & Pryce made a loss. \"It was a hard year for DPC,\" its chief said.")
    assert {e["text"]: e["canonical"] for e in doc._.entities}["DPC"] == "Dunmore & Pryce"


# ---------------------------------------------------------------- places and brands that describe
@pytest.mark.parametrize("text,mention,subject", [
    ("Norway's Quillam is preparing to spend $2.7bn on new rigs.", "$2.7bn", "Quillam"),
    ("Sweden's Prime Minister Ola Berg opened a plant that cost $1bn to build for Tessin.", "$1bn", None),
    ("Glimmer owner Quorva is increasing its budget to $4bn.", "$4bn", "Quorva"),
    ("Glimmer's parent company Quorva plans to spend $4bn.", "$4bn", "Quorva"),
])
def test_modifiers_are_not_subjects(text, mention, subject, nlp):
    got = _roles(text, nlp)[mention][0]
    if subject is None:
        assert got not in ("Sweden", "Ola Berg")
    else:
        assert got == subject


def test_a_description_of_the_owner_stands_for_the_owner(nlp):
    text = ("Glimmer owner eyes $4bn spend\n\n"
            "Quorva, Glimmer's Chinese parent company, will raise its spending next year.")
    assert _roles(text, nlp)["$4bn"][0] == "Quorva"
    text = ("The majority owner of troubled miner Brisel has sued the state for $2bn.\n\n"
            "Varrow Holdings, which controls 60% of Brisel, says the seizure was illegal.")
    assert _roles(text, nlp)["$2bn"][0] == "Varrow"  # "Holdings" is a corporate suffix


# ---------------------------------------------------------------- cited sources
def test_the_newspaper_that_reports_is_not_the_subject(nlp):
    text = ("The Daily Ledger reports that Quorva, the chip designer, is preparing to raise its budget, with "
            "plans to allocate $23bn for the year. The outlay, according to the report, is up from the $15bn "
            "it spent this year.")
    roles = _roles(text, nlp)
    assert roles["$23bn"][0] == "Quorva" and roles["$15bn"][0] == "Quorva"


def test_a_company_speaking_of_itself_stays_the_antecedent(nlp):
    text = ("Kessick Steel, the country's largest producer, said the slump had prompted it to pull its share "
            "sale. The firm had been expected to raise 20bn yuan.")
    assert _roles(text, nlp)["20bn yuan"][0] == "Kessick Steel"


# ---------------------------------------------------------------- clauses
def test_a_semicolon_in_brackets_divides_no_clause(nlp):
    text = "Officials signed a deal worth 1bn euros ($1.3bn; £690m) for Arvane to sell 23 jets to Tessin Air."
    assert _roles(text, nlp)["1bn euros"] == ("Tessin Air", "Arvane")


def test_a_participle_after_the_figure_is_passive(nlp):
    text = ("Quorva, which owns Glimmer, plans to spend $23bn next year, up from $18bn invested in data "
            "centres this year.")
    assert _roles(text, nlp)["$18bn"][0] == "Quorva"


def test_idioms_are_no_triggers(nlp):
    text = "Quorva is also spending billions of dollars leasing data centres in order to reach Halvex hardware."
    assert _roles(text, nlp)["billions of dollars"][0] == "Quorva"


def test_a_conjunction_ends_the_reach_of_a_later_trigger(nlp):
    text = "Brisel collapsed with debts of 14bn euros and new boss Ian Morrow has taken legal action against banks."
    assert _roles(text, nlp)["14bn euros"][0] == "Brisel"


# ---------------------------------------------------------------- implied receivers
def test_taxes_are_owed_to_the_government_the_document_names(nlp):
    text = ("Varrow Oil has threatened to sue the Norwegian government for $28bn. "
            "It has been hit with more than $27bn in taxes and fines.")
    roles = _roles(text, nlp)
    assert roles["$28bn"] == ("Varrow Oil", "Norwegian government")
    assert roles["more than $27bn"] == ("Varrow Oil", "Norwegian government")


def test_fines_go_to_the_regulator_the_document_names(nlp):
    text = ("The Tolland Securities Commission has ended its inquiry into Dravik. "
            "Dravik agreed to pay penalties of $5m.")
    assert _roles(text, nlp)["$5m"] == ("Dravik", "Tolland Securities Commission")
