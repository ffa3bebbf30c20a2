"""Make the kit's paper: a reader of the articles, one worksheet per plan, the coding-round answer sheet,
and a projectable page of ground rules and discussion prompts.

Usage::

    python tools/make_paper.py              # everything -> paper/
    python tools/make_paper.py --out DIR    # write into DIR instead

Files written (the folder is ignored by git; make it again when the data or the guide change)::

    paper/reader.html                    the five articles, paragraphs numbered as in the kit's reading view
                                         (superscript numbers count sentences), outlet, date, how sure each
                                         fact is (data/article_provenance.csv), a ruled margin for notes
    paper/worksheet-<plan>.html          one per plan of docs/facilitator-guide.md, with space to write
    paper/answer-sheet.html              every coding-round item with its context sentence and an answer column
    paper/answer-sheet-<task>.html       the same for one task (stance, generic-frames, speaker-type)
    paper/ground-rules.html              large type for the projector: ground rules, neutral prompts, each
                                         plan's discussion questions (offline, no script)
    paper/code-card.html                 docs/code-card.md on one page

Every page is self-contained HTML (no script, nothing fetched) with the kit's print stylesheet: open it in
a browser and print on A4. Article text and annotation text are HTML-escaped.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import mistune

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import notebook_sections as ns  # noqa: E402

OUT = ROOT / "paper"
PRINT_CSS = HERE / "paper" / "print.css"
_md = mistune.create_markdown(escape=True, plugins=["table"])

BASE_CSS = """
body { font-family: Georgia, 'DejaVu Serif', serif; color: #111; max-width: 190mm; margin: 1.5em auto;
  padding: 0 1em; font-size: 11pt; line-height: 1.4; }
