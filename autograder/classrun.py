"""``autograder autograde``: grade every collected submission of a class into the gradebook.

Submissions are found at ``COURSE/submitted/<student>/<id>/<id>.ipynb`` (nbgrader's layout).
Their time and content hash come from the collection receipts (``autograder collect``), never
from a file inside the submission; lateness is judged by the course's late policy
(:mod:`autograder.deadlines`) when the run records each result.
A broken submission never stops the run: it gets a row with its reason.

Who writes what: on SQLite (the default) workers only execute and judge, and this process alone
writes the gradebook, so SQLite never sees concurrent writers. On a database server
(``$AUTOGRADER_DB_URL``, e.g. PostgreSQL) each worker writes its submission's grades itself, the
moment it is graded, so a run survives the loss of this process too. Either way this process
writes the files under ``autograded/``: workers on other hosts need the course files read-only.

Each submission is graded once: it is one task, keyed by course, assignment, student and the
collected notebook's hash, so the scheduler runs it on one worker at a time and a second client
submitting the same key shares it. A worker that dies mid-task has its task rerun on another
worker (Dask's own retry); the gradebook write is an idempotent upsert
(:func:`autograder.gradebook.record_grades`), so a rerun or a race can never add a second row.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import nbformat

from .course import Assignment, find_course
from .deadlines import Deadline, Deadlines
from .errors import AutograderError
from .grade import grade_notebook
from .gradebook import (
    concurrent_writers,
    has_assignment,
    record,
    record_grades,
    set_due_date,
    stored_result,
    write_result_files,
)
from .kernel import prefetch
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
    collected: str | None = None  # the receipt's collection time (ISO 8601 UTC)
    db_url: str = ""  # the gradebook, as resolved by the client: workers never resolve their own
    record: bool = False  # the worker writes its grades into the gradebook (a database server)

    @property
    def key(self) -> str:
        """The task's name on a Dask cluster: one task per collected notebook."""
        return f"autograde-{self.course}/{self.assignment_id}/{self.student}-{(self.sha256 or '')[:16]}"


@dataclass(frozen=True)
class Graded:
    """What a worker hands back: the judged result, the executed notebook, whether it recorded."""

    job: Job
    result: dict
    executed: str | None
    recorded: bool = False


def submissions(assignment: Assignment, receipts: dict[str, Receipt] | None = None) -> list[Job]:
    submitted = assignment.course.root / "submitted"
    if not submitted.is_dir():
        return []
    receipts = receipts or {}
    db_url = assignment.course.db_url
    return [
        Job(str(assignment.course.root.parent), assignment.course.name, assignment.id, d.name,
            str(d / assignment.id / f"{assignment.id}.ipynb"),
            receipts[d.name].sha256 if d.name in receipts else None,
            receipts[d.name].collected if d.name in receipts else None,
            db_url, concurrent_writers(db_url))
        for d in sorted(submitted.iterdir())
        if (d / assignment.id).is_dir()
    ]


def deadline_of(assignment: Assignment) -> Deadline:
    course = assignment.course
    return Deadlines.from_config(course.config, [a.id for a in course.assignments()]
                                 ).for_assignment(assignment.id)


def grade_job(job: Job) -> Graded:
    """Grade one submission and judge its lateness; runs in a worker, returns plain data.

    With ``job.record`` the worker writes the grades into the gradebook before returning.
    """
    assignment = find_course(job.course, Path(job.root)).assignment(job.assignment_id)
    result, executed = _grade(job, assignment)
    prefetch(assignment)  # the next submission's kernel boots while this one is recorded
    result.submission = deadline_of(assignment).judge(job.student, job.collected, job.sha256)
    if job.record:
        record_grades(job.db_url, job.assignment_id, job.student, result)
    return Graded(job, result.to_dict(), executed, job.record)


