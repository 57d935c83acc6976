"""Schema of rules/subjects.json: which name a figure is about, and the other party."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from .base import Regex, Regexes, RuleFile, Strict, Words
from .loader import load


class SubjectLimits(Strict):
    reference_modifiers: int = Field(description="words between 'the' and the type noun of a description")
    antecedent_names: int = Field(description="names looked back at for the antecedent of a description")
    list_head_items: int = Field(gt=0, description="names at most walked back through a list ('Kent, Fife and Poland') "
                                                   "to the word before its first, which says whether the list is in "
                                                   "subject position")
    personal_gap_words: int = Field(description="words at most between a person and a figure that is the person's "
                                                "own sum ('Ana Voss received a bonus of £1.1m'), an apposition not counted")
    owner_link_chars: int = Field(description="names further apart than this are no ownership link")
    list_reach_chars: int = Field(description="how far a list of names may stand from a figure told jointly")
    not_subject_words: int = Field(description="lower-case words that may stand between a 'not_subject_after' word "
                                               "and a name it keeps from being a clause subject")
    possessor_words: int = Field(description="words between a possessive ('Acme's') and the figure for Acme to be "
                                             "the figure's possessor")
    post_target_chars: int = Field(description="characters between the amount and a 'post_target_cues' phrase")
    traded_reach_chars: int = Field(description="how far before a purchase that names no thing bought ('X offered "
                                                "to buy the rest') the thing last traded may stand")
    bid_word_chars: int = Field(description="how near a figure a word of a sale, purchase or bid must stand for the "
                                            "figure to be an offer for what its bidder bids for ('readying 445p offer')")
    person_sentences: int = Field(description="sentences looked back at for the person a 'he' or 'she' stands for, "
                                              "when its own sentence names none before it")


class OwnerLink(Strict):
    between: Regex = Field(description="the text between two neighbouring names; '{noun}' stands for the ownership nouns")
    after: Regex | None = Field(None, description="what must follow the second name")
    owner: Literal["first", "second"]


class Ownership(Strict):
    about: str
    nouns: Words
    links: list[OwnerLink]


class ProductRules(Strict):
    about: str
    nouns: Words
    model_words: int = Field(description="model words between a maker and the product noun ('737-800')")
    unit_pers: Words = Field(description="per-units of a figure that make it a unit price")
    per_unit_words: Words
    per_unit_chars: int = Field(description="how near a per-unit word stands to the figure")
    transaction_words: Words


class CombinedRules(Strict):
    about: str
    jointly: Words
    distributive: Words
    not_after: Words


class BidTarget(Strict):
    """Which frame-decided figures of a bidder are still about what it bids for."""

    per_share_frames: Words = Field(description="frames whose payer, paying per unit of ``share_units`` ('X will pay "
                                                "420p a share'), buys shares of the company it bids for")
    share_units: Words
    holder_nouns: Words = Field(description="who holds a company's shares: a payment per share to them ('pay Beltran "
                                            "shareholders 540p a share') buys that company's shares")
    own_per_share_words: Words = Field(description="words that make a bidder's figure per share its own ('earnings "
                                                   "of 25p a share'), not a price for the target's shares")


class Dispute(Strict):
    """A settlement of a dispute the document tells: the defendant pays the claimant."""

    frames: Words = Field(description="frames whose subject is a claimant and counterparty the party it claims from")
    words: Words = Field(description="words in a figure's clause that make it what settles the dispute ('settlement')")
    replaces: Words = Field(description="the subject rules (fallbacks) a settlement of the dispute overrides")
    payer_frames: Words = Field(description="frames whose subject pays its counterparty: a claim that names no one "
                                "it claims from is against who the document says pays the claimant")


class ExchangeQuote(Strict):
    """A figure that prices one currency in another ('35.1 baht to the dollar', '$1.3280 against
    the euro'): its subject is the figure's own currency, by its English name."""

    links: Words = Field(description="words right after the figure, before the other currency ('to the', 'per', "
                                     "'against the')")
    currencies: Words = Field(description="the other currency's words after a link ('dollar', 'euro', 'greenback')")
    weights: Words = Field(description="currency words that are also weights: a quote only after a link that ends in "
                                       "'the' or 'one' ('1.17 euros to the pound', not '312 cents per pound')")


class PersonalMoney(Strict):
    """Words beside a figure that make it a person's own sum."""

    nouns: Words = Field(description="nouns the figure measures: right after it ('a £1.1m bonus') or before it and "
                                     "'of' ('a salary of £900,000')")
    verbs: Words = Field(description="verbs (with their auxiliaries) between the person and the figure ('was paid', "
                                     "'took home', 'was fined')")
    not_from_employer: Words = Field(description="words of a person's sum that no employer pays ('fine', 'fortune', "
                                                 "'bail'): in the figure's clause, they keep the person's employer from "
                                                 "being its other party")
    employer_titles: Words = Field(description="a company officer's titles ('chief executive', 'finance director'): "
                                               "a person with one and no organisation named works for the document's "
                                               "main company")
    employer_reach: int = Field(gt=0, description="characters before a person's name in which an organisation and "
                                                  "its person's role are looked for ('Tarrow Group's finance director')")


class PricedThingRules(Strict):
    about: str
    nouns: Words = Field(description="the price nouns ('price', 'prices')")
    links: Words = Field(description="prepositions after them that open the thing priced ('of', 'for')")
    stop_words: Words = Field(description="words that end the thing (verbs, prepositions, determiners of an owner)")
    not_things: Words = Field(description="words that make the price a company's ('share', 'stock', 'offer'): no thing")
    dropped_modifiers: Words = Field(description="words dropped from the thing's name ('the', 'benchmark')")
    openers: Words = Field(description="first words of an opening phrase before the clause ('In Europe, ...')")
    max_words: int = Field(gt=0, description="words the thing may have")


class PlaceNounVerbs(Strict):
    """What may follow 'US tariffs': a verb that makes the place a modifier of the noun before it."""

    words: Words
    endings: Words


class SubjectRules(RuleFile):
    target_cues: Words
    target_nouns: Words
    passive_target_cues: Words
    descriptor_words: int
    counterparty_cues: Words
    adjudicator_words: Words = Field([], description="words of a public body that rules on a claim and receives none of "
                                                     "it ('Income Tax Appellate Tribunal'): never a tax's or fine's "
                                                     "implied receiver")
    product_measures: Words = Field([], description="nouns of what a product's figure measures, before 'of' and the "
                                                    "product ('peak sales of CB-204 could reach $2.2bn'): the product "
                                                    "is the subject")
    price_nouns: Words = Field(description="nouns that name a price ('a price of £3.5bn'): a payment of one is still "
                                           "bare (what the payer buys); any other noun before 'of' ('a break fee of "
                                           "$290m') says what is paid")
    deal_words: Words = Field([], description="words of a sentence about the document's deal ('the offer', 'per "
                                              "share', 'the CVRs'): a figure there about the thing sold that names no "
                                              "other party has its buyer as the other party")
    owner_cues: Words = Field([], description="phrases before a name that say it owns or runs the name before ('the "
                                              "operator owned by Ostrel Telecom'): a description, no other party")
    not_subject_after: Words
    not_subject_right_after: Words
    post_target_cues: Words
    possessor_breaks: Words
    speaker_types: Words
    place_noun_verbs: PlaceNounVerbs | None = None
    speaker_payee_frames: Words = Field(default_factory=list, description="frames whose figure with no receiver "
                                        "named goes to the public body that says it")
    own_voice_types: Words = Field(default_factory=list, description="source types of a company's own voice ('Acme's "
                                   "chief executive said'): a name inside such a source may still stand for a "
                                   "description after it ('... said the company would invest $5m'); a name inside any "
                                   "other source (a newspaper, an analyst) may not")
    reference_kinds: dict[str, Words]
    general_nouns: Words
    not_general_kinds: Words = Field([], description="kinds of a name (from an apposition: 'Trevose, a New York fund') "
                                                     "that a general description ('the company') does not stand for")
    kind_synonyms: list[Words] = Field(description="type nouns that name the same kind ('airline' and 'carrier'): a name "
                                                   "described by one is what a reference by another stands for")
    pronouns: Words
    person_pronouns: dict[str, Literal["male", "female"]] = Field(
        description="pronouns that stand for a person, with the gender each implies")
    person_titles: dict[str, Literal["male", "female"]] = Field(
        description="titles before a person's name, with the gender each implies ('Mr', 'Ms')")
    expletive_after_it: Words
    buyer_references: Words = Field(description="nouns that, after 'the', stand for the buyer the document's earlier "
                                    "figures named ('the bidder had lined up a £1.5bn loan'): with none named, for nothing")
    person_possessives: Words = Field(description="possessive person pronouns: right before a figure that modifies a "
                                      "noun ('his £1.1m annual bonus') the person they stand for is the subject")
    payment_manners: Words = Field(description="phrases after a paid figure that say how it is paid, not what for or "
                                               "to whom ('pay ₹10,500 crore in cash on completion'): the payment stays bare")
    commentator_source_types: Words = Field(description="source types (rules/attribution.json) of third parties' words: "
                                                        "a name in such a source is the antecedent of no description "
                                                        "in a later sentence ('Analysts at Castelmare Securities "
                                                        "estimated ... The group has set aside €1.45bn': not Castelmare)")
    personal_money: PersonalMoney = Field(description="the words that make a figure a person's own ('Ana Voss received "
                                                      "a bonus of £1.1m', 'Mr Dale was fined £50,000'): the person who "
                                                      "stands as its clause's subject is the subject")
    priced_things: PricedThingRules
    group_nouns: Words = Field(description="plural nouns of a group a figure can be about, when 'the' or a nationality "
                                           "or country comes before ('the carmakers', 'Japanese investors', 'US "
                                           "consumers'): the group names itself (label GROUP)")
    group_counts: Words = Field(description="count words that may stand before a group noun, with or without 'the' "
                                            "('three chipmakers', 'the two banks'): the count is part of the name")
    merged_modifiers: Words
    merger_links: Regexes = Field(description="what stands between two names that a deal joins ('Acme is buying Beta', "
                                              "'Acme's takeover of Beta'): with no names joined by 'and', the combined "
                                              "firm is these two")
    generic_markers: Words
    owner_nouns: Words
    state_nouns: Words
    body_nouns: Words = Field([], description="head nouns of a public body's reference ('the tax department') that "
                                              "stand only for a body whose name holds them ('Income Tax Department'),"
                                              " else for the body the words describe, never another body")
    country_nouns: Words = Field([], description="references that stand for the nearest country named before, "
                                                 "wherever it stands ('For importers such as India, ... The "
                                                 "country's import bill'), not only in subject position")
    region_nouns: Words = Field(description="nouns of a region with a government of its own ('the eastern province "
                                "of Varlan', 'Varlan province'): the region is a public body named by its name, and "
                                "'the province' or 'the provincial government' (reference kind 'region') stands "
                                "for the region last named so; with none named, for nothing")
    holding_cues: Words
    passive_agent: Regex = Field(description="matches right before a name that is the doer of a passive verb "
                                             "('were beaten by '): used with search(text, start, name start)")
    relative_antecedent: Regex = Field(description="the text from a name to a figure of the relative clause about it "
                                                   "(', which made '): used with fullmatch(text, name end, figure start)")
    figure_noun_at: Regex = Field(description="the text from a figure to the company whose measure it is ('£12m "
                                              "shortfall at '): used with fullmatch(text, figure end, name start)")
    transaction_nouns: Words = Field(description="nouns of a deal between two parties ('deal', 'agreement'): "
                                                 "when no frame matched the figure, only a sentence holding one "
                                                 "names an other party after 'with' or 'to'")
    measure_nouns: Words = Field(description="nouns of what a company makes, earns or owes: a name right after one "
                                             "and 'at' ('profits at Acme') is what the figure of the clause is about")
    bid_target: BidTarget
    dispute: Dispute
    reporter_cues: Words = Field(description="cues by which a source that is not an outlet reports on another "
                                 "company ('Zeta Capital reported that Acme...'); 'Acme said Beta copied it' speaks for Acme")
    rival_words: Words = Field(description="words after which a name is a rival the article compares with ('its Danish "
                                           "rival Kattegat Line'): like a listener, an antecedent of 'the company' only "
                                           "in its own sentence")
    listener_cues: Words = Field(description="words after which a name is who hears or asks for a statement ('told "
                                             "Reuters', 'in an interview with the Ledger', 'economists polled by "
                                             "Reuters'): like a reporter, it stands for no 'the company' outside its "
                                             "own sentence")
    restating_words: Words = Field(description="determiners that, right before a figure, make it the earlier figure "
                                               "of the same amount told again ('ByteDance plans $5bn for chips. The $5bn "
                                               "commitment ...'): it is about what that one is about")
    part_cues: Words = Field(description="'It was made up of $250m ... and $125m': the figures after these words, in a "
                                         "sentence that names no one before them, are parts of the figure before")
    commodity_units: Words
    exchange_quote: ExchangeQuote
    ownership: Ownership
    products: ProductRules
    combined: CombinedRules
    limits: SubjectLimits


def subject_rules(directory: str | Path | None = None) -> SubjectRules:
    return load("subjects.json", SubjectRules, directory)
