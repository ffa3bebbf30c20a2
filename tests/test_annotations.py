"""Every evidence span in every annotation file is found verbatim, exactly once, in its article.

This test is generic on purpose: any CSV under data/ with an ``article_id`` column and a
``span`` column (or a ``<prefix>_span`` column paired with ``<prefix>_article_id``) is checked
through ``helpers.verify_spans``, which calls ``helpers.locate`` for each row. A new
annotation file is covered as soon as it is added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import helpers

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = sorted(p for p in DATA.rglob("*.csv") if p.parent.name != "articles")


def _span_pairs(columns):
    pairs = []
    if "span" in columns and "article_id" in columns:
        pairs.append(("article_id", "span"))
    for col in columns:
        if col.endswith("_span") and col[: -len("_span")] + "_article_id" in columns:
            pairs.append((col[: -len("_span")] + "_article_id", col))
    return pairs


def test_some_annotation_files_have_spans():
    with_spans = [p.name for p in FILES if _span_pairs(helpers.read_csv_checked(p).columns)]
    assert {"attributions.csv", "claims.csv", "framing_elements.csv"} <= set(with_spans)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_span_is_verbatim_and_unique(path):
    table = helpers.read_csv_checked(path)
    rel = str(path.relative_to(DATA))
    for id_col, span_col in _span_pairs(table.columns):
        rows = table[table[span_col].str.strip() != ""].rename(columns={id_col: "article_id_"})
        rows = rows.assign(article_id=rows["article_id_"])
        checked = helpers.verify_spans(rows, file=rel, span_col=span_col)
        text = {aid: helpers.article_text(aid) for aid in set(checked.article_id)}
        for r in checked.itertuples():
            assert text[r.article_id][r.start : r.end] == getattr(r, span_col)


def test_a_wrong_span_is_caught(tmp_path):
    """The check above can fail: a span with straight quotes instead of curly ones is rejected."""
    import pandas as pd

    bad = pd.DataFrame({"article_id": ["atalayar-2025-05-19"], "span": ["'limited mandate'"], "csv_line": [2]})
    with pytest.raises(helpers.KitDataError, match="line 2"):
        helpers.verify_spans(bad, file="x.csv")
