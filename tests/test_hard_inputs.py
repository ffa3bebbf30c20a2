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

import os

import inspect
import io
import re
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, tree_digest, write_corpus

import helpers
import kit.byo as byo
import kit.core
from kit.core import KitDataError

ROW = {
    "article_id": "a",
    "file": "a.txt",
    "outlet": "Example Post",
    "headline": "Headline a",
    "published": "2024-03-01",
}


@pytest.fixture
def corpus(tmp_path):
    """Make corpus folders; at teardown, prove that nothing in any of them was written or changed."""
    made = []

    def _make(articles, rows=None, name="corpus", annotations=None, files=None, links=None):
        root = write_corpus(tmp_path / name, articles, rows)
        files = dict(files or {}, **{f"annotations/{k}": v for k, v in (annotations or {}).items()})
        for rel, data in files.items():  # planted before the checksums are taken
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        for rel, target in (links or {}).items():  # symbolic links: {path in the corpus: what it points to}
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            if (root / rel).is_dir() and not (root / rel).is_symlink():
                (root / rel).rmdir()
            elif (root / rel).exists():
                (root / rel).unlink()
            (root / rel).symlink_to(target)
        made.append((root, tree_digest(root)))
        return root

    yield _make
    for root, before in made:
        assert tree_digest(root) == before, f"the kit wrote into {root.name}/"


def _problems(root) -> str:
    return "\n".join(str(p) for p in byo.check_folder(root))


# ---------------------------------------------------------------- nothing outside the corpus is read
#
# Decided: a file is judged by where it leads. articles.csv may name only plain file names in articles/;
# a symbolic link that leads to another file inside articles/ is read like that file, a link (of an article,
# of the articles/ folder, of articles.csv or of an annotation file) that leads anywhere else is refused.

SECRET = "SECRET-OUTSIDE-THE-CORPUS"


@pytest.fixture
def outside(tmp_path):
    """A file and a folder next to the corpus folders, which the kit must never read."""
    (tmp_path / "elsewhere").mkdir()
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.write_text(f"{SECRET} line one.\nSecond line.\n", encoding="utf-8")
    (tmp_path / "elsewhere" / "a.txt").write_text(f"{SECRET} in a folder outside.\n", encoding="utf-8")
    return secret


def _refused(root, line: str, problem: str):
    """The folder is refused by check, load_articles and article_text, naming line and fix; nothing leaks."""
    msg = _problems(root)
    assert f"{line}: {problem}" in msg, msg
    assert "Fix: " in msg and SECRET not in msg
    with pytest.raises(KitDataError) as exc:
        helpers.load_articles(root)
    assert problem in str(exc.value) and SECRET not in str(exc.value)
    return msg


def _meta_file(value):
    return [dict(ROW, file=value)]


def test_absolute_path_in_articles_csv_is_refused(corpus, outside, capsys):
    root = corpus({"a": "Text here."}, rows=_meta_file(str(outside)))
    _refused(root, "articles.csv, line 2", f"the file {str(outside)!r} is an absolute path")
    with pytest.raises(KitDataError, match="absolute path"):
        helpers.article_text("a", root)  # the direct route (used by locate and verify_spans) is refused too
    assert helpers.main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "articles.csv, line 2" in out and "Fix: write only the file's name" in out and SECRET not in out


@pytest.mark.parametrize(
    "value",
    [
        "../../elsewhere/secret.txt",
        "..",
        "../corpus/articles.csv",
        "..\\..\\elsewhere\\secret.txt",
        "a.txt/../../../elsewhere/secret.txt",
    ],
)
def test_parent_folder_traversal_is_refused(corpus, outside, value):
    root = corpus({"a": "Text here."}, rows=_meta_file(value))
    _refused(root, "articles.csv, line 2", f"the file {value!r} goes up out of the articles/ folder ('..')")


@pytest.mark.parametrize("value", ["C:\\Users\\x\\secret.txt", "\\\\server\\share\\secret.txt"])
def test_windows_absolute_paths_are_refused(corpus, value):
    root = corpus({"a": "Text here."}, rows=_meta_file(value))
    _refused(root, "articles.csv, line 2", f"the file {value!r} is an absolute path")


def test_a_corpus_folder_that_does_not_exist_says_where_the_kit_looked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KIT_DATA_DIR", "my-corpus")  # relative: read from the folder Python runs in
    with pytest.raises(KitDataError) as exc:
        helpers.load_articles()
    assert f"my-corpus: the corpus folder does not exist (looked for {tmp_path.resolve() / 'my-corpus'})" in str(
        exc.value
    )
    assert "full path" in str(exc.value)


def test_subfolder_is_refused_even_inside_the_corpus(corpus):
    root = corpus({"a": "Text here."}, rows=_meta_file("sub/a.txt"), files={"articles/sub/a.txt": "Inside text."})
    msg = _refused(root, "articles.csv, line 2", "the file 'sub/a.txt' names a subfolder")
    assert "articles/a.txt: this file has no row in articles.csv" in msg


def test_symlinked_article_leading_outside_is_refused(corpus, outside):
    root = corpus({}, rows=[ROW], links={"articles/a.txt": outside})
    _refused(root, "articles.csv, line 2", "articles/a.txt is a link to a file outside the articles/ folder")
    with pytest.raises(KitDataError, match="link to a file outside"):
        helpers.article_text("a", root)


def test_symlinked_article_leading_elsewhere_in_the_corpus_is_refused(corpus):
    """Inside the corpus folder but outside articles/ (e.g. articles.csv itself): refused."""
    root = corpus({}, rows=[ROW], links={"articles/a.txt": "../articles.csv"})
    _refused(root, "articles.csv, line 2", "articles/a.txt is a link to a file outside the articles/ folder")


