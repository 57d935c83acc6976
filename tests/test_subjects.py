"""claims_entities + claims_subjects: which name a figure is about, and the other party."""
from __future__ import annotations

import pytest

from extractor.extract import extract_text


def _subjects(text, nlp):
    return {c.mention: (c.subject.canonical if c.subject else None,
                        c.counterparty.canonical if c.counterparty else None) for c in extract_text(text, nlp=nlp)}


@pytest.mark.parametrize("text,mention,subject", [
    # the clause subject
    ("Qantas made a profit of A$458m in the half.", "A$458m", "Qantas"),
    # the possessor of the measured thing
    ("Analysts praised Qantas's net profit of A$458m.", "A$458m", "Qantas"),
    # the thing sold in a sale, not the buyer
    ("US retail giant Federated Department Stores is to buy rival May Department Stores for $11bn.", "$11bn",
     "May Department Stores"),
    ("Baikal paid 260.75bn roubles for Yugansk.", "260.75bn roubles", "Yugansk"),
    ("The group agreed a $5.4bn Fox offer.", "$5.4bn", "Fox"),
    ("Former long-distance giant AT&T was bought by SBC for $16bn.", "$16bn", "AT&T"),
    # a nationality or a country describing a company is not the subject
    ("The US giant Ford earned $630m in the quarter.", "$630m", "Ford"),
    ("Australian brewer Fosters paid A$846m.", "A$846m", "Fosters"),
    # a source speaking of itself
    ("Munich Re said that its exposure is less than 100m euros.", "less than 100m euros", "Munich Re"),
    # a regulator's settlement is about the company on the other side
    ("The SEC agreed a deal totalling $375m with Banc of America Capital Management.", "$375m",
     "Banc of America Capital Management"),
])
def test_subject_rules(text, mention, subject, nlp):
    assert _subjects(text, nlp)[mention][0] == subject


def test_generic_reference_and_continuation_use_the_entity_in_play(nlp):
    text = ("Shares in Tesco rose on Tuesday.\n\n"
            "Tesco made a profit of £198m. The company also cut its debt to £160m.")
    subjects = _subjects(text, nlp)
    assert subjects["£198m"][0] == "Tesco"
    assert subjects["£160m"][0] == "Tesco"


def test_headline_figure_falls_back_to_the_main_entity(nlp):
    text = ("US bank in $515m settlement\n\n"
            "Bank of America has agreed to pay $515m to settle an investigation. "
            "Bank of America said the payment would not hurt results.")
    subjects = [c.subject.canonical for c in extract_text(text, nlp=nlp)]
    assert subjects == ["Bank of America", "Bank of America"]


def test_in_a_sale_the_buyer_is_the_counterparty(nlp):
    subjects = _subjects("The Wall Street Journal reported that Qwest has bid $6.3bn for MCI.", nlp)
    assert subjects["$6.3bn"] == ("MCI", "Qwest")
    subjects = _subjects("Federated Department Stores is to buy rival May Department Stores for $11bn.", nlp)
    assert subjects["$11bn"] == ("May Department Stores", "Federated Department Stores")


def test_counterparty_is_the_seller(nlp):
    text = "ByteDance is planning to purchase over CNY 400 billion of Ascend AI chips from Huawei in 2026."
    assert _subjects(text, nlp)["over CNY 400 billion"] == ("ByteDance", "Huawei")


def test_names_are_canonical_within_a_document(nlp):
    text = ("General Motors made $1bn last year. GM said Worldcom owed it $5m. WorldCom disputes the sum.\n\n"
            "Bytedance spent $2bn. ByteDance's rivals spent $1bn.")
    doc = nlp(text)
    canon = {e["text"]: e["canonical"] for e in doc._.entities}
    assert canon["GM"] == "General Motors"
    assert canon["Worldcom"] == canon["WorldCom"]
    assert canon["Bytedance"] == "ByteDance"
    doc = nlp("Shares in eBay rose. EBay said News Corp paid $1bn, and News Corporation agreed.")
    canon = {e["text"]: e["canonical"] for e in doc._.entities}
    assert canon["EBay"] == "eBay"
    assert canon["News Corp"] == "News Corp"  # not "News": a suffix stays when the rest is a common word
    doc = nlp("Tesla will spend $10bn. Tesla Inc said so. Nvidia, which supplies Tesla, said its revenue rose to $22bn.")
    assert {e["canonical"] for e in doc._.entities} == {"Tesla", "Nvidia"}
    assert [c.subject.canonical for c in extract_text(doc.text, nlp=nlp)] == ["Tesla", "Nvidia"]


def test_sentence_initial_common_words_and_titled_people_are_not_subjects(nlp):
    text = "Shares in Acme rose. Mr Smith said Acme would pay $3m. Diversifying cost Acme $2m."
    doc = nlp(text)
    labels = {e["text"]: e["label"] for e in doc._.entities}
    assert "Shares" not in labels and "Diversifying" not in labels
    assert labels["Smith"] == "PERSON"
    assert {c.subject.canonical for c in extract_text(text, nlp=nlp)} == {"Acme"}


def test_the_parts_of_a_figure_are_about_what_the_figure_is_about(nlp):
    """'It was made up of $X and $Y': the pronoun is the deal of the sentence before, not the
    last name in subject position."""
    text = ("The SEC agreed a deal totalling $375m with Harlow Funds. "
            "It was made up of $250m to pay back trading gains, and $125m in penalties.")
    found = _subjects(text, nlp)
    assert found["$250m"][0] == found["$125m"][0] == found["$375m"][0] == "Harlow Funds"
    # a sentence that names its own subject is not a part of the figure before
    text = "The SEC agreed a deal totalling $375m with Harlow Funds. Birch Capital paid $90m."
    assert _subjects(text, nlp)["$90m"][0] == "Birch Capital"


