"""Claims across sources and against the record: what each outlet said happened, and what was knowable when.

Two hand-made files feed this layer:

* ``record.csv`` (at the corpus root): the record, one dated fact per row, each with the report it
  rests on (outlet, date, address);
* ``annotations/claims.csv``: the same claim topic lined up across every article (one row per
  topic and article), with what the article says, the verbatim evidence, how it compares with the
  other articles and with the record, and what kind of difference it is.

On top of them: the grid of claims side by side, the list of differences from the record, a
timeline of publication moments against the events, and a small lexical matcher (BM25) that
*proposes* pairs of sentences from different articles that may make the same claim. The matcher
is a candidate generator; a reader decides.

On a corpus of your own (``KIT_DATA_DIR``) the two hand-made files exist only once you have written
them. Until then :func:`claims` and :func:`record` raise :class:`kit.core.NotCodedError` (shown as
the "not yet coded" notice by ``helpers.when_coded``), but the rule-based parts still work on your
text: :func:`candidate_pairs` proposes pairs of sentences from your articles, and
:func:`plot_claims_timeline` draws when your articles appeared (the record's facts too, once
``record.csv`` exists). The kit's own story (the planned and actual day of the talks, the chart's
date range) is drawn only on the kit's own corpus.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
import unicodedata

import numpy as np
import pandas as pd

from kit import core
from kit.byo import Notice, is_kit_corpus
from kit.core import KitDataError, NotCodedError, Problem

__all__ = [
    "RELATIONS_TO_OTHERS",
    "RELATIONS_TO_RECORD",
    "DIFFERENCE_KINDS",
    "KNOWN_DIFFERENCES",
    "TIMELINE_FACTS",
    "record",
    "claims",
    "claims_overview",
    "claims_grid",
    "show_claims_grid",
    "differences",
    "show_differences",
    "known_differences",
    "show_known_differences",
    "plot_claims_timeline",
    "strip_titles",
    "matching_tokens",
    "bm25_scores",
    "candidate_pairs",
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

#: The eight differences listed in the kit's provenance notes ("Where the articles differ from each other or
#: from the record"), each with the claim rows (``claim_id``) that hold its evidence. For the kit's own corpus.
KNOWN_DIFFERENCES = [
    (1, "Date of the talks: 15 May expected (CGTN 14 May, Global Times, Athens Times), 16 May reported "
     "(CGTN 17 May, Atalayar)",
     ["talks_day.athenstimes-2025-05-15", "talks_day.cgtn-2025-05-14", "talks_day.globaltimes-2025-05-14",
      "talks_day.cgtn-2025-05-17", "talks_day.atalayar-2025-05-19"]),
    (2, "Duration: 'two-hour talks' (CGTN 17 May, the wire's rounding) vs 'less than two hours' (Atalayar)",
     ["duration.cgtn-2025-05-17", "duration.atalayar-2025-05-19"]),
    (3, "Trump called 'former U.S. President' (Athens Times)",
     ["trump_status.athenstimes-2025-05-15"]),
    (4, "Lavrov's recognition remark dated to March 2025 (Athens Times); the March remark was Putin's",
     ["lavrov_recognition_date.athenstimes-2025-05-15", "transitional_government.athenstimes-2025-05-15"]),
    (5, "Rubio's and Vance's remarks placed after the talks (Atalayar)",
     ["rubio_remark_timing.atalayar-2025-05-19", "us_role.atalayar-2025-05-19"]),
    (6, "Zelenskyy's call to Trump placed 'as soon as the talks began' (Atalayar)",
     ["zelensky_call_timing.atalayar-2025-05-19"]),
    (7, "Rubio 'will attend the talks' (Global Times): a forecast that did not happen",
     ["us_role.globaltimes-2025-05-14"]),
    (8, "Naming: 'Zelenskyy' / 'Zelensky', 'Kyiv' / 'Kiev', and the name of the war",
     [f"{topic}.{aid}" for topic in ("name_zelensky", "name_kyiv", "name_war")
      for aid in ("cgtn-2025-05-14", "globaltimes-2025-05-14", "athenstimes-2025-05-15", "cgtn-2025-05-17",
                  "atalayar-2025-05-19")]),
]

#: The record's facts drawn by default on the timeline, with a short label each.
TIMELINE_FACTS = {
    "lavrov_recognition": "Lavrov interview published: recognition 'imperative'",
    "vance_remark": "Vance: Russia is 'asking for too much'",
    "european_ceasefire_demand": "Kyiv: European leaders demand a 30-day ceasefire or new sanctions",
    "putin_proposal": "Putin proposes direct talks in Istanbul (Moscow time)",
    "zelenskyy_reply": "Zelenskyy: will wait for Putin in Türkiye 'personally'",
    "us_envoys_announced": "Trump: Rubio and envoys will go to the talks",
    "russian_delegation_named": "Kremlin names Medinsky-led delegation (late evening)",
    "talks_postponed": "Planned day of the talks: put off to the next day",
    "rubio_antalya": "Rubio in Antalya: 'we came because we were told…'",
    "us_turkey_ukraine_meeting": "Morning: separate US–Türkiye–Ukraine meeting (Rubio)",
    "start_time": "Talks at Dolmabahçe begin (local time); under two hours",
    "outcome_prisoner_exchange": "Outcome: 1,000-for-1,000 prisoner exchange agreed",
    "zelenskyy_call_after_talks": "After the talks: Zelenskyy and European leaders call Trump",
    "exchange_carried_out": "Exchange carried out in three stages (390 + 307 + 303)",
    "trump_sitting_president": "Trump sworn in as US president",
    "putin_transitional_government": "Putin: a 'transitional' administration under UN auspices",
    "last_direct_talks_2022": "Last direct Russia–Ukraine talks, Istanbul",
}

_RECORD_FILE = "record.csv"
_CLAIMS_FILE = "annotations/claims.csv"
_RECORD_COLUMNS = ["fact_id", "topic", "fact", "value", "when", "source_outlet", "source_date", "source_url", "note"]
_CLAIM_COLUMNS = ["claim_id", "topic", "article_id", "says", "span", "relation_to_others", "relation_to_record",
                  "difference_kind", "record_fact_id", "explanation"]
_SEP = " | "


# --------------------------------------------------------------------------------------------
# Loading and checking
# --------------------------------------------------------------------------------------------

_WHEN_RE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})(?:T(?P<time>\d{2}:\d{2})(?::\d{2})?(?P<tz>Z|[+-]\d{2}:\d{2})?)?$")
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


def record(path=None) -> pd.DataFrame:
    """Load and check the record: the dated facts that claims are checked against.

    The file is ``record.csv`` at the root of the corpus folder (next to ``articles.csv``).
    Every fact needs a unique ``fact_id``, a ``fact``, a ``when`` in ISO form (or empty), a
    source date ``YYYY-MM-DD`` and a source address.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).

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
    base = core.data_dir(path)
    file = base / _RECORD_FILE
    if not file.exists():
        raise NotCodedError(Problem(_RECORD_FILE, "", "this corpus has no record of facts to check claims against",
                                    "write record.csv next to articles.csv (see data/README.md for its columns)"))
    df = core.read_csv_checked(file, required=_RECORD_COLUMNS, base=base)
    problems, seen = [], {}
    starts, ends, precs = [], [], []
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        fid = r["fact_id"].strip()
        if not re.fullmatch(r"[a-z0-9_]+", fid):
            problems.append(Problem(_RECORD_FILE, row, f"the fact_id {fid!r} is empty or not snake_case",
                                    "use lower-case letters, digits and '_' only, e.g. 'talks_date'"))
        elif fid in seen:
            problems.append(Problem(_RECORD_FILE, row, f"duplicate fact_id {fid!r} (also on line {seen[fid]})",
                                    "give each fact its own id"))
        seen.setdefault(fid, r["csv_line"])
        if not r["fact"].strip():
            problems.append(Problem(_RECORD_FILE, row, "the fact is empty", "state the fact in a sentence"))
        try:
            s, e, p = _parse_when(r["when"])
        except ValueError:
            problems.append(Problem(_RECORD_FILE, row, f"the when value {r['when']!r} cannot be read",
                                    "write e.g. 2025-05-16, 2025-05-11T01:30+03:00, 2025-03 or 2025-05-23/2025-05-25"))
            s, e, p = pd.NaT, pd.NaT, ""
        starts.append(s)
        ends.append(e)
        precs.append(p)
        if not _is_date(r["source_date"]):
            problems.append(Problem(_RECORD_FILE, row, f"the source_date {r['source_date']!r} is not a date YYYY-MM-DD",
                                    "write the date of the report cited, e.g. 2025-05-16"))
        if not r["source_outlet"].strip() or not r["source_url"].strip().startswith("http"):
            problems.append(Problem(_RECORD_FILE, row, "the source outlet or address is missing",
                                    "cite the report the fact rests on: its outlet and its full address (http...)"))
    if problems:
        raise KitDataError(problems)
    df["when_start"] = pd.to_datetime(pd.Series(starts, index=df.index, dtype=object))
    df["when_end"] = pd.to_datetime(pd.Series(ends, index=df.index, dtype=object))
    df["when_precision"] = precs
    df["citation"] = df["source_outlet"] + ", " + df["source_date"] + ": " + df["source_url"]
    cols = ["fact_id", "topic", "fact", "value", "when", "when_start", "when_end", "when_precision",
            "source_outlet", "source_date", "source_url", "note", "citation"]
    return df[cols].reset_index(drop=True)


