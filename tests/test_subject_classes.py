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


# ---------------------------------------------------------------- sales, auctions, unnamed parties
def test_the_auction_winner_pays_for_the_thing_auctioned(nlp):
    text = ("The fate of Brisel - the oil firm sold to a little-known buyer on Sunday - is unclear. "
            "Varrow Finance emerged as the auction winner, agreeing to pay 90bn roubles. "
            "Brisel has been sold in haste.")
    assert _roles(text, nlp)["90bn roubles"] == ("Brisel", "Varrow Finance")


def test_an_unnamed_party_is_named_by_its_description(nlp):
    text = "Brisel was auctioned last week. In the end, the auction was won by an unknown shell company for $9bn."
    assert _roles(text, nlp)["$9bn"] == ("Brisel", "unknown shell company")
    text = "The regulator accused Tessin of illegally paying $2.1m to an unnamed agent in Morovia."
    assert _roles(text, nlp)["$2.1m"] == ("Tessin", "unnamed agent in Morovia")


def test_a_noun_after_the_figure_lets_its_verb_give_the_parties(nlp):
    text = "Varrow Oil will sue Brisel Finance and others involved in the sale of Quint for $20bn in damages."
    assert _roles(text, nlp)["$20bn"] == ("Varrow Oil", "Brisel Finance")


def test_a_settlement_is_paid_to_the_one_who_sued(nlp):
    text = ("Tessin agreed to pay $13m in penalties, as well as $15.5m to settle a civil lawsuit brought by the "
            "Tolland financial watchdog, the Tolland Securities Commission.")
    assert _roles(text, nlp)["$15.5m"] == ("Tessin", "Tolland Securities Commission")


def test_the_spelling_written_most_often_is_canonical(nlp):
    doc = nlp("Quintaroil was sold. Quinatroil fetched $5bn. Analysts said Quintaroil paid more. Quintaroil shares fell.")
    assert {e["canonical"] for e in doc._.entities} == {"Quintaroil"}


# ---------------------------------------------------------------- products, unit prices, makers
def test_a_unit_price_is_the_products(nlp):
    text = "Quorva plans to buy 20,000 Halvex's Z900 processors in a test order, which could cost about $20,000 per unit."
    assert _roles(text, nlp)["about $20,000 per unit"] == ("Halvex Z900", None)
    text = "Quorva plans to purchase 5,000 Z900 chips through test orders, with each unit priced at around $18,000."
    assert _roles(text, nlp)["around $18,000"][0] == "Z900"


def test_an_order_of_unnamed_aircraft_stays_the_buyers(nlp):
    text = "Skyreach Air has made a firm order for 30 of the aircraft, at $120m each."
    assert _roles(text, nlp)["$120m"][0] == "Skyreach Air"


def test_the_maker_of_what_is_bought_is_the_counterparty(nlp):
    roles = _roles("Quorva is preparing to buy about $5.6bn worth of Tessin Ascent chips in 2026.", nlp)
    assert roles["about $5.6bn"][0] == "Quorva" and roles["about $5.6bn"][1].startswith("Tessin")
    roles = _roles("Quorva plans to allocate approximately $5.6bn for Tessin Systems' Ascent 910 processors.", nlp)
    assert roles["approximately $5.6bn"] == ("Quorva", "Tessin Systems")


# ---------------------------------------------------------------- lists and joint figures
def test_one_figure_for_a_list_of_names_is_combined(nlp):
    text = "Halvex, Orrin, Pellworth and Quint have spent more than $300bn between them this year."
    assert _roles(text, nlp)["more than $300bn"][0] == "Halvex, Orrin, Pellworth and Quint combined"
    text = "Halvex (HLV), Orrin (ORN) and Quint (QNT) have collectively poured nearly $400bn into data centres."
    assert _roles(text, nlp)["nearly $400bn"][0] == "Halvex, Orrin and Quint combined"


def test_a_group_told_jointly_is_the_list_named_near_it(nlp):
    text = ("Quorva lags far behind its rivals, which collectively are expected to pour more than $300bn into "
            "data centres this year. They include Halvex, Orrin, Pellworth and Quint.")
    assert _roles(text, nlp)["more than $300bn"][0] == "Halvex, Orrin, Pellworth and Quint combined"


def test_each_keeps_a_list_apart(nlp):
    text = "Halvex and Orrin each paid $5m."
    assert "combined" not in _roles(text, nlp)["$5m"][0]


