"""Build the student edition: learner copies of the notebooks and handouts, with the kit's answers removed.

Usage::

    python tools/make_student_edition.py              # every notebook -> student-edition/
    python tools/make_student_edition.py 05           # only notebooks whose names start with 05
    python tools/make_student_edition.py --out DIR    # write into DIR instead of student-edition/
    python tools/make_student_edition.py --before-round   # also leave out, in 00-04, the code cells of the
                                                          # sections that show the round's answers
    python tools/make_student_edition.py --task stance    # the form in 05 shows one task only (stance,
                                                          # generic_frames or speaker_type)

What it writes (the folder is ignored by git; make it again whenever the notebooks change)::

    student-edition/notebooks/NN-name.ipynb      open these in JupyterLab (copy the kit's data/ and
                                                 helpers next to them, or open them inside the kit)
    student-edition/handouts/NN-name.html        offline handouts of the same, for a browser or paper
    student-edition/handouts/NN-name.reading.html   the same without the code, for participants who only read

How answers are removed, in this order:

1. Every cell tagged ``kit-answer`` in the notebook sources is left out (percent format:
   ``# %% [markdown] tags=["kit-answer"]`` or ``# %% tags=["kit-answer"]``), with a one-line note
   in its place. A cell tagged ``kit-teacher`` (a note for the facilitator only) is left out silently.
2. Safety net for the coding round (notebook 05): any other cell that still shows the kit's own
   code for an item of ``data/coding_round/sample.csv`` (a paragraph, table row or block naming the
   item and its code) is treated the same way. For a code cell, the code goes too, so that *Run All*
   cannot bring the answer back. Each such cell is listed on the screen: tag it ``kit-answer`` in
   the source so the edition does not depend on the safety net.
3. In the other notebooks, sections whose *Time* line says "Shows answers to the coding round" keep
   their content (it is what those notebooks teach) and get a visible note: do the round first. With
   ``--before-round`` (for a class that gets the edition before it does the round), the code cells of
   those sections are left out too, and so are the paragraphs of their prose that name an item's code;
   make the edition again without it after the round.

4. With ``--task TASK``, the form cell of notebook 05 asks for that task's items only
   (``coding_form(task="stance")``), for a round that codes one task.

Not "clear outputs": outputs of the remaining cells are kept, so the edition reads like the kit.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_handouts  # noqa: E402
import notebook_sections as ns  # noqa: E402

ROOT = HERE.parent
OUT = ROOT / "student-edition"
ANSWER_TAG = "kit-answer"
TEACHER_TAG = "kit-teacher"  # a note for the facilitator only ("hand out a clean copy"): left out, no note
ROUND_NOTEBOOK = "05"
REMOVED_NOTE = (
    "*Student edition: the kit's answer that stood here is left out. Your facilitator has it, "
    "in the kit's own copy of this notebook.*"
)
BEFORE_ROUND_CODE = (
    "# Student edition, before the coding round: this cell shows the kit's codes for items of the\n"
    "# round (notebook 05) and is left out until your group has done the round."
)
REMOVED_CODE = (
    "# Student edition: this cell showed the kit's own answers to the coding round and is left out.\n"
    "# Your facilitator has it, in the kit's own copy of this notebook."
)
ROUND_WARNING = (
    "> **Before you read this section**: it shows the kit's own codes for items of the "
    "code-it-yourself round (notebook 05). If your group does the round, do it first."
)


def _note_cell(kind: str):
    if kind == "code":
        cell = nbformat.v4.new_code_cell(REMOVED_CODE)
    else:
        cell = nbformat.v4.new_markdown_cell(REMOVED_NOTE)
    cell.metadata["tags"] = ["student-edition-removed"]
    return cell


def _is_answer(cell) -> bool:
    return ANSWER_TAG in cell.get("metadata", {}).get("tags", [])


def _markdown_without_leaks(cell, items) -> tuple[str, list[str]]:
    """The Markdown source with every paragraph that gives an answer away replaced by the note."""
    kept, ids = [], []
    for para in cell.source.split("\n\n"):
        found = []
        for unit in ns.text_units(para):
            found.extend(ns.unit_leaks(unit, items))
        if found:
            ids.extend(found)
            if not kept or kept[-1] != REMOVED_NOTE:
                kept.append(REMOVED_NOTE)
        else:
            kept.append(para)
    return "\n\n".join(kept), ids


TASKS = ("stance", "generic_frames", "speaker_type")
_FORM_CALL = "helpers.coding_form()"


def _one_task_form(cell, task: str) -> None:
    """Make the round's form cell ask for one task only; its stored output (all tasks) is dropped."""
    cell.source = cell.source.replace(_FORM_CALL, f'helpers.coding_form(task="{task}")')
    cell.outputs = []
    cell.execution_count = None


