"""Foundations: the corpus, its metadata, paragraphs, sentences, spans and the reading view.

Every other layer of the kit (sourcing, framing, positions, claims, teaching) builds on the
functions here. All of them take an optional ``data_dir``; without it they use the environment
variable ``KIT_DATA_DIR`` if set, else the ``data/`` folder next to this package.

A corpus folder holds:

* ``articles.csv`` -- one row per article (required columns: ``article_id``, ``file``,
  ``outlet``, ``headline``, ``published``);
* ``articles/<file>`` -- the article texts, UTF-8 plain text, one paragraph per line;
* optionally ``articles.sha256`` (checksums), ``article_provenance.csv`` (how sure each fact is),
  ``record.csv`` with ``timeline.csv`` (the timeline) and ``annotations/paragraph_roles.csv``.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

import kit.style  # noqa: F401  (the kit's chart defaults, set once on import)
from kit.corpus import cached, corpus_first

__all__ = [
    "KitDataError",
    "NotCodedError",
    "Problem",
    "read_annotation",
    "data_dir",
    "REQUIRED_COLUMNS",
    "OPTIONAL_COLUMNS",
    "ROLES",
    "TEXT_ROLES",
    "read_article_file",
    "read_csv_checked",
    "article_file_problem",
    "check_corpus",
    "load_articles",
    "article_text",
    "paragraphs",
    "sentences",
    "locate",
    "verify_spans",
    "enclosing_sentences",
    "show_article",
    "kwic",
    "provenance",
    "corpus_card",
    "corpus_summary",
    "inferred_metadata",
    "paragraph_roles",
    "events",
    "plot_timeline",
    "tokenize",
    "STOP_WORDS",
    "html_table",
    "SHOW_MAX_CHARS",
    "TABLE_MAX_ROWS",
    "TABLE_MAX_CELL",
]

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = PACKAGE_DIR.parent / "data"
ENV_VAR = "KIT_DATA_DIR"

REQUIRED_COLUMNS = ["article_id", "file", "outlet", "headline", "published"]
OPTIONAL_COLUMNS = [
    "published_time",
    "timing",
    "country",
    "ownership",
    "language_edition",
    "url",
    "author",
    "seed_file",
]

#: Paragraph roles. Only ``body`` paragraphs are read by the sentence-level analyses.
ROLES = {
    "headline": "the article's title",
    "standfirst": "the summary line under the headline",
    "body": "the article's running text",
    "caption": "a photo caption or photo credit",
    "label": "a label line: section name, section heading, dateline, byline or header field "
    "(e.g. 'WORLD / EUROPE', 'Published: ...', 'By Jane Doe', 'SOURCE: https://...')",
    "link": "a link or 'Read more' line",
    "furniture": "other page furniture (separators, repeated elements)",
}
#: Roles that carry the outlet's own words (used by ``kwic`` by default).
TEXT_ROLES = ("headline", "standfirst", "body")


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One problem found in a corpus folder: where it is, what is wrong, how to fix it."""

    file: str
    row: str
    problem: str
    fix: str

    def __str__(self) -> str:
        where = self.file + (f", {self.row}" if self.row else "")
        return f"{where}: {self.problem}. Fix: {self.fix}"


class KitDataError(ValueError):
    """Bad data in the corpus or an annotation file.

    The message names the file, the row and the fix. ``problems`` holds every
    :class:`Problem` found, so that one error can report several at once.
    """

    def __init__(self, problems):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        lines = [str(p) for p in self.problems]
        if len(lines) == 1:
            msg = lines[0]
        else:
            msg = f"{len(lines)} problems found:\n" + "\n".join(f"  - {line}" for line in lines)
        super().__init__(msg)


class NotCodedError(KitDataError):
    """The corpus has no annotation file for a hand-coded layer yet (e.g. a teacher's own articles).

    Notebooks catch it and show a notice ("not yet coded for this corpus") instead of failing. With
    ``example=True`` the layer is there but lacks what an example of the kit's own names (a numbered
    difference): the notice then says the example is skipped.
    """

    def __init__(self, problems, *, example: bool = False):
        super().__init__(problems)
        self.example = example


def _err(file, row, problem, fix) -> KitDataError:
    return KitDataError(Problem(str(file), row, problem, fix))


# --------------------------------------------------------------------------------------------
# Paths and reading
# --------------------------------------------------------------------------------------------


def data_dir(path=None) -> Path:
    """Return the corpus folder to use.

    Parameters
    ----------
    path : str or Path, optional
        An explicit folder. If omitted, the environment variable ``KIT_DATA_DIR`` is used
        if set, else the kit's own ``data/`` folder (found from this module's location,
        never from the current directory).

    Returns
    -------
    pathlib.Path
        The resolved folder.

    Examples
    --------
    >>> data_dir().name
    'data'
    >>> (data_dir() / "articles.csv").exists()
    True
    """
    if hasattr(path, "folder") and hasattr(path, "layer"):  # a Corpus
        return path.folder
    if path is None:
        path = os.environ.get(ENV_VAR) or DEFAULT_DATA_DIR
    return Path(path).expanduser().resolve()


def _display(path: Path, base: Path) -> str:
    """A short, machine-independent name for a file in messages."""
    try:
        return str(path.relative_to(base.parent))
    except ValueError:
        return path.name


# --- Confinement: nothing outside the corpus folder is ever read. -----------------------------
#
# Every file the kit reads from a corpus goes through one of two checks:
#
# * an article file named in ``articles.csv`` must be a plain file name (no folder, no ``..``,
#   not absolute) of a file that, with every link followed, lies inside the corpus's
#   ``articles/`` folder, which itself must lie inside the corpus folder
#   (:func:`article_file_problem`);
# * any other file (``articles.csv``, annotation files, ``record.csv``, coding-round files,
#   ``articles.sha256``) must, with every link followed, lie inside the corpus folder, or, when
#   read without a corpus folder, inside the folder it was found in (:func:`_outside`).
#
# Decided: a symbolic link is judged by where it leads. A link to a file inside ``articles/``
# (e.g. two names for one file) is read like that file; a link that leads anywhere else is
# refused. The corpus folder itself (``KIT_DATA_DIR`` or the folder passed) is what the user
# chose; it is resolved once, and everything is confined to the resolved folder.

_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_ARTICLE_FILE_FIX = (
    "write only the file's name (e.g. 'outlet-2024-03-04.txt') and put the file itself in the corpus's articles/ folder"
)
_LINK_FIX = "replace the link by a copy of the file itself (the kit reads only files inside the corpus folder)"


def _inside(path: Path, folder: Path) -> bool:
    """True if ``path``, with every link followed, lies inside ``folder`` (also resolved).

    A path written under ``folder`` none of whose parts below it is a link is inside, whatever
    ``folder`` itself resolves to (a quick test, one ``lstat`` per part); anything else is
    resolved in full.
    """
    p, f = os.fspath(path), os.fspath(folder).rstrip(os.sep)
    if p.startswith(f + os.sep):
        parts = p[len(f) + 1 :].split(os.sep)
        if ".." not in parts:
            step = f
            for part in parts:
                step = step + os.sep + part
                if os.path.islink(step):
                    break
            else:
                return True
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _outside(path: Path, folder: Path, name: str) -> KitDataError | None:
    """The error for a file that leads outside ``folder`` (through a link), or None."""
    if _inside(path, folder):
        return None
    return _err(name, "", "the file is a link to a file outside the corpus folder", _LINK_FIX)


def _file_name_problem(fname: str) -> str | None:
    """Why a ``file`` value of articles.csv is not a plain file name, or None if it is one."""
    if fname.startswith(("/", "\\")) or _DRIVE_RE.match(fname):
        return f"the file {fname!r} is an absolute path; only files in the corpus's articles/ folder are read"
    parts = re.split(r"[\\/]", fname)
    if ".." in parts:
        return f"the file {fname!r} goes up out of the articles/ folder ('..'); only files in it are read"
    if len(parts) > 1:
        return f"the file {fname!r} names a subfolder; the kit reads files directly in articles/ only"
    if fname == "." or any(ord(c) < 32 for c in fname):
        return f"the file {fname!r} is not a file name"
    return None


def article_file_problem(base, fname: str, row: str = "") -> Problem | None:
    """Why ``articles/<fname>`` of corpus ``base`` may not be read, or None if it may.

    Refused: an empty name, an absolute path, ``..``, a subfolder, a name that leads (through a
    symbolic link, or an ``articles/`` folder that is itself a link) outside the corpus's
    ``articles/`` folder, a missing file, a folder. Nothing outside the corpus is opened to decide.

    Parameters
    ----------
    base : str or Path
        The corpus folder.
    fname : str
        The ``file`` value from ``articles.csv``.
    row : str
        Where the value is (e.g. ``"line 3"``), for the message.

    Returns
    -------
    Problem or None

    Examples
    --------
    >>> article_file_problem(data_dir(), "cgtn-2025-05-14.txt") is None
    True
    >>> print(article_file_problem(data_dir(), "../../etc/passwd", "line 2"))  # doctest: +ELLIPSIS
    articles.csv, line 2: the file '../../etc/passwd' goes up out of the articles/ folder ('..'); ... Fix: write only ...
    """
    base = Path(base).resolve()
    name = "articles.csv"
    fname = fname.strip()
    if not fname:
        return Problem(name, row, "the file column is empty", "write the name of the .txt file in the articles/ folder")
    bad = _file_name_problem(fname)
    if bad:
        return Problem(name, row, bad, _ARTICLE_FILE_FIX)
    art_dir = base / "articles"
    if not _inside(art_dir, base):
        return Problem(
            "articles/",
            "",
            "the articles/ folder is a link to a folder outside the corpus folder",
            "make articles/ a real folder inside the corpus folder and copy the article files into it",
        )
    fpath = art_dir / fname
    if not _inside(fpath, art_dir):
        return Problem(name, row, f"articles/{fname} is a link to a file outside the articles/ folder", _LINK_FIX)
    if not fpath.exists():
        return Problem(
            name,
            row,
            f"the file articles/{fname} does not exist",
            "put the .txt file in the articles/ folder or correct the name",
        )
    if not fpath.is_file():
        return Problem(
            name, row, f"articles/{fname} is a folder or a special file, not a file", "name a .txt file in articles/"
        )
    return None