# ---------------------------------------------------------------- markets, bodies, governments
def test_figures_a_trade_body_publishes_are_the_markets(nlp):
    text = ("Figures show a slowdown in the Norwegian housing market.\n\n"
            "The Council of Fjord Lenders (CFL) said lending was slowing. Data from the CFL showed lending fell to "
            "just over £25bn in November, from £25.5bn a year earlier.")
    roles = _roles(text, nlp)
    assert roles["just over £25bn"][0] == roles["£25.5bn"][0] == "Norwegian housing market"


def test_a_month_possessive_after_to_is_a_date(nlp):
    names = _names("Lending rose by £4m in November, compared to October's £4.29m.", nlp)
    assert "October" not in names


def test_a_named_administration_is_a_government(nlp):
    text = ("Quorva ordered chips. Valued at roughly $400m, this initial batch is a bridge following the Varga administration's "
            "waiver on sales.")
    assert _roles(text, nlp)["roughly $400m"][0] == "Quorva"


def test_legal_form_suffixes_go_brand_words_stay(nlp):
    doc = nlp("Meta Inc. and Alphabet Inc. rose. News Corp fell.")
    assert {e["canonical"] for e in doc._.entities} == {"Meta", "Alphabet", "News Corp"}


# ---------------------------------------------------------------- orders, contracts, parties named by a preposition
def test_a_deal_that_could_be_worth_belongs_to_the_clause_that_tells_it(nlp):
    text = "Fendal is to supply Skyreach Air with up to 50 jets in a deal that could be worth as much as $6bn."
    assert _roles(text, nlp)["as much as $6bn"] == ("Skyreach Air", "Fendal")


def test_the_client_who_revokes_a_contract_is_the_counterparty(nlp):
    text = "The Tolland Commission subsequently revoked $1bn worth of contracts assigned to Fendal."
    assert _roles(text, nlp)["$1bn"] == ("Fendal", "Tolland Commission")


def test_a_party_named_by_a_preposition_is_not_the_subject(nlp):
    text = "Varrow considered floating Quint but opted to sell a minority stake to Italian bank Brisel for 775m euros."
    subject, other = _roles(text, nlp)["775m euros"]
    assert other == "Brisel" and subject != "Brisel"


def test_a_fine_for_hiring_is_no_purchase_of_the_hired(nlp):
    text = "A former officer at Fendal has received a fine of $250,000 for illegally hiring a Tolland Commission aide."
    assert "bought_after_figure" not in {c.decided_by["subject"].rule.split(".")[1]
                                         for c in extract_text(text, nlp=nlp) if "subject" in c.decided_by}


def test_an_introductory_place_is_no_list_item(nlp):
    text = "Steel shares fell. In Europe, Arcelux shed 2.1% to 17.58 euros in Paris. In London, Corvan fell to 55p."
    roles = _roles(text, nlp)
    assert roles["17.58 euros"][0] == "Arcelux" and roles["55p"][0] == "Corvan"


def test_a_pronoun_owner_of_an_asset_pays_what_its_sale_pays(nlp):
    text = ("Harwick has said a court will decide on the auction. The Norwegian authorities are forcing the sale of "
            "the firm's most lucrative asset Brisel to help pay a $4bn back tax bill.")
    assert _roles(text, nlp)["$4bn"][0] == "Harwick"


def test_the_figure_does_not_hide_the_light_verb_of_a_claim(nlp):
    text = "Harwick asked the court to order arbitration so that it can press claims for billions of dollars in damages."
    assert _roles(text, nlp)["billions of dollars"][0] == "Harwick"


def test_a_source_that_speaks_of_a_court_is_no_reporter(nlp):
    text = ("Harwick has said a US court will decide whether to block the auction. "
            "The firm has filed for protection to halt the sale of its unit for $5bn.")
    assert _roles(text, nlp)["$5bn"][0] == "Harwick"


def test_an_order_that_names_no_seller_goes_to_the_documents_supplier(nlp):
    text = ("Fendal is to supply Skyreach Air with up to 50 jets in a deal that could be worth $6bn. "
            "Skyreach Air has made a firm order for 30 of the aircraft, at $120m each.")
    assert _roles(text, nlp)["$120m"] == ("Skyreach Air", "Fendal")
    text = ("Fendal is to supply Skyreach Air with up to 50 jets in a deal worth $6bn. "
            "Skyreach Air has made a firm order with Orrin for 30 of its jets at $120m each.")
    assert _roles(text, nlp)["$120m"][1] == "Orrin"


