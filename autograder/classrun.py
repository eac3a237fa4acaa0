"""``autograder autograde``: grade every collected submission of a class into the gradebook.

Submissions are found at ``COURSE/submitted/<student>/<id>/<id>.ipynb`` (nbgrader's layout).
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
from .errors import AutograderError
from .grade import grade_notebook
from .gradebook import has_assignment, record, stored_result
from .progress import Progress
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


def submissions(assignment: Assignment) -> list[Job]:
    submitted = assignment.course.root / "submitted"
    if not submitted.is_dir():
        return []
    return [
        Job(str(assignment.course.root.parent), assignment.course.name, assignment.id, d.name,
            str(d / assignment.id / f"{assignment.id}.ipynb"))
        for d in sorted(submitted.iterdir())
        if (d / assignment.id).is_dir()
    ]


def grade_job(job: Job) -> tuple[Job, dict, str | None]:
    """Grade one submission. Runs in a worker; returns plain data (result dict, executed nb)."""
    assignment = find_course(job.course, Path(job.root)).assignment(job.assignment_id)
    try:
        path, notes = _find_notebook(Path(job.notebook))
        nb = load_notebook(path, label=str(path.relative_to(assignment.course.root)))
        result, executed = grade_notebook(nb, assignment, assignment.course.db_url, job.student)
        result.errors[:0] = notes
    except AutograderError as e:
        reason = str(e)
        if isinstance(e, SubmissionError) and "no such notebook" in reason:
            reason = f"no {Path(job.notebook).name} in the submission"
        points = SourceInfo.read(assignment).test_points
        return job, GradingResult.ungradable(assignment.ref, points, reason).to_dict(), None
    return job, result.to_dict(), nbformat.writes(executed)


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
    if not has_assignment(assignment.course, assignment.id):
        register(assignment, assignment.course.db_url)
    jobs = submissions(assignment)
    if not jobs:
        raise AutograderError(
            f"no submissions in {assignment.course.root / 'submitted'}/*/{assignment.id}/: "
            "collect them first (nbgrader collect) or copy them there"
        )
    todo = [j for j in jobs if force or stored_result(assignment, j.student) is None]
    reference_records(assignment)  # once, here, so that workers find it cached
    points = SourceInfo.read(assignment).test_points
    start = time.monotonic()
    progress = Progress(len(todo), assignment.ref)
    outcomes = _run_dask(todo, scheduler) if scheduler else _run_local(todo, workers)
    for job, data, executed in outcomes:
        result = GradingResult.from_dict(data)
        if not result.tests:
            result = GradingResult.ungradable(assignment.ref, points, "; ".join(result.errors))
        record(assignment, job.student, result,
               nbformat.reads(executed, as_version=4) if executed else None)
        progress.update(failed=executed is None)
        log.info("%s: %g/%g", job.student, result.score, result.max_score)
    elapsed = time.monotonic() - start
    return (f"{assignment.ref}: graded {len(todo)} of {len(jobs)} submissions "
            f"({len(jobs) - len(todo)} already graded) in {elapsed:.1f} s")