def claims(path=None) -> pd.DataFrame:
    """Load and check the claims table: each claim topic lined up across every article.

    Checks the codes, the evidence spans (a row that mentions the topic must have one), the
    ``claim_id`` form ``<topic>.<article_id>``, that every topic has exactly one row per article of
    the corpus, and, if the corpus has a record, that every ``record_fact_id`` exists in it.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per (topic, article), topics in file order, articles by publication date. Columns:

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
    base = core.data_dir(path)
    table = core.read_annotation(
        "claims.csv", required=_CLAIM_COLUMNS, path=base, allow_empty_span=True,
        codes={"relation_to_others": RELATIONS_TO_OTHERS, "relation_to_record": RELATIONS_TO_RECORD,
               "difference_kind": DIFFERENCE_KINDS},
    )
    arts = core.load_articles(base)
    problems = _check_claim_rows(table, list(arts["article_id"]))
    try:
        fact_ids = set(record(base)["fact_id"])
    except NotCodedError:
        fact_ids = None
    if fact_ids is not None:
        for r in table.to_dict("records"):
            for fid in _split(r["record_fact_id"]):
                if fid not in fact_ids:
                    problems.append(Problem(_CLAIMS_FILE, f"line {r['csv_line']}",
                                            f"record_fact_id {fid!r} is not in record.csv",
                                            "use a fact_id from record.csv (or add the fact there first)"))
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
    cols = ["claim_id", "topic", "article_id", "outlet", "published", "says", "span", "start", "end", "sentence",
            "relation_to_others", "relation_to_record", "difference_kind", "record_fact_id", "explanation"]
    return table[cols]


def claims_overview(path=None, *, table=None, facts=None):
    """Say in one line how big the claims table and the record are, or show why they are missing.

    For a notebook's Setup cell: on a coded corpus it prints ``T claim topics x A articles = N
    rows; F facts in the record``. If either argument is the "not yet coded" notice of
    ``helpers.when_coded``, it returns the notice(s) instead (with the line for the part that
    is coded), so that they are shown once, in full, near the top of the notebook.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    table : DataFrame or Notice, optional
        The result of :func:`claims` or of ``helpers.when_coded(helpers.claims)``.
    facts : DataFrame or Notice, optional
        The result of :func:`record` or of ``helpers.when_coded(helpers.record)``.

    Returns
    -------
    None or kit.core.HTML
        ``None`` after printing the line; HTML holding the notice(s) otherwise.

    Examples
    --------
    >>> claims_overview()
    23 claim topics x 5 articles = 115 rows; 39 facts in the record
    >>> note = Notice("<b>not coded</b>", "record.csv")
    >>> claims_overview(facts=note).data
    '<p>23 claim topics x 5 articles = 115 rows</p><b>not coded</b>'
    """
    table = claims(path) if table is None else table
    facts = record(path) if facts is None else facts
    parts = []
    if not isinstance(table, Notice):
        parts.append(f"{table.topic.nunique()} claim topics x {table.article_id.nunique()} articles = "
                     f"{len(table)} rows")
    if not isinstance(facts, Notice):
        parts.append(f"{len(facts)} facts in the record")
    notices = [x for x in (table, facts) if isinstance(x, Notice)]
    if not notices:
        print("; ".join(parts))
        return None
    line = f"<p>{html.escape('; '.join(parts))}</p>" if parts else ""
    return core.HTML(line + "".join(n.data for n in notices))


def _split(cell: str) -> list[str]:
    return [v.strip() for v in str(cell).split("|") if v.strip()]


def _check_claim_rows(table: pd.DataFrame, article_ids: list[str]) -> list[Problem]:
    """Ids, spans and the one-row-per-article rule."""
    problems, seen = [], {}
    for r in table.to_dict("records"):
        row = f"line {r['csv_line']}"
        if not r["topic"].strip():
            problems.append(Problem(_CLAIMS_FILE, row, "the topic is empty", "give the row its claim topic"))
        expected = f"{r['topic']}.{r['article_id']}"
        if r["claim_id"] != expected:
            problems.append(Problem(_CLAIMS_FILE, row, f"the claim_id {r['claim_id']!r} is not <topic>.<article_id>",
                                    f"write {expected!r}"))
        if r["claim_id"] in seen:
            problems.append(Problem(_CLAIMS_FILE, row, f"duplicate row for topic {r['topic']!r} and article "
                                    f"{r['article_id']!r} (also on line {seen[r['claim_id']]})",
                                    "keep one row per topic and article"))
        seen.setdefault(r["claim_id"], r["csv_line"])
        silent_others = r["relation_to_others"] == "not_mentioned"
        silent_record = r["relation_to_record"] == "not_mentioned"
        if silent_others != silent_record:
            problems.append(Problem(_CLAIMS_FILE, row, "relation_to_others and relation_to_record disagree on "
                                    "whether the article mentions the topic",
                                    "use not_mentioned in both columns, or in neither"))
        if not silent_others and not r["span"].strip():
            problems.append(Problem(_CLAIMS_FILE, row, "the row says the article mentions the topic but has no span",
                                    "copy the words the claim rests on into span, or code it not_mentioned"))
    rows_by_topic: dict[str, set] = {}
    first_line: dict[str, int] = {}
    for r in table.to_dict("records"):
        rows_by_topic.setdefault(r["topic"], set()).add(r["article_id"])
        first_line.setdefault(r["topic"], r["csv_line"])
    for topic, have in rows_by_topic.items():
        missing = [a for a in article_ids if a not in have]
        if missing:
            problems.append(Problem(_CLAIMS_FILE, f"topic {topic!r} (first on line {first_line[topic]})",
                                    f"no row for article(s) {', '.join(missing)}",
                                    "add one row per article for every topic; write 'not mentioned' in says and "
                                    "not_mentioned in both relation columns if the article is silent"))
    return problems




# --------------------------------------------------------------------------------------------
# The grid and the differences
# --------------------------------------------------------------------------------------------


def claims_grid(path=None, *, values: str = "relation_to_record", table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claims side by side: one row per topic, one column per article.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    values : str
        Which column fills the cells: ``relation_to_record`` (default), ``relation_to_others``,
        ``says``, ``span`` or ``difference_kind``.
    table : DataFrame, optional
        The result of :func:`claims` (to avoid loading it again).

    Returns
    -------
    pandas.DataFrame
        Index ``topic`` (file order), columns the article ids by publication date.

    Examples
    --------
    >>> g = claims_grid()
    >>> g.loc["duration"].tolist()
    ['not_mentioned', 'not_mentioned', 'not_mentioned', 'compatible_different_detail', 'matches']
    >>> claims_grid(values="says").loc["duration", "atalayar-2025-05-19"]
    'Says the meeting lasted less than two hours.'
    """
    t = claims(path) if table is None else table
    allowed = ("relation_to_record", "relation_to_others", "says", "span", "difference_kind")
    if values not in allowed:
        raise ValueError(f"values must be one of {', '.join(allowed)}, not {values!r}")
    topics = list(dict.fromkeys(t["topic"]))
    arts = list(dict.fromkeys(t.sort_values(["published", "article_id"], kind="stable")["article_id"]))
    grid = t.pivot(index="topic", columns="article_id", values=values)
    return grid.reindex(index=topics, columns=arts).rename_axis(index="topic", columns="article_id")


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


