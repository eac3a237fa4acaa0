"""The student-side versions of a source notebook: the release, and a filled-in submission.

Used to build example classes (``examples/submissions.py``), the bad-submission corpus and the
tests. ``release_version`` is what nbgrader hands out; ``student_version`` is that release with
every solution filled in, as a student who solved everything would submit it. Wrong or
differently written solutions (example mistakes, mutants, alternatives) are written as an
:data:`Edit` of the reference solution and turned into a cell source by :func:`apply_edit`.
"""

from __future__ import annotations

import copy

from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

from .course import Assignment
from .errors import AutograderError

SOLUTION_DELIMITERS = ("### BEGIN SOLUTION", "### END SOLUTION")

Edit = str | tuple[str, str] | list[tuple[str, str]]


def release_version(nb: NotebookNode, assignment: Assignment) -> NotebookNode:
    """What nbgrader hands out: solutions stubbed, hidden tests removed."""
    nb = copy.deepcopy(nb)
    resources: dict = {}
    for step in (ClearSolutions, ClearHiddenTests):
        nb, resources = step(config=assignment.course.config).preprocess(nb, resources)
    return nb


def student_version(nb: NotebookNode, assignment: Assignment,
                    replacements: dict[str, str] | None = None) -> NotebookNode:
    """A finished student notebook: the release with each solution cell filled in.

    Solutions come from the source (delimiter lines dropped) unless ``replacements`` gives a
    cell's full source by grade_id.
    """
    replacements = replacements or {}
    released = release_version(nb, assignment)
    solutions = solution_sources(nb)
    for cell in released.cells:
        gid = _gid(cell)
        if gid in replacements:
            cell.source = replacements[gid]
        elif gid in solutions:
            cell.source = solutions[gid]
    return released


def solution_sources(nb: NotebookNode) -> dict[str, str]:
    """The source notebook's solution cells by grade_id, delimiter lines dropped (as submitted)."""
    return {_gid(c): "\n".join(ln for ln in c.source.splitlines() if ln.strip() not in SOLUTION_DELIMITERS)
            for c in nb.cells if utils.is_solution(c)}


def apply_edit(source: str, edit: Edit) -> str:
    """An edit of a reference cell as a cell source: a full source, or ``(old, new)`` replacements
    of the reference cell's text (every occurrence; ``old`` must occur)."""
    if isinstance(edit, str):
        return edit
    for old, new in [edit] if isinstance(edit, tuple) else edit:
        if old not in source:
            raise AutograderError(f"edit {old!r} does not match the reference cell")
        source = source.replace(old, new)
    return source


def _gid(cell: NotebookNode) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")