def read_article_file(path, *, base=None) -> str:
    """Read one article file as text, refusing empty or non-UTF-8 files with a clear message.

    A UTF-8 byte-order mark is accepted and dropped; line endings are kept as they are
    (character offsets always refer to the text this function returns).

    Parameters
    ----------
    path : str or Path
        The ``.txt`` file.
    base : Path, optional
        The corpus folder, used only to name the file in messages.

    Returns
    -------
    str
        The text.

    Raises
    ------
    KitDataError
        If the file is missing, empty, or not valid UTF-8 (UTF-16 with or without a byte-order
        mark, a PDF, Word or RTF document, NUL bytes and Windows-1252 are named as such); if it
        has old Mac line endings (CR only); or if it leads (through a symbolic link) outside
        ``base`` (or, without ``base``, outside the folder it is in).

    Examples
    --------
    >>> text = read_article_file(data_dir() / "articles" / "cgtn-2025-05-14.txt")
    >>> text[:33]
    'A Ukrainian tank crew of the 33rd'
    """
    path = Path(path)
    name = _display(path, Path(base)) if base else path.name
    outside = _outside(path, Path(base) if base else path.parent, name)
    if outside:
        raise outside
    if not path.exists():
        raise _err(name, "", "the file does not exist", "check the file name in articles.csv")
    return _article_text(path.read_bytes(), name)


