"""Who speaks: the speakers gazetteer, the attributions table and a rule-based quotation extractor.

Two hand-made tables (see ``data/README.md``) hold the sourcing of each article:

* ``annotations/speakers.csv`` -- the gazetteer: one row per person or body that speaks, with
  its name variants, role, country and speaker type;
* ``annotations/attributions.csv`` -- one row per attributed statement: what was said (the
  verbatim span), who said it, in which form (direct quote, partial quote, indirect), with which
  reporting words (the cue), and through which go-between (the relay, e.g. "Tass reported").

A third, small file, ``sourcing_settings.csv``, names the choices that belong to the case study:
the article kept apart while the extractor's rules were written, the three statements notebook 01
shows first, the two sides whose balance is counted, and names an outlet uses for its own group.

On top of them this module counts the voices of each article (:func:`voices_by_source`,
:func:`sourcing_balance`, :func:`plot_voices`, :func:`findings`, :func:`relay_chains`), and offers
an extractor that finds attributed statements in any corpus by rules alone, without language
models (:func:`extract_attributions`, its rules listed by :func:`extractor_rules`), with a
sentence-level evaluation against the hand-made table (:func:`evaluate_extractor`).

Every function takes the corpus first (the object ``helpers.open_corpus()`` returns, a folder,
or nothing for the default corpus)::

    corpus = helpers.open_corpus()
    helpers.speakers_in(corpus, "cgtn-2025-05-14")
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kit import core
from kit.core import KitDataError, Problem
from kit.corpus import as_corpus, cached

__all__ = [
    "SPEAKER_TYPES",
    "FORMS",
    "WIRE_TEST_CORPUS",
    "REPORTING_VERBS",
    "speakers",
    "attributions",
    "sourcing_settings",
    "held_out_articles",
    "voices_by_source",
    "source_profile",
    "sourcing_balance",
    "relay_chains",
    "speakers_in",
    "sourcing_overview",
    "example_statements",
    "show_statements",
    "extracted_profile",
    "extracted_statements",
    "findings",
    "plot_voices",
    "statement_highlights",
    "extract_attributions",
    "extractor_rules",
    "evaluate_extractor",
    "extractor_scores",
    "Evaluation",
]

#: Speaker types of the gazetteer, with what each means.
SPEAKER_TYPES = {
    "head_of_state_or_government": "head of state or government (president, prime minister)",
    "vice_president": "vice-president (deputy head of state or government)",
    "minister": "minister or deputy minister (incl. secretary of state)",
    "spokesperson": "official spokesperson",
    "negotiator": "member or head of a negotiating team",
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

_SPEAKERS_FILE = "annotations/speakers.csv"
_ATTR_FILE = "annotations/attributions.csv"
_SETTINGS_FILE = "sourcing_settings.csv"
_SPEAKER_COLS = ["speaker_id", "canonical_name", "variants", "role", "affiliation", "country", "speaker_type", "notes"]
_ATTR_COLS = ["attribution_id", "article_id", "span", "speaker_id", "form", "cue", "relay_id", "relay_cue", "notes"]
#: The settings of ``sourcing_settings.csv``, with what ``value`` and ``applies_to`` hold.
SETTINGS = {
    "held_out": "value: an article_id kept apart while the extractor's rules were written",
    "example_statement": "value: an attribution_id shown first in notebook 01 (one per form)",
    "side": "value: a speaker country counted as one side of the conflict in sourcing_balance",
    "own_outlet_name": "value: a name of the outlet's own group ('told China Media Group' is not a relay); "
    "applies_to: the outlet",
}

#: The invented wire-style and captured test articles, with their own gold table (notebook 01 scores the
#: extractor on them beside the kit's articles).
WIRE_TEST_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "wire-articles"

#: Types that denote a named, individual person.
PERSON_TYPES = {
    "head_of_state_or_government",
    "vice_president",
    "minister",
    "spokesperson",
    "negotiator",
    "legislator",
    "academic_expert",
    "other",
}
#: Words in a gazetteer role that mark an office holder or professional (not an ordinary person).
_OFFICE_WORDS = re.compile(
    r"president|minister|secretary|spokes|official|leader|lawmaker|aide|negotiator|"
    r"director|professor|scholar|expert|ambassador|envoy|chancellor|king|queen|general",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------
# The hand-made tables
# --------------------------------------------------------------------------------------------


@cached
def speakers(corpus=None) -> pd.DataFrame:
    """Load and check the speakers gazetteer.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).

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
    df = core.read_annotation(
        "speakers.csv", required=_SPEAKER_COLS, path=corpus, span_col=None, codes={"speaker_type": SPEAKER_TYPES}
    )
    problems = []
    seen: dict[str, int] = {}
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        sid = r["speaker_id"].strip()
        if not sid:
            problems.append(
                Problem(_SPEAKERS_FILE, row, "the speaker_id is empty", "give the speaker a short snake_case id")
            )
        elif sid in seen:
            problems.append(
                Problem(
                    _SPEAKERS_FILE,
                    row,
                    f"duplicate speaker_id {sid!r} (also on line {seen[sid]})",
                    "give each speaker one row; merge the two rows",
                )
            )
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


