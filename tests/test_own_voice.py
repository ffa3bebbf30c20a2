"""The kit's own voice never adopts a word its lexicon marks as contested.

``annotations/lexicon.csv`` gives every variant a ``kit_voice``: ``house_style`` (the kit's own choice, e.g. *Kyiv*,
*Zelenskyy*, *war*), ``free`` (a general word the kit may use, e.g. *conflict* in "the conflict frame"),
``quoted_only`` or ``avoid`` (the kit writes it only when quoting or naming the word). This test scans the kit's own
text -- notebook prose, labels, fact ids, summaries, explanations and notes -- for every ``avoid`` variant outside
quotation marks and fails on a hit, naming the file, the place and the words around it. The scope: the markdown
cells and code comments of every notebook source, the own-voice columns of the data files (``OWN_VOICE_COLUMNS``), the
prose of ``docs/*.md`` and ``solutions/*.md`` (fenced code blocks left out) and the kit's labels.

What counts as quoting or naming a word: text inside quotation marks (‘…’, “…”, '…', "…"), inside backticks (code),
or in italics (*…*, the notebooks' way of naming a word, as in "the Global Times writes *Kiev*"). An apostrophe
between two letters does not close a quotation ('the conflict's root causes'), and a word set directly between
quotation marks is quoted even where the marks are nested inside another quotation. Web addresses are left out. Verbatim evidence spans are the articles' words, not the kit's, so span columns are not scanned.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
LEXICON = DATA / "annotations" / "lexicon.csv"

#: The notebooks whose prose is scanned (markdown cells and code comments of every reviewed source).
NOTEBOOKS = sorted(p.name for p in (ROOT / "tools" / "notebook-sources").glob("*.py"))

#: The folders whose markdown files are scanned as prose.
PROSE_DIRS = ["docs", "solutions"]

#: (file under data/, columns written in the kit's own voice).
OWN_VOICE_COLUMNS = [
    ("annotations/framing_elements.csv", ["summary", "notes"]),
    ("annotations/foreground.csv", ["point", "notes"]),
    ("annotations/generic_frames.csv", ["notes"]),
    ("annotations/claims.csv", ["says", "explanation", "topic"]),
    ("annotations/coverage_checklist.csv", ["question", "leaves_out_point", "notes"]),
    ("record.csv", ["fact_id", "topic", "fact", "value", "note"]),
    ("timeline.csv", ["fact_id", "label", "mark_label"]),
    ("annotations/known_differences.csv", ["difference"]),
    ("annotations/actors_codebook.csv", ["label", "short_label", "definition"]),
    ("after_the_talks.csv", ["event_id", "what_happened", "note"]),
    ("annotations/positions.csv", ["summary", "notes", "condition"]),
    ("annotations/attributions.csv", ["notes"]),
    ("annotations/speakers.csv", ["role", "affiliation", "notes"]),
    ("annotations/issues_codebook.csv", ["label", "definition"]),
    ("annotations/actors_codebook.csv", ["label", "definition", "description", "notes"]),
    ("sourcing_settings.csv", ["note"]),
    ("coding_round/sample.csv", ["question"]),
]

_QUOTED = [
    re.compile(r"“[^”]*”"),
    # an apostrophe between two letters (‘the conflict’s root causes’) does not close a quotation
    re.compile(r"‘(?:[^’]|(?<=[A-Za-z])’(?=[A-Za-z]))*’"),
    re.compile(r'"[^"\n]*"'),
    # a straight single quote opens after a space, a bracket or the start, and closes before a non-letter
    re.compile(r"(?:(?<=^)|(?<=[\s(\[]))'(?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z]))*?'(?![A-Za-z])"),
    re.compile(r"`[^`]*`"),
    re.compile(r"(?<![\w*])\*[^*\n]+\*(?![\w*])"),
]
_URL = re.compile(r"https?://\S+")
_OPENING, _CLOSING = "“‘\"'`*", "”’\"'`*"
_FENCE = re.compile(r"^```.*?^```[^\n]*$", re.MULTILINE | re.DOTALL)


def _directly_quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands directly between quotation marks (as in a quotation nested in another)."""
    return start > 0 and end < len(text) and text[start - 1] in _OPENING and text[end] in _CLOSING


