"""Notebook sections, their minutes, and where the kit's coding-round answers show.

One source of truth for timings: every numbered section of a notebook source
(``tools/notebook-sources/NN-name.py``) carries, on the line after its heading, a line::

    *Time: 4 min.*
    *Time: 10 min (optional).*
    *Time: 3 min. Shows answers to the coding round (notebook 05): in a class that does the round, show this after it.*
    *Time: 4 min. Shows answers to the coding round (speaker type): ...*

A task named in brackets after the mark (``stance``, ``generic frames``, ``speaker type``) limits it to
that task's items; without one, the section shows answers to every task.

The first number is the section's minutes of teaching (showing and talking it through on the screen).
Hands-on time is not counted there: a plan gives it explicitly (``+10 min hands-on``). A section
``## 4.`` with subsections ``### 4.1 ...`` counts its own minutes plus those of its subsections.

The same module finds the places where a notebook shows the kit's own code for an item of the
coding round (``data/coding_round/sample.csv``): a paragraph, table row or block that refers to the
item (its id, its span or its question) and contains its kit code as a word. The student edition
and the tests use it.
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "notebook-sources"
NOTEBOOKS = ROOT / "notebooks"

_HEADING = re.compile(r"^(#{2,3})\s+(?:(\d+(?:\.\d+)?)\.?\s+)?(.*\S)\s*$")
_TIME_LINE = re.compile(r"^\*Time:\s*(\d+)\s*min\b(?P<rest>.*)\*\s*$")
REVEALS_MARK = "Shows answers to the coding round"
TASKS = {"stance": "stance", "generic frame": "generic_frames", "speaker type": "speaker_type"}
ALL_TASKS = frozenset(TASKS.values())
_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


@dataclass
class Section:
    notebook: str  # "03"
    number: str  # "4" or "4.1"
    title: str
    minutes: int | None = None
    optional: bool = False
    reveals_round: bool = False
    reveals_tasks: frozenset = frozenset()  # the round's tasks whose answers it shows
    time_line: str = ""
    cells: list = field(default_factory=list)  # (cell, text-of-this-section) pairs

    @property
    def top(self) -> str:
        return self.number.split(".")[0]


def _notebook_key(path: Path) -> str:
    return path.stem[:2]


def _markdown_lines(cell) -> list[str]:
    return _FENCE.sub("", cell.source).splitlines()


def read_sections(nb_path: Path) -> list[Section]:
    """The numbered sections of an executed notebook (``notebooks/NN-*.ipynb``), in order.

    Each section keeps the cells (or the part of a Markdown cell) that belong to it, so that its
    outputs can be searched. Unnumbered ``##`` headings (``Key points``, ``Setup``, ...) end a section.
    """
    import nbformat

    return read_sections_of(nbformat.read(nb_path, as_version=4), _notebook_key(Path(nb_path)))


def read_sections_of(nb, key: str) -> list[Section]:
    """The numbered sections of a notebook already read (see ``read_sections``)."""
    sections: list[Section] = []
    current: Section | None = None
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            if current is not None:
                current.cells.append((cell, None))
            continue
        chunk: list[str] = []
        for line in cell.source.splitlines():
            m = _HEADING.match(line)
            if m and (m.group(1) == "##" or (m.group(2) and "." in m.group(2))):
                if current is not None and chunk:
                    current.cells.append((cell, "\n".join(chunk)))
                chunk = [line]
                if m.group(2):
                    current = Section(key, m.group(2), m.group(3))
                    sections.append(current)
                else:
                    current = None
                continue
            t = _TIME_LINE.match(line.strip())
            if t and current is not None and current.minutes is None:
                current.minutes = int(t.group(1))
                current.time_line = line.strip()
                current.optional = "optional" in t.group("rest")
                current.reveals_round = REVEALS_MARK in t.group("rest")
                current.reveals_tasks = tasks_named(t.group("rest")) if current.reveals_round else frozenset()
            chunk.append(line)
        if current is not None and chunk:
            current.cells.append((cell, "\n".join(chunk)))
    return sections


def tasks_named(text: str) -> frozenset:
    """The round's tasks a piece of text names (``stance``, ``generic frames``, ``speaker type``); all if none."""
    low = text.lower()
    m = re.search(re.escape(REVEALS_MARK.lower()) + r"\s*\(([^)]*)\)", low)
    scope = m.group(1) if m else ("" if REVEALS_MARK.lower() in low else low)
    named = frozenset(code for word, code in TASKS.items() if word in scope)
    return named or ALL_TASKS


