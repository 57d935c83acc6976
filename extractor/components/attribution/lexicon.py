"""The attribution rules made ready for lookup once per pipeline: lower-case word sets, the
cue phrase matcher and one regex per source type."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from ...models import SourceType
from ...name_kinds import NameKinds
from ...ruleset.attribution import AttributionRules
from ...textmatch import alternation

CUE_KINDS = ("verbs", "gerunds", "nested", "preposed", "adverbs", "nouns")  # the first that matches wins
CUE_RANK = {kind: k for k, kind in enumerate(CUE_KINDS)}


def _low(words: Iterable[str]) -> set[str]:
    return {w.lower() for w in words}


class WordClasses:
    """Named word sets looked up for every token of a document at once: each token's ORTH
    (or LOWER) hash gets one bit per set that holds its word."""

    def __init__(self, nlp: Language, classes: Mapping[str, Iterable[str]]) -> None:
        self.bit = {name: 1 << k for k, name in enumerate(classes)}
        codes: dict[int, int] = {}
        for name, words in classes.items():
            for w in words:
                key = nlp.vocab.strings[w]
                codes[key] = codes.get(key, 0) | self.bit[name]
        keys = sorted(codes)
        self.keys = numpy.array(keys, dtype=numpy.uint64)
        self.codes = numpy.array([codes[k] for k in keys], dtype=numpy.int64)

    def of(self, hashes: numpy.ndarray) -> numpy.ndarray:
        """The bits of each hash (0 for a word in no class)."""
        if not len(self.keys):
            return numpy.zeros(len(hashes), dtype=numpy.int64)
        at = numpy.minimum(self.keys.searchsorted(hashes), len(self.keys) - 1)
        return numpy.where(self.keys[at] == hashes, self.codes[at], 0)


class Lexicon:
    """Read-only: shared by every document the component processes."""

    def __init__(self, nlp: Language, r: AttributionRules, common_words: Iterable[str], clause_end: Iterable[str],
                 demonyms: Iterable[str], name_kinds: NameKinds, places: Iterable[str] = ()) -> None:
        self.rules = r
        self.places = set(places)  # known countries and regions: 'the airline' stands for none of them
        self.name_kinds = name_kinds  # 'Halden Bank' is a bank: 'the bank said' may stand for it
        self.common_words = _low(common_words)  # frequent English words: a lone first word among them is no name
        self.demonyms = set(demonyms)  # 'the Norwegian operator' names no one: a description
        self.clause_end = set(clause_end)  # tokens that end a clause (rules/clauses.json end_tokens)
        self.limits = r.limits
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind in CUE_KINDS:
            self.matcher.add(kind, [nlp.make_doc(w) for w in getattr(r.cues, kind)])
        self.kind_of = {nlp.vocab.strings[kind]: kind for kind in CUE_KINDS}  # match id -> cue kind
        self.invertible = _low(r.cues.invertible)
        self.passive, self.passive_aux = _low(r.cues.passive), _low(r.cues.passive_auxiliaries)
        self.ambiguous, self.quantity_verbs = _low(r.cues.ambiguous), _low(r.cues.quantity_verbs)
        self.results_verbs = _low(r.cues.results_verbs)
        self.company_documents = _low(r.company_documents)
        self.officer_titles = _low(r.officer_titles)
        titles = r.official_titles
        self.title_bodies = dict(titles.bodies_of) if titles else {}  # 'Minister' -> 'Ministry'
        self.title_not_of = set(titles.not_of) if titles else set()
        self.titled_bodies = set(titles.bodies) if titles else set()
        self.name_noun_followers = _low(r.cues.name_noun_followers)
        self.figure_openers = _low(r.cues.figure_openers)
        self.preposed_not_before = _low(r.cues.preposed_not_before)
        self.nouns, self.figure_nouns = _low(r.cues.nouns), _low(r.cues.figure_nouns)
        self.noun_agents, self.noun_links = _low(r.cues.noun_agents), _low(r.cues.noun_links)
        self.modifier_sources = _low(r.cues.modifier_sources)
        self.participles, self.participle_places = _low(r.cues.participles), _low(r.cues.participle_places)
        self.time_words, self.calendar_words = _low(r.time_words), _low(r.calendar_words)
        self.temporal_prepositions = [tuple(p.lower().split()) for p in r.temporal_prepositions]
        self.citing = {tuple(p.lower().split()) for p in r.cues.citing_phrases}
        self.continuers = _low(r.cues.content_continuers)
        self.blame_verbs, self.blame_effects = _low(r.cues.blame_verbs), _low(r.cues.blame_effects)
        self.gapped = {k.lower(): v.lower() for k, v in r.cues.gapped.items()}
        self.naming, self.particles = _low(r.cues.naming), _low(r.cues.phrasal_particles)
        self.inference_gerunds = _low(r.cues.inference_gerunds)
        self.particle_verbs, self.listener_verbs = _low(r.cues.particle_verbs), _low(r.cues.listener_verbs)
        self.data_verbs, self.data_nouns = _low(r.cues.data_verbs), _low(r.data_nouns)
        self.clause_verbs, self.object_openers = _low(r.cues.clause_verbs), _low(r.cues.object_openers)
        self.writing_verbs, self.writing_followers = _low(r.cues.writing_verbs), _low(r.cues.writing_followers)
        self.questions = set(r.cues.questions)
        self.modifiers, self.determiners = _low(r.cue_modifiers), _low(r.determiners)
        self.boundaries, self.conjunctions = _low(r.boundaries), _low(r.conjunctions)
        self.open_boundaries = _low(r.open_boundaries)
        self.glue = {tuple(p.lower().split()) for p in r.source_glue}
        self.quotes, self.dashes = set(r.quotes), set(r.dashes)
        self.quote_pairs = r.quote_pairs
        self.quote_marks = set(r.quote_pairs) | set(r.quote_pairs.values())
        self.pronouns, self.descriptions = _low(r.pronouns), _low(r.descriptions)
        self.general_descriptions = _low(r.general_descriptions)
        self.tails, self.negations = _low(r.cue_tails), _low(r.negations)
        self.noun_followers, self.relatives = _low(r.cues.noun_followers), _low(r.relatives)
        self.citing_openers = _low(r.citing_openers)
        self.figure_links = _low(r.cues.figure_links)
        self.complementizers, self.agent_prepositions = _low(r.complementizers), _low(r.agent_prepositions)
        self.issuer_prepositions = _low(r.issuer_prepositions)
        self.articles, self.indefinite = _low(r.articles), _low(r.indefinite_articles)
        self.definite = self.articles - self.indefinite
        self.possessives = set(r.possessive_markers)
        self.possessive_determiners = _low(r.possessive_determiners)
        self.possessor_heads = self.articles | self.possessive_determiners  # 'the budget office's', not 'of analysts''
        self.person_pronouns, self.locatives = _low(r.person_pronouns), _low(r.locatives)
        self.plural_pronouns, self.person_words, self.plural_words = (_low(r.plural_pronouns), _low(r.person_words),
                                                                      _low(r.plural_words))
        self.data_source_types, self.thing_types = set(r.data_source_types), set(r.thing_types)
        self.type_words = {w for words in r.source_types.values() for w in _low(words)}
        self.not_names, self.connectors = _low(r.not_names), _low(r.name_connectors)
        self.name_enders = self.connectors | _low(r.name_enders)
        self.partitives = _low(r.partitives)
        self.subject_words = self.connectors | self.descriptions | self.possessives | self.definite
        self.clause_words = self.passive_aux | self.modifiers
        self.passive_skips = self.modifiers | self.negations  # may stand between a passive auxiliary and its verb
        self.spokesperson = [tuple(w.lower().split()) for w in r.spokesperson]
        # the first words of those phrases: a span with none of them names no spokesperson (None: an empty phrase)
        self.spokesperson_starts = {p[0] for p in self.spokesperson} if all(self.spokesperson) else None
        self.speaking = self.pronouns | self.descriptions | self.data_nouns  # a span with one of them can speak
        self.spokesperson_prepositions = _low(r.spokesperson_prepositions)
        self.appositive_ends = {","} | self.quotes | self.clause_end  # an appositive read leftwards starts after one
        self.source_stops = self.clause_end | {",", ":", "(", ")"} | self.quotes  # a source noun phrase ends there
        self.orth_classes = WordClasses(nlp, {
            "comma": [","], "colon": [":"], "stop": self.clause_end | {","} | self.quotes, "dash": self.dashes,
            "no_start": [",", ":", ";"], "no_end": [",", ".", ";", ":"], "quote": self.quote_marks})
        # each type's phrases as one regex over the span's lower-case words joined by spaces, and
        # the words they start with: a span with none of them is not of that type (None: no test)
        self.types: list[tuple[SourceType, re.Pattern[str], set[str] | None]] = []
        for t, words in r.source_types.items():
            phrases = [" ".join(w.lower().split()) for w in words]
            starts = {p.split(" ")[0] for p in phrases} if phrases and all(phrases) else None
            self.types.append((t, re.compile(r"(?:^| )(?:" + alternation(phrases) + r")(?= |$)"), starts))
        every_start = [starts for _, _, starts in self.types]
        # the words any type's phrases start with: a span with none of them has no type (None: no test)
        self.type_starts: set[str] | None = set().union(*every_start) if None not in every_start else None