def show_claims_grid(path=None, *, values: str = "relation_to_record", topics=None,
                     table: pd.DataFrame | None = None) -> core.HTML:
    """The claims grid as a colour-coded table: each cell tinted by how it compares with the record.

    Every cell also carries a text mark (✓ matches, ≈ compatible, ✗ contradicts, F✗ a forecast
    that did not happen, F✓ one that came true, ? not checkable, – not mentioned) and, if the
    row has one, its difference kind in brackets. All text is HTML-escaped.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    values : str
        ``relation_to_record`` (short codes) or ``says`` (the one-line summaries); see :func:`claims_grid`.
    topics : list of str, optional
        Show only these topics, in this order.
    table : DataFrame, optional
        The result of :func:`claims`.

    Returns
    -------
    kit.core.HTML

    Examples
    --------
    >>> view = show_claims_grid(topics=["duration"])
    >>> "F✗" in view.data, "[rounding]" in view.data
    (True, True)
    """
    t = claims(path) if table is None else table
    rel = claims_grid(values="relation_to_record", table=t)
    kind = claims_grid(values="difference_kind", table=t)
    shown = claims_grid(values=values, table=t)
    if topics is not None:
        rel, kind, shown = rel.loc[list(topics)], kind.loc[list(topics)], shown.loc[list(topics)]
    outlets = dict(zip(t["article_id"], t["outlet"] + ", " + t["published"]))
    head = "<th style='text-align:left'>topic</th>" + "".join(
        f"<th style='text-align:left'>{html.escape(a)}<br><span style='font-weight:normal;font-size:0.85em'>"
        f"{html.escape(outlets[a])}</span></th>" for a in shown.columns)
    rows = []
    for topic in shown.index:
        cells = [f"<td style='text-align:left;vertical-align:top'><b>{html.escape(topic)}</b></td>"]
        for a in shown.columns:
            code = rel.loc[topic, a]
            colour, mark = _RECORD_STYLE.get(code, ("#ffffff", ""))
            text = shown.loc[topic, a]
            if values == "relation_to_record":
                text = text.replace("_", " ")
            k = kind.loc[topic, a]
            extra = f" <i>[{html.escape(k.replace('_', ' '))}]</i>" if k else ""
            cells.append(f"<td style='text-align:left;vertical-align:top;background:{colour}'>"
                         f"<b>{html.escape(mark)}</b> {html.escape(text)}{extra}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    legend = " &nbsp; ".join(
        f"<span style='background:{c};padding:0 0.3em;border:1px solid #ccc'><b>{html.escape(m)}</b></span> "
        f"{html.escape(code.replace('_', ' '))}" for code, (c, m) in _RECORD_STYLE.items())
    return core.HTML(f"<p style='font-family:sans-serif;font-size:0.85em'>Compared with the record: {legend}; "
                     f"<i>[kind of difference]</i></p><table class='kit-table'><thead><tr>{head}</tr></thead>"
                     f"<tbody>{''.join(rows)}</tbody></table>")


