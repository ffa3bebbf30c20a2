"""Explore without code: controls that answer each notebook's main question by clicking.

Every function here returns a control (drop-down lists, check boxes, a text box) with its
result below it. In a running notebook, or in the app (``voila notebooks/explore.ipynb``),
changing a control changes the result at once. A saved notebook, nbval and the HTML handouts
show the result of the starting choice as static HTML (see :class:`kit.core.WidgetView`), so a
printed page still answers one question.

- :func:`explore_article`: read an article with highlights (who speaks, quotations, contested
  terms, one actor's positions) and see the annotation behind each highlight.
- :func:`explore_search`: keyword in context across the corpus, with counts per outlet.
- :func:`explore_voices`: the attributed statements, filtered by outlet, speaker country, type,
  form and relay; the table and the chart follow.
- :func:`explore_positions`: what one actor states on one issue (only pairs that exist are
  offered, with their counts), or all outlets side by side on one issue.
- :func:`explore_claims`: what each outlet says on one topic, beside the record and its verdict.
- :func:`explore_compare`: two articles side by side: voices, word choices, positions.

Each takes ``corpus`` (a corpus folder, default the corpus in use) and passes it to the layer
functions. On a corpus whose annotation layers are not coded yet, a control shows the kit's
"not yet coded" notice instead; reading and searching work on any corpus. Every piece of
article text is HTML-escaped, and evidence sentences are shown at body-text size.
"""

from __future__ import annotations

import html
import itertools
import re
from collections import Counter

import pandas as pd

from kit import core
from kit.core import NotCodedError

__all__ = [
    "HIGHLIGHT_LAYERS",
    "explore_article",
    "explore_claims",
    "explore_compare",
    "explore_positions",
    "explore_search",
    "explore_voices",
    "filter_statements",
    "position_choices",
    "search_counts",
]

#: The highlight layers of the reading view: key -> (tag letter, label, tint, underline style).
HIGHLIGHT_LAYERS = {
    "speakers": ("S", "who speaks (attributed statements)", "#a8d8f0", "solid"),
    "quotes": ("Q", "quotations (words in quotation marks)", "#d9c2e9", "dotted"),
    "terms": ("T", "contested terms (the lexicon)", "#ffe08a", "double"),
    "positions": ("P", "positions of the chosen actor", "#b8e6c9", "dashed"),
}
#: Evidence text at the size of the notebook's body text (JupyterLab's variable; 1em elsewhere),
#: never at the smaller size widgets use.
_EVIDENCE = "font-size:var(--jp-content-font-size1, 1em);line-height:1.5"
_ALL = "(all)"
_QUOTE = re.compile(r"[“\"]([^”\"\n]{2,}?)[”\"]")


def _e(value) -> str:
    return html.escape(str(value))


def _layer(fn, corpus):
    """A layer's table, or ``None`` if the corpus has not coded it (``NotCodedError``)."""
    try:
        return fn(corpus)
    except NotCodedError:
        return None


def _notice(name: str) -> str:
    from kit.byo import not_coded_notice

    return not_coded_notice(name).data


def _labels(corpus) -> dict:
    from kit.framing import article_labels

    return article_labels(corpus)


def _outlets(corpus) -> dict:
    arts = core.load_articles(corpus)
    return dict(zip(arts.article_id, arts.outlet))


def _view(widget, fallback: str, label: str, controls: dict, output, name: str):
    """The control as a WidgetView; CSS classes ``kit-explore-<name>``, ``kit-c-<control>``, ``kit-result``."""
    widget.add_class(f"kit-explore-{name}")
    output.add_class("kit-result")
    for key, c in controls.items():
        c.add_class(f"kit-c-{key}")
    view = core.WidgetView(widget, fallback, label)
    view.controls, view.output = controls, output
    return view


def _wire(controls: dict, output, render) -> None:
    """Re-render ``output`` whenever any control changes."""

    def update(*_):
        output.value = render(**{k: c.value for k, c in controls.items()})

    for c in controls.values():
        c.observe(update, names="value")
    update()


def _box(controls: dict, output, widgets, rows=None):
    rows = rows or [list(controls.values())]
    return widgets.VBox(
        [*(widgets.HBox(r, layout=widgets.Layout(flex_flow="row wrap")) for r in rows), output],
        layout=widgets.Layout(max_width="64em"),
    )


def _dropdown(widgets, options, value, description, width="auto"):
    d = widgets.Dropdown(
        options=options,
        value=value,
        description=description,
        style={"description_width": "initial"},
        layout=widgets.Layout(width=width),
    )
    return d


