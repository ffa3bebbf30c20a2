"""The positions layer: the ledger's codes and spans, and the helpers built on it."""

from __future__ import annotations

import csv
import shutil

import pytest

import helpers
import kit.positions
from helpers import KitDataError, NotCodedError

from conftest import DATA, tree_digest


@pytest.fixture(scope="module")
def ledger():
    return helpers.positions()


def test_ledger_covers_every_article_and_both_sides(ledger):
    assert set(ledger.article_id) == set(helpers.load_articles().article_id)
    for aid, grp in ledger.groupby("article_id"):
        assert {"russia", "ukraine"} <= set(grp.actor), aid


def test_ledger_rows_point_at_their_evidence(ledger):
    text = {a: helpers.article_text(a) for a in ledger.article_id.unique()}
    for r in ledger.itertuples():
        assert text[r.article_id][r.start:r.end] == r.span
        assert r.span in r.sentence


def test_actor_and_speaker_are_kept_apart(ledger):
    # A Russian demand described by a Chinese expert: actor Russia, voice analyst.
    row = ledger[ledger.span.str.contains("securing guarantees that Ukraine will never join NATO")].iloc[0]
    assert (row.actor, row.speaker_id, row.voice) == ("russia", "sun_zhuangzhi", "analyst")
    # Russia's territorial condition in Atalayar: "Moscow made it clear, according to a Turkish official quoted
    # by CNN": the state speaks (a verb of saying), and reaches the reader through CNN.
    cond = ledger[ledger.span.str.contains("only accept a truce if Ukraine withdrew")]
    assert len(cond) >= 1 and set(cond.relay_id) == {"cnn"} and set(cond.voice) == {"official"}
    assert set(cond.actor) == {"russia"} and set(cond.speaker_id) == {"moscow"}


def test_matrix_counts_every_row_once(ledger):
    m = helpers.position_matrix(ledger=ledger)
    assert int(m.values.sum()) == len(ledger)
    assert list(m.index[:2]) == ["Russia", "Ukraine"]
    official = helpers.position_matrix(ledger=ledger, voice="official")
    assert int(official.values.sum()) == int((ledger.voice == "official").sum())


def test_coverage_cells_list_the_voices(ledger):
    cov = helpers.coverage(ledger=ledger)
    # Read in the articles: Russia on NATO is never voiced by a Russian official.
    assert not any("official" in v for v in cov.loc[("Russia", "nato_neutrality")])
    assert cov.loc[("Ukraine", "leaders_meeting"), "cgtn-2025-05-14"] == "official"
    # Atalayar: Russia on territory only through "Moscow made it clear" (relayed by CNN), voice official.
    assert cov.loc[("Russia", "territory"), "atalayar-2025-05-19"] == "official"


def test_side_by_side_escapes_and_bolds(ledger):
    html = helpers.side_by_side("russia", "ukraine", "territory", ledger=ledger).data
    assert "<b>only accept a truce if Ukraine withdrew" in html
    assert "Russia&#x27;s" in html or "Russia's" not in html  # apostrophes in article text are escaped


def test_side_by_side_rejects_unknown_codes(ledger):
    with pytest.raises(KitDataError, match="unknown actor 'russians'.*russia"):
        helpers.side_by_side("russians", "ukraine", "territory", ledger=ledger)
    with pytest.raises(KitDataError, match="unknown issue 'land'"):
        helpers.side_by_side("russia", "ukraine", "land", ledger=ledger)


def test_picker_has_a_static_fallback():
    bundle = helpers.position_picker(actor="ukraine", issue="leaders_meeting")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "Ukraine" in bundle["text/html"] and "stated position" in bundle["text/html"]


def _copy_corpus(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(DATA, root)
    return root


def test_unknown_actor_or_issue_names_the_line(tmp_path):
    root = _copy_corpus(tmp_path)
    path = root / "annotations" / "positions.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    rows[2][header.index("actor")] = "rusia"  # line 3 of the file
    rows[5][header.index("issue")] = "talks"  # line 6
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    before = tree_digest(root)
    with pytest.raises(KitDataError) as exc:
        kit.positions.positions(root)
    msg = str(exc.value)
    assert "annotations/positions.csv, line 3: unknown actor 'rusia'" in msg
    assert "line 6: unknown issue 'talks'" in msg and "Fix: use one of:" in msg
    assert tree_digest(root) == before


def test_a_span_not_in_the_text_names_the_line(tmp_path):
    root = _copy_corpus(tmp_path)
    path = root / "annotations" / "positions.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Putin on Sunday called for the resumption", "Putin on Monday called for the resumption", 1),
                    encoding="utf-8")
    with pytest.raises(KitDataError, match=r"positions.csv, line \d+: the span 'Putin on Monday"):
        kit.positions.positions(root)