def _article_text(raw: bytes, name: str) -> str:
    """The text of an article file's bytes (see :func:`read_article_file`); ``name`` is for messages."""
    if not raw.strip():
        raise _err(name, "", "the file is empty", "paste the article text into it, or remove its row from articles.csv")
    not_text = _not_text(raw)
    if not_text:
        raise _err(name, *not_text)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            raw.decode("cp1252")
            hint = " (it looks like Windows-1252, the old Windows default)"
        except UnicodeDecodeError:
            pass
        raise _err(
            name,
            f"byte {exc.start}",
            f"the file is not UTF-8 text{hint}",
            "open it in a text editor and save it again with the encoding 'UTF-8'",
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise _err(name, "", "the file is empty", "paste the article text into it, or remove its row from articles.csv")
    lone_cr = text.count("\r") - text.count("\r\n")
    if lone_cr:
        kind = (
            "uses old Mac line endings (CR only), so it would be read as one paragraph"
            if "\n" not in text
            else f"has {lone_cr} line(s) ending in CR only (old Mac line endings) among ordinary ones"
        )
        raise _err(
            name,
            "",
            f"the file {kind}",
            "open it in a text editor and save it again with ordinary line endings (LF, or Windows CRLF)",
        )
    return text


_SAVE_UTF8 = (
    "open it in a text editor and save it again as plain text with the encoding 'UTF-8' (in Notepad: "
    "Save as, Encoding: UTF-8, not 'Unicode' or 'UTF-16')"
)
_NOT_PLAIN = "copy the text out of the document into a text editor and save it as plain text (.txt), encoding UTF-8"


def _not_text(raw: bytes) -> tuple[str, str, str] | None:
    """(row, problem, fix) if the bytes are recognisably not UTF-8 text (UTF-16, PDF, Word, RTF, binary)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        order = "little-endian" if raw[:2] == b"\xff\xfe" else "big-endian"
        return "", f"the file is UTF-16 text ({order}, with a byte-order mark), not UTF-8", _SAVE_UTF8
    for magic, what in (
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a zipped document (Word .docx, OpenDocument)"),
        (b"{\\rtf", "a Rich Text (RTF) document"),
        (b"\xd0\xcf\x11\xe0", "an old Word (.doc) document"),
    ):
        if raw.startswith(magic):
            return "", f"the file is {what}, not plain text", _NOT_PLAIN
    first = raw.find(b"\x00")
    if first < 0:
        return None
    sample = raw[:4096]
    if max(sample[0::2].count(0), sample[1::2].count(0)) * 4 >= len(sample):  # every other byte is zero
        order = "little-endian" if sample[1::2].count(0) > sample[0::2].count(0) else "big-endian"
        return (
            "",
            f"the file looks like UTF-16 text ({order}) without a byte-order mark: every other byte is zero",
            _SAVE_UTF8,
        )
    return f"byte {first}", "the file contains NUL bytes, so it is not plain text", _NOT_PLAIN


def read_csv_checked(path, *, required=(), base=None) -> pd.DataFrame:
    """Read a CSV file strictly: every row must have as many fields as the header.

    All values are read as text (empty cells become ``""``), so that nothing is silently
    converted. Each returned row carries ``csv_line``, its line number in the file, for messages.

    Parameters
    ----------
    path : str or Path
        The CSV file.
    required : sequence of str
        Column names that must be present.
    base : Path, optional
        The corpus folder, used only to name the file in messages.

    Returns
    -------
    pandas.DataFrame
        One row per CSV record, all columns ``str``, plus ``csv_line`` (int).

    Raises
    ------
    KitDataError
        Listing every malformed row and every missing column at once; or, before reading, if
        the file leads (through a symbolic link) outside ``base`` (or, without ``base``,
        outside the folder it is in).

    Examples
    --------
    >>> df = read_csv_checked(data_dir() / "articles.csv", required=["article_id"])
    >>> int(df["csv_line"].iloc[0])
    2
    """
    path = Path(path)
    name = _display(path, Path(base)) if base else path.name
    text = _csv_text(path, base, name)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise _err(name, "line 1", f"the CSV cannot be read ({exc})", "check the quoting on that line") from None
    problems = _header_problems(header, required, name)
    if problems and problems[0].problem.startswith(("the columns are separated by", "the first line is")):
        raise KitDataError(problems)  # every row would be reported as well: the cause is enough
    records = []
    # csv.reader can span several physical lines for quoted newlines; track line numbers.
    try:
        for row in reader:
            if not row or all(not c.strip() for c in row):
                continue
            if len(row) != len(header):
                problems.append(
                    Problem(
                        name,
                        f"line {reader.line_num}",
                        f"{len(row)} fields where the header has {len(header)}",
                        "check for a missing or extra comma; put values that contain commas in double quotes",
                    )
                )
                continue
            records.append([*row, reader.line_num])
    except csv.Error as exc:
        raise _err(
            name, f"line {reader.line_num}", f"the CSV cannot be read ({exc})", "check the quoting on that line"
        ) from None
    if problems:
        raise KitDataError(problems)
    df = pd.DataFrame(records, columns=[*header, "csv_line"])
    for col in header:
        df[col] = df[col].astype(str)
    df["csv_line"] = df["csv_line"].astype(int)
    return df


def _csv_text(path: Path, base, name: str) -> str:
    """The text of a CSV file, or the error that says why it cannot be read (outside, missing, not UTF-8, empty)."""
    outside = _outside(path, Path(base) if base else path.parent, name)
    if outside:
        raise outside
    if not path.exists():
        raise _err(name, "", "the file does not exist", f"create {path.name} (see data/README.md for its columns)")
    if not path.is_file():  # a folder, or a pipe that would make the read wait for ever
        raise _err(name, "", "this is a folder or a special file, not a file", f"put the file {path.name} here instead")
    raw = path.read_bytes()
    not_text = _not_text(raw) if raw else None
    if not_text:
        raise _err(name, *not_text)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _err(
            name, f"byte {exc.start}", "the file is not UTF-8", "save it again with the encoding 'UTF-8'"
        ) from None
    if not text.strip():
        raise _err(name, "", "the file is empty", "add a header row and at least one data row")
    return text


def _column_key(name: str) -> str:
    """A column name without case, spaces, '_' or '-': 'Article ID' and 'article_id' give the same key."""
    return re.sub(r"[\s_\-]+", "", name.lower())


def _header_cause(header: list[str], required) -> tuple[str, str] | None:
    """(cause, fix) when the header's columns are all there but written differently, or not comma-separated."""
    line = ",".join(header)
    for sep, what in ((";", "semicolons (;)"), ("\t", "tabs")):
        if sep in line and len(line.split(sep)) > len(header):
            keys = {_column_key(h) for h in line.replace(",", sep).split(sep)}
            if all(_column_key(c) in keys for c in required):
                fix = (
                    "save it again as 'CSV UTF-8 (comma delimited)' (in Excel), or with the field delimiter ',' "
                    "(in LibreOffice)"
                )
                return f"the columns are separated by {what}, not commas", fix
    keys = {_column_key(h): h for h in header}
    renamed = [f"{keys[_column_key(c)]!r} for {c!r}" for c in required if c not in header and _column_key(c) in keys]
    if renamed:
        return (
            f"column names are written differently ({', '.join(renamed)})",
            "write the column names in the header row exactly as listed: lower case, with '_' between words",
        )
    return None


def _header_problems(header: list[str], required, name: str) -> list[Problem]:
    """Missing and duplicate columns of a CSV header, naming the cause where it is clear."""
    problems = []
    if header and header[0].lower().startswith("sep=") and not any(header[1:]):
        return [
            Problem(
                name,
                "line 1 (header)",
                f"the first line is {','.join(header)!r}, a note some spreadsheet programs write before the header",
                "delete that line, so that the column names are the first line",
            )
        ]
    missing = [c for c in required if c not in header]
    cause = _header_cause(header, required) if missing else None
    if cause:
        problems.append(Problem(name, "line 1 (header)", *cause))
        if cause[0].startswith("the columns are separated by"):
            return problems
        keys = {_column_key(h) for h in header}
        missing = [c for c in missing if _column_key(c) not in keys]
    if missing:
        problems.append(
            Problem(
                name,
                "line 1 (header)",
                f"missing column(s) {', '.join(missing)}",
                f"add the column(s) to the header row; required: {', '.join(required)}",
            )
        )
    empty = header.count("")
    if empty:
        problems.append(
            Problem(
                name,
                "line 1 (header)",
                f"{empty} column(s) have no name (often commas a spreadsheet left at the ends of the lines)",
                "delete the empty columns, or give each a name",
            )
        )
    dup = sorted({h for h in header if h and header.count(h) > 1})
    if dup:
        problems.append(
            Problem(name, "line 1 (header)", f"duplicate column(s) {', '.join(dup)}", "give each column a unique name")
        )
    return problems


def _valid_id(aid: str) -> bool:
    """Letters of any script (with their accents and vowel signs), digits, '-', '_', '.'; a letter or digit first.

    Examples
    --------
    >>> [_valid_id(x) for x in ["cgtn-2025-05-14", "правда-2025", "समाचार-1", "新华社_1", "a b", "-a", "a/b"]]
    [True, True, True, True, False, False, False]
    """
    if not aid or not aid[0].isalnum():
        return False
    return all(c.isalnum() or c in "-_." or unicodedata.category(c).startswith("M") for c in aid)


_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: The values of the optional ``timing`` column: published before or after the event the corpus is about.
TIMINGS = ("before", "after")
#: The years a publication date may have: what pandas and the timeline charts can draw, with room to spare.
_YEARS = (1700, 2200)


def _check_row(rec, seen: dict, name: str) -> list[Problem]:
    """Problems of one articles.csv row, except its file (see :func:`article_file_problem`)."""
    problems = []
    row = f"line {rec.csv_line}"
    aid = rec.article_id.strip()
    if not aid:
        problems.append(
            Problem(name, row, "the article_id is empty", "give the article a short id such as 'outlet-2024-03-04'")
        )
    elif not _valid_id(aid):
        problems.append(
            Problem(
                name,
                row,
                f"the article_id {aid!r} has spaces or symbols",
                "use only letters (of any script), digits, '-', '_' or '.', starting with a letter "
                "or digit, e.g. 'outlet-2024-03-04' or 'правда-2024-03-04'",
            )
        )
    elif aid in seen:
        problems.append(
            Problem(
                name, row, f"duplicate article_id {aid!r} (also on line {seen[aid]})", "give each article its own id"
            )
        )
    else:
        seen[aid] = rec.csv_line
    for col in ("outlet", "headline"):
        if not getattr(rec, col).strip():
            problems.append(
                Problem(name, row, f"the {col} is empty", f"fill in the {col} (write 'unknown' if it is not known)")
            )
    timing = str(getattr(rec, "timing", "")).strip()
    if timing and timing not in TIMINGS:
        problems.append(
            Problem(
                name,
                row,
                f"the timing {timing!r} is not one of {', '.join(TIMINGS)}",
                "write before or after (in small letters), or leave it empty if it is not known",
            )
        )
    pub = rec.published.strip()
    if not _DATE_RE.match(pub):
        problems.append(
            Problem(
                name,
                row,
                f"the published date {pub!r} is not in the form YYYY-MM-DD",
                "write the date as e.g. 2024-03-04",
            )
        )
    else:
        try:
            day = date.fromisoformat(pub)
        except ValueError:
            problems.append(Problem(name, row, f"the published date {pub!r} does not exist", "check the day and month"))
        else:
            if not _YEARS[0] <= day.year <= _YEARS[1]:
                problems.append(
                    Problem(
                        name,
                        row,
                        f"the published date {pub!r} is outside the years the kit can draw on a timeline "
                        f"({_YEARS[0]} to {_YEARS[1]}); dates such as 0001-01-01 or 9999-12-31 usually stand for 'no date'",
                        "write the date the article was published",
                    )
                )
    return problems


def _plain_article_files(base: Path) -> set[str]:
    """The names of the regular files (not links) directly in ``base/articles``, if that folder is a real
    folder inside ``base``; else an empty set. One listing of the folder: each of these files is inside the
    corpus, exists and is a file, so it needs none of the per-file checks of :func:`article_file_problem`."""
    art_dir = base / "articles"
    if not art_dir.is_dir() or not _inside(art_dir, base):
        return set()
    with os.scandir(art_dir) as entries:
        return {e.name for e in entries if not e.is_symlink() and e.is_file(follow_symlinks=False)}


def _check_metadata(meta: pd.DataFrame, base: Path, name: str) -> tuple[list[Problem], set[str], set[str]]:
    """Every problem of articles.csv, the file names that are safe to read, and those of them that are plain
    files of ``articles/`` (see :func:`_plain_article_files`)."""
    problems = []
    readable = set()
    seen: dict = {}
    folder_reported = False
    plain = _plain_article_files(base.resolve())
    for rec in meta.itertuples(index=False):
        problems.extend(_check_row(rec, seen, name))
        fname = rec.file.strip()
        if fname in plain and _file_name_problem(fname) is None:
            readable.add(fname)
            continue
        bad = article_file_problem(base, rec.file, f"line {rec.csv_line}")
        if bad is None:
            readable.add(rec.file.strip())
        elif bad.file == "articles/":  # the folder itself leads outside: say it once
            problems.extend([] if folder_reported else [bad])
            folder_reported = True
        else:
            problems.append(bad)
    return problems, readable, plain & readable


_MANIFEST_FIX = (
    "each line is a SHA-256 checksum, two spaces and articles/<file> (as sha256sum writes it); or delete the file"
)


def _read_manifest(base: Path) -> tuple[dict[str, str], list[Problem]]:
    """The checksums of ``articles.sha256`` by file ('articles/x.txt'), and the problems of the file itself."""
    path = base / "articles.sha256"
    name = "articles.sha256"
    if not path.exists() and not path.is_symlink():
        return {}, []
    if not _inside(path, base):
        return {}, [Problem(name, "", "the file is a link to a file outside the corpus folder", _LINK_FIX)]
    if not path.is_file():
        return {}, [Problem(name, "", "this is a folder or a special file, not a file", _MANIFEST_FIX)]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return {}, [Problem(name, f"byte {exc.start}", "the file is not UTF-8", _MANIFEST_FIX)]
    out, problems = {}, []
    for no, line in enumerate(text.splitlines(), start=1):
        parts = line.split(maxsplit=1)
        if len(parts) == 2 and re.fullmatch(r"[0-9a-fA-F]{64}", parts[0]):
            out[parts[1].lstrip("*")] = parts[0].lower()
        elif line.strip():
            problems.append(Problem(name, f"line {no}", f"{line.strip()[:60]!r} is not a checksum line", _MANIFEST_FIX))
    return out, problems


def check_corpus(path=None) -> list[Problem]:
    """Check a corpus folder and return every problem found (an empty list if all is well).

    Checks ``articles.csv`` (readable, required columns, ids unique, dates valid, files exist),
    every article file (not empty, UTF-8), files with no metadata row, and, if
    ``articles.sha256`` exists, that no article file changed.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`data_dir`).

    Returns
    -------
    list of Problem
        Each names the file, the row and the fix.

    Examples
    --------
    >>> check_corpus()
    []
    """
    return _check(data_dir(path))[0]


def _check(base: Path) -> tuple[list[Problem], pd.DataFrame | None, dict[str, str]]:
    """Check a corpus folder; return (problems, metadata, texts read by file name)."""
    name = "articles.csv"
    texts: dict[str, str] = {}
    if not base.is_dir():
        return (
            [
                Problem(
                    str(base.name),
                    "",
                    f"the corpus folder does not exist (looked for {base})",
                    f"create it, or set {ENV_VAR} to the full path of an existing folder (a relative path is "
                    f"read from the folder Python runs in, which for a notebook is notebooks/)",
                )
            ],
            None,
            texts,
        )
    try:
        meta = read_csv_checked(base / name, required=REQUIRED_COLUMNS, base=base)
    except KitDataError as exc:
        return exc.problems, None, texts
    problems, readable, plain = _check_metadata(meta, base, name)
    if meta.empty:
        problems.append(
            Problem(
                name,
                "",
                "the file has a header row but no articles",
                "add one row per article, with its .txt file in the articles/ folder "
                "(see docs/bring-your-own-articles.md)",
            )
        )
    listed = set(meta["file"].str.strip())
    manifest, manifest_problems = _read_manifest(base)
    problems.extend(manifest_problems)
    for fname in sorted(readable):
        fpath = base / "articles" / fname
        try:
            if fname in plain:  # checked by one listing of the folder: read it straight away
                raw = fpath.read_bytes()
                texts[fname] = _article_text(raw, _display(fpath, base))
            else:
                texts[fname] = read_article_file(fpath, base=base)
                raw = None
        except KitDataError as exc:
            problems.extend(exc.problems)
            continue
        key = f"articles/{fname}"
        if manifest and key in manifest:
            digest = hashlib.sha256(raw if raw is not None else fpath.read_bytes()).hexdigest()
            if digest != manifest[key]:
                problems.append(
                    Problem(
                        f"articles/{fname}",
                        "",
                        "the file differs from its checksum in articles.sha256 (was it edited?)",
                        "restore the original text (article files are never edited); add corrections as annotations instead",
                    )
                )
    art_dir = base / "articles"
    if art_dir.is_dir() and _inside(art_dir, base):
        for fpath in sorted(art_dir.glob("*.txt")):
            if fpath.name not in listed:
                problems.append(
                    Problem(
                        f"articles/{fpath.name}",
                        "",
                        "this file has no row in articles.csv",
                        "add a row for it to articles.csv, or move it out of the articles/ folder",
                    )
                )
    return problems, meta, texts


# --------------------------------------------------------------------------------------------
# Articles, paragraphs, sentences
# --------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_]++(?:[’'‑\-][^\W_]++)*+")  # possessive: the same tokens, no backtracking


#: A short list of English function words (articles, pronouns, auxiliaries, prepositions, conjunctions and
#: a few very common adverbs), written for this kit. The one stop-word list of the kit: pass ``stop_words=STOP_WORDS`` to the vocabulary
#: functions to leave them out; content words such as "said", "talks" or "not" are kept on purpose.
STOP_WORDS = frozenset(
    """
a an the and or but nor so yet if then than as of at by for from in into on onto to with without within about
above after against along among around before behind below between beyond during over through under until upon
via i me my we us our you your he him his she her it its they them their this that these those who whom whose
which what when where why how there here all any both each either neither every some such no other another own
same is are was were be been being am has have had having do does did doing will would shall should can could may
might must also only very just too more most much many few less least even still again further once while
because although though whether it’s it's
""".split()
)


def tokenize(text: str) -> list[str]:
    """Split text into lower-case word tokens (letters and digits; inner apostrophes and hyphens kept).

    Examples
    --------
    >>> tokenize("Ukraine’s 30‑day ceasefire, Kyiv said.")
    ['ukraine’s', '30‑day', 'ceasefire', 'kyiv', 'said']
    """
    return list(map(str.lower, _WORD_RE.findall(text)))


def _count_words(text: str) -> int:
    """Number of tokens :func:`tokenize` would return (faster: no lower-casing, no list of matches kept)."""
    return len(_WORD_RE.findall(text))


def _metadata(base: Path) -> tuple[pd.DataFrame, dict[str, str]]:
    problems, meta, texts = _check(base)
    if problems:
        raise KitDataError(problems)
    for col in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
        if col not in meta.columns:
            meta[col] = pd.Series("", index=meta.index, dtype=str)  # stays text even with no rows
    for col in meta.columns:
        if col != "csv_line":
            meta[col] = meta[col].str.strip()
    return meta, texts


@cached
def _listed_ids(path=None) -> set:
    """The article ids listed in ``articles.csv``, without checking the texts (for annotation checks)."""
    base = data_dir(path)
    meta = read_csv_checked(base / "articles.csv", required=REQUIRED_COLUMNS, base=base)
    return set(meta["article_id"].str.strip())


@cached
def load_articles(path=None) -> pd.DataFrame:
    """Load the corpus: one row per article, with its metadata, full text and word count.

    The corpus is checked first (see :func:`check_corpus`); any problem raises one
    :class:`KitDataError` that lists them all.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`data_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per article, sorted by ``published`` then ``article_id``. Columns:

        ========================  ================================================================
        article_id                short stable id, e.g. ``cgtn-2025-05-14``
        outlet                    the publishing outlet
        headline                  the headline (see ``article_provenance.csv`` for how sure)
        published                 publication date, ``YYYY-MM-DD`` (str)
        published_time            time of day if known (str, may be empty)
        timing                    ``before`` / ``after`` the talks of 16 May 2025 (may be empty)
        country                   the outlet's country
        ownership                 who owns or controls the outlet
        language_edition          which language edition the text comes from
        url                       the article's address
        author                    the byline (empty: none)
        seed_file                 the file name in the original seed set
        file                      the file name in ``articles/``
        text                      the full text, exactly as in the file
        n_chars                   number of characters in ``text``
        word_count                number of word tokens in the body paragraphs
        ========================  ================================================================

        Extra columns present in ``articles.csv`` are kept after these.

    Examples
    --------
    >>> arts = load_articles()
    >>> arts[["article_id", "outlet", "timing"]].head(2).to_string(index=False)
    '            article_id       outlet timing\\n       cgtn-2025-05-14         CGTN before\\nglobaltimes-2025-05-14 Global Times before'
    """
    base = data_dir(path)
    meta, texts = _metadata(base)
    meta = meta.sort_values(["published", "article_id"], kind="stable").reset_index(drop=True)
    meta["text"] = [texts[f] for f in meta["file"]]
    meta["n_chars"] = meta["text"].str.len().astype(int)
    paras = _paragraphs_cached(meta, base)
    body = paras[paras["role"] == "body"].groupby("article_id")["n_words"].sum()
    meta["word_count"] = meta["article_id"].map(body).fillna(0).astype(int)
    cols = ["article_id", "outlet", "headline", "published", *OPTIONAL_COLUMNS, "file", "text", "n_chars", "word_count"]
    extra = [c for c in meta.columns if c not in cols and c != "csv_line"]
    out = meta[cols + extra].sort_values(["published", "article_id"], kind="stable")
    return out.reset_index(drop=True)


@corpus_first
def article_text(article_id: str, path=None) -> str:
    """Return the full text of one article, exactly as in its file.

    Examples
    --------
    >>> article_text("athenstimes-2025-05-15")[:30]
    'The peace negotiations between'
    """
    arts = load_articles(path)
    hit = arts.loc[arts["article_id"] == article_id, "text"]
    if hit.empty:
        known = ", ".join(sorted(arts["article_id"]))
        # NotCodedError: notebooks show a notice (an example about an article the corpus in use lacks)
        raise NotCodedError(
            Problem("articles.csv", "", f"this corpus has no article {article_id!r}", f"use one of: {known}")
        )
    return hit.iloc[0]


_CAPTION_RE = re.compile(
    r"(/\s?(VCG|AFP|AP|EPA|Getty|Reuters|Xinhua|IC|CFP)\s*$|\bPhoto\s?:\s?\w+\s*$|\bPHOTO/|\bvia REUTERS\s*$|\s-\s[A-Z]{3,}/[A-Z])"
)
_LABEL_RE = re.compile(r"^(Published|Updated|Posted)\s*:|^[A-Z][A-Z&]+(\s*/\s*[A-Z][A-Z&]+)*$")
_LETTER_RE = re.compile(r"[^\W\d_]")
_READ_MORE_RE = re.compile(r"^(Read more|Related)\s*:?$", re.IGNORECASE)
_LINK_RE = re.compile(r"^(https?://|www\.)\S+$|阅读原文|^Read more\s*:?$|^Related\s*:?$", re.IGNORECASE)


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
)
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?(?:[A-Z]{2,5}|UTC|GMT)(?:[+-]\d{1,2})?\)?)?"
_DATE_PART_RE = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Last updated|First published|Modified)(?:\s+(?:on|at))?\s*:?\s*)?"
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?{_DATE}(?:[T\s,]+(?:at\s+|-\s+|–\s+)?{_TIME})?$",
    re.IGNORECASE,
)
#: Header fields of a saved web page or a wire story ("SOURCE: https://...", "DATE: 15 May 2025").
_FIELD_RE = re.compile(
    r"^(?:source|sources|date|dateline|url|link|web address|author|authors|byline|title|headline|outlet|"
    r"publication|publisher|published|updated|posted|modified|last updated|first published|section|category|"
    r"categories|tags?|keywords|language|copyright|filed|location|read time|reading time|length|words|"
    r"word count)\s*:",
    re.IGNORECASE,
)
_BYLINE_OK = {
    "and",
    "&",
    "de",
    "van",
    "von",
    "der",
    "den",
    "al",
    "el",
    "bin",
    "da",
    "di",
    "du",
    "la",
    "le",
    "y",
    "|",
    "-",
    "–",
    "in",
    "for",
    "staff",
    "correspondent",
    "reporter",
    "writer",
    "editor",
}
_WEB_FURNITURE_RE = re.compile(
    r"^(?:advertisement|advert|sponsored|share|share this(?: article| story)?|share on \w+|print|email|"
    r"subscribe.*|sign up.*|follow us.*|listen to (?:this|the) (?:article|story).*|skip to (?:main )?content|"
    r"copyright\b.*|©.*|all rights reserved\.?|comments?|\d+ comments?|loading.*|close)$",
    re.IGNORECASE,
)
_DATE_STARTS = {
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "pub",
    "upd",
    "pos",
    "las",
    "fir",
    "mod",
}
#: Characters that end a sentence or a clause, in Latin and other scripts (Chinese and Japanese full stops,
#: Arabic and Urdu question mark and full stop, Devanagari danda): a line ending in one is not a heading.
_SENTENCE_END = '.!?…:;,"”’»)]。！？；：，、」』）》؟۔।'


