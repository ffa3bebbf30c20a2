"""Hard inputs a teacher's own corpus will contain, and what the kit does with each.

Each test plants one awkward input in a small corpus folder and checks that the kit either handles
it correctly or stops with a clear message (file, row, fix). Every corpus folder made here is
checksummed before and after: the kit never writes to or changes a corpus folder.
(Cases already covered in test_core.py -- an empty file, a Windows-1252 file, a BOM with Windows
line endings in paragraphs and sentences, a duplicate id, a bad date form, a missing column, a
malformed row -- are not repeated; these tests cover the rest and every rendering path.)

Decided behaviour for unbalanced quotation marks: quotation depth is counted within a paragraph
only. An opening mark that is never closed marks the rest of its paragraph ``in_quote`` and stops
there (the next paragraph starts outside any quotation); a closing mark with no opening one is
ignored. Sentence splitting does not depend on quotation marks, so it is unaffected.
"""

from __future__ import annotations

import re
import time

import pandas as pd
import pytest
from conftest import tree_digest, write_corpus

import helpers
import kit.byo as byo
from kit.core import KitDataError

ROW = {"article_id": "a", "file": "a.txt", "outlet": "Example Post", "headline": "Headline a",
       "published": "2024-03-01"}


@pytest.fixture
def corpus(tmp_path):
    """Make corpus folders; at teardown, prove that nothing in any of them was written or changed."""
    made = []

    def _make(articles, rows=None, name="corpus", annotations=None, files=None):
        root = write_corpus(tmp_path / name, articles, rows)
        files = dict(files or {}, **{f"annotations/{k}": v for k, v in (annotations or {}).items()})
        for rel, data in files.items():  # planted before the checksums are taken
            (root / rel).parent.mkdir(exist_ok=True)
            (root / rel).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        made.append((root, tree_digest(root)))
        return root

    yield _make
    for root, before in made:
        assert tree_digest(root) == before, f"the kit wrote into {root.name}/"


def _problems(root) -> str:
    return "\n".join(str(p) for p in byo.check_folder(root))


# ---------------------------------------------------------------- files and encodings


def test_whitespace_only_file_is_empty(corpus):
    root = corpus({"a": "  \n\r\n\t\n"})
    msg = _problems(root)
    assert "articles/a.txt: the file is empty" in msg and "Fix:" in msg


def test_windows_1252_curly_quotes_named_with_byte_and_command_line(corpus, capsys):
    root = corpus({"a": "He said \u201cno\u201d and left.".encode("cp1252")})
    msg = _problems(root)
    # byte 8 is the cp1252 opening curly quote (0x93), the first byte that is not UTF-8
    assert "articles/a.txt, byte 8: the file is not UTF-8 text (it looks like Windows-1252" in msg
    assert helpers.main(["check", str(root)]) == 1
    assert "save it again with the encoding 'UTF-8'" in capsys.readouterr().out


def test_bom_in_article_keeps_span_offsets_exact(corpus):
    root = corpus({"a": "\ufeffThe mayor said \u201cyes\u201d.\n".encode("utf-8")})
    text = helpers.article_text("a", root)
    assert not text.startswith("\ufeff")
    start, end = helpers.locate("a", "\u201cyes\u201d", root)
    assert (start, end) == (15, 20) and text[start:end] == "\u201cyes\u201d"


def test_bom_in_metadata_csv_is_accepted(corpus):
    meta = "article_id,file,outlet,headline,published\na,a.txt,Example Post,Headline a,2024-03-01\n"
    root = corpus({"a": "Text here."}, files={"articles.csv": b"\xef\xbb\xbf" + meta.encode("utf-8")})
    assert helpers.load_articles(root).columns[0] == "article_id"


def test_windows_line_endings_in_metadata_and_in_rendering(corpus):
    rows = "article_id,file,outlet,headline,published\r\na,a.txt,Example Post,Headline a,2024-03-01\r\n"
    root = corpus({"a": b"Headline a\r\nFirst line of the body. Second sentence.\r\nLast line.\r\n"},
                  files={"articles.csv": rows})
    arts = helpers.load_articles(root)
    assert arts.loc[0, "published"] == "2024-03-01"  # no stray \r at the end of the last column
    view = helpers.show_article("a", highlight="Second sentence.", path=root).data
    assert "\r" not in view and "[A]" in view
    k = helpers.kwic("line", root)
    assert k.right.str.contains("\r").sum() == 0 and len(k) == 2


def test_file_with_no_paragraph_breaks(corpus):
    body = " ".join(f"Sentence number {i} says something." for i in range(1, 201))
    root = corpus({"a": body})
    paras = helpers.paragraphs(root)
    assert len(paras) == 1 and paras.role.tolist() == ["body"]
    sents = helpers.sentences(root)
    assert len(sents) == 200 and sents.text.iloc[-1] == "Sentence number 200 says something."