def test_missing_ledger_is_not_coded_yet(tmp_path):
    root = _copy_corpus(tmp_path)
    (root / "annotations" / "positions.csv").unlink()
    with pytest.raises(NotCodedError, match="not been coded"):
        kit.positions.positions(root)


# ---------------------------------------------------------------- a corpus of your own (bring your own articles)

def test_an_uncoded_corpus_names_the_ledger_not_the_codebook(make_corpus):
    # A new corpus has neither positions.csv nor issues_codebook.csv: the notice must name the ledger.
    folder = make_corpus({"a": "Headline a\nThe council met on Monday."})
    with pytest.raises(NotCodedError) as exc:
        kit.positions.positions(folder)
    assert exc.value.problems[0].file == "annotations/positions.csv"
    note = helpers.when_coded(helpers.positions, folder)
    assert note.file == "annotations/positions.csv"
    assert 'helpers.annotation_template("positions.csv")' in note.data


def test_overview_prints_the_size_or_passes_the_notice_on(ledger, capsys, make_corpus):
    assert helpers.positions_overview(ledger=ledger.iloc[:4]) is None
    n_arts = ledger.iloc[:4].article_id.nunique()
    assert capsys.readouterr().out == f"4 stated positions in {n_arts} articles\n"
    note = helpers.when_coded(helpers.positions, make_corpus({"a": "Text."}))
    assert helpers.positions_overview(ledger=note) is note  # shown once, in full
    assert capsys.readouterr().out == ""


def test_later_steps_on_an_uncoded_corpus_give_one_line_reminders(make_corpus):
    note = helpers.when_coded(helpers.positions, make_corpus({"a": "Text."}))
    for step in (helpers.when_coded(helpers.voice_summary, ledger=note),
                 helpers.when_coded(helpers.side_by_side, "russia", "ukraine", "ceasefire", ledger=note),
                 helpers.when_coded(helpers.position_picker, ledger=note)):
        assert step.data.startswith('<div class="kit-reminder"') and "see the notice above" in step.data


def test_a_ledger_without_russia_or_ukraine_gives_empty_tables_not_errors(ledger):
    china = ledger[ledger.actor == "china"]
    cov = helpers.coverage(ledger=china)
    assert cov.empty and list(cov.index.names) == ["actor", "issue"]
    assert len(cov.columns) == 5
    view = helpers.side_by_side("russia", "ukraine", "ceasefire", ledger=china)
    assert "No article reports a position of either actor" in view.data
    # The picker's starting choice is not in this ledger: it starts on the first actor and issue it has.
    picker = helpers.position_picker(ledger=china)
    first_issue = [i for i in helpers.issues_codebook().issue if i in set(china.issue)][0]
    label = dict(zip(helpers.issues_codebook().issue, helpers.issues_codebook().label))[first_issue]
    html = picker._repr_mimebundle_()["text/html"]
    assert html.startswith(f"<p><b>China</b> on <b>{label}</b>")
    assert picker.widget.children[0].children[0].value == "china"


def test_positions_and_attributions_follow_one_relay_rule(ledger):
    # docs/annotation-conventions.md, "Relays": a relay is coded only in the sentence that names it, in both layers.
    # Wherever a position's evidence overlaps an attributed statement, the two rows name the same relay (or none).
    att = helpers.attributions()
    pairs, differ = 0, []
    for p in ledger.itertuples():
        same = att[(att.article_id == p.article_id) & (att.start < p.end) & (att.end > p.start)]
        for a in same.itertuples():
            pairs += 1
            if a.relay_id != p.relay_id:
                differ.append((p.position_id, p.relay_id, a.attribution_id, a.relay_id))
    assert pairs > 50 and differ == []
    # "Peskov added that ..." names no source: no relay carried over from the TASS paragraph before it
    added = ledger[ledger.span.str.startswith("members of the Russian delegation would be named")]
    assert added.relay_id.tolist() == [""]
