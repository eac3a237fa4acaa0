"""The real course notebooks: conventions, a clean self-check, and the example class's grades."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from traitlets.config import PyFileConfigLoader

from autograder.check import run_check
from autograder.course import courses, find_course
from autograder.grade import grade_file
from autograder.normalize import is_normalized
from examples.submissions import mistakes_for, scenarios

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(ROOT.glob("course*/source/*/*.ipynb"))
BARE_CHECKS = re.compile(r"^\s*assert\b|np\.allclose|np\.testing|np\.array_equal", re.MULTILINE)


def nbgrader_meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_source_is_committed_normalized(path):
    """Is the source notebook free of outputs, execution counts and stray metadata?"""
    assert is_normalized(path), f"run `make normalize` on {path}"


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_each_solution_is_followed_by_its_test_cell(path):
    """Is every graded function its own solution cell followed by `<function>_tests` with points?"""
    cells = [c for c in nbformat.read(path, as_version=4).cells if nbgrader_meta(c)]
    solutions = [i for i, c in enumerate(cells) if nbgrader_meta(c).get("solution")]
    assert solutions, "no graded functions"
    for i in solutions:
        gid = nbgrader_meta(cells[i])["grade_id"]
        following = nbgrader_meta(cells[i + 1]) if i + 1 < len(cells) else {}
        assert following.get("grade_id") == f"{gid}_tests" and following.get("points", 0) > 0


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_exercises_are_numbered_consecutively(path):
    """Are the exercise headings 'Exercise 1 - fn', 'Exercise 2 - fn', ... in order?"""
    nb = nbformat.read(path, as_version=4)
    headings = re.findall(r"^#+ Exercise (\d+) - `?(\w+)`?", "\n".join(
        c.source for c in nb.cells if c.cell_type == "markdown"), re.MULTILINE)
    graded = [nbgrader_meta(c)["grade_id"] for c in nb.cells if nbgrader_meta(c).get("solution")]
    assert [int(n) for n, _ in headings] == list(range(1, len(headings) + 1))
    assert [name for _, name in headings] == graded


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_test_cells_check_only_through_shared_utils(path):
    """Do test cells avoid bare asserts and end without a displayed value (partial credit)?"""
    for cell in nbformat.read(path, as_version=4).cells:
        if not nbgrader_meta(cell).get("grade"):
            continue
        assert not BARE_CHECKS.search(cell.source), nbgrader_meta(cell)["grade_id"]
        assert "shared_utils.testing" in cell.source
        last = ast.parse(cell.source).body[-1]
        assert not isinstance(last, ast.Expr) or isinstance(last.value, ast.Call)


def copy_course(name: str, root: Path):
    """A copy of a course (sources and config only) in a scratch project root."""
    shutil.copytree(ROOT / name, root / name,
                    ignore=shutil.ignore_patterns("release", "submitted", "autograded", "feedback",
                                                  "gradebook.db", "exchange", "exports", ".autograder"))
    return find_course(name, root)


COURSES_WITH_ASSIGNMENTS = sorted({p.parts[-4] for p in SOURCES})


@pytest.mark.parametrize("course", COURSES_WITH_ASSIGNMENTS)
def test_check_passes(course, tmp_path, monkeypatch):
    """Does every source of the course score full marks, its release zero, with no leak?"""
    monkeypatch.setenv("AUTOGRADER_ROOT", str(tmp_path))
    copy = copy_course(course, tmp_path)
    report = run_check(course, corpus=False)
    assert report.ok, report.text()
    assert len(report.lines) == 1 + len(copy.assignments())


@pytest.mark.parametrize("path", SOURCES, ids=[f"{p.parts[-4]}-{p.stem}" for p in SOURCES])
def test_example_submissions_get_full_partial_and_zero(tmp_path, monkeypatch, path):
    """Do the perfect, partial and broken examples score full, partial and zero marks?"""
    monkeypatch.setenv("AUTOGRADER_ROOT", str(tmp_path))
    assignment_id = path.stem
    assignment = copy_course(path.parts[-4], tmp_path).assignment(assignment_id)
    texts = scenarios(assignment)
    results = {}
    for student in ("perfect", "partial", "broken"):
        file = tmp_path / student / f"{assignment_id}.ipynb"
        file.parent.mkdir()
        file.write_text(texts[student])
        results[student] = grade_file(file, assignment)
    perfect, partial, broken = results["perfect"], results["partial"], results["broken"]
    assert perfect.score == perfect.max_score > 0
    assert 0 < partial.score < partial.max_score
    failing = {t.function for t in partial.tests if t.status != "passed"}
    assert set(mistakes_for(assignment)) <= failing
    assert all(t.message for t in partial.tests if t.status != "passed")
    # the broken imports cell sinks every function that needs an import; pure ones may pass
    assert broken.score <= broken.max_score / 2
    assert any("SyntaxError" in e for e in broken.errors)
    assert any("was deleted" in e for e in broken.errors)
    assert any("was edited" in e for e in broken.errors)


def test_every_course_folder_is_an_nbgrader_course():
    """Do course1, course2 and course4 each have an nbgrader config naming their course id?"""
    assert [c.name for c in courses(ROOT)] == ["course1", "course2", "course4"]
    for course in courses(ROOT):
        config = PyFileConfigLoader("nbgrader_config.py", path=str(course.root)).load_config()
        assert config.CourseDirectory.course_id == course.name
