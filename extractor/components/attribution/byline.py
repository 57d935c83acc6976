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

    def read(self, text: str, lines: list[tuple[int, int]]) -> dict | None:
        """{name, text, start, end} of the byline among the text's lines, None when there is none."""
        for s, e in islice(((s, e) for s, e in lines if text[s:e].strip()), self.first_lines):
            line = text[s:e]
            for rx in (self.prefixed, self.team_first, self.team_last):
                m = rx.match(line)
                if m and _capitalised(m.group("name")):
                    name = m.group("name")
                    if "team" in m.groupdict():
                        name = f"{name} {self.team[m.group('team').lower()]}"
                    lead = len(line) - len(line.lstrip(" \t|/·•"))
                    return {"name": name, "text": line.strip(" \t|/·•"), "start": s + lead,
                            "end": s + len(line.rstrip())}
        return None


def _capitalised(name: str) -> bool:
    return all(w[:1].isupper() or not w[:1].isalpha() for w in name.split())
