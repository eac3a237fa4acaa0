"""A tiny probe course (`course9/toy`: `double` and `square`) for the self-check corpus and the tests."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}

CONFIG = '''c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "{name}"
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE\\nraise NotImplementedError()"}}
c.Execute.timeout = {timeout}
# numpy on one thread needs few tasks; a low ceiling stops the corpus's fork bomb in well under
# the cell limit even on a busy machine (the default, 512, is sized for TensorFlow's threads)
c.Autograder.max_processes = 64
'''


def solution_cell(grade_id: str, source: str) -> NotebookNode:
    meta = {"grade": False, "solution": True, "locked": False, "grade_id": grade_id,
            "schema_version": 3}
    return new_code_cell(source, metadata={"nbgrader": meta})


def grade_cell(grade_id: str, source: str, points: float = 1) -> NotebookNode:
    meta = {"grade": True, "solution": False, "locked": True, "grade_id": grade_id,
            "points": points, "schema_version": 3}
    return new_code_cell(source, metadata={"nbgrader": meta})


def notebook(*cells: NotebookNode) -> NotebookNode:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = KERNELSPEC
    return nb


DOUBLE = solution_cell("double", '''def double(x):
    """Return 2 * x."""
    ### BEGIN SOLUTION
    result = x + x
    ### END SOLUTION
    return result
''')

DOUBLE_TESTS = grade_cell("double_tests", '''from shared_utils.testing import expect
expect(double(2), 4, name="double(2)")
### BEGIN HIDDEN TESTS
t_expected = 2 * -3.5
expect(double(-3.5), t_expected, name="double(-3.5)")
### END HIDDEN TESTS
''', points=2)

SQUARE = solution_cell("square", '''def square(x):
    """Return x squared."""
    ### BEGIN SOLUTION
    squared_value = x * x
    ### END SOLUTION
    return squared_value
''')

SQUARE_TESTS = grade_cell("square_tests", '''from shared_utils.testing import expect
expect(square(3), 9, name="square(3)")
### BEGIN HIDDEN TESTS
expect(square(-4), 16, name="square(-4)")
### END HIDDEN TESTS
''')


def toy_source() -> NotebookNode:
    """Two graded functions (3 points): double (2 points) and square (1 point)."""
    skipped = new_code_cell("print('training...')", metadata={"tags": ["skip-grading"]})
    return notebook(new_markdown_cell("# Toy"), DOUBLE, DOUBLE_TESTS, SQUARE, SQUARE_TESTS, skipped)


def make_course(root: Path, nb: NotebookNode | None = None, *, name: str = "course9",
                assignment: str = "toy", timeout: int = 20) -> Path:
    """Write a course folder under ``root`` holding one assignment; return the notebook path."""
    course = root / name
    (course / "source" / assignment).mkdir(parents=True, exist_ok=True)
    (course / "nbgrader_config.py").write_text(CONFIG.format(name=name, timeout=timeout))
    path = course / "source" / assignment / f"{assignment}.ipynb"
    nbformat.write(nb if nb is not None else toy_source(), path)
    return path