def test_symlink_to_another_article_inside_articles_is_read(corpus):
    """Decided: a link that stays inside articles/ reads a file the corpus holds anyway, so it is accepted."""
    rows = [ROW, dict(ROW, article_id="b", file="b.txt", headline="Headline b")]
    root = corpus({"a": "Headline a\nThe same text.\n"}, rows=rows, links={"articles/b.txt": "a.txt"})
    assert byo.check_folder(root) == []
    arts = helpers.load_articles(root)
    assert arts.set_index("article_id").text.to_dict() == {
        "a": "Headline a\nThe same text.\n",
        "b": "Headline a\nThe same text.\n",
    }


def test_broken_symlink_inside_articles_is_a_missing_file(corpus):
    root = corpus({}, rows=[ROW], links={"articles/a.txt": "gone.txt"})
    _refused(root, "articles.csv, line 2", "the file articles/a.txt does not exist")


def test_symlinked_articles_folder_leading_outside_is_refused(corpus, outside):
    root = corpus({}, rows=[ROW], links={"articles": outside.parent})
    msg = _refused(root, "articles/", "the articles/ folder is a link to a folder outside the corpus folder")
    assert msg.count("articles/ folder is a link") == 1 and "no row in articles.csv" not in msg


def test_symlinked_metadata_and_annotation_files_leading_outside_are_refused(corpus, outside, tmp_path):
    meta = tmp_path / "elsewhere" / "articles.csv"
    meta.write_text("article_id,file,outlet,headline,published\na,a.txt,O,H,2024-03-01\n", encoding="utf-8")
    root = corpus({"a": "Text here."}, name="c1", links={"articles.csv": meta})
    _refused(root, "c1/articles.csv", "the file is a link to a file outside the corpus folder")
    speakers = tmp_path / "elsewhere" / "speakers.csv"
    speakers.write_text("speaker_id,name,speaker_type,side,notes\nx,X,other,,\n", encoding="utf-8")
    root2 = corpus({"a": "Text here."}, name="c2", links={"annotations/speakers.csv": speakers, "record.csv": speakers})
    msg = _problems(root2)
    assert "annotations/speakers.csv: the file is a link to a file outside the corpus folder" in msg
    assert "record.csv: the file is a link to a file outside the corpus folder" in msg
    with pytest.raises(KitDataError, match="link to a file outside the corpus folder"):
        helpers.speakers(root2)
    with pytest.raises(KitDataError, match="link to a file outside the corpus folder"):
        helpers.read_annotation("speakers.csv", required=["speaker_id"], path=root2, span_col=None)


def test_symlinked_annotations_folder_leading_outside_is_refused(corpus, outside, tmp_path):
    (tmp_path / "elsewhere" / "speakers.csv").write_text("speaker_id,name,speaker_type,side,notes\n", encoding="utf-8")
    (tmp_path / "elsewhere" / "private-notes.csv").write_text("x\n", encoding="utf-8")
    root = corpus({"a": "Text here."}, links={"annotations": outside.parent})
    said = _problems(root)
    assert "annotations/: the annotations/ folder is a link to a folder outside the corpus folder" in said
    assert "speakers.csv" not in said and "private-notes" not in said  # nothing in it is read, not even its names
    with pytest.raises(KitDataError, match="annotations/speakers.csv: the file is a link to a file outside"):
        helpers.speakers(root)


def test_coding_round_participant_file_leading_outside_is_refused(tmp_path, outside):
    folder = tmp_path / "round"
    folder.mkdir()
    (tmp_path / "elsewhere" / "ana.csv").write_text(
        "participant,task,item_id,code\nana,stance,st01,proposes\n", encoding="utf-8"
    )
    (folder / "ana.csv").symlink_to(tmp_path / "elsewhere" / "ana.csv")
    with pytest.raises(KitDataError, match="ana.csv: the file is a link to a file outside"):
        helpers.load_codings(folder)


def test_checksum_file_leading_outside_is_not_read(corpus, tmp_path, outside):
    (tmp_path / "elsewhere" / "articles.sha256").write_text("0" * 64 + "  articles/a.txt\n", encoding="utf-8")
    root = corpus({"a": "Text here."}, links={"articles.sha256": tmp_path / "elsewhere" / "articles.sha256"})
    assert "differs from its checksum" not in _problems(root)  # the planted checksum was never read
    assert "articles.sha256: the file is a link to a file outside the corpus folder" in _problems(root)  # and said


# ---------------------------------------------------------------- folders that used to crash

#: Sample arguments for the helpers' required parameters (what a notebook cell would pass).
SAMPLE_ARGS = {
    "article_id": "a",
    "term": "x",
    "span": "x",
    "concept": "capital_name",
    "group_a_ids": ["a"],
    "actor": "russia",
    "actor_a": "russia",
    "actor_b": "ukraine",
    "issue": "ceasefire",
    "claim_ids": [],
    "preferred": "a",
    "text": "x",
    "numbers": [1],
    "table": pd.DataFrame({"article_id": [], "start": [], "end": [], "span": []}),
    "file": "x",
    "name": "positions.csv",
    "required": ["article_id"],
}
#: Helpers that write files or read a participants' folder rather than the corpus.
NOT_CORPUS_READERS = {
    "write_template",
    "save_codings",
    "annotation_template",
    "participant_notes",
    "load_codings",
    "agreement",
    "agreement_with_kit",
    "most_disagreed",
    "show_disagreements",
    "read_article_file",
    "read_csv_checked",
}


def _corpus_param(fn) -> str | None:
    """The name of the parameter through which a helper is given its corpus folder, if it has one."""
    params = inspect.signature(fn).parameters
    return next((name for name in ("path", "corpus") if name in params), None)


def _call_with_corpus(fn, root, **kwargs):
    where = _corpus_param(fn)
    if next(iter(inspect.signature(fn).parameters)) == where:
        return fn(root, **kwargs)
    return fn(**kwargs, **{where: root})


