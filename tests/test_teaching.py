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


@pytest.mark.parametrize("rows, header, expected", [
    ([["p", "st01", "demandz"]], None, r"p1\.csv, line 2: the code 'demandz' is not allowed for item st01"),
    ([["p", "st01", "demands"], ["p", "xx99", "yes"]], None, r"p1\.csv, line 3: unknown item 'xx99'"),
    ([["p", "st01", "demands"], ["p", "st01", "rejects"]], None, r"line 3: item 'st01' is answered twice"),
    ([["p", "st01"]], ("participant", "item_id"), r"p1\.csv, line 1 \(header\): missing column\(s\) code"),
    ([["p", "st01", "demands"], ["q", "st02", "demands"]], None, r"different participants"),
    ([["p", "st01"]], None, r"p1\.csv, line 2: 2 fields where the header has 3"),
])
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
    html_text = teaching._items_html(pd.DataFrame([{"task": "stance", "item_id": "x", "article_id": "a",
                                                      "question": "<b>q</b>", "span": "<script>",
                                                      "allowed_codes": "yes | no"}]))
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text


def test_participant_notes_dict_and_table(tmp_path, monkeypatch):
    monkeypatch.setattr(teaching, "NOTES_DIR", tmp_path / "participant-notes")
    f = helpers.participant_notes({"Hardest item?": "st04", "Why?": ""}, participant="Ana M.")
    assert f == tmp_path / "participant-notes" / "Ana-M.-notes.md"
    assert f.read_text(encoding="utf-8") == ("# My notes\n\nParticipant: Ana M.\n\n## Hardest item?\n\nst04\n\n"
                                             "## Why?\n\n(no answer)\n")
    g = helpers.participant_notes(pd.DataFrame({"item": ["st04"], "my code": ["rejects | opposes"]}),
                                  tmp_path / "t.md", title="Codes")
    assert g.read_text(encoding="utf-8").splitlines() == ["# Codes", "", "| item | my code |", "|---|---|",
                                                          "| st04 | rejects \\| opposes |"]
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
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
        "text/html": "<p>static items</p>", "text/plain": "Coding form"})]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    out = make_handouts.static_notebook(nb)
    assert "widgets" not in out.metadata and "widgets" in nb.metadata  # the original is untouched
    assert set(out.cells[0].outputs[0].data) == {"text/html", "text/plain"}
