"""Names of the text without a model, on invented sentences: hyphens inside a name, a hyphen
that joins a place to a lower-case word."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name", [
    ("Varrow-Brent said profit rose to £5m.", "Varrow-Brent"),  # one name joined by a hyphen
    ("A Tolley-Marsh spokesman said sales were $5m.", "Tolley-Marsh"),
    ("Ex-Quarrel boss jailed\n\nQuarrel lost a $23bn contract.", "Quarrel"),  # a prefix is no part of it
    ("Fenwick and Ostrel ended the Fenwick-Ostrel venture. Ostrel paid $2bn.", "Ostrel"),  # two names, each alone too
])
def test_names_joined_by_a_hyphen(text, name, nlp):
    from extractor.extract import extract_text
    claim = extract_text(text, nlp=nlp)[-1]
    assert claim.subject.canonical == name


def test_a_name_hyphened_to_a_lower_case_word_does_not_name_a_source(nlp):
    """'The Nordvik-based snacks group said': the group (the company named before), not Nordvik."""
    from extractor.extract import extract_text
    claim = extract_text("Halvor Foods has bid for Corrin & Pell. The Nordvik-based snacks group said on Monday "
                         "that it was offering 310p in cash for each Corrin & Pell share.", nlp=nlp)[0]
    assert claim.attribution.source == "Halvor Foods"


@pytest.mark.parametrize("text, person", [
    ('"Costs rose," chief financial officer Haruto Imaizumi told reporters. He said it spent ¥145bn.', "Haruto Imaizumi"),
    ("Ann Bell, the group's chief operating officer, said sales were $5m.", "Ann Bell"),
    # a capitalised title run before the name: the name alone is the person
    ("Pemex will get 145 billion pesos, Finance Minister Rodrigo Alcántara told a news conference.", "Rodrigo Alcántara"),
    ("Sales Director Ann Bell said sales were $5m.", "Ann Bell"),
])
def test_officers_and_other_titles_make_a_person(text, person, nlp):
    doc = nlp(text)
    assert {e["canonical"]: e["label"] for e in doc._.entities}[person] == "PERSON"


def test_a_title_that_ends_a_sentence_does_not_title_the_next_name(nlp):
    """'... said Ann Bell, Tarrow's chief executive officer. Tarrow's shares fell': Tarrow is no person."""
    doc = nlp("\"It fits,\" said Ann Bell, Tarrow's chief executive officer. Tarrow's shares fell to $5.")
    assert {e["canonical"]: e["label"] for e in doc._.entities}["Tarrow"] == "ORG"


def test_a_capitalised_run_with_no_person_after_its_title_stays_one_name(nlp):
    doc = nlp("Quorra Asset Management Director Services rose. The Finance Ministry said sales were $5m.")
    assert {e["canonical"] for e in doc._.entities} >= {"Finance Ministry"}


@pytest.mark.parametrize("text, name, label", [
    # a public body 'of' its remit goes on across one 'and': one body, a public one
    ("Zembla's Ministry of Energy and Mineral Resources has ordered Sentosa to pay $4m.",
     "Ministry of Energy and Mineral Resources", "GOV"),
    ("The Department of Trade and Industry and Acme agreed a $5m deal.", "Department of Trade and Industry", "GOV"),
    # ... a bank of a place is a company, and an 'and' after it lists another name
    ("Bank of Zembla and Acme agreed a $5m deal.", "Bank of Zembla", "ORG"),
    # 'the X and Y ... Agency': one body when the name after 'and' ends in a public body's word
    ("The recall was ordered by the Tanner and Vehicle Standards Agency on Monday.",
     "Tanner and Vehicle Standards Agency", "GOV"),
    ("The Food and Drug Administration approved it.", "Food and Drug Administration", "GOV"),
    ("Both the Treasury and Marlow Commission agreed.", "Treasury", "GOV"),  # a body before 'and' is one of its own
])
def test_a_public_body_of_its_remit_is_one_name(text, name, label, nlp):
    assert {e["canonical"]: e["label"] for e in nlp(text)._.entities}[name] == label


def test_a_term_that_lower_case_words_define_is_no_name(nlp):
    text = ("Corbel shareholders will also receive one contingent value right (CVR) for each share, worth up to $7.00. "
            "The CVRs would add roughly $980 million. The Council of Mortgage Lenders (CML) said prices rose.")
    names = {e["canonical"] for e in nlp(text)._.entities}
    assert not names & {"CVR", "CVRs"} and "Council of Mortgage Lenders" in names  # a name's acronym stays


@pytest.mark.parametrize("text", [
    "Vessbro was bought by Tessing Partners for SEK 4.6bn in 2019.",  # a currency code after a name's 'for'
    "Vessbro was bought by Tessing Partners for CHF 800m.",
    "Tessing Partners of NOK 12bn fame paid for Vessbro.",
])
def test_a_figure_after_a_connector_is_no_part_of_the_name_before(text, nlp):
    assert "Tessing Partners" in {e["canonical"] for e in nlp(text)._.entities}


def test_the_buyer_of_a_passive_purchase_is_its_counterparty(nlp):
    from extractor.extract import extract_text
    claim = extract_text("Vessbro, which was bought by private equity firm Tessing Partners for SEK 4.6bn in 2019, "
                         "has struggled since.", nlp=nlp)[0]
    assert (claim.subject.canonical, claim.counterparty.canonical) == ("Vessbro", "Tessing Partners")


def test_a_figure_in_an_unknown_currency_is_no_name(nlp):
    """'Zq3.8bn' is capitalised but has the shape of a figure: 'the company' after it is the
    company named before, not the figure; names with digits ('A380', 'G7') stay names."""
    from extractor.extract import extract_text
    text = ("Analysts had expected a profit of Zq3.8bn at Orvask Holdings. "
            "Separately, the company was fined €45m by the Danish Competition Authority.")
    names = {e["canonical"] for e in nlp(text)._.entities}
    assert "Zq3.8bn" not in names
    assert extract_text(text, nlp=nlp)[-1].subject.canonical == "Orvask"
    assert {"A380", "G7"} <= {e["canonical"] for e in nlp("Halvern ordered the A380 before the G7 met.")._.entities}


@pytest.mark.parametrize("text, name", [
    ("Rival Sahyadri Auto last week posted a profit of $5m.", "Sahyadri Auto"),
    ("Shares in Tellan rose. Carmaker Vessbro Motors posted a profit of $5m.", "Vessbro Motors"),
    ("Bank Ostrava said profit rose to $5m.", "Bank Ostrava"),  # a word of names stays
    ("Lender Ostry Bank said so. Analysts rate Lender Ostry Bank highly.", "Lender Ostry Bank"),  # used mid-sentence
])
def test_a_description_that_opens_a_sentence_is_no_part_of_the_name(text, name, nlp):
    assert name in {e["canonical"] for e in nlp(text)._.entities}


def test_a_suffix_after_an_ampersand_leaves_no_ampersand(nlp):
    names = {e["canonical"] for e in nlp("Financing came from Morland Bank and Sauer & Co, it said. Harlow & Finch paid $5m.")._.entities}
    assert {"Sauer", "Harlow & Finch"} <= names and "Sauer &" not in names


@pytest.mark.parametrize("text, name", [
    ("Águas do Serrado said profit rose to R$5m.", "Águas do Serrado"),  # a capital of any script, 'do'
    ("The loan from Banco da Lagoa was R$2bn.", "Banco da Lagoa"),
    ("Škorpa Motors paid €5m.", "Škorpa Motors"),
])
def test_names_in_other_languages(text, name, nlp):
    assert name in {e["canonical"] for e in nlp(text)._.entities}


def test_for_joins_a_name_only_after_an_institutions_word(nlp):
    names = {e["canonical"] for e in nlp("The 8 times paid by rival Cadena Azul for Boticas Rey in 2024 was high. "
                                         "The Office for Harbour Statistics said so.")._.entities}
    assert {"Cadena Azul", "Boticas Rey", "Office for Harbour Statistics"} <= names
