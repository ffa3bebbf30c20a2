"""The claims layer: the record, the claims table, the differences, the timeline and the matcher."""

from __future__ import annotations

import csv
import json
import math
import shutil

import matplotlib
import pytest

import helpers
import kit.claims
from helpers import KitDataError, NotCodedError

from conftest import DATA, REPO

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def table():
    return helpers.claims()


def _copy_data(tmp_path):
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    return dst


def _rewrite(path, change):
    """Read a CSV, apply change(rows) (a list of dicts), write it back."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    rows = change(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)


# ---------------------------------------------------------------- the record and the claims table


def test_record_loads_and_parses_dates():
    rec = helpers.record().set_index("fact_id")
    assert rec.index.is_unique
    assert rec.loc["exchange_carried_out", "when_precision"] == "interval"
    # 23-25 May inclusive: the exclusive end is 26 May
    assert str(rec.loc["exchange_carried_out", "when_end"].date()) == "2025-05-26"
    # dated to the day since issue 12 (the joint statement of 11 March 2025, record.csv)
    assert rec.loc["us_ukraine_30day_proposal", "when_precision"] == "day"
    assert rec.loc["start_time", "when_start"].hour == 13
    assert rec.loc["talks_date", "citation"].startswith("Al Jazeera, 2025-05-16: https://")


def test_record_missing_is_not_coded(make_corpus):
    folder = make_corpus({"a": "One sentence here."})
    with pytest.raises(NotCodedError):
        kit.claims.record(folder)
    with pytest.raises(NotCodedError):  # facts asked for, but there is no record
        kit.claims.plot_claims_timeline(folder, facts=["talks_date"])


def test_timeline_without_a_record_draws_the_articles_only(make_corpus):
    folder = make_corpus({"a": "Headline a\nOne sentence here.", "b": "Headline b\nAnother one."})
    fig = helpers.plot_claims_timeline(folder)
    assert [ax.get_title(loc="left")[:26] for ax in fig.axes] == ["When each article appeared"]
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Example Post  (a)", "Example Post  (b)"]
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "no record.csv yet" in notes and 'annotation_template("record.csv")' in notes
    assert fig._suptitle.get_text().endswith("Publication moments of the two articles")
    # No provenance file: the dates are "as given", not "verified"; and the kit's talks are not drawn.
    assert [t.get_text() for t in ax.texts] == ["01 Mar (time of day unknown); date as given",
                                                "02 Mar (time of day unknown); date as given"]
    assert not ax.lines
    # The dates shown: a week before the first article (1 March) to two days after the last (ends 3 March).
    lo, hi = (matplotlib.dates.num2date(x).strftime("%Y-%m-%d") for x in ax.get_xlim())
    assert (lo, hi) == ("2024-02-23", "2024-03-05")
    import matplotlib.pyplot as plt
    plt.close(fig)


def test_timeline_of_a_new_corpus_with_a_record(make_corpus):
    folder = make_corpus({"a": "Headline a\nOne sentence here."})
    (folder / "record.csv").write_text(
        "fact_id,topic,fact,value,when,source_outlet,source_date,source_url,note\n"
        "met,meeting,They met.,the meeting,2024-02-20,Minutes,2024-02-21,https://example.org/m,\n"
        "built,history,Built then.,built 1884,1884-05,Archive,2020-01-01,https://example.org/a,\n",
        encoding="utf-8")
    fig = helpers.plot_claims_timeline(folder)
    top = fig.axes[0]
    assert top.get_title(loc="left") == "What had happened (the record, record.csv)"
    assert [t.get_text() for t in top.get_yticklabels()] == ["20 Feb  the meeting"]  # the 1884 fact is off the chart
    assert "Earlier, off the chart: May 1884 built 1884" in " ".join(t.get_text() for t in fig.texts)
    import matplotlib.pyplot as plt
    plt.close(fig)


def test_claims_overview_prints_or_shows_the_notices(table, capsys, make_corpus):
    assert helpers.claims_overview(table=table, facts=helpers.record()) is None
    assert capsys.readouterr().out == "23 claim topics x 5 articles = 115 rows; 39 facts in the record\n"
    folder = make_corpus({"a": "Text."})
    claims_note = helpers.when_coded(helpers.claims, folder)
    record_note = helpers.when_coded(helpers.record, folder)
    out = helpers.claims_overview(folder, table=claims_note, facts=record_note)
    assert out.data.count('class="kit-not-coded"') == 2
    assert 'annotation_template("claims.csv")' in out.data and 'annotation_template("record.csv")' in out.data
    assert capsys.readouterr().out == ""


def test_record_bad_date_names_the_line(tmp_path):
    data = _copy_data(tmp_path)

    def change(rows):
        rows[2]["when"] = "16 May 2025"
        return rows

    _rewrite(data / "record.csv", change)
    with pytest.raises(KitDataError, match=r"record.csv, line 4: the when value '16 May 2025'"):
        helpers.record(data)


def test_claims_one_row_per_topic_and_article(table):
    # 23 topics since issue 12 added trump_remark_timing (counted in claims.csv)
    assert len(table) == 115 and table.topic.nunique() == 23
    assert (table.groupby("topic").article_id.nunique() == 5).all()
    text = {a: helpers.article_text(a) for a in table.article_id.unique()}
    for r in table[table.span != ""].itertuples():
        assert text[r.article_id][r.start:r.end] == r.span
        assert r.span in r.sentence


def test_unknown_record_fact_is_reported_with_its_line(tmp_path):
    data = _copy_data(tmp_path)

    def change(rows):
        rows[0]["record_fact_id"] = "putin_proposal | no_such_fact"
        return rows

    _rewrite(data / "annotations" / "claims.csv", change)
    with pytest.raises(KitDataError, match=r"annotations/claims.csv, line 2: record_fact_id 'no_such_fact'"):
        helpers.claims(data)


def test_missing_article_row_is_reported_by_topic(tmp_path):
    data = _copy_data(tmp_path)
    _rewrite(data / "annotations" / "claims.csv",
             lambda rows: [r for r in rows if r["claim_id"] != "venue.athenstimes-2025-05-15"])
    with pytest.raises(KitDataError, match=r"topic 'venue'.*no row for article\(s\) athenstimes-2025-05-15"):
        helpers.claims(data)


def test_bad_code_and_missing_span_are_reported(tmp_path):
    data = _copy_data(tmp_path)

    def change(rows):
        rows[0]["relation_to_record"] = "wrong"
        rows[1]["span"] = ""
        return rows

    _rewrite(data / "annotations" / "claims.csv", change)
    with pytest.raises(KitDataError, match="unknown relation_to_record 'wrong'"):
        helpers.claims(data)


def test_claims_load_without_a_record(tmp_path):
    data = _copy_data(tmp_path)
    (data / "record.csv").unlink()
    assert len(helpers.claims(data)) == 115
    with pytest.raises(NotCodedError):
        kit.claims.differences(data)


# ---------------------------------------------------------------- grid and differences


def test_grid_orders_articles_by_date(table):
    g = helpers.claims_grid(table=table)
    assert g.shape == (23, 5)  # 23 topics since issue 12 (claims.csv)
    assert list(g.columns) == ["cgtn-2025-05-14", "globaltimes-2025-05-14", "athenstimes-2025-05-15",
                               "cgtn-2025-05-17", "atalayar-2025-05-19"]
    assert g.loc["trump_status", "athenstimes-2025-05-15"] == "contradicts"
    with pytest.raises(ValueError):
        helpers.claims_grid(table=table, values="nonsense")


def test_grid_view_escapes_text(tmp_path):
    data = _copy_data(tmp_path)

    def change(rows):
        rows[0]["says"] = "<script>alert(1)</script>"
        return rows

    _rewrite(data / "annotations" / "claims.csv", change)
    view = helpers.show_claims_grid(data, values="says", topics=["talks_day"])
    assert "<script>" not in view.data and "&lt;script&gt;" in view.data


def test_differences_carry_kind_evidence_and_citation(table):
    d = helpers.differences(table=table).set_index("claim_id")
    # every kind of difference in the codebook occurs at least once
    assert set(helpers.DIFFERENCE_KINDS) <= set(d.difference_kind)
    row = d.loc["lavrov_recognition_date.athenstimes-2025-05-15"]
    assert row.difference_kind == "misdating" and row.span == "In March 2025, Foreign Minister Sergei Lavrov stated"
    assert row.record_when == "2025-04-28 | 2025-03-28"
    assert row.record_citation.split(" | ")[0].startswith("RFI, via UOL (Brazil), 2025-04-28: https://")
    # rows that match the record with no difference are not listed
    assert "venue.cgtn-2025-05-17" not in d.index
    forecasts = helpers.differences(table=table, kinds="forecast")
    # 7 forecasts, counted by reading claims.csv: talks_day (Global Times, Athens Times), who_attended and
    # russia_assessment (Global Times), outcomes (CGTN 14 May, Global Times), us_role (Global Times); CGTN 14 May
    # reports the proposed date as a proposal, not as a forecast (issue 12)
    assert set(forecasts.difference_kind) == {"forecast"} and len(forecasts) == 7


def test_all_eight_known_differences_have_evidence(table):
    k = helpers.known_differences(table=table)
    assert sorted(k.no.unique()) == list(range(1, 9))
    mentioned = k[k.relation_to_record != "not_mentioned"]
    assert (mentioned.span != "").all()
    kinds = dict(zip(k.claim_id, k.difference_kind))
    assert kinds["duration.cgtn-2025-05-17"] == "rounding"
    assert kinds["trump_status.athenstimes-2025-05-15"] == "title_error"
    assert kinds["lavrov_recognition_date.athenstimes-2025-05-15"] == "misdating"
    assert kinds["rubio_remark_timing.atalayar-2025-05-19"] == "misattributed_timing"
    assert kinds["us_role.atalayar-2025-05-19"] == "misattributed_timing"
    assert kinds["zelensky_call_timing.atalayar-2025-05-19"] == "misattributed_timing"
    assert kinds["us_role.globaltimes-2025-05-14"] == "forecast"
    assert kinds["talks_day.athenstimes-2025-05-15"] == "forecast"


def test_outputs_name_outlets_not_bare_codes(table):
    import re

    # since issue 12 the explanations name the outlets themselves (read in claims.csv): talks_day.cgtn-2025-05-14
    # ends "... which the second CGTN article and Atalayar report."; a bare code is still labelled (below)
    view = helpers.show_differences("talks_day.cgtn-2025-05-14", table=table).data
    assert "which the second CGTN article and Atalayar report" in view
    assert not re.search(r"(?<![\d,(])00[0-4](?![\d)])", view)
    # the list of the eight differences uses outlet names only
    for _no, title, _ids in helpers.KNOWN_DIFFERENCES:
        assert not re.search(r"\b00[0-4]\b", title), title
    # figures are left alone
    from kit.claims import _name_codes
    assert _name_codes("1,000 for 1,000 (004)", {"000": "X", "004": "Athens Times (004)"}) == \
        "1,000 for 1,000 (Athens Times (004))"


def test_notebook_shows_every_known_difference():
    nb = json.loads((REPO / "notebooks" / "04-claims-and-the-record.ipynb").read_text(encoding="utf-8"))
    shown = ""
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            shown += "".join(data.get("text/html", "")) + "".join(data.get("text/plain", ""))
            shown += "".join(out.get("text", ""))
    for no, _title, ids in helpers.KNOWN_DIFFERENCES:
        for cid in ids:
            assert cid in shown, f"difference {no}: {cid} is not shown in the notebook"


# ---------------------------------------------------------------- the timeline


def test_timeline_draws_every_fact_in_the_window():
    import matplotlib.pyplot as plt

    fig = helpers.plot_claims_timeline()
    top, bottom = fig.axes
    labels = [t.get_text() for t in top.get_yticklabels()]
    assert len(labels) == 14 and labels[0].startswith("28 Apr") and labels[-1].startswith("23–25 May")
    assert [t.get_text().split()[0] for t in bottom.get_yticklabels()] == [
        "CGTN", "Global", "Athens", "CGTN", "Atalayar"]
    plt.close(fig)
    with pytest.raises(KitDataError):
        helpers.plot_claims_timeline(facts=["no_such_fact"])


# ---------------------------------------------------------------- the matcher


def test_bm25_on_a_toy_corpus_by_hand():
    docs = [["talks", "istanbul"], ["talks", "talks", "exchange"], ["ceasefire"]]
    # N = 3, avgdl = 2, k1 = 1.2, b = 0.75
    idf_talks = math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))  # ln 1.6
    idf_ist = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))  # ln 2.666...
    # doc 0: |d| = avgdl, so each term with f = 1 contributes exactly its idf
    # doc 1: f(talks) = 2, |d| = 3: 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 1.5)) = 4.4 / 3.65
    expected = [idf_talks + idf_ist, idf_talks * 4.4 / 3.65, 0.0]
    got = helpers.bm25_scores(["talks", "istanbul", "talks"], docs)
    assert got.tolist() == pytest.approx(expected)
    assert expected[0] == pytest.approx(1.450833, abs=1e-6)
    boosted = helpers.bm25_scores(["talks", "istanbul"], docs, weights={"istanbul": 2.0})
    assert boosted[0] == pytest.approx(idf_talks + 2 * idf_ist)


def test_titles_are_stripped_and_numbers_normalised():
    s = ("Sun Zhuangzhi, director of the Institute of Russian, Eastern European and Central Asian Studies at the "
         "Chinese Academy of Social Sciences, said")
    assert helpers.strip_titles(s) == "Sun Zhuangzhi, said"
    assert helpers.strip_titles("US Secretary of State Marco Rubio will attend") == "US Marco Rubio will attend"
    assert helpers.matching_tokens("1,000 people; a 30‑day truce at Dolmabahçe") == [
        "1000", "people", "30", "day", "truce", "dolmabahce"]
    assert helpers.matching_tokens("the last direct talks", strip=False) == ["last", "direct", "talk"]


def test_candidates_never_pair_an_article_with_itself():
    pairs = helpers.candidate_pairs(k=3)
    assert (pairs.article_a != pairs.article_b).all()
    assert pairs.score.is_monotonic_decreasing and (pairs["rank"] <= 3).all()
    # the two post-talks articles on the duration: found as each other's best candidate
    hit = pairs[pairs.text_a.str.contains("two-hour talks") & pairs.text_b.str.contains("less than two hours")]
    assert len(hit) == 1 and hit["rank"].item() == 1


def test_stripping_titles_stops_a_title_from_making_a_match():
    def score(strip):
        p = helpers.candidate_pairs(k=5, strip=strip)
        same_title = p[p.text_a.str.startswith("\"Even though Putin's proposal")
                       & p.text_b.str.startswith("Sun Zhuangzhi, director")]
        return same_title.score.item()

    assert score(strip=False) > 3 * score(strip=True)


def test_recall_on_the_hand_table():
    ev = helpers.evaluate_matching(k=[1, 3, 5, 10]).set_index("k")
    assert (ev.true_pairs == 137).all() and (ev.unreachable == 4).all()
    # the figures reported in notebook 04, rounded down
    assert ev.loc[1, "recall"] >= 0.13
    assert ev.loc[5, "recall"] >= 0.35
    assert ev.loc[10, "recall"] >= 0.48
    # and it is a candidate generator: at k = 5 far more candidates than true pairs found
    assert ev.loc[5, "candidates"] > 5 * ev.loc[5, "recovered"]
    same = helpers.evaluate_matching(k=1, only_same=True)
    # 11 pairs, counted by reading claims.csv: topics with rows coded `same` in k articles give k(k-1)/2 pairs
    # (who_attended.atalayar is compatible, not the same, since issue 12)
    assert same.true_pairs.item() == 11 and same.recall.item() >= 0.5


# ---------------------------------------------------------------- the matcher on a corpus of your own

def test_the_matcher_runs_on_new_text(make_corpus):
    folder = make_corpus({
        "a": "Headline a\nThe council agreed to repair the Quill bridge for 4.2 million pounds.\nIt rained all day.",
        "b": "Headline b\nRepairing the Quill bridge will cost 4.2 million pounds, the council agreed.\n"
             "Shops were closed.",
    })
    pairs = helpers.candidate_pairs(folder, k=1)
    top = pairs.iloc[0]
    assert (top.article_a, top.article_b) == ("a", "b")
    assert top.text_a.startswith("The council agreed") and top.text_b.startswith("Repairing the Quill")
    assert top.shared.split(", ")[:2] == ["2*", "4*"]  # numbers and names first, marked *
    assert "quill*" in top.shared and "council" in top.shared
    # Recall needs the hand-made claims table: not coded yet.
    with pytest.raises(NotCodedError):
        kit.claims.evaluate_matching(folder)


def test_evaluate_matching_accepts_the_loaded_table(table):
    assert helpers.evaluate_matching(k=[1, 5], table=table).equals(helpers.evaluate_matching(k=[1, 5]))
    assert helpers.true_pairs(table=table).equals(helpers.true_pairs())
