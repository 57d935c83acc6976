"""Articles and claims for the page from a database (``claims review --db URL``): the
current claim records, and each article's text read again from its path when the file is
still there and unchanged (same content hash); otherwise the page shows its claims'
sentences."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ..database.engine import reading
from ..database.schema import claims, documents
from ..database.store import ClaimStore
from ..documents import Document, read_file
from ..models import Claim
from .model import Article


def from_store(store: ClaimStore) -> tuple[list[Article], list[Claim]]:
    """The current documents (as articles) and their claims, in document and text order."""
    with reading(store.engine) as connection:
        docs = connection.execute(select(documents).where(documents.c.superseded_at.is_(None))
                                  .order_by(documents.c.doc_id)).mappings().all()
        records = connection.scalars(select(claims.c.record).where(claims.c.superseded_at.is_(None))
                                     .order_by(claims.c.doc_id, claims.c.start_offset, claims.c.id)).all()
    texts = _texts([(d["doc_id"], d["path"], d["content_hash"]) for d in docs if d["hash_of"] == "text"])
    articles = [Article(d["doc_id"], texts.get(d["doc_id"]), d["title"], d["url"], d["publisher"],
                        d["published"].isoformat() if d["published"] else None) for d in docs]
    return articles, [Claim.model_validate(r) for r in records]


def _texts(wanted: list[tuple[str, str, str]]) -> dict[str, str]:
    """The text of each (doc_id, path, content hash) whose file still holds it; a file of
    several articles (.jsonl, .json) is read once."""
    by_path: dict[str, dict[str, str]] = {}
    for doc_id, path, content_hash in wanted:
        by_path.setdefault(path, {})[content_hash] = doc_id
    found: dict[str, str] = {}
    for path, hashes in by_path.items():
        file = Path(path)
        if not file.is_file():
            continue
        for document in read_file(file, file.name):
            if isinstance(document, Document) and document.content_hash in hashes:
                found[hashes[document.content_hash]] = document.text
    return found