def test_an_owners_unit_stands_for_the_one_unit_the_article_names(nlp):
    text = ("Tarvik unit fetches $4bn at auction\n\n"
            "Tarvik Oil's main production unit Norvikneftegas was sold for $4.1bn on Sunday to Kestrel Finance.")
    assert _subjects(text, nlp)["$4bn"][0] == "Norvikneftegas"
    # an owner of two units named: the description stays the owner's
    text = ("Tarvik unit fetches $4bn at auction\n\n"
            "Tarvik Oil's unit Norvikneftegas and Tarvik Oil's unit Samtrel were both put up for sale.")
    assert _subjects(text, nlp)["$4bn"][0] != "Norvikneftegas"


def test_a_figure_told_again_keeps_its_parties(nlp):
    """'The $5.6bn commitment, detailed in a report by X': the figure of the same amount told before, not X's."""
    text = ("Velmora plans to spend approximately $5.6 billion on Trenix's Quasar processors in 2026. "
            "The $5.6 billion commitment, detailed in a report by Ledgerline, shows how Velmora is changing suppliers.")
    first, again = extract_text(text, nlp=nlp)
    assert (again.subject.canonical, again.counterparty.canonical) == (first.subject.canonical, first.counterparty.canonical)
    assert again.decided_by["subject"].rule == "subject.restated"
    assert again.decided_by["subject"].evidence == first.mention
    # another amount, or one not introduced by a determiner, is decided on its own
    other = extract_text("Velmora plans $5.6 billion for chips. Ledgerline said $5.6 billion was Ledgerline's own budget.",
                         nlp=nlp)[1]
    assert other.decided_by["subject"].rule != "subject.restated"


@pytest.mark.parametrize("text", [
    "Tellan Group is buying Brisco. The combined firm will have sales of $9bn.",
    "Tellan Group's takeover of rival Brisco was approved. The enlarged group will have sales of $9bn.",
    "Tellan Group and Brisco are merging. The combined firm will have sales of $9bn.",
])
def test_the_combined_firm_is_the_two_a_deal_joins(text, nlp):
    assert extract_text(text, nlp=nlp)[0].subject.canonical == "Tellan and Brisco combined"


def test_a_combined_subject_names_each_item_by_the_short_form_the_text_gives_it(nlp):
    text = ("Ostvik Marine Insurance and Harada Fire & General agreed to merge, creating a group with combined "
            "premiums of about ¥6.8 trillion. Harada shares rose, Ostvik said.")
    assert extract_text(text, nlp=nlp)[0].subject.canonical == "Ostvik and Harada combined"
    text = "Ostvik Marine Insurance and Harada Fire & General have combined premiums of about ¥6.8 trillion."
    assert extract_text(text, nlp=nlp)[0].subject.canonical == (
        "Ostvik Marine Insurance and Harada Fire & General combined")  # no short form written: the full names


def test_a_headline_figure_takes_the_parties_the_body_gives_it(nlp):
    text = ("Brewer's owner buys rival for $4bn\n\n"
            "Dutch group Tellan Holdings is to buy rival Brisco Breweries for $4bn, the companies said.")
    headline, body = extract_text(text, nlp=nlp)[:2]
    assert (headline.subject.canonical, headline.counterparty.canonical) == ("Brisco Breweries", "Tellan")
    assert headline.decided_by["subject"].rule == "subject.headline_restated"
    assert headline.decided_by["subject"].start == body.start
    # a headline figure the body does not repeat keeps its own decision
    text = "Brewer's owner buys rival for $4bn\n\nDutch group Tellan Holdings is to buy rival Brisco Breweries."
    assert extract_text(text, nlp=nlp)[0].decided_by["subject"].rule != "subject.headline_restated"


def test_a_description_in_a_report_is_not_the_reporter(nlp):
    """'The Daily Ledger reported that Tellan valued the unit at £450m': the unit is no newspaper's."""
    claim = extract_text("The Daily Ledger reported that Tellan valued the unit at £450m.", nlp=nlp)[0]
    assert claim.subject.canonical != "Daily Ledger"


def test_a_government_no_country_names_is_still_no_company(nlp):
    claim = extract_text("Tellan Group makes steel. The government said it would spend £2bn on new roads.", nlp=nlp)[0]
    assert (claim.subject.canonical, claim.subject.label) == ("government", "GOV")


@pytest.mark.parametrize("text,subject", [
    ("The central bank has set aside $40bn to support lenders.", "central bank"),
    ("The city council will pay $40m for the land.", "city council"),
])
def test_a_public_body_described_is_no_company_named_before(text, subject, nlp):
    claim = extract_text(f"Halden Bank made a profit of $3bn. {text}", nlp=nlp)[1]
    assert (claim.subject.canonical, claim.subject.label) == (subject, "GOV")


def test_a_public_body_that_lends_to_a_party_of_many_is_the_lender(nlp):
    claim = extract_text("Halden Bank made a profit of $3bn. The central bank lent $40bn to lenders.", nlp=nlp)[1]
    assert (claim.subject.canonical, claim.subject.label) == ("lenders", "GROUP")  # the borrower, as for a name
    assert (claim.counterparty.canonical, claim.counterparty.label) == ("central bank", "GOV")


