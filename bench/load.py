"""Benchmark: load 100,000 claim records (a claims JSONL, as `claims load` does) into SQLite
and, given a server, PostgreSQL; report records per second.

    python bench/load.py                                   # SQLite only
    python bench/load.py --postgres postgresql+psycopg://USER@127.0.0.1:PORT/DB

The records are the seed articles' claims, filed under as many folders as needed (each
copy a document of its own, with the ids extraction would give it). The PostgreSQL
database given is used as a server: a fresh database is created in it and dropped after.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from extractor import build, extract_text
from extractor.database import ClaimStore, load_claims
from extractor.database.load import line_groups, paused_gc, prepare_batch, scan
from extractor.models import Claim
from extractor.records import claim_id

ROOT = Path(__file__).resolve().parent.parent


def write_records(path: Path, count: int) -> int:
    """Write ``count`` claim records (whole documents, so a few more) and return how many."""
    nlp = build()
    articles = [extract_text(p.read_text(encoding="utf-8"), p.name, nlp) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    written = folder = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < count:
            for found in articles:
                out.writelines(c.model_dump_json() + "\n" for c in filed(found, f"copy{folder:05d}/{found[0].doc_id}"))
                written += len(found)
            folder += 1
    return written


def filed(found: list[Claim], doc_id: str) -> list[Claim]:
    ids = {c.id: claim_id(doc_id, c.start, c.end, c.amount) for c in found}
    return [c.model_copy(update={"doc_id": doc_id, "id": ids[c.id], "equivalent_of": ids.get(c.equivalent_of)})
            for c in found]


def timed_load(url: str, records: Path) -> tuple[int, int, float]:
    """(documents, claims, seconds) of loading ``records`` into a new database at ``url``, as
    ``claims load`` does it: the database opened (created), loaded and closed (on SQLite,
    closing moves what is left of the write-ahead log into the database file)."""
    began = time.perf_counter()
    with ClaimStore(url) as store:
        report = load_claims(store, [records])
    return report.documents, report.claims, time.perf_counter() - began


def parse_seconds(records: Path) -> float:
    """Seconds spent reading, validating and turning the records into rows in this process."""
    began = time.perf_counter()
    with paused_gc():
        for group in line_groups(scan([records], [])):
            prepare_batch([group])
    return time.perf_counter() - began


def postgres_database(server: str) -> tuple[str, str]:
    name = f"claims_bench_{uuid.uuid4().hex[:8]}"
    with create_engine(server, isolation_level="AUTOCOMMIT").connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    return name, make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_database(server: str, name: str) -> None:
    with create_engine(server, isolation_level="AUTOCOMMIT").connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--postgres", help="SQLAlchemy URL of a PostgreSQL server database to create a database in")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before (other processes on the cores "
          "lower the figures: a load uses two)")
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "claims.jsonl"
        written = write_records(records, args.records)
        print(f"{written} records written to load ({records.stat().st_size / 2**20:.0f} MB of JSONL)")
        parsing = parse_seconds(records)
        print(f"reading, validating and making rows, one process, no database: {parsing:.1f}s "
              f"({written / parsing:,.0f} records/s); a load spreads this over writer processes, one parsing while another writes")
        targets = [("sqlite", str(Path(tmp) / "claims.db"), None)]
        if args.postgres:
            name, url = postgres_database(args.postgres)
            targets.append(("postgresql", url, name))
        for kind, url, name in targets:
            try:
                docs, count, seconds = timed_load(url, records)
            finally:
                if name:
                    drop_database(args.postgres, name)
            print(f"{kind:10} {docs:6} documents {count:7} claims in {seconds:6.1f}s: {count / seconds:8,.0f} records/s")


if __name__ == "__main__":
    main()
