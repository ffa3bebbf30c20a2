"""The corpus object: checked once, tables cached, re-read when a file changes; validation that reports everything."""

from __future__ import annotations

import builtins
import io
import pathlib
from collections import Counter

import pytest

import helpers
import kit.byo
import kit.core
from kit.core import KitDataError, Problem


def test_open_corpus_holds_articles_paragraphs_sentences_and_layers():
    corpus = helpers.open_corpus()
    assert corpus.folder == kit.core.DEFAULT_DATA_DIR
    assert list(corpus.articles.article_id) == corpus.ids and len(corpus.ids) == 5
    assert set(corpus.paragraphs.article_id) == set(corpus.ids)
    assert set(corpus.sentences.article_id) == set(corpus.ids)
    assert corpus.is_coded("positions") and corpus.is_coded("claims.csv") and not corpus.is_coded("nonsense")
    assert len(corpus.layer("positions")) == len(helpers.positions(corpus))


def test_a_cached_table_cannot_be_changed_by_a_caller():
    corpus = helpers.open_corpus()
    first = corpus.articles
    first.loc[0, "outlet"] = "changed by a notebook"
    assert corpus.articles.loc[0, "outlet"] != "changed by a notebook"


class _Reads:
    """Counts the files opened for reading, by name (``Path.read_bytes`` and friends go through ``io.open``)."""

    def __init__(self, monkeypatch):
        self.count = Counter()
        real_open = io.open

        def counting_open(file, mode="r", *args, **kwargs):
            if "r" in mode and isinstance(file, (str, pathlib.Path)):
                self.count[pathlib.Path(file).name] += 1
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", counting_open)
        monkeypatch.setattr(io, "open", counting_open)


def test_each_file_is_read_once_however_often_the_tables_are_asked_for(tmp_path, monkeypatch, make_corpus):
    folder = make_corpus({"a": "Headline a\nThe minister said the talks went well.", "b": "Headline b\nNo."})
    reads = _Reads(monkeypatch)
    corpus = helpers.open_corpus(folder)
    for _ in range(3):
        corpus.articles, corpus.paragraphs, corpus.sentences
        helpers.load_articles(corpus), helpers.sentences(corpus), helpers.kwic(corpus, "talks")
    assert reads.count["articles.csv"] == 1 and reads.count["a.txt"] == 1 and reads.count["b.txt"] == 1


def test_helpers_take_the_corpus_first_or_the_word_first():
    corpus = helpers.open_corpus()
    assert helpers.kwic(corpus, "Kiev").equals(helpers.kwic("Kiev", corpus)) and len(helpers.kwic(corpus, "Kiev"))
    assert helpers.show_article(corpus, corpus.ids[0]).data == helpers.show_article(corpus.ids[0]).data


def test_a_changed_file_is_read_again(make_corpus):
    folder = make_corpus({"a": "Headline a\nFirst version of the text."})
    corpus = helpers.open_corpus(folder)
    assert "First" in corpus.text("a")
    path = folder / "articles" / "a.txt"
    path.write_text("Headline a\nSecond version, somewhat longer than the first.", encoding="utf-8")
    assert "Second" in corpus.text("a")


def test_a_bad_folder_fails_at_once_with_every_problem(make_corpus):
    folder = make_corpus(
        {"a": "Text a.", "b": "Text b."},
        rows=[
            {"article_id": "a", "file": "a.txt", "outlet": "", "headline": "H", "published": "2025-13-01"},
            {"article_id": "b", "file": "b.txt", "outlet": "O", "headline": "H", "published": "2025-05-01"},
        ],
    )
    with pytest.raises(KitDataError) as exc:
        helpers.open_corpus(folder)
    assert len(exc.value.problems) == 2 and all(p.row == "line 2" for p in exc.value.problems)


def test_one_run_reports_every_kind_of_problem_in_a_file(make_corpus):
    folder = make_corpus({"a": "The council met on Monday. It agreed on a budget."})
    (folder / "annotations").mkdir()
    (folder / "annotations" / "notes.csv").write_text(
        "article_id,kind,span\n"
        "a,good,The council met on Monday.\n"
        "a,unheard-of,It agreed on a budget.\n"  # an unknown code
        "a,good,The council did not meet.\n"  # a span that is not in the text
        "a,good,\n",  # an empty span, caught by the layer's own row check
        encoding="utf-8",
    )

    def no_empty_span(table):
        return [
            Problem("annotations/notes.csv", f"line {r.csv_line}", "the span is empty", "copy the words")
            for r in table.itertuples()
            if not r.span
        ]

    with pytest.raises(KitDataError) as exc:
        kit.core.read_annotation(
            "notes.csv",
            required=["article_id", "kind", "span"],
            path=folder,
            codes={"kind": {"good"}},
            allow_empty_span=True,
            row_checks=[no_empty_span],
        )
    found = [(p.row, p.problem.split()[0]) for p in exc.value.problems]
    assert [row for row, _ in found] == ["line 3", "line 4", "line 5"]
    assert "unknown" in exc.value.problems[0].problem and "empty" in exc.value.problems[2].problem


def test_a_mistyped_code_list_reference_is_an_error_not_a_silent_pass(monkeypatch):
    layer = kit.byo.LAYERS["positions.csv"]
    broken = type(layer)(**{**layer.__dict__, "closed": {"actor": "kit.positions:NO_SUCH_LIST"}})
    monkeypatch.setitem(kit.byo.LAYERS, "positions.csv", broken)
    with pytest.raises(LookupError, match="NO_SUCH_LIST"):
        kit.byo.check_annotations()


def test_helpers_show_a_notice_where_kit_raises(make_corpus):
    folder = make_corpus({"a": "Someone said something."})
    with pytest.raises(kit.core.NotCodedError):
        kit.byo._resolve("kit.positions:positions")(folder)
    note = helpers.positions(folder)
    assert isinstance(note, kit.byo.Notice) and note.file == "annotations/positions.csv"
    assert "Not yet coded" in helpers.position_matrix(note).data