def all_sections(notebooks_dir: Path = NOTEBOOKS) -> dict[str, list[Section]]:
    return {_notebook_key(p): read_sections(p) for p in sorted(Path(notebooks_dir).glob("[0-9][0-9]-*.ipynb"))}


def section_minutes(sections: list[Section], number: str) -> int:
    """Minutes of section ``number`` of one notebook, its subsections included."""
    own = [s for s in sections if s.number == number]
    if not own:
        raise KeyError(number)
    subs = [s for s in sections if s.number.startswith(number + ".")]
    return (own[0].minutes or 0) + sum(s.minutes or 0 for s in subs)


def teaching_total(sections: list[Section]) -> int:
    """Sum of the minutes of every section that is not optional (subsections of optional ones excluded)."""
    optional_tops = {s.number for s in sections if s.optional and "." not in s.number}
    return sum(s.minutes or 0 for s in sections if not s.optional and s.top not in optional_tops)


# ---------------------------------------------------------------------------------------------
# Where the kit's coding-round answers show
# ---------------------------------------------------------------------------------------------

_BLOCK_END = re.compile(r"</(?:div|tr|li|p|h\d|table|pre)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", html.unescape(text).replace("\u2011", "-")).strip()


@dataclass(frozen=True)
class RoundItem:
    item_id: str
    task: str
    code: str
    refs: tuple[str, ...]  # strings that identify the item
    allowed: tuple[str, ...]  # the item's allowed codes
    own_words: str = ""  # the item's span and question in full


def round_items(data_dir: Path | None = None) -> list[RoundItem]:
    """Every coding-round item with the kit's own code and the strings that identify it."""
    sys.path.insert(0, str(ROOT))
    import helpers

    path = None if data_dir is None else str(data_dir)
    sample = helpers.coding_sample(path)
    kit = helpers.kit_codings(path, sample=sample).set_index("item_id")["code"].to_dict()
    names = _speaker_names(helpers, path, sample)
    items = []
    for row in sample.itertuples():
        refs = [row.item_id] + names.get(row.item_id, [])
        if isinstance(row.span, str) and len(row.span.strip()) >= 12:
            refs.append(_norm(row.span))
        if row.task == "generic_frames" and isinstance(row.question, str):
            refs.append(_norm(row.question)[:60])
        allowed = tuple(c.strip() for c in str(row.allowed_codes).split("|") if c.strip())
        code = kit.get(row.item_id)
        if code:
            own = " ".join(_norm(str(v)) for v in (row.span, row.question) if isinstance(v, str))
            items.append(RoundItem(row.item_id, row.task, str(code), tuple(refs), allowed, own))
    return items


def _speaker_names(helpers, path, sample) -> dict[str, list[str]]:
    """Speaker-type item -> the name of the speaker its words name ("Rustem Umerov", "Moscow").

    A table of speakers with their types (notebook 01) answers a speaker-type item without quoting
    its words, so the speaker's name identifies the item too.
    """
    try:
        att = helpers.attributions(path)
    except Exception:  # noqa: BLE001 - a corpus without attributions has no speaker names to find
        return {}
    out: dict[str, list[str]] = {}
    for row in sample[sample.task == "speaker_type"].itertuples():
        same = att[att.article_id == row.article_id]
        hit = same[
            (same.cue == row.span)
            | same.span.str.contains(row.span, regex=False)
            | same.cue.fillna("").str.contains(row.span, regex=False)
        ]
        found = [str(n) for n in hit.speaker.dropna().unique() if len(str(n)) >= 4]
        if found:
            out[row.item_id] = found[:1]
    return out


