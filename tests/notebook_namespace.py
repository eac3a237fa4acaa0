"""Run a source notebook's imports cell and reference solutions in this process, for tests that
check the example mistakes against the test cells without a kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat


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
