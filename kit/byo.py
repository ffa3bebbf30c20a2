"""Bring your own articles: templates, checks and notices for a corpus the kit has not coded.

A teacher's own corpus starts with articles only. The kit's text tools (reading view, keyword in
context, sentences, word counts) work on it at once; the hand-coded layers (speakers and
attributions, framing elements, positions, claims ...) do not exist until someone codes them.
This module helps with that:

* :func:`annotation_template` writes an empty annotation file with the right columns into the
  corpus folder (never into the kit's own ``data/``);
* :func:`when_coded` runs a notebook step and, if its layer is not coded yet, shows a clear
  "not yet coded for this corpus" notice naming the template command instead of an error;
* :func:`kit_corpus_only` and :func:`example_article` let a notebook keep examples that are about
  the kit's own five articles without failing on another corpus, and :func:`about_kit_articles`
  marks prose that quotes the kit's own figures when another corpus is in use;
* :func:`check_annotations` checks every annotation file present in a corpus folder and reports
  every problem at once; :func:`check_folder` runs it together with
  :func:`kit.core.check_corpus` (what ``python -m helpers check FOLDER`` prints);
* :func:`coding_status` lists which layers a corpus has coded;
* :func:`check_notes` lists what the checker warns about without refusing the folder (lines the
  kit's rules read as page furniture, hard-wrapped files), and :func:`write_reflowed` writes a
  re-flowed copy of a corpus whose files are hard-wrapped (``python -m helpers check
  --fix-wrapping FOLDER``); :func:`command_line` is ``python -m helpers check``.
"""

from __future__ import annotations

import csv
import hashlib
import html
import importlib
import itertools
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kit import core
from kit.core import HTML, KitDataError, NotCodedError, Problem

__all__ = [
    "LAYERS",
    "annotation_template",
    "when_coded",
    "not_coded_notice",
    "is_kit_corpus",
    "uses_kit_articles",
    "about_kit_articles",
    "kit_corpus_only",
    "example_article",
    "coding_status",
    "check_annotations",
    "check_folder",
    "check_notes",
    "looks_hard_wrapped",
    "reflow_text",
    "write_reflowed",
    "command_line",
]


@dataclass(frozen=True)
class Layer:
    """One hand-coded file a corpus folder may hold, and how to check it."""

    file: str  # relative to the corpus folder
    what: str
    notebook: str
    span_col: str | None = None
    allow_empty_span: bool = False
    codebook: bool = False  # the kit's own rows are a reusable starting point
    closed: dict = field(default_factory=dict)  # column -> codes, or "module:ATTRIBUTE"
    refs: dict = field(default_factory=dict)  # column -> (file, id column) in the same corpus
    loader: str | None = None  # "module:function" that loads and checks the file, if written

    @property
    def name(self) -> str:
        return Path(self.file).name


_SPEAKERS = ("annotations/speakers.csv", "speaker_id")

