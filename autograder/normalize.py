"""Normalize source notebooks for committing: no outputs, no execution counts, stable metadata.

Usage: ``python -m autograder.normalize NOTEBOOK...`` (``make normalize``). ``is_normalized`` is
what the test suite uses to keep committed sources clean.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat import NotebookNode

KEPT_NOTEBOOK_METADATA = ("kernelspec", "language_info")
KEPT_LANGUAGE_INFO = ("name",)


def normalized(nb: NotebookNode) -> NotebookNode:
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in KEPT_NOTEBOOK_METADATA}
    if "language_info" in nb.metadata:
        nb.metadata["language_info"] = {
            k: v for k, v in nb.metadata["language_info"].items() if k in KEPT_LANGUAGE_INFO
        }
    return nb


def is_normalized(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return nbformat.writes(normalized(nbformat.reads(text, as_version=4))) + "\n" == text


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        nb = normalized(nbformat.read(path, as_version=4))
        path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
