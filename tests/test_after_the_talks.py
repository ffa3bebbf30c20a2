"""The dated "what happened next" table (data/after_the_talks.csv): every row dated, in order, and sourced."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

FILE = Path(__file__).resolve().parents[1] / "data" / "after_the_talks.csv"
_DAY = r"\d{4}-\d{2}-\d{2}"


def _rows():
    with open(FILE, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _start(value: str) -> date:
    return date.fromisoformat(value.split("/")[0])


def test_every_row_is_dated_after_the_talks_and_in_order():
    rows = _rows()
    assert len(rows) >= 10
    for r in rows:
        assert re.fullmatch(rf"{_DAY}(/{_DAY})?", r["date"]), r["event_id"]
        start = _start(r["date"])
        assert start > date(2025, 5, 16), r["event_id"]  # after the talks of 16 May 2025
        if "/" in r["date"]:
            assert date.fromisoformat(r["date"].split("/")[1]) >= start, r["event_id"]
    starts = [_start(r["date"]) for r in rows]
    assert starts == sorted(starts)
    assert len({r["event_id"] for r in rows}) == len(rows)


def test_every_row_names_its_source_in_words_and_gives_its_address():
    for r in _rows():
        assert r["what_happened"].strip() and r["source_outlet"].strip(), r["event_id"]
        assert not r["source_outlet"].startswith("http"), r["event_id"]
        assert r["source_url"].startswith(("https://", "http://")), r["event_id"]
        assert re.fullmatch(_DAY, r["source_date"]), r["event_id"]
        # a report cannot predate the start of what it reports
        assert date.fromisoformat(r["source_date"]) >= _start(r["date"]), r["event_id"]