#: Every hand-coded file the kit reads, in the order of the notebooks. Closed code lists follow
#: ``data/README.md``; where a layer module defines the codes, its constant is used.
LAYERS: dict[str, Layer] = {
    layer.name: layer
    for layer in [
        Layer(
            "annotations/paragraph_roles.csv",
            "paragraph roles that override the kit's rules",
            "00",
            closed={"role": "kit.core:ROLES"},
            loader="kit.core:paragraphs",
        ),
        Layer(
            "annotations/speakers.csv",
            "the speakers gazetteer (one row per person or body quoted)",
            "01",
            closed={
                "speaker_type": (
                    "head_of_state_or_government",
                    "vice_president",
                    "minister",
                    "spokesperson",
                    "negotiator",
                    "legislator",
                    "anonymous_official",
                    "academic_expert",
                    "anonymous_observers",
                    "state_metonym",
                    "outlet_relay",
                    "outlet_itself",
                    "intergovernmental_body",
                    "other",
                )
            },
            loader="kit.sourcing:speakers",
        ),
        Layer(
            "annotations/attributions.csv",
            "who is quoted or paraphrased, and how",
            "01",
            span_col="span",
            closed={"form": ("direct_quote", "partial_quote", "indirect")},
            refs={"speaker_id": _SPEAKERS, "relay_id": _SPEAKERS},
            loader="kit.sourcing:attributions",
        ),
        Layer(
            "annotations/lexicon.csv",
            "the contested word choices to count",
            "02",
            codebook=True,
            closed={"case_sensitive": ("true", "false")},
            loader="kit.framing:lexicon",
        ),
        Layer(
            "annotations/framing_elements.csv",
            "Entman's four framing elements, per article",
            "02",
            span_col="span",
            closed={
                "element": (
                    "problem_definition",
                    "causal_interpretation",
                    "moral_evaluation",
                    "treatment_recommendation",
                )
            },
            loader="kit.framing:framing_elements",
        ),
        Layer(
            "annotations/generic_frames_codebook.csv",
            "the generic-frames questions",
            "02",
            codebook=True,
            closed={"frame": ("responsibility", "human_interest", "conflict", "morality", "economic")},
            loader="kit.framing:generic_frames_codebook",
        ),
        Layer(
            "annotations/generic_frames.csv",
            "the generic-frames answers, per article",
            "02",
            span_col="span",
            allow_empty_span=True,
            closed={"answer": ("yes", "no")},
            refs={"item_id": ("annotations/generic_frames_codebook.csv", "item_id")},
            loader="kit.framing:generic_frames",
        ),
        Layer(
            "annotations/foreground.csv",
            "what each article foregrounds and leaves out",
            "02",
            span_col="span",
            allow_empty_span=True,
            closed={
                "kind": (
                    "foregrounds",
                    "leaves_out",
                    "wire_reuse",
                    "translation_cue",
                    "page_furniture_cue",
                    "error_against_record",
                )
            },
            loader="kit.framing:foreground",
        ),
        Layer(
            "annotations/coverage_checklist.csv",
            "the questions asked of every article (coverage checklist)",
            "02",
            codebook=True,
            closed={"kind": ("quote", "text"), "applies_to": ("all", "after")},
            loader="kit.framing:checklist_questions",
        ),
        Layer(
            "annotations/actors_codebook.csv",
            "the actor codes of the positions ledger",
            "03",
            codebook=True,
            loader="kit.positions:actors_codebook",
        ),
        Layer(
            "annotations/issues_codebook.csv",
            "the issue codes of the positions ledger",
            "03",
            codebook=True,
            loader="kit.positions:issues_codebook",
        ),
        Layer(
            "annotations/positions.csv",
            "the positions ledger: what each side states it wants",
            "03",
            span_col="span",
            closed={"voice": "kit.positions:VOICES", "stance": "kit.positions:STANCES"},
            refs={
                "actor": ("annotations/actors_codebook.csv", "actor"),
                "issue": ("annotations/issues_codebook.csv", "issue"),
                "speaker_id": _SPEAKERS,
                "relay_id": _SPEAKERS,
            },
            loader="kit.positions:positions",
        ),
        Layer("record.csv", "the record of facts to check claims against", "04", loader="kit.claims:record"),
        Layer(
            "timeline.csv",
            "which facts of the record the timeline shows",
            "04",
            closed={"key": ("yes", "no"), "mark": "kit.claims:TIMELINE_MARKS"},
            refs={"fact_id": ("record.csv", "fact_id")},
            loader="kit.claims:timeline_facts",
        ),
        Layer(
            "annotations/claims.csv",
            "claims lined up across the articles",
            "04",
            span_col="span",
            allow_empty_span=True,
            closed={
                "relation_to_others": "kit.claims:RELATIONS_TO_OTHERS",
                "relation_to_record": "kit.claims:RELATIONS_TO_RECORD",
                "difference_kind": "kit.claims:DIFFERENCE_KINDS",
            },
            loader="kit.claims:claims",
        ),
        Layer(
            "annotations/known_differences.csv",
            "the differences the corpus's notes list, with their claim rows",
            "04",
            loader="kit.claims:known_differences",
        ),
        Layer(
            "annotations/claim_topics.csv",
            "plain names of the claim topics (optional)",
            "04",
            refs={"topic": ("annotations/claims.csv", "topic")},
        ),
        Layer(
            "coding_round/sample.csv",
            "the items of the code-it-yourself round",
            "05",
            span_col="span",
            allow_empty_span=True,
            closed={"task": "kit.teaching:TASKS"},
            loader="kit.teaching:coding_sample",
        ),
    ]
}

_DOC = "docs/bring-your-own-articles.md"


def _resolve(ref: str):
    """``"module:attr"`` -> the object, or None if the module or attribute does not exist (yet)."""
    module, _, attr = ref.partition(":")
    try:
        return getattr(importlib.import_module(module), attr, None)
    except ImportError:
        return None


def _layer(name: str) -> Layer:
    key = Path(str(name)).name
    if key not in LAYERS:
        raise core._err(str(name), "", "this is not a file the kit reads", f"use one of: {', '.join(LAYERS)}")
    return LAYERS[key]


# --------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------


