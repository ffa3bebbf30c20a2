"""The same scrutiny for every outlet: "leaves out" rows and claim omissions follow one declared checklist.

``annotations/coverage_checklist.csv`` declares the questions. For every text question that applies to an article
(``applies_to``: all, or only articles written after the talks) and that the article answers "no", there must be
exactly one ``leaves_out`` row in ``foreground.csv``, with the question's sentence and words; and there must be no
other ``leaves_out`` row. A question linked to a claims topic (``claim_topic``) decides the ``omission`` rows of
``claims.csv`` the same way for every article that reports that topic.
"""

from __future__ import annotations

import csv
import shutil

import pytest
from conftest import DATA

import helpers
from kit import framing


@pytest.fixture
def corpus_copy(tmp_path):
    """A copy of the kit's data folder that a test may change."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest


def _expected_leaves_out(path=None):
    questions = framing.checklist_questions(path)
    table = helpers.coverage_checklist(path)
    ids = list(helpers.load_articles(path).article_id)
    expected = set()
    for q in questions[questions.kind == "text"].to_dict("records"):
        for aid, answer in zip(ids, table[q["question"]]):
            if answer == "no":
                expected.add((aid, q["leaves_out_point"], q["answered_by"]))
    return expected


def _leaves_out_rows(path=None):
    fg = helpers.foreground(path=path)
    fg = fg[fg.kind == "leaves_out"]
    return list(zip(fg.article_id, fg.point, fg.absence_terms))


def test_every_no_of_the_checklist_is_a_leaves_out_row_and_nothing_else():
    rows = _leaves_out_rows()
    assert len(rows) == len(set(rows))  # no duplicates
    assert set(rows) == _expected_leaves_out()


def test_every_outlet_is_asked_the_same_questions():
    table = helpers.coverage_checklist()
    questions = framing.checklist_questions()
    assert list(table.columns[2:]) == list(questions.question)
    # hand-checked in the texts: each article leaves out something another carries, non-Chinese ones included
    rows = _leaves_out_rows()
    per_article = {aid: sum(1 for a, _, _ in rows if a == aid) for aid in helpers.load_articles().article_id}
    assert all(n > 0 for n in per_article.values())
    # Atalayar never gives Russia's stated reason for not accepting a truce, which the Athens Times carries
    q = "gives Russia's stated reason for not accepting a truce (that Ukraine would use it to rearm)"
    assert table.set_index("article").loc["Atalayar, 19 May", q] == "no"
    assert table.set_index("article").loc["Athens Times, 15 May", q] == "yes (¶1)"
    # a question about the outcome is not asked of articles written before the talks
    prisoners = table.set_index("article")["mentions prisoners or an exchange of them"]
    assert prisoners["CGTN, 14 May"] == "– (written before)" and prisoners["CGTN, 17 May"] == "yes (¶3)"


def test_a_leaves_out_row_outside_the_checklist_is_found(corpus_copy):
    path = corpus_copy / "annotations" / "foreground.csv"
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    rows.append(
        {
            "article_id": "atalayar-2025-05-19",
            "kind": "leaves_out",
            "point": "It never mentions Beijing.",
            "span": "",
            "absence_terms": "Beijing",
            "contrast_article_id": "",
            "contrast_span": "",
            "notes": "",
        }
    )
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    extra = set(_leaves_out_rows(corpus_copy)) - _expected_leaves_out(corpus_copy)
    assert extra == {("atalayar-2025-05-19", "It never mentions Beijing.", "Beijing")}


def _expected_omissions(claims, table):
    questions = framing.checklist_questions()
    by_label = dict(zip(helpers.load_articles().article_id, table["article"]))
    answers = table.set_index("article")
    expected = set()
    for q in questions[questions.claim_topic != ""].to_dict("records"):
        rows = claims[(claims.topic == q["claim_topic"]) & (claims.relation_to_others != "not_mentioned")]
        for aid in rows.article_id:
            if answers.loc[by_label[aid], q["question"]] == "no":
                expected.add(f"{q['claim_topic']}.{aid}")
    return expected


def test_claim_omissions_follow_the_declared_list():
    claims = helpers.claims()
    table = helpers.coverage_checklist()
    coded = set(claims[claims.difference_kind == "omission"].claim_id)
    assert coded == _expected_omissions(claims, table)
    # read in the texts: the rule reaches a non-Chinese article too
    assert "ceasefire_30day_demand.atalayar-2025-05-19" in coded
    assert "ceasefire_30day_demand.athenstimes-2025-05-15" not in coded


@pytest.mark.parametrize("column", ["question_id", "question", "kind", "answered_by", "applies_to"])
def test_the_checklist_file_is_checked(corpus_copy, column):
    path = corpus_copy / "annotations" / "coverage_checklist.csv"
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    rows[2][column] = ""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(helpers.KitDataError, match="coverage_checklist.csv, line 4"):
        framing.checklist_questions(corpus_copy)


def test_every_contrast_article_contains_one_of_the_words():
    ab = helpers.check_absences()
    per_row = ab.groupby(["article_id", "point"]).contrast_count.sum()
    assert (per_row > 0).all(), per_row[per_row == 0]


def test_foreground_errors_are_the_claims_that_contradict_the_record():
    fg = helpers.foreground()
    errors = fg[fg.kind == "error_against_record"].article_id.value_counts().to_dict()
    claims = helpers.claims()
    contradicts = claims[claims.relation_to_record == "contradicts"].article_id.value_counts().to_dict()
    assert errors == contradicts
