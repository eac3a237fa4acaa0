"""Fail-closed validation of the solution and hidden-test delimiters in a source notebook.

nbgrader silently ignores a misspelled delimiter (``### BEGIN SOLUTON``), which would publish the
solution in the release. Before a release is built, every line that looks like a delimiter must
be exactly one, pairs must balance and not nest, and each kind must sit in the right kind of cell.
"""

from __future__ import annotations

import re

from nbformat import NotebookNode
from nbgrader import utils

SOLUTION = ("### BEGIN SOLUTION", "### END SOLUTION")
HIDDEN = ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
EXACT = {*SOLUTION, *HIDDEN}

# Anything that resembles a delimiter: some '#', BEGIN/END, and a word starting like SOLUTION or
# HIDDEN, in any case and spacing (also catches typos such as "SOLUTON" or "HIDEN TEST").
LOOKALIKE = re.compile(r"^\s*#+\s*(begin|end)\s*(sol|hid)\w*(\s+\w+)?\s*$", re.IGNORECASE)


def delimiter_problems(nb: NotebookNode) -> list[str]:
    """Every problem with the delimiters of ``nb``, as ``cell N (grade_id): what`` lines."""
    problems = []
    for index, cell in enumerate(nb.cells, start=1):
        label = _label(index, cell)
        open_pair: tuple[str, str] | None = None
        for lineno, line in enumerate(cell.source.splitlines(), start=1):
            stripped = line.strip()
            if stripped not in EXACT:
                if LOOKALIKE.match(line):
                    problems.append(f"{label}, line {lineno}: '{stripped}' is not a delimiter; "
                                    f"write exactly one of {sorted(EXACT)}")
                continue
            pair = SOLUTION if stripped in SOLUTION else HIDDEN
            if stripped == pair[0]:
                if open_pair:
                    problems.append(f"{label}, line {lineno}: '{stripped}' inside an open "
                                    f"'{open_pair[0]}' block")
                open_pair = pair
                problems += _placement(label, lineno, cell, pair)
            elif open_pair != pair:
                problems.append(f"{label}, line {lineno}: '{stripped}' without a matching '{pair[0]}'")
            else:
                open_pair = None
        if open_pair:
            problems.append(f"{label}: '{open_pair[0]}' is never closed by '{open_pair[1]}'")
    return problems


def _placement(label: str, lineno: int, cell: NotebookNode, pair: tuple[str, str]) -> list[str]:
    if pair is SOLUTION and not utils.is_solution(cell):
        return [f"{label}, line {lineno}: solution delimiters in a cell that is not a solution cell"]
    if pair is HIDDEN and not utils.is_grade(cell):
        return [f"{label}, line {lineno}: hidden-test delimiters in a cell that is not a test cell"]
    return []


def _label(index: int, cell: NotebookNode) -> str:
    gid = cell.metadata.get("nbgrader", {}).get("grade_id")
    return f"cell {index} ({gid})" if gid else f"cell {index}"
