"""How each outlet frames the talks: word choices, framing elements, generic frames, foreground and distinctive words.

This layer reads four hand-made annotation files of the corpus and computes word statistics from the
articles themselves:

* ``annotations/lexicon.csv`` -- the curated list of contested word choices (Kyiv / Kiev, "special military
  operation" / invasion / war / conflict / crisis, ...): one row per variant, with a regular expression and
  what the variant signals;
* ``annotations/framing_elements.csv`` -- Entman's (1993) four framing elements per article, each backed by
  verbatim evidence spans;
* ``annotations/generic_frames_codebook.csv`` and ``annotations/generic_frames.csv`` -- Semetko & Valkenburg's
  (2000) twenty yes/no questions and their answers per article;
* ``annotations/foreground.csv`` -- what each article foregrounds, leaves out (with the words whose absence was
  checked), reuses from a wire, and other cues.

The distinctive-vocabulary statistics (Monroe, Colaresi & Quinn's "Fightin' Words" and Dunning's G² keyness)
follow ``METHODS.md`` section 5 exactly. On articles of 400-700 words they are descriptive, not evidence:
:func:`distinctiveness_check` gives the numbers that show it.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter

import pandas as pd

from kit import core
from kit.core import KitDataError, Problem

__all__ = [
    "ELEMENTS",
    "FRAMES",
    "FOREGROUND_KINDS",
    "STOP_WORDS",
    "G2_THRESHOLDS",
    "article_labels",
    "lexicon",
    "lexicon_note",
    "term_counts",
    "term_table",
    "lexicon_kwic",
    "word_choices",
    "plot_term_choices",
    "framing_elements",
    "framing_table",
    "show_framing",
    "generic_frames_codebook",
    "generic_frames",
    "frame_scores",
    "plot_frame_scores",
    "foreground",
    "check_absences",
    "show_absences",
    "token_counts",
    "fightin_words",
    "keyness",
    "distinctive_words",
    "distinctiveness_check",
    "group_keyness",
    "headline_and_lede",
    "outlet_profile",
    "framing_summary",
    "CHECKLIST",
    "checklist_questions",
    "coverage_checklist",
]

#: Entman's four framing elements, in the order every table and view uses.
ELEMENTS = {
    "problem_definition": "problem definition",
    "causal_interpretation": "causal interpretation",
    "moral_evaluation": "moral evaluation",
    "treatment_recommendation": "treatment recommendation",
}

#: Semetko & Valkenburg's five generic frames, in the order tables and charts use.
FRAMES = {
    "conflict": "conflict",
    "responsibility": "responsibility",
    "economic": "economic consequences",
    "human_interest": "human interest",
    "morality": "morality",
}

#: The kinds of row in ``annotations/foreground.csv``.
FOREGROUND_KINDS = {
    "foregrounds": "what the article puts first or gives most room to",
    "leaves_out": "what the article does not mention (checked: the absence terms never occur in it)",
    "wire_reuse": "sentences taken over from a news agency's dispatch",
    "translation_cue": "a sign that the text was translated",
    "page_furniture_cue": "page elements captured with the text (captions, labels, links)",
    "error_against_record": "a statement that differs from the record",
}

#: A short list of English function words (articles, pronouns, auxiliaries, prepositions, conjunctions and
#: a few very common adverbs), written for this kit. Pass ``stop_words=STOP_WORDS`` to the vocabulary
#: functions to leave them out; content words such as "said", "talks" or "not" are kept on purpose.
STOP_WORDS = frozenset("""
a an the and or but nor so yet if then than as of at by for from in into on onto to with without within about
above after against along among around before behind below between beyond during over through under until upon
via i me my we us our you your he him his she her it its they them their this that these those who whom whose
which what when where why how there here all any both each either neither every some such no other another own
same is are was were be been being am has have had having do does did doing will would shall should can could may
might must also only very just too more most much many few less least even still again further once while
because although though whether it’s it's
""".split())

#: Critical values of G² (one degree of freedom) and the p-values they stand for (Rayson's table).
G2_THRESHOLDS = ((15.13, "p < .0001"), (10.83, "p < .001"), (6.63, "p < .01"), (3.84, "p < .05"))

_LEXICON_COLUMNS = ["concept", "variant", "pattern", "case_sensitive", "signals", "source"]
_ELEMENT_COLUMNS = ["article_id", "element", "summary", "span", "notes"]
_CODEBOOK_COLUMNS = ["item_id", "frame", "question", "wording_status"]
_FRAME_COLUMNS = ["article_id", "item_id", "answer", "span", "notes"]
_FOREGROUND_COLUMNS = ["article_id", "kind", "point", "span", "absence_terms", "contrast_article_id",
                       "contrast_span", "notes"]
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# Okabe-Ito colours (colour-blind safe), one per article in corpus order.
_OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]


# --------------------------------------------------------------------------------------------
# Small shared pieces
# --------------------------------------------------------------------------------------------


def article_labels(path=None) -> dict[str, str]:
    """Short readable labels for the articles, e.g. ``'CGTN, 14 May'``, in corpus order.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).

    Returns
    -------
    dict
        ``{article_id: label}``, ordered by publication date as :func:`kit.core.load_articles` sorts.

    Examples
    --------
    >>> article_labels()["atalayar-2025-05-19"]
    'Atalayar, 19 May'
    """
    arts = core.load_articles(path)
    out = {}
    for aid, outlet, pub in zip(arts.article_id, arts.outlet, arts.published):
        try:
            day = pd.Timestamp(pub)
            out[aid] = f"{outlet}, {day.day} {day.strftime('%b')}"
        except ValueError:
            out[aid] = f"{outlet}, {pub}"
    return out


def _problems_if_empty(df, cols, file) -> list[Problem]:
    out = []
    for r in df.to_dict("records"):
        for col in cols:
            if not str(r[col]).strip():
                out.append(Problem(file, f"line {r['csv_line']}", f"the {col} is empty", f"fill in the {col}"))
    return out


def _ids(ids, known, what) -> list[str]:
    """Normalise one article id or a list of ids, and check each exists."""
    if isinstance(ids, str):
        ids = [ids]
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise ValueError(f"{what} is empty: give at least one article_id")
    bad = [i for i in ids if i not in known]
    if bad:
        raise ValueError(f"unknown article_id(s) in {what}: {', '.join(bad)}; use one of: {', '.join(known)}")
    return ids


# --------------------------------------------------------------------------------------------
# 1. Contested word choices: the lexicon
# --------------------------------------------------------------------------------------------


def lexicon(path=None, *, fallback: bool = False) -> pd.DataFrame:
    """Load and check the lexicon of contested word choices.

    Every row must have a concept (a snake_case code), a variant name unique within its concept, a
    regular expression that compiles, and ``case_sensitive`` set to ``true`` or ``false``. Problems are
    reported all at once, each naming the line of ``annotations/lexicon.csv`` and the fix.

    **A corpus without a lexicon.** The lexicon is a hand-made list, but unlike the other annotation
    files it describes no particular article: it is a list of words to count. So with ``fallback=True``
    a corpus that has no ``annotations/lexicon.csv`` (a teacher's own articles, not yet coded) gets the
    kit's own lexicon (``data/annotations/lexicon.csv``, read only), and every word-choice count works
    on its articles: pass the result as ``lex=`` to :func:`term_counts`, :func:`term_table`,
    :func:`lexicon_kwic`, :func:`word_choices` and :func:`plot_term_choices`. Its terms are about the
    Russia-Ukraine war, so on other articles most counts will be zero; :func:`lexicon_note` says so in a
    notebook. Without ``fallback`` (the default) a missing lexicon raises :class:`kit.core.NotCodedError`,
    as every hand-coded layer does. A lexicon that exists but has errors always raises.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).
    fallback : bool
        Use the kit's own lexicon if the corpus has none (default False).

    Returns
    -------
    pandas.DataFrame
        One row per variant, in the file's order. Columns ``concept`` (code, e.g. ``capital_name``),
        ``variant`` (the variant's name, e.g. ``Kyiv``), ``pattern`` (a Python regular expression),
        ``case_sensitive`` (bool), ``signals`` (what choosing this variant can signal), ``source``
        (where that reading comes from, or ``not checked``), ``csv_line``.

    Raises
    ------
    NotCodedError
        If the corpus has no ``annotations/lexicon.csv``.
    KitDataError
        For an empty field, a bad code, a duplicate variant or a regular expression that does not compile.

    Examples
    --------
    >>> lx = lexicon()
    >>> lx[lx.concept == "capital_name"].variant.tolist()
    ['Kyiv', 'Kiev']
    """
    if fallback and not (core.data_dir(path) / "annotations" / "lexicon.csv").exists():
        path = core.DEFAULT_DATA_DIR
    file = "annotations/lexicon.csv"
    df = core.read_annotation("lexicon.csv", required=_LEXICON_COLUMNS, path=path, span_col=None,
                              codes={"case_sensitive": {"true", "false"}})
    problems = _problems_if_empty(df, ["concept", "variant", "pattern", "case_sensitive", "signals"], file)
    seen = {}
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        if r["concept"].strip() and not _CODE_RE.match(r["concept"]):
            problems.append(Problem(file, row, f"the concept {r['concept']!r} is not a snake_case code",
                                    "use lower-case letters, digits and '_' only, e.g. capital_name"))
        key = (r["concept"], r["variant"])
        if key in seen:
            problems.append(Problem(file, row, f"duplicate variant {r['variant']!r} of {r['concept']!r} "
                                    f"(also on line {seen[key]})", "give each variant its own name"))
        seen[key] = r["csv_line"]
        if r["pattern"].strip():
            try:
                re.compile(r["pattern"])
            except re.error as exc:
                problems.append(Problem(file, row, f"the pattern {r['pattern']!r} is not a valid regular "
                                        f"expression ({exc})", "correct the pattern; test it with re.compile"))
    if problems:
        raise KitDataError(problems)
    df["case_sensitive"] = df["case_sensitive"] == "true"
    return df[[*_LEXICON_COLUMNS, "csv_line"]].reset_index(drop=True)


def lexicon_note(path=None):
    """A note for notebooks when the corpus has no lexicon and the kit's own is used; else None.

    See :func:`lexicon` (``fallback=True``). On a corpus with its own ``annotations/lexicon.csv``
    (the kit's included) there is nothing to say, and a notebook cell ending with this call shows
    nothing.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.

    Returns
    -------
    kit.core.HTML or None
        A short boxed note naming the file used and how to start a lexicon of your own.

    Examples
    --------
    >>> lexicon_note() is None
    True
    """
    if (core.data_dir(path) / "annotations" / "lexicon.csv").exists():
        return None
    return core.HTML(
        '<div class="kit-lexicon-note" style="border-left:4px solid #E69F00;background:#fff7e0;padding:0.5em 1em;'
        'margin:0.4em 0;font-family:sans-serif;max-width:52em"><strong>The kit\'s own lexicon is used.</strong> '
        "The corpus in use has no <code>annotations/lexicon.csv</code>, so the word-choice counts below use the "
        "kit's list of contested terms (<code>data/annotations/lexicon.csv</code>: <em>Kyiv</em> or <em>Kiev</em>, "
        "names for the war, ...). Its terms are about the Russia–Ukraine war and may never occur in your "
        "articles. To count contested terms of your own, run <code>helpers.annotation_template(\"lexicon.csv\")"
        "</code>: it copies the kit's rows into your corpus folder as a start; edit them, add yours, and check "
        "the file with <code>python -m helpers check FOLDER</code>.</div>")


def _variant_regex(row) -> re.Pattern:
    return re.compile(row["pattern"], 0 if row["case_sensitive"] else re.IGNORECASE)


def term_counts(path=None, *, concept=None, lex: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count every lexicon variant in every article: a tidy long table.

    The text counted is the outlet's own words: the **headline, standfirst and body paragraphs** as they
    appear in the article file (``kit.core.TEXT_ROLES``, the same text :func:`kit.core.kwic` searches);
    captions, labels and links are left out. Note that the headlines of the two CGTN articles are not in
    their text files (``articles.csv`` gives them), so they are not counted. On this corpus the counts are
    the same over the whole text, captions included.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    concept : str or list of str, optional
        Only these concepts (default: all).
    lex : DataFrame, optional
        The result of :func:`lexicon`, to avoid reading it again.

    Returns
    -------
    pandas.DataFrame
        One row per (variant, article), zeros included, in lexicon order then corpus order. Columns
        ``concept``, ``variant``, ``article_id``, ``label`` (e.g. ``CGTN, 14 May``), ``count``.

    Examples
    --------
    >>> tc = term_counts(concept="capital_name")
    >>> used = tc[tc["count"] > 0]
    >>> used.groupby("variant", sort=False)["count"].sum().to_dict()
    {'Kyiv': 6, 'Kiev': 3}
    >>> used[used.variant == "Kiev"].article_id.tolist()
    ['globaltimes-2025-05-14', 'atalayar-2025-05-19']
    """
    base = core.data_dir(path)
    lex = lexicon(base) if lex is None else lex
    if concept is not None:
        wanted = [concept] if isinstance(concept, str) else list(concept)
        unknown = sorted(set(wanted) - set(lex.concept))
        if unknown:
            raise ValueError(f"unknown concept(s) {', '.join(unknown)}; use one of: {', '.join(dict.fromkeys(lex.concept))}")
        lex = lex[lex.concept.isin(wanted)]
    arts = core.load_articles(base)
    labels = article_labels(base)
    paras = core.paragraphs(base, articles=arts)
    paras = paras[paras.role.isin(core.TEXT_ROLES)]
    texts = {aid: list(paras.loc[paras.article_id == aid, "text"]) for aid in arts.article_id}
    rows = []
    for r in lex.to_dict("records"):
        rx = _variant_regex(r)
        for aid in arts.article_id:
            n = sum(len(rx.findall(t)) for t in texts[aid])
            rows.append((r["concept"], r["variant"], aid, labels[aid], n))
    return pd.DataFrame(rows, columns=["concept", "variant", "article_id", "label", "count"])


def term_table(path=None, *, concept=None, used_only: bool = True, lex: pd.DataFrame | None = None) -> pd.DataFrame:
    """The lexicon counts side by side: one row per variant, one column per article.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    concept : str or list of str, optional
        Only these concepts (default: all).
    used_only : bool
        Drop variants that occur in no article (default True).
    lex : DataFrame, optional
        The result of :func:`lexicon`.

    Returns
    -------
    pandas.DataFrame
        One row per variant, in lexicon order. Columns ``concept``, ``variant``, then one integer column
        per article named by its short label (``CGTN, 14 May``, ...), in corpus order.

    Examples
    --------
    >>> t = term_table(concept="turkey_name")
    >>> t.columns.tolist()[1:4]
    ['variant', 'CGTN, 14 May', 'Global Times, 14 May']
    >>> t.set_index("variant").drop(columns="concept").loc["Türkiye"].tolist()
    [0, 0, 0, 1, 0]
    """
    tc = term_counts(path, concept=concept, lex=lex)
    labels = list(dict.fromkeys(tc.label))
    wide = tc.pivot_table(index=["concept", "variant"], columns="label", values="count", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=labels).fillna(0).astype(int).reset_index()
    wide.columns.name = None
    if used_only:
        wide = wide[wide[labels].sum(axis=1) > 0]
    return wide.reset_index(drop=True)


def lexicon_kwic(concept: str, path=None, *, window: int = 40, lex: pd.DataFrame | None = None) -> pd.DataFrame:
    """Keyword-in-context lines for every variant of one concept of the lexicon.

    Uses :func:`kit.core.kwic` with each variant's regular expression (so the text searched is the same
    as :func:`term_counts`: headline, standfirst and body).

    Parameters
    ----------
    concept : str
        A concept code of the lexicon, e.g. ``"war_name"``.
    path : str or Path, optional
        The corpus folder.
    window : int
        Characters of context on each side.
    lex : DataFrame, optional
        The result of :func:`lexicon`.

    Returns
    -------
    pandas.DataFrame
        One row per occurrence, by variant (lexicon order), then article and text order. Columns
        ``variant``, ``article_id``, ``para_no``, ``left``, ``match``, ``right``.

    Examples
    --------
    >>> k = lexicon_kwic("annexation")
    >>> k[["variant", "article_id", "match"]].values.tolist()
    [['illegal(ly) annex', 'atalayar-2025-05-19', 'illegally annex'], ['annex (unqualified)', 'athenstimes-2025-05-15', 'annexed']]
    """
    base = core.data_dir(path)
    lex = lexicon(base) if lex is None else lex
    rows = lex[lex.concept == concept]
    if rows.empty:
        raise ValueError(f"unknown concept {concept!r}; use one of: {', '.join(dict.fromkeys(lex.concept))}")
    parts = []
    for r in rows.to_dict("records"):
        k = core.kwic(r["pattern"], base, window=window, regex=True, case=r["case_sensitive"])
        parts.append(k.assign(variant=r["variant"]))
    cols = ["variant", "article_id", "para_no", "left", "match", "right"]
    return pd.concat(parts, ignore_index=True)[cols]


def word_choices(article_id: str, path=None, *, lex: pd.DataFrame | None = None) -> pd.DataFrame:
    """The lexicon variants one article uses, with what each can signal.

    Parameters
    ----------
    article_id : str
        The article.
    path : str or Path, optional
        The corpus folder.
    lex : DataFrame, optional
        The result of :func:`lexicon`.

    Returns
    -------
    pandas.DataFrame
        One row per variant that occurs at least once, in lexicon order. Columns ``concept``,
        ``variant``, ``count``, ``signals``.

    Examples
    --------
    >>> word_choices("atalayar-2025-05-19").query("concept == 'capital_name'")[["variant", "count"]].values.tolist()
    [['Kyiv', 1], ['Kiev', 2]]
    """
    base = core.data_dir(path)
    lex = lexicon(base) if lex is None else lex
    tc = term_counts(base, lex=lex)
    if article_id not in set(tc.article_id):
        raise ValueError(f"unknown article_id {article_id!r}")
    tc = tc[(tc.article_id == article_id) & (tc["count"] > 0)]
    out = tc.merge(lex[["concept", "variant", "signals"]], on=["concept", "variant"], how="left")
    return out[["concept", "variant", "count", "signals"]].reset_index(drop=True)


def plot_term_choices(path=None, *, concepts=None, lex: pd.DataFrame | None = None):
    """Which variant of each contested term each article uses: a dot chart read at a glance.

    One row per variant (grouped by concept, variants no article uses left out), one column per
    article. A dot's area is the number of occurrences and the number is written beside it, so the
    chart does not rely on colour; each article has its own Okabe-Ito colour.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    concepts : list of str, optional
        Only these concepts, in this order (default: all, in lexicon order).
    lex : DataFrame, optional
        The result of :func:`lexicon`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_term_choices(concepts=["capital_name", "war_name"])
    >>> fig.axes[0].get_title(loc="left").startswith("Which word")
    True
    """
    import matplotlib.pyplot as plt

    wide = term_table(path, concept=concepts, lex=lex)
    if concepts is not None:
        order = {c: i for i, c in enumerate([concepts] if isinstance(concepts, str) else concepts)}
        wide = wide.sort_values("concept", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    arts = [c for c in wide.columns if c not in ("concept", "variant")]
    n = len(wide)
    if n == 0:  # e.g. the kit's lexicon on a corpus about something else
        fig, ax = plt.subplots(figsize=(9.4, 1.6))
        ax.axis("off")
        ax.text(0.0, 0.5, "No variant of the lexicon occurs in these articles.", fontsize=10, va="center")
        ax.set_title("Which word each article uses for contested terms", fontsize=9, loc="left")
        return fig
    fig, ax = plt.subplots(figsize=(9.4, 0.32 * n + 1.6))
    for j, art in enumerate(arts):
        colour = _OKABE_ITO[j % len(_OKABE_ITO)]
        for i, v in enumerate(wide[art]):
            if v:
                size = 60 + 55 * (v - 1)
                ax.scatter(j, i, s=size, color=colour, zorder=3)
                ax.annotate(str(int(v)), (j, i), xytext=(3 + math.sqrt(size) / 2, 0), textcoords="offset points",
                            va="center", fontsize=8)
    # a light band for every other concept, and the concept name on the right
    for k, (concept, grp) in enumerate(wide.groupby("concept", sort=False)):
        lo, hi = grp.index.min() - 0.5, grp.index.max() + 0.5
        if k % 2 == 0:
            ax.axhspan(lo, hi, color="#f0f0f0", zorder=0)
        ax.text(len(arts) - 0.45, (lo + hi) / 2, concept.replace("_", " "), va="center", fontsize=7.5, color="#444")
    ax.set_yticks(range(n))
    ax.set_yticklabels([v if len(v) <= 52 else v[:50] + "…" for v in wide.variant], fontsize=8)
    ax.set_xticks(range(len(arts)))
    ax.set_xticklabels([a.replace(", ", "\n") for a in arts], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_xlim(-0.5, len(arts) + 0.6)
    ax.set_ylim(n - 0.5, -0.5)
    for side in ("right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title("Which word each article uses for contested terms\n(dot size and number: occurrences in the "
                 "headline, standfirst and body;\nbands group the variants of one term)", fontsize=9, loc="left")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------------------------
# 2. Entman's framing elements
# --------------------------------------------------------------------------------------------


def framing_elements(path=None, *, article_id: str | None = None) -> pd.DataFrame:
    """Load and check Entman's framing elements: one row per evidence span.

    Each element of an article has one ``summary`` (repeated on each of its rows) and one or more
    evidence spans. Element codes, spans and the consistency of the summary are checked.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    article_id : str, optional
        Only this article.

    Returns
    -------
    pandas.DataFrame
        One row per (article, element, evidence span), in the file's order. Columns ``article_id``,
        ``element`` (a code of ``ELEMENTS``), ``element_label``, ``summary``, ``span``, ``start``,
        ``end`` (offsets of the span), ``notes``.

    Examples
    --------
    >>> fe = framing_elements()
    >>> sorted(fe.groupby("article_id").element.nunique().unique().tolist())
    [4]
    """
    file = "annotations/framing_elements.csv"
    df = core.read_annotation("framing_elements.csv", required=_ELEMENT_COLUMNS, path=path,
                              codes={"element": ELEMENTS})
    problems = _problems_if_empty(df, ["element", "summary"], file)
    first = {}
    for r in df.to_dict("records"):
        key = (r["article_id"], r["element"])
        if key in first and first[key][0] != r["summary"]:
            problems.append(Problem(file, f"line {r['csv_line']}", f"the summary of {r['element']} in {r['article_id']} "
                                    f"differs from the one on line {first[key][1]}",
                                    "give every row of one element the same summary"))
        first.setdefault(key, (r["summary"], r["csv_line"]))
    if problems:
        raise KitDataError(problems)
    df["element_label"] = df["element"].map(ELEMENTS)
    if article_id is not None:
        df = df[df.article_id == article_id]
    cols = ["article_id", "element", "element_label", "summary", "span", "start", "end", "notes"]
    return df[cols].reset_index(drop=True)


def framing_table(article_id: str, path=None, *, elements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Entman's table for one article: one row per framing element, with its evidence.

    Parameters
    ----------
    article_id : str
        The article.
    path : str or Path, optional
        The corpus folder.
    elements : DataFrame, optional
        The result of :func:`framing_elements`.

    Returns
    -------
    pandas.DataFrame
        One row per element present, in Entman's order. Columns ``tag`` (the letter that marks its
        evidence in :func:`show_framing`'s reading view, ``[A]`` to ``[D]``), ``element`` (its label),
        ``summary``, ``evidence`` (the verbatim spans, each in quotation marks, separated by `` | ``).

    Examples
    --------
    >>> t = framing_table("athenstimes-2025-05-15")
    >>> t[["tag", "element"]].values.tolist()[0]
    ['[A]', 'problem definition']
    """
    fe = framing_elements(path) if elements is None else elements
    fe = fe[fe.article_id == article_id]
    rows = []
    for i, code in enumerate(c for c in ELEMENTS if c in set(fe.element)):
        grp = fe[fe.element == code]
        evidence = " | ".join(f"“{s}”" for s in grp.span)
        rows.append((f"[{chr(ord('A') + i)}]", ELEMENTS[code], grp.summary.iloc[0], evidence))
    return pd.DataFrame(rows, columns=["tag", "element", "summary", "evidence"])


def show_framing(article_id: str, path=None, *, elements: pd.DataFrame | None = None) -> core.HTML:
    """Entman's table for one article, then the article with each element's evidence highlighted.

    The letter tags ``[A]``-``[D]`` of the table are the ones that mark the evidence in the text.

    Parameters
    ----------
    article_id : str
        The article.
    path : str or Path, optional
        The corpus folder.
    elements : DataFrame, optional
        The result of :func:`framing_elements`.

    Returns
    -------
    kit.core.HTML
        Displays in Jupyter; ``.data`` holds the (escaped) markup.

    Examples
    --------
    >>> view = show_framing("cgtn-2025-05-17")
    >>> view.data.count("[D]") >= 2 and "problem definition" in view.data
    True
    """
    base = core.data_dir(path)
    fe = framing_elements(base) if elements is None else elements
    fe = fe[fe.article_id == article_id]
    table = framing_table(article_id, base, elements=fe)
    highlight = {ELEMENTS[c]: list(fe.loc[fe.element == c, "span"]) for c in ELEMENTS if c in set(fe.element)}
    view = core.show_article(article_id, highlight=highlight, path=base)
    return core.HTML(core.html_table(table[["tag", "element", "summary"]]).data + view.data)


# --------------------------------------------------------------------------------------------
# 3. Generic frames (Semetko & Valkenburg 2000)
# --------------------------------------------------------------------------------------------


def generic_frames_codebook(path=None) -> pd.DataFrame:
    """The twenty yes/no questions of Semetko & Valkenburg (2000), by frame.

    Returns
    -------
    pandas.DataFrame
        One row per question, in the codebook's order. Columns ``item_id`` (e.g. ``conf1``), ``frame``
        (a code of ``FRAMES``), ``question``, ``wording_status`` (whether the wording was checked
        against the paper).

    Examples
    --------
    >>> cb = generic_frames_codebook()
    >>> cb.groupby("frame").size().to_dict()
    {'conflict': 4, 'economic': 3, 'human_interest': 5, 'morality': 3, 'responsibility': 5}
    """
    file = "annotations/generic_frames_codebook.csv"
    df = core.read_annotation("generic_frames_codebook.csv", required=_CODEBOOK_COLUMNS, path=path,
                              span_col=None, codes={"frame": FRAMES})
    problems = _problems_if_empty(df, ["item_id", "frame", "question"], file)
    dup = df[df.item_id.duplicated()]
    problems += [Problem(file, f"line {r.csv_line}", f"duplicate item_id {r.item_id!r}", "give each question its own id")
                 for r in dup.itertuples()]
    if problems:
        raise KitDataError(problems)
    return df[_CODEBOOK_COLUMNS].reset_index(drop=True)


def generic_frames(path=None) -> pd.DataFrame:
    """Load and check the generic-frame answers: one row per (article, question).

    Checks that every ``item_id`` is in the codebook, every answer is ``yes`` or ``no``, each
    article answers each question at most once, and every ``yes`` carries a verbatim span.

    Returns
    -------
    pandas.DataFrame
        One row per (article, question), in the file's order. Columns ``article_id``, ``item_id``,
        ``frame``, ``question``, ``answer`` (``yes``/``no``), ``span`` (the evidence for a yes,
        ``""`` for a no), ``start``, ``end`` (-1 when there is no span), ``notes``.

    Examples
    --------
    >>> gf = generic_frames()
    >>> gf.groupby("article_id").size().unique().tolist()
    [20]
    """
    file = "annotations/generic_frames.csv"
    base = core.data_dir(path)
    cb = generic_frames_codebook(base)
    df = core.read_annotation("generic_frames.csv", required=_FRAME_COLUMNS, path=base, allow_empty_span=True,
                              codes={"item_id": set(cb.item_id), "answer": {"yes", "no"}})
    problems = _problems_if_empty(df, ["item_id", "answer"], file)
    seen = {}
    for r in df.to_dict("records"):
        key = (r["article_id"], r["item_id"])
        if key in seen:
            problems.append(Problem(file, f"line {r['csv_line']}", f"{r['item_id']} is answered twice for "
                                    f"{r['article_id']} (also on line {seen[key]})", "keep one answer per question"))
        seen[key] = r["csv_line"]
        if r["answer"] == "yes" and not r["span"].strip():
            problems.append(Problem(file, f"line {r['csv_line']}", "a 'yes' answer without an evidence span",
                                    "copy the words the answer rests on from the article into span"))
    if problems:
        raise KitDataError(problems)
    df = df.merge(cb[["item_id", "frame", "question"]], on="item_id", how="left")
    cols = ["article_id", "item_id", "frame", "question", "answer", "span", "start", "end", "notes"]
    return df[cols].reset_index(drop=True)


def frame_scores(path=None, *, answers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frame scores: for each article and frame, the share of the frame's questions answered yes.

    A score of 1 means every question of the frame is answered yes (the frame is fully present), 0 that
    none is (Semetko & Valkenburg's additive index, scaled to 0-1 by dividing by the number of questions).

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    answers : DataFrame, optional
        The result of :func:`generic_frames`.

    Returns
    -------
    pandas.DataFrame
        One row per article (corpus order). Columns ``article_id``, ``label`` (e.g. ``CGTN, 14 May``), then
        one float column per frame in ``FRAMES`` order (``conflict``, ``responsibility``, ``economic``,
        ``human_interest``, ``morality``), rounded to two decimals.

    Examples
    --------
    >>> fs = frame_scores()
    >>> fs.set_index("article_id").loc["cgtn-2025-05-14", ["conflict", "human_interest"]].tolist()
    [0.5, 0.0]
    """
    base = core.data_dir(path)
    gf = generic_frames(base) if answers is None else answers
    labels = article_labels(base)
    score = (gf.assign(yes=(gf.answer == "yes").astype(float))
               .pivot_table(index="article_id", columns="frame", values="yes", aggfunc="mean"))
    score = score.reindex(index=[a for a in labels if a in score.index], columns=list(FRAMES)).round(2)
    score.columns.name = None
    score = score.reset_index()
    score.insert(1, "label", score.article_id.map(labels))
    return score


def plot_frame_scores(path=None, *, answers: pd.DataFrame | None = None):
    """A heat map of the generic-frame scores: articles down, frames across, the score in each cell.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_frame_scores()
    >>> fig.axes[0].get_title().startswith("Generic frames")
    True
    """
    import matplotlib.pyplot as plt

    fs = frame_scores(path, answers=answers)
    m = fs[list(FRAMES)].to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(7.4, 0.5 * len(fs) + 1.8))
    ax.imshow(m, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            v = m[i, j]
            ax.text(j, i, "–" if math.isnan(v) else f"{v:.2f}", ha="center", va="center", fontsize=9,
                    color="white" if v > 0.6 else "black")
    ax.set_xticks(range(len(FRAMES)))
    ax.set_xticklabels([FRAMES[f].replace(" ", "\n") for f in FRAMES], fontsize=8)
    ax.set_yticks(range(len(fs)))
    ax.set_yticklabels(fs.label, fontsize=8)
    ax.set_title("Generic frames (Semetko & Valkenburg 2000): share of each frame's\n"
                 "yes/no questions answered yes, per article (1 = all yes)", fontsize=9)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------------------------
# 4. What is foregrounded and what is left out
# --------------------------------------------------------------------------------------------


def _terms(cell: str) -> list[str]:
    return [t.strip() for t in cell.split("|") if t.strip()]


def _term_regex(term: str) -> re.Pattern:
    """A whole word or phrase, case ignored: 'Trump' matches 'Trump’s' but not 'Trumpet'."""
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)


def foreground(article_id: str | None = None, path=None) -> pd.DataFrame:
    """Load and check the foreground file: what each article foregrounds, leaves out, reuses, ...

    Checks the ``kind`` codes; that every row except ``leaves_out`` has a verbatim span; that every
    ``leaves_out`` row lists its absence terms; and that each contrast span is found in its contrast
    article. (Whether the absence terms are really absent is checked by :func:`check_absences`.)

    Parameters
    ----------
    article_id : str, optional
        Only this article.
    path : str or Path, optional
        The corpus folder.

    Returns
    -------
    pandas.DataFrame
        One row per point, in the file's order. Columns ``article_id``, ``kind`` (a code of
        ``FOREGROUND_KINDS``), ``point`` (the observation, in a sentence), ``span`` (its evidence,
        ``""`` for ``leaves_out``), ``start``, ``end`` (-1 without a span), ``absence_terms`` (words
        checked to be absent, separated by `` | ``), ``contrast_article_id`` and ``contrast_span``
        (another article that does say it, and where), ``notes``, ``contrast_start`` (offset of the
        contrast span in its article, -1 if none), ``csv_line``.

    Examples
    --------
    >>> fg = foreground("athenstimes-2025-05-15")
    >>> fg.kind.value_counts().sort_index().to_dict()
    {'error_against_record': 2, 'foregrounds': 2, 'leaves_out': 4, 'page_furniture_cue': 1}
    """
    file = "annotations/foreground.csv"
    base = core.data_dir(path)
    known = list(core.load_articles(base).article_id)
    df = core.read_annotation("foreground.csv", required=_FOREGROUND_COLUMNS, path=base, allow_empty_span=True,
                              codes={"kind": FOREGROUND_KINDS, "contrast_article_id": known})
    problems = _problems_if_empty(df, ["kind", "point"], file)
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        if r["kind"] == "leaves_out":
            if not _terms(r["absence_terms"]):
                problems.append(Problem(file, row, "a leaves_out row without absence_terms",
                                        "list the words whose absence shows the point, separated by ' | '"))
        elif r["kind"] and not r["span"].strip():
            problems.append(Problem(file, row, f"a {r['kind']} row without an evidence span",
                                    "copy the words the point rests on from the article into span"))
        if bool(r["contrast_span"].strip()) != bool(r["contrast_article_id"].strip()):
            problems.append(Problem(file, row, "contrast_article_id and contrast_span must be filled together",
                                    "give both, or leave both empty"))
    if problems:
        raise KitDataError(problems)
    contrast = df[df.contrast_span.str.strip() != ""]
    df["contrast_start"] = -1
    if len(contrast):
        checked = core.verify_spans(contrast.assign(article_id=contrast.contrast_article_id), file=file,
                                    span_col="contrast_span", path=base)
        df.loc[checked.index, "contrast_start"] = checked["start"]
    if article_id is not None:
        df = df[df.article_id == article_id]
    cols = [*_FOREGROUND_COLUMNS[:4], "start", "end", *_FOREGROUND_COLUMNS[4:], "contrast_start", "csv_line"]
    return df[cols].reset_index(drop=True)


def check_absences(article_id: str | None = None, path=None) -> pd.DataFrame:
    """Check every "leaves out" claim: each absence term must not occur in the article.

    Each term is searched as a whole word or phrase, case ignored, in the **whole** article text
    (captions and links included: "never mentions" should hold for anything on the page). The same
    search is run on the contrast article, which does say it.

    Parameters
    ----------
    article_id : str, optional
        Only the claims about this article.
    path : str or Path, optional
        The corpus folder.

    Returns
    -------
    pandas.DataFrame
        One row per (leaves_out claim, absence term), in the file's order. Columns ``article_id``,
        ``point``, ``term``, ``count`` (always 0 when the function returns), ``contrast_article_id``,
        ``contrast_count`` (occurrences of the term there; 0 is possible, since the contrast article may
        say it in other words), ``contrast_para_no`` (the paragraph holding the contrast span, or -1),
        ``contrast_span``.

    Raises
    ------
    KitDataError
        If an absence term does occur in its article, naming the line of ``annotations/foreground.csv``,
        the term, how often it occurs and where.

    Examples
    --------
    >>> ab = check_absences("athenstimes-2025-05-15")
    >>> int(ab["count"].sum()), "Umerov" in set(ab.term)
    (0, True)
    """
    base = core.data_dir(path)
    fg = foreground(path=base)
    fg = fg[fg.kind == "leaves_out"]
    if article_id is not None:
        fg = fg[fg.article_id == article_id]
    arts = core.load_articles(base)
    text = dict(zip(arts.article_id, arts.text))
    paras = core.paragraphs(base, articles=arts)
    rows, problems = [], []
    for r in fg.to_dict("records"):
        c_aid = r["contrast_article_id"]
        para_no = -1
        if c_aid and r["contrast_start"] >= 0:
            p = paras[(paras.article_id == c_aid) & (paras.start <= r["contrast_start"]) & (paras.end > r["contrast_start"])]
            para_no = int(p.para_no.iloc[0]) if len(p) else -1
        for term in _terms(r["absence_terms"]):
            rx = _term_regex(term)
            hits = list(rx.finditer(text[r["article_id"]]))
            if hits:
                t = text[r["article_id"]]
                m = hits[0]
                ctx = t[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
                problems.append(Problem("annotations/foreground.csv", f"line {r['csv_line']}",
                                        f"the absence term {term!r} occurs {len(hits)} time(s) in {r['article_id']} "
                                        f"(first: ...{ctx}...)",
                                        "remove the term from absence_terms, or rewrite the point"))
            n_contrast = len(rx.findall(text[c_aid])) if c_aid else 0
            rows.append((r["article_id"], r["point"], term, len(hits), c_aid, n_contrast, para_no, r["contrast_span"]))
    if problems:
        raise KitDataError(problems)
    cols = ["article_id", "point", "term", "count", "contrast_article_id", "contrast_count", "contrast_para_no",
            "contrast_span"]
    return pd.DataFrame(rows, columns=cols)


def show_absences(article_id: str, path=None, *, top: int = 8) -> core.HTML:
    """The absence check in brief: how many terms were checked overall, then one article's rows.

    Parameters
    ----------
    article_id : str
        The article whose rows to show.
    path : str or Path, optional
        The corpus folder.
    top : int
        How many of its rows to show.

    Returns
    -------
    kit.core.HTML
        A line "N absence terms checked, M found in their article" (over every article), then a
        table of the article's first ``top`` terms with columns ``term``, ``count``,
        ``contrast_article_id``, ``contrast_count``, ``contrast_para_no`` (see :func:`check_absences`).

    Raises
    ------
    NotCodedError
        If the corpus has no ``annotations/foreground.csv`` (use ``helpers.when_coded``).

    Examples
    --------
    >>> print(repr(show_absences("cgtn-2025-05-14")).splitlines()[0])
    130 absence terms checked, 0 found in their article
    """
    absences = check_absences(path=path)
    rows = absences[absences.article_id == article_id].head(top)
    table = core.html_table(rows[["term", "count", "contrast_article_id", "contrast_count", "contrast_para_no"]])
    return core.HTML(f"<p>{len(absences)} absence terms checked, {int(absences['count'].sum())} found in their "
                     f"article</p>{table.data}")


# --------------------------------------------------------------------------------------------
# 5. Distinctive vocabulary
# --------------------------------------------------------------------------------------------


def token_counts(article_ids=None, path=None, *, stop_words=None) -> Counter:
    """Word counts over the body sentences of some articles.

    Tokens come from :func:`kit.core.tokenize` applied to :func:`kit.core.sentences` (body paragraphs
    only: no headline, standfirst, caption or link). Tokens are lower-cased; inner apostrophes and
    hyphens are kept, so ``ukraine’s`` and ``ukraine`` are different words.

    Parameters
    ----------
    article_ids : str or list of str, optional
        The articles (default: all).
    path : str or Path, optional
        The corpus folder.
    stop_words : collection of str, optional
        Words to leave out (e.g. ``STOP_WORDS``); default: keep every word.

    Returns
    -------
    collections.Counter
        ``{word: count}``.

    Examples
    --------
    >>> c = token_counts("cgtn-2025-05-14")
    >>> c["sun"], c["ceasefire"]
    (4, 6)
    """
    base = core.data_dir(path)
    arts = core.load_articles(base)
    ids = list(arts.article_id) if article_ids is None else _ids(article_ids, list(arts.article_id), "article_ids")
    sents = core.sentences(base, articles=arts)
    stop = set(stop_words or ())
    counts: Counter = Counter()
    for t in sents.loc[sents.article_id.isin(ids), "text"]:
        counts.update(w for w in core.tokenize(t) if w not in stop)
    return counts


def _groups(group_a_ids, group_b_ids, base) -> tuple[list[str], list[str]]:
    known = list(core.load_articles(base).article_id)
    a = _ids(group_a_ids, known, "group_a_ids")
    b = [i for i in known if i not in a] if group_b_ids is None else _ids(group_b_ids, known, "group_b_ids")
    both = sorted(set(a) & set(b))
    if both:
        raise ValueError(f"article(s) in both groups: {', '.join(both)}")
    if not b:
        raise ValueError("group B is empty: group A holds every article")
    return a, b


def _fightin(ya: Counter, yb: Counter, alpha0: float, small_corpus: bool) -> pd.DataFrame:
    """Log-odds ratio with an informative Dirichlet prior, exactly as in METHODS.md section 5."""
    na, nb = sum(ya.values()), sum(yb.values())
    n = na + nb
    rows = []
    for w in sorted(set(ya) | set(yb)):
        yi, yj = ya.get(w, 0), yb.get(w, 0)
        aw = alpha0 * (yi + yj) / n  # alpha_w = alpha_0 * pi_w, pi_w = the word's pooled share
        delta = math.log((yi + aw) / (na + alpha0 - yi - aw)) - math.log((yj + aw) / (nb + alpha0 - yj - aw))
        var = 1 / (yi + aw) + 1 / (yj + aw)
        if small_corpus:
            var += 1 / (na + alpha0 - yi - aw) + 1 / (nb + alpha0 - yj - aw)
        rows.append((w, yi, yj, aw, delta, var, delta / math.sqrt(var)))
    return pd.DataFrame(rows, columns=["word", "count_a", "count_b", "alpha_w", "delta", "var", "z"])


def fightin_words(group_a_ids, group_b_ids=None, path=None, *, alpha0: float = 100.0, min_count: int = 3,
                  stop_words=None, small_corpus: bool = False, counts: tuple[Counter, Counter] | None = None
                  ) -> pd.DataFrame:
    """Words that distinguish two groups of articles: Monroe, Colaresi & Quinn's "Fightin' Words".

    For each word w, with y_w^i its count in group A, y_w^j in group B, n^i and n^j the groups' token
    totals, and the informative Dirichlet prior α_w = α_0·π_w (π_w = the word's share of the two groups
    pooled), all logs natural:

    * δ_w = ln[(y_w^i+α_w)/(n^i+α_0−y_w^i−α_w)] − ln[(y_w^j+α_w)/(n^j+α_0−y_w^j−α_w)]
    * Var(δ_w) ≈ 1/(y_w^i+α_w) + 1/(y_w^j+α_w), plus 1/(n^i+α_0−y_w^i−α_w) + 1/(n^j+α_0−y_w^j−α_w) if
      ``small_corpus``
    * z_w = δ_w / √Var(δ_w); |z| > 1.96 would be "significant" for one word tested alone.

    The default α_0 = 100 is a light prior (about 100 pseudo-tokens against the corpus's ~2,800): it
    keeps δ finite for words absent from one group and pulls rare words towards zero.

    Parameters
    ----------
    group_a_ids : str or list of str
        The article(s) of group A.
    group_b_ids : str or list of str, optional
        The article(s) of group B (default: every other article).
    path : str or Path, optional
        The corpus folder.
    alpha0 : float
        α_0, the total weight of the prior.
    min_count : int
        Only report words that occur at least this often in the two groups together (the statistics are
        computed on every word first, so the filter does not change them).
    stop_words : collection of str, optional
        Words to leave out before counting, e.g. ``STOP_WORDS`` (default: none).
    small_corpus : bool
        Add the two extra variance terms (slightly smaller z).
    counts : (Counter, Counter), optional
        Word counts of groups A and B, to use instead of the corpus (for tests and other texts).

    Returns
    -------
    pandas.DataFrame
        One row per word, sorted by ``z`` from most typical of A to most typical of B (ties by word).
        Columns ``word``, ``count_a``, ``count_b``, ``alpha_w`` (the prior for the word), ``delta``
        (log-odds ratio), ``var``, ``z``.

    Examples
    --------
    >>> from collections import Counter
    >>> fw = fightin_words(None, counts=(Counter(a=3, b=1), Counter(a=1, b=3)), alpha0=4, min_count=1)
    >>> fw[["word", "z"]].round(4).values.tolist()
    [['a', 1.399], ['b', -1.399]]
    """
    if counts is None:
        base = core.data_dir(path)
        a, b = _groups(group_a_ids, group_b_ids, base)
        counts = (token_counts(a, base, stop_words=stop_words), token_counts(b, base, stop_words=stop_words))
    ya, yb = counts
    out = _fightin(ya, yb, alpha0, small_corpus)
    out = out[out.count_a + out.count_b >= min_count]
    return out.sort_values(["z", "word"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _g2(a: int, b: int, c: int, d: int) -> tuple[float, float, float]:
    """(E1, E2, G²) for a word with counts a, b in corpora of c, d tokens; a zero count contributes 0."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))
    return e1, e2, g2


def _level(g2: float) -> str:
    for cut, label in G2_THRESHOLDS:
        if g2 > cut:
            return label
    return ""


def keyness(group_a_ids, group_b_ids=None, path=None, *, min_count: int = 3, stop_words=None,
            counts: tuple[Counter, Counter] | None = None) -> pd.DataFrame:
    """Keyness of each word in group A against group B: Dunning's log-likelihood G² and the Log Ratio.

    With a, b the word's counts in A and B and c, d the groups' token totals (natural logs):
    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2[a ln(a/E1) + b ln(b/E2)] (a zero count contributes 0).
    The effect size is Log Ratio = log2((a/c)/(b/d)), a zero count replaced by 0.5: +1 means twice as
    frequent in A, −1 twice as frequent in B. ``significance`` flags G² above 3.84 / 6.63 / 10.83 / 15.13
    (p < .05 / .01 / .001 / .0001 for **one** word tested alone; with hundreds of words tested, several
    pass 3.84 by chance, and 15.13 is the cut recommended for small expected counts).

    Parameters
    ----------
    group_a_ids : str or list of str
        The article(s) of group A.
    group_b_ids : str or list of str, optional
        The article(s) of group B (default: every other article).
    path : str or Path, optional
        The corpus folder.
    min_count : int
        Only words with a + b at least this.
    stop_words : collection of str, optional
        Words to leave out before counting (default: none).
    counts : (Counter, Counter), optional
        Word counts of groups A and B, to use instead of the corpus.

    Returns
    -------
    pandas.DataFrame
        One row per word, sorted by G² (largest first, ties by word). Columns ``word``, ``count_a``,
        ``count_b``, ``expected_a`` (E1), ``expected_b`` (E2), ``g2``, ``log_ratio``, ``more_in``
        (``A`` or ``B``: the group where the word is relatively more frequent), ``significance``
        (``""`` or the p-value band G² passes).

    Examples
    --------
    >>> from collections import Counter
    >>> k = keyness(None, counts=(Counter(w=10, x=90), Counter(w=2, x=98)), min_count=1)
    >>> k.loc[k.word == "w", ["g2", "log_ratio", "significance"]].round(3).values.tolist()
    [[5.822, 2.322, 'p < .05']]
    """
    if counts is None:
        base = core.data_dir(path)
        a_ids, b_ids = _groups(group_a_ids, group_b_ids, base)
        counts = (token_counts(a_ids, base, stop_words=stop_words), token_counts(b_ids, base, stop_words=stop_words))
    ya, yb = counts
    c, d = sum(ya.values()), sum(yb.values())
    rows = []
    for w in sorted(set(ya) | set(yb)):
        a, b = ya.get(w, 0), yb.get(w, 0)
        if a + b < min_count:
            continue
        e1, e2, g2 = _g2(a, b, c, d)
        lr = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
        rows.append((w, a, b, e1, e2, g2, lr, "A" if a / c >= b / d else "B", _level(g2)))
    out = pd.DataFrame(rows, columns=["word", "count_a", "count_b", "expected_a", "expected_b", "g2", "log_ratio",
                                      "more_in", "significance"])
    return out.sort_values(["g2", "word"], ascending=[False, True], kind="stable").reset_index(drop=True)


def distinctive_words(article_ids=None, path=None, *, top: int = 6, stop_words=STOP_WORDS, alpha0: float = 100.0,
                      min_count: int = 3) -> pd.DataFrame:
    """Each article against the rest: its most distinctive words by Fightin' Words z, with G².

    Parameters
    ----------
    article_ids : str or list of str, optional
        The articles to compare, each against all the others (default: every article).
    path : str or Path, optional
        The corpus folder.
    top : int
        How many words per article.
    stop_words : collection of str, optional
        Words left out (default: ``STOP_WORDS``; ``None`` keeps all).
    alpha0, min_count
        As in :func:`fightin_words`.

    Returns
    -------
    pandas.DataFrame
        One row per (article, word), the article's ``top`` words with positive z, largest first.
        Columns ``article_id``, ``word``, ``count_a`` (in the article), ``count_b`` (in the rest),
        ``z`` and ``g2`` (rounded to two decimals), ``uncorrected p (one word alone)`` (the G² band the
        word would pass if it were the only word tested, ``""`` if none; with many words tested, these
        bands are not evidence: see :func:`distinctiveness_check`).

    Examples
    --------
    >>> dw = distinctive_words("athenstimes-2025-05-15", top=3)
    >>> dw.word.tolist()
    ['resolution', 'zelenskyy', 'moscow']
    """
    base = core.data_dir(path)
    known = list(core.load_articles(base).article_id)
    ids = known if article_ids is None else _ids(article_ids, known, "article_ids")
    parts = []
    for aid in ids:
        counts = (token_counts(aid, base, stop_words=stop_words),
                  token_counts([i for i in known if i != aid], base, stop_words=stop_words))
        fw = fightin_words(None, counts=counts, alpha0=alpha0, min_count=min_count)
        kn = keyness(None, counts=counts, min_count=min_count).set_index("word")
        fw = fw[fw.z > 0].head(top)
        parts.append(pd.DataFrame({
            "article_id": aid, "word": fw.word, "count_a": fw.count_a, "count_b": fw.count_b,
            "z": fw.z.round(2), "g2": fw.word.map(kn.g2).round(2), "uncorrected p (one word alone)": fw.word.map(kn.significance),
        }))
    return pd.concat(parts, ignore_index=True)


def distinctiveness_check(comparisons: dict | None = None, path=None, *, stop_words=STOP_WORDS,
                          alpha0: float = 100.0, min_count: int = 3) -> pd.DataFrame:
    """How strong is the strongest word difference? Maxima of G² and |z| for each comparison.

    Use it to judge the distinctive-word tables: with articles of a few hundred words, how many words
    pass each G² threshold, and how large does z get?

    Parameters
    ----------
    comparisons : dict, optional
        ``{name: (group_a_ids, group_b_ids or None)}``. Default: every article against the rest, and the
        articles whose ``country`` in ``articles.csv`` is China against the others.
    path : str or Path, optional
        The corpus folder.
    stop_words, alpha0, min_count
        As in :func:`fightin_words` (default: ``STOP_WORDS`` left out).

    Returns
    -------
    pandas.DataFrame
        One row per comparison, in the order given. Columns ``comparison``, ``tokens_a``, ``tokens_b``,
        ``words_tested`` (words with at least ``min_count`` occurrences), ``max_g2`` and ``max_g2_word``,
        ``n_over_3_84`` and ``n_over_15_13`` (words whose G² passes 3.84 and 15.13), ``max_abs_z`` and
        ``max_z_word``, ``n_abs_z_over_1_96``.

    Examples
    --------
    >>> chk = distinctiveness_check()
    >>> int(chk.n_over_15_13.sum()), bool((chk.max_abs_z < 3).all())
    (0, True)
    """
    base = core.data_dir(path)
    arts = core.load_articles(base)
    if comparisons is None:
        labels = article_labels(base)
        comparisons = {f"{labels[a]} vs the rest": (a, None) for a in arts.article_id}
        china = list(arts.loc[arts.country == "China", "article_id"])
        if china and len(china) < len(arts):
            comparisons["Chinese outlets vs the others"] = (china, None)
    rows = []
    for name, (ga, gb) in comparisons.items():
        a, b = _groups(ga, gb, base)
        counts = (token_counts(a, base, stop_words=stop_words), token_counts(b, base, stop_words=stop_words))
        kn = keyness(None, counts=counts, min_count=min_count)
        fw = fightin_words(None, counts=counts, alpha0=alpha0, min_count=min_count)
        iz = fw.z.abs().idxmax()
        rows.append((name, sum(counts[0].values()), sum(counts[1].values()), len(kn), round(kn.g2.iloc[0], 2),
                     kn.word.iloc[0], int((kn.g2 > 3.84).sum()), int((kn.g2 > 15.13).sum()),
                     round(abs(fw.z[iz]), 2), fw.word[iz], int((fw.z.abs() > 1.96).sum())))
    return pd.DataFrame(rows, columns=["comparison", "tokens_a", "tokens_b", "words_tested", "max_g2", "max_g2_word",
                                       "n_over_3_84", "n_over_15_13", "max_abs_z", "max_z_word", "n_abs_z_over_1_96"])


def group_keyness(column: str = "country", value: str = "China", path=None, *, top: int = 8,
                  stop_words=STOP_WORDS, min_count: int = 3) -> core.HTML:
    """Keyness of one group of articles against the others, the groups taken from ``articles.csv``.

    Group A is every article whose ``column`` equals ``value`` (e.g. the kit's three articles with
    ``country`` China), group B the rest. If the corpus has no such column, or the group is empty or
    holds every article, there is nothing to compare: a short note says so and how to choose two
    groups by hand with :func:`keyness`, instead of an error.

    Parameters
    ----------
    column, value : str
        The ``articles.csv`` column and the value that defines group A.
    path : str or Path, optional
        The corpus folder.
    top : int
        How many words to show.
    stop_words, min_count
        As in :func:`keyness` (default: ``STOP_WORDS`` left out).

    Returns
    -------
    kit.core.HTML
        A table of the ``top`` words by G², rounded to two decimals, columns ``word``, ``count_a``,
        ``count_b``, ``g2``, ``log_ratio``, ``more_in`` (see :func:`keyness`); or the note.

    Examples
    --------
    >>> group_keyness(top=3).data.count("<tr>")
    4
    >>> "nothing to compare" in group_keyness("country", "Atlantis").data
    True
    """
    base = core.data_dir(path)
    arts = core.load_articles(base)
    group = list(arts.loc[arts[column] == value, "article_id"]) if column in arts.columns else []
    if not group or len(group) == len(arts):
        why = (f"no article has {column} = {value}" if not group else f"every article has {column} = {value}")
        return core.HTML(
            '<div class="kit-no-groups" style="border-left:4px solid #E69F00;background:#fff7e0;padding:0.5em 1em;'
            f'margin:0.4em 0;font-family:sans-serif;max-width:52em"><strong>No groups: nothing to compare.</strong> '
            f"In the corpus in use {html.escape(why)}, so this contrast is skipped. To compare two groups of your "
            f"articles, list their ids: <code>helpers.keyness([&quot;id1&quot;, &quot;id2&quot;], "
            f"stop_words=helpers.STOP_WORDS)</code> (group B is every other article); or give "
            f"<code>helpers.group_keyness</code> a column of <code>articles.csv</code> and a value. Your "
            f"articles: {html.escape(', '.join(arts.article_id))}.</div>")
    keys = keyness(group, path=base, stop_words=stop_words, min_count=min_count)
    return core.html_table(keys.head(top).round(2)[["word", "count_a", "count_b", "g2", "log_ratio", "more_in"]])


# --------------------------------------------------------------------------------------------
# 6. One article at a glance, and all of them side by side
# --------------------------------------------------------------------------------------------


def headline_and_lede(article_id: str, path=None) -> pd.DataFrame:
    """The headline, the standfirst (if any) and the lede (first body sentence) of one article.

    Returns
    -------
    pandas.DataFrame
        One row per part. Columns ``part`` (``headline``, ``standfirst``, ``lede``), ``text``, ``location``
        (e.g. ``¶1`` in the text, or ``articles.csv only`` for a headline missing from the text file).

    Examples
    --------
    >>> headline_and_lede("cgtn-2025-05-14").location.tolist()
    ['articles.csv only', '¶2']
    """
    base = core.data_dir(path)
    arts = core.load_articles(base)
    row = arts[arts.article_id == article_id]
    if row.empty:
        raise ValueError(f"unknown article_id {article_id!r}; use one of: {', '.join(arts.article_id)}")
    paras = core.paragraphs(base, articles=arts)
    paras = paras[paras.article_id == article_id]
    out = []
    head = paras[paras.role == "headline"]
    if len(head):
        out.append(("headline", head.text.iloc[0], f"¶{head.para_no.iloc[0]}"))
    else:
        out.append(("headline", row.headline.iloc[0], "articles.csv only"))
    for p in paras[paras.role == "standfirst"].itertuples():
        out.append(("standfirst", p.text, f"¶{p.para_no}"))
    sents = core.sentences(base, articles=arts)
    first = sents[sents.article_id == article_id].head(1)
    if len(first):
        out.append(("lede", first.text.iloc[0], f"¶{first.para_no.iloc[0]}"))
    return pd.DataFrame(out, columns=["part", "text", "location"])


def outlet_profile(article_id: str, path=None, *, top: int = 6) -> core.HTML:
    """One article at a glance: headline and lede, word choices, foreground, common checklist, distinctive words.

    Five small tables, each under a heading. The checklist is :func:`coverage_checklist`, the same questions
    for every article. Who speaks is left to notebook 01; Entman's table to
    :func:`show_framing`.

    Parameters
    ----------
    article_id : str
        The article.
    path : str or Path, optional
        The corpus folder.
    top : int
        How many distinctive words to list.

    Returns
    -------
    kit.core.HTML

    Examples
    --------
    >>> view = outlet_profile("globaltimes-2025-05-14")
    >>> all(h in view.data for h in ("Headline and lede", "Word choices", "Foregrounded", "Distinctive words"))
    True
    """
    base = core.data_dir(path)
    labels = article_labels(base)
    parts = [f"<h4 style='margin-bottom:0.2em'>{html.escape(labels.get(article_id, article_id))} "
             f"(<code>{html.escape(article_id)}</code>)</h4>"]

    def section(title, table, note=""):
        parts.append(f"<p style='font-weight:bold;margin:0.8em 0 0.2em 0'>{html.escape(title)}</p>")
        if table is None:
            parts.append("<p><em>(not yet coded for this corpus)</em></p>")
            return
        if note:
            parts.append(f"<p style='font-size:0.85em;color:#555;margin:0 0 0.3em 0'>{html.escape(note)}</p>")
        parts.append(core.html_table(table).data if len(table) else "<p><em>(none)</em></p>")

    section("Headline and lede", headline_and_lede(article_id, base))
    try:
        choices = word_choices(article_id, base)
    except core.NotCodedError:
        choices = None
    if choices is not None:
        choices = choices.assign(signals=choices.signals.map(_short))
    section("Word choices (lexicon variants used, with what each can signal)", choices)
    try:
        fg = foreground(article_id, base)
    except core.NotCodedError:
        fg = None
    section("Foregrounded", None if fg is None else _foreground_table(fg))
    try:
        cl = coverage_checklist(base, article_ids=article_id)
        cl = pd.DataFrame({"question": cl.columns[2:], "answer": cl.iloc[0, 2:].tolist()})
    except core.NotCodedError:
        cl = None
    section("Common checklist (the same questions for every article)", cl,
            f"Written {'before' if _timing(article_id, base) == 'before' else 'after'} the talks of 16 May."
            if cl is not None else "")
    dw = distinctive_words(article_id, base, top=top)
    section("Distinctive words (against the other articles)",
            dw[["word", "count_a", "count_b", "z", "g2"]].rename(columns={"count_a": "here", "count_b": "in the others"}),
            "Fightin' Words z and G² keyness, function words left out. On articles this short no word passes the "
            "strict threshold G² 15.13: read these as leads to check in the text, not as findings.")
    return core.HTML("".join(parts))


def _foreground_table(fg: pd.DataFrame) -> pd.DataFrame:
    """The foregrounds rows of one article, with their evidence."""
    fg = fg[fg.kind == "foregrounds"]
    return pd.DataFrame({"point": fg.point, "evidence": [f"“{s}”" for s in fg.span]})


def _short(text: str, n: int = 90) -> str:
    """The first clause of a long text, cut at about ``n`` characters."""
    text = str(text)
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def _timing(article_id: str, base) -> str:
    arts = core.load_articles(base)
    return str(arts.loc[arts.article_id == article_id, "timing"].iloc[0])


_CHECKLIST_FILE = "coverage_checklist.csv"
_CHECKLIST_COLUMNS = ["question_id", "question", "kind", "answered_by", "applies_to", "leaves_out_point",
                      "claim_topic", "notes"]


def checklist_questions(path=None) -> pd.DataFrame:
    """The declared coverage checklist (``annotations/coverage_checklist.csv``), checked.

    A corpus without its own checklist gets the kit's (``data/annotations/coverage_checklist.csv``). ``kind`` is
    ``quote`` (``answered_by`` is a country: an official of it wholly quoted, from ``attributions.csv``) or
    ``text`` (``answered_by`` lists words or phrases separated by `` | ``, searched as whole words, case
    ignored); ``applies_to`` is ``all`` or ``after`` (asked only of articles written after the talks).
    """
    if not (core.data_dir(path) / "annotations" / _CHECKLIST_FILE).exists():
        path = core.DEFAULT_DATA_DIR
    df = core.read_annotation(_CHECKLIST_FILE, required=_CHECKLIST_COLUMNS, path=path, span_col=None,
                              codes={"kind": {"quote", "text"}, "applies_to": {"all", "after"}})
    problems = _problems_if_empty(df, ["question_id", "question", "kind", "answered_by", "applies_to"],
                                  f"annotations/{_CHECKLIST_FILE}")
    if problems:
        raise KitDataError(problems)
    return df[[*_CHECKLIST_COLUMNS, "csv_line"]].reset_index(drop=True)


#: The common checklist of :func:`coverage_checklist` on the kit's corpus: (question, (kind, answered_by)),
#: read from ``data/annotations/coverage_checklist.csv``.
CHECKLIST = [(q, (k, a)) for q, k, a in checklist_questions(core.DEFAULT_DATA_DIR)[["question", "kind", "answered_by"]]
             .itertuples(index=False)]

_OFFICIAL_TYPES = {"head_of_state_or_government", "minister", "spokesperson", "negotiator", "legislator",
                   "anonymous_official"}


def coverage_checklist(path=None, *, article_ids=None, as_html: bool = False):
    """The same questions asked of every article: whom it quotes directly and what it mentions.

    An even-handed alternative to lists of what each article "leaves out": every article gets the same
    questions (the declared list of :func:`checklist_questions`), answered from the data. Text questions search the headline, standfirst
    and body (case-insensitive) and give the first paragraph that answers yes; quote questions use the
    hand-coded attributions (an official of that country, wholly in quotation marks) and name the speakers.
    Articles written before the talks of 16 May could not report their outcome (e.g. the prisoner exchange):
    questions that apply only ``after`` the talks show ``– (written before)`` for them.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    article_ids : str or list of str, optional
        The articles (default: every article, in corpus order).
    as_html : bool
        Return the table as :func:`kit.core.html_table` instead of a DataFrame.

    Returns
    -------
    pandas.DataFrame
        One row per article. Columns ``article`` (short label), ``written`` (``before`` or ``after`` the
        talks), then one column per checklist question, each ``yes (¶n)``, ``yes (speaker, ...)``, ``no`` or
        ``– (written before)``.

    Raises
    ------
    kit.core.NotCodedError
        If the corpus has no ``attributions.csv``.

    Examples
    --------
    >>> c = coverage_checklist(article_ids=["cgtn-2025-05-17", "atalayar-2025-05-19"])
    >>> c["mentions prisoners or an exchange of them"].str.startswith("yes").tolist()
    [True, True]
    >>> c["quotes a Ukrainian official directly"].tolist()
    ['no', 'yes (Sergiy Kyslytsya)']
    """
    from kit import sourcing

    base = core.data_dir(path)
    arts = core.load_articles(base)
    known = list(arts.article_id)
    ids = known if article_ids is None else _ids(article_ids, known, "article_ids")
    labels = article_labels(base)
    questions = checklist_questions(base)
    att = sourcing.attributions(base)
    quoted = att[(att.form == "direct_quote") & att.speaker_type.isin(_OFFICIAL_TYPES)]
    paras = core.paragraphs(base, articles=arts)
    paras = paras[paras.role.isin(["headline", "standfirst", "body"])]
    rows = []
    for aid in ids:
        timing = arts.loc[arts.article_id == aid, "timing"].iloc[0]
        row = {"article": labels.get(aid, aid), "written": f"{timing} the talks"}
        mine = paras[paras.article_id == aid]
        for q in questions.to_dict("records"):
            if q["applies_to"] == "after" and timing == "before":
                row[q["question"]] = "– (written before)"
            elif q["kind"] == "quote":
                who = quoted[(quoted.article_id == aid) & (quoted.speaker_country == q["answered_by"])].speaker.unique()
                row[q["question"]] = f"yes ({', '.join(who)})" if len(who) else "no"
            else:
                rx = re.compile("|".join(_term_regex(t).pattern for t in _terms(q["answered_by"])), re.IGNORECASE)
                hits = [p for p, t in zip(mine.para_no, mine.text) if rx.search(t)]
                row[q["question"]] = f"yes (¶{hits[0]})" if hits else "no"
        rows.append(row)
    out = pd.DataFrame(rows)
    return core.html_table(out) if as_html else out


def framing_summary(path=None, *, lex: pd.DataFrame | None = None, as_html: bool = False):
    """All articles side by side: key word choices, Entman's problem definition and remedy, generic frames.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    lex : DataFrame, optional
        The result of :func:`lexicon` (e.g. ``lexicon(fallback=True)``).
    as_html : bool
        Return the table as :func:`kit.core.html_table` (long text wraps) instead of a DataFrame.

    Returns
    -------
    pandas.DataFrame
        One row per article (corpus order). Columns ``article`` (short label), ``capital`` (the
        spelling(s) of Ukraine's capital, with counts), ``the war called`` (the war-name variants used),
        ``problem definition`` and ``treatment recommendation`` (Entman summaries), ``strongest generic
        frames`` (frames with a score of at least 0.5). What each article mentions is compared with one
        common checklist in :func:`coverage_checklist`.

    Examples
    --------
    >>> s = framing_summary()
    >>> s.set_index("article").loc["Global Times, 14 May", "capital"]
    'Kiev 1'
    """
    base = core.data_dir(path)
    labels = article_labels(base)
    tc = term_counts(base, lex=lex)
    used = tc[tc["count"] > 0]

    def variants(aid, concept):
        u = used[(used.article_id == aid) & (used.concept == concept)]
        return ", ".join(f"{v} {n}" for v, n in zip(u.variant, u["count"])) or "–"

    fe = framing_elements(base)
    fs = frame_scores(base).set_index("article_id")
    rows = []
    for aid, label in labels.items():
        summ = fe[fe.article_id == aid].drop_duplicates("element").set_index("element").summary
        strong = [FRAMES[f] for f in FRAMES if aid in fs.index and fs.loc[aid, f] >= 0.5]
        rows.append((label, variants(aid, "capital_name"), variants(aid, "war_name"),
                     summ.get("problem_definition", "–"), summ.get("treatment_recommendation", "–"),
                     ", ".join(strong) or "–"))
    out = pd.DataFrame(rows, columns=["article", "capital", "the war called", "problem definition",
                                      "treatment recommendation", "strongest generic frames"])
    return core.html_table(out) if as_html else out
