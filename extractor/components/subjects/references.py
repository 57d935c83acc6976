"""Descriptions and pronouns that stand for a name ("the company", "the Beijing-based tech
giant", "the unit", "it", "its"), each resolved to the nearest earlier name whose kind fits.

The kind of a name is learnt from the text: an apposition ("Qantas, the airline"; "state
oil firm Rosneft"; "Yukos unit Yugansk") gives it the kind of its type noun; otherwise an
organisation fits any company noun and a country or public body any government noun.
Candidates are, in order: the first name in subject position earlier in the same sentence
(for a description, else the nearest fitting name before it in the sentence);
then in the nearest sentence before that has one, its first subject name, else its first
fitting name or a pronoun (or the same description) resolved before it ("The plan dented
its margins at rival Beta. The company..." is the company "its" stands for); the main
entity last.
"a merged firm" ("the combined company") stands for the names last joined with "and", else
the last two a deal joins ("Acme is buying Beta", rules/subjects.json merger_links).
Each reference is resolved once, looking back over a bounded number of names.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from ...layout import Layout
from ...name_kinds import NameKinds
from ...ruleset.subjects import SubjectRules
from ...textmatch import alternation, union
from ..extensions import EntityMention
from .lists import NameList, short_forms

GOVERNMENT_LABELS = {"GPE", "GOV"}
LOCATIVE_BEFORE = re.compile(r"\b(?:on|at)\s+(?:the\s+)?$", re.IGNORECASE)  # search(name start - 8, name start)
COMPANY_LABELS = {"ORG"}


@dataclass
class Reference:
    """A description or pronoun at [start, end) of the kind ``kind`` (a kind of rules
    ``reference_kinds``, "pronoun" or "merged"), with the type noun it uses."""

    start: int
    end: int
    text: str
    kind: str
    noun: str
    name: str | None = None  # "the Russian government" names itself: "Russian government"
    label: str = "GOV"  # the label of a reference that names itself
    place: str | None = None  # "the US firm": a company of that place


@dataclass
class Kinds:
    """What appositions tell of a document's names: the type noun of each ('Qantas, the
    airline'), and its place ('US phone firm MCI', 'Fiat, Italy's largest employer')."""

    nouns: dict[str, str]
    places: dict[str, str]
    named: dict[str, frozenset[str]]  # the type nouns a name's own words give it ('Halden Bank': bank, lender)


class References:
    """Finds and resolves the references of one document."""

    def __init__(self, rules: SubjectRules, adjective_suffixes: list[str], nationalities: set[str],
                 given_names: dict[str, str], place_aliases: dict[str, list[str]], name_kinds: NameKinds) -> None:
        self.rules = rules
        self.name_kinds = name_kinds
        self.given_names = given_names  # given name -> the gender it is most often given to
        self.adjective_suffixes = tuple(f"-{s}" for s in adjective_suffixes)
        self.nationalities = nationalities
        self.state_nouns = set(rules.state_nouns)
        self.country_nouns = set(rules.country_nouns)
        self.body_nouns = set(rules.body_nouns)
        self.kind_of_noun = {noun: kind for kind, nouns in rules.reference_kinds.items() for noun in nouns}
        self.general = set(rules.general_nouns)
        self.not_general = set(rules.not_general_kinds)
        self.synonyms = {noun: frozenset(group) for group in rules.kind_synonyms for noun in group}
        self.pronouns = {p.lower() for p in rules.pronouns}
        nouns = alternation(self.kind_of_noun)
        # a modifier holds no full stop but an abbreviation's ('the U.S. bank'; not 'the deal. The bank')
        modifier = r"(?:(?![Tt]he\s|[Tt]his\s|[Tt]hat\s|an?\s)(?:(?:[A-Za-z]\.){2,}|[A-Za-z][\w&'-]*)\s+){0,%d}?" % (
            rules.limits.reference_modifiers)  # no determiner ('that the authority' is 'the authority')
        self.description = re.compile(
            rf"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+(?P<mods>{modifier})(?P<noun>{nouns})\b(?!['’]s?\s+(?:{nouns})\b)")
        self.pronoun = re.compile(rf"\b(?:{alternation(rules.pronouns)})\b", re.IGNORECASE)
        self.person_pronoun = re.compile(rf"\b(?:{alternation(rules.person_pronouns)})\b", re.IGNORECASE)
        self.person_title = re.compile(rf"\b(?P<title>{alternation(rules.person_titles)})\s+$")
        self.expletive = re.compile(rf"\s+(?:{alternation(rules.expletive_after_it)})\b", re.IGNORECASE)
        self.merged = re.compile(rf"\b(?:{alternation(rules.merged_modifiers)})\b", re.IGNORECASE)
        self.merger_link = re.compile(union(rules.merger_links), re.IGNORECASE)  # used with fullmatch(end, start)
        government = alternation(rules.reference_kinds["government"])
        self.government_noun = re.compile(rf"\b(?:{government})\b")
        self.bare_government = re.compile(  # "Russian prosecutors": a nationality names a government body; search(pos-n, pos)
            rf"(?<![Tt]he )\b(?P<mods>(?:{alternation(sorted(nationalities))})(?:['’]s)?\s+(?:[a-z-]+\s+)?)$")
        counts = rf"(?i:{alternation(rules.group_counts)}|\d+)"
        self.group = re.compile(  # "the carmakers", "Japanese investors": a group that names itself
            rf"\b(?:(?P<the>[Tt]he)\s+(?:{counts}\s+)?|{counts}\s+|(?P<place>{alternation(sorted(nationalities))})\s+)"
            rf"(?P<noun>{alternation(rules.group_nouns)})\b")
        self.project_after = re.compile(  # "Carrow copper project", "Kestle gas field": used with match(name end)
            rf"\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>{alternation(rules.reference_kinds.get('project', []))})\b")
        self.apposition_after = re.compile(rf"\s*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{nouns})\b")
        self.apposition_before = re.compile(rf"\b(?P<noun>{nouns})\s+$")
        regions = alternation(rules.region_nouns)
        self.region_of = re.compile(  # "the eastern province of Varlan"
            rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<noun>{regions})\s+of\s+(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\b")
        self.of_name = re.compile(r"\s+of\s+(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\b")  # "the government of Kelsar": match(end)
        self.region_after = re.compile(rf"\s+(?P<noun>{regions})\b")  # "Varlan province": used with match(name end)
        self.region_nouns = set(rules.region_nouns)
        place = alternation(sorted(nationalities))
        self.place_before = re.compile(rf"(?<![\w-])(?P<place>{place})\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{nouns})\s+$")
        self.place_after = re.compile(rf",\s+(?:(?:the|a|an)\s+(?P<the>{place})\s|(?P<own>{place})['’]s\s)")
        self.place_alias = {alias: name for name, spellings in place_aliases.items() for alias in spellings}

    def find(self, text: str) -> list[Reference]:
        found = []
        for m in self.description.finditer(text):
            noun = m.group("noun").lower()
            mods = m.group("mods")
            capitals = [w for w in (mods or "").split() if w[:1].isupper() and not w.endswith(self.adjective_suffixes)]
            if capitals and self.kind_of_noun[noun] != "government" and not (
                    len(capitals) == 1 and capitals[0] in self.nationalities):
                continue  # "the Acme Group": a name, found by the entity finder ("the US firm" is none)
            kind = "merged" if self.merged.search(mods or "") else self.kind_of_noun[noun]
            named = kind == "government" and any(w[:1].isupper() for w in (mods or "").split())
            owner = self.of_name.match(text, m.end()) if kind == "government" and not named else None
            if owner:  # "the government of Kelsar" is the Kelsar government
                mods, named = f"{owner.group('name')} {mods or ''}", True
            end = owner.end() if owner else m.end()
            found.append(Reference(m.start(), end, text[m.start():end], kind, noun,
                                   self._government_name(mods, m.group("noun")) if named else None,
                                   place=self._place(capitals[0]) if capitals and not named else None))
        regions = [Reference(m.start(), m.end(), m.group(0), "region", m.group("noun"), m.group("name"))
                   for m in self.region_of.finditer(text)]
        starts = {r.start for r in regions}
        found = [r for r in found if r.start not in starts] + regions  # "the eastern province of Varlan" names Varlan
        for g in self.government_noun.finditer(text):
            m = self.bare_government.search(text, max(0, g.start() - 40), g.start())
            if m:
                found.append(Reference(m.start(), g.end(), text[m.start():g.end()], "government", g.group(0).lower(),
                                       self._government_name(m.group("mods"), g.group(0))))
        for m in self.group.finditer(text):
            name = m.group(0)[4:] if m.group("the") else m.group(0)
            found.append(Reference(m.start(), m.end(), m.group(0), "group", m.group("noun").lower(), name, "GROUP"))
        for m in self.pronoun.finditer(text):
            if m.group(0).lower() == "it" and self.expletive.match(text, m.end()):
                continue  # "it is expected that..."
            found.append(Reference(m.start(), m.end(), m.group(0), "pronoun", m.group(0).lower()))
        return sorted(found, key=lambda r: r.start)

    def persons(self, text: str, persons: list[EntityMention], view: Layout) -> list[EntityMention]:
        """Each 'he' or 'she' as a mention of the person it stands for: the nearest person
        named before it in its sentence, else the first of the nearest sentence before that
        names one (at most limits.person_sentences back), skipping one whose title, or else
        given name, gives another gender; none when no person fits. At most
        limits.antecedent_names persons are looked at for one pronoun."""
        genders = self.rules.person_pronouns
        starts = [p["start"] for p in persons]
        found: list[EntityMention] = []
        for m in self.person_pronoun.finditer(text):
            gender = genders[m.group(0).lower()]
            sentences = [view.sentence(m.start())[0]]
            for _ in range(self.rules.limits.person_sentences):
                if sentences[-1] == 0:
                    break
                sentences.append(view.sentence(sentences[-1] - 1)[0])
            end = bisect_left(starts, m.start())
            person = None
            for i, s_start in enumerate(sentences):
                in_sentence = bisect_left(starts, s_start, 0, end)
                first = max(in_sentence, end - self.rules.limits.antecedent_names)
                order = range(end - 1, first - 1, -1) if i == 0 else range(first, end)
                person = next((persons[j] for j in order if self._gender_fits(text, persons[j], gender)), None)
                if person or first > in_sentence:
                    break  # found, or the look-back is used up
                end = first
            if person:
                found.append({"text": m.group(0), "canonical": person["canonical"], "label": person["label"],
                              "start": m.start(), "end": m.end()})
        return found

    def _gender_fits(self, text: str, person: EntityMention, gender: str) -> bool:
        """No title ('Mr', 'Ms') or, without one, given name of the person tells another gender."""
        title = self.person_title.search(text, max(0, person["start"] - 8), person["start"])
        known = self.rules.person_titles[title.group("title")] if title else \
            self.given_names.get(person["canonical"].split()[0])
        return known is None or known == gender

    def _own_name(self, ref: Reference) -> str:
        """A public body the text never names stands for itself: 'the competition regulator'."""
        return ref.text.split(maxsplit=1)[-1]  # without its determiner

    def _government_name(self, mods: str, noun: str) -> str:
        """"Russian government" for "the Russian authorities" as for "the Russian government":
        a nationality or country with a word for the state names its government."""
        mods = re.sub(r"['’]s(?=\s|$)", "", mods)  # "Mexico's government" is the Mexico government
        place = " ".join(w for w in mods.split() if not w.islower())  # "Canada's federal government": Canada's
        if noun.lower() in self.state_nouns and place in self.nationalities:
            return f"{place} government"
        return f"{mods}{noun}"

    def kinds(self, text: str, entities: list[EntityMention]) -> Kinds:
        """The type noun each name is given by an apposition ("Qantas, the airline", "oil firm
        Rosneft"), and the place one gives it ("US phone firm MCI", "Fiat, Italy's largest")."""
        kinds = Kinds({}, {}, {})
        for e in entities:
            named = self.name_kinds.of(e["canonical"])
            if named:
                kinds.named[e["canonical"]] = named
            after = self.apposition_after.match(text, e["end"])
            before = self.apposition_before.search(text, max(0, e["start"] - 30), e["start"])
            m = after or before or self.region_after.match(text, e["end"]) or (
                self.project_after.match(text, e["end"]) if e["label"] != "PRODUCT" else None)  # 'copper project': Carrow's
            if m:
                kinds.nouns.setdefault(e["canonical"], m.group("noun").lower())
            before = self.place_before.search(text, max(0, e["start"] - 40), e["start"])
            after = self.place_after.match(text, e["end"])
            place = before.group("place") if before else after and (after.group("the") or after.group("own"))
            if place:
                kinds.places.setdefault(e["canonical"], self._place(place))
        return kinds

    def _place(self, word: str) -> str:
        """One spelling per place ('U.S.' and 'United States' are 'US')."""
        return self.place_alias.get(word, word)

    def resolve(self, refs: list[Reference], entities: list[EntityMention], view: Layout,
                subject_like: list[bool], cited: list[bool], speaking: list[bool], commenting: list[bool],
                kinds: Kinds, main: EntityMention | None) -> tuple[list[EntityMention], list[Reference]]:
        """For each reference the name it stands for, as a mention at the reference's place
        (``canonical`` and ``label`` of the antecedent), and the company references that
        stand for no name ('the bank' in a text that names no bank and used no 'bank' before).
        ``subject_like[i]``: entity i stands in subject position; ``cited[i]``: it reports on
        another entity, an antecedent only in its own sentence ("the company" after "The
        Financial Times reports that Acme..." is Acme, not the newspaper); ``speaking[i]``: it
        stands in the source of an attribution, ``commenting[i]``: of a third party's (an analyst's:
        'Analysts at Castelmare estimated ...', the antecedent of no description after it)."""
        starts = [e["start"] for e in entities]
        back = self.rules.limits.antecedent_names
        counts = Counter(e["canonical"] for e in entities if e["label"] in GOVERNMENT_LABELS)
        top = counts.most_common(1)[0][0] if counts else None
        salient_government = next((e for e in entities if e["canonical"] == top), None)
        resolved: list[EntityMention] = []
        unresolved: list[Reference] = []
        first_use: dict[str, int] = {}
        bound: dict[str, str] = {}  # a specific type noun -> the name its last description stood for
        region: EntityMention | None = None  # the region last named ('the province of Varlan', 'Varlan province')
        named_regions = sorted([(e["start"], e) for e in entities if kinds.nouns.get(e["canonical"]) in self.region_nouns]
                               + [(r.start, {"canonical": r.name, "label": r.label}) for r in refs if r.kind == "region" and r.name],
                               key=lambda p: p[0])
        k = 0
        for ref in refs:
            while k < len(named_regions) and named_regions[k][0] < ref.start:
                region, k = named_regions[k][1], k + 1
            if ref.kind == "region" and not ref.name:
                if region:  # 'the province' stands for the region last named, or for nothing
                    resolved.append({"text": ref.text, "canonical": region["canonical"], "label": "GOV",
                                     "start": ref.start, "end": ref.end})
                continue
            i = bisect_left(starts, ref.start)
            window = list(range(max(0, i - back), i))
            if ref.name:
                resolved.append({"text": ref.text, "canonical": ref.name, "label": ref.label, "start": ref.start, "end": ref.end})
                continue
            if ref.kind == "pronoun" and resolved and resolved[-1]["start"] >= view.sentence(ref.start)[0] \
                    and resolved[-1]["label"] in COMPANY_LABELS | GOVERNMENT_LABELS \
                    and not (window and entities[window[-1]]["start"] >= resolved[-1]["end"]):  # a name inside it ('of Quebec') is its own
                resolved.append({**resolved[-1], "text": ref.text, "start": ref.start, "end": ref.end})
                continue  # "The company said it...": the description just before
            if ref.kind == "merged":
                found = self._merged(view.text, entities, window)
            else:
                found = self._antecedent(ref, entities, window, view, subject_like, cited, speaking, commenting, kinds,
                                         resolved, bound)
            if found is None and ref.kind == "government" and not self._body_noun(ref):
                found = salient_government
            if found is None and ref.kind == "government":  # "The government said it would spend": no company's
                found = {"canonical": "government" if ref.noun in self.state_nouns else self._own_name(ref), "label": "GOV"}
            if found is None and ref.kind != "merged" and main and self._fits(ref, main, kinds):
                found = main
            if found:
                resolved.append({"text": ref.text, "canonical": found["canonical"], "label": found["label"],
                                 "start": ref.start, "end": ref.end})
                if ref.kind == "company" and ref.noun not in self.general:
                    for noun in self.synonyms.get(ref.noun, {ref.noun}):
                        bound[noun] = found["canonical"]
            elif ref.kind == "company" and not self._described_before(view.text, ref, first_use):
                unresolved.append(ref)  # 'the bank' in a text that named none ('its central bank' names one)
        return resolved, unresolved

    @staticmethod
    def _described_before(text: str, ref: Reference, first_use: dict[str, int]) -> bool:
        """Does the text use the reference's noun before it ('its central bank says ... The bank
        has')? ``first_use`` keeps each noun's first offset (one scan per noun and document)."""
        if ref.noun not in first_use:
            m = re.search(rf"\b{re.escape(ref.noun)}\b", text, re.IGNORECASE)
            first_use[ref.noun] = m.start() if m else len(text)
        return first_use[ref.noun] < ref.start

    def _antecedent(self, ref: Reference, entities: list[EntityMention], window: list[int], view: Layout,
                    subject_like: list[bool], cited: list[bool], speaking: list[bool], commenting: list[bool],
                    kinds: Kinds, resolved: list[EntityMention], bound: dict[str, str]) -> EntityMention | None:
        """The name ``ref`` stands for among the names ``window`` (indexes of ``entities``);
        ``bound``: the name a specific type noun last stood for ('the start-up' in 'valuing the
        start-up at $2bn' is the start-up of the next sentences, not a customer named between)."""
        s_start = view.sentence(ref.start)[0]
        fitting = [j for j in reversed(window) if self._fits(ref, entities[j], kinds)]
        if ref.kind == "government" and ref.noun in self.country_nouns:
            country = next((entities[j] for j in fitting if entities[j]["label"] == "GPE"), None)
            if country is not None:
                return country  # "For importers such as India, ... The country's bill": India
        if ref.kind == "company" and ref.noun not in self.general:  # "the bank": a name that says it is one first
            said = [j for j in fitting if self._says(ref.noun, entities[j], kinds)
                    or bound.get(ref.noun) == entities[j]["canonical"]]
            fitting = said or fitting
        same = [j for j in reversed(fitting) if entities[j]["start"] >= s_start]  # in text order
        for j in same:
            if subject_like[j] and not (cited[j] and ref.kind != "pronoun"):
                return entities[j]  # the subject of the sentence: "Acme, which supplies Beta, said its..."
                # (not a newspaper reporting on another: "The Ledger reported that Acme valued the unit",
                # "The Ledger said the company would lose $3m")
        named = [j for j in same if not speaking[j]  # nor a name after 'on' or 'at': 'on the JSE'
                 and not LOCATIVE_BEFORE.search(view.text, max(s_start, entities[j]["start"] - 8), entities[j]["start"])]
        if named and (ref.kind not in ("pronoun", "government") or ref.kind == "government" and self._body_noun(ref)):
            # ('... the bonds of the Tarrow Water Authority, noting that the authority's revenue': a body's own noun)
            return entities[named[-1]]  # "the retrial of a former Tyco chief, accused of looting the conglomerate"
        sentences: dict[int, list[int]] = {}  # earlier sentence start -> its fitting names, first first
        for j in fitting:
            if entities[j]["start"] < s_start and not cited[j]:
                sentences.setdefault(view.sentence(entities[j]["start"])[0], []).insert(0, j)
        opened = {}  # earlier sentence start -> the description or pronoun that opens it ('The start-up's revenue ...')
        for r in resolved[-self.rules.limits.antecedent_names:]:
            start = view.sentence(r["start"])[0]
            if r["start"] == start < s_start and self._fits(ref, r, kinds):
                opened[start] = r
        for start in sorted(sentences.keys() | opened.keys(), reverse=True):  # the nearest sentence that has one
            if start in opened:
                return opened[start]
            names = sentences[start]
            subjects = [j for j in names if subject_like[j]]
            if subjects:
                return entities[subjects[0]]
            unsaid = [j for j in names if not commenting[j]]  # not an analyst's firm ('Analysts at Castelmare estimated')
            if ref.kind != "government" and unsaid:  # its first name, or a pronoun before it that stands for another
                first = entities[unsaid[0]]
                chain = [r for r in resolved[-self.rules.limits.antecedent_names:]
                         if start <= r["start"] < first["start"] and self._fits(ref, r, kinds)
                         and (r["text"].lower() in self.pronouns or r["text"].lower() == ref.text.lower())]
                return chain[0] if chain else first
        return None

    def _body_noun(self, ref: Reference) -> str | None:
        """The body noun that heads a government reference ('department' of 'the tax department')."""
        head = ref.noun.split()[-1].lower()
        return head if head in self.body_nouns else None

    def _fits(self, ref: Reference, e: EntityMention, kinds: Kinds) -> bool:
        label = e["label"]
        if ref.place and kinds.places.get(e["canonical"], ref.place) != ref.place:
            return False  # "the US firm" is no company the text places elsewhere
        if ref.kind == "pronoun":
            return label in COMPANY_LABELS | GOVERNMENT_LABELS
        if ref.kind == "government":  # 'the tax department' is no tribunal
            return label in GOVERNMENT_LABELS and (not self._body_noun(ref) or self._body_noun(ref) in e["canonical"].lower())
        known = kinds.nouns.get(e["canonical"])
        if ref.kind == "project":  # 'the mine' stands only for a name the text calls a project or a mine
            return known is not None and self.kind_of_noun.get(known) == "project"
        if label not in COMPANY_LABELS:
            return False
        if ref.kind == "unit":
            return known is None or self.kind_of_noun.get(known) == "unit"
        if known is None:  # no apposition: what its own name says ('Brannock Steel' is no bank)
            named = kinds.named.get(e["canonical"])
            return ref.noun in self.general or not named or ref.noun in named or ref.noun not in self.name_kinds.nouns
        if ref.noun in self.general and known in self.not_general:
            return False  # 'the company' is no fund described as one
        return ref.noun in self.general or known in self.general or known == ref.noun \
            or known in self.synonyms.get(ref.noun, ())  # 'carrier Voare' is 'the airline'

    @staticmethod
    def _says(noun: str, e: EntityMention, kinds: Kinds) -> bool:
        """Does an apposition or the name itself say ``e`` is a ``noun``?"""
        return kinds.nouns.get(e["canonical"]) == noun or noun in kinds.named.get(e["canonical"], ())

    def _merged(self, text: str, entities: list[EntityMention], window: list[int]) -> EntityMention | None:
        """'the combined firm': the last names joined by 'and' (or commas and 'and') before it."""
        for j in reversed(window):
            names = [entities[j]]
            k = j - 1
            while k >= 0 and k in window and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[entities[k]["end"]:names[0]["start"]]):
                names.insert(0, entities[k])
                k -= 1
            if len(names) > 1:
                return NameList(names, short_forms(entities)).combined()
        for j in reversed(window):  # "Acme is buying Beta. The combined firm ...": the two the deal joins
            if j - 1 in window and self.merger_link.fullmatch(text, entities[j - 1]["end"], entities[j]["start"]):
                return NameList([entities[j - 1], entities[j]], short_forms(entities)).combined()
        return None
