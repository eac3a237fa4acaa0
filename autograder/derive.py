"""The student-side versions of a source notebook: the release, and a filled-in submission.

Used to build example classes (``examples/submissions.py``), the bad-submission corpus and the
tests. ``release_version`` is what nbgrader hands out; ``student_version`` is that release with
every solution filled in, as a student who solved everything would submit it.
"""

from __future__ import annotations

import copy

from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

from .course import Assignment

SOLUTION_DELIMITERS = ("### BEGIN SOLUTION", "### END SOLUTION")


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
    solutions = {_gid(c): c.source for c in nb.cells if utils.is_solution(c)}
    for cell in released.cells:
        gid = _gid(cell)
        if gid in replacements:
            cell.source = replacements[gid]
        elif gid in solutions:
            lines = solutions[gid].splitlines()
            cell.source = "\n".join(ln for ln in lines if ln.strip() not in SOLUTION_DELIMITERS)
    return released


def _gid(cell: NotebookNode) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")
