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
import io
import math
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from kit import core
from kit.core import KitDataError, NotCodedError, Problem
from kit.corpus import corpus_first

__all__ = [
    "ALPHA_RELIABLE",
    "ALPHA_TENTATIVE",
    "EXAMPLE_CODINGS",
    "MIN_ITEMS",
    "PARTICIPANT_COLUMNS",
    "SAMPLE_COLUMNS",
    "TASKS",
    "AlphaUndefinedError",
    "agreement",
    "agreement_with_kit",
    "alpha_verdict",
    "coding_form",
    "coding_sample",
    "collect_pasted",
    "example_term",
    "in_context",
    "kit_codings",
    "krippendorff_alpha",
    "load_codings",
    "most_disagreed",
    "participant_notes",
    "save_codings",
    "sheet_path",
    "show_disagreements",
    "show_example_article",
    "show_frames_article",
    "write_template",
]

#: Krippendorff's conventions: rely on a variable at .800 or above; draw only tentative
#: conclusions between .667 and .800.
ALPHA_RELIABLE = 0.800
ALPHA_TENTATIVE = 0.667
#: Fewer items than this, answered by at least two coders, are too few to judge agreement on:
#: :func:`alpha_verdict` says so instead of "reliable". (Krippendorff asks for far more in a
#: study; ten is the least at which a classroom round says anything.)
MIN_ITEMS = 10

#: The three tasks of the code-it-yourself round, in the order tables use.
TASKS = {
    "stance": "the stance of a stated position (what the actor does with it: demands, rejects, ...)",
    "generic_frames": "the 20 yes/no generic-frame questions (Semetko & Valkenburg) for one article",
    "speaker_type": "the type of speaker behind an attributed statement (spokesperson, minister, ...)",
}

#: Columns of ``coding_round/sample.csv``.
SAMPLE_COLUMNS = ["task", "item_id", "article_id", "span", "question", "allowed_codes"]
#: Columns of a participant's file; ``participant``, ``item_id`` and ``code`` are required.
PARTICIPANT_COLUMNS = [
    "participant",
    "task",
    "item_id",
    "article_id",
    "question",
    "span",
    "allowed_codes",
    "code",
    "note",
]
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
        if core.data_dir() != core.DEFAULT_DATA_DIR:  # another corpus is in use: the examples are not about it
            raise NotCodedError(
                Problem(
                    "coding_round/examples",
                    "",
                    "the example participants coded the kit's own articles, not the corpus in use",
                    "run the same function on your group's folder of coding sheets",
                )
            )
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
                raise ValueError(
                    f"unit {j + 1} has a value that is not a number ({vals}); interval alpha "
                    "needs numbers: use level='nominal' for categories"
                ) from None
        elif level == "nominal":
            vals = [v.strip() if isinstance(v, str) else v for v in vals]
        if len(vals) >= 2:
            units.append(vals)
    if not units:
        raise AlphaUndefinedError(
            "no unit has values from two or more coders, so there is nothing to compare: alpha cannot be computed"
        )
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
        raise AlphaUndefinedError(
            f"every coder gave every unit the same value ({values[0]!r}): with no variation "
            "there is nothing to agree or disagree on, so alpha is undefined; "
            "report the share of identical answers instead"
        )
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


def alpha_verdict(alpha: float, items: int | None = None) -> str:
    """What an alpha value allows, by Krippendorff's conventions.

    Parameters
    ----------
    alpha : float
        The value of :func:`krippendorff_alpha` (NaN if undefined).
    items : int, optional
        How many items (units) at least two coders answered. Below :data:`MIN_ITEMS` the verdict
        is "too few items to judge", whatever the value: on three items one answer decides
        between a perfect score and chance.

    Examples
    --------
    >>> alpha_verdict(0.85), alpha_verdict(0.7), alpha_verdict(0.4)
    ('reliable (α ≥ .800)', 'tentative conclusions only (.667 ≤ α < .800)', 'not reliable (α < .667)')
    >>> alpha_verdict(float("nan"))
    'undefined'
    >>> alpha_verdict(1.0, items=3)
    'too few items to judge (3 coded by two or more coders; at least 10 needed)'
    """
    if alpha is None or (isinstance(alpha, float) and math.isnan(alpha)):
        return "undefined"
    if items is not None and items < MIN_ITEMS:
        return f"too few items to judge ({items} coded by two or more coders; at least {MIN_ITEMS} needed)"
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
    df = core.read_annotation(
        "sample.csv",
        required=SAMPLE_COLUMNS,
        path=path,
        codes={"task": TASKS},
        allow_empty_span=True,
        folder="coding_round",
    )
    problems = []
    seen = {}
    for r in df.itertuples():
        where = f"line {r.csv_line}"
        if r.item_id in seen:
            problems.append(
                Problem(
                    "coding_round/sample.csv",
                    where,
                    f"duplicate item_id {r.item_id!r} (also on line {seen[r.item_id]})",
                    "give each item its own id",
                )
            )
        seen.setdefault(r.item_id, r.csv_line)
        if not r.task:
            problems.append(
                Problem("coding_round/sample.csv", where, "the task is empty", f"use one of: {', '.join(TASKS)}")
            )
        if not _split_codes(r.allowed_codes):
            problems.append(
                Problem("coding_round/sample.csv", where, "no allowed codes", "list the codes separated by ' | '")
            )
        if r.task != "generic_frames" and not r.span:
            problems.append(
                Problem(
                    "coding_round/sample.csv",
                    where,
                    "the span is empty",
                    "copy the words to be coded verbatim from the article",
                )
            )
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
    tables = _KitTables(base)
    rows = []
    for item in sample.itertuples():
        code, source = _KIT_CODE[item.task](item, tables) if item.task in _KIT_CODE else ("", "")
        rows.append((item.task, item.item_id, code.strip().lower(), source))
    return pd.DataFrame(rows, columns=["task", "item_id", "code", "source"])


class _KitTables:
    """The annotation tables the kit's codes come from, each read once (None if the corpus lacks it)."""

    _REQUIRED = {
        "positions.csv": (["article_id", "stance", "span"], {}),
        "generic_frames.csv": (["article_id", "item_id", "answer"], {"allow_empty_span": True}),
        "attributions.csv": (["article_id", "span", "speaker_id", "cue"], {}),
        "speakers.csv": (["speaker_id", "speaker_type"], {"span_col": None}),
    }

    def __init__(self, base):
        self.base, self.tables = base, {}

    def __call__(self, name):
        if name not in self.tables:
            required, extra = self._REQUIRED[name]
            try:
                self.tables[name] = core.read_annotation(name, required=required, path=self.base, **extra)
            except core.NotCodedError:
                self.tables[name] = None
        return self.tables[name]