def test_the_buyer_of_a_thing_is_who_the_document_says_bought_it(nlp):
    text = ("Varrow Finance bought Brisel for $9bn at the auction. "
            "Harwick intends to seek $20bn in damages from the buyer of Brisel.")
    assert _roles(text, nlp)["$20bn"] == ("Harwick", "Varrow Finance")


def test_a_seller_does_not_sell_itself(nlp):
    text = ("Brisel was auctioned on Sunday and bought by Varrow. A few days later, Varrow gave control of the "
            "company to Orrin Oil for $9.3bn.")
    assert _roles(text, nlp)["$9.3bn"] == ("Brisel", "Orrin Oil")


def test_a_loan_that_a_name_secured_is_that_names(nlp):
    text = "Harwick has asked Orrin to repay a $900m loan that Brisel had secured on its assets."
    assert _roles(text, nlp)["$900m"][0] == "Brisel"


def test_a_price_per_barrel_is_the_commoditys(nlp):
    text = 'Currently above $40 a barrel, he said: "The price of oil will be well supported above $30 a barrel."'
    roles = _roles(text, nlp)
    assert roles["above $40 a barrel"][0] == roles["above $30 a barrel"][0] == "crude oil"


def test_shares_in_a_name_price_that_name(nlp):
    text = "Orrin Bank reported a loss. At 1405 GMT, shares in Kessick were trading down 0.67% at 590 pence."
    assert _roles(text, nlp)["590 pence"][0] == "Kessick"


def test_fraud_is_the_defrauded_firms_the_accused_is_the_counterparty(nlp):
    text = "Former Quint boss Ian Morrow was directly involved in the $11bn financial fraud at Quint, a court heard."
    assert _roles(text, nlp)["$11bn"] == ("Quint", "Ian Morrow")
    text = ("It will coincide with the retrial of former Tessin Holdings chief Ola Berg, accused of looting the "
            "industrial conglomerate to the tune of $600m.")
    assert _roles(text, nlp)["$600m"] == ("Tessin", "Ola Berg")  # "Holdings" is a corporate suffix


def test_a_description_may_stand_for_a_name_before_it_in_its_sentence(nlp):
    text = "Shares in Orrin fell sharply after the company warned that costs would rise by $40m."
    assert _roles(text, nlp)["$40m"][0] == "Orrin"


# ---------------------------------------------------------------- people: given names and he / she
def _labels(text, nlp):
    return {e["text"]: e["label"] for e in nlp(text)._.entities}


def test_a_given_name_makes_a_person_without_a_title(nlp):
    labels = _labels("Dana Kirsch met Torvel Group and Grant Partners in Oslo; George W Bush was there.", nlp)
    assert labels["Dana Kirsch"] == "PERSON" and labels["George W Bush"] == "PERSON"
    assert labels["Torvel Group"] == "ORG" and labels["Grant Partners"] == "ORG"  # a company word blocks it


def test_a_place_or_month_first_is_no_given_name(nlp):
    labels = _labels("Shares in May Department Stores rose while China Eastern fell.", nlp)
    assert labels.get("May Department Stores") != "PERSON" and labels.get("China Eastern") != "PERSON"


@pytest.mark.parametrize("text, mention, buyer", [
    ("Should the bid succeed, Mr Harlow said he expected to pay up to £2.5m for the remaining shares in Kestrel "
     "Athletic.", "up to £2.5m", "Harlow"),
    ("Mr Olsen met Jane Pike. Later she paid £4m for Trevor Athletic.", "£4m", "Jane Pike"),  # her gender, not his
    ("Jane Pike met Mr Olsen. He said he had paid £4m for Trevor Athletic.", "£4m", "Olsen"),
])
def test_he_or_she_stands_for_the_person_named_before(text, mention, buyer, nlp):
    subject, other = _roles(text, nlp)[mention]
    assert other == buyer and subject != buyer


def test_a_person_a_pronoun_stands_for_is_never_the_subject(nlp):
    text = "Brian Ostrow owns most of Welby Rovers. He said he would pay £3m for the shares he does not own."
    subject, other = _roles(text, nlp)["£3m"]
    assert other == "Brian Ostrow" and subject != "Brian Ostrow"