def _grade(job: Job, assignment: Assignment) -> tuple[GradingResult, str | None]:
    path, notes = _find_notebook(Path(job.notebook))
    notes += _receipt_mismatch(path, job.sha256)
    try:
        nb = load_notebook(path, label=str(path.relative_to(assignment.course.root)))
        result, executed = grade_notebook(nb, assignment, job.db_url, job.student)
        result.errors[:0] = notes
    except AutograderError as e:
        reason = str(e)
        if isinstance(e, SubmissionError) and "no such notebook" in reason:
            reason = f"no {Path(job.notebook).name} in the submission"
        points = SourceInfo.read(assignment).test_points
        result = GradingResult.ungradable(assignment.ref, points, reason)
        result.errors += notes
        return result, None
    return result, nbformat.writes(executed)


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


def _run_local(jobs: list[Job], workers: int) -> Iterable[Graded | Crash]:
    if workers <= 1:
        yield from (_outcome(job, functools.partial(grade_job, job)) for job in jobs)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = {pool.submit(grade_job, job): job for job in jobs}
        for future in as_completed(futures):
            yield _outcome(futures[future], future.result)


def _run_dask(jobs: list[Job], scheduler: str) -> Iterable[Graded | Crash]:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise AutograderError("--scheduler needs Dask: pip install distributed") from None
    with Client(scheduler) as client:
        futures = {client.submit(grade_job, job, key=job.key): job for job in jobs}
        for future in dask_completed(futures):
            yield _outcome(futures[future], future.result)
            future.release()  # done with it: the scheduler may forget the result


@dataclass(frozen=True)
class Crash:
    """A submission whose task failed outright (the grader itself broke, or its workers kept dying)."""

    job: Job
    reason: str


def _outcome(job: Job, get: Callable[[], Graded]) -> Graded | Crash:
    try:
        return get()
    except Exception as e:  # noqa: BLE001 - a worker crash must not stop the class run
        log.warning("grading %s crashed: %s", job.student, e)
        return Crash(job, f"the grader crashed on this submission: {type(e).__name__}: {e}")


def autograde(assignment: Assignment, *, workers: int = 2, scheduler: str | None = None,
              force: bool = False) -> str:
    """Grade all submissions of ``assignment`` not yet graded; return a printable summary."""
    if workers < 1:
        raise AutograderError("--workers must be at least 1")
    deadline = deadline_of(assignment)
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

    def judged(result: GradingResult, job: Job) -> GradingResult:
        result.submission = deadline.judge(job.student, job.collected, job.sha256)
        return result

    stored = {j.student: stored_result(assignment, j.student) for j in jobs}
    todo = [j for j in jobs if force or stored[j.student] is None
            or (j.sha256 is not None and stored[j.student].submission is not None
                and stored[j.student].submission.sha256 != j.sha256)]  # collected again since
    for job in jobs:  # already graded: the due date, policy or an extension may have changed
        if job not in todo:
            record(assignment, job.student, judged(stored[job.student], job), None)
    reference_records(assignment)  # once, here, so that workers find it cached
    points = SourceInfo.read(assignment).test_points
    start = time.monotonic()
    progress = Progress(len(todo), assignment.ref)
    outcomes = _run_dask(todo, scheduler) if scheduler else _run_local(todo, workers)
    for outcome in outcomes:
        if isinstance(outcome, Crash):
            result = judged(GradingResult.ungradable(assignment.ref, points, outcome.reason), outcome.job)
            record(assignment, outcome.job.student, result, None)
            executed = None
        else:
            result = GradingResult.from_dict(outcome.result)
            executed = nbformat.reads(outcome.executed, as_version=4) if outcome.executed else None
            if outcome.recorded:
                write_result_files(assignment, outcome.job.student, result, executed)
            else:
                record(assignment, outcome.job.student, result, executed)
        progress.update(failed=executed is None)
        log.info("%s: %g/%g", outcome.job.student, result.score, result.max_score)
    elapsed = time.monotonic() - start
    return (f"{assignment.ref}: graded {len(todo)} of {len(jobs)} submissions "
            f"({len(jobs) - len(todo)} already graded) in {elapsed:.1f} s")