def student_notebook(
    nb, key: str, items, report: list[str] | None = None, *, before_round: bool = False, task: str | None = None
):
    """A copy of an executed notebook with the kit's answers taken out (see the module docstring)."""
    if task is not None and task not in TASKS:
        raise ValueError(f"unknown task {task!r}: use one of {', '.join(TASKS)}")
    nb = copy.deepcopy(nb)
    report = [] if report is None else report
    reveal_titles, reveal_cells, reveal_text = set(), set(), set()
    if key != ROUND_NOTEBOOK:
        revealing = [s for s in ns.read_sections_of(nb, key) if s.reveals_round]
        reveal_titles = {s.title for s in revealing}
        reveal_cells = {id(c) for s in revealing for c, _ in s.cells if c.cell_type == "code"}
        reveal_text = {id(c) for s in revealing for c, _ in s.cells if c.cell_type == "markdown"}
    cells = []
    for i, cell in enumerate(nb.cells):
        if TEACHER_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        if _is_answer(cell):
            cells.append(_note_cell(cell.cell_type))
            continue
        if before_round and id(cell) in reveal_cells:
            note = _note_cell("code")
            note.source = BEFORE_ROUND_CODE
            cells.append(note)
            continue
        if key == ROUND_NOTEBOOK:
            cell = _round_cell(cell, i, items, report, task)
        elif cell.cell_type == "markdown" and reveal_titles:
            if before_round and id(cell) in reveal_text:
                cell.source, _ = _markdown_without_leaks(cell, items)
            cell.source = _warn_sections(cell.source, reveal_titles)
        cells.append(cell)
    nb.cells = cells
    nb.metadata["kit_edition"] = "student"
    return nb


def _round_cell(cell, i: int, items, report: list[str], task: str | None):
    """A cell of notebook 05 for the student edition: the form for ``task``, a note for a leaking cell."""
    if task and cell.cell_type == "code" and _FORM_CALL in cell.source:
        _one_task_form(cell, task)
    leaked = ns.leaks_in_cell(cell, items)
    if leaked and cell.cell_type == "code":
        report.append(
            f"{ROUND_NOTEBOOK}: code cell {i} shows the kit's code for {', '.join(leaked)}: removed; "
            f"tag it {ANSWER_TAG!r}"
        )
        return _note_cell("code")
    if leaked:
        cell.source, ids = _markdown_without_leaks(cell, items)
        report.append(
            f"{ROUND_NOTEBOOK}: Markdown cell {i} gives the kit's code for "
            f"{', '.join(dict.fromkeys(ids))}: paragraph removed; put it in its own cell tagged {ANSWER_TAG!r}"
        )
    return cell


def _warn_sections(source: str, titles: set[str]) -> str:
    out = []
    for line in source.split("\n"):
        out.append(line)
        m = ns._HEADING.match(line)
        if m and m.group(2) and m.group(3) in titles:
            out += ["", ROUND_WARNING]
    return "\n".join(out)


def build(
    keys: list[str] | None = None,
    out_dir: Path = OUT,
    quiet: bool = False,
    *,
    before_round: bool = False,
    task: str | None = None,
) -> list[Path]:
    items = ns.round_items()
    out_dir = Path(out_dir)
    (out_dir / "notebooks").mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(ns.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        key = path.stem[:2]
        if keys and not any(path.stem.startswith(k) for k in keys):
            continue
        report: list[str] = []
        nb = student_notebook(
            nbformat.read(path, as_version=4), key, items, report, before_round=before_round, task=task
        )
        target = out_dir / "notebooks" / path.name
        nbformat.write(nb, target)
        handouts = [
            make_handouts.export(target, out_dir / "handouts", edition="student edition", reading=r)
            for r in (False, True)
        ]
        written += [target, *handouts]
        if not quiet:
            print(f"{path.name} -> {target.relative_to(out_dir.parent) if out_dir.is_relative_to(ROOT) else target}")
            for line in report:
                print(f"  safety net: {line}")
    return written


_USAGE = "usage: python tools/make_student_edition.py [NN ...] [--out DIR] [--before-round] [--task TASK]"


def main(argv: list[str]) -> int:
    about = (__doc__ or "").split("What it writes")[0].strip()
    stop = make_handouts.help_or_refusal(argv, _USAGE, ("--out", "--before-round", "--task"), about)
    if stop is not None:
        return stop
    taken = make_handouts.take_out_dir(argv, OUT, _USAGE)
    if taken is None:
        return 2
    out_dir, argv = taken
    task = None
    if "--task" in argv:
        i = argv.index("--task")
        if i + 1 >= len(argv) or argv[i + 1] not in TASKS:
            print(f"usage: --task {' | '.join(TASKS)}", file=sys.stderr)
            return 2
        task = argv[i + 1]
        argv = argv[:i] + argv[i + 2 :]
    before_round = "--before-round" in argv
    argv = [a for a in argv if a != "--before-round"]
    written = build(argv or None, out_dir, before_round=before_round, task=task)
    if not written:
        print("no notebook matches", file=sys.stderr)
        return 1
    print(f"student edition written to {out_dir}/ (notebooks/ and handouts/)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
