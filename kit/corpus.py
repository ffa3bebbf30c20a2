"""The corpus object: one folder, checked once, its tables loaded once.

``corpus = helpers.open_corpus()`` opens the kit's own ``data/`` folder (or the folder named by
``KIT_DATA_DIR``, or any folder passed in). It checks the metadata and the article texts once and
then keeps what it has read: ``corpus.articles``, ``corpus.paragraphs``, ``corpus.sentences`` and
``corpus.layer(name)`` for each hand-coded annotation layer. Every helper of the kit takes the
corpus as its first argument (or plain DataFrames), so a notebook reads each file at most once::

    corpus = helpers.open_corpus()
    helpers.plot_voices(corpus)

If a file of the folder changes (a teacher edits ``positions.csv`` while the notebook is open),
the next call notices it and reads the folder again: nothing stale is ever shown.

This module imports nothing from the rest of the kit at import time, so that every layer module
can use :func:`cached` on its loaders.
"""

from __future__ import annotations

import functools
import os
from collections import OrderedDict
from pathlib import Path

__all__ = ["Corpus", "open_corpus", "as_corpus", "cached", "corpus_first"]

#: The sub-folders whose files a corpus reads (their contents are watched for changes).
WATCHED = ("", "articles", "annotations", "coding_round")
_REGISTRY: OrderedDict = OrderedDict()
_REGISTRY_SIZE = 8


def _stamp(folder: Path) -> tuple:
    """What the folder's files look like now: names, sizes and modification times."""
    out = []
    for sub in WATCHED:
        d = folder / sub if sub else folder
        try:
            with os.scandir(d) as it:
                for e in it:
                    if e.is_file():
                        st = e.stat()
                        out.append((sub, e.name, st.st_size, st.st_mtime_ns))
        except (FileNotFoundError, NotADirectoryError):
            out.append((sub, None))
    out.sort(key=repr)
    return tuple(out)


class Corpus:
    """A corpus folder with its tables cached.

    Parameters
    ----------
    folder : str or Path, optional
        The corpus folder; default ``KIT_DATA_DIR`` if set, else the kit's own ``data/``.
    check : bool
        Check the metadata and the texts now (default), so that a bad folder fails at once
        with every problem listed.

    Examples
    --------
    >>> corpus = Corpus()
    >>> corpus.folder.name, len(corpus.articles)
    ('data', 5)
    >>> corpus.is_coded("positions"), corpus.is_coded("no-such-layer")
    (True, False)
    """

    def __init__(self, folder=None, *, check: bool = True):
        from kit import core

        self.folder = core.data_dir(folder)
        self._cache: dict = {}
        self._busy = 0  # > 0 while a cached loader runs (see fresh)
        self._stamp = _stamp(self.folder)
        if check:
            _ = self.articles

    # ----------------------------------------------------------------------------------------
    def fresh(self) -> "Corpus":
        """Drop what was read if any file of the folder changed since; return the corpus.

        Inside a cached loader (which has just looked), the folder is not looked at again: one
        call of a helper looks at the folder once, however many loaders it uses.
        """
        if self._busy:
            return self
        now = _stamp(self.folder)
        if now != self._stamp:
            self._cache.clear()
            self._stamp = now
        return self

    def remember(self, key, compute):
        """The cached value for ``key``, computed once with ``compute()``."""
        return self.fresh()._remembered(key, compute)

    def _remembered(self, key, compute):
        """``remember`` without looking at the folder first (the caller just did)."""
        if key not in self._cache:
            self._busy += 1
            try:
                self._cache[key] = compute()
            finally:
                self._busy -= 1
        return self._cache[key]

    # ----------------------------------------------------------------------------------------
    @property
    def articles(self):
        """One row per article, with metadata and text (see :func:`kit.core.load_articles`)."""
        from kit import core

        return core.load_articles(self)

    @property
    def paragraphs(self):
        """One row per paragraph, with its role (see :func:`kit.core.paragraphs`)."""
        from kit import core

        return core.paragraphs(self)

    @property
    def sentences(self):
        """One row per body sentence (see :func:`kit.core.sentences`)."""
        from kit import core

        return core.sentences(self)

    @property
    def ids(self) -> list[str]:
        """The article ids, in order of publication."""
        return list(self.articles["article_id"])

    def text(self, article_id: str) -> str:
        """The full text of one article, exactly as in its file."""
        from kit import core

        return core.article_text(article_id, self)

    def _layer_spec(self, name: str):
        from kit import byo

        key = Path(str(name)).name
        if not key.endswith(".csv"):
            key += ".csv"
        return byo.LAYERS.get(key)

    def is_coded(self, name: str) -> bool:
        """Whether the corpus has the annotation file of a layer (e.g. ``"positions"``)."""
        spec = self._layer_spec(name)
        return bool(spec) and (self.folder / spec.file).is_file()

    def layer(self, name: str):
        """One annotation layer, loaded and checked once (e.g. ``corpus.layer("positions")``).

        Raises :class:`kit.core.NotCodedError` if the corpus has no such file yet and
        :class:`kit.core.KitDataError` (every problem listed) if the file has errors.
        """
        from kit import byo, core

        spec = self._layer_spec(name)
        if spec is None:
            raise core._err(
                str(name),
                "",
                "this is not a layer the kit reads",
                f"use one of: {', '.join(k.removesuffix('.csv') for k in byo.LAYERS)}",
            )
        if spec.loader is None:
            raise core._err(spec.file, "", "this layer has no loader", "read it with helpers.read_csv_checked")
        loader = byo._resolve(spec.loader)
        return loader(self)

    def __repr__(self) -> str:
        return f"<Corpus {self.folder.name}/: {len(self.articles)} articles>"

    def _repr_html_(self) -> str:
        from kit import core

        return core.corpus_card(self)._repr_html_()


