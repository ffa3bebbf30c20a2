"""Helpers for the Istanbul-talks study kit: every notebook imports this one module.

The functions live in the ``kit`` package, one module per layer of the kit, and are all
available from here::

    import helpers
    corpus = helpers.open_corpus()
    helpers.plot_voices(corpus)

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

Every function that reads data takes the corpus first: the object ``open_corpus()`` returns
(it checks the folder once and keeps every table it reads), or a folder, or nothing (then the
environment variable ``KIT_DATA_DIR`` if set, else the kit's own ``data/`` folder). Called
through this module, a function whose hand-coded layer is not coded yet returns the notice
"not yet coded for this corpus" instead of raising (``kit.*`` itself raises).

Run ``python -m helpers check [FOLDER]`` to check a corpus folder and list every problem.
"""

from __future__ import annotations

import functools
import inspect
import sys

import kit.byo as _byo
import kit.claims as _claims
import kit.core as _core
import kit.explore as _explore
import kit.framing as _framing
import kit.positions as _positions
import kit.sourcing as _sourcing
import kit.style as _style
import kit.teaching as _teaching
from kit.claims import *  # noqa: F401,F403
from kit.core import *  # noqa: F401,F403
from kit.explore import *  # noqa: F401,F403
from kit.framing import *  # noqa: F401,F403
from kit.positions import *  # noqa: F401,F403
from kit.sourcing import *  # noqa: F401,F403
from kit.teaching import *  # noqa: F401,F403
from kit.byo import *  # noqa: F401,F403

from kit.corpus import Corpus, open_corpus  # noqa: E402

_style.show_tables_narrow()  # in a notebook, tables may wrap at underscores and slashes (see kit.style)

__all__ = [
    "Corpus",
    "open_corpus",
    *_core.__all__,
    *_sourcing.__all__,
    *_framing.__all__,
    *_positions.__all__,
    *_claims.__all__,
    *_teaching.__all__,
    *_byo.__all__,
    *_explore.__all__,
]

#: Functions that are about notices, files or checks themselves: they keep their own behaviour.
_PLAIN = {
    "open_corpus",
    "when_coded",
    "not_coded_notice",
    "kit_corpus_only",
    "annotation_template",
    "check_corpus",
    "check_annotations",
    "check_folder",
    "data_dir",
    "read_csv_checked",
    "read_article_file",
    "read_annotation",
    "coding_status",
    "is_kit_corpus",
    "locate",
    "verify_spans",
}
#: Functions that take a notice in place of a table and show it themselves.
_SHOW_NOTICES = {"claims_overview", "positions_overview"}


def _learner_facing(fn, *, pass_notices=False):
    """Wrap a kit function for notebooks: a layer that is not coded yet shows a notice, not an error.

    If the function needs a hand-coded file that the corpus does not have
    (:class:`kit.core.NotCodedError`), the notice "not yet coded for this corpus" is returned
    instead; if an argument is such a notice (an earlier step was not coded), a one-line
    reminder is returned without calling the function. Every other error is raised as it is.
    The functions in ``kit.*`` themselves always raise.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        for value in () if pass_notices else (*args, *kwargs.values()):
            if isinstance(value, _byo.Notice):
                return value.reminder()
        try:
            return fn(*args, **kwargs)
        except _core.NotCodedError as exc:
            return _byo.not_coded_notice(exc)

    return wrapper


for _name in __all__:
    _obj = globals()[_name]
    if inspect.isfunction(_obj) and _name not in _PLAIN:
        globals()[_name] = _learner_facing(_obj, pass_notices=_name in _SHOW_NOTICES)


def main(argv=None) -> int:
    """Command line: ``python -m helpers check [--fix-wrapping] [FOLDER]``, ``doctor [--fix]`` or ``lab``.

    Checks the corpus (articles and metadata) and every annotation file in it, prints every
    problem found in the folder (default: the kit's own data) with its file, row and fix, then
    the notes (lines read as page furniture, hard-wrapped files), and returns 1 if there are
    problems, else 0. ``--fix-wrapping`` writes a re-flowed copy of a hard-wrapped corpus to
    ``FOLDER-reflowed`` (see :func:`kit.byo.command_line`).
    """
    from kit.byo import command_line

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("doctor", "lab"):  # is this computer ready? / JupyterLab with the kit's settings
        import kit.doctor as _doctor

        return _doctor.doctor(argv[1:]) if argv[0] == "doctor" else _doctor.start_lab(argv[1:])
    return command_line(argv)


if __name__ == "__main__":
    sys.exit(main())
