"""Who speaks: the speakers gazetteer, the attributions table and a rule-based quotation extractor.

Two hand-made tables (see ``data/README.md``) hold the sourcing of each article:

* ``annotations/speakers.csv`` -- the gazetteer: one row per person or body that speaks, with
  its name variants, role, country and speaker type;
* ``annotations/attributions.csv`` -- one row per attributed statement: what was said (the
  verbatim span), who said it, in which form (direct quote, partial quote, indirect), with which
  reporting words (the cue), and through which go-between (the relay, e.g. "Tass reported").

On top of them this module counts the voices of each article (:func:`voices_by_source`,
:func:`plot_voices`, :func:`findings`, :func:`relay_chains`), and offers an extractor that finds
attributed statements in any corpus by rules alone, without language models
(:func:`extract_attributions`), with a sentence-level evaluation against the hand-made table
(:func:`evaluate_extractor`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from kit import core
from kit.core import KitDataError, NotCodedError, Problem

__all__ = [
    "SPEAKER_TYPES",
    "FORMS",
    "REPORTING_VERBS",
    "HELD_OUT",
    "speakers",
    "attributions",
    "voices_by_source",
    "source_profile",
    "relay_chains",
    "speakers_in",
    "sourcing_overview",
    "example_statements",
    "show_statements",
    "extracted_profile",
    "findings",
    "plot_voices",
    "statement_highlights",
    "extract_attributions",
    "evaluate_extractor",
    "Evaluation",
]

#: Speaker types of the gazetteer, with what each means.
SPEAKER_TYPES = {
    "head_of_state_or_government": "head of state or government (president, prime minister)",
    "vice_president": "vice-president (deputy head of state or government)",
    "minister": "minister or deputy minister (incl. secretary of state)",
    "spokesperson": "official spokesperson",
    "negotiator": "member or head of a negotiating delegation",
    "legislator": "member of parliament",
    "anonymous_official": "unnamed official or source",
    "academic_expert": "named academic or think-tank expert",
    "anonymous_observers": "unnamed experts or observers",
    "state_metonym": "a state or institution speaking as a whole ('Moscow', 'the Kremlin', 'Kyiv')",
    "outlet_relay": "another news outlet that relays a statement ('Tass reported')",
    "outlet_itself": "the article's own narration",
    "intergovernmental_body": "an intergovernmental body (the EU as an institution)",
    "other": "anyone else",
}

#: Forms of an attributed statement.
FORMS = {
    "direct_quote": "wholly in quotation marks",
    "partial_quote": "a quoted phrase inside a paraphrase",
    "indirect": "paraphrase only, no quotation marks",
}

#: The article kept apart while the extractor's rules were written (never tuned on).
HELD_OUT = ("cgtn-2025-05-17",)

_SPEAKERS_FILE = "annotations/speakers.csv"
_ATTR_FILE = "annotations/attributions.csv"
_SPEAKER_COLS = ["speaker_id", "canonical_name", "variants", "role", "affiliation", "country", "speaker_type", "notes"]
_ATTR_COLS = ["attribution_id", "article_id", "span", "speaker_id", "form", "cue", "relay_id", "relay_cue", "notes"]

#: Types that denote a named, individual person.
PERSON_TYPES = {"head_of_state_or_government", "vice_president", "minister", "spokesperson", "negotiator",
                "legislator", "academic_expert", "other"}
#: Words in a gazetteer role that mark an office holder or professional (not an ordinary person).
_OFFICE_WORDS = re.compile(r"president|minister|secretary|spokes|official|leader|lawmaker|aide|negotiator|"
                           r"director|professor|scholar|expert|ambassador|envoy|chancellor|king|queen|general",
                           re.IGNORECASE)

# Okabe-Ito colour-blind-safe palette.
_OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#999999"]


# --------------------------------------------------------------------------------------------
# The hand-made tables
# --------------------------------------------------------------------------------------------


def speakers(path=None) -> pd.DataFrame:
    """Load and check the speakers gazetteer.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder (see :func:`kit.core.data_dir`).

    Returns
    -------
    pandas.DataFrame
        One row per speaker, in the file's order. Columns ``speaker_id``, ``canonical_name``,
        ``variants`` (the name forms used in the texts, ``" | "``-separated), ``role``,
        ``affiliation``, ``country`` (``" | "`` for joint speakers), ``speaker_type`` (a key
        of ``SPEAKER_TYPES``), ``notes``, and ``variant_list`` (the canonical name and the
        variants as a Python list, longest first).

    Raises
    ------
    NotCodedError
        If the corpus has no gazetteer.
    KitDataError
        For an unknown speaker type, an empty or duplicate id, or an empty name; the message
        names the line.

    Examples
    --------
    >>> sp = speakers()
    >>> sp.set_index("speaker_id").loc["peskov", ["canonical_name", "speaker_type", "country"]].tolist()
    ['Dmitry Peskov', 'spokesperson', 'Russia']
    >>> sp.set_index("speaker_id").loc["cnn", "variant_list"]
    ['CNN']
    """
    df = core.read_annotation("speakers.csv", required=_SPEAKER_COLS, path=path, span_col=None,
                              codes={"speaker_type": SPEAKER_TYPES})
    problems = []
    seen: dict[str, int] = {}
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        sid = r["speaker_id"].strip()
        if not sid:
            problems.append(Problem(_SPEAKERS_FILE, row, "the speaker_id is empty", "give the speaker a short snake_case id"))
        elif sid in seen:
            problems.append(Problem(_SPEAKERS_FILE, row, f"duplicate speaker_id {sid!r} (also on line {seen[sid]})",
                                    "give each speaker one row; merge the two rows"))
        else:
            seen[sid] = r["csv_line"]
        for col in ("canonical_name", "speaker_type"):
            if not r[col].strip():
                problems.append(Problem(_SPEAKERS_FILE, row, f"the {col} is empty", f"fill in the {col}"))
    if problems:
        raise KitDataError(problems)
    df["variant_list"] = [
        sorted({v.strip() for v in [name, *vs.split("|")] if v.strip()}, key=lambda v: (-len(v), v))
        for name, vs in zip(df["canonical_name"], df["variants"])
    ]
    return df[[*_SPEAKER_COLS, "variant_list"]].reset_index(drop=True)


def attributions(path=None) -> pd.DataFrame:
    """Load and check the attributions table, joined with the gazetteer and the sentences.

    Every form is checked, every ``speaker_id`` and ``relay_id`` must exist in the gazetteer,
    and every span is located in its article; all problems are reported at once, each naming
    the line of ``annotations/attributions.csv``.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.

    Returns
    -------
    pandas.DataFrame
        One row per attributed statement, in the file's order. Columns:

        ===============  ==============================================================
        attribution_id   e.g. ``cgtn-2025-05-14-a05``
        article_id       the article
        outlet           the article's outlet
        span             what was said, verbatim
        start, end       the span's character offsets in the article
        speaker_id       who said it (an id of the gazetteer)
        speaker          the speaker's canonical name
        speaker_type     the speaker's type (see ``SPEAKER_TYPES``)
        speaker_country  the speaker's country (``" | "`` for joint speakers)
        form             direct_quote / partial_quote / indirect
        cue              the reporting words, verbatim
        relay_id         the go-between nearest the reader, or ``""``
        relay            its name, or ``""``
        relay_cue        the words that name the relay, or ``""``
        sentence         the whole sentence(s) the span sits in
        in_body          True if the span is in the body text (False: e.g. the headline)
        notes            the coder's notes
        ===============  ==============================================================

    Raises
    ------
    NotCodedError
        If the corpus has no attributions table or no gazetteer.
    KitDataError
        For an unknown form, speaker or relay, an empty speaker or form, a duplicate id, or a
        span not found in its article.

    Examples
    --------
    >>> at = attributions()
    >>> row = at.set_index("attribution_id").loc["globaltimes-2025-05-14-a10"]
    >>> row.speaker, row.relay, row.form
    ('Dmitry Peskov', 'TASS', 'direct_quote')
    >>> row.sentence.startswith("When asked to comment")
    True
    """
    base = core.data_dir(path)
    sp = speakers(base)
    ids = set(sp.speaker_id)
    df = core.read_annotation("attributions.csv", required=_ATTR_COLS, path=base,
                              codes={"form": FORMS, "speaker_id": ids, "relay_id": ids})
    problems = []
    seen: dict[str, int] = {}
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        for col in ("speaker_id", "form"):
            if not r[col].strip():
                problems.append(Problem(_ATTR_FILE, row, f"the {col} is empty", f"fill in the {col}"))
        aid = r["attribution_id"]
        if aid in seen:
            problems.append(Problem(_ATTR_FILE, row, f"duplicate attribution_id {aid!r} (also on line {seen[aid]})",
                                    "give each row its own id"))
        seen[aid] = r["csv_line"]
    if problems:
        raise KitDataError(problems)
    g = sp.set_index("speaker_id")
    arts = core.load_articles(base)
    df["outlet"] = df["article_id"].map(dict(zip(arts.article_id, arts.outlet)))
    df["speaker"] = df["speaker_id"].map(g["canonical_name"])
    df["speaker_type"] = df["speaker_id"].map(g["speaker_type"])
    df["speaker_country"] = df["speaker_id"].map(g["country"])
    df["relay"] = df["relay_id"].map(g["canonical_name"]).fillna("")
    df["sentence"] = core.enclosing_sentences(df, base, articles=arts)
    body = core.sentences(base, articles=arts)
    df["in_body"] = [bool(((body.article_id == aid) & (body.end > s) & (body.start < e)).any())
                     for aid, s, e in zip(df["article_id"], df["start"], df["end"])]
    cols = ["attribution_id", "article_id", "outlet", "span", "start", "end", "speaker_id", "speaker", "speaker_type",
            "speaker_country", "form", "cue", "relay_id", "relay", "relay_cue", "sentence", "in_body", "notes"]
    return df[cols].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Counting voices
# --------------------------------------------------------------------------------------------


def _article_order(path) -> pd.DataFrame:
    arts = core.load_articles(path)
    return arts[["article_id", "outlet", "published"]]


def voices_by_source(path=None, *, by: str = "speaker_country", table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count the attributed statements of each article by one property of the speaker or statement.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    by : str
        What to count by: ``"speaker_country"``, ``"speaker_type"``, ``"form"``, ``"speaker"``
        or ``"relay"`` (statements that reach the reader through a go-between, by its name;
        ``"(none)"`` for the rest).
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`); e.g. the extractor's output.

    Returns
    -------
    pandas.DataFrame
        One row per article (in date order, all articles, even those with no statements),
        one column per value of ``by`` (most frequent first), plus ``total``. Cells are
        numbers of statements.

    Examples
    --------
    >>> v = voices_by_source(by="form")
    >>> int(v.loc["cgtn-2025-05-17", "direct_quote"])
    0
    >>> int(v.loc["atalayar-2025-05-19", "total"])
    22
    """
    at = attributions(path) if table is None else table
    col = by
    if by == "relay":
        at = at.assign(relay=at["relay"].replace("", "(none)"))
    if col not in at.columns:
        raise ValueError(f"by must be one of speaker_country, speaker_type, form, speaker, relay; got {by!r}")
    order = _article_order(path).article_id
    m = pd.crosstab(at["article_id"], at[col])
    cols = list(m.sum().sort_values(ascending=False, kind="stable").index)
    if by == "form":
        cols = [f for f in FORMS if f in m.columns]
    m = m.reindex(index=order, columns=cols, fill_value=0)
    m["total"] = m.sum(axis=1)
    return m.rename_axis(index="article_id", columns=by)