def _table(rows: list[list[str]], head: list[str], cls: str = "kit-explore-table") -> str:
    """An HTML table from cells that are already HTML (escape before)."""
    th = "".join(f"<th style='text-align:left;vertical-align:bottom'>{h}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td style='text-align:left;vertical-align:top'>{c}</td>" for c in r) + "</tr>" for r in rows
    )
    return f"<table class='{cls}'><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _bars(counts: dict, unit: str, cls: str = "kit-bars", *, bar_em: float = 24, label_em: float = 12) -> str:
    """A horizontal bar chart in HTML: one labelled bar per key, the number written beside it (the longest bar
    ``bar_em`` wide, labels ``label_em`` wide)."""
    top = max(counts.values(), default=0) or 1
    rows = []
    for k, n in counts.items():
        width = bar_em * n / top
        rows.append(
            f"<div class='kit-bar' data-key='{_e(k)}' data-count='{n}' style='display:flex;flex-wrap:wrap;"
            f"align-items:center;margin:0.15em 0'><span style='display:inline-block;min-width:{label_em}em'>"
            f"{_e(k)}</span><span style='display:inline-block;background:#0072B2;height:0.9em;"
            f"width:{width:.2f}em;margin-right:0.4em'></span><b>{n}</b>&nbsp;{_e(unit)}</div>"
        )
    return f"<div class='{cls}' style='font-family:sans-serif'>{''.join(rows)}</div>"


# --------------------------------------------------------------------------------------------
# Read an article
# --------------------------------------------------------------------------------------------


def _speaker_marks(att, article_id: str) -> list[dict]:
    out = []
    if att is None:
        return out
    for r in att[att.article_id == article_id].itertuples():
        out.append(
            {
                "layer": "speakers",
                "start": r.start,
                "end": r.end,
                "label": f"{r.speaker} ({r.speaker_type})",
                "details": {
                    "speaker": r.speaker,
                    "speaker type": r.speaker_type,
                    "country": r.speaker_country,
                    "form": r.form,
                    "cue": r.cue,
                    "relay": r.relay or "none",
                    "annotation": f"attributions.csv, {r.attribution_id}",
                    "notes": r.notes,
                },
            }
        )
    return out


def _quote_marks(text: str, paras: pd.DataFrame, att) -> list[dict]:
    out = []
    speakers = att if att is not None else pd.DataFrame(columns=["article_id", "start", "end", "speaker"])
    for p in paras.itertuples():
        for m in _QUOTE.finditer(text[p.start : p.end]):
            s, e = p.start + m.start(), p.start + m.end()
            who = speakers[(speakers.start < e) & (speakers.end > s)].speaker.tolist() if len(speakers) else []
            out.append(
                {
                    "layer": "quotes",
                    "start": s,
                    "end": e,
                    "label": "quotation",
                    "details": {
                        "quoted words": m.group(1),
                        "attributed to": ", ".join(dict.fromkeys(who)) or "no attribution coded here",
                        "annotation": "found by the quotation marks in the text",
                    },
                }
            )
    return out


def _term_marks(lex, text: str, paras: pd.DataFrame) -> list[dict]:
    out = []
    if lex is None:
        return out
    for r in lex.itertuples():
        flags = 0 if str(r.case_sensitive).lower() in ("true", "1", "yes") else re.IGNORECASE
        rx = re.compile(r.pattern, flags)
        for p in paras.itertuples():
            for m in rx.finditer(text, p.start, p.end):
                out.append(
                    {
                        "layer": "terms",
                        "start": m.start(),
                        "end": m.end(),
                        "label": f"{r.variant} ({r.concept})",
                        "details": {
                            "term": m.group(0),
                            "concept": r.concept,
                            "variant": r.variant,
                            "what it can signal": r.signals,
                            "source": r.source,
                            "annotation": f"lexicon.csv line {r.csv_line}",
                        },
                    }
                )
    return out


def _position_marks(ledger, article_id: str, actor: str) -> list[dict]:
    out = []
    if ledger is None or not actor:
        return out
    for r in ledger[(ledger.article_id == article_id) & (ledger.actor == actor)].itertuples():
        out.append(
            {
                "layer": "positions",
                "start": r.start,
                "end": r.end,
                "label": f"{r.actor_label}: {r.stance} ({r.issue})",
                "details": {
                    "actor": r.actor_label,
                    "issue": r.issue,
                    "stance": r.stance,
                    "summary": r.summary,
                    "voiced by": f"{r.speaker} ({r.voice})",
                    "condition": r.condition or "none",
                    "annotation": f"positions.csv, {r.position_id}",
                },
            }
        )
    return out


def _paragraph_html(text: str, p, marks: list[dict], numbers: bool) -> str:
    inside = [m for m in marks if m["start"] < p.end and m["end"] > p.start]
    points = sorted({p.start, p.end, *[max(p.start, min(p.end, x)) for m in inside for x in (m["start"], m["end"])]})
    parts = []
    for a, b in itertools.pairwise(points):
        active = [m for m in inside if m["start"] <= a and m["end"] >= b]
        chunk = _e(text[a:b])
        tags = "".join(
            f"<sup class='kit-tag' style='font-family:sans-serif;font-weight:bold'>[{m['tag']}]</sup>"
            for m in active
            if m["start"] == a or (a == p.start and m["start"] < a)
        )
        if not active:
            parts.append(chunk)
            continue
        inner = min(active, key=lambda m: m["end"] - m["start"])  # a term inside a statement keeps its own tint
        _, _, tint, line = HIGHLIGHT_LAYERS[inner["layer"]]
        title = "; ".join(f"[{m['tag']}] {m['label']}" for m in active)
        parts.append(
            f"<mark class='kit-hl kit-hl-{inner['layer']}' title='{_e(title)}' style='background:{tint};"
            f"border-bottom:2px {line} #333;padding:0'>{tags}{chunk}</mark>"
        )
    num = (
        (
            f"<span class='kit-para-no' style='color:#777;font-family:sans-serif;font-size:0.8em;display:inline-block;"
            f"min-width:2.2em'>¶{p.para_no}</span>"
        )
        if numbers
        else ""
    )
    grey = "" if p.role == "body" else "color:#666;font-style:italic;font-family:sans-serif;"
    role = (
        ""
        if p.role == "body"
        else f" <span style='font-size:0.8em;border:1px solid #aaa;padding:0 0.2em'>{_e(p.role)}</span>"
    )
    return f"<p style='margin:0.45em 0;{grey}'>{num}{''.join(parts)}{role}</p>"