_DIFFERS = {"contradicts", "compatible_different_detail", "forecast_did_not_happen"}


def differences(path=None, *, kinds=None, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows that differ from the record, each with its kind, evidence, explanation and the record's citation.

    A row is listed if it has a ``difference_kind`` (including forecasts that came true, wire
    reuse and translation, which differ in form rather than substance) or if its relation to the
    record is ``contradicts``, ``compatible_different_detail`` or ``forecast_did_not_happen``.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    kinds : str or list of str, optional
        Keep only these difference kinds (e.g. ``"forecast"``).
    table : DataFrame, optional
        The result of :func:`claims`.

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
    base = core.data_dir(path)
    rec = record(base).set_index("fact_id")
    t = claims(base) if table is None else table
    keep = (t["difference_kind"] != "") | t["relation_to_record"].isin(_DIFFERS)
    d = t[keep].copy()
    if kinds is not None:
        d = d[d["difference_kind"].isin([kinds] if isinstance(kinds, str) else list(kinds))]

    def join(ids, col):
        return _SEP.join(str(rec.loc[f, col]) for f in _split(ids))

    d["record_value"] = [join(i, "value") for i in d["record_fact_id"]]
    d["record_when"] = [join(i, "when") for i in d["record_fact_id"]]
    d["record_citation"] = [join(i, "citation") for i in d["record_fact_id"]]
    cols = ["claim_id", "topic", "article_id", "outlet", "relation_to_record", "difference_kind", "says", "span",
            "sentence", "explanation", "record_fact_id", "record_value", "record_when", "record_citation"]
    return d[cols].reset_index(drop=True)


_SEED_CODE_RE = re.compile(r"(?<![\w,.\-/])(\d{3})(?![\w\-/]|,\d)")


def _code_labels(base) -> dict:
    """Map each article's three-digit seed code ("004") to a readable label ("Athens Times (004)").

    The codes come from the articles' ``seed_file`` names (``004_....txt``). An outlet with more
    than one article gets its day of publication too ("CGTN 14 May (000)"). Articles without a
    numbered seed file are left out.
    """
    arts = core.load_articles(base)
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


def show_differences(claim_ids, path=None, *, table: pd.DataFrame | None = None) -> core.HTML:
    """A readable table of chosen claim rows: what the article says, its evidence, the record and its source.

    Parameters
    ----------
    claim_ids : str or list of str
        The ``claim_id`` values to show, in this order (any rows of the claims table, not only
        differences).
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        The result of :func:`claims`.

    Returns
    -------
    kit.core.HTML
        Columns: ``claim_id``, ``comparison`` (relation to the record and kind), ``evidence`` (the
        span), ``explanation`` (with article codes such as ``003`` written as "Atalayar (003)"),
        ``the record`` (each fact's value and date) and ``source`` (each fact's citation). Every
        cell is HTML-escaped.

    Examples
    --------
    >>> view = show_differences("duration.cgtn-2025-05-17")
    >>> "After the two-hour talks" in view.data and "Al Jazeera" in view.data
    True
    """
    base = core.data_dir(path)
    ids = [claim_ids] if isinstance(claim_ids, str) else list(claim_ids)
    t = (claims(base) if table is None else table).set_index("claim_id")
    unknown = [i for i in ids if i not in t.index]
    if unknown:
        raise KitDataError(Problem(_CLAIMS_FILE, "", f"no claim row with id {', '.join(map(repr, unknown))}",
                                   "use a claim_id of the claims table, <topic>.<article_id>"))
    rec = record(base).set_index("fact_id")
    labels = _code_labels(base)
    rows = []
    for cid in ids:
        r = t.loc[cid]
        facts = _split(r["record_fact_id"])
        comparison = r["relation_to_record"].replace("_", " ")
        if r["difference_kind"]:
            comparison += f" ({r['difference_kind'].replace('_', ' ')})"
        rows.append({
            "claim_id": cid,
            "comparison": comparison,
            "evidence": r["span"] or "(not mentioned)",
            "explanation": _name_codes(r["explanation"], labels),
            "the record": "\n".join(f"{rec.loc[f, 'value']} [{rec.loc[f, 'when']}]" for f in facts),
            "source": "\n".join(rec.loc[f, "citation"] for f in facts),
        })
    out = core.html_table(pd.DataFrame(rows))
    return core.HTML(out.data.replace("\n", "<br>"))


def known_differences(path=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The eight differences listed in the kit's provenance notes, each with its claim rows.

    For the kit's own five articles (``KNOWN_DIFFERENCES``).

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        The result of :func:`claims`.

    Returns
    -------
    pandas.DataFrame
        One row per (difference, claim row), numbered 1–8 as in the notes. Columns ``no``,
        ``difference``, ``claim_id``, ``article_id``, ``relation_to_record``, ``difference_kind``,
        ``span``.

    Raises
    ------
    KitDataError
        If a listed claim row is missing from the claims table (e.g. in another corpus).

    Examples
    --------
    >>> k = known_differences()
    >>> sorted(k.no.unique().tolist()) == list(range(1, 9))
    True
    >>> k[k.no == 3].span.item()
    'former U.S. President Donald Trump'
    """
    t = (claims(path) if table is None else table).set_index("claim_id")
    rows, missing = [], []
    for no, title, ids in KNOWN_DIFFERENCES:
        for cid in ids:
            if cid not in t.index:
                missing.append(cid)
                continue
            r = t.loc[cid]
            rows.append((no, title, cid, r["article_id"], r["relation_to_record"], r["difference_kind"], r["span"]))
    if missing:
        raise KitDataError(Problem(_CLAIMS_FILE, "", f"claim row(s) {', '.join(missing)} not found",
                                   "this list belongs to the kit's own corpus; restore those rows"))
    return pd.DataFrame(rows, columns=["no", "difference", "claim_id", "article_id", "relation_to_record",
                                       "difference_kind", "span"])


def show_known_differences(path=None, *, known: pd.DataFrame | None = None,
                           table: pd.DataFrame | None = None) -> core.HTML:
    """The eight differences of the kit's provenance notes as a table: one row each, with its claim rows.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    known : DataFrame, optional
        The result of :func:`known_differences` (to avoid building it again).
    table : DataFrame, optional
        The result of :func:`claims`.

    Returns
    -------
    kit.core.HTML
        Columns ``no``, ``difference``, ``claim_ids`` (the claim rows that hold its evidence,
        comma-separated) and ``kinds`` (their difference kinds, sorted, comma-separated).

    Examples
    --------
    >>> view = show_known_differences()
    >>> "trump_status.athenstimes-2025-05-15" in view.data and "title_error" in view.data
    True
    """
    known = known_differences(path, table=table) if known is None else known
    summary = known.groupby(["no", "difference"], as_index=False).agg(
        claim_ids=("claim_id", ", ".join), kinds=("difference_kind", lambda k: ", ".join(sorted(set(k) - {""}))))
    return core.html_table(summary)


# --------------------------------------------------------------------------------------------
# The timeline: what each writer could know
# --------------------------------------------------------------------------------------------

_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})")


def _publication_moments(base) -> pd.DataFrame:
    """Per article: start and end of its known publication moment, and how sure its date is.

    ``status`` is ``verified`` or ``inferred`` (from ``article_provenance.csv``), or ``as given``
    when the corpus does not say (a corpus of your own without a provenance file); ``verified``
    is True only for a verified date.
    """
    arts = core.load_articles(base)
    prov = core.provenance(base)
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


#: The kit's own story, drawn only on the kit's corpus: the chart's dates, and the planned and actual day of the talks.
_KIT_RANGE = ("2025-04-26", "2025-05-27")
_NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def _timeline_range(pubs: pd.DataFrame, ev: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Dates shown for a corpus other than the kit's: the articles, and the facts up to 60 days around them.

    A week before the first article leaves room for the publication labels.
    """
    first, last = pubs.start.min().normalize(), pubs.end.max()
    near = ev[(ev.when_start >= first - pd.Timedelta(days=60)) & (ev.when_start <= last + pd.Timedelta(days=60))]
    lo = min([first - pd.Timedelta(days=5), *near.when_start.dt.normalize()]) - pd.Timedelta(days=2)
    hi = max([last, *near.when_end.fillna(near.when_start)]).ceil("D") + pd.Timedelta(days=2)
    return lo, hi


def plot_claims_timeline(path=None, *, facts=None, start=None, end=None):
    """Plot when each article was published against the dated facts of the record: what each writer could know.

    The top panel has one row per fact of the record (a diamond for a moment known to the
    minute, a bar for a day, month or interval); the bottom panel one row per article, with a
    blue band from the left edge to its publication moment (what had happened by then) and a
    marker at that moment (filled: date verified; hollow: inferred, or as given in
    ``articles.csv`` when the corpus has no provenance for it; a bar over the whole day when the
    time of day is unknown). Facts dated before ``start`` (or after ``end``) are listed under the
    chart. On the kit's own corpus, orange lines mark the planned (dashed) and actual day of the
    talks.

    A corpus without ``record.csv`` (a corpus of your own, not yet coded) gets the articles
    panel only, with a note saying how to add the record.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    facts : dict or list, optional
        ``{fact_id: label}`` or a list of fact ids (labelled with their ``value``). Default:
        ``TIMELINE_FACTS`` present in the record on the kit's corpus; every dated fact of the
        record on another corpus (labelled with its ``value``).
    start, end : str, optional
        The dates shown (``YYYY-MM-DD``). Default: 26 April to 27 May 2025 on the kit's corpus;
        otherwise from a week before the first article (or the earliest fact up to 60 days before
        it) to two days after the last article or fact (up to 60 days after).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    NotCodedError
        If ``facts`` are asked for and the corpus has no record.

    Examples
    --------
    >>> fig = plot_claims_timeline()
    >>> [ax.get_title(loc="left")[:26] for ax in fig.axes]
    ['What had happened (the rec', 'When each article appeared']
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    base = core.data_dir(path)
    kit = is_kit_corpus(base)
    try:
        rec = record(base).set_index("fact_id")
    except NotCodedError:
        if facts is not None:
            raise
        rec = None
    pubs = _publication_moments(base)
    if rec is None:
        facts = {}
    elif facts is None:
        facts = ({f: lab for f, lab in TIMELINE_FACTS.items() if f in rec.index} if kit
                 else {f: str(v) for f, v in rec["value"].items()})
    elif not isinstance(facts, dict):
        facts = {f: str(rec.loc[f, "value"]) if f in rec.index else f for f in facts}
    unknown = [f for f in facts if rec is None or f not in rec.index]
    if unknown:
        raise KitDataError(Problem(_RECORD_FILE, "", f"no fact with id {', '.join(unknown)}",
                                   "use fact_id values from record.csv"))
    if rec is None:
        ev = pd.DataFrame({"when_start": pd.Series(dtype="datetime64[ns]"),
                           "when_end": pd.Series(dtype="datetime64[ns]"), "label": pd.Series(dtype=object)})
    else:
        ev = rec.loc[list(facts)].assign(label=list(facts.values())).dropna(subset=["when_start"])
    # by day, then in the order the facts were given (within a day most times are not known)
    ev = ev.assign(_day=ev.when_start.dt.normalize(), _order=range(len(ev)))
    ev = ev.sort_values(["_day", "_order"], kind="stable")
    if kit:
        lo, hi = (pd.Timestamp(d) for d in _KIT_RANGE)
    else:
        lo, hi = _timeline_range(pubs, ev)
    lo, hi = pd.Timestamp(start) if start else lo, pd.Timestamp(end) if end else hi
    ref_year = 2025 if kit else int(pubs.start.min().year)
    inside = ev[(ev.when_start >= lo) & (ev.when_start < hi)]
    before = ev[ev.when_start < lo]
    after = ev[ev.when_start >= hi]

    blue, orange = "#0072B2", "#D55E00"
    n_ev, n_art = len(inside), len(pubs)
    if rec is not None:
        fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(12, 0.32 * (n_ev + n_art) + 2.6), sharex=True,
                                       gridspec_kw={"height_ratios": [max(n_ev, 1), n_art + 0.6],
                                                    "hspace": 0.08 if kit else 0.3})
        axes = (ax1, ax2)
        # the record
        for y, (fid, e) in enumerate(inside.iterrows()):
            planned = kit and fid == "talks_postponed"
            if e.when_precision == "time":
                ax1.plot([e.when_start], [y], marker="D", markersize=7, color=orange, zorder=3)
            else:
                ax1.barh(y, e.when_end - e.when_start, left=e.when_start, height=0.5,
                         color="white" if planned else orange, edgecolor=orange, hatch="///" if planned else None,
                         linewidth=1.2, zorder=3)
        labels = [f"{_day_label(e, ref_year=ref_year)}  {textwrap.shorten(e.label, 70, placeholder='…')}"
                  for _, e in inside.iterrows()]
        ax1.set_yticks(range(n_ev), labels, fontsize=8)
        ax1.set_ylim(n_ev - 0.4, -0.6)
        ax1.set_title(f"What had happened (the record, {'data/' if kit else ''}record.csv)", loc="left",
                      fontsize=9.5, fontweight="bold")
    else:
        fig, ax2 = plt.subplots(figsize=(12, 0.32 * n_art + 2.4))
        axes = (ax2,)
    # the articles
    for y, p in enumerate(pubs.itertuples()):
        ax2.barh(y, p.start - lo, left=lo, height=0.5, color=blue, alpha=0.18, zorder=1)
        face = blue if p.verified else "white"
        if p.end > p.start:
            ax2.barh(y, p.end - p.start, left=p.start, height=0.5, color=face, edgecolor=blue, linewidth=1.5, zorder=3)
        else:
            ax2.plot([p.start], [y], marker="o", markersize=8, color=blue, markerfacecolor=face,
                     markeredgewidth=1.5, zorder=3)
        ax2.annotate(f"{p.when}; date {p.status}", (p.start, y), xytext=(-7, 0), textcoords="offset points",
                     ha="right", va="center", fontsize=8, color="#222222")
    ax2.set_yticks(range(n_art), [f"{p.outlet}  ({p.article_id})" for p in pubs.itertuples()], fontsize=8.5)
    ax2.set_ylim(n_art + 0.3, -0.7)
    ax2.set_title("When each article appeared (band: what had happened by then)", loc="left", fontsize=9.5,
                  fontweight="bold")
    for ax in axes:
        if kit:  # the talks: planned and held
            ax.axvspan(pd.Timestamp("2025-05-15"), pd.Timestamp("2025-05-16"), color=orange, alpha=0.06, zorder=0)
            ax.axvline(pd.Timestamp("2025-05-15"), color=orange, linestyle="--", linewidth=1, zorder=0)
            ax.axvspan(pd.Timestamp("2025-05-16"), pd.Timestamp("2025-05-17"), color=orange, alpha=0.15, zorder=0)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
        for side in ("right", "top"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0)
    if kit:
        ax2.text(pd.Timestamp("2025-05-17"), n_art - 0.25, " talks held 16 May", ha="left", va="center", fontsize=8,
                 color=orange, fontweight="bold")
        ax2.text(pd.Timestamp("2025-05-15"), n_art - 0.25, "planned 15 May ", ha="right", va="center", fontsize=8,
                 color=orange)
    ax2.set_xlim(lo, hi)
    if hi - lo <= pd.Timedelta(days=62):
        ax2.xaxis.set_major_locator(mdates.DayLocator(bymonthday=[1, 5, 10, 15, 20, 25]))
        ax2.xaxis.set_minor_locator(mdates.DayLocator())
        ax2.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    else:
        locator = mdates.AutoDateLocator()
        ax2.xaxis.set_major_locator(locator)
        ax2.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if kit:
        ax2.set_xlabel("2025, local times as given (the two publication times have no stated time zone).\n"
                       "Article marker filled: publication date verified; hollow: inferred; a box: time of day "
                       "unknown.", fontsize=8.5)
    else:
        ax2.set_xlabel(f"{ref_year}, local times as given in articles.csv.\nArticle marker filled: publication date "
                       "verified; hollow: inferred, or as given (no article_provenance.csv entry); a box: time of "
                       "day unknown.", fontsize=8.5)
    if rec is not None:
        ax1.grid(axis="x", which="minor", color="#f0f0f0", linewidth=0.5)
    notes = []
    if len(before):
        notes.append("Earlier, off the chart: " + "; ".join(f"{_day_label(e, year=True, ref_year=ref_year)} {e.label}"
                                                             for _, e in before.iterrows()))
    if len(after):
        notes.append("Later, off the chart: " + "; ".join(f"{_day_label(e, year=True, ref_year=ref_year)} {e.label}"
                                                           for _, e in after.iterrows()))
    if rec is None:
        notes.append("This corpus has no record.csv yet, so only the articles are drawn. To set them against dated "
                     "facts, write the record: helpers.annotation_template(\"record.csv\") (see "
                     "docs/bring-your-own-articles.md).")
    if notes:
        fig.text(0.01, 0.005, "\n".join(textwrap.fill(n, 170) for n in notes), fontsize=7.5, color="#444444",
                 va="bottom")
    n_lines = sum(len(textwrap.wrap(n, 170)) for n in notes)
    count = _NUMBERS[n_art] if n_art < len(_NUMBERS) else str(n_art)
    fig.suptitle(f"What could each writer know? Publication moments of the {count} articles against the record"
                 if rec is not None else f"What could each writer know? Publication moments of the {count} articles",
                 fontsize=11, x=0.01, ha="left")
    fig.subplots_adjust(left=0.36, right=0.985, top=1 - 0.55 / fig.get_figheight(),
                        bottom=(0.6 + 0.4 * min(n_lines, 1) + 0.13 * max(n_lines - 2, 0)) / fig.get_figheight())
    return fig


def _day_label(e, year: bool = False, ref_year: int = 2025) -> str:
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
_TITLE = r"(?:President|Minister|Secretary(?: of State)?|[Ss]pokes(?:person|man|woman)|[Aa]ide|negotiator|lawmaker|envoys?)"
#: A title before a capitalised name: "Ukrainian Defense Minister Rustem Umerov" -> "Ukrainian Rustem Umerov"
#: (the nationality stays: it says whose official speaks).
_TITLE_BEFORE_NAME = re.compile(rf"\b(?:{_RANK}\s+)*{_TITLE}\s+(?=[A-Z])")
_INSTITUTION = r"[A-Z][\w’'\-]*(?:(?:,\s+|\s+)(?:(?:of|and|the|at|for|on|in|&)\s+)*[A-Z][\w’'\-]*)*"
#: An appositive after a name: ", director of the Institute of ... at the Chinese Academy of Social Sciences,".
_APPOSITIVE = re.compile(
    r",\s+(?:an?\s+|the\s+)?(?:associate\s+|assistant\s+|senior\s+)?"
    r"(?:director|professor|scholar|researcher|research\s+fellow|fellow|dean|head|chief|spokes(?:person|man|woman))"
    rf"\s+(?:of|at|from|for)\s+(?:the\s+)?{_INSTITUTION}")

_STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being between both but by can
could did do does doing down during each even few for from further had has have having he her here hers him his how
i if in into is it its itself just may me might more most must my no nor not now of off on once only or other our
out over own same shall she should so some such than that the their them then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
said says say saying told tell tells added adding noted according reported stressed
""".split())


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
    """(term, capitalised-in-mid-sentence) for each term of a sentence, titles stripped unless ``strip`` is False."""
    out = []
    for i, m in enumerate(re.finditer(r"[^\W_]+(?:['\-][^\W_]+)*", _fold(strip_titles(text) if strip else text))):
        word = m.group(0)
        for part in re.split(r"-", word):
            tok = _stem(part.lower())
            if tok and tok not in _STOPWORDS and (len(tok) > 1 or tok.isdigit()):
                out.append((tok, i > 0 and part[:1].isupper()))
    return out


def matching_tokens(text: str, *, strip: bool = True) -> list[str]:
    """The terms the matcher compares: titles stripped, accents folded, stop words dropped, plurals cut.

    Numbers lose their thousands separator ("1,000" -> ``1000``) and hyphenated words are split
    ("30‑day" -> ``30``, ``day``), so the same figure matches however it is written.

    Examples
    --------
    >>> matching_tokens("Ukrainian Defense Minister Rustem Umerov said 1,000 prisoners were swapped at Dolmabahçe.")
    ['ukrainian', 'rustem', 'umerov', '1000', 'prisoner', 'swapped', 'dolmabahce']
    >>> matching_tokens("a 30‑day ceasefire")
    ['30', 'day', 'ceasefire']
    """
    return [t for t, _ in _tokens_with_case(text, strip)]


def bm25_scores(query, docs, *, k1: float = 1.2, b: float = 0.75, weights: dict | None = None) -> np.ndarray:
    """Okapi BM25 score of each document for one query (lists of terms), with optional term weights.

    score(q, d) = Σ_{t ∈ set(q)} w_t · idf(t) · f(t,d)·(k1+1) / (f(t,d) + k1·(1 − b + b·|d|/avgdl)),
    idf(t) = ln(1 + (N − n_t + 0.5)/(n_t + 0.5)), where f(t,d) is the count of t in d, |d| the
    length of d, avgdl the mean length, N the number of documents, n_t how many contain t, and w_t
    the weight of t (1 unless given). Each distinct query term counts once.

    Parameters
    ----------
    query : list of str
        The query's terms.
    docs : list of list of str
        The documents' terms (also the collection the idf is computed on).
    k1, b : float
        BM25's term-saturation and length-normalisation parameters.
    weights : dict, optional
        ``{term: weight}``, e.g. 2.0 for shared names and numbers.

    Returns
    -------
    numpy.ndarray
        One score per document.

    Examples
    --------
    >>> docs = [["talks", "istanbul"], ["talks", "talks", "exchange"], ["ceasefire"]]
    >>> bm25_scores(["talks", "istanbul"], docs).round(4).tolist()
    [1.4508, 0.5666, 0.0]
    """
    n = len(docs)
    if n == 0:
        return np.zeros(0)
    lengths = np.array([len(d) for d in docs], dtype=float)
    avgdl = lengths.mean() if lengths.mean() > 0 else 1.0
    scores = np.zeros(n)
    for t in dict.fromkeys(query):
        tf = np.array([d.count(t) for d in docs], dtype=float)
        nt = int((tf > 0).sum())
        if nt == 0:
            continue
        idf = math.log(1 + (n - nt + 0.5) / (nt + 0.5))
        w = (weights or {}).get(t, 1.0)
        scores += w * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths / avgdl))
    return scores


