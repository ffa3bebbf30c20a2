"""Tests of kit.explore: each control changes its result to what the data says.

The controls are driven as a learner would (setting a drop-down, ticking a box, typing a term);
the expected figures are computed here from the article texts or the annotation tables, not read
from the output being checked. The real-browser test (tests/test_browser.py) does the same in
JupyterLab and in the Voilà app.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest

import helpers
from kit import core, explore

REPO = Path(__file__).resolve().parent.parent
OWN = REPO / "examples" / "own-corpus"


def _bars(page: str) -> dict:
    return {k: int(n) for k, n in re.findall(r"data-key='([^']*)' data-count='(\d+)'", page)}


def _count_in_texts(pattern: str, flags=0) -> dict:
    """Occurrences per outlet, counted on the article texts (headline, standfirst, body paragraphs)."""
    arts = helpers.load_articles()
    paras = helpers.paragraphs()
    paras = paras[paras.role.isin(core.TEXT_ROLES)]
    outlet = dict(zip(arts.article_id, arts.outlet))
    out = dict.fromkeys(dict.fromkeys(arts.outlet), 0)
    for p in paras.itertuples():
        out[outlet[p.article_id]] += len(re.findall(pattern, p.text, flags))
    return out


# ---------------------------------------------------------------------------------------------
# search in context
# ---------------------------------------------------------------------------------------------


def test_search_counts_per_outlet_follow_the_term():
    view = helpers.explore_search()
    view.controls["term"].value = "Kyiv"
    assert _bars(view.output.value) == _count_in_texts(r"(?<!\w)Kyiv(?!\w)", re.IGNORECASE)
    view.controls["term"].value = "Kiev"
    expected = _count_in_texts(r"(?<!\w)Kiev(?!\w)", re.IGNORECASE)
    assert _bars(view.output.value) == expected and sum(expected.values()) > 0
    assert f"<b>{sum(expected.values())}</b> occurrence(s)" in view.output.value


def test_search_case_and_whole_word_options():
    view = helpers.explore_search(term="cease")
    whole = _count_in_texts(r"(?<!\w)cease(?!\w)", re.IGNORECASE)
    assert _bars(view.output.value) == whole
    view.controls["whole_word"].value = False
    inside = _count_in_texts(r"cease", re.IGNORECASE)  # "ceasefire" too
    assert _bars(view.output.value) == inside and sum(inside.values()) > sum(whole.values())
    view.controls["term"].value = "CEASE"
    view.controls["case"].value = True
    assert _bars(view.output.value) == _count_in_texts(r"CEASE")


def test_search_escapes_the_term():
    view = helpers.explore_search(term="<script>")
    assert "<script>" not in view.fallback_html and "&lt;script&gt;" in view.fallback_html


# ---------------------------------------------------------------------------------------------
# who speaks
# ---------------------------------------------------------------------------------------------


def test_voice_filters_change_table_and_chart():
    att = helpers.attributions()
    view = helpers.explore_voices()
    assert f"<b>{len(att)}</b> of {len(att)}" in view.output.value
    view.controls["form"].value = "direct_quote"
    direct = att[att.form == "direct_quote"]
    assert f"<b>{len(direct)}</b> of {len(att)}" in view.output.value
    assert _bars(view.output.value) == {o: int((direct.outlet == o).sum()) for o in dict.fromkeys(att.outlet)}
    view.controls["country"].value = "Russia"
    both = direct[direct.speaker_country == "Russia"]
    assert f"<b>{len(both)}</b> of" in view.output.value
    assert view.output.value.count("<tr>") == len(both) + 1  # header + one row per statement
    view.controls["form"].value = "(all)"
    view.controls["country"].value = "(all)"
    view.controls["relay"].value = "relayed"
    assert f"<b>{int((att.relay_id != '').sum())}</b> of" in view.output.value
    view.controls["by"].value = "speaker_type"
    relayed = att[att.relay_id != ""]
    assert _bars(view.output.value) == {
        t: int((relayed.speaker_type == t).sum()) for t in dict.fromkeys(att.speaker_type)
    }


# ---------------------------------------------------------------------------------------------
# positions
# ---------------------------------------------------------------------------------------------


def test_position_picker_offers_only_pairs_that_exist_with_counts():
    ledger = helpers.positions()
    codes = helpers.issues_codebook()
    view = helpers.explore_positions()
    issue = view.controls["issue"]
    for actor in ["russia", "ukraine", "china"]:
        view.controls["actor"].value = actor
        n = ledger[ledger.actor == actor].groupby("issue").size()
        labels = dict(zip(codes.issue, codes.label))
        assert [v for _, v in issue.options] and {v for _, v in issue.options} == set(n.index)
        assert all(lab == f"{labels[v]} ({n[v]})" for lab, v in issue.options)
        first = issue.options[-1][1]
        issue.value = first
        assert f"<b>{n[first]}</b> stated position(s)" in view.output.value
    n = len(ledger.query("actor == 'russia' and issue == 'ceasefire'"))
    assert f"Ceasefire and its sequencing ({n})" in [
        lab for lab, _ in helpers.explore_positions().controls["issue"].options
    ]


def test_positions_one_issue_all_outlets():
    ledger = helpers.positions()
    view = helpers.explore_positions()
    view.controls["mode"].value = "issue"
    view.controls["issue"].value = "prisoner_exchange"
    rows = ledger[ledger.issue == "prisoner_exchange"]
    page = view.output.value
    assert f"<b>{len(rows)}</b> stated position(s) by {rows.actor.nunique()} actor(s)" in page
    for label in helpers.article_labels().values():
        assert f"<th style='text-align:left;vertical-align:bottom'>{label}</th>" in page


# ---------------------------------------------------------------------------------------------
# claims, compare, read
# ---------------------------------------------------------------------------------------------


def test_claims_topic_shows_each_outlet_with_its_verdict():
    table = helpers.claims()
    view = helpers.explore_claims()
    for topic in ["duration", "prisoner_exchange"]:
        view.controls["topic"].value = topic
        rows = table[table.topic == topic]
        verdicts = re.findall(r"<b class='kit-verdict'>([^<]*)</b>", view.output.value)
        assert verdicts == [helpers.RELATIONS_TO_RECORD[r] for r in rows.relation_to_record]
        assert "The record" in view.output.value


def test_compare_two_articles_word_choices_follow():
    terms = helpers.term_counts()
    view = helpers.explore_compare()
    for aid in ["cgtn-2025-05-14", "atalayar-2025-05-19"]:
        view.controls["b"].value = aid
        used = terms[(terms.article_id == aid) & (terms["count"] > 0)]
        page = view.output.value
        for r in used.itertuples():
            assert html.escape(f"{r.variant} ×{r.count}") in page
        att = helpers.attributions()
        assert page.count("<b class='kit-compare-n'>") == 2
        assert f"<b class='kit-compare-n'>{int((att.article_id == aid).sum())}</b></td></tr>" in page


def test_article_layers_annotation_and_paragraph_numbers():
    att = helpers.attributions()
    aid = "globaltimes-2025-05-14"
    view = helpers.explore_article(article_id=aid)
    c = view.controls
    page = view.output.value
    assert page.count("kit-hl-speakers") >= 1
    assert f"<b>{int((att.article_id == aid).sum())}</b>" in page.split("kit-legend-speakers")[1][:400]
    c["layer_speakers"].value = False
    c["layer_quotes"].value = False
    assert "kit-hl-" not in view.output.value
    c["layer_terms"].value = True
    n_terms = int(helpers.term_counts().query("article_id == @aid")["count"].sum())
    assert view.output.value.count("<sup class='kit-tag'") == n_terms
    c["layer_terms"].value = False
    c["layer_positions"].value = True
    c["actor"].value = "ukraine"
    ledger = helpers.positions()
    mine = ledger[(ledger.article_id == aid) & (ledger.actor == "ukraine")]
    assert view.output.value.count("<sup class='kit-tag'") == len(mine) > 0
    # choosing a highlight shows the annotation behind it
    c["chosen"].value = 0
    first = mine.sort_values("start").iloc[0]
    card = view.output.value.split("kit-annotation")[1].split("</div>")[0]
    assert first.position_id in card and first.stance in card
    assert "¶1" in view.output.value
    c["numbers"].value = False
    assert "kit-para-no" not in view.output.value


def test_who_speaks_marks_each_statement_in_its_sentence():
    """Two statements can share one sentence: each row marks its own words, so the rows do not look alike."""
    import html

    att = helpers.attributions()
    shared = att[att.duplicated(["article_id", "sentence"], keep=False)]
    assert len(shared) >= 2
    view = helpers.explore_voices()
    view.controls["outlet"].value = shared.outlet.iloc[0]
    page = view.output.value
    for r in shared[shared.outlet == shared.outlet.iloc[0]].itertuples():
        assert f"<mark style='background:#ffe08a'>{html.escape(r.span)}</mark>" in page, r.attribution_id


def test_choosing_an_actor_shows_that_actors_positions():
    """The Actor control once did nothing until '[P] positions' was ticked by hand."""
    aid = "globaltimes-2025-05-14"
    view = helpers.explore_article(article_id=aid)
    c = view.controls
    assert not c["layer_positions"].value and "kit-hl-positions" not in view.output.value
    c["actor"].value = "ukraine"
    ledger = helpers.positions()
    mine = ledger[(ledger.article_id == aid) & (ledger.actor == "ukraine")]
    assert c["layer_positions"].value and view.output.value.count("kit-hl-positions") >= len(mine) > 0


def test_side_by_side_fits_the_window():
    page = helpers.explore_compare().fallback_html
    assert "table-layout:fixed;width:100%" in page  # two equal columns, never wider than the window
    assert "min-width:12em" not in page.split("kit-compare")[1]  # the voices bars are drawn small enough


def test_reading_view_escapes_article_text(make_corpus):
    folder = make_corpus({"a1": 'Headline\n<script>alert(1)</script> said "<b>bold</b>" here.\n'})
    view = helpers.explore_article(folder)
    for page in (view.fallback_html, view.output.value):
        assert "<script>" not in page and "&lt;script&gt;" in page and "<b>bold</b>" not in page
    search = helpers.explore_search(folder, term="<script>")
    assert "<script>" not in search.fallback_html


def test_own_corpus_shows_notices_not_errors():
    assert "Marrowfield Gazette" in helpers.explore_article(OWN).fallback_html
    assert "bridge" in helpers.explore_search(OWN, term="bridge").fallback_html
    for fn in (helpers.explore_voices, helpers.explore_positions, helpers.explore_claims):
        shown = fn(OWN)
        html_text = getattr(shown, "data", None) or shown._repr_mimebundle_()["text/html"]
        assert "Not yet coded for this corpus" in html_text
    compare = helpers.explore_compare(OWN)
    assert "Marrowfield Gazette" in compare.fallback_html


@pytest.mark.parametrize(
    "fn",
    [
        helpers.explore_article,
        helpers.explore_search,
        helpers.explore_voices,
        helpers.explore_positions,
        helpers.explore_claims,
        helpers.explore_compare,
    ],
)
def test_every_control_has_a_static_fallback_and_readable_evidence(fn):
    bundle = fn()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] and "<table" in bundle["text/html"] or "kit-reader" in bundle["text/html"]
    assert "<small><q>" not in bundle["text/html"]
    sizes = re.findall(r"font-size:([^;']+)", bundle["text/html"])
    evidence = [s for s in sizes if "jp-content-font-size1" in s]
    assert evidence, "evidence text must be set at the body-text size"


def test_filter_statements_all_means_everything():
    att = helpers.attributions()
    assert len(explore.filter_statements(att)) == len(att)
    assert isinstance(explore.filter_statements(att, outlet="CGTN"), pd.DataFrame)
    assert set(explore.filter_statements(att, outlet="CGTN").outlet) == {"CGTN"}


def test_app_runs_on_a_teachers_own_corpus(tmp_path, monkeypatch):
    """``KIT_DATA_DIR=my-corpus voila notebooks/explore.ipynb``: the app's cells on a corpus it has never seen."""
    import shutil

    import nbformat
    from nbclient import NotebookClient

    from conftest import tree_digest

    corpus = tmp_path / "own-corpus"
    shutil.copytree(OWN, corpus)
    before = tree_digest(corpus)
    monkeypatch.setenv("KIT_DATA_DIR", str(corpus))
    nb = nbformat.read(REPO / "notebooks" / "explore.ipynb", as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO / "notebooks")}}
    ).execute()
    shown = ""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{cell.source}: {out.get('evalue')}"
            shown += "".join(out.get("data", {}).get("text/html", ""))
    assert "Marrowfield Gazette" in shown  # the teacher's articles, not the kit's
    assert not re.search(r"(cgtn|globaltimes|atalayar|athenstimes)-2025-05-1\d", shown)
    assert shown.count("Not yet coded for this corpus") == 3  # who speaks, positions, claims
    assert tree_digest(corpus) == before
