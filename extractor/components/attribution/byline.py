"""The publisher from the byline: 'By LDS Team', '||By LDS Team', 'Pasukan Editorial BigGo'
among the first lines."""
from __future__ import annotations

import re
from itertools import islice

from ...textmatch import alternation
from ...ruleset.attribution import AttributionRules


class BylineReader:
    def __init__(self, rules: AttributionRules) -> None:
        r, limits = rules.byline, rules.limits
        self.first_lines = limits.byline_lines
        seps = re.escape(r.separators)
        name = rf"(?P<name>[^\W\d_][\w.&'’-]*(?:[ \t]+[\w.&'’-]+){{0,{limits.byline_name_words - 1}}})"
        prefixes = alternation(r.prefixes)
        self.prefixed = re.compile(rf"^[{seps}]*(?:{prefixes})[ \t:]+{name}[ \t]*$", re.IGNORECASE)
        self.team = {k.lower(): v for k, v in r.team_words.items()}
        words = alternation(self.team)
        self.team_first = re.compile(rf"^[{seps}]*(?P<team>{words})[ \t]+{name}[ \t]*$", re.IGNORECASE)
        self.team_last = re.compile(rf"^[{seps}]*{name}[ \t]+(?P<team>{words})[ \t]*$", re.IGNORECASE)
        # what team_last needs at the end of a line, looked for there only (a team word is as long
        # as the characters it matches, even ignoring case)
        self.team_end = re.compile(rf"[ \t](?:{words})[ \t]*$", re.IGNORECASE)
        self.longest_team = max(map(len, self.team), default=0)

    def read(self, text: str, lines: list[tuple[int, int]]) -> dict | None:
        """{name, text, start, end} of the byline among the text's lines, None when there is none."""
        for s, e in islice(((s, e) for s, e in lines if text[s:e].strip()), self.first_lines):
            line = text[s:e]
            m = self._match(line)
            if m:
                name = m.group("name")
                if "team" in m.groupdict():
                    name = f"{name} {self.team[m.group('team').lower()]}"
                lead = len(line) - len(line.lstrip(" \t|/·•"))
                return {"name": name, "text": line.strip(" \t|/·•"), "start": s + lead,
                        "end": s + len(line.rstrip())}
        return None

    def _match(self, line: str) -> re.Match[str] | None:
        """The first byline pattern that matches the line with a capitalised name."""
        for rx in (self.prefixed, self.team_first, self.team_last):
            if rx is self.team_last and not self._team_at_end(line):
                continue
            m = rx.match(line)
            if m and _capitalised(m.group("name")):
                return m
        return None

    def _team_at_end(self, line: str) -> bool:
        """Does a team word, a space before it, end the line? Only its last characters are read."""
        end = len(line.rstrip(" \t\n"))  # where a team word that ends the line ends
        return self.team_end.search(line, max(0, end - self.longest_team - 1)) is not None


def _capitalised(name: str) -> bool:
    return all(w[:1].isupper() or not w[:1].isalpha() for w in name.split())
