"""Grading one notebook: the pipeline's verdicts on correct, wrong, broken and hostile code."""

from __future__ import annotations

import nbformat
import pytest

from autograder.derive import release_version, student_version
from autograder.errors import AutograderError
from autograder.grade import grade_file
from autograder.probe import grade_cell, notebook, solution_cell, toy_source


def by_function(result):
    return {t.function: t for t in result.tests}


def test_correct_solution_scores_full_marks(toy, write_nb):
    """Does a correct notebook get every point, hidden tests included?"""
    result = grade_file(write_nb(student_version(toy_source(), toy)), toy)
    assert (result.score, result.max_score) == (3, 3)
    assert all(t.status == "passed" for t in result.tests)
    assert result.errors == []


def test_differently_written_correct_solution_keeps_its_points(toy, write_nb):
    """Is a correct but differently written solution graded as correct?"""
    other = {"double": "def double(x):\n    return 2 * x\n",
             "square": "import math\ndef square(x):\n    return math.pow(x, 2)\n"}
    result = grade_file(write_nb(student_version(toy_source(), toy, other)), toy)
    assert result.score == 3


def test_wrong_solution_fails_with_the_checks_message(toy, write_nb):
    """Does a wrong function lose its points, with the comparator's message?"""
    wrong = {"double": "def double(x):\n    return 3 * x\n"}
    tests = by_function(grade_file(write_nb(student_version(toy_source(), toy, wrong)), toy))
    assert tests["double"].status == "failed"
    assert "double(2): got 6, expected 4" in tests["double"].message
    assert tests["square"].status == "passed"


def test_hidden_tests_catch_what_public_tests_miss(toy, write_nb):
    """Does a solution that only fits the public example fail the hidden tests?"""
    overfit = {"double": "def double(x):\n    return 4\n"}
    tests = by_function(grade_file(write_nb(student_version(toy_source(), toy, overfit)), toy))
    assert tests["double"].status == "failed"
    assert "double(-3.5)" in tests["double"].message


def test_untouched_release_scores_zero_as_not_implemented(toy, write_nb):
    """Does the release as handed out score zero with a 'not implemented' error?"""
    result = grade_file(write_nb(release_version(toy_source(), toy)), toy)
    assert result.score == 0
    assert {t.status for t in result.tests} == {"error"}
    assert "not implemented" in result.tests[0].message


def test_edited_test_cell_is_restored_and_noted(toy, write_nb):
    """Can a student pass by replacing a test cell with a fake success message?"""
    nb = student_version(toy_source(), toy, {"double": "def double(x):\n    return 0\n"})
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "double_tests":
            cell.source = 'print("All tests passed.")'
    result = grade_file(write_nb(nb), toy)
    assert by_function(result)["double"].status == "failed"
    assert any("'double_tests' was edited" in e for e in result.errors)


def test_deleted_test_cell_is_restored_and_noted(toy, write_nb):
    """Does deleting a test cell get the test run anyway?"""
    nb = student_version(toy_source(), toy, {"square": "def square(x):\n    return x\n"})
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "square_tests"]
    result = grade_file(write_nb(nb), toy)
    assert by_function(result)["square"].status == "failed"
    assert any("'square_tests' was deleted" in e for e in result.errors)


def test_deleted_solution_cell_errors_with_reason(toy, write_nb):
    """Is a deleted solution cell graded as missing, with the reason recorded?"""
    nb = student_version(toy_source(), toy)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "double"]
    result = grade_file(write_nb(nb), toy)
    assert by_function(result)["double"].status == "error"
    assert "name 'double' is not defined" in by_function(result)["double"].message
    assert by_function(result)["square"].status == "passed"
    assert any("solution cell 'double' was deleted" in e for e in result.errors)


def test_syntax_error_in_solution_is_reported_on_its_test(toy, write_nb):
    """Does a syntax error in a solution cell say so in that function's message?"""
    broken = {"double": "def double(x):\n    return (x +\n"}
    tests = by_function(grade_file(write_nb(student_version(toy_source(), toy, broken)), toy))
    assert tests["double"].status == "error"
    assert "SyntaxError" in tests["double"].message
    assert tests["square"].status == "passed"


