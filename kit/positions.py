"""The positions ledger: what each side states it wants, as these articles report it.

One row of ``annotations/positions.csv`` is one stated position, demand, condition, assessment or
proposal in one article: **whose** position it is (the actor), **who voices it** in the text (the
speaker), **through whom** it reaches the reader (a relay outlet), on which **issue**, with which
**stance**, and the verbatim **evidence**. Actor and speaker are kept apart: a Russian demand
described by a Chinese expert is Russia's position voiced by an analyst.

On a corpus of your own (``KIT_DATA_DIR``) the ledger exists only once you have coded it:
:func:`positions` then raises :class:`kit.core.NotCodedError` naming ``annotations/positions.csv``
(before it looks for ``speakers.csv`` or ``issues_codebook.csv``), which notebooks turn into the
"not yet coded" notice with ``helpers.when_coded``. The functions that take ``ledger=`` also work
on a ledger without Russia or Ukraine (empty tables, a picker that starts on the first actor).
"""

from __future__ import annotations

import html

import pandas as pd

from kit import core
from kit.byo import Notice
from kit.core import KitDataError, NotCodedError, Problem

_PICKER_LABEL = ("Position picker (run the notebook to use it; the static view below the picker shows its "
                 "first choice)")

__all__ = [
    "ACTORS",
    "STANCES",
    "VOICES",
    "issues_codebook",
    "positions",
    "positions_overview",
    "position_matrix",
    "positions_of",
    "coverage",
    "voice_summary",
    "side_by_side",
    "plot_position_matrix",
    "position_picker",
]

#: Actor codes and their labels, in the order tables and charts use.
ACTORS = {
    "russia": "Russia",
    "ukraine": "Ukraine",
    "united_states": "United States",
    "european_union": "EU / European leaders",
    "united_kingdom": "United Kingdom",
    "china": "China",
    "brazil": "Brazil",
    "turkey": "Turkey",
    "west": "the West (as a collective)",
    "third_countries": "third countries (unnamed)",
}

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

_COLUMNS = ["position_id", "article_id", "actor", "speaker_id", "voice", "relay_id", "issue", "stance",
            "summary", "condition", "span", "cameo", "notes"]
_FILE = "annotations/positions.csv"


def issues_codebook(path=None) -> pd.DataFrame:
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
    df = core.read_annotation("issues_codebook.csv", required=["issue", "label", "definition", "examples_in_corpus"],
                              path=path, span_col=None)
    return df[["issue", "label", "definition", "examples_in_corpus"]].reset_index(drop=True)


