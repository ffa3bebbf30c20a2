"""One look for every chart and table of the kit: the palette, the sizes, the colours of the case.

Charts are drawn for a projector at 1024 x 768: :data:`FIG_WIDTH` inches at :data:`DPI` dots per
inch is 576 pixels, which fits a notebook at that screen size with the file browser hidden and
is never shrunk; text is at least :data:`MIN_FONT` points (about 14 pixels). Text from a corpus
is never parsed as matplotlib maths (an outlet called ``$5 News`` is drawn as it is written).

Tables are drawn for the same screen: a column name such as ``partial_quote``, a code such as
``head_of_state_or_government`` or an address may wrap after its underscores and slashes
(:func:`breakable`), so that a table narrows to the window instead of running off its right edge.
:func:`show_tables_narrow` does the same for every DataFrame a notebook shows.

The colours that belong to the case study (one per outlet, one per country) live in the corpus
folder's ``colours.csv``; anything it does not name gets the next colour of the Okabe-Ito
palette, so a teacher's own corpus runs the same code and simply gets palette colours.
"""

from __future__ import annotations

import functools
import html
import re

import matplotlib

__all__ = ["PALETTE", "FIG_WIDTH", "DPI", "MIN_FONT", "apply", "figure", "colours", "text_colour", "breakable"]

#: The Okabe-Ito palette, readable by people with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000", "#999999"]
#: Light versions of the palette, for highlights behind text.
LIGHT = ["#ffe08a", "#a8d8f0", "#b8e6c9", "#f5c6a5", "#d9c2e9", "#f7b6c8", "#cfe3a1", "#c9d3de"]
FIG_WIDTH = 6.0
DPI = 96
MIN_FONT = 11
_DARK = {"#D55E00", "#0072B2", "#000000", "#009E73", "#333333", "#CC79A7"}

RC = {
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "font.size": MIN_FONT,
    "axes.titlesize": MIN_FONT + 2,
    "axes.labelsize": MIN_FONT + 1,
    "xtick.labelsize": MIN_FONT,
    "ytick.labelsize": MIN_FONT,
    "legend.fontsize": MIN_FONT,
    "figure.titlesize": MIN_FONT + 3,
    "text.parse_math": False,
    "svg.hashsalt": "kit",
}


_BREAK_AFTER = re.compile(r"([_/])")
_TEXT_NODE = re.compile(r">([^<]*[_/][^<]*)<")
_CELL_TAG = re.compile(r"<(t[hd])(?=[\s>])")
#: The padding of a table cell: JupyterLab's 0.5em on every side, but 0.3em left and right, which leaves a table of
#: ten columns about 65 pixels narrower.
CELL_PADDING = "padding:0.5em 0.3em"


def breakable(text: str) -> str:
    """``text`` HTML-escaped, with a line-break opportunity (``<wbr>``) after each underscore and slash.

    The text shown, and a copy of it, stay the same; only where a line may wrap changes.

    Examples
    --------
    >>> breakable("partial_quote <b>")
    'partial_<wbr>quote &lt;b&gt;'
    """
    return _BREAK_AFTER.sub(r"\1<wbr>", html.escape(text))


def narrow_frame_html(df) -> str | None:
    """A DataFrame's own HTML (pandas' rendering, options and all), with the break opportunities of
    :func:`breakable` in its header and cell text (pandas has escaped that text already) and cells
    padded by :data:`CELL_PADDING`."""
    out = df._repr_html_()
    if out is None:
        return None
    head, sep, body = out.rpartition("</style>")
    body = _TEXT_NODE.sub(lambda m: ">" + _BREAK_AFTER.sub(r"\1<wbr>", m.group(1)) + "<", body)
    # in a block that maths typesetting leaves alone (a "$5" in a cell stays "$5"; see kit.core.no_maths)
    return (
        '<div class="mathjax_ignore tex2jax_ignore" style="display:contents">'
        + head
        + sep
        + _CELL_TAG.sub(rf'<\1 style="{CELL_PADDING}"', body)
        + "</div>"
    )


