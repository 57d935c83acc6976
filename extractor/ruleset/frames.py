"""Schema of rules/frames.json: role frames of transactions (who a figure is about, who is
on the other side), triggered by verb forms and nouns."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from .base import Regexes, RuleFile, Strict, Words
from .loader import load

Argument = Literal["agent", "patient", "possessor", "asset", "to", "from", "for", "against", "with", "in", "into", "on", "by", "at"]


class Roles(Strict):
    """The arguments to try, in order, for each role."""

    subject: list[Argument]
    counterparty: list[Argument]


class Frame(Strict):
    id: str = Field(description="the rule id is subject.<id> / counterparty.<id>")
    about: str
    verbs: Words = Field(default_factory=list, description="verb forms (every inflection written out)")
    nouns: Words = Field(default_factory=list, description="nouns (singular and plural written out)")
    requires: list[Argument] = Field(default_factory=list, description="arguments that must be filled")
    verb: Roles | None = None
    noun: Roles | None = None
    counted: Roles | None = Field(None, description="roles when the patient is counted ('sell 10 aircraft to X')")
    received: Roles | None = Field(None, description="roles of a noun after a recipient verb ('X won a $2bn order from "
                                                     "Y': the light verb's subject receives it)")
    receiving_verbs: Words = Field(default_factory=list, description="light verbs whose subject receives this frame's "
                                   "noun besides the common recipient verbs ('closed a $120m round')")
    granted: Roles | None = Field(None, description="roles of a noun after one of its granting_verbs, whose subject "
                                                    "grants or imposes it on another ('X imposed a $5m fine on Y', 'a "
                                                    "fine that X levied on Y', 'X approved a $2bn credit line for Y')")
    granting_verbs: Words = Field(default_factory=list, description="light verbs whose subject grants or imposes this "
                                  "frame's noun on another")
    sells: bool = Field(False, description="its patient is a thing sold; the document's 'asset' is the one most "
                                           "often sold")
    proposes: bool = Field(False, description="a bid or offer: its buyer only proposes to buy, the buyer of its thing "
                                              "only when no frame of a completed trade names one")
    values_thing: bool = Field(False, description="its patient is a thing that may be traded ('the deal values the "
                                                  "company at $3bn'): a description there that stands for the buyer "
                                                  "of the document's asset stands for that asset")
    buyer: list[Argument] = Field(default_factory=list, description="arguments that name who buys (for 'the buyer of X')")
    seller: list[Argument] = Field(default_factory=list, description="arguments that name who sells (the document's "
                                                                     "supplier)")
    no_places: list[Argument] = Field(default_factory=list, description="arguments a place never fills ('invested "
                                      "$3bn in China' is the investor's; 'into US bonds' names no party)")
    pays_price: bool = Field(False, description="a payment by the document's buyer of a thing that names no receiver "
                                                "is the thing's price ('Halvard would need to pay at least £2.7bn')")
    payer_roles: list[Argument] = Field(default_factory=list, description="arguments that name the subject when a "
                                        "company fills them and leave it to the other roles when a public body does "
                                        "('demanded $200m in back taxes from Kessor': Kessor pays; 'a tax demand from "
                                        "the government': the government claims)")
    proceeds: bool = Field(False, description="its participle after a comma that follows a sale in the same sentence "
                                              "names the sale's proceeds ('X sold a stake in Y, raising $800m': Y's "
                                              "sale price, the buyer the other party)")
    sold_to_pay: bool = Field(False, description="a sale: 'Y was sold to pay off a debt', 'the sale of Y to pay a tax "
                                                 "bill' make the seller (Y's owner) the payer")
    implicit_counterparty: Literal["government", "authority", "supplier"] | None = Field(
        None, description="who receives the figure when the sentence names no one (taxes: the government)")
    same_payee: list[str] = Field(default_factory=list, description="ids of frames whose named receivers receive this "
                                  "frame's figures that name none, from the same payer ('agreed to pay a $165m "
                                  "penalty to the agency ... will hand over $110m in cash': to the agency)")
    implicit_subject: list[str] = Field(default_factory=list, description="ids of frames whose subjects in the document "
                                        "name this frame's subject when its sentence names none ('Brightwater put in "
                                        "$50m': the company the article's funding and borrowing figures are about)")

    @model_validator(mode="after")
    def _roles_for_triggers(self) -> Frame:
        if self.verbs and self.verb is None:
            raise ValueError(f"frame {self.id!r} has verbs but no 'verb' roles")
        if self.nouns and self.noun is None:
            raise ValueError(f"frame {self.id!r} has nouns but no 'noun' roles")
        if not self.verbs and not self.nouns:
            raise ValueError(f"frame {self.id!r} has neither verbs nor nouns")
        return self


class Unnamed(Strict):
    determiners: Words = Field(description="indefinite determiners that open a description of an unnamed party")
    nouns: Words = Field(description="nouns that end it ('an unknown shell company', 'a previously unknown group')")
    buyer_nouns: Words = Field(description="'the <noun> of X' stands for who bought X ('the buyer of Yugansk')")
    apposed_determiners: Words = Field(description="determiners of a description that a name in apposition "
                                       "names ('its former supplier, Ostrow Parts'): the name is the party")
    groups: Words = Field([], description="plural nouns of a party of many that a preposition may name ('pay "
                                          "A$612m to shareholders', 'from retail investors'): the phrase, without "
                                          "its determiner, is the party's name")


class BoughtFromSeller(Strict):
    """'X paid $5m for a licence' in a document that sells things: the document's seller is the other party."""

    frames: Words = Field(description="frames whose figure, paid 'for' a thing no one names, buys from the seller")
    determiners: Words = Field(description="words after 'for' that open such a thing ('for another', 'for two blocks')")