def annotation_template(name: str, folder=None, *, kit_rows: bool | None = None) -> Path:
    """Write an empty annotation file with the right columns into a corpus folder.

    The header is copied from the kit's own file of the same name, so the columns always match
    what the notebooks read. Codebooks (``issues_codebook.csv``, ``generic_frames_codebook.csv``,
    ``lexicon.csv``) are copied with the kit's rows as a starting point, since a layer cannot be
    coded without codes; edit them freely. Nothing is ever written into the kit's own ``data/``
    folder, and an existing file is never overwritten.

    Parameters
    ----------
    name : str
        The file name, e.g. ``"positions.csv"`` (see ``LAYERS``).
    folder : str or Path, optional
        The corpus folder (default: ``KIT_DATA_DIR``, see :func:`kit.core.data_dir`).
    kit_rows : bool, optional
        Copy the kit's rows too (default: only for codebooks).

    Returns
    -------
    pathlib.Path
        The file written, e.g. ``<folder>/annotations/positions.csv``.

    Raises
    ------
    KitDataError
        If the name is unknown, the folder does not exist or is the kit's own ``data/``, or
        the file already exists.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> annotation_template("positions.csv", folder).read_text(encoding="utf-8").split(",")[:3]
    ['position_id', 'article_id', 'actor']
    >>> len(annotation_template("issues_codebook.csv", folder).read_text(encoding="utf-8").splitlines()) > 10
    True
    """
    layer = _layer(name)
    base = core.data_dir(folder)
    kit_data = core.DEFAULT_DATA_DIR.resolve()
    if base == kit_data or kit_data in base.parents:
        raise core._err(
            layer.file,
            "",
            "the kit's own data/ folder is never written to",
            "pass your corpus folder, e.g. helpers.annotation_template(name, 'my-corpus'), or set KIT_DATA_DIR to it",
        )
    if not base.is_dir():
        raise core._err(base.name, "", "the corpus folder does not exist", "create it first (see " + _DOC + ")")
    source = kit_data / layer.file
    target = base / layer.file
    if target.parent.exists() and not core._inside(target.parent, base):
        raise core._err(
            layer.file,
            "",
            f"{target.parent.name}/ is a link to a folder outside the corpus folder, and the kit writes only inside it",
            f"make {target.parent.name}/ a real folder inside the corpus folder",
        )
    if target.is_symlink():  # also a link that leads nowhere: writing would create a file wherever it points
        raise core._err(
            layer.file,
            "",
            "a link of this name is there, and the kit never writes through a link",
            "delete the link; then make the template again",
        )
    if target.exists():
        raise core._err(
            layer.file,
            "",
            "the file already exists in this corpus",
            "edit it; or delete it first if you want to start again from the template",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    if kit_rows if kit_rows is not None else layer.codebook:
        shutil.copyfile(source, target)
    else:
        with open(source, encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f))
        with open(target, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerow(header)
    return target


# --------------------------------------------------------------------------------------------
# Notices for notebooks
# --------------------------------------------------------------------------------------------

_BOX = (
    "border-left:4px solid #E69F00;background:#fff7e0;padding:0.5em 1em;margin:0.4em 0;"
    "font-family:sans-serif;max-width:52em"
)


class Notice(HTML):
    """A notice shown in a notebook instead of a result (see :func:`when_coded`).

    So that the cells after a "not yet coded" step need no special code, a notice stands in for
    the missing table: selecting from it, calling a method on it or passing it to
    :func:`when_coded` gives back a short reminder notice, and it has no rows (``len`` is 0).

    Examples
    --------
    >>> note = Notice("<b>not coded</b>", "annotations/positions.csv")
    >>> later = note[["actor", "issue"]].query("actor == 'russia'").head(3)
    >>> later.file, len(later), list(later)
    ('annotations/positions.csv', 0, [])
    """

    def __init__(self, data: str, file: str = ""):
        super().__init__(data)
        self.file = file

    def reminder(self) -> "Notice":
        """A one-line version, for the cells after the first notice."""
        if self.data.startswith('<div class="kit-reminder"'):
            return self
        return Notice(
            f'<div class="kit-reminder" style="{_BOX}"><strong>Not yet coded for this corpus</strong> '
            f"(<code>{html.escape(self.file)}</code>): see the notice above.</div>",
            self.file,
        )

    def __getattr__(self, name):
        if name.startswith("_"):  # keeps IPython's display machinery and copy/pickle working
            raise AttributeError(name)
        return self.reminder()

    def __getitem__(self, key):
        return self.reminder()

    def __call__(self, *args, **kwargs):
        return self.reminder()

    def __invert__(self):  # table.loc[~table.flag]
        return self.reminder()

    def __len__(self) -> int:
        return 0

    def __iter__(self):
        return iter(())


def not_coded_notice(error: NotCodedError | str) -> Notice:
    """The "not yet coded for this corpus" notice for a missing annotation file.

    Parameters
    ----------
    error : NotCodedError or str
        The error raised by a layer, or the missing file's name (e.g. ``"positions.csv"``).

    Returns
    -------
    Notice
        HTML that names the file, what it holds, the notebook that uses it and the template
        command; ``.file`` is the missing file (relative to the corpus folder).

    Examples
    --------
    >>> note = not_coded_notice("positions.csv")
    >>> note.file
    'annotations/positions.csv'
    >>> 'helpers.annotation_template("positions.csv")' in note.data
    True
    """
    if isinstance(error, NotCodedError):
        missing = error.problems[0].file if error.problems else ""
    else:
        missing = str(error)
    key = Path(missing).name
    layer = LAYERS.get(key)
    example = isinstance(error, NotCodedError) and error.problems and (layer is None or error.example)
    if example:
        # an example about the kit's own articles: an article id, a passage or a numbered difference this corpus lacks
        fix = error.problems[0].fix
        return Notice(
            f'<div class="kit-other-corpus" style="{_BOX}"><strong>An example about the kit\'s own '
            f"articles.</strong> The corpus in use does not have the article, the passage or the numbered "
            f"difference this cell is about, so it is skipped. {html.escape(fix[:1].upper() + fix[1:])}.</div>",
            missing,
        )
    rel = layer.file if layer else missing
    what = f" ({html.escape(layer.what)}, used in notebook {layer.notebook})" if layer else ""
    cmd = f'helpers.annotation_template("{key}")'
    data = (
        f'<div class="kit-not-coded" style="{_BOX}">'
        f"<strong>Not yet coded for this corpus.</strong> "
        f"This step reads <code>{html.escape(rel)}</code>{what}, and the corpus in use has no such file yet, "
        f"so there is nothing to show here. The text tools of the kit still work on these articles."
        f"<br>To start coding this layer, run <code>{html.escape(cmd, quote=False)}</code> in a cell: it writes an empty "
        f"file with the right columns into your corpus folder (<code>KIT_DATA_DIR</code>). Fill in one row per "
        f"item, then check it with <code>python -m helpers check FOLDER</code>. "
        f"See <code>{_DOC}</code>.</div>"
    )
    return Notice(data, rel)


def when_coded(fn, *args, **kwargs):
    """Run a notebook step that needs a hand-coded layer; show a notice if it is not coded yet.

    Only a missing annotation file (:class:`kit.core.NotCodedError`) turns into the notice; a
    file with errors still raises its :class:`kit.core.KitDataError`, which names the line
    and the fix. If an argument is itself a notice (an earlier step was not coded), ``fn`` is
    not called and a one-line reminder is returned. The pattern in a notebook::

        ledger = helpers.when_coded(helpers.positions)            # the table, or the notice
        helpers.when_coded(helpers.voice_summary, ledger=ledger)  # the summary, or a reminder

    Parameters
    ----------
    fn : callable
        The helper to call, e.g. ``helpers.position_matrix``.
    *args, **kwargs
        Passed on to ``fn``.

    Returns
    -------
    object
        What ``fn`` returns, or a :class:`Notice` (see :func:`not_coded_notice`).

    Examples
    --------
    >>> when_coded(len, [1, 2, 3])
    3
    >>> def needs_positions():
    ...     raise NotCodedError(Problem("annotations/positions.csv", "", "not coded", "start from the template"))
    >>> note = when_coded(needs_positions)
    >>> print(repr(note)[:29])
    Not yet coded for this corpus
    >>> print(repr(when_coded(len, note)))
    Not yet coded for this corpus (annotations/positions.csv): see the notice above.
    """
    for value in [*args, *kwargs.values()]:
        if isinstance(value, Notice):  # an earlier step was not coded: remind, do not run
            return value.reminder()
    try:
        return fn(*args, **kwargs)
    except NotCodedError as exc:
        return not_coded_notice(exc)


def is_kit_corpus(path=None) -> bool:
    """True if the corpus in use is the kit's own ``data/`` folder (not a corpus of your own).

    Examples
    --------
    >>> is_kit_corpus()
    True
    """
    return core.data_dir(path) == core.DEFAULT_DATA_DIR.resolve()


def _kit_digests() -> set[str]:
    """The SHA-256 of each of the kit's own article files, from ``data/articles.sha256``."""
    lines = (core.DEFAULT_DATA_DIR / "articles.sha256").read_text(encoding="utf-8").splitlines()
    return {line.split()[0] for line in lines if line.strip()}


def uses_kit_articles(path=None) -> bool:
    """True if the corpus in use holds exactly the kit's own five articles (wherever the folder is).

    Decided by the articles' contents, not by the folder's name: the SHA-256 of every article file
    is compared with the kit's ``data/articles.sha256``. A copy of the kit's data is the kit's
    corpus; the kit's articles plus one more, or a changed article, is not.

    Examples
    --------
    >>> uses_kit_articles()
    True
    """
    base = core.data_dir(path)
    kit = _kit_digests()
    arts = core.load_articles(base)
    if len(arts) != len(kit):
        return False
    digests = {hashlib.sha256((base / "articles" / f).read_bytes()).hexdigest() for f in arts["file"]}
    return digests == kit


def about_kit_articles(path=None) -> Notice | None:
    """Mark the notebook text around it as written about the kit's own five articles, if another corpus is in use.

    The notebooks' prose quotes figures and passages of the kit's own corpus ("no word passes
    G2 15.13", "two of the five articles ..."). On another corpus the tables and charts are
    computed from the articles in use, but the prose stays as written. Put this call in a code
    cell next to such prose: on the kit's own articles it shows nothing (and returns ``None``),
    on any other corpus it shows a short note saying that the text describes the kit's articles.
    It never changes what the analyses compute.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).

    Returns
    -------
    Notice or None

    Examples
    --------
    >>> about_kit_articles() is None
    True
    """
    if uses_kit_articles(path):
        return None
    base = core.data_dir(path)
    n = len(core.load_articles(base))
    return Notice(
        f'<div class="kit-about-kit-articles" style="{_BOX}"><strong>The text of this notebook describes the kit\'s '
        f"own five articles</strong>. The corpus in use is another one ({n} "
        f"article{'s' if n != 1 else ''} in <code>{html.escape(base.name)}/</code>): the tables and charts below are "
        f"computed from it, but numbers, names and passages quoted in the text are about the kit's articles and "
        f"may not match them.</div>"
    )


def kit_corpus_only(fn, *args, **kwargs):
    """Run an example that is about the kit's own articles; on another corpus, say so instead.

    Notebooks discuss particular passages of the kit's five articles (an article id, a
    highlighted phrase). On your own corpus those passages do not exist: the cell then shows a
    short notice listing your article ids, so you can try the same function on one of them.

    Parameters
    ----------
    fn : callable
        The helper to call, e.g. ``helpers.show_article``.
    *args, **kwargs
        Passed on to ``fn``; a ``path`` keyword, if given, decides which corpus is in use.

    Returns
    -------
    object
        What ``fn`` returns, or a :class:`Notice`.

    Examples
    --------
    >>> kit_corpus_only(len, "abc")
    3
    """
    path = kwargs.get("path")
    if is_kit_corpus(path):
        return fn(*args, **kwargs)
    try:
        ids = ", ".join(core.load_articles(path)["article_id"])
    except KitDataError:
        ids = "(see python -m helpers check FOLDER)"
    name = getattr(fn, "__name__", "this step")
    return Notice(
        f'<div class="kit-other-corpus" style="{_BOX}"><strong>An example about the kit\'s own articles.</strong> '
        f"This cell discusses a passage of the kit's own corpus, which is not the corpus in use, so it is "
        f"skipped. Try <code>helpers.{html.escape(name)}</code> on one of your articles: "
        f"{html.escape(ids)}.</div>"
    )


def example_article(preferred: str, path=None) -> str:
    """An article id for an example: ``preferred`` if the corpus has it, else its first article by date.

    Examples
    --------
    >>> example_article("cgtn-2025-05-14")
    'cgtn-2025-05-14'
    >>> example_article("no-such-article")
    'cgtn-2025-05-14'
    """
    ids = list(core.load_articles(path)["article_id"])
    return preferred if preferred in ids else ids[0]


def coding_status(path=None) -> pd.DataFrame:
    """Which hand-coded layers a corpus folder has: one row per file the kit reads.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per file of ``LAYERS``, in notebook order. Columns ``file`` (relative to the
        corpus folder), ``what`` (what it holds), ``notebook`` (where it is used), ``coded``
        (bool: the file exists) and ``rows`` (number of data rows; 0 if not coded, -1 if the
        file cannot be read: run the check).

    Examples
    --------
    >>> status = coding_status()
    >>> bool(status.coded.all()), int(status.set_index("file").loc["annotations/positions.csv", "rows"]) > 100
    (True, True)
    """
    base = core.data_dir(path)
    rows = []
    for layer in LAYERS.values():
        f = base / layer.file
        n = 0
        if f.exists():
            try:
                n = len(core.read_csv_checked(f, base=base))
            except KitDataError:
                n = -1
        rows.append((layer.file, layer.what, layer.notebook, f.exists(), n))
    return pd.DataFrame(rows, columns=["file", "what", "notebook", "coded", "rows"])


# --------------------------------------------------------------------------------------------
# Checking annotation files
# --------------------------------------------------------------------------------------------


def _codes(spec):
    obj = _resolve(spec) if isinstance(spec, str) else spec
    if obj is None:  # a mistyped reference must not silently switch a check off
        raise LookupError(f"the code list {spec!r} named in kit.byo.LAYERS does not exist")
    return {str(c) for c in obj}


def _check_layer(layer: Layer, base: Path, known_ids: set[str] | None) -> list[Problem]:
    """Every problem of one annotation file: columns, article ids, codes, references, spans."""
    kit_file = core.DEFAULT_DATA_DIR / layer.file
    with open(kit_file, encoding="utf-8-sig", newline="") as f:
        required = next(csv.reader(f))
    label = layer.file
    try:
        df = core.read_csv_checked(base / layer.file, required=required, base=base)
    except KitDataError as exc:
        return [Problem(label, p.row, p.problem, p.fix) for p in exc.problems]
    codes, problems = _layer_codes(layer, df, base)
    folder, name = str(Path(layer.file).parent), Path(layer.file).name
    if "article_id" in df.columns and known_ids is not None:
        try:  # article ids, codes and spans, through the same reader every layer uses
            core.read_annotation(
                name,
                required=required,
                path=base,
                codes=codes,
                folder=folder,
                span_col=layer.span_col,
                allow_empty_span=layer.allow_empty_span,
            )
        except KitDataError as exc:
            problems.extend(exc.problems)
    else:
        problems.extend(
            core._code_problems(df.assign(**{c: df[c].str.strip() for c in codes if c in df}), codes, label)
        )
    return problems


def _layer_codes(layer: Layer, df: pd.DataFrame, base: Path) -> tuple[dict, list[Problem]]:
    """The allowed codes of each checked column: closed lists, and codes that must be in another file."""
    codes = {col: _codes(spec) for col, spec in layer.closed.items()}
    problems = []
    for col, (ref_file, ref_col) in layer.refs.items():
        if not (df[col].str.strip() != "").any():
            continue
        try:
            ref = core.read_csv_checked(base / ref_file, required=[ref_col], base=base)
        except KitDataError:
            if not (base / ref_file).exists():
                problems.append(
                    Problem(
                        layer.file,
                        "",
                        f"the {col} codes need {ref_file}, which this corpus does not have",
                        f'create it with helpers.annotation_template("{Path(ref_file).name}") '
                        "and add a row for each code used",
                    )
                )
            continue  # a broken reference file is reported on its own
        codes[col] = set(ref[ref_col].str.strip())
    return codes, problems


def _check_with_loader(layer: Layer, base: Path) -> list[Problem]:
    """Run the layer's own loader (its extra checks: duplicate ids, empty fields, ...), if it exists."""
    loader = _resolve(layer.loader) if layer.loader else None
    if loader is None:
        return []
    try:
        loader(path=base)
    except NotCodedError as exc:
        p = exc.problems[0]
        return [
            Problem(
                layer.file,
                "",
                f"it needs {p.file}, which this corpus does not have",
                f'create it with helpers.annotation_template("{Path(p.file).name}")',
            )
        ]
    except KitDataError as exc:
        return list(exc.problems)
    except Exception as exc:  # a bug in a layer must not hide the other files' problems
        return [
            Problem(
                layer.file,
                "",
                f"the kit could not read it ({type(exc).__name__}: {exc})",
                "run python -m helpers check FOLDER again after fixing the problems above; "
                "if this stays, report it to the kit's maintainers",
            )
        ]
    return []


def check_annotations(path=None, *, corpus_ok: bool | None = None) -> list[Problem]:
    """Check every annotation file present in a corpus folder; return every problem found.

    For each file of ``LAYERS`` that exists: the columns (as in the kit's own file), unknown
    article ids, unknown codes (closed code lists, and codes that must be in another file such
    as ``speakers.csv`` or ``issues_codebook.csv``), and evidence spans not found verbatim (or
    not exactly once) in their article. A file that passes these checks is then loaded by its
    layer, which adds that layer's own checks. Files in ``annotations/`` that the kit does not
    read are reported too (a misspelt name would otherwise be silently ignored). Nothing is
    written.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).
    corpus_ok : bool, optional
        Whether :func:`kit.core.check_corpus` found no problem (default: run it). If it found some,
        the rows' articles and spans are not checked against articles that cannot be read.

    Returns
    -------
    list of Problem
        Each names the file, the line and the fix; empty if all is well (or nothing is coded).

    Examples
    --------
    >>> check_annotations()
    []
    """
    base = core.data_dir(path)
    try:
        meta = core.read_csv_checked(base / "articles.csv", required=core.REQUIRED_COLUMNS, base=base)
        known_ids = set(meta["article_id"].str.strip())
    except KitDataError:
        known_ids = None  # reported by check_corpus; ids and spans cannot be checked
    if known_ids is not None and not (corpus_ok if corpus_ok is not None else not core.check_corpus(base)):
        # the articles cannot be read (check_corpus says why): checking every row's article and span against them
        # would list each row again (one wrong date once gave 480 problems); the files' columns and codes are checked
        known_ids = None
    problems: list[Problem] = []
    ann = base / "annotations"
    ann_outside = ann.exists() and not core._inside(ann, base)
    if ann_outside:  # nothing in it is read, not even its list of files
        problems.append(
            Problem(
                "annotations/",
                "",
                "the annotations/ folder is a link to a folder outside the corpus folder",
                "make annotations/ a real folder inside the corpus folder and copy the annotation files into it",
            )
        )
    for layer in LAYERS.values():
        if ann_outside and layer.file.startswith("annotations/"):
            continue
        if not (base / layer.file).exists():
            continue
        found = _check_layer(layer, base, known_ids)
        if not found and known_ids is not None:
            found = _check_with_loader(layer, base)
        problems.extend(dict.fromkeys(found))  # same problem reported twice: once
    if ann.is_dir() and not ann_outside:
        known = {Path(layer.file).name for layer in LAYERS.values() if layer.file.startswith("annotations/")}
        for f in sorted(ann.glob("*.csv")):
            if f.name not in known:
                problems.append(
                    Problem(
                        f"annotations/{f.name}",
                        "",
                        "this is not a file the kit reads",
                        f"check the name; the kit reads: {', '.join(sorted(known))}",
                    )
                )
    return problems


def check_folder(path=None) -> list[Problem]:
    """Check a corpus folder completely: the corpus (:func:`kit.core.check_corpus`), then its annotations.

    This is what ``python -m helpers check FOLDER`` runs.

    Examples
    --------
    >>> check_folder()
    []
    """
    found, seen = [], set()
    corpus = core.check_corpus(path)
    for problem in corpus + check_annotations(path, corpus_ok=not corpus):  # the annotation checks meet the corpus's
        key = (problem.file, problem.row, problem.problem, problem.fix)  # own problems again: each is listed once
        if key not in seen:
            seen.add(key)
            found.append(problem)
    return found


# --------------------------------------------------------------------------------------------
# Warnings: what the checker lists without refusing the folder
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """Something the checker points out that does not stop the kit (a warning, not a problem)."""

    file: str
    note: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}: {self.note}. {self.fix}"


