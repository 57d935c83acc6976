"""The review page: the reconcile layer's stories with their origins and relays, their
facts as a table (one column per article), findings marked by kind,
a chart per fact the sources disagree on, and every article with its claims highlighted
(displaCy's span renderer); clicking a highlight shows the claim's whole record.

Works on claim records and their reconciliation (``extractor/models.py``): importing it
loads neither spaCy nor matplotlib; displaCy is imported when articles are rendered and
matplotlib when a chart is drawn.
"""
from .model import Article, Provenance, Story, stories_of
from .page import Review, Written, build, index_html, page_html, write_review

__all__ = ["Article", "Provenance", "Review", "Story", "Written", "build", "index_html", "page_html", "stories_of",
           "write_review"]