def source_profile(path=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sourcing of each article in one row: how many statements, voices, quotes and relays.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`).

    Returns
    -------
    pandas.DataFrame
        One row per article, in date order. Columns ``article_id``, ``outlet``,
        ``statements`` (attributed statements), ``speakers`` (distinct speakers of any kind),
        ``named_people`` (distinct named individuals), ``direct_quote``, ``partial_quote``,
        ``indirect`` (statements by form), ``relayed`` (statements with a relay),
        ``countries`` (speakers' countries, most statements first, with counts).

    Examples
    --------
    >>> p = source_profile().set_index("article_id")
    >>> p.loc["cgtn-2025-05-14", ["statements", "speakers", "named_people"]].tolist()
    [14, 3, 3]
    """
    at = attributions(path) if table is None else table
    rows = []
    for a in _article_order(path).itertuples():
        t = at[at.article_id == a.article_id]
        people = t[t.speaker_type.isin(PERSON_TYPES)]
        countries = t.speaker_country.value_counts(sort=True)
        rows.append({
            "article_id": a.article_id, "outlet": a.outlet, "statements": len(t), "speakers": t.speaker_id.nunique(),
            "named_people": people.speaker_id.nunique(),
            **{f: int((t.form == f).sum()) for f in FORMS},
            "relayed": int((t.relay_id != "").sum()),
            "countries": ", ".join(f"{c} {n}" for c, n in countries.items()),
        })
    return pd.DataFrame(rows)


def relay_chains(path=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every statement that reaches the reader through a go-between: who spoke, through whom.

    Returns
    -------
    pandas.DataFrame
        One row per relayed statement, in article and text order. Columns ``article_id``,
        ``speaker`` (who the text says spoke), ``cue`` (the reporting words), ``relay`` (the
        go-between nearest the reader), ``relay_cue`` (the words that name it), ``chain``
        (``speaker → relay → outlet``), ``span``.

    Examples
    --------
    >>> r = relay_chains()
    >>> r[r.relay == "TASS"].chain.tolist()
    ['Dmitry Peskov → TASS → Global Times']
    """
    at = attributions(path) if table is None else table
    r = at[at.relay_id != ""].copy()
    r["chain"] = [s if s == rl else f"{s} → {rl}" for s, rl in zip(r.speaker, r.relay)]
    r["chain"] = r["chain"] + " → " + r["outlet"]
    order = {a: i for i, a in enumerate(_article_order(path).article_id)}
    r = r.assign(_o=r.article_id.map(order)).sort_values(["_o", "start"], kind="stable")
    return r[["article_id", "speaker", "cue", "relay", "relay_cue", "chain", "span"]].reset_index(drop=True)


def speakers_in(article_id: str, path=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who speaks in one article: one row per speaker, with how often and in which form.

    Parameters
    ----------
    article_id : str
        The article.
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`).

    Returns
    -------
    pandas.DataFrame
        One row per speaker, most statements first (ties by name). Columns ``speaker``,
        ``speaker_type``, ``speaker_country``, ``statements``, ``direct_quote``,
        ``partial_quote``, ``indirect``, ``relayed`` (how many reach the reader through a
        go-between), ``relays`` (their names).

    Examples
    --------
    >>> speakers_in("cgtn-2025-05-14")[["speaker", "statements", "direct_quote"]].values.tolist()[0]
    ['Sun Zhuangzhi', 11, 3]
    """
    at = attributions(path) if table is None else table
    t = at[at.article_id == article_id]
    rows = []
    for (name, typ, country), g in t.groupby(["speaker", "speaker_type", "speaker_country"]):
        rows.append({"speaker": name, "speaker_type": typ, "speaker_country": country, "statements": len(g),
                     **{f: int((g.form == f).sum()) for f in FORMS},
                     "relayed": int((g.relay_id != "").sum()),
                     "relays": ", ".join(sorted(set(g.relay) - {""}))})
    cols = ["speaker", "speaker_type", "speaker_country", "statements", *FORMS, "relayed", "relays"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["statements", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


#: The three statements notebook 01 shows first on the kit's own corpus (one of each form).
_EXAMPLE_STATEMENTS = ("globaltimes-2025-05-14-a10", "atalayar-2025-05-19-a03", "cgtn-2025-05-17-a04")


def sourcing_overview(path=None, *, table: pd.DataFrame | None = None) -> core.HTML:
    """One line on the hand-coded attributions: how many statements, speakers and articles.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        The attributions table (default: :func:`attributions`).

    Returns
    -------
    kit.core.HTML
        E.g. "92 attributed statements, 32 different speakers, 5 articles".

    Raises
    ------
    NotCodedError
        If the corpus has no attributions table or no gazetteer (use ``helpers.when_coded``).

    Examples
    --------
    >>> print(repr(sourcing_overview()).strip())
    92 attributed statements, 32 different speakers, 5 articles
    """
    at = attributions(path) if table is None else table
    return core.HTML(f"<p>{len(at)} attributed statements, {at.speaker_id.nunique()} different speakers, "
                     f"{at.article_id.nunique()} articles</p>")


def example_statements(path=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Three rows of the attributions table to read first: one direct, one partial and one indirect.

    On the kit's own corpus these are the three statements notebook 01 discusses (a TASS-relayed
    quote of the Kremlin's spokesperson, a partial quote in Atalayar, an indirect statement of a
    Chinese academic). On another corpus: the first statement of each form, in article order.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        The attributions table (default: :func:`attributions`).

    Returns
    -------
    pandas.DataFrame
        Up to three rows. Columns ``article_id``, ``speaker``, ``speaker_type``, ``form``,
        ``cue``, ``relay``, ``sentence`` (see :func:`attributions`).

    Examples
    --------
    >>> example_statements().form.tolist()
    ['direct_quote', 'partial_quote', 'indirect']
    """
    at = attributions(path) if table is None else table
    ids = set(at.attribution_id) if "attribution_id" in at.columns else set()
    if ids.issuperset(_EXAMPLE_STATEMENTS):
        rows = at.set_index("attribution_id").loc[list(_EXAMPLE_STATEMENTS)].reset_index()
    else:
        order = {a: i for i, a in enumerate(_article_order(path).article_id)}
        at = at.assign(_o=at.article_id.map(order)).sort_values(["_o", "start"], kind="stable")
        rows = pd.concat([at[at.form == f].head(1) for f in FORMS])
    return rows[["article_id", "speaker", "speaker_type", "form", "cue", "relay", "sentence"]].reset_index(drop=True)


def show_statements(article_id: str, path=None, *, table: pd.DataFrame | None = None,
                    with_form: bool = False) -> core.HTML:
    """The reading view of one article with its attributed statements highlighted, one tag per speaker.

    Parameters
    ----------
    article_id : str
        The article.
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`); the extractor's output
        (:func:`extract_attributions`) works too, so this runs on a corpus that is not coded.
    with_form : bool
        One tag per speaker and form (see :func:`statement_highlights`).

    Returns
    -------
    kit.core.HTML
        :func:`kit.core.show_article` with ``highlight=statement_highlights(...)``.

    Examples
    --------
    >>> "Sun Zhuangzhi" in show_statements("cgtn-2025-05-14").data
    True
    """
    highlight = statement_highlights(article_id, path, table=table, with_form=with_form)
    return core.show_article(article_id, highlight=highlight, path=path)


