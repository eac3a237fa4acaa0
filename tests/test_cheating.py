"""Cheating attempts gain nothing: verdicts are decided by the grader, not the student's kernel."""

from __future__ import annotations

import pytest

from autograder.corpus import CHEATS
from autograder.derive import student_version
from autograder.grade import grade_file
from autograder.probe import toy_source


@pytest.mark.parametrize("cheat", [c for c in CHEATS if c not in ("read-the-hidden-tests", "phone-home")])
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
    from autograder.probe import DOUBLE, grade_cell, make_course, notebook
    from autograder.source import register

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
    from autograder.probe import DOUBLE, grade_cell, make_course, notebook

    wrong_test = grade_cell("double_tests", "from shared_utils.testing import expect\n"
                            "expect(double(2), 5, name='double(2)')\n")
    make_course(tmp_path, notebook(DOUBLE, wrong_test))
    assignment = find_course("course9", tmp_path).assignment("toy")
    with pytest.raises(AutograderError, match="fails its own test double_tests"):
        grade_file(write_nb(student_version(notebook(DOUBLE, wrong_test), assignment)), assignment)