# ---------------------------------------------------------------- places in descriptions, one transaction
@pytest.mark.parametrize("text, payer", [
    ("Fenmore, Italy's largest employer, ended its alliance with Haldane Motors. The US firm agreed to pay $2bn "
     "to exit the agreement.", "Haldane Motors"),  # Fenmore is placed elsewhere: not 'the US firm'
    ("Italian carmaker Fenmore ended its alliance with Haldane Motors. The US firm agreed to pay $2bn to exit the "
     "agreement.", "Haldane Motors"),
    ("Fenmore ended its alliance with Haldane Motors. The German firm agreed to pay $2bn to exit the agreement.",
     "Fenmore"),  # nothing places either: the subject of the sentence before
])
def test_a_description_with_a_place_fits_no_company_placed_elsewhere(text, payer, nlp):
    assert _roles(text, nlp)["$2bn"][0] == payer


def test_one_amount_between_two_parties_is_one_transaction(nlp):
    text = ("Torvik said Fenmore would restructure after reaching a $2bn (£1.05bn) settlement with Haldane Motors. "
            "Haldane agreed to pay $2bn to leave the agreement.")
    claims = extract_text(text, nlp=nlp)
    roles = [(c.mention, c.subject.canonical, c.counterparty.canonical if c.counterparty else None) for c in claims]
    assert roles == [("$2bn", "Haldane Motors", "Fenmore"), ("£1.05bn", "Haldane Motors", "Fenmore"),
                     ("$2bn", "Haldane Motors", "Fenmore")]  # the verb says who pays; the noun left it open
    assert claims[0].decided_by["subject"].rule == "subject.one_transaction"


def test_another_amount_is_another_transaction(nlp):
    text = "Fenmore reached a $2bn settlement with Haldane Motors. Haldane agreed to pay $3bn for Orvel."
    assert _roles(text, nlp)["$2bn"] == ("Fenmore", "Haldane Motors")


@pytest.mark.parametrize("text, mention, subject", [
    ("Profits at Denholm rose to $310m last year, while Yarrow made $20m.", "$310m", "Denholm"),
    ("Sales at the Denholm chain reached $310m.", "$310m", "Denholm"),
    ("The fourth-quarter losses at Corvane Europe totalled $345m, its parent Corvane said.", "$345m", "Corvane Europe"),
])
def test_a_measure_at_a_company_is_that_companys(text, mention, subject, nlp):
    assert _roles(text, nlp)[mention][0] == subject


@pytest.mark.parametrize("text, mention, subject", [
    ("Market expectations of £42m were beaten by Corland.", "£42m", "Corland"),
    ("Targets were beaten by Corland, which made £45m.", "£45m", "Corland"),
    ("Forecasts were raised for Corland, which has made about £45m this year.", "about £45m", "Corland"),
])
def test_a_figure_with_no_subject_takes_the_passive_doer_or_the_relative_clause_antecedent(text, mention, subject, nlp):
    assert _roles(text, nlp)[mention] == (subject, None)


def test_a_place_after_a_passive_verb_is_no_doer(nlp):
    text = "Dunmore Foods sells snacks. Sales of £3m were driven by Asia."
    assert _roles(text, nlp)["£3m"][0] == "Dunmore Foods"


@pytest.mark.parametrize("text, mention", [
    ("The regulator highlighted a £12m shortfall at Pellow, the watchdog said.", "£12m"),
    ("Investors fear a $300m writedown at the Pellow group.", "$300m"),
])
def test_a_figure_with_no_subject_measures_the_company_after_its_noun_and_at(text, mention, nlp):
    assert _roles(text, nlp)[mention][0] == "Pellow"


# ---------------------------------------------------------------- a name after 'with' or 'to' is a party only in a deal
@pytest.mark.parametrize("text, mention", [
    ("Harlan Tech will spend $23 billion in 2026 to close the gap with Corvex.", "$23 billion"),
    ("Harlan Tech budgeted $12bn for processors despite doubts over its access to Corvex chips.", "$12bn"),
    ("Harlan Tech raised its budget to $30bn, a rise from its earlier plans.", "$30bn"),
    ("Harlan Tech will spend $30bn on chips, according to sources cited by the Daily Ledger.", "$30bn"),
])
def test_no_other_party_outside_a_deal_a_possessive_or_a_source(text, mention, nlp):
    assert _roles(text, nlp)[mention] == ("Harlan Tech", None)