def test_two_megabyte_article_loads_and_splits_quickly(corpus):
    para = ("The council met on Monday. \u201cWe will decide soon,\u201d the mayor said, according to Dr. A. Lee. "
            "Costs rose by 4.2 per cent in the U.S. and elsewhere.")
    text = "\n".join(f"{para} Paragraph {i}." for i in range(12_500))
    assert len(text.encode("utf-8")) > 2_000_000
    root = corpus({"a": text})
    t0 = time.perf_counter()
    arts = helpers.load_articles(root)
    sents = helpers.sentences(root, articles=arts)
    elapsed = time.perf_counter() - t0
    assert len(sents) == 12_500 * 4
    assert elapsed < 10, f"a 2 MB article took {elapsed:.1f} s to load and split"


# ---------------------------------------------------------------- markup in article text

NASTY = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'


@pytest.fixture
def markup_corpus(corpus):
    text = (f"Headline <b>a</b>\n"
            f"The mayor {NASTY} said the bridge was safe. {IMG} Tags &amp; entities.\n"
            f"A <a href='javascript:alert(2)'>link</a> in the text.\n")
    rows = [dict(ROW, outlet="<i>Example</i> Post", headline="Headline <b>a</b>", author="<script>x</script>")]
    return corpus({"a": text}, rows=rows)


def _no_live_markup(html: str):
    assert "<script" not in html.lower(), "a <script> tag from the text is live"
    assert "<img" not in html.lower() and "<a href" not in html.lower() and "<b>a</b>" not in html
    assert "onerror=\"alert" not in html


def test_show_article_renders_markup_as_text(markup_corpus):
    view = helpers.show_article("a", highlight={"<script>label</script>": "said the bridge"}, path=markup_corpus)
    _no_live_markup(view.data)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in view.data
    assert "&amp;amp;" in view.data  # an entity in the text is shown as typed, not decoded
    assert "&lt;i&gt;Example&lt;/i&gt; Post" in view.data  # the outlet in the heading


def test_html_table_and_pandas_render_markup_as_text(markup_corpus):
    arts = helpers.load_articles(markup_corpus)
    for html in (helpers.html_table(arts[["outlet", "headline", "author", "text"]]).data,
                 arts[["outlet", "headline", "author", "text"]]._repr_html_(),
                 helpers.corpus_card(markup_corpus)._repr_html_(),
                 helpers.paragraphs(markup_corpus)._repr_html_(),
                 helpers.sentences(markup_corpus)._repr_html_()):
        _no_live_markup(html)


def test_kwic_output_renders_markup_as_text(markup_corpus):
    k = helpers.kwic("said", markup_corpus, window=60)
    assert NASTY in k.left.iloc[0]  # the data keep the text exactly ...
    for html in (helpers.html_table(k).data, k._repr_html_()):  # ... every rendering escapes it
        _no_live_markup(html)
        assert "&lt;script&gt;" in html


def test_notices_render_markup_as_text(markup_corpus):
    note = byo.kit_corpus_only(helpers.show_article, "a", path=markup_corpus)
    _no_live_markup(note.data)
    _no_live_markup(byo.not_coded_notice("<script>x</script>.csv").data)


def test_the_plain_text_view_does_not_keep_markup_live(markup_corpus):
    view = helpers.show_article("a", path=markup_corpus)
    assert "alert" in repr(view)  # the terminal view shows the words ...
    assert re.search(r"<script", view.data) is None  # ... and the HTML never carries the tag


# ---------------------------------------------------------------- quotation marks


def test_unclosed_quote_stays_inside_its_paragraph(corpus):
    text = ("The mayor said \u201cwe will pay. We always pay. Nobody else will.\n"
            "The next paragraph is narration. It is not quoted.\n")
    root = corpus({"a": text})
    s = helpers.sentences(root)
    assert s.text.tolist() == ["The mayor said \u201cwe will pay.", "We always pay.", "Nobody else will.",
                               "The next paragraph is narration.", "It is not quoted."]
    assert s.in_quote.tolist() == [False, True, True, False, False]


def test_stray_closing_quote_is_ignored(corpus):
    root = corpus({"a": "It was fine.\u201d Then it rained. \u201cGood,\u201d she said. After that, calm.\n"})
    s = helpers.sentences(root)
    assert len(s) == 4 and not s.in_quote.any()


def test_odd_number_of_straight_quotes(corpus):
    root = corpus({"a": 'He said "stop. Now. Then we left.\nA new paragraph.\n'})
    s = helpers.sentences(root)
    assert s.in_quote.tolist() == [False, True, True, False]


