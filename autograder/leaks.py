"""Prove that a release holds no solution code, no hidden test and no leftover state.

A *secret line* is a non-trivial line inside a solution or hidden-test block of the source that
does not also appear outside those blocks (a line the released text legitimately shares, such
as a function signature, is not secret). Every text file of the release is searched for secret
lines and delimiters; release notebooks must also carry no outputs, execution counts or widget
state.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode

from .delimiters import EXACT, HIDDEN, SOLUTION

MIN_SECRET_LENGTH = 6  # non-space characters; shorter lines (`pass`, `s = 0`) prove nothing


def secret_lines(nb: NotebookNode, *, hidden_only: bool = False) -> set[str]:
    """Lines of ``nb``'s solution and hidden-test blocks (only the latter if ``hidden_only``)."""
    opening = (HIDDEN[0],) if hidden_only else (SOLUTION[0], HIDDEN[0])
    inside, outside = set(), set()
    for cell in nb.cells:
        block = None
        for line in cell.source.splitlines():
            stripped = line.strip()
            if stripped in opening:
                block = stripped
            elif stripped in (SOLUTION[1], HIDDEN[1]):
                block = None
            elif block:
                inside.add(stripped)
            else:
                outside.add(stripped)
    return {
        line for line in inside - outside
        if len(line.replace(" ", "")) >= MIN_SECRET_LENGTH and not line.startswith("#")
    }


def public_lines(source_dir: Path) -> set[str]:
    """Stripped lines of the assignment's other text files (helper modules the release ships):
    the instructor publishes them, so a hidden test sharing a line with them leaks nothing."""
    lines = set()
    for path in source_dir.rglob("*"):
        if path.is_file() and path.suffix != ".ipynb":
            try:
                lines |= {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()}
            except UnicodeDecodeError:
                continue
    return lines


def find_leaks(source: NotebookNode, release_dir: Path, public: set[str] = frozenset()) -> list[str]:
    """Every leak found in ``release_dir`` for the given source notebook.

    ``public`` lines (see :func:`public_lines`) are never counted as secret.
    """
    secrets = secret_lines(source) - public
    leaks = []
    for path in sorted(p for p in release_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(release_dir)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if path.suffix == ".ipynb":
            nb = nbformat.reads(text, as_version=4)
            leaks += [f"{rel}: {problem}" for problem in _state_problems(nb)]
            lines = [ln.strip() for cell in nb.cells for ln in cell.source.splitlines()]
        else:
            lines = [ln.strip() for ln in text.splitlines()]
        for line in lines:
            if line in EXACT:
                leaks.append(f"{rel}: still contains the delimiter '{line}'")
            elif line in secrets:
                leaks.append(f"{rel}: contains solution or hidden-test code: {line!r}")
    return leaks


def _state_problems(nb: NotebookNode) -> list[str]:
    problems = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
            problems.append(f"cell {index} still has outputs or an execution count")
    if "widgets" in nb.metadata:
        problems.append("notebook metadata still holds widget state")
    return problems