def extracted_profile(path=None, *, table: pd.DataFrame | None = None, top: int = 3) -> pd.DataFrame:
    """Who speaks in each article by the rules alone: a summary of the extractor's output.

    Works on any corpus, coded or not: it needs no gazetteer, and counts speakers by the
    ``speaker`` column (the gazetteer's name if there is one, else the name as found, so
    "Piet Lindqvist" and "Mayor Piet Lindqvist" may count as two). Check it by reading:
    see :func:`show_statements` with ``table=`` the extractor's output.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        The extractor's output (default: :func:`extract_attributions` on the corpus).
    top : int
        How many speakers to name per article.

    Returns
    -------
    pandas.DataFrame
        One row per article, in date order, even those where nothing is found. Columns
        ``article_id``, ``outlet``, ``statements`` (statements found), ``speakers`` (distinct
        speaker names), ``direct_quote``, ``partial_quote``, ``indirect`` (statements by
        form), ``relayed`` (statements with a relay), ``top_speakers`` (the ``top`` speakers
        with the most statements, e.g. ``Sun Zhuangzhi 11, Vladimir Putin 2``; ties by name).

    Examples
    --------
    >>> p = extracted_profile().set_index("article_id")
    >>> p.loc["cgtn-2025-05-14", "top_speakers"].split(",")[0]
    'Sun Zhuangzhi 12'
    """
    found = extract_attributions(path) if table is None else table
    rows = []
    for a in _article_order(path).itertuples():
        t = found[found.article_id == a.article_id]
        counts = t.groupby("speaker").size().reset_index(name="n")
        counts = counts.sort_values(["n", "speaker"], ascending=[False, True], kind="stable").head(top)
        rows.append({
            "article_id": a.article_id, "outlet": a.outlet, "statements": len(t), "speakers": t.speaker.nunique(),
            **{f: int((t.form == f).sum()) for f in FORMS},
            "relayed": int((t.relay != "").sum()),
            "top_speakers": ", ".join(f"{s} {n}" for s, n in zip(counts.speaker, counts.n)),
        })
    return pd.DataFrame(rows, columns=["article_id", "outlet", "statements", "speakers", *FORMS, "relayed",
                                       "top_speakers"])


def _is_ordinary(speaker_type: str, role: str) -> bool:
    """An ordinary person: typed ``other`` and holding no office by the gazetteer's role."""
    return speaker_type == "other" and not _OFFICE_WORDS.search(role or "")