def _is_byline(s: str) -> bool:
    """'By Jane Doe', 'BY JANE DOE, Reuters', 'By Ana de la Cruz and Li Wei': names only, no sentence."""
    if not (s[:3] in ("By ", "BY ") and len(s) < 90) or s[-1] in ".!?":
        return False
    words = s[3:].replace(",", " ").split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _BYLINE_OK for w in words)


def _is_date_line(s: str) -> bool:
    """'[May 15, 2025]', '15 May 2025 10:32 GMT', 'Published: ... | Updated: ...': only dates and times."""
    parts = [x.strip(" []()") for x in s.strip("[]() ").split("|")]
    return all(_DATE_PART_RE.match(x) for x in parts if x) and any(parts)


def _header_role(s: str) -> tuple[str, str] | None:
    """The non-body role of a header line of a saved page or wire story, or None."""
    if len(s) > 300:
        return None
    if _FIELD_RE.match(s):
        return "label", "header field"
    if len(s) < 120 and (s[:1].isdigit() or s[:1] in "[(" or s[:3].lower() in _DATE_STARTS) and _is_date_line(s):
        return "label", "date line"
    if _is_byline(s):
        return "label", "byline"
    if len(s) < 60 and _WEB_FURNITURE_RE.match(s):
        return "furniture", "web page furniture"
    return None


def _is_heading(s: str, nxt: str | None) -> bool:
    """A short line that is not a sentence (no closing punctuation) and is not continued on the next line.

    A line that ends in a comma or a dash, or in a word such as 'and' or 'the', is a sentence broken across lines
    (hard-wrapped text), never a heading."""
    if len(s) > 70 or s[-1] in _SENTENCE_END or len(s.split()) > 9:
        return False
    if s[-1] in ",;-–—" or s.split()[-1].lower() in STOP_WORDS:
        return False
    first = s[0]
    if not (first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())):
        return False
    return not (nxt and nxt[0].islower())


def _rule_role(line: str, prev: str | None, headline: str, nxt: str | None = None, outlet: str = "") -> tuple[str, str]:
    """The role of one paragraph by simple rules: (role, rule name).

    ``prev`` and ``nxt`` are the paragraphs before and after it (None at the ends).
    """
    s = line.strip()
    if headline and s == headline.strip():
        return "headline", "equals the headline in articles.csv"
    if outlet and s == outlet:
        return "label", "the outlet's name"
    if not _LETTER_RE.search(s):
        return "furniture", "no letters"
    # cheap substring tests first: most paragraphs are body text and skip the regular expressions
    if ("http" in s or "www." in s or "阅读原文" in s or (len(s) < 20 and s[:1] in "RrWw")) and _LINK_RE.search(s):
        return "link", "link or 'Read more'"
    if prev is not None and len(prev) < 20 and _READ_MORE_RE.match(prev):
        return "link", "follows 'Read more'"
    if len(s) < 60 and _LABEL_RE.search(s):
        return "label", "section label or dateline"
    header = _header_role(s) if (len(s) < 120 or ":" in s[:20]) else None
    if header:
        return header
    if len(s) < 400 and ("/" in s or "Photo" in s or "REUTERS" in s) and _CAPTION_RE.search(s):
        return "caption", "photo credit"
    if _is_heading(s, nxt):
        return "label", "section heading"
    return "body", "default"


def _read_role_overrides(base: Path) -> pd.DataFrame | None:
    path = base / "annotations" / "paragraph_roles.csv"
    if not path.exists():
        return None
    df = read_csv_checked(path, required=["article_id", "starts_with", "role", "note"], base=base)
    bad = [
        Problem(
            _display(path, base), f"line {r.csv_line}", f"unknown role {r.role!r}", f"use one of: {', '.join(ROLES)}"
        )
        for r in df.itertuples()
        if r.role not in ROLES
    ]
    bad += [
        Problem(
            _display(path, base),
            f"line {r.csv_line}",
            "starts_with is empty, so the role would be given to every paragraph of the article",
            "copy the opening words of the one paragraph exactly from the article",
        )
        for r in df.itertuples()
        if not r.starts_with.strip()
    ]
    if bad:
        raise KitDataError(bad)
    return df


_PARA_CACHE: dict = {}


def _paragraphs_cached(meta: pd.DataFrame, base: Path, *, with_splits: bool = False):
    """``_paragraphs_from`` with a one-entry cache keyed on the texts, headlines and role file.

    ``load_articles``, ``paragraphs`` and ``sentences`` all need the paragraphs; on a large
    corpus splitting them three times would triple the cost. A copy is returned, so callers
    may change it freely; with ``with_splits``, also the sentences of each body paragraph
    (see :func:`_paragraphs_from`).
    """
    roles = base / "annotations" / "paragraph_roles.csv"
    stamp = roles.stat().st_mtime_ns if roles.exists() else None
    key = (
        str(base),
        stamp,
        tuple(meta["article_id"]),
        tuple(meta["headline"]),
        tuple(meta["outlet"]),
        tuple(hash(t) for t in meta["text"]),
    )
    if key not in _PARA_CACHE:
        _PARA_CACHE.clear()
        _PARA_CACHE[key] = _paragraphs_from(meta, base)
    paras, splits = _PARA_CACHE[key]
    return (paras.copy(), splits) if with_splits else paras.copy()


def _nonblank_lines(text: str) -> list[tuple[int, int, str]]:
    """(line number from 1, offset of the first non-space character, stripped text) of each non-blank line."""
    out = []
    pos = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if stripped:
            out.append((line_no, line_start + len(line) - len(line.lstrip()), stripped))
    return out


