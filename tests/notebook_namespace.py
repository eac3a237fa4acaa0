"""Run a source notebook's imports cell and reference solutions in this process, for tests that
check the example mistakes against the test cells without a kernel."""

from __future__ import annotations

import importlib
from pathlib import Path

import nbformat

from autograder.derive import apply_edit, solution_sources


def notebook_namespace(notebook: Path) -> tuple[dict, dict[str, str]]:
    """The namespace after the imports cell and every reference solution; the test cells by function."""
    nb = nbformat.read(notebook, as_version=4)
    namespace: dict = {}
    imports = next(c for c in nb.cells if c.cell_type == "code" and "nbgrader" not in c.metadata)
    exec("\n".join(line for line in imports.source.splitlines() if not line.startswith("%")), namespace)
    tests = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            exec(cell.source, namespace)
        elif meta.get("grade"):
            tests[meta["grade_id"].removesuffix("_tests")] = cell.source
    return namespace, tests


def mistake_cases(notebook: Path, module: str) -> list[tuple[str, str]]:
    """(function, full source) for every mistake of an ``examples.mistakes`` module: ``MISTAKES``,
    then each of ``MORE_MISTAKES`` (function -> list), edits applied to the notebook's solutions."""
    mistakes = importlib.import_module(module)
    edits = list(mistakes.MISTAKES.items())
    edits += [(function, edit) for function, more in mistakes.MORE_MISTAKES.items() for edit in more]
    solutions = solution_sources(nbformat.read(notebook, as_version=4))
    return [(function, apply_edit(solutions[function], edit)) for function, edit in edits]
