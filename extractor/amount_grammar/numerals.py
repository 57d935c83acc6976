"""The number part of an amount written in digits: which separators group thousands and
which one marks decimals, decided from the number's own shape and, when the shape leaves
it open ("1.500", "1,500"), from the document's other numbers."""
from __future__ import annotations

import re

GROUP_ONLY = "'’\u00a0\u202f "
"""Separators that only ever group digits (apostrophe, no-break, thin and plain space)."""

DIGITS = (
    r"(?:(?:\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"  # Indian grouping: 12,34,567
    r"|\d{1,3}(?:(?:[,.'’\u00a0\u202f]|[ ](?=\d{3}(?!\d)))\d{3}(?!\d))+"  # 1,500,000  1.000.000  2 000 000  1'000
    r"|\d+)"
    r"(?:[.,]\d+)?"  # decimals
    r"|(?<![\w.,])\.\d+)"  # a leading decimal point: "$.99"
    r"(?![.,]?\d)"  # never a cut: "1,500,000," ends before the comma, "1.1.1" is no number
)
"""A number in digits, whole: every repetition needs a separator and then digits, so no
nesting of unbounded quantifiers can backtrack."""

_SEPARATOR = re.compile(r"[,.'’\u00a0\u202f ]")
# Unambiguous shapes that tell a document's decimal mark: two kinds of separator, or one
# repeated ("1,234.5", "1,234,567" use a point; "1.234,5", "1.234.567" a comma). Each opens
# with a digit (the look-behind then checks the character before it), so that the re module
# skips to the digits of the text instead of trying the pattern everywhere.
_POINT_DECIMAL = re.compile(r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+\.\d|\d{0,2}(?:,\d{3}){2,}(?![\d.,]))")
_COMMA_DECIMAL = re.compile(r"\d(?<![\d.,]\d)(?:\d{0,2}(?:\.\d{3})+,\d|\d{0,2}(?:\.\d{3}){2,}(?![\d.,]))")


def decimal_mark(text: str) -> str:
    """The decimal mark the document uses: ',' when its unambiguous numbers group with
    points, else '.' (English news)."""
    comma = sum(1 for _ in _COMMA_DECIMAL.finditer(text))
    return "," if comma > sum(1 for _ in _POINT_DECIMAL.finditer(text)) else "."


def parse_digits(text: str, decimal: str = ".") -> float:
    """The value of a number matched by ``DIGITS``; ``decimal`` is the document's decimal
    mark, used only when the number's own shape leaves it open."""
    groups = _SEPARATOR.split(text)
    seps = _SEPARATOR.findall(text)
    if not seps:
        return float(text)
    last = seps[-1]
    if last in GROUP_ONLY or _groups_last(last, seps, groups, decimal):
        return float("".join(groups))
    return float("".join(groups[:-1]) + "." + groups[-1])


def _groups_last(last: str, seps: list[str], groups: list[str], decimal: str) -> bool:
    """Does the last separator (a point or a comma) group thousands?"""
    if any(s in ".," and s != last for s in seps[:-1]):
        return False  # "1.000,50", "1,234.5": the other mark groups, this one is decimal
    if len(groups[-1]) != 3:
        return False  # "1,5", "1.25": decimals
    if len(seps) > 1:
        return True  # "1,234,567", "2 000,000": a repeated or grouped mark groups
    return last != decimal and not groups[0].startswith("0") and len(groups[0]) <= 3