@cached
def attributions(corpus=None) -> pd.DataFrame:
    """Load and check the attributions table, joined with the gazetteer and the sentences.

    Every form is checked, every ``speaker_id`` and ``relay_id`` must exist in the gazetteer,
    and every span is located in its article; all problems are reported at once, each naming
    the line of ``annotations/attributions.csv``.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.

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
    corpus = as_corpus(corpus)
    sp = speakers(corpus)
    ids = set(sp.speaker_id)
    df = core.read_annotation(
        "attributions.csv", required=_ATTR_COLS, path=corpus, codes={"form": FORMS, "speaker_id": ids, "relay_id": ids}
    )
    problems = []
    seen: dict[str, int] = {}
    for r in df.to_dict("records"):
        row = f"line {r['csv_line']}"
        for col in ("speaker_id", "form"):
            if not r[col].strip():
                problems.append(Problem(_ATTR_FILE, row, f"the {col} is empty", f"fill in the {col}"))
        aid = r["attribution_id"]
        if aid in seen:
            problems.append(
                Problem(
                    _ATTR_FILE,
                    row,
                    f"duplicate attribution_id {aid!r} (also on line {seen[aid]})",
                    "give each row its own id",
                )
            )
        seen[aid] = r["csv_line"]
    if problems:
        raise KitDataError(problems)
    g = sp.set_index("speaker_id")
    arts = corpus.articles
    sents = corpus.sentences
    df["outlet"] = df["article_id"].map(dict(zip(arts.article_id, arts.outlet)))
    df["speaker"] = df["speaker_id"].map(g["canonical_name"])
    df["speaker_type"] = df["speaker_id"].map(g["speaker_type"])
    df["speaker_country"] = df["speaker_id"].map(g["country"])
    df["relay"] = df["relay_id"].map(g["canonical_name"]).fillna("")
    df["sentence"] = core.enclosing_sentences(df, corpus, articles=arts)
    df["in_body"] = _overlaps(df, sents)
    cols = [
        "attribution_id",
        "article_id",
        "outlet",
        "span",
        "start",
        "end",
        "speaker_id",
        "speaker",
        "speaker_type",
        "speaker_country",
        "form",
        "cue",
        "relay_id",
        "relay",
        "relay_cue",
        "sentence",
        "in_body",
        "notes",
    ]
    return df[cols].reset_index(drop=True)


def _overlaps(table: pd.DataFrame, sents: pd.DataFrame) -> list[bool]:
    """For each row of ``table``: does its span overlap a sentence of ``sents``?"""
    bounds = {aid: (g.start.to_numpy(), g.end.to_numpy()) for aid, g in sents.groupby("article_id", sort=False)}
    out = []
    for aid, s, e in zip(table.article_id, table.start, table.end):
        starts, ends = bounds.get(aid, ((), ()))
        out.append(bool(len(starts)) and bool(((ends > s) & (starts < e)).any()))
    return out


@cached
def sourcing_settings(corpus=None) -> pd.DataFrame:
    """The case study's choices for this layer, from ``sourcing_settings.csv`` (optional).

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.

    Returns
    -------
    pandas.DataFrame
        Columns ``setting`` (a key of ``SETTINGS``), ``value``, ``applies_to``, ``note``; no
        rows if the corpus has no such file (then nothing is held out, the first statement of
        each form is the example, and balance is counted by country only).

    Raises
    ------
    KitDataError
        For an unknown setting, an empty value, or a held-out article that is not in the
        corpus; every problem named with its line.

    Examples
    --------
    >>> s = sourcing_settings()
    >>> s[s.setting == "side"].value.tolist()
    ['Russia', 'Ukraine']
    """
    corpus = as_corpus(corpus)
    cols = ["setting", "value", "applies_to", "note"]
    file = corpus.folder / _SETTINGS_FILE
    if not file.is_file():
        return pd.DataFrame(columns=cols)
    df = core.read_csv_checked(file, required=cols, base=corpus.folder)
    ids = set(corpus.ids)
    problems = []
    for r in df.itertuples():
        where = f"line {r.csv_line}"
        if r.setting not in SETTINGS:
            problems.append(
                Problem(_SETTINGS_FILE, where, f"unknown setting {r.setting!r}", f"use one of: {', '.join(SETTINGS)}")
            )
        elif not r.value.strip():
            problems.append(Problem(_SETTINGS_FILE, where, "the value is empty", SETTINGS[r.setting]))
        elif r.setting == "held_out" and r.value not in ids:
            problems.append(
                Problem(
                    _SETTINGS_FILE,
                    where,
                    f"held-out article {r.value!r} is not in the corpus",
                    "use an article_id from articles.csv, or delete the row",
                )
            )
    if problems:
        raise KitDataError(problems)
    return df[cols].reset_index(drop=True)


def _setting(corpus, name: str) -> list[str]:
    s = sourcing_settings(corpus)
    return s.loc[s.setting == name, "value"].tolist()


def held_out_articles(corpus=None) -> list[str]:
    """The articles kept apart while the extractor's rules were written (``sourcing_settings.csv``).

    Examples
    --------
    >>> held_out_articles()
    ['cgtn-2025-05-17']
    """
    return _setting(corpus, "held_out")


@cached
def _own_outlet_names(corpus=None) -> dict[str, tuple[str, ...]]:
    s = sourcing_settings(corpus)
    s = s[s.setting == "own_outlet_name"]
    out: dict[str, tuple[str, ...]] = {}
    for outlet, value in zip(s.applies_to, s.value):
        out[outlet] = (*out.get(outlet, ()), value)
    return out


def _corpus_and_article(corpus, article_id):
    """Accept ``f(corpus, article_id)`` and the shorter ``f(article_id)`` for the default corpus.

    An article that is not in the corpus (an example about the kit's own articles, run on a
    teacher's corpus) raises :class:`kit.core.NotCodedError`, which notebooks show as a notice.
    """
    if article_id is None:
        if not (isinstance(corpus, str) and not Path(corpus).is_dir()):
            raise KitDataError(
                Problem("", "", "no article was given", "name one, e.g. helpers.speakers_in(corpus, corpus.ids[0])")
            )
        corpus, article_id = None, corpus
    corpus = as_corpus(corpus)
    if article_id not in set(corpus.ids):
        raise core.NotCodedError(
            Problem(
                "articles.csv",
                "",
                f"this corpus has no article {article_id!r} (an example about the kit's own articles)",
                "give an article_id of this corpus, e.g. the first one: corpus.ids[0]",
            )
        )
    return corpus, article_id


# --------------------------------------------------------------------------------------------
# Counting voices
# --------------------------------------------------------------------------------------------


def _article_order(corpus) -> pd.DataFrame:
    arts = as_corpus(corpus).articles
    return arts[["article_id", "outlet", "published"]]


def _table(corpus, table):
    return attributions(corpus) if table is None else table


def voices_by_source(corpus=None, *, by: str = "speaker_country", table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count the attributed statements of each article by one property of the speaker or statement.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
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
    at = _table(corpus, table)
    if by == "relay":
        at = at.assign(relay=at["relay"].replace("", "(none)"))
    if by not in at.columns:
        raise ValueError(f"by must be one of speaker_country, speaker_type, form, speaker, relay; got {by!r}")
    order = _article_order(corpus).article_id
    m = pd.crosstab(at["article_id"], at[by]) if len(at) else pd.DataFrame(index=pd.Index([], name="article_id"))
    cols = list(m.sum().sort_values(ascending=False, kind="stable").index)
    if by == "form":
        cols = list(FORMS)
    m = m.reindex(index=order, columns=cols, fill_value=0)
    m["total"] = m.sum(axis=1)
    return m.rename_axis(index="article_id", columns=by)


def source_profile(corpus=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sourcing of each article in one row: how many statements, voices, quotes and relays.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`).

    Returns
    -------
    pandas.DataFrame
        One row per article, in date order. Columns ``outlet``, ``article_id``,
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
    at = _table(corpus, table)
    groups = dict(tuple(at.groupby("article_id", sort=False)))
    rows = []
    for a in _article_order(corpus).itertuples():
        t = groups.get(a.article_id, at.iloc[0:0])
        people = t[t.speaker_type.isin(PERSON_TYPES)]
        countries = t.speaker_country.value_counts(sort=True)
        rows.append(
            {
                "outlet": a.outlet,
                "article_id": a.article_id,
                "statements": len(t),
                "speakers": t.speaker_id.nunique(),
                "named_people": people.speaker_id.nunique(),
                **{f: int((t.form == f).sum()) for f in FORMS},
                "relayed": int((t.relay_id != "").sum()),
                "countries": ", ".join(f"{c} {n}" for c, n in countries.items()),
            }
        )
    return pd.DataFrame(
        rows, columns=["outlet", "article_id", "statements", "speakers", "named_people", *FORMS, "relayed", "countries"]
    )


def _side_of(country: str, sides: list[str]) -> str:
    if " | " in country:
        return "joint speakers"
    if country in sides:
        return country
    return "no country" if country in ("", "n/a") else "other countries"


def sourcing_balance(corpus=None, *, by: str = "outlet", table: pd.DataFrame | None = None, as_html: bool = False):
    """Sourcing balance by the same measure for every outlet: statements by side and by country.

    Each statement counts for its speaker's country. The countries named as ``side`` in
    ``sourcing_settings.csv`` (here Russia and Ukraine) get a column each; joint speakers of two
    countries ("Kyiv, alongside Trump's administration") count as "joint speakers", every other
    country as "other countries", and speakers with no country (unnamed observers) as "no
    country". The ``summary`` column says the same in one sentence,
    written from the row's own numbers, so every outlet is described by the same rule.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    by : str
        ``"outlet"`` (one row per outlet, its articles together) or ``"article"``.
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`; the extractor's output works too).
    as_html : bool
        Return a table to read on screen and paper: the counts and the summary, without the
        columns that repeat them (``per_article``, ``countries``, ``largest``).

    Returns
    -------
    pandas.DataFrame
        One row per outlet (or article), in order of first publication. Columns ``outlet``
        (and ``article_id`` if ``by="article"``), ``articles``, ``statements``,
        ``per_article``, one column per side (statements), ``joint speakers``,
        ``other countries``, ``no country``, ``countries`` (every country with its count, most first),
        ``largest`` (the country with the most statements and its share) and ``summary``.

    Examples
    --------
    >>> b = sourcing_balance().set_index("outlet")
    >>> b.loc["Atalayar", ["statements", "Ukraine", "Russia", "joint speakers"]].tolist()
    [22, 9, 3, 1]
    >>> print(b.loc["Atalayar", "summary"])  # doctest: +NORMALIZE_WHITESPACE
    Atalayar (1 article, 22 statements): Russia 3 (14%), Ukraine 9 (41%), joint speakers 1 (5%),
    other countries 9 (41%). Most statements come from Ukraine (41%).
    """
    if by not in ("outlet", "article"):
        raise ValueError(f"by must be 'outlet' or 'article'; got {by!r}")
    at = _table(corpus, table)
    sides = _setting(corpus, "side")
    arts = _article_order(corpus)
    key = "outlet" if by == "outlet" else "article_id"
    outlet_of = dict(zip(arts.article_id, arts.outlet))
    country = [c if c else "n/a" for c in at.speaker_country]
    at = at.assign(outlet=at.article_id.map(outlet_of), _country=country, _side=[_side_of(c, sides) for c in country])
    rows = []
    for k, group in arts.groupby(key, sort=False):
        t = at[at[key] == k]
        n = len(t)
        countries = t._country.value_counts()
        row = {"outlet": group.outlet.iloc[0]} if by == "outlet" else {"outlet": group.outlet.iloc[0], "article_id": k}
        row.update({"articles": len(group), "statements": n, "per_article": round(n / len(group), 1)})
        row.update({s: int((t._side == s).sum()) for s in [*sides, "joint speakers", "other countries", "no country"]})
        row["countries"] = ", ".join(f"{c} {v}" for c, v in countries.items())
        row["largest"] = f"{countries.index[0]} {countries.iloc[0] / n:.0%}" if n else ""
        row["summary"] = _balance_sentence(row, sides)
        rows.append(row)
    cols = [
        "outlet",
        *(["article_id"] if by == "article" else []),
        "articles",
        "statements",
        "per_article",
        *sides,
        "joint speakers",
        "other countries",
        "no country",
        "countries",
        "largest",
        "summary",
    ]
    out = pd.DataFrame(rows, columns=cols)
    if as_html:
        return core.html_table(out.drop(columns=["per_article", "countries", "largest"]))
    return out


def _balance_sentence(row: dict, sides: list[str]) -> str:
    """One sentence from one row of :func:`sourcing_balance`, the same template for every outlet."""
    n = row["statements"]
    name = row.get("article_id") or row["outlet"]
    head = f"{name} ({row['articles']} article{'s' if row['articles'] != 1 else ''}, {n} statements)"
    if not n:
        return f"{head}: no attributed statement."
    parts = [
        f"{s} {row[s]} ({row[s] / n:.0%})"
        for s in [*sides, "joint speakers", "other countries", "no country"]
        if row[s]
    ]
    missing = [s for s in sides if not row[s]]
    text = f"{head}: " + ", ".join(parts)
    if missing:
        text += f"; no statement from {' or '.join(missing)}"
    return (
        text + f". Most statements come from {row['largest'].rsplit(' ', 1)[0]} ({row['largest'].rsplit(' ', 1)[1]})."
    )


def relay_chains(corpus=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every statement that reaches the reader through a go-between: who spoke, through whom.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`).

    Returns
    -------
    pandas.DataFrame
        One row per relayed statement, in date and text order (no rows if nothing is
        relayed). Columns ``outlet``, ``article_id``, ``speaker``, ``cue``, ``relay``,
        ``relay_cue``, ``chain`` (e.g. ``Dmitry Peskov → TASS → Global Times``; a speaker that
        is its own relay appears once), ``span``.

    Examples
    --------
    >>> r = relay_chains()
    >>> r[r.relay == "TASS"].chain.tolist()
    ['Dmitry Peskov → TASS → Global Times']
    """
    at = _table(corpus, table)
    cols = ["outlet", "article_id", "speaker", "cue", "relay", "relay_cue", "chain", "span"]
    relay_id = at["relay_id"].fillna("").astype(str) if "relay_id" in at.columns else pd.Series("", index=at.index)
    r = at[relay_id != ""]
    outlet_of = dict(zip(*[_article_order(corpus)[c] for c in ("article_id", "outlet")]))
    chains = [
        (s if s == rl else f"{s} → {rl}") + f" → {outlet_of.get(a, '')}"
        for s, rl, a in zip(r.speaker, r.relay, r.article_id)
    ]
    order = {a: i for i, a in enumerate(_article_order(corpus).article_id)}
    r = r.assign(
        outlet=r.article_id.map(outlet_of),
        chain=pd.Series(chains, index=r.index, dtype=object),
        _o=r.article_id.map(order),
    )
    return r.sort_values(["_o", "start"], kind="stable")[cols].reset_index(drop=True)


def speakers_in(corpus=None, article_id: str | None = None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who speaks in one article: one row per speaker, with how often and in which form.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (``speakers_in("cgtn-2025-05-14")`` uses the default one).
    article_id : str
        The article.
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
    >>> speakers_in(None, "cgtn-2025-05-14")[["speaker", "statements", "direct_quote"]].values.tolist()[0]
    ['Sun Zhuangzhi', 11, 3]
    """
    corpus, article_id = _corpus_and_article(corpus, article_id)
    at = _table(corpus, table)
    t = at[at.article_id == article_id]
    rows = []
    for (name, typ, country), g in t.groupby(["speaker", "speaker_type", "speaker_country"]):
        rows.append(
            {
                "speaker": name,
                "speaker_type": typ,
                "speaker_country": country,
                "statements": len(g),
                **{f: int((g.form == f).sum()) for f in FORMS},
                "relayed": int((g.relay_id != "").sum()),
                "relays": ", ".join(sorted(set(g.relay) - {""})),
            }
        )
    cols = ["speaker", "speaker_type", "speaker_country", "statements", *FORMS, "relayed", "relays"]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["statements", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


def sourcing_overview(corpus=None, *, table: pd.DataFrame | None = None) -> core.HTML:
    """One line on the hand-coded attributions: how many statements, speakers and articles.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    table : DataFrame, optional
        The attributions table (default: :func:`attributions`).

    Returns
    -------
    kit.core.HTML
        E.g. "92 attributed statements, 30 different speakers, 5 articles".

    Raises
    ------
    NotCodedError
        If the corpus has no attributions table or no gazetteer (``helpers.sourcing_overview``
        shows the "not yet coded" notice instead).

    Examples
    --------
    >>> print(repr(sourcing_overview()).strip())
    92 attributed statements, 32 different speakers, 5 articles
    """
    at = _table(corpus, table)
    return core.HTML(
        f"<p>{len(at)} attributed statements, {at.speaker_id.nunique()} different speakers, "
        f"{at.article_id.nunique()} articles</p>"
    )


def example_statements(corpus=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Three rows of the attributions table to read first: one direct, one partial and one indirect.

    The rows named ``example_statement`` in ``sourcing_settings.csv`` (on the kit's corpus, the
    three statements notebook 01 discusses); without them, the first statement of each form,
    in article order.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    table : DataFrame, optional
        The attributions table (default: :func:`attributions`).

    Returns
    -------
    pandas.DataFrame
        Up to three rows. Columns ``outlet``, ``speaker``, ``speaker_type``, ``form``,
        ``cue``, ``relay``, ``sentence`` (see :func:`attributions`).

    Raises
    ------
    KitDataError
        If an ``example_statement`` of the settings is not an attribution_id of the table.

    Examples
    --------
    >>> example_statements().form.tolist()
    ['direct_quote', 'partial_quote', 'indirect']
    """
    at = _table(corpus, table)
    wanted = _setting(corpus, "example_statement")
    if wanted and "attribution_id" in at.columns:
        unknown = [w for w in wanted if w not in set(at.attribution_id)]
        if unknown:
            raise core._err(
                _SETTINGS_FILE,
                "",
                f"example statement(s) {', '.join(unknown)} not in attributions.csv",
                "use attribution_ids from annotations/attributions.csv",
            )
        rows = at.set_index("attribution_id").loc[wanted].reset_index()
    else:
        order = {a: i for i, a in enumerate(_article_order(corpus).article_id)}
        at = at.assign(_o=at.article_id.map(order)).sort_values(["_o", "start"], kind="stable")
        rows = pd.concat([at[at.form == f].head(1) for f in FORMS])
    outlet_of = dict(zip(*[_article_order(corpus)[c] for c in ("article_id", "outlet")]))
    rows = rows.assign(outlet=rows.article_id.map(outlet_of))
    return rows[["outlet", "speaker", "speaker_type", "form", "cue", "relay", "sentence"]].reset_index(drop=True)


def show_statements(
    corpus=None, article_id: str | None = None, *, table: pd.DataFrame | None = None, with_form: bool = False
) -> core.HTML:
    """The reading view of one article with its attributed statements highlighted, one tag per speaker.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_id : str
        The article.
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
    >>> "Sun Zhuangzhi" in show_statements(None, "cgtn-2025-05-14").data
    True
    """
    corpus, article_id = _corpus_and_article(corpus, article_id)
    highlight = statement_highlights(corpus, article_id, table=table, with_form=with_form)
    return core.show_article(article_id, highlight=highlight, path=corpus)


def extracted_profile(corpus=None, *, table: pd.DataFrame | None = None, top: int = 3) -> pd.DataFrame:
    """Who speaks in each article by the rules alone: a summary of the extractor's output.

    Works on any corpus, coded or not: it needs no gazetteer, and counts speakers by the
    ``speaker`` column (the gazetteer's name if there is one, else the name as found, so
    "Piet Lindqvist" and "Mayor Piet Lindqvist" may count as two). Check it by reading:
    see :func:`show_statements` with ``table=`` the extractor's output.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    table : DataFrame, optional
        The extractor's output (default: :func:`extract_attributions` on the corpus).
    top : int
        How many speakers to name per article.

    Returns
    -------
    pandas.DataFrame
        One row per article, in date order, even those where nothing is found. Columns
        ``outlet``, ``article_id``, ``statements`` (statements found), ``speakers`` (distinct
        speaker names), ``direct_quote``, ``partial_quote``, ``indirect`` (statements by
        form), ``relayed`` (statements with a relay), ``top_speakers`` (the ``top`` speakers
        with the most statements, e.g. ``Sun Zhuangzhi 11, Vladimir Putin 2``; ties by name).

    Examples
    --------
    >>> p = extracted_profile().set_index("article_id")
    >>> p.loc["cgtn-2025-05-14", "top_speakers"].split(",")[0]
    'Sun Zhuangzhi 12'
    """
    found = extract_attributions(corpus) if table is None else table
    groups = dict(tuple(found.groupby("article_id", sort=False)))
    rows = []
    for a in _article_order(corpus).itertuples():
        t = groups.get(a.article_id, found.iloc[0:0])
        counts = t.groupby("speaker").size().reset_index(name="n")
        counts = counts.sort_values(["n", "speaker"], ascending=[False, True], kind="stable").head(top)
        rows.append(
            {
                "outlet": a.outlet,
                "article_id": a.article_id,
                "statements": len(t),
                "speakers": t.speaker.nunique(),
                **{f: int((t.form == f).sum()) for f in FORMS},
                "relayed": int((t.relay != "").sum()),
                "top_speakers": ", ".join(f"{s} {n}" for s, n in zip(counts.speaker, counts.n)),
            }
        )
    return pd.DataFrame(
        rows, columns=["outlet", "article_id", "statements", "speakers", *FORMS, "relayed", "top_speakers"]
    )


def extracted_statements(
    corpus=None, article_id: str | None = None, *, table: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The statements the extractor finds in one article, ready to read: who, how, and which rule.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    article_id : str
        The article.
    table : DataFrame, optional
        The extractor's output (default: :func:`extract_attributions` on that article).

    Returns
    -------
    pandas.DataFrame
        One row per statement, in text order. Columns ``speaker_as_found`` (the words in the
        text), ``speaker`` (as resolved), ``form``, ``cue``, ``relay``, ``rule``, ``span``.

    Examples
    --------
    >>> extracted_statements(None, "globaltimes-2025-05-14").speaker.iloc[:2].tolist()
    ['The Washington Post', 'Lin Jian']
    """
    corpus, article_id = _corpus_and_article(corpus, article_id)
    found = extract_attributions(corpus, articles=article_id) if table is None else table
    t = found[found.article_id == article_id]
    return t[["speaker_as_found", "speaker", "form", "cue", "relay", "rule", "span"]].reset_index(drop=True)


def _is_ordinary(speaker_type: str, role: str) -> bool:
    """An ordinary person: typed ``other`` and holding no office by the gazetteer's role."""
    return speaker_type == "other" and not _OFFICE_WORDS.search(role or "")


def findings(corpus=None, *, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Checkable statements about each article's sourcing, one row per article.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    table : DataFrame, optional
        The attributions table (default: :func:`attributions`), to avoid reading it again.

    Returns
    -------
    pandas.DataFrame
        One row per article, in date order. Columns:

        =========================  =====================================================
        outlet, article_id         the article
        statements                 attributed statements
        named_people               distinct named individuals who speak
        top_speaker                the speaker with the most statements
        top_speaker_share          that speaker's share of all statements (0-1)
        <side>_direct_quote        True if a speaker of a side named in
                                   ``sourcing_settings.csv`` is quoted in full (e.g.
                                   ``ukraine_direct_quote``; joint speakers are not counted;
                                   statements by side: :func:`sourcing_balance`)
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
    >>> f.ukraine_direct_quote[f.ukraine_direct_quote].index.tolist()
    ['atalayar-2025-05-19']
    >>> bool(f.ordinary_person_quoted.any())
    False
    """
    at = _table(corpus, table)
    sp = speakers(corpus).set_index("speaker_id")
    sides = _setting(corpus, "side")
    groups = dict(tuple(at.groupby("article_id", sort=False)))
    rows = []
    for a in _article_order(corpus).itertuples():
        t = groups.get(a.article_id, at.iloc[0:0])
        counts = t.speaker.value_counts()
        direct = t[t.form == "direct_quote"]
        row = {
            "outlet": a.outlet,
            "article_id": a.article_id,
            "statements": len(t),
            "named_people": t[t.speaker_type.isin(PERSON_TYPES)].speaker_id.nunique(),
            "top_speaker": counts.index[0] if len(counts) else "",
            "top_speaker_share": round(counts.iloc[0] / len(t), 2) if len(t) else 0.0,
        }
        for s in sides:  # a joint speaker ('Ukraine | United States') is not counted for either side
            key = re.sub(r"\W+", "_", s.lower()).strip("_")
            row[f"{key}_direct_quote"] = bool((direct.speaker_country == s).any())
        row.update(
            {
                "any_direct_quote": bool(len(direct)),
                "relayed": int((t.relay_id != "").sum()),
                "ordinary_person_quoted": any(
                    _is_ordinary(sp.at[s, "speaker_type"], sp.at[s, "role"]) for s in t.speaker_id
                ),
            }
        )
        rows.append(row)
    return pd.DataFrame(rows)


def statement_highlights(
    corpus=None, article_id: str | None = None, *, table: pd.DataFrame | None = None, with_form: bool = False
) -> dict[str, list[str]]:
    """The statements of one article, grouped by speaker, ready for ``show_article(highlight=...)``.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (``statement_highlights("cgtn-2025-05-17")`` uses the default one).
    article_id : str
        The article.
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
    >>> h = statement_highlights(None, "cgtn-2025-05-17")
    >>> list(h)[:2]
    ['experts (unnamed)', 'Volodymyr Zelenskyy']
    >>> len(h["Sun Zhuangzhi"])
    6
    """
    corpus, article_id = _corpus_and_article(corpus, article_id)
    at = _table(corpus, table)
    t = at[at.article_id == article_id].sort_values("start", kind="stable")
    out: dict[str, list[str]] = {}
    for name, form, span in zip(t["speaker"], t["form"], t["span"]):
        label = f"{name} ({form.replace('_', ' ')})" if with_form else name
        out.setdefault(label, []).append(span)
    return out


def _label(outlet: str, published) -> str:
    """An article as a reader names it: the outlet and the day ('CGTN, 14 May')."""
    day = pd.Timestamp(published)
    return f"{outlet}, {day.day} {day:%b}" if not pd.isna(day) else outlet


def plot_voices(corpus=None, *, table: pd.DataFrame | None = None, by: str = "speaker_country"):
    """Chart the voices of each article: statements by speaker country (top) and by form (bottom).

    Two panels, one bar per article (outlet and day, in date order, top to bottom). Top: each
    article's attributed statements split by the speakers' country (the sides named in
    ``sourcing_settings.csv`` first, then the others, most statements first), or by ``by``.
    Bottom: the same statements split by form (direct quote, partial quote, indirect), with the
    number reaching the reader through a relay written beside the bar. Segments of two or more
    statements carry their count. Colours come from ``colours.csv`` (see :mod:`kit.style`).

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    table : DataFrame, optional
        An attributions table (default: :func:`attributions`).
    by : str
        The property of the top panel (``"speaker_country"`` or ``"speaker_type"``).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = plot_voices()
    >>> [ax.get_xlabel() for ax in fig.axes]
    ['attributed statements', 'attributed statements']
    >>> fig.get_size_inches().tolist()[0] * fig.dpi  # fits a 1024 x 768 projector (see kit.style)
    576.0
    """
    from kit import style  # sets the kit's chart defaults when a chart is first drawn

    at = _table(corpus, table)
    arts = _article_order(corpus)
    labels = [_label(o, p) for o, p in zip(arts.outlet, arts.published)]
    left = voices_by_source(corpus, by=by, table=at).drop(columns="total")
    if by == "speaker_country":
        sides = [s for s in _setting(corpus, "side") if s in left.columns]
        left = left[sides + [c for c in left.columns if c not in sides]]
    kind = "country" if by == "speaker_country" else "speaker_type"
    colours = style.colours(kind, list(left.columns), corpus)
    for col in left.columns:  # a joint speaker ('Ukraine | United States'): the first party's colour, hatched
        first = str(col).split(" | ")[0]
        if " | " in str(col):
            colours[col] = colours.get(first) or style.colours(kind, [first], corpus)[first]
    form = voices_by_source(corpus, by="form", table=at).drop(columns="total")
    form.columns = [c.replace("_", " ") for c in form.columns]
    relayed = at[at.relay_id != ""].groupby("article_id").size().reindex(arts.article_id, fill_value=0)
    n = len(arts)
    legend_rows = -(-len(left.columns) // 2)
    fig, (ax1, ax2) = style.figure(
        2 * (0.42 * n + 1.3) + 0.3 * legend_rows,
        nrows=2,
        gridspec_kw={"height_ratios": [0.42 * n + 1 + 0.3 * legend_rows, 0.42 * n + 1.4]},
    )
    y = list(range(n))[::-1]
    _stacked(ax1, y, left, colours)
    _stacked(ax2, y, form, style.colours("form", list(form.columns), corpus), hatches={"partial quote": "//"})
    totals = form.sum(axis=1)
    xmax = max(int(totals.max()) if len(totals) else 1, 1)
    for yy, k, t in zip(y, relayed, totals):
        if k:
            ax2.text(t + xmax * 0.02, yy, f"{k} relayed", va="center", color="#333")
    for ax, title, ncol in ((ax1, f"Whose voice: by {by.replace('speaker_', '')}", 2), (ax2, "How: by form", 3)):
        ax.set_xlim(0, xmax * 1.3)
        ax.set_yticks(y)
        ax.set_yticklabels(labels)
        ax.set_xlabel("attributed statements")
        ax.set_title(title, loc="left")
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.35, -0.22 if ax is ax1 else -0.3),
            ncol=ncol,
            frameon=False,
            handlelength=1.2,
            columnspacing=0.8,
        )
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return fig


def _stacked(ax, y, table: pd.DataFrame, colours: dict, hatches: dict | None = None):
    from kit import style

    left = [0] * len(table)
    for col in table.columns:
        vals = table[col].tolist()
        if not any(vals):
            continue
        hatch = (hatches or {}).get(col, "xx" if " | " in str(col) else None)  # a joint speaker: hatched
        ax.barh(y, vals, left=left, color=colours[col], edgecolor="white", linewidth=0.8, hatch=hatch, label=col)
        for yy, lo, v in zip(y, left, vals):
            if v >= 2:
                ax.text(lo + v / 2, yy, str(v), ha="center", va="center", color=style.text_colour(colours[col]))
        left = [a + b for a, b in zip(left, vals)]


# --------------------------------------------------------------------------------------------
# The rule-based extractor
# --------------------------------------------------------------------------------------------
#
# How it reads one article: the body paragraphs are read block by block (a block is a paragraph,
# or the lines of one hard-wrapped paragraph joined), sentence by sentence. In each sentence the
# quotations are masked, the reporting cues are found (a verb of saying, "according to", a
# live-blog colon), and each cue goes through small rules, one function each:
#
# * gates (``_gate_*``): a reason why a verb form is not a report of speech here;
# * complements (``_complement_*``): what must follow a verb for it to report speech;
# * subjects (``_subject_*``): who the speaker is (the first rule that answers wins);
# * content (``_content_*``): which words were said, before or after the cue;
# * relays (``_relay_*``): a go-between that passes the words on;
# * sentence and paragraph rules (``_sentence_*``, ``_quote_*``, ``_paragraph_*``).
#
# :func:`extractor_rules` lists them all with the first line of each docstring; the ``rule``
# column of :func:`extract_attributions` names the subject rule (or quotation rule) that fired.

#: The reporting verbs the extractor looks for (lemmas). Based on textacy's list of reporting
#: verbs (``textacy.extract.triples``), without the cognition verbs that rarely report speech
#: (ask, continue, decline, order, read, scream), plus verbs of diplomatic speech (propose,
#: demand, request, reiterate, reaffirm, emphasize, criticise, call for).
REPORTING_VERBS = {
    # free: any complement
    "accuse": "free",
    "acknowledge": "free",
    "add": "free",
    "admit": "free",
    "allege": "free",
    "announce": "free",
    "argue": "free",
    "assert": "free",
    "blame": "free",
    "cite": "free",
    "complain": "free",
    "concede": "free",
    "confirm": "free",
    "contend": "free",
    "criticize": "free",
    "criticise": "free",
    "declare": "free",
    "deny": "free",
    "disclose": "free",
    "emphasize": "free",
    "emphasise": "free",
    "explain": "free",
    "insist": "free",
    "mention": "free",
    "note": "free",
    "observe": "free",
    "predict": "free",
    "promise": "free",
    "recall": "free",
    "recommend": "free",
    "reply": "free",
    "report": "free",
    "say": "free",
    "state": "free",
    "stress": "free",
    "suggest": "free",
    "tell": "free",
    "testify": "free",
    "tweet": "free",
    "urge": "free",
    "warn": "free",
    "write": "free",
    "propose": "free",
    "demand": "free",
    "request": "free",
    "reiterate": "free",
    "reaffirm": "free",
    "underline": "free",
    "underscore": "free",
    "post": "free",
    # clause: only with "that", a quotation, or at the end of the sentence ("..., the two sides agreed.")
    "agree": "clause",
    "claim": "clause",
    "maintain": "clause",
    "believe": "clause",
    "think": "clause",
    "hope": "clause",
    "fear": "clause",
    "worry": "clause",
    "estimate": "clause",
    "conclude": "clause",
    "disagree": "clause",
    # special
    "call": "call",  # "called for ...", "called on X to ...", or "called X 'quoted words'" (not a phone call)
    "describe": "describe",  # "described by X as ...", "X described Y as ..."
}
_IRREGULAR = {
    "say": ["says", "said", "saying"],
    "tell": ["tells", "told", "telling"],
    "write": ["writes", "wrote", "written", "writing"],
    "think": ["thinks", "thought", "thinking"],
    "admit": ["admits", "admitted", "admitting"],
    "underline": ["underlines", "underlined", "underlining"],
}


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


def _read_words() -> dict[str, set[str]]:
    """The extractor's word lists (``kit/extractor_words.csv``: columns ``list``, ``word``, ``note``)."""
    import csv

    out: dict[str, set[str]] = {}
    with open(Path(__file__).with_name("extractor_words.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["list"], set()).add(row["word"])
    return out


_WORDS = _read_words()
_DETERMINERS = _WORDS["determiner"]
_ROLE_NOUNS = _WORDS["role_noun"]
_PARTICLES = _WORDS["particle"]
_PRONOUNS = _WORDS["pronoun"]
_DEMONYMS = _WORDS["demonym"]
_TITLES = _WORDS["title"]
#: Places and institutions: a name made only of these is a state or body, not a person.
_PLACES = _WORDS["place"]
#: Outlets and agencies the extractor knows without a gazetteer (relays, not speakers).
_OUTLETS = _WORDS["outlet"]
_PREPOSITIONS = _WORDS["preposition"]
_NATIONALITY = {w for w in _DETERMINERS if w[:1].upper() + w[1:] in _DEMONYMS}

_FORM_TO_LEMMA = {f: lem for lem in REPORTING_VERBS for f in _forms(lem)}
_MADE_CLEAR_RE = re.compile(r"(?<![\w-])(?:made|makes|make|making) it clear(?![\w-])")
_ACCORDING_RE = re.compile(r"(?<![\w-])[Aa]ccording to\s+")
_OUTLET_WORDS = re.compile(
    r"\b(Post|Times|News|Agency|Journal|Press|Network|Television|TV|Radio|Telegraph|Herald|Gazette)$"
)
_ADVERBIALS = re.compile(
    r"(?:\s+|^)(?:has|have|had|would|will|also|then|again|already|previously|once|later|earlier|so far|yet|"
    r"not|never|is|was|were|are|be|been|does|did|do|[a-z]+ly|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s*$"
)
_NEGATION = re.compile(r"(?:\bnot|\bnever|n[’']t|\bhas yet to|\bhave yet to)\s+(?:\w+\s+){0,2}$")
_NOUN_BEFORE = re.compile(
    r"(?:(?<![\w’'-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]hese|[Tt]hose|[Tt]his|"
    r"[Ss]uch)|[\w)][’']s?)\s+$"
)
_TRAILING_START = re.compile(
    r"\s*(?:$|[.;:!?]|(?:on|in|at|to|during|after|before|last|this|yesterday|today|tonight|earlier|later|recently|"
    r"late|when|while|as|via|from|with|without|through|afterwards|again|also|then|too|according|by|over|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|\d)\b)"
)
_LISTENERS = re.compile(
    r"\s+(?:us|me|him|her|them|reporters|journalists|the\s+press|the\s+media|"
    r"a\s+news\s+conference|a\s+press\s+conference|parliament|lawmakers)(?![\w’'-])"
)
_WORD = re.compile(r"[^\W_](?:[\w’'.\-]*[\w’'])?\.?")
_CAPITALISED = re.compile(r"(?<![\w’'.\-])[A-Z](?:[\w’'.\-]*[\w’'])?\.?")
_ABBREVIATED = {"Sen.", "Rep.", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms."}
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")


def _trie_pattern(words) -> str:
    """One regular expression that matches exactly the given words, written as a tree of their letters
    ('sa(?:id|ys?)'), which the regular-expression engine tries much faster than a long list of words."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alts = [re.escape(ch) + branch(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(tree)


#: A verb form of saying as a whole lower-case word: the words of ``_LOWER_WORD`` that are in ``_FORM_TO_LEMMA``.
_VERB_FORM_RE = re.compile(r"(?<![\w’'-])" + _trie_pattern(_FORM_TO_LEMMA) + r"(?![\w’'-])")


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


@dataclass
class _Subject:
    start: int | None  # where the speaker's name phrase starts (None: borrowed from elsewhere)
    name: str
    rule: str
    explicit: bool = True
    end: int | None = None  # a cue that ends after the name ("..., said Cui")


@dataclass
class _Verb:
    """One verb of saying in one sentence, with what the rules need to look at it."""

    ex: "_Extractor"
    m: str  # the masked block (quoted words replaced by ¤)
    slo: int  # the sentence's bounds in the block
    shi: int
    vs: int  # the verb's bounds
    ve: int
    lemma: str
    found: list  # cues found earlier in the sentence
    left: tuple | None = None  # cached by _left_of_verb

    @property
    def word(self) -> str:
        return self.m[self.vs : self.ve]

    @property
    def before(self) -> str:
        return self.m[self.slo : self.vs]

    @property
    def after(self) -> str:
        return self.m[self.ve : self.shi]

    @property
    def g(self) -> "_Grammar":
        return self.ex.g


def _token(m) -> tuple[str, int, int] | None:
    """One match of ``_WORD`` as (word, start, end), or None for no match.

    A full stop is kept only on initials and abbreviations ('J.', 'U.S.').
    """
    if m is None:
        return None
    w, s, e = m.group(0), m.start(), m.end()
    if w[-1] == "." and w not in _ABBREVIATED and not _is_initial(w):
        return w[:-1], s, e - 1
    return w, s, e


def _iter_tokens(text: str, pos: int, endpos: int):
    """Word tokens of ``text[pos:endpos]`` as (word, start, end), offsets in ``text``, one at a time."""
    return map(_token, _WORD.finditer(text, pos, endpos))


def _tokens(text: str):
    """Word tokens as (word, start, end); a full stop is kept only on initials and abbreviations ('J.', 'U.S.')."""
    return list(_iter_tokens(text, 0, len(text)))


def _n_words(text: str, limit: int = 99) -> int:
    """How many word tokens ``text`` has, counting no further than ``limit`` (cheap on long text)."""
    n = 0
    for _ in _WORD.finditer(text):
        n += 1
        if n >= limit:
            break
    return n


_INITIAL = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?")
_POSSESSIVE = re.compile(r"[’']s$")


def _is_initial(tok: str) -> bool:
    return bool(_INITIAL.fullmatch(tok))


class _Gazetteer:
    """The speakers gazetteer prepared for fast look-ups (one pattern for all name forms)."""

    def __init__(self, sp: pd.DataFrame):
        self.name = dict(zip(sp.speaker_id, sp.canonical_name))
        self.type = dict(zip(sp.speaker_id, sp.speaker_type))
        self.country = dict(zip(sp.speaker_id, sp.country))
        self.ids: dict[str, list[str]] = {}  # name form (lower case if the form is) -> speaker ids
        self.tokens: set[str] = set()
        cased, uncased = set(), set()
        for sid, vs in zip(sp.speaker_id, sp.variant_list):
            for v in vs:
                key = v if v[:1].isupper() else v.lower()
                if sid not in self.ids.setdefault(key, []):
                    self.ids[key].append(sid)
                (cased if v[:1].isupper() else uncased).add(v)
                self.tokens.update(w for w in v.split() if w[:1].isupper())

        def alternation(forms):
            return "|".join(re.escape(v) for v in sorted(forms, key=lambda v: (-len(v), v))) or r"(?!x)x"

        self.find = [
            re.compile(r"(?<![\w-])(?:" + alternation(cased) + r")(?![\w-])"),
            re.compile(r"(?<![\w-])(?:" + alternation(uncased) + r")(?![\w-])", re.IGNORECASE),
        ]
        # name forms by their last word, longest first: a suffix is looked up, not searched for
        self.by_last: dict[str, list[str]] = {}
        for v in sorted(cased | uncased, key=lambda v: (-len(v), v)):
            if v.split():
                self.by_last.setdefault(v.split()[-1].lower(), []).append(v)

    def _key(self, form: str) -> str:
        return form if form in self.ids else form.lower()

    def match(self, name: str) -> list[str]:
        """The speaker ids of the longest name form inside ``name`` (several if it is shared)."""
        best, ids = 0, []
        for pattern in self.find:
            for m in pattern.finditer(name):
                form = m.group(0)
                if len(form) > best:
                    best, ids = len(form), list(self.ids.get(self._key(form), []))
                elif len(form) == best:
                    ids += [s for s in self.ids.get(self._key(form), []) if s not in ids]
        return ids

    def suffix(self, left: str):
        """The longest name form that ends ``left``: (start in ``left``, form) or None."""
        words = left.split()
        if not words:
            return None
        low = left.lower()
        for v in self.by_last.get(words[-1].lower(), ()):
            start = len(left) - len(v)
            if start < 0 or not (left.endswith(v) if v[:1].isupper() else low.endswith(v.lower())):
                continue
            if start == 0 or not (left[start - 1].isalnum() or left[start - 1] in "_-"):
                return start, left[start:]
        return None


class _Grammar:
    """Which words may make up a speaker's name phrase, for one article."""

    def __init__(self, text: str, sent_starts: set[int], gaz_tokens: set[str]):
        self.proper = set(gaz_tokens)
        for m in _CAPITALISED.finditer(text):
            if m.start() not in sent_starts:
                w = m.group(0)
                if w.endswith(".") and not _is_initial(w) and w not in _ABBREVIATED:
                    w = w[:-1]
                self.proper.add(w)
        self.sent_starts = sent_starts
        self.offset = 0  # where the block being read starts in the article

    def np_token(self, w: str, pos: int, next_word: str = "") -> bool:
        """May ``w`` (at block offset ``pos``) be part of a name phrase?

        A capitalised word that opens a sentence counts only if it is also capitalised
        elsewhere in the article, is a title or demonym, or is followed by another capitalised
        word ('Maria Lopez said'): 'Despite' or 'Direct talks' do not.
        """
        low = w.lower()
        if low in _DETERMINERS and low not in _NATIONALITY:
            return True
        if w[:1].isupper() or w[:1].isdigit():
            return not (
                pos + self.offset in self.sent_starts
                and w not in self.proper
                and w not in _TITLES
                and w not in _DEMONYMS
                and w not in _PLACES
                and not _is_initial(w)
                and not (next_word[:1].isupper() and next_word not in _TITLES)
                and next_word not in _FORM_TO_LEMMA
            )
        return low in _DETERMINERS or w in _ROLE_NOUNS or w in _PARTICLES

    @staticmethod
    def has_head(words: list[str]) -> bool:
        """Does the phrase name someone: a proper name, a role noun ('officials'), or a title used as a
        noun at its end ('the European Commission', 'the Ministry')?"""
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
            return True
        if len(words) > 1 and words[-1].lower() in _ROLE_NOUNS:
            return True
        for w in words:
            base = _POSSESSIVE.sub("", w) if w[-1:] == "s" else w
            if w.lower() in _DETERMINERS and base not in _DEMONYMS:
                continue
            if base[:1].isupper() and base not in _DEMONYMS and base not in _TITLES:
                return True
            if w in _ROLE_NOUNS:
                return True
        return False


def _np_suffix(masked: str, lo: int, hi: int, g: _Grammar, after: str = ""):
    """The name phrase ending at ``hi`` (after trailing spaces), not before ``lo``: (start, text) or None.

    ``after``: the word that follows (a verb of saying makes a capitalised word that opens the
    sentence a name: 'Castria demands …').
    """
    lo = max(lo, hi - 160)  # no name phrase is longer
    seg = masked[lo:hi]
    toks = _tokens(seg)
    # the phrase must end right at hi (only spaces after)
    if not toks or seg[toks[-1][2] :].strip():
        return None
    words: list[tuple[str, int, int]] = []
    for w, s, e in reversed(toks):
        gap = seg[e : words[0][1]] if words else ""
        if gap.strip():
            break
        if w.lower() in _PRONOUNS and not words:
            words.insert(0, (w, s, e))
            break
        if w.lower() in _PRONOUNS or not g.np_token(w, lo + s, words[0][0] if words else after):
            break
        words.insert(0, (w, s, e))
    while words and (words[0][0] in _PARTICLES or words[0][0].lower() in {"and", "of"}):
        words.pop(0)
    if words and words[-1][0] in {"and", "of"}:
        return None
    if not words or not g.has_head([w for w, _, _ in words]):
        return None
    if len(words) > 1 and words[0][0].lower() in _PRONOUNS:
        return None
    s, e = words[0][1], words[-1][2]
    return lo + s, seg[s:e]


def _np_prefix(masked: str, lo: int, hi: int, g: _Grammar):
    """The name phrase starting at ``lo`` (after leading spaces and masked quotes): (start, end, text) or None."""
    it = _WORD.finditer(masked, lo, min(hi, lo + 160))
    cur = _token(next(it, None))
    if cur is None or masked[lo : cur[1]].strip(' “”"‘’¤,\n'):
        return None
    words: list[tuple[str, int, int]] = []
    nxt = _token(next(it, None))
    while cur is not None:
        w, s, e = cur
        if words and masked[words[-1][2] : s].strip():
            break
        if w.lower() in _PRONOUNS:
            if not words:
                words.append(cur)
            break
        follow = nxt[0] if nxt is not None and not masked[e : nxt[1]].strip() else ""
        if not g.np_token(w, s, follow):
            break
        words.append(cur)
        cur, nxt = nxt, _token(next(it, None))
    while words and words[-1][0] in _PARTICLES:
        words.pop()
    if not words or not g.has_head([w for w, _, _ in words]):
        return None
    s, e = words[0][1], words[-1][2]
    return s, e, masked[s:e]


def _quotes(ptext: str) -> list[tuple[int, int]]:
    """Top-level quotations of a block: (open mark position, close mark position + 1).

    An unclosed quotation runs to the end of the block.
    """
    if "“" not in ptext and '"' not in ptext and "‘" not in ptext:
        return []
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
    if not quotes:
        return ptext
    parts, pos = [], 0
    for s, e in quotes:
        inner = max(0, e - 1 - (s + 1))
        parts += [ptext[pos : s + 1], "¤" * inner]
        pos = s + 1 + inner
    parts.append(ptext[pos:])
    return "".join(parts)


def _strip_adverbials(masked: str, lo: int, hi: int) -> int:
    """Move ``hi`` left past auxiliaries, adverbs and days ('has so far', 'on Sunday')."""
    while True:
        m = _ADVERBIALS.search(masked, max(lo, hi - 40), hi)
        if not m or m.start() == m.end():
            return hi
        hi = m.start()


#: Patterns of the rules below, compiled once.
_CALL_FOR_ON_RE = re.compile(r"\s+for\b|\s+on\s+(?:[\w’'-]+\s+){0,4}to\b")
_CALL_QUOTE_RE = re.compile(r"\s+(?:[\w’'-]+\s+){0,5}[“‘\"]")
_PARENTHESIS_RE = re.compile(r"\s*\([^)]*\)")
_BY_THEN_RE = re.compile(r"\s+by\s+")
_AS_RE = re.compile(r"\s+as\s+")
_ENDS_WHO_WHICH_RE = re.compile(r",\s*(?:who|which)$")
_THAT_RE = re.compile(r"(?:^|\s)that\s")
_AUX_NEXT_RE = re.compile(r"\s*(?:is|are|was|were|has|have|had|would|will|can|could)\b")
_COORD_TAIL_RE = re.compile(r"[,;\s]+(?:(?:and|but|or|while|whereas)\b[^,;¤“”‘’\"]*)?$")
_CITING_RE = re.compile(r",?\s*citing\s+")
_QUOTE_NEXT_RE = re.compile(r"\s*[,:]?\s*(?:that\s+)?[“‘\"]")
_COMMA_OR_SEMI_RE = re.compile(r"[,;]")
_QUOTED_BY_RE = re.compile(r"\b(?:quoted|cited) by\s+")
_BY_RE = re.compile(r"\s+by\s")
_AS_WITHIN_SIX_RE = re.compile(r"\s+(?:[\w’'.-]+\s+){1,6}as\b")
_PASSIVE_AUX_RE = re.compile(r"(?:\b(?:is|was|were|been|being|be)\s+)(?:\w+ly\s+)?$")
_AGREE_TO_RE = re.compile(r"\s+(?:on\s+\w+\s+)?to\s+(?!a\b|an\b|the\b|this\b|that\b)")
_COLON_END_RE = re.compile(r":\s*$")
_ENDS_CONJUNCTION_RE = re.compile(r"(?:^|\s)(?:and|but|or)$")
_CLAUSE_JOIN_BEFORE_RE = re.compile(r"(?:[,;]|\bwhile|\bwhereas|\bbut|\band)\s*$")
_THAT_AFTER_RE = re.compile(r"[\s,]*(?:that\s+)?")
_DEMONYM_TAIL_RE = re.compile(r"(?:ian|ese|ish|[’']s?)$")
_FOR_ON_RE = re.compile(r"\s+(?:for|on)")


# ---- gates: when a verb form does not report speech -------------------------------------------


def _gate_negated(v: _Verb) -> bool:
    """A negated verb reports that nothing was said: 'has not said', 'never stated', 'has yet to say'."""
    lo = max(v.slo, v.vs - 60)
    window = v.m[lo : v.vs]
    if "no" not in window and "ne" not in window and "’t" not in window and "'t" not in window and "yet" not in window:
        return False  # none of 'not', 'never', 'n’t', 'yet to' is there (a quick test before the pattern)
    return bool(_NEGATION.search(v.m, lo, v.vs))


def _gate_noun_or_adjective(v: _Verb) -> bool:
    """A verb form right after an article, a determiner or a possessive is a noun or an adjective.

    'The demands include', 'the agreed agenda', 'Russia’s stated willingness', 'its reply'.
    """
    return bool(_NOUN_BEFORE.search(v.m, max(v.slo, v.vs - 20), v.vs))


def _gate_participle_after_preposition(v: _Verb) -> bool:
    """A participle after a preposition names an act, not a statement: 'after saying', 'by stressing'."""
    if not v.word.endswith("ing"):
        return False
    lead = v.before.split()
    return bool(lead) and lead[-1].lower() in _PREPOSITIONS


def _gate_describe_without_as(v: _Verb) -> bool:
    """'describe' reports speech only with 'as': 'X described the talks as useful' (not 'described the scene')."""
    if v.lemma != "describe" or _BY_RE.match(v.after):  # 'described by X as' is the passive rule's
        return False
    return not _AS_WITHIN_SIX_RE.match(v.after)


# ---- complements: what must follow the verb ----------------------------------------------------


def _complement_call(v: _Verb) -> int | None:
    """'call' reports speech as 'called for …', 'called on X to …' or 'called X “quoted words”'.

    'Zelensky called Trump' (a phone call) is not a statement. Returns where the cue ends.
    """
    m = _CALL_FOR_ON_RE.match(v.after)
    if m:
        return v.ve + (len(_FOR_ON_RE.match(v.after).group(0)))
    if _CALL_QUOTE_RE.match(v.after):
        return v.ve
    return None


def _complement_tell(v: _Verb):
    """'tell' needs a listener: 'told reporters', 'told us', 'told the Lindau Herald (in an interview)'.

    Returns (where the cue ends, the listener) or None.
    """
    fixed = _LISTENERS.match(v.after)
    if fixed:
        return v.ve + fixed.end(), fixed.group(0).strip()
    np = _np_prefix(v.m, v.ve, v.shi, v.g)
    if np is None:
        return None
    end = np[1]
    par = _PARENTHESIS_RE.match(v.m[end : v.shi])
    if par:
        end += len(par.group(0))
    return end, np[2]


def _complement_passive(v: _Verb):
    """A passive verb ('was reported', 'is believed') is not a statement, except 'described by X as …'.

    Returns a cue for 'described/quoted/cited by X as', False for any other passive, None if
    the verb is not passive.
    """
    if not _PASSIVE_AUX_RE.search(v.m[max(v.slo, v.vs - 40) : v.vs]):
        return None
    by = _BY_THEN_RE.match(v.after)
    if v.lemma not in {"describe", "quote", "cite"} or not by:
        return False
    np = _np_prefix(v.m, v.ve + by.end(), v.shi, v.g)
    if np is None:
        return False
    as_ = _AS_RE.match(v.m[np[1] : v.shi])
    cstart = np[1] + (as_.end() if as_ else 0)
    return _Cue(
        v.vs, cstart, v.vs, v.ve, v.lemma, np[2], "speaker", "after", cstart, v.shi, "passive 'described by X as'"
    )


# ---- subjects: who speaks (the first rule that answers wins) -------------------------------------


def _borrowed_subject(v: _Verb):
    """The speaker of an earlier cue of the sentence, else the sentence's first name phrase."""
    prior = [c for c in v.found if c.kind == "speaker" and c.speaker]
    if prior:
        return None, prior[0].speaker
    np = v.ex.sentence_subject(v.m, v.slo, v.vs)
    return (np[0], np[2]) if np else (None, "")


def _subject_participle_comma(v: _Verb) -> _Subject | None:
    """', adding that …': the speaker is the subject of the sentence (or of its first cue)."""
    if not (v.word.endswith("ing") and v.before.rstrip().endswith(",")):
        return None
    start, name = _borrowed_subject(v)
    return _Subject(start, name, "participle ', VERBing' (subject of the sentence)", explicit=False) if name else None


def _subject_participle_name(v: _Verb) -> _Subject | None:
    """'Moscow, insisting that …', 'the minister saying …': the name right before the participle."""
    if not v.word.endswith("ing") or v.before.rstrip().endswith(","):
        return None
    np = _np_suffix(v.m, v.slo, v.vs, v.g)
    return _Subject(np[0], np[1], "participle 'X VERBing' (nearest name before it)") if np else None


def _left_of_verb(v: _Verb) -> tuple[int, str]:
    """Where the words before the verb end once auxiliaries and adverbs are dropped, and those words."""
    if v.left is None:
        hi = _strip_adverbials(v.m, v.slo, v.vs)
        v.left = (hi, v.m[v.slo : hi].rstrip())
    return v.left


def _subject_coordinated(v: _Verb) -> _Subject | None:
    """'… and stressed that …': a second verb shares the subject of the first."""
    _, left = _left_of_verb(v)
    if not (_ENDS_CONJUNCTION_RE.search(left) or not left):
        return None
    start, name = _borrowed_subject(v)
    return _Subject(start, name, "coordinated verb ('... and stressed that')", explicit=False) if name else None


def _subject_relative(v: _Verb) -> _Subject | None:
    """'Mira Salo, who said …', 'the Citadel, which said …': the speaker is the name before the comma."""
    _, left = _left_of_verb(v)
    rel = _ENDS_WHO_WHICH_RE.search(left)
    if not rel:
        return None
    head = v.slo + rel.start()
    np = v.ex.gazetteer_suffix(v.m, v.slo, head) or _np_suffix(v.m, v.slo, head, v.g)
    return _Subject(np[0], v.m[np[0] : head].strip(), "relative 'X, who said'") if np else None


def _subject_appositive(v: _Verb) -> _Subject | None:
    """'Cui Heng, a scholar at …, noted': the first comma-separated segment that is a name phrase."""
    hi, left = _left_of_verb(v)
    if not left.endswith(","):
        return None
    # the clause starts after the last closing quotation mark (a quotation before the clause)
    last = max(v.m.rfind("¤" + mark, v.slo, hi) for mark in '”"’')
    clause_lo = last + 2 if last >= 0 else v.slo
    pos = clause_lo
    for seg in v.m[clause_lo:hi].split(","):
        np = _np_prefix(v.m, pos, pos + len(seg), v.g)
        if np and not v.m[np[1] : pos + len(seg)].strip():
            return _Subject(np[0], np[2], "'X, appositive, VERB'")
        pos += len(seg) + 1
    return None


def _subject_inverted(v: _Verb) -> _Subject | None:
    """'“…,” said Cui' or '…, said Lopez': the speaker follows the verb."""
    _, left = _left_of_verb(v)
    if v.lemma == "tell" or not (not left.strip(' ,¤“”"‘’') or left[-1] in ',”"’'):
        return None
    inv = _np_prefix(v.m, v.ve, v.shi, v.g)
    return _Subject(v.vs, inv[2], "inverted ', said X'", end=inv[1]) if inv else None


def _subject_before(v: _Verb) -> _Subject | None:
    """'Sun said', 'the two sides agreed': the name phrase (or gazetteer name) right before the verb."""
    hi, left = _left_of_verb(v)
    if not left or left[-1] in ',”"’':
        return None
    cands = [c for c in (v.ex.gazetteer_suffix(v.m, v.slo, hi), _np_suffix(v.m, v.slo, hi, v.g, v.word)) if c]
    if not cands:
        return None
    start = min(c[0] for c in cands)
    return _Subject(start, v.m[start:hi].rstrip(), "'X VERB'")


#: Subject rules for a participle ('adding', 'saying') and for a finite verb, in the order they are tried.
_PARTICIPLE_RULES = (_subject_participle_comma, _subject_participle_name)
_FINITE_RULES = (_subject_coordinated, _subject_relative, _subject_appositive, _subject_inverted, _subject_before)


# ---- content: which words were said -------------------------------------------------------------


def _that_clause(chunk: str):
    """The 'that' opening a reported clause within the first words after a verb, or None.

    Not a relative 'that' ('demands that are unacceptable') and not after a quotation or another
    verb of saying.
    """
    m = _THAT_RE.search(chunk)
    if not m or _n_words(chunk[: m.start()], 9) > 8 or "¤" in chunk[: m.start()]:
        return None
    if any(w in _FORM_TO_LEMMA for w in _LOWER_WORD.findall(chunk, 0, m.start())):
        return None
    if _AUX_NEXT_RE.match(chunk[m.end() :]):
        return None
    return m


def _content_clause_verb_ok(v: _Verb, chunk: str, that, quote_next, set_off: bool) -> bool:
    """Verbs of thinking or agreeing (agree, claim, believe …) report speech only with 'that', a
    quotation, 'agreed to' + verb, or at the end of a sentence ('…, the two sides agreed')."""
    if REPORTING_VERBS.get(v.lemma, "free") != "clause":
        return True
    to_clause = v.lemma == "agree" and _AGREE_TO_RE.match(chunk)
    return bool(that or to_clause or quote_next or (set_off and _n_words(chunk, 4) <= 3))


def _content_trailing(v: _Verb, start: int, chunk: str, that, quote_next) -> bool:
    """'…, Sun said on Tuesday.': the words said come before the cue.

    The cue follows a clause set off by a comma or a quotation, and nothing but a short
    adverbial ('on Tuesday', 'in a statement') follows the verb; 'Karel Voss, said the workers
    had not been asked' is not trailing (the words follow).
    """
    before_subject = v.m[v.slo : start].rstrip()
    set_off = (
        bool(before_subject)
        and before_subject[-1] in ',”"’'
        and _n_words(before_subject, 3) + (3 if "¤" in before_subject else 0) >= 3
    )
    return (
        set_off
        and not that
        and not quote_next
        and _n_words(chunk, 13) <= 12
        and "¤" not in chunk
        and v.lemma != "make clear"
        and not v.word.endswith("ing")
        and bool(_TRAILING_START.match(chunk))
    )


def _coord_cut(m: str, lo: int, hi: int) -> int:
    """Where a reported clause ends before the next cue ('… consolidated’ and stressed that' → before 'and')."""
    seg = m[lo:hi]
    mm = _COORD_TAIL_RE.search(seg)
    return lo + (mm.start() if mm else len(seg.rstrip()))


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Drop spaces, trailing commas and full stops, and a leading 'that' from a span."""
    while lo < hi and text[lo] in " ,:\n":
        lo += 1
    if text[lo : lo + 5] == "that ":
        lo += 5
    while hi > lo and text[hi - 1] in " ,;.:\n":
        hi -= 1
    return lo, hi


# ---- relays --------------------------------------------------------------------------------------


def _relay_reported_by_outlet(v: _Verb, cue: _Cue) -> None:
    """'Tass reported …': an outlet that reports is a relay, not a speaker."""
    if v.lemma == "report" and v.ex.is_outlet(cue.speaker):
        cue.kind = "relay"


def _relay_citing(v: _Verb, cue: _Cue, trailing: bool) -> None:
    """'…, Tass reported, citing two diplomats': the one cited speaks, through the one who reports."""
    if not trailing:
        return
    cite = _CITING_RE.match(v.m[cue.end : v.shi])
    np = _np_prefix(v.m, cue.end + cite.end(), v.shi, v.g) if cite else None
    if np:
        cue.relay, cue.relay_cue = (cue.speaker, v.m[cue.start : np[1]]) if cue.kind == "relay" else ("", "")
        cue.speaker, cue.kind, cue.end = np[2], "speaker", np[1]
        cue.rule = "'X reported, citing Y'"


def _relay_told_outlet(v: _Verb, cue: _Cue, listener: str, cue_end: int) -> None:
    """'X told Reuters': another outlet that hears the words is a relay; 'told us' or the outlet's own
    group ('told China Media Group' in a CGTN article) is the outlet's own interview, not a relay."""
    if listener and v.ex.is_outlet(listener) and not v.ex.is_own_outlet(listener):
        cue.relay, cue.relay_cue = listener, v.m[cue.start : cue_end]


# ---- one cue, rule by rule ------------------------------------------------------------------------

_GATES = (_gate_negated, _gate_noun_or_adjective, _gate_participle_after_preposition, _gate_describe_without_as)


def _verb_cue(v: _Verb) -> _Cue | None:
    """A verb of saying, through the gates, complements, subject, content and relay rules."""
    for gate in _GATES:
        if gate(v):
            return None
    end, listener = v.ve, ""
    if v.lemma == "call":
        end = _complement_call(v)
        if end is None:
            return None
    if v.lemma == "tell":
        told = _complement_tell(v)
        if told is None:
            return None
        end, listener = told
    passive = _complement_passive(v)
    if passive is not None:
        return passive or None
    for rule in _PARTICIPLE_RULES if v.word.endswith("ing") else _FINITE_RULES:
        subj = rule(v)
        if subj is not None:
            break
    if subj is None or not subj.name:
        return None
    end = subj.end if subj.end is not None else end
    start = subj.start if subj.start is not None and subj.explicit else v.vs
    return _content(v, subj, start, end, listener)


def _content(v: _Verb, subj: _Subject, start: int, end: int, listener: str) -> _Cue | None:
    m, shi = v.m, v.shi
    comma = m.find(",", end, shi)
    chunk_end = comma if comma >= 0 else shi
    chunk = m[end:chunk_end]
    that = _that_clause(chunk)
    before_subject = m[v.slo : start].rstrip()
    set_off = (
        bool(before_subject)
        and before_subject[-1] in ',”"’'
        and _n_words(before_subject, 3) + (3 if "¤" in before_subject else 0) >= 3
    )
    quote_next = _QUOTE_NEXT_RE.match(m[end:shi])
    if not _content_clause_verb_ok(v, chunk, that, quote_next, set_off):
        return None
    trailing = _content_trailing(v, start, chunk, that, quote_next)
    if trailing:
        cue = _Cue(
            start,
            chunk_end,
            v.vs,
            v.ve,
            v.lemma,
            subj.name,
            "speaker",
            "before",
            v.slo,
            start,
            subj.rule or "'..., X said'",
            subj.explicit,
        )
    else:
        c_lo = end + (that.end() if that else 0)
        cue = _Cue(
            start,
            c_lo,
            v.vs,
            v.ve,
            v.lemma,
            subj.name,
            "speaker",
            "after",
            c_lo,
            shi,
            subj.rule or "'X said that ...'",
            subj.explicit,
        )
    _relay_reported_by_outlet(v, cue)
    _relay_citing(v, cue, trailing)
    _relay_told_outlet(v, cue, listener, end)
    return cue


# ---- sentence rules -------------------------------------------------------------------------------


_DATELINE = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[A-Z][A-Z .’'-]+,[^-–—\n]{0,40}?)\s+[-–—]\s+")


def _sentence_skip_dateline(m: str, slo: int, shi: int) -> int:
    """A time stamp or dateline that opens a sentence is not part of it: '13:30 - Tomas Reuven told us …',
    'LINDAU, March 2 (Example Wire) - Negotiators …' (where the sentence starts, after it)."""
    d = _DATELINE.match(m, slo, shi)
    return d.end() if d else slo


def _sentence_drop_nested(m: str, slo: int, cues: list[_Cue]) -> list[_Cue]:
    """A cue inside the words of an earlier cue reports words within words and is not counted:
    'He noted that Ukraine insists that …' (unless coordinated: '…, and stressed that')."""
    kept: list[_Cue] = []
    for c in cues:
        outer = [
            k for k in kept if k.side == "after" and k.kind == "speaker" and k.content_start <= c.start < k.content_end
        ]
        coordinated = (
            c.rule.startswith("coordinated")
            or c.rule.startswith("relative")
            or bool(_CLAUSE_JOIN_BEFORE_RE.search(m[max(slo, c.start - 12) : c.start]))
        )
        if outer and not coordinated and c.lemma != "according":
            continue
        kept.append(c)
    return kept


def _sentence_according_in_clause(m: str, shi: int, cues: list[_Cue]) -> None:
    """'made it clear, according to X, that …': a relay named at the start of the reported clause
    moves the start of the words said past it."""
    for a in cues:
        for b in cues:
            if (
                b is not a
                and a.side == "after"
                and b.lemma == "according"
                and not m[a.content_start : b.start].strip(" ,")
            ):
                rest = _THAT_AFTER_RE.match(m[b.end : shi])
                a.content_start = b.end + rest.end()


def _sentence_next_cue_ends_content(m: str, cues: list[_Cue]) -> None:
    """A later cue in the sentence ends the words of the cue before it ('… said X, and stressed that')."""
    for a in cues:
        # a later cue's subject, or its verb if the subject came first ('Salo, who said …, told reporters')
        later = [b.start if b.start > a.content_start else b.verb_start for b in cues if b is not a]
        later = [x for x in later if a.side == "after" and a.content_start < x < a.content_end]
        if later:
            a.content_end = max(a.content_start, _coord_cut(m, a.content_start, min(later)))


def _sentence_according_as_relay(block: str, speaker_cues: list[_Cue], relays: list[_Cue]) -> list[_Cue]:
    """'According to X' beside another speaker's cue is a relay: 'According to Russian diplomatic
    sources, Medinsky expressed …' (Medinsky speaks, through the sources)."""
    acc = [c for c in speaker_cues if c.lemma == "according"]
    if len(speaker_cues) < 2 or not acc or len(acc) == len(speaker_cues):
        return speaker_cues
    for c in acc:
        c.kind, c.relay = "relay", c.relay or c.speaker
        c.relay_cue = c.relay_cue or block[c.start : c.end]
        relays.append(c)
    return [c for c in speaker_cues if c.lemma != "according"]


def _sentence_outlet_as_source(block: str, quotes, slo: int, shi: int, relays: list[_Cue]) -> list[_Cue]:
    """'…, the Washington Post reported.' with no one else named and nothing quoted: the outlet is
    the source (and its own relay)."""
    if not relays or any(qs < shi and qe > slo for qs, qe in quotes):
        return []
    c = relays[0]
    return [
        _Cue(
            c.start,
            c.end,
            c.verb_start,
            c.verb_end,
            c.lemma,
            c.speaker,
            "speaker",
            c.side,
            c.content_start,
            c.content_end,
            c.rule + " (outlet as source)",
            relay=c.relay or c.speaker,
            relay_cue=block[c.start : c.end],
        )
    ]


def _according_cue(ex: "_Extractor", m: str, slo: int, shi: int, vs: int, ve: int) -> _Cue | None:
    """'According to X, …' or '…, according to X': X speaks; 'according to X quoted by CNN' adds a
    relay; an outlet ('according to CNN') is itself a relay."""
    comma = _COMMA_OR_SEMI_RE.search(m[ve:shi])
    end = ve + comma.start() if comma else shi
    phrase = m[ve:end].rstrip(" .\n")
    np = _np_prefix(m, ve, ve + len(phrase), ex.g)
    if np is None:
        return None
    via = _QUOTED_BY_RE.search(m[np[1] : ve + len(phrase)])
    relay = ""
    if via:
        rnp = _np_prefix(m, np[1] + via.end(), ve + len(phrase), ex.g)
        relay = rnp[2] if rnp else ""
    at_start = not m[slo:vs].strip(" ,\n")
    side = "after" if at_start else "before"
    c_lo, c_hi = (ve + len(phrase), shi) if at_start else (slo, vs)
    kind = "relay" if (ex.is_outlet(np[2]) or relay) else "speaker"
    cue = _Cue(vs, ve + len(phrase), vs, ve, "according", np[2], kind, side, c_lo, c_hi, "'according to X'")
    if relay:
        cue.relay, cue.relay_cue = relay, m[vs : ve + len(phrase)]
    return cue


def _colon_cue(ex: "_Extractor", m: str, slo: int, shi: int, quotes) -> _Cue | None:
    """'Salo: “We have made progress.”' (a live blog or transcript): a known speaker, a colon, a quotation."""
    for qs, _ in quotes:
        if not slo <= qs < shi:
            continue
        lead = _COLON_END_RE.search(m[slo:qs])
        if not lead:
            continue
        hi = slo + lead.start()
        np = ex.gazetteer_suffix(m, slo, hi) or _np_suffix(m, slo, hi, ex.g)
        if np is None:
            return None
        sid, name = ex.resolve(m[np[0] : hi].strip())
        if not (sid or ex.is_person(sid, name)):
            return None
        return _Cue(
            np[0],
            qs,
            hi,
            hi + 1,
            "colon",
            m[np[0] : hi].strip(),
            "speaker",
            "after",
            qs,
            shi,
            "live-blog colon 'X: “…”'",
        )
    return None


# ---- blocks: paragraphs, or hard-wrapped lines joined ---------------------------------------------

_END_OF_PARAGRAPH = tuple('.!?:;”’")…]')


def _blocks(paras: list[tuple[int, int, int, str]]) -> list[list[int]]:
    """Group the body paragraphs into blocks: lines of one hard-wrapped paragraph go together.

    A line joins the next when they are adjacent lines of the file (no blank line between), it
    does not end a sentence (no final full stop, quotation mark, colon …) and the next line starts
    in lower case or it is itself long (a wrapped line, about 60 characters or more).
    """
    groups: list[list[int]] = []
    for i, (line_no, _, _, text) in enumerate(paras):
        if groups:
            j = groups[-1][-1]
            prev_line, _, _, prev = paras[j]
            wrapped = (
                line_no == prev_line + 1
                and not prev.rstrip().endswith(_END_OF_PARAGRAPH)
                and (text[:1].islower() or len(prev) >= 60)
            )
            if wrapped:
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


# ---- quotations without a cue of their own --------------------------------------------------------


def _quote_beside_cue(ex, blk, qs, qe, slo, shi, rows, last) -> dict | None:
    """A quotation in a sentence that has a cued statement belongs to that statement's speaker:
    'Sun said the talks were useful, “a first step”.'"""
    in_sentence = [r for r in rows if r["_p_lo"] < shi and r["_p_hi"] > slo]
    if not in_sentence:
        return None
    r = in_sentence[-1]
    return ex.row(
        blk,
        *_trim(blk.text, qs + 1, qe - 1),
        r["speaker_id"],
        r["speaker"],
        r["speaker_as_found"],
        "partial_quote",
        r["cue"],
        r["relay_id"],
        r["relay"],
        r["relay_cue"],
        "quoted words beside a cued statement",
    )


def _quote_floating(ex, blk, qs, qe, slo, shi, rows, last) -> dict | None:
    """A quotation of four words or more that opens a sentence, right after a quoted speaker, is
    that speaker's: '“We will meet again,” she said. “Nothing is agreed yet.”'"""
    n_words = _n_words(blk.text[qs + 1 : qe - 1], 4)
    if blk.masked[slo:qs].strip() or n_words < 4 or last is None:
        return None
    sid, name = last
    return ex.row(
        blk,
        *_trim(blk.text, qs + 1, qe - 1),
        sid,
        name,
        name,
        "direct_quote",
        "",
        "",
        "",
        "",
        "floating quote (inherits the last quoted speaker)",
    )


def _quote_subject_speaker(ex, blk, qs, qe, slo, shi, rows, last) -> dict | None:
    """Quoted words in a sentence whose subject is a known speaker or a person: 'Medinsky
    “took note” of the proposal' (the clause from the subject to the end of the quotation)."""
    m = blk.masked
    if not m[slo:qs].strip():
        return None
    np = ex.sentence_subject(m, slo, qs)
    if not np or np[2].lower() in _PRONOUNS:
        return None
    sid, name = ex.resolve(np[2])
    if not (sid or ex.is_person(sid, name) or np[2].split()[-1] in _ROLE_NOUNS):
        return None
    lo, hi = _trim(blk.text, np[0], qe)
    ex.remember(sid, name)
    return ex.row(
        blk,
        lo,
        hi,
        sid,
        name,
        np[2],
        "partial_quote",
        "",
        "",
        "",
        "",
        "quoted words in a sentence whose subject is a speaker",
    )


_QUOTE_RULES = (_quote_beside_cue, _quote_floating, _quote_subject_speaker)


# ---- paragraph rules ------------------------------------------------------------------------------


def _paragraph_spread_relay(ex, blk, relays: list[_Cue], rows: list[dict]) -> None:
    """A relay covers its own sentence, and what precedes it ('…, Tass reported') or follows it
    ('According to CNN, …') in the same paragraph."""
    for c in relays:
        rid, rname = ex.resolve(c.relay or c.speaker)
        s_lo, s_hi = next(((a, b) for a, b in blk.sents if a <= c.start < b), (0, len(blk.text)))
        for r in rows:
            same = r["_p_lo"] < s_hi and r["_p_hi"] > s_lo
            covered = same or (r["_p_hi"] <= s_lo if c.side == "before" else r["_p_lo"] >= s_hi)
            if covered and not r["relay"] and r["speaker"] != rname:
                r.update(relay_id=rid, relay=rname, relay_cue=blk.text[c.start : c.end].strip(" ,."))


def _paragraph_drop_duplicates(rows: list[dict]) -> list[dict]:
    """One statement is counted once: a row whose words lie inside another row's words, for the same
    speaker, is dropped (two cues that found the same words)."""
    out = []
    for i, r in enumerate(rows):
        near = range(max(0, i - 8), min(len(rows), i + 9))  # the rows of the same sentence are close by
        inside = any(
            j != i
            and rows[j]["speaker"] == r["speaker"]
            and rows[j]["_p_lo"] <= r["_p_lo"]
            and r["_p_hi"] <= rows[j]["_p_hi"]
            and (rows[j]["_p_hi"] - rows[j]["_p_lo"] > r["_p_hi"] - r["_p_lo"] or j < i)
            for j in near
        )
        if not inside:
            out.append(r)
    return out


def _sentence_remember_subject(ex) -> None:
    """A person who is the subject of a sentence without a statement is remembered for a later 'he'
    or 'she': 'Foreign Minister Ilse Daren met the delegation. … She added that …' is Daren."""
    subject = ex.subject
    if subject:
        sid, name = ex.resolve(subject)
        if ex.is_person(sid, name):
            ex.remember(sid, name)


@dataclass
class _Block:
    """A paragraph (or the joined lines of a hard-wrapped one) as the extractor reads it."""

    para_no: int
    start: int  # offset in the article
    text: str
    masked: str
    quotes: list
    sents: list  # (start, end) of each sentence, in block offsets

    def quotes_near(self, slo: int, shi: int) -> list[tuple[int, int, int]]:
        """(index, open, close) of the quotations that touch the sentence ``slo:shi`` (quotations
        do not overlap, so both their opening and closing marks are in order)."""
        import bisect

        if not self.quotes:
            return []
        if not hasattr(self, "_ends"):
            self._ends = [qe for _, qe in self.quotes]
            self._starts = [qs for qs, _ in self.quotes]
        i = bisect.bisect_right(self._ends, slo - 2)
        j = bisect.bisect_left(self._starts, shi + 2)
        return [(k, *self.quotes[k]) for k in range(i, j)]


#: How many recent speakers the extractor keeps in mind (for 'he', 'she', 'it' and shared name forms).
_MEMORY = 40


class _Extractor:
    """Finds attributed statements in the body paragraphs of one article."""

    def __init__(self, article_id, outlet, text, paras, sent_bounds, gazetteer: _Gazetteer | None, own_outlets=()):
        self.aid, self.outlet, self.text = article_id, outlet, text
        self.paras = paras  # (line_no, para_no, start, text) of each body paragraph
        self.sent_bounds = sent_bounds  # (start, end) of each body sentence, article offsets, in order
        self.gaz = gazetteer
        self.own = {o for o in own_outlets if o} | {outlet, "the " + outlet}
        starts = {p[2] for p in paras} | {s for s, _ in sent_bounds}
        self.g = _Grammar(text, starts, gazetteer.tokens if gazetteer is not None else set())
        self.recent: list[tuple[str, str, bool]] = []  # (speaker_id or "", name, is_person), the last few
        self.full_name: dict[str, str] = {}  # a later word of a name found without the gazetteer -> the full name
        self._sentence_at = ("", 0, 0)  # the sentence being read (masked block, start, end)
        self._persons: dict = {}  # is_person's answers

    # --- names -------------------------------------------------------------------------------
    def resolve(self, name: str) -> tuple[str, str]:
        """(speaker_id, display name) for a name phrase as found in the text."""
        low = name.lower()
        if low in _PRONOUNS:
            return self._pronoun(low)
        if self.gaz is not None:
            ids = self.gaz.match(name)
            if ids:
                if len(ids) > 1:
                    seen = next((r[0] for r in reversed(self.recent) if r[0] in ids), ids[0])
                    ids = [seen]
                return ids[0], self.gaz.name[ids[0]]
        # no gazetteer entry: a surname seen earlier in a fuller name
        clean = self._clean(name)
        full = self.full_name.get(clean, clean)
        return "", full

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def _clean(name: str) -> str:
        """A name as found, without titles: 'Secretary of State Marco Rubio' → 'Marco Rubio'.

        Name phrases without a proper name ('the two sides', 'European allies') are kept whole.
        """
        words = name.split()
        run: list[str] = []
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            joins = w == "and" and run and i > 0 and words[i - 1][:1].isupper()  # 'China and Brazil'
            if (
                (w[:1].isupper() and w not in _TITLES and w not in _DEMONYMS)
                or joins
                or (run and w in _PARTICLES - {"and", "of"})
            ):
                run.insert(0, w)
            else:
                break
        while run and run[0] in _PARTICLES:
            run.pop(0)
        return " ".join(run) if run else name

    def is_person(self, sid: str, name: str) -> bool:
        """A named individual: a person type of the gazetteer, else a name of two capitalised words
        that are not places, titles or outlets ('Maria Lopez'; not 'Castrian' or 'the Kremlin')."""
        key = (sid, name)
        if key not in self._persons:  # the same names come back often: decide each once per article
            self._persons[key] = self._is_person(sid, name)
        return self._persons[key]

    def _is_person(self, sid: str, name: str) -> bool:
        if sid and self.gaz is not None:
            t = self.gaz.type.get(sid, "")
            return t in PERSON_TYPES or t == "anonymous_official" and not name.endswith("s")
        if name in _OUTLETS or _OUTLET_WORDS.search(name):
            return False
        words = [w for w in name.split() if w[:1].isupper() and w not in _TITLES and w.lower() not in _DETERMINERS]
        if not words or all(w in _PLACES or w in _DEMONYMS for w in words):
            return False
        return len(words) >= 2 or not _DEMONYM_TAIL_RE.search(words[0])

    @property
    def subject(self) -> str:
        """The first name phrase of the sentence being read, unless a pronoun (for 'it' and 'they');
        found only when asked for."""
        np = self.sentence_subject(*self._sentence_at) if self._sentence_at[0] else None
        return np[2] if np and np[2].lower() not in _PRONOUNS else ""

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
        """Keep the last speakers and persons named, for pronouns, bare surnames and shared name forms."""
        if name.endswith("(unresolved)"):
            return
        self.recent.append((sid, name, self.is_person(sid, name)))
        if len(self.recent) > 2 * _MEMORY:
            del self.recent[:-_MEMORY]
        if not sid:
            for w in name.split()[1:]:
                self.full_name[w] = name

    def is_outlet(self, name: str) -> bool:
        if self.gaz is not None:
            sid, _ = self.resolve(name)
            if sid:
                return self.gaz.type.get(sid) == "outlet_relay"
        return name in _OUTLETS or bool(_OUTLET_WORDS.search(name))

    def is_own_outlet(self, name: str) -> bool:
        return any(o in name for o in self.own)

    def gazetteer_suffix(self, m: str, lo: int, hi: int):
        """The longest gazetteer name form that ends right at ``hi``: (start, text) or None."""
        if self.gaz is None:
            return None
        left = m[max(lo, hi - 160) : hi].rstrip()
        hit = self.gaz.suffix(left)
        return (max(lo, hi - 160) + hit[0], hit[1]) if hit else None

    # --- sentences -----------------------------------------------------------------------------
    def sentence_subject(self, masked: str, lo: int, hi: int):
        """The first name phrase of a sentence that starts a comma-separated segment."""
        key = (lo, hi)
        if key not in self._subjects:
            self._subjects[key] = None
            pos = lo
            while pos <= hi:
                comma = masked.find(",", pos, hi)
                end = comma if comma >= 0 else hi
                np = _np_prefix(masked, pos, end, self.g)
                if np:
                    self._subjects[key] = np
                    break
                if comma < 0:
                    break
                pos = comma + 1
        return self._subjects[key]

    def cues(self, m: str, slo: int, shi: int, quotes) -> list[_Cue]:
        """Reporting cues in one sentence of the masked block (offsets in the block)."""
        found: list[_Cue] = []
        events = [(x.start(), x.end(), _FORM_TO_LEMMA[x.group(0)], "verb") for x in _VERB_FORM_RE.finditer(m, slo, shi)]
        if m.find("clear", slo, shi) >= 0:
            events += [(x.start(), x.end(), "make clear", "verb") for x in _MADE_CLEAR_RE.finditer(m, slo, shi)]
        if m.find("ccording", slo, shi) >= 0:
            events += [(x.start(), x.end(), "according", "according") for x in _ACCORDING_RE.finditer(m, slo, shi)]
        events.sort()
        for vs, ve, lemma, kind in events:
            if any(c.verb_start <= vs < c.end for c in found):
                continue  # inside a cue already found (e.g. 'reported ... citing')
            cue = (
                _according_cue(self, m, slo, shi, vs, ve)
                if kind == "according"
                else _verb_cue(_Verb(self, m, slo, shi, vs, ve, lemma, found))
            )
            if cue is not None:
                found.append(cue)
        if not found:
            colon = _colon_cue(self, m, slo, shi, quotes)
            if colon is not None:
                found.append(colon)
        return found

    # --- one article ---------------------------------------------------------------------------
    def blocks(self):
        import bisect

        starts = [s for s, _ in self.sent_bounds]
        for group in _blocks(self.paras):
            first, last = self.paras[group[0]], self.paras[group[-1]]
            b_start, b_end = first[2], last[2] + len(last[3])
            text = self.text[b_start:b_end]
            if len(group) == 1:
                i, j = bisect.bisect_left(starts, b_start), bisect.bisect_left(starts, b_end)
                sents = [(s - b_start, e - b_start) for s, e in self.sent_bounds[i:j]]
            else:
                sents = core._split_sentences(text.replace("\n", " "))
            quotes = _quotes(text)
            yield _Block(int(first[1]), b_start, text, _mask(text, quotes), quotes, sents)

    def run(self) -> list[dict]:
        rows: list[dict] = []
        self.last_quote: tuple[str, str] | None = None
        for blk in self.blocks():
            self.g.offset = blk.start
            self._subjects: dict = {}  # sentence_subject's answers for this block
            block_rows: list[dict] = []
            relays: list[_Cue] = []
            used: set[int] = set()
            for slo, shi in blk.sents:
                self._sentence(blk, slo, shi, block_rows, relays, used)
            _paragraph_spread_relay(self, blk, relays, block_rows)
            rows += _paragraph_drop_duplicates(block_rows)
        return rows

    def _sentence(self, blk: _Block, slo: int, shi: int, rows: list, relays: list, used: set) -> None:
        m = blk.masked
        slo = _sentence_skip_dateline(m, slo, shi)
        self._sentence_at = (m, slo, shi)
        kept = _sentence_drop_nested(m, slo, self.cues(m, slo, shi, blk.quotes))
        _sentence_according_in_clause(m, shi, kept)
        _sentence_next_cue_ends_content(m, kept)
        speaker_cues = [c for c in kept if c.kind == "speaker"]
        own_relays = [c for c in kept if c.kind == "relay"]
        relays += own_relays
        if speaker_cues:
            speaker_cues = _sentence_according_as_relay(blk.text, speaker_cues, relays)
        else:
            speaker_cues = _sentence_outlet_as_source(blk.text, blk.quotes, slo, shi, own_relays)
        near = blk.quotes_near(slo, shi)
        for c in speaker_cues:
            self._add(rows, self._statement(blk, c, used, near))
        for qi, qs, qe in near:
            if qi in used or not (slo <= qs < shi):
                continue
            for rule in _QUOTE_RULES:
                row = rule(self, blk, qs, qe, slo, shi, rows, self.last_quote)
                if row is not None:
                    break
            if row:
                used.add(qi)
                self._add(rows, row)
        if not speaker_cues:
            _sentence_remember_subject(self)

    def _add(self, rows: list, row: dict | None) -> None:
        if row:
            rows.append(row)
            if row["form"] == "direct_quote":
                self.last_quote = (row["speaker_id"], row["speaker"])

    def _statement(self, blk: _Block, c: _Cue, used: set, near: list) -> dict | None:
        """The words of one cue, with their form: the quotation right before a trailing cue or right
        after a leading one is a direct quote; quoted words inside the words make a partial quote.
        ``near``: the (index, open, close) of the quotations that touch the sentence."""
        m = blk.masked
        lo, hi = c.content_start, c.content_end
        form = "indirect"
        if c.side == "before":
            q = [(i, qs, qe) for i, qs, qe in near if qe <= c.start and not m[qe : c.start].strip(" ,.")]
            if q:
                i, qs, qe = q[-1]
                used.add(i)
                lo, hi, form = qs + 1, qe - 1, "direct_quote"
        else:
            q = [(i, qs, qe) for i, qs, qe in near if qs >= lo and not m[lo:qs].strip(" ,:")]
            if q and q[0][1] < hi:
                i, qs, qe = q[0]
                used.add(i)
                lo, hi, form = qs + 1, qe - 1, "direct_quote"
        if form == "indirect":
            inside = [i for i, qs, qe in near if lo <= qs and qe <= hi + 1]
            if inside:
                form = "partial_quote"
                used.update(inside)
        lo, hi = _trim(blk.text, lo, hi)
        if hi <= lo:
            return None
        sid, name = self.resolve(c.speaker)
        self.remember(sid, name)
        relay_id, relay = self.resolve(c.relay) if c.relay else ("", "")
        return self.row(
            blk,
            lo,
            hi,
            sid,
            name,
            c.speaker,
            form,
            blk.text[c.start : c.end].strip(" ,.:\n"),
            relay_id,
            relay,
            c.relay_cue.strip(" ,."),
            c.rule,
        )

    def row(self, blk, lo, hi, sid, name, as_found, form, cue, relay_id, relay, relay_cue, rule) -> dict:
        return {
            "article_id": self.aid,
            "para_no": blk.para_no,
            "start": blk.start + lo,
            "end": blk.start + hi,
            "span": self.text[blk.start + lo : blk.start + hi],
            "speaker_id": sid,
            "speaker": name,
            "speaker_as_found": as_found,
            "form": form,
            "cue": cue,
            "relay_id": relay_id,
            "relay": relay,
            "relay_cue": relay_cue,
            "rule": rule,
            "_p_lo": lo,
            "_p_hi": hi,
        }


def extract_attributions(corpus=None, *, articles=None, use_gazetteer: bool = True) -> pd.DataFrame:
    """Find attributed statements in the body text by rules alone (no language model).

    The rules (:func:`extractor_rules` lists each one): pair quotation marks (straight and
    curly; apostrophes such as "Ukraine’s" are not quotes) and mask the quoted words; join the
    lines of a hard-wrapped paragraph; find reporting verbs (``REPORTING_VERBS``), "according
    to" and a live-blog colon ("Salo: “…”"); skip verb forms used as nouns ("the demands"),
    negated ones and acts ("called Trump"); find each verb's speaker: the name right before it
    ("Sun said"), the first name before an appositive ("Cui Heng, a scholar …, noted"), the name
    before "who"/"which" ("Salo, who said"), after it ("…, said Cui"), or the sentence's subject
    for "…, adding that" and "… and stressed that"; a passive "described by X as"; decide
    whether the content follows ("X said that …") or precedes ("…, X said."); resolve "he"/"she"
    to the last person named and "it" to the last state or body; let a quotation that follows a
    quoted speaker without a cue of its own inherit that speaker (a floating quote); treat "Tass
    reported", "according to CNN", "quoted by CNN", "told Reuters" as relays (not "told us" or
    the outlet's own group), and "X reported, citing Y" as Y speaking through X. Statements
    nested inside another speaker's words ("He noted that Ukraine insists that …") are not
    counted separately, and the same words are counted once.

    Names are resolved to ``speaker_id`` through the gazetteer's variants (a bare surname such
    as "Sun" goes to the person of that name seen last). Without a gazetteer (a new corpus), the
    speaker is the name as found, titles removed.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).
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
    corpus = as_corpus(corpus)
    arts = corpus.articles
    if articles is not None:
        wanted = [articles] if isinstance(articles, str) else list(articles)
        arts = arts[arts.article_id.isin(wanted)]
    gaz = _gazetteer(corpus) if use_gazetteer and corpus.is_coded("speakers") else None
    own = _own_outlet_names(corpus)
    paras_of, sents_of = _body_index(corpus)
    rows = []
    sentence = []
    for aid, outlet, text in zip(arts.article_id.tolist(), arts.outlet.tolist(), arts.text.tolist()):
        bounds = sents_of.get(aid, [])
        ex = _Extractor(aid, outlet, text, paras_of.get(aid, []), bounds, gaz, own.get(outlet, ()))
        found = ex.run()
        rows += found
        sentence += _enclosing(text, bounds, found)
    cols = [
        "article_id",
        "para_no",
        "span",
        "start",
        "end",
        "sentence",
        "speaker_id",
        "speaker",
        "speaker_as_found",
        "speaker_type",
        "speaker_country",
        "form",
        "cue",
        "relay_id",
        "relay",
        "relay_cue",
        "rule",
    ]
    df = pd.DataFrame(rows, columns=[c for c in cols if c not in ("sentence", "speaker_type", "speaker_country")])
    df["sentence"] = sentence
    df["speaker_type"] = [gaz.type.get(s, "") if gaz else "" for s in df.speaker_id]
    df["speaker_country"] = [gaz.country.get(s, "") if gaz else "" for s in df.speaker_id]
    order = {a: i for i, a in enumerate(arts.article_id)}
    df = df.assign(_o=df.article_id.map(order)).sort_values(["_o", "start"], kind="stable").drop(columns="_o")
    return df[cols].reset_index(drop=True)


_RULE_KINDS = {
    "_gate_": "gate",
    "_complement_": "complement",
    "_subject_": "subject",
    "_content_": "content",
    "_relay_": "relay",
    "_sentence_": "sentence",
    "_quote_": "quotation",
    "_paragraph_": "paragraph",
}


def extractor_rules() -> pd.DataFrame:
    """The extractor's rules, one row per rule, in the order they are applied within each kind.

    Each rule is one small function of this module with its own tests; ``what`` is the first
    sentence of its docstring. Kinds: ``gate`` (a reason why a verb form is not a report of
    speech), ``complement`` (what must follow the verb), ``subject`` (who speaks; the first
    that answers wins), ``content`` (which words were said), ``relay`` (a go-between),
    ``sentence``, ``quotation`` and ``paragraph`` (rules over a whole sentence or paragraph).
    Two cues have their own rule: "according to X" and the live-blog colon ("X: “…”").

    Examples
    --------
    >>> r = extractor_rules()
    >>> r[r.kind == "subject"].rule.tolist()[:3]
    ['participle_comma', 'participle_name', 'coordinated']
    >>> r.set_index("rule").loc["noun_or_adjective", "what"]
    'A verb form right after an article, a determiner or a possessive is a noun or an adjective.'
    """
    rows = []
    order = [
        *_GATES,
        _complement_call,
        _complement_tell,
        _complement_passive,
        *_PARTICIPLE_RULES,
        *_FINITE_RULES,
        _content_clause_verb_ok,
        _content_trailing,
        _relay_reported_by_outlet,
        _relay_citing,
        _relay_told_outlet,
        _according_cue,
        _colon_cue,
        _sentence_skip_dateline,
        _sentence_drop_nested,
        _sentence_according_in_clause,
        _sentence_next_cue_ends_content,
        _sentence_according_as_relay,
        _sentence_outlet_as_source,
        _sentence_remember_subject,
        *_QUOTE_RULES,
        _paragraph_spread_relay,
        _paragraph_drop_duplicates,
        _blocks,
    ]
    for fn in order:
        name = fn.__name__
        kind = next((k for p, k in _RULE_KINDS.items() if name.startswith(p)), "cue")
        short = name[len(next((p for p in _RULE_KINDS if name.startswith(p)), "_")) :]
        if name == "_blocks":
            kind, short = "paragraph", "hard_wrapped_lines"
        doc = " ".join((fn.__doc__ or "").split())
        first = re.split(r"(?<=[.!?])\s+(?=[A-Z'‘“])", doc)[0]
        rows.append({"kind": kind, "rule": short, "what": first})
    return pd.DataFrame(rows, columns=["kind", "rule", "what"])


def _enclosing(text: str, bounds: list[tuple[int, int]], rows: list[dict]) -> list[str]:
    """The sentence(s) each row's span sits in (sentences are sorted, so a binary search finds them)."""
    import bisect

    ends = [e for _, e in bounds]
    out = []
    for r in rows:
        i = bisect.bisect_right(ends, r["start"])
        j = i
        while j < len(bounds) and bounds[j][0] < r["end"]:
            j += 1
        out.append(text[bounds[i][0] : bounds[j - 1][1]] if j > i else r["span"])
    return out


@cached
def _body_index(corpus=None) -> tuple[dict, dict]:
    """The body paragraphs ``(line_no, para_no, start, text)`` and sentences ``(start, end)`` of each
    article, split by article once per corpus (filtering the corpus-wide tables per article would
    grow quadratically)."""
    corpus = as_corpus(corpus)
    paras, sents = corpus.paragraphs, corpus.sentences
    body = paras[paras.is_body]
    paras_of: dict[str, list] = {}
    for aid, line_no, para_no, start, text in zip(
        *[body[c].tolist() for c in ("article_id", "line_no", "para_no", "start", "text")]
    ):
        paras_of.setdefault(aid, []).append((int(line_no), int(para_no), int(start), text))
    sents_of: dict[str, list] = {}
    for aid, s, e in zip(sents.article_id.tolist(), sents.start.tolist(), sents.end.tolist()):
        sents_of.setdefault(aid, []).append((int(s), int(e)))
    return paras_of, sents_of


@cached
def _gazetteer(corpus=None) -> _Gazetteer:
    return _Gazetteer(speakers(corpus))


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


@dataclass
class Evaluation:
    """The extractor measured against the hand-made table.

    Attributes
    ----------
    scores : DataFrame
        One row per group of articles (``all``, ``dev``, ``held_out``; a group with no
        article is left out) and per scored article. Columns ``group``, ``articles``,
        ``gold_sentences``, ``predicted_sentences``, ``hits`` (sentences in both),
        ``precision``, ``recall``, ``f1``, ``speaker_correct``, ``speaker_accuracy`` (share of
        hits whose predicted speakers are all among the gold speakers of that sentence),
        ``gold_statements`` and ``fully_right`` (hand-coded statements that the extractor
        found with the same speaker, form and relay, its words overlapping them).
    errors : DataFrame
        One row per body sentence where the extractor and the hand-made table disagree.
        Columns ``article_id``, ``sent_no``, ``error`` (``miss``: a gold sentence not found;
        ``false hit``: found, but not in the table; ``wrong speaker``), ``gold_speakers``,
        ``predicted_speakers`` (display names, as in the speakers table; a name the gazetteer
        does not know as the rules found it), ``rule``, ``sentence``.
    scored : list of str
        The articles scored: those with at least one row in the hand-made table.
    skipped : list of str
        The corpus's other articles (not coded yet), left out of every score.
    """

    scores: pd.DataFrame
    errors: pd.DataFrame
    scored: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    @property
    def note(self) -> str:
        """Which articles were scored, in one sentence."""
        text = f"Scored {len(self.scored)} hand-coded article{'s' if len(self.scored) != 1 else ''}"
        if self.skipped:
            text += f"; left out {len(self.skipped)} not coded yet: {', '.join(self.skipped)}"
        return text + "."

    def __repr__(self) -> str:
        return (
            "Evaluation(scores=\n" + self.scores.to_string(index=False) + f",\nerrors: {len(self.errors)} rows,"
            f"\n{self.note})"
        )


def _sentence_labels(table: pd.DataFrame, bounds: dict, id_col: str) -> dict:
    """{(article_id, sent_no): {labels of the rows whose span overlaps that sentence}}."""
    import numpy as np

    out: dict = {}
    for aid, s, e, label in zip(table.article_id, table.start, table.end, table[id_col]):
        if aid not in bounds:
            continue
        starts, ends, nos = bounds[aid]
        i = int(np.searchsorted(ends, s, side="right"))
        while i < len(starts) and starts[i] < e:
            out.setdefault((aid, int(nos[i])), set()).add(label)
            i += 1
    return out


def _prf(gold: dict, pred: dict, keys) -> dict:
    g = {k for k in gold if k[0] in keys}
    p = {k for k in pred if k[0] in keys}
    hits = g & p
    prec = len(hits) / len(p) if p else 0.0
    rec = len(hits) / len(g) if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    correct = sum(1 for k in hits if pred[k] <= gold[k])
    return {
        "gold_sentences": len(g),
        "predicted_sentences": len(p),
        "hits": len(hits),
        "precision": round(prec, 3),
        "recall": round(rec, 3),
        "f1": round(f1, 3),
        "speaker_correct": correct,
        "speaker_accuracy": round(correct / len(hits), 3) if hits else 0.0,
    }


def _fully_right(gold: pd.DataFrame, pred: pd.DataFrame, pid: pd.Series) -> list[bool]:
    """For each gold statement: is there a prediction with the same speaker, form and relay that overlaps it?"""
    by_article: dict = {}
    for r, sid in zip(pred.itertuples(), pid):
        by_article.setdefault(r.article_id, []).append((r.start, r.end, sid, r.form, r.relay_id))
    out = []
    for r in gold.itertuples():
        out.append(
            any(
                s < r.end and e > r.start and sid == r.speaker_id and form == r.form and relay == r.relay_id
                for s, e, sid, form, relay in by_article.get(r.article_id, ())
            )
        )
    return out


def evaluate_extractor(
    corpus=None, *, predicted: pd.DataFrame | None = None, gold: pd.DataFrame | None = None, held_out=None
) -> Evaluation:
    """Measure the extractor against the hand-made attributions table, sentence by sentence.

    A **gold sentence** is a body sentence that overlaps a statement of the hand-made table; a
    **predicted sentence** is one that overlaps a statement the extractor found. Precision is
    the share of predicted sentences that are gold, recall the share of gold sentences found,
    F1 their harmonic mean. On the sentences found in both, the **speaker accuracy** is the share
    where every speaker the extractor gives is among the speakers of the hand-made table. A
    stricter count, ``fully_right``, asks of each hand-coded statement whether the extractor
    found it with the same speaker, form and relay.

    Only **coded** articles are scored: those with at least one row in the hand-made table.
    An article added to the corpus but not coded yet would otherwise count every statement
    found in it as a false hit; ``.scored`` and ``.skipped`` (and ``.note``) say which were used.

    The rules were written by reading the kit's articles except those named ``held_out`` in
    ``sourcing_settings.csv``; those were kept apart and never used to change a rule, so their
    figure shows how the rules do on a text they were not made for.

    Parameters
    ----------
    corpus : Corpus, str or Path, optional
        The corpus.
    predicted : DataFrame, optional
        The extractor's output (default: :func:`extract_attributions` on the corpus).
    gold : DataFrame, optional
        The hand-made table (default: :func:`attributions`).
    held_out : list of str, optional
        The article(s) kept apart while writing the rules (default: :func:`held_out_articles`).

    Returns
    -------
    Evaluation
        ``.scores``, ``.errors``, ``.scored``, ``.skipped`` (see :class:`Evaluation`).

    Examples
    --------
    >>> ev = evaluate_extractor()
    >>> bool(ev.scores.set_index("group").loc["all", "f1"] >= 0.85)
    True
    >>> ev.note
    'Scored 5 hand-coded articles.'
    """
    corpus = as_corpus(corpus)
    gold = attributions(corpus) if gold is None else gold
    pred = extract_attributions(corpus) if predicted is None else predicted
    held_out = held_out_articles(corpus) if held_out is None else list(held_out)
    sents = corpus.sentences
    bounds = {
        aid: (g.start.to_numpy(), g.end.to_numpy(), g.sent_no.to_numpy())
        for aid, g in sents.groupby("article_id", sort=False)
    }
    coded = set(gold.article_id)
    order = [a for a in corpus.ids if a in coded]
    skipped = [a for a in corpus.ids if a not in coded]
    pred = pred[pred.article_id.isin(coded)]
    g = _sentence_labels(gold, bounds, "speaker_id")
    pid = pred.speaker_id.where(pred.speaker_id != "", "?" + pred.speaker)
    p = _sentence_labels(pred.assign(_sid=pid), bounds, "_sid")
    right = pd.Series(_fully_right(gold, pred, pid), index=gold.index, dtype=bool)
    dev = [a for a in order if a not in held_out]
    held = [a for a in order if a in held_out]
    groups = [("all", order), ("dev", dev if held else []), ("held_out", held)]
    rows = [
        {"group": name, "articles": len(ids), **_prf(g, p, set(ids)), **_strict(gold, right, ids)}
        for name, ids in groups
        if ids
    ]
    rows += [{"group": a, "articles": 1, **_prf(g, p, {a}), **_strict(gold, right, [a])} for a in order]
    scores = pd.DataFrame(rows)
    rules = _sentence_labels(pred, bounds, "rule") if "rule" in pred.columns else {}
    errors = _errors(g, p, rules, sents, order, _display_names(pred.assign(speaker_id=pid), gold))
    return Evaluation(scores, errors, order, skipped)


def _display_names(*tables: pd.DataFrame) -> dict:
    """Speaker id -> the name shown to learners (the gazetteer's name; an unmatched name as found).

    A later table wins: the hand-made table's names come from the gazetteer."""
    names = {}
    for t in tables:
        if "speaker" in t.columns:
            names.update({i: n for i, n in zip(t.speaker_id, t.speaker) if i and n})
    return names


def extractor_scores(*corpora) -> pd.DataFrame:
    """The extractor's scores on several coded corpora side by side, one row per corpus and group.

    Parameters
    ----------
    *corpora : Corpus, str or Path
        Coded corpora (each with ``speakers.csv`` and ``attributions.csv``), e.g. the kit's own
        and :data:`WIRE_TEST_CORPUS`.

    Returns
    -------
    pandas.DataFrame
        Columns ``corpus`` (the folder's name), ``group`` (``all``, ``dev``, ``held_out``),
        ``articles``, ``precision``, ``recall``, ``f1``, ``speaker_accuracy`` (see
        :func:`evaluate_extractor`) and ``fully_right`` (the share of hand-coded statements
        found with the right speaker, form and relay).

    Examples
    --------
    >>> extractor_scores(None, WIRE_TEST_CORPUS)[["corpus", "group"]].values.tolist()[:4]
    [['data', 'all'], ['data', 'dev'], ['data', 'held_out'], ['wire-articles', 'all']]
    """
    rows = []
    for c in corpora or (None,):
        c = as_corpus(c)
        s = evaluate_extractor(c).scores
        s = s[s.group.isin(["all", "dev", "held_out"])]
        for r in s.itertuples():
            rows.append(
                {
                    "corpus": c.folder.name,
                    "group": r.group,
                    "articles": r.articles,
                    "precision": r.precision,
                    "recall": r.recall,
                    "f1": r.f1,
                    "speaker_accuracy": r.speaker_accuracy,
                    "fully_right": round(r.fully_right / r.gold_statements, 3) if r.gold_statements else 0.0,
                }
            )
    return pd.DataFrame(
        rows, columns=["corpus", "group", "articles", "precision", "recall", "f1", "speaker_accuracy", "fully_right"]
    )


def _strict(gold: pd.DataFrame, right: pd.Series, ids) -> dict:
    mask = gold.article_id.isin(set(ids))
    return {"gold_statements": int(mask.sum()), "fully_right": int(right[mask].sum())}


def _errors(g: dict, p: dict, rules: dict, sents: pd.DataFrame, order: list, names: dict) -> pd.DataFrame:
    text = {(a, int(n)): t for a, n, t in zip(sents.article_id, sents.sent_no, sents.text)}

    def shown(ids: set) -> str:
        return ", ".join(sorted(names.get(i, i.lstrip("?")) for i in ids))

    rank = {a: i for i, a in enumerate(order)}
    errs = []
    for key in sorted(set(g) | set(p), key=lambda k: (rank[k[0]], k[1])):
        gs, ps = g.get(key, set()), p.get(key, set())
        if gs and not ps:
            kind = "miss"
        elif ps and not gs:
            kind = "false hit"
        elif not ps <= gs:
            kind = "wrong speaker"
        else:
            continue
        errs.append(
            {
                "article_id": key[0],
                "sent_no": key[1],
                "error": kind,
                "gold_speakers": shown(gs),
                "predicted_speakers": shown(ps),
                "rule": "; ".join(sorted(rules.get(key, set()))),
                "sentence": text[key],
            }
        )
    return pd.DataFrame(
        errs, columns=["article_id", "sent_no", "error", "gold_speakers", "predicted_speakers", "rule", "sentence"]
    )
