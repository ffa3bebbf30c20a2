"""Claims across sources and against the record: what each outlet said happened, and what was knowable when.

Hand-made files in the corpus folder feed this layer:

* ``record.csv`` (at the corpus root): the record, one dated fact per row, each with the report it
  rests on (outlet, date, address);
* ``timeline.csv`` (beside it): which facts of the record the timeline shows, with short labels,
  which belong on the short overview, and which mark a planned or a held day;
* ``annotations/claims.csv``: the same claim topic lined up across the articles (one row per
  topic and article), with what the article says, the verbatim evidence, how it compares with the
  other articles and with the record, and what kind of difference it is;
* ``annotations/known_differences.csv``: the differences the corpus's notes list, each naming the
  claim rows that hold its evidence.

On top of them: the grid of claims side by side, the list of differences from the record, the
timeline of publication moments against the record (:func:`kit.core.plot_timeline`), and a small
lexical matcher (BM25) that *proposes* pairs of sentences from different articles that may make the
same claim. The matcher is a candidate generator; a reader decides.

Every function takes the corpus first (``corpus = helpers.open_corpus()``). A corpus that has not
written a file yet gets the "not yet coded" notice for the parts that need it (through
``helpers.*``); the matcher and the timeline of publication moments work on any text. A claims
table that does not yet cover every article is shown as far as it goes, with what is missing
(:func:`claims_missing`).
"""

from __future__ import annotations

import html
from collections import Counter
import re
import textwrap
import unicodedata

import numpy as np
import pandas as pd

from kit import core, style
from kit.core import KitDataError, NotCodedError, Problem
from kit.corpus import cached
from kit.positions import article_labels

__all__ = [
    "RELATIONS_TO_OTHERS",
    "RELATIONS_TO_RECORD",
    "DIFFERENCE_KINDS",
    "TIMELINE_MARKS",
    "record",
    "claims",
    "claims_missing",
    "claims_overview",
    "claims_grid",
    "show_claims_grid",
    "differences",
    "show_differences",
    "known_differences",
    "show_known_differences",
    "explain_differences",
    "timeline_facts",
    "timeline_events",
    "strip_titles",
    "matching_tokens",
    "bm25_matrix",
    "candidate_pairs",
    "show_pairs",
    "true_pairs",
    "evaluate_matching",
]

#: How one article's version of a claim compares with the other articles' versions.
RELATIONS_TO_OTHERS = {
    "same": "says the same as the others that mention it",
    "compatible_different_detail": "compatible, with different or less detail",
    "contradictory": "cannot be true together with another article's version",
    "not_mentioned": "the article does not mention the topic",
}

#: How one article's version of a claim compares with the record (``record.csv``).
RELATIONS_TO_RECORD = {
    "matches": "matches the record",
    "compatible_different_detail": "compatible with the record, with different or less detail",
    "contradicts": "contradicts the record",
    "forecast_did_not_happen": "a forecast that did not happen as said",
    "forecast_came_true": "a forecast that came true",
    "not_mentioned": "not mentioned",
    "not_checkable": "an opinion, a word choice or a fact the record does not cover",
}

#: What kind of difference a row shows (empty: none).
DIFFERENCE_KINDS = {
    "forecast": "written before the event: an expectation, not a report",
    "rounding": "a number rounded (by the outlet or the wire it copies)",
    "misdating": "a statement placed at the wrong date",
    "misattributed_timing": "a real statement or event placed at the wrong moment in the story",
    "translation": "wording that has passed through translation",
    "wire_reuse": "sentences taken almost word for word from a news-agency dispatch",
    "title_error": "a person given the wrong title",
    "omission": "correct as far as it goes, but leaves out a relevant fact",
}

_RECORD_FILE = "record.csv"
_CLAIMS_FILE = "annotations/claims.csv"
_RECORD_COLUMNS = ["fact_id", "topic", "fact", "value", "when", "source_outlet", "source_date", "source_url", "note"]
_CLAIM_COLUMNS = [
    "claim_id",
    "topic",
    "article_id",
    "says",
    "span",
    "relation_to_others",
    "relation_to_record",
    "difference_kind",
    "record_fact_id",
    "explanation",
]
_SEP = " | "


# --------------------------------------------------------------------------------------------
# Loading and checking
# --------------------------------------------------------------------------------------------

_WHEN_RE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?:T(?P<time>\d{2}:\d{2})(?::\d{2})?(?P<tz>Z|[+-]\d{2}:\d{2})?)?$")
_MONTH_RE = re.compile(r"^\d{4}-\d{2}$")


def _parse_when(value: str):
    """(start, end, precision) of a ``when`` value; start/end are naive local wall-clock Timestamps.

    ``end`` is exclusive: the end of the day, month or interval (equal to ``start`` for a moment).
    Raises ValueError for a malformed value.
    """
    v = value.strip()
    if not v:
        return pd.NaT, pd.NaT, ""
    if "/" in v:
        a, b = v.split("/", 1)
        s, _, _ = _parse_when(a)
        _, e, _ = _parse_when(b)
        if pd.isna(s) or pd.isna(e) or e <= s:
            raise ValueError(v)
        return s, e, "interval"
    if _MONTH_RE.match(v):
        s = pd.Timestamp(v + "-01")
        return s, s + pd.DateOffset(months=1), "month"
    m = _WHEN_RE.match(v)
    if not m:
        raise ValueError(v)
    day = pd.Timestamp(m.group("date"))  # raises ValueError for an impossible date
    if m.group("time"):
        hh, mm = (int(x) for x in m.group("time").split(":"))
        if hh > 23 or mm > 59:
            raise ValueError(v)
        s = day + pd.Timedelta(hours=hh, minutes=mm)
        return s, s, "time"
    return day, day + pd.Timedelta(days=1), "day"