def test_infinite_loop_times_out_and_the_rest_is_graded(toy, write_nb, toy_root):
    """Does a solution that never returns time out without losing the other tests?"""
    config = toy_root / "course9" / "nbgrader_config.py"
    config.write_text(config.read_text().replace("c.Execute.timeout = 10", "c.Execute.timeout = 3"))
    looping = {"double": "def double(x):\n    while True:\n        pass\n"}
    tests = by_function(grade_file(write_nb(student_version(toy_source(), toy, looping)), toy))
    assert tests["double"].status == "timeout"
    assert tests["square"].status == "passed"


def test_killing_the_kernel_loses_only_what_did_not_run(toy, write_nb):
    """Can a student's os._exit make later tests pass unrun?"""
    nb = student_version(toy_source(), toy)
    nb.cells[3].source += "\nimport os\nos._exit(0)\n"  # the square solution cell
    result = grade_file(write_nb(nb), toy)
    tests = by_function(result)
    assert tests["double"].status == "passed"
    assert tests["square"].status == "error"
    assert result.score == 2
    assert any("execution stopped" in e for e in result.errors)


def test_warnings_on_stderr_cost_no_points(toy, write_nb):
    """Does a correct solution that prints warnings to stderr keep its points?"""
    noisy = {"double": ("import sys, warnings\ndef double(x):\n"
                        "    print('careful', file=sys.stderr)\n"
                        "    warnings.warn('overflow?', RuntimeWarning)\n    return 2 * x\n")}
    result = grade_file(write_nb(student_version(toy_source(), toy, noisy)), toy)
    assert result.score == 3


def test_skip_grading_cells_are_not_executed(toy, write_nb):
    """Are cells tagged skip-grading left out of the graded run?"""
    nb = student_version(toy_source(), toy)
    nb.cells[-1].source = "raise SystemExit('training would take an hour')"
    result = grade_file(write_nb(nb), toy)
    assert result.score == 3 and result.errors == []


def test_notebook_of_another_assignment_is_refused(toy, write_nb):
    """Is a notebook of a different assignment rejected with a clear message?"""
    other = notebook(solution_cell("f", "def f():\n    return 1\n"), grade_cell("f_tests", "f()"))
    with pytest.raises(AutograderError, match="none of the graded cells"):
        grade_file(write_nb(other), toy)


def test_invalid_json_is_a_submission_error(toy, tmp_path):
    """Is a truncated notebook reported as invalid JSON, with the fix?"""
    path = tmp_path / "toy.ipynb"
    path.write_text('{"cells": [')
    with pytest.raises(AutograderError, match="not valid JSON.*re-save it"):
        grade_file(path, toy)


def test_scratch_gradebook_follows_the_source(toy, tmp_path):
    """Is the recorded source reused while unchanged, and recorded anew once it changes?"""
    from nbgrader.api import Gradebook

    from autograder.grade import scratch_gradebook

    first = tmp_path / "first"
    first.mkdir()
    url = scratch_gradebook(toy, first)
    cache = toy.course.root / ".autograder" / "toy.gradebook.db"
    stamp = cache.stat().st_mtime_ns
    second = tmp_path / "second"
    second.mkdir()
    scratch_gradebook(toy, second)
    assert cache.stat().st_mtime_ns == stamp
    with Gradebook(url) as gb:
        cells = {c.name for c in gb.find_notebook("toy", "toy").grade_cells}
    assert cells == {"double_tests", "square_tests"}

    nb = nbformat.read(toy.source_notebook, as_version=4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in
                ("square", "square_tests")]
    nbformat.write(nb, toy.source_notebook)
    third = tmp_path / "third"
    third.mkdir()
    with Gradebook(scratch_gradebook(toy, third)) as gb:
        assert {c.name for c in gb.find_notebook("toy", "toy").grade_cells} == {"double_tests"}
