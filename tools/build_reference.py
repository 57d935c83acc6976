"""Rebuild rules/iso4217.json and rules/fx_rates.jsonl from public reference data.

Usage: python tools/build_reference.py DATA_DIR
DATA_DIR holds ``iso4217/codes-all.csv`` (datasets/currency-codes, commit ab9b0ae8,
ODC-PDDL) and ``fx/yearly.csv`` + ``fx/monthly.csv`` (US Federal Reserve H.10/G.5 series
via FRED, datasets/exchange-rates commit fa7d9499, ODC-PDDL). Rates are units of the
currency per US dollar. Years without an annual row are averaged from the monthly rows
and say how many months they cover. Currencies with no series get no rate: the loader
reports "no reference rate" for them rather than guessing.
"""
from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

RULES = Path(__file__).resolve().parent.parent / "rules"
FIRST_YEAR = 2000
COUNTRY_CODES = {  # FRED series country name -> ISO 4217 code (post-2000 currencies only)
    "Australia": "AUD", "Brazil": "BRL", "Canada": "CAD", "China": "CNY", "Denmark": "DKK",
    "Euro": "EUR", "Hong Kong": "HKD", "India": "INR", "Japan": "JPY", "Malaysia": "MYR",
    "Mexico": "MXN", "New Zealand": "NZD", "Norway": "NOK", "Singapore": "SGD",
    "South Africa": "ZAR", "South Korea": "KRW", "Sri Lanka": "LKR", "Sweden": "SEK",
    "Switzerland": "CHF", "Taiwan": "TWD", "Thailand": "THB", "United Kingdom": "GBP",
}
# Known rates that every build is checked against (units per USD), from the data README.
SPOT_CHECKS = {("GBP", 2004): (0.50, 0.60), ("JPY", 2004): (100, 115), ("CNY", 2025): (7.1, 7.3),
               ("AUD", 2005): (1.25, 1.35), ("EUR", 2004): (0.78, 0.84)}
YEARLY_SOURCE = "US Federal Reserve annual average (FRED via datasets/exchange-rates fa7d9499, yearly.csv)"
MONTHLY_SOURCE = "US Federal Reserve monthly averages (FRED via datasets/exchange-rates fa7d9499, monthly.csv), mean of {n} months"


def build_iso(data: Path) -> dict[str, dict[str, object]]:
    codes: dict[str, dict[str, object]] = {}
    with open(data / "iso4217" / "codes-all.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["AlphabeticCode"]
            if code and not row["WithdrawalDate"] and code not in codes:
                minor = row["MinorUnit"]
                codes[code] = {"name": row["Currency"], "minor_unit": int(minor) if minor.isdigit() else None}
    return dict(sorted(codes.items()))


def build_fx(data: Path) -> list[dict[str, object]]:
    yearly: dict[tuple[str, int], float] = {}
    with open(data / "fx" / "yearly.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, year = COUNTRY_CODES.get(row["Country"]), int(row["Date"][:4])
            if code and year >= FIRST_YEAR and row["Value"]:
                yearly[(code, year)] = float(row["Value"])
    months: dict[tuple[str, int], list[float]] = defaultdict(list)
    with open(data / "fx" / "monthly.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, year = COUNTRY_CODES.get(row["Country"]), int(row["Date"][:4])
            if code and year >= FIRST_YEAR and row["Exchange rate"]:
                months[(code, year)].append(float(row["Exchange rate"]))
    rows = []
    for key in sorted(set(yearly) | set(months)):
        code, year = key
        if key in yearly:
            rate, source = yearly[key], YEARLY_SOURCE
        else:
            values = months[key]
            rate, source = sum(values) / len(values), MONTHLY_SOURCE.format(n=len(values))
        rows.append({"currency": code, "year": year, "per_usd": round(rate, 6), "source": source})
    index = {(r["currency"], r["year"]): r["per_usd"] for r in rows}
    for (code, year), (low, high) in SPOT_CHECKS.items():
        if not low <= index[(code, year)] <= high:
            raise SystemExit(f"{code} {year} = {index[(code, year)]}: outside {low}-{high}, series inverted?")
    return rows


def main() -> None:
    data = Path(sys.argv[1])
    (RULES / "iso4217.json").write_text(json.dumps(build_iso(data), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    with open(RULES / "fx_rates.jsonl", "w", encoding="utf-8") as out:
        for row in build_fx(data):
            out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