def show_tables_narrow() -> bool:
    """In a notebook, show every DataFrame through :func:`narrow_frame_html` (``import helpers`` calls this).

    Returns False (and changes nothing) outside IPython.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    import pandas as pd

    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, narrow_frame_html)
    return True


#: Fonts for other scripts (Chinese, Japanese, Korean, Arabic, Devanagari ...), used for the characters DejaVu Sans
#: lacks, if the computer has them: a corpus of one's own may name outlets and people in any script.
FALLBACK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans",
    "Malgun Gothic",
    "Noto Sans Arabic",
    "Noto Sans Devanagari",
    "Arial Unicode MS",
)


@functools.lru_cache(maxsize=1)
def _families() -> list[str]:
    """DejaVu Sans (matplotlib's own), then the fallback fonts this computer has."""
    from matplotlib import font_manager

    have = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *(f for f in FALLBACK_FONTS if f in have)]


def apply() -> None:
    """Set the kit's chart defaults (called by every plotting helper; safe to call again)."""
    import warnings

    matplotlib.rcParams.update(RC)
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = _families()
    # a character no installed font has is drawn as a box; say nothing on stderr about each one
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from (current )?font", category=UserWarning)


def figure(height: float = 3.5, *, nrows: int = 1, ncols: int = 1, width: float = FIG_WIDTH, **kwargs):
    """A new figure of the kit's width with ``nrows x ncols`` axes (``plt.subplots`` arguments pass on).

    Examples
    --------
    >>> fig, ax = figure(2)
    >>> fig.get_size_inches().tolist(), fig.dpi
    ([6.0, 2.0], 96.0)
    """
    import matplotlib.pyplot as plt

    apply()
    kwargs.setdefault("layout", "constrained")
    return plt.subplots(nrows, ncols, figsize=(width, height), **kwargs)


def colours(kind: str, names, path=None) -> dict[str, str]:
    """A colour for each name: from the corpus's ``colours.csv`` where it names one, else the palette.

    Parameters
    ----------
    kind : str
        ``"outlet"``, ``"country"`` or ``"form"`` (the ``kind`` column of ``colours.csv``).
    names : iterable of str
        The names to colour, in the order the palette should be used.
    path : Corpus, str or Path, optional
        The corpus (see :func:`kit.corpus.open_corpus`).

    Examples
    --------
    >>> colours("country", ["Ukraine", "Atlantis"])
    {'Ukraine': '#0072B2', 'Atlantis': '#0072B2'}
    """
    fixed = _fixed_colours(path).get(kind, {})
    out, i = {}, 0
    for name in names:
        if name in out:
            continue
        if name in fixed:
            out[name] = fixed[name]
        else:
            out[name] = PALETTE[i % len(PALETTE)]
            i += 1
    return out


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return "white" if background.upper() in _DARK else "black"


def _fixed_colours(path=None) -> dict[str, dict[str, str]]:
    from kit.corpus import as_corpus

    corpus = as_corpus(path)
    return corpus.remember(("kit.style.colours",), lambda: _read_colours(corpus))


def _read_colours(corpus) -> dict[str, dict[str, str]]:
    from kit import core

    file = corpus.folder / "colours.csv"
    if not file.is_file():
        return {}
    table = core.read_csv_checked(file, required=["kind", "name", "colour"], base=corpus.folder)
    problems = [
        core.Problem(
            "colours.csv",
            f"line {r.csv_line}",
            f"{r.colour!r} is not a colour such as #0072B2",
            "write the colour as # and six hexadecimal digits",
        )
        for r in table.itertuples()
        if not (len(r.colour) == 7 and r.colour.startswith("#"))
    ]
    if problems:
        raise core.KitDataError(problems)
    out: dict[str, dict[str, str]] = {}
    for r in table.itertuples():
        out.setdefault(r.kind, {})[r.name] = r.colour
    return out


apply()
