"""``autograder feedback``: per-student HTML feedback with nbgrader's ``generate_feedback``.

Two steps are added in front of nbgrader's own: hidden tests are cleared (stock nbgrader would
show them), and error tracebacks in test cells are cut to their last line, which carries the
check's message without exposing hidden-test source through the traceback.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader import utils
from nbgrader.preprocessors import ClearHiddenTests, GetGrades, NbGraderPreprocessor
from traitlets.config import Config

from .course import Assignment
from .errors import AutograderError
from .leaks import secret_lines
from .nbgrader_api import check, nbgrader_api


class ShortenTracebacks(NbGraderPreprocessor):
    """Replace each test cell's error traceback by ``ename: evalue``."""

    def preprocess_cell(self, cell, resources, index):
        if utils.is_grade(cell) and cell.cell_type == "code":
            for output in cell.outputs:
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources


# NB: ClearHiddenTests must run before GetGrades reads the cells; ShortenTracebacks any time.
FEEDBACK_STEPS = [ClearHiddenTests, ShortenTracebacks, GetGrades, CSSHTMLHeaderPreprocessor]


def generate_feedback(assignment: Assignment) -> list[Path]:
    """Write ``feedback/<student>/<id>/<id>.html`` for every autograded submission."""
    autograded = assignment.course.root / "autograded"
    if not any(autograded.glob(f"*/{assignment.id}/{assignment.id}.ipynb")):
        raise AutograderError(f"nothing autograded yet for {assignment.ref}: run "
                              f"`autograder autograde {assignment.course.name} {assignment.id}`")
    extra = Config()
    extra.GenerateFeedback.preprocessors = FEEDBACK_STEPS
    check(nbgrader_api(assignment.course, extra).generate_feedback(assignment.id),
          f"generate feedback for {assignment.ref}")
    pages = sorted((assignment.course.root / "feedback").glob(f"*/{assignment.id}/*.html"))
    hidden = secret_lines(nbformat.read(assignment.source_notebook, as_version=4), hidden_only=True)
    for page in pages:
        text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
        if hidden & {line.strip() for line in text.splitlines()}:
            page.unlink()
            raise AutograderError(f"{page} showed hidden-test code and was deleted")
    return pages
