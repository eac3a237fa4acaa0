"""Trusted verdicts: checks are decided in the grader's process, never in the student's kernel.

Test cells call ``expect(actual, expected, name=...)`` (and ``expect_type``, ``expect_true``).
Before a notebook is executed for grading, each such call is rewritten:

- in the **student run**, to ``emit(site, kind, actual=<actual>)``: the student's kernel only
  reports its value; the *expected* expression is never evaluated there;
- in the **reference run** (the source notebook, solutions and hidden tests, in a separate
  kernel with no student code), to ``emit(site, kind, actual=..., expected=..., name=..., ...)``.

The grader then compares, site by site, the student's reported values with the reference run's
expected values using :func:`shared_utils.testing.compare`, in its own process. Patching
``np.allclose``, ``expect``, ``assert`` or builtins in the kernel, printing fake success, returning
objects that claim equality with everything, or exiting early gains nothing: a check passes only
when its reported value equals the reference, and a check that never reported fails.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader import utils

from shared_utils import records
from shared_utils.testing import DEFAULT_ATOL, DEFAULT_RTOL, compare

from .course import Assignment
from .errors import AutograderError
from .testscope import enclose, names_read_elsewhere, slice_for_student

EMIT = "__autograder_emit__"
PROLOGUE = f"from shared_utils.records import emit as {EMIT}"
REWRITE_VERSION = "2"

# check function -> its positional parameters, the first of which is the student's value
CHECKS = {
    "expect": ("actual", "expected"),
    "expect_type": ("actual", "types"),
    "expect_true": ("condition",),
}


class _Rewriter(ast.NodeTransformer):
    def __init__(self, key: str, reference: bool) -> None:
        self.key, self.reference, self.count = key, reference, 0

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if not (isinstance(node.func, ast.Name) and node.func.id in CHECKS):
            return node
        params = CHECKS[node.func.id]
        if len(node.args) > len(params) or any(k.arg is None for k in node.keywords):
            raise AutograderError(f"test cell {self.key}: write {node.func.id}(...) with at most "
                                  f"{len(params)} positional arguments and no **kwargs")
        args = dict(zip(params, node.args, strict=False))
        args.update({k.arg: k.value for k in node.keywords})
        args["actual"] = args.pop(params[0])
        site = f"{self.key}:{self.count}"
        self.count += 1
        kept = args.items() if self.reference else [("actual", args["actual"])]
        return ast.copy_location(ast.Call(
            func=ast.Name(EMIT, ast.Load()),
            args=[ast.Constant(site), ast.Constant(node.func.id)],
            keywords=[ast.keyword(arg=k, value=v) for k, v in kept],
        ), node)


def actual_of(call: ast.Call) -> ast.expr | None:
    """The student's value in a check call (``expect(actual, ...)``), None for any other call."""
    if not (isinstance(call.func, ast.Name) and call.func.id in CHECKS):
        return None
    first = CHECKS[call.func.id][0]
    found = call.args[:1] or [k.value for k in call.keywords if k.arg == first]
    return found[0] if found else ast.Constant(None)


def rewrite(source: str, key: str, *, reference: bool, shared: set[str] = frozenset()) -> str:
    """Rewrite one test cell for a student or reference run: its check calls (see the module
    docstring), in a student run without the statements that only compute expected values, and
    enclosed in a function so that its own variables are not globals (``autograder.testscope``;
    ``shared``: the names other cells read, which stay global)."""
    tree = ast.parse(source)
    if not reference:
        tree = slice_for_student(tree, set(shared), actual_of)
    tree = enclose(_Rewriter(key, reference).visit(tree), set(shared))
    return ast.unparse(ast.fix_missing_locations(tree))


def shared_names(source: NotebookNode) -> dict[str, set[str]]:
    """Per test cell of a source notebook, the names its other code cells read."""
    tests = {c.metadata.nbgrader["grade_id"]: c.source for c in source.cells
             if utils.is_grade(c) and c.cell_type == "code"}
    others = [c.source for c in source.cells if c.cell_type == "code" and not utils.is_grade(c)]
    return names_read_elsewhere(tests, others)


def prepare(nb: NotebookNode, *, reference: bool, shared: dict[str, set[str]]) -> dict[str, str]:
    """Rewrite every test cell of ``nb`` in place and add the prologue cell. ``shared`` is
    :func:`shared_names` of the source notebook, in both runs: a submission's own cells must not
    decide what its test cells leave global.

    Returns the original sources by grade_id, for :func:`restore`.
    """
    originals = {}
    for cell in nb.cells:
        if utils.is_grade(cell) and cell.cell_type == "code":
            gid = cell.metadata.nbgrader["grade_id"]
            originals[gid] = cell.source
            cell.source = rewrite(cell.source, gid, reference=reference, shared=shared.get(gid, set()))
    prologue = nbformat.v4.new_code_cell(PROLOGUE, metadata={"autograder": "prologue"})
    nb.cells.insert(0, prologue)
    return originals


def restore(nb: NotebookNode, originals: dict[str, str]) -> None:
    """Undo :func:`prepare`: drop the prologue, put the test cells' own sources back."""
    nb.cells = [c for c in nb.cells if c.metadata.get("autograder") != "prologue"]
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in originals and utils.is_grade(cell):
            cell.source = originals[gid]