def test_header_only_corpus_is_refused_by_check_and_every_helper_says_why(corpus):
    root = corpus({})
    assert (root / "articles").is_dir() and not any((root / "articles").iterdir())
    msg = _problems(root)
    assert msg == (
        "articles.csv: the file has a header row but no articles. Fix: add one row per article, with "
        "its .txt file in the articles/ folder (see docs/bring-your-own-articles.md)"
    )
    crashed, called = [], 0
    for name in helpers.__all__:
        fn = getattr(helpers, name)
        if not inspect.isfunction(fn) or name in NOT_CORPUS_READERS or not _corpus_param(fn):
            continue
        where = _corpus_param(fn)
        params = inspect.signature(fn).parameters
        kwargs = {p: SAMPLE_ARGS[p] for p, v in params.items() if v.default is inspect.Parameter.empty and p != where}
        called += 1
        try:  # the corpus first where it is the first parameter, else by name
            _call_with_corpus(fn, root, **kwargs)  # an empty result, a notice, or ...
        except KitDataError:  # ... a clear message naming the file and the fix
            pass
        except Exception as exc:  # noqa: BLE001 -- anything else is a crash
            crashed.append(f"{name}: {type(exc).__name__}: {exc}")
    assert called > 50 and not crashed, "\n".join(crashed)
    with pytest.raises(KitDataError, match="header row but no articles"):
        helpers.load_articles(root)


# Text from a corpus is never parsed as matplotlib maths: the lead's kit/style.py sets text.parse_math off for
# every chart. Until that module is in this branch the test is expected to fail (and must pass once it is).
_STYLE = (Path(kit.core.__file__).parent / "style.py").exists()  # in this checkout (not an installed copy)
MATHS = r"Post $\qq{x}$ 5\$ \frac"  # an unknown maths command between dollars, an escaped dollar, a backslash


@pytest.mark.xfail(not _STYLE, reason="needs kit/style.py (text.parse_math off), from the lead's branch", strict=True)
def test_outlet_and_headline_with_dollars_and_backslashes_plot_as_written(tmp_path):
    import matplotlib
    from matplotlib.text import Text

    matplotlib.use("Agg")
    root = tmp_path / "maths"
    shutil.copytree(DATA, root)
    meta = helpers.read_csv_checked(root / "articles.csv").drop(columns="csv_line")
    meta["outlet"] = meta["outlet"] + " " + MATHS
    meta["headline"] = meta["headline"] + " costs $5 to $10 \\n"
    meta.to_csv(root / "articles.csv", index=False)
    assert byo.check_folder(root) == []
    drawn = {}
    for name in ("plot_timeline", "plot_term_choices", "plot_voices", "plot_frame_scores", "plot_position_matrix"):
        fig = getattr(helpers, name)(root)
        fig.savefig(io.BytesIO(), format="png")  # drawing is where the maths parser would fail
        drawn[name] = any(MATHS in t.get_text() for t in fig.findobj(Text))
    assert drawn["plot_timeline"], "the outlet is not drawn as written"


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
    root = corpus(
        {"a": b"Headline a\r\nFirst line of the body. Second sentence.\r\nLast line.\r\n"}, files={"articles.csv": rows}
    )
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
    para = (
        "The council met on Monday. \u201cWe will decide soon,\u201d the mayor said, according to Dr. A. Lee. "
        "Costs rose by 4.2 per cent in the U.S. and elsewhere."
    )
    text = "\n".join(f"{para} Paragraph {i}." for i in range(12_500))
    assert len(text.encode("utf-8")) > 2_000_000
    root = corpus({"a": text})
    t0 = time.perf_counter()
    arts = helpers.load_articles(root)
    sents = helpers.sentences(root, articles=arts)
    elapsed = time.perf_counter() - t0
    assert len(sents) == 12_500 * 4
    assert elapsed < 10, f"a 2 MB article took {elapsed:.1f} s to load and split"


ASCII = "The mayor said the bridge would be repaired.\nThe council agreed.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeff" + ASCII, "the file is UTF-16 text (little-endian, with a byte-order mark), not UTF-8"),
        ("\ufeff" + ASCII, "the file is UTF-16 text (big-endian, with a byte-order mark), not UTF-8"),
        (ASCII, "the file looks like UTF-16 text (little-endian) without a byte-order mark: every other byte is zero"),
        (ASCII, "the file looks like UTF-16 text (big-endian) without a byte-order mark: every other byte is zero"),
    ],
    ids=["bom-le", "bom-be", "no-bom-le", "no-bom-be"],
)
def test_utf16_articles_are_named_as_utf16(corpus, data, expected, request):
    codec = "utf-16-be" if request.node.callspec.id.endswith("be") else "utf-16-le"
    root = corpus({"a": data.encode(codec)})
    msg = _problems(root)
    assert f"articles/a.txt: {expected}. Fix: open it in a text editor and save it again as plain text" in msg
    assert "Windows-1252" not in msg and "not 'Unicode' or 'UTF-16'" in msg


def test_utf16_metadata_file_is_named_as_utf16(corpus):
    meta = "article_id\tfile\toutlet\theadline\tpublished\na\ta.txt\tO\tH\t2024-03-01\n"  # Excel's "Unicode text"
    root = corpus({"a": "Text here."}, files={"articles.csv": meta.encode("utf-16")})
    assert "corpus/articles.csv: the file is UTF-16 text (little-endian, with a byte-order mark)" in _problems(root)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "the file is a PDF document, not plain text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "the file is a zipped document (Word .docx, OpenDocument), not plain text"),
        (b"{\\rtf1\\ansi Text}", "the file is a Rich Text (RTF) document, not plain text"),
        (b"Text\x00\x01\x02 with a NUL here and more text after it to be long enough", "the file contains NUL bytes"),
    ],
)
def test_documents_and_binary_files_are_named(corpus, data, expected):
    msg = _problems(corpus({"a": data}))
    assert expected in msg and "Fix: " in msg and "Windows-1252" not in msg