def _paragraphs_from(meta: pd.DataFrame, base: Path) -> pd.DataFrame:
    overrides = _read_role_overrides(base)
    rows = []
    for aid, headline, outlet, text in zip(meta["article_id"], meta["headline"], meta["outlet"], meta["text"]):
        lines = _nonblank_lines(text)
        prev = None
        for i, (line_no, start, stripped) in enumerate(lines):
            nxt = lines[i + 1][2] if i + 1 < len(lines) else None
            role, source = _rule_role(stripped, prev, headline, nxt, outlet.strip())
            rows.append((aid, i + 1, line_no, start, start + len(stripped), role, "rule: " + source, stripped))
            prev = stripped
    paras = pd.DataFrame(
        rows, columns=["article_id", "para_no", "line_no", "start", "end", "role", "role_source", "text"]
    )
    if overrides is not None and not overrides.empty:
        problems = []
        ov_file = (
            "data/annotations/paragraph_roles.csv" if base == DEFAULT_DATA_DIR else "annotations/paragraph_roles.csv"
        )
        for r in overrides.itertuples():
            mask = (paras["article_id"] == r.article_id) & paras["text"].str.startswith(r.starts_with)
            if r.article_id not in set(meta["article_id"]):
                problems.append(
                    Problem(
                        ov_file,
                        f"line {r.csv_line}",
                        f"unknown article_id {r.article_id!r}",
                        "use an article_id from articles.csv",
                    )
                )
            elif not mask.any():
                problems.append(
                    Problem(
                        ov_file,
                        f"line {r.csv_line}",
                        f"no paragraph of {r.article_id} starts with {r.starts_with[:40]!r}",
                        "copy the opening words of the paragraph exactly from the article",
                    )
                )
            else:
                paras.loc[mask, "role"] = r.role
                paras.loc[mask, "role_source"] = "annotation: " + r.note
        if problems:
            raise KitDataError(problems)
    is_body = paras["role"] == "body"
    splits, paras["n_words"] = _split_and_count(paras["text"], is_body)
    paras["is_body"] = is_body
    return paras, splits


def _split_and_count(texts, is_body) -> tuple[list, list[int]]:
    """Split the body paragraphs into sentences and count the words of every paragraph, in one pass.

    Returns ``splits`` (for each paragraph, None or the ``(start, end, n_words)`` of its
    sentences) and the paragraph word counts. A body paragraph's count is the sum of its
    sentences' counts: sentences are separated by spaces only, and a word never crosses a
    sentence end (``.``, ``!``, ``?`` and ``…`` are not word characters), so each word is
    counted once, in the sentence it belongs to.
    """
    splits: list = []
    n_words: list[int] = []
    for text, body in zip(texts, is_body):
        if body:
            spans = [(s, e, _count_words(text[s:e])) for s, e in _split_sentences(text)]
            splits.append(spans)
            n_words.append(sum(n for _, _, n in spans))
        else:
            splits.append(None)
            n_words.append(_count_words(text))
    return splits, n_words


