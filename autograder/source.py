"""What the grader knows about an assignment's source notebook.

``register`` records the source in an nbgrader gradebook with nbgrader's own preprocessors (the
first half of ``GenerateAssignment``), which is what ``OverwriteCells`` later restores test cells
from. ``SourceInfo`` answers the questions the pipeline asks of the source: which test cells
exist, their points, and what the released (hidden-tests-free) version of each looks like.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import nbformat
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearHiddenTests,
    ClearOutput,
    ClearSolutions,
    ComputeChecksums,
    LockCells,
    SaveCells,
)

from .course import Assignment
from .verdicts import shared_names

# NB: SaveCells must see the notebook after ClearSolutions and before ClearHiddenTests, so the
# gradebook holds test cells *with* their hidden tests (as nbgrader's GenerateAssignment does).
REGISTER_STEPS = (LockCells, ClearSolutions, ClearOutput, CheckCellMetadata, ComputeChecksums, SaveCells)


def resources_for(assignment: Assignment, db_url: str, student: str = ".") -> dict:
    return {
        "nbgrader": {
            "db_url": db_url,
            "assignment": assignment.id,
            "notebook": assignment.id,
            "student": student,
        },
        "metadata": {"path": str(assignment.source_dir)},
    }


def register(assignment: Assignment, db_url: str) -> None:
    """Record the assignment's source notebook in the gradebook at ``db_url``."""
    nb = nbformat.read(assignment.source_notebook, as_version=4)
    resources = resources_for(assignment, db_url)
    with Gradebook(db_url) as gb:
        gb.update_or_create_assignment(assignment.id)
    for step in REGISTER_STEPS:
        nb, resources = step(config=assignment.course.config).preprocess(nb, resources)


@dataclass(frozen=True)
class SourceInfo:
    """The graded cells of a source notebook, keyed by grade_id, in notebook order."""

    test_points: dict[str, float]
    released_tests: dict[str, str]
    solution_ids: tuple[str, ...]
    shared: dict[str, set[str]]  # per test cell, the names other cells read (verdicts.shared_names)

    @classmethod
    def read(cls, assignment: Assignment) -> SourceInfo:
        return cls.from_notebook(nbformat.read(assignment.source_notebook, as_version=4),
                                 assignment)

    @classmethod
    def from_notebook(cls, nb: NotebookNode, assignment: Assignment) -> SourceInfo:
        released, _ = ClearHiddenTests(config=assignment.course.config).preprocess(
            copy.deepcopy(nb), {}
        )
        points, tests, solutions = {}, {}, []
        for cell in released.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if utils.is_grade(cell) and cell.cell_type == "code":
                points[grade_id] = float(cell.metadata.nbgrader["points"])
                tests[grade_id] = cell.source
            elif utils.is_solution(cell):
                solutions.append(grade_id)
        return cls(points, tests, tuple(solutions), shared_names(nb))

    @property
    def max_score(self) -> float:
        return sum(self.test_points.values())
