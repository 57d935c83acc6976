"""Whom a pronoun or a description in a source stands for: invented texts with invented names."""
from __future__ import annotations

import pytest
from spacy.language import Language


def source_of(nlp: Language, text: str, mention: str) -> str | None:
    return next(r for r in nlp(text)._.money if r["mention"] == mention)["attribution"]["source"]


# (text, mention, source name)
ANAPHORA = [
    # 'it' goes on from the source of the sentence before when that is no person
    ("Brindle could be sold soon, the Zembla Courier has reported. It said the sale could raise $2bn.", "$2bn",
     "Zembla Courier"),
    # ... but not from a person: then the sentence that starts with a name
    ("Quorvane Mining cut its forecast. Chief executive Ada Lum said demand was weak. It said it would save $2bn.",
     "$2bn", "Quorvane Mining"),
    # a description with a source type stands for the nearest source of that type
    ("Quorvane is in talks to sell its chip unit, the Daily Zemblan reported. Quorvane is understood to have valued "
     "the unit at £450m, the paper added.", "£450m", "Daily Zemblan"),
    ("Two people familiar with the plan said Quorvane would bid. The offer would top the $5bn it paid last year, "
     "according to the sources.", "$5bn", "Two people familiar with the plan"),
    # 'they': a source of several just before
    ("Two people familiar with the plan said Quorvane would bid. They also said it had set aside $3bn.", "$3bn",
     "Two people familiar with the plan"),
    ("Prosecutors want a $27bn tax bill paid, which they claim is owed by Ruritel.", "$27bn", "Prosecutors"),
    # 'its central bank': the entity before, not a bank named earlier
    ("Ruritania faces a $1bn bill for repairs, its central bank says.", "$1bn", "Ruritania"),
    # 'the company' is a company: not the analysts of the sentence before
    ("Zembla Corp cut 500 jobs. Analysts said more cuts would follow. The company said it would save $200m.", "$200m",
     "Zembla Corp"),
    # a nationality in a description names no one: 'the Norwegian company' stands for a name before it
    ("Orvik Shipping will pay $500m for two tankers, the Norwegian company said.", "$500m", "Orvik Shipping"),
    ("Orvik Shipping will pay $500m, according to Norwegian newspapers.", "$500m", "Norwegian newspapers"),
    # a name ending in a word that may be a determiner ('news reports') is still a name
    ("Orvik would pay $5bn, Zemblan News reported on Monday.", "$5bn", "Zemblan News"),
    ("News reports said Orvik would pay $5bn.", "$5bn", "News reports"),
    # a relative clause after the figure that ends the sentence reports the figure
    ("The gap is wider than the roughly $33bn that economists had expected.", "roughly $33bn", "economists"),
    # a document from or by someone: who issued it; a document of 'its': its owner
    ("Sales rose to $3bn, according to figures from the Harwick Statistics Office.", "$3bn",
     "Harwick Statistics Office"),
    ("Orvik has promised to invest £150m in its yards, according to its offer document.", "£150m", "Orvik"),
    ("Brenmark will sell shares worth €250m, according to the prospectus.", "€250m", "prospectus"),
    ("Brenmark cut 200 jobs. Revenue rose to €800m, according to the group's annual report.", "€800m",
     "the group's annual report"),
    ("Net debt is projected to peak at $1.02 trillion in 2028, the mid-year update showed.", "$1.02 trillion",
     "mid-year update"),
    ("Reports from late 2025 said Orvik budgeted $1.6bn.", "$1.6bn", "Reports"),
    # 'at' after a person word names the employer, not a place: the employer names the source
    ("Analysts at Brixton Mercer estimated that Orvik could pay as much as $700m.", "as much as $700m",
     "Brixton Mercer"),
    # a description stands for a name that says it is of that kind ('Ostrel Bank' is a bank and a lender),
    # not for the leading name of another kind; with no such name it stays as written
    ("Dravik Motors will buy Selmo Parts, analysts at Ostrel Bank said. The deal values Selmo at €2.5bn, the bank "
     "said.", "€2.5bn", "Ostrel Bank"),
    ("Dravik Motors will buy Selmo Parts, said the Bank of Ostrel. The deal values Selmo at €2.5bn, the lender "
     "said.", "€2.5bn", "Bank of Ostrel"),
    ("Dravik Motors hired Corvane Insurance. Dravik will pay premiums of €5m, the insurer said.", "€5m",
     "Corvane Insurance"),
    ("Dravik Motors will buy Selmo Parts. The deal values Selmo at €2.5bn, the bank said.", "€2.5bn", "the bank"),
    ("Dravik Motors will buy Selmo Parts. The deal values Selmo at €2.5bn, the company said.", "€2.5bn",
     "Dravik Motors"),
    # a time phrase between a source and its cue is no part of either ('in May', 'before the auction'); a
    # temporal preposition before a name opens a clause ('after Velmar announced'): the name is the source
    ("Economists surveyed by Ralston in May had expected a deficit of $40bn.", "$40bn", "Economists"),
    ("Analysts polled by Norbury before the auction had forecast proceeds of C$6.5 billion.", "C$6.5 billion",
     "Analysts"),
    ("Shares fell in August after Velmar announced it would spend $40m.", "$40m", "Velmar"),
    # a long tail after a clause-final cue, with no figure and no 'that', is no content of it
    ("Under the deal, Dorvan will pay $275 million, Selwyn said in a filing to the Hong Kong stock exchange.",
     "$275 million", "Selwyn"),
    ("Dorvan said on Tuesday in a long statement that it would pay $275 million.", "$275 million", "Dorvan"),
    # 'per' before a unit is no 'according to'
    ("Tarvik sold a 6.2 per cent stake in Orla Power for $800m.", "$800m", None),
    # a possessive determiner before a figure noun: who made the forecast is the doer of the verb before it
    ("Analysts at Ostrel Bank raised their copper forecast for the third quarter to $9,800 from $9,200.", "$9,800",
     "Ostrel Bank"),
    ("Brindle Mining cut its capital spending forecast for the year to June to A$2.2bn.", "A$2.2bn", "Brindle Mining"),
    ("Sorvik Bank put its estimate at $5bn.", "$5bn", "Sorvik Bank"),
    # ... not before a noun that names no figure ('their complaints about')
    ("Officials should curb their complaints about the $5bn surplus.", "$5bn", None),
    # an object relative on the figure: 'the $4.3bn (that) Wall Street had pencilled in'
    ("Quillon forecast revenue of $4.1bn, below the $4.3bn Wall Street had pencilled in.", "$4.3bn", "Wall Street"),
    # declaring a dividend states one's own figure: no report
    ("Karvel Bank declared a final dividend of 610 cents a share.", "610 cents a share", None),
    # a title in apposition to a name, before 'who': the name
    ("\"It is manageable,\" said Liam Fraser, chief economist at Baxendale Capital, who had forecast a "
     "shortfall of $35bn.", "$35bn", "Liam Fraser"),
]


