"""Teaching: Krippendorff's alpha, the code-it-yourself round, participant notes.

The code-it-yourself round asks participants to code a small sample of the kit's material on
their own (the stance of stated positions, the 20 generic-frame questions for one article, the
type of speaker behind attributed statements), then compares their answers with each other and
with the kit's own coding using Krippendorff's alpha.

The sample is defined in ``coding_round/sample.csv`` of the corpus folder; each participant's
answers are one CSV file (see :func:`write_template`). The kit's own codes come from the
annotation files (``positions.csv``, ``generic_frames.csv``, ``attributions.csv`` with
``speakers.csv``), matched to the sample by article and evidence span, not by row id.

The two invented example participants shipped with the kit (:data:`EXAMPLE_CODINGS`) answer the
kit's own sample. Their sheets are always checked against the kit's ``data/`` folder, whatever
corpus is in use: computing their agreement needs only the sheets and the kit's own sample, not
the articles of the corpus in use, so the worked example of Krippendorff's alpha in notebook 05
shows the same numbers on any corpus. A corpus of your own needs its own
``coding_round/sample.csv`` for its own round (notebook 05 shows a notice until it has one).

The module also holds two small helpers that let notebook 00's examples adapt to any corpus:
:func:`example_term` (a keyword-in-context search term) and :func:`show_example_article` (a
reading view whose highlights are kept for the kit's own article).
"""

from __future__ import annotations

import csv
import html
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from kit import core
from kit.core import KitDataError, Problem

__all__ = [
    "AlphaUndefinedError",
    "krippendorff_alpha",
    "alpha_verdict",
    "ALPHA_RELIABLE",
    "ALPHA_TENTATIVE",
    "TASKS",
    "SAMPLE_COLUMNS",
    "PARTICIPANT_COLUMNS",
    "coding_sample",
    "kit_codings",
    "write_template",
    "save_codings",
    "coding_form",
    "load_codings",
    "agreement",
    "agreement_with_kit",
    "most_disagreed",
    "show_disagreements",
    "show_frames_article",
    "in_context",
    "participant_notes",
    "EXAMPLE_CODINGS",
    "example_term",
    "show_example_article",
]

#: Krippendorff's conventions: rely on a variable at .800 or above; draw only tentative
#: conclusions between .667 and .800.
ALPHA_RELIABLE = 0.800
ALPHA_TENTATIVE = 0.667

#: The three tasks of the code-it-yourself round, in the order tables use.
TASKS = {
    "stance": "the stance of a stated position (what the actor does with it: demands, rejects, ...)",
    "generic_frames": "the 20 yes/no generic-frame questions (Semetko & Valkenburg) for one article",
    "speaker_type": "the type of speaker behind an attributed statement (spokesperson, minister, ...)",
}

#: Columns of ``coding_round/sample.csv``.
SAMPLE_COLUMNS = ["task", "item_id", "article_id", "span", "question", "allowed_codes"]
#: Columns of a participant's file; ``participant``, ``item_id`` and ``code`` are required.
PARTICIPANT_COLUMNS = ["participant", "task", "item_id", "article_id", "question", "span", "allowed_codes",
                       "code", "note"]
_REQUIRED_PARTICIPANT = ["participant", "item_id", "code"]
_SEP = " | "
REPO_DIR = core.PACKAGE_DIR.parent
NOTES_DIR = REPO_DIR / "participant-notes"
#: The two invented participants' coding sheets shipped with the kit. They answer the kit's own
#: sample, so the functions below always check them against the kit's ``data/`` folder.
EXAMPLE_CODINGS = core.DEFAULT_DATA_DIR / "coding_round" / "examples"


def _sample_corpus(folder, path=None):
    """The corpus folder whose sample the participant files in ``folder`` answer.

    ``path`` if given; the kit's own ``data/`` for the shipped example sheets
    (:data:`EXAMPLE_CODINGS`); otherwise ``None`` (the corpus in use).

    Examples
    --------
    >>> _sample_corpus(EXAMPLE_CODINGS) == core.DEFAULT_DATA_DIR
    True
    >>> _sample_corpus("participant-notes/coding-round") is None
    True
    """
    if path is None and Path(folder).resolve() == EXAMPLE_CODINGS.resolve():
        return core.DEFAULT_DATA_DIR
    return path


# --------------------------------------------------------------------------------------------
# Krippendorff's alpha
# --------------------------------------------------------------------------------------------


class AlphaUndefinedError(ValueError):
    """Alpha cannot be computed: no unit was coded twice, or every value is the same."""


def _missing(v) -> bool:
    if v is None:
        return True
    if isinstance(v, str):
        return not v.strip()
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _rows(data) -> list[list]:
    if isinstance(data, pd.DataFrame):
        return data.astype(object).values.tolist()
    return [list(r) for r in data]


def coincidences(data, level: str = "nominal"):
    """The coincidence matrix of a reliability data matrix (used by :func:`krippendorff_alpha`).

    Returns ``(values, o)``: the sorted distinct values and the matrix ``o[c, k]``, the number of
    c-k pairs within units, each unit weighted by 1 / (its number of values - 1).
    """
    rows = _rows(data)
    width = max((len(r) for r in rows), default=0)
    units = []
    for j in range(width):
        vals = [r[j] for r in rows if j < len(r) and not _missing(r[j])]
        if level == "interval":
            try:
                vals = [float(v) for v in vals]
            except (TypeError, ValueError):
                raise ValueError(f"unit {j + 1} has a value that is not a number ({vals}); interval alpha "
                                 "needs numbers: use level='nominal' for categories") from None
        elif level == "nominal":
            vals = [v.strip() if isinstance(v, str) else v for v in vals]
        if len(vals) >= 2:
            units.append(vals)
    if not units:
        raise AlphaUndefinedError("no unit has values from two or more coders, so there is nothing to compare: "
                                  "alpha cannot be computed")
    values = sorted({v for u in units for v in u}, key=lambda v: (str(type(v)), v))
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for u in units:
        m = len(u)
        counts = Counter(index[v] for v in u)
        for c, nc in counts.items():
            for k, nk in counts.items():
                o[c, k] += nc * (nk - (c == k)) / (m - 1)
    return values, o