@pytest.mark.parametrize("text", [
    "The government of Morvenia will spend €40bn on roads.",
    "The Morvenia government will spend €40bn on roads.",
])
def test_a_government_of_a_named_country_is_that_countrys(text, nlp):
    claim = extract_text(f"Tellan Group makes steel. {text}", nlp=nlp)[0]
    assert (claim.subject.canonical, claim.subject.label) == ("Morvenia government", "GOV")


@pytest.mark.parametrize("text,subject", [
    ("Tellan Group reported strong results. The carmakers lost a combined $3bn last year.", "carmakers"),
    ("Tellan Group makes steel. Meanwhile, Japanese investors poured $20bn into US bonds in January.", "Japanese investors"),
    ("Tellan Group makes steel. US consumers spent $8bn on toys over Christmas.", "US consumers"),
    ("Tellan Group makes steel. The two banks will pay $300m to settle the case.", "two banks"),  # counted
])
def test_a_group_is_its_own_subject_not_the_main_entity(text, subject, nlp):
    claim = extract_text(text, nlp=nlp)[0]
    assert (claim.subject.canonical, claim.subject.label) == (subject, "GROUP")


@pytest.mark.parametrize("text", [
    "Tellan Group's chief executive, Anna Voss, said the firm would invest $500m in new stores.",
    "Anna Voss, Tellan Group's chief executive, said the firm would invest $500m in new stores.",
    "Its lawyer, Hugh Marsh, told the court that Tellan Group had claimed it had moved $27m into a bank account.",
    "Oriel Vantress, the chief executive of Tellan Group, said the firm would invest $500m in new stores.",
    "Oriel Vantress, a director at Tellan Group, said the firm would invest $500m in new stores.",
])
def test_a_person_in_apposition_to_a_title_is_no_company(text, nlp):
    """A name beside a title ('chief executive, Anna Voss', 'Anna Voss, Tellan's chief executive') is a
    person: 'the firm' and 'it' stand for the company."""
    assert extract_text(text, nlp=nlp)[0].subject.canonical == "Tellan"


@pytest.mark.parametrize("text", [
    "Harrow's sales reached £3bn in 2004, analysts at Ledger Bank estimated.",
    "Harrow's sales reached £3bn in 2004, according to analysts at Ledger Bank.",
    "Analysts at Ledger Bank estimated that Harrow's sales reached £3bn in 2004.",
])
def test_a_source_at_a_named_bank_is_named_not_resolved(text, nlp):
    """'analysts at Ledger Bank': 'Bank' is part of a name here, not 'the bank' standing for someone
    before; the employer names the source, the person word its type."""
    claim = extract_text(text, nlp=nlp)[0]
    assert (claim.attribution.source, claim.attribution.source_type) == ("Ledger Bank", "analyst")


def test_a_company_that_says_something_of_another_stays_the_antecedent_of_it(nlp):
    """'Vestrel said Lumora's kits copied its design. It is also asking ...': a company speaks
    for itself; only an outlet, or a source that reports ('reported that'), reports on another."""
    from extractor.extract import extract_text
    said = extract_text("In a complaint, Kelvar said Noxley's kits used its design. "
                        "It is also asking for a royalty of $4 on every kit sold.", nlp=nlp)
    assert said[0].subject.canonical == "Kelvar"
    reported = extract_text("The Harbour Ledger reported that Kelvar had bought Noxley. The company paid $5m.", nlp=nlp)
    assert reported[0].subject.canonical == "Kelvar"


def test_a_settlement_of_the_dispute_a_document_tells_is_what_the_defendant_pays(nlp):
    from extractor.extract import extract_text
    text = ("Kelvar Diagnostics is seeking $75m in damages from Noxley Health. Ann Pryce, a partner at "
            "law firm Dray & Hollis, said a settlement in the range of $10m to $25m would be typical.")
    claims = {c.mention: c for c in extract_text(text, nlp=nlp)}
    settled = claims["$10m to $25m"]
    assert (settled.subject.canonical, settled.counterparty.canonical) == ("Noxley Health", "Kelvar Diagnostics")
    assert settled.decided_by["subject"].rule == "subject.dispute"


@pytest.mark.parametrize("second", [
    "The jury awarded Varlo $310m in damages in March 2026.",
    "A jury ordered Kestrel Labs to pay $310m in damages on Friday.",
])
def test_damages_awarded_in_the_dispute_are_what_the_defendant_pays_the_claimant(second, nlp):
    from extractor.extract import extract_text
    claims = {c.mention: c for c in extract_text("Varlo is suing Kestrel Labs for $500m. " + second, nlp=nlp)}
    awarded = claims["$310m"]
    assert (awarded.subject.canonical, awarded.counterparty.canonical) == ("Kestrel Labs", "Varlo")


def test_an_amount_a_frame_decided_keeps_its_parties_when_a_speaker_states_it_again(nlp):
    from extractor.extract import extract_text
    text = ("Orbel Foods has made a £2.4bn bid for Tansy & Webb. "
            '"A price of £2.4bn looks light," said Tom Greer, a fund manager at Wexley Asset Management.')
    first, again = extract_text(text, nlp=nlp)
    assert (again.subject.canonical, again.counterparty.canonical) == ("Tansy & Webb", "Orbel Foods")
    assert again.decided_by["subject"].rule == "subject.told_again"


