"""``claims_periods``: the period each money figure refers to ("2026", "Q4 2004", "the year
to March 2005", "this year").

- ``phrases``: period phrases are found with the regexes of ``rules/periods.json`` (their
  placeholders expanded from the rule's word lists and fragments) and stored in
  ``doc.spans["periods"]``.
- ``assignment``: each figure then takes, in order of preference: the period of the amount
  it restates; a period right after it in its own clause ("CNY 1.6 trillion for 2026"); the
  nearest period before it in its sentence (bullet labels, "its 2026 budget to ¥200
  billion", "For 2004, eBay earned ..."); the main period of an earlier sentence of the
  paragraph; the year given to its metric earlier in the article ("his 2006 budget" ...
  "the budget"); the period of the figure it continues ("a portion of this"); for a
  headline figure, the period of the same figure in the body.
- ``dates``: dates are then resolved in text order by one resolver per phrase kind:
  year-less periods take the year of the context, "a year earlier" shifts the period it
  compares with, "this year" needs ``doc._.published``.
"""
from __future__ import annotations

from .component import PeriodFinder, make_periods

__all__ = ["PeriodFinder", "make_periods"]
