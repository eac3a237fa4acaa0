"""Steps 2-4 of grading: inspect, sanitize, execute, collect.

Each step is a plain function over a notebook, testable on its own. ``grade.py`` composes them.

- ``inspect``: compare the submission with the source and note what the student changed
  (deleted or edited test cells, deleted solution cells) so the reason reaches the gradebook.
- ``sanitize``: nbgrader's own preprocessors restore test cells, hidden tests, points and the
  kernelspec from the gradebook; cells tagged ``skip-grading`` are dropped.
- ``execute``: run the notebook in a kernel of its own (``kernel.py``) with per-cell and
  whole-notebook time limits and an output cap.
- ``collect``: turn each test cell's outputs into a :class:`TestResult`.
"""

from __future__ import annotations

import json
import math
import time

import nbformat
from nbformat import NotebookNode
from nbformat.v4.nbbase import random_cell_id
from nbgrader import utils
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    Execute,
    NbGraderPreprocessor,
    OverwriteCells,
    OverwriteKernelspec,
)
from traitlets import Integer
from traitlets.config import Config

from shared_utils import records

from .delimiters import HIDDEN
from .errors import AutograderError
from .kernel import Kernel
from .results import TestResult
from .source import SourceInfo
from .verdicts import Verdict, cell_records, judge

SKIP_TAG = "skip-grading"
FAILURE_NAMES = {"CheckFailure", "AssertionError"}
TIMEOUT_NAMES = {"CellTimeoutError", "TimeoutError", "DeadKernelError"}


class DropEmptyMetadata(NbGraderPreprocessor):
    """Remove the empty ``nbgrader`` metadata DeduplicateIds leaves on a duplicated cell (on
    which nbgrader's own OverwriteCells then fails with a KeyError)."""

    def preprocess_cell(self, cell, resources, index):
        if cell.metadata.get("nbgrader") == {}:
            del cell.metadata["nbgrader"]
        return cell, resources


# NB: OverwriteCells must run before CheckCellMetadata, so that metadata a student broke is
# restored from the gradebook before it is validated (the order of nbgrader's Autograde);
# DropEmptyMetadata must follow DeduplicateIds.
SANITIZE_STEPS = (ClearOutput, DeduplicateIds, DropEmptyMetadata, OverwriteKernelspec, OverwriteCells,
                  CheckCellMetadata)

def grade_id(cell: NotebookNode) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def inspect(nb: NotebookNode, source: SourceInfo, assignment_ref: str) -> list[str]:
    """Notes on what the submission changed; raises if it is not this assignment at all."""
    present = {grade_id(c): c for c in nb.cells if grade_id(c)}
    known = set(source.test_points) | set(source.solution_ids)
    if known and not (known & set(present)):
        raise AutograderError(
            f"this notebook has none of the graded cells of {assignment_ref}: is it the right "
            "file? Pass --assignment COURSE/ID if it was renamed"
        )
    notes = []
    for gid in source.solution_ids:
        if gid not in present:
            notes.append(f"solution cell '{gid}' was deleted; its function is graded as missing")
    for gid, released in source.released_tests.items():
        if gid not in present:
            notes.append(f"test cell '{gid}' was deleted; it was restored from the source")
        elif without_hidden_tests(present[gid].source).strip() != released.strip():
            notes.append(f"test cell '{gid}' was edited; it was restored from the source")
    return notes


def without_hidden_tests(source: str) -> str:
    """A test cell's source as released: the hidden-tests block removed (as ClearHiddenTests does)."""
    begin, end = HIDDEN
    kept, hidden = [], False
    for line in source.splitlines(keepends=True):
        if line.strip() == begin:
            hidden = True
        elif line.strip() == end:
            hidden = False
        elif not hidden:
            kept.append(line)
    return "".join(kept)


def sanitize(nb: NotebookNode, resources: dict, config: Config, *, keep_skipped: bool = False
             ) -> NotebookNode:
    """Restore instructor cells from the gradebook (nbgrader's own steps), drop skipped cells."""
    config = Config(config)
    config.OverwriteCells.add_missing_cells = True
    # nbgrader turns the first line of a restored code cell into a comment ("# " + text): that
    # line must be this notification, never the test's own first line.
    config.OverwriteCells.missing_cell_notification = (
        "Test cell {cell_id} was missing from the submission; the autograder restored it.\n"
    )
    for step in SANITIZE_STEPS:
        nb, resources = step(config=config).preprocess(nb, resources)
    nb = nbformat.from_dict(nb)  # cells nbgrader restored are plain dicts, and have no id yet
    for cell in nb.cells:
        cell.setdefault("id", random_cell_id())
    if not keep_skipped:
        nb.cells = [c for c in nb.cells if SKIP_TAG not in c.metadata.get("tags", [])]
    return nb


class NotebookTimeout(RuntimeError):
    """The whole notebook ran past its wall-clock limit."""


