"""Grade one notebook: load -> inspect -> sanitize -> execute -> collect.

``grade_file`` is what ``autograder grade`` runs. It records the source in a throw-away
gradebook, so grading one notebook needs no prior release and changes nothing on disk.
``grade_notebook`` is the same pipeline against a gradebook the caller provides (the class run
uses the course's), returning both the result and the executed notebook.
"""

from __future__ import annotations

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
from .verdicts import prepare, reference_records, restore


def grade_file(path: Path, assignment: Assignment) -> GradingResult:
    """Grade the notebook at ``path`` against ``assignment``'s hidden tests."""
    nb = load_notebook(path)
    prefetch(assignment)  # the kernel boots and imports while the source is recorded
    with tempfile.TemporaryDirectory(prefix="autograder-db-") as tmp:
        db_url = f"sqlite:///{tmp}/gradebook.db"
        register(assignment, db_url)
        result, _ = grade_notebook(nb, assignment, db_url)
    return result


def running_cell(nb: NotebookNode) -> str:
    """' in cell N (...)': the last cell that started running, for notes on a stopped kernel."""
    started = [(i, c) for i, c in enumerate(nb.cells) if c.get("execution_count") is not None]
    if not started:
        return ""
    index, cell = started[-1]
    gid = cell.metadata.get("nbgrader", {}).get("grade_id")
    return f" in cell {index} ({gid})" if gid else f" in cell {index}"


def grade_notebook(
    nb: NotebookNode, assignment: Assignment, db_url: str, student: str = "student"
) -> tuple[GradingResult, NotebookNode]:
    """Run the pipeline on a loaded notebook; the gradebook at ``db_url`` must hold the source."""
    source = SourceInfo.read(assignment)
    reference = reference_records(assignment)
    config = assignment.course.config
    notes = inspect(nb, source, assignment.ref)
    resources = resources_for(assignment, db_url, student)
    try:
        nb = sanitize(nb, resources, config)
    except Exception as e:  # noqa: BLE001 - nbgrader raises assorted errors on mangled metadata
        reason = f"the notebook's cell metadata is broken beyond repair ({type(e).__name__}: {e})"
        return GradingResult.ungradable(assignment.ref, source.test_points, reason), nb
    originals = prepare(nb, reference=False)
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