def _annotation_card(m: dict) -> str:
    rows = "".join(
        f"<tr><th style='text-align:left;vertical-align:top;padding-right:0.8em'>{_e(k)}</th>"
        f"<td style='text-align:left'>{_e(v)}</td></tr>"
        for k, v in m["details"].items()
        if str(v).strip()
    )
    return (
        f"<div class='kit-annotation' style='border-left:4px solid #333;padding:0.2em 0.8em;margin:0.4em 0'>"
        f"<b>[{_e(m['tag'])}] {_e(m['label'])}</b><table>{rows}</table></div>"
    )


class _Article:
    """The data behind the reading view, loaded once."""

    def __init__(self, corpus=None):
        from kit.framing import lexicon
        from kit.positions import positions
        from kit.sourcing import attributions

        self.corpus = corpus
        self.arts = core.load_articles(corpus)
        self.paras = core.paragraphs(corpus, articles=self.arts)
        self.att = _layer(attributions, corpus)
        self.lex = _layer(lexicon, corpus)
        self.ledger = _layer(positions, corpus)

    def actors(self) -> list[tuple[str, str]]:
        from kit.positions import actor_names

        if self.ledger is None:
            return [("(positions not coded)", "")]
        return [(label, a) for a, label in actor_names(self.ledger).items()]

    def marks(self, article_id: str, layers, actor: str) -> list[dict]:
        text = self.arts.set_index("article_id").at[article_id, "text"]
        paras = self.paras[(self.paras.article_id == article_id) & self.paras.role.isin(core.TEXT_ROLES)]
        found = []
        if "speakers" in layers:
            found += _speaker_marks(self.att, article_id)
        if "quotes" in layers:
            found += _quote_marks(
                text, paras, self.att[self.att.article_id == article_id] if self.att is not None else None
            )
        if "terms" in layers:
            found += _term_marks(self.lex, text, paras)
        if "positions" in layers:
            found += _position_marks(self.ledger, article_id, actor)
        found.sort(key=lambda m: (m["start"], list(HIGHLIGHT_LAYERS).index(m["layer"])))
        count = Counter()
        for m in found:
            count[m["layer"]] += 1
            m["tag"] = f"{HIGHLIGHT_LAYERS[m['layer']][0]}{count[m['layer']]}"
        return found

    def html(self, article_id: str, layers, actor: str, numbers: bool, chosen=None, static: bool = False) -> str:
        row = self.arts.set_index("article_id").loc[article_id]
        marks = self.marks(article_id, layers, actor)
        out = [
            f"<div class='kit-reader' style='max-width:52em;font-family:Georgia,serif;{_EVIDENCE}'>",
            f"<h4 style='margin-bottom:0.2em'>{_e(row.outlet)}, {_e(row.published)}: {_e(row.headline)}</h4>",
        ]
        out.append(self._legend(layers, marks))
        for p in self.paras[self.paras.article_id == article_id].itertuples():
            out.append(_paragraph_html(row.text, p, marks, numbers))
        out.append("</div>")
        if static and marks:
            out.append("<h4>The annotations behind the highlights</h4>" + "".join(_annotation_card(m) for m in marks))
        elif chosen is not None and 0 <= chosen < len(marks):
            out.insert(0, _annotation_card(marks[chosen]))
        return "\n".join(out)

    def _legend(self, layers, marks) -> str:
        n = Counter(m["layer"] for m in marks)
        items = []
        for key in layers:
            letter, label, tint, line = HIGHLIGHT_LAYERS[key]
            missing = {"speakers": self.att, "terms": self.lex, "positions": self.ledger}.get(key, 0) is None
            note = " (not coded for this corpus)" if missing else ""
            items.append(
                f"<span class='kit-legend-{key}' style='background:{tint};border-bottom:2px {line} #333;"
                f"padding:0 0.3em'>[{letter}]</span> {_e(label)}: <b>{n[key]}</b>{_e(note)}"
            )
        if not items:
            return "<p style='font-family:sans-serif'>No highlights chosen.</p>"
        return "<p class='kit-legend' style='font-family:sans-serif'>" + " &nbsp; ".join(items) + "</p>"


