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
:func:`distinctiveness_check` gives the numbers that show it, and the tables for students show which way
each word leans instead of p-values.

Every function takes the corpus first (a :class:`kit.corpus.Corpus`, a folder or None), e.g.
``outlet_profile(corpus, article_id)``; the loaders of the four files are cached per corpus
(:func:`kit.corpus.cached`), and the word counts of every article are computed once per corpus, so
the statistics grow linearly with the corpus.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter

import numpy as np
import pandas as pd

from kit import core
from kit.core import KitDataError, Problem
from kit.corpus import Corpus, as_corpus, cached

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
    "show_distinctive_words",
    "distinctiveness_check",
    "group_keyness",
    "headline_and_lede",
    "outlet_profile",
    "framing_summary",
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

#: The kit's one stop-word list (see :data:`kit.core.STOP_WORDS`).
STOP_WORDS = core.STOP_WORDS

#: Critical values of G² (one degree of freedom) and the p-values they stand for (Rayson's table).
G2_THRESHOLDS = ((15.13, "p < .0001"), (10.83, "p < .001"), (6.63, "p < .01"), (3.84, "p < .05"))

_LEXICON_COLUMNS = ["concept", "variant", "pattern", "case_sensitive", "signals", "source"]
_ELEMENT_COLUMNS = ["article_id", "element", "summary", "span", "notes"]
_CODEBOOK_COLUMNS = ["item_id", "frame", "question", "wording_status"]
_FRAME_COLUMNS = ["article_id", "item_id", "answer", "span", "notes"]
_FOREGROUND_COLUMNS = [
    "article_id",
    "kind",
    "point",
    "span",
    "absence_terms",
    "contrast_article_id",
    "contrast_span",
    "notes",
]
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")


# --------------------------------------------------------------------------------------------
# Small shared pieces
# --------------------------------------------------------------------------------------------


@cached
def article_labels(corpus=None) -> dict[str, str]:
    """Short readable labels for the articles, e.g. ``'CGTN, 14 May'``, in corpus order.

    Two articles of one outlet on one day get ``(2)``, ``(3)``, ... after the label, so every label
    names one article.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).

    Returns
    -------
    dict
        ``{article_id: label}``, ordered by publication date as :func:`kit.core.load_articles` sorts.

    Examples
    --------
    >>> article_labels()["atalayar-2025-05-19"]
    'Atalayar, 19 May'
    """
    arts = core.load_articles(corpus)
    out: dict[str, str] = {}
    seen: Counter = Counter()
    for aid, outlet, pub in zip(arts.article_id, arts.outlet, arts.published):
        try:
            day = pd.Timestamp(pub)
            label = f"{outlet}, {day.day} {day.strftime('%b')}"
        except ValueError:
            label = f"{outlet}, {pub}"
        seen[label] += 1
        out[aid] = label if seen[label] == 1 else f"{label} ({seen[label]})"
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
    if ids is None:
        raise ValueError(f"{what} is missing: give at least one article_id")
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise ValueError(f"{what} is empty: give at least one article_id")
    bad = [i for i in ids if i not in known]
    if bad:
        raise ValueError(f"unknown article_id(s) in {what}: {', '.join(bad)}; use one of: {', '.join(known)}")
    return ids


def _check_article(corpus, article_id: str) -> None:
    """Raise :class:`kit.core.KitDataError` naming the corpus's articles if it has no such article."""
    ids = list(core.load_articles(corpus).article_id)
    if article_id not in ids:
        raise KitDataError(
            [
                Problem(
                    "articles.csv",
                    "",
                    f"the corpus in use has no article {article_id!r}",
                    f"use one of: {', '.join(ids)}",
                )
            ]
        )


def _not_in_corpus(corpus, article_id: str, call: str):
    """None if the corpus has the article; else a short note for a notebook (instead of an error).

    The notebooks discuss particular articles of the kit's own corpus. On a corpus of your own those
    cells show this note, which names your articles and the same call on the first of them.
    """
    ids = list(core.load_articles(corpus).article_id)
    if article_id in ids:
        return None
    return core.HTML(
        '<div class="kit-not-in-corpus" style="border-left:4px solid #E69F00;background:#fff7e0;padding:0.5em 1em;'
        'margin:0.4em 0;font-family:sans-serif;max-width:52em"><strong>Not in the corpus in use.</strong> '
        "This cell is about an article of another corpus (the notebook's text discusses the kit's own "
        f"articles). Try it on one of yours: <code>helpers.{call}(corpus, &quot;{html.escape(ids[0])}&quot;)"
        f"</code>. Your articles: {html.escape(', '.join(ids))}.</div>"
    )


# --------------------------------------------------------------------------------------------
# 1. Contested word choices: the lexicon
# --------------------------------------------------------------------------------------------