def _score_matrix(sents: pd.DataFrame, *, k1: float, b: float, boost: float, strip: bool = True):
    """BM25 score of every sentence (as query) against every other (as document); -inf within an article."""
    toks = [_tokens_with_case(t, strip) for t in sents["text"]]
    docs = [[t for t, _ in ts] for ts in toks]
    names = {t for ts in toks for t, cap in ts if cap}
    vocab = sorted({t for d in docs for t in d})
    index = {t: i for i, t in enumerate(vocab)}
    n, v = len(docs), len(vocab)
    tf = np.zeros((n, v))
    for i, d in enumerate(docs):
        for t in d:
            tf[i, index[t]] += 1
    lengths = tf.sum(axis=1)
    avgdl = lengths.mean() if n and lengths.mean() > 0 else 1.0
    nt = (tf > 0).sum(axis=0)
    idf = np.log(1 + (n - nt + 0.5) / (nt + 0.5))
    w = np.array([boost if (t in names or any(c.isdigit() for c in t)) else 1.0 for t in vocab])
    sat = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[:, None] / avgdl))
    query = (tf > 0) * (w * idf)
    scores = query @ sat.T
    same = sents["article_id"].to_numpy()[:, None] == sents["article_id"].to_numpy()[None, :]
    scores[same] = -np.inf
    return scores, docs, w, index