def explore_article(
    corpus=None, *, article_id: str | None = None, layers=("speakers", "quotes"), actor: str = "russia"
):
    """Read an article and switch highlights on and off; choose a highlight to see its annotation.

    Controls: the article; one check box per highlight layer (who speaks, quotations,
    contested terms, the positions of a chosen actor); the actor; paragraph numbers on or off;
    and a list of the highlights shown, where choosing one shows the annotation behind it
    (speaker, type, form, cue and relay; the stance and issue of a position; what a contested
    term can signal). Hovering over a highlight shows its tag and label too.

    Parameters
    ----------
    corpus : str or Path, optional
        The corpus folder.
    article_id : str, optional
        The article to start with (default: the first).
    layers : sequence of str
        The layers switched on at the start (keys of :data:`HIGHLIGHT_LAYERS`).
    actor : str
        The actor whose positions the ``positions`` layer shows.

    Returns
    -------
    kit.core.WidgetView
        Live: the controls and the reading view. Saved or printed: the starting choice, with
        every annotation listed under the article.

    Examples
    --------
    >>> view = explore_article(article_id="cgtn-2025-05-17")
    >>> "[S1]" in view.fallback_html and "Medinsky" in view.fallback_html
    True
    """
    import ipywidgets as widgets

    data = _Article(corpus)
    labels = _labels(corpus)
    ids = list(data.arts.article_id)
    article_id = article_id if article_id in ids else ids[0]
    actors = data.actors()
    actor = actor if actor in {a for _, a in actors} else actors[0][1]
    pick = _dropdown(widgets, [(labels.get(i, i), i) for i in ids], article_id, "Article")
    boxes = {
        k: widgets.Checkbox(
            value=k in layers,
            description=f"[{v[0]}] {v[1].split(' (')[0]}",
            indent=False,
            layout=widgets.Layout(width="auto", margin="0 1em 0 0"),
        )
        for k, v in HIGHLIGHT_LAYERS.items()
    }
    who = _dropdown(widgets, actors, actor, "Actor")
    numbers = widgets.Checkbox(
        value=True, description="paragraph numbers", indent=False, layout=widgets.Layout(width="auto")
    )
    chosen = _dropdown(widgets, [("(choose a highlight to see its annotation)", -1)], -1, "Annotation", width="40em")
    output = widgets.HTML()
    controls = {
        "article_id": pick,
        "actor": who,
        "numbers": numbers,
        "chosen": chosen,
        **{f"layer_{k}": b for k, b in boxes.items()},
    }

    def render(article_id, actor, numbers, chosen, **flags):
        on = [k for k in HIGHLIGHT_LAYERS if flags.get(f"layer_{k}")]
        return data.html(article_id, on, actor, numbers, chosen)

    def refresh_choices(*_):
        on = [k for k in HIGHLIGHT_LAYERS if boxes[k].value]
        marks = data.marks(pick.value, on, who.value)
        opts = [("(choose a highlight to see its annotation)", -1)]
        opts += [
            (f"[{m['tag']}] {m['label']}: {_short(core_text(data, pick.value, m))}", i) for i, m in enumerate(marks)
        ]
        chosen.options, chosen.value = opts, -1

    def show_positions(*_):  # choosing an actor means: show that actor's positions
        boxes["positions"].value = True

    who.observe(show_positions, names="value")
    for c in [pick, who, *boxes.values()]:
        c.observe(refresh_choices, names="value")
    refresh_choices()
    _wire(controls, output, render)
    box = _box(controls, output, widgets, rows=[[pick, who, numbers], list(boxes.values()), [chosen]])
    fallback = data.html(article_id, list(layers), actor, True, static=True)
    return _view(box, fallback, "Read an article (run the notebook to switch highlights)", controls, output, "article")


def core_text(data: _Article, article_id: str, m: dict) -> str:
    """The article text a highlight covers."""
    return data.arts.set_index("article_id").at[article_id, "text"][m["start"] : m["end"]]


