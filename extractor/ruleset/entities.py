"""Schemas of rules/entities.json (names without a model), rules/common_words.json,
rules/given_names.json, rules/countries.json."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from .base import Regex, Regexes, RuleFile, Strict, Words
from .loader import load


class EntityLimits(Strict):
    """Numbers of the name linker."""

    prefix_letters: int = Field(description="letters a truncated or misspelt name shares with its full name "
                                            "before the two are compared ('Yuga' of 'Yugansk', 'Yuganskneftegas')")
    fuzzy_ratio: int = Field(description="rapidfuzz ratio (0-100) from which two spellings are one name")
    label_words: int = Field(description="words before a colon at the start of a line that make it a label "
                                         "('Total Cost (2026): ...'), whose capitals prove nothing")
    candidates: int = Field(description="longer names compared with one name at most (keeps linking linear)")
    body_after_and_words: int = Field(gt=0, description="words at most of the name after 'and' that ends in a public "
                                                        "body's word ('the Driver and Vehicle Standards Agency')")
    market_reach_chars: int = Field(description="characters looked back from the word 'market' for the place or "
                                                "sector that names it ('the UK property market')")
    heading_min_words: int = Field(description="words from which a line of mostly capitalised words is a heading "
                                               "(two capitalised words without a full stop are one too)")
    heading_capitals_share: float = Field(ge=0, le=1, description="share of a heading's words that are capitalised")


class EntityRules(RuleFile):
    aliases: dict[str, Words]
    labels: dict[str, str]
    connectors: Words
    hyphen_prefixes: Words = Field(description="capitalised prefixes a hyphen joins to a name that are no part of "
                                               "it ('Ex-Boeing boss': Boeing)")
    stop_words: Words
    generic_references: Words
    demonyms: Words
    common_names: dict[str, str]
    org_nouns: Words
    for_heads: Words = Field(default_factory=list, description="words after which 'for' goes on with a name ('Bank "
                             "for International Settlements'); after any other 'for' ends it")
    leading_descriptions: Words = Field(default_factory=list, description="capitalised words that, opening a "
                                        "sentence before a name, describe it and are no part of it ('Rival Sahyadri "
                                        "Auto', 'Carmaker Vessbro Motors'), unless the text uses the whole run "
                                        "mid-sentence")
    person_titles: Words
    title_abbreviations: Words = Field(description="titles of the person_titles that may be written with a full stop "
                                                   "('Dr. Ann Bell'); after any other title a full stop ends a sentence")
    title_prepositions: Words = Field(description="after a title in an apposition these words still make the name "
                                                  "a person ('Anna Voss, the chairman of Tellan'; 'a spokesman for')")
    month_words: Words
    month_date_cues: Words = Field(description="a month name after one of these words is a date, not a name, even "
                                               "before a capitalised word ('in May Acme said'; but 'May Department Stores')")
    month_possessive_date_cues: Words = Field(description="a month name with \"'s\" after one of these words is a "
                                                          "date ('in May's figures'; but 'of May's debt')")
    common_word_endings: Words
    corporate_suffixes: Words
    brand_suffixes: Words
    ticker_patterns: Regexes
    public_body_words: Words
    product_code: Regex = Field(description="a one-word name of this shape is a model or product code ('CV220', "
                                            "'A350'), not a company (PRODUCT); 'G4S' is none")
    region_words: dict[str, Words] = Field(description="a two- or three-word name that starts with one of 'first' and "
                                                       "ends with one of 'last' is a region (LOC): 'North America', "
                                                       "'Southeast Asia', 'Middle East' ('Bank of America' is none)")
    body_words: Words
    market_kinds: Words
    title_case_minor_words: Words = Field(description="the words a Title Case line leaves in lower case ('Acme Bids "
                                                      "for Beta'); a line with any other lower-case word ('Acme owes "
                                                      "Beta $40m.') is a sentence, not a heading")
    adjective_suffixes: Words
    person_name_blockers: Words = Field(description="words that keep a name starting with a given name "
                                                    "(rules/given_names.json) from being a person, besides the "
                                                    "corporate suffixes, org nouns and body words ('Partners', "
                                                    "'Stores')")
    described_party_nouns: Words = Field(description="nouns of a party the text describes but does not name, after a "
                                                     "place ('sold to a US consortium', 'a Gulf sovereign wealth fund'): "
                                                     "the description is the party's name ('US consortium'), unless a "
                                                     "name follows it")
    kind_words: dict[str, Words] = Field(description="for a type noun a reference uses ('the bank', 'the insurer'), "
                                                    "the words that make a company's name one of that kind: its last "
                                                    "word, or the word before 'of' ('Halden Bank', 'Bank of Halden'). A "
                                                    "name holding only other nouns' words is not of that kind ('Brannock "
                                                    "Steel' is no bank); a name holding none may be of any kind")
    limits: EntityLimits


class CommonWords(RuleFile):
    source: str
    words: Words


class GivenNames(RuleFile):
    source: str
    names: dict[str, Literal["male", "female"]] = Field(description="given names, with the gender each is most "
                                                                    "often given to")


class Countries(RuleFile):
    source: str
    names: Words = Field(description="English names of countries and territories (labelled GPE)")


def countries(directory: str | Path | None = None) -> Countries:
    return load("countries.json", Countries, directory)


def entity_labels(directory: str | Path | None = None) -> dict[str, str]:
    """The label of each known name: the countries are places (GPE), unless entities.json's
    ``labels`` say otherwise."""
    return {**{name: "GPE" for name in countries(directory).names}, **entity_rules(directory).labels}


def entity_rules(directory: str | Path | None = None) -> EntityRules:
    return load("entities.json", EntityRules, directory)


def given_names(directory: str | Path | None = None) -> GivenNames:
    return load("given_names.json", GivenNames, directory)


def common_words(directory: str | Path | None = None) -> CommonWords:
    return load("common_words.json", CommonWords, directory)