def test_a_deal_with_a_company_names_the_other_party(nlp):
    text = "The Tolland Securities Commission agreed a deal totalling $75m with Brisco Funds."
    assert _roles(text, nlp)["$75m"] == ("Brisco Funds", "Tolland Securities Commission")


@pytest.mark.parametrize("text, place", [
    ("As the Ledger reported, Denmark's Halvorsen Holdings came over the top with £3.3bn.", "Denmark"),
    ("Its largest shareholder, Poland's Brenmark Capital, will sell shares worth €250m.", "Poland"),
])
def test_a_country_is_a_place_not_a_party(text, place, nlp):
    """Countries (rules/countries.json, from CLDR) are places: a country's company is the party."""
    assert _labels(text, nlp)[place] == "GPE"
    assert extract_text(text, nlp=nlp)[0].subject.canonical != place


def test_who_hears_a_statement_is_no_antecedent_of_the_company(nlp):
    """'... told the Ledger. The company was valued at ...': the paper that heard the chief
    executive is not the company."""
    text = ("Dutch firm Quillon Payments set a price range on Tuesday. \"We are ready,\" Chief Executive Joost "
            "Verhaegen told the Ledger. The company was valued at €1.3 billion in a 2023 funding round.")
    assert extract_text(text, nlp=nlp)[0].subject.canonical == "Quillon Payments"


def test_a_figure_told_again_takes_the_parties_decided_before(nlp):
    """'The claim ... seeks €1.2bn': no frame names the claimant here; the same amount was
    decided a sentence before (Aldane claims from Oberlin)."""
    text = ("Hartwell Foods wrote to investors on Monday. Hartwell Foods buys glue. Aldane Packaging has filed a €1.2bn "
            "damages claim against Oberlin Chemie. The claim, lodged on 17 November, seeks €1.2bn in overcharges.")
    last = extract_text(text, nlp=nlp)[-1]
    assert (last.subject.canonical, last.counterparty.canonical) == ("Aldane Packaging", "Oberlin Chemie")
    assert last.decided_by["subject"].rule == "subject.told_again"


def test_a_figure_told_again_takes_the_other_party_named_once(nlp):
    """'Lumora raises $40m' (a headline naming no investor) is the $40m the body says came from
    investors led by Sable Ridge."""
    text = ("Lumora Health raises $40m to grow\n\nLumora Health has raised $40m in a funding round from investors "
            "led by Sable Ridge Ventures.")
    head = extract_text(text, nlp=nlp)[0]
    assert (head.subject.canonical, head.counterparty.canonical) == ("Lumora Health", "Sable Ridge Ventures")
    assert head.decided_by["counterparty"].rule == "counterparty.told_again"


def test_a_named_other_party_replaces_the_one_a_frame_implies(nlp):
    """'Regulator fines Tellan €310m' implies the document's regulator, which would be the one it
    names most (here a tie, the later one); the body names who fined Tellan €310m."""
    text = ("Regulator fines Tellan Bank €310m\n\nThe Dorran Banking Board has fined Tellan Bank €310m for "
            "lapses. It follows a £95m fine the Harland Conduct Authority gave Ostry Bank in March.")
    head = extract_text(text, nlp=nlp)[0]
    assert (head.subject.canonical, head.counterparty.canonical) == ("Tellan Bank", "Dorran Banking Board")


def test_an_offer_figure_is_about_what_its_bidder_bids_for(nlp):
    """'Calloway raised its offer for Northway to 420p' makes Calloway a bidder for Northway: a
    later figure next to an offer word that only the sentence's subject gave Calloway is
    Northway's, Calloway the other party."""
    text = ("Calloway Brands raised its offer for Northway Brewing to 420p a share on Wednesday.\n\n"
            "Calloway Brands is said to be readying a 445p final offer.")
    last = extract_text(text, nlp=nlp)[-1]
    assert (last.subject.canonical, last.counterparty.canonical) == ("Northway Brewing", "Calloway Brands")
    assert last.decided_by["subject"].rule == "subject.bid_target"


def test_a_bidders_payment_per_share_buys_the_target_and_its_conversion_follows(nlp):
    text = ("Calloway Brands raised its offer for Northway Brewing to £3.2bn on Wednesday.\n\n"
            "Calloway Brands will pay 430p a share ($5.40) in cash, it said.")
    roles = {c.mention: (c.subject.canonical, c.counterparty.canonical) for c in extract_text(text, nlp=nlp)}
    assert roles["430p a share"] == ("Northway Brewing", "Calloway Brands")
    assert roles["$5.40"] == ("Northway Brewing", "Calloway Brands")