@pytest.mark.parametrize("text,mention,source", ANAPHORA)
def test_anaphoric_sources(nlp: Language, text: str, mention: str, source: str) -> None:
    assert source_of(nlp, text, mention) == source


def test_a_description_with_no_antecedent_keeps_its_words(nlp: Language) -> None:
    assert source_of(nlp, "Sales rose to $3bn last year, the report said.", "$3bn") == "the report"


def test_sources_close_to_a_company_are_not_the_company(nlp: Language) -> None:
    text = "Hestia Foods is for sale. Its board rejected the £1.9bn offer, sources close to the company said."
    assert source_of(nlp, text, "£1.9bn") == "sources close to the company"


# (text, mention, source name, chain of sources)
CITED = [
    ("Zembla plans to spend $20bn, according to sources cited by the Daily Zemblan.", "$20bn", "sources",
     ["Daily Zemblan", "sources"]),
    ("Zembla plans to spend $20bn, according to people quoted in the Zemblan Herald.", "$20bn", "people",
     ["Zemblan Herald", "people"]),
]


@pytest.mark.parametrize("text,mention,source,hops", [
    # a company document: the first company its content names issued it
    ("Accounts filed at Companies House show that Ashdown Rovers lost £38.7m in the year to June.", "£38.7m",
     "Accounts filed", ["Ashdown Rovers", "Accounts filed"]),
    ("Brenmark will sell shares worth €250m, according to the prospectus.", "€250m", "prospectus",
     ["Brenmark", "prospectus"]),
    # ... not a statistics office's figures, whose issuer is named
    ("Sales rose to $3bn, according to figures from the Harwick Statistics Office.", "$3bn",
     "Harwick Statistics Office", ["Harwick Statistics Office"]),
])
def test_a_company_document_has_its_issuer_in_the_chain(nlp: Language, text: str, mention: str, source: str,
                                                        hops: list[str]) -> None:
    att = next(r for r in nlp(text)._.money if r["mention"] == mention)["attribution"]
    assert att["source"] == source and [h["source"] for h in att["chain"]] == hops


