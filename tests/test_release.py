"""Release generation: fail closed on bad delimiters, never touch the source, never leak."""

from __future__ import annotations

import hashlib

import nbformat
import pytest

from autograder.delimiters import delimiter_problems
from autograder.errors import AutograderError
from autograder.leaks import find_leaks
from autograder.probe import (
    DOUBLE,
    DOUBLE_TESTS,
    grade_cell,
    make_course,
    notebook,
    solution_cell,
    toy_source,
)
from autograder.release import release


def test_release_strips_solutions_hidden_tests_and_state(toy):
    """Does the release hold stubs, public tests only, and no outputs or widget state?"""
    nb = toy_source()
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="left over")]
    nb.cells[1].execution_count = 7
    nb.metadata["widgets"] = {"state": {}}
    nbformat.write(nb, toy.source_notebook)
    release(toy)
    text = toy.release_notebook.read_text()
    assert "raise NotImplementedError()" in text
    assert "x + x" not in text and "double(-3.5)" not in text
    assert "left over" not in text and '"widgets"' not in text
    released = nbformat.read(toy.release_notebook, as_version=4)
    assert all(c.execution_count is None for c in released.cells if c.cell_type == "code")


def test_release_never_modifies_the_source(toy):
    """Is the source notebook byte-for-byte unchanged by a release?"""
    before = hashlib.sha256(toy.source_notebook.read_bytes()).hexdigest()
    release(toy)
    assert hashlib.sha256(toy.source_notebook.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("### BEGIN SOLUTON\nx = 1\n### END SOLUTION", "is not a delimiter"),
        ("## BEGIN SOLUTION\nx = 1\n### END SOLUTION", "is not a delimiter"),
        ("### begin solution\nx = 1\n### END SOLUTION", "is not a delimiter"),
        ("### BEGIN SOLUTION\nx = 1\n", "never closed"),
        ("x = 1\n### END SOLUTION", "without a matching"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "inside an open"),
    ],
    ids=["typo", "two-hashes", "lowercase", "unclosed", "unopened", "nested"],
)
def test_bad_solution_delimiters_are_rejected(source, problem):
    """Is every misspelled or unbalanced solution delimiter reported?"""
    problems = delimiter_problems(notebook(solution_cell("f", source)))
    assert len(problems) >= 1 and problem in problems[0]


def test_delimiters_in_the_wrong_kind_of_cell_are_rejected():
    """Are hidden tests outside a test cell, or solutions outside a solution cell, reported?"""
    nb = notebook(
        solution_cell("f", "### BEGIN HIDDEN TESTS\nx = 1\n### END HIDDEN TESTS"),
        grade_cell("f_tests", "### BEGIN SOLUTION\nx = 1\n### END SOLUTION"),
    )
    problems = delimiter_problems(nb)
    assert any("not a test cell" in p for p in problems)
    assert any("not a solution cell" in p for p in problems)


def test_misspelled_hidden_tests_block_fails_closed(tmp_path):
    """Does a typo that would publish hidden tests stop the release, writing nothing?"""
    leaky_tests = grade_cell("double_tests", "expect(double(2), 4, name='d')\n"
                             "### BEGIN HIDDEN TEST\nexpect(double(5), 10, name='secret')\n"
                             "### END HIDDEN TESTS\n")
    make_course(tmp_path, notebook(DOUBLE, leaky_tests))
    from autograder.course import find_course

    assignment = find_course("course9", tmp_path).assignment("toy")
    with pytest.raises(AutograderError, match="BEGIN HIDDEN TEST' is not a delimiter"):
        release(assignment)
    assert not assignment.release_dir.exists()


def test_leak_check_catches_a_release_holding_a_solution(toy):
    """Would a release that still holds solution code be caught?"""
    release(toy)
    assert find_leaks(nbformat.read(toy.source_notebook, as_version=4), toy.release_dir) == []
    nb = nbformat.read(toy.release_notebook, as_version=4)
    nb.cells[1].source = DOUBLE.source.replace("### BEGIN SOLUTION\n", "").replace("### END SOLUTION\n", "")
    nbformat.write(nb, toy.release_notebook)
    (toy.release_dir / "helpers.py").write_text("squared_value = x * x\n")
    leaks = find_leaks(nbformat.read(toy.source_notebook, as_version=4), toy.release_dir)
    assert any("toy.ipynb" in leak and "result = x + x" in leak for leak in leaks)
    assert any("helpers.py" in leak for leak in leaks)


def test_leak_check_catches_hidden_tests_and_outputs(toy):
    """Would a release with hidden tests, delimiters or outputs be caught?"""
    release(toy)
    nb = nbformat.read(toy.release_notebook, as_version=4)
    nb.cells[2].source = DOUBLE_TESTS.source
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", text="4")]
    nbformat.write(nb, toy.release_notebook)
    leaks = "\n".join(find_leaks(nbformat.read(toy.source_notebook, as_version=4), toy.release_dir))
    assert "double(-3.5)" in leaks
    assert "delimiter '### BEGIN HIDDEN TESTS'" in leaks
    assert "outputs or an execution count" in leaks