def findings(path=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Checkable statements about each article's sourcing, one row per article.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        The attributions table (default: :func:`attributions`), to avoid reading it again.

    Returns
    -------
    pandas.DataFrame
        One row per article, in date order. Columns:

        =========================  =====================================================
        article_id, outlet         the article
        statements                 attributed statements
        named_people               distinct named individuals who speak
        top_speaker                the speaker with the most statements
        top_speaker_share          that speaker's share of all statements (0-1)
        ukrainian_statements       statements by Ukrainian speakers (people or "Kyiv")
        ukrainian_direct_quote     True if a Ukrainian speaker is quoted in full quotation
        russian_direct_quote       True if a Russian speaker is quoted in full quotation
        any_direct_quote           True if anyone is quoted in full quotation
        relayed                    statements that reach the reader through another outlet
                                   or source
        ordinary_person_quoted     True if anyone without an office or expertise speaks
                                   (a speaker typed ``other`` whose gazetteer role names
                                   no office)
        =========================  =====================================================

    Examples
    --------
    >>> f = findings().set_index("article_id")
    >>> f.ukrainian_direct_quote[f.ukrainian_direct_quote].index.tolist()
    ['atalayar-2025-05-19']
    >>> bool(f.ordinary_person_quoted.any())
    False
    """
    base = core.data_dir(path)
    at = attributions(base) if table is None else table
    sp = speakers(base).set_index("speaker_id")
    rows = []
    for a in _article_order(base).itertuples():
        t = at[at.article_id == a.article_id]
        counts = t.speaker.value_counts()
        top = counts.index[0] if len(counts) else ""
        direct = t[t.form == "direct_quote"]
        rows.append({
            "article_id": a.article_id, "outlet": a.outlet, "statements": len(t),
            "named_people": t[t.speaker_type.isin(PERSON_TYPES)].speaker_id.nunique(),
            "top_speaker": top, "top_speaker_share": round(counts.iloc[0] / len(t), 2) if len(t) else 0.0,
            "ukrainian_statements": int((t.speaker_country == "Ukraine").sum()),
            "ukrainian_direct_quote": bool((direct.speaker_country == "Ukraine").any()),
            "russian_direct_quote": bool((direct.speaker_country == "Russia").any()),
            "any_direct_quote": bool(len(direct)),
            "relayed": int((t.relay_id != "").sum()),
            "ordinary_person_quoted": any(_is_ordinary(sp.at[s, "speaker_type"], sp.at[s, "role"]) for s in t.speaker_id),
        })
    return pd.DataFrame(rows)


def statement_highlights(article_id: str, path=None, *, table: pd.DataFrame | None = None,
                         with_form: bool = False) -> dict[str, list[str]]:
    """The statements of one article, grouped by speaker, ready for ``show_article(highlight=...)``.

    Parameters
    ----------
    article_id : str
        The article.
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`; the extractor's output works too).
    with_form : bool
        Add the form to each label, e.g. ``"Dmitry Peskov (direct quote)"`` (one colour per
        speaker and form instead of one per speaker).

    Returns
    -------
    dict
        ``{speaker: [span, ...]}`` in order of first appearance in the text.

    Examples
    --------
    >>> h = statement_highlights("cgtn-2025-05-17")
    >>> list(h)[:2]
    ['experts (unnamed)', 'Volodymyr Zelenskyy']
    >>> len(h["Sun Zhuangzhi"])
    6
    """
    at = attributions(path) if table is None else table
    t = at[at.article_id == article_id].sort_values("start", kind="stable")
    out: dict[str, list[str]] = {}
    for name, form, span in zip(t["speaker"], t["form"], t["span"]):
        label = f"{name} ({form.replace('_', ' ')})" if with_form else name
        out.setdefault(label, []).append(span)
    return out


#: Fixed colours (Okabe-Ito) for speaker countries: the two sides first, then third parties.
_COUNTRY_COLOURS = {"Russia": "#D55E00", "Ukraine": "#0072B2", "China": "#E69F00", "United States": "#56B4E9",
                    "European Union": "#009E73", "United Kingdom": "#CC79A7", "Turkey": "#F0E442",
                    "Brazil": "#000000", "China | Brazil": "#E69F00", "Europe": "#009E73",
                    "Ukraine | United States": "#0072B2", "Ukraine | allies (not named)": "#0072B2",
                    "Europe | United States": "#009E73", "n/a": "#DDDDDD"}
#: Joint speakers (two countries, " | ") are drawn in the first party's colour, hatched.
_COUNTRY_HATCHES = {"China | Brazil": "xx", "Ukraine | United States": "xx", "Ukraine | allies (not named)": "..",
                    "Europe | United States": "xx"}
_FORM_COLOURS = {"direct quote": "#333333", "partial quote": "#999999", "indirect": "#DDDDDD"}
_DARK = {"#D55E00", "#0072B2", "#000000", "#009E73", "#333333", "#CC79A7"}


def plot_voices(path=None, *, table: pd.DataFrame | None = None, by: str = "speaker_country"):
    """Chart the voices of each article: statements by speaker country and by form.

    Two panels share the articles as rows (in date order, top to bottom). Left: each article's
    attributed statements as one horizontal bar, split by the speakers' country (Russia and
    Ukraine first, then third parties) or by ``by``. Right: the same statements split by form
    (direct quote, partial quote, indirect), with the number reaching the reader through a relay
    written beside the bar. Segments of two or more statements carry their count.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`).
    by : str
        The property of the left panel (``"speaker_country"`` or ``"speaker_type"``).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_voices()
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['attributed statements', 'attributed statements']
    """
    import matplotlib.pyplot as plt

    at = attributions(path) if table is None else table
    arts = _article_order(path)
    labels = [f"{o}\n{a}" for a, o in zip(arts.article_id, arts.outlet)]
    left = voices_by_source(path, by=by, table=at).drop(columns="total")
    if by == "speaker_country":
        order = [c for c in _COUNTRY_COLOURS if c in left.columns] + [c for c in left.columns if c not in _COUNTRY_COLOURS]
        left = left[order]
        colours = {c: _COUNTRY_COLOURS.get(c, _OKABE_ITO[i % len(_OKABE_ITO)]) for i, c in enumerate(left.columns)}
    else:
        colours = {c: _OKABE_ITO[i % len(_OKABE_ITO)] for i, c in enumerate(left.columns)}
    form = voices_by_source(path, by="form", table=at).drop(columns="total").rename(columns=lambda c: c.replace("_", " "))
    relayed = at[at.relay_id != ""].groupby("article_id").size().reindex(arts.article_id, fill_value=0)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 0.7 * len(arts) + 2.6), sharey=True,
                                   gridspec_kw={"width_ratios": [1.35, 1]})
    y = list(range(len(arts)))[::-1]
    _stacked(ax1, y, left, colours, hatches=_COUNTRY_HATCHES)
    _stacked(ax2, y, form, _FORM_COLOURS, hatches={"partial quote": "//"})
    totals = form.sum(axis=1)
    xmax = max(int(totals.max()) if len(totals) else 1, 1)
    for yy, n, t in zip(y, relayed, totals):
        if n:
            ax2.text(t + xmax * 0.03, yy, f"{n} relayed", va="center", fontsize=8, color="#333")
    ax2.set_xlim(0, xmax * 1.35)
    ax1.set_yticks(y)
    ax1.set_yticklabels(labels, fontsize=8.5)
    for ax, title, ncol in ((ax1, f"Whose voice: by {by.replace('_', ' ')}", 4), (ax2, "How: by form of the statement", 3)):
        ax.set_xlabel("attributed statements")
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=7.5, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=ncol, frameon=False)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.suptitle("Who speaks in each article, and how (attributed statements, hand-coded)", fontsize=11)
    fig.tight_layout()
    return fig


def _stacked(ax, y, table: pd.DataFrame, colours: dict, hatches: dict | None = None):
    left = [0] * len(table)
    for col in table.columns:
        vals = table[col].tolist()
        ax.barh(y, vals, left=left, color=colours[col], edgecolor="white", linewidth=0.8,
                hatch=(hatches or {}).get(col), label=col)
        for yy, lo, v in zip(y, left, vals):
            if v >= 2:
                ax.text(lo + v / 2, yy, str(v), ha="center", va="center", fontsize=7.5,
                        color="white" if colours[col] in _DARK else "black",
                        bbox=dict(boxstyle="round,pad=0.1", facecolor=colours[col], edgecolor="none"))
        left = [a + b for a, b in zip(left, vals)]


# --------------------------------------------------------------------------------------------
# The rule-based extractor
# --------------------------------------------------------------------------------------------

#: The reporting verbs the extractor looks for (lemmas). Based on textacy's list of reporting
#: verbs (``textacy.extract.triples``), without the cognition verbs that rarely report speech
#: (ask, continue, decline, order, read, scream), plus verbs of diplomatic speech (propose,
#: demand, request, reiterate, reaffirm, emphasize, criticise, call for).
REPORTING_VERBS = {
    # free: any complement
    "accuse": "free", "acknowledge": "free", "add": "free", "admit": "free", "allege": "free", "announce": "free",
    "argue": "free", "assert": "free", "blame": "free", "cite": "free", "complain": "free", "concede": "free",
    "confirm": "free", "contend": "free", "criticize": "free", "criticise": "free", "declare": "free",
    "deny": "free", "disclose": "free", "emphasize": "free", "emphasise": "free", "explain": "free",
    "insist": "free", "mention": "free", "note": "free", "observe": "free", "predict": "free", "promise": "free",
    "recall": "free", "recommend": "free", "reply": "free", "report": "free", "say": "free", "state": "free",
    "stress": "free", "suggest": "free", "tell": "free", "testify": "free", "tweet": "free", "urge": "free",
    "warn": "free", "write": "free", "propose": "free", "demand": "free", "request": "free", "reiterate": "free",
    "reaffirm": "free", "underline": "free", "underscore": "free", "post": "free",
    # clause: only with "that", a quotation, or at the end of the sentence ("..., the two sides agreed.")
    "agree": "clause", "claim": "clause", "maintain": "clause", "believe": "clause", "think": "clause",
    "hope": "clause", "fear": "clause", "worry": "clause", "estimate": "clause", "conclude": "clause",
    "disagree": "clause",
    # special
    "call": "call",  # "called for ...", or "called X 'quoted words'" (not "called X" on the phone)
    "describe": "describe",  # "described by X as ...", "X described Y as ..."
}
_IRREGULAR = {"say": ["says", "said", "saying"], "tell": ["tells", "told", "telling"],
              "write": ["writes", "wrote", "written", "writing"], "think": ["thinks", "thought", "thinking"],
              "admit": ["admits", "admitted", "admitting"], "underline": ["underlines", "underlined", "underlining"]}


def _forms(lemma: str) -> list[str]:
    if lemma in _IRREGULAR:
        return [lemma, *_IRREGULAR[lemma]]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


_FORM_TO_LEMMA = {f: lem for lem in REPORTING_VERBS for f in _forms(lem)}
_VERB_RE = re.compile(r"(?<![\w’'-])(" + "|".join(sorted(_FORM_TO_LEMMA, key=len, reverse=True)) + r")(?![\w’'-])")
_MADE_CLEAR_RE = re.compile(r"(?<![\w-])(?:made|makes|make|making) it clear(?![\w-])")
_ACCORDING_RE = re.compile(r"(?<![\w-])[Aa]ccording to\s+")

_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "two", "three", "four", "several", "some", "many",
                "other", "both", "unnamed", "anonymous", "undisclosed", "senior", "chief", "deputy", "first", "former",
                "top", "diplomatic", "foreign", "host", "presidential", "government", "state", "military", "local",
                "western", "russian", "ukrainian", "chinese", "european", "american", "british", "turkish"}
_ROLE_NOUNS = {"president", "minister", "spokesperson", "spokesman", "spokeswoman", "lawmaker", "legislator",
               "negotiator", "aide", "official", "officials", "expert", "experts", "observer", "observers", "analyst",
               "analysts", "source", "sources", "diplomat", "diplomats", "leader", "leaders", "delegation",
               "ministry", "government", "side", "sides", "country", "ally", "allies", "counterpart", "envoy",
               "envoys", "adviser", "advisor", "ambassador", "scholar", "professor", "researcher", "director",
               "secretary", "chancellor", "premier", "commander", "agency", "newspaper", "people", "resident",
               "residents", "citizen", "citizens", "soldier", "soldiers", "witness", "witnesses", "spokespeople",
               "representative", "representatives", "administration", "authorities", "mediator", "mediators"}
_PARTICLES = {"von", "der", "van", "de", "da", "del", "al", "bin", "le", "la", "of", "and"}
_PRONOUNS = {"he", "she", "it", "they"}
_DEMONYMS = {"Russian", "Ukrainian", "Chinese", "American", "US", "U.S.", "British", "European", "French",
             "German", "Polish", "Turkish", "Brazilian", "Western", "Spanish", "Greek", "Israeli", "Iranian", "Indian",
             "Japanese", "Belarusian", "Kremlin", "UN", "EU", "NATO"}
_TITLES = {"President", "Prime", "Minister", "Foreign", "Defence", "Defense", "Secretary", "State", "Deputy", "First",
           "Vice", "Chancellor", "Presidential", "Aide", "Spokesperson", "Spokesman", "Commission", "Ministry",
           "Mr", "Mrs", "Ms", "Dr", "Prof", "General", "Senator", "Sen.", "Rep.", "Commissioner", "Ambassador",
           "Special", "Envoy", "Chief", "Head", "Director", "Professor"}
#: Places and institutions: a name made only of these is a state or body, not a person.
_PLACES = {"Russia", "Ukraine", "Moscow", "Kyiv", "Kiev", "Washington", "Beijing", "China", "Brazil", "Turkey",
           "Türkiye", "Ankara", "Europe", "EU", "NATO", "UN", "US", "U.S.", "Britain", "UK", "London", "Paris",
           "Berlin", "Brussels", "Kremlin", "White", "House", "Istanbul", "Poland", "France", "Germany"}
#: Outlets and agencies the extractor knows without a gazetteer (relays, not speakers).
_OUTLETS = {"Tass", "TASS", "Reuters", "AP", "AFP", "Xinhua", "CNN", "BBC", "Bloomberg", "Axios", "Politico",
            "Interfax", "RIA Novosti", "Sputnik", "RT", "Ukrinform", "Anadolu", "Al Jazeera", "CGTN", "NBC", "CBS",
            "ABC", "Fox News", "the Washington Post", "Washington Post", "the New York Times", "New York Times",
            "the Wall Street Journal", "the Financial Times", "the Guardian", "the Associated Press", "Kyiv Independent",
            "the Kyiv Independent", "Xinhua News Agency", "the Xinhua News Agency", "Global Times", "the Global Times"}
_OUTLET_WORDS = re.compile(r"\b(Post|Times|News|Agency|Journal|Press|Network|Television|TV|Radio|Telegraph|Herald|Gazette)$")
#: Names a Chinese state outlet uses for its own interviews ("told China Media Group"): not a relay.
_OWN_OUTLET = {"CGTN": {"China Media Group", "CMG", "CGTN"}, "Global Times": {"Global Times", "the Global Times"}}
_PREPOSITIONS = {"by", "after", "before", "of", "for", "in", "on", "without", "from", "while", "when", "with", "about"}
_ADVERBIALS = re.compile(
    r"(?:\s+|^)(?:has|have|had|would|will|also|then|again|already|previously|once|later|earlier|so far|yet|"
    r"not|never|is|was|were|are|be|been|does|did|do|[a-z]+ly|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s*$")
_NEGATION = re.compile(r"(?:\bnot|\bnever|n[’']t|\bhas yet to|\bhave yet to)\s+(?:\w+\s+){0,2}$")
_WORD = re.compile(r"[^\W_](?:[\w’'.\-]*[\w’'])?\.?")


@dataclass
class _Cue:
    start: int  # where the cue begins (its subject, or the verb if the subject is elsewhere)
    end: int  # where the cue ends (after the verb, recipient, "that")
    verb_start: int
    verb_end: int
    lemma: str
    speaker: str  # speaker text as found, "" if unknown
    kind: str  # "speaker" or "relay"
    side: str  # "after": content follows; "before": content precedes
    content_start: int
    content_end: int
    rule: str
    explicit: bool = True  # the subject is written next to the verb (not borrowed)
    relay: str = ""
    relay_cue: str = ""


def _tokens(text: str):
    """Word tokens as (word, start, end); a full stop is kept only on initials and abbreviations ('J.', 'U.S.')."""
    out = []
    for m in _WORD.finditer(text):
        w, s, e = m.group(0), m.start(), m.end()
        if w.endswith(".") and not _is_initial(w) and w not in {"Sen.", "Rep.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms."}:
            w, e = w[:-1], e - 1
        out.append((w, s, e))
    return out


def _is_initial(tok: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", tok))


class _Grammar:
    """Which words may make up a speaker's name phrase, for one article."""

    def __init__(self, text: str, sent_starts: set[int], gaz_tokens: set[str]):
        self.proper = set(gaz_tokens)
        for w, s, _ in _tokens(text):
            if w[:1].isupper() and s not in sent_starts:
                self.proper.add(w)
        self.sent_starts = sent_starts
        self.offset = 0  # where the paragraph being read starts in the article

    def np_token(self, w: str, pos: int, next_word: str = "") -> bool:
        """May ``w`` (at paragraph offset ``pos``) be part of a name phrase?

        A capitalised word that opens a sentence counts only if it is also capitalised
        elsewhere in the article, is a title or demonym, or is followed by another capitalised
        word ('Maria Lopez said'): 'Despite' or 'Direct talks' do not.
        """
        if w.lower() in _DETERMINERS and w.lower() not in {"western", "russian", "ukrainian", "chinese", "european",
                                                           "american", "british", "turkish"}:
            return True
        if w[:1].isupper() or w[:1].isdigit():
            if pos + self.offset in self.sent_starts and w not in self.proper and w not in _TITLES and w not in _DEMONYMS \
                    and not _is_initial(w) and not (next_word[:1].isupper() and next_word not in _TITLES):
                return False
            return True
        return w.lower() in _DETERMINERS or w in _ROLE_NOUNS or w in _PARTICLES

    @staticmethod
    def has_head(words: list[str]) -> bool:
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
            return True
        for w in words:
            base = re.sub(r"[’']s$", "", w)
            if w.lower() in _DETERMINERS and base not in _DEMONYMS:
                continue
            if base[:1].isupper() and base not in _DEMONYMS and base not in _TITLES:
                return True
            if w in _ROLE_NOUNS:
                return True
        return False