def test_a_person_source_has_the_organisation_its_words_name_in_the_chain(nlp: Language) -> None:
    cases = [
        ('"It pays $41.50 and not a cent more," said Olivia Marchetti, an analyst at Brenwick Securities.', "$41.50",
         ["Brenwick Securities", "Olivia Marchetti"]),
        ("Lumatic chief executive Priya Raman told Bayline Wire the firm had offered a licence for $200 million.",
         "$200 million", ["Lumatic", "Priya Raman"]),
        ("Chief financial officer Sofie Lund told reporters that net debt would reach DKK 45bn.", "DKK 45bn",
         ["Sofie Lund"]),  # no organisation in its words: none guessed
        # an officer's title with no organisation named: the company that leads the sentence before
        ("Norwegian airline Fjordwing reported a profit. Chief executive Ingrid Solberg said it would buy back "
         "shares worth up to NOK 500m.", "up to NOK 500m", ["Fjordwing", "Ingrid Solberg"]),
        # a later mention of the same person speaks for the organisation named at the first
        ("Lumatic chief executive Priya Raman said the suit was strong. Raman said the firm had spent $20m on it.",
         "$20m", ["Lumatic", "Raman"]),
    ]
    for text, mention, hops in cases:
        att = next(r for r in nlp(text)._.money if r["mention"] == mention)["attribution"]
        assert [h["source"] for h in att["chain"]] == hops, text


@pytest.mark.parametrize("text,mention,source,hops", CITED)
def test_who_cites_a_source_is_in_the_chain(nlp: Language, text: str, mention: str, source: str, hops: list[str]) -> None:
    doc = nlp(text)
    att = next(r for r in doc._.money if r["mention"] == mention)["attribution"]
    assert att["source"] == source and [h["source"] for h in att["chain"]] == hops
    assert [a["cue"]["text"] for a in doc._.attributions] == ["according to"]  # 'cited' is part of the source


# the rest of the sentence is attributed too
REST = [
    ("Grain output rose 5%, the farm ministry said, with exports up 12% at 4bn yuan.", "4bn yuan", "the farm ministry"),
    ("The proposed outlay, according to the Zemblan Herald, marks a rise from the $15bn spent this year.", "$15bn",
     "Zemblan Herald"),
]


@pytest.mark.parametrize("text,mention,source", REST)
def test_the_rest_of_the_sentence(nlp: Language, text: str, mention: str, source: str) -> None:
    assert source_of(nlp, text, mention) == source


def test_a_report_outside_the_clause_does_not_reach_the_figure(nlp: Language) -> None:
    text = "Grain output rose 5%, the farm ministry said. Exports were 4bn yuan."
    assert source_of(nlp, text, "4bn yuan") is None


def test_an_outer_source_beats_an_inner_cue_with_none(nlp: Language) -> None:
    assert source_of(nlp, "Quorvane said the $5bn reported last week was wrong.", "$5bn") == "Quorvane"


# a description stands for the name the text described with it
DESCRIBED = [
    ("Zemblan insurer Hexlon cuts jobs. Up to 500 jobs will go. The insurer said the cuts would save $50m.", "$50m",
     "Hexlon"),
    ("Brantor bought Quell, the winemaker, last year. The winemaker said profit rose to $20m.", "$20m", "Quell"),
]


@pytest.mark.parametrize("text,mention,source", DESCRIBED)
def test_descriptions_learnt_from_the_text(nlp: Language, text: str, mention: str, source: str) -> None:
    assert source_of(nlp, text, mention) == source


def test_an_apostrophe_after_a_word_opens_no_quotation(nlp: Language) -> None:
    text = "Zembla forced the sale of Quell' best unit to enforce a $27bn bill it says Quell owes, officials' notes show."
    assert source_of(nlp, text, "$27bn") == "Zembla"


