"""Late penalties: due dates, policies and extensions from the course config, applied by class runs."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from traitlets.config import Config

from autograder.classrun import autograde
from autograder.course import Assignment, find_course
from autograder.deadlines import Deadlines, LatePolicy
from autograder.derive import student_version
from autograder.errors import AutograderError
from autograder.export import export
from autograder.feedback import generate_feedback
from autograder.gradebook import rows
from autograder.probe import make_course, toy_source
from autograder.receipts import collect

DUE = datetime(2026, 12, 1, 23, 59, tzinfo=UTC)
PER_DAY = {"kind": "per_period", "fraction": 0.1, "period_hours": 24, "cap": 0.5}


def configure(assignment: Assignment, **options: object) -> Assignment:
    """Append ``c.Autograder.<name> = <value>`` lines; return the assignment with the new config."""
    config = assignment.course.root / "nbgrader_config.py"
    config.write_text(config.read_text() + "".join(f"c.Autograder.{k} = {v!r}\n" for k, v in options.items()))
    return find_course(assignment.course.name, assignment.course.root.parent).assignment(assignment.id)


def hand_in(assignment: Assignment, students: list[str], at: datetime, tmp: Path) -> None:
    """Collect a perfect notebook from each of ``students`` at time ``at``."""
    inbox = tmp / f"inbox-{at:%H%M}"
    text = nbformat.writes(student_version(toy_source(), assignment))
    for student in students:
        (inbox / student).mkdir(parents=True)
        (inbox / student / f"{assignment.id}.ipynb").write_text(text)
    collect(assignment, inbox, now=at)


@pytest.fixture(scope="module")
def late_class(tmp_path_factory):
    """course9/toy due DUE at 10 % per day (cap 50 %); three perfect hand-ins: on time, 26 h
    late, and 26 h late with a 48 h extension; the late one ships a forged timestamp.txt."""
    root = tmp_path_factory.mktemp("late")
    make_course(root, toy_source(), timeout=10)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AUTOGRADER_ROOT", str(root))
        toy = configure(find_course("course9", root).assignment("toy"), due={"toy": "2026-12-01 23:59 UTC"},
                        late_policy={"toy": PER_DAY}, extensions={"toy": {"extended": {"hours": 48}}})
        hand_in(toy, ["ontime"], DUE - timedelta(hours=1), root)
        hand_in(toy, ["late", "extended"], DUE + timedelta(hours=26), root)
        forged = toy.course.root / "submitted" / "late" / "toy" / "timestamp.txt"
        forged.write_text("2026-11-01 00:00:00.000000 UTC\n")  # nbgrader's own convention
        autograde(toy, workers=1)
        yield toy


def test_policies_give_the_documented_fractions():
    """Do none, zero and per-period (a started period counts, capped) take off what they say?"""
    assert LatePolicy().fraction_off(100) == 0
    assert LatePolicy("zero").fraction_off(0.01) == 1 and LatePolicy("zero").fraction_off(0) == 0
    per_day = LatePolicy.from_dict(PER_DAY, "test")
    assert [per_day.fraction_off(h) for h in (0, 1, 24, 26, 200)] == pytest.approx([0, 0.1, 0.1, 0.2, 0.5])


def test_extension_moves_the_due_date_and_missing_receipt_is_noted():
    """Does an extension move one student's due date, and one without a receipt say lateness is unknown?"""
    deadline = Deadlines.from_config(Config({"Autograder": {
        "due": {"toy": "2026-12-01 23:59 UTC"}, "late_policy": {"toy": {"kind": "zero"}},
        "extensions": {"toy": {"alice": {"days": 1}}}}}), ["toy"]).for_assignment("toy")
    late = (DUE + timedelta(hours=2)).isoformat()
    assert deadline.judge("alice", late, None).penalty_fraction == 0
    assert deadline.judge("bob", late, None).note == "submitted 2 h late: -100 %"
    assert deadline.judge("bob", None, None).note.startswith("no collection receipt")