_SENTENCE_END = '.!?…"”’»)]:。！？：」』）》؟۔।'  # ends of sentences, in Latin and other scripts
_MAX_LISTED = 12  # lines listed per article in a note


def _wrap_breaks(lines: list[str]) -> int:
    """How many line ends fall inside a sentence: the next line (no blank line between) goes on with it."""
    breaks = 0
    for line, nxt in itertools.pairwise(lines):
        if line and nxt and line[-1] not in _SENTENCE_END and (nxt[0].islower() or line[-1] in ",;-–"):
            breaks += 1
    return breaks


def looks_hard_wrapped(text: str) -> str | None:
    """Why a text looks hard-wrapped (a sentence broken over several lines), or None if it does not.

    A capture of a wire story or an e-mail is often broken at a fixed width (about 70
    characters): the kit would then read every line as a paragraph and split sentences at the
    line ends ("But Putin"). The text looks hard-wrapped if at least 3 line ends, and at least a
    fifth of them, fall inside a sentence: the line does not end a sentence and the next line,
    with no blank line between, goes on in lower case (or the line ends with a comma or hyphen).

    Examples
    --------
    >>> looks_hard_wrapped("The talks began on Friday in Istanbul, and the two\\ndelegations met for two hours. But Putin\\n"
    ...                    "did not come, and the Ukrainian side said it\\nwas disappointed by the level of the\\ndelegation.")
    '4 of 4 line ends fall inside a sentence (lines of at most 50 characters)'
    >>> looks_hard_wrapped("One paragraph per line.\\nAnother one.") is None
    True
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    ends = sum(1 for a, b in itertools.pairwise(lines) if a and b)
    breaks = _wrap_breaks(lines)
    if breaks >= 3 and breaks * 5 >= ends:
        width = max(len(line) for line in lines)
        return f"{breaks} of {ends} line ends fall inside a sentence (lines of at most {width} characters)"
    return None


def _joins(line: str, nxt: str, width: int) -> bool:
    """True if ``nxt`` continues the paragraph of ``line`` in a hard-wrapped text."""
    if not line or not nxt or core._header_role(line) or core._header_role(nxt):
        return False
    if line[-1] in _SENTENCE_END:  # a sentence ends here: the paragraph goes on only if the line is full
        return len(line) >= 0.85 * width and not nxt[0].islower() and nxt[0].isalpha()
    return nxt[0].islower() or line[-1] in ",;-–" or len(line) >= 0.6 * width


def reflow_text(text: str) -> str:
    """Join the lines of a hard-wrapped text back into one line per paragraph.

    Lines are joined when the next line goes on with the sentence (see :func:`looks_hard_wrapped`)
    or when a line is nearly as long as the longest lines (the wrap width) and the paragraph
    clearly continues. Blank lines, header lines ("SOURCE: ...", "By ...", dates) and short
    headings stay on their own lines. A line ending in a hyphen is joined without a space
    ("Russia-" + "Ukraine"). Line endings become ``\\n`` and spaces at the start and end of lines are
    dropped (the kit ignores them anyway); the words are not changed.

    Examples
    --------
    >>> print(reflow_text("By Jane Doe\\nThe talks began on Friday in Istanbul, and the\\ntwo delegations met. "
    ...                   "But Putin\\ndid not come.\\n\\nA new paragraph."))
    By Jane Doe
    The talks began on Friday in Istanbul, and the two delegations met. But Putin did not come.
    <BLANKLINE>
    A new paragraph.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    width = max(map(len, lines), default=0)
    paras: list[list[str]] = []
    for line in lines:
        if paras and _joins(paras[-1][-1], line, width):
            paras[-1].append(line)
        else:
            paras.append([line])
    return "\n".join(_glue(p) for p in paras)