def text_units(text: str, is_html: bool = False) -> list[str]:
    """Split rendered text into the smallest blocks a reader takes in at once."""
    if is_html:
        return [u for u in (_norm(_TAG.sub(" ", chunk)) for chunk in _BLOCK_END.split(text)) if u]
    # Markdown: paragraphs, table rows and list items
    return [u for u in (_norm(p) for p in re.split(r"\n\s*\n|\n(?=\s*(?:\||\d+\.\s|[-*]\s))", text)) if u]


def cell_texts(cell, part: str | None = None) -> list[tuple[str, bool]]:
    """(text, is_html) pieces of a cell: its source (or the given part of it) and its outputs."""
    pieces = [(part if part is not None else cell.source, False)]
    for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
        if out.get("output_type") == "stream":
            pieces.append((out.get("text", ""), False))
        data = out.get("data", {})
        if "text/html" in data:
            pieces.append((data["text/html"], True))
        elif "text/markdown" in data:
            pieces.append((data["text/markdown"], False))
        elif "text/plain" in data:
            pieces.append((data["text/plain"], False))
    return pieces


def _id_ref(ref: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(ref)}(?![\w-])")


def unit_leaks(unit: str, items: list[RoundItem]) -> list[str]:
    """Ids of the items whose kit code this block of text gives away."""
    found = []
    for it in items:
        hit = any(_id_ref(r).search(unit) if r == it.item_id else r in unit for r in it.refs)
        if not hit:
            continue
        code_word = re.compile(rf"(?<![\w-]){re.escape(it.code)}(?![\w-])")
        if code_word.search(it.own_words):
            continue  # the item's own words name the code ("spokesperson Lin Jian said", "answer no"): nothing to give away
        if unit.startswith(f"| `{it.code}` |"):
            continue  # a codebook row defines the code; it does not answer an item
        rest = unit
        # a list of the allowed codes (a form) is not an answer
        for sep in (" | ", ", ", " / "):
            rest = rest.replace(sep.join(it.allowed), " ")
        if code_word.search(rest):
            found.append(it.item_id)
    return found


def leaks_in_cell(cell, items: list[RoundItem], part: str | None = None) -> list[str]:
    out: list[str] = []
    for text, is_html in cell_texts(cell, part):
        for unit in text_units(text, is_html):
            out.extend(i for i in unit_leaks(unit, items) if i not in out)
    return out


def leaks_by_section(nb_path: Path, items: list[RoundItem]) -> dict[str, list[str]]:
    """Section number -> ids of coding-round items whose kit code the section shows."""
    result: dict[str, list[str]] = {}
    for sec in read_sections(nb_path):
        ids: list[str] = []
        for cell, part in sec.cells:
            ids.extend(i for i in leaks_in_cell(cell, items, part) if i not in ids)
        if ids:
            result[sec.number] = ids
    return result


# ---------------------------------------------------------------------------------------------
# The session plans of docs/facilitator-guide.md
# ---------------------------------------------------------------------------------------------

GUIDE = ROOT / "docs" / "facilitator-guide.md"
_ROW = re.compile(r"^\|\s*(\d+)\s*[–-]\s*(\d+)\s*\|([^|]*)\|(.*)\|\s*$")
_NB_REF = re.compile(r"`(\d\d)(?:-[\w-]+)?`")
_SEC_REF = re.compile(r"§(\d+(?:\.\d+)?)(?:\s*[–-]\s*§(\d+))?")
_EXTRA = re.compile(r"\+\s*(\d+)\s*min\b")
_QUESTION = re.compile(r"`(\d\d)(?:-[\w-]+)?`\s+questions?\s+(\d+)((?:\s*(?:,|and)\s*\d+)*)")


@dataclass
class PlanRow:
    start: int
    end: int
    what: str  # the second column as written
    text: str  # the third column
    notebook: str | None = None
    sections: list[str] = field(default_factory=list)
    extra: int = 0
    is_break: bool = False

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass
class Plan:
    name: str  # "45 minutes: one lesson" or "Two sessions of 90 minutes / Session 1: ..."
    group: str  # the ### heading: sessions of one plan share it
    length: int
    rows: list[PlanRow] = field(default_factory=list)
    objectives: str = ""