def _kit_stance(item, table) -> tuple[str, str]:
    pos = table("positions.csv")
    return _one_code(_match_by_span(item, pos) if pos is not None else None, "stance", "positions.csv")


def _kit_frame(item, table) -> tuple[str, str]:
    gf = table("generic_frames.csv")
    hits = None if gf is None else gf[(gf.article_id == item.article_id) & (gf.item_id == item.item_id)]
    return _one_code(hits, "answer", "generic_frames.csv")


def _kit_speaker_type(item, table) -> tuple[str, str]:
    att, spk = table("attributions.csv"), table("speakers.csv")
    if att is None or spk is None:
        return _one_code(None, "speaker_type", "attributions.csv")
    types = dict(zip(spk.speaker_id, spk.speaker_type))
    hits = _match_by_span(item, att, ("cue", "span"))
    hits = hits.assign(speaker_type=hits.speaker_id.map(types).fillna(""))
    return _one_code(hits, "speaker_type", "attributions.csv")


#: How the kit's own code of each task is found.
_KIT_CODE = {"stance": _kit_stance, "generic_frames": _kit_frame, "speaker_type": _kit_speaker_type}


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
            raise KitDataError(
                Problem(
                    target.name,
                    "",
                    "the kit never writes into its data folder",
                    "save participants' files elsewhere, e.g. in participant-notes/",
                )
            )


def _delimiter(first_line: str) -> str:
    """``;`` for a semicolon-separated file (spreadsheets in many European locales), else ``,``.

    Examples
    --------
    >>> _delimiter("participant;item_id;code"), _delimiter("participant,item_id,code")
    (';', ',')
    """
    by_comma = next(csv.reader([first_line]), [])
    by_semicolon = next(csv.reader([first_line], delimiter=";"), [])
    wanted = set(_REQUIRED_PARTICIPANT)
    if wanted & {h.strip() for h in by_semicolon} > wanted & {h.strip() for h in by_comma}:
        return ";"
    return ";" if len(by_semicolon) > len(by_comma) else ","


def _read_sheet(f: Path, shown: str | None = None) -> pd.DataFrame:
    """A participant file, comma- or semicolon-separated, read strictly (all values text).

    Returns the rows with ``csv_line``; raises :class:`KitDataError` naming the file and line
    (``shown`` is the name used in messages).
    """
    name = shown or f.name
    outside = core._outside(f, f.parent, name)  # a link leading out of the folder is never followed
    if outside is not None:
        raise outside
    try:
        text = f.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KitDataError(
            Problem(
                name,
                f"byte {exc.start}",
                "the file is not UTF-8",
                "save it again as 'CSV UTF-8' (in a spreadsheet program: Save as, CSV UTF-8)",
            )
        ) from None
    if not text.strip():
        raise KitDataError(Problem(name, "", "the file is empty", "add a header row and the answers"))
    sep = _delimiter(text.lstrip().splitlines()[0])
    reader = csv.reader(io.StringIO(text.lstrip("\n\r"), newline=""), delimiter=sep)
    try:
        header = [h.strip() for h in next(reader)]
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise KitDataError(
            Problem(
                name, f"line {reader.line_num}", f"the CSV cannot be read ({exc})", "check the quoting on that line"
            )
        ) from None
    problems = core._header_problems(header, _REQUIRED_PARTICIPANT, name)  # the same checks as every CSV
    records = []
    for line, row in rows:
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    name,
                    f"line {line}",
                    f"{len(row)} fields where the header has {len(header)}",
                    f"check for a missing or extra '{sep}'; put values that contain '{sep}' in double quotes",
                )
            )
            continue
        records.append([*row, line])
    if problems:
        raise KitDataError(problems)
    return pd.DataFrame(records, columns=[*header, "csv_line"], dtype=object).astype({"csv_line": int})


def _clean_name(name) -> str:
    """A participant's name as compared and stored: Unicode NFC, single spaces, no ``|``.

    Examples
    --------
    >>> _clean_name("  Оле́на   K. ")
    'Оле́на K.'
    """
    text = unicodedata.normalize("NFC", str(name)).replace("|", "/")
    return " ".join(text.split())


_UNSAFE_FILE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED_STEMS = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def _file_stem(name: str) -> str:
    """A file name stem that keeps the name's own script (Cyrillic, Greek, Chinese, ...).

    Only the characters no file system accepts are replaced (and spaces, by ``-``).

    Examples
    --------
    >>> _file_stem("Олена"), _file_stem("Ελένη Π."), _file_stem("a/b: c?"), _file_stem("..."), _file_stem("CON")
    ('Олена', 'Ελένη-Π', 'a-b-c', 'participant', 'CON-sheet')
    """
    stem = _UNSAFE_FILE_CHARS.sub("-", _clean_name(name))
    stem = re.sub(r"[\s-]+", "-", stem).strip("-. ")[:60].strip("-. ")
    if not stem:
        return "participant"
    return f"{stem}-sheet" if stem.casefold() in _RESERVED_STEMS else stem


_OWNERS: dict = {}


def _sheet_owner(f: Path) -> str:
    """The participant a sheet belongs to (its ``participant`` column, else its file name).

    Remembered per file version (path, size, modification time), so that scanning a folder of
    a whole room's sheets on every name typed stays quick.
    """
    try:
        st = f.stat()
    except OSError:
        return ""
    key = (str(f), st.st_size, st.st_mtime_ns)
    if key not in _OWNERS:
        try:
            df = _read_sheet(f)
        except KitDataError:
            return ""
        names = [_clean_name(v) for v in df.get("participant", []) if str(v).strip()]
        _OWNERS[key] = names[0] if names else _clean_name(f.stem)
    return _OWNERS[key]


def _sheets(folder: Path) -> dict[str, Path]:
    """``{participant: file}`` for every sheet in a folder."""
    out = {}
    for f in sorted(Path(folder).glob("*.csv")):
        who = _sheet_owner(f)
        if who:
            out.setdefault(who, f)
    return out