def test_a_bidders_price_a_share_is_for_the_targets_shares_but_not_its_own_earnings(nlp):
    from extractor.extract import extract_text
    text = ("Orbel Foods has made a £2.4bn bid for Tansy & Webb. Orbel's earlier proposal of 275p a share was "
            "rejected. Orbel made earnings of 25p a share last year.")
    claims = {c.mention: c for c in extract_text(text, nlp=nlp)}
    assert (claims["275p a share"].subject.canonical, claims["275p a share"].counterparty.canonical) == (
        "Tansy & Webb", "Orbel Foods")
    assert claims["25p a share"].subject.canonical == "Orbel Foods"


def test_a_transaction_named_again_by_a_definite_noun_keeps_its_parties(nlp):
    from extractor.extract import extract_text
    text = "Norwell Power ordered 60 turbines from Kessick Wind for €900m. The order includes servicing worth €50m."
    servicing = {c.mention: c for c in extract_text(text, nlp=nlp)}["€50m"]
    assert (servicing.subject.canonical, servicing.counterparty.canonical) == ("Norwell Power", "Kessick Wind")
    assert servicing.decided_by["subject"].rule == "subject.same_transaction"


def test_a_region_named_with_its_noun_is_a_party_and_the_province_stands_for_it(nlp):
    text = ("The eastern province of Varlan will spend 480bn yuan on roads and railways, officials said. "
            "The province's fiscal revenue fell 4% to 310bn yuan last year.")
    subjects = {c.mention: c.subject.canonical if c.subject else None for c in extract_text(text, nlp=nlp)}
    assert subjects == {"480bn yuan": "Varlan", "310bn yuan": "Varlan"}


def test_the_province_with_no_region_named_stands_for_nothing(nlp):
    claims = extract_text("Acme Corp said the province would pay it $5m.", nlp=nlp)
    assert [c.subject.canonical for c in claims] == ["Acme"]


@pytest.mark.parametrize("text, subject", [
    ("Graham Ashdown, the bank's chief executive, said he would forgo his £1.1m annual bonus.", "Graham Ashdown"),
    ("Ms Ortega said she would give up her £400,000 salary.", "Ortega"),
])
def test_a_persons_possessive_before_a_figure_that_modifies_a_noun_makes_the_person_the_subject(text, subject, nlp):
    assert [c.subject.canonical for c in extract_text(text, nlp=nlp)] == [subject]


def test_a_person_pronoun_as_the_object_before_a_figure_is_no_possessor(nlp):
    claims = extract_text("Ms Ortega left Tessin Bank in May. The bank paid her £2m in compensation.", nlp=nlp)
    assert [c.decided_by["subject"].rule for c in claims if "subject" in c.decided_by] != ["subject.person_possessor"]


def test_a_claim_that_names_no_one_is_against_who_the_document_says_pays_the_claimant(nlp):
    text = "Pentrex Systems must pay Orvane Software $310m for infringing two patents, a jury ruled. Orvane had sought $900m."
    parties = {c.mention: (c.subject.canonical, c.counterparty.canonical if c.counterparty else None)
               for c in extract_text(text, nlp=nlp)}
    assert parties == {"$310m": ("Pentrex Systems", "Orvane Software"), "$900m": ("Orvane Software", "Pentrex Systems")}


def test_a_claim_with_no_payer_in_the_document_keeps_no_counterparty(nlp):
    claims = extract_text("Orvane Software had sought $900m. The verdict is due in May.", nlp=nlp)
    assert [(c.subject.canonical, c.counterparty) for c in claims] == [("Orvane Software", None)]


def test_the_bidder_stands_for_the_buyer_earlier_figures_named(nlp):
    text = ("Tarvin Foods is offering 310p a share for Mallow & Finch. "
            "The newspaper said the bidder had lined up a £1.5bn bridge loan from Stanmore Bank.")
    parties = {c.mention: (c.subject.canonical, c.counterparty.canonical if c.counterparty else None)
               for c in extract_text(text, nlp=nlp)}
    assert parties["£1.5bn"] == ("Tarvin Foods", "Stanmore Bank")


def test_the_bidder_with_no_buyer_named_before_stands_for_no_one(nlp):
    claims = extract_text("The bidder said it had lined up a £1.5bn loan.", nlp=nlp)
    assert [c.subject for c in claims] == [None]


def test_a_figure_in_the_relative_clause_of_a_name_that_speaks_is_that_names(nlp):
    claims = extract_text("Sorrel, which manages €40bn of assets, said the deal would close in 2026.", nlp=nlp)
    assert [(c.subject.canonical, c.decided_by["subject"].rule) for c in claims] == [("Sorrel", "subject.relative_antecedent")]


@pytest.mark.parametrize("text,subject", [
    # the nearest name that says it is of the reference's kind, before the sentence's subject
    ("Dravik hired Ostrel Bank to advise it on the deal. The bank will earn a fee of €5m.", "Ostrel Bank"),
    ("Ostrel Bank lent money to Dravik Motors in March. The carmaker earned €40m last year.", "Dravik Motors"),
    ("Ostrel Bank lent money to Dravik Motors in March. The bank earned €9m last year.", "Ostrel Bank"),
    ("Selmo Airways leased jets from Quarro Capital. The airline paid €90m in rent last year.", "Selmo Airways"),
    # a full stop ends a description's modifiers: 'the deal. The bank' is no reference to a deal
    ("Dravik Motors hired Ostrel Bank to advise it on the deal. The bank will earn a fee of €5m.", "Ostrel Bank"),
    # a reference whose kind no name has stands for no one: no fallback to the article's main name
    ("Dravik Motors cut 300 jobs in March. The bank earned €9m last year.", None),
    ("Dravik Motors cut 300 jobs in March. The company earned €9m last year.", "Dravik Motors"),
])
def test_a_reference_stands_for_a_name_of_its_kind(text, subject, nlp):
    assert [s for s, _ in _subjects(text, nlp).values()] == [subject]