def _glue(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        out += line if out.endswith("-") else " " + line
    return out


def _role_notes(paras: pd.DataFrame, files: dict[str, str]) -> list[Note]:
    """One note per article: the lines the kit's rules read as something other than body text."""
    notes = []
    rule = paras[~paras["role"].isin(("body", "headline")) & paras["role_source"].str.startswith("rule: ")]
    for aid, group in rule.groupby("article_id", sort=False):
        items = [
            f"line {r.line_no} '{_short(r.text)}' ({r.role}: {r.role_source[6:]})"
            for r in group.head(_MAX_LISTED).itertuples()
        ]
        more = f" and {len(group) - _MAX_LISTED} more" if len(group) > _MAX_LISTED else ""
        notes.append(
            Note(
                f"articles/{files[aid]}",
                f"{len(group)} line(s) read by the kit's rules as not body text, so left out of the "
                f"counts: {'; '.join(items)}{more}",
                "If one of them is body text, add a row for it to annotations/paragraph_roles.csv "
                "(article_id, starts_with, role body, note)",
            )
        )
    return notes


def _short(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def check_notes(path=None) -> list[Note]:
    """What ``python -m helpers check`` warns about: things that work, but may not be what you want.

    Listed for each article: the lines the kit's rules read as page furniture rather than body
    text (captions, links, labels such as ``SOURCE: https://...``, ``DATE: ...``,
    ``By NAME``, ``[May 15, 2025]``, ``Published: ... | Updated: ...`` and short section
    headings), so that a line wrongly left out can be named in ``annotations/paragraph_roles.csv``;
    and articles that look hard-wrapped (see :func:`looks_hard_wrapped`), with the command that
    writes a re-flowed copy. Empty if the corpus has problems (fix those first).

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).

    Returns
    -------
    list of Note
        Each names the file, what was noticed and what to do.

    Examples
    --------
    >>> [n.file for n in check_notes()][:2]
    ['articles/cgtn-2025-05-14.txt', 'articles/globaltimes-2025-05-14.txt']
    """
    base = core.data_dir(path)
    if core.check_corpus(base):
        return []
    arts = core.load_articles(base)
    files = dict(zip(arts["article_id"], arts["file"]))
    notes = []
    for aid, text in zip(arts["article_id"], arts["text"]):
        why = looks_hard_wrapped(text)
        if why:
            notes.append(
                Note(
                    f"articles/{files[aid]}",
                    f"the file looks hard-wrapped: {why}, so the kit reads "
                    "each line as a paragraph and splits sentences at the line ends",
                    f"Run python -m helpers check --fix-wrapping {base.name} to write a re-flowed copy "
                    f"of the corpus to {base.name}-reflowed/ (your folder is not changed)",
                )
            )
    return notes + _role_notes(core.paragraphs(base, articles=arts), files)


# --------------------------------------------------------------------------------------------
# A re-flowed copy of a hard-wrapped corpus, and the command line
# --------------------------------------------------------------------------------------------


def write_reflowed(path=None, target=None) -> tuple[Path, list[str]]:
    """Write a copy of a corpus folder in which every hard-wrapped article is re-flowed.

    The corpus folder is never changed. The copy (default: ``<folder>-reflowed`` next to it) holds
    every file of the corpus (``articles.csv``, ``annotations/`` ...); the article files that
    :func:`looks_hard_wrapped` picks out are written through :func:`reflow_text`, the others are
    copied byte for byte. If the corpus has ``articles.sha256``, the copy's checksums are those
    of the copy's files. Check the copy (its annotation spans may now differ where a span crossed
    a line break), then point ``KIT_DATA_DIR`` at it.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).
    target : str or Path, optional
        Where to write the copy; it must not exist yet.

    Returns
    -------
    (Path, list of str)
        The folder written, and the names of the article files that were re-flowed.

    Raises
    ------
    KitDataError
        If the corpus has problems (run the check first), no article looks hard-wrapped (nothing
        is written), or the target already exists.
    """
    base = core.data_dir(path)
    problems = core.check_corpus(base)
    if problems:
        raise KitDataError(problems)
    arts = core.load_articles(base)
    wrapped = {f: t for f, t in zip(arts["file"], arts["text"]) if looks_hard_wrapped(t)}
    if not wrapped:
        raise core._err(
            base.name,
            "",
            "no article file looks hard-wrapped, so there is nothing to re-flow",
            "use the folder as it is",
        )
    target = Path(target) if target is not None else base.parent / f"{base.name}-reflowed"
    if target.exists():
        raise core._err(target.name, "", "the folder already exists", "delete it first, or choose another name")
    shutil.copytree(base, target, symlinks=True)  # links are copied as links, never followed
    copied = target / "articles"
    for fname in arts["file"]:
        dest = copied / fname
        if dest.is_symlink():
            # a link the check let through leads to another file of articles/: the copy gets that file itself, so
            # that nothing below writes through the link into the original, and the copy stands on its own
            data = (base / "articles" / fname).read_bytes()
            dest.unlink()
            dest.write_bytes(data)
    for fname, text in wrapped.items():
        (copied / fname).write_text(reflow_text(text), encoding="utf-8", newline="\n")
    manifest = target / "articles.sha256"
    if manifest.is_file() and not manifest.is_symlink():
        lines = [
            f"{hashlib.sha256(f.read_bytes()).hexdigest()}  articles/{f.name}"
            for f in sorted((target / "articles").glob("*.txt"))
        ]
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target, sorted(wrapped)


_USAGE = "usage: python -m helpers check [FOLDER]   or   python -m helpers check --fix-wrapping FOLDER"
_MAX_NOTES = 20


def _print_notes(notes: list[Note]) -> None:
    if not notes:
        return
    print(f"{len(notes)} note(s), not problems (the kit works as it is; check that this is what you want):")
    for n in notes[:_MAX_NOTES]:
        print(f"  - {n}")
    if len(notes) > _MAX_NOTES:
        print(f"  ... and {len(notes) - _MAX_NOTES} more: helpers.check_notes(FOLDER) lists them all")


def _fix_wrapping(folder) -> int:
    base = core.data_dir(folder)
    try:
        target, files = write_reflowed(base)
    except KitDataError as exc:
        print(f"Nothing written: {exc}")
        return 1
    print(f"Re-flowed {len(files)} article file(s) ({', '.join(files)}) into a copy of the corpus: {target}")
    print(f"Your folder {base.name}/ was not changed. Next: python -m helpers check {target}")
    print(f"then point KIT_DATA_DIR at {target} (see docs/bring-your-own-articles.md).")
    after = check_folder(target)
    for p in after:
        print(f"  - problem in the copy: {p}")
    return 1 if after else 0


def command_line(argv) -> int:
    """``python -m helpers check [FOLDER]`` and ``python -m helpers check --fix-wrapping FOLDER``.

    The check prints every problem (file, line, fix) and returns 1 if there are any; then the
    notes of :func:`check_notes`, which do not change the result. ``--fix-wrapping`` writes a
    re-flowed copy of the corpus (see :func:`write_reflowed`), prints where, and checks the copy.
    """
    argv = list(argv)
    if not argv or argv[0] != "check" or len(argv) > 3 or (len(argv) == 3 and argv[1] != "--fix-wrapping"):
        print(_USAGE, file=sys.stderr)
        return 2
    if len(argv) == 3:
        return _fix_wrapping(argv[2])
    folder = core.data_dir(argv[1] if len(argv) == 2 else None)
    problems = check_folder(folder)
    if not problems:
        print(f"OK: no problems found in {folder.name}/")
        _print_notes(check_notes(folder))
        return 0
    print(f"{len(problems)} problem(s) found in {folder.name}/:")
    for p in problems:
        print(f"  - {p}")
    return 1