def _ranks(scores: np.ndarray) -> np.ndarray:
    """rank[i, j]: position (1 = best) of sentence j among sentence i's candidates; inf if score <= 0."""
    n = scores.shape[0]
    ranks = np.full((n, n), np.inf)
    for i in range(n):
        order = np.argsort(-scores[i], kind="stable")
        valid = order[scores[i, order] > 0]
        ranks[i, valid] = np.arange(1, len(valid) + 1)
    return ranks


def _matcher_sentences(base, roles) -> pd.DataFrame:
    return core.sentences(base, roles=roles).reset_index(drop=True)


def candidate_pairs(path=None, *, k: int = 3, boost: float = 2.0, k1: float = 1.2, b: float = 0.75,
                    roles=("body",), strip: bool = True) -> pd.DataFrame:
    """Propose pairs of body sentences from different articles that may make the same claim.

    Each sentence is turned into terms (:func:`matching_tokens`: speakers' titles and appositives
    stripped first) and scored against every sentence of the *other* articles with BM25
    (:func:`bm25_scores`, idf over all body sentences), where a term that is a number or a name
    (capitalised inside a sentence somewhere in the corpus: Dolmabahce, March, Medinsky) has
    weight ``boost``. For each sentence its ``k`` best-scoring sentences (score > 0) are proposed;
    a pair proposed from either side appears once. These are **candidates**: a reader must decide
    whether the two sentences make the same claim, a compatible one, a contradictory one, or a
    different claim.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
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
    base = core.data_dir(path)
    sents = _matcher_sentences(base, roles)
    scores, docs, w, index = _score_matrix(sents, k1=k1, b=b, boost=boost, strip=strip)
    ranks = _ranks(scores)
    best = {}
    n = len(sents)
    for i in range(n):
        for j in np.where(ranks[i] <= k)[0]:
            a, c = (i, j) if i < j else (j, i)
            sc, rk = max(scores[a, c], scores[c, a]), min(ranks[a, c], ranks[c, a])
            best[(a, c)] = (sc, rk)
    rows = []
    for (a, c), (sc, rk) in best.items():
        shared = sorted(set(docs[a]) & set(docs[c]), key=lambda t: (-w[index[t]], t))
        rows.append((sents.article_id[a], int(sents.sent_no[a]), sents.text[a], sents.article_id[c],
                     int(sents.sent_no[c]), sents.text[c], round(float(sc), 2), int(rk),
                     ", ".join(t + ("*" if w[index[t]] > 1 else "") for t in shared)))
    out = pd.DataFrame(rows, columns=["article_a", "sent_a", "text_a", "article_b", "sent_b", "text_b", "score",
                                      "rank", "shared"])
    out = out.sort_values(["score", "article_a", "sent_a", "article_b", "sent_b"],
                          ascending=[False, True, True, True, True], kind="stable")
    return out.reset_index(drop=True)


def true_pairs(path=None, *, boost: float = 2.0, k1: float = 1.2, b: float = 0.75, roles=("body",),
               strip: bool = True, exclude_topics=(), only_same: bool = False,
               table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The pairs of claim rows the matcher should find, with the rank it gives each.

    A true pair is two rows of the claims table on the same topic, in different articles, that
    both mention the topic (``relation_to_others`` is not ``not_mentioned``) and both have a span.
    Its rank is the best rank that any sentence holding one span gives any sentence holding the
    other, in either direction (see :func:`candidate_pairs`); ``inf`` if the matcher never proposes
    it (no shared term, or a span outside the sentences compared, e.g. in a standfirst).

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    boost, k1, b, roles, strip
        As in :func:`candidate_pairs`.
    exclude_topics : list of str
        Topics to leave out (e.g. the word-choice topics ``name_kyiv``, ``name_zelensky``, ``name_war``).
    only_same : bool
        Keep only pairs whose two rows are both coded ``same`` (the closest versions of a claim).
    table : DataFrame, optional
        The result of :func:`claims` (to avoid loading it again).

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
    base = core.data_dir(path)
    t = claims(base) if table is None else table
    t = t[(t.relation_to_others != "not_mentioned") & (t.span != "") & ~t.topic.isin(list(exclude_topics))]
    sents = _matcher_sentences(base, roles)
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
                rows.append((topic, a.claim_id, c.claim_id, a.span, c.span, a.relation_to_others,
                             c.relation_to_others, bool(sa and sc), float(rk)))
    return pd.DataFrame(rows, columns=["topic", "claim_a", "claim_b", "span_a", "span_b", "relation_a", "relation_b",
                                       "reachable", "rank"])


def evaluate_matching(path=None, *, k=(1, 3, 5, 10), boost: float = 2.0, k1: float = 1.2, b: float = 0.75,
                      roles=("body",), strip: bool = True, exclude_topics=(), only_same: bool = False,
                      table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Recall@k of :func:`candidate_pairs` against the hand-made claims table.

    A true pair (see :func:`true_pairs`) is recovered at k if the sentences holding its two spans
    appear among the top-k candidates of either sentence.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    k : int or list of int
        The cut-offs.
    boost, k1, b, roles, strip, exclude_topics, only_same, table
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
    base = core.data_dir(path)
    tp = true_pairs(base, boost=boost, k1=k1, b=b, roles=roles, strip=strip, exclude_topics=exclude_topics,
                    only_same=only_same, table=table)
    sents = _matcher_sentences(base, roles)
    scores, *_ = _score_matrix(sents, k1=k1, b=b, boost=boost, strip=strip)
    ranks = _ranks(scores)
    rows = []
    for kk in ks:
        found = int((tp["rank"] <= kk).sum())
        sym = np.minimum(ranks, ranks.T)
        n_cand = int(np.triu(sym <= kk, k=1).sum())
        rows.append((kk, len(tp), found, round(found / len(tp), 3) if len(tp) else float("nan"),
                     int((~tp.reachable).sum()), n_cand))
    return pd.DataFrame(rows, columns=["k", "true_pairs", "recovered", "recall", "unreachable", "candidates"])