@pytest.mark.parametrize("text,subject", [
    # a person's own sum: a personal verb between, or a personal noun beside the figure
    ("Ana Voss, the chief executive of Tellan Foods, received a bonus of £1.1m in 2025.", "Ana Voss"),
    ("Tellan Foods said its chief executive, Ana Voss, earned £3.2m last year.", "Ana Voss"),
    ("Mr Dale was fined £50,000 by the regulator.", "Dale"),
    ("Ana Voss took home a £2.4m pay package last year.", "Ana Voss"),
    # a company between the person and the figure, or a company's own figure: not the person's
    ("Mr Dale said Tellan Foods paid £2m for the site.", "Tellan Foods"),
    ("Ana Voss said Tellan Foods earned £30m last year.", "Tellan Foods"),
])
def test_a_person_is_the_subject_of_a_sum_of_their_own(text, subject, nlp):
    assert [s for s, _ in _subjects(text, nlp).values()] == [subject]


def test_a_country_possessor_after_a_counterparty_cue_describes_the_party(nlp):
    text = "Dorvan has agreed to pay $275 million upfront for the rights to a drug from China's Selwyn Bio."
    assert _subjects(text, nlp)["$275 million"] == ("Dorvan", "Selwyn Bio")
    assert _subjects("Dorvan will pay $2bn to China for the licence.", nlp)["$2bn"] == ("Dorvan", "China")


def test_a_rival_named_before_is_no_antecedent_of_the_group(nlp):
    text = ("Orsund Lines is the first carrier to report. Its Danish rival Kesterby Line publishes next week. "
            "Finance chief Ada Lum said the group would spend €4.6bn on new ships.")
    assert _subjects(text, nlp)["€4.6bn"][0] == "Orsund Lines"
    text = "Orsund Lines is the first carrier to report. Kesterby Line publishes next week. The group will spend €4.6bn."
    assert _subjects(text, nlp)["€4.6bn"][0] == "Kesterby Line"  # no rival: the nearest subject


@pytest.mark.parametrize("text,mention,counterparty", [
    # a party the text describes but does not name: the description, not the place in it
    ("Orvik was sold to a Chinese buyer for $2bn.", "$2bn", "Chinese buyer"),
    ("Harbury Rovers agreed to be sold to a US consortium led by Dale Mercer for £1.2bn.", "£1.2bn", "US consortium"),
    # a name after the description is the party
    ("Orvik was sold to a US consortium Tallis Group for $2bn.", "$2bn", "Tallis"),
])
def test_a_described_party_is_named_by_its_description(text, mention, counterparty, nlp):
    assert _subjects(text, nlp)[mention][1] == counterparty


def test_a_name_ends_where_a_figure_starts(nlp):
    text = "The Korea Fair Trade Commission fined Daesan Steel W45.2 billion and Hanbit Steel W31.8 billion for rigging bids."
    assert [s for s, _ in _subjects(text, nlp).values()] == ["Daesan Steel", "Hanbit Steel"]


def test_a_name_in_the_tail_of_a_postposed_source_is_no_other_party(nlp):
    text = "Under the deal, Dorvan will pay $275 million for the rights, Selwyn said in a filing to the Varco exchange."
    assert _subjects(text, nlp)["$275 million"] == ("Dorvan", None)


@pytest.mark.parametrize("second,subject", [
    ("Its rival Harwell made £800m.", "Harwell"),
    ("Its US unit Harwell made £800m.", "Harwell"),
    ("Under its three-year Fast Forward plan it had aimed to save £220m.", "Talbrook"),  # a plan's name is no party
])
def test_a_possessive_pronoun_before_a_kind_noun_and_a_name_owns_that_name(second, subject, nlp):
    claim = extract_text(f"Talbrook made a profit of £1.1bn. {second}", nlp=nlp)[1]
    assert claim.subject.canonical == subject


def test_a_counted_group_fined_is_the_payer_and_it_is_no_antecedent_of_it(nlp):
    fine = extract_text("The Ostland Commission fined three chipmakers a total of €1.1bn.", nlp=nlp)[0]
    assert (fine.subject.canonical, fine.counterparty.canonical) == ("three chipmakers", "Ostland Commission")
    loan = extract_text("Tarvo said 12 banks had lent it $2bn.", nlp=nlp)[0]
    assert (loan.subject.canonical, loan.counterparty.canonical) == ("Tarvo", "12 banks")


def test_who_hears_a_statement_is_not_its_subject(nlp):
    claim = extract_text("Tarvo told the Evening Courier it would spend $2bn.", nlp=nlp)[0]
    assert (claim.subject.canonical, claim.attribution.source) == ("Tarvo", "Tarvo")


def test_a_newspaper_a_figure_was_reported_by_is_not_its_subject(nlp):
    claim = extract_text("The £500m figure was first reported by the Evening Courier.", nlp=nlp)[0]
    assert claim.subject is None and claim.attribution.source_type == "media"


def test_an_analytics_firm_predicting_a_figure_is_not_its_subject(nlp):
    claim = extract_text("Revenue will reach $9bn by 2028, Grantham Analytics predicts.", nlp=nlp)[0]
    assert claim.subject is None and claim.attribution.source == "Grantham Analytics"


