"""Benchmark: the rule-based sourcing extractor and the distinctive-vocabulary statistics at scale.

Reuses ``make_corpus`` from ``bench_corpus.py`` (made-up articles of 300-900 words with captions,
quotations, "according to" and abbreviations) and times, on corpora of 1,000, 5,000 and 10,000
articles:

* ``helpers.extract_attributions`` (the rule-based sourcing extractor), without the speakers
  gazetteer, since a new corpus has none;
* ``helpers.fightin_words`` and ``helpers.keyness`` (distinctive vocabulary), comparing the
  articles of the first 20 outlets with the rest (``benchmarks/bench_keyness.py`` compares them with a
  scikit-learn version of the same formulas);
* ``helpers.distinctive_words`` (every article against the rest), which must grow linearly.

The ``load`` column is ``load_articles`` alone; each timed function reads the corpus itself (through the
kit's cache of paragraphs), so its time includes what it needs of that. A function that does not exist
(yet) is skipped with a message.

Run:  python benchmarks/bench_layers.py [SIZES...]

Prints figures, not a test: timings depend on the machine.
"""

from __future__ import annotations

import inspect
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import helpers  # noqa: E402
from bench_corpus import make_corpus  # noqa: E402


def _kwargs(fn, **wanted):
    """Only the keyword arguments ``fn`` accepts (the layer functions are still changing)."""
    params = inspect.signature(fn).parameters
    return {k: v for k, v in wanted.items() if k in params}


def _time(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t0, out


def run(n: int) -> dict:
    row = {"articles": n}
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "corpus", n)
        t0 = time.perf_counter()
        arts = helpers.load_articles(root)
        row["load_s"] = time.perf_counter() - t0
        row["words"] = int(arts.word_count.sum())
        fn = getattr(helpers, "extract_attributions", None)
        if fn is not None:
            s, table = _time(fn, root, **_kwargs(fn, use_gazetteer=False))
            row["extract_s"], row["statements"] = s, len(table)
        group_a = list(arts.loc[arts.outlet.isin([f"Outlet {i}" for i in range(20)]), "article_id"])
        s, table = _time(helpers.distinctive_words, root, top=6)
        row["distinctive_words_s"] = s
        for name in ("fightin_words", "keyness"):
            fn = getattr(helpers, name, None)
            if fn is not None:
                s, table = _time(fn, root, group_a)
                row[f"{name}_s"], row[f"{name}_rows"] = s, len(table)
    return row


def main(sizes: list[int]) -> None:
    missing = [f for f in ("extract_attributions", "fightin_words", "keyness") if not hasattr(helpers, f)]
    for f in missing:
        print(f"skipped: helpers.{f} does not exist yet")
    print(
        f"{'articles':>8} {'words':>10} {'load':>7} {'extract':>8} {'statements':>10} {'fightin':>8} "
        f"{'keyness':>8} {'distinct':>8}  ms/article (extract, fightin, keyness, distinctive)"
    )
    for n in sizes:
        r = run(n)

        def sec(key):
            return f"{r[key]:>7.2f}s" if key in r else f"{'-':>8}"

        per = ", ".join(
            f"{1000 * r[k] / n:.3f}" if k in r else "-"
            for k in ("extract_s", "fightin_words_s", "keyness_s", "distinctive_words_s")
        )
        print(
            f"{n:>8} {r['words']:>10} {r['load_s']:>6.2f}s {sec('extract_s')} {r.get('statements', '-'):>10} "
            f"{sec('fightin_words_s')} {sec('keyness_s')} {sec('distinctive_words_s')}  {per}",
            flush=True,
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 10000])
