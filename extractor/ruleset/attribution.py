"""Schema of rules/attribution.json: attribution cues, source words and byline patterns."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ..models import SourceType
from .base import RuleFile, Strict, Words
from .loader import load


class CueRules(Strict):
    verbs: Words
    invertible: Words
    gerunds: Words
    inference_gerunds: Words = Field(description="gerunds that may tell what a fact suggests rather than what someone "
                                                 "said ('shares rose, suggesting investors expect more'): they continue "
                                                 "an attribution of their sentence, never take a clause's name alone")
    nested: Words
    citing_phrases: Words = Field(description="inside a source, who cites it: 'sources cited by the FT' (the FT cites the sources)")
    content_continuers: Words = Field(description="', the ministry said, with exports up 12%': after a clause-final cue and a "
                                                  "comma, a phrase that goes on with what was said")
    preposed: Words
    preposed_not_before: Words = Field(description="words after which a preposed cue is no attribution: 'per' before "
                                                   "a unit ('6.2 per cent', 'per share', 'per barrel') is no 'according "
                                                   "to'")
    adverbs: Words
    passive: Words
    passive_auxiliaries: Words
    ambiguous: Words
    quantity_verbs: Words
    results_verbs: Words = Field(description="verbs that state a party's own results when their object reaches a figure "
                                             "through 'of' ('posted a net loss of $5m'): no report then")
    figure_openers: Words
    noun_followers: Words
    name_noun_followers: Words = Field(description="after a capitalised word that does not start the sentence, an "
                                                   "ambiguous cue before one of these is a noun ('its Vell LNG project "
                                                   "to Petrona')")
    nouns: Words = Field(description="nominal cues: 'analysts' forecasts of $5bn', 'criticism from X', 'news that ...'")
    figure_nouns: Words = Field(description="nominal cues that take a figure after 'of' ('expectations of $42m')")
    noun_agents: Words = Field(description="prepositions that bring a nominal cue's source ('complaints from X')")
    noun_links: Words = Field(description="prepositions that open a nominal cue's content ('remarks about ...')")
    figure_links: Words = Field([], description="prepositions that join a figure noun to its figure after a verb "
                                                "of change or naming ('raised its forecast to $84', 'put its "
                                                "estimate at $5bn')")
    modifier_sources: Words = Field(description="nouns that, before a nominal cue, name who made it ('market expectations')")
    participles: Words = Field(description="participles after a figure ('the $310m reported by X', 'the $54bn expected "
                                           "on Wall Street'): the figure is what they report")
    participle_places: Words = Field(description="prepositions before a source of a participle ('expected on Wall Street')")
    naming: Words = Field(description="verbs that name ('has called the plan a disgrace'): not after an indefinite source "
                                      "('a firm called X'), not before a particle ('called off')")
    phrasal_particles: Words
    particle_verbs: Words = Field(description="verbs that before a particle are another verb ('called off', 'ruled out')")
    gapped: dict[str, str] = Field(description="verbs that report only with this word and a figure after their object "
                                               "('put the cost at $9bn')")
    listener_verbs: Words = Field(description="verbs whose object is who was told: '..., X told reporters' ends the clause")
    blame_verbs: Words = Field(description="'X blamed a cause for an effect': X claims the cause, not the effect")
    blame_effects: Words
    data_verbs: Words = Field(description="verbs whose source is data or a document ('figures show'), not a person "
                                          "('must show growth')")
    clause_verbs: Words = Field(description="verbs that report only with a clause after them ('maintained that ...'), "
                                            "not with an object ('maintain a pace')")
    object_openers: Words
    writing_verbs: Words = Field(description="verbs of writing that report only before a clause or a place of writing "
                                             "('wrote that', 'wrote in a note', '..., he wrote.'), not before an "
                                             "object ('the bank wrote car loans')")
    writing_followers: Words = Field(description="what may follow a writing verb that reports")
    questions: Words = Field(description="a sentence ending with one of these asks: its figures are not reported")


class BylineRules(Strict):
    prefixes: Words
    team_words: dict[str, str]
    separators: str


class AttributionLimits(Strict):
    inherit_sentences: int = Field(ge=0, description="a framing report goes on for at most this many sentences of its paragraph")
    max_source_tokens: int = Field(gt=0, description="a source read leftwards from its cue is at most this long")
    trailing_time_tokens: int = Field(gt=0, description="tokens at most of a time phrase stripped from the end of a "
                                                        "source ('before the auction', 'in May 2026')")
    max_appositive_tokens: int = Field(gt=0, description="a source read rightwards, or a name plus its appositive, is at most this long")
    max_content_tokens: int = Field(gt=0, description="a content reaches at most this far from its cue (a sentence never closed holds no longer ones)")
    appositive_head_tokens: int = Field(gt=0, description="the name before an appositive ('X, a senior analyst, said') is at most this long")
    parenthesis_tokens: int = Field(gt=0, description="a parenthesis inside a source name ('(D-Nev.)') is at most this long")
    cue_tail_tokens: int = Field(gt=0, description="a tail after a clause-final cue ('said on Tuesday') is at most this long")
    cue_long_tail_tokens: int = Field(gt=0, description="a tail with no figure and no complementizer ('said in a filing "
                                                        "to the Hong Kong stock exchange') is at most this long")
    preposed_content_words: int = Field(ge=0, description="'..., according to X' takes the words before it as content when there are at least this many")
    frame_tokens: int = Field(ge=0, description="a report frames its sentence when its cue or source starts within this many tokens of it")
    holder_window: int = Field(ge=0, description="a nested citation's holder is among this many attributions before or after it")
    chain_hops: int = Field(gt=0, description="a chain keeps at most this many citing hops below the publisher")
    employer_kind_words: int = Field(2, ge=0, description="lower-case words that may stand between 'at' and an "
                                     "analyst's employer ('analysts at brokerage Araucária')")
    participle_window: int = Field(ge=0, description="a participle reports a figure at most this many tokens before it")
    relative_window: int = Field(ge=0, description="'the $20bn that X says ...': a figure at most this many tokens before the relative")
    anaphora_sentences: int = Field(ge=0, description="'they' and 'it' prefer a fitting source of at most this many sentences before")
    body_lookback_tokens: int = Field(gt=0, description="tokens at most looked back for the body an official's description "
                                                        "('the agency said') stands for")
    gap_tokens: int = Field(gt=0, description="'put the cost at $9bn': at most this many tokens from the verb to 'at'")
    place_agent_tokens: int = Field(gt=0, description="'reported in a report by X': the agent preposition is at most this "
                                                      "many tokens after the participle's place word")
    results_object_tokens: int = Field(gt=0, description="'posted a net loss of $5m': at most this many words from a "
                                                         "results verb to 'of'")
    question_tail_tokens: int = Field(gt=0, description="a content is a question when one of its last this many tokens "
                                                        "(quotes and commas skipped) is a question mark")
    colon_head_tokens: int = Field(gt=0, description="a headline 'Name: ...' has its colon within this many tokens")
    colon_content_tokens: int = Field(gt=0, description="and at least this many tokens from the colon to the end")
    locative_window: int = Field(ge=0, description="a capitalised word this close after 'in'/'at' names a place, not a source")
    acronym_min_letters: int = Field(gt=0, description="an acronym to expand has at least this many letters")
    acronym_max_letters: int = Field(gt=0, description="and at most this many")
    byline_lines: int = Field(gt=0, description="the byline is looked for among this many first non-blank lines")
    byline_name_words: int = Field(gt=0, description="a byline name has at most this many words")


class OfficialTitles(Strict):
    """An official's title names the body the official speaks for ('Finance Minister Rodrigo
    Alcántara': the Finance Ministry; 'Treasury Cabinet Secretary Amina Wekesa': the Treasury),
    which goes into the chain before the person."""

    bodies_of: dict[str, str] = Field(description="a title word and its body's word: after a capitalised word, the two "
                                                  "name the body ('Minister': 'Ministry': 'Energy Minister' is the "
                                                  "Energy Ministry)")
    not_of: Words = Field(description="capitalised words before a title word that name no body ('Prime Minister')")
    bodies: Words = Field(description="capitalised words of a title that are a body themselves ('Treasury')")


class AttributionRules(RuleFile):
    cues: CueRules
    officer_titles: Words = Field([], description="a company officer's titles: a person source with one and no "
                                                  "organisation in its words speaks for the company that leads the "
                                                  "sentence before ('Chief executive Ingrid Solberg said ...')")
    official_titles: OfficialTitles | None = None
    company_documents: Words = Field([], description="documents a company issues about itself ('the prospectus', "
                                                     "'accounts filed at Companies House'): a figure they report has "
                                                     "the first company its content names as the issuer in its chain")
    colon_headline: bool = True
    cue_modifiers: Words
    partitives: Words = Field(description="words that name a part of a group with 'of' ('one of its shareholders', "
                                          "'two of the analysts'): the 'of' phrase stays in the source's name")
    cue_tails: Words
    negations: Words
    relatives: Words
    citing_openers: Words = Field(default_factory=list, description="words that open an appositive naming what the "
                                  "source cites, between it and its cue ('The Ledger, citing two sources, said')")
    complementizers: Words
    agent_prepositions: Words
    issuer_prepositions: Words = Field(description="after a data noun, the word before who issued it ('figures from "
                                                   "the Statistics Office', 'a report by the Ledger'): that issuer is "
                                                   "the source")
    determiners: Words
    time_words: Words = Field(description="words of a time phrase that is stripped from the start of a source ('Last month it')")
    temporal_prepositions: Words = Field(description="prepositions that open a time phrase at the end of a source, "
                                                     "stripped with their object ('Analysts polled by Northwire before "
                                                     "the auction had forecast'); a phrase opened by a time word ('in "
                                                     "May', 'on Monday') is stripped when all its words are time or "
                                                     "calendar words, numbers or articles")
    calendar_words: Words = Field(description="months and weekdays: stripped too, after a time word or before a number "
                                              "('On Monday Acme', not 'May Department Stores')")
    data_nouns: Words
    articles: Words
    indefinite_articles: Words
    possessive_markers: Words
    possessive_determiners: Words = Field(description="'its offer document', 'their filing': a document of one of "
                                                      "these stands for its owner, resolved like a pronoun")
    boundaries: Words
    open_boundaries: Words
    source_glue: Words
    conjunctions: Words
    quotes: Words
    quote_pairs: dict[str, str]
    dashes: Words
    pronouns: Words
    person_pronouns: Words
    plural_pronouns: Words
    person_words: Words = Field(description="a source holding one of these is a person ('chief executive X'): 'it' does not stand for it")
    plural_words: Words = Field(description="plural nouns without a final s ('people'): 'they' may stand for a source holding one")
    descriptions: Words
    general_descriptions: Words = Field(description="descriptions any company fits ('the group', 'the company'): a "
                                                    "description learnt from the text ('Austrian group Pfandler') "
                                                    "does not decide whom they stand for; the source just before does")
    spokesperson: Words
    spokesperson_prepositions: Words
    not_names: Words
    name_connectors: Words
    name_enders: Words
    locatives: Words
    source_types: dict[SourceType, Words]
    inherit_types: list[SourceType]
    data_source_types: list[SourceType] = Field(description="source types that may be the source of a data verb "
                                                            "without a data noun ('the ministry showed', 'analysts show')")
    thing_types: list[SourceType] = Field(description="source types a description such as 'the company' or 'the "
                                                      "insurer' may stand for (not a paper or a minister)")
    byline: BylineRules
    limits: AttributionLimits


def attribution_rules(directory: str | Path | None = None) -> AttributionRules:
    return load("attribution.json", AttributionRules, directory)