@pytest.mark.parametrize("region", ["North America and Southeast Asia", "Latin America", "the Middle East"])
def test_a_region_a_demand_is_in_is_no_subject(region, nlp):
    text = f"Kurosa Motor makes cars. Revenue rose to ¥4.3 trillion, helped by demand for hybrids in {region}."
    doc = nlp(text)
    assert {e["label"] for e in doc._.entities if e["canonical"] in region} <= {"LOC"}
    assert extract_text(text, nlp=nlp)[0].subject.canonical == "Kurosa Motor"


def test_it_after_a_government_of_a_country_in_its_sentence_is_that_government(nlp):
    text = ("Northwick Lithium said it would apply for up to C$400m in grants. "
            "The government of Morvenia said it would contribute a further C$1.5bn to such projects.")
    assert extract_text(text, nlp=nlp)[1].subject.canonical == "Morvenia government"


def test_a_reference_stands_for_a_name_described_by_a_synonym_not_a_product_code(nlp):
    text = ("Brazilian low-cost carrier Voarex Airlines has ordered 40 CV220 jets. Aviation consultancy Altimeta "
            "estimates the deal at $2.6bn. The airline, which operates 92 aircraft, reported net income of R$412m.")
    assert extract_text(text, nlp=nlp)[-1].subject.canonical == "Voarex Airlines"
    assert {e["canonical"]: e["label"] for e in nlp(text)._.entities}["CV220"] == "PRODUCT"


@pytest.mark.parametrize("text, subject", [
    # a list inside another relative clause is not what a 'combined' figure is about ...
    ("Shaktor, which runs five plants in Ardwen and Belmar with a combined capacity of 14 million tonnes, "
     "had revenue of $830m last year.", "Shaktor"),
    # ... but a figure in the relative clause of a list told jointly is the list's
    ("Spending is led by Corvane, Ablen and Mirrow, which collectively plan to spend more than $300bn this year.",
     "Corvane, Ablen and Mirrow combined"),
    # a commodity is no subject of a total; it keeps its unit price
    ("US-based Maplecrest Confections said cocoa accounted for about $1.4bn of its costs last year.",
     "Maplecrest Confections"),
    ("Swiss group Brunnhof said higher cocoa costs had reduced its operating profit by about CHF 310m.", "Brunnhof"),
    ("Crude oil rose to $50 a barrel.", "crude oil"),
    # no place is a thing sold
    ("Voarex said it would fund the rest with a $330m bond it plans to sell in Brazil this year.", "Voarex"),
])
def test_the_subject_of_a_one_sentence_figure(text, subject, nlp):
    assert extract_text(text, nlp=nlp)[0].subject.canonical == subject


@pytest.mark.parametrize("text, mention, subject", [
    # a clause that opens with a price names what it is the price of
    ("The price of hot-rolled steel coil fell to about $610 a tonne in March.", "about $610 a tonne",
     "hot-rolled steel coil"),
    ("Diesel prices rose to an average of $4.12 a gallon this week.", "$4.12 a gallon", "Diesel"),
    ("In Europe, benchmark Dutch wholesale gas prices rose 5% to €41.20 per megawatt hour.", "€41.20",
     "Dutch wholesale gas"),
    ("Shipbroker Harrowgate Clarke said newbuild prices for large LNG carriers had eased to about $248m.",
     "about $248m", "large LNG carriers"),
    # a share price is a company's; a reserve price is a kind of price, no thing priced
    ("Shares in Corvel fell. Corvel share prices fell to $4.", "$4", "Corvel"),
    ("The reserve price had been set at about €280m for all five blocks.", "about €280m", None),
])
def test_the_thing_a_price_is_of(text, mention, subject, nlp):
    assert _subjects(text, nlp)[mention][0] == subject


def test_a_country_that_describes_a_public_body_is_no_subject(nlp):
    text = ("Kenya tax tribunal upholds ₹900 crore demand against Ostrel unit\n\n"
            "A tax tribunal has upheld a ₹900 crore tax demand against Varda Networks, the mobile operator owned "
            "by Ostrel Telecom. The demand comprises ₹600 crore of tax and ₹300 crore of interest.")
    subjects = [c.subject.canonical if c.subject else None for c in extract_text(text, nlp=nlp)]
    assert subjects == ["Varda Networks"] * 4


def test_a_name_that_owns_the_subject_is_no_other_party(nlp):
    [claim] = extract_text("A tax tribunal has upheld a ₹900 crore tax demand against Varda Networks, the mobile "
                           "operator owned by Ostrel Telecom.", nlp=nlp)
    assert (claim.subject.canonical, claim.counterparty) == ("Varda Networks", None)


def test_the_country_is_the_nearest_country_named_wherever_it_stands(nlp):
    text = ("US drivers are feeling it. For importers such as India, the rising bill is a concern. The country's "
            "crude import bill could rise to $150bn next year.")
    [claim] = extract_text(text, nlp=nlp)
    assert claim.subject.canonical == "India"


def test_the_project_stands_for_the_name_the_text_calls_a_project(nlp):
    text = ("Tallowgate Resources was ordered to pay damages over its Carrow copper project. The project eventually "
            "cost A$4.6bn. The mine cost A$4.6bn, Tallowgate said.")
    assert [c.subject.canonical for c in extract_text(text, nlp=nlp)] == ["Carrow", "Carrow"]
    # with no name called a project, 'the project' stands for nothing: the company stays the subject
    [claim] = extract_text("Tallowgate Resources said the project eventually cost A$4.6bn.", nlp=nlp)
    assert claim.subject.canonical == "Tallowgate Resources"


