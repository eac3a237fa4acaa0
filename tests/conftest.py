"""Shared fixtures: a tiny course (``course9/toy``) in a temporary project root."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from autograder.course import Assignment, find_course
from autograder.probe import make_course, toy_source

# tests/data_checks.py checks with plain asserts: rewritten like a test module's, they show the values.
pytest.register_assert_rewrite("tests.data_checks")


@pytest.fixture
def toy_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root holding course9/toy; AUTOGRADER_ROOT points at it."""
    make_course(tmp_path, toy_source(), timeout=10)
    monkeypatch.setenv("AUTOGRADER_ROOT", str(tmp_path))
    return tmp_path


@pytest.fixture
def toy(toy_root: Path) -> Assignment:
    return find_course("course9", toy_root).assignment("toy")


@pytest.fixture
def write_nb(tmp_path: Path):
    """Write a notebook under tmp_path/submissions and return its path."""

    def write(nb, name: str = "toy.ipynb") -> Path:
        path = tmp_path / "submissions" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        return path

    return write
