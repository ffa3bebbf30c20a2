"""Unit tests of the foundation helpers (kit/core.py) and their error messages."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
import kit.core
from helpers import KitDataError

from conftest import tree_digest


# ---------------------------------------------------------------- the shipped corpus


def test_load_articles_shape_and_order():
    arts = helpers.load_articles()
    assert list(arts.article_id) == [
        "cgtn-2025-05-14",
        "globaltimes-2025-05-14",
        "athenstimes-2025-05-15",
        "cgtn-2025-05-17",
        "atalayar-2025-05-19",
    ]
    assert arts.article_id.is_unique
    assert (arts.word_count > 250).all() and (arts.word_count < 800).all()
    assert (arts.n_chars == arts.text.str.len()).all()


def test_paragraph_offsets_point_into_the_text():
    arts = helpers.load_articles().set_index("article_id")
    paras = helpers.paragraphs()
    for p in paras.itertuples():
        assert arts.loc[p.article_id, "text"][p.start : p.end] == p.text


def test_paragraph_roles_of_the_page_furniture():
    paras = helpers.paragraphs()
    role = {(p.article_id, p.text[:25].replace("\u00a0", " ")): p.role for p in paras.itertuples()}
    assert role[("cgtn-2025-05-14", "A Ukrainian tank crew of ")] == "caption"
    assert role[("globaltimes-2025-05-14", "WORLD / EUROPE")] == "label"
    assert role[("globaltimes-2025-05-14", "Published: May 14, 2025 1")] == "label"
    assert role[("globaltimes-2025-05-14", "Russia, Ukraine poised fo")] == "headline"
    assert role[("cgtn-2025-05-17", "Read more:")] == "link"
    assert role[("cgtn-2025-05-17", "Russia-Ukraine talks yiel")] == "link"
    assert role[("atalayar-2025-05-19", "El presidente Donald Trum")] == "caption"
    assert role[("atalayar-2025-05-19", "The meeting in Istanbul f")] == "standfirst"
    assert role[("athenstimes-2025-05-15", "—")] == "furniture"
    assert role[("athenstimes-2025-05-15", "in World")] == "label"
    # every body paragraph of 000 is body except the caption
    assert (paras[paras.article_id == "cgtn-2025-05-14"].role == "body").sum() == 10


def test_sentence_offsets_and_count():
    arts = helpers.load_articles().set_index("article_id")
    sents = helpers.sentences()
    for s in sents.itertuples():
        assert arts.loc[s.article_id, "text"][s.start : s.end] == s.text
    # counted by reading the articles: the 004 explainer is one paragraph of 18 sentences
    assert (sents.article_id == "athenstimes-2025-05-15").sum() == 18
    assert sents.groupby("article_id").sent_no.max().to_dict()["cgtn-2025-05-14"] == 17


def test_sentences_do_not_split_on_initials_or_us():
    sents = helpers.sentences()
    vance = sents[sents.text.str.contains("J. D. Vance")]
    assert len(vance) == 1 and vance.text.iloc[0].startswith("This condition is unacceptable")
    us = sents[sents.text.str.contains("former U.S. President")]
    assert len(us) == 1 and us.text.iloc[0].endswith("Donald Trump.")


def test_multi_sentence_quote_is_marked():
    sents = helpers.sentences()
    q = sents[(sents.article_id == "cgtn-2025-05-14") & (sents.para_no == 9)]
    assert q.in_quote.tolist() == [False, False, True, True, True]
    assert q.text.iloc[-1].endswith('another."')


def test_split_rules_on_made_up_text(make_corpus):
    text = (
        "Dr. Smith met Mr. Jones in the U.S. capital. “It went well. We agreed,” she said. "
        "Ukraine’s envoy said ‘no’. The talks ended at 5 p.m. on Friday. Then what? Nothing."
    )
    root = make_corpus({"a": text})
    got = helpers.sentences(root).text.tolist()
    assert got == [
        "Dr. Smith met Mr. Jones in the U.S. capital.",
        "“It went well.",
        "We agreed,” she said.",
        "Ukraine’s envoy said ‘no’.",
        "The talks ended at 5 p.m. on Friday.",
        "Then what?",
        "Nothing.",
    ]
    assert helpers.sentences(root).in_quote.tolist() == [False, False, True, False, False, False, False]


def _one_article(make_corpus, text: str):
    """A corpus of article 'a', whose first line is its headline in articles.csv."""
    row = {"article_id": "a", "file": "a.txt", "outlet": "Example Post", "headline": text.split("\n", 1)[0]}
    return make_corpus({"a": text}, [{**row, "published": "2024-03-01"}])


def test_word_counts_of_paragraphs_and_sentences_are_their_tokens(make_corpus):
    """Each paragraph's and sentence's n_words is the number of tokens helpers.tokenize finds in its text,
    also where sentences end in quotes, ellipses, abbreviations and hyphenated or possessive words."""
    text = (
        "Headline of a test\n"
        "The U.S.-Russia channel re-opened… “Kyiv’s 30‑day offer stands,” Dr. J. D. Doe said! Really? "
        "Yes: officials’ talks - at 5 p.m. - ended.\n"
        "A short caption /VCG\n"
        "Talks -- again -- went on (as planned). ‘No,’ she said.   \n"
    )
    root = _one_article(make_corpus, text)
    paras = helpers.paragraphs(root)
    sents = helpers.sentences(root)
    assert len(sents) >= 6 and set(paras.role) >= {"headline", "body", "caption"}
    for table in (paras, sents):
        assert table.n_words.tolist() == [len(helpers.tokenize(t)) for t in table.text]
    body = paras[paras.is_body].set_index("para_no").n_words
    assert sents.groupby("para_no").n_words.sum().to_dict() == body.to_dict()
    assert helpers.load_articles(root).word_count.item() == body.sum()


def test_a_short_wrapped_line_inside_a_sentence_is_not_a_heading(make_corpus):
    """Hard-wrapped text: a short line that ends in a comma or in 'and' goes on below; it is body text, counted."""
    text = (
        "Headline of a test\n"
        "The two delegations said they would meet again to discuss an\n"
        "Ukraine’s ceasefire proposal, and\n"
        "Prisoner exchanges were agreed by both sides on Friday.\n"
        "Next steps\n"
        "Officials said the next round would follow soon.\n"
    )
    root = _one_article(make_corpus, text)
    role = dict(zip(helpers.paragraphs(root).text, helpers.paragraphs(root).role))
    assert role["Ukraine’s ceasefire proposal, and"] == "body"
    assert role["Next steps"] == "label"  # a real section heading still is one


def test_apostrophe_is_not_a_closing_quote():
    changes = list(kit.core._quote_depth_changes("‘Ukraine’s future’ and the Russians’ view"))
    assert [d for _, d in changes] == [1, -1]


# ---------------------------------------------------------------- locate


def test_locate_finds_a_curly_quoted_span():
    s, e = helpers.locate("atalayar-2025-05-19", "‘limited mandate’")
    assert helpers.article_text("atalayar-2025-05-19")[s:e] == "‘limited mandate’"


def test_locate_absent_span_names_article_and_hints_at_quotes():
    with pytest.raises(KitDataError) as exc:
        helpers.locate("atalayar-2025-05-19", "'limited mandate'")
    msg = str(exc.value)
    assert "atalayar-2025-05-19" in msg and "curly quotes" in msg and "Fix:" in msg


def test_locate_explains_a_span_whose_accents_are_encoded_differently(make_corpus):
    import unicodedata

    root = make_corpus({"a": unicodedata.normalize("NFD", "The talks in Istanbul began in Çırağan.")})
    with pytest.raises(KitDataError, match="encoded differently"):
        helpers.locate("a", "began in Çırağan", root)


def test_locate_ambiguous_span():
    with pytest.raises(KitDataError, match=r"occurs \d+ times.*lengthen the span"):
        helpers.locate("cgtn-2025-05-14", "Sun said")


def test_locate_empty_span_and_unknown_article():
    with pytest.raises(KitDataError, match="empty"):
        helpers.locate("cgtn-2025-05-14", "  ")
    with pytest.raises(KitDataError, match="no article 'nope'"):
        helpers.locate("nope", "x")


def test_verify_spans_reports_every_bad_row_with_its_line():
    table = pd.DataFrame(
        {
            "article_id": ["cgtn-2025-05-17", "cgtn-2025-05-17", "unknown-id"],
            "span": ["took note", "not in the text at all", "x"],
            "csv_line": [2, 3, 4],
        }
    )
    with pytest.raises(KitDataError) as exc:
        helpers.verify_spans(table, file="annotations/test.csv")
    msg = str(exc.value)
    assert "2 problems" in msg and "annotations/test.csv, line 3" in msg and "line 4" in msg


# ---------------------------------------------------------------- reading view and kwic


def test_show_article_escapes_html_and_tags_highlights(make_corpus):
    root = make_corpus(
        {"a": "Headline a\nThe <script>alert('x')</script> text & more said <b>Ann</b>.\n"},
        rows=[
            {
                "article_id": "a",
                "file": "a.txt",
                "outlet": "<i>Out</i>",
                "headline": "Headline a",
                "published": "2024-01-01",
            }
        ],
    )
    view = helpers.show_article("a", highlight={"Ann <speaker>": "said <b>Ann</b>"}, path=root).data
    assert "<script>" not in view and "&lt;script&gt;" in view
    assert "<i>Out</i>" not in view and "&lt;b&gt;Ann&lt;/b&gt;" in view
    assert "[A]" in view and "Ann &lt;speaker&gt;" in view  # letter tag + legend, not colour alone
    assert "headline" in view  # the headline paragraph is labelled with its role


def test_show_article_rejects_a_span_not_in_the_text():
    with pytest.raises(KitDataError, match="not in article"):
        helpers.show_article("cgtn-2025-05-14", highlight=["Kiev"])


def test_show_article_overlapping_highlights():
    view = helpers.show_article("cgtn-2025-05-17", highlight={"one": "took note", "two": 'Russia "took note"'}).data
    assert view.count("[A]") == 2 and view.count("[B]") == 2  # one in the legend, one in the text


def test_kwic_with_a_broken_pattern_says_what_to_do():
    with pytest.raises(KitDataError, match=r"kwic: '\(' is not a valid regular expression .*Fix: escape signs"):
        helpers.kwic(None, "(", regex=True)
    assert len(helpers.kwic(None, "(")) == 0  # as words, nothing to escape


def test_kwic_counts_kyiv_and_kiev():
    k = helpers.kwic("Kyiv")
    assert k.groupby("article_id").size().to_dict() == {
        "atalayar-2025-05-19": 1,
        "athenstimes-2025-05-15": 2,
        "cgtn-2025-05-14": 1,
        "cgtn-2025-05-17": 2,
    }
    kiev = helpers.kwic("Kiev")
    assert set(kiev.role) == {"standfirst", "body"}
    text = helpers.article_text("globaltimes-2025-05-14")
    r = kiev[kiev.article_id == "globaltimes-2025-05-14"].iloc[0]
    assert text[r.start : r.end] == "Kiev"


def test_corpus_card_marks_inferred_facts():
    card = helpers.corpus_card().set_index("article_id")
    assert card.loc["athenstimes-2025-05-15", "ownership"] == "unknown (unknown)"
    assert card.loc["globaltimes-2025-05-14", "outlet"] == "Global Times (verified)"
    assert card.loc["cgtn-2025-05-14", "published"] == "2025-05-14 (inferred)"


def test_timeline_figure(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    fig = helpers.plot_timeline()
    fig.savefig(tmp_path / "t.png")
    facts = " ".join(t.get_text() for t in fig.axes[0].get_yticklabels())
    assert "Talks at Dolmabah" in facts.replace("\n", " ")
    articles = [t.get_text() for t in fig.axes[1].get_yticklabels()]
    assert sum(a.startswith("CGTN") for a in articles) == 2


# ---------------------------------------------------------------- data directory setting


def test_env_var_points_the_kit_at_another_corpus(make_corpus, monkeypatch):
    root = make_corpus({"x1": "Body one. Body two.\n"})
    monkeypatch.setenv("KIT_DATA_DIR", str(root))
    assert helpers.load_articles().article_id.tolist() == ["x1"]
    assert helpers.data_dir() == root.resolve()


# ---------------------------------------------------------------- bad input


def _message(root):
    with pytest.raises(KitDataError) as exc:
        helpers.load_articles(root)
    return str(exc.value)


def test_empty_article_file(make_corpus):
    msg = _message(make_corpus({"a": ""}))
    assert "articles/a.txt" in msg and "empty" in msg and "Fix:" in msg


def test_not_utf8(make_corpus):
    msg = _message(make_corpus({"a": "“Quoted” words".encode("cp1252")}))
    assert "articles/a.txt" in msg and "not UTF-8" in msg and "Windows-1252" in msg and "UTF-8" in msg.split("Fix:")[1]


def test_metadata_row_whose_file_is_missing(make_corpus):
    root = make_corpus(
        {"a": "Text."},
        rows=[
            {"article_id": "a", "file": "a.txt", "outlet": "O", "headline": "H", "published": "2024-01-01"},
            {"article_id": "b", "file": "b.txt", "outlet": "O", "headline": "H", "published": "2024-01-01"},
        ],
    )
    msg = _message(root)
    assert "articles.csv, line 3" in msg and "articles/b.txt does not exist" in msg


def test_file_with_no_metadata_row(make_corpus):
    root = make_corpus({"a": "Text."})
    (root / "articles" / "stray.txt").write_text("More text.", encoding="utf-8")
    msg = _message(root)
    assert "articles/stray.txt" in msg and "no row in articles.csv" in msg


def test_duplicate_id(make_corpus):
    row = {"article_id": "a", "file": "a.txt", "outlet": "O", "headline": "H", "published": "2024-01-01"}
    msg = _message(make_corpus({"a": "Text."}, rows=[row, dict(row)]))
    assert "line 3" in msg and "duplicate article_id 'a' (also on line 2)" in msg


def test_malformed_csv_row(make_corpus):
    root = make_corpus({"a": "Text."})
    with open(root / "articles.csv", "a", encoding="utf-8") as f:
        f.write("b,b.txt,Outlet, with comma,Headline,2024-01-01\n")
    msg = _message(root)
    assert "articles.csv, line 3" in msg and "6 fields where the header has 5" in msg and "double quotes" in msg


def test_bad_date_and_missing_column(make_corpus):
    root = make_corpus(
        {"a": "Text."},
        rows=[{"article_id": "a", "file": "a.txt", "outlet": "O", "headline": "H", "published": "16/05/2025"}],
    )
    assert "not in the form YYYY-MM-DD" in _message(root)
    root2 = make_corpus({"a": "Text."}, rows=[{"article_id": "a", "file": "a.txt", "outlet": "O"}], name="c2")
    msg = _message(root2)
    assert "line 1 (header)" in msg and "headline, published" in msg


def test_all_problems_reported_at_once_and_nothing_written(make_corpus):
    row = {"article_id": "a", "file": "a.txt", "outlet": "", "headline": "H", "published": "2024-13-01"}
    root = make_corpus({"a": "", "b": b"\xff\xfe"}, rows=[row, dict(row, article_id="a", file="b.txt")])
    before = tree_digest(root)
    problems = helpers.check_corpus(root)
    assert len(problems) >= 5
    assert tree_digest(root) == before


def test_bom_and_windows_line_endings_are_accepted(make_corpus):
    root = make_corpus({"a": b"\xef\xbb\xbfFirst paragraph here.\r\nSecond one. It has two sentences.\r\n"})
    paras = helpers.paragraphs(root)
    assert paras.text.tolist() == ["First paragraph here.", "Second one. It has two sentences."]
    text = helpers.article_text("a", root)
    s = helpers.sentences(root)
    assert [text[a:b] for a, b in zip(s.start, s.end)] == [
        "First paragraph here.",
        "Second one.",
        "It has two sentences.",
    ]


def test_command_line_check(make_corpus, capsys):
    assert helpers.main(["check"]) == 0
    root = make_corpus({"a": ""})
    assert helpers.main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "articles/a.txt" in out and "Fix:" in out


def test_kit_html_and_tables_are_kept_from_maths_typesetting(make_corpus):
    """JupyterLab typesets $...$ in HTML outputs as maths (checked in Chromium: 'rose by $5 and then by $10'
    became a formula); the kit's outputs sit in a block MathJax ignores, so article text is shown as written."""
    from kit import style

    root = make_corpus({"a": "The price rose by $5 and then by $10, he said."})
    view = helpers.show_article(root, "a")._repr_html_()
    assert view.startswith('<div class="mathjax_ignore') and "rose by $5 and then by $10" in view
    frame = style.narrow_frame_html(helpers.sentences(root)[["text"]])
    assert frame.startswith('<div class="mathjax_ignore') and "rose by $5 and then by $10" in frame