@cached
def paragraphs(path=None, *, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Split every article into paragraphs (non-blank lines) and give each a role.

    Roles come from simple rules (a line equal to the headline in ``articles.csv`` is the
    headline; photo credits such as ``/VCG`` or ``Photo:Xinhua`` are captions; ``Read more``
    and URLs are links; labels are all-capital section names, header fields of a saved page or
    wire story (``SOURCE: https://...``, ``DATE: ...``, ``Published: ... | Updated: ...``),
    date lines (``[May 15, 2025]``), bylines (``By Jane Doe``), the outlet's name on its own
    line and short section headings (at most 9 words, no closing punctuation, not continued in
    lower case on the next line); ``Advertisement``, ``Share this article`` and lines without
    letters are furniture) and from ``annotations/paragraph_roles.csv``, which overrides the
    rules for the paragraphs it names. The article files are never changed.
    ``python -m helpers check`` lists the lines the rules read as not body text.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`data_dir`).
    articles : DataFrame, optional
        The result of :func:`load_articles`, to avoid reading the corpus twice.

    Returns
    -------
    pandas.DataFrame
        One row per paragraph, in article and text order. Columns:

        ===========  ======================================================================
        article_id   the article
        para_no      paragraph number within the article, from 1 (blank lines skipped)
        line_no      line number in the file, from 1
        start, end   character offsets into the article text: ``text[start:end]``
        role         one of ``ROLES``: headline, standfirst, body, caption, label, link, furniture
        role_source  the rule or annotation that decided the role
        text         the paragraph text (leading and trailing spaces removed)
        n_words      number of word tokens
        is_body      ``role == "body"``: what the sentence-level analyses read
        ===========  ======================================================================

    Examples
    --------
    >>> p = paragraphs()
    >>> p[p.article_id == "globaltimes-2025-05-14"].role.head(4).tolist()
    ['label', 'headline', 'label', 'caption']
    >>> row = p[p.article_id == "globaltimes-2025-05-14"].iloc[1]
    >>> article_text("globaltimes-2025-05-14")[row.start:row.end] == row.text
    True
    """
    base = data_dir(path)
    if articles is None:
        articles = load_articles(base)
    return _paragraphs_cached(articles, base)


ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "approx",
    "dept",
    "gov",
    "sen",
    "rep",
    "pres",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
}
# possessive (no backtracking; none could succeed, since the three groups share no character) and with one
# plain character class first, which the regular-expression engine scans for quickly: the same matches, 2x faster
_BOUNDARY_RE = re.compile(r"([.!?…][.!?…]*+)([”’\"')\]]*+)(\s++)(?=[“‘\"'(\[]?[A-Z0-9])")
_TAIL_WORD_RE = re.compile("[^\\s(“‘\"']*\\Z")
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_QUOTE_CHARS = re.compile('[“”"‘’]')


def _is_abbreviation(text: str, dot_pos: int) -> bool:
    """True if the '.' at dot_pos ends an abbreviation or an initial, not a sentence."""
    # the word before the dot; a window of 8 characters is enough, since no abbreviation is longer than 6
    lo = max(0, dot_pos - 8)
    word = text[max(text.rfind(" ", lo, dot_pos) + 1, lo) : dot_pos]  # most often: letters after a space
    if not word.isalpha():  # else: cut at any space, bracket or opening quote
        word = _TAIL_WORD_RE.search(text, lo, dot_pos).group(0)
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J. D. Vance"
        return True
    if len(word) > 6:  # longer than any abbreviation in the list
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    # dotted abbreviations such as "U.S" or "e.g"
    return bool(_DOTTED_RE.fullmatch(word))


def _quote_depth_changes(text: str):
    """Yield (position, +1/-1) for opening and closing quotation marks.

    Apostrophes inside or at the end of words (``Ukraine’s``, ``Russians’``) are not
    closing quotes: ``’`` closes a quote only when a ``‘`` is open and it is not followed by
    a letter.
    """
    straight_open = False
    single_open = 0
    for m in _QUOTE_CHARS.finditer(text):
        i, ch = m.start(), m.group(0)
        if ch == "“":
            yield i, 1
        elif ch == "”":
            yield i, -1
        elif ch == '"':
            straight_open = not straight_open
            yield i, 1 if straight_open else -1
        elif ch == "‘":
            prev = text[i - 1] if i else " "
            if not prev.isalnum():
                single_open += 1
                yield i, 1
        elif ch == "’" and single_open:
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if not nxt.isalpha():
                single_open -= 1
                yield i, -1


def _split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph."""
    spans = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        if m.group(1) == "." and _is_abbreviation(text, m.start(1)):
            continue
        end = m.end(2)
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end(3)
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


@cached
def sentences(path=None, *, roles=("body",), articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Split the body paragraphs into sentences, with character offsets into the article.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotation marks or
    brackets) followed by a space and a capital letter, digit or opening quote; not after
    abbreviations ("U.S.", "Dr.", "e.g.") or initials ("J. D. Vance"). A quotation that runs
    over several sentences is split into those sentences; ``in_quote`` marks the sentences
    that begin inside a quotation still open from the previous one.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`data_dir`).
    roles : tuple of str
        Which paragraph roles to split (default: body only).
    articles : DataFrame, optional
        The result of :func:`load_articles`, to avoid reading the corpus twice.

    Returns
    -------
    pandas.DataFrame
        One row per sentence, in article and text order. Columns:

        ===========  ======================================================================
        article_id   the article
        para_no      the paragraph it belongs to (see :func:`paragraphs`)
        sent_no      sentence number within the article, from 1
        start, end   character offsets into the article text
        text         the sentence
        in_quote     True if the sentence begins inside an open quotation
        n_words      number of word tokens
        ===========  ======================================================================

    Examples
    --------
    >>> s = sentences()
    >>> s[s.text.str.contains("Vance")].text.str[-47:].tolist()
    ['as a sign that ‘Russia is asking for too much.’']
    >>> int(s[s.article_id == "cgtn-2025-05-14"].in_quote.sum())
    3
    """
    base = data_dir(path)
    if articles is None:
        articles = load_articles(base)
    paras, splits = _paragraphs_cached(articles, base, with_splits=True)
    keep = paras["role"].isin(roles).to_numpy()
    cols: dict[str, list] = {
        c: [] for c in ("article_id", "para_no", "sent_no", "start", "end", "text", "in_quote", "n_words")
    }
    counters: dict[str, int] = {}
    rows = zip(keep, splits, paras["article_id"], paras["para_no"], paras["start"], paras["text"])
    for wanted, spans, aid, para_no, p_start, ptext in rows:
        if not wanted:
            continue
        if spans is None:  # a role other than body: split it now
            spans = [(s, e, _count_words(ptext[s:e])) for s, e in _split_sentences(ptext)]
        changes = list(_quote_depth_changes(ptext)) if ("“" in ptext or '"' in ptext or "‘" in ptext) else []
        n = counters.get(aid, 0)
        for s_start, s_end, s_words in spans:
            n += 1
            cols["article_id"].append(aid)
            cols["para_no"].append(para_no)
            cols["sent_no"].append(n)
            cols["start"].append(p_start + s_start)
            cols["end"].append(p_start + s_end)
            cols["text"].append(ptext[s_start:s_end])
            cols["in_quote"].append(sum(d for pos, d in changes if pos < s_start) > 0 if changes else False)
            cols["n_words"].append(s_words)
        counters[aid] = n
    df = pd.DataFrame(cols)
    return df.astype({"para_no": int, "sent_no": int, "start": int, "end": int, "in_quote": bool, "n_words": int})


# --------------------------------------------------------------------------------------------
# Spans
# --------------------------------------------------------------------------------------------

_NORMALISE = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "\u2011": "-", "–": "-", "—": "-"})


def locate(article_id: str, span: str, path=None, *, text: str | None = None, where: str = "") -> tuple[int, int]:
    """Find a verbatim span in an article and return its character offsets.

    This is the one function through which every annotation table in the kit is checked.

    Parameters
    ----------
    article_id : str
        The article.
    span : str
        The exact text to find, character for character (curly quotes ‘ ’ “ ” included).
    path : str or Path, optional
        The corpus folder (see :func:`data_dir`).
    text : str, optional
        The article text, if already loaded (saves reading the file again).
    where : str, optional
        Where the span comes from (e.g. ``"annotations/positions.csv, line 7"``), used in messages.

    Returns
    -------
    (int, int)
        ``start, end`` such that ``text[start:end] == span``.

    Raises
    ------
    KitDataError
        If the span is empty, absent, or occurs more than once. The message says which,
        and hints when the span would match with straight quotes or plain spaces.

    Examples
    --------
    >>> start, end = locate("atalayar-2025-05-19", "‘Russia is asking for too much.’")
    >>> end - start
    32
    >>> article_text("atalayar-2025-05-19")[start - 27:end]
    'J. D. Vance as a sign that ‘Russia is asking for too much.’'
    >>> locate("atalayar-2025-05-19", "'Russia is asking for too much.'")
    Traceback (most recent call last):
    ...
    kit.core.KitDataError: article atalayar-2025-05-19: the span "'Russia is asking for too much.'" is not in article atalayar-2025-05-19 (it matches if quotes, dashes or spaces are ignored: the article uses curly quotes ‘ ’ “ ”, special spaces or dashes). Fix: copy the span from the article file character for character
    """
    file = where or f"article {article_id}"
    if text is None:
        text = article_text(article_id, path)
    if not isinstance(span, str) or not span.strip():
        raise _err(file, "", "the evidence span is empty", "copy the words the claim rests on from the article")
    count = text.count(span)
    short = span if len(span) <= 70 else span[:67] + "..."
    if count == 1:
        start = text.index(span)
        return start, start + len(span)
    if count == 0:
        hint = ""
        if text.translate(_NORMALISE).count(span.translate(_NORMALISE)) >= 1:
            hint = " (it matches if quotes, dashes or spaces are ignored: the article uses curly quotes ‘ ’ “ ”, special spaces or dashes)"
        elif unicodedata.normalize("NFC", text).count(unicodedata.normalize("NFC", span)) >= 1:
            hint = (
                " (the letters look the same but are encoded differently: an accented letter is one character in"
                " one and a letter plus an accent in the other; copy the span from the article file itself)"
            )
        raise _err(
            file,
            "",
            f"the span {short!r} is not in article {article_id}{hint}",
            "copy the span from the article file character for character",
        )
    raise _err(
        file,
        "",
        f"the span {short!r} occurs {count} times in article {article_id}",
        "lengthen the span with neighbouring words until it occurs only once",
    )


def verify_spans(
    table: pd.DataFrame, *, file: str, span_col: str = "span", path=None, allow_empty: bool = False
) -> pd.DataFrame:
    """Check every evidence span of an annotation table through :func:`locate`.

    Parameters
    ----------
    table : DataFrame
        Must have ``article_id`` and the span column; a ``csv_line`` column (from
        :func:`read_csv_checked`) is used to name rows in messages.
    file : str
        The annotation file's name, for messages.
    span_col : str
        The column holding the spans.
    path : str or Path, optional
        The corpus folder.
    allow_empty : bool
        If True, rows with an empty span are accepted (start and end are -1).

    Returns
    -------
    pandas.DataFrame
        A copy of ``table`` with ``start`` and ``end`` (int) added.

    Raises
    ------
    KitDataError
        Listing every bad row at once.

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["cgtn-2025-05-17"], "span": ["took note"]})
    >>> checked = verify_spans(t, file="example")
    >>> start, end = checked.loc[0, ["start", "end"]]
    >>> article_text("cgtn-2025-05-17")[start:end]
    'took note'

    """
    base = data_dir(path)
    texts: dict[str, str] = {}
    problems = []
    starts, ends = [], []
    known = None
    for i, rec in enumerate(table.to_dict("records")):
        line = rec.get("csv_line", i + 2)
        where = f"{file}, line {line}"
        aid = str(rec.get("article_id", "")).strip()
        span = rec.get(span_col)
        span = "" if span is None or (isinstance(span, float) and pd.isna(span)) else str(span)
        if allow_empty and not span.strip():
            starts.append(-1)
            ends.append(-1)
            continue
        if aid not in texts:
            try:
                texts[aid] = article_text(aid, base)
            except KitDataError as exc:
                if known is None:
                    known = exc.problems[0].fix
                problems.append(Problem(file, f"line {line}", f"unknown article_id {aid!r}", known))
                starts.append(-1)
                ends.append(-1)
                continue
        try:
            s, e = locate(aid, span, text=texts[aid], where=where)
        except KitDataError as exc:
            p = exc.problems[0]
            problems.append(Problem(file, f"line {line}", p.problem, p.fix))
            s, e = -1, -1
        starts.append(s)
        ends.append(e)
    if problems:
        raise KitDataError(problems)
    out = table.copy()
    out["start"] = pd.Series(starts, index=out.index, dtype=int)
    out["end"] = pd.Series(ends, index=out.index, dtype=int)
    return out


def enclosing_sentences(
    table: pd.DataFrame,
    path=None,
    *,
    articles: pd.DataFrame | None = None,
    sents: pd.DataFrame | None = None,
    roles=TEXT_ROLES,
) -> list[str]:
    """The sentence(s) of its article that contain each row's span.

    Every annotation layer shows its evidence inside its sentence; this is the one place that
    finds it. A span outside the split paragraphs (e.g. in a caption) gives the span itself; a
    row with ``start < 0`` (no span) gives ``""``.

    Parameters
    ----------
    table : DataFrame
        Rows with ``article_id``, ``start`` and ``end`` (e.g. from :func:`verify_spans`).
    path : str or Path, optional
        The corpus folder.
    articles : DataFrame, optional
        The result of :func:`load_articles`.
    sents : DataFrame, optional
        The result of :func:`sentences` (else computed for ``roles``).
    roles : tuple of str
        Paragraph roles to split when ``sents`` is not given.

    Returns
    -------
    list of str
        One text per row of ``table``, in order.

    Examples
    --------
    >>> t = verify_spans(pd.DataFrame({"article_id": ["cgtn-2025-05-17"], "span": ["took note"]}), file="example")
    >>> enclosing_sentences(t)[0][:34]
    'He also said that Ukraine proposed'
    """
    import numpy as np

    base = data_dir(path)
    arts = load_articles(base) if articles is None else articles
    if sents is None:
        sents = sentences(base, articles=arts, roles=roles)
    text = dict(zip(arts["article_id"], arts["text"]))
    bounds = {aid: (g["start"].to_numpy(), g["end"].to_numpy()) for aid, g in sents.groupby("article_id", sort=False)}
    none = (np.array([], dtype=int), np.array([], dtype=int))
    out = []
    for aid, start, end in zip(table["article_id"], table["start"], table["end"]):
        if start < 0:
            out.append("")
            continue
        starts, ends = bounds.get(aid, none)
        hit = (ends > start) & (starts < end)
        out.append(text[aid][starts[hit].min() : ends[hit].max()] if hit.any() else text[aid][start:end])
    return out


# --------------------------------------------------------------------------------------------
# Reading view and keyword in context
# --------------------------------------------------------------------------------------------

#: At most this many characters of an article are drawn by :func:`show_article` (about 15,000 words;
#: a long feature is about 40,000). A longer article is cut there, and the view says so.
SHOW_MAX_CHARS = 100_000
#: At most this many rows, and this many characters per cell, are drawn by :func:`html_table`.
TABLE_MAX_ROWS = 1_000
TABLE_MAX_CELL = 5_000


# Light tints from the Okabe-Ito colour-blind-safe palette; each highlight also gets a letter tag.
_PALETTE = kit.style.LIGHT  # the light tints of the one palette, behind highlighted text


def no_maths(fragment: str) -> str:
    """An HTML fragment in a block that JupyterLab's maths typesetting (MathJax) leaves alone: article text
    such as "rose by $5 and then by $10" is shown as written, not as a formula."""
    return f'<div class="mathjax_ignore tex2jax_ignore" style="display:contents">{fragment}</div>'


class HTML:
    """A small HTML fragment that displays in Jupyter and keeps its source in ``.data``."""

    def __init__(self, data: str):
        self.data = data

    def _repr_html_(self) -> str:
        return no_maths(self.data)

    def __repr__(self) -> str:  # plain-text fallback, e.g. in a terminal
        return re.sub(r"<[^>]+>", "", self.data.replace("</p>", "\n"))


class WidgetView:
    """A widget with a static HTML fallback: live in JupyterLab, readable in saved notebooks and handouts.

    Jupyter shows the widget when a kernel is running; a saved notebook, nbval and the HTML
    handouts use the ``text/html`` fallback; ``text/plain`` is a short, stable label.

    Examples
    --------
    >>> class Fake:
    ...     def _repr_mimebundle_(self, include=None, exclude=None):
    ...         return {"text/plain": "Fake()", "application/vnd.jupyter.widget-view+json": {}}
    >>> sorted(WidgetView(Fake(), "<p>x</p>", "a picker")._repr_mimebundle_())
    ['application/vnd.jupyter.widget-view+json', 'text/html', 'text/plain']
    """

    def __init__(self, widget, fallback_html: str, label: str):
        self.widget = widget
        self.fallback_html = fallback_html
        self.label = label

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        if isinstance(bundle, tuple):
            bundle = bundle[0]
        bundle = dict(bundle)
        bundle["text/html"] = no_maths(self.fallback_html)
        bundle["text/plain"] = self.label
        return bundle


def _normalise_highlights(highlight) -> list[tuple[str, str]]:
    """Return a list of (label, span) from the accepted highlight forms."""
    if highlight is None:
        return []
    if isinstance(highlight, str):
        return [("", highlight)]
    if isinstance(highlight, pd.DataFrame):
        label_col = "label" if "label" in highlight.columns else None
        return [(str(r[label_col]) if label_col else "", r["span"]) for _, r in highlight.iterrows()]
    if isinstance(highlight, dict):
        out = []
        for label, spans in highlight.items():
            for s in [spans] if isinstance(spans, str) else spans:
                out.append((str(label), s))
        return out
    return [("", s) for s in highlight]


@corpus_first
def show_article(
    article_id: str, highlight=None, path=None, *, title: str | None = None, max_chars: int | None = SHOW_MAX_CHARS
) -> HTML:
    """A reading view of one article: numbered paragraphs, furniture greyed, spans highlighted.

    Every piece of article text is HTML-escaped. Each highlighted span is tinted and also
    marked with a bracketed letter tag that the legend explains, so the view does not rely
    on colour alone.

    Parameters
    ----------
    article_id : str
        The article to show.
    highlight : str, list of str, dict or DataFrame, optional
        Spans to highlight: one span; a list of spans; ``{label: span or [spans]}``; or a
        DataFrame with a ``span`` column (and optionally ``label``). Every span is checked
        with :func:`locate`.
    path : str or Path, optional
        The corpus folder.
    title : str, optional
        A heading above the article (default: outlet, date and headline).
    max_chars : int or None
        Draw at most this many characters of the article (default ``SHOW_MAX_CHARS``, 100,000),
        so that a very long file cannot make a huge notebook; a note above the text then says
        how much is shown. ``None`` draws everything. Analyses always read the whole text.

    Returns
    -------
    HTML
        Displays as HTML in Jupyter; ``.data`` holds the markup.

    Examples
    --------
    >>> view = show_article("cgtn-2025-05-17", highlight={"Medinsky": "took note"})
    >>> "[A]" in view.data and "&lt;" not in view.data
    True
    """
    base = data_dir(path)
    arts = load_articles(base)
    row = arts[arts["article_id"] == article_id]
    if row.empty:
        raise NotCodedError(
            Problem(
                "articles.csv",
                "",
                f"this corpus has no article {article_id!r}",
                f"use one of: {', '.join(arts['article_id'])}",
            )
        )
    row = row.iloc[0]
    text = row["text"]
    paras = _paragraphs_cached(arts, base)
    paras = paras[paras["article_id"] == article_id]
    marks = []  # (start, end, label_index)
    labels: list[str] = []
    for label, span in _normalise_highlights(highlight):
        s, e = locate(article_id, span, text=text)
        if label not in labels:
            labels.append(label)
        marks.append((s, e, labels.index(label)))
    tag = lambda i: chr(ord("A") + i) if i < 26 else str(i + 1)  # noqa: E731
    out = []
    heading = title if title is not None else f"{row['outlet']}, {row['published']}: {row['headline']}"
    out.append('<div class="kit-article" style="max-width:52em;font-family:Georgia,serif;line-height:1.5">')
    out.append(f"<h4 style='margin-bottom:0.3em'>{html.escape(heading)}</h4>")
    if labels:
        items = []
        for i, lab in enumerate(labels):
            colour = _PALETTE[i % len(_PALETTE)]
            items.append(
                f'<span style="background:{colour};padding:0 0.3em;border-bottom:2px solid #555">'
                f"[{tag(i)}]</span> {html.escape(lab or 'highlighted span')}"
            )
        out.append('<p style="font-family:sans-serif;font-size:0.85em">Legend: ' + " &nbsp; ".join(items) + "</p>")
    shown, cut = _within_cap(paras, max_chars)
    if cut is not None:
        out.append(_cap_note(row["article_id"], text, paras, shown, cut, marks))
    for p in shown.itertuples():
        segs = _render_paragraph(text, p.start, min(p.end, cut) if cut is not None else p.end, marks, tag)
        if cut is not None and p.end > cut:
            segs += ' <span style="font-family:sans-serif;color:#777">[… cut here: see the note above]</span>'
        if p.role == "body":
            style = ""
            role = ""
        else:
            style = "color:#777;font-style:italic;font-family:sans-serif;font-size:0.9em;"
            role = f' <span style="font-size:0.8em;border:1px solid #aaa;border-radius:3px;padding:0 0.2em">{p.role}</span>'
        out.append(
            f'<p style="margin:0.4em 0;{style}"><span style="color:#999;font-family:sans-serif;'
            f'font-size:0.8em;display:inline-block;min-width:2.2em">¶{p.para_no}</span>{segs}{role}</p>'
        )
    out.append("</div>")
    return HTML("\n".join(out))


def _within_cap(paras: pd.DataFrame, max_chars: int | None) -> tuple[pd.DataFrame, int | None]:
    """The paragraphs to draw, and the offset where the text is cut (None: all of it is drawn)."""
    if max_chars is None or paras.empty:
        return paras, None
    lengths = (paras["end"] - paras["start"]).cumsum()
    if lengths.iloc[-1] <= max_chars:
        return paras, None
    n = int((lengths <= max_chars).sum())  # whole paragraphs that fit; the next one is cut
    first_out = paras.iloc[n]
    used = int(lengths.iloc[n - 1]) if n else 0
    return paras.iloc[: n + 1], int(first_out["start"]) + max(max_chars - used, 0)


def _cap_note(article_id: str, text: str, paras: pd.DataFrame, shown: pd.DataFrame, cut: int, marks) -> str:
    hidden = sum(1 for s, _, _ in marks if s >= cut)
    spans = f" {hidden} highlighted span(s) lie in the part not shown." if hidden else ""
    return (
        f'<div class="kit-cap-note" style="border-left:4px solid #56B4E9;background:#eef6fb;padding:0.4em 0.8em;'
        f'font-family:sans-serif;font-size:0.9em">This article is long, so only its beginning is shown here: '
        f"{cut:,} of its {len(text):,} characters (paragraph{'s 1–' if len(shown) > 1 else ' '}{len(shown)} of "
        f"{len(paras):,}). The analyses of the kit read the whole text.{spans} To draw more, use "
        f"<code>helpers.show_article({html.escape(repr(article_id))}, max_chars=None)</code> (a very long "
        f"article makes the notebook very large) or open the file itself.</div>"
    )


def _render_paragraph(text, start, end, marks, tag) -> str:
    inside = [(max(s, start), min(e, end), i, s) for s, e, i in marks if s < end and e > start]
    points = sorted({start, end, *[p for s, e, _, _ in inside for p in (s, e)]})
    parts = []
    for a, b in zip(points, points[1:]):
        active = [(i, s0) for s, e, i, s0 in inside if s <= a and e >= b]
        chunk = html.escape(text[a:b])
        if not active:
            parts.append(chunk)
            continue
        i = active[0][0]
        tags = "".join(
            f'<sup style="font-family:sans-serif;font-weight:bold">[{tag(j)}]</sup>' for j, s0 in active if s0 == a
        )
        parts.append(
            f'<mark style="background:{_PALETTE[i % len(_PALETTE)]};border-bottom:2px solid #555;padding:0">{tags}{chunk}</mark>'
        )
    return "".join(parts)


@corpus_first
def kwic(
    term: str, path=None, *, window: int = 40, regex: bool = False, case: bool = False, roles=TEXT_ROLES
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a term across the corpus, with its surroundings.

    Parameters
    ----------
    term : str
        A word or phrase (matched on word boundaries), or a regular expression if ``regex``.
    path : str or Path, optional
        The corpus folder.
    window : int
        Characters of context on each side.
    regex : bool
        Treat ``term`` as a regular expression.
    case : bool
        Match case exactly (default: ignore case).
    roles : tuple of str
        Paragraph roles to search (default: headline, standfirst, body).

    Returns
    -------
    pandas.DataFrame
        One row per occurrence, in article and text order. Columns: ``article_id``,
        ``para_no``, ``role``, ``start`` and ``end`` (offsets of the match in the article),
        ``left``, ``match``, ``right`` (context, within the paragraph).

    Examples
    --------
    >>> k = kwic("Kiev")
    >>> k.groupby("article_id").size().to_dict()
    {'atalayar-2025-05-19': 2, 'globaltimes-2025-05-14': 1}
    """
    base = data_dir(path)
    paras = paragraphs(base)
    paras = paras[paras["role"].isin(roles)]
    pattern = term if regex else r"(?<!\w)" + re.escape(term) + r"(?!\w)"
    try:
        rx = re.compile(pattern, 0 if case else re.IGNORECASE)
    except re.error as exc:
        raise _err(
            "kwic",
            "",
            f"{term!r} is not a valid regular expression ({exc})",
            "escape signs such as ( [ ? * with a backslash, or search for the words as they are (regex=False)",
        ) from None
    rows = []
    for p in paras.itertuples():
        for m in rx.finditer(p.text):
            left = p.text[max(0, m.start() - window) : m.start()]
            right = p.text[m.end() : m.end() + window]
            rows.append(
                (p.article_id, p.para_no, p.role, p.start + m.start(), p.start + m.end(), left, m.group(0), right)
            )
    return pd.DataFrame(rows, columns=["article_id", "para_no", "role", "start", "end", "left", "match", "right"])


