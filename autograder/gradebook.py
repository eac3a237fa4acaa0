"""Step 5 of grading: record results in nbgrader's gradebook, and read them back for reports.

Scores are written through nbgrader's own ``Gradebook`` API, so formgrader, ``nbgrader export``
and manual grading see them as usual. Our verdict (not nbgrader's output-sniffing
``determine_grade``) decides the auto score: a warning printed to stderr by a correct solution
must not cost points. The full :class:`GradingResult`, with messages and reasons, is stored
beside the autograded notebook as ``autograder.json``.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy.exc import SAWarning

from .course import Assignment, Course
from .results import GradingResult

RESULT_FILE = "autograder.json"


def autograded_dir(assignment: Assignment, student: str) -> Path:
    return assignment.course.root / "autograded" / student / assignment.id


def has_assignment(course: Course, assignment_id: str) -> bool:
    with Gradebook(course.db_url) as gb:
        try:
            gb.find_assignment(assignment_id)
        except MissingEntry:
            return False
    return True


def record(assignment: Assignment, student: str, result: GradingResult,
           executed: NotebookNode | None) -> None:
    """Store ``result`` for ``student`` in the course gradebook and the autograded folder."""
    with Gradebook(assignment.course.db_url) as gb, warnings.catch_warnings():
        # nbgrader's add_submission trips SQLAlchemy autoflush warnings; harmless, and not ours
        warnings.simplefilter("ignore", SAWarning)
        gb.update_or_create_student(student)
        gb.update_or_create_submission(assignment.id, student)
        for test in result.tests:
            try:
                grade = gb.find_grade(test.grade_id, assignment.id, assignment.id, student)
            except MissingEntry:
                continue  # a test added to the source after release: re-release to record it
            grade.auto_score = test.score
            grade.needs_manual_grade = False
        gb.db.commit()
    out = autograded_dir(assignment, student)
    out.mkdir(parents=True, exist_ok=True)
    if executed is not None:
        nbformat.write(executed, out / f"{assignment.id}.ipynb")
    (out / RESULT_FILE).write_text(json.dumps(result.to_dict(), indent=2) + "\n")


def stored_result(assignment: Assignment, student: str) -> GradingResult | None:
    path = autograded_dir(assignment, student) / RESULT_FILE
    if not path.is_file():
        return None
    return GradingResult.from_dict(json.loads(path.read_text()))


@dataclass(frozen=True)
class Row:
    """One line of the gradebook: a student's score on an assignment."""

    student: str
    assignment: str
    score: float
    max_score: float
    reason: str


def rows(course: Course) -> list[Row]:
    """Every submission of every assignment in the course gradebook, sorted."""
    out = []
    with Gradebook(course.db_url) as gb:
        for assignment in sorted(gb.assignments, key=lambda a: a.name):
            for submission in assignment.submissions:
                student = submission.student.id
                result = stored_result(Assignment(course, assignment.name), student)
                reason = "; ".join(result.errors) if result else ""
                out.append(Row(student, assignment.name, float(submission.score),
                               float(submission.max_score), reason))
    return sorted(out, key=lambda r: (r.assignment, r.student))


def pass_rates(course: Course) -> dict[str, dict[str, float]]:
    """Per assignment, per graded function: the fraction of submissions with full marks."""
    rates: dict[str, dict[str, float]] = {}
    with Gradebook(course.db_url) as gb:
        for assignment in sorted(gb.assignments, key=lambda a: a.name):
            counts: dict[str, list[int]] = {}
            for submission in assignment.submissions:
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.max_score == 0 or grade.cell_type != "code":
                            continue
                        full = grade.score is not None and grade.score >= grade.max_score
                        counts.setdefault(grade.name.removesuffix("_tests"), []).append(int(full))
            rates[assignment.name] = {f: sum(v) / len(v) for f, v in counts.items()}
    return rates