def test_cr_only_line_endings_are_named(corpus):
    root = corpus(
        {"a": b"First paragraph here.\rSecond paragraph.\rThird one.\r", "b": b"One.\nTwo.\rThree.\r\nFour.\n"}
    )
    msg = _problems(root)
    assert "articles/a.txt: the file uses old Mac line endings (CR only), so it would be read as one paragraph" in msg
    assert "articles/b.txt: the file has 1 line(s) ending in CR only (old Mac line endings) among ordinary ones" in msg
    assert "Fix: open it in a text editor and save it again with ordinary line endings" in msg


def test_article_ids_in_any_script_are_accepted(corpus):
    rows = [
        dict(ROW, article_id=aid, file=f"{aid}.txt", headline=f"Headline {aid}")
        for aid in ("правда-2024-03-01", "समाचार-1", "新华社_2024.03", "ελληνικά-1", "a")
    ]
    root = corpus({r["article_id"]: "Text here." for r in rows}, rows=rows)
    assert byo.check_folder(root) == []
    assert set(helpers.load_articles(root).article_id) == {r["article_id"] for r in rows}


@pytest.mark.parametrize("aid", ["two words", "-lead", "a/b", "x@y", "quote'd"])
def test_article_ids_with_spaces_or_symbols_say_exactly_what_is_allowed(corpus, aid):
    root = corpus({"a": "Text here."}, rows=[dict(ROW, article_id=aid)])
    assert (
        f"articles.csv, line 2: the article_id {aid!r} has spaces or symbols. Fix: use only letters (of any "
        "script), digits, '-', '_' or '.', starting with a letter or digit"
    ) in _problems(root)


@pytest.mark.parametrize(("sep", "what"), [(";", "semicolons (;)"), ("\t", "tabs")])
def test_semicolon_or_tab_separated_metadata_names_the_cause_once(corpus, sep, what):
    meta = sep.join(["article_id", "file", "outlet", "headline", "published"]) + "\n"
    meta += sep.join(["a", "a.txt", "Example, Post", "Headline, with commas", "2024-03-01"]) + "\n"
    msg = _problems(corpus({"a": "Text here."}, files={"articles.csv": meta}))
    assert msg == (
        f"corpus/articles.csv, line 1 (header): the columns are separated by {what}, not commas. "
        "Fix: save it again as 'CSV UTF-8 (comma delimited)' (in Excel), or with the field delimiter ',' "
        "(in LibreOffice)"
    )


def test_capitalised_header_names_each_column_written_differently(corpus):
    meta = "Article_ID,File,Outlet,Head line,published_date\na,a.txt,O,H,2024-03-01\n"
    msg = _problems(corpus({"a": "Text here."}, files={"articles.csv": meta}))
    assert (
        "line 1 (header): column names are written differently ('Article_ID' for 'article_id', 'File' for "
        "'file', 'Outlet' for 'outlet', 'Head line' for 'headline')"
    ) in msg
    assert "line 1 (header): missing column(s) published. Fix" in msg


# ---------------------------------------------------------------- real captures: header lines and hard wrapping

HEADER_LINES = [
    ("SOURCE: https://news.kyiv.example/talks-in-istanbul", "label", "header field"),
    ("DATE: May 15, 2025", "label", "header field"),
    ("Source: Valley Wire Service", "label", "header field"),
    ("Published: May 15, 2025 10:32 GMT | Updated: May 15, 2025 14:05 GMT", "label", "header field"),
    ("[May 15, 2025]", "label", "date line"),
    ("15 May 2025, 10:32", "label", "date line"),
    ("Thursday, May 15, 2025", "label", "date line"),
    ("2025-05-15 10:32", "furniture", "no letters"),
    ("By Jane Doe", "label", "byline"),
    ("By Jane Doe and Li Wei, Reuters", "label", "byline"),
    ("BY ANA DE LA CRUZ", "label", "byline"),
    ("What the two sides want", "label", "section heading"),
    ("Example Post", "label", "the outlet's name"),
    ("Advertisement", "furniture", "web page furniture"),
    ("Share this article", "furniture", "web page furniture"),
]
BODY_LINES = [
    "By Monday, the talks had collapsed.",
    "May 16 was the day the talks began, officials said.",
    "\u201cWe are ready,\u201d he said",
    "The council met on Monday and agreed to meet again in a month, after the second survey.",
    "Date palms line the road to the bridge, where traders sell fruit.",
    "\u4ed6\u8bf4\u8c08\u5224\u5c06\u7ee7\u7eed\u3002",  # a short Chinese sentence, ending in a full stop
    "\u0647\u0644 \u0633\u062a\u0633\u062a\u0645\u0631 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a\u061f",  # Arabic, question mark
]


def test_header_lines_of_real_captures_are_not_body_text(corpus):
    text = "\n".join([line for line, _, _ in HEADER_LINES] + BODY_LINES) + "\n"
    root = corpus({"a": text})
    paras = helpers.paragraphs(root)
    got = [(t, r, src.removeprefix("rule: ")) for t, r, src in zip(paras.text, paras.role, paras.role_source)]
    assert got == HEADER_LINES + [(line, "body", "default") for line in BODY_LINES]
    assert helpers.kwic("kyiv", root).empty  # the domain name in the SOURCE line is not text of the article
    assert helpers.load_articles(root).word_count.item() == sum(len(helpers.tokenize(b)) for b in BODY_LINES)


