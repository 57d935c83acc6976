"""What kind of company a name says it is: 'Halden Bank' is a bank and a lender, 'Brannock
Steel' a steelmaker and no bank, 'Corvane' any kind. Plain text only (no spaCy): the
subject references and the attribution sources both use it (rules/entities.json
``kind_words``)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence


class NameKinds:
    """The type nouns ('bank', 'insurer') a name's own words give it."""

    def __init__(self, kind_words: Mapping[str, Sequence[str]], connector: str = "of") -> None:
        self.nouns_of: dict[str, frozenset[str]] = {}
        for noun, words in kind_words.items():
            for word in words:
                self.nouns_of[word] = self.nouns_of.get(word, frozenset()) | {noun}
        self.nouns = frozenset(kind_words)
        self.connector = connector

    def heads(self, words: Sequence[str]) -> list[str]:
        """The words of a name that may say its kind: the last, and each before 'of'."""
        return [w for k, w in enumerate(words) if k == len(words) - 1 or words[k + 1] == self.connector]

    def of(self, name: str) -> frozenset[str]:
        """The type nouns of ``name`` (empty: the name does not say)."""
        found: frozenset[str] = frozenset()
        for word in self.heads(name.split()):
            found |= self.nouns_of.get(word, frozenset())
        return found

    def fits(self, noun: str, name: str) -> bool | None:
        """True: the name says it is a ``noun``; False: it says it is of another kind; None:
        it does not say (or ``noun`` is not a kind the rules know)."""
        if noun not in self.nouns:
            return None
        kinds = self.of(name)
        return (noun in kinds) if kinds else None
