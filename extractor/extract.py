"""The Python API: extract claim records from text, documents, files and folders. spaCy is
loaded with the pipeline (``pipeline.build``), not with this module."""
from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypeVar

from . import pipeline
from .documents import Document, read_all
from .models import Claim, DocumentError, DocumentInfo
from .records import claims_of
from .version import __version__

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

R = TypeVar("R")


def extract_text(text: str, doc_id: str = "text", nlp: Language | None = None, published: str | None = None) -> list[Claim]:
    """Every money claim in one text."""
    nlp = nlp or pipeline.build()
    return claims_of(nlp(_doc(nlp, Document(doc_id, doc_id, text, published))), doc_id)


def extract_documents(
    docs: Iterable[Document | DocumentError], nlp: Language, batch_size: int = 16,
    convert: Callable[[Doc, str], R] = claims_of,  # type: ignore[assignment]
) -> Iterator[tuple[Document | DocumentError, R | DocumentError]]:
    """(document, its records) in input order, streaming in batches; ``convert`` turns a
    processed Doc into records (claims by default). Errors pass through; a document the
    pipeline fails on yields a DocumentError and the others go on."""
    stream = iter(docs)
    while batch := list(islice(stream, batch_size)):
        readable = [d for d in batch if isinstance(d, Document)]
        try:
            processed = dict(zip(map(id, readable), nlp.pipe(_doc(nlp, d) for d in readable)))
        except Exception:  # noqa: BLE001 - isolate the failing document below
            processed = {}
        for item in batch:
            if isinstance(item, DocumentError):
                yield item, item
                continue
            try:
                doc = processed.get(id(item)) or nlp(_doc(nlp, item))
                yield item, convert(doc, item.doc_id)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
                yield item, DocumentError(doc_id=item.doc_id, path=item.path, error=type(exc).__name__,
                                          reason=f"extraction failed: {exc}")


def extract_articles(
    docs: Iterable[Document | DocumentError], nlp: Language, batch_size: int = 16,
    convert: Callable[[Doc, str], list[R]] = claims_of,  # type: ignore[assignment]
) -> Iterator[tuple[DocumentInfo, list[R]] | DocumentError]:
    """For each document, what is known of it (DocumentInfo: hash, title, publisher, date)
    and its records; or its DocumentError. Streaming, in input order."""
    def publisher_and_records(doc: Doc, doc_id: str) -> tuple[str | None, list[R]]:
        return (doc._.publisher or {}).get("name"), convert(doc, doc_id)

    for document, result in extract_documents(docs, nlp, batch_size, publisher_and_records):
        if isinstance(result, DocumentError):
            yield result
        else:
            assert isinstance(document, Document)
            publisher, records = result
            yield document_info(document, publisher), records


def document_info(document: Document, publisher: str | None = None) -> DocumentInfo:
    """The DocumentInfo of a document read; ``publisher`` is the byline the pipeline found,
    else the one the record or HTML metadata gives."""
    return DocumentInfo(doc_id=document.doc_id, path=document.path, content_hash=document.content_hash,
                        title=document.title, publisher=publisher or document.publisher,
                        published=document.published, url=document.url, extractor_version=__version__)


def extract_paths(
    paths: Iterable[str | Path], model: str | None = None, pattern: str = "*", encoding: str = "utf-8",
    nlp: Language | None = None,
) -> Iterator[Claim | DocumentError]:
    """Claims of every article under ``paths`` (files or folders), and an error for each
    file that could not be read or processed."""
    nlp = nlp or pipeline.build(model)
    for _, result in extract_documents(read_all([Path(p) for p in paths], pattern, encoding), nlp):
        if isinstance(result, DocumentError):
            yield result
        else:
            yield from result


def _doc(nlp: Language, document: Document) -> Doc:
    """The unprocessed Doc, with the publication date set before the pipeline runs (periods
    and currencies use it)."""
    from .components.view import with_text  # with spaCy, which the caller's pipeline loaded

    doc = with_text(nlp.make_doc(document.text), document.text)
    doc._.published = document.published
    return doc
