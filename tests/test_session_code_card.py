"""Every ``helpers.`` call written in docs/*.md and on the printed paper runs against the current API.

The code card is handed to students: a call that raises a TypeError in front of the class is a bug.
Each call found in a code span or a code block is checked to name a function that exists and to bind
to its signature (``inspect.signature(f).bind``); the read-only calls of the code card are also run.
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

import helpers  # noqa: E402

DOCS = sorted((REPO / "docs").glob("*.md"))
CARD = REPO / "docs" / "code-card.md"
_FENCED = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
# calls that write files, open widgets or need a participant folder: bound, not run
_NOT_RUN = {
    "coding_form",
    "agreement",
    "show_disagreements",
    "participant_notes",
    "write_template",
    "collect_pasted",
    "annotation_template",
}


class _Any:
    """A stand-in for an argument the text names but does not spell out (``corpus``, ``folder``)."""


def code_pieces(text: str) -> list[str]:
    """The Python in a Markdown text: fenced blocks (line by line if needed) and inline code spans."""
    pieces: list[str] = []
    for block in _FENCED.findall(text):
        pieces.append(block)
        pieces.extend(block.splitlines())
    rest = _FENCED.sub("", text).replace("\\|", "|")
    pieces.extend(_SPAN.findall(rest))
    return [p for p in pieces if "helpers." in p]


def helpers_calls(text: str) -> list[ast.Call]:
    """Every ``helpers.NAME(...)`` call in the Python of a Markdown text (unparsable pieces skipped)."""
    calls, seen = [], set()
    for piece in code_pieces(text):
        try:
            tree = ast.parse(piece.split("  #")[0].strip() if "\n" not in piece else piece)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "helpers"
            ):
                key = ast.unparse(node)
                if key not in seen:
                    seen.add(key)
                    calls.append(node)
    return calls


def _value(node: ast.AST):
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return _Any()


def binding_problem(call: ast.Call) -> str | None:
    """Why ``call`` does not fit the current helpers API, or None."""
    name = call.func.attr
    func = getattr(helpers, name, None)
    if func is None:
        return f"helpers has no {name!r}"
    if not callable(func):
        return f"helpers.{name} is not callable"
    args = [_value(a) for a in call.args if not isinstance(a, ast.Starred)]
    kwargs = {k.arg: _value(k.value) for k in call.keywords if k.arg}
    try:
        inspect.signature(func).bind(*args, **kwargs)
    except TypeError as err:
        return f"{ast.unparse(call)}: {err}"
    return None


def _paper_texts(out_dir: Path) -> dict[str, str]:
    import make_paper

    return {f"paper/{f.name}": f.read_text(encoding="utf-8") for f in make_paper.build(out_dir)}


def test_the_checker_catches_a_call_that_does_not_bind():
    """The old code-card line, without the corpus, is reported; the fixed one is not."""
    bad = helpers_calls('`helpers.lexicon_kwic("war_name")`')
    good = helpers_calls('`helpers.lexicon_kwic(corpus, "war_name")`')
    assert len(bad) == 1 and "concept" in binding_problem(bad[0])
    assert binding_problem(good[0]) is None
    assert "no 'no_such_function'" in binding_problem(helpers_calls("`helpers.no_such_function(1)`")[0])


def test_the_code_card_has_the_calls_it_teaches():
    names = {c.func.attr for c in helpers_calls(CARD.read_text(encoding="utf-8"))}
    assert {"open_corpus", "kwic", "lexicon_kwic", "outlet_profile", "speakers_in", "agreement"} <= names


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_helpers_call_in_the_docs_binds(doc):
    problems = [p for c in helpers_calls(doc.read_text(encoding="utf-8")) if (p := binding_problem(c))]
    assert not problems, f"{doc.name}: {problems}"


def test_every_helpers_call_on_paper_binds(tmp_path):
    import html as _html

    problems, texts = [], _paper_texts(tmp_path)
    assert "paper/code-card.html" in texts
    for name, text in texts.items():
        plain = _html.unescape(re.sub(r"<code>(.*?)</code>", r"`\1`", text, flags=re.DOTALL))
        problems += [f"{name}: {p}" for c in helpers_calls(plain) if (p := binding_problem(c))]
    assert not problems, problems


def test_the_code_cards_read_only_calls_run():
    """Run each call of the card that only reads the corpus, as a student would after opening it."""
    corpus = helpers.open_corpus()
    failures = []
    for call in helpers_calls(CARD.read_text(encoding="utf-8")):
        if call.func.attr in _NOT_RUN:
            continue
        code = ast.unparse(call)
        try:
            eval(compile(ast.Expression(call), "<code card>", "eval"), {"helpers": helpers, "corpus": corpus})
        except Exception as err:  # noqa: BLE001 - report every failing line at once
            failures.append(f"{code}: {type(err).__name__}: {err}")
    assert not failures, failures