def test_header_lines_no_longer_reach_claim_pairs_or_distinctive_words(corpus):
    def capture(outlet, body):
        site = outlet.lower().replace(" ", "")
        return f"SOURCE: https://{site}.example/talks\nDATE: May 15, 2025\nBy Jane Doe\n{outlet}\n{body}\n"

    rows = [
        dict(ROW, article_id="a", file="a.txt", outlet="Zorbia Herald"),
        dict(ROW, article_id="b", file="b.txt", outlet="Quillan Post", headline="Headline b"),
    ]
    root = corpus(
        {
            "a": capture("Zorbia Herald", "The mayor proposed an equal split. The council will meet in May."),
            "b": capture("Quillan Post", "Councillors rejected the equal split. Traders want it reopened."),
        },
        rows=rows,
    )
    pairs = helpers.candidate_pairs(root)
    assert pairs[["text_a", "text_b"]].values.tolist() == [
        ["The mayor proposed an equal split.", "Councillors rejected the equal split."]
    ]
    words = set(_call_with_corpus(helpers.distinctive_words, root, min_count=1).word)
    assert words and not words & {"zorbia", "herald", "quillan", "post", "jane", "doe", "source", "date", "https"}


def test_the_checker_lists_the_lines_read_as_not_body_text(corpus, capsys):
    root = corpus({"a": "SOURCE: https://wire.example/x\nBy Jane Doe\nThe council met on Monday.\n"})
    notes = [str(n) for n in byo.check_notes(root)]
    expected = (
        "articles/a.txt: 2 line(s) read by the kit's rules as not body text, so left out of the counts: "
        "line 1 'SOURCE: https://wire.example/x' (label: header field); line 2 'By Jane Doe' (label: "
        "byline). If one of them is body text, add a row for it to annotations/paragraph_roles.csv "
        "(article_id, starts_with, role body, note)"
    )
    assert notes == [expected]
    assert helpers.main(["check", str(root)]) == 0  # notes do not make the check fail
    out = capsys.readouterr().out
    assert out.startswith("OK: no problems found in corpus/\n1 note(s), not problems") and notes[0] in out


WRAPPED = (
    "MARROWFIELD, March 6 - Councillors from Marrowfield and Tollcombe\n"
    "ended talks on the Old Quill Bridge on Wednesday without agreeing how to\n"
    "split the repair bill, but they promised to pay jointly for a second\n"
    "survey of the crossing. But Putin-\n"
    "style brinkmanship was absent, one councillor said.\n"
    "\n"
    "\u201cNobody expected a cheque to be signed tonight,\u201d the mayor told\n"
    "reporters outside the Guildhall.\n"
    "The survey will take place in April.\n"
)


def test_hard_wrapped_file_is_warned_about_and_a_reflowed_copy_is_written(corpus, capsys):
    root = corpus({"w": "By Sam Ortega\n" + WRAPPED, "plain": "One paragraph per line. It is fine.\n"})
    note = "\n".join(map(str, byo.check_notes(root)))
    assert "articles/w.txt: the file looks hard-wrapped: 5 of 7 line ends fall inside a sentence" in note
    assert "python -m helpers check --fix-wrapping corpus" in note and "plain.txt: the file looks" not in note
    assert helpers.main(["check", "--fix-wrapping", str(root)]) == 0
    out = capsys.readouterr().out
    copy = root.parent / "corpus-reflowed"
    assert f"into a copy of the corpus: {copy}" in out and "Your folder corpus/ was not changed" in out
    assert (copy / "articles" / "w.txt").read_text(encoding="utf-8") == (
        "By Sam Ortega\n"
        "MARROWFIELD, March 6 - Councillors from Marrowfield and Tollcombe ended talks on the Old Quill Bridge on "
        "Wednesday without agreeing how to split the repair bill, but they promised to pay jointly for a second "
        "survey of the crossing. But Putin-style brinkmanship was absent, one councillor said.\n"
        "\n"
        "\u201cNobody expected a cheque to be signed tonight,\u201d the mayor told reporters outside the Guildhall.\n"
        "The survey will take place in April.\n"
    )
    assert (copy / "articles" / "plain.txt").read_bytes() == (root / "articles" / "plain.txt").read_bytes()
    assert (copy / "articles.csv").read_bytes() == (root / "articles.csv").read_bytes()
    assert byo.check_notes(copy)[0].note.startswith("1 line(s) read")  # no longer hard-wrapped
    sents = helpers.sentences(copy).text.tolist()
    assert "But Putin-style brinkmanship was absent, one councillor said." in sents
    assert helpers.main(["check", "--fix-wrapping", str(root)]) == 1  # never overwrites
    assert "the folder already exists" in capsys.readouterr().out
    shutil.rmtree(copy)


def test_reflowed_copy_gets_its_own_checksums(corpus, tmp_path):
    import hashlib

    texts = {"plain": "One paragraph per line.\n", "w": WRAPPED}
    sums = "".join(f"{hashlib.sha256(t.encode('utf-8')).hexdigest()}  articles/{a}.txt\n" for a, t in texts.items())
    root = corpus(texts, files={"articles.sha256": sums})
    assert byo.check_folder(root) == []
    copy, files = byo.write_reflowed(root, tmp_path / "out")
    assert files == ["w.txt"] and byo.check_folder(copy) == []  # the copy's checksums match the copy's files
    assert (copy / "articles.sha256").read_text(encoding="utf-8") != sums