def html_table(
    df: pd.DataFrame, *, max_rows: int | None = TABLE_MAX_ROWS, max_cell: int | None = TABLE_MAX_CELL
) -> HTML:
    """Render a DataFrame as an HTML table with every cell escaped and text left-aligned.

    Use this for tables that contain article text (pandas' own rendering also escapes,
    but this one keeps long text readable and wraps it). At most ``max_rows`` rows (default
    1,000) and ``max_cell`` characters per cell (default 5,000) are drawn; a line under the
    table says what was left out. ``None`` draws everything.

    Examples
    --------
    >>> html_table(pd.DataFrame({"a": ["<b>"]})).data.count("&lt;b&gt;")
    1
    >>> "showing the first 2 of 3 rows" in html_table(pd.DataFrame({"a": [1, 2, 3]}), max_rows=2).data
    True
    """
    rows = df if max_rows is None else df.head(max_rows)
    pad = kit.style.CELL_PADDING
    head = "".join(f"<th style='text-align:left;{pad}'>{kit.style.breakable(str(c))}</th>" for c in rows.columns)
    body = []
    cut_cells = 0
    for rec in rows.itertuples(index=False):
        values = [str(v) for v in rec]
        if max_cell is not None:
            cut_cells += sum(len(v) > max_cell for v in values)
            values = [v if len(v) <= max_cell else v[:max_cell] + " […]" for v in values]
        cells = "".join(
            f"<td style='text-align:left;vertical-align:top;{pad}'>{kit.style.breakable(v)}</td>" for v in values
        )
        body.append(f"<tr>{cells}</tr>")
    notes = []
    if len(rows) < len(df):
        notes.append(f"showing the first {len(rows):,} of {len(df):,} rows")
    if cut_cells:
        notes.append(f"{cut_cells} cell(s) longer than {max_cell:,} characters cut, marked […]")
    note = (
        (
            f"<p class='kit-table-note' style='font-family:sans-serif;font-size:0.85em;color:#555'>Table shortened: "
            f"{'; '.join(notes)} (pass max_rows=None, max_cell=None to draw everything).</p>"
        )
        if notes
        else ""
    )
    return HTML(f"<table class='kit-table'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}")


# --------------------------------------------------------------------------------------------
# Provenance, corpus card, timeline
# --------------------------------------------------------------------------------------------


def corpus_summary(path=None) -> HTML:
    """One line on the corpus in use: articles, outlets, words of body text and dates.

    On a corpus other than the kit's own it adds the note that the notebooks' text describes the
    kit's five articles (see :func:`kit.byo.about_kit_articles`).

    Examples
    --------
    >>> corpus_summary().data.startswith("<p>5 articles from 4 outlets")
    True
    """
    from kit.byo import about_kit_articles

    arts = load_articles(path)
    if arts.empty:
        return HTML("<p>The corpus has no articles yet.</p>")
    line = (
        f"<p>{len(arts)} article{'s' if len(arts) != 1 else ''} from {arts.outlet.nunique()} outlet"
        f"{'s' if arts.outlet.nunique() != 1 else ''}, {int(arts.word_count.sum()):,} words of body text, "
        f"published {html.escape(arts.published.min())} to {html.escape(arts.published.max())}.</p>"
    )
    note = about_kit_articles(path)
    return HTML(line + (note.data if note is not None else ""))