def test_unknown_options_fail_loudly_with_the_known_ones():
    """Are a misspelt option, policy key, kind, unit or assignment id refused with what is known?"""
    def read(**section):
        return Deadlines.from_config(Config({"Autograder": section}), ["toy"])

    with pytest.raises(AutograderError, match=r"unknown c.Autograder.*'late_policy'"):
        read(late_polcy={})
    with pytest.raises(AutograderError, match=r"unknown key\(s\) \['frac'\].*'fraction'"):
        read(late_policy={"toy": {"kind": "per_period", "frac": 0.1}})
    with pytest.raises(AutograderError, match="kind must be"):
        read(late_policy={"*": {"kind": "half"}})
    with pytest.raises(AutograderError, match="'hours'"):
        read(extensions={"toy": {"alice": {"hrs": 2}}})
    with pytest.raises(AutograderError, match=r"unknown assignment\(s\) \['toyy'\]; known: \['toy'\]"):
        read(due={"toyy": "2026-12-01"})
    with pytest.raises(AutograderError, match="is not a date"):
        read(due={"toy": "first of december"})
    assert read(late_policy={"*": {"kind": "zero"}}).for_assignment("toy").policy.kind == "zero"


def test_gradebook_rows_carry_the_penalty(late_class):
    """Does the late student lose 20 % (26 h at 10 % per started day), and the others nothing?"""
    by_student = {r.student: r for r in rows(late_class.course)}
    late, ontime, extended = by_student["late"], by_student["ontime"], by_student["extended"]
    assert (late.score, late.hours_late, late.penalty, late.final_score) == (3, 26, pytest.approx(0.6),
                                                                            pytest.approx(2.4))
    assert "submitted 26 h late: -20 %" in late.reason
    assert (ontime.penalty, ontime.final_score, ontime.hours_late) == (0, 3, 0) and ontime.reason == ""
    assert (extended.penalty, extended.final_score, extended.hours_late) == (0, 3, 0)


def test_nbgrader_sees_the_same_lateness(late_class):
    """Do nbgrader's own due date, timestamp, extension and penalty fields agree with ours?"""
    with Gradebook(late_class.course.db_url) as gb:
        assert gb.find_assignment("toy").duedate == DUE.replace(tzinfo=None)
        late = gb.find_submission("toy", "late")
        assert late.timestamp == (DUE + timedelta(hours=26)).replace(tzinfo=None)
        assert late.total_seconds_late == 26 * 3600
        assert late.late_submission_penalty == pytest.approx(0.6)
        extended = gb.find_submission("toy", "extended")
        assert extended.extension == timedelta(hours=48) and extended.total_seconds_late == 0


def test_forged_timestamp_file_has_no_effect(late_class):
    """Is a timestamp.txt inside the submission ignored in favour of the collection receipt?"""
    late = next(r for r in rows(late_class.course) if r.student == "late")
    assert late.timestamp == "2026-12-03T01:59:00+00:00" and late.penalty == pytest.approx(0.6)


def test_export_has_timestamp_lateness_penalty_and_final_score(late_class, tmp_path):
    """Does grades.csv hold the submission time, hours late, penalty, score after it and sha256?"""
    table = export(late_class.course, fmt="csv", output=str(tmp_path))
    with (tmp_path / "grades.csv").open() as f:
        late = next(r for r in csv.DictReader(f) if r["student"] == "late")
    assert (late["timestamp"], late["hours_late"], late["penalty"], late["final_score"]) == (
        "2026-12-03T01:59:00+00:00", "26.0", "0.6", "2.4")
    assert len(late["sha256"]) == 64
    assert "2.4/3" in table


def test_feedback_says_how_late_and_what_it_cost(late_class):
    """Does the late student's feedback open with the lateness line, and the others' not?"""
    pages = {p.parent.parent.name: p.read_text() for p in generate_feedback(late_class)}
    assert "submitted 26 h late: -20 %" in pages["late"]
    assert "late:" not in pages["ontime"] and "late:" not in pages["extended"]


def test_policy_changes_apply_on_the_next_run_without_regrading(toy, tmp_path):
    """Does a changed policy (zero), then an extension, re-price a graded submission without regrading?"""
    toy = configure(toy, due={"toy": "2026-12-01 23:59:00 UTC"}, late_policy={"toy": {"kind": "zero"}})
    hand_in(toy, ["late"], DUE + timedelta(minutes=5), tmp_path)
    autograde(toy, workers=1)
    (row,) = rows(toy.course)
    assert (row.score, row.penalty, row.final_score) == (3, 3, 0) and "5 min late: -100 %" in row.reason
    toy = configure(toy, extensions={"toy": {"late": {"days": 1}}})
    assert "graded 0 of 1" in autograde(toy, workers=1)
    (row,) = rows(toy.course)
    assert (row.penalty, row.final_score, row.reason) == (0, 3, "")
