"""The positions ledger: what each side states it wants, as these articles report it.

One row of ``annotations/positions.csv`` is one stated position, demand, condition, assessment or
proposal in one article: **whose** position it is (the actor), **who voices it** in the text (the
speaker), **through whom** it reaches the reader (a relay outlet), on which **issue**, with which
**stance**, and the verbatim **evidence**. Actor and speaker are kept apart: a Russian demand
described by a Chinese expert is Russia's position voiced by an analyst.

The codes live in the corpus folder, beside the ledger: the actors in
``annotations/actors_codebook.csv`` (in the order tables and charts use; the first two rows are
the main parties, which :func:`coverage` and :func:`side_by_side` start from) and the issues in
``annotations/issues_codebook.csv``. The kit's corpus and any other go through the same code::

    corpus = helpers.open_corpus()
    helpers.voice_summary(corpus)
    helpers.side_by_side(corpus, "russia", "ukraine", "territory")

A corpus without a ledger raises :class:`kit.core.NotCodedError` naming
``annotations/positions.csv`` (``helpers.*`` shows it as the "not yet coded" notice). Articles the
ledger has no row for yet are listed by :func:`positions_overview`.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from kit import core, style
from kit.core import KitDataError, NotCodedError, Problem
from kit.corpus import cached

_PICKER_LABEL = "Position picker (run the notebook to use it; the static view below the picker shows its first choice)"

__all__ = [
    "STANCES",
    "VOICES",
    "actors_codebook",
    "actor_names",
    "issues_codebook",
    "positions",
    "positions_overview",
    "position_matrix",
    "position_pairs",
    "positions_of",
    "coverage",
    "voice_summary",
    "side_by_side",
    "issue_by_outlet",
    "plot_position_matrix",
    "position_picker",
]

#: Stance codes: the same neutral verbs for every actor.
STANCES = {
    "demands": "demands",
    "proposes": "proposes",
    "supports": "supports",
    "accepts": "accepts",
    "rejects": "rejects",
    "opposes": "opposes",
    "states_intent": "states an intention",
    "assesses_positive": "assesses positively",
    "assesses_negative": "assesses negatively",
    "assesses_mixed": "gives a mixed assessment",
}

#: Who voices a position, relative to the actor whose position it is.
VOICES = {
    "official": "the actor's own official or government speaks",
    "other_party": "an official of another party describes it",
    "analyst": "an expert or observer describes it",
    "outlet": "the article's own narration states it",
}

_COLUMNS = [
    "position_id",
    "article_id",
    "actor",
    "speaker_id",
    "voice",
    "relay_id",
    "issue",
    "stance",
    "summary",
    "condition",
    "span",
    "cameo",
    "notes",
]
_FILE = "annotations/positions.csv"
_ACTORS_FILE = "annotations/actors_codebook.csv"
_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")


# --------------------------------------------------------------------------------------------
# Loading and checking
# --------------------------------------------------------------------------------------------


def _check_codebook(df: pd.DataFrame, file: str, code_col: str, required: list[str]) -> list[Problem]:
    """Codes snake_case and unique, required fields filled: every problem of a codebook."""
    problems, seen = [], {}
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        code = r[code_col]
        if not _CODE_RE.match(code):
            problems.append(
                Problem(
                    file,
                    row,
                    f"the {code_col} {code!r} is empty or not snake_case",
                    "use lower-case letters, digits and '_' only, e.g. 'united_states'",
                )
            )
        elif code in seen:
            problems.append(
                Problem(
                    file,
                    row,
                    f"duplicate {code_col} {code!r} (also on line {seen[code]})",
                    f"give each {code_col} one row",
                )
            )
        seen.setdefault(code, r["csv_line"])
        for col in required:
            if not r[col].strip():
                problems.append(Problem(file, row, f"the {col} is empty", f"fill in the {col}"))
    return problems


@cached
def actors_codebook(corpus=None) -> pd.DataFrame:
    """The actor codes of the positions ledger, in the order tables and charts use.

    Returns
    -------
    pandas.DataFrame
        One row per actor, in the codebook's order. Columns ``actor`` (code), ``label`` (for
        tables), ``short_label`` (for charts) and ``definition``.

    Raises
    ------
    NotCodedError
        If the corpus has no ``annotations/actors_codebook.csv``.
    KitDataError
        For an empty, duplicate or malformed code, or an empty label.

    Examples
    --------
    >>> codes = actors_codebook()
    >>> codes.actor.iloc[0], codes.label.iloc[0]
    ('russia', 'Russia')
    """
    cols = ["actor", "label", "short_label", "definition"]
    df = core.read_annotation("actors_codebook.csv", required=cols, path=corpus, span_col=None)
    problems = _check_codebook(df, _ACTORS_FILE, "actor", ["label", "short_label"])
    if problems:
        raise KitDataError(problems)
    return df[cols].reset_index(drop=True)


@cached
def issues_codebook(corpus=None) -> pd.DataFrame:
    """The issue codes of the positions ledger, with their definitions.

    Returns
    -------
    pandas.DataFrame
        One row per issue, in the codebook's order. Columns ``issue`` (code), ``label``,
        ``definition``, ``examples_in_corpus``.

    Examples
    --------
    >>> codes = issues_codebook()
    >>> codes.issue.iloc[0], "territory" in set(codes.issue)
    ('ceasefire', True)
    """
    cols = ["issue", "label", "definition", "examples_in_corpus"]
    df = core.read_annotation("issues_codebook.csv", required=cols, path=corpus, span_col=None)
    problems = _check_codebook(df, "annotations/issues_codebook.csv", "issue", ["label"])
    if problems:
        raise KitDataError(problems)
    return df[cols].reset_index(drop=True)


def _row_problems(ledger: pd.DataFrame) -> list[Problem]:
    problems, seen = [], {}
    for r in ledger.to_dict("records"):
        for col in ("actor", "speaker_id", "voice", "issue", "stance", "summary"):
            if not r[col].strip():
                problems.append(Problem(_FILE, f"line {r['csv_line']}", f"the {col} is empty", f"fill in the {col}"))
        if r["position_id"] in seen:
            problems.append(
                Problem(
                    _FILE,
                    f"line {r['csv_line']}",
                    f"duplicate position_id {r['position_id']!r} (also on line {seen[r['position_id']]})",
                    "give each row its own id",
                )
            )
        seen[r["position_id"]] = r["csv_line"]
    return problems


@cached
def positions(corpus=None) -> pd.DataFrame:
    """Load and check the positions ledger.

    Every code is checked (actor against ``annotations/actors_codebook.csv``, issue against
    ``annotations/issues_codebook.csv``, voice, stance; speaker and relay against the speakers
    gazetteer) and every evidence span is located in its article. Problems are reported all at
    once, each naming the line of ``annotations/positions.csv`` and the fix.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).

    Returns
    -------
    pandas.DataFrame
        One row per (article, stated position), in the ledger's order. Columns:

        ================  ==================================================================
        position_id       e.g. ``atalayar-2025-05-19-p07``
        article_id        the article
        actor             whose position it is (a code of the actors codebook)
        actor_label       its label, e.g. ``EU / European leaders``
        actor_rank        its place in the actors codebook (0 = first), for sorting
        speaker_id        who voices it in the text (an id of ``annotations/speakers.csv``)
        speaker           the speaker's name
        speaker_type      the speaker's type (minister, academic_expert, outlet_itself, ...)
        voice             official / other_party / analyst / outlet (see ``VOICES``)
        relay_id          the other outlet it reaches the reader through, or ``""``
        relay             that outlet's name, or ``""``
        issue             the issue code (see :func:`issues_codebook`)
        stance            the stance code (see ``STANCES``)
        summary           a one-line neutral summary
        condition         the condition or sequencing attached, or ``""``
        span              the verbatim evidence
        start, end        its character offsets in the article
        sentence          the whole sentence(s) the evidence sits in
        cameo             CAMEO root code, or ``""``
        notes             the coder's notes
        ================  ==================================================================

    Raises
    ------
    NotCodedError
        If the corpus has no positions ledger yet.
    KitDataError
        For unknown codes, unknown speakers, or spans not found in the text.

    Examples
    --------
    >>> ledger = positions()
    >>> set(ledger.voice) <= set(VOICES)
    True
    >>> ledger.position_id.is_unique
    True
    """
    base = core.data_dir(corpus)
    if not (base / _FILE).exists():  # name the ledger itself, not the codebooks it also needs
        raise NotCodedError(
            Problem(
                _FILE,
                "",
                "this corpus has not been coded for this layer yet",
                "start from the template: helpers.annotation_template('positions.csv', folder) "
                "writes an empty positions.csv with the right columns (it also needs "
                "speakers.csv, actors_codebook.csv and issues_codebook.csv)",
            )
        )
    actors = actors_codebook(corpus)
    issue_codes = set(issues_codebook(corpus).issue)
    speakers = core.read_annotation(
        "speakers.csv", required=["speaker_id", "canonical_name", "speaker_type"], path=base, span_col=None
    )
    speaker_ids = set(speakers.speaker_id)
    ledger = core.read_annotation(
        "positions.csv",
        required=_COLUMNS,
        path=base,
        codes={
            "actor": set(actors.actor),
            "voice": VOICES,
            "issue": issue_codes,
            "stance": STANCES,
            "speaker_id": speaker_ids,
            "relay_id": speaker_ids,
        },
    )
    problems = _row_problems(ledger)
    if problems:
        raise KitDataError(problems)
    names = dict(zip(speakers.speaker_id, speakers.canonical_name))
    types = dict(zip(speakers.speaker_id, speakers.speaker_type))
    ledger["actor_label"] = ledger["actor"].map(dict(zip(actors.actor, actors.label)))
    ledger["actor_rank"] = ledger["actor"].map({a: i for i, a in enumerate(actors.actor)})
    ledger["speaker"] = ledger["speaker_id"].map(names)
    ledger["speaker_type"] = ledger["speaker_id"].map(types)
    ledger["relay"] = ledger["relay_id"].map(names).fillna("")
    ledger["sentence"] = core.enclosing_sentences(ledger, base)
    cols = [
        "position_id",
        "article_id",
        "actor",
        "actor_label",
        "actor_rank",
        "speaker_id",
        "speaker",
        "speaker_type",
        "voice",
        "relay_id",
        "relay",
        "issue",
        "stance",
        "summary",
        "condition",
        "span",
        "start",
        "end",
        "sentence",
        "cameo",
        "notes",
    ]
    return ledger[cols].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Small shared pieces
# --------------------------------------------------------------------------------------------


def _ledger(corpus, ledger):
    return positions(corpus) if ledger is None else ledger


def _actor_labels(corpus) -> dict[str, str]:
    codes = actors_codebook(corpus)
    return dict(zip(codes.actor, codes.label))


def actor_names(ledger: pd.DataFrame) -> dict[str, str]:
    """``{actor code: label}`` for the actors of a ledger (or a part of one), in the codebook's order.

    Examples
    --------
    >>> list(actor_names(positions()))[:2]
    ['russia', 'ukraine']
    """
    if ledger.empty:
        return {}
    order = ledger.drop_duplicates("actor").sort_values("actor_rank", kind="stable")
    return dict(zip(order.actor, order.actor_label))


def _issue_labels(corpus) -> dict[str, str]:
    codes = issues_codebook(corpus)
    return dict(zip(codes.issue, codes.label))


def article_labels(corpus=None) -> dict[str, str]:
    """A short readable name for each article: ``"CGTN, 14 May"`` (the id is added if two would be equal).

    Examples
    --------
    >>> article_labels()["cgtn-2025-05-17"]
    'CGTN, 17 May'
    """
    arts = core.load_articles(corpus)
    labels = {}
    for aid, outlet, published in zip(arts.article_id, arts.outlet, arts.published):
        day = pd.to_datetime(published, errors="coerce")
        labels[aid] = f"{outlet}, {day.day} {day:%b}" if not pd.isna(day) else f"{outlet}, {published}"
    counts = pd.Series(list(labels.values())).value_counts()
    return {aid: (f"{lab} ({aid})" if counts[lab] > 1 else lab) for aid, lab in labels.items()}


def _check_actor(corpus, actor: str, where: str) -> None:
    known = _actor_labels(corpus)
    if actor not in known:
        raise KitDataError(Problem(where, "", f"unknown actor {actor!r}", f"use one of: {', '.join(known)}"))


def _check_issue(corpus, issue: str, where: str) -> None:
    known = _issue_labels(corpus)
    if issue not in known:
        raise KitDataError(Problem(where, "", f"unknown issue {issue!r}", f"use one of: {', '.join(known)}"))


def _sort(rows: pd.DataFrame, corpus) -> pd.DataFrame:
    """By issue (codebook order), then publication date, article and place in the text."""
    order = {code: i for i, code in enumerate(issues_codebook(corpus).issue)}
    arts = core.load_articles(corpus)
    dates = dict(zip(arts.article_id, arts.published))
    return (
        rows.assign(_i=rows.issue.map(order), _d=rows.article_id.map(dates))
        .sort_values(["_i", "_d", "article_id", "start"], kind="stable")
        .drop(columns=["_i", "_d"])
    )


def _number(n: int) -> str:
    """'five' for 5 (up to ten), else the digits."""
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words[n] if 0 <= n < len(words) else str(n)


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def positions_overview(corpus=None) -> None:
    """Say in one line how big the ledger is, and which articles it has no row for yet.

    For a notebook's Setup cell: prints ``N stated positions in M articles`` and, if some
    articles of the corpus have no row (an incompletely coded ledger), names them.

    Examples
    --------
    >>> positions_overview()
    143 stated positions in 5 articles
    """
    ledger = positions(corpus)
    labels = article_labels(corpus)
    print(f"{len(ledger)} stated positions in {ledger.article_id.nunique()} articles")
    missing = [labels[a] for a in labels if a not in set(ledger.article_id)]
    if missing:
        print(
            f"Not coded yet ({len(missing)} article{'s' if len(missing) > 1 else ''} with no row in "
            f"{_FILE}): {'; '.join(missing)}"
        )


def position_matrix(corpus=None, *, voice=None, ledger: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count stated positions per actor and issue.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    voice : str or list of str, optional
        Keep only these voices (e.g. ``"official"`` to leave out analysts' descriptions).
    ledger : DataFrame, optional
        A part of :func:`positions` to count instead of the whole ledger.

    Returns
    -------
    pandas.DataFrame
        One row per actor (labels, codebook order, only actors with positions), one column per
        issue code (codebook order, only issues with positions); cells are row counts.

    Examples
    --------
    >>> m = position_matrix()
    >>> int(m.loc["Russia"].sum()) > 0 and int(m.loc["Ukraine"].sum()) > 0
    True
    """
    ledger = _ledger(corpus, ledger)
    issue_order = [c for c in issues_codebook(corpus).issue if c in set(ledger.issue)]
    actor_order = [lab for code, lab in _actor_labels(corpus).items() if code in set(ledger.actor)]
    if voice is not None:
        ledger = ledger[ledger.voice.isin([voice] if isinstance(voice, str) else voice)]
    m = pd.crosstab(ledger.actor_label, ledger.issue)
    return m.reindex(index=actor_order, columns=issue_order, fill_value=0).rename_axis(index="actor", columns="issue")