class LimitedExecute(Execute):
    """nbgrader's Execute with a wall-clock limit for the whole notebook and an output cap."""

    notebook_timeout = Integer(900, help="Seconds for the whole notebook.").tag(config=True)
    max_output_bytes = Integer(4_000_000, help="Output kept per notebook.").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._deadline = time.monotonic() + self.notebook_timeout
        self._cell_timeout = self.timeout
        self._output_bytes = 0
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise NotebookTimeout(f"the notebook ran past its {self.notebook_timeout} s limit")
        self.timeout = max(1, math.ceil(min(self._cell_timeout or remaining, remaining)))
        cell, resources = super().preprocess_cell(cell, resources, index)
        if time.monotonic() >= self._deadline:
            raise NotebookTimeout(f"the notebook ran past its {self.notebook_timeout} s limit "
                                  f"in cell {index}")
        return cell, resources

    def execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        # a test cell's source stays out of the kernel's input history (In, _ih)
        return super().execute_cell(cell, cell_index, execution_count,
                                    store_history and not utils.is_grade(cell))

    def output(self, outs, msg, display_id, cell_index):
        if records.MIME not in msg.get("content", {}).get("data", {}):
            self._output_bytes += len(json.dumps(msg.get("content", {})))
            if self._output_bytes > self.max_output_bytes:
                if self._output_bytes - len(json.dumps(msg["content"])) <= self.max_output_bytes:
                    outs.append(nbformat.v4.new_output(
                        "stream", name="stderr",
                        text=f"[output cut: over {self.max_output_bytes} bytes for the notebook]\n"))
                return None
        return super().output(outs, msg, display_id, cell_index)


def execute(nb: NotebookNode, kernel: Kernel, config: Config) -> NotebookNode:
    """Run every cell in ``kernel`` (errors are recorded in outputs, not raised)."""
    config = Config(config)
    config.LimitedExecute.notebook_timeout = kernel.limits.notebook_timeout
    config.LimitedExecute.max_output_bytes = kernel.limits.max_output_bytes
    executor = LimitedExecute(config=config)
    resources = {"metadata": {"path": str(kernel.space.work)}}
    try:
        with utils.setenv(NBGRADER_EXECUTION="autograde"):
            nb, _ = executor.preprocess(nb, resources, km=kernel.manager)
    finally:
        if executor.kc is not None:
            executor.kc.stop_channels()
    return nb


def collect(nb: NotebookNode, source: SourceInfo, reference: dict[str, list[dict]]) -> list[TestResult]:
    """One :class:`TestResult` per test cell of the source, in source order.

    A test passes only when every check the reference run made was reported by the student's
    run, in order, with a value equal to the reference, and the cell raised nothing.
    """
    solution_errors = {
        grade_id(c): _error_text(e)
        for c in nb.cells
        if utils.is_solution(c) and c.cell_type == "code"
        for e in _errors(c)[:1]
    }
    cells = {grade_id(c): c for c in nb.cells if utils.is_grade(c)}
    results = []
    for gid, points in source.test_points.items():
        cell = cells.get(gid)
        if cell is None:
            results.append(TestResult(gid, points, "error", "the test cell could not be restored"))
            continue
        verdict = judge(reference[gid], cell_records(cell))
        solution_error = solution_errors.get(gid.removesuffix("_tests"))
        results.append(_verdict(cell, gid, points, verdict, solution_error))
    return results


def ungraded_errors(nb: NotebookNode, limit: int = 3) -> list[str]:
    """Notes on errors raised outside test cells (a broken imports cell, a looping solution)."""
    notes = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code" or utils.is_grade(cell):
            continue
        label = f"solution '{grade_id(cell)}'" if grade_id(cell) else "not graded"
        notes += [f"cell {index} ({label}) raised {_error_text(e)}" for e in _errors(cell)[:1]]
    return notes[:limit]


def _errors(cell: NotebookNode) -> list[NotebookNode]:
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


def _error_text(error: NotebookNode) -> str:
    return f"{error.ename}: {error.evalue}".strip()


def _verdict(cell: NotebookNode, gid: str, points: float, verdict: Verdict,
             solution_error: str | None) -> TestResult:
    errors = _errors(cell)
    if verdict.passed and not errors:
        return TestResult(gid, points, "passed")
    if not errors:
        if cell.get("execution_count") is None:
            return TestResult(gid, points, "error", "not run: the notebook stopped before this test")
        return TestResult(gid, points, "failed", verdict.message)
    if not verdict.missing and not verdict.passed:
        return TestResult(gid, points, "failed", verdict.message)
    error = errors[0]
    if error.ename in TIMEOUT_NAMES or error.ename == "KeyboardInterrupt":
        return TestResult(gid, points, "timeout", "the test cell did not finish within its time limit")
    if error.ename in FAILURE_NAMES:
        return TestResult(gid, points, "failed", error.evalue)
    message = _error_text(error)
    if error.ename == "NotImplementedError":
        message = "not implemented yet: the solution cell still raises NotImplementedError"
    elif solution_error:
        message += f" (its solution cell raised {solution_error})"
    return TestResult(gid, points, "error", message)
