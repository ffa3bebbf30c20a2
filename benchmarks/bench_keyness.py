"""Benchmark: Fightin' Words and keyness against a plain scikit-learn + numpy version of the same formulas.

On a synthetic corpus (``make_corpus`` from ``bench_corpus.py``: made-up articles of 300-900 words),
compares two ways of computing Monroe, Colaresi & Quinn's Fightin' Words z and Dunning's G² for one
group of articles (the first 20 of 40 outlets) against the rest:

* **kit**: ``helpers.fightin_words(corpus, group)`` then ``helpers.keyness(corpus, group)``, on a
  corpus whose paragraphs are loaded but whose word counts are not (the first call counts them);
* **sklearn**: ``CountVectorizer`` with the kit's token pattern over each article's body paragraphs,
  the two groups' rows summed, then the formulas of METHODS.md section 5 in numpy.

Both start from the same opened corpus (its paragraphs in memory) and neither time includes reading
the files. The script checks that both give the same words, counts, z and G², and prints both times
and their ratio (target: kit within 1.5x of sklearn). It also times ``distinctive_words`` (every
article against the rest) at two sizes, to show that it grows linearly.

scikit-learn is a dependency of this benchmark only; the kit does not import it.

Run:  python benchmarks/bench_keyness.py [N_ARTICLES]   (default 1000)

Prints figures, not a test: timings depend on the machine.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import helpers  # noqa: E402
from bench_corpus import make_corpus  # noqa: E402
from kit import core  # noqa: E402
from kit.corpus import Corpus  # noqa: E402

ALPHA0 = 100.0
MIN_COUNT = 3


def sklearn_version(corpus, group: list[str]):
    """Fightin' Words z and G² with scikit-learn's CountVectorizer and numpy (METHODS.md section 5)."""
    from sklearn.feature_extraction.text import CountVectorizer

    paras = corpus.paragraphs
    body = paras[paras.role == "body"].groupby("article_id", sort=False)["text"].agg("\n".join)
    ids = corpus.ids
    texts = [body.get(aid, "") for aid in ids]
    vec = CountVectorizer(token_pattern=core._WORD_RE.pattern, lowercase=True)
    x = vec.fit_transform(texts)
    in_a = np.isin(np.array(ids), group)
    a = np.asarray(x[in_a].sum(axis=0)).ravel().astype(float)
    b = np.asarray(x[~in_a].sum(axis=0)).ravel().astype(float)
    ni, nj = a.sum(), b.sum()
    aw = ALPHA0 * (a + b) / (ni + nj)
    delta = np.log((a + aw) / (ni + ALPHA0 - a - aw)) - np.log((b + aw) / (nj + ALPHA0 - b - aw))
    z = delta / np.sqrt(1 / (a + aw) + 1 / (b + aw))
    e1, e2 = ni * (a + b) / (ni + nj), nj * (a + b) / (ni + nj)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (np.where(a > 0, a * np.log(a / e1), 0) + np.where(b > 0, b * np.log(b / e2), 0))
    keep = a + b >= MIN_COUNT
    words = vec.get_feature_names_out()
    return {w: (int(i), int(j), zz, gg) for w, i, j, zz, gg in zip(words[keep], a[keep], b[keep], z[keep], g2[keep])}


def kit_version(corpus, group: list[str]):
    fw = helpers.fightin_words(corpus, group, alpha0=ALPHA0, min_count=MIN_COUNT)
    kn = helpers.keyness(corpus, group, min_count=MIN_COUNT).set_index("word")
    return {w: (int(i), int(j), zz, kn.at[w, "g2"]) for w, i, j, zz in zip(fw.word, fw.count_a, fw.count_b, fw.z)}


def fresh(root: Path) -> Corpus:
    """A newly opened corpus with its paragraphs loaded (and no word counts yet)."""
    corpus = Corpus(root)
    _ = corpus.paragraphs
    return corpus


def best_of_both(root, group, repeat=7):
    """Best time of each version over ``repeat`` rounds, the two run in turn (so load on the machine hits both)."""
    times = {"sklearn": [], "kit": []}
    out = {}
    for _ in range(repeat):
        for name, fn in (("sklearn", sklearn_version), ("kit", kit_version)):
            corpus = fresh(root)
            t0 = time.perf_counter()
            out[name] = fn(corpus, group)
            times[name].append(time.perf_counter() - t0)
    return min(times["sklearn"]), out["sklearn"], min(times["kit"]), out["kit"]


def same(kit: dict, ref: dict) -> str:
    if set(kit) != set(ref):
        return f"DIFFERENT words ({len(set(kit) ^ set(ref))} differ)"
    k = np.array([kit[w] for w in sorted(ref)], dtype=float)
    r = np.array([ref[w] for w in sorted(ref)], dtype=float)
    if not np.array_equal(k[:, :2], r[:, :2]):
        return "DIFFERENT counts"
    if not np.allclose(k[:, 2:], r[:, 2:], rtol=1e-9, atol=1e-9):
        return f"DIFFERENT statistics (largest difference {np.abs(k[:, 2:] - r[:, 2:]).max():.2e})"
    return f"same numbers ({len(ref)} words: counts equal, z and G² equal to 1e-9)"


def time_distinctive(n: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "corpus", n, seed=2)
        corpus = fresh(root)
        t0 = time.perf_counter()
        helpers.distinctive_words(corpus, top=6)
        return time.perf_counter() - t0


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "corpus", n)
        corpus = fresh(root)
        group = list(corpus.articles.loc[corpus.articles.outlet.isin([f"Outlet {i}" for i in range(20)]), "article_id"])
        words = int(corpus.articles.word_count.sum())
        t_ref, ref, t_kit, kit = best_of_both(root, group)
    print(
        f"Fightin' Words + keyness, {n} synthetic articles ({words} body words), {len(group)} against "
        f"{n - len(group)} (best of 7, the two run in turn):"
    )
    print(f"  sklearn CountVectorizer + numpy: {t_ref:7.3f} s")
    print(f"  kit (fightin_words + keyness):   {t_kit:7.3f} s")
    print(f"  ratio kit / sklearn:             {t_kit / t_ref:7.2f}  (target at most 1.5)")
    print(f"  check: {same(kit, ref)}")
    small, large = max(n // 4, 50), n
    t_small, t_large = time_distinctive(small), time_distinctive(large)
    print(
        f"distinctive_words (every article against the rest): {small} articles {t_small:.2f} s "
        f"({1000 * t_small / small:.2f} ms/article), {large} articles {t_large:.2f} s "
        f"({1000 * t_large / large:.2f} ms/article)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