def unquoted(text: str) -> str:
    """The text with quoted, coded and italic passages and web addresses blanked out."""
    text = _URL.sub(lambda m: " " * len(m.group()), text)
    text = re.sub(r"(?<!\n)\n(?!\n)", " ", text)  # a quotation may run over a line break within a paragraph
    for rx in _QUOTED:
        text = rx.sub(lambda m: " " * len(m.group()), text)
    return text


def marked_terms(path: Path = LEXICON) -> list[tuple[str, re.Pattern]]:
    """The lexicon's variants that the kit's own voice avoids, with their search patterns."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        (
            f"{r['concept']}: {r['variant']}",
            re.compile(r["pattern"], 0 if r["case_sensitive"] == "true" else re.IGNORECASE),
        )
        for r in rows
        if r["kit_voice"] == "avoid"
    ]


def hits(texts, terms) -> list[str]:
    """Every use of a marked term outside quotation: 'where: term in ...context...'."""
    found = []
    for where, text in texts:
        plain = unquoted(text)
        for name, rx in terms:
            for m in rx.finditer(plain):
                if _directly_quoted(text, m.start(), m.end()):
                    continue
                flat = text.replace("\n", " ")
                ctx = flat[max(0, m.start() - 40) : m.end() + 40]
                found.append(f"{where}: {name!r} in ...{ctx}...")
    return found


def _id_text(value: str) -> str:
    """A snake_case id read as words, so that 'european_ultimatum' is scanned as 'european ultimatum'."""
    return value.replace("_", " ").replace(".", " ")


def notebook_prose(name: str, base: Path = ROOT / "tools" / "notebook-sources"):
    """The markdown cells and code comments of one notebook source, as (place, text) pairs."""
    out, cell, start, in_md = [], [], 0, False
    for no, line in enumerate((base / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# %%"):
            if in_md and cell:
                out.append((f"{name}, cell at line {start}", "\n".join(cell)))
            in_md, cell, start = "[markdown]" in line, [], no
        elif in_md:
            cell.append(line[2:] if line.startswith("# ") else line.lstrip("#"))
        elif line.lstrip().startswith("#"):
            out.append((f"{name}, comment at line {no}", line.lstrip().lstrip("#").strip()))
    if in_md and cell:
        out.append((f"{name}, cell at line {start}", "\n".join(cell)))
    return out


def markdown_prose(path: Path, where: str):
    """The paragraphs of a markdown file, fenced code blocks left out, as (place, text) pairs."""
    text = _FENCE.sub(lambda m: "\n" * m.group().count("\n"), path.read_text(encoding="utf-8"))
    out, para, start = [], [], 0
    for no, line in enumerate(text.splitlines() + [""], 1):
        if line.strip():
            if not para:
                start = no
            para.append(line)
        elif para:
            out.append((f"{where}, paragraph at line {start}", "\n".join(para)))
            para = []
    return out


def docs_prose(base: Path = ROOT):
    return [t for d in PROSE_DIRS for p in sorted((base / d).glob("*.md")) for t in markdown_prose(p, f"{d}/{p.name}")]


def data_texts(base: Path = DATA):
    out = []
    for file, cols in OWN_VOICE_COLUMNS:
        path = base / file
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for line, row in enumerate(csv.DictReader(f), 2):
                for col in cols:
                    value = row.get(col) or ""
                    text = _id_text(value) if col in ("fact_id", "topic", "event_id") else value
                    out.append((f"{file}, line {line}, {col}", text))
    return out


def kit_labels():
    """Labels written in kit/ code (the case's labels live in data files, scanned above)."""
    return []


def test_lexicon_marks_every_variant():
    with open(LEXICON, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    allowed = {"house_style", "free", "quoted_only", "avoid"}
    bad = [
        f"line {i}: {r['variant']!r} has kit_voice {r.get('kit_voice')!r}"
        for i, r in enumerate(rows, 2)
        if r.get("kit_voice") not in allowed
    ]
    assert not bad, bad
    # the house style named in notebook 00
    house = {r["variant"] for r in rows if r["kit_voice"] == "house_style"}
    assert {"Kyiv", "Zelenskyy (surname)", "war", "Türkiye"} <= house
    assert {"ultimatum", "Kiev", "invasion / invade"} <= {r["variant"] for r in rows if r["kit_voice"] == "avoid"}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_prose_uses_no_marked_term(name):
    found = hits(notebook_prose(name), marked_terms())
    assert not found, "\n".join(found)


def test_data_and_labels_use_no_marked_term():
    found = hits(data_texts() + kit_labels(), marked_terms())
    assert not found, "\n".join(found)


@pytest.mark.parametrize("folder", PROSE_DIRS)
def test_docs_and_solutions_use_no_marked_term(folder):
    found = [h for h in hits(docs_prose(), marked_terms()) if h.startswith(folder + "/")]
    assert not found, "\n".join(found)


def test_the_scope_reaches_every_kind_of_own_text():
    places = [w for w, _ in data_texts()]
    for file in [
        "annotations/positions.csv",
        "annotations/attributions.csv",
        "annotations/speakers.csv",
        "annotations/issues_codebook.csv",
        "sourcing_settings.csv",
        "coding_round/sample.csv",
    ]:
        assert any(w.startswith(file + ",") for w in places), file
    assert "explore.py" in NOTEBOOKS and "01-who-speaks.py" in NOTEBOOKS
    assert any(w.startswith("docs/facilitator-guide.md") for w, _ in docs_prose())
    assert any(w.startswith("solutions/") for w, _ in docs_prose())


def test_a_planted_term_is_caught(tmp_path):
    terms = marked_terms()
    planted = [("planted", "Putin proposed talks after the European ultimatum of 10 May.")]
    expected = "planted: 'ultimatum: ultimatum' in ...Putin proposed talks after the European ultimatum of 10 May...."
    assert hits(planted, terms) == [expected]
    # an id is read as words
    assert hits([("id", _id_text("european_ultimatum"))], terms)
    # quoting or naming the word is not using it
    for ok in [
        "It calls the demand an ‘ultimatum’.",
        'It calls the demand an "ultimatum".',
        "It calls the demand an 'ultimatum'.",
        "The Global Times writes *Kiev*.",
        "`ultimatum`",
        "see https://example.org/ultimatum-of-10-may",
    ]:
        assert hits([("ok", ok)], terms) == [], ok
    # an apostrophe does not open a quotation
    assert hits([("apostrophe", "Russia's low-level delegation and Ukraine's reply")], terms)
    # an apostrophe inside a quotation does not close it, with straight or curly marks
    for ok in [
        "Russia demands a probe of 'the conflict's root causes'.",
        "Russia demands a probe of ‘the conflict’s root causes’.",
        "a question about 'Vladimir Zelensky's statements about his desire to meet'",
        "his claim that it beats 'the West's' approach",
    ]:
        assert hits([("inner apostrophe", ok)], terms) == [], ok
    # ... but the quotation still ends, and a use after it is caught
    assert hits([("after", "It quotes 'the conflict's causes' and adds its own ultimatum.")], terms)
    # a word set directly between quotation marks inside another quotation is quoted
    assert (
        hits(
            [("nested", 'It writes "a month after Russia launched a "special military operation" into Ukraine".')],
            terms,
        )
        == []
    )
    assert hits([("unquoted", "a month after Russia launched a special military operation into Ukraine")], terms)
    # a fenced code block in a markdown file is code, and prose after it is scanned
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text(
        "Intro.\n\n```python\nkwic('Turkey')\n```\n\nHosted by Turkey.\n", encoding="utf-8"
    )
    found = [h for h in hits(docs_prose(tmp_path), terms) if h.startswith("docs/")]
    assert len(found) == 1 and found[0].startswith("docs/guide.md, paragraph at line 7: 'turkey_name: Turkey'")
    # a notebook's code comment is the kit's voice; its strings are code
    (tmp_path / "nb.py").write_text(
        "# %% [markdown]\n# Intro.\n\n# %%\n# the ultimatum\nkwic('ultimatum')\n", encoding="utf-8"
    )
    assert [h.split(":")[0] for h in hits(notebook_prose("nb.py", tmp_path), terms)] == ["nb.py, comment at line 5"]
    # and a planted line in a data file is found, with its place
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "foreground.csv").write_text(
        "article_id,kind,point,span,absence_terms,contrast_article_id,contrast_span,notes\n"
        "cgtn-2025-05-14,foregrounds,Putin's Kiev visit,x,,,,\n",
        encoding="utf-8",
    )
    found = hits(data_texts(tmp_path), terms)
    assert len(found) == 1 and found[0].startswith("annotations/foreground.csv, line 2, point: 'capital_name: Kiev'")