def position_pairs(corpus=None, *, ledger: pd.DataFrame | None = None) -> pd.DataFrame:
    """The actor/issue pairs the ledger has positions for, with counts: what a picker can offer.

    Returns
    -------
    pandas.DataFrame
        One row per (actor, issue) with at least one position, actors in codebook order and
        issues in codebook order. Columns ``actor``, ``actor_label``, ``issue``, ``issue_label``,
        ``positions`` (rows of the ledger), ``articles`` (how many articles report it) and
        ``choice`` (e.g. ``"Ceasefire and its sequencing (7)"``).

    Examples
    --------
    >>> pairs = position_pairs()
    >>> row = pairs[(pairs.actor == "russia") & (pairs.issue == "ceasefire")].iloc[0]
    >>> row.choice == f"{row.issue_label} ({row.positions})"
    True
    """
    ledger = _ledger(corpus, ledger)
    actors, issues = _actor_labels(corpus), _issue_labels(corpus)
    cols = ["actor", "actor_label", "issue", "issue_label", "positions", "articles", "choice"]
    if ledger.empty:
        return pd.DataFrame(columns=cols)
    g = (
        ledger.groupby(["actor", "issue"])
        .agg(positions=("position_id", "size"), articles=("article_id", "nunique"))
        .reset_index()
    )
    a_rank, i_rank = {a: i for i, a in enumerate(actors)}, {c: i for i, c in enumerate(issues)}
    g = g.assign(_a=g.actor.map(a_rank), _i=g.issue.map(i_rank)).sort_values(["_a", "_i"]).reset_index(drop=True)
    g["actor_label"] = g.actor.map(actors)
    g["issue_label"] = g.issue.map(issues)
    g["choice"] = g.issue_label + " (" + g.positions.astype(str) + ")"
    return g[cols]