def _np_suffix(masked: str, lo: int, hi: int, g: _Grammar):
    """The name phrase ending at ``hi`` (after trailing spaces), not before ``lo``: (start, text) or None."""
    seg = masked[lo:hi]
    toks = _tokens(seg)
    # the phrase must end right at hi (only spaces after)
    if not toks or seg[toks[-1][2]:].strip():
        return None
    words: list[tuple[str, int, int]] = []
    for w, s, e in reversed(toks):
        gap = seg[e:words[0][1]] if words else ""
        if gap.strip():
            break
        if w.lower() in _PRONOUNS and not words:
            words.insert(0, (w, s, e))
            break
        if w.lower() in _PRONOUNS or not g.np_token(w, lo + s, words[0][0] if words else ""):
            break
        words.insert(0, (w, s, e))
    while words and (words[0][0] in _PARTICLES or words[0][0].lower() in {"and", "of"}):
        words.pop(0)
    while words and words[-1][0] in {"and", "of"}:
        return None
    if not words or not g.has_head([w for w, _, _ in words]):
        return None
    if len(words) > 1 and words[0][0].lower() in _PRONOUNS:
        return None
    s, e = words[0][1], words[-1][2]
    return lo + s, seg[s:e]


def _np_prefix(masked: str, lo: int, hi: int, g: _Grammar):
    """The name phrase starting at ``lo`` (after leading spaces and masked quotes): (start, end, text) or None."""
    seg = masked[lo:hi]
    toks = _tokens(seg)
    if not toks:
        return None
    lead = seg[:toks[0][1]]
    if lead.strip(" “”\"‘’¤,"):
        return None
    words = []
    for i, (w, s, e) in enumerate(toks):
        gap = seg[words[-1][2]:s] if words else ""
        if gap.strip():
            break
        if w.lower() in _PRONOUNS:
            if not words:
                words.append((w, s, e))
            break
        nxt = toks[i + 1][0] if i + 1 < len(toks) and not seg[e:toks[i + 1][1]].strip() else ""
        if not g.np_token(w, lo + s, nxt):
            break
        words.append((w, s, e))
    while words and words[-1][0] in _PARTICLES:
        words.pop()
    if not words or not g.has_head([w for w, _, _ in words]):
        return None
    s, e = words[0][1], words[-1][2]
    return lo + s, lo + e, seg[s:e]


def _quotes(ptext: str) -> list[tuple[int, int]]:
    """Top-level quotations of a paragraph: (open mark position, close mark position + 1).

    An unclosed quotation runs to the end of the paragraph.
    """
    out, depth, opened = [], 0, None
    for pos, d in core._quote_depth_changes(ptext):
        if d > 0:
            if depth == 0:
                opened = pos
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                out.append((opened, pos + 1))
    if depth > 0 and opened is not None:
        out.append((opened, len(ptext)))
    return out


def _mask(ptext: str, quotes) -> str:
    chars = list(ptext)
    for s, e in quotes:
        for i in range(s + 1, e - 1):
            chars[i] = "¤"
    return "".join(chars)


def _strip_adverbials(masked: str, lo: int, hi: int) -> int:
    """Move ``hi`` left past auxiliaries, adverbs and days ('has so far', 'on Sunday')."""
    while True:
        m = _ADVERBIALS.search(masked[lo:hi])
        if not m or m.start() == m.end():
            return hi
        hi = lo + m.start()