def sheet_path(participant: str, out_dir=None) -> Path:
    """The file that holds a participant's coding sheet in a folder, or will hold it.

    The participant's existing sheet if the folder has one (found by the name written inside
    it, not by the file name); otherwise a new file named after the participant in their own
    script (``Олена.csv``, ``Ελένη.csv``), with ``-2``, ``-3``, ... added if a file of that
    name already exists (compared without regard to case, as Windows and macOS do). Two
    participants never share a file.

    Parameters
    ----------
    participant : str
        The name or pseudonym.
    out_dir : str or Path, optional
        The folder of the round's sheets (default ``participant-notes/coding-round/``).

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> sheet_path("Олена", folder).name
    'Олена.csv'
    >>> _ = save_codings({"st01": "proposes"}, sheet_path("Ana M.", folder), "Ana M.")
    >>> sheet_path("Ana M.", folder).name, sheet_path("Ana-M", folder).name
    ('Ana-M.csv', 'Ana-M-2.csv')
    """
    folder = Path(out_dir) if out_dir is not None else NOTES_DIR / "coding-round"
    who = _clean_name(participant)
    if not who:
        raise ValueError("give the participant a name or a pseudonym")
    owners = _sheets(folder) if folder.is_dir() else {}
    if who in owners:
        return owners[who]
    taken = {unicodedata.normalize("NFC", f.name).casefold() for f in folder.iterdir()} if folder.is_dir() else set()
    stem, n = _file_stem(who), 1
    name = f"{stem}.csv"
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}.csv"
    return folder / name