def inferred_metadata(path=None, *, fields=("outlet", "published", "headline"), width: int = 110) -> HTML:
    """The facts about the articles that are only inferred (or unknown), each with the clue it rests on.

    Reads ``article_provenance.csv`` (see :func:`provenance`); the evidence is cut at ``width``
    characters (``helpers.provenance(corpus)`` has it in full).

    Examples
    --------
    >>> "inferred" in inferred_metadata().data
    True
    """
    prov = provenance(path)
    rows = prov[(prov.status != "verified") & prov.field.isin(fields)]
    rows = rows.assign(evidence=[e if len(e) <= width else e[: width - 1] + "…" for e in rows.evidence])
    return html_table(rows[["article_id", "field", "value", "status", "evidence"]])


@corpus_first
def paragraph_roles(article_id: str, path=None, *, width: int = 90) -> HTML:
    """The paragraphs of one article with the role the kit gives each and the rule (or annotation) behind it.

    Examples
    --------
    >>> "headline" in paragraph_roles(None, "globaltimes-2025-05-14").data
    True
    """
    article_text(article_id, path)  # an article the corpus lacks: NotCodedError, shown as a notice
    paras = paragraphs(path)
    one = paras[paras.article_id == article_id]
    one = one.assign(text=[t if len(t) <= width else t[: width - 1] + "…" for t in one.text])
    return html_table(one[["para_no", "role", "role_source", "text"]])


@cached
def provenance(path=None) -> pd.DataFrame:
    """How sure each metadata fact is: one row per (article, field).

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``article_id``, ``field`` (outlet, headline, published, timing, country,
        ownership, language_edition, url, author), ``value``, ``status`` (``verified``,
        ``inferred``, ``unknown``, or a qualified form such as ``verified (edition) / inferred
        (translation)``), ``evidence`` (the cue or the source). Empty if the corpus has no
        ``article_provenance.csv``.

    Examples
    --------
    >>> p = provenance()
    >>> p[(p.article_id == "athenstimes-2025-05-15") & (p.field == "published")].status.item()
    'inferred'
    """
    base = data_dir(path)
    f = base / "article_provenance.csv"
    cols = ["article_id", "field", "value", "status", "evidence"]
    if not f.exists():
        return pd.DataFrame(columns=cols)
    return read_csv_checked(f, required=cols, base=base)[cols]


def corpus_card(path=None) -> pd.DataFrame:
    """The corpus at a glance: one row per article, each fact with how sure it is.

    Returns
    -------
    pandas.DataFrame
        One row per article (sorted by date), columns ``article_id``, ``outlet``,
        ``published``, ``timing``, ``country``, ``ownership``; each value is followed by its
        status in brackets where ``article_provenance.csv`` records one, e.g.
        ``2025-05-15 (inferred)``.

    Examples
    --------
    >>> card = corpus_card()
    >>> card.loc[card.article_id == "cgtn-2025-05-17", "outlet"].item()
    'CGTN (inferred)'
    """
    base = data_dir(path)
    arts = load_articles(base)
    prov = provenance(base)
    status = {(r.article_id, r.field): r.status for r in prov.itertuples()}
    fields = ["outlet", "published", "timing", "country", "ownership"]
    card = arts[["article_id", *fields]].copy()
    for f in fields:
        card[f] = [
            f"{v or 'unknown'} ({status[(a, f)]})" if (a, f) in status else (v or "unknown")
            for a, v in zip(card["article_id"], card[f])
        ]
    return card.reset_index(drop=True)


@cached
def events(path=None, facts="key") -> pd.DataFrame:
    """The dated facts the timeline draws: facts of ``record.csv`` chosen and labelled in ``timeline.csv``.

    One table of dated facts serves every timeline of the kit (see
    :func:`kit.claims.timeline_events`, which this returns).

    Parameters
    ----------
    path : Corpus, str or Path, optional
        The corpus.
    facts : ``"key"``, ``"all"`` or list of str
        The short overview (default), every fact ``timeline.csv`` lists, or chosen fact ids.

    Returns
    -------
    pandas.DataFrame
        One row per fact, by date. Columns ``fact_id``, ``label``, ``mark`` (``planned``,
        ``held``, ``context`` or ``""``), ``mark_label``, ``when``, ``when_start``, ``when_end``,
        ``when_precision``, ``context``. Empty if the corpus has no ``record.csv``.

    Examples
    --------
    >>> events().query("mark == 'planned'").when.tolist()
    ['2025-05-15']
    """
    from kit import claims

    return claims.timeline_events(path, facts if isinstance(facts, str) else list(facts))


def plot_timeline(path=None, *, facts="key", part: int = 1, start=None, end=None):
    """Plot when each article was published against the dated facts of the record: what each writer could know.

    The one timeline of the kit. The top panel has one row per fact (a diamond for a moment
    known to the minute, a bar for a day, month or interval); the bottom panel one row per
    article, with a band from the left edge to its publication moment (what had happened by
    then) and a marker at that moment (filled: date verified; hollow: inferred, or as given in
    ``articles.csv``; a box when the time of day is unknown). Every article has its own row, so
    articles of the same day never overlap. Facts that ``timeline.csv`` marks ``planned`` or
    ``held`` get a dashed line or a band across the chart; facts marked ``context`` (or off the
    dates shown) are listed under it. A corpus without ``record.csv`` gets the articles panel
    only, with a note saying how to add the record.

    At most :data:`kit.claims.MAX_FACTS_PER_CHART` facts are drawn in one chart, so that it stays
    readable on a projector; more are split into parts with the same dates (``part=2`` ...),
    and the chart says so.

    Parameters
    ----------
    path : Corpus, str or Path, optional
        The corpus.
    facts : ``"key"``, ``"all"`` or list of str
        ``"key"`` (default): the short overview ``timeline.csv`` marks; ``"all"``: every fact it
        lists; or chosen ``fact_id`` values (see :func:`events`).
    part : int
        Which part, when the facts do not fit one chart.
    start, end : str, optional
        The dates shown (``YYYY-MM-DD``); default two days before the first article or fact to a
        day after the last.

    Returns
    -------
    matplotlib.figure.Figure or None
        ``None`` (after one printed line) when ``part`` is beyond the last part of this corpus.

    Examples
    --------
    >>> fig = plot_timeline()
    >>> [ax.get_title(loc="left")[:26] for ax in fig.axes]
    ['What had happened (record.', 'When each article appeared']
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    from kit import claims

    return claims._timeline_figure(path, facts=facts, part=part, start=start, end=end)


# --------------------------------------------------------------------------------------------
# Annotation files
# --------------------------------------------------------------------------------------------


def _code_problems(df: pd.DataFrame, codes: dict, label: str) -> list[Problem]:
    """A problem for every value outside its column's closed code list."""
    problems = []
    for col, allowed in codes.items():
        allowed = set(allowed)
        for line, v in zip(df["csv_line"], df[col] if col in df.columns else []):
            if v and v not in allowed:
                problems.append(
                    Problem(label, f"line {line}", f"unknown {col} {v!r}", f"use one of: {', '.join(sorted(allowed))}")
                )
    return problems


def _line_no(problem: Problem) -> int:
    parts = problem.row.split()
    return int(parts[1]) if len(parts) > 1 and parts[0] == "line" and parts[1].isdigit() else 0


def read_annotation(
    name: str,
    *,
    required,
    path=None,
    codes: dict | None = None,
    span_col: str | None = "span",
    allow_empty_span: bool = False,
    folder: str = "annotations",
    row_checks=(),
) -> pd.DataFrame:
    """Read and check one hand-made annotation file of the corpus.

    Every annotation layer of the kit loads its file through this function, so that all of
    them report problems the same way: the file, the line and the fix, all at once.

    Parameters
    ----------
    name : str
        The file name, e.g. ``"positions.csv"``.
    required : sequence of str
        Columns that must be present.
    path : str or Path, optional
        The corpus folder (see :func:`data_dir`).
    codes : dict, optional
        ``{column: allowed values}``; a value outside the set is reported with the list of
        allowed values. Empty cells are allowed (check them separately if they are not).
    span_col : str or None
        The column of verbatim evidence spans, checked with :func:`verify_spans` (which adds
        ``start`` and ``end``); ``None`` if the file has no spans.
    allow_empty_span : bool
        Accept rows with an empty span (start and end are then -1).
    folder : str
        The sub-folder of the corpus that holds the file.
    row_checks : sequence of callables
        The layer's own checks: each takes the table and returns a list of :class:`Problem`.
        Their problems are reported together with the code and span problems, so that one run
        lists everything wrong in the file.

    Returns
    -------
    pandas.DataFrame
        The rows, all columns as text, plus ``csv_line`` and, if spans are checked, ``start``
        and ``end``.

    Raises
    ------
    NotCodedError
        If the file does not exist (a corpus not yet coded for this layer).
    KitDataError
        Listing every bad row: unknown article ids, unknown codes, spans not found.

    Examples
    --------
    >>> roles = read_annotation("paragraph_roles.csv", required=["article_id", "role"], span_col=None,
    ...                         codes={"role": set(ROLES)})
    >>> sorted(roles.role)
    ['label', 'standfirst']
    """
    base = data_dir(path)
    file = base / folder / name
    label = f"{folder}/{name}"
    if not file.exists():
        raise NotCodedError(
            Problem(
                label,
                "",
                "this corpus has not been coded for this layer yet",
                f"start from the template: helpers.annotation_template({name!r}, folder) "
                f"writes an empty {name} with the right columns",
            )
        )
    df = read_csv_checked(file, required=required, base=base)
    problems = []
    known_ids = None
    if "article_id" in df.columns:
        known_ids = _listed_ids(base)
        for r in df.to_dict("records"):
            if r["article_id"] not in known_ids:
                problems.append(
                    Problem(
                        label,
                        f"line {r['csv_line']}",
                        f"unknown article_id {r['article_id']!r}",
                        "use an article_id from articles.csv",
                    )
                )
    problems.extend(_code_problems(df, codes or {}, label))
    for check in row_checks:
        problems.extend(check(df))
    if span_col is not None:
        # spans of rows whose article exists are checked too, so that one run reports everything
        ok = df if known_ids is None else df[df["article_id"].isin(known_ids)]
        try:
            spans = verify_spans(ok, file=label, span_col=span_col, path=base, allow_empty=allow_empty_span)
        except KitDataError as exc:
            problems.extend(exc.problems)
        else:
            df = df.assign(start=spans["start"], end=spans["end"])
    if problems:
        problems.sort(key=_line_no)
        raise KitDataError(problems)
    return df