def _is_date(value: str) -> bool:
    """True for an existing date written YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return False
    try:
        pd.Timestamp(value.strip())
    except ValueError:
        return False
    return True


@cached
def record(corpus=None) -> pd.DataFrame:
    """Load and check the record: the dated facts that claims are checked against.

    The file is ``record.csv`` at the root of the corpus folder (next to ``articles.csv``).
    Every fact needs a unique ``fact_id``, a ``fact``, a ``when`` in ISO form (or empty), a
    source date ``YYYY-MM-DD`` and a source address.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).

    Returns
    -------
    pandas.DataFrame
        One row per fact, in file order. Columns:

        ==============  ==================================================================
        fact_id         short stable id, e.g. ``talks_date``
        topic           the claim topic it mainly serves
        fact            the fact in one or two sentences
        value           the key value in short
        when            when it happened, as written: ``2025-05-16``,
                        ``2025-05-11T01:30+03:00``, ``2025-03`` or ``2025-05-23/2025-05-25``
        when_start      its start as a Timestamp (local wall-clock time; NaT if empty)
        when_end        its end, exclusive (the end of the day, month or interval)
        when_precision  ``time``, ``day``, ``month``, ``interval`` or ``""``
        source_outlet   the outlet of the report cited
        source_date     that report's date
        source_url      its address
        note            caveats and further sources
        citation        ``source_outlet, source_date: source_url``, ready to show
        ==============  ==================================================================

    Raises
    ------
    NotCodedError
        If the corpus has no ``record.csv`` (a teacher's own corpus, for instance).
    KitDataError
        Naming every bad line: duplicate or empty ids, unreadable dates, missing sources.

    Examples
    --------
    >>> rec = record()
    >>> rec.set_index("fact_id").loc["talks_date", "value"]
    'Friday 16 May 2025'
    >>> str(rec.set_index("fact_id").loc["putin_proposal", "when_start"])
    '2025-05-11 01:30:00'
    """
    base = core.data_dir(corpus)
    file = base / _RECORD_FILE
    if not file.exists():
        raise NotCodedError(
            Problem(
                _RECORD_FILE,
                "",
                "this corpus has no record of facts to check claims against",
                "write record.csv next to articles.csv (see data/README.md for its columns)",
            )
        )
    df = core.read_csv_checked(file, required=_RECORD_COLUMNS, base=base)
    problems, seen = [], {}
    starts, ends, precs = [], [], []
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        fid = r["fact_id"].strip()
        if not re.fullmatch(r"[a-z0-9_]+", fid):
            problems.append(
                Problem(
                    _RECORD_FILE,
                    row,
                    f"the fact_id {fid!r} is empty or not snake_case",
                    "use lower-case letters, digits and '_' only, e.g. 'talks_date'",
                )
            )
        elif fid in seen:
            problems.append(
                Problem(
                    _RECORD_FILE,
                    row,
                    f"duplicate fact_id {fid!r} (also on line {seen[fid]})",
                    "give each fact its own id",
                )
            )
        seen.setdefault(fid, r["csv_line"])
        if not r["fact"].strip():
            problems.append(Problem(_RECORD_FILE, row, "the fact is empty", "state the fact in a sentence"))
        try:
            s, e, p = _parse_when(r["when"])
        except ValueError:
            problems.append(
                Problem(
                    _RECORD_FILE,
                    row,
                    f"the when value {r['when']!r} cannot be read",
                    "write e.g. 2024-03-16, 2024-03-11T01:30+03:00, 2024-03 or 2024-03-23/2024-03-25",
                )
            )
            s, e, p = pd.NaT, pd.NaT, ""
        starts.append(s)
        ends.append(e)
        precs.append(p)
        if not _is_date(r["source_date"]):
            problems.append(
                Problem(
                    _RECORD_FILE,
                    row,
                    f"the source_date {r['source_date']!r} is not a date YYYY-MM-DD",
                    "write the date of the report cited, e.g. 2024-03-16",
                )
            )
        if not r["source_outlet"].strip() or not r["source_url"].strip().startswith("http"):
            problems.append(
                Problem(
                    _RECORD_FILE,
                    row,
                    "the source outlet or address is missing",
                    "cite the report the fact rests on: its outlet and its full address (http...)",
                )
            )
    if problems:
        raise KitDataError(problems)
    df["when_start"] = pd.to_datetime(pd.Series(starts, index=df.index, dtype=object))
    df["when_end"] = pd.to_datetime(pd.Series(ends, index=df.index, dtype=object))
    df["when_precision"] = precs
    df["citation"] = df["source_outlet"] + ", " + df["source_date"] + ": " + df["source_url"]
    cols = [
        "fact_id",
        "topic",
        "fact",
        "value",
        "when",
        "when_start",
        "when_end",
        "when_precision",
        "source_outlet",
        "source_date",
        "source_url",
        "note",
        "citation",
    ]
    return df[cols].reset_index(drop=True)


@cached
def claims(corpus=None) -> pd.DataFrame:
    """Load and check the claims table: each claim topic lined up across the articles.

    Checks the codes, the evidence spans (a row that mentions the topic must have one), the
    ``claim_id`` form ``<topic>.<article_id>``, one row at most per topic and article, and, if the
    corpus has a record, that every ``record_fact_id`` exists in it. Every problem is reported at
    once. A table that does not yet cover every article and topic is loaded as it is: the rows
    still missing are listed by :func:`claims_missing` and :func:`claims_overview`, and the grid
    shows them as "not coded".

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).

    Returns
    -------
    pandas.DataFrame
        One row per (topic, article) coded, topics in file order, articles by publication date.
        Columns:

        ==================  ==============================================================
        claim_id            ``<topic>.<article_id>``
        topic               the claim topic, e.g. ``duration``
        article_id          the article
        outlet, published   the article's outlet and publication date
        says                one neutral line on what the article says (``not mentioned``)
        span                the verbatim evidence (``""`` when not mentioned)
        start, end          its offsets in the article (-1 when there is no span)
        sentence            the whole sentence(s) the span sits in (``""`` if no span)
        relation_to_others  a code of ``RELATIONS_TO_OTHERS``
        relation_to_record  a code of ``RELATIONS_TO_RECORD``
        difference_kind     a code of ``DIFFERENCE_KINDS`` or ``""``
        record_fact_id      the ``record.csv`` fact(s) it is checked against, ``" | "``-separated
        explanation         one or two sentences a learner can follow
        ==================  ==============================================================

    Raises
    ------
    NotCodedError
        If the corpus has no ``annotations/claims.csv``.
    KitDataError
        Naming every bad line and the fix.

    Examples
    --------
    >>> c = claims()
    >>> c.groupby("topic").size().unique().tolist()
    [5]
    >>> c.set_index("claim_id").loc["duration.cgtn-2025-05-17", "span"]
    'After the two-hour talks'
    """
    base = core.data_dir(corpus)
    table = core.read_annotation(
        "claims.csv",
        required=_CLAIM_COLUMNS,
        path=base,
        allow_empty_span=True,
        codes={
            "relation_to_others": RELATIONS_TO_OTHERS,
            "relation_to_record": RELATIONS_TO_RECORD,
            "difference_kind": DIFFERENCE_KINDS,
        },
    )
    arts = core.load_articles(corpus)
    problems = _check_claim_rows(table)
    try:
        fact_ids = set(record(corpus)["fact_id"])
    except NotCodedError:
        fact_ids = None
    if fact_ids is not None:
        problems += _check_fact_ids(table, fact_ids)
    if problems:
        raise KitDataError(problems)
    order = {a: i for i, a in enumerate(arts["article_id"])}
    topics = list(dict.fromkeys(table["topic"]))
    table["_t"] = table["topic"].map({t: i for i, t in enumerate(topics)})
    table["_a"] = table["article_id"].map(order)
    table = table.sort_values(["_t", "_a"], kind="stable").reset_index(drop=True)
    table["outlet"] = table["article_id"].map(dict(zip(arts["article_id"], arts["outlet"])))
    table["published"] = table["article_id"].map(dict(zip(arts["article_id"], arts["published"])))
    table["sentence"] = core.enclosing_sentences(table, base, articles=arts, roles=tuple(core.ROLES))
    cols = [
        "claim_id",
        "topic",
        "article_id",
        "outlet",
        "published",
        "says",
        "span",
        "start",
        "end",
        "sentence",
        "relation_to_others",
        "relation_to_record",
        "difference_kind",
        "record_fact_id",
        "explanation",
    ]
    return table[cols]


def _check_fact_ids(table: pd.DataFrame, fact_ids: set) -> list[Problem]:
    return [
        Problem(
            _CLAIMS_FILE,
            f"line {r['csv_line']}",
            f"record_fact_id {fid!r} is not in record.csv",
            "use a fact_id from record.csv (or add the fact there first)",
        )
        for r in table.to_dict("records")
        for fid in _split(r["record_fact_id"])
        if fid not in fact_ids
    ]


def claims_missing(corpus=None) -> pd.DataFrame:
    """The (topic, article) rows the claims table does not have yet: what is left to code.

    Every topic needs one row per article (``not mentioned`` when the article is silent). An
    article with no row at all is not yet coded; an article that lacks a few topics may have
    been forgotten, or a topic name mistyped.

    Returns
    -------
    pandas.DataFrame
        Columns ``topic``, ``article_id``, ``outlet``, ``published`` and ``article_coded``
        (whether the article has rows for other topics), topics in file order, articles by date.

    Examples
    --------
    >>> claims_missing().empty
    True
    """
    t = claims(corpus)
    arts = core.load_articles(corpus)
    have = set(zip(t.topic, t.article_id))
    coded = set(t.article_id)
    rows = [
        (topic, a.article_id, a.outlet, a.published, a.article_id in coded)
        for topic in dict.fromkeys(t.topic)
        for a in arts.itertuples()
        if (topic, a.article_id) not in have
    ]
    return pd.DataFrame(rows, columns=["topic", "article_id", "outlet", "published", "article_coded"])


def _missing_lines(corpus) -> list[str]:
    """What is not coded yet, in words (empty when the table is complete)."""
    miss = claims_missing(corpus)
    if miss.empty:
        return []
    out = []
    uncoded = list(dict.fromkeys(miss.loc[~miss.article_coded, "article_id"]))
    if uncoded:
        out.append(f"Not coded yet: {len(uncoded)} article(s) with no row in {_CLAIMS_FILE}: {', '.join(uncoded)}.")
    gaps = miss[miss.article_coded]
    for topic, grp in gaps.groupby("topic", sort=False):
        out.append(
            f"Topic {topic!r} has no row yet for: {', '.join(grp.article_id)} (add one row per article; "
            "'not mentioned' if the article is silent)."
        )
    return out


def claims_overview(corpus=None):
    """Say how big the claims table and the record are, and what is not coded yet.

    For a notebook's Setup cell: prints ``T claim topics x A articles = N rows; F facts in the
    record`` and, if some articles or topics have no rows yet, which. On a corpus without a
    record, the line for the claims is printed and the record's notice returned.

    Returns
    -------
    None or kit.byo.Notice
        ``None`` after printing; the "not yet coded" notice of the record if it is missing.

    Examples
    --------
    >>> claims_overview()
    23 claim topics x 5 articles = 115 rows; 39 facts in the record
    """
    from kit.byo import not_coded_notice

    table = claims(corpus)
    line = f"{table.topic.nunique()} claim topics x {table.article_id.nunique()} articles = {len(table)} rows"
    try:
        facts = record(corpus)
    except NotCodedError as exc:
        print("\n".join([line, *_missing_lines(corpus)]))
        return not_coded_notice(exc)
    print("\n".join([f"{line}; {len(facts)} facts in the record", *_missing_lines(corpus)]))
    return None


def _split(cell: str) -> list[str]:
    return [v.strip() for v in str(cell).split("|") if v.strip()]


def _check_claim_rows(table: pd.DataFrame) -> list[Problem]:
    """Ids, spans, and at most one row per topic and article."""
    problems, seen = [], {}
    for r in table.to_dict("records"):
        row = f"line {r['csv_line']}"
        if not r["topic"].strip():
            problems.append(Problem(_CLAIMS_FILE, row, "the topic is empty", "give the row its claim topic"))
        expected = f"{r['topic']}.{r['article_id']}"
        if r["claim_id"] != expected:
            problems.append(
                Problem(
                    _CLAIMS_FILE,
                    row,
                    f"the claim_id {r['claim_id']!r} is not <topic>.<article_id>",
                    f"write {expected!r}",
                )
            )
        if r["claim_id"] in seen:
            problems.append(
                Problem(
                    _CLAIMS_FILE,
                    row,
                    f"duplicate row for topic {r['topic']!r} and article "
                    f"{r['article_id']!r} (also on line {seen[r['claim_id']]})",
                    "keep one row per topic and article",
                )
            )
        seen.setdefault(r["claim_id"], r["csv_line"])
        silent_others = r["relation_to_others"] == "not_mentioned"
        silent_record = r["relation_to_record"] == "not_mentioned"
        if silent_others != silent_record:
            problems.append(
                Problem(
                    _CLAIMS_FILE,
                    row,
                    "relation_to_others and relation_to_record disagree on whether the article mentions the topic",
                    "use not_mentioned in both columns, or in neither",
                )
            )
        if not silent_others and not r["span"].strip():
            problems.append(
                Problem(
                    _CLAIMS_FILE,
                    row,
                    "the row says the article mentions the topic but has no span",
                    "copy the words the claim rests on into span, or code it not_mentioned",
                )
            )
    return problems


# --------------------------------------------------------------------------------------------
# The grid and the differences
# --------------------------------------------------------------------------------------------

_NOT_CODED = "not coded"


def claims_grid(corpus=None, *, values: str = "relation_to_record", topics=None) -> pd.DataFrame:
    """The claims side by side: one row per topic, one column per article.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    values : str
        Which column fills the cells: ``relation_to_record`` (default), ``relation_to_others``,
        ``says``, ``span`` or ``difference_kind``.
    topics : list of str, optional
        Only these topics, in this order.

    Returns
    -------
    pandas.DataFrame
        Index ``topic`` (file order), columns every article id of the corpus by publication
        date; a (topic, article) row not coded yet reads ``"not coded"``.

    Examples
    --------
    >>> g = claims_grid()
    >>> g.loc["duration"].tolist()
    ['not_mentioned', 'not_mentioned', 'not_mentioned', 'compatible_different_detail', 'matches']
    >>> claims_grid(values="says").loc["duration", "atalayar-2025-05-19"]
    'Says the meeting lasted less than two hours.'
    """
    t = claims(corpus)
    allowed = ("relation_to_record", "relation_to_others", "says", "span", "difference_kind")
    if values not in allowed:
        raise ValueError(f"values must be one of {', '.join(allowed)}, not {values!r}")
    all_topics = list(dict.fromkeys(t["topic"]))
    if topics is not None:
        unknown = [x for x in topics if x not in all_topics]
        if unknown:  # an example about topics of another corpus: a notice, not an error
            raise NotCodedError(
                Problem(
                    _CLAIMS_FILE,
                    "",
                    f"this corpus has no claim topic "
                    f"{', '.join(map(repr, unknown))} (the example is about another corpus)",
                    f"try one of its topics: {', '.join(all_topics)}",
                )
            )
    arts = list(core.load_articles(corpus)["article_id"])
    grid = t.pivot(index="topic", columns="article_id", values=values)
    grid = grid.reindex(index=list(topics) if topics is not None else all_topics, columns=arts)
    return grid.astype(object).fillna(_NOT_CODED).rename_axis(index="topic", columns="article_id")


#: Cell tints (light Okabe-Ito tones) and a text mark for each relation to the record, so the grid
#: does not rely on colour alone.
_RECORD_STYLE = {
    "matches": ("#b8e6c9", "✓"),
    "compatible_different_detail": ("#a8d8f0", "≈"),
    "contradicts": ("#f5c6a5", "✗"),
    "forecast_did_not_happen": ("#ffe08a", "F✗"),
    "forecast_came_true": ("#d9c2e9", "F✓"),
    "not_checkable": ("#e4e4e4", "?"),
    "not_mentioned": ("#ffffff", "–"),
}
_NOT_CODED_STYLE = ("#f2f2f2", "…")


def _grid_cell(code: str, text: str, kind: str, values: str) -> str:
    colour, mark = _RECORD_STYLE.get(code, _NOT_CODED_STYLE)
    if values == "relation_to_record" or code == _NOT_CODED:
        text = text.replace("_", " ")
    extra = f" <i>[{html.escape(kind.replace('_', ' '))}]</i>" if kind and kind != _NOT_CODED else ""
    return (
        f"<td style='text-align:left;vertical-align:top;background:{colour}'>"
        f"<b>{html.escape(mark)}</b> {html.escape(text)}{extra}</td>"
    )


def show_claims_grid(corpus=None, *, values: str = "relation_to_record", topics=None) -> core.HTML:
    """The claims grid as a colour-coded table: each cell tinted by how it compares with the record.

    Every cell also carries a text mark (✓ matches, ≈ compatible, ✗ contradicts, F✗ a forecast
    that did not happen, F✓ one that came true, ? not checkable, – not mentioned, … not coded
    yet) and, if the row has one, its difference kind in brackets. All text is HTML-escaped.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    values : str
        ``relation_to_record`` (short codes) or ``says`` (the one-line summaries); see :func:`claims_grid`.
    topics : list of str, optional
        Show only these topics, in this order.

    Returns
    -------
    kit.core.HTML

    Examples
    --------
    >>> view = show_claims_grid(topics=["duration"])
    >>> "F✗" in view.data, "[rounding]" in view.data
    (True, True)
    """
    rel = claims_grid(corpus, values="relation_to_record", topics=topics)
    kind = claims_grid(corpus, values="difference_kind", topics=topics)
    shown = claims_grid(corpus, values=values, topics=topics)
    labels = article_labels(corpus)
    head = "<th style='text-align:left'>topic</th>" + "".join(
        f"<th style='text-align:left'>{html.escape(labels[a])}</th>" for a in shown.columns
    )
    rows = []
    for topic in shown.index:
        cells = [f"<td style='text-align:left;vertical-align:top'><b>{html.escape(topic)}</b></td>"]
        cells += [_grid_cell(rel.loc[topic, a], shown.loc[topic, a], kind.loc[topic, a], values) for a in shown.columns]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    styles = dict(_RECORD_STYLE)
    if (rel == _NOT_CODED).any().any():
        styles[_NOT_CODED] = _NOT_CODED_STYLE
    legend = " &nbsp; ".join(
        f"<span style='background:{c};padding:0 0.3em;border:1px solid #ccc'><b>{html.escape(m)}</b></span> "
        f"{html.escape(code.replace('_', ' '))}"
        for code, (c, m) in styles.items()
    )
    return core.HTML(
        f"<p style='font-family:sans-serif'>Compared with the record: {legend}; "
        f"<i>[kind of difference]</i></p><table class='kit-table'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


_DIFFERS = {"contradicts", "compatible_different_detail", "forecast_did_not_happen"}


def differences(corpus=None, *, kinds=None) -> pd.DataFrame:
    """The rows that differ from the record, each with its kind, evidence, explanation and the record's citation.

    A row is listed if it has a ``difference_kind`` (including forecasts that came true, wire
    reuse and translation, which differ in form rather than substance) or if its relation to the
    record is ``contradicts``, ``compatible_different_detail`` or ``forecast_did_not_happen``.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    kinds : str or list of str, optional
        Keep only these difference kinds (e.g. ``"forecast"``).

    Returns
    -------
    pandas.DataFrame
        One row per claim row that differs, in the claims table's order. Columns ``claim_id``,
        ``topic``, ``article_id``, ``outlet``, ``relation_to_record``, ``difference_kind``,
        ``says``, ``span``, ``sentence``, ``explanation``, ``record_fact_id``, ``record_value``
        (the value of each fact, ``" | "``-separated, in the same order), ``record_when`` (their
        dates) and ``record_citation`` (outlet, date and address of each fact's source).

    Raises
    ------
    NotCodedError
        If the corpus has no claims table or no record.

    Examples
    --------
    >>> d = differences()
    >>> d.set_index("claim_id").loc["trump_status.athenstimes-2025-05-15", ["difference_kind", "span"]].tolist()
    ['title_error', 'former U.S. President Donald Trump']
    >>> d.set_index("claim_id").loc["trump_status.athenstimes-2025-05-15", "record_citation"][:39]
    'Mint (India), 2025-01-20: https://www.l'
    """
    rec = record(corpus).set_index("fact_id")
    t = claims(corpus)
    keep = (t["difference_kind"] != "") | t["relation_to_record"].isin(_DIFFERS)
    d = t[keep].copy()
    if kinds is not None:
        d = d[d["difference_kind"].isin([kinds] if isinstance(kinds, str) else list(kinds))]

    def join(ids, col):
        return _SEP.join(str(rec.loc[f, col]) for f in _split(ids))

    d["record_value"] = [join(i, "value") for i in d["record_fact_id"]]
    d["record_when"] = [join(i, "when") for i in d["record_fact_id"]]
    d["record_citation"] = [join(i, "citation") for i in d["record_fact_id"]]
    cols = [
        "claim_id",
        "topic",
        "article_id",
        "outlet",
        "relation_to_record",
        "difference_kind",
        "says",
        "span",
        "sentence",
        "explanation",
        "record_fact_id",
        "record_value",
        "record_when",
        "record_citation",
    ]
    return d[cols].reset_index(drop=True)


_SEED_CODE_RE = re.compile(r"(?<![\w,.\-/])(\d{3})(?![\w\-/]|,\d)")


def _code_labels(corpus) -> dict:
    """Map each article's three-digit seed code ("004") to a readable label ("Athens Times (004)").

    The codes come from the articles' ``seed_file`` names (``004_....txt``). An outlet with more
    than one article gets its day of publication too ("CGTN 14 May (000)"). Articles without a
    numbered seed file are left out.
    """
    arts = core.load_articles(corpus)
    if "seed_file" not in arts.columns:
        return {}
    repeated = arts["outlet"].duplicated(keep=False)
    labels = {}
    for (_, a), rep in zip(arts.iterrows(), repeated):
        m = re.match(r"(\d{3})_", str(a.get("seed_file") or ""))
        if not m:
            continue
        name = str(a["outlet"])
        if rep:
            day = pd.to_datetime(a.get("published"), errors="coerce")
            name += f" {day.day} {day:%B}" if not pd.isna(day) else f" {a['article_id']}"
        labels[m.group(1)] = f"{name} ({m.group(1)})"
    return labels


def _name_codes(text: str, labels: dict) -> str:
    """Replace bare seed codes in a note by outlet labels: "as 003 reports" -> "as Atalayar (003) reports".

    Numbers inside figures ("1,000") and codes with no known article are left alone.

    Examples
    --------
    >>> _name_codes("as 003 says; 1,000 for 1,000; 1-000-for; 390 + 307", {"003": "Atalayar (003)", "000": "X"})
    'as Atalayar (003) says; 1,000 for 1,000; 1-000-for; 390 + 307'
    """
    return _SEED_CODE_RE.sub(lambda m: labels.get(m.group(1), m.group(1)), text)


_TOPICS_FILE = "annotations/claim_topics.csv"


@cached
def _topic_labels(corpus=None) -> dict:
    """Plain names of the claim topics, from ``annotations/claim_topics.csv`` (empty if there is none)."""
    try:
        df = core.read_annotation("claim_topics.csv", required=["topic", "label"], path=corpus, span_col=None)
    except NotCodedError:
        return {}
    return {t: lab for t, lab in zip(df["topic"], df["label"]) if t.strip() and lab.strip()}


def topic_label(topic: str, corpus=None) -> str:
    """The plain name of a claim topic, as ``claim_topics.csv`` gives it (else its code, ``_`` as spaces).

    The codes stay in ``claims.csv`` and in the ``topics=`` arguments; tables a learner reads show the name.

    Examples
    --------
    >>> topic_label("talks_day"), topic_label("some_new_topic")
    ('day of the talks', 'some new topic')
    """
    return _topic_labels(corpus).get(topic, topic.replace("_", " "))


def show_differences(corpus=None, claim_ids=None, *, kinds=None) -> core.HTML:
    """A readable table of claim rows: what the article says, its evidence, the record and its source.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    claim_ids : str or list of str, optional
        The ``claim_id`` values to show, in this order (any rows of the claims table, not only
        differences). Default: every row of :func:`differences`.
    kinds : str or list of str, optional
        With no ``claim_ids``: only the differences of these kinds (e.g. ``"omission"``).

    Returns
    -------
    kit.core.HTML
        Columns: ``article`` (outlet and date), ``topic``, ``comparison`` (relation to the record
        and kind), ``evidence`` (the span), ``explanation`` (with article codes such as ``003``
        written as "Atalayar (003)"), ``the record`` (each fact's value and date) and ``source``
        (each fact's citation). The topic is shown by its plain name (:func:`topic_label`); the
        ``claim_id`` stays in the claims table. Every cell is HTML-escaped.

    Examples
    --------
    >>> view = show_differences(None, "duration.cgtn-2025-05-17")
    >>> "After the two-hour talks" in view.data and "Al Jazeera" in view.data
    True
    >>> "why Putin proposed the talks" in show_differences(kinds="omission").data
    True
    """
    if claim_ids is None:
        ids = list(differences(corpus, kinds=kinds)["claim_id"])
    else:
        ids = [claim_ids] if isinstance(claim_ids, str) else list(claim_ids)
    t = claims(corpus).set_index("claim_id")
    unknown = [i for i in ids if i not in t.index]
    if unknown:
        raise KitDataError(
            Problem(
                _CLAIMS_FILE,
                "",
                f"no claim row with id {', '.join(map(repr, unknown))}",
                "use a claim_id of the claims table, <topic>.<article_id>",
            )
        )
    rec = record(corpus).set_index("fact_id")
    codes, labels = _code_labels(corpus), article_labels(corpus)
    rows = []
    for cid in ids:
        r = t.loc[cid]
        facts = _split(r["record_fact_id"])
        comparison = r["relation_to_record"].replace("_", " ")
        if r["difference_kind"]:
            comparison += f" ({r['difference_kind'].replace('_', ' ')})"
        rows.append(
            {
                "article": labels[r["article_id"]],
                "topic": topic_label(r["topic"], corpus),
                "comparison": comparison,
                "evidence": r["span"] or "(not mentioned)",
                "explanation": _name_codes(r["explanation"], codes),
                "the record": "\n".join(f"{rec.loc[f, 'value']} [{rec.loc[f, 'when']}]" for f in facts),
                "source": "\n".join(rec.loc[f, "citation"] for f in facts),
            }
        )
    cols = ["article", "topic", "comparison", "evidence", "explanation", "the record", "source"]
    out = core.html_table(pd.DataFrame(rows, columns=cols))
    return core.HTML(out.data.replace("\n", "<br>"))


# --------------------------------------------------------------------------------------------
# The known differences (a data file naming the claim rows of each)
# --------------------------------------------------------------------------------------------

_KNOWN_FILE = "annotations/known_differences.csv"
_KNOWN_COLUMNS = ["no", "difference", "claim_ids", "article_id"]


@cached
def known_differences(corpus=None) -> pd.DataFrame:
    """The differences a corpus's notes list, each with the claim rows that hold its evidence.

    Read from ``annotations/known_differences.csv`` (one row per difference: its number, a
    one-line description, its claim rows ``" | "``-separated, and optionally the article whose
    reading view illustrates it). Every claim row named must exist in the claims table.

    Returns
    -------
    pandas.DataFrame
        One row per (difference, claim row), in file order. Columns ``no``, ``difference``,
        ``claim_id``, ``article_id`` (of the claim row), ``relation_to_record``,
        ``difference_kind``, ``span``.

    Raises
    ------
    NotCodedError
        If the corpus has no ``annotations/known_differences.csv`` (or no claims table).
    KitDataError
        For a missing or duplicate number, an empty description, or a claim row not in the
        claims table, each with its line.

    Examples
    --------
    >>> k = known_differences()
    >>> sorted(k.no.unique().tolist()) == list(range(1, 9))
    True
    >>> k[k.no == 3].span.item()
    'former U.S. President Donald Trump'
    """
    notes = _known_rows(corpus)
    t = claims(corpus).set_index("claim_id")
    rows = [
        (r.no, r.difference, cid, *t.loc[cid, ["article_id", "relation_to_record", "difference_kind", "span"]])
        for r in notes.itertuples()
        for cid in _split(r.claim_ids)
    ]
    return pd.DataFrame(
        rows, columns=["no", "difference", "claim_id", "article_id", "relation_to_record", "difference_kind", "span"]
    )


def _known_rows(corpus) -> pd.DataFrame:
    """The file itself, checked: numbers, descriptions, claim rows and articles."""
    df = core.read_annotation("known_differences.csv", required=_KNOWN_COLUMNS, path=corpus, span_col=None)
    ids = set(claims(corpus)["claim_id"])
    problems, seen = [], {}
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        if not r["no"].isdigit():
            problems.append(
                Problem(
                    _KNOWN_FILE, row, f"the no {r['no']!r} is not a whole number", "number the differences 1, 2, 3 ..."
                )
            )
        elif r["no"] in seen:
            problems.append(
                Problem(
                    _KNOWN_FILE,
                    row,
                    f"duplicate no {r['no']} (also on line {seen[r['no']]})",
                    "give each difference its own number",
                )
            )
        seen.setdefault(r["no"], r["csv_line"])
        if not r["difference"].strip():
            problems.append(Problem(_KNOWN_FILE, row, "the difference is empty", "describe it in one line"))
        missing = [c for c in _split(r["claim_ids"]) if c not in ids]
        if missing or not _split(r["claim_ids"]):
            problems.append(
                Problem(
                    _KNOWN_FILE,
                    row,
                    f"claim row(s) {', '.join(missing) or '(none)'} not in {_CLAIMS_FILE}",
                    "list claim_id values of the claims table, ' | '-separated",
                )
            )
    if problems:
        raise KitDataError(problems)
    return df.assign(no=pd.to_numeric(df["no"], errors="coerce").astype(int))


def show_known_differences(corpus=None) -> core.HTML:
    """The known differences as a table: one row each, with the articles and kinds of its claim rows.

    Returns
    -------
    kit.core.HTML
        Columns ``no``, ``difference``, ``articles`` (the articles of the claim rows that hold its
        evidence, by name, ``"; "``-separated) and ``kinds``: the difference's own kind if the file
        gives one (its optional ``kind`` column), then the difference kinds of its claim rows, each
        followed by its articles when it holds for only some of them, ``"; "``-separated.

    Examples
    --------
    >>> view = show_known_differences()
    >>> "Athens Times, 15 May" in view.data and "title error" in view.data
    True
    >>> "naming; translation (Atalayar, 19 May)" in view.data
    True
    """
    known = known_differences(corpus)
    own = _known_rows(corpus)
    own_kind = dict(zip(own.no, own["kind"])) if "kind" in own.columns else {}
    labels = article_labels(corpus)
    rows = []
    for (no, difference), g in known.groupby(["no", "difference"], sort=False):
        arts = [labels.get(a, a) for a in dict.fromkeys(g.article_id)]
        rows.append(
            {
                "no": no,
                "difference": difference,
                "articles": "; ".join(arts),
                "kinds": _kinds_cell(g, own_kind.get(no, ""), labels),
            }
        )
    return core.html_table(pd.DataFrame(rows, columns=["no", "difference", "articles", "kinds"]))


def _kinds_cell(rows: pd.DataFrame, own: str, labels: dict) -> str:
    """ "naming; translation (Atalayar, 19 May)": the difference's own kind, then its rows' kinds."""
    parts = [own.strip()] if own and own.strip() else []
    for kind in sorted(set(rows.difference_kind) - {""}):
        which = list(dict.fromkeys(rows[rows.difference_kind == kind].article_id))
        text = kind.replace("_", " ")
        if len(which) < rows.article_id.nunique():
            text += " (" + "; ".join(labels.get(a, a) for a in which) + ")"
        parts.append(text)
    return "; ".join(parts)


def explain_differences(corpus, numbers, *, show: str = "both") -> core.HTML:
    """Some of the known differences in full: their claim rows against the record, then the article(s).

    For the differences numbered ``numbers`` this shows the table of :func:`show_differences`
    for their claim rows, then the reading view of each article the file names for them, with
    every claim row of that article that differs from the record highlighted and labelled
    ``[n] topic: kind`` (``n`` the number of the known difference it belongs to, if any).

    Parameters
    ----------
    corpus : Corpus, str or Path, or None
        The corpus.
    numbers : int or list of int
        Numbers of ``annotations/known_differences.csv``.
    show : ``"both"``, ``"table"`` or ``"article"``
        The table and the reading view(s), or only one of them.

    Examples
    --------
    >>> view = explain_differences(None, [3, 4])
    >>> "former U.S. President Donald Trump" in view.data and "kit-article" in view.data
    True
    """
    nos = [numbers] if isinstance(numbers, int) else [int(n) for n in numbers]
    notes = _known_rows(corpus)
    unknown = [n for n in nos if n not in set(notes.no)]
    if unknown:
        # NotCodedError: a notebook shows a notice (its cells ask for the kit's own differences; a corpus of one's
        # own numbers its differences itself, or has none yet)
        raise NotCodedError(
            Problem(
                _KNOWN_FILE,
                "",
                f"this corpus has no difference numbered {', '.join(map(str, unknown))}",
                f"use one of: {', '.join(map(str, notes.no))}"
                if len(notes)
                else f"add the differences you found to {_KNOWN_FILE} (none are written down yet)",
            ),
            example=True,
        )
    if show not in ("both", "table", "article"):
        raise ValueError("show must be 'both', 'table' or 'article'")
    chosen = notes[notes.no.isin(nos)]
    ids = list(dict.fromkeys(c for cell in chosen.claim_ids for c in _split(cell)))
    parts = [show_differences(corpus, ids).data] if show != "article" else []
    if show == "table":
        return core.HTML(parts[0])
    number_of = {c: int(r.no) for r in notes.itertuples() for c in _split(r.claim_ids)}
    diff = differences(corpus)
    for aid in dict.fromkeys(a for a in chosen.article_id if a.strip()):
        rows = diff[(diff.article_id == aid) & (diff.span != "")]
        marks = pd.DataFrame(
            {
                "label": [
                    (f"[{number_of[c]}] " if c in number_of else "")
                    + f"{topic_label(t, corpus)}: {(k or rel).replace('_', ' ')}"
                    for c, t, k, rel in zip(rows.claim_id, rows.topic, rows.difference_kind, rows.relation_to_record)
                ],
                "span": rows.span,
            }
        )
        parts.append(core.show_article(aid, highlight=marks, path=corpus).data)
    return core.HTML("\n".join(parts))


# --------------------------------------------------------------------------------------------
# The timeline: what each writer could know (drawn by kit.core.plot_timeline)
# --------------------------------------------------------------------------------------------

_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})")
_TIMELINE_FILE = "timeline.csv"
_TIMELINE_COLUMNS = ["fact_id", "label", "key", "mark", "mark_label"]
#: How a fact of ``timeline.csv`` is drawn: a plain row, the planned day (dashed line across the chart),
#: the day something was held (a band across the chart), or context listed under the chart.
TIMELINE_MARKS = {
    "": "a row of the chart",
    "planned": "a row, and a dashed line across the chart on its day (a planned date)",
    "held": "a row, and a band across the chart on its day (the day it happened)",
    "context": "not drawn: listed under the chart as earlier or later context",
}
#: At most this many facts in one chart; more are split into parts (``part=2`` ...).
MAX_FACTS_PER_CHART = 5
_CONTEXT_DAYS = 60


def _publication_moments(corpus) -> pd.DataFrame:
    """Per article: start and end of its known publication moment, and how sure its date is.

    ``status`` is ``verified`` or ``inferred`` (from ``article_provenance.csv``), or ``as given``
    when the corpus does not say (a corpus of your own without a provenance file); ``verified``
    is True only for a verified date.
    """
    arts = core.load_articles(corpus)
    prov = core.provenance(corpus)
    status = {r.article_id: r.status for r in prov.itertuples() if r.field == "published"}
    rows = []
    for a in arts.itertuples():
        day = pd.Timestamp(a.published)
        m = _TIME_RE.search(a.published_time or "")
        if m:
            s = day + pd.Timedelta(hours=int(m.group(1)), minutes=int(m.group(2)))
            e, when = s, f"{day:%d %b} {m.group(1).zfill(2)}:{m.group(2)} (zone not stated)"
        else:
            s, e, when = day, day + pd.Timedelta(days=1), f"{day:%d %b} (time of day unknown)"
        st = status.get(a.article_id)
        state = "as given" if st is None else "verified" if st.startswith("verified") else "inferred"
        rows.append((a.article_id, a.outlet, s, e, when, state == "verified", state))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "start", "end", "when", "verified", "status"])


@cached
def timeline_facts(corpus=None) -> pd.DataFrame:
    """Which facts of the record the timeline shows, with their chart labels (``timeline.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per fact, in file order. Columns ``fact_id`` (a fact of ``record.csv``),
        ``label`` (short, for the chart), ``key`` (``yes``: on the short overview timeline),
        ``mark`` (see ``TIMELINE_MARKS``) and ``mark_label`` (the words written at a planned or
        held day's line).

    Raises
    ------
    NotCodedError
        If the corpus has no ``timeline.csv`` or no ``record.csv``.
    KitDataError
        For a fact not in the record, a duplicate, an empty label or an unknown code.

    Examples
    --------
    >>> t = timeline_facts()
    >>> t.query("key == 'yes'").mark.tolist()
    ['', '', 'planned', 'held']
    """
    base = core.data_dir(corpus)
    file = base / _TIMELINE_FILE
    if not file.exists():
        raise NotCodedError(
            Problem(
                _TIMELINE_FILE,
                "",
                "this corpus has no list of the facts its timeline shows",
                "write timeline.csv next to record.csv (see data/README.md for its columns)",
            )
        )
    df = core.read_csv_checked(file, required=_TIMELINE_COLUMNS, base=base)
    facts = set(record(corpus)["fact_id"])
    problems, seen = [], {}
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        if r["fact_id"] not in facts:
            problems.append(
                Problem(
                    _TIMELINE_FILE,
                    row,
                    f"fact_id {r['fact_id']!r} is not in record.csv",
                    "use a fact_id from record.csv",
                )
            )
        elif r["fact_id"] in seen:
            problems.append(
                Problem(
                    _TIMELINE_FILE,
                    row,
                    f"duplicate fact_id {r['fact_id']!r} (also on line {seen[r['fact_id']]})",
                    "list each fact once",
                )
            )
        seen.setdefault(r["fact_id"], r["csv_line"])
        if not r["label"].strip():
            problems.append(Problem(_TIMELINE_FILE, row, "the label is empty", "write a short label for the chart"))
        if r["key"] not in ("yes", "no"):
            problems.append(
                Problem(
                    _TIMELINE_FILE,
                    row,
                    f"key must be yes or no, not {r['key']!r}",
                    "write yes (on the overview timeline) or no",
                )
            )
        if r["mark"] not in TIMELINE_MARKS:
            problems.append(
                Problem(
                    _TIMELINE_FILE,
                    row,
                    f"unknown mark {r['mark']!r}",
                    "leave it empty, or use planned, held or context",
                )
            )
    if problems:
        raise KitDataError(problems)
    return df[_TIMELINE_COLUMNS].reset_index(drop=True)


def timeline_events(corpus=None, facts="key") -> pd.DataFrame:
    """The dated facts a timeline draws: the record's facts named by ``timeline.csv``, with their dates.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    facts : ``"key"``, ``"all"`` or list of str
        ``"key"``: the facts ``timeline.csv`` marks ``key`` (the short overview); ``"all"``: every
        fact it lists; or a list of ``fact_id`` values of the record. Without ``timeline.csv``,
        ``"key"`` and ``"all"`` mean every dated fact of the record, labelled with its ``value``,
        those more than 60 days from the articles being context.

    Returns
    -------
    pandas.DataFrame
        One row per dated fact, by day and then in the order given. Columns ``fact_id``,
        ``label``, ``mark``, ``mark_label``, ``when``, ``when_start``, ``when_end``,
        ``when_precision``, ``context`` (True: listed under the chart, not drawn). Empty if the
        corpus has no ``record.csv``.

    Examples
    --------
    >>> timeline_events().fact_id.tolist()
    ['european_ceasefire_demand', 'putin_proposal', 'talks_postponed', 'start_time']
    """
    cols = ["fact_id", "label", "mark", "mark_label", "when", "when_start", "when_end", "when_precision", "context"]
    try:
        rec = record(corpus).set_index("fact_id", drop=False)
    except NotCodedError:
        if not isinstance(facts, str):
            raise
        dtypes = {"when_start": "datetime64[ns]", "when_end": "datetime64[ns]", "context": bool}
        return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in cols})
    chosen = _chosen_facts(corpus, rec, facts)
    ev = rec.loc[list(chosen.fact_id)].reset_index(drop=True)
    ev = ev.assign(label=list(chosen.label), mark=list(chosen.mark), mark_label=list(chosen.mark_label))
    ev = ev.dropna(subset=["when_start"])
    if "context" in set(chosen.mark) or len(ev) == 0:
        ev["context"] = ev["mark"] == "context"
    else:  # no file says what is context: facts far from the articles are
        pubs = _publication_moments(corpus)
        lo = pubs.start.min() - pd.Timedelta(days=_CONTEXT_DAYS)
        hi = pubs.end.max() + pd.Timedelta(days=_CONTEXT_DAYS)
        ev["context"] = (ev.when_start < lo) | (ev.when_start > hi)
    ev = ev.assign(_day=ev.when_start.dt.normalize(), _order=range(len(ev)))
    return ev.sort_values(["_day", "_order"], kind="stable")[cols].reset_index(drop=True)


def _chosen_facts(corpus, rec: pd.DataFrame, facts) -> pd.DataFrame:
    """fact_id, label, mark, mark_label of the facts asked for."""
    try:
        listed = timeline_facts(corpus)
    except NotCodedError:
        listed = pd.DataFrame(
            {"fact_id": rec.fact_id, "label": rec.value.astype(str), "key": "yes", "mark": "", "mark_label": ""}
        )
    if isinstance(facts, str):
        if facts not in ("key", "all"):
            raise KitDataError(
                Problem(
                    "plot_timeline", "", f"facts={facts!r}", "use facts='key', facts='all' or a list of fact_id values"
                )
            )
        return listed[listed.key == "yes"] if facts == "key" else listed
    unknown = [f for f in facts if f not in rec.index]
    if unknown:
        raise KitDataError(
            Problem(_RECORD_FILE, "", f"no fact with id {', '.join(unknown)}", "use fact_id values from record.csv")
        )
    by_id = listed.set_index("fact_id")
    return pd.DataFrame(
        [
            (
                f,
                by_id.loc[f, "label"] if f in by_id.index else str(rec.loc[f, "value"]),
                by_id.loc[f, "mark"] if f in by_id.index else "",
                by_id.loc[f, "mark_label"] if f in by_id.index else "",
            )
            for f in facts
        ],
        columns=["fact_id", "label", "mark", "mark_label"],
    )


def _window(pubs: pd.DataFrame, drawn: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates shown: every article and every drawn fact, with two days before and one after."""
    starts = [pubs.start.min().normalize(), *drawn.when_start.dt.normalize()]
    ends = [pubs.end.max(), *drawn.when_end.fillna(drawn.when_start)]
    return min(starts) - pd.Timedelta(days=2), max(ends).ceil("D") + pd.Timedelta(days=1)


def _split_parts(drawn: pd.DataFrame, size: int = MAX_FACTS_PER_CHART) -> list[pd.DataFrame]:
    """Consecutive, near-equal parts of at most ``size`` facts."""
    n = max(1, -(-len(drawn) // size))
    bounds = [round(i * len(drawn) / n) for i in range(n + 1)]
    return [drawn.iloc[bounds[i] : bounds[i + 1]] for i in range(n)]


def _draw_facts(ax, ev: pd.DataFrame, ref_year: int, colour: str) -> None:
    for y, e in enumerate(ev.itertuples()):
        planned = e.mark == "planned"
        if e.when_precision == "time":
            ax.plot([e.when_start], [y], marker="D", markersize=8, color=colour, zorder=3)
        else:
            ax.barh(
                y,
                e.when_end - e.when_start,
                left=e.when_start,
                height=0.5,
                color="white" if planned else colour,
                edgecolor=colour,
                hatch="///" if planned else None,
                linewidth=1.2,
                zorder=3,
            )
    labels = [_fact_label(e, ref_year) for e in ev.itertuples()]
    ax.set_yticks(range(len(ev)), labels)
    ax.set_ylim(len(ev) - 0.4, -0.6)
    ax.set_title("What had happened (record.csv)", loc="left", fontweight="bold")


def _draw_articles(ax, pubs: pd.DataFrame, lo, colour: str) -> None:
    for y, p in enumerate(pubs.itertuples()):
        ax.barh(y, p.start - lo, left=lo, height=0.5, color=colour, alpha=0.18, zorder=1)
        face = colour if p.verified else "white"
        if p.end > p.start:
            ax.barh(y, p.end - p.start, left=p.start, height=0.5, color=face, edgecolor=colour, linewidth=1.5, zorder=3)
        else:
            ax.plot(
                [p.start],
                [y],
                marker="o",
                markersize=9,
                color=colour,
                markerfacecolor=face,
                markeredgewidth=1.5,
                zorder=3,
            )
    ax.set_yticks(range(len(pubs)), list(pubs.label))
    ax.set_ylim(len(pubs) + 0.5, -0.6)
    ax.set_title("When each article appeared", loc="left", fontweight="bold")


def _fact_label(e, ref_year: int) -> str:
    return textwrap.fill(f"{_day_label(e, ref_year=ref_year)}: {e.label}", 30, break_on_hyphens=False)


def _draw_marks(axes, marks: pd.DataFrame, colour: str, y: float) -> None:
    """Planned days (dashed line, faint band) and held days (band) across every panel, labelled in the last."""
    for e in marks.itertuples():
        day = e.when_start.normalize()
        for ax in axes:
            ax.axvspan(
                day, day + pd.Timedelta(days=1), color=colour, alpha=0.06 if e.mark == "planned" else 0.15, zorder=0
            )
            if e.mark == "planned":
                ax.axvline(day, color=colour, linestyle="--", linewidth=1, zorder=0)
        if e.mark_label:
            x, ha = (day, "right") if e.mark == "planned" else (day + pd.Timedelta(days=1), "left")
            axes[-1].text(
                x,
                y,
                f" {e.mark_label} {day.day} {day:%b} ",
                ha=ha,
                va="center",
                color=colour,
                fontweight="bold" if e.mark == "held" else "normal",
            )


def _format_dates(ax, lo, hi) -> None:
    import matplotlib.dates as mdates

    ax.set_xlim(lo, hi)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=6)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.DateFormatter("%-d %b") if hi - lo <= pd.Timedelta(days=120) else mdates.ConciseDateFormatter(locator)
    )
    if hi - lo <= pd.Timedelta(days=62):
        ax.xaxis.set_minor_locator(mdates.DayLocator())


def _notes(ev: pd.DataFrame, lo, hi, ref_year: int, has_record: bool, part: int, n_parts: int, facts) -> list[str]:
    notes = [
        "Band: what had happened by the article's publication. Marker filled: date verified; hollow: "
        "inferred, or as given in articles.csv; a box: time of day unknown. Times are local, as given."
    ]
    ctx = ev[ev.context | (ev.when_start < lo) | (ev.when_start >= hi)]
    before, after = ctx[ctx.when_start < lo], ctx[ctx.when_start >= lo]
    if len(before):
        notes.append(
            "Earlier, off the chart: "
            + "; ".join(f"{_day_label(e, year=True, ref_year=ref_year)} {e.label}" for e in before.itertuples())
        )
    if len(after):
        notes.append(
            "Later, off the chart: "
            + "; ".join(f"{_day_label(e, year=True, ref_year=ref_year)} {e.label}" for e in after.itertuples())
        )
    if n_parts > 1:
        arg = f"facts={facts!r}" if isinstance(facts, str) else "facts=[...]"
        others = " or ".join(
            f"helpers.plot_timeline(corpus, {arg}, part={i})" for i in range(1, n_parts + 1) if i != part
        )
        notes.append(f"Part {part} of {n_parts}; the other facts: {others}.")
    if not has_record:
        notes.append(
            "This corpus has no record.csv yet, so only the articles are drawn. To set them against dated "
            'facts, write the record: helpers.annotation_template("record.csv") (see '
            "docs/bring-your-own-articles.md)."
        )
    return notes


def _timeline_figure(corpus=None, *, facts="key", part: int = 1, start=None, end=None):
    """The one timeline chart (see :func:`kit.core.plot_timeline`)."""
    ev = timeline_events(corpus, facts)
    has_record = core.data_dir(corpus).joinpath(_RECORD_FILE).exists()
    pubs = _publication_moments(corpus)
    labels = article_labels(corpus)
    pubs["label"] = [
        labels[a] + (f" {m.group(1).zfill(2)}:{m.group(2)}" if (m := _TIME_RE.search(w)) else "")
        for a, w in zip(pubs.article_id, pubs.when)
    ]
    drawn = ev[~ev.context]
    lo, hi = _window(pubs, drawn)
    lo, hi = pd.Timestamp(start) if start else lo, pd.Timestamp(end) if end else hi
    drawn = drawn[(drawn.when_start >= lo) & (drawn.when_start < hi)]
    parts = _split_parts(drawn)
    if part > len(parts) >= 1 and part > 1:  # a notebook written for a longer timeline, on a shorter one
        print(f"The timeline of this corpus fits in {len(parts)} part(s): there is no part {part}.")
        return None
    if part < 1:
        raise KitDataError(Problem("plot_timeline", "", f"there is no part {part}", "use part=1, part=2 ..."))
    shown = parts[part - 1]
    ref_year = int(pubs.start.min().year)
    blue, orange = style.PALETTE[0], style.PALETTE[4]
    notes = "\n".join(textwrap.fill(n, 72) for n in _notes(ev, lo, hi, ref_year, has_record, part, len(parts), facts))
    n_notes = notes.count("\n") + 1
    n_lines = sum(_fact_label(e, ref_year).count("\n") + 1 for e in shown.itertuples())
    if has_record:
        top, bottom = 0.19 * n_lines + 0.1 * len(shown) + 0.2, 0.27 * len(pubs) + 0.4
        fig, (ax1, ax2) = style.figure(
            top + bottom + 1.2 + 0.19 * n_notes, nrows=2, sharex=True, gridspec_kw={"height_ratios": [top, bottom]}
        )
        _draw_facts(ax1, shown, ref_year, orange)
        axes = (ax1, ax2)
    else:
        fig, ax2 = style.figure(0.27 * len(pubs) + 1.9 + 0.19 * n_notes)
        axes = (ax2,)
    _draw_articles(ax2, pubs, lo, blue)
    marks = ev[ev.mark.isin(["planned", "held"]) & (ev.when_start >= lo) & (ev.when_start < hi)]
    _draw_marks(axes, marks, orange, len(pubs) + 0.05)
    for ax in axes:
        ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
        for side in ("right", "top"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0)
    _format_dates(ax2, lo, hi)
    fig.supxlabel(notes, x=0.01, ha="left", fontsize=style.MIN_FONT)
    count = _number_word(len(pubs))
    title = f"What could each writer know? {count.capitalize()} articles"
    fig.suptitle(title + (f" (part {part} of {len(parts)})" if len(parts) > 1 else ""), x=0.01, ha="left")
    return fig


def _number_word(n: int) -> str:
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words[n] if n < len(words) else str(n)


def _day_label(e, year: bool = False, ref_year: int = 0) -> str:
    """A short date label for a fact: '11 May 01:30', '16 May', 'Mar 2025', '23–25 May' (year if not ``ref_year``)."""
    s = e.when_start
    if e.when_precision == "time":
        return f"{s.day} {s:%b} {s:%H:%M}"
    if e.when_precision == "month":
        return f"{s:%b %Y}"
    if e.when_precision == "interval":
        last = e.when_end - pd.Timedelta(days=1)
        return f"{s.day}–{last.day} {last:%b}" if s.month == last.month else f"{s.day} {s:%b}–{last.day} {last:%b}"
    return f"{s.day} {s:%b}" + (f" {s.year}" if year or s.year != ref_year else "")


# --------------------------------------------------------------------------------------------
# Candidate matching: BM25 over body sentences
# --------------------------------------------------------------------------------------------

_RANK = r"(?:First|Deputy|Vice|Foreign|Defen[cs]e|Prime|Presidential|Senior|Commission|Ministry|State|chief|senior)"
_TITLE = (
    r"(?:President|Minister|Secretary(?: of State)?|[Ss]pokes(?:person|man|woman)|[Aa]ide|negotiator|lawmaker|envoys?)"
)
#: A title before a capitalised name: "Ukrainian Defense Minister Rustem Umerov" -> "Ukrainian Rustem Umerov"
#: (the nationality stays: it says whose official speaks).
_TITLE_BEFORE_NAME = re.compile(rf"\b(?:{_RANK}\s+)*{_TITLE}\s+(?=[A-Z])")
_INSTITUTION = r"[A-Z][\w’'\-]*(?:(?:,\s+|\s+)(?:(?:of|and|the|at|for|on|in|&)\s+)*[A-Z][\w’'\-]*)*"
#: An appositive after a name: ", director of the Institute of ... at the Chinese Academy of Social Sciences,".
_APPOSITIVE = re.compile(
    r",\s+(?:an?\s+|the\s+)?(?:associate\s+|assistant\s+|senior\s+)?"
    r"(?:director|professor|scholar|researcher|research\s+fellow|fellow|dean|head|chief|spokes(?:person|man|woman))"
    rf"\s+(?:of|at|from|for)\s+(?:the\s+)?{_INSTITUTION}"
)


def strip_titles(text: str) -> str:
    """Remove speakers' titles and institutional appositives, which otherwise dominate a lexical match.

    A title before a capitalised name ("Ukrainian Defense Minister Rustem Umerov") is dropped, but
    not the nationality before it, which says whose official speaks; an appositive after a name (", director of the Institute of ... at the Chinese Academy of
    Social Sciences") is dropped up to its last capitalised word.

    Examples
    --------
    >>> strip_titles("Ukrainian Defense Minister Rustem Umerov, who led the delegation, said")
    'Ukrainian Rustem Umerov, who led the delegation, said'
    >>> strip_titles("Sun Zhuangzhi, director of the Institute of Russian, Eastern European and "
    ...              "Central Asian Studies at the Chinese Academy of Social Sciences, told China Media Group.")
    'Sun Zhuangzhi, told China Media Group.'
    """
    text = _APPOSITIVE.sub("", text)
    return _TITLE_BEFORE_NAME.sub("", text)


def _fold(text: str) -> str:
    """Fold accents, quotes, dashes and thousands separators: 'Dolmabahçe' -> 'Dolmabahce', '1,000' -> '1000'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2011", "-").replace("’", "'").replace("‘", "'")
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)


def _stem(tok: str) -> str:
    if tok.endswith("'s"):
        tok = tok[:-2]
    if len(tok) > 4 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")) and not tok[0].isdigit():
        tok = tok[:-1]
    return tok


def _tokens_with_case(text: str, strip: bool = True) -> list[tuple[str, bool]]:
    """(term, capitalised-in-mid-sentence) for each term of a sentence, titles stripped unless ``strip`` is False.

    The words are those of the kit's one tokenizer (:func:`kit.core.tokenize`), after folding
    accents and quotes; hyphenated words are split and the kit's stop words
    (:data:`kit.core.STOP_WORDS`) dropped, except words written in capitals ("US").
    """
    out = []
    folded = _fold(strip_titles(text) if strip else text)
    for i, (word, lower) in enumerate(zip(core._WORD_RE.findall(folded), core.tokenize(folded))):
        for part, low in zip(re.split(r"[-\u2011]", word), re.split(r"[-\u2011]", lower)):
            tok = _stem(low)
            acronym = len(part) > 1 and part.isupper()  # "US" is a name, not the pronoun "us"
            if tok and (acronym or tok not in core.STOP_WORDS) and (len(tok) > 1 or tok.isdigit()):
                out.append((tok, i > 0 and part[:1].isupper()))
    return out


def matching_tokens(text: str, *, strip: bool = True) -> list[str]:
    """The terms the matcher compares: titles stripped, accents folded, stop words dropped, plurals cut.

    Numbers lose their thousands separator ("1,000" -> ``1000``) and hyphenated words are split
    ("30‑day" -> ``30``, ``day``), so the same figure matches however it is written.

    Examples
    --------
    >>> matching_tokens("Ukrainian Defense Minister Rustem Umerov said 1,000 prisoners were swapped at Dolmabahçe.")
    ['ukrainian', 'rustem', 'umerov', 'said', '1000', 'prisoner', 'swapped', 'dolmabahce']
    >>> matching_tokens("a 30‑day ceasefire")
    ['30', 'day', 'ceasefire']
    """
    return [t for t, _ in _tokens_with_case(text, strip)]


def bm25_matrix(queries, docs, *, k1: float = 1.2, b: float = 0.75, weights: dict | None = None) -> np.ndarray:
    """Okapi BM25 score of every document for every query (lists of terms), with optional term weights.

    score(q, d) = Σ_{t ∈ set(q)} w_t · idf(t) · f(t,d)·(k1+1) / (f(t,d) + k1·(1 − b + b·|d|/avgdl)),
    idf(t) = ln(1 + (N − n_t + 0.5)/(n_t + 0.5)), where f(t,d) is the count of t in d, |d| the
    length of d, avgdl the mean length, N the number of documents, n_t how many contain t, and w_t
    the weight of t (1 unless given). Each distinct query term counts once. Computed as one
    matrix product (queries x terms times terms x documents), which is what the matcher uses.

    Parameters
    ----------
    queries : list of list of str
        The queries' terms.
    docs : list of list of str
        The documents' terms (also the collection the idf is computed on).
    k1, b : float
        BM25's term-saturation and length-normalisation parameters.
    weights : dict, optional
        ``{term: weight}``, e.g. 2.0 for shared names and numbers.

    Returns
    -------
    numpy.ndarray
        ``scores[i, j]``: the score of document j for query i.

    Examples
    --------
    >>> docs = [["talks", "istanbul"], ["talks", "talks", "exchange"], ["ceasefire"]]
    >>> bm25_matrix([["talks", "istanbul"]], docs).round(4).tolist()
    [[1.4508, 0.5666, 0.0]]
    """
    vocab = sorted({t for d in docs for t in d})
    index = {t: i for i, t in enumerate(vocab)}
    if not docs or not vocab:
        return np.zeros((len(queries), len(docs)))
    tf = np.zeros((len(docs), len(vocab)))
    for i, d in enumerate(docs):
        for t in d:
            tf[i, index[t]] += 1
    lengths = tf.sum(axis=1)
    avgdl = lengths.mean() if lengths.mean() > 0 else 1.0
    nt = (tf > 0).sum(axis=0)
    idf = np.log(1 + (len(docs) - nt + 0.5) / (nt + 0.5))
    w = np.array([(weights or {}).get(t, 1.0) for t in vocab])
    sat = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[:, None] / avgdl))
    q = np.zeros((len(queries), len(vocab)))
    for i, query in enumerate(queries):
        for t in set(query):
            if t in index:
                q[i, index[t]] = 1.0
    return (q * (w * idf)) @ sat.T


def _score_matrix(sents: pd.DataFrame, *, k1: float, b: float, boost: float, strip: bool = True):
    """BM25 score of every sentence (as query) against every other (as document); -inf within an article."""
    toks = [_tokens_with_case(t, strip) for t in sents["text"]]
    docs = [[t for t, _ in ts] for ts in toks]
    names = {t for ts in toks for t, cap in ts if cap}
    weights = {t: boost for d in docs for t in d if t in names or any(c.isdigit() for c in t)}
    scores = bm25_matrix(docs, docs, k1=k1, b=b, weights=weights)
    same = sents["article_id"].to_numpy()[:, None] == sents["article_id"].to_numpy()[None, :]
    scores[same] = -np.inf
    return scores, docs, weights


def _ranks(scores: np.ndarray) -> np.ndarray:
    """rank[i, j]: position (1 = best) of sentence j among sentence i's candidates; inf if score <= 0."""
    n = scores.shape[0]
    ranks = np.full((n, n), np.inf)
    for i in range(n):
        order = np.argsort(-scores[i], kind="stable")
        valid = order[scores[i, order] > 0]
        ranks[i, valid] = np.arange(1, len(valid) + 1)
    return ranks


#: Above this many sentences the matcher scores one sentence against the others at a time: the all-pairs matrices
#: of a larger corpus would need gigabytes (48,000 sentences: 17 GB each), and a kernel would die.
_DENSE_MAX = 4000


def _term_lists(docs: list, weights: dict, *, k1: float, b: float) -> dict:
    """For each term: the sentences that hold it and its weighted BM25 term score in each (see :func:`bm25_matrix`)."""
    n = len(docs)
    lengths = np.array([len(d) for d in docs], dtype=float)
    avgdl = lengths.mean() if n and lengths.mean() > 0 else 1.0
    norm = k1 * (1 - b + b * lengths / avgdl)
    postings: dict = {}
    for j, d in enumerate(docs):
        for t, f in Counter(d).items():
            postings.setdefault(t, ([], []))
            postings[t][0].append(j)
            postings[t][1].append(f)
    lists = {}
    for t, (js, fs) in postings.items():
        js, fs = np.array(js), np.array(fs, dtype=float)
        idf = np.log(1 + (n - len(js) + 0.5) / (len(js) + 0.5))
        lists[t] = (js, weights.get(t, 1.0) * idf * fs * (k1 + 1) / (fs + norm[js]))
    return lists


def _best_pairs_row_by_row(sents: pd.DataFrame, *, k: int, k1: float, b: float, boost: float, strip: bool):
    """What :func:`candidate_pairs` finds with its matrices, one row of scores at a time (memory: a few rows).

    The same formula as :func:`bm25_matrix`, computed from each term's list of sentences. Returns
    ``{(a, c): (score, rank)}`` for a < c, the sentences' terms and the term weights.
    """
    toks = [_tokens_with_case(t, strip) for t in sents["text"]]
    docs = [[t for t, _ in ts] for ts in toks]
    names = {t for ts in toks for t, cap in ts if cap}
    weights = {t: boost for d in docs for t in d if t in names or any(c.isdigit() for c in t)}
    n = len(docs)
    lists = _term_lists(docs, weights, k1=k1, b=b)
    article = pd.factorize(sents["article_id"])[0]
    same = [np.flatnonzero(article == a) for a in range(article.max() + 1 if n else 0)]

    def row(i: int) -> np.ndarray:
        out = np.zeros(n)
        for t in set(docs[i]):
            js, vals = lists[t]
            out[js] += vals
        out[same[article[i]]] = -np.inf
        return out

    tops = []  # for each sentence: {candidate: (rank, score)} of its top k
    for i in range(n):
        r = row(i)
        scored = np.flatnonzero(r > 0)  # sorted as the matrix version sorts: best first, ties in sentence order
        valid = scored[np.argsort(-r[scored], kind="stable")][:k]
        tops.append({int(j): (rank, r[j]) for rank, j in enumerate(valid, start=1)})
    wanted: dict = {}  # the reverse scores the pairs need: {c: [a, ...]} for each a with c among its top k
    for a, top in enumerate(tops):
        for c in top:
            wanted.setdefault(c, []).append(a)
    reverse = {}
    for c, rows_a in wanted.items():
        r = row(c)
        for a in rows_a:
            reverse[(c, a)] = r[a]
    best = {}
    for i, top in enumerate(tops):
        for j, (rank, score) in top.items():
            a, c = (i, j) if i < j else (j, i)
            other = tops[j].get(i, (np.inf, reverse[(j, i)]))
            best[(a, c)] = (max(score, other[1]), min(rank, other[0]))
    return best, docs, weights


def _matcher_sentences(corpus, roles) -> pd.DataFrame:
    return core.sentences(corpus, roles=tuple(roles)).reset_index(drop=True)


def candidate_pairs(
    corpus=None,
    *,
    k: int = 3,
    boost: float = 2.0,
    k1: float = 1.2,
    b: float = 0.75,
    roles=("body",),
    strip: bool = True,
) -> pd.DataFrame:
    """Propose pairs of body sentences from different articles that may make the same claim.

    Each sentence is turned into terms (:func:`matching_tokens`: speakers' titles and appositives
    stripped first) and scored against every sentence of the *other* articles with BM25
    (:func:`bm25_matrix`, idf over all body sentences), where a term that is a number or a name
    (capitalised inside a sentence somewhere in the corpus: Dolmabahce, March, Medinsky) has
    weight ``boost``. For each sentence its ``k`` best-scoring sentences (score > 0) are proposed;
    a pair proposed from either side appears once. These are **candidates**: a reader must decide
    whether the two sentences make the same claim, a compatible one, a contradictory one, or a
    different claim.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    k : int
        Candidates proposed per sentence.
    boost : float
        Weight of names and numbers (1.0: plain BM25).
    k1, b : float
        BM25 parameters.
    roles : tuple of str
        Paragraph roles whose sentences are compared (default: body).
    strip : bool
        Strip speakers' titles first (:func:`strip_titles`); False to see what they do to the match.

    Returns
    -------
    pandas.DataFrame
        One row per proposed pair, best score first. Columns ``article_a``, ``sent_a``,
        ``text_a``, ``article_b``, ``sent_b``, ``text_b`` (sentence numbers as in
        :func:`kit.core.sentences`; a before b in corpus order), ``score`` (the higher of the two
        directional BM25 scores, rounded to 2 places), ``rank`` (the better of the two ranks,
        1 = top candidate) and ``shared`` (the terms the two sentences share, boosted ones marked
        with ``*``).

    Examples
    --------
    >>> pairs = candidate_pairs(k=1)
    >>> top = pairs.iloc[0]
    >>> bool(top.article_a != top.article_b and top["rank"] == 1)
    True
    """
    sents = _matcher_sentences(corpus, roles)
    if len(sents) <= _DENSE_MAX:
        scores, docs, weights = _score_matrix(sents, k1=k1, b=b, boost=boost, strip=strip)
        ranks = _ranks(scores)
        best = {}
        for i in range(len(sents)):
            for j in np.where(ranks[i] <= k)[0]:
                a, c = (i, j) if i < j else (j, i)
                sc, rk = max(scores[a, c], scores[c, a]), min(ranks[a, c], ranks[c, a])
                best[(a, c)] = (sc, rk)
    else:
        best, docs, weights = _best_pairs_row_by_row(sents, k=k, k1=k1, b=b, boost=boost, strip=strip)
    rows = []
    for (a, c), (sc, rk) in best.items():
        shared = sorted(set(docs[a]) & set(docs[c]), key=lambda t: (-weights.get(t, 1.0), t))
        rows.append(
            (
                sents.article_id[a],
                int(sents.sent_no[a]),
                sents.text[a],
                sents.article_id[c],
                int(sents.sent_no[c]),
                sents.text[c],
                round(float(sc), 2),
                int(rk),
                ", ".join(t + ("*" if weights.get(t, 1.0) > 1 else "") for t in shared),
            )
        )
    out = pd.DataFrame(
        rows, columns=["article_a", "sent_a", "text_a", "article_b", "sent_b", "text_b", "score", "rank", "shared"]
    )
    out = out.sort_values(
        ["score", "article_a", "sent_a", "article_b", "sent_b"],
        ascending=[False, True, True, True, True],
        kind="stable",
    )
    return out.reset_index(drop=True)


def show_pairs(corpus=None, *, k: int = 1, n: int = 10, strip: bool = True, boost: float = 2.0) -> core.HTML:
    """The ``n`` best-scoring candidate pairs of :func:`candidate_pairs`, as a readable table.

    Columns ``score``, ``article a`` (outlet and date), ``sentence a``, ``article b``,
    ``sentence b`` and ``shared`` (the terms the two share; names and numbers marked ``*``).
    All text is HTML-escaped.

    Examples
    --------
    >>> "two-hour" in show_pairs(n=3).data or "score" in show_pairs(n=3).data
    True
    """
    pairs = candidate_pairs(corpus, k=k, strip=strip, boost=boost).head(n)
    labels = article_labels(corpus)
    table = pd.DataFrame(
        {
            "score": pairs.score,
            "article a": pairs.article_a.map(labels),
            "sentence a": pairs.text_a,
            "article b": pairs.article_b.map(labels),
            "sentence b": pairs.text_b,
            "shared": pairs.shared,
        }
    )
    return core.html_table(table)


def true_pairs(
    corpus=None,
    *,
    boost: float = 2.0,
    k1: float = 1.2,
    b: float = 0.75,
    roles=("body",),
    strip: bool = True,
    exclude_topics=(),
    only_same: bool = False,
) -> pd.DataFrame:
    """The pairs of claim rows the matcher should find, with the rank it gives each.

    A true pair is two rows of the claims table on the same topic, in different articles, that
    both mention the topic (``relation_to_others`` is not ``not_mentioned``) and both have a span.
    Its rank is the best rank that any sentence holding one span gives any sentence holding the
    other, in either direction (see :func:`candidate_pairs`); ``inf`` if the matcher never proposes
    it (no shared term, or a span outside the sentences compared, e.g. in a standfirst).

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    boost, k1, b, roles, strip
        As in :func:`candidate_pairs`.
    exclude_topics : list of str
        Topics to leave out (e.g. the word-choice topics ``name_kyiv``, ``name_zelensky``, ``name_war``).
    only_same : bool
        Keep only pairs whose two rows are both coded ``same`` (the closest versions of a claim).
    Returns
    -------
    pandas.DataFrame
        One row per true pair, in claims-table order. Columns ``topic``, ``claim_a``, ``claim_b``,
        ``span_a``, ``span_b``, ``relation_a``, ``relation_b`` (each row's ``relation_to_others``),
        ``reachable`` (both spans lie in compared sentences), ``rank``
        (float; ``inf`` if never proposed).

    Examples
    --------
    >>> tp = true_pairs()
    >>> int(tp.query("topic == 'duration'").shape[0])
    1
    >>> tp.query("topic == 'duration'")["rank"].item() <= 3
    True
    """
    t = claims(corpus)
    t = t[(t.relation_to_others != "not_mentioned") & (t.span != "") & ~t.topic.isin(list(exclude_topics))]
    sents = _matcher_sentences(corpus, roles)
    scores, *_ = _score_matrix(sents, k1=k1, b=b, boost=boost, strip=strip)
    ranks = _ranks(scores)
    where = {}
    for r in t.itertuples():
        hit = sents.index[(sents.article_id == r.article_id) & (sents.end > r.start) & (sents.start < r.end)]
        where[r.claim_id] = list(hit)
    rows = []
    for topic, grp in t.groupby("topic", sort=False):
        recs = list(grp.itertuples())
        for i in range(len(recs)):
            for j in range(i + 1, len(recs)):
                a, c = recs[i], recs[j]
                sa, sc = where[a.claim_id], where[c.claim_id]
                rk = min([min(ranks[x, y], ranks[y, x]) for x in sa for y in sc], default=np.inf)
                if only_same and not (a.relation_to_others == c.relation_to_others == "same"):
                    continue
                rows.append(
                    (
                        topic,
                        a.claim_id,
                        c.claim_id,
                        a.span,
                        c.span,
                        a.relation_to_others,
                        c.relation_to_others,
                        bool(sa and sc),
                        float(rk),
                    )
                )
    return pd.DataFrame(
        rows,
        columns=["topic", "claim_a", "claim_b", "span_a", "span_b", "relation_a", "relation_b", "reachable", "rank"],
    )


def evaluate_matching(
    corpus=None,
    *,
    k=(1, 3, 5, 10),
    boost: float = 2.0,
    k1: float = 1.2,
    b: float = 0.75,
    roles=("body",),
    strip: bool = True,
    exclude_topics=(),
    only_same: bool = False,
) -> pd.DataFrame:
    """Recall@k of :func:`candidate_pairs` against the hand-made claims table.

    A true pair (see :func:`true_pairs`) is recovered at k if the sentences holding its two spans
    appear among the top-k candidates of either sentence.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    k : int or list of int
        The cut-offs.
    boost, k1, b, roles, strip, exclude_topics, only_same
        As in :func:`true_pairs`.

    Returns
    -------
    pandas.DataFrame
        One row per k. Columns ``k``, ``true_pairs``, ``recovered``, ``recall`` (recovered /
        true pairs, rounded to 3 places), ``unreachable`` (true pairs with a span outside the
        compared sentences, counted as missed) and ``candidates`` (how many pairs
        :func:`candidate_pairs` proposes at that k: the reading load).

    Examples
    --------
    >>> ev = evaluate_matching(k=[1, 10])
    >>> ev.recall.is_monotonic_increasing and ev.candidates.is_monotonic_increasing
    True
    """
    ks = [k] if isinstance(k, int) else list(k)
    tp = true_pairs(
        corpus, boost=boost, k1=k1, b=b, roles=roles, strip=strip, exclude_topics=exclude_topics, only_same=only_same
    )
    sents = _matcher_sentences(corpus, roles)
    scores, *_ = _score_matrix(sents, k1=k1, b=b, boost=boost, strip=strip)
    ranks = _ranks(scores)
    rows = []
    for kk in ks:
        found = int((tp["rank"] <= kk).sum())
        sym = np.minimum(ranks, ranks.T)
        n_cand = int(np.triu(sym <= kk, k=1).sum())
        rows.append(
            (
                kk,
                len(tp),
                found,
                round(found / len(tp), 3) if len(tp) else float("nan"),
                int((~tp.reachable).sum()),
                n_cand,
            )
        )
    return pd.DataFrame(rows, columns=["k", "true_pairs", "recovered", "recall", "unreachable", "candidates"])