def krippendorff_alpha(data, level: str = "nominal") -> float:
    """Krippendorff's alpha: agreement among any number of coders, corrected for chance.

    alpha = 1 - D_o / D_e, where D_o is the disagreement observed within units and D_e the
    disagreement expected if the same values were paired at random. Both are computed from the
    coincidence matrix (Krippendorff 2011; Hayes & Krippendorff 2007). Units with fewer than two
    values are dropped (nothing to compare), so missing values are allowed anywhere.

    Parameters
    ----------
    data : 2-D array-like or DataFrame
        The reliability data matrix: one row per coder, one column per unit (item). Rows may
        differ in length (missing at the end). Missing values: ``None``, ``NaN`` or ``""``.
    level : {"nominal", "interval"}
        ``nominal``: any two different values disagree equally (categories such as stance codes);
        ``interval``: disagreement is the squared difference of two numbers.

    Returns
    -------
    float
        1 for perfect agreement, 0 for agreement at chance level, below 0 for systematic
        disagreement.

    Raises
    ------
    AlphaUndefinedError
        If no unit has two values, or if every value in the data is the same (there is then no
        variation to agree on: the expected disagreement is 0).
    ValueError
        For an unknown level, or a non-numeric value with ``level="interval"``.

    Examples
    --------
    Krippendorff's example of three coders and 15 units, with missing values:

    >>> nan = float("nan")
    >>> data = [[nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
    ...         [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
    ...         [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4]]
    >>> round(krippendorff_alpha(data), 6)
    0.691358
    >>> round(krippendorff_alpha(data, level="interval"), 6)
    0.810845
    >>> krippendorff_alpha([["yes", "no", "no"], ["yes", "no", "no"]])
    1.0
    """
    if level not in ("nominal", "interval"):
        raise ValueError(f"unknown level {level!r}: use 'nominal' or 'interval'")
    values, o = coincidences(data, level)
    if len(values) < 2:
        raise AlphaUndefinedError(f"every coder gave every unit the same value ({values[0]!r}): with no variation "
                                  "there is nothing to agree or disagree on, so alpha is undefined; "
                                  "report the share of identical answers instead")
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if level == "nominal":
        delta = 1.0 - np.eye(len(values))
    else:
        v = np.asarray(values, dtype=float)
        delta = (v[:, None] - v[None, :]) ** 2
    d_o = (o * delta).sum()
    d_e = (np.outer(n_c, n_c) * delta).sum() / (n - 1)
    return float(1.0 - d_o / d_e)


def alpha_verdict(alpha: float) -> str:
    """What an alpha value allows, by Krippendorff's conventions.

    Examples
    --------
    >>> alpha_verdict(0.85), alpha_verdict(0.7), alpha_verdict(0.4)
    ('reliable (α ≥ .800)', 'tentative conclusions only (.667 ≤ α < .800)', 'not reliable (α < .667)')
    >>> alpha_verdict(float("nan"))
    'undefined'
    """
    if alpha is None or (isinstance(alpha, float) and math.isnan(alpha)):
        return "undefined"
    if alpha >= ALPHA_RELIABLE:
        return "reliable (α ≥ .800)"
    if alpha >= ALPHA_TENTATIVE:
        return "tentative conclusions only (.667 ≤ α < .800)"
    return "not reliable (α < .667)"


# --------------------------------------------------------------------------------------------
# The sample and the kit's own codes
# --------------------------------------------------------------------------------------------


def _split_codes(cell: str) -> list[str]:
    return [c.strip() for c in str(cell).split("|") if c.strip()]


def coding_sample(path=None) -> pd.DataFrame:
    """The items of the code-it-yourself round (``coding_round/sample.csv``).

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per item to code, in task order (stance, generic_frames, speaker_type) then
        file order. Columns: ``task`` (a key of ``TASKS``), ``item_id`` (unique), ``article_id``,
        ``span`` (the verbatim words to judge; empty for the generic-frame questions, which are
        about the whole article), ``question``, ``allowed_codes`` (``" | "``-separated),
        ``csv_line``, ``start`` and ``end`` (offsets of the span, -1 if empty).

    Raises
    ------
    NotCodedError
        If the corpus has no ``coding_round/sample.csv``.
    KitDataError
        For an unknown task or article, a span not found verbatim, a duplicate item id, or an
        item with no allowed codes.

    Examples
    --------
    >>> s = coding_sample()
    >>> s.groupby("task", sort=False).size().to_dict()
    {'stance': 15, 'generic_frames': 20, 'speaker_type': 15}
    """
    df = core.read_annotation("sample.csv", required=SAMPLE_COLUMNS, path=path, codes={"task": TASKS},
                              allow_empty_span=True, folder="coding_round")
    problems = []
    seen = {}
    for r in df.itertuples():
        where = f"line {r.csv_line}"
        if r.item_id in seen:
            problems.append(Problem("coding_round/sample.csv", where, f"duplicate item_id {r.item_id!r} "
                                    f"(also on line {seen[r.item_id]})", "give each item its own id"))
        seen.setdefault(r.item_id, r.csv_line)
        if not r.task:
            problems.append(Problem("coding_round/sample.csv", where, "the task is empty",
                                    f"use one of: {', '.join(TASKS)}"))
        if not _split_codes(r.allowed_codes):
            problems.append(Problem("coding_round/sample.csv", where, "no allowed codes",
                                    "list the codes separated by ' | '"))
        if r.task != "generic_frames" and not r.span:
            problems.append(Problem("coding_round/sample.csv", where, "the span is empty",
                                    "copy the words to be coded verbatim from the article"))
    if problems:
        raise KitDataError(problems)
    order = {t: i for i, t in enumerate(TASKS)}
    df = df.assign(_o=df.task.map(order)).sort_values(["_o", "csv_line"], kind="stable").drop(columns="_o")
    return df.reset_index(drop=True)