def test_fix_wrapping_never_writes_through_a_link_into_the_original(corpus, tmp_path):
    """b.txt is a link to a.txt (allowed: it leads to a file inside articles/); the copy re-flows both as files."""
    rows = [
        {"article_id": a, "file": f"{a}.txt", "outlet": "Example Post", "headline": f"Headline {a}", "published": d}
        for a, d in (("a", "2024-03-01"), ("b", "2024-03-02"))
    ]
    original = (tmp_path / "corpus" / "articles" / "a.txt").resolve()
    root = corpus({"a": WRAPPED}, rows=rows, links={"articles/b.txt": original})  # absolute, as a user makes it
    before = original.read_bytes()
    assert byo.check_folder(root) == []
    copy, files = byo.write_reflowed(root, tmp_path / "out")
    assert files == ["a.txt", "b.txt"]
    assert (root / "articles" / "a.txt").read_bytes() == before  # the original is untouched
    assert not (copy / "articles" / "b.txt").is_symlink() and byo.check_folder(copy) == []
    assert (copy / "articles" / "b.txt").read_text(encoding="utf-8") == (copy / "articles" / "a.txt").read_text(
        encoding="utf-8"
    )


def test_fix_wrapping_writes_nothing_when_no_file_is_wrapped(corpus, capsys):
    root = corpus({"plain": "One paragraph per line. It is fine.\n"})
    assert helpers.main(["check", "--fix-wrapping", str(root)]) == 1
    assert "Nothing written" in capsys.readouterr().out and not (root.parent / "corpus-reflowed").exists()
    assert helpers.main(["check", "--fix-wrap", str(root)]) == 2


def test_the_real_captures_example_passes_with_notes():
    folder = Path(__file__).resolve().parent.parent / "examples" / "real-captures"
    assert byo.check_folder(folder) == []
    notes = "\n".join(map(str, byo.check_notes(folder)))
    assert "wire-2024-03-06.txt: the file looks hard-wrapped" in notes
    assert "'What each side wants' (label: section heading)" in notes and "(label: byline)" in notes


# ---------------------------------------------------------------- what is drawn for a very long article


@pytest.fixture
def long_corpus(corpus):
    para = "The council met on Monday. \u201cWe will decide soon,\u201d the mayor said of the bridge. "
    text = "\n".join(f"{para * 3}Paragraph {i}." for i in range(6000))  # about 1.4 MB
    return corpus({"long": text, "line": "word " * 60_000, "short": "Headline short\nOne short text.\n"}), text


def test_show_article_draws_at_most_the_cap_and_says_so(long_corpus):
    root, text = long_corpus
    view = helpers.show_article("long", highlight=["Paragraph 5999."], path=root).data
    assert len(text) > 1_400_000 and len(view) < 2.5 * helpers.SHOW_MAX_CHARS
    note = re.search(
        r"only its beginning is shown here: ([\d,]+) of its ([\d,]+) characters "
        r"\(paragraphs 1–(\d+) of ([\d,]+)\)",
        view,
    )
    assert note, view[:2000]
    cut, total, last, n = (int(g.replace(",", "")) for g in note.groups())
    assert total == len(text) and n == 6000
    assert cut == helpers.SHOW_MAX_CHARS + last - 1  # the characters drawn, plus one line break between paragraphs
    assert f"\u00b6{last}<" in view and f"\u00b6{last + 1}<" not in view
    assert "1 highlighted span(s) lie in the part not shown" in view and "max_chars=None" in view
    assert "Paragraph 5999." not in view
    full = helpers.show_article("long", path=root, max_chars=None).data
    assert len(full) > len(text) and "kit-cap-note" not in full and "Paragraph 5999." in full
    assert "kit-cap-note" not in helpers.show_article("short", path=root).data


def test_one_very_long_paragraph_is_cut_inside_it(long_corpus):
    root, _ = long_corpus
    view = helpers.show_article("line", path=root).data
    assert len(view) < 1.2 * helpers.SHOW_MAX_CHARS and "(paragraph 1 of 1)" in view
    assert "[\u2026 cut here: see the note above]" in view
    assert view.count("word") == helpers.SHOW_MAX_CHARS // 5


def test_kwic_keeps_every_match_but_its_display_is_short(long_corpus):
    root, _ = long_corpus
    k = helpers.kwic("bridge", root)
    assert len(k) == 6000 * 3
    assert len(k._repr_html_()) < 60_000  # pandas draws the first and last rows only
    table = helpers.html_table(k).data
    assert table.count("<tr>") == helpers.TABLE_MAX_ROWS + 1 and "showing the first 1,000 of 18,000 rows" in table
    assert helpers.html_table(k, max_rows=None).data.count("<tr>") == 18_001


def test_html_table_cuts_very_long_cells_and_says_so():
    t = helpers.html_table(pd.DataFrame({"text": ["x" * 20_000, "short"]})).data
    first_cell = re.search(r"<td[^>]*>(x+) \[\u2026\]</td>", t)
    assert first_cell and len(first_cell.group(1)) == helpers.TABLE_MAX_CELL
    assert "1 cell(s) longer than 5,000 characters cut" in t
    assert "Table shortened" not in helpers.html_table(pd.DataFrame({"text": ["short"]})).data


# ---------------------------------------------------------------- markup in article text

NASTY = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'


@pytest.fixture
def markup_corpus(corpus):
    text = (
        f"Headline <b>a</b>\n"
        f"The mayor {NASTY} said the bridge was safe. {IMG} Tags &amp; entities.\n"
        f"A <a href='javascript:alert(2)'>link</a> in the text.\n"
    )
    rows = [dict(ROW, outlet="<i>Example</i> Post", headline="Headline <b>a</b>", author="<script>x</script>")]
    return corpus({"a": text}, rows=rows)


def _no_live_markup(html: str):
    assert "<script" not in html.lower(), "a <script> tag from the text is live"
    assert "<img" not in html.lower() and "<a href" not in html.lower() and "<b>a</b>" not in html
    assert 'onerror="alert' not in html


def test_show_article_renders_markup_as_text(markup_corpus):
    view = helpers.show_article("a", highlight={"<script>label</script>": "said the bridge"}, path=markup_corpus)
    _no_live_markup(view.data)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in view.data
    assert "&amp;amp;" in view.data  # an entity in the text is shown as typed, not decoded
    assert "&lt;i&gt;Example&lt;/i&gt; Post" in view.data  # the outlet in the heading