def _expand(refs: str) -> list[str]:
    out = []
    for m in _SEC_REF.finditer(refs):
        if m.group(2):
            out.extend(str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1))
        else:
            out.append(m.group(1))
    return out


def parse_row(line: str) -> PlanRow | None:
    m = _ROW.match(line)
    if not m:
        return None
    what, text = m.group(3).strip(), m.group(4).strip()
    row = PlanRow(int(m.group(1)), int(m.group(2)), what, text)
    row.is_break = what.lower().startswith("break")
    nb = _NB_REF.search(what)
    if nb:
        row.notebook = nb.group(1)
        head, _, tail = what.partition("+")
        row.sections = _expand(head)
        row.extra = sum(int(x) for x in _EXTRA.findall("+" + tail)) if tail else 0
    return row


def read_plans(text: str) -> list[Plan]:
    """Every plan table under ``## Session plans``, with its rows."""
    start = text.find("## Session plans")
    body = text[start:]
    nxt = re.search(r"^## (?!Session plans)", body, re.MULTILINE)
    body = body[: nxt.start()] if nxt else body
    plans: list[Plan] = []
    group, sub, objectives, current = "", "", "", None
    in_objectives = False
    for line in body.splitlines():
        if not line.strip() or line.startswith(("|", "**")) and not line.startswith("**Objectives**"):
            in_objectives = False
        if line.startswith("### "):
            group, sub, objectives, current = line[4:].strip(), "", "", None
        elif re.match(r"^\*\*Session \d", line):
            sub, current = line.strip("* "), None
        elif line.startswith("**Objectives**"):
            objectives, in_objectives = line, True
        elif in_objectives and line.strip() and not line.startswith(("|", "**")):
            objectives += " " + line.strip()
            continue
        elif line.startswith("|") and re.search(r"\d+\s*minutes", group):
            row = parse_row(line)
            if row is None:
                continue
            if current is None:
                length = int(re.search(r"(\d+)\s*minutes", group).group(1))
                current = Plan(f"{group} / {sub}" if sub else group, group, length, objectives=objectives)
                plans.append(current)
            current.rows.append(row)
    return plans


def question_sections(text: str) -> dict[tuple[str, int], set[tuple[str, str]]]:
    """(notebook, question number) -> the sections its answer in the guide rests on: (notebook, section)."""
    out: dict[tuple[str, int], set[tuple[str, str]]] = {}
    start = text.find("## Discussion questions, notebook by notebook")
    nb, number, buf = None, None, []

    def flush():
        if nb and number:
            refs = set()
            joined = " ".join(buf)
            for m in re.finditer(r"(?:notebook (\d\d) )?§(\d+(?:\.\d+)?)", joined):
                refs.add((m.group(1) or nb, m.group(2)))
            out[(nb, number)] = refs

    for line in text[start:].splitlines():
        h = re.match(r"^### (\d\d)\b", line)
        q = re.match(r"^(\d+)\. \*\*", line)
        if h or q or line.startswith("## ") and buf:
            flush()
            buf = []
            if h:
                nb, number = h.group(1), None
            elif q:
                number = int(q.group(1))
        if number:
            buf.append(line)
    flush()
    return out


def _is_round(row: PlanRow) -> bool:
    return row.notebook == "05" and "3" in row.sections and row.extra > 0


def round_tasks(row: PlanRow) -> frozenset:
    """The tasks a round row has participants code: those its text names ("the 15 stance items"), else all."""
    if re.search(r"\ball\s+50\b", row.text):
        return ALL_TASKS
    return tasks_named(row.text)


