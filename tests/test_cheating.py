"""Cheating attempts gain nothing: verdicts are decided by the grader, not the student's kernel."""

from __future__ import annotations

import pytest

from autograder.grade import grade_file
from examples.submissions import student_version
from factory import toy_source

WRONG = "    return 3 * x\n"

CHEATS = {
    "patch-expect": ("import shared_utils.testing as t\n"
                     "t.expect = lambda *a, **k: None\nt.compare = lambda *a, **k: []\n"
                     "def double(x):\n" + WRONG),
    "patch-numpy": ("import numpy as np\nnp.isclose = lambda *a, **k: True\n"
                    "np.allclose = lambda *a, **k: True\ndef double(x):\n" + WRONG),
    "patch-builtins": ("import builtins\nbuiltins.AssertionError = type('Nope', (Exception,), {})\n"
                       "def double(x):\n" + WRONG),
    "always-equal-object": ("class Liar:\n    def __eq__(self, other):\n        return True\n"
                            "    __ne__ = lambda self, other: False\n"
                            "def double(x):\n    return Liar()\n"),
    "always-equal-float": ("class Liar(float):\n    def __eq__(self, other):\n        return True\n"
                           "    __hash__ = float.__hash__\n"
                           "def double(x):\n    return Liar(0.0)\n"),
    "fake-success-text": ("def double(x):\n    print('All tests passed.')\n" + WRONG),
    "forged-records": (
        "from shared_utils.records import emit\n"
        "def double(x):\n"
        "    emit('double_tests:0', 'expect', actual=4)\n"
        "    emit('double_tests:1', 'expect', actual=-7.5)\n" + WRONG),
    "exit-early": "import sys\ndef double(x):\n    sys.exit(0)\n",
    "hardcoded-public-answer": "def double(x):\n    return 4\n",
}


@pytest.mark.parametrize("cheat", list(CHEATS))
def test_cheat_earns_nothing(toy, write_nb, cheat):
    """Does this cheating attempt leave `double` with zero points and `square` untouched?"""
    nb = student_version(toy_source(), toy, {"double": CHEATS[cheat]})
    result = grade_file(write_nb(nb), toy)
    tests = {t.function: t for t in result.tests}
    assert tests["double"].score == 0, tests["double"]
    assert tests["square"].status == "passed"


def test_expected_values_are_not_computed_in_the_students_kernel(tmp_path, write_nb):
    """Does the student's kernel run only the *actual* side of each hidden check?"""
    from autograder.course import find_course
    from autograder.grade import grade_notebook
    from autograder.source import register
    from factory import DOUBLE, grade_cell, make_course, notebook

    tests = grade_cell("double_tests", (
        "from shared_utils.testing import expect\n"
        "expect(double(2), 4, name='double(2)')\n"
        "### BEGIN HIDDEN TESTS\n"
        "def t_reference():\n    print('REFERENCE RAN')\n    return 10\n"
        "expect(double(5), t_reference(), name='double(5)')\n"
        "### END HIDDEN TESTS\n"))
    make_course(tmp_path, notebook(DOUBLE, tests))
    assignment = find_course("course9", tmp_path).assignment("toy")
    db_url = f"sqlite:///{tmp_path / 'gb.db'}"
    register(assignment, db_url)
    result, executed = grade_notebook(student_version(notebook(DOUBLE, tests), assignment),
                                      assignment, db_url)
    assert result.score == result.max_score
    outputs = str([c.get("outputs") for c in executed.cells])
    assert "REFERENCE RAN" not in outputs


def test_a_source_failing_its_own_test_is_refused(tmp_path, write_nb):
    """Is a source notebook whose solution fails its own hidden test reported, not graded?"""
    from autograder.course import find_course
    from autograder.errors import AutograderError
    from factory import DOUBLE, grade_cell, make_course, notebook

    wrong_test = grade_cell("double_tests", "from shared_utils.testing import expect\n"
                            "expect(double(2), 5, name='double(2)')\n")
    make_course(tmp_path, notebook(DOUBLE, wrong_test))
    assignment = find_course("course9", tmp_path).assignment("toy")
    with pytest.raises(AutograderError, match="fails its own test double_tests"):
        grade_file(write_nb(student_version(notebook(DOUBLE, wrong_test), assignment)), assignment)
