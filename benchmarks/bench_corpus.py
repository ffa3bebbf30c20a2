"""Benchmark: how long the foundation takes on large synthetic corpora and on one huge article.

Generates corpora of 1,000 and 10,000 made-up articles (300-900 words each, with captions,
quotations, abbreviations and a metadata CSV) in a temporary directory, then times
``load_articles`` + ``paragraphs`` + ``sentences`` + ``show_article`` on each and prints the
figures. Then one corpus with a single 50 MB article (the size that once made a 74 MB reading
view and a 202 MB notebook): the same steps, the size of the reading view as drawn (capped at
``SHOW_MAX_CHARS``) and, for comparison, drawn whole (``max_chars=None``), and ``kwic``.

Run:  python benchmarks/bench_corpus.py [SIZES...] [--mb MEGABYTES] [--notebook NN]
      (default: 1000 10000 --mb 50; --notebook 00 also runs notebook 00 on the big article and prints the
      size of the notebook saved with its outputs, which was 202 MB before the cap)

Targets: 10,000 articles in under 5 s on a 2-core machine, growing linearly; the reading view
of any article under 0.5 MB of HTML. This is a script that prints figures, not a test: timings
depend on the machine.
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
from pathlib import Path

import helpers

WORDS = (
    "talks delegation ceasefire negotiations minister president proposal sanctions exchange prisoners "
    "territory security guarantees officials meeting Istanbul agreement dialogue position statement "
    "the a of and to in on for with that was said would could should after before"
).split()


def make_article(rng: random.Random, n_words: int) -> str:
    lines = ["A delegation arrives for talks in a palace, May 16, 2025. /VCG"]
    words_left = n_words
    while words_left > 0:
        sents = []
        for _ in range(rng.randint(2, 4)):
            k = rng.randint(8, 25)
            s = " ".join(rng.choice(WORDS) for _ in range(k))
            s = s[0].upper() + s[1:]
            kind = rng.random()
            if kind < 0.2:
                s = f"“{s},” Dr. J. D. Example said."
            elif kind < 0.3:
                s = f"{s} in the U.S. capital, according to officials."
            else:
                s += "."
            sents.append(s)
            words_left -= k
        lines.append(" ".join(sents))
    lines.append("Read more:")
    lines.append("Another headline about the talks")
    return "\n".join(lines) + "\n"


def make_corpus(root: Path, n: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    (root / "articles").mkdir(parents=True)
    with open(root / "articles.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "file", "outlet", "headline", "published"])
        for i in range(n):
            aid = f"synthetic-{i:05d}"
            (root / "articles" / f"{aid}.txt").write_text(make_article(rng, rng.randint(300, 900)), encoding="utf-8")
            w.writerow([aid, f"{aid}.txt", f"Outlet {i % 40}", f"Headline {i}", f"2025-05-{1 + i % 28:02d}"])
    return root


def _timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def run(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "corpus", n)
        arts, load_s = _timed(helpers.load_articles, root)
        paras, paras_s = _timed(helpers.paragraphs, root, articles=arts)
        sents, sents_s = _timed(helpers.sentences, root, articles=arts)
        _, show_s = _timed(helpers.show_article, arts.article_id.iloc[0], path=root)
    return {
        "articles": n,
        "words": int(arts.word_count.sum()),
        "paragraphs": len(paras),
        "sentences": len(sents),
        "load_s": load_s,
        "paragraphs_s": paras_s,
        "sentences_s": sents_s,
        "show_s": show_s,
        "total_s": load_s + paras_s + sents_s,
    }


def run_big(megabytes: float, notebooks=()) -> None:
    """One article of about ``megabytes`` MB: time each step and measure what is drawn."""
    rng = random.Random(2)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "big"
        (root / "articles").mkdir(parents=True)
        chunks, size = [], 0
        while size < megabytes * 1_000_000:
            chunk = make_article(rng, 600)
            chunks.append(chunk)
            size += len(chunk.encode("utf-8"))
        (root / "articles" / "big.txt").write_text("".join(chunks), encoding="utf-8")
        (root / "articles.csv").write_text(
            "article_id,file,outlet,headline,published\nbig,big.txt,Outlet,A very long article,2025-05-16\n",
            encoding="utf-8",
        )
        print(f"\none article of {size / 1e6:.1f} MB:")
        arts, t = _timed(helpers.load_articles, root)
        print(f"  load_articles     {t:7.2f} s   ({arts.word_count.item():,} body words)")
        paras, t = _timed(helpers.paragraphs, root, articles=arts)
        print(f"  paragraphs        {t:7.2f} s   ({len(paras):,} paragraphs)")
        sents, t = _timed(helpers.sentences, root, articles=arts)
        print(f"  sentences         {t:7.2f} s   ({len(sents):,} sentences)")
        view, t = _timed(helpers.show_article, "big", path=root)
        print(
            f"  show_article      {t:7.2f} s   {len(view.data) / 1e6:7.2f} MB of HTML (capped at "
            f"{helpers.SHOW_MAX_CHARS:,} characters)"
        )
        full, t = _timed(helpers.show_article, "big", path=root, max_chars=None)
        print(
            f"  ... max_chars=None{t:7.2f} s   {len(full.data) / 1e6:7.2f} MB of HTML (drawn whole, as before the cap)"
        )
        del full
        k, t = _timed(helpers.kwic, "ceasefire", root)
        print(
            f"  kwic('ceasefire') {t:7.2f} s   {len(k):,} matches; displayed: {len(k._repr_html_()) / 1e3:.0f} kB; "
            f"through html_table: {len(helpers.html_table(k).data) / 1e3:.0f} kB"
        )
        for name in notebooks:
            size, t = _timed(notebook_size, name, root)
            print(f"  notebook {name}: {t:7.2f} s to run, {size / 1e6:.2f} MB saved with its outputs")


def notebook_size(name: str, corpus: Path) -> int:
    """Run one notebook (e.g. "00") on the corpus and return the size of the notebook saved with its outputs."""
    import os

    import nbformat
    from nbclient import NotebookClient

    path = next((Path(__file__).resolve().parent.parent / "notebooks").glob(f"{name}-*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    old = os.environ.get("KIT_DATA_DIR")
    os.environ["KIT_DATA_DIR"] = str(corpus)
    try:
        NotebookClient(
            nb,
            timeout=1200,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()
    finally:
        if old is None:
            del os.environ["KIT_DATA_DIR"]
        else:
            os.environ["KIT_DATA_DIR"] = old
    return len(nbformat.writes(nb).encode("utf-8"))


def main(sizes: list[int], megabytes: float, notebooks=()) -> None:
    print(
        f"{'articles':>8} {'words':>10} {'sentences':>10} {'load':>7} {'paras':>7} {'sents':>7} {'total':>7} "
        f"{'ms/article':>10} {'show':>7}"
    )
    for n in sizes:
        r = run(n)
        print(
            f"{r['articles']:>8} {r['words']:>10} {r['sentences']:>10} {r['load_s']:>6.2f}s {r['paragraphs_s']:>6.2f}s "
            f"{r['sentences_s']:>6.2f}s {r['total_s']:>6.2f}s {1000 * r['total_s'] / n:>10.3f} {r['show_s']:>6.2f}s",
            flush=True,
        )
    if megabytes:
        run_big(megabytes, notebooks)


if __name__ == "__main__":
    args = sys.argv[1:]
    mb = 50.0
    if "--mb" in args:
        i = args.index("--mb")
        mb = float(args[i + 1])
        del args[i : i + 2]
    books = []
    if "--notebook" in args:
        i = args.index("--notebook")
        books = [args[i + 1]]
        del args[i : i + 2]
    main([int(a) for a in args] or [1000, 10000], mb, books)
