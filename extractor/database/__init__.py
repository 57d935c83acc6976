"""Claims in SQL databases (SQLAlchemy Core): SQLite by default, PostgreSQL in production.

``ClaimStore(url)`` is the sink of extraction (``write``, ``done``, ``close``);
``load_claims`` loads claims JSONL, ``export_claims`` writes one flat row per claim,
``store_reconciliation`` keeps facts and findings. See README, "Databases".
"""
from .engine import StoreError, database_url, open_engine, revision_of, upgrade
from .export import EXPORT_FORMATS, export_claims
from .load import BadRecord, LoadReport, load_claims
from .reconciliation import store_reconciliation
from .rows import RecordError
from .schema import SCHEMA_REVISION
from .store import ClaimStore

__all__ = ["BadRecord", "ClaimStore", "EXPORT_FORMATS", "LoadReport", "RecordError", "SCHEMA_REVISION", "StoreError",
           "database_url", "export_claims", "load_claims", "open_engine", "revision_of", "store_reconciliation",
           "upgrade"]