# ---------------------------------------------------------------- metadata


def test_extra_metadata_column_is_kept(corpus):
    root = corpus({"a": "Text here."}, rows=[dict(ROW, topic="bridges", reviewer="J. Doe")])
    arts = helpers.load_articles(root)
    assert arts.loc[0, "topic"] == "bridges" and arts.loc[0, "reviewer"] == "J. Doe"
    assert list(arts.columns[-2:]) == ["topic", "reviewer"]


def test_a_date_that_does_not_exist(corpus):
    root = corpus({"a": "Text here."}, rows=[dict(ROW, published="2024-02-30")])
    assert "articles.csv, line 2: the published date '2024-02-30' does not exist" in _problems(root)


def test_missing_metadata_column_with_extra_column(corpus):
    row = {k: v for k, v in ROW.items() if k != "outlet"}
    root = corpus({"a": "Text here."}, rows=[dict(row, topic="bridges")])
    msg = _problems(root)
    assert "line 1 (header): missing column(s) outlet" in msg and "topic" not in msg


def test_several_metadata_faults_reported_together(corpus):
    rows = [ROW, dict(ROW, file="b.txt", published="2024-3-1"), dict(ROW, article_id="c d", file="c.txt")]
    root = corpus({"a": "One.", "b": "Two.", "c": "Three."}, rows=rows)
    msg = _problems(root)
    assert "line 3: duplicate article_id 'a' (also on line 2)" in msg
    assert "line 3: the published date '2024-3-1' is not in the form YYYY-MM-DD" in msg
    assert "line 4: the article_id 'c d' has spaces or symbols" in msg


# ---------------------------------------------------------------- annotation files

POSITIONS_HEADER = ("position_id,article_id,actor,speaker_id,voice,relay_id,issue,stance,summary,condition,span,"
                    "cameo,notes\n")


def test_annotation_faults_all_reported_with_line_and_fix(corpus):
    text = "The mayor said the bridge must be repaired. The council agreed to a survey.\n"
    speakers = "speaker_id,canonical_name,variants,role,affiliation,country,speaker_type,notes\n" \
               "mayor,The mayor,the mayor,Mayor,Town,Fictional,head_of_state_or_government,\n"
    attributions = ("attribution_id,article_id,span,speaker_id,form,cue,relay_id,relay_cue,notes\n"
                    "x1,a,the bridge must be repaired,mayor,indirect,The mayor said,,,\n"  # fine
                    "x2,a,the bridge must be rebuilt,mayor,indirect,The mayor said,,,\n"  # span not in text
                    "x3,a,the bridge must be repaired,mayor,shouted,The mayor said,,,\n"  # unknown form
                    "x4,zz,the bridge,mayor,indirect,said,,,\n"  # unknown article
                    "x5,a,The council agreed,council,indirect,,,,\n")  # speaker not in the gazetteer
    root = corpus({"a": text}, annotations={"speakers.csv": speakers, "attributions.csv": attributions,
                                            "postions.csv": POSITIONS_HEADER})
    problems = byo.check_annotations(root)
    msg = "\n".join(map(str, problems))
    assert "annotations/attributions.csv, line 3: the span 'the bridge must be rebuilt' is not in article a" in msg
    assert "annotations/attributions.csv, line 4: unknown form 'shouted'. Fix: use one of: direct_quote, " \
           "indirect, partial_quote" in msg
    assert "annotations/attributions.csv, line 5: unknown article_id 'zz'" in msg
    assert "annotations/attributions.csv, line 6: unknown speaker_id 'council'. Fix: use one of: mayor" in msg
    assert "annotations/postions.csv: this is not a file the kit reads" in msg  # a misspelt name
    assert len(problems) == 5 and "line 2" not in msg
    assert byo.check_folder(root) == problems  # the corpus itself is fine


def test_annotation_with_wrong_columns_and_missing_codebook(corpus):
    root = corpus({"a": "Text here."}, annotations={
        "framing_elements.csv": "article_id,element,span\na,problem_definition,Text here\n",
        "positions.csv": POSITIONS_HEADER + "p1,a,town,mayor,official,,bridge,demands,s,,Text here,,\n"})
    msg = "\n".join(map(str, byo.check_annotations(root)))
    assert "annotations/framing_elements.csv, line 1 (header): missing column(s) summary, notes" in msg
    assert "the issue codes need annotations/issues_codebook.csv, which this corpus does not have" in msg
    assert 'helpers.annotation_template("speakers.csv")' in msg
    assert "the actor codes need annotations/actors_codebook.csv, which this corpus does not have" in msg


