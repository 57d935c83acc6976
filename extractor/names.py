"""Whether two written names are one entity: acronyms, short forms, spellings. Plain text
only (no spaCy), so that any component can use it: the entity finder links the names of a
document with it, and attribution can expand an acronym source ("GM" for "General Motors").

- ``initials("General Motors") == "GM"``; function words of a name ("of", "and", "for",
  "&", "de") may be skipped or kept: "Bank of America" is "BoA" and "BA".
- ``is_acronym_of("SEC", "Securities and Exchange Commission")``; a last C or G may stand for
  a company word the full name leaves out ("MMC" for "Marsh & McLennan").
- ``is_short_form_of("Fox", "Fox Entertainment Group")``: the short form is the first
  words of the long one, or its distinctive last word ("Mitch" of "Hurricane Mitch").
- ``abbreviates("HQB", "Hanqiao Biotherapeutics")``: an acronym the text defines in brackets
  after a name need only take its letters in order.
- ``spelling_key("Worldcom") == spelling_key("WorldCom")``: spellings that differ only in
  case, spaces, hyphens or dots.
- ``acronyms(text)["CBO"]``: the full name in ``text`` whose initials spell the acronym
  ("Congressional Budget Office"), for every acronym the text spells out, in one pass; an
  acronym the text defines in brackets after a name stands for that name.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

FUNCTION_WORDS = frozenset({"of", "and", "for", "&", "de", "du", "des", "the", "von", "van", "la", "le"})
CORPORATE_INITIALS = frozenset("CG")  # Company, Companies, Corporation, Group
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|&")
_POSSESSIVE = re.compile(r"['’]s?$")
# 'General': a word of lower-case ASCII letters after a first letter that is no digit, no '_' and no
# a-z (kept when it is a letter and not lower-case: 'élan' and '²nd' are found, then dropped)
_CAPITALISED = re.compile(r"(?<!\w)[^\W\d_a-z][a-z]+(?!\w)")
_DEFINED = re.compile(r"\s*\(([A-Z][A-Za-z&]+)\)")  # used with match(name end): "Hanqiao Biotherapeutics (HQB)"
_SPELT_GAP = re.compile(r"\s+(?:(?:of|and|for|&)\s+)?")  # what may stand between the words an acronym spells


@lru_cache(maxsize=1 << 16)  # the names of a document are compared with one another many times
def words_of(name: str) -> tuple[str, ...]:
    """The words of a name, a possessive ending dropped ("Fiat's" is "Fiat")."""
    return tuple(_WORD.findall(_POSSESSIVE.sub("", name)))


@lru_cache(maxsize=1 << 16)
def spelling_key(name: str) -> str:
    """The name with case, accents, spaces, hyphens, dots and a possessive ending removed
    ('Aguas do Planalto' is 'Águas do Planalto')."""
    joined = "".join(words_of(name)).lower()
    return joined if joined.isascii() else "".join(c for c in unicodedata.normalize("NFKD", joined)
                                                    if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def looks_like_acronym(name: str, longest: int = 6) -> bool:
    """Two to ``longest`` capitals, perhaps dotted or with '&' ("GM", "U.S.", "AT&T", "BoA")."""
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= longest and letters.isalpha() and sum(c.isupper() for c in letters) >= 2 \
        and letters[0].isupper()


@lru_cache(maxsize=1 << 16)
def initials(name: str, keep_function_words: bool = False) -> str:
    """The initials of a name of several words ("" for one word): capitalised words count,
    function words only when ``keep_function_words``."""
    words = words_of(name)
    if len(words) < 2:
        return ""
    kept = [w for w in words if keep_function_words or w.lower() not in FUNCTION_WORDS]
    return "".join(w[0] for w in kept if w[0].isalnum() or w == "&")


def abbreviates(short: str, long: str) -> bool:
    """``short``, an acronym written in brackets right after ``long`` ("Maplewave
    Communications Inc (MWC)", "Hanqiao Biotherapeutics (HQB)"), abbreviates it: its letters
    stand in ``long`` in order (case-insensitively), the first one first."""
    if not looks_like_acronym(short):
        return False
    letters, name = short.replace(".", "").replace("&", "").lower(), long.lower()
    if not name.startswith(letters[0]):
        return False
    at = 0
    for c in letters:
        at = name.find(c, at)
        if at < 0:
            return False
        at += 1
    return True


@lru_cache(maxsize=1 << 16)
def is_acronym_of(short: str, long: str) -> bool:
    """``short`` spells the initials of ``long`` (case-insensitively, function words skipped
    or kept, a corporate word such as "Group" at the end optional)."""
    if not looks_like_acronym(short):
        return False
    key = short.replace(".", "").upper()
    words = words_of(long)
    variants = {initials(long).upper(), initials(long, keep_function_words=True).upper()}
    if len(words) > 2:  # "Baikal Finance Group" may be "BF"
        shorter = " ".join(words[:-1])
        variants |= {initials(shorter).upper()}
    variants -= {""}
    # "MMC" for "Marsh & McLennan": the company word of the full name, not written, ends the acronym
    return key in variants or (len(key) > 2 and key[-1] in CORPORATE_INITIALS and key[:-1] in variants)


@lru_cache(maxsize=1 << 16)
def is_short_form_of(short: str, long: str) -> bool:
    """``short`` names the same thing as the longer ``long``: its first words ("Fox" of
    "Fox Entertainment Group", "Northern" of "Northern Brewing"), its last word when the
    first is a title-like word ("Mitch" of "Hurricane Mitch"), or its acronym."""
    own, other = words_of(short), words_of(long)
    if not own or len(own) >= len(other):
        return False
    lowered = [w.lower() for w in own]
    if [w.lower() for w in other[:len(own)]] == lowered:
        return True
    if len(own) == 1 and other[-1].lower() == lowered[0] and len(other) == 2:
        return True
    return is_acronym_of(short, long)


def same_words(a: str, b: str) -> bool:
    """The same words in another order ("Menatep Group" and "Group Menatep")."""
    wa, wb = words_of(a), words_of(b)
    return len(wa) > 1 and sorted(w.lower() for w in wa) == sorted(w.lower() for w in wb)


def acronyms(text: str, shortest: int = 2, longest: int = 6) -> dict[str, str]:
    """Every acronym ``text`` spells out: the initials of each run of ``shortest`` to
    ``longest`` capitalised words ('of', 'and', 'for', '&' allowed between), mapped to the
    first run that has them ("GM": "General Motors"); found in one pass over the text."""
    words = [(m.start(), m.end()) for m in _CAPITALISED.finditer(text)
             if text[m.start()].isalpha() and not text[m.start()].islower()]
    joined = [_SPELT_GAP.fullmatch(text, words[k][1], words[k + 1][0]) is not None for k in range(len(words) - 1)]
    found: dict[str, str] = {}
    for k, (start, _) in enumerate(words):
        letters = text[start]
        for n in range(1, longest):
            if k + n >= len(words) or not joined[k + n - 1]:
                break
            letters += text[words[k + n][0]]
            if n + 1 >= shortest:
                found.setdefault(letters, text[start:words[k + n][1]])
    run = 0  # where the run of joined words ending at word k starts
    for k, (_, end) in enumerate(words):
        run = k if k == 0 or not joined[k - 1] else run
        defined = _DEFINED.match(text, end)
        if defined and shortest <= len(defined.group(1)) <= longest:
            full = next((text[words[j][0]:end] for j in range(run, k + 1)
                         if abbreviates(defined.group(1), text[words[j][0]:end])), None)
            if full:
                found[defined.group(1)] = full  # "Hanqiao Biotherapeutics (HQB)": the text says so
    return found


def preferred_spelling(spellings: Iterable[str]) -> str:
    """Of spellings that differ only in case or accents ("Worldcom", "WorldCom"; "Nvidia", "NVIDIA"),
    the one a reader would write: a lower-case first letter with capitals after it ("eBay"),
    inner capitals ("WorldCom"), then Title Case, then
    all capitals; then the one with its accents ("Águas", not "Aguas"); ties keep the first given."""
    ordered = list(dict.fromkeys(spellings))
    if len(ordered) == 1:
        return ordered[0]

    def rank(s: str) -> int:
        letters = [c for c in s if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        if s[:1].islower() and upper:
            return -1  # eBay, written "EBay" at the start of a sentence
        if letters and upper == len(letters) and len(letters) > 3:
            return 2  # NVIDIA
        if upper > len(s.split()):
            return 0  # WorldCom, ByteDance
        return 1

    return min(ordered, key=lambda s: (rank(s), -sum(not c.isascii() for c in s), ordered.index(s)))