def test_a_tax_goes_to_the_body_that_collects_it_not_the_tribunal_that_rules(nlp):
    text = ("The Income Tax Appellate Tribunal has upheld a ₹900 crore tax demand against Varda Networks. Varda had "
            "deposited ₹100 crore with the tax department.")
    demand = extract_text(text, nlp=nlp)[0]
    assert (demand.subject.canonical, demand.counterparty.canonical) == ("Varda Networks", "tax department")
    # 'the tax department' stands for no tribunal named before: it names itself
    text = "The Zembla Appeals Tribunal ruled on Monday. The tax department then fined Varda Networks $5m."
    [fine] = extract_text(text, nlp=nlp)
    assert (fine.subject.canonical, fine.counterparty.canonical) == ("Varda Networks", "tax department")


def test_a_country_that_describes_plural_bodies_is_no_subject(nlp):
    text = "Corbel Bio agreed the sale. The first $3.00 is payable if US regulators approve its drug by 2028."
    assert _subjects(text, nlp)["$3.00"][0] != "US"


def test_a_figure_in_a_speakers_relative_clause_is_the_speakers_over_the_sentences_subject(nlp):
    text = ("Zembla reached a deal with its creditors. Its chair, London-based Kestrel Rock Asset Management, which "
            "oversees some $62 billion, said the haircut was fair.")
    assert _subjects(text, nlp)["some $62 billion"][0] == "Kestrel Rock Asset Management"


def test_a_ministry_that_forecasts_the_states_figures_makes_them_the_states(nlp):
    text = ("MEXICO CITY, 9 September 2026 - Mexico's government on Tuesday proposed spending of 9.84 trillion pesos "
            "next year. The Finance Ministry forecast total revenue of 8.62 trillion pesos for 2027.")
    assert [c.subject.canonical for c in extract_text(text, nlp=nlp)] == ["Mexico government"] * 2
    # a country's possessive before its government, a modifier between: that country's government
    [claim] = extract_text("Canada's federal government will spend C$18bn over six years.", nlp=nlp)
    assert (claim.subject.canonical, claim.subject.label) == ("Canada government", "GOV")


@pytest.mark.parametrize("outlet", ["the Perth Ledger", "Bayline Wire", "the Baltic Business Monitor", "Vistula Business Review"])
def test_a_newspaper_that_reports_a_figure_is_no_subject_of_it(outlet, nlp):
    text = f"Tallowgate Mining appealed. Including interest, the total bill stands at roughly A$707m, {outlet} reported."
    [claim] = extract_text(text, nlp=nlp)
    assert claim.subject.canonical == "Tallowgate Mining" and claim.attribution.source_type == "media"


def test_whom_a_statement_is_made_to_is_no_other_party(nlp):
    text = ("Sentosa said in a statement to the Zembla Stock Exchange that it was prepared to pay no more than "
            "Rp 850 billion to settle the matter.")
    [claim] = extract_text(text, nlp=nlp)
    assert (claim.subject.canonical, claim.counterparty) == ("Sentosa", None)


def test_a_fund_described_as_one_is_no_company_and_owns_its_appositions_relative_clause(nlp):
    text = ("Halvard Pharma agreed to buy Corbel Bio for $5.8bn. Trevose Capital, a New York fund that manages about "
            "$9bn, said in a letter to Corbel's board that the company was worth at least $55 a share.")
    subjects = _subjects(text, nlp)
    assert subjects["about $9bn"][0] == "Trevose Capital"  # 'a New York fund that manages': the fund's
    assert subjects["at least $55 a share"][0] == "Corbel Bio"  # 'the company' is no fund


def test_a_product_model_may_be_the_subject_of_a_total(nlp):
    text = "Corbel's kidney drug CB-204 won approval. CB-204 sales could top $1.5 billion."
    assert _subjects(text, nlp)["top $1.5 billion"][0] == "CB-204"
    text = "Corbel won approval. Analysts said peak sales of CB-204 could reach $2.2 billion by the mid-2030s."
    assert _subjects(text, nlp)["$2.2 billion"][0] == "CB-204"  # 'sales of' the model


def test_the_last_name_of_a_list_after_a_preposition_is_not_in_subject_position(nlp):
    """'workshops in Kesteven and Poland': Poland is after 'in' as much as Kesteven is, so
    the figure is the company's the article is about."""
    from extractor.extract import extract_text
    text = ("Halvik Hem filed for bankruptcy on Monday. Halvik Hem ran 40 furniture stores. "
            "Suppliers, many of them small workshops in Kesteven and Poland, hold about SEK 780m of unsecured claims.")
    assert extract_text(text, nlp=nlp)[-1].subject.canonical == "Halvik Hem"


def test_an_opening_place_and_comma_make_no_list(nlp):
    from extractor.extract import extract_text
    claim = extract_text("In Europe, Halvik shed 2.1% to 17.58 euros in Paris.", nlp=nlp)[0]
    assert claim.subject.canonical == "Halvik"


def test_an_analysts_firm_is_no_antecedent_of_a_later_description(nlp):
    from extractor.extract import extract_text
    text = ("Tavoni Motori reported higher sales. Analysts at Castelmare Securities estimated that the recall "
            "could cost more than €2 billion in total. The group has set aside €1.45 billion so far.")
    assert extract_text(text, nlp=nlp)[-1].subject.canonical == "Tavoni Motori"


def test_a_company_that_speaks_stays_the_antecedent_of_the_company(nlp):
    from extractor.extract import extract_text
    text = ("Lloyds of Fenwick expects its exposure to be limited. A spokeswoman for Halberg Re estimated claims "
            "would be low. The company has paid out about 300 million euros to cover hurricane damage.")
    assert extract_text(text, nlp=nlp)[-1].subject.canonical == "Halberg Re"


