"""Step 5 of grading: record results in nbgrader's gradebook, and read them back for reports.

Scores are written through nbgrader's own ``Gradebook`` API, so formgrader, ``nbgrader export``
and manual grading see them as usual. Our verdict (not nbgrader's output-sniffing
``determine_grade``) decides the auto score: a warning printed to stderr by a correct solution
must not cost points. The full :class:`GradingResult`, with messages and reasons, is stored
beside the autograded notebook as ``autograder.json``. The gradebook is wherever
:attr:`Course.db_url` says (SQLite in the course folder by default, or a PostgreSQL server);
writes are idempotent upserts, so several grading hosts can share one server. A class run's
submission time, extension and late penalty go to nbgrader's own fields
(``SubmittedAssignment.timestamp`` / ``extension``, ``SubmittedNotebook.late_submission_penalty``;
the due date on ``Assignment.duedate``).
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader.api import Gradebook, InvalidEntry, MissingEntry
from nbgrader.utils import parse_utc
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SAWarning

from .course import Assignment, Course
from .results import GradingResult

RESULT_FILE = "autograder.json"
WRITE_ATTEMPTS = 5  # races on the course, student and submission rows, one each, then one to spare


def autograded_dir(assignment: Assignment, student: str) -> Path:
    return assignment.course.root / "autograded" / student / assignment.id


def concurrent_writers(db_url: str) -> bool:
    """Whether many processes and hosts may write this gradebook at once: a database server
    (PostgreSQL, MySQL), not an SQLite file."""
    return make_url(db_url).get_backend_name() != "sqlite"


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
    record_grades(assignment.course.db_url, assignment.id, student, result)
    write_result_files(assignment, student, result, executed)


def record_grades(db_url: str, assignment_id: str, student: str, result: GradingResult) -> None:
    """Write ``result``'s scores (and lateness) for ``student`` into the gradebook at ``db_url``.

    Idempotent: nbgrader keeps one submission per (assignment, student) and one grade per cell
    (unique constraints), and this updates them in place. Two writers racing to create the same
    student or submission (a regrade on another host) make one of them fail the constraint; it
    retries and then finds the other's rows, so neither a retry nor a race duplicates a row.
    """
    for attempt in range(WRITE_ATTEMPTS):
        try:
            _write_grades(db_url, assignment_id, student, result)
            return
        except (InvalidEntry, IntegrityError):
            if attempt == WRITE_ATTEMPTS - 1:
                raise


def _write_grades(db_url: str, assignment_id: str, student: str, result: GradingResult) -> None:
    with Gradebook(db_url) as gb, warnings.catch_warnings():
        # nbgrader's add_submission trips SQLAlchemy autoflush warnings; harmless, and not ours
        warnings.simplefilter("ignore", SAWarning)
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(assignment_id, student)
        for test in result.tests:
            try:
                grade = gb.find_grade(test.grade_id, assignment_id, assignment_id, student)
            except MissingEntry:
                continue  # a test added to the source after release: re-release to record it
            grade.auto_score = test.score
            grade.needs_manual_grade = False
        if result.submission is not None:
            _record_lateness(gb, submission, result)
        gb.db.commit()


def write_result_files(assignment: Assignment, student: str, result: GradingResult,
                       executed: NotebookNode | None) -> None:
    """The executed notebook and the full result beside it, under ``autograded/``."""
    out = autograded_dir(assignment, student)
    out.mkdir(parents=True, exist_ok=True)
    if executed is not None:
        nbformat.write(executed, out / f"{assignment.id}.ipynb")
    (out / RESULT_FILE).write_text(json.dumps(result.to_dict(), indent=2) + "\n")


def _record_lateness(gb: Gradebook, submission, result: GradingResult) -> None:
    """Timestamp and extension on nbgrader's SubmittedAssignment, the penalty on its notebook,
    so that nbgrader's ``total_seconds_late``, export and formgrader agree with ours."""
    info = result.submission
    submission.timestamp = parse_utc(info.timestamp) if info.timestamp else None
    submission.extension = timedelta(hours=info.extension_hours) if info.extension_hours else None
    for notebook in submission.notebooks:
        notebook.late_submission_penalty = result.penalty or None


def set_due_date(assignment: Assignment, due: datetime | None) -> None:
    """Store (or clear) the assignment's due date in the gradebook (naive UTC, as nbgrader)."""
    with Gradebook(assignment.course.db_url) as gb:
        gb.update_or_create_assignment(assignment.id, duedate=due)


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
    score: float  # before the late penalty (nbgrader's raw score)
    max_score: float
    reason: str
    timestamp: str = ""  # collection time (UTC) from the receipt
    hours_late: float = 0.0
    penalty: float = 0.0  # points taken off for lateness
    final_score: float = 0.0  # score after the penalty
    sha256: str = ""  # of the notebook as collected


def rows(course: Course) -> list[Row]:
    """Every submission of every assignment in the course gradebook, sorted."""
    out = []
    with Gradebook(course.db_url) as gb:
        for assignment in sorted(gb.assignments, key=lambda a: a.name):
            for submission in assignment.submissions:
                student = submission.student.id
                result = stored_result(Assignment(course, assignment.name), student)
                info = result.submission if result else None
                notes = (result.errors if result else []) + ([info.note] if info and info.note else [])
                score, penalty = float(submission.score), float(submission.late_submission_penalty)
                timestamp = submission.timestamp
                out.append(Row(student, assignment.name, score, float(submission.max_score),
                               "; ".join(notes),
                               timestamp.isoformat(timespec="seconds") + "+00:00" if timestamp else "",
                               round(submission.total_seconds_late / 3600, 2), penalty,
                               max(0.0, score - penalty), (info.sha256 or "") if info else ""))
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