@cached
def lexicon(corpus=None, *, fallback: bool = False) -> pd.DataFrame:
    """Load and check the lexicon of contested word choices.

    Every row must have a concept (a snake_case code), a variant name unique within its concept, a
    regular expression that compiles, and ``case_sensitive`` set to ``true`` or ``false``. Problems are
    reported all at once, each naming the line of ``annotations/lexicon.csv`` and the fix.

    **A corpus without a lexicon.** The lexicon is a hand-made list, but unlike the other annotation
    files it describes no particular article: it is a list of words to count. So with ``fallback=True``
    a corpus that has no ``annotations/lexicon.csv`` (a teacher's own articles, not yet coded) gets the
    kit's own lexicon (``data/annotations/lexicon.csv``, read only). The word-choice functions
    (:func:`term_counts`, :func:`term_table`, :func:`lexicon_kwic`, :func:`word_choices`,
    :func:`plot_term_choices`) use it that way, and :func:`lexicon_note` says so in a notebook. Its terms
    are about the Russia-Ukraine war, so on other articles most counts will be zero. Without
    ``fallback`` (the default) a missing lexicon raises :class:`kit.core.NotCodedError`, as every
    hand-coded layer does. A lexicon that exists but has errors always raises.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).
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
    if fallback and not (core.data_dir(corpus) / "annotations" / "lexicon.csv").exists():
        return lexicon(core.DEFAULT_DATA_DIR)
    file = "annotations/lexicon.csv"
    df = core.read_annotation(
        "lexicon.csv",
        required=_LEXICON_COLUMNS,
        path=corpus,
        span_col=None,
        codes={"case_sensitive": {"true", "false"}},
    )
    problems = _problems_if_empty(df, ["concept", "variant", "pattern", "case_sensitive", "signals"], file)
    seen = {}
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        if r["concept"].strip() and not _CODE_RE.match(r["concept"]):
            problems.append(
                Problem(
                    file,
                    row,
                    f"the concept {r['concept']!r} is not a snake_case code",
                    "use lower-case letters, digits and '_' only, e.g. capital_name",
                )
            )
        key = (r["concept"], r["variant"])
        if key in seen:
            problems.append(
                Problem(
                    file,
                    row,
                    f"duplicate variant {r['variant']!r} of {r['concept']!r} (also on line {seen[key]})",
                    "give each variant its own name",
                )
            )
        seen[key] = r["csv_line"]
        problems += _pattern_problems(r["pattern"], file, row)
    if problems:
        raise KitDataError(problems)
    df["case_sensitive"] = df["case_sensitive"] == "true"
    return df[[*_LEXICON_COLUMNS, "csv_line"]].reset_index(drop=True)


def _pattern_problems(pattern: str, file: str, row: str) -> list[Problem]:
    if not pattern.strip():
        return []
    try:
        re.compile(pattern)
    except re.error as exc:
        return [
            Problem(
                file,
                row,
                f"the pattern {pattern!r} is not a valid regular expression ({exc})",
                "correct the pattern; test it with re.compile",
            )
        ]
    return []


def lexicon_note(corpus=None):
    """A note for notebooks when the corpus has no lexicon and the kit's own is used; else None.

    See :func:`lexicon` (``fallback=True``). On a corpus with its own ``annotations/lexicon.csv``
    (the kit's included) there is nothing to say, and a notebook cell ending with this call shows
    nothing.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.

    Returns
    -------
    kit.core.HTML or None
        A short boxed note naming the file used and how to start a lexicon of your own.

    Examples
    --------
    >>> lexicon_note() is None
    True
    """
    if (core.data_dir(corpus) / "annotations" / "lexicon.csv").exists():
        return None
    return core.HTML(
        '<div class="kit-lexicon-note" style="border-left:4px solid #E69F00;background:#fff7e0;padding:0.5em 1em;'
        "margin:0.4em 0;font-family:sans-serif;max-width:52em\"><strong>The kit's own lexicon is used.</strong> "
        "The corpus in use has no <code>annotations/lexicon.csv</code>, so the word-choice counts below use the "
        "kit's list of contested terms (<code>data/annotations/lexicon.csv</code>: <em>Kyiv</em> or <em>Kiev</em>, "
        "names for the war, ...). Its terms are about the Russia–Ukraine war and may never occur in your "
        'articles. To count contested terms of your own, run <code>helpers.annotation_template("lexicon.csv")'
        "</code>: it copies the kit's rows into your corpus folder as a start; edit them, add yours, and check "
        "the file with <code>python -m helpers check FOLDER</code>.</div>"
    )


# ---- matching: one function finds every occurrence, so counts and keyword-in-context agree ----

#: A prefix that turns a word into its opposite when joined to it by a hyphen ("non-constructive").
_NEGATING_PREFIX = re.compile(r"(?<![^\W_])(?:non|un|not)[-‑]\Z", re.IGNORECASE)
#: Where a clause ends: a lookbehind of a variant ("not after 'illegally'") is applied back to here.
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]—–]")
_LOOKBEHIND = re.compile(r"\(\?<!((?:\\.|[^)\\])*)\)")
#: At most this many characters before a match are searched for a qualifier (a clause without punctuation
#: in a long text would otherwise cost time in proportion to its length for every match).
_CLAUSE_LOOKBACK = 200


def _variant_regex(row) -> re.Pattern:
    return re.compile(row["pattern"], 0 if row["case_sensitive"] else re.IGNORECASE)


def _has_word_lookbehind(pattern: str) -> bool:
    """Whether the pattern says "not after these words" with a negative lookbehind holding letters."""
    return any(re.search(r"[^\W\d_]", re.sub(r"\\.", "", body)) for body in _LOOKBEHIND.findall(pattern))


def _outlet_regex(corpus) -> re.Pattern | None:
    """The names of the corpus's outlets, as whole phrases (an outlet's name is not a word choice)."""
    names = sorted({o for o in core.load_articles(corpus).outlet if o.strip()}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)


def _qualified_at_distance(text: str, m: re.Match, rx: re.Pattern, siblings) -> tuple | None:
    """For a variant with a word lookbehind: a qualifying word earlier in the same clause.

    "illegally declared the annexation" is not an unqualified "annexation": the pattern
    ``(?<!illegally\\s)annex`` is tried as if the words between each earlier word of the clause and
    the match were not there. If it then fails, the match is qualified; it is counted for the sibling
    variant of the concept that matches the shortened text (e.g. ``illegal(ly) annex``), spanning from
    the qualifier to the end of the match. Returns None (not qualified) or ``(sibling or None, start)``.
    """
    lookback = max(0, m.start() - _CLAUSE_LOOKBACK)
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, lookback, m.start())]
    clause = breaks[-1] if breaks else lookback
    head, rest, size = text[clause : m.start()], text[m.start() :], m.end() - m.start()
    for k in range(len(head) - 1, 0, -1):
        if not head[k - 1].isspace() or head[k].isspace():
            continue
        shortened = head[:k] + rest
        again = rx.match(shortened, k)
        if again and again.end() - k == size:
            continue
        for name, srx in siblings:
            for sm in srx.finditer(shortened):
                if sm.end() == k + size and sm.start() < k:
                    return name, clause + sm.start()
        return None, clause + k
    return None


def _paragraph_hits(text: str, variants, outlets: re.Pattern | None):
    """(variant index, start, end) of every counted occurrence in one paragraph (see :func:`term_counts`)."""
    blocked = [(o.start(), o.end()) for o in outlets.finditer(text)] if outlets else []
    hits = []
    for name, rx, lookbehind, siblings in variants:
        for m in rx.finditer(text):
            if m.end() == m.start() or any(s < m.end() and m.start() < e for s, e in blocked):
                continue
            if _NEGATING_PREFIX.search(text, max(0, m.start() - 4), m.start()):
                continue
            moved = _qualified_at_distance(text, m, rx, siblings) if lookbehind else None
            if moved is None:
                hits.append((name, m.start(), m.end()))
            elif moved[0] is not None:
                hits.append((moved[0], moved[1], m.end()))
    return hits


def _lexicon_hits(corpus, lex: pd.DataFrame) -> pd.DataFrame:
    """Every counted occurrence of every variant: the one table :func:`term_counts` and
    :func:`lexicon_kwic` are built from (kept with the corpus, per lexicon)."""
    corpus = as_corpus(corpus)
    key = ("kit.framing._lexicon_hits", tuple(zip(lex.concept, lex.variant, lex.pattern, lex.case_sensitive)))
    return corpus.remember(key, lambda: _find_hits(corpus, lex)).copy()


def _find_hits(corpus, lex: pd.DataFrame) -> pd.DataFrame:
    recs = lex.to_dict("records")
    variants = []
    for i, r in enumerate(recs):
        sib = [(j, _variant_regex(o)) for j, o in enumerate(recs) if o["concept"] == r["concept"] and j != i]
        variants.append((i, _variant_regex(r), _has_word_lookbehind(r["pattern"]), sib))
    outlets = _outlet_regex(corpus)
    paras = core.paragraphs(corpus)
    paras = paras[paras.role.isin(core.TEXT_ROLES)]
    rows = []
    for aid, grp in paras.groupby("article_id", sort=False):
        whole = "\n".join(grp.text)
        present = [v for v in variants if v[1].search(whole)]  # most variants never occur: skip them at once
        if not present:
            continue
        for para_no, start, end, text in zip(grp.para_no, grp.start, grp.end, grp.text):
            for k, s, e in dict.fromkeys(_paragraph_hits(text, present, outlets)):
                rows.append((recs[k]["concept"], recs[k]["variant"], aid, para_no, start, end, start + s, start + e))
    return pd.DataFrame(
        rows, columns=["concept", "variant", "article_id", "para_no", "para_start", "para_end", "start", "end"]
    )


def _lexicon_for(corpus, lex, concept=None) -> pd.DataFrame:
    lex = lexicon(corpus, fallback=True) if lex is None else lex
    if concept is None:
        return lex
    wanted = [concept] if isinstance(concept, str) else list(concept)
    unknown = sorted(set(wanted) - set(lex.concept))
    if unknown:
        raise ValueError(
            f"unknown concept(s) {', '.join(unknown)}; use one of: {', '.join(dict.fromkeys(lex.concept))}"
        )
    return lex[lex.concept.isin(wanted)]


def term_counts(corpus=None, *, concept=None, lex: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count every lexicon variant in every article: a tidy long table.

    The text counted is the outlet's own words: the **headline, standfirst and body paragraphs** as they
    appear in the article file (``kit.core.TEXT_ROLES``, the same text :func:`kit.core.kwic` searches);
    captions, labels and links are left out. Note that the headlines of the two CGTN articles are not in
    their text files (``articles.csv`` gives them), so they are not counted.

    A variant's pattern is matched with three rules that keep false hits out:

    * a word joined by a hyphen to a negating prefix is a different word: ``non-constructive`` is not
      counted as ``constructive`` (prefixes ``non-``, ``un-``, ``not-``);
    * a pattern that must not follow certain words (a negative lookbehind, e.g. ``(?<!illegally\\s)annex``)
      must not follow them anywhere earlier in the same clause: "illegally declared the annexation" is not
      an unqualified "annexation"; it is counted for the variant of the same concept that matches once the
      words in between are skipped (``illegal(ly) annex``), or for none;
    * the name of an outlet of the corpus is a name, not a word choice: "Kyiv" in an outlet called
      "The Kyiv Independent" is not counted.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    concept : str or list of str, optional
        Only these concepts (default: all).
    lex : DataFrame, optional
        A lexicon to use instead of the corpus's (default: :func:`lexicon` with ``fallback=True``).

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
    corpus = as_corpus(corpus)
    lex = _lexicon_for(corpus, lex, concept)
    labels = article_labels(corpus)
    hits = Counter(zip(*[_lexicon_hits(corpus, lex)[c] for c in ("concept", "variant", "article_id")]))
    rows = [
        (c, v, aid, label, hits[(c, v, aid)]) for c, v in zip(lex.concept, lex.variant) for aid, label in labels.items()
    ]
    return pd.DataFrame(rows, columns=["concept", "variant", "article_id", "label", "count"])


def term_table(corpus=None, *, concept=None, used_only: bool = True, lex: pd.DataFrame | None = None) -> pd.DataFrame:
    """The word-choice counts as a wide table: one row per variant, one column per article.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    concept : str or list of str, optional
        Only these concepts.
    used_only : bool
        Leave out variants no article uses (default True).
    lex : DataFrame, optional
        A lexicon to use instead of the corpus's.

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
    tc = term_counts(corpus, concept=concept, lex=lex)
    labels = list(dict.fromkeys(tc.label))
    wide = tc.pivot_table(index=["concept", "variant"], columns="label", values="count", aggfunc="sum", sort=False)
    wide = wide.reindex(columns=labels).fillna(0).astype(int).reset_index()
    wide.columns.name = None
    if used_only:
        wide = wide[wide[labels].sum(axis=1) > 0]
    return wide.reset_index(drop=True)


