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
        assert text[r.article_id][r.start : r.end] == r.span
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
    m = helpers.position_matrix()
    assert int(m.values.sum()) == len(ledger)
    assert list(m.index[:2]) == ["Russia", "Ukraine"]
    official = helpers.position_matrix(voice="official")
    assert int(official.values.sum()) == int((ledger.voice == "official").sum())


def test_coverage_cells_list_the_voices(ledger):
    cov = helpers.coverage()  # default: the first two actors of the codebook
    assert set(cov.index.get_level_values("actor")) == {"Russia", "Ukraine"}
    # Read in the articles: Russia on NATO is never voiced by a Russian official.
    assert not any("official" in v for v in cov.loc[("Russia", "nato_neutrality")])
    assert cov.loc[("Ukraine", "leaders_meeting"), "CGTN, 14 May"] == "official"
    # Atalayar: Russia on territory only through "Moscow made it clear" (relayed by CNN), voice official.
    assert cov.loc[("Russia", "territory"), "Atalayar, 19 May"] == "official"


def test_side_by_side_escapes_and_bolds(ledger):
    html = helpers.side_by_side(None, "russia", "ukraine", "territory").data
    assert "<b>only accept a truce if Ukraine withdrew" in html
    assert "Russia&#x27;s" in html or "Russia's" not in html  # apostrophes in article text are escaped


def test_side_by_side_rejects_unknown_codes(ledger):
    with pytest.raises(KitDataError, match="unknown actor 'russians'.*russia"):
        helpers.side_by_side(None, "russians", "ukraine", "territory")
    with pytest.raises(KitDataError, match="unknown issue 'land'"):
        helpers.side_by_side(None, "russia", "ukraine", "land")


def test_picker_has_a_static_fallback():
    bundle = helpers.position_picker(None, actor="ukraine", issue="leaders_meeting")._repr_mimebundle_()
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
    path.write_text(
        text.replace("Putin on Sunday called for the resumption", "Putin on Monday called for the resumption", 1),
        encoding="utf-8",
    )
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
    note = helpers.positions(folder)
    assert note.file == "annotations/positions.csv"
    assert 'helpers.annotation_template("positions.csv")' in note.data


def test_overview_prints_the_size(capsys):
    assert helpers.positions_overview() is None
    with open(DATA / "annotations" / "positions.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    n_arts = len({r["article_id"] for r in rows})
    assert capsys.readouterr().out == f"{len(rows)} stated positions in {n_arts} articles\n"


def test_uncoded_corpus_gives_the_notice_in_every_helper(make_corpus):
    folder = make_corpus({"a": "Text."})
    for step in (
        helpers.positions_overview(folder),
        helpers.voice_summary(folder),
        helpers.side_by_side(folder, "russia", "ukraine", "ceasefire"),
        helpers.position_picker(folder),
    ):
        assert 'class="kit-not-coded"' in step.data and "annotations/positions.csv" in step.data


def test_a_ledger_without_russia_or_ukraine_gives_empty_tables_not_errors(ledger):
    china = ledger[ledger.actor == "china"]
    cov = helpers.coverage(ledger=china)
    assert cov.empty and list(cov.index.names) == ["actor", "issue"]
    assert len(cov.columns) == 5
    view = helpers.side_by_side(None, "russia", "ukraine", "ceasefire", ledger=china)
    assert "No article reports a position of either actor" in view.data
    # The picker's starting choice is not in this ledger: it starts on the first actor and issue it has.
    picker = helpers.position_picker(ledger=china)
    first_issue = [i for i in helpers.issues_codebook().issue if i in set(china.issue)][0]
    label = dict(zip(helpers.issues_codebook().issue, helpers.issues_codebook().label))[first_issue]
    html = picker._repr_mimebundle_()["text/html"]
    assert html.split(">", 1)[1].startswith(  # inside the block that maths typesetting leaves alone
        f"<p><b>China</b> on <b>{label}</b>"
    )
    assert picker.widget.children[0].children[0].value == "china"


# ---------------------------------------------------------------- the actors codebook (the case study as data)


def _ledger_rows():
    with open(DATA / "annotations" / "positions.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_actors_come_from_the_codebook_in_its_order():
    with open(DATA / "annotations" / "actors_codebook.csv", encoding="utf-8", newline="") as f:
        codebook = list(csv.DictReader(f))
    assert list(helpers.actors_codebook().actor) == [r["actor"] for r in codebook]
    used = {r["actor"] for r in _ledger_rows()}
    order = [r["label"] for r in codebook if r["actor"] in used]
    assert list(helpers.voice_summary().index) == order


def test_a_relabelled_actor_shows_its_new_label(tmp_path):
    root = _copy_corpus(tmp_path)
    path = root / "annotations" / "actors_codebook.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Europe (the EU and European leaders)", "European side"),
        encoding="utf-8",
    )
    assert "European side" in list(helpers.voice_summary(root).index)