def _match_by_span(item, table: pd.DataFrame, span_cols=("span",)) -> pd.DataFrame:
    """Rows of an annotation table for the same article whose span (or cue) is the item's span.

    Exact equality first; otherwise rows whose span overlaps the item's span in the article;
    otherwise rows whose cue (at least 8 characters) is part of the item's span.
    """
    same = table[table.article_id == item.article_id]
    exact = same[np.logical_or.reduce([same[c] == item.span for c in span_cols])] if len(same) else same
    if len(exact) or item.start < 0:
        return exact
    overlap = same[(same.start < item.end) & (same.end > item.start) & (same.start >= 0)]
    if len(overlap):
        return overlap
    cues = [c for c in span_cols if c != "span"]
    if not cues:
        return overlap
    inside = np.logical_or.reduce([[len(v) >= 8 and v in item.span for v in same[c]] for c in cues])
    return same[inside]


def kit_codings(path=None, *, sample: pd.DataFrame | None = None) -> pd.DataFrame:
    """The kit's own code for every item of the sample, read from the annotation files.

    Stance items are matched to ``positions.csv`` by article and span; generic-frame items to
    ``generic_frames.csv`` by article and question id; speaker items to ``attributions.csv`` by
    article and cue (or span), then to ``speakers.csv`` for the speaker type. An item that no
    row matches (or that several rows with different codes match) gets an empty code.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    sample : DataFrame, optional
        The result of :func:`coding_sample`.

    Returns
    -------
    pandas.DataFrame
        One row per sample item. Columns ``task``, ``item_id``, ``code`` (the kit's code, ``""``
        if none), ``source`` (the file and line it comes from, or why there is none).

    Examples
    --------
    >>> k = kit_codings()
    >>> k.set_index("item_id").loc[["st01", "resp1", "sp01"], "code"].tolist()
    ['proposes', 'yes', 'academic_expert']
    """
    base = core.data_dir(path)
    sample = coding_sample(base) if sample is None else sample
    tables = {}

    def table(name):
        if name not in tables:
            try:
                if name == "positions.csv":
                    tables[name] = core.read_annotation(name, required=["article_id", "stance", "span"], path=base)
                elif name == "generic_frames.csv":
                    tables[name] = core.read_annotation(name, required=["article_id", "item_id", "answer"], path=base,
                                                        allow_empty_span=True)
                elif name == "attributions.csv":
                    tables[name] = core.read_annotation(name, required=["article_id", "span", "speaker_id", "cue"],
                                                        path=base)
                elif name == "speakers.csv":
                    tables[name] = core.read_annotation(name, required=["speaker_id", "speaker_type"], path=base,
                                                        span_col=None)
            except core.NotCodedError:
                tables[name] = None
        return tables[name]

    rows = []
    for item in sample.itertuples():
        code, source = "", ""
        if item.task == "stance":
            pos = table("positions.csv")
            hits = _match_by_span(item, pos) if pos is not None else None
            code, source = _one_code(hits, "stance", "positions.csv")
        elif item.task == "generic_frames":
            gf = table("generic_frames.csv")
            hits = None if gf is None else gf[(gf.article_id == item.article_id) & (gf.item_id == item.item_id)]
            code, source = _one_code(hits, "answer", "generic_frames.csv")
        elif item.task == "speaker_type":
            att, spk = table("attributions.csv"), table("speakers.csv")
            if att is not None and spk is not None:
                types = dict(zip(spk.speaker_id, spk.speaker_type))
                hits = _match_by_span(item, att, ("cue", "span"))
                hits = hits.assign(speaker_type=hits.speaker_id.map(types).fillna(""))
                code, source = _one_code(hits, "speaker_type", "attributions.csv")
            else:
                code, source = _one_code(None, "speaker_type", "attributions.csv")
        rows.append((item.task, item.item_id, code.strip().lower(), source))
    return pd.DataFrame(rows, columns=["task", "item_id", "code", "source"])


def _one_code(hits, col, name) -> tuple[str, str]:
    if hits is None:
        return "", f"{name} does not exist in this corpus"
    codes = sorted({c for c in hits[col] if c})
    if not codes:
        return "", f"no matching row in {name}"
    if len(codes) > 1:
        return "", f"rows of {name} disagree ({', '.join(codes)})"
    lines = ", ".join(str(x) for x in hits.loc[hits[col] == codes[0], "csv_line"])
    return codes[0], f"{name} line {lines}"


# --------------------------------------------------------------------------------------------
# Participant files: template, form, reading
# --------------------------------------------------------------------------------------------