def lexicon_kwic(
    corpus, concept: str, *, window: int = 40, leave_out=(), as_html: bool = False, lex: pd.DataFrame | None = None
):
    """Keyword-in-context lines for every variant of one concept of the lexicon.

    The occurrences are exactly those :func:`term_counts` counts (same text, same rules), each with
    the words around it inside its paragraph.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    concept : str
        A concept code of the lexicon, e.g. ``"war_name"``.
    window : int
        Characters of context on each side.
    leave_out : str or list of str
        Variants not to list (e.g. the most common one).
    as_html : bool
        Return a table for reading (:func:`kit.core.html_table`): ``variant``, ``article``, ``¶``,
        ``left``, ``match``, ``right``.
    lex : DataFrame, optional
        A lexicon to use instead of the corpus's.

    Returns
    -------
    pandas.DataFrame or kit.core.HTML
        One row per occurrence, by variant (lexicon order), then article and text order. Columns
        ``variant``, ``article`` (the article's short label), ``article_id``, ``para_no``, ``left``,
        ``match``, ``right``.

    Examples
    --------
    >>> k = lexicon_kwic(None, "annexation")
    >>> k[["variant", "article_id", "match"]].values.tolist()
    [['illegal(ly) annex', 'atalayar-2025-05-19', 'illegally annex'], ['annex (unqualified)', 'athenstimes-2025-05-15', 'annexed']]
    """
    corpus = as_corpus(corpus)
    lex = _lexicon_for(corpus, lex, concept)
    hits = _lexicon_hits(corpus, lex)
    hits = hits[~hits.variant.isin([leave_out] if isinstance(leave_out, str) else list(leave_out))]
    texts = dict(zip(*[core.load_articles(corpus)[c] for c in ("article_id", "text")]))
    order = {cv: i for i, cv in enumerate(zip(lex.concept, lex.variant))}
    arts = {a: i for i, a in enumerate(texts)}
    hits = hits.assign(_v=[order[cv] for cv in zip(hits.concept, hits.variant)], _a=hits.article_id.map(arts))
    hits = hits.sort_values(["_v", "_a", "start"], kind="stable")
    rows = []
    for r in hits.itertuples():
        t = texts[r.article_id]
        rows.append(
            (
                r.variant,
                r.article_id,
                r.para_no,
                t[max(r.para_start, r.start - window) : r.start],
                t[r.start : r.end],
                t[r.end : min(r.para_end, r.end + window)],
            )
        )
    out = pd.DataFrame(rows, columns=["variant", "article_id", "para_no", "left", "match", "right"])
    out.insert(1, "article", out.article_id.map(article_labels(corpus)))
    if as_html:
        return core.html_table(out.drop(columns="article_id").rename(columns={"para_no": "¶"}))
    return out


def word_choices(corpus, article_id: str, *, lex: pd.DataFrame | None = None) -> pd.DataFrame:
    """The lexicon variants one article uses, with what each can signal.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_id : str
        The article.
    lex : DataFrame, optional
        A lexicon to use instead of the corpus's.

    Returns
    -------
    pandas.DataFrame
        One row per variant that occurs at least once, in lexicon order. Columns ``concept``,
        ``variant``, ``count``, ``signals``.

    Examples
    --------
    >>> word_choices(None, "atalayar-2025-05-19").query("concept == 'capital_name'")[["variant", "count"]].values.tolist()
    [['Kyiv', 1], ['Kiev', 2]]
    """
    corpus = as_corpus(corpus)
    _check_article(corpus, article_id)
    lex = _lexicon_for(corpus, lex)
    tc = term_counts(corpus, lex=lex)
    tc = tc[(tc.article_id == article_id) & (tc["count"] > 0)]
    out = tc.merge(lex[["concept", "variant", "signals"]], on=["concept", "variant"], how="left")
    return out[["concept", "variant", "count", "signals"]].reset_index(drop=True)


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_long_words=True)) or text


