"""Helpers for the Istanbul-talks study kit: every notebook imports this one module.

The functions live in the ``kit`` package, one module per layer of the kit, and are all
available from here::

    import helpers
    arts = helpers.load_articles()

Layers
------
kit.core
    The corpus: ``load_articles``, ``paragraphs``, ``sentences``, ``locate``,
    ``verify_spans``, ``read_annotation``, ``show_article``, ``kwic``, ``corpus_card``,
    ``plot_timeline``, ``check_corpus`` and the one error type, ``KitDataError``.
kit.sourcing
    Who speaks: the speakers gazetteer, the attributions table, the rule-based extractor.
kit.framing
    Word choices (the contested-terms lexicon), Entman's framing elements, generic frames,
    what each article foregrounds and leaves out, distinctive vocabulary statistics.
kit.positions
    The positions ledger: what each side states it wants, issue by issue.
kit.claims
    Claims across sources and against the record.
kit.teaching
    Krippendorff's alpha, the code-it-yourself round, handouts, participant notes.
kit.explore
    Explore without code: controls for reading, searching, who speaks, positions, claims,
    comparing two articles (the app ``voila notebooks/explore.ipynb``).
kit.byo
    Bring your own articles: templates for the hand-coded layers, the "not yet coded"
    notice (``when_coded``), and the checks behind ``python -m helpers check``.

Every function that reads data takes an optional corpus folder; without it the kit uses
the environment variable ``KIT_DATA_DIR`` if set, else its own ``data/`` folder.

Run ``python -m helpers check [FOLDER]`` to check a corpus folder and list every problem.
"""

from __future__ import annotations

import sys

import kit.byo as _byo
import kit.claims as _claims
import kit.core as _core
import kit.explore as _explore
import kit.framing as _framing
import kit.positions as _positions
import kit.sourcing as _sourcing
import kit.teaching as _teaching
from kit.claims import *  # noqa: F401,F403
from kit.core import *  # noqa: F401,F403
from kit.explore import *  # noqa: F401,F403
from kit.framing import *  # noqa: F401,F403
from kit.positions import *  # noqa: F401,F403
from kit.sourcing import *  # noqa: F401,F403
from kit.teaching import *  # noqa: F401,F403
from kit.byo import *  # noqa: F401,F403

__all__ = [*_core.__all__, *_sourcing.__all__, *_framing.__all__, *_positions.__all__, *_claims.__all__,
           *_teaching.__all__, *_byo.__all__, *_explore.__all__]


def main(argv=None) -> int:
    """Command line: ``python -m helpers check [FOLDER]``.

    Checks the corpus (articles and metadata) and every annotation file in it, prints every
    problem found in the folder (default: the kit's own data) with its file, row and fix, and
    returns 1 if there are any, else 0.
    """
    from kit.byo import check_folder
    from kit.core import data_dir

    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] != "check" or len(argv) > 2:
        print("usage: python -m helpers check [FOLDER]", file=sys.stderr)
        return 2
    folder = data_dir(argv[1] if len(argv) == 2 else None)
    problems = check_folder(folder)
    if not problems:
        print(f"OK: no problems found in {folder.name}/")
        return 0
    print(f"{len(problems)} problem(s) found in {folder.name}/:")
    for p in problems:
        print(f"  - {p}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
