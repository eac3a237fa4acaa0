"""Grading a class: every submission gets a row, feedback hides the hidden tests, export reports."""

from __future__ import annotations

import csv
import json

import pytest

from autograder.classrun import autograde
from autograder.errors import AutograderError
from autograder.export import export
from autograder.feedback import generate_feedback
from autograder.gradebook import pass_rates, rows
from autograder.release import release
from autograder.report import common_failures, mistake_key
from examples.submissions import write_class


@pytest.fixture
def graded_class(toy):
    """The toy assignment released, its example class generated and autograded."""
    release(toy)
    write_class(toy)
    (toy.course.root / "submitted" / "absent" / "toy").mkdir(parents=True)
    renamed = toy.course.root / "submitted" / "renamer" / "toy"
    renamed.mkdir(parents=True)
    (toy.course.root / "submitted" / "perfect" / "toy" / "toy.ipynb").rename(renamed / "toy (1).ipynb")
    (toy.course.root / "submitted" / "perfect" / "toy" / "toy.ipynb").write_text(
        (renamed / "toy (1).ipynb").read_text())
    autograde(toy, workers=2)
    return toy


def test_every_submission_gets_a_row_with_its_reason(graded_class):
    """Does every student, however broken the submission, end with a gradebook row?"""
    by_student = {r.student: r for r in rows(graded_class.course)}
    assert set(by_student) == {"perfect", "broken", "corrupt", "untouched", "absent", "renamer"}
    assert by_student["renamer"].score == 3 and "was renamed" in by_student["renamer"].reason
    assert by_student["perfect"].score == 3 and by_student["perfect"].reason == ""
    assert by_student["untouched"].score == 0
    assert by_student["corrupt"].score == 0 and "not valid JSON" in by_student["corrupt"].reason
    assert by_student["absent"].score == 0 and "no toy.ipynb" in by_student["absent"].reason
    assert "was edited" in by_student["broken"].reason and "was deleted" in by_student["broken"].reason


def test_pass_rates_count_full_marks_per_function(graded_class):
    """Are per-function pass rates the share of submissions with full marks?"""
    rates = pass_rates(graded_class.course)["toy"]
    assert rates == {"double": pytest.approx(3 / 6), "square": pytest.approx(3 / 6)}


def test_rerun_skips_graded_submissions_unless_forced(graded_class):
    """Does a second run regrade nothing, and --force regrade everything?"""
    assert "graded 0 of 6" in autograde(graded_class, workers=1)
    assert "graded 6 of 6" in autograde(graded_class, workers=2, force=True)


def test_feedback_shows_messages_but_no_hidden_tests(graded_class):
    """Does the HTML feedback omit hidden-test code?"""
    pages = generate_feedback(graded_class)
    assert {p.parent.parent.name for p in pages} >= {"perfect", "broken", "untouched"}
    text = "\n".join(p.read_text() for p in pages)
    assert "double(-3.5)" not in text and "HIDDEN" not in text
    assert "not implemented yet" in text and "PASSED (2/2)" in text
    broken = next(p for p in pages if p.parent.parent.name == "broken").read_text()
    assert "Notes from the grader" in broken and "was edited" in broken


def test_export_writes_csv_and_json(graded_class, tmp_path):
    """Do the exports hold every row and the pass rates?"""
    table = export(graded_class.course, fmt="csv", output=str(tmp_path))
    assert "perfect" in table and "pass rates, toy" in table
    with (tmp_path / "grades.csv").open() as f:
        assert len(list(csv.DictReader(f))) == 6
    data = json.loads(export(graded_class.course, fmt="json", output=str(tmp_path)))
    assert data["pass_rates"]["toy"]["double"] == pytest.approx(0.5)
    assert (tmp_path / "report.html").read_text().count("data:image/png;base64,") == 1


def test_common_failures_group_messages_by_mistake(graded_class):
    """Are failure messages grouped with their numbers masked, most frequent first?"""
    failures = common_failures(graded_class.course)["toy"]
    assert failures["double"][0] == ("not implemented yet: the solution cell still raises "
                                     "NotImplementedError", 1) or failures["double"][0][1] >= 1
    assert mistake_key("double(2): got 6, expected 4") == "double(#): got #, expected #"


def test_no_submissions_is_a_clear_error(toy):
    """Does autograding an empty class say where submissions belong?"""
    with pytest.raises(AutograderError, match="no submissions in"):
        autograde(toy)