def _short(text: str, n: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------------------------
# Search in context
# --------------------------------------------------------------------------------------------


def search_counts(term: str, corpus=None, *, case: bool = False, whole_word: bool = True) -> tuple[pd.DataFrame, dict]:
    """The keyword-in-context lines of a term and their number per outlet (every outlet listed).

    Examples
    --------
    >>> lines, per_outlet = search_counts("Kiev")
    >>> per_outlet["Atalayar"], per_outlet["CGTN"]
    (2, 0)
    """
    term = term.strip()
    outlets = _outlets(corpus)
    per = {o: 0 for o in dict.fromkeys(outlets.values())}
    if not term:
        return pd.DataFrame(columns=["article_id", "para_no", "left", "match", "right"]), per
    pattern = re.escape(term)
    lines = core.kwic(pattern if not whole_word else term, corpus, regex=not whole_word, case=case, window=60)
    for aid in lines.article_id:
        per[outlets[aid]] += 1
    return lines, per


def _search_html(term: str, corpus, case: bool, whole_word: bool, labels: dict, limit: int = 60) -> str:
    lines, per = search_counts(term, corpus, case=case, whole_word=whole_word)
    if not term.strip():
        return "<p><i>Type a word or a phrase.</i></p>"
    how = f"{'case-sensitive' if case else 'any case'}, {'whole words' if whole_word else 'also inside words'}"
    out = [
        f"<p class='kit-search-total'><b>{len(lines)}</b> occurrence(s) of <q>{_e(term)}</q> ({how})</p>",
        _bars(per, "occurrence(s)", "kit-bars kit-search-counts"),
    ]
    rows = [
        [
            _e(labels.get(r.article_id, r.article_id)),
            f"¶{r.para_no}",
            f"<span style='{_EVIDENCE}'>…{_e(r.left)}<mark><b>{_e(r.match)}</b></mark>{_e(r.right)}…</span>",
        ]
        for r in lines.head(limit).itertuples()
    ]
    if rows:
        out.append(_table(rows, ["article", "¶", "in context"], "kit-explore-table kit-kwic"))
    if len(lines) > limit:
        out.append(f"<p><i>The first {limit} of {len(lines)} lines are shown.</i></p>")
    return "\n".join(out)


def explore_search(corpus=None, *, term: str = "ceasefire"):
    """Search a word or phrase across the corpus: every occurrence in context, and counts per outlet.

    Controls: a text box (the search runs on Enter or when the box loses focus), "match case"
    and "whole words only" check boxes.

    Examples
    --------
    >>> view = explore_search(term="Kiev")
    >>> "<b>3</b> occurrence(s)" in view.fallback_html
    True
    """
    import ipywidgets as widgets

    labels = _labels(corpus)
    box = widgets.Text(
        value=term,
        description="Search",
        placeholder="a word or a phrase, then Enter",
        continuous_update=False,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="24em"),
    )
    box.add_class("kit-search-term")
    case = widgets.Checkbox(value=False, description="match case", indent=False, layout=widgets.Layout(width="auto"))
    whole = widgets.Checkbox(
        value=True, description="whole words only", indent=False, layout=widgets.Layout(width="auto")
    )
    output = widgets.HTML()
    controls = {"term": box, "case": case, "whole_word": whole}
    _wire(controls, output, lambda term, case, whole_word: _search_html(term, corpus, case, whole_word, labels))
    fallback = _search_html(term, corpus, False, True, labels)
    return _view(
        _box(controls, output, widgets),
        fallback,
        "Search in context (run the notebook to search)",
        controls,
        output,
        "search",
    )


# --------------------------------------------------------------------------------------------
# Who speaks
# --------------------------------------------------------------------------------------------

_RELAY = {"any": "relayed or not", "relayed": "relayed through another outlet", "direct": "not relayed"}


def filter_statements(
    att: pd.DataFrame, *, outlet=_ALL, country=_ALL, speaker_type=_ALL, form=_ALL, relay="any"
) -> pd.DataFrame:
    """The attributed statements that pass the filters (``"(all)"`` lets everything through).

    Examples
    --------
    >>> from kit.sourcing import attributions
    >>> len(filter_statements(attributions(), form="direct_quote"))
    14
    """
    keep = pd.Series(True, index=att.index)
    for col, value in (
        ("outlet", outlet),
        ("speaker_country", country),
        ("speaker_type", speaker_type),
        ("form", form),
    ):
        if value != _ALL:
            keep &= att[col] == value
    if relay == "relayed":
        keep &= att.relay_id != ""
    elif relay == "direct":
        keep &= att.relay_id == ""
    return att[keep]


def _marked(sentence: str, span: str) -> str:
    """The sentence, escaped, with the statement's own words marked (two statements can share a sentence)."""
    i = sentence.find(span) if span else -1
    if i < 0:
        return f"<mark style='background:#ffe08a'>{_e(sentence)}</mark>" if span and sentence in span else _e(sentence)
    end = i + len(span)
    return f"{_e(sentence[:i])}<mark style='background:#ffe08a'>{_e(span)}</mark>{_e(sentence[end:])}"


def _voices_html(att: pd.DataFrame, labels: dict, by: str = "outlet", limit: int = 40, **filters) -> str:
    rows = filter_statements(att, **filters)
    counts = Counter(rows[by])
    order = list(dict.fromkeys(att[by]))
    chart = _bars({k: counts.get(k, 0) for k in order}, "statement(s)", "kit-bars kit-voice-counts")
    table = [
        [
            _e(labels.get(r.article_id, r.article_id)),
            _e(r.speaker),
            _e(r.speaker_type),
            _e(r.form),
            _e(r.relay or "—"),
            f"<span style='{_EVIDENCE}'>{_marked(r.sentence, r.span)}</span>",
        ]
        for r in rows.head(limit).itertuples()
    ]
    out = [
        (
            f"<p class='kit-voice-total'><b>{len(rows)}</b> of {len(att)} statements match. Statements per "
            f"{_e(by.replace('_', ' '))}:</p>"
        ),
        chart,
    ]
    if table:
        out.append(
            _table(
                table,
                ["article", "speaker", "type", "form", "relay", "the statement (marked) in its sentence"],
                "kit-explore-table kit-statements",
            )
        )
    if len(rows) > limit:
        out.append(f"<p><i>The first {limit} of {len(rows)} statements are shown.</i></p>")
    return "\n".join(out)