def test_html_table_and_pandas_render_markup_as_text(markup_corpus):
    arts = helpers.load_articles(markup_corpus)
    for html in (
        helpers.html_table(arts[["outlet", "headline", "author", "text"]]).data,
        arts[["outlet", "headline", "author", "text"]]._repr_html_(),
        helpers.corpus_card(markup_corpus)._repr_html_(),
        helpers.paragraphs(markup_corpus)._repr_html_(),
        helpers.sentences(markup_corpus)._repr_html_(),
    ):
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
    text = (
        "The mayor said \u201cwe will pay. We always pay. Nobody else will.\n"
        "The next paragraph is narration. It is not quoted.\n"
    )
    root = corpus({"a": text})
    s = helpers.sentences(root)
    assert s.text.tolist() == [
        "The mayor said \u201cwe will pay.",
        "We always pay.",
        "Nobody else will.",
        "The next paragraph is narration.",
        "It is not quoted.",
    ]
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
    assert _problems(root).count("does not exist") == 1  # listed (and counted) once, not again by the annotations


def test_spreadsheet_leftovers_in_the_header_are_named(tmp_path):
    root = write_corpus(tmp_path / "c", {"a": "Text here."})
    text = (root / "articles.csv").read_text(encoding="utf-8")
    (root / "articles.csv").write_text("".join(line + ",,\n" for line in text.splitlines()), encoding="utf-8")
    assert _problems(root) == (
        "c/articles.csv, line 1 (header): 2 column(s) have no name (often commas a spreadsheet left at the ends "
        "of the lines). Fix: delete the empty columns, or give each a name"
    )
    (root / "articles.csv").write_text("sep=,\n" + text, encoding="utf-8")
    assert _problems(root) == (
        "c/articles.csv, line 1 (header): the first line is 'sep=,', a note some spreadsheet programs write before "
        "the header. Fix: delete that line, so that the column names are the first line"
    )


def test_a_timing_other_than_before_or_after_is_refused(corpus):
    """'Before' (capitalised) was once read as 'after' by the coverage checklist."""
    root = corpus({"a": "Text here."}, rows=[dict(ROW, timing="Before")])
    assert "articles.csv, line 2: the timing 'Before' is not one of before, after" in _problems(root)
    ok = corpus({"a": "Text here."}, rows=[dict(ROW, timing="")], name="no-timing")
    assert "timing" not in _problems(ok)


def test_a_role_override_without_its_opening_words_is_refused(corpus):
    rows = "article_id,starts_with,role,note\na,,caption,the photo line\n"
    root = corpus({"a": "Headline here\nA sentence of body text.\n"}, annotations={"paragraph_roles.csv": rows})
    assert "annotations/paragraph_roles.csv, line 2: starts_with is empty" in _problems(root)