def test_check_folder_reports_corpus_and_annotation_problems(corpus):
    """What `python -m helpers check FOLDER` prints once it runs check_folder (see the report)."""
    root = corpus({"a": "Text here.", "b": ""}, annotations={
        "generic_frames.csv": "article_id,item_id,answer,span,notes\na,resp1,maybe,,\n"})
    problems = byo.check_folder(root)
    assert [(p.file, p.row) for p in problems] == [
        ("corpus/articles/b.txt", ""),  # the corpus first ...
        ("annotations/generic_frames.csv", ""),  # ... then the annotations: the codebook is missing
        ("annotations/generic_frames.csv", "line 2"),  # and the answer is not a code
    ]
    assert "unknown answer 'maybe'. Fix: use one of: no, yes" in str(problems[2])
    assert 'helpers.annotation_template("generic_frames_codebook.csv")' in str(problems[1])


# ---------------------------------------------------------------- templates and notices


def test_template_writes_only_into_the_corpus_folder(tmp_path):
    root = write_corpus(tmp_path / "c", {"a": "Text here."})
    path = byo.annotation_template("positions.csv", root)
    assert path == root / "annotations" / "positions.csv"
    assert path.read_text(encoding="utf-8") == POSITIONS_HEADER
    msg = "\n".join(map(str, byo.check_annotations(root)))
    assert "it needs annotations/actors_codebook.csv" in msg  # positions cannot be read without its codes
    byo.annotation_template("actors_codebook.csv", root)
    byo.annotation_template("issues_codebook.csv", root)
    byo.annotation_template("speakers.csv", root)
    assert byo.check_annotations(root) == []  # empty files are valid: nothing coded yet
    assert len(helpers.positions(root)) == 0
    with pytest.raises(KitDataError, match="already exists"):
        byo.annotation_template("positions.csv", root)
    with pytest.raises(KitDataError, match="never written to"):
        byo.annotation_template("claims.csv", helpers.data_dir())
    with pytest.raises(KitDataError, match="not a file the kit reads"):
        byo.annotation_template("postions.csv", root)
    record = byo.annotation_template("record.csv", root)
    assert record == root / "record.csv" and record.read_text(encoding="utf-8").startswith("fact_id,topic,")


def test_every_template_matches_the_kit_header(tmp_path):
    root = write_corpus(tmp_path / "c", {"a": "Text here."})
    for name, layer in byo.LAYERS.items():
        written = byo.annotation_template(name, root).read_text(encoding="utf-8").splitlines()
        kit_lines = (helpers.data_dir() / layer.file).read_text(encoding="utf-8").splitlines()
        assert written[0] == kit_lines[0]
        assert len(written) == (len(kit_lines) if layer.codebook else 1), name
    status = byo.coding_status(root)
    assert status.coded.all() and (status.set_index("file").loc["annotations/positions.csv", "rows"] == 0)


def test_when_coded_turns_only_missing_files_into_a_notice(tmp_path):
    root = write_corpus(tmp_path / "c", {"a": "Text here."})
    note = byo.when_coded(helpers.positions, root)
    assert isinstance(note, byo.Notice) and "Not yet coded for this corpus" in note.data
    assert note.file in {"annotations/positions.csv", "annotations/issues_codebook.csv", "annotations/speakers.csv"}
    assert byo.when_coded(helpers.voice_summary, ledger=note).data.startswith('<div class="kit-reminder"')
    byo.annotation_template("actors_codebook.csv", root)
    byo.annotation_template("issues_codebook.csv", root)
    byo.annotation_template("speakers.csv", root)
    (root / "annotations" / "positions.csv").write_text("position_id\nx\n", encoding="utf-8")
    with pytest.raises(KitDataError, match="missing column"):  # a broken file is an error, not a notice
        byo.when_coded(helpers.positions, root)


def test_kit_corpus_only_and_example_article(tmp_path):
    root = write_corpus(tmp_path / "c", {"b1": "Text here.", "b2": "More text."})
    assert byo.example_article("cgtn-2025-05-14", root) == "b1"
    note = byo.kit_corpus_only(helpers.show_article, "cgtn-2025-05-14", path=root)
    assert isinstance(note, byo.Notice) and "b1, b2" in note.data
    assert "kit-article" in byo.kit_corpus_only(helpers.show_article, "cgtn-2025-05-14").data


def test_notice_stands_in_for_a_table_without_looping():
    note = byo.not_coded_notice("claims.csv")
    assert list(note) == [] and len(note) == 0 and not note
    chained = note.loc[~note.flag, "a"].query("x == 1").groupby("a").agg(n=("b", "size")).reset_index()
    assert isinstance(chained, byo.Notice) and "see the notice above" in chained.data
    assert isinstance(pd.DataFrame({"a": [1]}).pipe(lambda d: d), pd.DataFrame)
