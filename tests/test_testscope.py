"""What a test cell leaves in the student's kernel: sliced expected values, enclosed variables."""

from __future__ import annotations

import ast

import nbformat
import numpy as np

from autograder.course import find_course
from autograder.derive import student_version
from autograder.grade import grade_file
from autograder.probe import DOUBLE, grade_cell, make_course, notebook, toy_source
from autograder.testscope import names_read_elsewhere
from autograder.verdicts import rewrite

CELL = '''from shared_utils.testing import expect
def t_reference(x, n):
    return x * n
t_rng = np.random.default_rng(0)
for t_n in (2, 3):
    t_x = t_rng.normal(size=3)
    t_expected = t_reference(t_x, t_n)
    expect(scale(t_x, t_n), t_expected, name=f"scale(x, {t_n})")
t_table = {"a": t_reference(1.0, 2)}
expect_true(scale(1.0, 2) == t_table["a"], name="scale(1, 2)", message="wrong")
'''


def run(source: str, namespace: dict) -> list:
    """Execute a rewritten cell; return what its checks reported."""
    reported: list = []
    namespace.update(__autograder_emit__=lambda site, kind, **values: reported.append((site, values)),
                     np=np, scale=lambda x, n: x * n)
    exec(source, namespace)  # noqa: S102 - our own test code
    return reported


def test_student_run_drops_what_only_computes_expected_values():
    """Are the reference function and t_expected gone from the student run, while the inputs, and
    a reference value inside an actual (expect_true's condition), stay?"""
    student = rewrite(CELL, "scale_tests", reference=False)
    assert "t_expected" not in student
    assert "def t_reference" in student  # expect_true's condition reads t_table, which reads it
    plain = CELL.replace('expect_true(scale(1.0, 2) == t_table["a"]', 'expect(scale(1.0, 2), t_table["a"]')
    student = rewrite(plain, "scale_tests", reference=False)
    assert "t_reference" not in student and "t_table" not in student
    assert "t_x = t_rng.normal(size=3)" in student


def test_student_and_reference_runs_report_the_same_actual_values():
    """Does slicing change none of the values the student's code is called with?"""
    plain = CELL.replace('expect_true(scale(1.0, 2) == t_table["a"]', 'expect(scale(1.0, 2), t_table["a"]')
    student = run(rewrite(plain, "scale_tests", reference=False), {})
    reference = run(rewrite(plain, "scale_tests", reference=True), {})
    assert [s for s, _ in student] == [s for s, _ in reference]
    for (_, got), (_, ref) in zip(student, reference, strict=True):
        assert np.array_equal(got["actual"], ref["actual"]) and "expected" in ref and "expected" not in got


def test_enclosed_cell_leaves_only_shared_names_global():
    """After the cell, are its own variables gone from the namespace, and names another cell
    reads (or that the cell declares global) still there?"""
    cell = "t_secret = 42\nshared_value = 7\ndef t_helper():\n    global t_flag\n    t_flag = 1\nt_helper()\n"
    namespace: dict = {}
    run(rewrite(cell, "x_tests", reference=True, shared={"shared_value"}), namespace)
    assert "t_secret" not in namespace and "t_helper" not in namespace
    assert namespace["shared_value"] == 7 and namespace["t_flag"] == 1
    assert "__autograder_test_cell__" not in namespace


def test_a_submission_cannot_read_the_expected_value_from_globals():
    """Does a function that returns globals()['t_expected'] find nothing in a student run?"""
    cell = "t_expected = 2 * -3.5\nexpect(double(-3.5), t_expected, name='double(-3.5)')\n"
    namespace: dict = {}
    exec("def double(x):\n    return globals().get('t_expected', 0.0)\n", namespace)  # noqa: S102
    reported = run(rewrite(cell, "double_tests", reference=False), namespace)
    assert reported == [("double_tests:0", {"actual": 0.0})]


def test_names_read_elsewhere_are_free_names_of_the_other_cells():
    """Does a cell that binds t_x itself not make another cell's t_x shared, while a name it
    only reads (inside a function too) is?"""
    shared = names_read_elsewhere({"a_tests": "t_x = 1\nshared = 2\n", "b_tests": "t_x = 3\nprint(shared)\n"},
                                  ["def train():\n    return optimizer\n", "%time x = 1"])
    assert "t_x" not in shared["a_tests"] and "shared" in shared["a_tests"]
    assert {"optimizer", "time", "x"} <= shared["a_tests"]


def test_rewritten_cell_is_valid_python_with_one_function():
    """Is the rewritten cell one decorated function and a del, as the kernel will run it?"""
    tree = ast.parse(rewrite(CELL, "scale_tests", reference=False))
    assert [type(s).__name__ for s in tree.body] == ["FunctionDef", "Delete"]


def test_test_cell_source_stays_out_of_the_input_history(toy, write_nb):
    """Is a test cell missing from the kernel's In list while it runs (a solution that reads it
    to find the hidden tests sees only cells that are not tests)?"""
    peek = ("def double(x):\n"
            "    history = get_ipython().user_ns.get('In', [])\n"
            "    site = 'double' + '_tests:'  # as the rewritten test cell names its checks\n"
            "    return 0 if any(site in cell for cell in history) else 2 * x\n")
    result = grade_file(write_nb(student_version(toy_source(), toy, {"double": peek})), toy)
    assert {t.function: t.status for t in result.tests} == {"double": "passed", "square": "passed"}


def test_a_dropped_statement_that_draws_random_numbers_fails_the_source(tmp_path):
    """Does the source fail its own test when a dropped expected-only statement drew random
    numbers the student's input then misses (what `autograder check` reports to the author)?"""
    tests = grade_cell("double_tests", '''import numpy as np
from shared_utils.testing import expect
np.random.seed(0)
t_noise = np.random.rand(3) * 0.0
t_x = np.random.rand(3)
expect(double(t_x), 2 * t_x + t_noise, name="double(x)")
''', points=1)
    make_course(tmp_path, notebook(DOUBLE, tests))
    assignment = find_course("course9", tmp_path).assignment("toy")
    source = nbformat.read(assignment.source_notebook, as_version=4)
    path = tmp_path / "toy.ipynb"
    nbformat.write(student_version(source, assignment), path)
    result = grade_file(path, assignment)
    assert result.score == 0 and "double(x)" in result.tests[0].message


def test_an_emptied_block_stays_valid_python():
    """Does a try/except whose statements are all dropped still compile?"""
    cell = ("try:\n    t_expected = reference()\nexcept ValueError:\n    t_expected = None\n"
            "expect(double(2), t_expected, name='double(2)')\n")
    student = rewrite(cell, "double_tests", reference=False)
    compile(student, "<cell>", "exec")
    assert "t_expected" not in student and "reference" not in student
