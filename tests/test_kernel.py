"""Grading kernels (autograder/kernel.py): started early, warmed with imports, used once."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

from autograder import kernel
from autograder.derive import student_version
from autograder.grade import grade_file
from autograder.probe import toy_source


def test_imported_modules_skip_solution_cells_and_magics(tmp_path):
    """Are top-level imports of every non-solution cell collected, once each, in order?"""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import numpy as np\nimport os.path, json\n"
                                  "from shared_utils import testing"),
        nbformat.v4.new_code_cell("%matplotlib inline\nimport never_seen"),
        nbformat.v4.new_code_cell("import scipy\ndef f():\n    import inside_a_function"),
        nbformat.v4.new_code_cell("from . import relative\nimport numpy"),
    ]
    nb.cells[2].metadata["nbgrader"] = {"solution": True, "grade_id": "f"}
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    assert kernel.imported_modules(path) == ["numpy", "os.path", "json", "shared_utils"]


def test_warmup_imports_without_binding_names():
    """Does the warm-up load the modules but leave the namespace it runs in untouched?"""
    sys.modules.pop("colorsys", None)
    namespace: dict = {}
    exec(kernel.warmup_code(["colorsys", "no_such_module_xyz"]), namespace)
    assert "colorsys" in sys.modules
    assert set(namespace) == {"__builtins__"}


def test_prefetched_kernel_serves_one_submission_of_its_assignment(toy):
    """Is the prefetched kernel handed out once, for its own assignment only?"""
    kernel.prefetch(toy)
    spare = kernel._spare
    with kernel.take(toy) as first:
        assert first is spare and first.alive()
    assert not spare.alive()
    with kernel.take(toy) as second:
        assert second is not spare and second.alive()


def test_prefetched_kernel_of_another_assignment_is_discarded(toy, toy_root):
    from autograder.course import find_course
    from autograder.probe import make_course

    make_course(toy_root, toy_source(), name="course8")
    other = find_course("course8", toy_root).assignment("toy")
    kernel.prefetch(other)
    spare = kernel._spare
    with kernel.take(toy) as fresh:
        assert fresh is not spare and fresh.ref == toy.ref
    assert not spare.alive()
    kernel.prefetch(toy)
    spare = kernel._spare
    kernel.discard()
    assert kernel._spare is None and not spare.alive()


@pytest.mark.parametrize("student", ["correct", "wrong"])
def test_warm_and_cold_kernels_grade_alike(toy, write_nb, monkeypatch, student):
    """Does importing ahead change no verdict, message or score?"""
    solutions = {"correct": None, "wrong": {"double": "def double(x):\n    return x + 2\n"}}[student]
    path = write_nb(student_version(toy_source(), toy, solutions))
    warm = grade_file(path, toy).to_dict()
    monkeypatch.setattr(kernel, "imported_modules", lambda notebook: [])
    cold = grade_file(path, toy).to_dict()
    assert warm == cold


def test_class_run_leaves_no_kernel_behind(toy, tmp_path, monkeypatch):
    """After a class run on two workers, are all kernels (and their workspaces) gone?"""
    import tempfile

    from autograder.classrun import autograde
    from autograder.release import release
    from examples.submissions import write_class

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))  # the workers' workspaces land here
    monkeypatch.setattr(tempfile, "tempdir", None)
    release(toy)
    write_class(toy)
    assert "graded 4 of 4" in autograde(toy, workers=2)
    kernel.discard()
    assert list(scratch.glob("autograder-*")) == []


@pytest.mark.slow
def test_full_check_finds_skipped_cells_change_nothing(monkeypatch, tmp_path):
    """Does `check --full` grade logistic_regression with its training cells too, alike?"""
    import shutil

    from autograder.check import run_check

    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "course1" / "source" / "logistic_regression",
                    tmp_path / "course1" / "source" / "logistic_regression")
    shutil.copy(root / "course1" / "nbgrader_config.py", tmp_path / "course1")
    monkeypatch.setenv("AUTOGRADER_ROOT", str(tmp_path))
    report = run_check("course1/logistic_regression", corpus=False, full=True)
    assert report.ok, report.text()
    assert "same grades with every cell run" in report.text()


def test_full_check_reports_a_test_that_needs_a_skipped_cell(toy, monkeypatch):
    """Is a test that passes only after a skip-grading cell ran reported as a problem?"""
    from autograder.check import run_check

    nb = nbformat.read(toy.source_notebook, as_version=4)
    setup = nbformat.v4.new_code_cell("import builtins\nbuiltins.TRAINED = True")
    setup.metadata["tags"] = ["skip-grading"]
    nb.cells.insert(1, setup)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "square_tests":
            cell.source = ("from shared_utils.testing import expect_true\n"
                           "expect_true(not hasattr(__builtins__, 'TRAINED') and square(3) == 9, "
                           "name='square(3) without training')\n")
    nbformat.write(nb, toy.source_notebook)
    report = run_check("course9/toy", corpus=False, full=True)
    assert any("square_tests" in p and "skip-grading" in p for p in report.problems), report.text()