def explore_voices(corpus=None):
    """Who speaks: filter the attributed statements; the counts per outlet and the table follow.

    Controls: outlet, speaker country, speaker type, form (direct quote, partial quote,
    indirect) and relay (through another outlet or not), each with "(all)"; and what the chart
    counts by (outlet, speaker country, type or form).

    Examples
    --------
    >>> view = explore_voices()
    >>> "of 92 statements match" in view.fallback_html
    True
    """
    import ipywidgets as widgets

    from kit.sourcing import attributions

    att = _layer(attributions, corpus)
    if att is None:
        return core.HTML(_notice("attributions.csv"))
    labels = _labels(corpus)

    def options(col):
        return [_ALL, *sorted(set(att[col]))]

    controls = {
        "outlet": _dropdown(widgets, options("outlet"), _ALL, "Outlet"),
        "country": _dropdown(widgets, options("speaker_country"), _ALL, "Speaker country"),
        "speaker_type": _dropdown(widgets, options("speaker_type"), _ALL, "Type"),
        "form": _dropdown(widgets, options("form"), _ALL, "Form"),
        "relay": _dropdown(widgets, [(v, k) for k, v in _RELAY.items()], "any", "Relay"),
        "by": _dropdown(
            widgets,
            [
                ("outlet", "outlet"),
                ("speaker country", "speaker_country"),
                ("speaker type", "speaker_type"),
                ("form", "form"),
            ],
            "outlet",
            "Count by",
        ),
    }
    output = widgets.HTML()
    _wire(controls, output, lambda **kw: _voices_html(att, labels, **kw))
    v = list(controls.values())
    return _view(
        _box(controls, output, widgets, rows=[v[:3], v[3:]]),
        _voices_html(att, labels),
        "Who speaks (run the notebook to filter)",
        controls,
        output,
        "voices",
    )


# --------------------------------------------------------------------------------------------
# Positions
# --------------------------------------------------------------------------------------------


def position_choices(ledger: pd.DataFrame, actor: str, codes: pd.DataFrame) -> list[tuple[str, str]]:
    """The issues on which ``actor`` has stated positions, labelled with their counts.

    Examples
    --------
    >>> from kit.positions import positions, issues_codebook
    >>> n = len(positions().query("actor == 'russia' and issue == 'ceasefire'"))
    >>> position_choices(positions(), "russia", issues_codebook())[0] == (f"Ceasefire and its sequencing ({n})", "ceasefire")
    True
    """
    n = ledger[ledger.actor == actor].groupby("issue").size()
    return [(f"{lab} ({n[code]})", code) for code, lab in zip(codes.issue, codes.label) if code in n.index]


def _evidence(r) -> str:
    return (
        f"<div style='{_EVIDENCE}'>{_e(r.sentence)}</div><div style='color:#444;font-family:sans-serif'>"
        f"{_e(r.stance)} · voiced by {_e(r.speaker)} ({_e(r.voice)})</div>"
    )


def _actor_issue_html(ledger, actor, issue, labels, codes) -> str:
    from kit.positions import actor_names

    ACTORS = actor_names(ledger)  # noqa: N806

    rows = ledger[(ledger.actor == actor) & (ledger.issue == issue)]
    label = dict(zip(codes.issue, codes.label)).get(issue, issue)
    out = [
        (
            f"<p class='kit-positions-total'><b>{_e(ACTORS.get(actor, actor))}</b> on <b>{_e(label)}</b>: "
            f"<b>{len(rows)}</b> stated position(s)</p>"
        )
    ]
    table = [[_e(labels.get(r.article_id, r.article_id)), _evidence(r)] for r in rows.itertuples()]
    return "\n".join(
        out + [_table(table, ["article", "the position in its sentence"], "kit-explore-table kit-positions")]
    )


def _issue_grid_html(ledger, issue, labels, codes) -> str:
    from kit.positions import actor_names

    ACTORS = actor_names(ledger)  # noqa: N806

    rows = ledger[ledger.issue == issue]
    label = dict(zip(codes.issue, codes.label)).get(issue, issue)
    actors = [a for a in ACTORS if a in set(rows.actor)]
    grid = []
    for a in actors:
        cells = [f"<b>{_e(ACTORS[a])}</b>"]
        for art in labels:
            here = rows[(rows.actor == a) & (rows.article_id == art)]
            cells.append(
                "".join(f"<div style='margin-bottom:0.5em'>{_evidence(r)}</div>" for r in here.itertuples())
                or "<span style='color:#777'>—</span>"
            )
        grid.append(cells)
    head = ["actor"] + [_e(labels[a]) for a in labels]
    return (
        f"<p class='kit-positions-total'>All outlets on <b>{_e(label)}</b>: <b>{len(rows)}</b> stated position(s)"
        f" by {len(actors)} actor(s)</p>" + _table(grid, head, "kit-explore-table kit-issue-grid")
    )


