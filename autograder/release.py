"""``autograder release``: build student versions with nbgrader, then prove they leak nothing.

Steps, in order: validate the source's delimiters (fail closed), run nbgrader's
``generate_assignment`` (which also records the assignment in the course gradebook), strip
widget state, then search the release for solution code, hidden tests and leftover outputs. A
release that fails the last step is deleted, so a leaking notebook is never left to hand out.
"""

from __future__ import annotations

import hashlib
import shutil

import nbformat

from .course import Assignment
from .delimiters import delimiter_problems
from .errors import AutograderError
from .leaks import find_leaks, public_lines
from .nbgrader_api import check, nbgrader_api


def release(assignment: Assignment) -> None:
    """Build ``assignment``'s release folder; raise :class:`AutograderError` on any problem."""
    source = nbformat.read(assignment.source_notebook, as_version=4)
    problems = delimiter_problems(source)
    if problems:
        raise AutograderError(f"{assignment.ref}: fix the source first: " + "; ".join(problems))

    before = _digest(assignment)
    check(nbgrader_api(assignment.course).generate_assignment(assignment.id, force=True),
          f"generate the release of {assignment.ref}")
    if _digest(assignment) != before:
        raise AutograderError(f"{assignment.ref}: the source notebook changed while releasing")

    release_nb = nbformat.read(assignment.release_notebook, as_version=4)
    if release_nb.metadata.pop("widgets", None) is not None:
        nbformat.write(release_nb, assignment.release_notebook)

    leaks = find_leaks(source, assignment.release_dir, public_lines(assignment.source_dir))
    if leaks:
        shutil.rmtree(assignment.release_dir)
        raise AutograderError(f"{assignment.ref}: the release leaked and was deleted: " + "; ".join(leaks))


def _digest(assignment: Assignment) -> str:
    return hashlib.sha256(assignment.source_notebook.read_bytes()).hexdigest()
