"""Step 1 of grading: load a submitted notebook, or say precisely why it cannot be read."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from .errors import AutograderError


class SubmissionError(AutograderError):
    """The submission cannot be read as a notebook. It still gets a gradebook row."""


def load_notebook(path: Path, label: str | None = None) -> NotebookNode:
    """Read ``path`` as an nbformat-4 notebook, raising :class:`SubmissionError` if it isn't one.

    ``label`` names the file in messages (default: the path as given).
    """
    path = Path(path)
    if not path.exists():
        raise SubmissionError(f"no such notebook: {path} (check the path)")
    if path.is_dir():
        raise SubmissionError(f"{path} is a folder, not a notebook: pass the .ipynb file")
    if path.suffix != ".ipynb":
        raise SubmissionError(f"{path} is not a notebook (.ipynb): pass the notebook file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SubmissionError(f"{path} is not a text file: re-download or re-save the notebook") from None
    return parse_notebook(text, label or str(path))


def parse_notebook(text: str, label: str) -> NotebookNode:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SubmissionError(
            f"{label} is not valid JSON (line {e.lineno}, column {e.colno}): "
            "re-save it from JupyterLab or restore it from a checkpoint"
        ) from None
    if not isinstance(data, dict) or "cells" not in data:
        raise SubmissionError(f"{label} is JSON but not a Jupyter notebook (no 'cells')")
    try:
        with warnings.catch_warnings():  # nbformat repairs duplicate or missing cell ids itself
            warnings.simplefilter("ignore")
            nb = nbformat.reads(text, as_version=4)
    except Exception as e:  # noqa: BLE001 - nbformat raises many types for malformed notebooks
        raise SubmissionError(f"{label} is not a valid notebook ({type(e).__name__}: {e})") from None
    for cell in nb.cells:
        if not isinstance(cell.get("source", ""), str):
            raise SubmissionError(f"{label} has a cell whose source is not text")
    return nb