def explore_positions(corpus=None, *, actor: str = "russia", issue: str = "ceasefire"):
    """Positions: one actor on one issue (only pairs that exist, with counts), or every outlet on one issue.

    Controls: a view switch ("one actor, one issue" / "one issue, all outlets side by side"),
    the actor, and the issue. In the first view the issue list offers only the issues the
    chosen actor has positions on, each with its count, e.g. "Ceasefire and its sequencing
    (7)".

    Examples
    --------
    >>> from kit.positions import positions
    >>> n = len(positions().query("actor == 'russia' and issue == 'ceasefire'"))
    >>> f"<b>{n}</b> stated position(s)" in explore_positions().fallback_html
    True
    """
    import ipywidgets as widgets

    from kit.positions import actor_names, issues_codebook, positions

    ledger = _layer(positions, corpus)
    if ledger is None:
        return core.HTML(_notice("positions.csv"))
    ACTORS = actor_names(ledger)  # noqa: N806
    codes = issues_codebook(corpus)
    labels = _labels(corpus)
    actors = [(f"{ACTORS[a]} ({(ledger.actor == a).sum()})", a) for a in ACTORS if a in set(ledger.actor)]
    actor = actor if actor in {a for _, a in actors} else actors[0][1]
    issues = position_choices(ledger, actor, codes)
    issue = issue if issue in {i for _, i in issues} else issues[0][1]
    mode = widgets.ToggleButtons(
        options=[("One actor, one issue", "actor"), ("One issue, all outlets", "issue")],
        value="actor",
        style={"button_width": "auto"},
    )
    pick_actor = _dropdown(widgets, actors, actor, "Actor")
    pick_issue = _dropdown(widgets, issues, issue, "Issue")
    output = widgets.HTML()
    all_issues = [
        (f"{lab} ({(ledger.issue == c).sum()})", c)
        for c, lab in zip(codes.issue, codes.label)
        if c in set(ledger.issue)
    ]

    def on_actor_or_mode(*_):
        keep = pick_issue.value
        opts = position_choices(ledger, pick_actor.value, codes) if mode.value == "actor" else all_issues
        pick_issue.options = opts
        pick_issue.value = keep if keep in {v for _, v in opts} else opts[0][1]
        pick_actor.layout.display = "flex" if mode.value == "actor" else "none"

    pick_actor.observe(on_actor_or_mode, names="value")
    mode.observe(on_actor_or_mode, names="value")
    controls = {"mode": mode, "actor": pick_actor, "issue": pick_issue}

    def render(mode, actor, issue):
        if mode == "issue":
            return _issue_grid_html(ledger, issue, labels, codes)
        return _actor_issue_html(ledger, actor, issue, labels, codes)

    _wire(controls, output, render)
    fallback = _actor_issue_html(ledger, actor, issue, labels, codes)
    return _view(
        _box(controls, output, widgets, rows=[[mode], [pick_actor, pick_issue]]),
        fallback,
        "Positions (run the notebook to choose)",
        controls,
        output,
        "positions",
    )


# --------------------------------------------------------------------------------------------
# Claims and the record
# --------------------------------------------------------------------------------------------


def _claims_html(table: pd.DataFrame, rec: pd.DataFrame, topic: str, labels: dict) -> str:
    from kit.claims import RELATIONS_TO_RECORD

    rows = table[table.topic == topic]
    ids = [i.strip() for cell in rows.record_fact_id for i in str(cell).split("|") if i.strip()]
    facts = rec.set_index("fact_id").reindex([i for i in dict.fromkeys(ids) if i in set(rec.fact_id)]).reset_index()
    out = [f"<p class='kit-claims-total'>Topic <b>{_e(topic)}</b>: {len(rows)} article(s)</p>"]
    if len(facts):
        out.append(
            "<div class='kit-record' style='border-left:4px solid #0072B2;padding:0.2em 0.8em'><b>The record"
            "</b>"
            + "".join(
                f"<div style='{_EVIDENCE}'>{_e(f.fact)} <small>({_e(f.citation)})</small></div>"
                for f in facts.itertuples()
            )
            + "</div>"
        )
    cells = []
    for r in rows.itertuples():
        verdict = RELATIONS_TO_RECORD.get(r.relation_to_record, r.relation_to_record)
        said = f"<div style='{_EVIDENCE}'>{_e(r.sentence)}</div>" if r.sentence else ""
        cells.append(
            [
                _e(labels.get(r.article_id, r.article_id)),
                f"{_e(r.says)}{said}",
                f"<b class='kit-verdict'>{_e(verdict)}</b><div>{_e(r.explanation)}</div>",
            ]
        )
    out.append(
        _table(cells, ["article", "what it says (and its words)", "against the record"], "kit-explore-table kit-claims")
    )
    return "\n".join(out)


def explore_claims(corpus=None, *, topic: str | None = None):
    """Claims: pick a topic; what each outlet says, beside the record, with its verdict.

    Examples
    --------
    >>> view = explore_claims(topic="talks_day")
    >>> "The record" in view.fallback_html and "CGTN, 14 May" in view.fallback_html
    True
    """
    import ipywidgets as widgets

    from kit.claims import claims, record

    table = _layer(claims, corpus)
    if table is None:
        return core.HTML(_notice("claims.csv"))
    rec = _layer(record, corpus)
    rec = rec if rec is not None else pd.DataFrame(columns=["fact_id", "fact", "citation"])
    labels = _labels(corpus)
    topics = list(dict.fromkeys(table.topic))
    topic = topic if topic in topics else topics[0]
    said = table[table.relation_to_record != "not_mentioned"].groupby("topic").size()
    pick = _dropdown(
        widgets,
        [(f"{t.replace('_', ' ')} ({said.get(t, 0)} of {(table.topic == t).sum()} say it)", t) for t in topics],
        topic,
        "Topic",
    )
    output = widgets.HTML()
    controls = {"topic": pick}
    _wire(controls, output, lambda topic: _claims_html(table, rec, topic, labels))
    return _view(
        _box(controls, output, widgets),
        _claims_html(table, rec, topic, labels),
        "Claims and the record (run the notebook to choose a topic)",
        controls,
        output,
        "claims",
    )


