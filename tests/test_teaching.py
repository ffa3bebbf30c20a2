"""Tests of kit.teaching: Krippendorff's alpha, the code-it-yourself round, notes, handouts."""

from __future__ import annotations

import csv
import math
import re
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

import helpers
from kit import teaching
from kit.core import KitDataError
from kit.teaching import AlphaUndefinedError, krippendorff_alpha

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "data" / "coding_round" / "examples"
nan = float("nan")

# Krippendorff's example with three coders, 15 units and missing values (the example the
# krippendorff Python package and Wikipedia use): nominal 0.691358, interval 0.810845.
THREE_CODERS = [
    [nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
    [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
    [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4],
]
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers A-D, 12 units,
# missing values as None. Published: nominal 0.743, interval 0.849.
FOUR_CODERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


# ---------------------------------------------------------------------------------------------
# alpha
# ---------------------------------------------------------------------------------------------


def test_alpha_three_coder_reference_values():
    assert round(krippendorff_alpha(THREE_CODERS, "nominal"), 6) == 0.691358
    assert round(krippendorff_alpha(THREE_CODERS, "interval"), 6) == 0.810845


def test_alpha_krippendorff_2011_four_coders():
    assert round(krippendorff_alpha(FOUR_CODERS, "nominal"), 3) == 0.743
    assert round(krippendorff_alpha(FOUR_CODERS, "interval"), 3) == 0.849


def test_alpha_hand_computed():
    # values a,a,b,b / a,b,b,b: n = 8, n_a = 3, n_b = 5, one a-b pair each way in unit 2
    # alpha = 1 - (n - 1) * 2 / (2 * n_a * n_b) = 1 - 14/30
    assert krippendorff_alpha([["a", "a", "b", "b"], ["a", "b", "b", "b"]]) == pytest.approx(1 - 14 / 30)
    # interval: values 1,1,3,3 / 1,3,3,3 -> D_o: o_13 = o_31 = 1, delta 4 -> 8;
    # D_e = (2 * 3 * 5 * 4) / 7 = 120/7; alpha = 1 - 8 * 7 / 120
    assert krippendorff_alpha([[1, 1, 3, 3], [1, 3, 3, 3]], "interval") == pytest.approx(1 - 56 / 120)


def test_alpha_perfect_agreement_is_one():
    data = [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, None]]
    assert krippendorff_alpha(data) == 1.0
    assert krippendorff_alpha(data, "interval") == 1.0


def test_alpha_ignores_units_coded_once():
    base = [["yes", "no", "no", "yes"], ["yes", "no", "yes", "yes"]]
    extra = [row + [v] for row, v in zip(base, ["no", None])]
    assert krippendorff_alpha(extra) == krippendorff_alpha(base)


def test_alpha_accepts_dataframe_and_empty_strings():
    df = pd.DataFrame([["yes", "no", ""], ["yes", "yes", "no"]])
    assert krippendorff_alpha(df) == krippendorff_alpha([["yes", "no"], ["yes", "yes"]])


def test_alpha_all_values_identical_gives_clear_message():
    with pytest.raises(AlphaUndefinedError, match="same value"):
        krippendorff_alpha([["no", "no", "no"], ["no", "no", None]])


def test_alpha_nothing_to_compare():
    with pytest.raises(AlphaUndefinedError, match="two or more coders"):
        krippendorff_alpha([[1, None], [None, 2]])


def test_alpha_bad_level_and_non_numbers():
    with pytest.raises(ValueError, match="unknown level"):
        krippendorff_alpha([[1, 2], [1, 2]], level="ordinal")
    with pytest.raises(ValueError, match="not a number"):
        krippendorff_alpha([["yes", "no"], ["yes", "no"]], level="interval")


def test_alpha_verdict_thresholds():
    assert teaching.alpha_verdict(0.800).startswith("reliable")
    assert teaching.alpha_verdict(0.799).startswith("tentative")
    assert teaching.alpha_verdict(0.667).startswith("tentative")
    assert teaching.alpha_verdict(0.666).startswith("not reliable")


# ---------------------------------------------------------------------------------------------
# the sample and the kit's codes
# ---------------------------------------------------------------------------------------------


def test_sample_has_the_three_tasks():
    s = helpers.coding_sample()
    assert s.groupby("task", sort=False).size().to_dict() == {"stance": 15, "generic_frames": 20, "speaker_type": 15}
    assert s.item_id.is_unique
    assert set(s.loc[s.task == "generic_frames", "article_id"]) == {"athenstimes-2025-05-15"}
    spans = s[s.task != "generic_frames"]
    assert (spans.start >= 0).all()  # every span found verbatim by verify_spans


def test_every_sample_item_has_a_kit_code_that_is_allowed():
    s = helpers.coding_sample()
    k = helpers.kit_codings(sample=s)
    missing = k[k.code == ""]
    assert missing.empty, f"no kit code for: {missing[['item_id', 'source']].values.tolist()}"
    allowed = {r.item_id: set(teaching._split_codes(r.allowed_codes)) for r in s.itertuples()}
    assert all(c in allowed[i] for i, c in zip(k.item_id, k.code))


def test_kit_codes_come_from_the_annotation_files():
    k = helpers.kit_codings().set_index("item_id")
    # st04: Peskov, "We only evaluate statements made by President Putin" (positions.csv)
    assert k.at["st04", "code"] == "assesses_mixed"
    # resp4 for the Athens Times (generic_frames.csv)
    assert k.at["resp4", "code"] == "yes"
    # sp13: "Ukrainian Defence Minister Rustem Umerov said" -> umerov -> negotiator (speakers.csv)
    assert k.at["sp13", "code"] == "negotiator"
    assert k.at["sp13", "source"].startswith("attributions.csv line")


# ---------------------------------------------------------------------------------------------
# participant files
# ---------------------------------------------------------------------------------------------


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(path: Path, rows, header=("participant", "item_id", "code")):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_load_examples():
    c = helpers.load_codings(EXAMPLES)
    assert sorted(c.participant.unique()) == ["participant-a", "participant-b"]
    assert len(c) == 50 + 49  # participant-b left one speaker item empty
    assert c.columns.tolist() == ["participant", "task", "item_id", "code", "file", "csv_line"]


def test_template_round_trip(tmp_path):
    f = helpers.write_template(tmp_path / "round" / "ana.csv", "ana")
    assert helpers.load_codings(f.parent).empty  # a blank template: no answers yet
    rows = _read(f)
    assert len(rows) == 50 and {r["participant"] for r in rows} == {"ana"}
    rows[0]["code"] = " Proposes "  # case and spaces are forgiven
    with open(f, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=teaching.PARTICIPANT_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    c = helpers.load_codings(f.parent)
    assert c[["item_id", "code"]].values.tolist() == [["st01", "proposes"]]


@pytest.mark.parametrize(
    "rows, header, expected",
    [
        ([["p", "st01", "demandz"]], None, r"p1\.csv, line 2: the code 'demandz' is not allowed for item st01"),
        ([["p", "st01", "demands"], ["p", "xx99", "yes"]], None, r"p1\.csv, line 3: unknown item 'xx99'"),
        ([["p", "st01", "demands"], ["p", "st01", "rejects"]], None, r"line 3: item 'st01' is answered twice"),
        ([["p", "st01"]], ("participant", "item_id"), r"p1\.csv, line 1 \(header\): missing column\(s\) code"),
        ([["p", "st01", "demands"], ["q", "st02", "demands"]], None, r"different participants"),
        ([["p", "st01"]], None, r"p1\.csv, line 2: 2 fields where the header has 3"),
    ],
)
def test_load_codings_reports_file_and_line(tmp_path, rows, header, expected):
    _write(tmp_path / "round" / "p1.csv", rows, header or ("participant", "item_id", "code"))
    with pytest.raises(KitDataError, match=expected):
        helpers.load_codings(tmp_path / "round")


def test_load_codings_empty_folder_and_duplicate_participant(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(KitDataError, match="no participant files"):
        helpers.load_codings(tmp_path / "empty")
    _write(tmp_path / "two" / "a.csv", [["ana", "st01", "demands"]])
    _write(tmp_path / "two" / "b.csv", [["ana", "st02", "demands"]])
    with pytest.raises(KitDataError, match="also has the file a.csv"):
        helpers.load_codings(tmp_path / "two")


def test_participant_name_defaults_to_file_name(tmp_path):
    _write(tmp_path / "r" / "maria.csv", [["", "st01", "rejects"]])
    assert helpers.load_codings(tmp_path / "r").participant.tolist() == ["maria"]


def test_never_writes_into_data():
    with pytest.raises(KitDataError, match="never writes into its data folder"):
        helpers.write_template(REPO / "data" / "coding_round" / "x.csv", "x")
    with pytest.raises(KitDataError, match="never writes into its data folder"):
        helpers.participant_notes({"q": "a"}, REPO / "data" / "notes.md")


# ---------------------------------------------------------------------------------------------
# agreement
# ---------------------------------------------------------------------------------------------


def test_agreement_on_examples_hand_computed():
    a = helpers.agreement(EXAMPLES).set_index("task")
    # generic frames, 2 coders x 20 items, no missing: 17 'yes' and 23 'no' values, 3 units
    # disagree -> alpha = 1 - 39 * 6 / (2 * 17 * 23) = 0.70077
    assert a.at["generic_frames", "alpha"] == round(1 - 39 * 6 / (2 * 17 * 23), 3) == 0.701
    assert a.at["generic_frames", "verdict"].startswith("tentative")
    # the kit agrees with 35 of the 40 participants' generic-frame answers
    assert a.at["generic_frames", "same_as_kit"] == round(35 / 40, 3)
    assert a.at["stance", "verdict"].startswith("not reliable")
    assert a.loc["speaker_type", ["items", "participants", "answers"]].tolist() == [15, 2, 29]


def test_agreement_without_kit_and_with_more_participants(tmp_path):
    folder = tmp_path / "round"
    shutil.copytree(EXAMPLES, folder)
    a = helpers.agreement(folder, include_kit=False)
    assert "alpha_with_kit" not in a.columns
    # a third participant who copies participant-a raises agreement among participants
    rows = _read(folder / "participant-a.csv")
    for r in rows:
        r["participant"] = "participant-c"
    with open(folder / "participant-c.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=teaching.PARTICIPANT_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    b = helpers.agreement(folder, include_kit=False)
    assert (b.participants == 3).all()
    assert (b.alpha > a.alpha).all()


def test_agreement_single_participant_and_no_variation(tmp_path):
    rows = [["solo", i, "yes"] for i in helpers.coding_sample().query("task == 'generic_frames'").item_id]
    _write(tmp_path / "r" / "solo.csv", rows)
    a = helpers.agreement(tmp_path / "r").set_index("task")
    assert math.isnan(a.at["generic_frames", "alpha"])
    assert a.at["generic_frames", "verdict"] == "undefined: fewer than two coders"
    assert a.at["generic_frames", "same_as_kit"] == round(9 / 20, 3)  # the kit says yes to 9 of 20
    _write(tmp_path / "r" / "duo.csv", [["duo", r[1], "yes"] for r in rows])
    b = helpers.agreement(tmp_path / "r", include_kit=False).set_index("task")
    assert b.at["generic_frames", "verdict"].startswith("undefined: every coder gave every unit the same value")


def test_agreement_with_kit_per_participant():
    k = helpers.agreement_with_kit(EXAMPLES).set_index(["participant", "task"])
    # participant-a differs from the kit on 2 of the 20 generic-frame items (resp4, conf4)
    assert k.loc[("participant-a", "generic_frames"), ["answers", "n_same_as_kit"]].tolist() == [20, 18]
    # 2 coders, 20 units: a has 9 yes, kit 9 yes -> n_yes = 18, n_no = 22, 2 units disagree
    assert k.loc[("participant-a", "generic_frames"), "alpha"] == round(1 - 39 * 4 / (2 * 18 * 22), 3)


def test_most_disagreed():
    d = helpers.most_disagreed(EXAMPLES, n=3)
    # st04, st14 and sp12 get three different codes from three coders: disagreement 1.0
    assert d.item_id.tolist() == ["st04", "st14", "sp12"]
    assert d.disagreement.tolist() == [1.0, 1.0, 1.0]
    assert d.at[1, "answers"] == "participant-a: assesses_negative; participant-b: rejects; kit: opposes"
    assert d.at[1, "span"] == "a move Moscow considers an existential threat"
    frames = helpers.most_disagreed(EXAMPLES, n=50, task="generic_frames", include_kit=False)
    assert sorted(frames.item_id) == ["conf4", "mor1", "resp5"]  # resp4: both said no
    assert (frames.disagreement == 1.0).all()


# ---------------------------------------------------------------------------------------------
# form and notes
# ---------------------------------------------------------------------------------------------


def test_coding_form_has_static_fallback():
    bundle = helpers.coding_form(task="speaker_type")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("Coding form: 15 items")
    assert "sp15" in bundle["text/html"] and "st01" not in bundle["text/html"]


def test_coding_form_escapes_html():
    html_text = teaching._items_html(
        pd.DataFrame(
            [
                {
                    "task": "stance",
                    "item_id": "x",
                    "article_id": "a",
                    "question": "<b>q</b>",
                    "span": "<script>",
                    "allowed_codes": "yes | no",
                }
            ]
        )
    )
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text


def test_participant_notes_dict_and_table(tmp_path, monkeypatch):
    monkeypatch.setattr(teaching, "NOTES_DIR", tmp_path / "participant-notes")
    f = helpers.participant_notes({"Hardest item?": "st04", "Why?": ""}, participant="Ana M.")
    assert f == tmp_path / "participant-notes" / "Ana-M-notes.md"  # no trailing dot (Windows drops it)
    assert f.read_text(encoding="utf-8") == (
        "# My notes\n\nParticipant: Ana M.\n\n## Hardest item?\n\nst04\n\n## Why?\n\n(no answer)\n"
    )
    g = helpers.participant_notes(
        pd.DataFrame({"item": ["st04"], "my code": ["rejects | opposes"]}), tmp_path / "t.md", title="Codes"
    )
    assert g.read_text(encoding="utf-8").splitlines() == [
        "# Codes",
        "",
        "| item | my code |",
        "|---|---|",
        "| st04 | rejects \\| opposes |",
    ]
    with pytest.raises(TypeError):
        helpers.participant_notes(["a"], tmp_path / "x.md")


# ---------------------------------------------------------------------------------------------
# handouts
# ---------------------------------------------------------------------------------------------


def test_make_handouts_offline(tmp_path):
    sys.path.insert(0, str(REPO / "tools"))
    import make_handouts

    assert make_handouts.main(["00", "--out", str(tmp_path)]) == 0
    page = (tmp_path / "00-start-here.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not re.search(r"<link\b[^>]*href=[\"']?(https?:)?//", page, re.IGNORECASE)
    assert not re.search(r"@import\s+(url\()?[\"']?(https?:)?//", page, re.IGNORECASE)
    assert not re.search(r"src=[\"']?(https?:)?//", page, re.IGNORECASE)
    # the key tables: the corpus card and the keyword-in-context table
    assert "globaltimes-2025-05-14" in page and "Global Times (verified)" in page
    assert page.count("<table") >= 4
    assert "data:image/png;base64" in page  # the timeline chart is inside the file


def test_handout_replaces_widgets_with_static_view():
    sys.path.insert(0, str(REPO / "tools"))
    import make_handouts
    import nbformat

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("form")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={
                "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
                "text/html": "<p>static items</p>",
                "text/plain": "Coding form",
            },
        )
    ]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    out = make_handouts.static_notebook(nb)
    assert "widgets" not in out.metadata and "widgets" in nb.metadata  # the original is untouched
    assert set(out.cells[0].outputs[0].data) == {"text/html", "text/plain"}


# ---------------------------------------------------------------------------------------------
# a coding round that loses nothing: the live form, driven as a participant would
# ---------------------------------------------------------------------------------------------


def _form(folder, **kw):
    return helpers.coding_form(out_dir=folder, **kw).form


def _type(form, name):
    form.name.value = name  # what pressing Enter in the name box does


def test_form_names_in_any_script_get_their_own_files(tmp_path):
    for name, item in [("Олена", "st01"), ("Дмитро", "st02"), ("Ελένη", "st03"), ("李娜", "st04")]:
        f = _form(tmp_path)
        _type(f, name)
        f.picks[item].value = "proposes"
    files = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert files == sorted(["Олена.csv", "Дмитро.csv", "Ελένη.csv", "李娜.csv"])
    c = helpers.load_codings(tmp_path)
    assert dict(zip(c.participant, c.item_id)) == {"Олена": "st01", "Дмитро": "st02", "Ελένη": "st03", "李娜": "st04"}


def test_form_saves_on_every_change_and_counts(tmp_path):
    f = _form(tmp_path)
    assert all(p.disabled for p in f.picks.values())  # nothing can be answered before a name is given
    _type(f, "Ana")
    f.picks["st01"].value = "proposes"
    assert helpers.load_codings(tmp_path).code.tolist() == ["proposes"]  # saved without pressing anything
    f.picks["resp1"].value = "yes"
    f.picks["st01"].value = "demands"
    c = helpers.load_codings(tmp_path)
    assert dict(zip(c.item_id, c.code)) == {"st01": "demands", "resp1": "yes"}
    assert "2 of 50 answered" in f.counter.value
    assert "stance 1 of 15" in f.counter.value and "generic frames 1 of 20" in f.counter.value
    # the line to paste for collect_pasted holds the same answers
    assert f.line.value == "coding-round | Ana | st01=demands resp1=yes | 2 answers"
    assert helpers.collect_pasted(f.line.value, tmp_path / "room").answers.tolist() == [2]


def test_form_restart_loads_answers_back_and_never_empties_a_sheet(tmp_path):
    first = _form(tmp_path)
    _type(first, "Олена")
    for item, code in [("st01", "proposes"), ("st02", "demands"), ("sp01", "academic_expert")]:
        first.picks[item].value = code
    sheet = tmp_path / "Олена.csv"
    before = sheet.read_bytes()
    # kernel restarted or cell re-run: a new, empty form; typing the same name asks, then loads back
    again = _form(tmp_path)
    _type(again, "Олена")
    assert "already exists" in again.status.value and "3 of 50" in again.status.value
    assert all(p.disabled for p in again.picks.values())
    assert sheet.read_bytes() == before  # asking wrote nothing
    again.yes.click()
    assert {i: p.value for i, p in again.picks.items() if p.value} == {
        "st01": "proposes",
        "st02": "demands",
        "sp01": "academic_expert",
    }
    assert "3 of 50 answered" in again.counter.value
    again.picks["st03"].value = "supports"
    assert len(helpers.load_codings(tmp_path)) == 4


def test_form_same_name_someone_else_gets_a_new_sheet(tmp_path):
    a = _form(tmp_path)
    _type(a, "Ana")
    a.picks["st01"].value = "proposes"
    b = _form(tmp_path)
    _type(b, "Ana")
    b.no.click()
    assert b.name.value == "Ana (2)"
    b.picks["st01"].value = "rejects"
    c = helpers.load_codings(tmp_path)
    assert dict(zip(c.participant, c.code)) == {"Ana": "proposes", "Ana (2)": "rejects"}
    assert len(list(tmp_path.glob("*.csv"))) == 2


def test_form_clear_for_the_next_person(tmp_path):
    f = _form(tmp_path)
    _type(f, "Олена")
    f.picks["st01"].value = "proposes"
    f.clear.click()
    assert f.name.value == "" and all(p.value == "" and p.disabled for p in f.picks.values())
    assert "0 of 50 answered" in f.counter.value and f.line.value == ""
    _type(f, "Дмитро")  # the next person on the same computer
    assert "already exists" not in f.status.value and all(p.value == "" for p in f.picks.values())
    f.picks["st02"].value = "demands"
    c = helpers.load_codings(tmp_path)
    assert sorted(zip(c.participant, c.item_id)) == [("Дмитро", "st02"), ("Олена", "st01")]


def test_form_never_overwrites_a_sheet_changed_elsewhere(tmp_path):
    one = _form(tmp_path)
    _type(one, "Ana")
    one.picks["st01"].value = "proposes"
    two = _form(tmp_path)  # the same person in a second tab
    _type(two, "Ana")
    two.yes.click()
    two.picks["st02"].value = "demands"
    one.picks["st03"].value = "supports"  # the stale first tab must not wipe st02
    assert "Not saved" in one.status.value
    c = helpers.load_codings(tmp_path)
    assert dict(zip(c.item_id, c.code)) == {"st01": "proposes", "st02": "demands"}


def test_form_keeps_notes_written_in_a_spreadsheet(tmp_path):
    f = helpers.write_template(tmp_path / "ana.csv", "ana")
    rows = _read(f)
    rows[0]["code"], rows[0]["note"] = "proposes", "hesitated: supports?"
    with open(f, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=teaching.PARTICIPANT_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    form = _form(tmp_path)
    _type(form, "ana")
    form.yes.click()
    form.picks["st02"].value = "demands"
    rows = {r["item_id"]: r for r in _read(f)}
    assert rows["st01"]["code"] == "proposes" and rows["st01"]["note"] == "hesitated: supports?"
    assert rows["st02"]["code"] == "demands"


def test_form_one_task_at_a_time(tmp_path):
    f = _form(tmp_path)

    def shown():
        boxes = [b for b in f.items.children[0].children if hasattr(b, "children")]
        return {i for i, p in f.picks.items() if any(p in b.children for b in boxes)}

    assert shown() == {f"st{i:02d}" for i in range(1, 16)}
    f.task.value = "speaker_type"
    assert shown() == {f"sp{i:02d}" for i in range(1, 16)}
    only = _form(tmp_path, task="generic_frames")
    assert len(only.picks) == 20 and only.task.layout.display == "none"


def test_form_items_show_sentence_and_article_not_whole_article_repeats():
    bundle = helpers.coding_form()._repr_mimebundle_()
    page = bundle["text/html"]
    assert "(the whole article)" not in page
    assert page.count("about one whole article") == 1
    # st04 in its sentence, with outlet, date and paragraph
    s = helpers.coding_sample().set_index("item_id")
    sentence = helpers.enclosing_sentences(s.loc[["st04"]].reset_index())[0]
    assert len(sentence) > len(s.at["st04", "span"])
    assert html_escape(sentence.split(s.at["st04", "span"])[0]) in page
    assert "Global Times, 14 May 2025, ¶" in page
    assert "visual information" not in page  # hum5 asks about captions in a text-only corpus


def html_escape(text):
    import html

    return html.escape(text)


def test_item_sentence_is_not_smaller_than_body_text():
    page = helpers.coding_form(task="stance")._repr_mimebundle_()["text/html"]
    evidence = re.findall(r"class='kit-evidence' style='([^']*)'", page)
    # the notebook's body-text size in JupyterLab (widgets default to a smaller one), 1em in handouts
    assert len(evidence) == 15 and all("font-size:var(--jp-content-font-size1, 1em)" in e for e in evidence)
    assert "<small>" not in "".join(re.findall(r"class='kit-evidence'.*?</div>", page))


def test_save_codings_and_template_refuse_to_wipe_answers(tmp_path):
    f = helpers.save_codings({"st01": "proposes"}, tmp_path / "ana.csv", "ana")
    with pytest.raises(KitDataError, match="already holds 1 answer"):
        helpers.write_template(f, "ana")
    with pytest.raises(KitDataError, match="already holds 1 answer"):
        helpers.save_codings({}, f, "ana")
    assert helpers.load_codings(tmp_path).code.tolist() == ["proposes"]
    helpers.save_codings({"st01": "rejects"}, f, "ana", overwrite=True)
    assert helpers.load_codings(tmp_path).code.tolist() == ["rejects"]


def test_sheet_path_never_collides(tmp_path):
    helpers.save_codings({"st01": "proposes"}, helpers.sheet_path("Ana M.", tmp_path), "Ana M.")
    assert helpers.sheet_path("Ana M.", tmp_path).name == "Ana-M.csv"  # her own sheet, found by the name inside
    other = helpers.sheet_path("Ana-M", tmp_path)
    assert other.name == "Ana-M-2.csv"
    helpers.save_codings({}, helpers.sheet_path("ana-m", tmp_path), "ana-m")  # case-insensitive file systems
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == ["Ana-M.csv", "ana-m-2.csv"]


def test_semicolon_and_comma_sheets_both_read(tmp_path):
    _write(tmp_path / "r" / "comma.csv", [["ana", "st01", "proposes"]])
    with open(tmp_path / "r" / "semi.csv", "w", encoding="utf-8-sig", newline="") as fh:
        fh.write('participant;item_id;code;note\r\nbo;st01;demands;"a; b"\r\nbo;st02;rejects;\r\n')
    c = helpers.load_codings(tmp_path / "r")
    assert sorted(zip(c.participant, c.item_id, c.code)) == [
        ("ana", "st01", "proposes"),
        ("bo", "st01", "demands"),
        ("bo", "st02", "rejects"),
    ]
    with open(tmp_path / "r" / "semi.csv", "w", encoding="utf-8") as fh:
        fh.write("participant;item_id;code\nbo;st01\n")
    with pytest.raises(KitDataError, match=r"semi\.csv, line 2: 2 fields where the header has 3.*';'"):
        helpers.load_codings(tmp_path / "r")


def test_disagreements_tally_per_code_by_default_names_on_request():
    page = helpers.show_disagreements(EXAMPLES, n=8).data.replace("<wbr>", "")  # the text as read
    assert "participant-a" not in page and "participant-b" not in page
    d = helpers.most_disagreed(EXAMPLES, n=8).set_index("item_id")
    # st14: the two participants chose assesses_negative and rejects; the kit opposes
    assert d.at["st14", "tally"] == "assesses_negative ×1 · rejects ×1" and d.at["st14", "kit"] == "opposes"
    assert d.at["st14", "tally"] in page
    named = helpers.show_disagreements(EXAMPLES, n=8, names=True).data.replace("<wbr>", "")
    assert "participant-a: assesses_negative; participant-b: rejects" in named


def test_tally_counts_many_coders(tmp_path):
    for i, code in enumerate(["rejects", "rejects", "rejects", "opposes", "opposes"]):
        _write(tmp_path / f"p{i}.csv", [[f"p{i}", "st14", code]])
    d = helpers.most_disagreed(tmp_path, n=1, include_kit=False, path=REPO / "data")
    assert d.at[0, "tally"] == "rejects ×3 · opposes ×2" and d.at[0, "kit"] == ""


def test_alpha_on_too_few_items_is_not_called_reliable(tmp_path):
    # two coders agree perfectly on 3 stance items, with variation: alpha = 1, but 3 items judge nothing
    for who in ("a", "b"):
        _write(tmp_path / f"{who}.csv", [[who, "st01", "proposes"], [who, "st02", "demands"], [who, "st03", "rejects"]])
    a = helpers.agreement(tmp_path, include_kit=False).set_index("task")
    assert a.at["stance", "alpha"] == 1.0
    assert a.at["stance", "verdict"].startswith("too few items to judge (3 ")
    assert helpers.agreement(EXAMPLES).set_index("task").at["stance", "verdict"].startswith("not reliable")


# ---------------------------------------------------------------------------------------------
# collecting a whole room: 20 made-up participants
# ---------------------------------------------------------------------------------------------

ROOM = [
    "Олена",
    "Дмитро",
    "Ελένη",
    "Νίκος",
    "李娜",
    "王伟",
    "محمد",
    "فاطمة",
    "אבי",
    "Ана",
    "Ana",
    "Ana M.",
    "Ana-M",
    "José",
    "Zoë",
    "Łukasz",
    "Søren",
    "Ayşe",
    "Nguyễn Văn An",
    "CON",
]


_ROOM_SAMPLE = []


def _room_answers(seed):
    import random

    rnd = random.Random(seed)
    if not _ROOM_SAMPLE:
        _ROOM_SAMPLE.append(helpers.coding_sample())
    out = {}
    for r in _ROOM_SAMPLE[0].itertuples():
        if rnd.random() < 0.3:  # about 15 answers each keeps the test quick
            out[r.item_id] = rnd.choice(teaching._split_codes(r.allowed_codes))
    return out


def test_room_of_20_in_one_shared_folder(tmp_path):
    """Twenty participants, each on a form writing to one shared folder: twenty sheets, nothing lost."""
    answers = {who: _room_answers(i) for i, who in enumerate(ROOM)}
    f = _form(tmp_path)  # one computer after the other, or twenty computers: the same folder
    for who, mine in answers.items():
        _type(f, who)
        for item, code in mine.items():
            f.picks[item].value = code
        f.clear.click()
    assert len(list(tmp_path.glob("*.csv"))) == 20
    c = helpers.load_codings(tmp_path)
    got = {who: dict(zip(g.item_id, g.code)) for who, g in c.groupby("participant")}
    assert got == answers
    a = helpers.agreement(tmp_path).set_index("task")
    assert (a.participants == 20).all()


def test_room_of_20_by_pasted_lines(tmp_path):
    """Twenty participants paste their line into one chat; the facilitator pastes the chat once."""
    answers = {who: _room_answers(100 + i) for i, who in enumerate(ROOM)}
    chat = []
    order = helpers.coding_sample().item_id.tolist()
    for i, (who, mine) in enumerate(answers.items()):
        chat.append(f"[09:{i:02d}] {who}:\n{teaching._room_line(who, mine, order)}\n")
    chat.insert(5, "[09:04] Facilitator: please paste your line here\n")
    room = tmp_path / "room"
    summary = helpers.collect_pasted("\n".join(chat), room)
    assert summary.status.tolist() == ["new sheet"] * 20
    c = helpers.load_codings(room)
    assert {who: dict(zip(g.item_id, g.code)) for who, g in c.groupby("participant")} == answers
    # pasting the same chat again adds nothing; a changed line is kept beside the first, not over it
    again = helpers.collect_pasted("\n".join(chat), room)
    assert again.status.tolist() == ["already collected"] * 20
    changed = teaching._room_line("Олена", {"st01": "rejects"}, ["st01"])
    extra = helpers.collect_pasted(changed, room)
    assert extra.participant.tolist() == ["Олена (2)"] and "differs" in extra.status.iloc[0]
    assert len(list(room.glob("*.csv"))) == 21


def test_pasted_line_cut_or_wrong_is_not_saved(tmp_path):
    line = teaching._room_line("Олена", {"st01": "proposes", "st02": "demands"}, ["st01", "st02"])
    cut = line.replace("st02=demands ", "")
    bad = teaching._room_line("Дмитро", {"st01": "maybe"}, ["st01"])
    s = helpers.collect_pasted(cut + "\n" + bad, tmp_path)
    assert s.status.str.startswith("NOT SAVED").all()
    assert "2 answers announced, 1 found" in s.status.iloc[0] and "'maybe' is not allowed" in s.status.iloc[1]
    assert s.line.tolist() == [1, 2] and not list(tmp_path.glob("*.csv"))
    with pytest.raises(KitDataError, match="no answer line found"):
        helpers.collect_pasted("hello", tmp_path)


def test_form_for_one_task_keeps_the_other_tasks_answers(tmp_path):
    full = _form(tmp_path)
    _type(full, "Ана")
    full.picks["resp1"].value = "yes"
    full.picks["sp01"].value = "minister"
    stance_only = _form(tmp_path, task="stance")
    _type(stance_only, "Ана")
    stance_only.yes.click()
    stance_only.picks["st01"].value = "proposes"
    assert "1 of 15 answered" in stance_only.counter.value
    c = helpers.load_codings(tmp_path)
    assert dict(zip(c.item_id, c.code)) == {"st01": "proposes", "resp1": "yes", "sp01": "minister"}


def test_participant_notes_in_any_script_never_overwrite_someone_else(tmp_path):
    a = helpers.participant_notes({"q": "Олена's answer"}, tmp_path, participant="Олена")
    b = helpers.participant_notes({"q": "Дмитро's answer"}, tmp_path, participant="Дмитро")
    assert (a.name, b.name) == ("Олена-notes.md", "Дмитро-notes.md")
    c = helpers.participant_notes({"q": "another Ana M."}, tmp_path, participant="Ana-M")
    d = helpers.participant_notes({"q": "Ana M."}, tmp_path, participant="Ana M.")
    assert (c.name, d.name) == ("Ana-M-notes.md", "Ana-M-notes-2.md")
    again = helpers.participant_notes({"q": "Олена, updated"}, tmp_path, participant="Олена")
    assert again == a and "updated" in a.read_text(encoding="utf-8")
    assert "Дмитро's answer" in b.read_text(encoding="utf-8") and "another Ana M." in c.read_text(encoding="utf-8")