def positions_of(
    corpus, actor, *, issue: str | None = None, voice=None, ledger: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One or more actors' stated positions, in the reported words, sorted by issue.

    Parameters
    ----------
    corpus : Corpus, str or Path, or None
        The corpus.
    actor : str or list of str
        Actor code(s) (``"russia"``, ``"ukraine"``, ...; see :func:`actors_codebook`).
    issue : str, optional
        Keep one issue only.
    voice : str or list of str, optional
        Keep only these voices (e.g. ``"official"``).
    ledger : DataFrame, optional
        A part of :func:`positions` to read from instead of the whole ledger.

    Returns
    -------
    pandas.DataFrame
        One row per position, sorted by actor (codebook order), issue (codebook order), then
        article date. Columns ``article`` (outlet and date), ``actor``, ``issue`` (label),
        ``stance``, ``summary``, ``condition``, ``speaker``, ``voice``, ``relay``, ``span`` (the
        evidence, last) and ``position_id`` (to look a row up in the ledger).

    Examples
    --------
    >>> r = positions_of(None, "russia", issue="nato_neutrality")
    >>> set(r.issue) == {"NATO membership / neutrality"} and len(r) > 0
    True
    >>> set(positions_of(None, ["china", "brazil"], voice="official").voice)
    {'official'}
    """
    rows = _ledger(corpus, ledger)
    actors = [actor] if isinstance(actor, str) else list(actor)
    for a in actors:
        _check_actor(corpus, a, "positions_of")
    rows = rows[rows.actor.isin(actors)]
    if issue is not None:
        rows = rows[rows.issue == issue]
    if voice is not None:
        rows = rows[rows.voice.isin([voice] if isinstance(voice, str) else voice)]
    rank = {a: i for i, a in enumerate(_actor_labels(corpus))}
    rows = _sort(rows, corpus)
    rows = rows.assign(_a=rows.actor.map(rank)).sort_values("_a", kind="stable")
    labels = article_labels(corpus)
    out = rows.assign(
        article=rows.article_id.map(labels),
        actor=rows.actor_label,
        issue=rows.issue.map(_issue_labels(corpus)),
        stance=rows.stance.map(STANCES),
    )
    return out[
        [
            "article",
            "actor",
            "issue",
            "stance",
            "summary",
            "condition",
            "speaker",
            "voice",
            "relay",
            "span",
            "position_id",
        ]
    ].reset_index(drop=True)


def _main_parties(corpus) -> list[str]:
    """The first two actors of the codebook: the parties the kit's views start from."""
    return list(actors_codebook(corpus).actor[:2])


def coverage(corpus=None, *, actors=None, ledger: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which article reports which actor's positions on which issue, and through which voices.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    actors : sequence of str, optional
        The actors to include (default: the first two of the actors codebook, the main parties).
    ledger : DataFrame, optional
        A part of :func:`positions` instead of the whole ledger.

    Returns
    -------
    pandas.DataFrame
        One row per (actor label, issue code); one column per article (its outlet and date, in
        publication order). Each cell lists the voices through which that article carries the
        position, e.g. ``"official, analyst"``, or ``""`` if it does not.

    Examples
    --------
    >>> cov = coverage(actors=["russia"])
    >>> cov.loc[("Russia", "nato_neutrality"), "CGTN, 14 May"]
    'analyst'
    """
    ledger = _ledger(corpus, ledger)
    actors = _main_parties(corpus) if actors is None else list(actors)
    labels = article_labels(corpus)
    actor_labels = _actor_labels(corpus)
    rows = ledger[ledger.actor.isin(actors)]
    issue_order = {code: i for i, code in enumerate(issues_codebook(corpus).issue)}
    actor_order = list(actor_labels.values())
    records = {}
    for (actor, issue, aid), grp in rows.groupby(["actor", "issue", "article_id"], sort=False):
        voices = [v for v in VOICES if v in set(grp.voice)]
        records.setdefault((actor_labels[actor], issue), {})[labels[aid]] = ", ".join(voices)
    index = sorted(records, key=lambda k: (actor_order.index(k[0]), issue_order[k[1]]))
    columns = list(labels.values())
    if not index:  # none of these actors in the ledger
        empty = pd.MultiIndex.from_arrays([[], []], names=["actor", "issue"])
        return pd.DataFrame(index=empty, columns=columns, dtype=object)
    table = pd.DataFrame(
        [records[k] for k in index], index=pd.MultiIndex.from_tuples(index, names=["actor", "issue"]), columns=columns
    )
    return table.fillna("")


def voice_summary(corpus=None, *, by: str = "actor", ledger: pd.DataFrame | None = None) -> pd.DataFrame:
    """How the positions reach the reader: counts by voice, per actor or per article.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    by : ``"actor"`` or ``"article"``
        One row per actor (label, codebook order) or per article (outlet and date, publication
        order).
    ledger : DataFrame, optional
        A part of :func:`positions` instead of the whole ledger.

    Returns
    -------
    pandas.DataFrame
        Columns ``official``, ``other_party``, ``analyst``, ``outlet`` (counts) and ``total``.

    Examples
    --------
    >>> v = voice_summary()
    >>> int(v.loc["Russia", "total"]) == int(v.loc["Russia", list(VOICES)].sum())
    True
    >>> int(voice_summary(by="article")["total"].sum()) == len(positions())
    True
    """
    ledger = _ledger(corpus, ledger)
    if by == "actor":
        t = pd.crosstab(ledger.actor_label, ledger.voice)
        order = [lab for code, lab in _actor_labels(corpus).items() if code in set(ledger.actor)]
    elif by == "article":
        labels = article_labels(corpus)
        t = pd.crosstab(ledger.article_id.map(labels), ledger.voice)
        order = [lab for aid, lab in labels.items() if aid in set(ledger.article_id)]
    else:
        raise ValueError("by must be 'actor' or 'article'")
    t = t.reindex(index=order, columns=list(VOICES), fill_value=0)
    t["total"] = t.sum(axis=1)
    return t.rename_axis(index=by, columns=None)


# --------------------------------------------------------------------------------------------
# Views with the evidence
# --------------------------------------------------------------------------------------------

_VOICE_WORDS = {
    "official": "voiced by {who} (the actor's own official)",
    "other_party": "described by {who} (another party)",
    "analyst": "described by {who} (analyst)",
}
_TD = "<td style='vertical-align:top;text-align:left'>"


def _voiced_by(r) -> str:
    """Who voices a position, in words (the article's narration is not presented as the state speaking)."""
    via = f", via {html.escape(r.relay)}" if r.relay else ""
    if r.voice == "outlet":
        if r.speaker_type == "outlet_itself" or r.speaker_id in ("outlet", "undisclosed_sources"):
            return f"stated in the article's narration{via}"
        return f"stated in the article's narration, about {html.escape(r.speaker)}{via}"
    return _VOICE_WORDS[r.voice].format(who=html.escape(r.speaker)) + via


def _evidence(r) -> str:
    """The sentence with the span in bold, all escaped."""
    i = r.sentence.find(r.span)
    if i < 0:
        return "<b>" + html.escape(r.span) + "</b>"
    return (
        html.escape(r.sentence[:i]) + "<b>" + html.escape(r.span) + "</b>" + html.escape(r.sentence[i + len(r.span) :])
    )


def _cell(rows: pd.DataFrame, *, with_actor: bool = False) -> str:
    if rows.empty:
        return "<span style='color:#555'>(not reported)</span>"
    parts = []
    for r in rows.sort_values("start").itertuples():
        who = f"<b>{html.escape(r.actor_label)}</b> " if with_actor else ""
        parts.append(
            f"<div style='margin-bottom:0.6em'>{who}{html.escape(STANCES[r.stance])}: "
            f"{html.escape(r.summary)}<br>“{_evidence(r)}”<br><i>{_voiced_by(r)}</i></div>"
        )
    return "".join(parts)


def _article_cell(labels: dict, aid: str) -> str:
    return f"{_TD}{html.escape(labels[aid])}</td>"


def side_by_side(
    corpus,
    actor_a: str | None = None,
    actor_b: str | None = None,
    issue: str = "",
    *,
    ledger: pd.DataFrame | None = None,
) -> core.HTML:
    """Two actors' stated positions on one issue, side by side, with the evidence sentences.

    The evidence span is shown in bold inside its sentence; every piece of article text is
    HTML-escaped.

    Parameters
    ----------
    corpus : Corpus, str or Path, or None
        The corpus.
    actor_a, actor_b : str
        Actor codes (default: the first two of the actors codebook).
    issue : str
        An issue code.
    ledger : DataFrame, optional
        A part of :func:`positions` instead of the whole ledger.

    Returns
    -------
    kit.core.HTML
        A three-column table (article, actor a, actor b), one row per article that carries
        either position.

    Examples
    --------
    >>> view = side_by_side(None, "russia", "ukraine", "territory")
    >>> "Russia" in view.data and "Ukraine" in view.data and "<b>" in view.data
    True
    """
    ledger = _ledger(corpus, ledger)  # first, so that an uncoded corpus names the ledger
    main = _main_parties(corpus)
    actor_a, actor_b = actor_a or main[0], actor_b or main[1]
    for a in (actor_a, actor_b):
        _check_actor(corpus, a, "side_by_side")
    _check_issue(corpus, issue, "side_by_side")
    names = _actor_labels(corpus)
    rows = ledger[(ledger.issue == issue) & ledger.actor.isin([actor_a, actor_b])]
    labels = article_labels(corpus)
    head = (
        f"<tr><th style='text-align:left'>article</th><th style='text-align:left;width:42%'>"
        f"{html.escape(names[actor_a])}</th><th style='text-align:left;width:42%'>{html.escape(names[actor_b])}"
        "</th></tr>"
    )
    body = []
    for aid in labels:
        sub = rows[rows.article_id == aid]
        if sub.empty:
            continue
        cells = "".join(f"{_TD}{_cell(sub[sub.actor == a])}</td>" for a in (actor_a, actor_b))
        body.append(f"<tr>{_article_cell(labels, aid)}{cells}</tr>")
    if not body:
        body.append("<tr><td colspan='3'><i>No article reports a position of either actor on this issue.</i></td></tr>")
    caption = (
        f"<p><b>{html.escape(_issue_labels(corpus)[issue])}</b>: {html.escape(names[actor_a])} and "
        f"{html.escape(names[actor_b])}, as the articles report them</p>"
    )
    return core.HTML(caption + f"<table class='kit-table'><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>")


def issue_by_outlet(corpus, issue: str, *, ledger: pd.DataFrame | None = None) -> core.HTML:
    """Every article on one issue, one row each: which actors' positions it reports, in whose words.

    Articles that report no position on the issue are listed too (their silence is part of the
    comparison). The evidence span is in bold inside its sentence; all text is HTML-escaped.

    Parameters
    ----------
    corpus : Corpus, str or Path, or None
        The corpus.
    issue : str
        An issue code (see :func:`issues_codebook`).
    ledger : DataFrame, optional
        A part of :func:`positions` instead of the whole ledger.

    Returns
    -------
    kit.core.HTML
        A two-column table: the article (outlet and date, publication order) and its positions
        on the issue, grouped by actor in codebook order.

    Examples
    --------
    >>> view = issue_by_outlet(None, "territory")
    >>> view.data.count("<tr>") == 1 + len(article_labels())  # every article has its row, silent or not
    True
    """
    ledger = _ledger(corpus, ledger)
    _check_issue(corpus, issue, "issue_by_outlet")
    rank = {a: i for i, a in enumerate(_actor_labels(corpus))}
    rows = ledger[ledger.issue == issue]
    rows = rows.assign(_a=rows.actor.map(rank)).sort_values(["_a", "start"], kind="stable")
    labels = article_labels(corpus)
    body = []
    for aid in labels:
        sub = rows[rows.article_id == aid]
        if sub.empty:
            cell = "<span style='color:#555'>(no position reported on this issue)</span>"
        else:
            cell = "".join(_cell(grp, with_actor=True) for _, grp in sub.groupby("_a", sort=True))
        body.append(f"<tr>{_article_cell(labels, aid)}{_TD}{cell}</td></tr>")
    head = "<tr><th style='text-align:left'>article</th><th style='text-align:left'>positions reported</th></tr>"
    n_arts = rows.article_id.nunique()
    caption = (
        f"<p><b>{html.escape(_issue_labels(corpus)[issue])}</b>: {len(rows)} stated position(s) in "
        f"{n_arts} of {len(labels)} articles</p>"
    )
    return core.HTML(caption + f"<table class='kit-table'><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>")


# --------------------------------------------------------------------------------------------
# The chart and the picker
# --------------------------------------------------------------------------------------------


def _matrix_panel(ax, m: pd.DataFrame, vmax: int, title: str) -> None:
    ax.imshow(m.values, cmap="Blues", aspect="auto", vmin=0, vmax=vmax)
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            n = int(m.iat[i, j])
            if n:
                ax.text(
                    j,
                    i,
                    str(n),
                    ha="center",
                    va="center",
                    fontweight="bold",
                    color="white" if n > 0.55 * vmax else "black",
                )
    ax.set_xticks(range(m.shape[1]), m.columns, rotation=90)
    ax.set_title(title, loc="left")
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)


def plot_position_matrix(corpus=None, *, voice=None, ledger: pd.DataFrame | None = None):
    """A chart of how many stated positions each actor has on each issue.

    Issues are the rows (codebook order), actors the columns (the codebook's short labels); each
    cell shows its count and is shaded by it. Call it twice to compare: once for every voice,
    once with ``voice="official"`` for the positions the actor's own officials voice (the same
    rows, columns and shading scale, so the two charts can be read side by side).

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    voice : str or list of str, optional
        Count only these voices (e.g. ``"official"``).
    ledger : DataFrame, optional
        A part of :func:`positions` instead of the whole ledger.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_position_matrix(voice="official")
    >>> fig.axes[0].get_title(loc="left")
    "Voiced by the actor's own officials"
    """
    ledger = _ledger(corpus, ledger)
    short = dict(zip(*actors_codebook(corpus)[["label", "short_label"]].T.values))
    labels = _issue_labels(corpus)
    every = position_matrix(corpus, ledger=ledger).T
    m = position_matrix(corpus, ledger=ledger, voice=voice).T.reindex(
        index=every.index, columns=every.columns, fill_value=0
    )
    m.columns = [short.get(c, c) for c in m.columns]
    fig, ax = style.figure(1.9 + 0.27 * len(m))
    vmax = max(4, int(every.values.max()) if every.size else 4)
    if voice is None:
        title = "All voices"
    elif voice == "official" or list(voice) == ["official"]:
        title = "Voiced by the actor's own officials"
    else:
        title = "Voices: " + ", ".join([voice] if isinstance(voice, str) else voice)
    _matrix_panel(ax, m, vmax, title)
    ax.set_yticks(range(len(m)), [labels.get(c, c) for c in m.index])
    n_arts = ledger.article_id.nunique()
    fig.suptitle(
        f"Stated positions per issue and actor ({int(m.values.sum())}, {_number(n_arts)} articles)", x=0.01, ha="left"
    )
    return fig


def _picker_html(ledger: pd.DataFrame, actor: str, issue: str, names: dict, issues: dict, labels: dict) -> str:
    rows = ledger[(ledger.actor == actor) & (ledger.issue == issue)]
    head = (
        f"<p><b>{html.escape(names[actor])}</b> on <b>{html.escape(issues[issue])}</b>: {len(rows)} stated "
        "position(s)</p>"
    )
    if rows.empty:
        return head + "<p><i>None of the articles reports a position of this actor on this issue.</i></p>"
    items = [
        f"<li>{html.escape(labels[r.article_id])}: {_cell(rows[rows.position_id == r.position_id])}</li>"
        for r in rows.itertuples()
    ]
    return head + "<ul>" + "".join(items) + "</ul>"


def position_picker(
    corpus=None, *, actor: str | None = None, issue: str | None = None, ledger: pd.DataFrame | None = None
):
    """An interactive picker: choose an actor and an issue, read the evidence in context.

    Only actor/issue pairs that exist in the ledger are offered, each with its count: the actor
    list reads "Russia (63)", the issue list (for the chosen actor) "Ceasefire and its
    sequencing (7)". Saved notebooks and HTML handouts show the static view of the starting
    choice instead of the menus.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    actor, issue : str, optional
        The starting choice; default (or if the ledger has no such pair) the first actor of the
        codebook with positions, and its first issue.
    ledger : DataFrame, optional
        A part of :func:`positions` instead of the whole ledger.

    Returns
    -------
    object
        Displays as the widget (live) or as HTML (saved or exported).

    Examples
    --------
    >>> picker = position_picker()
    >>> "text/html" in picker._repr_mimebundle_()
    True
    """
    import ipywidgets as widgets

    ledger = _sort(_ledger(corpus, ledger), corpus)  # by issue, then publication date
    pairs = position_pairs(corpus, ledger=ledger)
    if pairs.empty:
        return core.HTML("<p><i>The positions ledger has no rows yet: there is nothing to pick from.</i></p>")
    names, issues, labels = _actor_labels(corpus), _issue_labels(corpus), article_labels(corpus)
    totals = pairs.groupby("actor", sort=False).positions.sum()
    actor_opts = [(f"{names[a]} ({n})", a) for a, n in totals.items()]
    actor = actor if actor in totals.index else actor_opts[0][1]

    def issue_opts(a):
        sub = pairs[pairs.actor == a]
        return list(zip(sub.choice, sub.issue))

    first = issue_opts(actor)
    issue = issue if issue in {code for _, code in first} else first[0][1]
    pick_actor = widgets.Dropdown(options=actor_opts, value=actor, description="Actor")
    pick_issue = widgets.Dropdown(options=first, value=issue, description="Issue")
    out = widgets.HTML()

    def render(*_):
        out.value = _picker_html(ledger, pick_actor.value, pick_issue.value, names, issues, labels)

    def new_actor(change):
        opts = issue_opts(change["new"])
        keep = pick_issue.value if pick_issue.value in {code for _, code in opts} else opts[0][1]
        with pick_issue.hold_trait_notifications():
            pick_issue.options = opts
            pick_issue.value = keep
        render()

    pick_actor.observe(new_actor, names="value")
    pick_issue.observe(render, names="value")
    render()
    box = widgets.VBox([widgets.HBox([pick_actor, pick_issue]), out])
    return core.WidgetView(box, _picker_html(ledger, actor, issue, names, issues, labels), _PICKER_LABEL)