def test_a_headline_figure_takes_the_bodys_named_other_party(nlp):
    """'Tavoni to pay Italy $165m': the body names who is paid."""
    from extractor.extract import extract_text
    text = ("Tavoni to pay Italy $165 million over late recall\n\n"
            "Italian carmaker Tavoni Motori has agreed to pay a civil penalty of $165 million to the Road Safety "
            "Authority for failing to report a defect on time.")
    head, body = extract_text(text, nlp=nlp)
    assert head.counterparty.canonical == body.counterparty.canonical == "Road Safety Authority"
    assert head.decided_by["counterparty"].rule == "counterparty.headline_restated"


def test_a_payment_naming_no_receiver_goes_to_the_payers_receiver_just_named(nlp):
    from extractor.extract import extract_text
    text = ("Tavoni Motori has agreed to pay a civil penalty of $165 million to the Road Safety Authority.\n\n"
            "Under a consent order, Tavoni will hand over $110 million in cash within 30 days.\n\n"
            "Shares fell 4%.\n\nLater in the year Tavoni will pay $20 million in bonuses.")
    claims = extract_text(text, nlp=nlp)
    assert claims[1].counterparty.canonical == "Road Safety Authority"
    assert claims[1].decided_by["counterparty"].rule == "counterparty.same_payee"
    assert claims[-1].counterparty is None  # two paragraphs on: no longer the same payment


@pytest.mark.parametrize("text, currency", [
    ("At the current rate of about 35.1 baht to the dollar, the deal is worth roughly $1.6bn.", "Thai baht"),
    ("The Halvenian dollar fell to $1.3280 against the euro.", "US dollar"),  # the figure's own currency
    ("The rand traded at R18.20 per dollar on Friday.", "South African rand"),
])
def test_an_exchange_quote_is_about_its_own_currency(text, currency, nlp):
    from extractor.extract import extract_text
    claims = extract_text(text, nlp=nlp)
    assert (claims[0].subject.canonical, claims[0].decided_by["subject"].rule) == (currency, "subject.exchange_quote")
    assert all(c.subject is None or c.subject.canonical != currency for c in claims[1:])  # not carried on


def test_an_exchange_equation_is_about_its_currency_pair(nlp):
    """'($1 = 1,384.5 won)', the wire's rate line: both figures are the rate of the pair, not the
    article's company's (and not one fact with another article's '$1 = 5.3 reais')."""
    from extractor.extract import extract_text
    claims = extract_text("Halvern Display was fined 412.5 billion won ($298 million).\n\n($1 = 1,384.5000 won)", nlp=nlp)
    assert [c.subject.canonical for c in claims[2:]] == ["US dollar/South Korean won"] * 2
    assert claims[0].subject.canonical == "Halvern Display"


@pytest.mark.parametrize("text, subject", [
    ("Halvern Motor said U.S. tariffs reduced operating profit by 140 billion yen.", "Halvern Motor"),
    ("Halvern Motor said Japanese tariffs would cost it 40 billion yen.", "Halvern Motor"),
    ("Korvia spent $5bn on roads, the Halvern Herald said.", "Korvia"),  # a place that does the verb
])
def test_a_place_before_a_noun_and_its_verb_is_no_subject(text, subject, nlp):
    from extractor.extract import extract_text
    assert extract_text(text, nlp=nlp)[0].subject.canonical == subject


def test_a_price_per_pound_weight_is_no_exchange_quote(nlp):
    from extractor.extract import extract_text
    claim = extract_text("Arabica gained 2.1% to 312.40 cents a pound, and Kestrel Coffee paid $3.12 per pound.", nlp=nlp)[0]
    assert claim.subject is None or claim.subject.label != "CURRENCY"


@pytest.mark.parametrize("text", [
    "Tavoni agrees €151m US fine as recall bill climbs",
    "Tavoni said the US penalty of $165m would be paid in cash.",
])
def test_a_country_before_a_fine_or_tax_imposed_it_and_pays_nothing(text, nlp):
    from extractor.extract import extract_text
    claim = extract_text(text, nlp=nlp)[0]
    assert claim.subject is None or claim.subject.canonical != "US"


def test_the_authority_stands_for_the_authority_named_before(nlp):
    from extractor.extract import extract_text
    text = ("The Harlow Valley Water Authority sold $1.4 billion of bonds on Tuesday. Rating company Halden Ratings "
            "affirmed its grade on the bonds. The authority says it holds $212 million in reserves against overruns.")
    assert extract_text(text, nlp=nlp)[-1].subject.canonical == "Harlow Valley Water Authority"


def test_the_consortium_stands_for_the_company_named_before(nlp):
    from extractor.extract import extract_text
    text = ("A consortium led by Aguila Holdings has won the port concession. The consortium will pay the Harbour "
            "Ports Authority a fixed fee of $12 million a year.")
    claim = extract_text(text, nlp=nlp)[-1]
    assert (claim.subject.canonical, claim.counterparty.canonical) == ("Aguila", "Harbour Ports Authority")


def test_a_bodys_own_noun_stands_for_the_body_its_sentence_names(nlp):
    """'that the authority's revenue': no determiner is a modifier, and 'the authority' is the
    authority the sentence named, not the rating company."""
    from extractor.extract import extract_text
    text = ("Rating company Halden Ratings affirmed its grade on the bonds of the Tarrow Water Authority, noting "
            "that the authority's operating revenue of $688 million covered its debt twice over.")
    assert extract_text(text, nlp=nlp)[0].subject.canonical == "Tarrow Water Authority"
