"""Who pays a person's own sum (rules/subjects.json ``personal_money``): a salary, a bonus or a
pay deal comes from the person's employer, its other party. The employer is the organisation
named with the person's role before the name ('Tarrow Group chief executive Lena Morley',
"the group's finance director, Lena Morley") or after it ('Lena Morley, chief executive of
Tarrow Group', "Lena Morley, Tarrow's chair"); a person with a role and no organisation
('chief executive Lena Morley') works for the document's main company. A person's first
employer stands for every later mention (their canonical name: a pronoun's too).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ...ruleset.subjects import SubjectRules
from ...textmatch import alternation
from ..extensions import EntityMention

MODIFIERS = r"(?:(?:former|new|interim|acting|then)\s+)?"
POSSESSIVE = re.compile(r"(?:'s|’s)?\s+")  # between an organisation and a role: fullmatch
OPENING = re.compile(r"\s*,\s*(?:(?:the|its|their)\s+)?")  # after a name, before its apposition: match
OF = re.compile(r"\s+(?:of|at)\s+")  # a role's organisation after it: match


class Employers:
    def __init__(self, rules: SubjectRules) -> None:
        pm = rules.personal_money
        roles = alternation(pm.employer_titles)
        self.role_before = re.compile(rf"(?i:(?:the\s+|its\s+)?\b{MODIFIERS}(?:{roles})),?\s+$")  # search up to a name
        self.role = re.compile(rf"(?i:{MODIFIERS}(?:{roles}))\b")  # match
        self.not_paid = re.compile(rf"\b(?i:{alternation(pm.not_from_employer)})\b")
        self.reach = pm.employer_reach

    def pays(self, text: str, start: int, end: int) -> bool:
        """Can an employer pay the personal sum of the clause ``text[start:end]`` (no fine, no fortune)?"""
        return self.not_paid.search(text, start, end) is None

    def find(self, text: str, persons: list[EntityMention], organisations: list[EntityMention],
             main: EntityMention | None) -> dict[str, EntityMention]:
        """Each person's employer, by the person's canonical name."""
        orgs = sorted(organisations, key=lambda e: e["end"])
        ends = [e["end"] for e in orgs]
        by_start = {e["start"]: e for e in organisations}
        found: dict[str, EntityMention] = {}
        titled: set[str] = set()
        for person in sorted(persons, key=lambda e: e["start"]):
            name = person["canonical"]
            if name in found:
                continue
            employer, role = self._before(text, person, orgs, ends)
            if employer is None:
                employer, role_after = self._after(text, person, by_start)
                role = role or role_after
            if employer is not None:
                found[name] = employer
            elif role:
                titled.add(name)
        if main is not None and main["label"] not in ("PERSON", "GPE", "NORP", "LOC"):
            for name in titled - set(found):
                found[name] = main
        return found

    def _before(self, text: str, person: EntityMention, orgs: list[EntityMention],
                ends: list[int]) -> tuple[EntityMention | None, bool]:
        """'Tarrow Group chief executive Lena Morley': the organisation, and whether a role stands before the name."""
        m = self.role_before.search(text, max(0, person["start"] - self.reach), person["start"])
        if m is None:
            return None, False
        k = bisect_right(ends, m.start()) - 1
        org = orgs[k] if k >= 0 else None
        if org is not None and POSSESSIVE.fullmatch(text, org["end"], m.start()):
            return org, True
        return None, True

    def _after(self, text: str, person: EntityMention,
               by_start: dict[int, EntityMention]) -> tuple[EntityMention | None, bool]:
        """'Lena Morley, chief executive of Tarrow Group', "Lena Morley, Tarrow's chair"."""
        opening = OPENING.match(text, person["end"])
        if opening is None:
            return None, False
        org = by_start.get(opening.end())
        if org is not None:  # "Lena Morley, Tarrow's chair"
            gap = POSSESSIVE.match(text, org["end"])
            return (org, True) if gap and gap.group(0).strip() and self.role.match(text, gap.end()) else (None, False)
        role = self.role.match(text, opening.end())
        if role is None:
            return None, False
        of = OF.match(text, role.end())
        return (by_start.get(of.end()) if of else None), True
