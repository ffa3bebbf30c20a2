"""List what is specific to the case study (article ids, outlets, people, 2025 dates) in kit/ code.

Everything specific to the Istanbul talks and these outlets belongs in data/; the code in kit/ must
work the same on any corpus. Docstrings and comments may name the case (examples), code may not.

Usage: ``python tools/case_in_code.py [kit/module.py ...]`` prints one line per hit and exits 1 if any.
"""

from __future__ import annotations

import ast
import csv
import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def case_terms() -> list[str]:
    """Article ids, outlets and speakers' names of the kit's corpus."""
    terms = set()
    with open(DATA / "articles.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            terms.update({row["article_id"], row["outlet"]})
    with open(DATA / "annotations" / "speakers.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["speaker_type"] in {
                "head_of_state_or_government",
                "minister",
                "spokesperson",
                "negotiator",
                "legislator",
                "academic_expert",
                "vice_president",
            }:
                terms.add(row["canonical_name"].split()[-1])
    return sorted(t for t in terms if len(t) > 3)


def _docstring_lines(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = getattr(node, "body", [])
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                lines.update(range(body[0].lineno, body[0].end_lineno + 1))
    return lines


def hits(path: Path, terms: list[str]) -> list[str]:
    source = path.read_text(encoding="utf-8")
    skip = _docstring_lines(ast.parse(source))
    pattern = re.compile(r"2025-\d\d|\b2025\b|" + "|".join(re.escape(t) for t in terms))
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE) or tok.start[0] in skip:
            continue
        m = pattern.search(tok.string)
        if m:
            out.append(f"{shown}:{tok.start[0]}: {m.group(0)!r} in {tok.string[:60]!r}")
    return out


def main(argv: list[str]) -> int:
    files = [Path(a).resolve() for a in argv] or sorted((ROOT / "kit").glob("*.py"))
    terms = case_terms()
    found = [h for f in files for h in hits(f, terms)]
    print("\n".join(found) or "no case-specific names in code")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