class _Extractor:
    """Finds attributed statements in the body paragraphs of one article."""

    def __init__(self, article_id, outlet, text, paras, sents, gazetteer):
        self.aid, self.outlet, self.text = article_id, outlet, text
        self.paras, self.sents = paras, sents
        self.gaz = gazetteer
        gaz_tokens = set()
        if gazetteer is not None:
            for vs in gazetteer.variant_list:
                for v in vs:
                    gaz_tokens.update(w for w in v.split() if w[:1].isupper())
        starts = set()
        for p in paras.itertuples():
            starts.add(p.start)
        for s in sents.itertuples():
            starts.add(s.start)
        self.g = _Grammar(text, starts, gaz_tokens)
        self.recent: list[tuple[str, str, bool]] = []  # (speaker_id or "", name, is_person)
        self.subject = ""  # the first name phrase of the sentence being read (for "it")

    # --- names -------------------------------------------------------------------------------
    def resolve(self, name: str) -> tuple[str, str]:
        """(speaker_id, display name) for a name phrase as found in the text."""
        low = name.lower()
        if low in _PRONOUNS:
            return self._pronoun(low)
        if self.gaz is not None:
            best = None
            for sid, vs in zip(self.gaz.speaker_id, self.gaz.variant_list):
                for v in vs:
                    flags = 0 if v[:1].isupper() else re.IGNORECASE
                    if re.search(r"(?<![\w-])" + re.escape(v) + r"(?![\w-])", name, flags):
                        if best is None or len(v) > len(best[1]):
                            best = ([sid], v)
                        elif len(v) == len(best[1]) and sid not in best[0]:
                            best[0].append(sid)
                        break
            if best is not None:
                ids = best[0]
                if len(ids) > 1:
                    seen = [r[0] for r in reversed(self.recent) if r[0] in ids]
                    ids = seen[:1] or ids[:1]
                sid = ids[0]
                return sid, self.gaz.set_index("speaker_id").at[sid, "canonical_name"]
        # no gazetteer entry: a surname seen earlier in a fuller name
        clean = self._clean(name)
        for sid, full, _ in reversed(self.recent):
            if not sid and clean != full and clean in full.split():
                return "", full
        return "", clean

    @staticmethod
    def _clean(name: str) -> str:
        """A name as found, without titles: 'Secretary of State Marco Rubio' → 'Marco Rubio'.

        Name phrases without a proper name ('the two sides', 'European allies') are kept whole.
        """
        words = name.split()
        run: list[str] = []
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            joins = w == "and" and run and i > 0 and words[i - 1][:1].isupper()  # 'China and Brazil'
            if (w[:1].isupper() and w not in _TITLES and w not in _DEMONYMS) or joins or \
                    (run and w in _PARTICLES - {"and", "of"}):
                run.insert(0, w)
            else:
                break
        while run and run[0] in _PARTICLES:
            run.pop(0)
        return " ".join(run) if run else name

    def is_person(self, sid: str, name: str) -> bool:
        if sid and self.gaz is not None:
            t = self.gaz.set_index("speaker_id").at[sid, "speaker_type"]
            return t in PERSON_TYPES or t == "anonymous_official" and not name.endswith("s")
        if name in _OUTLETS or _OUTLET_WORDS.search(name):
            return False
        words = [w for w in name.split() if w[:1].isupper()]
        return bool(words) and not all(w in _PLACES or w in _DEMONYMS for w in words)

    def _pronoun(self, low: str) -> tuple[str, str]:
        want_person = low in {"he", "she"}
        if not want_person and self.subject:
            sid, name = self.resolve(self.subject)
            if not self.is_person(sid, name):
                return sid, name
        for sid, name, person in reversed(self.recent):
            if person == want_person:
                return sid, name
        return "", low + " (unresolved)"

    def remember(self, sid: str, name: str):
        if name.endswith("(unresolved)"):
            return
        self.recent.append((sid, name, self.is_person(sid, name)))

    def is_outlet(self, name: str) -> bool:
        if self.gaz is not None:
            sid, _ = self.resolve(name)
            if sid:
                return self.gaz.set_index("speaker_id").at[sid, "speaker_type"] == "outlet_relay"
        return name in _OUTLETS or bool(_OUTLET_WORDS.search(name))

    def is_own_outlet(self, name: str) -> bool:
        own = _OWN_OUTLET.get(self.outlet, set()) | {self.outlet, "the " + self.outlet}
        return any(o and o in name for o in own)

    def gazetteer_suffix(self, m: str, lo: int, hi: int):
        """The longest gazetteer name form that ends right at ``hi``: (start, text) or None."""
        if self.gaz is None:
            return None
        left = m[lo:hi].rstrip()
        best = None
        for vs in self.gaz.variant_list:
            for v in vs:
                flags = 0 if v[:1].isupper() else re.IGNORECASE
                mm = re.search(r"(?<![\w-])" + re.escape(v) + r"$", left, flags)
                if mm and (best is None or len(v) > len(best[1])):
                    best = (lo + mm.start(), left[mm.start():])
        return best

    # --- sentences -----------------------------------------------------------------------------
    def sentence_subject(self, masked: str, lo: int, hi: int):
        """The first name phrase of a sentence that starts a comma-separated segment."""
        pos = lo
        for seg in re.split(r"(,)", masked[lo:hi]):
            if seg != ",":
                np = _np_prefix(masked, pos, pos + len(seg), self.g)
                if np:
                    return np
            pos += len(seg)
        return None

    # --- cues -----------------------------------------------------------------------------------
    def cues(self, masked: str, slo: int, shi: int) -> list[_Cue]:
        """Reporting cues in one sentence of the masked paragraph (offsets in the paragraph)."""
        found: list[_Cue] = []
        events = [(m.start(), m.end(), _FORM_TO_LEMMA[m.group(1)], "verb") for m in _VERB_RE.finditer(masked, slo, shi)]
        events += [(m.start(), m.end(), "make clear", "verb") for m in _MADE_CLEAR_RE.finditer(masked, slo, shi)]
        events += [(m.start(), m.end(), "according", "according") for m in _ACCORDING_RE.finditer(masked, slo, shi)]
        events.sort()
        for vs, ve, lemma, kind in events:
            if any(c.verb_start <= vs < c.end for c in found):
                continue  # inside a cue already found (e.g. 'reported ... citing')
            cue = self._according(masked, slo, shi, vs, ve) if kind == "according" else \
                self._verb_cue(masked, slo, shi, vs, ve, lemma, found)
            if cue is not None:
                found.append(cue)
        return found

    def _verb_cue(self, m: str, slo: int, shi: int, vs: int, ve: int, lemma: str, found: list[_Cue]):
        word = m[vs:ve]
        klass = REPORTING_VERBS.get(lemma, "free")
        before = m[slo:vs]
        if _NEGATION.search(before):
            return None
        after = m[ve:shi]
        # complements
        end = ve
        if lemma == "call":
            if re.match(r"\s+for\b", after):
                end = ve + len(re.match(r"\s+for", after).group(0))
            elif not re.match(r"\s+(?:[\w’'-]+\s+){0,5}[“‘\"]", after):
                return None
        recipient = ""
        if lemma == "tell":
            np = _np_prefix(m, ve, shi, self.g)
            if np is None:
                return None
            recipient = np[2]
            end = np[1]
            par = re.match(r"\s*\([^)]*\)", m[end:shi])
            if par:
                end += len(par.group(0))
        passive = bool(re.search(r"(?:\b(?:is|was|were|been|being|be)\s+)(?:\w+ly\s+)?$", before))
        if passive:
            if lemma not in {"describe", "quote", "cite"}:
                return None
            by = re.match(r"\s+by\s+", after)
            if not by:
                return None
            np = _np_prefix(m, ve + by.end(), shi, self.g)
            if np is None:
                return None
            rest = m[np[1]:shi]
            as_ = re.match(r"\s+as\s+", rest)
            cstart = np[1] + (as_.end() if as_ else 0)
            return _Cue(vs, cstart, vs, ve, lemma, np[2], "speaker", "after", cstart, shi, "passive 'described by X as'")
        if lemma == "describe":
            if not re.match(r"\s+(?:[\w’'-]+\s+){1,6}as\b", after):
                return None
        # subject
        explicit = True
        subj = None
        rule = ""
        if word.endswith("ing"):
            lead = before.rstrip()
            prev = lead.split()[-1].lower() if lead.split() else ""
            if prev in _PREPOSITIONS:
                return None
            if lead.endswith(","):
                explicit = False
                prior = [c for c in found if c.kind == "speaker" and c.speaker]
                subj = (None, prior[0].speaker) if prior else None
                if subj is None:
                    np = self.sentence_subject(m, slo, vs)
                    subj = (np[0], np[2]) if np else None
                rule = "participle ', VERBing' (subject of the sentence)"
            else:
                np = _np_suffix(m, slo, vs, self.g)
                if np is None:
                    return None
                subj = np
                rule = "participle 'X VERBing' (nearest name before it)"
        else:
            hi = _strip_adverbials(m, slo, vs)
            left = m[slo:hi].rstrip()
            if re.search(r"(?:^|\s)(?:and|but|or)$", left) or not left.strip(" ,¤“”\"‘’"):
                if not left.strip(" ,¤“”\"‘’") and left:
                    subj = None  # e.g. '"...," said Cui': handled by inversion below
                else:
                    explicit = False
                    prior = [c for c in found if c.kind == "speaker" and c.speaker]
                    if prior:
                        subj = (None, prior[0].speaker)
                    else:
                        np = self.sentence_subject(m, slo, vs)
                        subj = (np[0], np[2]) if np else None
                    rule = "coordinated verb ('... and stressed that')"
            if subj is None and explicit:
                if left.endswith(","):
                    # 'X, appositive, said': the first segment of the clause that is a name phrase
                    clause_lo = max([slo] + [i + 1 for i, ch in enumerate(m[:hi]) if ch in "”\"’" and i >= slo
                                             and i > 0 and m[i - 1] == "¤"])
                    pos = clause_lo
                    for seg in m[clause_lo:hi].split(","):
                        np = _np_prefix(m, pos, pos + len(seg), self.g)
                        if np and not m[np[1]:pos + len(seg)].strip():
                            subj = (np[0], np[2])
                            rule = "'X, appositive, VERB'"
                            break
                        pos += len(seg) + 1
                    if subj is None and lemma != "tell":
                        inv = _np_prefix(m, ve, shi, self.g)
                        if inv:
                            subj = (vs, inv[2])
                            end = inv[1]
                            rule = "inverted ', said X'"
                elif (not left or left[-1] in "”\"’") and lemma != "tell":
                    inv = _np_prefix(m, ve, shi, self.g)
                    if inv:
                        subj = (vs, inv[2])
                        end = inv[1]
                        rule = "inverted ', said X'"
                else:
                    cands = [c for c in (self.gazetteer_suffix(m, slo, hi), _np_suffix(m, slo, hi, self.g)) if c]
                    np = min(cands, key=lambda c: c[0]) if cands else None
                    if np:
                        np = (np[0], m[np[0]:hi].rstrip())
                        subj = np
                        rule = "'X VERB'"
            if subj is None:
                return None
        if subj is None or not subj[1]:
            return None
        start = subj[0] if subj[0] is not None and explicit else vs
        # which side is the content on?
        chunk_end = shi
        comma = re.search(r",", m[end:shi])
        if comma:
            chunk_end = end + comma.start()
        chunk = m[end:chunk_end]
        that = _that_clause(chunk)
        before_subject = m[slo:start].rstrip()
        set_off = bool(before_subject) and before_subject[-1] in ",”\"’" and len(_tokens(before_subject)) + \
            (3 if "¤" in before_subject else 0) >= 3
        quote_next = re.match(r"\s*[,:]?\s*(?:that\s+)?[“‘\"]", m[end:shi])
        if klass == "clause":
            to_clause = lemma == "agree" and re.match(r"\s+(?:on\s+\w+\s+)?to\s+(?!a\b|an\b|the\b|this\b|that\b)", chunk)
            if not (that or to_clause or quote_next or (set_off and len(_tokens(chunk)) <= 3)):
                return None
        trailing = set_off and not that and not quote_next and len(_tokens(chunk)) <= 12 and \
            "¤" not in chunk and lemma != "make clear" and not word.endswith("ing")
        kind = "speaker"
        if lemma == "report" and self.is_outlet(subj[1]):
            kind = "relay"
        if trailing:
            c_lo = slo
            c_hi = start
            cue_end = chunk_end
            cue = _Cue(start, cue_end, vs, ve, lemma, subj[1], kind, "before", c_lo, c_hi, rule or "'..., X said'",
                       explicit)
        else:
            c_lo = end + (that.end() if that else 0)
            cue = _Cue(start, c_lo, vs, ve, lemma, subj[1], kind, "after", c_lo, shi, rule or "'X said that ...'",
                       explicit)
        # 'citing X' after a relay: X is the speaker
        cite = re.match(r",?\s*citing\s+", m[cue.end if trailing else end:shi])
        if trailing and cite:
            np = _np_prefix(m, cue.end + cite.end(), shi, self.g)
            if np:
                cue.relay, cue.relay_cue = (subj[1], m[start:np[1]]) if kind == "relay" else ("", "")
                cue.speaker, cue.kind, cue.end = np[2], "speaker", np[1]
                cue.rule = "'X reported, citing Y'"
        if recipient and self.is_outlet(recipient) and not self.is_own_outlet(recipient):
            cue.relay, cue.relay_cue = recipient, m[start:end]
        return cue

    def _according(self, m: str, slo: int, shi: int, vs: int, ve: int):
        end = shi
        comma = re.search(r"[,;]", m[ve:shi])
        if comma:
            end = ve + comma.start()
        phrase = m[ve:end].rstrip(" .")
        np = _np_prefix(m, ve, ve + len(phrase), self.g)
        if np is None:
            return None
        via = re.search(r"\b(?:quoted|cited) by\s+", m[np[1]:ve + len(phrase)])
        relay = ""
        if via:
            rnp = _np_prefix(m, np[1] + via.end(), ve + len(phrase), self.g)
            relay = rnp[2] if rnp else ""
        at_start = not m[slo:vs].strip(" ,")
        side = "after" if at_start else "before"
        c_lo, c_hi = (ve + len(phrase), shi) if at_start else (slo, vs)
        kind = "relay" if (self.is_outlet(np[2]) or relay) else "speaker"
        cue = _Cue(vs, ve + len(phrase), vs, ve, "according", np[2], kind, side, c_lo, c_hi, "'according to X'")
        if relay:
            cue.relay, cue.relay_cue = relay, m[vs:ve + len(phrase)]
        return cue

    # --- one article ---------------------------------------------------------------------------
    def run(self) -> list[dict]:
        rows: list[dict] = []
        last_quote_speaker: tuple[str, str] | None = None
        for p in self.paras.itertuples():
            ptext = p.text
            self.g.offset = p.start
            quotes = _quotes(ptext)
            m = _mask(ptext, quotes)
            psents = self.sents[(self.sents.start >= p.start) & (self.sents.end <= p.end)]
            spans = [(s - p.start, e - p.start) for s, e in zip(psents.start, psents.end)]
            para_rows: list[dict] = []
            relays: list[_Cue] = []
            used_quotes: set[int] = set()
            for slo, shi in spans:
                subj = self.sentence_subject(m, slo, shi)
                self.subject = subj[2] if subj and subj[2].lower() not in _PRONOUNS else ""
                cues = self.cues(m, slo, shi)
                # nested cues: a cue with its own subject inside the reported clause of an earlier cue
                # ('He noted that Ukraine insists that ...') reports words within words: not counted
                kept: list[_Cue] = []
                for c in cues:
                    outer = [k for k in kept if k.side == "after" and k.kind == "speaker"
                             and k.content_start <= c.start < k.content_end]
                    coordinated = c.rule.startswith("coordinated") or bool(
                        re.search(r"(?:[,;]|\bwhile|\bwhereas|\bbut)\s*$", m[slo:c.start]))
                    if outer and not coordinated and c.lemma != "according":
                        continue
                    kept.append(c)
                # a relay named at the start of a reported clause ('made it clear, according to X, that')
                for a in kept:
                    for b in kept:
                        if b is not a and a.side == "after" and b.lemma == "according" \
                                and not m[a.content_start:b.start].strip(" ,"):
                            rest = re.match(r"[\s,]*(?:that\s+)?", m[b.end:shi])
                            a.content_start = b.end + rest.end()
                # a later cue in the sentence ends the content of the cue before it
                for a in kept:
                    later = [b.start for b in kept if b is not a and a.side == "after" and a.content_start < b.start < a.content_end]
                    if later:
                        a.content_end = max(a.content_start, _coord_cut(m, a.content_start, min(later)))
                speaker_cues = [c for c in kept if c.kind == "speaker"]
                relays += [c for c in kept if c.kind == "relay"]
                if speaker_cues:
                    # 'according to X' beside another speaker cue is a relay (an intermediary)
                    if len(speaker_cues) > 1:
                        acc = [c for c in speaker_cues if c.lemma == "according"]
                        if acc and len(acc) < len(speaker_cues):
                            for c in acc:
                                c.kind = "relay"
                                c.relay = c.relay or c.speaker
                                c.relay_cue = c.relay_cue or ptext[c.start:c.end]
                                relays.append(c)
                            speaker_cues = [c for c in speaker_cues if c.lemma != "according"]
                elif any(c.kind == "relay" for c in kept):
                    # only a relay: the outlet is the source ('..., the Washington Post reported.')
                    sentence_has_quote = any(qs < shi and qe > slo for qs, qe in quotes)
                    if not sentence_has_quote:
                        c = [c for c in kept if c.kind == "relay"][0]
                        speaker_cues = [_Cue(c.start, c.end, c.verb_start, c.verb_end, c.lemma, c.speaker, "speaker",
                                             c.side, c.content_start, c.content_end, c.rule + " (outlet as source)",
                                             relay=c.relay or c.speaker, relay_cue=ptext[c.start:c.end])]
                for c in speaker_cues:
                    row = self._statement(p, ptext, m, c, quotes, used_quotes, slo, shi)
                    if row:
                        para_rows.append(row)
                        if row["form"] == "direct_quote":
                            last_quote_speaker = (row["speaker_id"], row["speaker"])
                # quoted words in this sentence not yet attached
                for qi, (qs, qe) in enumerate(quotes):
                    if qi in used_quotes or not (slo <= qs < shi):
                        continue
                    row = self._loose_quote(p, ptext, m, qi, qs, qe, slo, shi, para_rows, last_quote_speaker)
                    if row:
                        used_quotes.add(qi)
                        para_rows.append(row)
                        if row["form"] == "direct_quote":
                            last_quote_speaker = (row["speaker_id"], row["speaker"])
            for c in relays:
                # a relay covers its own sentence, and what precedes it ('..., Tass reported') or follows it
                # ('According to X, ...') in the paragraph
                name = c.relay or c.speaker
                rid, rname = self.resolve(name)
                s_lo, s_hi = next(((a, b) for a, b in spans if a <= c.start < b), (0, len(ptext)))
                for r in para_rows:
                    same = r["_p_lo"] < s_hi and r["_p_hi"] > s_lo
                    covered = same or (r["_p_hi"] <= s_lo if c.side == "before" else r["_p_lo"] >= s_hi)
                    if covered and not r["relay"] and r["speaker"] != rname:
                        r.update(relay_id=rid, relay=rname, relay_cue=ptext[c.start:c.end].strip(" ,."))
            rows += para_rows
        return rows

    def _statement(self, p, ptext, m, c: _Cue, quotes, used_quotes, slo, shi) -> dict | None:
        lo, hi = c.content_start, c.content_end
        # the quotation right before a trailing cue, or right after a leading one, is the statement
        form = "indirect"
        if c.side == "before":
            q = [(i, qs, qe) for i, (qs, qe) in enumerate(quotes) if qe <= c.start and not m[qe:c.start].strip(" ,.")]
            if q:
                i, qs, qe = q[-1]
                used_quotes.add(i)
                lo, hi = qs + 1, qe - 1
                form = "direct_quote"
        else:
            q = [(i, qs, qe) for i, (qs, qe) in enumerate(quotes) if qs >= lo and not m[lo:qs].strip(" ,:")]
            if q and q[0][1] < hi:
                i, qs, qe = q[0]
                used_quotes.add(i)
                lo, hi = qs + 1, qe - 1
                form = "direct_quote"
        if form == "indirect":
            inside = [i for i, (qs, qe) in enumerate(quotes) if lo <= qs and qe <= hi + 1]
            if inside:
                form = "partial_quote"
                used_quotes.update(inside)
        lo, hi = _trim(ptext, lo, hi)
        if hi <= lo:
            return None
        sid, name = self.resolve(c.speaker)
        self.remember(sid, name)
        relay_id, relay = "", ""
        if c.relay:
            relay_id, relay = self.resolve(c.relay)
        return self._row(p, lo, hi, sid, name, c.speaker, form, ptext[c.start:c.end].strip(" ,.:"), relay_id, relay,
                         c.relay_cue.strip(" ,."), c.rule)

    def _loose_quote(self, p, ptext, m, qi, qs, qe, slo, shi, para_rows, last) -> dict | None:
        inner_lo, inner_hi = qs + 1, qe - 1
        n_words = len(_tokens(ptext[inner_lo:inner_hi]))
        starts_sentence = not m[slo:qs].strip()
        in_sentence = [r for r in para_rows if r["_p_lo"] < shi and r["_p_hi"] > slo]
        if in_sentence:  # a quoted phrase beside a cued statement of the same sentence
            r = in_sentence[-1]
            return self._row(p, *_trim(ptext, inner_lo, inner_hi), r["speaker_id"], r["speaker"], r["speaker_as_found"],
                             "partial_quote", r["cue"], r["relay_id"], r["relay"], r["relay_cue"],
                             "quoted words beside a cued statement")
        if starts_sentence and n_words >= 4 and last is not None:
            sid, name = last
            return self._row(p, *_trim(ptext, inner_lo, inner_hi), sid, name, name, "direct_quote", "",
                             "", "", "", "floating quote (inherits the last quoted speaker)")
        if not starts_sentence:
            np = self.sentence_subject(m, slo, qs)
            if np and np[2].lower() not in _PRONOUNS:
                sid, name = self.resolve(np[2])
                if sid or self.is_person(sid, name) or np[2].split()[-1] in _ROLE_NOUNS:
                    # the whole clause from the subject to the end of the quote
                    lo, hi = _trim(ptext, np[0], max(qe, inner_hi))
                    self.remember(sid, name)
                    return self._row(p, lo, hi, sid, name, np[2], "partial_quote", "", "", "", "",
                                     "quoted words in a sentence whose subject is a speaker")
        return None

    def _row(self, p, lo, hi, sid, name, as_found, form, cue, relay_id, relay, relay_cue, rule) -> dict:
        return {"article_id": self.aid, "para_no": int(p.para_no), "start": int(p.start + lo), "end": int(p.start + hi),
                "span": self.text[p.start + lo:p.start + hi], "speaker_id": sid, "speaker": name,
                "speaker_as_found": as_found, "form": form, "cue": cue, "relay_id": relay_id, "relay": relay,
                "relay_cue": relay_cue, "rule": rule, "_p_lo": lo, "_p_hi": hi}


