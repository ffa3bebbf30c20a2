"""The paper: reader, worksheets, coding-round answer sheet and projector page (no browser needed)."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

import make_paper  # noqa: E402
import notebook_sections as ns  # noqa: E402


@pytest.fixture(scope="module")
def paper(tmp_path_factory):
    out = tmp_path_factory.mktemp("paper")
    return {p.name: p.read_text(encoding="utf-8") for p in make_paper.build(out)}


def test_one_worksheet_per_plan(paper):
    plans = ns.read_plans(ns.GUIDE.read_text(encoding="utf-8"))
    sheets = sorted(n for n in paper if n.startswith("worksheet-"))
    assert sheets == sorted(f"worksheet-{make_paper.plan_slug(p)}.html" for p in plans)
    assert len(sheets) == 4


def test_worksheets_have_a_box_per_prompt_and_the_plans_questions(paper):
    guide = ns.GUIDE.read_text(encoding="utf-8")
    for plan in ns.read_plans(guide):
        text = paper[f"worksheet-{make_paper.plan_slug(plan)}.html"]
        prompts = sum("Worksheet box" in r.text for r in plan.rows)
        assert text.count('class="lines"') >= prompts + 1, plan.name  # + the sentence to take away
        plain = " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())
        for key, n, question in make_paper.plan_questions(plan):
            assert question, f"notebook {key} has no discussion question {n}"
            assert re.sub(r"[*`]", "", question)[:40] in plain


def test_reader_has_every_paragraph_and_how_sure_each_fact_is(paper):
    import helpers

    text = paper["reader.html"]
    paras = helpers.paragraphs()
    for aid, group in paras.groupby("article_id"):
        assert f"<code>{aid}</code>" in text
        assert all(f"¶{n}<" in text for n in group.para_no)
    for status in ("verified", "inferred"):
        assert f'class="sure-{status}"' in text
    assert "<script" not in text.lower()


def test_the_printed_record_gives_every_fact_whole(paper):
    """Students on paper check claims against the record: each fact is printed in full, with its short value
    (a fact cut after its first sentence once hid 'Rubio did not attend the Russia–Ukraine talks')."""
    import html

    import helpers

    text = html.unescape(paper["reader.html"])
    for r in helpers.record().itertuples():
        assert " ".join(r.fact.split()) in text and r.value in text, r.fact_id


def test_reader_escapes_article_text(make_corpus):
    folder = make_corpus({"x-2024-03-01": "A <b>bold</b> claim & a <script>alert(1)</script> here.\n\nSecond."})
    text = make_paper.reader_html(folder)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script" not in text.lower() and "<b>bold</b>" not in text


def test_answer_sheet_has_every_item_with_its_sentence_and_an_answer_column(paper):
    import helpers
    import kit.core as core

    text = paper["answer-sheet.html"]
    plain = " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())
    sample = helpers.coding_sample()
    sentences = core.enclosing_sentences(sample)
    for item_id, sent in zip(sample.item_id, sentences):
        assert f'<td class="id">{item_id}</td>' in text
        if sent:
            assert " ".join(sent.split()) in plain, item_id  # the whole context sentence
    assert text.count('class="answer"') == len(sample)
    assert "answer (one code)" in text


def test_one_answer_sheet_per_task(paper):
    import helpers

    sample = helpers.coding_sample()
    for task, items in sample.groupby("task"):
        text = paper[f"answer-sheet-{task.replace('_', '-')}.html"]
        assert text.count('class="answer"') == len(items)
        others = sample[sample.task != task].item_id
        assert not any(f'<td class="id">{i}</td>' in text for i in others)


def test_answer_sheet_gives_no_kit_answer(paper):
    items = ns.round_items()
    sheet_rows = re.findall(r'<table class="sheet">.*?</table>', paper["answer-sheet.html"], re.S)
    assert sheet_rows
    leaks = []
    for table in sheet_rows:
        for unit in ns.text_units(table.replace("yes &nbsp; / &nbsp; no", " "), is_html=True):
            leaks += ns.unit_leaks(unit, items)
    assert not leaks


def test_projector_page_has_the_ground_rules_and_each_plans_prompts(paper):
    text = paper["ground-rules.html"]
    assert "<script" not in text.lower() and "http" not in text
    assert text.count('class="slide"') >= 2 + 4
    assert "the same words for both sides" in text


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\xa0", " ").split())


def test_the_reader_carries_the_record_of_key_dates(paper):
    """The paper route must be able to check claims: the dates the 04 exercises need are in the reader."""
    text = _text(paper["reader.html"])
    assert "The record: what happened, and when" in text
    for needle in ("16 May 2025", "20 Jan 2025", "28 Apr 2025", "7 May 2025"):
        assert needle in text, needle
    assert "data/articles/" not in text


def test_every_code_of_the_form_is_on_the_answer_sheet(paper):
    """A code a participant can pick on screen (sp12's `vice_president`) must be on paper too."""
    import helpers

    sample = helpers.coding_sample()
    for task in ("stance", "speaker_type"):
        allowed = {c.strip() for codes in sample[sample.task == task].allowed_codes for c in codes.split("|")}
        sheet = _text(paper[f"answer-sheet-{task.replace('_', '-')}.html"])
        missing = sorted(c for c in allowed if c and c not in sheet)
        assert not missing, f"{task}: {missing}"


def test_answer_sheets_name_articles_as_readers_do(paper):
    text = _text(paper["answer-sheet.html"])
    assert "CGTN, 14 May, ¶" in text
    assert "cgtn-2025-05-14 ¶" not in text


def test_projector_prompts_render_their_markdown(paper):
    assert not re.search(r"\*\w[^*<]*\w\*", _text(paper["ground-rules.html"]))


def test_the_guide_counts_the_stance_items_notebook_03_shows():
    """The 90-minute plan says how many of the 15 stance items 03 §2–§4 print: the checker's count."""
    items = ns.round_items()
    leaks = ns.leaks_by_section(ns.NOTEBOOKS / "03-positions-by-side.ipynb", items)
    shown = sorted({i for sec in ("2", "3", "4") for i in leaks.get(sec, [])})
    guide = ns.GUIDE.read_text(encoding="utf-8")
    m = re.search(r"03 §2–§4\s+print the stance of (\d+) of the 15 items \(([^)]*)\)", " ".join(guide.split()))
    assert m, "the 90-minute plan should say how many stance items 03 §2–§4 print"
    assert int(m.group(1)) == len(shown)
    assert sorted(re.findall(r"st\d\d", m.group(2))) == shown
