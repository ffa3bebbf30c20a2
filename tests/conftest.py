"""Shared test fixtures: small corpus folders written into a temporary directory."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

HEADER = ["article_id", "file", "outlet", "headline", "published"]


def write_corpus(root: Path, articles: dict[str, str | bytes], rows: list[dict] | None = None) -> Path:
    """Write a corpus folder: ``articles.csv`` plus ``articles/<id>.txt`` for each entry.

    ``rows`` overrides the generated metadata rows (to plant faults).
    """
    (root / "articles").mkdir(parents=True, exist_ok=True)
    for aid, text in articles.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (root / "articles" / f"{aid}.txt").write_bytes(data)
    if rows is None:
        rows = [
            {
                "article_id": aid,
                "file": f"{aid}.txt",
                "outlet": "Example Post",
                "headline": f"Headline {aid}",
                "published": "2024-03-0" + str(i + 1),
            }
            for i, aid in enumerate(articles)
        ]
    header = list(rows[0].keys()) if rows else HEADER
    with open(root / "articles.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        w.writerows(rows)
    return root


def tree_digest(root: Path) -> dict[str, str]:
    """SHA-256 of every file under root, to prove a test wrote nothing there."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def make_corpus(tmp_path):
    def _make(articles, rows=None, name="corpus"):
        return write_corpus(tmp_path / name, articles, rows)

    return _make


@pytest.fixture(autouse=True, scope="session")
def data_folder_unchanged():
    """No test may write to or change anything in the kit's data/ folder."""
    before = tree_digest(DATA)
    yield
    assert tree_digest(DATA) == before, "a test changed a file in data/"


#: Five new articles a teacher might add to the kit's corpus (made up for the tests).
NEW_ARTICLES = {
    f"extra-{i}": f"Extra headline {i}\nDelegations met again on Monday, officials said.\nNo agreement was reported."
    for i in range(1, 6)
}


@pytest.fixture
def kit_plus_five(tmp_path):
    """A copy of the kit's data/ with five new, uncoded articles added (issue 15)."""
    import shutil

    root = tmp_path / "kit-plus-five"
    shutil.copytree(DATA, root)
    with open(root / "articles.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    for i, (aid, text) in enumerate(NEW_ARTICLES.items()):
        (root / "articles" / f"{aid}.txt").write_text(text, encoding="utf-8")
        row = dict.fromkeys(fields, "")
        row.update(
            article_id=aid,
            file=f"{aid}.txt",
            outlet="Example Post",
            headline=f"Extra headline {i + 1}",
            published="2025-05-20",
        )
        rows.append(row)
    with open(root / "articles.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    return root
