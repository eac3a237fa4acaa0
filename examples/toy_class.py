"""A generated class of cheap submissions to the probe course's toy assignment, with known scores.

For tests and benchmarks that need many submissions (class runs, scale-out) without paying for
a real assignment's notebooks: each toy notebook grades in about a kernel start. Students are
``s000``, ``s001``, ...; each gets one of the variants below in turn.
"""

from __future__ import annotations

import nbformat

from autograder.course import Assignment
from autograder.derive import release_version, student_version

# name: (solution cells replaced, by grade_id; the score out of 3 (double 2 points, square 1))
VARIANTS: dict[str, tuple[dict[str, str], float]] = {
    "perfect": ({}, 3),
    "triples": ({"double": "def double(x):\n    return 3 * x\n"}, 1),
    "adds": ({"square": "def square(x):\n    return x + x\n"}, 2),
    "drops_sign": ({"double": "def double(x):\n    return 2 * abs(x)\n"}, 1),  # passes the visible test
    "uses_pow": ({"square": "def square(x):\n    return x ** 2\n"}, 3),
    "untouched": ({}, 0),
}


def write_toy_class(assignment: Assignment, n: int) -> dict[str, float]:
    """Write ``n`` submissions under ``submitted/``; return each student's expected score."""
    source = nbformat.read(assignment.source_notebook, as_version=4)
    expected = {}
    for i in range(n):
        student, variant = f"s{i:03d}", list(VARIANTS)[i % len(VARIANTS)]
        replacements, score = VARIANTS[variant]
        nb = (release_version(source, assignment) if variant == "untouched"
              else student_version(source, assignment, replacements))
        path = assignment.course.root / "submitted" / student / assignment.id / f"{assignment.id}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        expected[student] = score
    return expected
