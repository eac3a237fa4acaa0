"""Grade one notebook: load -> inspect -> sanitize -> execute -> collect.

``grade_file`` is what ``autograder grade`` runs. It grades against a throw-away copy of a
gradebook holding only the source, so grading one notebook needs no prior release and changes
nothing but the course's caches.
``grade_notebook`` is the same pipeline against a gradebook the caller provides (the class run
uses the course's), returning both the result and the executed notebook.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from nbformat import NotebookNode

from .course import Assignment
from .errors import AutograderError
from .kernel import prefetch, take
from .pipeline import collect, execute, inspect, sanitize, ungraded_errors
from .results import GradingResult
from .source import SourceInfo, register, resources_for
from .submission import load_notebook
from .verdicts import fingerprint, prepare, reference_records, restore


def grade_file(path: Path, assignment: Assignment, *, keep_skipped: bool = False) -> GradingResult:
    """Grade the notebook at ``path`` against ``assignment``'s hidden tests (``keep_skipped``:
    run the ``skip-grading`` cells too, as stock nbgrader would)."""
    nb = load_notebook(path)
    prefetch(assignment)  # the kernel boots and imports while the gradebook is prepared
    with tempfile.TemporaryDirectory(prefix="autograder-db-", dir=_memory_backed()) as tmp:
        db_url = scratch_gradebook(assignment, Path(tmp))
        result, _ = grade_notebook(nb, assignment, db_url, keep_skipped=keep_skipped)
    return result


def scratch_gradebook(assignment: Assignment, folder: Path) -> str:
    """A gradebook in ``folder`` holding the assignment's source and nothing else.

    Recording a source takes nbgrader a few dozen SQLite commits, so the recorded gradebook is
    kept beside the reference records (``COURSE/.autograder/``), rebuilt when the source's
    fingerprint changes, and copied for each grading.
    """
    cache = assignment.course.root / ".autograder" / f"{assignment.id}.gradebook.db"
    key_file = cache.with_suffix(".key")
    key = fingerprint(assignment)
    if not (cache.is_file() and key_file.is_file() and key_file.read_text() == key):
        cache.parent.mkdir(parents=True, exist_ok=True)
        fresh = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        fresh.unlink(missing_ok=True)
        register(assignment, f"sqlite:///{fresh}")
        fresh.replace(cache)
        key_file.write_text(key)
    copy = folder / "gradebook.db"
    shutil.copyfile(cache, copy)
    return f"sqlite:///{copy}"


def _memory_backed() -> str | None:
    """/dev/shm where there is one: a scratch gradebook need not survive a crash."""
    return "/dev/shm" if os.access("/dev/shm", os.W_OK) else None


def running_cell(nb: NotebookNode) -> str:
    """' in cell N (...)': the last cell that started running, for notes on a stopped kernel."""
    started = [(i, c) for i, c in enumerate(nb.cells) if c.get("execution_count") is not None]
    if not started:
        return ""
    index, cell = started[-1]
    gid = cell.metadata.get("nbgrader", {}).get("grade_id")
    return f" in cell {index} ({gid})" if gid else f" in cell {index}"


def grade_notebook(
    nb: NotebookNode, assignment: Assignment, db_url: str, student: str = "student", *,
    keep_skipped: bool = False,
) -> tuple[GradingResult, NotebookNode]:
    """Run the pipeline on a loaded notebook; the gradebook at ``db_url`` must hold the source."""
    source = SourceInfo.read(assignment)
    reference = reference_records(assignment)
    config = assignment.course.config
    notes = inspect(nb, source, assignment.ref)
    resources = resources_for(assignment, db_url, student)
    try:
        nb = sanitize(nb, resources, config, keep_skipped=keep_skipped)
    except Exception as e:  # noqa: BLE001 - nbgrader raises assorted errors on mangled metadata
        reason = f"the notebook's cell metadata is broken beyond repair ({type(e).__name__}: {e})"
        return GradingResult.ungradable(assignment.ref, source.test_points, reason), nb
    originals = prepare(nb, reference=False, shared=source.shared)
    with take(assignment) as kernel:
        try:
            nb = execute(nb, kernel, config)
        except AutograderError:
            raise
        except Exception as e:  # noqa: BLE001 - the kernel can die in many ways; the rest is graded
            notes.append(f"execution stopped{running_cell(nb)}: {type(e).__name__}: {e}".strip())
    restore(nb, originals)
    notes += ungraded_errors(nb)
    return GradingResult(assignment.ref, collect(nb, source, reference), notes), nb
