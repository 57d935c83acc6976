"""``claims_periods``: the period each money figure refers to ("2026", "Q4 2004", "the year
to March 2005", "this year"), and the rule that chose it (``decided_by["period"]``).

- ``phrases``: period phrases are found with the regexes of ``rules/periods.json`` (their
  placeholders expanded from the rule's word lists and fragments) and stored in
  ``doc.spans["periods"]``.
- ``assignment``: each figure then takes, in order of preference: the period of the amount
  it restates; a comparison period right before it ("beating 2002's gap of $300bn"); a
  period right after it in its own clause ("CNY 1.6 trillion for 2026"); the nearest
  period before it in its sentence ("For 2004, eBay earned ...", a dated main clause for a
  debt in its "after ..." clause); the main period of an earlier sentence of the
  paragraph; the year given to its metric earlier in the article ("his 2006 budget" ...
  "the budget"); the period of the figure it continues ("a portion of this"); the date of
  an event of its sentence ("collapsed in December 2003 after ..."); the period of the same
  amount stated elsewhere (a headline, "the $5.6bn commitment"); for a results figure, the
  article's reporting period (the first period a figure takes or a results noun names).
- ``dates``: dates are then resolved in text order by one resolver per phrase kind:
  year-less periods take the year of the context, "a year earlier" and "the previous
  quarter" shift the period they compare with, "the quarter" is the context's or the
  reporting period, "this year" needs the year the article was written.
- ``anchors``: that year is the publication date's or, for an undated article, the one its
  anchors agree on ("$12bn in 2026, up from $9bn this year": 2025).
"""
from __future__ import annotations

from .component import PeriodFinder, make_periods

__all__ = ["PeriodFinder", "make_periods"]
