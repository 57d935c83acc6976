"""Benchmark: reconcile the claims of 10,000 articles, in memory and from a database, and
report time and peak memory per 1,000 articles.

    python bench/stories.py                                # the repository's articles
    python bench/stories.py --claims dev.jsonl dev2.jsonl  # claims extracted from other sets
    python bench/stories.py --articles 2000 --no-database  # smaller, in memory only

The articles are copies of a base set of articles' claims (by default the articles of
seeds/, fixtures/articles/ and fixtures/stories/, extracted once), each copy with its
entities renamed (every organisation gets an invented name of the copy's own, so each copy
is a story of its own; countries keep their names, as in real news) and its dates shifted (published
date and periods), so that stories must be found, not given. Each size is run in a fresh
process, so the peak memory (ru_maxrss) is that run's.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.models import Claim, Entity  # noqa: E402

KEEP = ("GPE", "LOC", "NORP")  # names that stay the same in every copy


def base_claims(paths: list[Path]) -> list[Claim]:
    if paths:
        return [Claim.model_validate_json(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    from extractor import build
    from extractor.extract import extract_paths
    folders = [ROOT / "seeds", ROOT / "fixtures" / "articles", ROOT / "fixtures" / "stories"]
    return [c for c in extract_paths(folders, nlp=build()) if isinstance(c, Claim)]


SYLLABLES = ["ka", "lo", "mi", "ve", "tor", "qua", "zen", "bri", "dal", "fos", "gri", "hul", "jax", "ny", "pek", "ru",
             "sol", "tam", "ud", "wex"]


def invented(name: str, copy: int) -> str:
    """A made-up name for ``name`` in one copy, unlike the names of other copies (so that
    no spelling match links copies)."""
    digest = hashlib.sha1(f"{copy}|{name}".encode()).digest()
    word = "".join(SYLLABLES[b % len(SYLLABLES)] for b in digest[:4]).capitalize()
    return f"{word} {name.split()[-1]}" if " " in name else word


def _renamed(entity: Entity | None, copy: int, names: dict[str, str]) -> Entity | None:
    if entity is None or entity.label in KEEP:
        return entity
    for name in (entity.name, entity.canonical):
        names.setdefault(name, invented(name, copy))
    return entity.model_copy(update={"name": names[entity.name], "canonical": names[entity.canonical]})


def _shift_period(claim: Claim, years: int) -> dict:
    p = claim.period
    if p is None or not p.start:
        return {}
    def move(day: str | None) -> str | None:
        return f"{int(day[:4]) + years:04d}{day[4:]}" if day and day[:4].isdigit() else day
    text = re.sub(r"\b(19|20)\d\d\b", lambda m: str(int(m.group(0)) + years), p.text)
    return {"period": p.model_copy(update={"start": move(p.start), "end": move(p.end), "text": text})}


def copies(base: list[Claim], count: int) -> list[Claim]:
    """``count`` articles: copies of the base articles, renamed and shifted."""
    by_doc: dict[str, list[Claim]] = {}
    for c in base:
        by_doc.setdefault(c.doc_id, []).append(c)
    docs = list(by_doc.values())
    out: list[Claim] = []
    for n in range(count):
        k, i = divmod(n, len(docs))
        members = docs[i]
        doc_id = f"copy{k:04d}/{members[0].doc_id}"
        day = date(2020, 1, 1) + timedelta(days=3 * k)
        years = k % 5
        names: dict[str, str] = {}
        ids = {c.id: hashlib.sha1(f"{doc_id}|{c.id}".encode()).hexdigest()[:16] for c in members}
        for c in members:
            subject, other = _renamed(c.subject, k, names), _renamed(c.counterparty, k, names)
            sentence = c.sentence
            for old, new in names.items():
                sentence = sentence.replace(old, new)
            out.append(c.model_copy(update={
                "id": ids[c.id], "doc_id": doc_id, "equivalent_of": ids.get(c.equivalent_of or ""),
                "subject": subject, "counterparty": other, "sentence": sentence, "published": day.isoformat(),
                **_shift_period(c, years)}))
    return out


def measure(claims_file: Path, database: str | None) -> dict:
    """Run in this process: reconcile the file's claims (or the database's) and report."""
    from extractor.reconcile import reconcile
    began, cpu = time.perf_counter(), time.process_time()
    if database:
        from extractor.database import ClaimStore
        from extractor.database.reconciliation import stored_claims
        with ClaimStore(database) as store:
            claims = list(stored_claims(store))
    else:
        claims = [Claim.model_validate_json(line) for line in claims_file.read_text(encoding="utf-8").splitlines()]
    read = time.perf_counter() - began
    result = reconcile(claims)
    total, cpu = time.perf_counter() - began, time.process_time() - cpu
    return {"claims": len(claims), "articles": len({c.doc_id for c in claims}), "facts": len(result.facts),
            "findings": len(result.findings), "read_seconds": round(read, 2), "seconds": round(total, 2), "cpu_seconds": round(cpu, 2),
            "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", nargs="*", type=Path, default=[], help="base claims JSONL (default: extract the repo's articles)")
    ap.add_argument("--articles", type=int, nargs="*", default=[1000, 5000, 10000])
    ap.add_argument("--no-database", action="store_true", help="skip the runs from an SQLite database")
    ap.add_argument("--measure", nargs=2, metavar=("CLAIMS", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), None if args.measure[1] == "-" else args.measure[1])))
        return
    base = base_claims(args.claims)
    print(f"base: {len(base)} claims in {len({c.doc_id for c in base})} articles")
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.articles:
            path = Path(tmp) / f"claims_{count}.jsonl"
            path.write_text("".join(c.model_dump_json() + "\n" for c in copies(base, count)), encoding="utf-8")
            runs = [("memory", "-")]
            if not args.no_database:
                db = str(Path(tmp) / f"claims_{count}.db")
                subprocess.run([sys.executable, "-m", "extractor", "load", str(path), "--db", db, "-q"], check=True)
                runs.append(("database", db))
            for where, db in runs:
                out = subprocess.run([sys.executable, __file__, "--measure", str(path), db], check=True,
                                     stdout=subprocess.PIPE, text=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                per = 1000 / r["articles"]
                print(f"{count:>6} articles from {where:8}: {r['claims']} claims, {r['facts']} facts, {r['findings']} "
                      f"findings; {r['seconds']} s, CPU {r['cpu_seconds']} s ({r['seconds'] * per:.2f} s per 1,000 articles, reading "
                      f"{r['read_seconds']} s), peak {r['peak_mib']} MiB")


if __name__ == "__main__":
    main()
