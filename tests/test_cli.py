"""The command line: exit codes, one-line errors for bad input, the JSON schema."""

from __future__ import annotations

import json

import pytest

from autograder.cli import main
from autograder.derive import student_version
from autograder.probe import toy_source


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.startswith("autograder: error:")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_grade_json_follows_the_documented_schema(capsys, toy, write_nb):
    """Does `grade --json` print one object with the documented keys?"""
    path = write_nb(student_version(toy_source(), toy))
    code, out, _ = run(capsys, "grade", str(path), "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"assignment", "score", "max_score", "tests", "errors"}
    assert data["assignment"] == "course9/toy" and data["score"] == data["max_score"] == 3.0
    assert set(data["tests"][0]) == {"grade_id", "function", "score", "max_score", "status", "message"}
    assert [t["function"] for t in data["tests"]] == ["double", "square"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such notebook"),
        ("just text", "is not a notebook (.ipynb)"),
        ('{"cells": [', "not valid JSON"),
        ('{"hello": 1}', "not a Jupyter notebook"),
    ],
    ids=["missing", "not-a-notebook", "invalid-json", "json-not-notebook"],
)
def test_bad_input_is_one_line_and_exit_2(capsys, toy_root, tmp_path, content, expected):
    """Does bad input give exit 2 and one line naming the problem?"""
    path = tmp_path / ("toy.txt" if content == "just text" else "toy.ipynb")
    if content is not None:
        path.write_text(content)
    code, _, err = run(capsys, "grade", str(path))
    assert code == 2
    assert expected in one_line_error(err)


def test_unknown_assignment_names_the_known_ones(capsys, toy_root, write_nb, toy):
    """Does a wrong --assignment list what exists?"""
    path = write_nb(student_version(toy_source(), toy))
    code, _, err = run(capsys, "grade", str(path), "--assignment", "course9/nope")
    assert code == 2
    assert "known: toy" in one_line_error(err)


def test_uninferable_file_name_asks_for_assignment(capsys, toy, write_nb):
    """Does a renamed notebook get a hint to pass --assignment?"""
    path = write_nb(student_version(toy_source(), toy), name="my_homework.ipynb")
    code, _, err = run(capsys, "grade", str(path))
    assert code == 2
    assert "--assignment" in one_line_error(err)


def test_release_check_and_export_run_end_to_end(capsys, toy_root):
    """Do release, check and export complete with exit 0 on a healthy course?"""
    assert run(capsys, "release", "course9")[0] == 0
    code, out, _ = run(capsys, "check", "course9/toy")
    assert code == 0 and "check passed" in out
    code, out, _ = run(capsys, "export", "course9", "--format", "json")
    assert code == 0 and json.loads(out)["grades"] == []


def test_feedback_before_autograde_is_a_clear_error(capsys, toy_root):
    """Does asking for feedback too early say what to run first?"""
    code, _, err = run(capsys, "feedback", "course9", "toy")
    assert code == 2
    assert "autograder autograde course9 toy" in one_line_error(err)
