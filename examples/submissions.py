"""Generate a class of example submissions for an assignment, from its source notebook.

Each student is a scenario the grader must handle:

- ``perfect``: every solution filled in as in the source; full marks.
- ``partial``: some functions replaced by realistic mistakes from ``examples/mistakes``.
- ``broken``: the imports cell has a syntax error, one test cell deleted and another edited to
  print a fake success message; zero, with the reasons recorded.
- ``corrupt``: the file is truncated mid-JSON; a gradebook row with the reason.
- ``untouched``: the release as handed out; zero, without crashing the grader.

Usage: ``python -m examples.submissions course1 [ID ...]`` writes
``course1/submitted/<student>/<id>/<id>.ipynb``.
"""

from __future__ import annotations

import argparse
import copy
import importlib
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader import utils

from autograder.course import Assignment, find_course
from autograder.derive import apply_edit, release_version, solution_sources, student_version


def mistakes_for(assignment: Assignment) -> dict[str, str]:
    """The hand-written wrong solutions for an assignment, keyed by grade_id, as full cell sources
    (``MISTAKES`` entries may be edits of the source notebook's solutions)."""
    name = f"examples.mistakes.{assignment.course.name}_{assignment.id}"
    try:
        mistakes = importlib.import_module(name).MISTAKES
    except ModuleNotFoundError:
        return {}
    solutions = solution_sources(nbformat.read(assignment.source_notebook, as_version=4))
    return {gid: apply_edit(solutions[gid], edit) for gid, edit in mistakes.items()}


def scenarios(assignment: Assignment) -> dict[str, str]:
    """Student name -> file text, for every scenario."""
    source = nbformat.read(assignment.source_notebook, as_version=4)
    perfect = student_version(source, assignment)
    out = {"perfect": nbformat.writes(perfect)}
    mistakes = mistakes_for(assignment)
    if mistakes:
        out["partial"] = nbformat.writes(student_version(source, assignment, mistakes))
    out["broken"] = nbformat.writes(_broken(perfect))
    out["corrupt"] = out["perfect"][: len(out["perfect"]) // 2]
    out["untouched"] = nbformat.writes(release_version(source, assignment))
    return out


def _broken(nb: NotebookNode) -> NotebookNode:
    nb = copy.deepcopy(nb)
    imports = next(c for c in nb.cells if c.cell_type == "code" and not _gid(c))
    imports.source = "imprt numpy as np\n" + imports.source
    tests = [c for c in nb.cells if utils.is_grade(c)]
    if len(tests) >= 2:
        tests[-1].source = 'print("All tests passed.")'
        nb.cells.remove(tests[0])
    return nb


def _gid(cell: NotebookNode) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def write_class(assignment: Assignment) -> list[Path]:
    paths = []
    for student, text in scenarios(assignment).items():
        path = assignment.course.root / "submitted" / student / assignment.id / f"{assignment.id}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("course")
    parser.add_argument("ids", nargs="*", help="assignment ids (default: all of the course)")
    args = parser.parse_args(argv)
    course = find_course(args.course)
    for assignment in [course.assignment(i) for i in args.ids] or course.assignments():
        for path in write_class(assignment):
            print(path)


if __name__ == "__main__":
    main()