def as_corpus(path=None) -> Corpus:
    """The corpus for ``path``: a :class:`Corpus` is returned as it is; a folder (or ``None``)
    gives the one shared corpus of that folder, re-read if its files changed."""
    if isinstance(path, Corpus):
        return path.fresh()
    from kit import core

    folder = core.data_dir(path)
    hit = _REGISTRY.get(folder)
    if hit is None:
        hit = Corpus(folder, check=False)
        _REGISTRY[folder] = hit
        while len(_REGISTRY) > _REGISTRY_SIZE:
            _REGISTRY.popitem(last=False)
    else:
        _REGISTRY.move_to_end(folder)
    return hit.fresh()


def open_corpus(folder=None) -> Corpus:
    """Open a corpus folder, check it, and return the :class:`Corpus`.

    Parameters
    ----------
    folder : str or Path, optional
        Default: the environment variable ``KIT_DATA_DIR`` if set, else the kit's own ``data/``.

    Raises
    ------
    KitDataError
        Listing every problem of the metadata and the texts, each with its file, row and fix.

    Examples
    --------
    >>> corpus = open_corpus()
    >>> corpus.ids[:2]
    ['cgtn-2025-05-14', 'globaltimes-2025-05-14']
    """
    corpus = as_corpus(folder)
    _ = corpus.articles
    return corpus


def _key(args, kwargs):
    """A cache key for the other arguments of a call, or None if one of them cannot be hashed."""
    key = (args, tuple(sorted(kwargs.items())))
    try:
        hash(key)
    except TypeError:
        return None
    return key


def cached(fn):
    """Decorator for a loader whose first argument is the corpus (a Corpus, a folder or None).

    The result is kept in the corpus, keyed by the function and its other arguments, and a copy
    is returned, so callers may change it freely. Calls with arguments that cannot be used as a
    key (e.g. a DataFrame) are not cached.
    """
    key_name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(path=None, *args, **kwargs):
        if "corpus" in kwargs:  # loader(corpus=...) as the signature reads
            path = kwargs.pop("corpus")
        key = _key(args, kwargs)
        if key is None:
            return fn(path, *args, **kwargs)
        corpus = as_corpus(path)
        value = corpus._remembered((key_name, *key), lambda: fn(corpus, *args, **kwargs))  # as_corpus looked
        return value.copy() if hasattr(value, "copy") else value

    return wrapper


def corpus_first(fn):
    """Let a function written as ``fn(thing, path=None, ...)`` also be called ``fn(corpus, thing, ...)``.

    The kit's helpers take the corpus first (``helpers.kwic(corpus, "ceasefire")``); a few older ones
    took the word or article id first and the folder after it. With this decorator both orders work:
    a first argument that is a :class:`Corpus`, a ``pathlib.Path`` or ``None`` is the corpus.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if args and (isinstance(args[0], (Corpus, Path)) or args[0] is None):
            kwargs["path"] = args[0]
            args = args[1:]
        return fn(*args, **kwargs)

    return wrapper
