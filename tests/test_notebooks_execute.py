"""Slow: every source notebook runs top to bottom, training cells included, without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from autograder.runall import run_top_to_bottom

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(ROOT.glob("course*/source/*/*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("path", SOURCES, ids=[f"{p.parts[-4]}-{p.stem}" for p in SOURCES])
def test_source_notebook_runs_top_to_bottom(path):
    """Does the whole notebook, training and plots included, run without an error?"""
    run = run_top_to_bottom(path)
    assert run.errors == []