def test_who_polled_the_source_is_no_antecedent_of_the_bank(nlp):
    text = ("The Bank of Harwick raised rates. Economists polled by the Ledger had expected it to buy $3.8bn of "
            "bonds. Governor Ada Lum said the bank's holdings, worth about $560bn, would shrink.")
    assert extract_text(text, nlp=nlp)[-1].subject.canonical == "Bank of Harwick"


def test_a_price_per_tonne_is_the_commodity_named_nearest_before_it(nlp):
    text = "Copper hit a record. Aluminium rose 1% to $2,745 a tonne and zinc added 0.4% to $3,120 a tonne."
    assert [c.subject.canonical for c in extract_text(text, nlp=nlp)] == ["aluminium", "zinc"]


def test_a_specific_description_keeps_the_name_it_last_stood_for(nlp):
    """'the start-up' stood for Tessmark in its first sentence; later it is still Tessmark, not
    the customer named in between, and 'It' after a sentence the description opens is Tessmark too."""
    text = ("Tessmark Robotics raised $250m, valuing the start-up at $2.1bn. "
            "Tessmark won a $120m contract from Halvern Freight last year. Halvern will pay a further $35m. "
            "The start-up's revenue doubled to $88m in 2025. It expects revenue of $150m this year.")
    roles = _roles(text, nlp)
    assert roles["$88m"][0] == "Tessmark Robotics" and roles["$150m"][0] == "Tessmark Robotics"
    assert roles["$35m"][0] == "Halvern Freight"


def test_a_company_whose_officer_speaks_stands_for_the_company_after(nlp):
    """'Vessbro's chief executive, Ana Lind, said the company would invest ...': the company is
    Vessbro, not the lender of the sentence before; a newspaper that speaks stands for nothing."""
    text = ("Tessin Bank approved a $400m loan for Vessbro Water. Vessbro Water's chief executive, Ana Lind, said the "
            "company would invest $1.2bn over ten years.")
    assert _roles(text, nlp)["$1.2bn"][0] == "Vessbro Water"
    text = ("Tessin Bank approved a $400m loan for Vessbro Water. The Harwick Ledger said the company would lose $3m.")
    assert _roles(text, nlp)["$3m"][0] != "Harwick Ledger"


def test_a_group_that_owns_the_measured_noun_is_the_subject(nlp):
    """'The watchdog put the suppliers' total losses at about 1.1 trillion won': the suppliers'."""
    text = "Tellan was fined $5m. The watchdog put the suppliers' total losses at about 1.1 trillion won."
    assert _roles(text, nlp)["about 1.1 trillion won"][0] == "suppliers"


def test_a_place_of_trading_stands_for_no_description(nlp):
    """'The shares rose to R187.50 on the JSE, valuing the group at R52bn': the group is the
    company of the article, not the exchange named after 'on'."""
    text = "Tellan Retail lifted its dividend. The shares rose 4.2% to R187.50 on the JSE, valuing the group at R52bn."
    assert _roles(text, nlp)["R52bn"][0] == "Tellan Retail"


def test_a_possessive_description_before_an_apposed_name_leads_to_the_name(nlp):
    text = ("Regulators fined Tellan Corp. The commission also fined the company's chipmaking unit, Tellan Semicon, "
            "38.2 billion won.")
    assert _roles(text, nlp)["38.2 billion won"][0] == "Tellan Semicon"


def test_a_settlement_paid_to_no_one_named_goes_to_the_body_that_says_it(nlp):
    text = ("Crédit Halvern agreed to pay $640 million to settle US charges, the US Justice Department said. "
            "Tellan will pay $5m to settle the claims, the High Court said.")
    roles = _roles(text, nlp)
    assert roles["$640 million"] == ("Crédit Halvern", "US Justice Department")
    assert roles["$5m"][1] is None  # a court judges, it is paid nothing


def test_each_figure_of_a_coordination_takes_its_own_receiver(nlp):
    text = ("Crédit Halvern will pay $420 million to the Justice Department and $220 million to the Treasury's "
            "Office of Foreign Assets Control.")
    roles = _roles(text, nlp)
    assert roles["$420 million"][1] == "Justice Department" and roles["$220 million"][1] == "Office of Foreign Assets Control"