h1, h2, h3, .meta, table, .box h3, .small { font-family: 'DejaVu Sans', Arial, sans-serif; }
h1 { font-size: 1.5em; margin: 0.2em 0; } h2 { font-size: 1.2em; margin: 1em 0 0.3em; }
.small { font-size: 0.82em; color: #444; }
.page { break-before: page; }
.meta { border-collapse: collapse; width: 100%; font-size: 0.85em; margin: 0.4em 0 0.8em; }
.meta th, .meta td { border: 1px solid #999; padding: 2px 5px; text-align: left; vertical-align: top; }
.meta th { background: #eee; width: 22%; }
.meta.record { font-size: 0.7em; line-height: 1.2; margin-top: 0.2em; } .meta.record td { padding: 1px 4px; } .meta.record th { width: auto; } .record td:first-child { white-space: nowrap; }
.sure-verified { font-weight: bold; } .sure-inferred { font-style: italic; } .sure-unknown { color: #a00; }
.para { display: grid; grid-template-columns: 2.6em minmax(0, 1fr) 42mm; gap: 0 0.6em; margin: 0 0 0.45em;
  break-inside: auto; }
.pno { font-family: 'DejaVu Sans', Arial, sans-serif; font-weight: bold; font-size: 0.85em; color: #333; }
.ptext { overflow-wrap: anywhere; }
.notes { border-left: 1px solid #bbb; min-height: 2.8em;
  background-image: linear-gradient(to bottom, transparent 94%, #bbb 94%); background-size: 100% 1.4em;
  background-repeat: repeat-y; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.furniture .ptext { color: #666; font-size: 0.85em; }
.role { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 0.75em; color: #555; border: 1px solid #999;
  padding: 0 3px; margin-right: 4px; }
sup.s { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 0.65em; color: #777; margin-right: 1px; }
.box { border: 1.5px solid #333; padding: 0.3em 0.6em; margin: 0.6em 0; break-inside: avoid; }
.box h3 { font-size: 0.95em; margin: 0.2em 0; }
.lines { background-image: linear-gradient(to bottom, transparent 96%, #999 96%); background-size: 100% 1.9em;
  background-repeat: repeat-y; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.name { font-family: 'DejaVu Sans', Arial, sans-serif; margin: 0.5em 0 1em; }
table.sheet { border-collapse: collapse; width: 100%; font-size: 0.85em; }
table.sheet th, table.sheet td { border: 1px solid #555; padding: 3px 5px; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
table.sheet th { background: #eee; }
table.sheet td.answer { width: 27%; } table.sheet td.id { width: 3.2em; white-space: nowrap; }
table.sheet tr { break-inside: avoid; }
table.codes { border-collapse: collapse; width: 100%; font-size: 0.8em; margin-bottom: 0.6em; }
table.codes td, table.codes th { border: 1px solid #aaa; padding: 1px 4px; text-align: left; vertical-align: top; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; overflow-wrap: anywhere; }
"""


def page(title: str, body: str, extra_css: str = "", body_class: str = "") -> str:
    css = BASE_CSS + extra_css + "\n" + PRINT_CSS.read_text(encoding="utf-8")
    cls = f' class="{body_class}"' if body_class else ""
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{css}</style></head><body{cls}>\n{body}\n</body></html>\n"
    )


def esc(v) -> str:
    return html.escape("" if v is None else str(v))


# ---------------------------------------------------------------------------------------------
# The reader
# ---------------------------------------------------------------------------------------------


def _provenance_rows(prov, article_id: str) -> str:
    rows = []
    for r in prov[prov.article_id == article_id].itertuples():
        evidence = str(r.evidence)
        if len(evidence) > 160:
            evidence = evidence[:157] + "…"
        rows.append(
            f'<tr><th>{esc(r.field)}</th><td>{esc(r.value)}<br><span class="small">'
            f'<span class="sure-{esc(r.status)}">{esc(r.status)}</span>: {esc(evidence)}</span></td></tr>'
        )
    return "\n".join(rows)


def _paragraph_html(text: str, start: int, sents) -> str:
    """The paragraph, escaped, with a superscript number at the start of each sentence.

    ``sents`` are the sentences of this paragraph's article (offsets in the article text)."""
    inside = sents[(sents.start >= start) & (sents.start < start + len(text))].sort_values("start")
    if len(inside) < 2:
        return esc(text)
    out, pos = [], 0
    for n, s in enumerate(inside.itertuples(), 1):
        off = int(s.start) - start
        out.append(esc(text[pos:off]))
        out.append(f'<sup class="s">{n}</sup>')
        pos = off
    out.append(esc(text[pos:]))
    return "".join(out)


_MONTHS = "January February March April May June July August September October November December".split()


def _day(iso: str) -> str:
    """'2025-05-16' -> '16&nbsp;May&nbsp;2025' (kept on one line)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    return f"{int(m.group(3))}&nbsp;{_MONTHS[int(m.group(2)) - 1][:3]}&nbsp;{m.group(1)}" if m else esc(iso)


def article_labels(path=None) -> dict[str, str]:
    """article id -> how paper names it for a reader: 'CGTN, 14 May' (the outlet and the day)."""
    import helpers

    arts = helpers.load_articles(path)
    out = {}
    for a in arts.itertuples():
        day = _day(str(getattr(a, "published", ""))[:10]).rsplit("&nbsp;", 1)[0].replace("&nbsp;", " ")
        outlet = str(getattr(a, "outlet", "") or a.article_id)
        out[a.article_id] = f"{outlet}, {day}" if day else outlet
    return out


def record_page_html(path=None) -> str:
    """One page: the record of key dates (record.csv, by date), so the paper route can check claims."""
    import pandas as pd

    import helpers

    folder = Path(helpers.data_dir()) if path is None else Path(path)
    record = folder / "record.csv"
    if not record.exists():
        return ""
    facts = pd.read_csv(record, dtype=str).fillna("")
    facts["day"] = facts["when"].str.slice(0, 10)
    rows = "".join(
        f"<tr><td>{_day(r.day)}</td><td><b>{esc(r.value)}</b>. {esc(' '.join(r.fact.split()))} "
        f'<span class="small">({esc(r.source_outlet)})</span></td></tr>'
        for r in facts.sort_values(["day", "fact_id"]).itertuples()
    )
    return (
        '<section class="page record"><h2>The record: what happened, and when</h2>'
        '<p class="small">What the kit documents about the talks and the remarks the articles quote, each '
        "fact with its source (in full in the kit's record table). Use it to check what each article says: "
        "was it written before or after a fact could be known?</p>"
        f'<table class="meta record"><tr><th>date</th><th>what happened (source)</th></tr>{rows}'
        "</table></section>"
    )


def reader_html(path=None) -> str:
    import helpers

    arts = helpers.load_articles(path)
    paras = helpers.paragraphs(path)
    sents = helpers.sentences(path)
    prov = helpers.provenance(path)
    card = helpers.corpus_card(path)
    cover = [
        "<h1>Reader: the five articles</h1>",
        "<p>The articles exactly as the kit holds them, one per page, oldest first, after a page with the "
        "record of key dates. <b>¶</b> numbers are the kit's paragraph numbers, the same as in its reading view and "
        "tables; small raised numbers count the sentences of a paragraph. Greyed paragraphs are page "
        "furniture (captions, links, labels), with their role. The right-hand margin is for your notes.</p>",
        "<p>How sure each fact about an article is: <b>verified</b> (on an archived copy of the outlet's "
        'own page), <i>inferred</i> (from a clue, given beside it), <span class="sure-unknown">unknown'
        "</span>.</p>",
        '<table class="meta"><tr><th>article</th><th>outlet</th><th>published</th><th>timing</th>'
        "<th>country, ownership</th></tr>",
    ]
    for r in card.itertuples():
        cover.append(
            f"<tr><td>{esc(r.article_id)}</td><td>{esc(r.outlet)}</td><td>{esc(r.published)}</td>"
            f"<td>{esc(r.timing)}</td><td>{esc(r.country)}; {esc(r.ownership)}</td></tr>"
        )
    cover.append(
        '</table><p class="small">The texts belong to their publishers and are included for study and '
        "discussion only. Three of the five come from Chinese state media; there is no Russian, "
        "Ukrainian, US or wire-agency outlet among them.</p>"
    )
    parts = ["\n".join(cover), record_page_html(path)]
    order = (
        arts.sort_values(["published", "article_id"]).article_id.tolist()
        if "published" in arts
        else arts.article_id.tolist()
    )
    for aid in order:
        a = arts[arts.article_id == aid].iloc[0]
        block = [
            f'<section class="page"><h2>{esc(a.get("outlet", ""))}, {esc(a.get("published", ""))}: '
            f"{esc(a.get('headline', ''))}</h2>",
            f'<p class="small"><code>{esc(aid)}</code> · written {esc(a.get("timing", ""))} the talks of '
            f"16 May 2025 · {esc(a.get('word_count', ''))} words of body text</p>",
            f'<table class="meta">{_provenance_rows(prov, aid)}</table>',
        ]
        for p in paras[paras.article_id == aid].sort_values("para_no").itertuples():
            body = p.role in ("body", "headline", "standfirst")
            cls = "para" if body else "para furniture"
            role = "" if p.role == "body" else f'<span class="role">{esc(p.role)}</span>'
            block.append(
                f'<div class="{cls}"><div class="pno">¶{int(p.para_no)}</div>'
                f'<div class="ptext">{role}{_paragraph_html(p.text, int(p.start), sents[sents.article_id == aid]) if body else esc(p.text)}'
                f'</div><div class="notes"></div></div>'
            )
        block.append("</section>")
        parts.append("\n".join(block))
    return page("Reader: the five articles", "\n".join(parts))


# ---------------------------------------------------------------------------------------------
# Worksheets, one per plan
# ---------------------------------------------------------------------------------------------


def discussion_questions(key: str) -> dict[int, str]:
    """Question number -> its text, from the notebook source's ``## Discussion questions``."""
    src = next(ns.SOURCES.glob(f"{key}-*.py")).read_text(encoding="utf-8")
    lines = [re.sub(r"^# ?", "", ln) for ln in src.splitlines()]
    text = "\n".join(lines)
    start = text.find("## Discussion questions")
    end = text.find("\n## ", start + 5)
    block = text[start : end if end > 0 else None]
    out: dict[int, str] = {}
    for m in re.finditer(r"^(\d+)\. (.*?)(?=^\d+\. |\Z)", block, re.MULTILINE | re.DOTALL):
        out[int(m.group(1))] = " ".join(m.group(2).split())
    return out


def plan_slug(plan: ns.Plan) -> str:
    if plan.name.startswith("Two sessions"):
        n = re.search(r"Session (\d)", plan.name).group(1)
        return f"2x90-session-{n}"
    return str(plan.length)


def plan_questions(plan: ns.Plan) -> list[tuple[str, int, str]]:
    out = []
    for row in plan.rows:
        for m in ns._QUESTION.finditer(row.text):
            nums = [int(m.group(2))] + [int(x) for x in re.findall(r"\d+", m.group(3) or "")]
            qs = discussion_questions(m.group(1))
            out.extend((m.group(1), n, qs.get(n, "")) for n in nums)
    return out


def worksheet_html(plan: ns.Plan) -> str:
    boxes = []
    for row in plan.rows:
        m = re.search(r"Worksheet box (\d+):\s*(.*)$", row.text)
        if not m:
            continue
        where = f"notebook {row.notebook} " + ", ".join("§" + s for s in row.sections) if row.notebook else ""
        prompt = m.group(2)[:1].upper() + m.group(2)[1:]
        boxes.append(
            f'<div class="box"><h3>{esc(m.group(1))}. {_md(prompt).strip()[3:-4]}</h3>'
            f'<p class="small">minutes {row.start}–{row.end} · {esc(where)}</p>'
            f'<div class="lines" style="height:{46 if len(plan.rows) < 12 else 40}mm"></div></div>'
        )
    qs = plan_questions(plan)
    space = 34 if len(qs) <= 2 else 24
    disc = "".join(
        f'<div class="box"><h3>Notebook {esc(k)}, question {n}</h3>{_md(q)}'
        f'<div class="lines" style="height:{space}mm"></div></div>'
        for k, n, q in qs
    )
    objectives = _md(plan.objectives.replace("**Objectives**:", "").strip())
    body = (
        f"<h1>Worksheet: {esc(plan.name)}</h1>"
        f'<p class="name">Name or pseudonym: ______________________ &nbsp; Date: __________</p>'
        f'<p class="small"><b>By the end you will be able to</b>: {objectives.strip()[3:-4]}</p>'
        f'<p class="small">Write what the article says, with its words and ¶ number from the reader. Nobody '
        f"has to say what they think about the war.</p>"
        + "".join(boxes)
        + (f"<h2>Discussion</h2>{disc}" if disc else "")
        + '<div class="box"><h3>One sentence to take away</h3><div class="lines" style="height:20mm"></div></div>'
    )
    return page(f"Worksheet: {plan.name}", body)


# ---------------------------------------------------------------------------------------------
# The coding-round answer sheet
# ---------------------------------------------------------------------------------------------


def _codebook_tables() -> dict[str, str]:
    """The codes tables of notebook 05 §2 (stance, speaker type), rendered: one source for the codebook."""
    src = next(ns.SOURCES.glob("05-*.py")).read_text(encoding="utf-8")
    text = "\n".join(re.sub(r"^# ?", "", ln) for ln in src.splitlines())
    sec = text[text.find("## 2. The codes") : text.find("## 3. Code the sample")]
    tables = re.findall(r"((?:^\|.*\|\s*$\n?)+)", sec, re.MULTILINE)
    names = ["stance", "speaker_type"]
    return {n: _md(t).replace("<table>", '<table class="codes">') for n, t in zip(names, tables)}


TASK_TITLES = {
    "stance": "Stance of a stated position",
    "generic_frames": "Generic frames of one article",
    "speaker_type": "Type of speaker",
}


def answer_sheet_html(path=None, task: str | None = None) -> str:
    """The answer sheet: every item (or those of one ``task``) with its sentence and an answer column."""
    import helpers
    import kit.core as core

    sample = helpers.coding_sample(path)
    if task is not None:
        sample = sample[sample.task == task]
    sentences = core.enclosing_sentences(sample, path)
    paras = helpers.paragraphs(path)
    codebook = _codebook_tables()
    name = '<p class="name">Name or pseudonym: ______________________ &nbsp; Date: __________</p>'
    parts = [
        "<h1>Code it yourself: answer sheet</h1>",
        "<p>Work <b>alone</b> and in silence. For each item, write one code from its list in the answer "
        "column (or circle it). Leave an item empty if you cannot decide; write your doubt in the note. "
        "The words to code are in <b>bold</b> inside their sentence; ¶ is the paragraph in the reader.</p>",
    ]
    labels = article_labels(path)
    for n, (task, items) in enumerate(sample.groupby("task", sort=False)):
        cls = ' class="page"' if n else ""
        parts.append(f"<section{cls}><h2>{esc(TASK_TITLES.get(task, task))} ({len(items)} items)</h2>{name}")
        if task in codebook:
            parts.append(codebook[task])
        if task == "generic_frames":
            aid = items.article_id.iloc[0]
            parts.append(
                f"<p>Answer <b>yes</b> or <b>no</b> for the whole article {esc(labels.get(aid, aid))} (in the "
                f"reader). Answer yes only if something in the text supports it.</p>"
            )
            rows = [
                f'<tr><td class="id">{esc(r.item_id)}</td><td>{esc(r.question)}</td>'
                f'<td class="answer">yes &nbsp; / &nbsp; no</td><td style="width:22%"></td></tr>'
                for r in items.itertuples()
            ]
            parts.append(
                '<table class="sheet"><thead><tr><th>item</th><th>question</th><th>answer</th>'
                "<th>note</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>"
            )
            continue
        rows = []
        for idx, r in zip(items.index, items.itertuples()):
            sent = sentences[sample.index.get_loc(idx)] or r.span
            i = sent.find(r.span)
            shown = (
                (esc(sent[:i]) + "<b>" + esc(r.span) + "</b>" + esc(sent[i + len(r.span) :]))
                if i >= 0
                else "<b>" + esc(r.span) + "</b>"
            )
            p = paras[(paras.article_id == r.article_id) & (paras.start <= r.start) & (paras.end > r.start)]
            pno = f"¶{int(p.para_no.iloc[0])}" if len(p) else ""
            rows.append(
                f'<tr><td class="id">{esc(r.item_id)}</td><td>{shown}<br><span class="small">'
                f"{esc(labels.get(r.article_id, r.article_id))}, {esc(pno)} · {esc(r.question)}</span></td>"
                f'<td class="answer"></td><td style="width:14%"></td></tr>'
            )
        parts.append(
            '<table class="sheet"><thead><tr><th>item</th><th>the words in their sentence</th>'
            "<th>answer (one code)</th><th>note</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>"
        )
    return page("Code it yourself: answer sheet", "\n".join(parts))


# ---------------------------------------------------------------------------------------------
# Ground rules and discussion prompts, for the projector
# ---------------------------------------------------------------------------------------------

SLIDE_CSS = """
body { max-width: none; margin: 0; padding: 0; font-family: 'DejaVu Sans', Arial, sans-serif; }
.slide { min-height: 100vh; box-sizing: border-box; padding: 4vh 6vw; border-bottom: 4px solid #333;
  font-size: clamp(20px, 3.1vw, 44px); line-height: 1.3; }
.slide h1 { font-size: 1.5em; margin: 0 0 0.5em; } .slide li { margin: 0.3em 0; }
.slide .small { font-size: 0.6em; color: #333; }
@media print { @page { size: A4 landscape; margin: 12mm; } .slide { min-height: auto; break-after: page;
  font-size: 20pt !important; border: none; } }
"""


def _guide_block(guide: str, label: str) -> str:
    start = guide.find(label)
    end = guide.find("\n**", start + len(label))
    block = guide[start + len(label) : end]
    return block.split("\n", 1)[1] if "\n" in block else block


def _inline_md(text: str) -> str:
    """One line of Markdown (*emphasis*, `code`) as HTML without its paragraph tags; the text is escaped."""
    out = _md(text).strip()
    return out[3:-4] if out.startswith("<p>") and out.endswith("</p>") else out


def ground_rules_html() -> str:
    guide = ns.GUIDE.read_text(encoding="utf-8")
    slides = [
        f'<section class="slide"><h1>Ground rules</h1>{_md(_guide_block(guide, "**Ground rules**"))}</section>',
        f'<section class="slide"><h1>Questions we ask of every article</h1>'
        f"{_md(_guide_block(guide, '**Neutral prompts**'))}</section>",
    ]
    for plan in ns.read_plans(guide):
        qs = plan_questions(plan)
        if not qs:
            continue
        items = "".join(
            f'<li>{_inline_md(q)} <span class="small">(notebook {esc(k)}, question {n})</span></li>' for k, n, q in qs
        )
        slides.append(
            f'<section class="slide"><h1>Discussion: {esc(plan.name)}</h1><ol>{items}</ol>'
            f'<p class="small">Point to the words in the article. Anyone may pass.</p></section>'
        )
    return page("Ground rules and discussion prompts", "\n".join(slides), SLIDE_CSS)


CARD_CSS = """
body { font-size: 9.5pt; line-height: 1.3; } h1 { font-size: 1.25em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; margin: 0.5em 0; }
td, th { border: 1px solid #999; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #eee; } td:nth-child(2) { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; }
"""


def code_card_html() -> str:
    """docs/code-card.md on one printed page."""
    md = (ROOT / "docs" / "code-card.md").read_text(encoding="utf-8")
    return page("Code card", _md(md).replace("\\|", "|"), CARD_CSS)  # "\|" is a pipe inside a table


def build(out_dir: Path = OUT, path=None) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {
        "reader.html": reader_html(path),
        "answer-sheet.html": answer_sheet_html(path),
        "ground-rules.html": ground_rules_html(),
        "code-card.html": code_card_html(),
    }
    for task in TASK_TITLES:
        files[f"answer-sheet-{task.replace('_', '-')}.html"] = answer_sheet_html(path, task)
    for plan in ns.read_plans(ns.GUIDE.read_text(encoding="utf-8")):
        files[f"worksheet-{plan_slug(plan)}.html"] = worksheet_html(plan)
    written = []
    for name, text in files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
        written.append(out_dir / name)
    return written


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print("usage: python tools/make_paper.py [--out DIR]")
        return 0
    out_dir = OUT
    if "--out" in argv:
        i = argv.index("--out")
        if i + 1 >= len(argv):
            print("usage: python tools/make_paper.py [--out DIR]", file=sys.stderr)
            return 2
        out_dir = Path(argv[i + 1])
    for f in build(out_dir):
        print(f"-> {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