def _that_clause(chunk: str):
    """The 'that' opening a reported clause within the first words after a verb, or None.

    Not a relative 'that' ('demands that are unacceptable') and not after a quotation or another
    verb of saying.
    """
    m = re.search(r"(?:^|\s)that\s", chunk)
    if not m or len(_tokens(chunk[:m.start()])) > 8 or "¤" in chunk[:m.start()]:
        return None
    if _VERB_RE.search(chunk[:m.start()]):
        return None
    if re.match(r"\s*(?:is|are|was|were|has|have|had|would|will|can|could)\b", chunk[m.end():]):
        return None
    return m


def _coord_cut(m: str, lo: int, hi: int) -> int:
    """Where a reported clause ends before the next cue ('… consolidated’ and stressed that' → before 'and')."""
    seg = m[lo:hi]
    mm = re.search(r"[,;\s]+(?:(?:and|but|or|while|whereas)\b[^,;¤“”‘’\"]*)?$", seg)
    return lo + (mm.start() if mm else len(seg.rstrip()))


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Drop spaces, trailing commas and full stops, and a leading 'that' from a span."""
    while lo < hi and text[lo] in " ,:":
        lo += 1
    if text[lo:lo + 5] == "that ":
        lo += 5
    while hi > lo and text[hi - 1] in " ,;.:":
        hi -= 1
    return lo, hi


def extract_attributions(path=None, *, articles=None, use_gazetteer: bool = True) -> pd.DataFrame:
    """Find attributed statements in the body text by rules alone (no language model).

    The rules: pair quotation marks (straight and curly; apostrophes such as "Ukraine’s" are not
    quotes) and mask the quoted words; find reporting verbs (``REPORTING_VERBS``) and "according
    to"; find each verb's speaker: the name right before it ("Sun said"), the first name before
    an appositive ("Cui Heng, a scholar …, noted"), after it ("…, said Cui"), or the sentence's
    subject for "…, adding that" and "… and stressed that"; a passive "described by X as";
    decide whether the content follows ("X said that …") or precedes ("…, X said.");
    resolve "he"/"she" to the last named person and "it" to the last state or body; let a
    quotation that follows a quoted speaker without a cue of its own inherit that speaker
    (a floating quote); treat "Tass reported", "according to CNN", "quoted by CNN" as relays, and
    "X reported, citing Y" as Y speaking through X. Statements nested inside another speaker's
    words ("He noted that Ukraine insists that …") are not counted separately.

    Names are resolved to ``speaker_id`` through the gazetteer's variants (a bare surname such
    as "Sun" goes to the person of that name seen last). Without a gazetteer (a new corpus), the
    speaker is the name as found, titles removed.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    articles : str or list of str, optional
        Only these article ids.
    use_gazetteer : bool
        Resolve names with ``annotations/speakers.csv`` if the corpus has one.

    Returns
    -------
    pandas.DataFrame
        One row per statement found, in article and text order. Columns ``article_id``,
        ``para_no``, ``span`` (what was said), ``start``, ``end`` (offsets in the article),
        ``sentence`` (the sentence(s) the span is in), ``speaker_id`` (``""`` if not in the
        gazetteer), ``speaker`` (canonical name, or the name as found), ``speaker_as_found``
        (the words in the text, e.g. "he"), ``speaker_type`` and ``speaker_country`` (from the
        gazetteer, else ``""``), ``form`` (direct_quote / partial_quote / indirect), ``cue``,
        ``relay_id``, ``relay``, ``relay_cue``, ``rule`` (which rule found it).

    Examples
    --------
    >>> ex = extract_attributions(articles="cgtn-2025-05-14")
    >>> ex[["speaker", "form"]].head(3).values.tolist()
    [['Sun Zhuangzhi', 'indirect'], ['Vladimir Putin', 'indirect'], ['Vladimir Putin', 'indirect']]
    >>> ex.loc[ex.speaker_as_found == "he", "speaker"].unique().tolist()
    ['Sun Zhuangzhi']
    """
    base = core.data_dir(path)
    all_arts = arts = core.load_articles(base)
    if articles is not None:
        wanted = [articles] if isinstance(articles, str) else list(articles)
        arts = arts[arts.article_id.isin(wanted)]
    gaz = None
    if use_gazetteer:
        try:
            gaz = speakers(base)
        except NotCodedError:
            gaz = None
    paras = core.paragraphs(base, articles=all_arts)
    sents = core.sentences(base, articles=all_arts)
    # split the corpus-wide tables by article once (filtering them per article would grow quadratically)
    paras_of = dict(tuple(paras[paras.is_body].groupby("article_id", sort=False)))
    sents_of = dict(tuple(sents.groupby("article_id", sort=False)))
    empty_p, empty_s = paras.iloc[0:0], sents.iloc[0:0]
    rows = []
    for a in arts.itertuples():
        ex = _Extractor(a.article_id, a.outlet, a.text, paras_of.get(a.article_id, empty_p),
                        sents_of.get(a.article_id, empty_s), gaz)
        rows += ex.run()
    cols = ["article_id", "para_no", "span", "start", "end", "sentence", "speaker_id", "speaker", "speaker_as_found",
            "speaker_type", "speaker_country", "form", "cue", "relay_id", "relay", "relay_cue", "rule"]
    df = pd.DataFrame(rows, columns=[c for c in cols if c not in ("sentence", "speaker_type", "speaker_country")]
                      + ["_p_lo", "_p_hi"])
    df = df.drop(columns=["_p_lo", "_p_hi"]).sort_values(["article_id", "start"], kind="stable")
    order = {a: i for i, a in enumerate(arts.article_id)}
    df = df.assign(_o=df.article_id.map(order)).sort_values(["_o", "start"], kind="stable").drop(columns="_o")
    if gaz is not None:
        g = gaz.set_index("speaker_id")
        df["speaker_type"] = df.speaker_id.map(g["speaker_type"]).fillna("")
        df["speaker_country"] = df.speaker_id.map(g["country"]).fillna("")
    else:
        df["speaker_type"] = ""
        df["speaker_country"] = ""
    df["sentence"] = core.enclosing_sentences(df, base, articles=all_arts, sents=sents)
    return df[cols].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


@dataclass
class Evaluation:
    """The extractor measured against the hand-made table.

    Attributes
    ----------
    scores : DataFrame
        One row per group of articles (``all``, ``dev``, ``held_out``) and per article.
        Columns ``group``, ``articles``, ``gold_sentences``, ``predicted_sentences``, ``hits``
        (sentences in both), ``precision``, ``recall``, ``f1``, ``speaker_correct``,
        ``speaker_accuracy`` (share of hits whose predicted speakers are all among the gold
        speakers of that sentence).
    errors : DataFrame
        One row per body sentence where the extractor and the hand-made table disagree.
        Columns ``article_id``, ``sent_no``, ``error`` (``miss``: a gold sentence not found;
        ``false hit``: found, but not in the table; ``wrong speaker``), ``gold_speakers``,
        ``predicted_speakers``, ``rule``, ``sentence``.
    """

    scores: pd.DataFrame
    errors: pd.DataFrame

    def __repr__(self) -> str:
        return "Evaluation(scores=\n" + self.scores.to_string(index=False) + f",\nerrors: {len(self.errors)} rows)"


def _sentence_labels(table: pd.DataFrame, sents: pd.DataFrame, id_col: str) -> dict:
    out: dict = {}
    for aid, s, e, sid in zip(table.article_id, table.start, table.end, table[id_col]):
        hit = sents[(sents.article_id == aid) & (sents.end > s) & (sents.start < e)]
        for n in hit.sent_no:
            out.setdefault((aid, int(n)), set()).add(sid)
    return out


def _prf(gold: dict, pred: dict, keys=None) -> dict:
    g = {k for k in gold if keys is None or k[0] in keys}
    p = {k for k in pred if keys is None or k[0] in keys}
    hits = g & p
    prec = len(hits) / len(p) if p else 0.0
    rec = len(hits) / len(g) if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    correct = sum(1 for k in hits if pred[k] <= gold[k])
    return {"gold_sentences": len(g), "predicted_sentences": len(p), "hits": len(hits), "precision": round(prec, 3),
            "recall": round(rec, 3), "f1": round(f1, 3), "speaker_correct": correct,
            "speaker_accuracy": round(correct / len(hits), 3) if hits else 0.0}


def evaluate_extractor(path=None, *, predicted: pd.DataFrame | None = None, gold: pd.DataFrame | None = None,
                       held_out=HELD_OUT) -> Evaluation:
    """Measure the extractor against the hand-made attributions table, sentence by sentence.

    A **gold sentence** is a body sentence that overlaps a statement of the hand-made table; a
    **predicted sentence** is one that overlaps a statement the extractor found. Precision is
    the share of predicted sentences that are gold, recall the share of gold sentences found,
    F1 their harmonic mean. On the sentences found in both, the **speaker accuracy** is the share
    where every speaker the extractor gives is among the speakers of the hand-made table.

    The rules were written by reading four articles; ``held_out`` was kept apart and never
    used to change them, so its figure shows how the rules do on a text they were not made for.

    Parameters
    ----------
    path : str or Path, optional
        The corpus folder.
    predicted : DataFrame, optional
        The extractor's output (default: :func:`extract_attributions` on the corpus).
    gold : DataFrame, optional
        The hand-made table (default: :func:`attributions`), to avoid reading it again.
    held_out : tuple of str
        The article(s) kept apart while writing the rules.

    Returns
    -------
    Evaluation
        ``.scores`` and ``.errors`` (see :class:`Evaluation`).

    Examples
    --------
    >>> ev = evaluate_extractor()
    >>> bool(ev.scores.set_index("group").loc["all", "f1"] >= 0.85)
    True
    >>> sorted(set(ev.errors.error))
    ['miss', 'wrong speaker']
    """
    base = core.data_dir(path)
    gold = attributions(base) if gold is None else gold
    pred = extract_attributions(base) if predicted is None else predicted
    sents = core.sentences(base)
    g = _sentence_labels(gold, sents, "speaker_id")
    pid = pred.speaker_id.where(pred.speaker_id != "", "?" + pred.speaker)
    p = _sentence_labels(pred.assign(_sid=pid), sents, "_sid")
    order = list(core.load_articles(base).article_id)
    dev = [a for a in order if a not in held_out]
    rows = [{"group": "all", "articles": len(order), **_prf(g, p, set(order))},
            {"group": "dev", "articles": len(dev), **_prf(g, p, set(dev))},
            {"group": "held_out", "articles": len(held_out), **_prf(g, p, set(held_out))}]
    rows += [{"group": a, "articles": 1, **_prf(g, p, {a})} for a in order]
    scores = pd.DataFrame(rows)
    rules = _sentence_labels(pred, sents, "rule") if "rule" in pred.columns else {}
    text = {(a, int(n)): t for a, n, t in zip(sents.article_id, sents.sent_no, sents.text)}
    errs = []
    for key in sorted(set(g) | set(p), key=lambda k: (order.index(k[0]), k[1])):
        gs, ps = g.get(key, set()), p.get(key, set())
        if gs and not ps:
            kind = "miss"
        elif ps and not gs:
            kind = "false hit"
        elif not ps <= gs:
            kind = "wrong speaker"
        else:
            continue
        errs.append({"article_id": key[0], "sent_no": key[1], "error": kind, "gold_speakers": ", ".join(sorted(gs)),
                     "predicted_speakers": ", ".join(sorted(ps)), "rule": "; ".join(sorted(rules.get(key, set()))),
                     "sentence": text[key]})
    errors = pd.DataFrame(errs, columns=["article_id", "sent_no", "error", "gold_speakers", "predicted_speakers", "rule",
                                         "sentence"])
    return Evaluation(scores, errors)
