"""Start-up of each ``claims`` command, as a user starts it (the console script, a new
process each time): wall time and CPU seconds (user + system, which another process on the
cores does not inflate), median of several runs, against the targets of the start-up issue.

    python bench/startup.py [--runs 5] [--imports]

The record-side commands work on claims extracted once from the seed articles; ``extract``
runs on one seed article. ``--imports`` adds, per command, the three top-level imports that
cost the most (``python -X importtime``).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ONE = SEEDS / "004_e6c9b792dda29dee.txt"
RECORD_SIDE, EXTRACT_ONE = 1.0, 2.0  # targets, seconds

COMMANDS: list[tuple[str, list[str], float]] = [
    ("claims --help", ["--help"], RECORD_SIDE),
    ("claims version", ["version"], RECORD_SIDE),
    ("claims schema", ["schema"], RECORD_SIDE),
    ("claims reconcile --claims C.jsonl", ["reconcile", "--claims", "{claims}", "--format", "json"], RECORD_SIDE),
    ("claims diff C.jsonl C.jsonl", ["diff", "{claims}", "{claims}", "--format", "json"], RECORD_SIDE),
    ("claims load C.jsonl --db D.db", ["load", "{claims}", "--db", "{db}", "-q"], RECORD_SIDE),
    ("claims export --db D.db", ["export", "--db", "{db}", "-q"], RECORD_SIDE),
    ("claims extract one.txt", ["extract", str(ONE), "-q"], EXTRACT_ONE),
    ("claims extract one.txt -o x.csv", ["extract", str(ONE), "-q", "-o", "{folder}/x.csv"], EXTRACT_ONE),
]


def claims_command() -> list[str]:
    script = Path(sys.executable).with_name("claims")
    return [str(script)] if script.exists() else [sys.executable, "-m", "extractor"]


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run."""
    began = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - began
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {stderr[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime


def top_imports(argv: list[str], count: int = 3) -> str:
    """The top-level imports that cost the most, cumulative milliseconds."""
    start = argv[1:] if argv[0].endswith("claims") else argv[3:]
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c",
                           "import sys; from extractor.cli import main; sys.argv[0] = 'claims'; main()", *start],
                          capture_output=True, text=True)
    costs = []
    for line in proc.stderr.splitlines():
        found = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if found and len(found.group(2)) == 1:  # a top-level import
            costs.append((int(found.group(1)) / 1000, found.group(3)))
    return ", ".join(f"{name} {ms:.0f} ms" for ms, name in sorted(costs, reverse=True)[:count])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--imports", action="store_true", help="name the costliest imports of each command")
    args = parser.parse_args()
    report(args.runs, args.imports)


def report(runs: int, imports: bool = False) -> None:
    """Print the start-up table: median wall and CPU seconds of ``runs`` runs per command."""
    base = claims_command()
    with tempfile.TemporaryDirectory(prefix="startup-") as folder:
        claims, db = Path(folder) / "claims.jsonl", Path(folder) / "claims.db"
        subprocess.run([*base, "extract", str(SEEDS), "-o", str(claims), "-q"], check=True)
        subprocess.run([*base, "load", str(claims), "--db", str(db), "-q"], check=True)
        print(f"start-up, load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; median of {runs} runs")
        print(f"{'command':36} {'wall s':>7} {'CPU s':>7} {'target':>7}  met")
        for label, command, target in COMMANDS:
            argv = [*base, *(part.format(claims=claims, db=db, folder=folder) for part in command)]
            times = [timed(argv) for _ in range(runs)]
            wall = statistics.median(w for w, _ in times)
            cpu = statistics.median(c for _, c in times)
            met = "yes" if wall < target else ("on CPU" if cpu < target else "no")
            print(f"{label:36} {wall:7.2f} {cpu:7.2f} {target:7.1f}  {met}")
            if imports:
                print(f"    {top_imports(argv)}")
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