def _refuse_data_folder(target: Path, path=None) -> None:
    target = Path(target).resolve()
    for folder in {core.data_dir(path), core.DEFAULT_DATA_DIR.resolve()}:
        if target == folder or folder in target.parents:
            raise KitDataError(Problem(target.name, "", "the kit never writes into its data folder",
                                       "save participants' files elsewhere, e.g. in participant-notes/"))


def save_codings(answers, path, participant: str, *, corpus=None) -> Path:
    """Write one participant's answers as a participant file (the same format as the template).

    Parameters
    ----------
    answers : dict
        ``{item_id: code}``; items left out, or with ``""``, are written with an empty code
        (not answered).
    path : str or Path
        The CSV file to write (its folder is created if needed; never inside ``data/``).
    participant : str
        The participant's name or pseudonym.
    corpus : str or Path, optional
        The corpus folder whose sample is used.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = save_codings({"st01": "proposes"}, pathlib.Path(tempfile.mkdtemp()) / "x.csv", "x")
    >>> load_codings(f.parent).code.tolist()
    ['proposes']
    """
    path = Path(path)
    _refuse_data_folder(path, corpus)
    if not str(participant).strip():
        raise ValueError("give the participant a name or a pseudonym")
    sample = coding_sample(corpus)
    unknown = sorted(set(answers) - set(sample.item_id))
    if unknown:
        raise KitDataError(Problem(path.name, "", f"unknown item(s) {', '.join(unknown)}",
                                   "use item ids from coding_round/sample.csv"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(PARTICIPANT_COLUMNS)
        for r in sample.itertuples():
            w.writerow([participant, r.task, r.item_id, r.article_id, r.question, r.span, r.allowed_codes,
                        answers.get(r.item_id, "") or "", ""])
    return path


def write_template(path, participant: str, *, corpus=None) -> Path:
    """Write a blank coding sheet for one participant: every item, the code column empty.

    The file opens in any spreadsheet program. The participant fills the ``code`` column with
    one of the ``allowed_codes`` of each row (or leaves it empty) and may add a ``note``.

    Parameters
    ----------
    path : str or Path
        The CSV file to write, e.g. ``participant-notes/coding-round/ana.csv``.
    participant : str
        The participant's name or pseudonym (written on every row).
    corpus : str or Path, optional
        The corpus folder whose sample is used.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = write_template(pathlib.Path(tempfile.mkdtemp()) / "ana.csv", "ana")
    >>> f.read_text(encoding="utf-8").splitlines()[0]
    'participant,task,item_id,article_id,question,span,allowed_codes,code,note'
    """
    return save_codings({}, path, participant, corpus=corpus)


def load_codings(folder, path=None) -> pd.DataFrame:
    """Read every participant file (``*.csv``) in a folder and check it against the sample.

    Codes are compared without regard to case or surrounding spaces; an empty code means "not
    answered" and is allowed. Items missing from a file count as not answered.

    Parameters
    ----------
    folder : str or Path
        The folder of participant files (one CSV per participant).
    path : str or Path, optional
        The corpus folder whose sample the files answer (default: the corpus in use; for the
        kit's example sheets, :data:`EXAMPLE_CODINGS`, the kit's own ``data/``).

    Returns
    -------
    pandas.DataFrame
        One row per answer given (empty codes left out), sorted by participant, task and item.
        Columns ``participant``, ``task``, ``item_id``, ``code``, ``file``, ``csv_line``.

    Raises
    ------
    KitDataError
        Naming the file and the line, for: a missing column, an unknown item, a code not allowed
        for its item, an item answered twice, a file whose rows name different participants, two
        files for the same participant, a folder with no CSV file.

    Examples
    --------
    >>> c = load_codings(core.data_dir() / "coding_round" / "examples")
    >>> sorted(c.participant.unique())
    ['participant-a', 'participant-b']
    """
    path = _sample_corpus(folder, path)
    folder = Path(folder)
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise KitDataError(Problem(folder.name + "/", "", "no participant files (*.csv) in this folder",
                                   "save each participant's coding sheet as a .csv file in it"))
    sample = coding_sample(path)
    allowed = {r.item_id: set(_split_codes(r.allowed_codes)) for r in sample.itertuples()}
    task_of = dict(zip(sample.item_id, sample.task))
    problems, frames, owner = [], [], {}
    for f in files:
        name = f"{folder.name}/{f.name}"
        try:
            df = core.read_csv_checked(f, required=_REQUIRED_PARTICIPANT)
        except KitDataError as exc:
            problems.extend(Problem(name, p.row, p.problem, p.fix) for p in exc.problems)
            continue
        names = sorted({p.strip() for p in df.participant if p.strip()})
        if len(names) > 1:
            problems.append(Problem(name, "", f"the rows name different participants ({', '.join(names)})",
                                    "use one file per participant, with the same name on every row"))
            continue
        who = names[0] if names else f.stem
        if who in owner:
            problems.append(Problem(name, "", f"participant {who!r} also has the file {owner[who]}",
                                    "merge the two files or rename one participant"))
            continue
        owner[who] = f.name
        seen = {}
        for r in df.itertuples():
            where = f"line {r.csv_line}"
            item, code = r.item_id.strip(), r.code.strip().lower()
            if item not in allowed:
                problems.append(Problem(name, where, f"unknown item {item!r}",
                                        "use the item ids of the template (coding_round/sample.csv)"))
                continue
            if item in seen:
                problems.append(Problem(name, where, f"item {item!r} is answered twice (also on line {seen[item]})",
                                        "keep one row per item"))
                continue
            seen[item] = r.csv_line
            if code and code not in allowed[item]:
                problems.append(Problem(name, where, f"the code {r.code.strip()!r} is not allowed for item {item}",
                                        f"use one of: {', '.join(sorted(allowed[item]))} (or leave it empty)"))
                continue
            if code:
                frames.append((who, task_of[item], item, code, name, r.csv_line))
    if problems:
        raise KitDataError(problems)
    out = pd.DataFrame(frames, columns=["participant", "task", "item_id", "code", "file", "csv_line"])
    order = {t: i for i, t in enumerate(TASKS)}
    item_order = {i: n for n, i in enumerate(sample.item_id)}
    out = out.assign(_t=out.task.map(order), _i=out.item_id.map(item_order))
    return out.sort_values(["participant", "_t", "_i"]).drop(columns=["_t", "_i"]).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Agreement
# --------------------------------------------------------------------------------------------


def _matrix(codings: pd.DataFrame, kit: pd.DataFrame | None, items: list[str]) -> pd.DataFrame:
    """Coders x items, "" where an answer is missing; the kit as the last row (named "kit")."""
    wide = codings.pivot(index="participant", columns="item_id", values="code") if len(codings) else \
        pd.DataFrame(columns=items)
    wide = wide.reindex(columns=items).astype(object).fillna("")
    if kit is not None:
        codes = dict(zip(kit.item_id, kit.code))
        wide.loc["kit"] = [codes.get(i, "") for i in items]
    return wide


def _alpha_or_nan(m: pd.DataFrame) -> tuple[float, str]:
    if len(m) < 2:
        return float("nan"), "fewer than two coders"
    try:
        return krippendorff_alpha(m), ""
    except AlphaUndefinedError as exc:
        return float("nan"), str(exc).split(":")[0]


def agreement(folder, include_kit: bool = True, path=None) -> pd.DataFrame:
    """Krippendorff's alpha per task: among the participants, and with the kit as one more coder.

    Parameters
    ----------
    folder : str or Path
        The folder of participant files (see :func:`load_codings`).
    include_kit : bool
        Also compute alpha with the kit's own coding added as a coder, and the share of
        participants' answers that equal the kit's code.
    path : str or Path, optional
        The corpus folder whose sample the files answer (default: the corpus in use; for the
        kit's example sheets, :data:`EXAMPLE_CODINGS`, the kit's own ``data/``).

    Returns
    -------
    pandas.DataFrame
        One row per task. Columns ``task``, ``items`` (items in the sample), ``participants``,
        ``answers`` (answers given by participants), ``alpha`` (nominal alpha among
        participants, rounded to 3 decimals; NaN if undefined), ``verdict`` (what that alpha
        allows; see :func:`alpha_verdict`), and with ``include_kit``: ``alpha_with_kit`` and
        ``same_as_kit`` (share of participants' answers equal to the kit's code, where the kit
        has one).

    Examples
    --------
    >>> a = agreement(core.data_dir() / "coding_round" / "examples")
    >>> a[["task", "items", "participants", "answers"]].to_string(index=False)
    '          task  items  participants  answers\\n        stance     15             2       30\\ngeneric_frames     20             2       40\\n  speaker_type     15             2       29'
    """
    path = _sample_corpus(folder, path)
    sample = coding_sample(path)
    codings = load_codings(folder, path)
    kit = kit_codings(path, sample=sample) if include_kit else None
    n_part = codings.participant.nunique()
    rows = []
    for task in TASKS:
        items = sample.loc[sample.task == task, "item_id"].tolist()
        if not items:
            continue
        part = codings[codings.task == task]
        m = _matrix(part, None, items)
        if n_part > len(m):
            m = m.reindex(sorted(codings.participant.unique())).astype(object).fillna("")
        alpha, why = _alpha_or_nan(m)
        row = {"task": task, "items": len(items), "participants": n_part, "answers": len(part),
               "alpha": round(alpha, 3), "verdict": alpha_verdict(alpha) if not why else f"undefined: {why}"}
        if include_kit:
            mk = _matrix(part, kit[kit.task == task], items)
            row["alpha_with_kit"] = round(_alpha_or_nan(mk)[0], 3)
            codes = dict(zip(kit.item_id, kit.code))
            comparable = [(c, codes[i]) for i, c in zip(part.item_id, part.code) if codes.get(i)]
            row["same_as_kit"] = round(sum(a == b for a, b in comparable) / len(comparable), 3) \
                if comparable else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)


def agreement_with_kit(folder, path=None) -> pd.DataFrame:
    """How close each participant comes to the kit's coding, task by task.

    Returns
    -------
    pandas.DataFrame
        One row per (participant, task), sorted by participant then task. Columns
        ``participant``, ``task``, ``answers`` (answers given where the kit has a code),
        ``n_same_as_kit`` (how many of them equal the kit's code; compare :func:`agreement`,
        whose ``same_as_kit`` is a share), ``alpha`` (nominal alpha of
        the participant and the kit as two coders, 3 decimals; NaN if undefined).

    Examples
    --------
    >>> k = agreement_with_kit(core.data_dir() / "coding_round" / "examples")
    >>> k.columns.tolist()
    ['participant', 'task', 'answers', 'n_same_as_kit', 'alpha']
    """
    path = _sample_corpus(folder, path)
    sample = coding_sample(path)
    codings = load_codings(folder, path)
    kit = kit_codings(path, sample=sample)
    codes = dict(zip(kit.item_id, kit.code))
    rows = []
    for who in sorted(codings.participant.unique()):
        for task in TASKS:
            items = sample.loc[sample.task == task, "item_id"].tolist()
            if not items:
                continue
            part = codings[(codings.participant == who) & (codings.task == task)]
            pairs = [(c, codes[i]) for i, c in zip(part.item_id, part.code) if codes.get(i)]
            m = _matrix(part, kit[kit.task == task], items)
            rows.append((who, task, len(pairs), sum(a == b for a, b in pairs), round(_alpha_or_nan(m)[0], 3)))
    return pd.DataFrame(rows, columns=["participant", "task", "answers", "n_same_as_kit", "alpha"])


def most_disagreed(folder, n: int = 5, include_kit: bool = True, path=None, *, task: str | None = None) -> pd.DataFrame:
    """The items coders disagreed on most: the ones worth discussing.

    An item's disagreement is the share of pairs of coders who gave it different codes (0: all
    agree; 1: every coder chose a different code). Only items with at least two answers count.

    Parameters
    ----------
    folder : str or Path
        The folder of participant files.
    n : int
        How many items to list (items on which everyone agrees are never listed).
    include_kit : bool
        Count the kit's own code as one more coder (shown as ``kit``).
    path : str or Path, optional
        The corpus folder.
    task : str, optional
        Only this task.

    Returns
    -------
    pandas.DataFrame
        One row per item, most disagreed first (ties: task order, then sample order). Columns
        ``task``, ``item_id``, ``article_id``, ``span``, ``question``, ``answers`` (each coder's
        code, ``"coder: code; ..."``), ``disagreement`` (share of disagreeing pairs, 2 decimals).

    Examples
    --------
    >>> d = most_disagreed(core.data_dir() / "coding_round" / "examples", n=3)
    >>> len(d), bool(d.disagreement.is_monotonic_decreasing)
    (3, True)
    """
    path = _sample_corpus(folder, path)
    sample = coding_sample(path)
    codings = load_codings(folder, path)
    kit = kit_codings(path, sample=sample) if include_kit else None
    if task is not None and task not in TASKS:
        raise ValueError(f"unknown task {task!r}: use one of {', '.join(TASKS)}")
    m = _matrix(codings, kit, sample.item_id.tolist())
    rows = []
    for order, item in enumerate(sample.itertuples()):
        if task is not None and item.task != task:
            continue
        answers = [(coder, m.at[coder, item.item_id]) for coder in m.index if m.at[coder, item.item_id]]
        k = len(answers)
        if k < 2:
            continue
        counts = Counter(c for _, c in answers)
        pairs = k * (k - 1) / 2
        same = sum(v * (v - 1) / 2 for v in counts.values())
        dis = 1 - same / pairs
        if dis <= 0:
            continue
        shown = "; ".join(f"{coder}: {code}" for coder, code in answers)
        rows.append((round(dis, 2), order, item.task, item.item_id, item.article_id, item.span, item.question, shown))
    out = pd.DataFrame(rows, columns=["disagreement", "_o", "task", "item_id", "article_id", "span", "question",
                                      "answers"])
    out = out.sort_values(["disagreement", "_o"], ascending=[False, True]).head(n)
    return out[["task", "item_id", "article_id", "span", "question", "answers", "disagreement"]].reset_index(drop=True)


def show_disagreements(folder, n: int = 8, include_kit: bool = True, path=None, *, task: str | None = None):
    """The most disagreed items (see :func:`most_disagreed`) as a readable table, text escaped.

    Returns
    -------
    IPython.display.HTML
        Columns item, article, question, the words judged, each coder's answer, disagreement.

    Examples
    --------
    >>> "st04" in show_disagreements(core.data_dir() / "coding_round" / "examples", n=1).data
    True
    """
    d = most_disagreed(folder, n=n, include_kit=include_kit, path=path, task=task)
    return core.html_table(d[["item_id", "article_id", "question", "span", "answers", "disagreement"]])


def in_context(text: str, path=None, *, window: int = 150):
    """Every occurrence of an exact phrase with the words around it, as a table (text escaped).

    Parameters
    ----------
    text : str
        The phrase, e.g. a span of the sample.
    path : str or Path, optional
        The corpus folder.
    window : int
        Characters of context on each side (within the paragraph).

    Returns
    -------
    IPython.display.HTML
        One row per occurrence: ``article_id``, ``left``, ``match``, ``right``.

    Examples
    --------
    >>> "Peskov" in in_context("We only evaluate statements made by President Putin").data
    True
    """
    k = core.kwic(text, path, window=window)
    return core.html_table(k[["article_id", "left", "match", "right"]])


def show_frames_article(path=None):
    """Show the article the sample's generic-frame questions are about, in the kit's reading view.

    A sample without generic-frame questions (a round that codes other tasks only) is allowed:
    a one-line note says so instead.

    Returns
    -------
    kit.core.HTML
        The reading view of the article, or the note.

    Examples
    --------
    >>> "Athens Times" in show_frames_article().data
    True
    """
    sample = coding_sample(path)
    ids = sample.loc[sample.task == "generic_frames", "article_id"].unique()
    if len(ids) == 0:
        return core.HTML("<p><i>This round's sample (<code>coding_round/sample.csv</code>) has no generic-frame "
                         "questions, so there is no article to read for them.</i></p>")
    return core.show_article(ids[0], path=path)


# --------------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------------


def _items_html(sample: pd.DataFrame) -> str:
    """The items as static HTML tables, one per task (every text escaped).

    A column that is the same for every item of a task (the article, the codes) is stated once
    above the table instead of on every row.
    """
    def cell(v):
        return f"<td style='text-align:left;vertical-align:top'>{html.escape(str(v))}</td>"

    out = ["<div class='kit-form'>",
           "<p><i>The coding form needs a running notebook (JupyterLab). Here are its items; you can also answer "
           "them on paper or in a coding sheet made with <code>helpers.write_template</code>.</i></p>"]
    for task, group in sample.groupby("task", sort=False):
        out.append(f"<h4>{html.escape(task)}: {html.escape(TASKS.get(task, ''))}</h4>")
        cols = [("item", "item_id"), ("article", "article_id"), ("question", "question"),
                ("words to judge", "span"), ("codes", "allowed_codes")]
        notes = []
        for label, col in list(cols):
            values = set(group[col])
            if col in ("article_id", "allowed_codes", "span") and len(values) == 1 and len(group) > 1:
                cols.remove((label, col))
                value = values.pop()
                if col == "article_id":
                    notes.append(f"Article: <b>{html.escape(value)}</b>")
                elif col == "allowed_codes":
                    notes.append(f"Codes: {html.escape(value)}")
                elif not value:
                    notes.append("The questions are about the whole article.")
        if notes:
            out.append("<p>" + "<br>".join(notes) + "</p>")
        head = "".join(f"<th style='text-align:left'>{html.escape(label)}</th>" for label, _ in cols)
        out.append(f"<table class='kit-table'><thead><tr>{head}</tr></thead><tbody>")
        for r in group.to_dict("records"):
            out.append("<tr>" + "".join(cell(r[col]) for _, col in cols) + "</tr>")
        out.append("</tbody></table>")
    out.append("</div>")
    return "\n".join(out)


def coding_form(participant: str = "", path=None, *, out_dir=None, task: str | None = None):
    """An on-screen coding form: one drop-down list per item and a Save button.

    Save writes the answers as a participant file (the format of :func:`write_template`) to
    ``<out_dir>/<participant>.csv``. Saved notebooks and HTML handouts show the items as a
    static table instead of the live form.

    Parameters
    ----------
    participant : str
        The starting name in the form's name box.
    path : str or Path, optional
        The corpus folder whose sample is coded.
    out_dir : str or Path, optional
        Where Save writes (default: ``participant-notes/coding-round/`` at the kit's root,
        which git ignores). Never inside ``data/``.
    task : str, optional
        Show only this task's items.

    Returns
    -------
    object
        Displays as the form (live) or as an HTML table of the items (saved or exported).

    Examples
    --------
    >>> form = coding_form(task="stance")
    >>> "st15" in form._repr_mimebundle_()["text/html"]
    True
    """
    import ipywidgets as widgets

    sample = coding_sample(path)
    if task is not None:
        if task not in TASKS:
            raise ValueError(f"unknown task {task!r}: use one of {', '.join(TASKS)}")
        sample = sample[sample.task == task]
    out_dir = Path(out_dir) if out_dir is not None else NOTES_DIR / "coding-round"
    name = widgets.Text(value=participant, description="Your name", placeholder="a name or a pseudonym")
    picks = {}
    children = [name]
    for t, group in sample.groupby("task", sort=False):
        children.append(widgets.HTML(f"<h4>{html.escape(t)}: {html.escape(TASKS[t])}</h4>"))
        for r in group.itertuples():
            words = html.escape(r.span) if r.span else "<i>(the whole article)</i>"
            children.append(widgets.HTML(f"<b>{html.escape(r.item_id)}</b> ({html.escape(r.article_id)}) "
                                         f"{html.escape(r.question)}<br><q>{words}</q>"))
            pick = widgets.Dropdown(options=[("(not answered)", "")] + [(c, c) for c in _split_codes(r.allowed_codes)],
                                    value="", layout=widgets.Layout(width="22em"))
            picks[r.item_id] = pick
            children.append(pick)
    save = widgets.Button(description="Save my answers", button_style="primary")
    status = widgets.HTML()

    def on_save(_):
        who = name.value.strip()
        if not who:
            status.value = "<b>Type your name or a pseudonym first.</b>"
            return
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", who).strip("-") or "participant"
        target = save_codings({i: p.value for i, p in picks.items()}, out_dir / f"{slug}.csv", who, corpus=path)
        answered = sum(bool(p.value) for p in picks.values())
        status.value = f"Saved {answered} answer(s) to <code>{html.escape(target.name)}</code> in " \
                       f"<code>{html.escape(out_dir.name)}/</code>."

    save.on_click(on_save)
    children += [save, status]
    box = widgets.VBox(children)
    label = f"Coding form: {len(sample)} items (run the notebook in JupyterLab to use it)"
    return core.WidgetView(box, _items_html(sample), label)


# --------------------------------------------------------------------------------------------
# Participant notes
# --------------------------------------------------------------------------------------------


def _md_cell(v) -> str:
    return str(v).replace("|", "\\|").replace("\n", " ")


def participant_notes(answers, path=None, *, participant: str = "", title: str = "My notes") -> Path:
    """Save a participant's answers to a Markdown file they can take away.

    Parameters
    ----------
    answers : dict or DataFrame
        ``{question: answer}`` (each becomes a section), or a table (written as a Markdown
        table).
    path : str or Path, optional
        The file to write, or a folder to write ``<participant>-notes.md`` into. Default: the
        folder ``participant-notes/`` at the kit's root, which git ignores. Never inside
        ``data/``.
    participant : str
        A name or pseudonym, written at the top and used in the default file name.
    title : str
        The heading of the notes.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    KitDataError
        If the path is inside the kit's ``data/`` folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = participant_notes({"Which item was hardest?": "st04"}, pathlib.Path(tempfile.mkdtemp()), participant="ana")
    >>> f.name, f.read_text(encoding="utf-8").splitlines()[:3]
    ('ana-notes.md', ['# My notes', '', 'Participant: ana'])
    """
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", participant.strip()).strip("-") or "my"
    target = Path(path) if path is not None else NOTES_DIR
    if target.suffix.lower() != ".md":
        target = target / f"{slug}-notes.md"
    _refuse_data_folder(target)
    lines = [f"# {title}", ""]
    if participant.strip():
        lines += [f"Participant: {participant.strip()}", ""]
    if isinstance(answers, pd.DataFrame):
        cols = [str(c) for c in answers.columns]
        lines.append("| " + " | ".join(_md_cell(c) for c in cols) + " |")
        lines.append("|" + "---|" * len(cols))
        for rec in answers.itertuples(index=False):
            lines.append("| " + " | ".join(_md_cell(v) for v in rec) + " |")
        lines.append("")
    elif isinstance(answers, dict):
        for q, a in answers.items():
            lines += [f"## {q}", "", str(a).strip() or "(no answer)", ""]
    else:
        raise TypeError("answers must be a dict {question: answer} or a DataFrame")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


# --------------------------------------------------------------------------------------------
# Examples that adapt to the corpus in use (notebook 00)
# --------------------------------------------------------------------------------------------

#: Words never chosen by :func:`example_term`: the reporting verbs every news text uses.
_DULL_WORDS = frozenset({"said", "says", "told", "according", "would", "will", "could", "also"})


def example_term(preferred: str, path=None) -> str:
    """A search term for a keyword-in-context example: ``preferred`` if it occurs, else a shared word.

    Notebooks search the kit's articles for terms such as ``Kyiv|Kiev``; on a corpus of your own
    the term may not occur at all, and an empty table teaches nothing. This returns the
    preferred term if it occurs anywhere in the corpus (headline, standfirst or body); otherwise
    the content word used by the most articles (ties: the most occurrences, then alphabetical
    order), as a whole-word regular expression. Content words have at least four letters and
    are not in :data:`kit.framing.STOP_WORDS` or a few reporting verbs ("said", "told").

    Parameters
    ----------
    preferred : str
        A regular expression, as given to ``kwic(..., regex=True)``.
    path : str or Path, optional
        The corpus folder.

    Returns
    -------
    str
        A regular expression for :func:`kit.core.kwic` with ``regex=True``.

    Examples
    --------
    >>> example_term(r"Kyiv|Kiev")
    'Kyiv|Kiev'
    >>> own = core.PACKAGE_DIR.parent / "examples" / "own-corpus"
    >>> example_term(r"Kyiv|Kiev", own)
    '\\\\bbridge\\\\b'
    """
    from kit.framing import STOP_WORDS

    if len(core.kwic(preferred, path, regex=True)):
        return preferred
    paras = core.paragraphs(path)
    paras = paras[paras["role"].isin(core.TEXT_ROLES)]
    in_articles, total = Counter(), Counter()
    for article_id, group in paras.groupby("article_id", sort=False):
        words = [w for w in core.tokenize(" ".join(group["text"]))
                 if len(w) >= 4 and w.isalpha() and w not in STOP_WORDS and w not in _DULL_WORDS]
        total.update(words)
        in_articles.update(set(words))
    if not total:
        return preferred
    word = min(total, key=lambda w: (-in_articles[w], -total[w], w))
    return rf"\b{re.escape(word)}\b"


def show_example_article(preferred: str, highlight=None, path=None):
    """The reading view of an example article, with its highlights if the corpus has that article.

    On the kit's own corpus this is exactly ``show_article(preferred, highlight=highlight)``.
    On a corpus without that article, the highlighted phrases do not exist: the first article
    of the corpus (by date, see :func:`kit.byo.example_article`) is shown without highlights,
    under a one-line note saying so. Everything else (numbered paragraphs, furniture greyed and
    labelled with its role) works on any article.

    Parameters
    ----------
    preferred : str
        The article the example is about.
    highlight : str, list, dict or DataFrame, optional
        Phrases of ``preferred`` to highlight (see :func:`kit.core.show_article`).
    path : str or Path, optional
        The corpus folder.

    Returns
    -------
    kit.core.HTML
        The reading view (text escaped).

    Examples
    --------
    >>> view = show_example_article("cgtn-2025-05-17", highlight={"Medinsky": "took note"})
    >>> "[A]" in view.data
    True
    >>> own = core.PACKAGE_DIR.parent / "examples" / "own-corpus"
    >>> view = show_example_article("cgtn-2025-05-17", highlight={"Medinsky": "took note"}, path=own)
    >>> "[A]" in view.data, "Marrowfield Gazette" in view.data, "without them" in view.data
    (False, True, True)
    """
    from kit.byo import example_article

    article_id = example_article(preferred, path)
    if article_id == preferred:
        return core.show_article(preferred, highlight=highlight, path=path)
    view = core.show_article(article_id, path=path)
    if not highlight:
        return view
    note = ('<p class="kit-other-corpus" style="font-family:sans-serif;font-size:0.9em;max-width:52em;'
            'border-left:4px solid #E69F00;background:#fff7e0;padding:0.3em 0.8em">'
            "<i>On the kit's own corpus this example highlights phrases of one of its five articles. Your corpus "
            "does not have that article, so here is your first article (by date) without them.</i></p>")
    return core.HTML(note + view.data)