def cell_records(cell: NotebookNode) -> list[dict]:
    """The well-formed check records a cell published, in order."""
    found = []
    for output in cell.get("outputs", []):
        record = output.get("data", {}).get(records.MIME) if output.output_type == "display_data" else None
        if isinstance(record, dict) and isinstance(record.get("site"), str) and "actual" in record:
            found.append(record)
    return found


@dataclass(frozen=True)
class Verdict:
    passed: bool
    message: str = ""
    missing: bool = False


def judge(reference: list[dict], reported: list[dict]) -> Verdict:
    """Compare one test cell's reported values with its reference records, in order."""
    cell_key = reference[0]["site"].rpartition(":")[0]
    reported = [r for r in reported if r["site"].rpartition(":")[0] == cell_key]
    for index, ref in enumerate(reference):
        name = str(ref.get("name", ref["site"]))
        if index >= len(reported):
            return Verdict(False, f"{name}: this check did not run", missing=True)
        got = reported[index]
        if got["site"] != ref["site"]:
            return Verdict(False, f"{name}: the checks ran out of order (got {got['site']})")
        problem = _evaluate(ref, got, name)
        if problem:
            return Verdict(False, problem)
    return Verdict(True)


def _evaluate(ref: dict, got: dict, name: str) -> str:
    try:
        actual = records.decode(got["actual"])
    except (ValueError, KeyError, TypeError) as e:
        return f"{name}: the result could not be read ({e})"
    kind = ref["kind"]
    if kind == "expect":
        expected = records.decode(ref["expected"])
        problems = compare(actual, expected, name=name, rtol=float(ref.get("rtol", DEFAULT_RTOL)),
                           atol=float(ref.get("atol", DEFAULT_ATOL)),
                           check_dtype=bool(ref.get("check_dtype", False)))
        if problems and ref.get("hint"):
            problems.append(f"Hint: {ref['hint']}")
        return "\n".join(problems)
    if kind == "expect_type":
        wanted = [str(t) for t in ref.get("types", [])]
        if not set(wanted) & {str(t) for t in got.get("actual_types", [])}:
            short = " or ".join(t.rpartition(".")[2] for t in wanted)
            return f"{name}: expected {short}, got {type(actual).__name__} {actual!r:.80}"
        return ""
    if kind == "expect_true":
        return "" if actual is True or (type(actual).__name__ == "bool_" and bool(actual)) else \
            f"{name}: {ref.get('message', 'the condition does not hold')}"
    return f"{name}: unknown check kind {kind!r}"


# --- the reference run ---------------------------------------------------------------------


def fingerprint(assignment: Assignment) -> str:
    """Changes whenever the source, its files, the data or the check machinery change."""
    digest = hashlib.sha256(REWRITE_VERSION.encode())
    files = sorted(p for p in assignment.source_dir.rglob("*") if p.is_file())
    from shared_utils import datasets

    files += sorted(Path(records.__file__).parent.glob("*.py"))  # all of shared_utils
    files += [datasets.datasets_dir() / datasets.MANIFEST_NAME]
    for path in files:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def cache_path(assignment: Assignment) -> Path:
    return assignment.course.root / ".autograder" / f"{assignment.id}.reference.json"


def reference_records(assignment: Assignment) -> dict[str, list[dict]]:
    """Per test cell, the reference run's check records (cached per source fingerprint)."""
    key = fingerprint(assignment)
    path = cache_path(assignment)
    if path.is_file():
        cached = json.loads(path.read_text())
        if cached.get("key") == key:
            return cached["cells"]
    cells = _run_reference(assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"key": key, "cells": cells}))
    tmp.replace(path)
    return cells


def _run_reference(assignment: Assignment) -> dict[str, list[dict]]:
    from .kernel import Kernel
    from .pipeline import SKIP_TAG, execute

    nb = nbformat.read(assignment.source_notebook, as_version=4)
    shared = shared_names(nb)
    nb.cells = [c for c in nb.cells if SKIP_TAG not in c.metadata.get("tags", [])]
    nb = copy.deepcopy(nb)
    prepare(nb, reference=True, shared=shared)
    with Kernel(assignment, assignment.course.config) as kernel:
        try:
            nb = execute(nb, kernel, assignment.course.config)
        except Exception as e:  # noqa: BLE001 - any failure here is the source's fault
            raise AutograderError(f"{assignment.ref}: the source notebook did not run to the end "
                                  f"({type(e).__name__}: {e}); fix the source") from None
    cells = {}
    for cell in nb.cells:
        if not (utils.is_grade(cell) and cell.cell_type == "code"):
            continue
        gid = cell.metadata.nbgrader["grade_id"]
        errors = [o for o in cell.outputs if o.output_type == "error"]
        found = cell_records(cell)
        if errors:
            raise AutograderError(f"{assignment.ref}: the source's test cell {gid} raised "
                                  f"{errors[0].ename}: {errors[0].evalue}; fix the source")
        if not found:
            raise AutograderError(f"{assignment.ref}: test cell {gid} makes no check; use "
                                  "shared_utils.testing.expect")
        verdict = judge(found, found)  # the source's own values against its expectations
        if not verdict.passed:
            raise AutograderError(f"{assignment.ref}: the source fails its own test {gid}: "
                                  f"{verdict.message}; fix the source")
        cells[gid] = found
    return cells