def test_one_bad_date_in_a_coded_corpus_is_one_problem_not_a_cascade(tmp_path):
    """A wrong date in articles.csv once made every annotation row report its article as unknown (480 problems)."""
    import csv

    root = tmp_path / "kit-copy"
    shutil.copytree(DATA, root)
    with open(root / "articles.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[1][rows[0].index("published")] = "14/05/2025"
    with open(root / "articles.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    problems = byo.check_folder(root)
    assert [str(p) for p in problems] == [
        "articles.csv, line 2: the published date '14/05/2025' is not in the form YYYY-MM-DD. "
        "Fix: write the date as e.g. 2024-03-04"
    ]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_placeholder_date_is_refused_before_a_timeline_fails_on_it(corpus, day):
    root = corpus({"a": "Text here."}, rows=[dict(ROW, published=day)])
    assert f"articles.csv, line 2: the published date '{day}' is outside the years" in _problems(root)


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

POSITIONS_HEADER = (
    "position_id,article_id,actor,speaker_id,voice,relay_id,issue,stance,summary,condition,span,cameo,notes\n"
)


def test_annotation_faults_all_reported_with_line_and_fix(corpus):
    text = "The mayor said the bridge must be repaired. The council agreed to a survey.\n"
    speakers = (
        "speaker_id,canonical_name,variants,role,affiliation,country,speaker_type,notes\n"
        "mayor,The mayor,the mayor,Mayor,Town,Fictional,head_of_state_or_government,\n"
    )
    attributions = (
        "attribution_id,article_id,span,speaker_id,form,cue,relay_id,relay_cue,notes\n"
        "x1,a,the bridge must be repaired,mayor,indirect,The mayor said,,,\n"  # fine
        "x2,a,the bridge must be rebuilt,mayor,indirect,The mayor said,,,\n"  # span not in text
        "x3,a,the bridge must be repaired,mayor,shouted,The mayor said,,,\n"  # unknown form
        "x4,zz,the bridge,mayor,indirect,said,,,\n"  # unknown article
        "x5,a,The council agreed,council,indirect,,,,\n"
    )  # speaker not in the gazetteer
    root = corpus(
        {"a": text},
        annotations={"speakers.csv": speakers, "attributions.csv": attributions, "postions.csv": POSITIONS_HEADER},
    )
    problems = byo.check_annotations(root)
    msg = "\n".join(map(str, problems))
    assert "annotations/attributions.csv, line 3: the span 'the bridge must be rebuilt' is not in article a" in msg
    assert (
        "annotations/attributions.csv, line 4: unknown form 'shouted'. Fix: use one of: direct_quote, "
        "indirect, partial_quote" in msg
    )
    assert "annotations/attributions.csv, line 5: unknown article_id 'zz'" in msg
    assert "annotations/attributions.csv, line 6: unknown speaker_id 'council'. Fix: use one of: mayor" in msg
    assert "annotations/postions.csv: this is not a file the kit reads" in msg  # a misspelt name
    assert len(problems) == 5 and "line 2" not in msg
    assert byo.check_folder(root) == problems  # the corpus itself is fine


def test_annotation_with_wrong_columns_and_missing_codebook(corpus):
    root = corpus(
        {"a": "Text here."},
        annotations={
            "framing_elements.csv": "article_id,element,span\na,problem_definition,Text here\n",
            "positions.csv": POSITIONS_HEADER + "p1,a,town,mayor,official,,bridge,demands,s,,Text here,,\n",
        },
    )
    msg = "\n".join(map(str, byo.check_annotations(root)))
    assert "annotations/framing_elements.csv, line 1 (header): missing column(s) summary, notes" in msg
    assert "the issue codes need annotations/issues_codebook.csv, which this corpus does not have" in msg
    assert 'helpers.annotation_template("speakers.csv")' in msg
    assert "the actor codes need annotations/actors_codebook.csv, which this corpus does not have" in msg


def test_check_folder_reports_corpus_and_annotation_problems(corpus):
    """What `python -m helpers check FOLDER` prints once it runs check_folder (see the report)."""
    root = corpus(
        {"a": "Text here.", "b": ""},
        annotations={"generic_frames.csv": "article_id,item_id,answer,span,notes\na,resp1,maybe,,\n"},
    )
    problems = byo.check_folder(root)
    assert [(p.file, p.row) for p in problems] == [
        ("corpus/articles/b.txt", ""),  # the corpus first ...
        ("annotations/generic_frames.csv", ""),  # ... then the annotations: the codebook is missing
        ("annotations/generic_frames.csv", "line 2"),  # and the answer is not a code
    ]
    assert "unknown answer 'maybe'. Fix: use one of: no, yes" in str(problems[2])
    assert 'helpers.annotation_template("generic_frames_codebook.csv")' in str(problems[1])


# ---------------------------------------------------------------- templates and notices


@pytest.mark.parametrize(
    "make, said",
    [
        (lambda root: (root / "articles.sha256").write_text("abc123\n", encoding="utf-8"), "line 1: 'abc123' is not"),
        (lambda root: (root / "articles.sha256").write_bytes(b"caf\xe9\n"), "articles.sha256, byte 3: the file is not"),
        (lambda root: (root / "articles.sha256").mkdir(), "articles.sha256: this is a folder or a special file"),
        (lambda root: (root / "annotations" / "speakers.csv").mkdir(parents=True), "speakers.csv: this is a folder"),
        (lambda root: os.mkfifo(root / "annotations" / "speakers.csv"), "speakers.csv: this is a folder or a special"),
    ],
    ids=["checksum-line", "checksum-encoding", "checksum-folder", "csv-folder", "csv-pipe"],
)
def test_a_bad_checksum_file_or_a_csv_that_is_no_file_gets_a_message_not_a_traceback(tmp_path, make, said):
    root = write_corpus(tmp_path / "c", {"a": "Text here."})
    (root / "annotations").mkdir(exist_ok=True)
    make(root)
    assert said in _problems(root)  # the check ends (a pipe is never opened) and names file, row and fix
    assert "Fix:" in _problems(root)


def test_template_never_writes_through_a_link(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = write_corpus(tmp_path / "c", {"a": "Text here."})
    (root / "record.csv").symlink_to(outside / "record.csv")  # a link that leads nowhere yet
    with pytest.raises(KitDataError, match="never writes through a link"):
        byo.annotation_template("record.csv", root)
    (root / "annotations").symlink_to(outside, target_is_directory=True)
    with pytest.raises(KitDataError, match="annotations/ is a link to a folder outside the corpus folder"):
        byo.annotation_template("positions.csv", root)
    assert list(outside.iterdir()) == []  # nothing was written there


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


def test_prose_about_the_kit_articles_is_marked_on_another_corpus(tmp_path):
    assert byo.about_kit_articles() is None  # the kit's own corpus: nothing is shown
    copy = tmp_path / "copy"
    shutil.copytree(DATA, copy)
    assert byo.uses_kit_articles(copy) and byo.about_kit_articles(copy) is None  # the same articles elsewhere
    plus = tmp_path / "plus"
    shutil.copytree(DATA, plus)
    (plus / "articles" / "new.txt").write_text("New article text.\n", encoding="utf-8")
    meta = helpers.read_csv_checked(plus / "articles.csv").drop(columns="csv_line")
    new_row = {c: "" for c in meta.columns} | {
        "article_id": "new",
        "file": "new.txt",
        "outlet": "New Outlet",
        "headline": "New headline",
        "published": "2025-05-20",
    }
    pd.concat([meta, pd.DataFrame([new_row])]).to_csv(plus / "articles.csv", index=False)
    (plus / "articles.sha256").unlink()
    assert helpers.check_corpus(plus) == []
    note = byo.about_kit_articles(plus)
    assert isinstance(note, byo.Notice) and "describes the kit's own five articles" in note.data
    assert "(6 articles in <code>plus/</code>)" in note.data
    own = write_corpus(tmp_path / "own", {"a": "Text here."})
    assert "(1 article in <code>own/</code>)" in byo.about_kit_articles(own).data
    assert not byo.uses_kit_articles(own)


def test_notice_stands_in_for_a_table_without_looping():
    note = byo.not_coded_notice("claims.csv")
    assert list(note) == [] and len(note) == 0 and not note
    chained = note.loc[~note.flag, "a"].query("x == 1").groupby("a").agg(n=("b", "size")).reset_index()
    assert isinstance(chained, byo.Notice) and "see the notice above" in chained.data
    assert isinstance(pd.DataFrame({"a": [1]}).pipe(lambda d: d), pd.DataFrame)
