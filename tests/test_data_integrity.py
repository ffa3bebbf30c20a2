"""The shipped corpus: files match their checksums and the seeds; metadata is complete and documented."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

import helpers

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SEEDS = REPO.parent / "shared" / "seeds"


def test_every_article_matches_its_checksum():
    lines = (DATA / "articles.sha256").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    for line in lines:
        digest, name = line.split(maxsplit=1)
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, name


def test_checksum_file_lists_every_article():
    listed = {line.split(maxsplit=1)[1] for line in (DATA / "articles.sha256").read_text().splitlines()}
    on_disk = {f"articles/{p.name}" for p in (DATA / "articles").glob("*.txt")}
    assert listed == on_disk


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the original seed folder is not beside this clone")
def test_articles_are_byte_identical_to_the_seeds():
    arts = helpers.load_articles()
    for row in arts.itertuples():
        assert (DATA / "articles" / row.file).read_bytes() == (SEEDS / row.seed_file).read_bytes(), row.article_id


def test_corpus_has_no_problems():
    assert helpers.check_corpus() == []


def test_every_metadata_field_has_a_status_and_evidence():
    prov = helpers.provenance()
    arts = helpers.load_articles()
    fields = ["outlet", "headline", "published", "timing", "country", "ownership", "language_edition", "url", "author"]
    for aid in arts.article_id:
        got = set(prov.loc[prov.article_id == aid, "field"])
        assert got == set(fields), aid
    assert prov["status"].str.match(r"^(verified|inferred|unknown)").all()
    assert (prov["evidence"].str.strip().str.len() > 0).all()


def test_metadata_values_agree_with_provenance():
    """The short values in articles.csv must not contradict the provenance table."""
    arts = helpers.load_articles().set_index("article_id")
    prov = helpers.provenance()
    for r in prov.itertuples():
        if r.field in ("headline", "url"):
            assert arts.loc[r.article_id, r.field] == r.value, (r.article_id, r.field)
        if r.field == "published":
            assert r.value.startswith(arts.loc[r.article_id, "published"]), r.article_id
        if r.field == "timing":
            assert arts.loc[r.article_id, "timing"] == r.value


def test_timing_matches_the_date_of_the_talks():
    arts = helpers.load_articles()
    # The talks were held on 16 May 2025; an article dated before that was written before them.
    expected = ["before" if d < "2025-05-16" else "after" for d in arts.published]
    assert arts.timing.tolist() == expected


def _documented_columns(readme: str) -> dict[str, set[str]]:
    """Map each `path` heading in data/README.md to the column names in its table."""
    out: dict[str, set[str]] = {}
    current = None
    for line in readme.splitlines():
        m = re.match(r"^#{2,3} `([^`]+)`", line)
        if m:
            current = m.group(1)
            out[current] = set()
            continue
        m = re.match(r"^\| `([a-z0-9_]+)` \|", line)
        if m and current:
            out[current].add(m.group(1))
    return out


def test_every_data_column_is_documented_in_the_datasheet():
    documented = _documented_columns((DATA / "README.md").read_text(encoding="utf-8"))
    csvs = sorted(DATA.rglob("*.csv"))
    assert csvs
    for path in csvs:
        rel = str(path.relative_to(DATA))
        assert rel in documented, f"data/README.md has no section for {rel}"
        with open(path, newline="", encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert set(header) == documented[rel], f"columns of {rel} differ from data/README.md"