def _sheet_text(participant: str, answers: dict, sample: pd.DataFrame, notes: dict | None = None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(PARTICIPANT_COLUMNS)
    notes = notes or {}
    for r in sample.itertuples():
        w.writerow(
            [
                participant,
                r.task,
                r.item_id,
                r.article_id,
                r.question,
                r.span,
                r.allowed_codes,
                answers.get(r.item_id, "") or "",
                notes.get(r.item_id, "") or "",
            ]
        )
    return buf.getvalue()


def _write_atomic(path: Path, text: str) -> None:
    """Write a file so that it is never seen half-written (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)


def _answered(path: Path) -> int:
    """How many items a sheet answers (0 if it cannot be read)."""
    try:
        return sum(bool(str(c).strip()) for c in _read_sheet(path).get("code", []))
    except KitDataError:
        return 0


def save_codings(
    answers, path, participant: str, *, corpus=None, notes: dict | None = None, overwrite: bool = False
) -> Path:
    """Write one participant's answers as a participant file (the same format as the template).

    A file that already holds answers is never replaced unless ``overwrite=True``: a
    participant's work cannot be wiped by running a cell twice.

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
    notes : dict, optional
        ``{item_id: note}`` for the ``note`` column.
    overwrite : bool
        Replace an existing file even if it holds answers.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    KitDataError
        If the file exists with answers in it (and ``overwrite`` is false), for unknown item
        ids, or for a path inside the kit's ``data/`` folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = save_codings({"st01": "proposes"}, pathlib.Path(tempfile.mkdtemp()) / "x.csv", "x")
    >>> load_codings(f.parent).code.tolist()
    ['proposes']
    """
    path = Path(path)
    _refuse_data_folder(path, corpus)
    participant = _clean_name(participant)
    if not participant:
        raise ValueError("give the participant a name or a pseudonym")
    sample = coding_sample(corpus)
    unknown = sorted(set(answers) - set(sample.item_id))
    if unknown:
        raise KitDataError(
            Problem(path.name, "", f"unknown item(s) {', '.join(unknown)}", "use item ids from coding_round/sample.csv")
        )
    if not overwrite and path.exists() and _answered(path):
        raise KitDataError(
            Problem(
                path.name,
                "",
                f"the file already holds {_answered(path)} answer(s), which would be lost",
                "choose another file name (see sheet_path), or pass overwrite=True if you really mean to replace it",
            )
        )
    _write_atomic(path, _sheet_text(participant, answers, sample, notes))
    return path


def write_template(path, participant: str, *, corpus=None) -> Path:
    """Write a blank coding sheet for one participant: every item, the code column empty.

    The file opens in any spreadsheet program. The participant fills the ``code`` column with
    one of the ``allowed_codes`` of each row (or leaves it empty) and may add a ``note``.
    The kit reads the sheet back whether the spreadsheet saves it with commas or with
    semicolons. A file that already holds answers is never replaced (an error says so).

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
        raise KitDataError(
            Problem(
                folder.name + "/",
                "",
                "no participant files (*.csv) in this folder",
                "save each participant's coding sheet as a .csv file in it",
            )
        )
    sample = coding_sample(path)
    allowed = {r.item_id: set(_split_codes(r.allowed_codes)) for r in sample.itertuples()}
    task_of = dict(zip(sample.item_id, sample.task))
    problems, frames, owner = [], [], {}
    for f in files:
        name = f"{folder.name}/{f.name}"
        try:
            df = _read_sheet(f)
        except KitDataError as exc:
            problems.extend(Problem(name, p.row, p.problem, p.fix) for p in exc.problems)
            continue
        names = sorted({_clean_name(p) for p in df.participant if p.strip()})
        if len(names) > 1:
            problems.append(
                Problem(
                    name,
                    "",
                    f"the rows name different participants ({', '.join(names)})",
                    "use one file per participant, with the same name on every row",
                )
            )
            continue
        who = names[0] if names else _clean_name(f.stem)
        if who in owner:
            problems.append(
                Problem(
                    name,
                    "",
                    f"participant {who!r} also has the file {owner[who]}",
                    "merge the two files or rename one participant",
                )
            )
            continue
        owner[who] = f.name
        seen = {}
        for r in df.itertuples():
            where = f"line {r.csv_line}"
            item, code = r.item_id.strip(), r.code.strip().lower()
            if item not in allowed:
                problems.append(
                    Problem(
                        name,
                        where,
                        f"unknown item {item!r}",
                        "use the item ids of the template (coding_round/sample.csv)",
                    )
                )
                continue
            if item in seen:
                problems.append(
                    Problem(
                        name,
                        where,
                        f"item {item!r} is answered twice (also on line {seen[item]})",
                        "keep one row per item",
                    )
                )
                continue
            seen[item] = r.csv_line
            if code and code not in allowed[item]:
                problems.append(
                    Problem(
                        name,
                        where,
                        f"the code {r.code.strip()!r} is not allowed for item {item}",
                        f"use one of: {', '.join(sorted(allowed[item]))} (or leave it empty)",
                    )
                )
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
    wide = (
        codings.pivot(index="participant", columns="item_id", values="code")
        if len(codings)
        else pd.DataFrame(columns=items)
    )
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
        compared = int(((m != "").sum(axis=0) >= 2).sum())
        row = {
            "task": task,
            "items": len(items),
            "participants": n_part,
            "answers": len(part),
            "alpha": round(alpha, 3),
            "verdict": alpha_verdict(alpha, compared) if not why else f"undefined: {why}",
        }
        if include_kit:
            mk = _matrix(part, kit[kit.task == task], items)
            row["alpha_with_kit"] = round(_alpha_or_nan(mk)[0], 3)
            codes = dict(zip(kit.item_id, kit.code))
            comparable = [(c, codes[i]) for i, c in zip(part.item_id, part.code) if codes.get(i)]
            row["same_as_kit"] = (
                round(sum(a == b for a, b in comparable) / len(comparable), 3) if comparable else float("nan")
            )
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


def _tally(codes) -> str:
    """Codes counted, most chosen first: ``"x ×2 · y ×1"`` (ties in alphabetical order).

    Examples
    --------
    >>> _tally(["rejects", "opposes", "rejects"])
    'rejects ×2 · opposes ×1'
    """
    counts = Counter(codes)
    return " · ".join(f"{c} ×{n}" for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


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
        code, ``"coder: code; ..."``), ``tally`` (the participants' codes counted, most chosen
        first: ``"rejects ×2 · opposes ×1"``), ``kit`` (the kit's code, ``""`` without
        ``include_kit``), ``disagreement`` (share of disagreeing pairs, 2 decimals).

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
        people = [code for coder, code in answers if not (kit is not None and coder == "kit")]
        kit_code = m.at["kit", item.item_id] if kit is not None else ""
        rows.append(
            (
                round(dis, 2),
                order,
                item.task,
                item.item_id,
                item.article_id,
                item.span,
                item.question,
                shown,
                _tally(people),
                kit_code,
            )
        )
    out = pd.DataFrame(
        rows,
        columns=["disagreement", "_o", "task", "item_id", "article_id", "span", "question", "answers", "tally", "kit"],
    )
    out = out.sort_values(["disagreement", "_o"], ascending=[False, True]).head(n)
    return out[
        ["task", "item_id", "article_id", "span", "question", "answers", "tally", "kit", "disagreement"]
    ].reset_index(drop=True)


def show_disagreements(
    folder, n: int = 8, include_kit: bool = True, path=None, *, task: str | None = None, names: bool = False
):
    """The most disagreed items (see :func:`most_disagreed`) as a readable table, text escaped.

    By default the participants' answers are shown as a tally per code ("rejects ×3 ·
    opposes ×2"), so that a room discusses the categories, not the people; ``names=True``
    lists who chose what.

    Parameters
    ----------
    folder : str or Path
        The folder of participant files.
    n : int
        How many items to show.
    include_kit : bool
        Count the kit's coding as one more coder, shown in its own column.
    path : str or Path, optional
        The corpus folder.
    task : str, optional
        Only this task.
    names : bool
        Show each participant's name with their answer instead of the tally.

    Returns
    -------
    IPython.display.HTML
        Columns item, article, question, the words judged, the participants' answers (tally or
        names), the kit's code (with ``include_kit``), disagreement.

    Examples
    --------
    >>> table = show_disagreements(core.data_dir() / "coding_round" / "examples", n=1).data.replace("<wbr>", "")
    >>> "st04" in table, "assesses_negative ×1" in table, "participant-a" in table
    (True, True, False)
    """
    d = most_disagreed(folder, n=n, include_kit=include_kit, path=path, task=task)
    if names:
        d = d.assign(
            tally=[
                "; ".join(a for a in answers.split("; ") if not (include_kit and a.startswith("kit: ")))
                for answers in d["answers"]
            ]
        )
    d = d.rename(columns={"tally": "participants' answers", "kit": "kit's code"})
    cols = ["item_id", "article_id", "question", "span", "participants' answers"] + (
        ["kit's code"] if include_kit else []
    )
    return core.html_table(d[cols + ["disagreement"]])


@corpus_first
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
    >>> "Peskov" in in_context(None, "We only evaluate statements made by President Putin").data
    True
    """
    k = core.kwic(text, path, window=window)
    if k.empty:  # e.g. a passage of the kit's own articles, on another corpus: helpers shows a notice
        raise NotCodedError(
            Problem(
                "articles.csv",
                "",
                f"no article of the corpus in use contains {text!r} (an example about the kit's own articles)",
                "try helpers.in_context(corpus, 'a phrase from one of your articles')",
            )
        )
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
        return core.HTML(
            "<p><i>This round's sample (<code>coding_round/sample.csv</code>) has no generic-frame "
            "questions, so there is no article to read for them.</i></p>"
        )
    return core.show_article(ids[0], path=path)


# --------------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------------

_TASK_LABELS = {"stance": "Stance", "generic_frames": "Generic frames", "speaker_type": "Speaker type"}
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MARK = "background:#ffe08a;padding:0 0.15em;border-bottom:2px solid #b8860b"


def _date_label(value: str) -> str:
    """``2025-05-14`` as ``14 May 2025`` (anything else unchanged)."""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", str(value))
    if not m or not 1 <= int(m.group(2)) <= 12:
        return str(value)
    return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


def _item_context(sample: pd.DataFrame, path=None) -> dict:
    """For each item: where it is (outlet, date, paragraph) and its sentence as HTML, span marked.

    Items without a span (the generic-frame questions) get the article only. Everything escaped.
    """
    arts = core.load_articles(path).set_index("article_id")
    paras = core.paragraphs(path, articles=arts.reset_index())
    with_span = sample[sample.start >= 0]
    sents = dict(zip(with_span.item_id, core.enclosing_sentences(with_span, path, articles=arts.reset_index())))
    out = {}
    for r in sample.itertuples():
        art = arts.loc[r.article_id] if r.article_id in arts.index else None
        where = f"{art.outlet}, {_date_label(art.published)}" if art is not None else r.article_id
        ctx = {"where": where, "headline": str(art.headline) if art is not None else "", "sentence": ""}
        if r.start >= 0:
            p = paras[(paras.article_id == r.article_id) & (paras.start <= r.start) & (paras.end > r.start)]
            if len(p):
                ctx["where"] += f", ¶{int(p.para_no.iloc[0])}"
            sentence = sents.get(r.item_id, "") or r.span
            i = sentence.find(r.span)
            if i < 0:
                ctx["sentence"] = f"{html.escape(sentence)} <b>({html.escape(r.span)})</b>"
            else:
                ctx["sentence"] = (
                    html.escape(sentence[:i])
                    + f"<mark style='{_MARK}'><b>"
                    + html.escape(r.span)
                    + "</b></mark>"
                    + html.escape(sentence[i + len(r.span) :])
                )
        out[r.item_id] = ctx
    return out


def _task_intro(task: str, group: pd.DataFrame, ctx: dict) -> str:
    """What a task's items are about, said once: the whole article, or "words in their sentence"."""
    codes = set(group.allowed_codes)
    line = f"Codes: {html.escape(codes.pop())}. " if len(codes) == 1 else ""
    if (group.start < 0).all():
        ids = list(dict.fromkeys(group.article_id))
        arts = "; ".join(
            f"<b>{html.escape(ctx[group.item_id[group.article_id == a].iloc[0]]['where'])}</b>, "
            f"&ldquo;{html.escape(ctx[group.item_id[group.article_id == a].iloc[0]]['headline'])}"
            "&rdquo;"
            for a in ids
        )
        return (
            f"<p>These {len(group)} questions are about one whole article: {arts}. Read it first (it is shown "
            f"above the form). {line}</p>"
        )
    return (
        f"<p>Each item shows the words to judge (marked) inside their sentence, with the outlet, the date and "
        f"the paragraph they come from. {line}</p>"
    )


def _item_block(r, ctx: dict) -> str:
    c = ctx.get(r.item_id, {"where": r.article_id, "sentence": ""})
    where = "" if r.start < 0 else f" <span style='color:#444'>· {html.escape(c['where'])}</span>"
    sentence = (
        (
            f"<div class='kit-evidence' style='font-size:var(--jp-content-font-size1, 1em);line-height:1.45;margin:0.2em 0 0.2em 0.8em;"
            f"border-left:3px solid #999;padding-left:0.6em'>{c['sentence']}</div>"
        )
        if c["sentence"]
        else ""
    )
    return f"<div><b>{html.escape(r.item_id)}</b>{where}{sentence}<div>{html.escape(r.question)}</div></div>"


def _items_html(sample: pd.DataFrame, ctx: dict | None = None) -> str:
    """The items as static HTML, one section per task (every text escaped), for paper and handouts."""
    ctx = ctx or {}
    out = [
        "<div class='kit-form'>",
        (
            "<p><i>The coding form needs a running notebook (JupyterLab). Here are its items; you can also answer "
            "them on paper or in a coding sheet made with <code>helpers.write_template</code>.</i></p>"
        ),
    ]
    for task, group in sample.groupby("task", sort=False):
        group = group.reset_index(drop=True)
        if "start" not in group:
            group = group.assign(start=[0 if s else -1 for s in group.span])
        out.append(
            f"<h4>{html.escape(_TASK_LABELS.get(task, task))} ({len(group)} items): "
            f"{html.escape(TASKS.get(task, ''))}</h4>"
        )
        out.append(
            _task_intro(
                task,
                group,
                {i: ctx.get(i, {"where": a, "headline": ""}) for i, a in zip(group.item_id, group.article_id)},
            )
        )
        several = len(set(group.allowed_codes)) > 1
        out.append("<ol style='padding-left:1.2em'>")
        for r in group.itertuples():
            codes = f"<div><small>codes: {html.escape(r.allowed_codes)}</small></div>" if several else ""
            if not ctx and r.span:
                c = {r.item_id: {"where": r.article_id, "sentence": f"<q>{html.escape(r.span)}</q>"}}
            else:
                c = ctx
            out.append(
                f"<li style='margin-bottom:0.5em;list-style:none'>{_item_block(r, c)}{codes}"
                "<div>Your answer: ____________________</div></li>"
            )
        out.append("</ol>")
    out.append("</div>")
    return "\n".join(out)


def _room_line(participant: str, answers: dict, order: list[str]) -> str:
    """One participant's answers as one line of text to paste where the facilitator collects them.

    Examples
    --------
    >>> _room_line("Олена", {"st02": "demands", "st01": "proposes", "st03": ""}, ["st01", "st02", "st03"])
    'coding-round | Олена | st01=proposes st02=demands | 2 answers'
    """
    pairs = [f"{i}={answers[i]}" for i in order if answers.get(i)]
    return f"coding-round | {_clean_name(participant)} | {' '.join(pairs)} | {len(pairs)} answers"


_ROOM_LINE = re.compile(r"coding-round\s*\|\s*(?P<name>[^|\n]*?)\s*\|(?P<codes>[^|]*)\|\s*(?P<n>\d+)\s+answers?")
_PAIR = re.compile(r"([^\s=|]+)=([^\s=|;,]+)")


def _parse_room_lines(text: str, allowed: dict) -> list[dict]:
    """Every participant line in a pasted text: name, answers, and what is wrong with it."""
    found = []
    for m in _ROOM_LINE.finditer(text):
        who = _clean_name(m.group("name"))
        answers, problems = {}, []
        for item, code in _PAIR.findall(m.group("codes")):
            code = code.strip().lower()
            if item not in allowed:
                problems.append(f"unknown item {item!r}")
            elif code not in allowed[item]:
                problems.append(f"the code {code!r} is not allowed for item {item}")
            else:
                answers[item] = code
        declared = int(m.group("n"))
        if not problems and declared != len(answers):
            problems.append(f"the line is incomplete ({declared} answers announced, {len(answers)} found)")
        if not who:
            problems.append("the name is empty")
        found.append(
            {"line": text.count("\n", 0, m.start()) + 1, "participant": who, "answers": answers, "problems": problems}
        )
    return found


def _free_name(who: str, taken) -> str:
    """``who``, or ``who (2)``, ``who (3)``, ... : the first name not in ``taken``."""
    n, name = 1, who
    while name in taken:
        n += 1
        name = f"{who} ({n})"
    return name


def _sheet_codes(f: Path) -> dict:
    try:
        df = _read_sheet(f)
    except KitDataError:
        return {}
    return {
        str(i).strip(): str(c).strip().lower()
        for i, c in zip(df.get("item_id", []), df.get("code", []))
        if str(c).strip()
    }


def collect_pasted(text, out_dir=None, path=None) -> pd.DataFrame:
    """Turn the answer lines a room has pasted into one place into one coding sheet each.

    The coding form shows each participant one line, ``coding-round | name | st01=proposes ...
    | 12 answers``. Participants paste it wherever the room can share text (the chat of a video
    call, a shared document, an e-mail to the facilitator); the facilitator copies everything
    that was pasted, chat names and times included, and gives it to this function. No USB stick
    and no shared folder are needed.

    Nothing is ever lost or overwritten: a line identical to a sheet already in the folder is
    skipped ("already collected"); a second, different line under a name already collected is
    saved as ``name (2)`` and the status says so (two people with one name, or one person who
    changed answers: the facilitator decides and deletes the extra sheet).

    Parameters
    ----------
    text : str or Path
        The pasted text, or a text file holding it.
    out_dir : str or Path, optional
        Where the sheets are written (default ``participant-notes/coding-round/``).
    path : str or Path, optional
        The corpus folder whose sample the answers belong to.

    Returns
    -------
    pandas.DataFrame
        One row per line found: ``line`` (where it starts in the pasted text), ``participant``
        (as saved), ``answers``, ``file`` and ``status``. A line with an unknown item, a code
        that is not allowed or missing answers (a line cut by a chat program) is not saved; its
        status names the problem and the fix.

    Examples
    --------
    >>> import tempfile
    >>> room = tempfile.mkdtemp()
    >>> pasted = '''[09:14] Олена: coding-round | Олена | st01=proposes st02=demands | 2 answers
    ... [09:15] Dmytro: coding-round | Дмитро | st01=supports | 1 answers'''
    >>> collect_pasted(pasted, room)[["participant", "answers", "file", "status"]].values.tolist()
    [['Олена', 2, 'Олена.csv', 'new sheet'], ['Дмитро', 1, 'Дмитро.csv', 'new sheet']]
    """
    if isinstance(text, Path) or (isinstance(text, str) and "\n" not in text and text.endswith(".txt")):
        text = Path(text).read_text(encoding="utf-8")
    folder = Path(out_dir) if out_dir is not None else NOTES_DIR / "coding-round"
    _refuse_data_folder(folder / "x.csv", path)
    sample = coding_sample(path)
    allowed = {r.item_id: set(_split_codes(r.allowed_codes)) for r in sample.itertuples()}
    owners = _sheets(folder) if folder.is_dir() else {}
    rows = [_collect_one(entry, folder, owners, sample) for entry in _parse_room_lines(str(text), allowed)]
    if not rows:
        raise KitDataError(
            Problem(
                "the pasted text",
                "",
                "no answer line found",
                "paste the lines that start with 'coding-round |', as the form shows them",
            )
        )
    return pd.DataFrame(rows, columns=["line", "participant", "answers", "file", "status"])


def _collect_one(entry: dict, folder: Path, owners: dict, sample: pd.DataFrame) -> tuple:
    """Save one pasted line as a sheet (``owners``, the folder's sheets, is updated)."""
    who, answers = entry["participant"], entry["answers"]
    if entry["problems"]:
        return (
            entry["line"],
            who,
            len(answers),
            "",
            "NOT SAVED: "
            + "; ".join(entry["problems"])
            + ". Fix: ask the participant to copy the whole line from the form again",
        )
    status = "new sheet"
    if who in owners:
        if _sheet_codes(owners[who]) == answers:
            return (entry["line"], who, len(answers), owners[who].name, "already collected")
        name = _free_name(who, owners)
        status = (
            f"saved as {name!r}: differs from the sheet already collected for {who!r} (two people with one "
            "name, or changed answers: keep one and delete the other)"
        )
        who = name
    f = sheet_path(who, folder)
    if f.exists():  # never over an existing file (sheet_path only returns one for its owner)
        raise KitDataError(Problem(f.name, "", "a sheet of this name exists", "collect into an empty folder"))
    _write_atomic(f, _sheet_text(who, answers, sample))
    owners[who] = f
    return (entry["line"], who, len(answers), f.name, status)


class _Form:
    """The live coding form: one participant at a time, answers saved on every change.

    States: no participant (items locked, name box empty) -> asked (a sheet with this name
    exists: continue it, or be someone else) -> answering (every change rewrites the sheet).
    A sheet changed on disk by anything else since it was loaded is never overwritten.
    """

    def __init__(
        self,
        sample: pd.DataFrame,
        out_dir: Path,
        path=None,
        ctx: dict | None = None,
        full_sample: pd.DataFrame | None = None,
    ):
        import ipywidgets as widgets

        self.w = widgets
        self.sample, self.out_dir, self.path = sample, out_dir, path
        self.full_sample = sample if full_sample is None else full_sample  # what the sheet holds
        self.order = sample.item_id.tolist()
        self.who, self.file, self.digest, self.notes, self.kept = "", None, None, {}, {}
        self._quiet = False
        self.name = widgets.Text(
            description="Your name",
            placeholder="a name or a pseudonym, then Enter",
            continuous_update=False,
            layout=widgets.Layout(width="26em"),
            style={"description_width": "initial"},
        )
        self.name.add_class("kit-name")
        self.start_button = widgets.Button(description="Start", button_style="primary")
        self.yes = widgets.Button(
            description="Yes, it is mine: continue it", button_style="success", layout=widgets.Layout(width="auto")
        )
        self.no = widgets.Button(description="No, I am someone else", layout=widgets.Layout(width="auto"))
        self.ask = widgets.HBox([self.yes, self.no], layout=widgets.Layout(display="none"))
        self.clear = widgets.Button(
            description="Clear for the next person",
            icon="user-plus",
            layout=widgets.Layout(width="auto"),
            disabled=True,
        )
        self.status, self.counter = widgets.HTML(), widgets.HTML()
        self.status.add_class("kit-status")
        self.counter.add_class("kit-count")
        self.line = widgets.Textarea(
            layout=widgets.Layout(width="100%", height="4.5em"), placeholder="your answers as one line appear here"
        )
        self.line.add_class("kit-line")
        self.picks, boxes = {}, {}
        ctx = ctx or {}
        for task, group in sample.groupby("task", sort=False):
            children = [widgets.HTML(_task_intro(task, group.reset_index(drop=True), ctx))]
            for r in group.itertuples():
                pick = widgets.Dropdown(
                    options=[("(not answered)", "")] + [(c, c) for c in _split_codes(r.allowed_codes)],
                    value="",
                    disabled=True,
                    layout=widgets.Layout(width="22em"),
                )
                pick.observe(self._changed, names="value")
                self.picks[r.item_id] = pick
                item = widgets.VBox(
                    [widgets.HTML(_item_block(r, ctx)), pick], layout=widgets.Layout(margin="0 0 0.8em 0")
                )
                item.add_class(f"kit-item-{re.sub(r'[^A-Za-z0-9_-]', '_', r.item_id)}")
                children.append(item)
            boxes[task] = widgets.VBox(children)
        self.boxes = boxes
        self.items = widgets.VBox([next(iter(boxes.values()))] if boxes else [])
        labels = [(f"{_TASK_LABELS.get(t, t)} ({len(g)})", t) for t, g in sample.groupby("task", sort=False)]
        self.task = widgets.ToggleButtons(
            options=labels,
            description="Task",
            style={"button_width": "auto"},
            layout=widgets.Layout(display="flex" if len(labels) > 1 else "none"),
        )
        self.task.observe(lambda ch: setattr(self.items, "children", [self.boxes[ch["new"]]]), names="value")
        self.name.observe(lambda ch: self.begin(ch["new"]), names="value")
        self.start_button.on_click(lambda _: self.begin(self.name.value))
        self.yes.on_click(lambda _: self._continue())
        self.no.on_click(lambda _: self._someone_else())
        self.clear.on_click(lambda _: self.reset())
        self.reset(first=True)

    # ---------------------------------------------------------------------------------- layout
    def widget(self):
        w = self.w
        hand_in = w.VBox(
            [
                w.HTML(
                    "<p style='margin:0.3em 0 0'>Hand in without a shared folder: copy this line and "
                    "paste it where your facilitator asks (chat, shared document).</p>"
                ),
                self.line,
            ]
        )
        return w.VBox(
            [
                w.HBox([self.name, self.start_button]),
                self.ask,
                self.status,
                self.counter,
                self.task,
                self.items,
                hand_in,
                self.clear,
            ],
            layout=w.Layout(max_width="60em"),
        )

    # ----------------------------------------------------------------------------------- state
    def answers(self) -> dict:
        """The shown items' answers (a code the list does not offer, read from the sheet, is kept)."""
        return {i: (p.value or self.kept.get(i, "")) for i, p in self.picks.items()}

    def sheet_answers(self) -> dict:
        """Everything the sheet holds: the shown items and the other tasks' answers, kept as read."""
        return {**self.kept, **{i: v for i, v in self.answers().items() if v}}

    def _lock(self, locked: bool) -> None:
        for p in self.picks.values():
            p.disabled = locked
        self.clear.disabled = locked

    def _set_values(self, codes: dict) -> None:
        self._quiet = True
        try:
            self.kept = {i: c for i, c in codes.items() if i not in self.picks}
            for i, p in self.picks.items():
                code = codes.get(i, "")
                if code and code not in {v for _, v in p.options}:
                    self.kept[i], code = code, ""
                p.value = code
        finally:
            self._quiet = False

    def _count(self) -> None:
        answers = self.answers()
        parts = []
        for task, group in self.sample.groupby("task", sort=False):
            done = sum(bool(answers[i]) for i in group.item_id)
            parts.append(f"{_TASK_LABELS.get(task, task).lower()} {done} of {len(group)}")
        total = sum(bool(v) for v in answers.values())
        detail = f" ({' · '.join(parts)})" if len(parts) > 1 else ""
        self.counter.value = f"<b class='kit-counter'>{total} of {len(answers)} answered</b>{detail}"
        self.line.value = _room_line(self.who, answers, self.order) if self.who else ""

    def _where(self) -> str:
        return f"<code>{html.escape(self.out_dir.name)}/{html.escape(self.file.name)}</code>"

    def reset(self, first: bool = False) -> None:
        """Empty the form for the next person (what was answered is already saved)."""
        before, n = self.who, sum(bool(v) for v in self.answers().values())
        self.who, self.file, self.digest, self.notes = "", None, None, {}
        self._lock(True)
        self._set_values({})
        self.ask.layout.display = "none"
        self._quiet = True
        self.name.value = ""
        self._quiet = False
        self._count()
        if first or not before:
            self.status.value = "<b>Type your name (or a pseudonym) and press Enter</b> to start or to continue."
        else:
            self.status.value = (
                f"{html.escape(before)}'s answers ({n}) are saved. The form is empty: <b>next "
                "person, type your name and press Enter</b>."
            )

    def begin(self, typed: str) -> None:
        who = _clean_name(typed)
        if self._quiet or (who and who == self.who):
            return
        if self.who:  # another name typed while answering: start afresh for that name
            self.reset()
        if not who:
            self.status.value = "<b>Type your name (or a pseudonym) first.</b>"
            return
        f = sheet_path(who, self.out_dir)
        if f.exists() and _sheet_owner(f) == who:
            self.pending = (who, f)
            self.ask.layout.display = "flex"
            self.status.value = (
                f"A sheet for <b>{html.escape(who)}</b> already exists ({_answered(f)} of "
                f"{len(self.order)} answered). <b>Is it yours?</b>"
            )
            return
        self._open(who, f, {})

    def _continue(self) -> None:
        who, f = self.pending
        self._open(who, f, _sheet_codes(f), notes=self._notes(f))

    def _someone_else(self) -> None:
        who, _ = self.pending
        name = _free_name(who, _sheets(self.out_dir) if self.out_dir.is_dir() else {})
        self._quiet = True
        self.name.value = name
        self._quiet = False
        self._open(name, sheet_path(name, self.out_dir), {})

    @staticmethod
    def _notes(f: Path) -> dict:
        try:
            df = _read_sheet(f)
        except KitDataError:
            return {}
        if "note" not in df:
            return {}
        return {str(i).strip(): str(n) for i, n in zip(df.item_id, df.note) if str(n).strip()}

    def _open(self, who: str, f: Path, codes: dict, notes: dict | None = None) -> None:
        self.ask.layout.display = "none"
        self.who, self.file, self.notes = who, f, notes or {}
        self.digest = _digest(f) if f.exists() else None
        self._set_values(codes)
        self._lock(False)
        self._count()
        n = sum(bool(v) for v in self.answers().values())
        back = f"Welcome back: your {n} answer(s) are loaded. " if n else ""
        self.status.value = (
            f"Answering as <b>{html.escape(who)}</b>. {back}Every answer is saved at once in {self._where()}."
        )

    def _changed(self, change) -> None:
        if self._quiet or not self.who:
            return
        self.kept.pop(next((i for i, p in self.picks.items() if p is change["owner"]), ""), None)
        self.save()

    def save(self) -> bool:
        """Write the sheet; refuse (and say so) if it changed on disk since it was loaded."""
        if self.file.exists() and _digest(self.file) != self.digest:
            self._lock(True)
            self.status.value = (
                f"<b style='color:#a00'>Not saved: {self._where()} was changed by another form or "
                "program since you opened it.</b> Nothing was overwritten. Type your name again "
                "to load the latest answers."
            )
            self.who = ""
            return False
        _write_atomic(self.file, _sheet_text(self.who, self.sheet_answers(), self.full_sample, self.notes))
        self.digest = _digest(self.file)
        self._count()
        n = sum(bool(v) for v in self.answers().values())
        self.status.value = f"Answering as <b>{html.escape(self.who)}</b>: {n} answer(s) saved in {self._where()}."
        return True


def _digest(f: Path) -> str:
    import hashlib

    return hashlib.sha256(f.read_bytes()).hexdigest()


def coding_form(participant: str = "", path=None, *, out_dir=None, task: str | None = None):
    """The on-screen coding form: one task at a time, every answer saved the moment it is chosen.

    Each participant types a name (any script: ``Олена``, ``Ελένη``, ``李娜``) and presses
    Enter. If the folder already has a sheet under that name, the form asks whether it is
    theirs: *yes* loads the answers back (after a kernel restart, on another day), *no* starts
    a new sheet as ``name (2)``. Each choice is written at once to the participant's own file
    (see :func:`sheet_path`; two participants never share a file), so closing the tab,
    re-running the cell or restarting the kernel loses nothing, and a sheet is never replaced
    by an empty form. *Clear for the next person* empties the form on a shared computer. The
    form counts the answers ("12 of 50 answered") and shows them as one line to paste for
    :func:`collect_pasted`. Saved notebooks and HTML handouts show the items as static text
    instead of the live form.

    Parameters
    ----------
    participant : str
        A name to start with (as if typed in the name box).
    path : str or Path, optional
        The corpus folder whose sample is coded.
    out_dir : str or Path, optional
        Where the sheets are written (default: ``participant-notes/coding-round/`` at the kit's
        root, which git ignores). A folder every participant's computer can write to (a shared
        drive, the same JupyterHub) collects the whole room at once. Never inside ``data/``.
    task : str, optional
        Show only this task's items: ``"stance"`` (15 items), ``"generic_frames"`` (20) or
        ``"speaker_type"`` (15), for a group short of time. Without it, buttons switch between
        the tasks, one at a time.

    Returns
    -------
    object
        Displays as the form (live) or as the items in HTML (saved or exported). Its ``form``
        attribute is the live form (for tests and scripts).

    Examples
    --------
    >>> form = coding_form(task="stance")
    >>> "st15" in form._repr_mimebundle_()["text/html"]
    True
    """
    full = sample = coding_sample(path)
    if task is not None:
        if task not in TASKS:
            raise ValueError(f"unknown task {task!r}: use one of {', '.join(TASKS)}")
        sample = sample[sample.task == task].reset_index(drop=True)
    out_dir = Path(out_dir) if out_dir is not None else NOTES_DIR / "coding-round"
    _refuse_data_folder(out_dir / "x.csv", path)
    ctx = _item_context(sample, path)
    form = _Form(sample, out_dir, path, ctx, full_sample=full)
    if participant:
        form.name.value = participant
    label = f"Coding form: {len(sample)} items (run the notebook in JupyterLab to use it)"
    view = core.WidgetView(form.widget(), _items_html(sample, ctx), label)
    view.form = form
    return view


# --------------------------------------------------------------------------------------------
# Participant notes
# --------------------------------------------------------------------------------------------


def _md_cell(v) -> str:
    return str(v).replace("|", "\\|").replace("\n", " ")


def _notes_file(folder: Path, who: str) -> Path:
    """``<name>-notes.md`` in the participant's own script; ``-2``, ``-3``, ... if another participant has it."""
    stem = _file_stem(who) if who else "my"
    n, name = 1, f"{stem}-notes.md"
    while (folder / name).exists():
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        if f"Participant: {who}" in lines[:4] or (
            not who and not any(ln.startswith("Participant: ") for ln in lines[:4])
        ):
            break  # this participant's own notes: updated
        n += 1
        name = f"{stem}-notes-{n}.md"
    return folder / name


def participant_notes(answers, path=None, *, participant: str = "", title: str = "My notes") -> Path:
    """Save a participant's answers to a Markdown file they can take away.

    Parameters
    ----------
    answers : dict or DataFrame
        ``{question: answer}`` (each becomes a section), or a table (written as a Markdown
        table).
    path : str or Path, optional
        The file to write, or a folder to write ``<participant>-notes.md`` into (the name kept
        in its own script; ``-notes-2.md`` if another participant's notes already have that
        name, so nobody's notes are overwritten by someone else's). Default: the folder
        ``participant-notes/`` at the kit's root, which git ignores. Never inside ``data/``.
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
    who = _clean_name(participant)
    target = Path(path) if path is not None else NOTES_DIR
    if target.suffix.lower() != ".md":
        target = _notes_file(target, who)
    _refuse_data_folder(target)
    lines = [f"# {title}", ""]
    if who:
        lines += [f"Participant: {who}", ""]
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
        words = [
            w
            for w in core.tokenize(" ".join(group["text"]))
            if len(w) >= 4 and w.isalpha() and w not in STOP_WORDS and w not in _DULL_WORDS
        ]
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
    note = (
        '<p class="kit-other-corpus" style="font-family:sans-serif;font-size:0.9em;max-width:52em;'
        'border-left:4px solid #E69F00;background:#fff7e0;padding:0.3em 0.8em">'
        "<i>On the kit's own corpus this example highlights phrases of one of its five articles. Your corpus "
        "does not have that article, so here is your first article (by date) without them.</i></p>"
    )
    return core.HTML(note + view.data)