class FrameLimits(Strict):
    reach_chars: int = Field(description="how far from the figure a trigger may stand, outside the figure's clause")
    gap_words: int = Field(description="words that may stand between a trigger (or preposition) and its name")
    count_words: int = Field(description="words before a patient in which a number makes it counted")
    idiom_reach_chars: int = Field(description="characters around a trigger in which an idiom holding it is looked for")
    figure_noun_chars: int = Field(description="a trigger that follows the figure within this many characters is a "
                                               "noun ('a $5bn bid')")


class FrameRules(RuleFile):
    frames: list[Frame]
    be_words: Words = Field(description="auxiliaries that make the verb after them passive")
    possessive_words: Words = Field(description="determiners that stand for a name ('its unit')")
    prepositions: Words = Field(description="prepositions that introduce an argument")
    stop_words: Words = Field(description="words past which no argument is looked for")
    after_figure_stops: Words = Field(description="words between a figure and a later trigger that end its reach")
    unnamed: Unnamed = Field(description="unnamed parties after a frame's preposition")
    coordinators: Words = Field(description="phrases that join two parts of one clause ('as well as')")
    shared_subject_verbs: Words = Field(description="words that open a verb phrase after 'and' ('X bought Y, and offered "
                                                    "to buy ...'): the name before 'and' is an object, not the doer")
    copulas: Words = Field(description="phrases that make their subject the noun after them ('emerged as the winner')")
    noun_gap_words: Words = Field(description="lower-case words that may stand between a noun and its 'by' "
                                  "('a loan of $5bn arranged by X'), and between a figure and a trigger after it; "
                                  "another noun there takes them itself ('£35m for the compensation scheme ordered "
                                  "by X'); participles and adverbs (-ed, -en, -ing, -ly) may stand there too")
    idioms: Regexes = Field(description="phrases in which a trigger word has another sense ('in order to')")
    number_words: Words = Field(description="words that count what follows them, a plural s allowed ('ten aircraft', "
                                            "'dozens of jets'); a digit counts too")
    quantity_words: Words = Field(description="words that take a part of what follows 'of' ('some of Beta's stores', "
                                              "'half of its shares'); with the number words and digits they lead on to "
                                              "the thing a frame acts on")
    asset_nouns: Words = Field([], description="plural nouns of things a company owns ('towers', 'stores', 'business "
                                              "parks'): counted after a sale verb, they are a disposal ('sells 14,200 "
                                              "towers to Meridia': not Meridia's order)")
    holding_nouns: Words = Field(description="what a share of a company is called ('a 40% stake in Beta', 'shares of "
                                             "Beta'): bought, sold or paid for, the company is the thing traded")
    light_verbs: Words = Field(description="verbs whose subject is the agent of the noun after them ('placed an order')")
    giving_verbs: Words = Field(description="verbs of two objects ('give Beta a $50m loan'): the name right after one, "
                                            "before a noun trigger, is the noun's 'to' party, the name before the verb its "
                                            "'from' party")
    recipient_verbs: Words = Field(description="light verbs whose subject receives the noun after them ('won an order', "
                                               "'received a payment'): a frame's 'received' roles apply")
    agent_blockers: Words = Field(description="words after which a name is no agent ('an officer at Acme')")
    bought_from_seller: BoughtFromSeller | None = None
    clause_openers: Words = Field([], description="blockers that may open a clause: a name after one with its verb "
                                                  "right after it does that verb ('after the drugmaker agreed to pay')")
    absolute_openers: Words = Field(description="blockers that open an absolute clause: a name after one does the "
                                    "-ing verb right after it ('with Beta contributing $50m')")
    limits: FrameLimits

    @model_validator(mode="after")
    def _unique_ids(self) -> FrameRules:
        ids = [f.id for f in self.frames]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"frame ids listed more than once: {', '.join(repeated)}")
        unknown = sorted({i for f in self.frames for i in f.implicit_subject} - set(ids))
        if unknown:
            raise ValueError(f"implicit_subject names frames that do not exist: {', '.join(unknown)}")
        return self


def frame_rules(directory: str | Path | None = None) -> FrameRules:
    return load("frames.json", FrameRules, directory)