def test_what_a_fact_suggests_is_no_attribution(nlp: Language) -> None:
    """'shares rose ..., suggesting investors expect more': no one said it; the company whose
    shares rose is what the figure is about, not a source."""
    doc = nlp("Orvik Shipping raised its offer. Northway's shares rose 6% to 428p, suggesting investors expect more.")
    rec = next(r for r in doc._.money if r["mention"] == "428p")
    assert rec["attribution"]["source"] is None and rec["subject"]["canonical"] == "Northway"


def test_a_report_citing_sources_gives_the_sources_after_the_outlet(nlp: Language) -> None:
    att = next(r for r in nlp("Zembla plans to spend $20bn, Zemblan News reported, citing sources.")._.money)["attribution"]
    assert att["source"] == "sources" and [h["source"] for h in att["chain"]] == ["Zemblan News", "sources"]


def test_a_report_citing_sources_between_commas_gives_the_sources(nlp: Language) -> None:
    doc = nlp("Zemblan News reported, citing two people familiar with the talks, that Orvik would pay $5bn.")
    att = doc._.money[0]["attribution"]
    assert att["source"] == "two people familiar with the talks"
    assert [h["source"] for h in att["chain"]] == ["Zemblan News", "two people familiar with the talks"]



@pytest.mark.parametrize("text,source", [
    ("Lenrow is worth at least $2.5bn, one of its top-ten shareholders said.", "one of its top-ten shareholders"),
    ("Lenrow is worth $2.5bn, two of the analysts said.", "two of the analysts"),
])
def test_a_part_of_a_group_keeps_its_group_in_the_name(nlp: Language, text: str, source: str) -> None:
    assert next(r for r in nlp(text)._.money)["attribution"]["source"] == source


def test_a_general_description_is_who_spoke_just_before_not_a_company_once_described_so(nlp: Language) -> None:
    text = ("A third company, Austrian group Pfandler Sensorik, escaped a fine. Veltora said it would appeal. "
            "The Zurich-based group said it had already set aside CHF 450m for the case.")
    assert source_of(nlp, text, "CHF 450m") == "Veltora"


def test_a_postposed_it_is_the_sentences_own_subject_before_an_earlier_speaker(nlp: Language) -> None:
    text = ("The penalty, which Brussels said reflected Veltora's record, is large. "
            "Veltora had set aside CHF 450m for the case, it said.")
    assert source_of(nlp, text, "CHF 450m") == "Veltora"


def test_a_definite_description_of_a_company_never_stands_for_a_country(nlp: Language) -> None:
    text = ("Brazil's Voarex orders jets\n\nThe order was the largest this year. "
            "The deal is worth $5.2bn at list prices, the airline said.")
    assert source_of(nlp, text, "$5.2bn") != "Brazil"
    assert source_of(nlp, "Sri Lanka faces a $1bn bill for repairs, its central bank says.", "$1bn") == "Sri Lanka"


@pytest.mark.parametrize("opening, source", [
    ("Brazilian low-cost carrier Voarex Airlines has ordered 40 jets in a deal worth $5.2bn, the airline said.",
     "Voarex Airlines"),
    ("US private equity firm Castellan Partners has offered $5.2bn for the unit, the firm said.", "Castellan Partners"),
])
def test_a_description_before_the_leading_name_is_skipped(nlp: Language, opening: str, source: str) -> None:
    text = f"Brazil's Voarex orders jets\n\n{opening}"
    assert source_of(nlp, text, "$5.2bn") == source


def test_a_nationality_that_opens_the_sentence_is_not_what_the_company_stands_for(nlp):
    """'The British recall will cost £31m, the company said': the company named before."""
    from extractor.extract import extract_text
    text = "Tavoni Motori is recalling 38,000 cars in Britain.\n\nThe British recall will cost about £31m, the company said."
    assert extract_text(text, nlp=nlp)[0].attribution.source == "Tavoni Motori"


def test_a_nationality_with_a_speaking_noun_still_speaks(nlp):
    from extractor.extract import extract_text
    text = ("Zemblan prosecutors are forcing the sale of the firm's main asset to help pay a $27bn back tax bill, "
            "which they claim is owed by Halvik.")
    assert extract_text(text, nlp=nlp)[0].attribution.source.startswith("Zemblan")