def positions(path=None) -> pd.DataFrame:
    """Load and check the positions ledger.

    Every code is checked (actor, voice, issue, stance; speaker and relay against the speakers
    gazetteer) and every evidence span is located in its article. Problems are reported all at
    once, each naming the line of ``annotations/positions.csv`` and the fix.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per (article, stated position), in the ledger's order. Columns:

        ================  ==================================================================
        position_id       e.g. ``atalayar-2025-05-19-p07``
        article_id        the article
        actor             whose position it is (a code of ``ACTORS``)
        actor_label       its label, e.g. ``EU / European leaders``
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
    base = core.data_dir(path)
    if not (base / _FILE).exists():  # name the ledger itself, not the codebook it also needs
        raise NotCodedError(Problem(_FILE, "", "this corpus has not been coded for this layer yet",
                                    "start from the template: helpers.annotation_template('positions.csv', folder) "
                                    "writes an empty positions.csv with the right columns (it also needs "
                                    "speakers.csv and issues_codebook.csv)"))
    issue_codes = set(issues_codebook(base).issue)
    speakers = core.read_annotation("speakers.csv", required=["speaker_id", "canonical_name", "speaker_type"],
                                    path=base, span_col=None)
    speaker_ids = set(speakers.speaker_id)
    ledger = core.read_annotation(
        "positions.csv", required=_COLUMNS, path=base,
        codes={"actor": ACTORS, "voice": VOICES, "issue": issue_codes, "stance": STANCES,
               "speaker_id": speaker_ids, "relay_id": speaker_ids},
    )
    problems = []
    seen = {}
    for r in ledger.to_dict("records"):
        for col in ("actor", "speaker_id", "voice", "issue", "stance", "summary"):
            if not r[col].strip():
                problems.append(Problem(_FILE, f"line {r['csv_line']}", f"the {col} is empty", f"fill in the {col}"))
        if r["position_id"] in seen:
            problems.append(Problem(_FILE, f"line {r['csv_line']}", f"duplicate position_id {r['position_id']!r} "
                                    f"(also on line {seen[r['position_id']]})", "give each row its own id"))
        seen[r["position_id"]] = r["csv_line"]
    if problems:
        raise KitDataError(problems)
    names = dict(zip(speakers.speaker_id, speakers.canonical_name))
    types = dict(zip(speakers.speaker_id, speakers.speaker_type))
    ledger["actor_label"] = ledger["actor"].map(ACTORS)
    ledger["speaker"] = ledger["speaker_id"].map(names)
    ledger["speaker_type"] = ledger["speaker_id"].map(types)
    ledger["relay"] = ledger["relay_id"].map(names).fillna("")
    ledger["sentence"] = core.enclosing_sentences(ledger, base)
    cols = ["position_id", "article_id", "actor", "actor_label", "speaker_id", "speaker", "speaker_type", "voice",
            "relay_id", "relay", "issue", "stance", "summary", "condition", "span", "start", "end", "sentence",
            "cameo", "notes"]
    return ledger[cols].reset_index(drop=True)




def positions_overview(path=None, *, ledger=None):
    """Say in one line how big the ledger is, or show why there is none.

    For a notebook's Setup cell: on a coded corpus it prints ``N stated positions in M
    articles``; if ``ledger`` is the "not yet coded" notice of ``helpers.when_coded``, it returns
    that notice, so that it is shown once, in full, near the top of the notebook.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    ledger : DataFrame or Notice, optional
        The result of :func:`positions` or of ``helpers.when_coded(helpers.positions)``.

    Returns
    -------
    None or Notice
        ``None`` after printing the line; the notice if the ledger is not coded.

    Examples
    --------
    >>> positions_overview(ledger=positions().head(3))
    3 stated positions in 1 articles
    >>> note = Notice("<b>not coded</b>", "annotations/positions.csv")
    >>> positions_overview(ledger=note) is note
    True
    """
    if isinstance(ledger, Notice):
        return ledger
    ledger = positions(path) if ledger is None else ledger
    print(f"{len(ledger)} stated positions in {ledger.article_id.nunique()} articles")
    return None


def _number(n: int) -> str:
    """'five' for 5 (up to ten), else the digits."""
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words[n] if 0 <= n < len(words) else str(n)


def position_matrix(path=None, *, ledger: pd.DataFrame | None = None, voice=None) -> pd.DataFrame:
    """Count stated positions per actor and issue.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    ledger : DataFrame, optional
        The result of :func:`positions` (to avoid loading it again).
    voice : str or list of str, optional
        Keep only these voices (e.g. ``"official"`` to leave out analysts' descriptions).

    Returns
    -------
    pandas.DataFrame
        One row per actor (labels, in ``ACTORS`` order, only actors with positions), one column
        per issue code (codebook order, only issues with positions); cells are row counts.

    Examples
    --------
    >>> m = position_matrix()
    >>> int(m.loc["Russia"].sum()) > 0 and int(m.loc["Ukraine"].sum()) > 0
    True
    """
    ledger = positions(path) if ledger is None else ledger
    if voice is not None:
        ledger = ledger[ledger.voice.isin([voice] if isinstance(voice, str) else voice)]
    issue_order = [i for i in issues_codebook(path).issue if i in set(ledger.issue)]
    actor_order = [ACTORS[a] for a in ACTORS if a in set(ledger.actor)]
    m = pd.crosstab(ledger.actor_label, ledger.issue)
    return m.reindex(index=actor_order, columns=issue_order, fill_value=0).rename_axis(index="actor", columns="issue")


def positions_of(actor, path=None, *, ledger: pd.DataFrame | None = None, issue: str | None = None,
                 voice=None) -> pd.DataFrame:
    """One or more actors' stated positions, in the reported words, sorted by issue.

    Parameters
    ----------
    actor : str or list of str
        Actor code(s) (``"russia"``, ``"ukraine"``, ...).
    path : str or Path, optional
        The corpus folder.
    ledger : DataFrame, optional
        The result of :func:`positions`.
    issue : str, optional
        Keep one issue only.
    voice : str or list of str, optional
        Keep only these voices (e.g. ``"official"``).

    Returns
    -------
    pandas.DataFrame
        One row per position, sorted by actor (``ACTORS`` order), issue (codebook order), then
        article date. Columns ``actor``, ``issue``, ``stance``, ``summary``, ``condition``,
        ``span``, ``speaker``, ``voice``, ``relay``, ``article_id``.

    Examples
    --------
    >>> r = positions_of("russia", issue="nato_neutrality")
    >>> (r.issue == "nato_neutrality").all() and len(r) > 0
    True
    >>> set(positions_of(["china", "brazil"], voice="official").voice)
    {'official'}
    """
    actors = [actor] if isinstance(actor, str) else list(actor)
    for a in actors:
        if a not in ACTORS:
            raise KitDataError(Problem("positions_of", "", f"unknown actor {a!r}", f"use one of: {', '.join(ACTORS)}"))
    ledger = positions(path) if ledger is None else ledger
    rows = ledger[ledger.actor.isin(actors)]
    if issue is not None:
        rows = rows[rows.issue == issue]
    if voice is not None:
        rows = rows[rows.voice.isin([voice] if isinstance(voice, str) else voice)]
    rank = {a: i for i, a in enumerate(ACTORS)}
    rows = _sort(rows, path)
    rows = rows.assign(_a=rows.actor.map(rank)).sort_values("_a", kind="stable")
    out = rows.assign(actor=rows.actor_label)
    return out[["actor", "issue", "stance", "summary", "condition", "span", "speaker", "voice", "relay",
                "article_id"]].reset_index(drop=True)


def _sort(rows: pd.DataFrame, path) -> pd.DataFrame:
    order = {code: i for i, code in enumerate(issues_codebook(path).issue)}
    dates = dict(zip(*core.load_articles(path)[["article_id", "published"]].T.values))
    return rows.assign(_i=rows.issue.map(order), _d=rows.article_id.map(dates)).sort_values(
        ["_i", "_d", "article_id", "start"], kind="stable").drop(columns=["_i", "_d"])


def coverage(path=None, *, ledger: pd.DataFrame | None = None, actors=("russia", "ukraine")) -> pd.DataFrame:
    """Which outlet reports which actor's positions on which issue, and through which voices.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    ledger : DataFrame, optional
        The result of :func:`positions`.
    actors : sequence of str
        The actors to include.

    Returns
    -------
    pandas.DataFrame
        One row per (actor, issue); one column per article (in publication order). Each cell
        lists the voices through which that article carries the position, e.g.
        ``"official, analyst"``, or ``""`` if it does not.

    Examples
    --------
    >>> cov = coverage(actors=["russia"])
    >>> cov.loc[("Russia", "nato_neutrality"), "cgtn-2025-05-14"]
    'analyst'
    """
    ledger = positions(path) if ledger is None else ledger
    arts = core.load_articles(path).article_id.tolist()
    rows = ledger[ledger.actor.isin(actors)]
    issue_order = {code: i for i, code in enumerate(issues_codebook(path).issue)}
    records = {}
    for (actor, issue, aid), grp in rows.groupby(["actor", "issue", "article_id"], sort=False):
        voices = [v for v in VOICES if v in set(grp.voice)]
        records.setdefault((ACTORS[actor], issue), {})[aid] = ", ".join(voices)
    index = sorted(records, key=lambda k: (list(ACTORS.values()).index(k[0]), issue_order[k[1]]))
    if not index:  # none of these actors in the ledger
        empty = pd.MultiIndex.from_arrays([[], []], names=["actor", "issue"])
        return pd.DataFrame(index=empty, columns=arts, dtype=object)
    table = pd.DataFrame([records[k] for k in index], index=pd.MultiIndex.from_tuples(index, names=["actor", "issue"]),
                         columns=arts)
    return table.fillna("")


def voice_summary(path=None, *, ledger: pd.DataFrame | None = None, by: str = "actor") -> pd.DataFrame:
    """How the positions reach the reader: counts by voice, per actor or per article.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    ledger : DataFrame, optional
        The result of :func:`positions`.
    by : ``"actor"`` or ``"article"``
        One row per actor (label, ``ACTORS`` order) or per article (publication order).

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
    ledger = positions(path) if ledger is None else ledger
    if by == "actor":
        t = pd.crosstab(ledger.actor_label, ledger.voice)
        order = [ACTORS[a] for a in ACTORS if a in set(ledger.actor)]
    elif by == "article":
        t = pd.crosstab(ledger.article_id, ledger.voice)
        order = [a for a in core.load_articles(path).article_id if a in set(ledger.article_id)]
    else:
        raise ValueError("by must be 'actor' or 'article'")
    t = t.reindex(index=order, columns=list(VOICES), fill_value=0)
    t["total"] = t.sum(axis=1)
    return t.rename_axis(index=by, columns=None)


def side_by_side(actor_a: str, actor_b: str, issue: str, path=None, *, ledger: pd.DataFrame | None = None) -> core.HTML:
    """Two actors' stated positions on one issue, side by side, with the evidence sentences.

    The evidence span is shown in bold inside its sentence; every piece of article text is
    HTML-escaped.

    Parameters
    ----------
    actor_a, actor_b : str
        Actor codes.
    issue : str
        An issue code.
    path : str or Path, optional
        The corpus folder.
    ledger : DataFrame, optional
        The result of :func:`positions`.

    Returns
    -------
    kit.core.HTML
        A two-column table, one row per article that carries either position.

    Examples
    --------
    >>> view = side_by_side("russia", "ukraine", "territory")
    >>> "Russia" in view.data and "Ukraine" in view.data and "<b>" in view.data
    True
    """
    for a in (actor_a, actor_b):
        if a not in ACTORS:
            raise KitDataError(Problem("side_by_side", "", f"unknown actor {a!r}", f"use one of: {', '.join(ACTORS)}"))
    ledger = positions(path) if ledger is None else ledger
    codes = issues_codebook(path)
    if issue not in set(codes.issue):
        raise KitDataError(Problem("side_by_side", "", f"unknown issue {issue!r}", f"use one of: {', '.join(codes.issue)}"))
    label = dict(zip(codes.issue, codes.label))[issue]
    rows = ledger[(ledger.issue == issue) & ledger.actor.isin([actor_a, actor_b])]
    arts = core.load_articles(path)
    head = (f"<tr><th style='text-align:left'>article</th><th style='text-align:left;width:42%'>{html.escape(ACTORS[actor_a])}</th>"
            f"<th style='text-align:left;width:42%'>{html.escape(ACTORS[actor_b])}</th></tr>")
    body = []
    for aid, outlet, date in zip(arts.article_id, arts.outlet, arts.published):
        sub = rows[rows.article_id == aid]
        if sub.empty:
            continue
        cells = [_cell(sub[sub.actor == a]) for a in (actor_a, actor_b)]
        body.append(f"<tr><td style='vertical-align:top;text-align:left'>{html.escape(outlet)}<br><small>{html.escape(date)}</small></td>"
                    f"<td style='vertical-align:top;text-align:left'>{cells[0]}</td><td style='vertical-align:top;text-align:left'>{cells[1]}</td></tr>")
    if not body:
        body.append("<tr><td colspan='3'><i>No article reports a position of either actor on this issue.</i></td></tr>")
    caption = f"<p><b>{html.escape(label)}</b>: {html.escape(ACTORS[actor_a])} and {html.escape(ACTORS[actor_b])}, as the articles report them</p>"
    return core.HTML(caption + f"<table class='kit-table'><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>")


_VOICE_WORDS = {
    "official": "voiced by {who} (the actor's own official)",
    "other_party": "described by {who} (another party)",
    "analyst": "described by {who} (analyst)",
}


def _voiced_by(r) -> str:
    """Who voices a position, in words (the article's narration is not presented as the state speaking)."""
    via = f", via {html.escape(r.relay)}" if r.relay else ""
    if r.voice == "outlet":
        if r.speaker_type == "outlet_itself" or r.speaker_id in ("outlet", "undisclosed_sources"):
            return f"stated in the article's narration{via}"
        return f"stated in the article's narration, about {html.escape(r.speaker)}{via}"
    return _VOICE_WORDS[r.voice].format(who=html.escape(r.speaker)) + via


def _cell(rows: pd.DataFrame) -> str:
    if rows.empty:
        return "<span style='color:#888'>(not reported)</span>"
    parts = []
    for r in rows.sort_values("start").itertuples():
        i = r.sentence.find(r.span)
        if i >= 0:
            quote = (html.escape(r.sentence[:i]) + "<b>" + html.escape(r.span) + "</b>"
                     + html.escape(r.sentence[i + len(r.span):]))
        else:
            quote = "<b>" + html.escape(r.span) + "</b>"
        parts.append(f"<div style='margin-bottom:0.6em'>{html.escape(STANCES[r.stance])}: {html.escape(r.summary)}"
                     f"<br><small>“{quote}”<br>{_voiced_by(r)}</small></div>")
    return "".join(parts)


def plot_position_matrix(path=None, *, ledger: pd.DataFrame | None = None):
    """A chart of how many stated positions each actor has on each issue, split by voice.

    Each cell shows the number of positions; its shading is the count, and a small note gives
    how many of them come from the actor's own officials ("off.").

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_position_matrix()
    >>> fig.axes[0].get_title().startswith("Stated positions")
    True
    """
    import matplotlib.pyplot as plt

    ledger = positions(path) if ledger is None else ledger
    m = position_matrix(path, ledger=ledger)
    off = position_matrix(path, ledger=ledger, voice="official").reindex(index=m.index, columns=m.columns, fill_value=0)
    labels = dict(zip(*issues_codebook(path)[["issue", "label"]].T.values))
    fig, ax = plt.subplots(figsize=(11, 0.55 * len(m) + 2.6))
    ax.imshow(m.values, cmap="Blues", aspect="auto", vmin=0, vmax=max(4, m.values.max()))
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            n = int(m.iat[i, j])
            if n:
                colour = "white" if n > 0.6 * max(4, m.values.max()) else "black"
                ax.text(j, i - 0.12, str(n), ha="center", va="center", fontsize=10, fontweight="bold", color=colour)
                ax.text(j, i + 0.25, f"{int(off.iat[i, j])} off.", ha="center", va="center", fontsize=6.5, color=colour)
    ax.set_xticks(range(m.shape[1]))
    ax.set_xticklabels([labels.get(c, c) for c in m.columns], rotation=40, ha="right", fontsize=8)
    ax.set_yticks(range(m.shape[0]))
    ax.set_yticklabels(m.index, fontsize=9)
    n_arts = len(core.load_articles(path))
    ax.set_title(f"Stated positions per actor and issue, all {_number(n_arts)} articles\n"
                 "(number of rows in the ledger; \"off.\" = voiced by the actor's own officials)", fontsize=10)
    fig.tight_layout()
    return fig


def position_picker(path=None, *, actor: str = "russia", issue: str = "ceasefire",
                    ledger: pd.DataFrame | None = None):
    """An interactive picker: choose an actor and an issue, read the evidence in context.

    In a running notebook this shows two drop-down lists and the matching positions with
    their sentences. Saved notebooks and HTML handouts show the static view of the starting
    choice instead.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    actor, issue : str
        The starting choice; if the ledger has no such actor or issue, the first one it has.
    ledger : DataFrame, optional
        The result of :func:`positions` (to avoid loading it again).

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

    ledger = _sort(positions(path) if ledger is None else ledger, path)  # by issue, then publication date
    codes = issues_codebook(path)
    actor_opts = [(ACTORS[a], a) for a in ACTORS if a in set(ledger.actor)]
    issue_opts = [(lab, code) for code, lab in zip(codes.issue, codes.label) if code in set(ledger.issue)]
    if not actor_opts or not issue_opts:
        return core.HTML("<p><i>The positions ledger has no rows yet: there is nothing to pick from.</i></p>")
    actor = actor if actor in {code for _, code in actor_opts} else actor_opts[0][1]
    issue = issue if issue in {code for _, code in issue_opts} else issue_opts[0][1]
    pick_actor = widgets.Dropdown(options=actor_opts, value=actor, description="Actor")
    pick_issue = widgets.Dropdown(options=issue_opts, value=issue, description="Issue")
    out = widgets.HTML()

    def render(*_):
        out.value = _picker_html(ledger, pick_actor.value, pick_issue.value, codes)

    pick_actor.observe(render, names="value")
    pick_issue.observe(render, names="value")
    render()
    box = widgets.VBox([widgets.HBox([pick_actor, pick_issue]), out])
    return core.WidgetView(box, _picker_html(ledger, actor, issue, codes), _PICKER_LABEL)


def _picker_html(ledger: pd.DataFrame, actor: str, issue: str, codes: pd.DataFrame) -> str:
    label = dict(zip(codes.issue, codes.label))[issue]
    rows = ledger[(ledger.actor == actor) & (ledger.issue == issue)]
    head = f"<p><b>{html.escape(ACTORS[actor])}</b> on <b>{html.escape(label)}</b>: {len(rows)} stated position(s)</p>"
    if rows.empty:
        return head + "<p><i>None of the articles reports a position of this actor on this issue.</i></p>"
    items = []
    for r in rows.itertuples():
        items.append(f"<li><small>{html.escape(r.article_id)}</small>: {_cell(rows[rows.position_id == r.position_id])}</li>")
    return head + "<ul>" + "".join(items) + "</ul>"
