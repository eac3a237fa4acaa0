"""``autograder feedback``: per-student HTML feedback with nbgrader's ``generate_feedback``.

Two steps are added in front of nbgrader's own: hidden tests are cleared (stock nbgrader would
show them), and cell outputs are replaced by the grader's verdicts (see ``ShowVerdicts``).
Each page gets its submission's ``timestamp.txt`` and ``submission_secret.txt`` beside it, which
nbgrader's ``release_feedback`` (formgrader's *Release Feedback*) needs to address the student.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import nbformat
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades, NbGraderPreprocessor
from traitlets.config import Config

from .course import Assignment
from .errors import AutograderError
from .gradebook import RESULT_FILE
from .leaks import secret_lines
from .nbgrader_api import check, nbgrader_api
from .results import GradingResult


class ShowVerdicts(NbGraderPreprocessor):
    """Replace cell outputs by the verdicts: each test cell shows its status and message only;
    the grader's notes (restored cells, where a kernel stopped) and, for a late submission, how
    late and what it cost, come first.

    Outputs are what a student's code could use to smuggle hidden-test source into feedback
    (by printing it from a later cell), and tracebacks quote hidden-test lines; the verdict
    messages carry everything the student needs.
    """

    def preprocess(self, nb, resources):
        path = Path(resources["metadata"]["path"]) / RESULT_FILE
        result = GradingResult.from_dict(json.loads(path.read_text())) if path.is_file() else None
        self.verdicts = {t.grade_id: t for t in result.tests} if result else {}
        if result and result.errors:  # what the grader noticed: restored cells, where a kernel stopped
            listed = "\n".join(f"- {e}" for e in result.errors)
            nb.cells.insert(0, nbformat.v4.new_markdown_cell(
                f"**Notes from the grader**\n\n```text\n{listed}\n```"))
        note = result.submission.note if result and result.submission else ""
        if note:  # lateness, at the top (nbgrader's header shows the penalty in points)
            nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"**{note}**"))
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        cell.outputs = []
        test = self.verdicts.get(cell.metadata.get("nbgrader", {}).get("grade_id"))
        if test is not None:
            text = f"{test.status.upper()} ({test.score:g}/{test.max_score:g})"
            text += f": {test.message}\n" if test.message else "\n"
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
        return cell, resources


# NB: ClearHiddenTests must run before GetGrades reads the cells; ShowVerdicts any time.
FEEDBACK_STEPS = [ClearHiddenTests, ShowVerdicts, GetGrades, CSSHTMLHeaderPreprocessor]


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
    for page in pages:
        _copy_exchange_files(assignment, page.parent)
    hidden = secret_lines(nbformat.read(assignment.source_notebook, as_version=4), hidden_only=True)
    for page in pages:
        text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
        if hidden & {line.strip() for line in text.splitlines()}:
            page.unlink()
            raise AutograderError(f"{page} showed hidden-test code and was deleted")
    return pages


def _copy_exchange_files(assignment: Assignment, feedback_dir: Path) -> None:
    """The submission's exchange bookkeeping, which nbgrader's autograde would have carried along."""
    submitted = assignment.course.root / "submitted" / feedback_dir.parent.name / assignment.id
    for name in ("timestamp.txt", "submission_secret.txt"):
        if (submitted / name).is_file():
            shutil.copy(submitted / name, feedback_dir / name)
