"""Slow: every source notebook runs top to bottom, training cells included, without an error."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(ROOT.glob("course*/source/*/*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("path", SOURCES, ids=[f"{p.parts[-4]}-{p.stem}" for p in SOURCES])
def test_source_notebook_runs_top_to_bottom(path, tmp_path, monkeypatch):
    """Does the whole notebook, training and plots included, run without an error?"""
    for name, value in {"MPLBACKEND": "Agg", "TF_CPP_MIN_LOG_LEVEL": "2",
                        "OPENBLAS_NUM_THREADS": "1", "HOME": str(tmp_path)}.items():
        monkeypatch.setenv(name, value)
    work = tmp_path / path.parent.name
    shutil.copytree(path.parent, work)
    nb = nbformat.read(work / path.name, as_version=4)
    start = time.monotonic()
    NotebookClient(nb, timeout=900, resources={"metadata": {"path": str(work)}}).execute()
    errors = [(i, o.ename, o.evalue) for i, c in enumerate(nb.cells) if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert errors == []
    print(f"{path.parts[-4]}/{path.stem}: {time.monotonic() - start:.1f} s on {os.cpu_count()} cores")