def test_bad_actors_codebook_rows_are_all_reported(tmp_path):
    root = _copy_corpus(tmp_path)
    path = root / "annotations" / "actors_codebook.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("ukraine,Ukraine", "russia,Ukraine", 1)  # line 3: a duplicate code
    lines[4] = "Bad Code,,x,y"  # line 5: not snake_case, empty label
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KitDataError) as exc:
        kit.positions.actors_codebook(root)
    msg = str(exc.value)
    assert "line 3: duplicate actor 'russia'" in msg and "line 5: the actor 'Bad Code'" in msg
    assert "line 5: the label is empty" in msg


def test_an_actor_missing_from_the_codebook_names_the_line(tmp_path):
    root = _copy_corpus(tmp_path)
    path = root / "annotations" / "actors_codebook.csv"
    path.write_text(
        "\n".join(row for row in path.read_text(encoding="utf-8").splitlines() if not row.startswith("brazil,")) + "\n",
        encoding="utf-8",
    )
    line = next(i for i, r in enumerate(_ledger_rows(), start=2) if r["actor"] == "brazil")
    with pytest.raises(KitDataError, match=rf"positions.csv, line {line}: unknown actor 'brazil'"):
        kit.positions.positions(root)
    assert "actor" in {
        p.file and p.problem.split()[1] for p in helpers.check_folder(root) if p.file == "annotations/positions.csv"
    }


# ---------------------------------------------------------------- pairs with counts, one issue across outlets


def test_pairs_are_the_existing_ones_with_their_counts():
    rows = _ledger_rows()
    expected = {}
    for r in rows:
        expected[(r["actor"], r["issue"])] = expected.get((r["actor"], r["issue"]), 0) + 1
    pairs = helpers.position_pairs()
    assert dict(zip(zip(pairs.actor, pairs.issue), pairs.positions)) == expected
    label = dict(zip(helpers.issues_codebook().issue, helpers.issues_codebook().label))
    row = pairs[(pairs.actor == "russia") & (pairs.issue == "ceasefire")].iloc[0]
    assert row.choice == f"{label['ceasefire']} ({expected[('russia', 'ceasefire')]})"


def test_picker_offers_only_existing_pairs_with_counts():
    rows = _ledger_rows()
    picker = helpers.position_picker(None, actor="ukraine")
    actor_box, issue_box = picker.widget.children[0].children
    n_ukraine = sum(r["actor"] == "ukraine" for r in rows)
    assert ("Ukraine (%d)" % n_ukraine, "ukraine") in actor_box.options
    offered = [code for _, code in issue_box.options]
    assert set(offered) == {r["issue"] for r in rows if r["actor"] == "ukraine"}
    # choosing another actor offers that actor's issues only, and the view follows
    actor_box.value = "brazil"
    assert {code for _, code in issue_box.options} == {r["issue"] for r in rows if r["actor"] == "brazil"}
    assert "<b>Brazil</b> on" in picker.widget.children[1].value


def test_one_issue_across_every_outlet_lists_silent_ones_too():
    rows = [r for r in _ledger_rows() if r["issue"] == "territory"]
    view = helpers.issue_by_outlet(None, "territory").data
    for label in helpers.article_labels().values():
        assert f">{label}</td>" in view
    n_silent = 5 - len({r["article_id"] for r in rows})
    assert view.count("(no position reported on this issue)") == n_silent
    assert f"{len(rows)} stated position(s)" in view
    with pytest.raises(KitDataError, match="unknown issue 'land'"):
        helpers.issue_by_outlet(None, "land")


def test_matrix_chart_is_readable_on_a_projector():
    import matplotlib.pyplot as plt
    from matplotlib.text import Text

    for voice, n in ((None, len(_ledger_rows())), ("official", sum(r["voice"] == "official" for r in _ledger_rows()))):
        fig = helpers.plot_position_matrix(voice=voice)
        fig.canvas.draw()
        assert fig.get_size_inches()[0] * fig.dpi == 576
        sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_text()]
        assert min(sizes) >= 11
        cells = [int(t.get_text()) for t in fig.axes[0].texts]
        assert sum(cells) == n
        plt.close(fig)


# ---------------------------------------------------------------- incompletely coded (issue 15)


def test_kit_plus_five_new_articles_shows_what_is_missing(kit_plus_five, capsys):
    from conftest import NEW_ARTICLES

    helpers.positions_overview(kit_plus_five)
    out = capsys.readouterr().out
    assert "Not coded yet (5 articles" in out and out.count("Example Post, 20 May") == 5
    v = helpers.voice_summary(kit_plus_five, by="article")
    assert len(v) == 5 and not any(a in " ".join(v.index) for a in NEW_ARTICLES)
    assert helpers.issue_by_outlet(kit_plus_five, "ceasefire").data.count("(no position reported") >= 5


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
