"""Find money amounts in plain text with regexes compiled from the rule files
(``amounts.json``: numbers, scales, qualifiers, ranges; ``currencies.json`` and the
generated ``currency_names.json``: currency markers; ``iso4217.json``: codes).

Two passes: atoms (a number with its optional currency marker, scale word and sub-unit:
``atoms``), then amounts (an atom, or two atoms joined into a range, with the qualifier
words and per-unit phrase around them: ``grammar``). How digits group and where the
decimals start is ``numerals``; which texts are currency markers is ``markers``.
Everything is data: adding a currency, scale or hedge word needs no code change.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..ruleset import amount_rules, currency_names, currency_rules, iso_currencies, rules_dir
from .atoms import Atom, Refusal
from .grammar import AmountGrammar, AmountMatch
from .markers import MarkerTable, build_markers

__all__ = ["AmountGrammar", "AmountMatch", "Atom", "MarkerTable", "Refusal", "default_grammar", "grammar_for"]


@lru_cache(maxsize=8)
def _grammar(directory: Path) -> AmountGrammar:
    markers = build_markers(currency_rules(directory), currency_names(directory), list(iso_currencies(directory)))
    return AmountGrammar(amount_rules(directory), markers)


def grammar_for(directory: str | Path | None = None) -> AmountGrammar:
    """The grammar of the rules in ``directory`` (default: ``CLAIMS_RULES`` or the packaged
    rules), compiled once per folder."""
    return _grammar(rules_dir(directory))


def default_grammar() -> AmountGrammar:
    return grammar_for(None)