def plan_problems(text: str, sections: dict[str, list[Section]]) -> list[str]:
    """Every way the guide's plans cannot be run as written; empty if none."""
    problems: list[str] = []
    plans = read_plans(text)
    if not plans:
        return ["no plan tables found under '## Session plans'"]
    questions = question_sections(text)
    shown_by_group: dict[str, set[tuple[str, str]]] = {}
    round_seen: dict[str, bool] = {}
    coded = {p.group: frozenset().union(*[round_tasks(r) for r in p.rows if _is_round(r)]) for p in plans}
    for plan in plans:
        shown = shown_by_group.setdefault(plan.group, set())
        if not plan.objectives:
            problems.append(f"{plan.name}: no **Objectives** line")
        t = 0
        for row in plan.rows:
            if row.start != t:
                problems.append(f"{plan.name}: row {row.start}–{row.end} should start at {t}")
            t = row.end
            problems.extend(_row_problems(plan, row, sections))
            for nbk, sec in [(row.notebook, s) for s in row.sections]:
                shown.add((nbk, sec))
                shown.update((nbk, s.number) for s in sections.get(nbk, []) if s.number.startswith(sec + "."))
                secs = [s for s in sections.get(nbk, []) if s.number == sec]
                if (
                    not round_seen.get(plan.group)
                    and secs
                    and secs[0].reveals_tasks & coded[plan.group]
                    and not _is_round(row)
                ):
                    problems.append(f"{plan.name}: `{nbk}` §{sec} shows answers to the coding round before the round")
            if _is_round(row):
                round_seen[plan.group] = True
            problems.extend(_question_problems(plan, row, questions, shown))
        if t != plan.length:
            problems.append(f"{plan.name}: ends at minute {t}, not {plan.length}")
        if plan.length >= 90 and not any(r.is_break for r in plan.rows):
            problems.append(f"{plan.name}: a {plan.length}-minute session needs a break")
    return problems


def _question_problems(plan: Plan, row: PlanRow, questions: dict, shown: set) -> list[str]:
    """The discussion questions a row names whose answers rest on sections not shown before it."""
    out = []
    for m in _QUESTION.finditer(row.text):
        nums = [int(m.group(2))] + [int(x) for x in re.findall(r"\d+", m.group(3) or "")]
        for n in nums:
            need = questions.get((m.group(1), n))
            if need is None:
                out.append(f"{plan.name}: `{m.group(1)}` question {n} has no answer in the guide")
                continue
            missing = sorted(f"`{a}` §{b}" for a, b in need - shown)
            if missing:
                out.append(
                    f"{plan.name}: `{m.group(1)}` question {n} rests on {', '.join(missing)}, not shown before it"
                )
    return out


def _row_problems(plan: Plan, row: PlanRow, sections: dict[str, list[Section]]) -> list[str]:
    if row.notebook is None:
        return (
            []
            if (row.what in ("—", "-", "") or row.is_break)
            else [f"{plan.name}: row {row.start}–{row.end}: cannot read {row.what!r}"]
        )
    secs = sections.get(row.notebook)
    if secs is None:
        return [f"{plan.name}: row {row.start}–{row.end}: no notebook {row.notebook}"]
    total, out = row.extra, []
    for sec in row.sections:
        try:
            total += section_minutes(secs, sec)
        except KeyError:
            out.append(f"{plan.name}: row {row.start}–{row.end}: `{row.notebook}` has no §{sec}")
    if not row.sections:
        out.append(f"{plan.name}: row {row.start}–{row.end}: name the sections (§N)")
    elif not out and total != row.minutes:
        out.append(
            f"{plan.name}: row {row.start}–{row.end} gives {row.minutes} min, but `{row.notebook}` "
            f"{', '.join('§' + s for s in row.sections)} take {total - row.extra} min"
            f"{f' + {row.extra}' if row.extra else ''}"
        )
    return out


if __name__ == "__main__":
    its = round_items()
    for p in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        secs = read_sections(p)
        print(p.name, "teaching", teaching_total(secs), "min")
        for s in secs:
            print(
                f"  §{s.number:5} {s.minutes!s:>4} {'opt' if s.optional else '   '} "
                f"{'REVEALS' if s.reveals_round else '       '} {s.title[:60]}"
            )
        for num, ids in leaks_by_section(p, its).items():
            print(f"  leaks in §{num}: {', '.join(ids)}")
    problems = plan_problems(GUIDE.read_text(encoding="utf-8"), all_sections())
    print("plans:", "OK" if not problems else "")
    for pr in problems:
        print("  -", pr)