def plot_term_choices(corpus=None, *, concepts=None, variants: str = "all", lex: pd.DataFrame | None = None):
    """Which variant of each contested term each article uses: a dot chart read at a glance.

    One row per variant (grouped by concept, variants no article uses left out), one column per
    article. A dot's area is the number of occurrences and the number is written beside it, so the
    chart does not rely on colour; each outlet has its colour (:func:`kit.style.colours`). Drawn
    576 pixels wide with 11-point text (:mod:`kit.style`); for a projector, draw the terms with
    several variants and the single words as two charts (``variants="several"`` and ``"one"``).

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    concepts : list of str, optional
        Only these concepts, in this order (default: all, in lexicon order).
    variants : str
        ``"several"``: only concepts with two or more variants in the lexicon (names and spellings to
        choose between); ``"one"``: only concepts with one variant (a word an article uses or not);
        ``"all"`` (default): both.
    lex : DataFrame, optional
        A lexicon to use instead of the corpus's.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_term_choices(concepts=["capital_name", "war_name"])
    >>> fig.get_suptitle().startswith("Which word")
    True
    """
    from kit import style  # imported when a chart is drawn (importing it sets matplotlib's defaults)

    corpus = as_corpus(corpus)
    lex = _lexicon_for(corpus, lex, concepts)
    if variants != "all":
        if variants not in ("several", "one"):
            raise ValueError(f"variants must be 'all', 'several' or 'one', not {variants!r}")
        size = lex.groupby("concept").variant.transform("size")
        lex = lex[size > 1] if variants == "several" else lex[size == 1]
    wide = term_table(corpus, lex=lex)
    if concepts is not None:
        order = {c: i for i, c in enumerate([concepts] if isinstance(concepts, str) else concepts)}
        wide = wide.sort_values("concept", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    title = "Which word each article uses for contested terms"
    if wide.empty:  # e.g. the kit's lexicon on a corpus about something else
        fig, ax = style.figure(1.4)
        ax.axis("off")
        ax.text(0.0, 0.5, "No variant of the lexicon occurs in these articles.", va="center")
        fig.suptitle(title, x=0.01, ha="left", fontsize=style.MIN_FONT)
        return fig
    return _draw_term_choices(corpus, wide, title)


def _draw_term_choices(corpus, wide: pd.DataFrame, title: str):
    from kit import style  # imported when a chart is drawn (importing it sets matplotlib's defaults)

    labels = article_labels(corpus)
    outlet = dict(zip(*[core.load_articles(corpus)[c] for c in ("article_id", "outlet")]))
    arts = [c for c in wide.columns if c not in ("concept", "variant")]
    by_label = {v: k for k, v in labels.items()}
    colour = style.colours("outlet", [outlet[by_label[a]] for a in arts], corpus)
    wrapped = [_wrap(v, 30) for v in wide.variant]
    # rows as tall as their labels: a row of one line takes 1.5 units, each further line 1 more
    height = np.array([w.count("\n") + 1.5 for w in wrapped])
    y = np.cumsum(height) - height / 2
    fig, ax = style.figure(0.165 * height.sum() + 1.8)
    for j, art in enumerate(arts):
        for i, v in enumerate(wide[art]):
            if v:
                size = 40 + 40 * (v - 1)
                ax.scatter(j, y[i], s=size, color=colour[outlet[by_label[art]]], zorder=3)
                ax.annotate(
                    str(int(v)), (j, y[i]), xytext=(3 + math.sqrt(size) / 2, 0), textcoords="offset points", va="center"
                )
    edges = np.concatenate([[0], np.cumsum(height)])
    for k, (_, grp) in enumerate(wide.groupby("concept", sort=False)):
        if k % 2 == 0:
            ax.axhspan(edges[grp.index.min()], edges[grp.index.max() + 1], color="#ececec", zorder=0)
    ax.set_yticks(y, wrapped)
    rotate = len(arts) > 6
    ax.set_xticks(range(len(arts)), [_column_label(a) for a in arts], rotation=90 if rotate else 0)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.set_xlim(-0.5, len(arts) - 0.25)
    ax.set_ylim(edges[-1], 0)
    for side in ("right", "bottom", "left", "top"):
        ax.spines[side].set_visible(False)
    fig.suptitle(
        f"{title}\nDot and number: occurrences in headline, standfirst and body.\n"
        "Grey bands group the variants of one term.",
        x=0.01,
        ha="left",
        fontsize=style.MIN_FONT,
    )
    return fig


def _column_label(label: str) -> str:
    """'Global Times, 14 May' -> 'Global\\nTimes\\n14 May': narrow enough for five columns in 576 pixels."""
    name, _, rest = label.partition(", ")
    return _wrap(name, 9) + (f"\n{rest}" if rest else "")


# --------------------------------------------------------------------------------------------
# 2. Entman's framing elements
# --------------------------------------------------------------------------------------------


@cached
def framing_elements(corpus=None, *, article_id: str | None = None) -> pd.DataFrame:
    """Load and check Entman's framing elements: one row per evidence span.

    Each element of an article has one ``summary`` (repeated on each of its rows) and one or more
    evidence spans. Element codes, spans and the consistency of the summary are checked.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
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
    df = core.read_annotation(
        "framing_elements.csv", required=_ELEMENT_COLUMNS, path=corpus, codes={"element": ELEMENTS}
    )
    problems = _problems_if_empty(df, ["element", "summary"], file)
    first = {}
    for r in df.to_dict("records"):
        key = (r["article_id"], r["element"])
        if key in first and first[key][0] != r["summary"]:
            problems.append(
                Problem(
                    file,
                    f"line {r['csv_line']}",
                    f"the summary of {r['element']} in {r['article_id']} differs from the one on line {first[key][1]}",
                    "give every row of one element the same summary",
                )
            )
        first.setdefault(key, (r["summary"], r["csv_line"]))
    if problems:
        raise KitDataError(problems)
    df["element_label"] = df["element"].map(ELEMENTS)
    if article_id is not None:
        df = df[df.article_id == article_id]
    cols = ["article_id", "element", "element_label", "summary", "span", "start", "end", "notes"]
    return df[cols].reset_index(drop=True)


def framing_table(corpus, article_id: str, *, elements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Entman's table for one article: one row per framing element, with its evidence.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_id : str
        The article.
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
    >>> t = framing_table(None, "athenstimes-2025-05-15")
    >>> t[["tag", "element"]].values.tolist()[0]
    ['[A]', 'problem definition']
    """
    if elements is None:
        _check_article(corpus, article_id)
        elements = framing_elements(corpus)
    fe = elements[elements.article_id == article_id]
    rows = []
    for i, code in enumerate(c for c in ELEMENTS if c in set(fe.element)):
        grp = fe[fe.element == code]
        evidence = " | ".join(f"“{s}”" for s in grp.span)
        rows.append((f"[{chr(ord('A') + i)}]", ELEMENTS[code], grp.summary.iloc[0], evidence))
    return pd.DataFrame(rows, columns=["tag", "element", "summary", "evidence"])


def show_framing(corpus, article_id: str, *, elements: pd.DataFrame | None = None) -> core.HTML:
    """Entman's table for one article, then the article with each element's evidence highlighted.

    The letter tags ``[A]``-``[D]`` of the table are the ones that mark the evidence in the text.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_id : str
        The article.
    elements : DataFrame, optional
        The result of :func:`framing_elements`.

    Returns
    -------
    kit.core.HTML
        Displays in Jupyter; ``.data`` holds the (escaped) markup.

    Examples
    --------
    >>> view = show_framing(None, "cgtn-2025-05-17")
    >>> view.data.count("[D]") >= 2 and "problem definition" in view.data
    True
    """
    corpus = as_corpus(corpus)
    note = _not_in_corpus(corpus, article_id, "show_framing")
    if note is not None:
        return note
    fe = framing_elements(corpus) if elements is None else elements
    fe = fe[fe.article_id == article_id]
    table = framing_table(corpus, article_id, elements=fe)
    highlight = {ELEMENTS[c]: list(fe.loc[fe.element == c, "span"]) for c in ELEMENTS if c in set(fe.element)}
    view = core.show_article(article_id, highlight=highlight, path=corpus)
    return core.HTML(core.html_table(table[["tag", "element", "summary"]]).data + view.data)


# --------------------------------------------------------------------------------------------
# 3. Generic frames (Semetko & Valkenburg 2000)
# --------------------------------------------------------------------------------------------


@cached
def generic_frames_codebook(corpus=None) -> pd.DataFrame:
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
    df = core.read_annotation(
        "generic_frames_codebook.csv", required=_CODEBOOK_COLUMNS, path=corpus, span_col=None, codes={"frame": FRAMES}
    )
    problems = _problems_if_empty(df, ["item_id", "frame", "question"], file)
    dup = df[df.item_id.duplicated()]
    problems += [
        Problem(file, f"line {r.csv_line}", f"duplicate item_id {r.item_id!r}", "give each question its own id")
        for r in dup.itertuples()
    ]
    if problems:
        raise KitDataError(problems)
    return df[_CODEBOOK_COLUMNS].reset_index(drop=True)


@cached
def generic_frames(corpus=None) -> pd.DataFrame:
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
    cb = generic_frames_codebook(corpus)
    df = core.read_annotation(
        "generic_frames.csv",
        required=_FRAME_COLUMNS,
        path=corpus,
        allow_empty_span=True,
        codes={"item_id": set(cb.item_id), "answer": {"yes", "no"}},
    )
    problems = _problems_if_empty(df, ["item_id", "answer"], file)
    seen = {}
    for r in df.to_dict("records"):
        key = (r["article_id"], r["item_id"])
        if key in seen:
            problems.append(
                Problem(
                    file,
                    f"line {r['csv_line']}",
                    f"{r['item_id']} is answered twice for {r['article_id']} (also on line {seen[key]})",
                    "keep one answer per question",
                )
            )
        seen[key] = r["csv_line"]
        if r["answer"] == "yes" and not r["span"].strip():
            problems.append(
                Problem(
                    file,
                    f"line {r['csv_line']}",
                    "a 'yes' answer without an evidence span",
                    "copy the words the answer rests on from the article into span",
                )
            )
    if problems:
        raise KitDataError(problems)
    df = df.merge(cb[["item_id", "frame", "question"]], on="item_id", how="left")
    cols = ["article_id", "item_id", "frame", "question", "answer", "span", "start", "end", "notes"]
    return df[cols].reset_index(drop=True)


def frame_scores(corpus=None, *, answers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frame scores: for each article and frame, the share of the frame's questions answered yes.

    A score of 1 means every question of the frame is answered yes (the frame is fully present), 0 that
    none is (Semetko & Valkenburg's additive index, scaled to 0-1 by dividing by the number of questions).

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
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
    gf = generic_frames(corpus) if answers is None else answers
    labels = article_labels(corpus)
    score = gf.assign(yes=(gf.answer == "yes").astype(float)).pivot_table(
        index="article_id", columns="frame", values="yes", aggfunc="mean"
    )
    score = score.reindex(index=[a for a in labels if a in score.index], columns=list(FRAMES)).round(2)
    score.columns.name = None
    score = score.reset_index()
    score.insert(1, "label", score.article_id.map(labels))
    return score


def plot_frame_scores(corpus=None, *, answers: pd.DataFrame | None = None):
    """A heat map of the generic-frame scores: articles down, frames across, the score in each cell.

    Drawn with :mod:`kit.style` (576 pixels wide, 11-point text); the score is written in every
    cell, so the chart does not rely on colour.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    answers : DataFrame, optional
        The result of :func:`generic_frames`.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_frame_scores()
    >>> fig.get_suptitle().startswith("Generic frames")
    True
    """
    from kit import style  # imported when a chart is drawn (importing it sets matplotlib's defaults)

    fs = frame_scores(corpus, answers=answers)
    m = fs[list(FRAMES)].to_numpy(dtype=float)
    fig, ax = style.figure(0.42 * len(fs) + 2.3)
    ax.imshow(m, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            v = m[i, j]
            ax.text(
                j,
                i,
                "–" if math.isnan(v) else f"{v:.2f}",
                ha="center",
                va="center",
                color="white" if v > 0.55 else "black",
            )
    ax.set_xticks(
        range(len(FRAMES)),
        [FRAMES[f].replace(" ", "\n") for f in FRAMES],
        rotation=35,
        ha="left",
        rotation_mode="anchor",
    )
    ax.set_yticks(range(len(fs)), [_wrap(t, 22) for t in fs.label])
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    fig.suptitle(
        "Generic frames (Semetko & Valkenburg 2000): the share of each\nframe's yes/no questions "
        "answered yes (1 = all yes)",
        x=0.01,
        ha="left",
        fontsize=style.MIN_FONT,
    )
    return fig


# --------------------------------------------------------------------------------------------
# 4. What is foregrounded and what is left out
# --------------------------------------------------------------------------------------------


def _terms(cell: str) -> list[str]:
    return [t.strip() for t in cell.split("|") if t.strip()]


def _term_regex(term: str) -> re.Pattern:
    """A whole word or phrase, case ignored: 'Trump' matches 'Trump’s' but not 'Trumpet'."""
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)


@cached
def foreground(corpus=None, article_id: str | None = None) -> pd.DataFrame:
    """Load and check the foreground file: what each article foregrounds, leaves out, reuses, ...

    Checks the ``kind`` codes; that every row except ``leaves_out`` has a verbatim span; that every
    ``leaves_out`` row lists its absence terms; and that each contrast span is found in its contrast
    article. (Whether the absence terms are really absent is checked by :func:`check_absences`.)

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_id : str, optional
        Only this article.

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
    >>> fg = foreground(None, "athenstimes-2025-05-15")
    >>> fg.kind.value_counts().sort_index().to_dict()
    {'error_against_record': 2, 'foregrounds': 2, 'leaves_out': 4, 'page_furniture_cue': 1}
    """
    file = "annotations/foreground.csv"
    base = as_corpus(corpus)
    known = list(core.load_articles(base).article_id)
    df = core.read_annotation(
        "foreground.csv",
        required=_FOREGROUND_COLUMNS,
        path=base,
        allow_empty_span=True,
        codes={"kind": FOREGROUND_KINDS, "contrast_article_id": known},
    )
    problems = _problems_if_empty(df, ["kind", "point"], file)
    for r in df.to_dict("records"):
        problems += _foreground_row_problems(r, file)
    if problems:
        raise KitDataError(problems)
    contrast = df[df.contrast_span.str.strip() != ""]
    df["contrast_start"] = -1
    if len(contrast):
        checked = core.verify_spans(
            contrast.assign(article_id=contrast.contrast_article_id), file=file, span_col="contrast_span", path=base
        )
        df.loc[checked.index, "contrast_start"] = checked["start"]
    if article_id is not None:
        df = df[df.article_id == article_id]
    cols = [*_FOREGROUND_COLUMNS[:4], "start", "end", *_FOREGROUND_COLUMNS[4:], "contrast_start", "csv_line"]
    return df[cols].reset_index(drop=True)


def _foreground_row_problems(r: dict, file: str) -> list[Problem]:
    row, out = f"line {r['csv_line']}", []
    if r["kind"] == "leaves_out":
        if not _terms(r["absence_terms"]):
            out.append(
                Problem(
                    file,
                    row,
                    "a leaves_out row without absence_terms",
                    "list the words whose absence shows the point, separated by ' | '",
                )
            )
    elif r["kind"] and not r["span"].strip():
        out.append(
            Problem(
                file,
                row,
                f"a {r['kind']} row without an evidence span",
                "copy the words the point rests on from the article into span",
            )
        )
    if bool(r["contrast_span"].strip()) != bool(r["contrast_article_id"].strip()):
        out.append(
            Problem(
                file,
                row,
                "contrast_article_id and contrast_span must be filled together",
                "give both, or leave both empty",
            )
        )
    return out


def check_absences(corpus=None, article_id: str | None = None) -> pd.DataFrame:
    """Check every "leaves out" claim: each absence term must not occur in the article.

    Each term is searched as a whole word or phrase, case ignored, in the **whole** article text
    (captions and links included: "never mentions" should hold for anything on the page). The same
    search is run on the contrast article, which does say it.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_id : str, optional
        Only the claims about this article.

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
    >>> ab = check_absences(None, "athenstimes-2025-05-15")
    >>> int(ab["count"].sum()), "Umerov" in set(ab.term)
    (0, True)
    """
    base = as_corpus(corpus)
    fg = foreground(base)
    fg = fg[fg.kind == "leaves_out"]
    if article_id is not None:
        fg = fg[fg.article_id == article_id]
    text = dict(zip(*[core.load_articles(base)[c] for c in ("article_id", "text")]))
    paras = core.paragraphs(base)
    rows, problems = [], []
    for r in fg.to_dict("records"):
        c_aid = r["contrast_article_id"]
        para_no = -1
        if c_aid and r["contrast_start"] >= 0:
            p = paras[
                (paras.article_id == c_aid) & (paras.start <= r["contrast_start"]) & (paras.end > r["contrast_start"])
            ]
            para_no = int(p.para_no.iloc[0]) if len(p) else -1
        for term in _terms(r["absence_terms"]):
            rx = _term_regex(term)
            hits = list(rx.finditer(text[r["article_id"]]))
            if hits:
                problems.append(_absence_problem(r, term, hits, text[r["article_id"]]))
            n_contrast = len(rx.findall(text[c_aid])) if c_aid else 0
            rows.append((r["article_id"], r["point"], term, len(hits), c_aid, n_contrast, para_no, r["contrast_span"]))
    if problems:
        raise KitDataError(problems)
    cols = [
        "article_id",
        "point",
        "term",
        "count",
        "contrast_article_id",
        "contrast_count",
        "contrast_para_no",
        "contrast_span",
    ]
    return pd.DataFrame(rows, columns=cols)


def _absence_problem(r: dict, term: str, hits: list, t: str) -> Problem:
    m = hits[0]
    ctx = t[max(0, m.start() - 30) : m.end() + 30].replace("\n", " ")
    return Problem(
        "annotations/foreground.csv",
        f"line {r['csv_line']}",
        f"the absence term {term!r} occurs {len(hits)} time(s) in {r['article_id']} (first: ...{ctx}...)",
        "remove the term from absence_terms, or rewrite the point",
    )


def show_absences(corpus=None, article_id: str | None = None) -> core.HTML:
    """The absence check, for a student: what each article is said to leave out, and the words searched.

    A sentence first gives the totals over the whole corpus (how many "leaves out" statements, how many
    words searched in all, how many found), then a table with **one row per statement**, so the number
    of words searched can be read off each row: what the article leaves out, the words searched for
    (none found in the article), the article that does say it and the words found there.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_id : str, optional
        Only the statements about this article in the table (the sentence still counts them all).

    Returns
    -------
    kit.core.HTML

    Raises
    ------
    NotCodedError
        If the corpus has no ``annotations/foreground.csv``.

    Examples
    --------
    >>> view = show_absences(None, "athenstimes-2025-05-15")
    >>> view.data.count("<tr>") == 1 + len(foreground(None, "athenstimes-2025-05-15").query("kind == 'leaves_out'"))
    True
    """
    corpus = as_corpus(corpus)
    absences = check_absences(corpus)
    if absences.empty:
        return core.HTML(
            "<p>No statement that an article leaves something out is recorded in "
            "<code>annotations/foreground.csv</code>.</p>"
        )
    note = None if article_id is None else _not_in_corpus(corpus, article_id, "show_absences")
    if note is not None:
        return note
    labels = article_labels(corpus)
    claims = absences.groupby(["article_id", "point"], sort=False)
    n_claims, n_terms, found = claims.ngroups, len(absences), int((absences["count"] > 0).sum())
    rows = []
    for (aid, point), g in claims:
        if article_id is not None and aid != article_id:
            continue
        c_aid, para = g.contrast_article_id.iloc[0], g.contrast_para_no.iloc[0]
        there = ", ".join(f"{t} ({n})" for t, n in zip(g.term, g.contrast_count) if n) or "–"
        rows.append(
            (
                labels[aid],
                point,
                f"{len(g)}: " + ", ".join(g.term),
                f"{labels[c_aid]}, ¶{para}" if c_aid and para >= 0 else (labels.get(c_aid, "–")),
                there,
            )
        )
    table = pd.DataFrame(
        rows,
        columns=["article", "leaves out", "words searched for (none found)", "said in", "words found there (times)"],
    )
    if article_id is not None:
        table = table.drop(columns="article")  # one article: the sentence names it
    where = "" if article_id is None else f" Below, the {len(rows)} statements about {labels[article_id]}."
    head = (
        f"<p>{n_claims} statements that an article leaves something out, in "
        f"{absences.article_id.nunique()} articles. Each is checked by searching its article for every word "
        f"that would name what it leaves out: {n_terms} words in all, "
        f"{'none' if not found else found} found in its article.{html.escape(where)}</p>"
    )
    return core.HTML(head + core.html_table(table).data)


# --------------------------------------------------------------------------------------------
# 5. Distinctive vocabulary
# --------------------------------------------------------------------------------------------


class _Counts:
    """Every article's word counts at once: a sorted vocabulary and one (article, word, count) triple per pair.

    Built once per corpus from the body paragraphs (the same tokens as :func:`kit.core.sentences`, whose
    sentences partition the body paragraphs at white space), so every statistic below is a sum over these
    arrays: linear in the size of the corpus.
    """

    def __init__(self, ids: list[str], counters: list[Counter]):
        self.ids = ids
        vocab = sorted(set().union(*counters)) if counters else []
        self.vocab = np.array(vocab, dtype=object)
        index = {w: i for i, w in enumerate(vocab)}
        sizes = [len(c) for c in counters]
        self.art = np.repeat(np.arange(len(counters)), sizes)
        self.word = np.fromiter((index[w] for c in counters for w in c), dtype=np.int64, count=sum(sizes))
        self.count = np.fromiter((n for c in counters for n in c.values()), dtype=np.int64, count=sum(sizes))

    def keep(self, stop_words) -> np.ndarray:
        """A mask over the pairs: True where the word is not a stop word."""
        if not stop_words:
            return np.ones(len(self.word), dtype=bool)
        stop = np.fromiter((w in stop_words for w in self.vocab), dtype=bool, count=len(self.vocab))
        return ~stop[self.word]

    def totals(self, rows: list[int], keep: np.ndarray) -> np.ndarray:
        """Counts per vocabulary word over the articles ``rows`` (indices into ``ids``)."""
        pick = keep & np.isin(self.art, rows)
        return np.bincount(self.word[pick], weights=self.count[pick], minlength=len(self.vocab)).astype(np.int64)


def _counts(corpus) -> _Counts:
    """The :class:`_Counts` of a corpus, built once and kept with the corpus."""
    corpus = corpus if isinstance(corpus, Corpus) else as_corpus(corpus)

    def build():
        ids = list(core.load_articles(corpus).article_id)
        paras = core.paragraphs(corpus)
        body = paras.loc[paras.role == "body", ["article_id", "text"]]
        text = body.groupby("article_id", sort=False)["text"].agg("\n".join).to_dict()
        return _Counts(ids, [Counter(core.tokenize(text.get(aid, ""))) for aid in ids])

    return corpus.remember(("kit.framing._counts",), build)


def token_counts(corpus=None, article_ids=None, *, stop_words=None) -> Counter:
    """Word counts over the body text of some articles.

    Tokens come from :func:`kit.core.tokenize` applied to the body paragraphs (no headline, standfirst,
    caption or link), the same words as in :func:`kit.core.sentences`. Tokens are lower-cased; inner
    apostrophes and hyphens are kept, so ``ukraine’s`` and ``ukraine`` are different words.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).
    article_ids : str or list of str, optional
        The articles (default: all).
    stop_words : collection of str, optional
        Words to leave out (e.g. ``STOP_WORDS``); default: keep every word.

    Returns
    -------
    collections.Counter
        ``{word: count}``.

    Examples
    --------
    >>> c = token_counts(None, "cgtn-2025-05-14")
    >>> c["sun"], c["ceasefire"]
    (4, 6)
    """
    cs = _counts(corpus)
    ids = cs.ids if article_ids is None else _ids(article_ids, cs.ids, "article_ids")
    rows = [cs.ids.index(i) for i in ids]
    totals = cs.totals(rows, cs.keep(stop_words))
    nz = np.flatnonzero(totals)
    return Counter(dict(zip(cs.vocab[nz].tolist(), totals[nz].tolist())))


def _groups(group_a_ids, group_b_ids, known: list[str]) -> tuple[list[str], list[str]]:
    a = _ids(group_a_ids, known, "group_a_ids")
    b = [i for i in known if i not in a] if group_b_ids is None else _ids(group_b_ids, known, "group_b_ids")
    both = sorted(set(a) & set(b))
    if both:
        raise ValueError(f"article(s) in both groups: {', '.join(both)}")
    if not b:
        raise ValueError("group B is empty: group A holds every article")
    return a, b


def _two_groups(corpus, group_a_ids, group_b_ids, stop_words, counts):
    """(words, counts in A, counts in B) as arrays, words sorted, only words that occur in A or B."""
    if counts is not None:
        ya, yb = counts
        words = sorted(set(ya) | set(yb))
        a = np.array([ya.get(w, 0) for w in words], dtype=np.int64)
        b = np.array([yb.get(w, 0) for w in words], dtype=np.int64)
        return np.array(words, dtype=object), a, b
    cs = _counts(corpus)
    ga, gb = _groups(group_a_ids, group_b_ids, cs.ids)
    pos = {aid: i for i, aid in enumerate(cs.ids)}
    keep = cs.keep(stop_words)
    a = cs.totals([pos[i] for i in ga], keep)
    b = cs.totals([pos[i] for i in gb], keep)
    nz = np.flatnonzero(a + b)
    return cs.vocab[nz], a[nz], b[nz]


def _fightin(yi, yj, ni, nj, alpha0: float, small_corpus: bool):
    """(α_w, δ, Var, z) for arrays of counts: the log-odds ratio with an informative Dirichlet prior (METHODS.md §5)."""
    yi, yj = np.asarray(yi, dtype=float), np.asarray(yj, dtype=float)
    aw = alpha0 * (yi + yj) / (ni + nj)  # alpha_w = alpha_0 * pi_w, pi_w = the word's pooled share
    rest_i, rest_j = ni + alpha0 - yi - aw, nj + alpha0 - yj - aw
    delta = np.log((yi + aw) / rest_i) - np.log((yj + aw) / rest_j)
    var = 1 / (yi + aw) + 1 / (yj + aw)
    if small_corpus:
        var = var + 1 / rest_i + 1 / rest_j
    return aw, delta, var, delta / np.sqrt(var)


def _g2(a, b, c, d):
    """(E1, E2, G²) for arrays of counts a, b in corpora of c, d tokens; a zero count contributes 0."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        ta = np.where(a > 0, a * np.log(a / e1), 0.0)
        tb = np.where(b > 0, b * np.log(b / e2), 0.0)
    return e1, e2, 2 * (ta + tb)


def _log_ratio(a, b, c, d):
    """log2 of the ratio of relative frequencies, a zero count replaced by 0.5."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):  # a group without words (an article of headline only)
        return np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))


def _level(g2: float) -> str:
    for cut, label in G2_THRESHOLDS:
        if g2 > cut:
            return label
    return ""


def _order(key: np.ndarray, descending=True) -> np.ndarray:
    """Indices sorting by ``key`` (largest first), ties in the given (alphabetical) order."""
    return np.lexsort((np.arange(len(key)), -key if descending else key))


def fightin_words(
    corpus=None,
    group_a_ids=None,
    group_b_ids=None,
    *,
    alpha0: float = 100.0,
    min_count: int = 3,
    stop_words=None,
    small_corpus: bool = False,
    counts: tuple[Counter, Counter] | None = None,
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
    corpus : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).
    group_a_ids : str or list of str
        The article(s) of group A.
    group_b_ids : str or list of str, optional
        The article(s) of group B (default: every other article).
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
    >>> fw = fightin_words(counts=(Counter(a=3, b=1), Counter(a=1, b=3)), alpha0=4, min_count=1)
    >>> fw[["word", "z"]].round(4).values.tolist()
    [['a', 1.399], ['b', -1.399]]
    """
    words, a, b = _two_groups(corpus, group_a_ids, group_b_ids, stop_words, counts)
    aw, delta, var, z = _fightin(a, b, a.sum(), b.sum(), alpha0, small_corpus)
    out = pd.DataFrame({"word": words, "count_a": a, "count_b": b, "alpha_w": aw, "delta": delta, "var": var, "z": z})
    out = out[out.count_a + out.count_b >= min_count]
    return out.iloc[_order(out.z.to_numpy())].reset_index(drop=True)


def keyness(
    corpus=None,
    group_a_ids=None,
    group_b_ids=None,
    *,
    min_count: int = 3,
    stop_words=None,
    counts: tuple[Counter, Counter] | None = None,
) -> pd.DataFrame:
    """Keyness of each word in group A against group B: Dunning's log-likelihood G² and the Log Ratio.

    With a, b the word's counts in A and B and c, d the groups' token totals (natural logs):
    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2[a ln(a/E1) + b ln(b/E2)] (a zero count contributes 0).
    The effect size is Log Ratio = log2((a/c)/(b/d)), a zero count replaced by 0.5: +1 means twice as
    frequent in A, −1 twice as frequent in B. ``significance`` flags G² above 3.84 / 6.63 / 10.83 / 15.13
    (p < .05 / .01 / .001 / .0001 for **one** word tested alone; with hundreds of words tested, several
    pass 3.84 by chance, and 15.13 is the cut recommended for small expected counts).

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    group_a_ids : str or list of str
        The article(s) of group A.
    group_b_ids : str or list of str, optional
        The article(s) of group B (default: every other article).
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
        (``""`` or the p-value band G² passes, for one word tested alone).

    Examples
    --------
    >>> from collections import Counter
    >>> k = keyness(counts=(Counter(w=10, x=90), Counter(w=2, x=98)), min_count=1)
    >>> k.loc[k.word == "w", ["g2", "log_ratio", "significance"]].round(3).values.tolist()
    [[5.822, 2.322, 'p < .05']]
    """
    words, a, b = _two_groups(corpus, group_a_ids, group_b_ids, stop_words, counts)
    c, d = int(a.sum()), int(b.sum())
    keep = a + b >= min_count
    words, a, b = words[keep], a[keep], b[keep]
    e1, e2, g2 = _g2(a, b, c, d)
    out = pd.DataFrame(
        {
            "word": words,
            "count_a": a,
            "count_b": b,
            "expected_a": e1,
            "expected_b": e2,
            "g2": g2,
            "log_ratio": _log_ratio(a, b, c, d),
            "more_in": np.where(a * d >= b * c, "A", "B"),
            "significance": [_level(g) for g in g2],
        }
    )
    return out.iloc[_order(g2)].reset_index(drop=True)


def _per_1000(count, total):
    return np.round(1000 * np.asarray(count, dtype=float) / np.maximum(total, 1), 1)


def distinctive_words(
    corpus=None, article_ids=None, *, top: int = 6, stop_words=STOP_WORDS, alpha0: float = 100.0, min_count: int = 3
) -> pd.DataFrame:
    """Each article against the rest: its most distinctive words by Fightin' Words z, with G².

    Linear in the size of the corpus: every article's counts are compared with the corpus totals minus
    its own. Only words the article uses can lean towards it (a word it never uses has z ≤ 0), so only
    those are scored.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_ids : str or list of str, optional
        The articles to compare, each against all the others (default: every article).
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
        ``per_1000_a`` and ``per_1000_b`` (the same per 1,000 counted words), ``leans_towards`` (the
        article's label: every word listed is relatively more frequent in it than in the rest),
        ``times_as_often`` (``per_1000_a / per_1000_b``, infinite for a word only the article uses), ``z`` and
        ``g2`` (rounded to two decimals). No p-values: with many words tested they are not evidence
        (see :func:`distinctiveness_check`).

    Examples
    --------
    >>> dw = distinctive_words(None, "athenstimes-2025-05-15", top=3)
    >>> dw.word.tolist()
    ['resolution', 'zelenskyy', 'moscow']
    """
    cs = _counts(corpus)
    ids = cs.ids if article_ids is None else _ids(article_ids, cs.ids, "article_ids")
    keep = cs.keep(stop_words)
    art, word, a = cs.art[keep], cs.word[keep], cs.count[keep]
    total = np.bincount(word, weights=a, minlength=len(cs.vocab))
    na = np.bincount(art, weights=a, minlength=len(cs.ids))
    n = na.sum()
    b = total[word] - a
    _, _, _, z = _fightin(a, b, na[art], n - na[art], alpha0, False)
    _, _, g2 = _g2(a, b, na[art], n - na[art])
    pos = {aid: i for i, aid in enumerate(cs.ids)}
    chosen = np.isin(art, [pos[i] for i in ids]) & (a + b >= min_count) & (z > 0)
    idx = np.flatnonzero(chosen)
    idx = idx[np.lexsort((word[idx], -z[idx], art[idx]))]
    ai, bi, ni, nj = a[idx], b[idx], na[art[idx]], n - na[art[idx]]
    with np.errstate(divide="ignore"):
        ratio = (ai / ni) / (bi / np.maximum(nj, 1))
    out = pd.DataFrame(
        {
            "article_id": np.array(cs.ids, dtype=object)[art[idx]],
            "word": cs.vocab[word[idx]],
            "count_a": ai,
            "count_b": bi.astype(np.int64),
            "per_1000_a": _per_1000(ai, ni),
            "per_1000_b": _per_1000(bi, nj),
            "times_as_often": ratio.round(1),
            "z": z[idx].round(2),
            "g2": g2[idx].round(2),
        }
    )
    out = out.groupby("article_id", sort=False).head(top)
    order = {aid: k for k, aid in enumerate(ids)}
    out = out.sort_values("article_id", key=lambda s: s.map(order), kind="stable")
    labels = article_labels(corpus)
    out.insert(6, "leans_towards", out.article_id.map(labels))
    return out.reset_index(drop=True)


def show_distinctive_words(corpus=None, *, top: int = 4) -> core.HTML:
    """The distinctive words of every article, as a table for students: names, counts, rates, which way.

    One row per (article, word) of :func:`distinctive_words`, the article's short label first. Counts and
    rates per 1,000 counted words (function words left out) are shown for the article and for all the
    others together, so the direction of the lean can be read off the numbers. No p-values are shown:
    with about a hundred words tested in each comparison they are not evidence (see
    :func:`distinctiveness_check`); z and G² only rank the words.

    Examples
    --------
    >>> "p &lt;" in show_distinctive_words(top=2).data
    False
    """
    dw = distinctive_words(corpus, top=top)
    labels = article_labels(corpus)
    table = pd.DataFrame(
        {
            "article": dw.article_id.map(labels),
            "word": dw.word,
            "here": dw.count_a,
            "in the others": dw.count_b,
            "per 1,000 here": dw.per_1000_a,
            "per 1,000 in the others": dw.per_1000_b,
            "used more": [
                ("only here" if b == 0 else f"here, {t:.1f}× as often") for b, t in zip(dw.count_b, dw.times_as_often)
            ],
            "z": dw.z,
            "G²": dw.g2,
        }
    )
    return core.html_table(table)


def distinctiveness_check(
    corpus=None,
    comparisons: dict | None = None,
    *,
    stop_words=STOP_WORDS,
    alpha0: float = 100.0,
    min_count: int = 3,
    as_html: bool = False,
):
    """How strong is the strongest word difference? Maxima of G² and |z| for each comparison.

    Use it to judge the distinctive-word tables: with articles of a few hundred words, how many words
    pass each G² threshold, and how large does z get?

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    comparisons : dict, optional
        ``{name: (group_a_ids, group_b_ids or None)}``. Default: every article against the rest, and the
        articles of the most common ``country`` of ``articles.csv`` (on the kit's corpus, the three
        Chinese articles) against the others, if that country holds more than one article and not all.
    stop_words, alpha0, min_count
        As in :func:`fightin_words` (default: ``STOP_WORDS`` left out).
    as_html : bool
        Return a table for reading: the comparison, the content words counted in group A, the words
        tested, the strongest word by each statistic with its value, and how many words pass G² 3.84
        and 15.13.

    Returns
    -------
    pandas.DataFrame or kit.core.HTML
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
    corpus = as_corpus(corpus)
    arts = core.load_articles(corpus)
    if comparisons is None:
        labels = article_labels(corpus)
        comparisons = {f"{labels[a]} vs the rest": (a, None) for a in arts.article_id}
        value = _most_common(arts, "country")
        group = list(arts.loc[arts.country == value, "article_id"]) if value else []
        if 1 < len(group) < len(arts):
            comparisons[f"{value} (country) vs the others"] = (group, None)
    rows = []
    for name, (ga, gb) in comparisons.items():
        a_ids, b_ids = _groups(ga, gb, list(arts.article_id))
        counts = (
            token_counts(corpus, a_ids, stop_words=stop_words),
            token_counts(corpus, b_ids, stop_words=stop_words),
        )
        kn = keyness(counts=counts, min_count=min_count)
        fw = fightin_words(counts=counts, alpha0=alpha0, min_count=min_count)
        iz = fw.z.abs().idxmax()
        rows.append(
            (
                name,
                sum(counts[0].values()),
                sum(counts[1].values()),
                len(kn),
                round(kn.g2.iloc[0], 2),
                kn.word.iloc[0],
                int((kn.g2 > 3.84).sum()),
                int((kn.g2 > 15.13).sum()),
                round(abs(fw.z[iz]), 2),
                fw.word[iz],
                int((fw.z.abs() > 1.96).sum()),
            )
        )
    out = pd.DataFrame(
        rows,
        columns=[
            "comparison",
            "tokens_a",
            "tokens_b",
            "words_tested",
            "max_g2",
            "max_g2_word",
            "n_over_3_84",
            "n_over_15_13",
            "max_abs_z",
            "max_z_word",
            "n_abs_z_over_1_96",
        ],
    )
    if not as_html:
        return out
    return core.html_table(
        pd.DataFrame(
            {
                "comparison": out.comparison,
                "content words in the first group": out.tokens_a,
                "words tested": out.words_tested,
                "largest G² (word)": [f"{g:.2f} ({w})" for g, w in zip(out.max_g2, out.max_g2_word)],
                "words over G² 3.84": out.n_over_3_84,
                "words over G² 15.13": out.n_over_15_13,
                "largest |z| (word)": [f"{z:.2f} ({w})" for z, w in zip(out.max_abs_z, out.max_z_word)],
            }
        )
    )


def _times_as_often(a, b, c, d, here: str, there: str) -> list[str]:
    """'here, 2.5× as often', 'only in the others', ...: which way each word leans, in words."""
    out = []
    for x, y in zip(a, b):
        ra, rb = x / max(c, 1), y / max(d, 1)
        if ra >= rb:
            out.append(f"only {here}" if y == 0 else f"{here}, {ra / rb:.1f}× as often")
        else:
            out.append(f"only {there}" if x == 0 else f"{there}, {rb / ra:.1f}× as often")
    return out


def _most_common(arts: pd.DataFrame, column: str) -> str:
    """The most frequent non-empty value of a column of ``articles.csv`` (first in corpus order on a tie), or ""."""
    if column not in arts.columns:
        return ""
    values = [v for v in arts[column] if str(v).strip()]
    return Counter(values).most_common(1)[0][0] if values else ""


def group_keyness(
    corpus=None,
    column: str = "country",
    value: str | None = None,
    *,
    top: int = 8,
    stop_words=STOP_WORDS,
    min_count: int = 3,
) -> core.HTML:
    """Keyness of one group of articles against the others, the groups taken from ``articles.csv``.

    Group A is every article whose ``column`` equals ``value`` (default: the column's most common
    value, e.g. the kit's three articles with ``country`` China), group B the rest. If the corpus has no such column, or the group is empty or
    holds every article, there is nothing to compare: a short note says so and how to choose two
    groups by hand with :func:`keyness`, instead of an error.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    column, value : str
        The ``articles.csv`` column and the value that defines group A (default: its most common value).
    top : int
        How many words to show.
    stop_words, min_count
        As in :func:`keyness` (default: ``STOP_WORDS`` left out).

    Returns
    -------
    kit.core.HTML
        A line naming the two groups, then a table of the ``top`` words by G²: ``word``, its count
        ``in A`` and ``in B``, ``G²``, the ``log ratio`` and ``used more in`` (which group uses it
        relatively more, and how many times as often); no p-values (with many words tested they are not
        evidence); or the note.

    Examples
    --------
    >>> view = group_keyness(top=3).data
    >>> view.count("<tr>"), "Group A: the 3 articles whose country is China" in view
    (4, True)
    >>> "nothing to compare" in group_keyness(None, "country", "Atlantis").data
    True
    """
    corpus = as_corpus(corpus)
    arts = core.load_articles(corpus)
    value = _most_common(arts, column) if value is None else value
    group = list(arts.loc[arts[column] == value, "article_id"]) if column in arts.columns and value else []
    if not group or len(group) == len(arts):
        why = (
            f"every article has {column} = {value}"
            if group
            else f"no article has {column} = {value}"
            if value
            else f"no article has a {column} in articles.csv"
        )
        return core.HTML(
            '<div class="kit-no-groups" style="border-left:4px solid #E69F00;background:#fff7e0;padding:0.5em 1em;'
            f'margin:0.4em 0;font-family:sans-serif;max-width:52em"><strong>No groups: nothing to compare.</strong> '
            f"In the corpus in use {html.escape(why)}, so this contrast is skipped. To compare two groups of your "
            f"articles, list their ids: <code>helpers.keyness(corpus, [&quot;id1&quot;, &quot;id2&quot;], "
            f"stop_words=helpers.STOP_WORDS)</code> (group B is every other article); or give "
            f"<code>helpers.group_keyness</code> a column of <code>articles.csv</code> and a value. Your "
            f"articles: {html.escape(', '.join(arts.article_id))}.</div>"
        )
    keys = keyness(corpus, group, stop_words=stop_words, min_count=min_count).head(top)
    c = sum(token_counts(corpus, group, stop_words=stop_words).values())
    d = sum(token_counts(corpus, [a for a in arts.article_id if a not in group], stop_words=stop_words).values())
    table = pd.DataFrame(
        {
            "word": keys.word,
            "in A": keys.count_a,
            "in B": keys.count_b,
            "G²": keys.g2.round(2),
            "log ratio": keys.log_ratio.round(2),
            "used more in": _times_as_often(keys.count_a, keys.count_b, c, d, "A", "B"),
        }
    )
    head = (
        f"<p>Group A: the {len(group)} articles whose {html.escape(column)} is {html.escape(str(value))} "
        f"({c} content words); group B: the other {len(arts) - len(group)} ({d} content words).</p>"
    )
    return core.HTML(head + core.html_table(table).data)


# --------------------------------------------------------------------------------------------
# 6. One article at a glance, and all of them side by side
# --------------------------------------------------------------------------------------------


def headline_and_lede(corpus, article_id: str) -> pd.DataFrame:
    """The headline, the standfirst (if any) and the lede (first body sentence) of one article.

    Returns
    -------
    pandas.DataFrame
        One row per part. Columns ``part`` (``headline``, ``standfirst``, ``lede``), ``text``, ``location``
        (e.g. ``¶1`` in the text, or ``articles.csv only`` for a headline missing from the text file).

    Examples
    --------
    >>> headline_and_lede(None, "cgtn-2025-05-14").location.tolist()
    ['articles.csv only', '¶2']
    """
    base = as_corpus(corpus)
    _check_article(base, article_id)
    arts = core.load_articles(base)
    row = arts[arts.article_id == article_id]
    paras = core.paragraphs(base)
    paras = paras[paras.article_id == article_id]
    out = []
    head = paras[paras.role == "headline"]
    if len(head):
        out.append(("headline", head.text.iloc[0], f"¶{head.para_no.iloc[0]}"))
    else:
        out.append(("headline", row.headline.iloc[0], "articles.csv only"))
    for p in paras[paras.role == "standfirst"].itertuples():
        out.append(("standfirst", p.text, f"¶{p.para_no}"))
    sents = core.sentences(base)
    first = sents[sents.article_id == article_id].head(1)
    if len(first):
        out.append(("lede", first.text.iloc[0], f"¶{first.para_no.iloc[0]}"))
    return pd.DataFrame(out, columns=["part", "text", "location"])


def outlet_profile(corpus, article_id: str, *, top: int = 6) -> core.HTML:
    """One article at a glance: headline and lede, word choices, foreground, common checklist, distinctive words.

    Five small tables, each under a heading. The checklist is :func:`coverage_checklist`, the same questions
    for every article. Who speaks is left to notebook 01; Entman's table to
    :func:`show_framing`.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_id : str
        The article.
    top : int
        How many distinctive words to list.

    Returns
    -------
    kit.core.HTML

    Examples
    --------
    >>> view = outlet_profile(None, "globaltimes-2025-05-14")
    >>> all(h in view.data for h in ("Headline and lede", "Word choices", "Foregrounded", "Distinctive words"))
    True
    """
    base = as_corpus(corpus)
    note = _not_in_corpus(base, article_id, "outlet_profile")
    if note is not None:
        return note
    labels = article_labels(base)
    parts = [f"<h4 style='margin-bottom:0.2em'>{html.escape(labels[article_id])}</h4>"]
    _section(parts, "Headline and lede", headline_and_lede(base, article_id))
    choices = word_choices(base, article_id)
    _section(
        parts,
        "Word choices (lexicon variants used, with what each can signal)",
        choices.assign(signals=choices.signals.map(_short))[["variant", "count", "signals"]],
    )
    fg = _if_coded(foreground, base, article_id)
    _section(parts, "Foregrounded", None if fg is None else _foreground_table(fg))
    cl = _if_coded(coverage_checklist, base, article_ids=article_id)
    if cl is not None:
        cl = pd.DataFrame({"question": cl.columns[2:], "answer": cl.iloc[0, 2:].tolist()})
    timing = _timing(article_id, base)
    _section(
        parts,
        "Common checklist (the same questions for every article)",
        cl,
        f"Written {timing} the talks." if cl is not None and timing else "",
    )
    dw = distinctive_words(base, article_id, top=top)
    table = pd.DataFrame(
        {
            "word": dw.word,
            "here": dw.count_a,
            "in the others": dw.count_b,
            "used more": [
                ("only here" if b == 0 else f"here, {t:.1f}× as often") for b, t in zip(dw.count_b, dw.times_as_often)
            ],
            "z": dw.z,
            "G²": dw.g2,
        }
    )
    _section(parts, "Distinctive words (against the other articles)", table, _distinctive_note(dw))
    return core.HTML("".join(parts))


def _if_coded(fn, *args, **kwargs):
    """``fn(*args, **kwargs)``, or None if the layer it needs is not coded."""
    try:
        return fn(*args, **kwargs)
    except core.NotCodedError:
        return None


def _section(parts: list, title: str, table, note: str = "") -> None:
    """Append one titled table of :func:`outlet_profile` (or the not-coded line) to ``parts``."""
    parts.append(f"<p style='font-weight:bold;margin:0.8em 0 0.2em 0'>{html.escape(title)}</p>")
    if table is None:
        parts.append("<p><em>(not yet coded for this corpus)</em></p>")
        return
    if note:
        parts.append(f"<p style='font-size:0.85em;color:#555;margin:0 0 0.3em 0'>{html.escape(note)}</p>")
    parts.append(core.html_table(table).data if len(table) else "<p><em>(none)</em></p>")


def _distinctive_note(dw: pd.DataFrame) -> str:
    """What the distinctive words of one article are worth, computed from them (no figure taken on trust)."""
    strict = G2_THRESHOLDS[0][0]
    passing = int((dw.g2 > strict).sum())
    verdict = (
        f"none of them passes the strict threshold G² {strict}"
        if not passing
        else f"{passing} of them pass{'es' if passing == 1 else ''} the strict threshold G² {strict}, "
        "but with this many words tested even that is a lead, not a finding"
    )
    return (
        f"Fightin' Words z and G² keyness rank the words; function words are left out; {verdict}. "
        "Check each one in the text (helpers.kwic)."
    )


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
    """The article's ``timing`` (``before``/``after`` the talks), or "" if articles.csv does not say."""
    arts = core.load_articles(base)
    return str(arts.loc[arts.article_id == article_id, "timing"].iloc[0]).strip()


_CHECKLIST_FILE = "coverage_checklist.csv"
_CHECKLIST_COLUMNS = [
    "question_id",
    "question",
    "kind",
    "answered_by",
    "applies_to",
    "leaves_out_point",
    "claim_topic",
    "notes",
]


def checklist_questions(path=None) -> pd.DataFrame:
    """The declared coverage checklist (``annotations/coverage_checklist.csv``), checked.

    A corpus without its own checklist gets the kit's (``data/annotations/coverage_checklist.csv``). ``kind`` is
    ``quote`` (``answered_by`` is a country: an official of it wholly quoted, from ``attributions.csv``) or
    ``text`` (``answered_by`` lists words or phrases separated by `` | ``, searched as whole words, case
    ignored); ``applies_to`` is ``all`` or ``after`` (asked only of articles written after the talks).
    """
    if not (core.data_dir(path) / "annotations" / _CHECKLIST_FILE).exists():
        path = core.DEFAULT_DATA_DIR
    df = core.read_annotation(
        _CHECKLIST_FILE,
        required=_CHECKLIST_COLUMNS,
        path=path,
        span_col=None,
        codes={"kind": {"quote", "text"}, "applies_to": {"all", "after"}},
    )
    problems = _problems_if_empty(
        df, ["question_id", "question", "kind", "answered_by", "applies_to"], f"annotations/{_CHECKLIST_FILE}"
    )
    if problems:
        raise KitDataError(problems)
    return df[[*_CHECKLIST_COLUMNS, "csv_line"]].reset_index(drop=True)


_OFFICIAL_TYPES = {
    "head_of_state_or_government",
    "minister",
    "spokesperson",
    "negotiator",
    "legislator",
    "anonymous_official",
}


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
        Return the table as :func:`kit.core.html_table`, turned round (one row per question, one column
        per article), instead of a DataFrame.

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
    if not as_html:
        return out
    # on screen and paper: one row per question, one column per article (fits 1024 px and A4)
    shown = out.set_index("article").T.reset_index().rename(columns={"index": "question"})
    return core.html_table(shown)


def framing_summary(corpus=None, *, lex: pd.DataFrame | None = None, as_html: bool = False):
    """All articles side by side: key word choices, Entman's problem definition and remedy, generic frames.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    lex : DataFrame, optional
        A lexicon to use instead of the corpus's.
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
    base = as_corpus(corpus)
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
        rows.append(
            (
                label,
                variants(aid, "capital_name"),
                variants(aid, "war_name"),
                summ.get("problem_definition", "–"),
                summ.get("treatment_recommendation", "–"),
                ", ".join(strong) or "–",
            )
        )
    out = pd.DataFrame(
        rows,
        columns=[
            "article",
            "capital",
            "the war called",
            "problem definition",
            "treatment recommendation",
            "strongest generic frames",
        ],
    )
    return core.html_table(out) if as_html else out
