"""How fast is the rule-based extractor (``helpers.extract_attributions``)? Prints figures, asserts nothing.

Synthetic corpora of news-like articles (300-900 words, with said / told / according to / quotations /
relays / pronouns, in straight and curly quotes) are written to a temporary folder; the corpus is opened
and its paragraphs and sentences built first (they belong to the corpus, see bench_corpus.py), then the
extractor is timed alone. Printed: milliseconds per article on 100 and 1,000 articles (the target is at
most 2 ms, and about the same figure at both sizes: linear), and seconds per MB on one large article. Times are the process's CPU time (``time.process_time``), so
that other work on a shared machine does not inflate them.

Usage: ``python benchmarks/bench_extractor.py [--large-mb 5] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import helpers  # noqa: E402

NAMES = ["Anna Berg", "Karl Ott", "Maria Lopez", "Jonas Weir", "Clara Pym", "Pavel Orin", "Mira Salo", "Ilse Daren"]
OUTLETS = ["Reuters", "the Example Post", "Tass", "the Lindau Herald"]
SENTENCES = [
    "{name} said the talks would continue on {day}.",
    "“We did not come here to sign anything,” {surname} said. “We came to listen to the other side.”",
    "According to {name}, the harbour will reopen before the end of the month.",
    "The ministry rejected the proposal and agreed to a prisoner exchange.",
    "{name}, a professor at the Example University, told {outlet} that the gap remained wide.",
    "The envoys will travel on {day}, {outlet} reported, citing two diplomats.",
    "She added that the government would consult the union before the next round.",
    'Direct talks were held in a "constructive" mood, and the demands of both sides were discussed.',
    "The two delegations met for three hours in the old customs building by the water.",
    '{name} told reporters that the first session had been "long but useful".',
    "Prices in the port rose again this week, and the ferries ran half empty.",
    "Officials, who asked not to be named, said a fourth day of talks was possible.",
    "He noted that Castria insists that the agreed agenda must be kept.",
    "The weather was cold, and the delegates walked to the hall in the rain.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def sentence(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    return rng.choice(SENTENCES).format(
        name=name, surname=name.split()[-1], day=rng.choice(DAYS), outlet=rng.choice(OUTLETS)
    )


def article(rng: random.Random, words: int) -> str:
    paras, n = [], 0
    while n < words:
        para = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
        paras.append(para)
        n += len(para.split())
    return "Synthetic headline\n\n" + "\n\n".join(paras) + "\n"


def write_corpus(folder: Path, texts: list[str]) -> Path:
    (folder / "articles").mkdir(parents=True)
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "file", "outlet", "headline", "published"])
        for i, text in enumerate(texts):
            aid = f"a{i:05d}"
            (folder / "articles" / f"{aid}.txt").write_text(text, encoding="utf-8")
            w.writerow([aid, f"{aid}.txt", "Example Wire", "Synthetic headline", f"2024-01-{1 + i % 28:02d}"])
    return folder


def time_extractor(folder: Path, repeat: int) -> tuple[float, int, int]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        corpus = helpers.Corpus(folder)  # a fresh corpus each time: nothing of the extractor is cached yet
        _ = corpus.paragraphs, corpus.sentences  # the corpus's own work, timed in bench_corpus.py
        t = time.process_time()  # CPU time of this process: other work on the machine does not count
        found = len(helpers.extract_attributions(corpus))
        best = min(best, time.process_time() - t)
    return best, found, sum(len(t) for t in corpus.articles.text)


def _cpu(fn, *args) -> float:
    t = time.process_time()
    fn(*args)
    return time.process_time() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--large-mb", type=float, default=5.0, help="size of the one large article (default 5 MB)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure; the fastest is printed")
    args = ap.parse_args(argv)
    rng = random.Random(15)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"extractor benchmark: CPU time, best of {args.repeat} ({os.cpu_count()} cores, load average {load:.1f})")
    kit = helpers.open_corpus()
    secs, found, chars = time_extractor(kit.folder, max(args.repeat, 5))
    warm = min(_cpu(helpers.extract_attributions, kit) for _ in range(5))  # the gazetteer already loaded
    print(
        f"  the kit's {len(kit.ids)} articles: {secs * 1000 / len(kit.ids):.2f} ms per article ({found} statements); "
        f"{warm * 1000 / len(kit.ids):.2f} ms once the speakers gazetteer is loaded (a fixed cost per corpus)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        per_article = {}
        for n in (100, 1000):
            texts = [article(rng, rng.randint(300, 900)) for _ in range(n)]
            secs, found, chars = time_extractor(write_corpus(Path(tmp) / f"c{n}", texts), args.repeat)
            per_article[n] = secs * 1000 / n
            print(
                f"  {n:>5} articles: {per_article[n]:.2f} ms per article ({found} statements, "
                f"{chars / 1e6:.1f} MB, {secs:.2f} s in all)"
            )
        print(f"  ratio 1,000 / 100 articles: {per_article[1000] / per_article[100]:.2f} (1.00 = linear)")
        words = int(args.large_mb * 1e6 / 6.2)
        big = write_corpus(Path(tmp) / "large", [article(rng, words)])
        secs, found, chars = time_extractor(big, 1)
        print(
            f"  one article of {chars / 1e6:.1f} MB: {secs / (chars / 1e6):.2f} s per MB ({found} statements, "
            f"{secs:.1f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
