"""Benchmark: how long the foundation takes on large synthetic corpora.

Generates corpora of 1,000, 5,000 and 10,000 made-up articles (300-900 words each, with
captions, quotations, abbreviations and a metadata CSV) in a temporary directory, then times
``load_articles`` + ``paragraphs`` + ``sentences`` on each and prints the figures.

Run:  python benchmarks/bench_corpus.py [SIZES...]

Target: 10,000 articles in under 5 s on a 2-core machine, growing linearly. This is a script
that prints figures, not a test: timings depend on the machine.
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
from pathlib import Path

import helpers

WORDS = ("talks delegation ceasefire negotiations minister president proposal sanctions exchange prisoners "
         "territory security guarantees officials meeting Istanbul agreement dialogue position statement "
         "the a of and to in on for with that was said would could should after before").split()


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


def run(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "corpus", n)
        t0 = time.perf_counter()
        arts = helpers.load_articles(root)
        t1 = time.perf_counter()
        paras = helpers.paragraphs(root, articles=arts)
        t2 = time.perf_counter()
        sents = helpers.sentences(root, articles=arts)
        t3 = time.perf_counter()
    return {"articles": n, "words": int(arts.word_count.sum()), "paragraphs": len(paras), "sentences": len(sents),
            "load_s": t1 - t0, "paragraphs_s": t2 - t1, "sentences_s": t3 - t2, "total_s": t3 - t0}


def main(sizes: list[int]) -> None:
    print(f"{'articles':>8} {'words':>10} {'sentences':>10} {'load':>7} {'paras':>7} {'sents':>7} {'total':>7} {'ms/article':>10}")
    for n in sizes:
        r = run(n)
        print(f"{r['articles']:>8} {r['words']:>10} {r['sentences']:>10} {r['load_s']:>6.2f}s {r['paragraphs_s']:>6.2f}s "
              f"{r['sentences_s']:>6.2f}s {r['total_s']:>6.2f}s {1000 * r['total_s'] / n:>10.3f}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 10000])