# --------------------------------------------------------------------------------------------
# Compare two articles
# --------------------------------------------------------------------------------------------


def _compare_rows(ids: list[str], data: dict) -> list[list[str]]:
    """The rows of the comparison: one label cell, then one cell per article (all HTML-escaped)."""
    from kit.positions import actor_names

    att, terms, ledger, paras = data["att"], data["terms"], data["ledger"], data["paras"]
    rows = []
    ledes = []
    for aid in ids:
        body = paras[(paras.article_id == aid) & (paras.role == "body")]
        ledes.append(f"<div style='{_EVIDENCE}'>{_e(body.text.iloc[0]) if len(body) else '—'}</div>")
    rows.append(["<b>How it opens</b> (first body paragraph)", *ledes])
    if att is not None:
        mine = [att[att.article_id == aid] for aid in ids]
        rows.append(["<b>Statements</b> attributed", *(f"<b class='kit-compare-n'>{len(m)}</b>" for m in mine)])
        rows.append(
            [
                "<b>Voices</b> by speaker country",
                *(
                    _bars(dict(Counter(m.speaker_country).most_common()), "statement(s)", bar_em=8, label_em=7)
                    for m in mine
                ),
            ]
        )
        rows.append(
            [
                "<b>Most heard</b> speakers",
                *(_e(", ".join(f"{k} ({n})" for k, n in Counter(m.speaker).most_common(4))) or "—" for m in mine),
            ]
        )
    if terms is not None:
        for concept, group in terms.groupby("concept", sort=False):
            cells = []
            for aid in ids:
                used = group[(group.article_id == aid) & (group["count"] > 0)]
                cells.append(_e(", ".join(f"{r.variant} ×{r['count']}" for _, r in used.iterrows())) or "—")
            if any(c != "—" for c in cells):
                rows.append([f"<b>Word choice</b>: {_e(concept.replace('_', ' '))}", *cells])
    if ledger is not None:
        ACTORS = actor_names(ledger)  # noqa: N806
        cells = []
        for aid in ids:
            n = Counter(ledger[ledger.article_id == aid].actor)
            cells.append(_e(", ".join(f"{ACTORS.get(a, a)} {k}" for a, k in n.most_common())) or "—")
        rows.append(["<b>Positions</b> reported, by actor", *cells])
    return rows


def _compare_html(a: str, b: str, data: dict, labels: dict) -> str:
    rows = _compare_rows([a, b], data)
    head = ["", f"<b>{_e(labels.get(a, a))}</b>", f"<b>{_e(labels.get(b, b))}</b>"]
    table = _table(rows, head, "kit-explore-table kit-compare")
    # two equal columns for the articles within the window's width (a projector's 1024 px included)
    return table.replace(
        "<table class='kit-explore-table kit-compare'>",
        "<table class='kit-explore-table kit-compare' style='table-layout:fixed;width:100%'>"
        "<colgroup><col style='width:8em'><col><col></colgroup>",
        1,
    )


def explore_compare(corpus=None, *, first: str | None = None, second: str | None = None):
    """Two articles side by side: how each opens, who speaks, the contested words each uses, whose positions.

    One row per comparison (the first body paragraph, the number of statements, the voices
    by speaker country, the speakers heard most, each contested concept of the lexicon that
    either article uses, the positions by actor), one column per article.

    Examples
    --------
    >>> view = explore_compare(first="cgtn-2025-05-14", second="atalayar-2025-05-19")
    >>> "Kiev ×2" in view.fallback_html
    True
    """
    import ipywidgets as widgets

    from kit.framing import term_counts
    from kit.positions import positions
    from kit.sourcing import attributions

    data = {
        "att": _layer(attributions, corpus),
        "ledger": _layer(positions, corpus),
        "terms": _layer(term_counts, corpus),
        "paras": core.paragraphs(corpus),
    }
    labels = _labels(corpus)
    ids = list(labels)
    first = first if first in ids else ids[0]
    second = second if second in ids else ids[-1]
    opts = [(labels[i], i) for i in ids]
    controls = {"a": _dropdown(widgets, opts, first, "Article"), "b": _dropdown(widgets, opts, second, "beside")}
    output = widgets.HTML()

    def render(a, b):
        return _compare_html(a, b, data, labels)

    _wire(controls, output, render)
    return _view(
        _box(controls, output, widgets),
        render(first, second),
        "Compare two articles (run the notebook to choose)",
        controls,
        output,
        "compare",
    )
