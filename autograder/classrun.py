"""``autograder autograde``: grade every collected submission of a class into the gradebook.

Submissions are found at ``COURSE/submitted/<student>/<id>/<id>.ipynb`` (nbgrader's layout).
Their time and content hash come from the collection receipts (``autograder collect``), never
from a file inside the submission; lateness is judged by the course's late policy
(:mod:`autograder.deadlines`) when the run records each result.
Workers only execute and judge; this process alone writes the gradebook, so SQLite never sees
concurrent writers. A broken submission never stops the run: it gets a row with its reason.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import nbformat

from .course import Assignment, find_course
from .deadlines import Deadlines
from .errors import AutograderError
from .grade import grade_notebook
from .gradebook import has_assignment, record, set_due_date, stored_result
from .progress import Progress
from .receipts import Receipt, read_receipts, sha256_file
from .results import GradingResult
from .source import SourceInfo, register
from .submission import SubmissionError, load_notebook
from .verdicts import reference_records

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """One submission to grade; plain data so it can travel to another process or host."""

    root: str
    course: str
    assignment_id: str
    student: str
    notebook: str
    sha256: str | None = None  # from the collection receipt, when there is one


def submissions(assignment: Assignment, receipts: dict[str, Receipt] | None = None) -> list[Job]:
    submitted = assignment.course.root / "submitted"
    if not submitted.is_dir():
        return []
    receipts = receipts or {}
    return [
        Job(str(assignment.course.root.parent), assignment.course.name, assignment.id, d.name,
            str(d / assignment.id / f"{assignment.id}.ipynb"),
            receipts[d.name].sha256 if d.name in receipts else None)
        for d in sorted(submitted.iterdir())
        if (d / assignment.id).is_dir()
    ]


def grade_job(job: Job) -> tuple[Job, dict, str | None]:
    """Grade one submission. Runs in a worker; returns plain data (result dict, executed nb)."""
    assignment = find_course(job.course, Path(job.root)).assignment(job.assignment_id)
    path, notes = _find_notebook(Path(job.notebook))
    notes += _receipt_mismatch(path, job.sha256)
    try:
        nb = load_notebook(path, label=str(path.relative_to(assignment.course.root)))
        result, executed = grade_notebook(nb, assignment, assignment.course.db_url, job.student)
        result.errors[:0] = notes
    except AutograderError as e:
        reason = str(e)
        if isinstance(e, SubmissionError) and "no such notebook" in reason:
            reason = f"no {Path(job.notebook).name} in the submission"
        points = SourceInfo.read(assignment).test_points
        result = GradingResult.ungradable(assignment.ref, points, reason)
        result.errors += notes
        return job, result.to_dict(), None
    return job, result.to_dict(), nbformat.writes(executed)


def _receipt_mismatch(path: Path, receipt_sha256: str | None) -> list[str]:
    """A warning when the notebook is not what was collected (edited in submitted/ since)."""
    if receipt_sha256 is None or not path.is_file():
        return []
    found = sha256_file(path)
    if found == receipt_sha256:
        return []
    return [f"the notebook changed after it was collected (sha256 {found[:12]}, receipt "
            f"{receipt_sha256[:12]}): graded as found"]


def _find_notebook(expected: Path) -> tuple[Path, list[str]]:
    """The submitted notebook, tolerating a student who renamed it (when it is the only one)."""
    if expected.exists():
        return expected, []
    others = sorted(expected.parent.glob("*.ipynb")) if expected.parent.is_dir() else []
    if len(others) == 1:
        return others[0], [f"graded {others[0].name}: the notebook was renamed from {expected.name}"]
    return expected, []


def _run_local(jobs: list[Job], workers: int) -> Iterable[tuple[Job, dict, str | None]]:
    if workers <= 1:
        yield from map(grade_job, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = {pool.submit(grade_job, job): job for job in jobs}
        for future in as_completed(futures):
            yield _outcome(futures[future], future.result)


def _run_dask(jobs: list[Job], scheduler: str) -> Iterable[tuple[Job, dict, str | None]]:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise AutograderError("--scheduler needs Dask: pip install distributed") from None
    with Client(scheduler) as client:
        futures = {client.submit(grade_job, job, pure=False): job for job in jobs}
        for future in dask_completed(futures):
            yield _outcome(futures[future], future.result)


def _outcome(job: Job, get: Callable[[], tuple[Job, dict, str | None]]):
    try:
        return get()
    except Exception as e:  # noqa: BLE001 - a worker crash must not stop the class run
        log.warning("grading %s crashed: %s", job.student, e)
        return job, {"assignment": f"{job.course}/{job.assignment_id}", "tests": [],
                     "errors": [f"the grader crashed on this submission: {type(e).__name__}: {e}"]}, None


def autograde(assignment: Assignment, *, workers: int = 2, scheduler: str | None = None,
              force: bool = False) -> str:
    """Grade all submissions of ``assignment`` not yet graded; return a printable summary."""
    if workers < 1:
        raise AutograderError("--workers must be at least 1")
    course = assignment.course
    deadline = Deadlines.from_config(course.config, [a.id for a in course.assignments()]
                                     ).for_assignment(assignment.id)
    if not has_assignment(assignment.course, assignment.id):
        register(assignment, assignment.course.db_url)
    receipts = read_receipts(assignment)
    jobs = submissions(assignment, receipts)
    if not jobs:
        raise AutograderError(
            f"no submissions in {assignment.course.root / 'submitted'}/*/{assignment.id}/: "
            "collect them first (`autograder collect`) or copy them there"
        )
    set_due_date(assignment, deadline.due)

    def judged(result: GradingResult, student: str) -> GradingResult:
        receipt = receipts.get(student)
        result.submission = deadline.judge(student, receipt.collected if receipt else None,
                                           receipt.sha256 if receipt else None)
        return result

    stored = {j.student: stored_result(assignment, j.student) for j in jobs}
    todo = [j for j in jobs if force or stored[j.student] is None
            or (j.sha256 is not None and stored[j.student].submission is not None
                and stored[j.student].submission.sha256 != j.sha256)]  # collected again since
    for job in jobs:  # already graded: the due date, policy or an extension may have changed
        if job not in todo:
            record(assignment, job.student, judged(stored[job.student], job.student), None)
    reference_records(assignment)  # once, here, so that workers find it cached
    points = SourceInfo.read(assignment).test_points
    start = time.monotonic()
    progress = Progress(len(todo), assignment.ref)
    outcomes = _run_dask(todo, scheduler) if scheduler else _run_local(todo, workers)
    for job, data, executed in outcomes:
        result = GradingResult.from_dict(data)
        if not result.tests:
            result = GradingResult.ungradable(assignment.ref, points, "; ".join(result.errors))
        record(assignment, job.student, judged(result, job.student),
               nbformat.reads(executed, as_version=4) if executed else None)
        progress.update(failed=executed is None)
        log.info("%s: %g/%g", job.student, result.score, result.max_score)
    elapsed = time.monotonic() - start
    return (f"{assignment.ref}: graded {len(todo)} of {len(jobs)} submissions "
            f"({len(jobs) - len(todo)} already graded) in {elapsed:.1f} s")