@pytest.mark.parametrize("text, source", [
    ("Tavoni has agreed to pay a penalty of $165 million to the Road Safety Administration. A further $55 million "
     "is deferred, the agency said.", "Road Safety Administration"),
    ("Zembla's National Energy Commission approved new tariffs. The commission said a typical home would pay "
     "about $38 a month.", "National Energy Commission"),
])
def test_an_officials_description_stands_for_the_body_named_just_before(text, source, nlp):
    from extractor.extract import extract_text
    assert extract_text(text, nlp=nlp)[-1].attribution.source == source


def test_an_officials_description_with_no_body_before_keeps_its_words(nlp):
    from extractor.extract import extract_text
    claim = extract_text("Tavoni paid $165 million. A further $55 million is deferred, the ministry said.", nlp=nlp)[-1]
    assert claim.attribution.source == "the ministry"


@pytest.mark.parametrize("text, body", [
    ("Finance Minister Rodrigo Alcaraz said spending would rise by 145 billion pesos.", "Finance Ministry"),
    ("Treasury Cabinet Secretary Amina Wekesa said the deal saves $1.6 billion.", "Treasury"),
    ('"We will spend $5bn," Energy Minister Paul Grant told reporters.', "Energy Ministry"),
])
def test_an_officials_title_puts_their_body_in_the_chain(text, body, nlp):
    from extractor.extract import extract_text
    chain = [h.source for h in extract_text(text, nlp=nlp)[0].attribution.chain]
    assert chain[0] == body and len(chain) == 2


@pytest.mark.parametrize("text", [
    "Prime Minister Jan Holt said the plan costs $5bn.",  # no 'Prime Ministry'
    "The Congressional Budget Office said the plan costs $5bn.",  # a body's own name adds no hop
])
def test_no_body_hop_without_a_title_before_a_name(text, nlp):
    from extractor.extract import extract_text
    assert len(extract_text(text, nlp=nlp)[0].attribution.chain) == 1


@pytest.mark.parametrize("text,mention,source", [
    ("Analysts at brokerage Varella Investimentos estimate EBITDA will reach R$2.5bn in 2026.", "R$2.5bn",
     "Varella Investimentos"),  # a kind between 'at' and the employer
    ("An economist at investment bank Halvern Securities said costs would reach $5m.", "$5m", "Halvern Securities"),
    ("Ana Lind, an analyst at Tessin Investment & Securities, who estimates the market at 4.2 trillion won, "
     "said so.", "4.2 trillion won", "Ana Lind"),  # the analyst named
])
def test_an_analysts_employer_is_named_whole(nlp: Language, text: str, mention: str, source: str) -> None:
    assert source_of(nlp, text, mention) == source


@pytest.mark.parametrize("text,mention,source", [
    ("The deal is worth $1.2bn, people with knowledge of the matter said.", "$1.2bn",
     "people with knowledge of the matter"),  # 'with' glued to what they know
    ("The deal is worth $1.2bn, two people with knowledge of the matter told Reuters, asking not to be named.",
     "$1.2bn", "two people with knowledge of the matter"),
])
def test_a_source_with_knowledge_of_the_matter(nlp: Language, text: str, mention: str, source: str) -> None:
    assert source_of(nlp, text, mention) == source


def test_an_officer_named_in_apposition_is_the_source_and_speaks_for_the_company(nlp: Language) -> None:
    """"Tellan's chief financial officer, Omar Haddad, told analysts ...": the source is the
    officer, Tellan is the hop before; a later 'a spokeswoman for Tellan' has no officer hop."""
    from extractor.extract import extract_text
    text = ("A spokeswoman for Tellan said the airline would spend $2bn on new cabins. Tellan's chief financial "
            "officer, Omar Haddad, told analysts on a call that fuel costs would rise by about $300m.")
    claims = extract_text(text, nlp=nlp)
    assert [h.source for h in claims[1].attribution.chain] == ["Tellan", "Omar Haddad"]
    assert [h.source for h in claims[0].attribution.chain] == ["Tellan"]


def test_data_from_a_public_body_named_only_by_its_description(nlp: Language) -> None:
    """'Data from the central bank showed ...': the central bank, not the company of the sentence before."""
    text = "Tellan Air said profit rose. Data from the central bank showed foreign reserves fell to $612bn in March."
    assert source_of(nlp, text, "$612bn") == "the central bank"


def test_an_appositive_of_what_a_source_cites_stands_between_it_and_its_cue(nlp: Language) -> None:
    assert source_of(nlp, "The Harwick Ledger, citing two sources, said Tellan had offered $3bn.", "$3bn") == "Harwick Ledger"
