"""``autograder check``: prove every assignment is gradable and its release leaks nothing.

For each assignment: the release builds and passes the leak check; the source notebook, graded
like a submission, scores full marks; the release, graded untouched, scores zero without
crashing the grader. With ``full``, both are graded again with the ``skip-grading`` cells run
too (training included), and every verdict must be the same. Then the bad-submission corpus
(``corpus.py``) is graded as a class and every promise checked; the report starts with the
isolation mechanisms in force.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from . import sandbox
from .corpus import run_corpus
from .course import Assignment, select
from .errors import AutograderError
from .grade import grade_file
from .release import release
from .results import GradingResult


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def text(self) -> str:
        verdict = "check passed" if self.ok else f"check FAILED ({len(self.problems)} problems)"
        return "\n".join([*self.lines, *(f"  ! {p}" for p in self.problems), verdict])


def check_assignment(assignment: Assignment, report: CheckReport, *, full: bool = False) -> None:
    start = time.monotonic()
    try:
        release(assignment)
    except AutograderError as e:
        report.problems.append(str(e))
        return
    source = grade_file(assignment.source_notebook, assignment)
    bad = [t.function for t in source.tests if t.status != "passed"]
    if bad or source.score != source.max_score:
        report.problems.append(f"{assignment.ref}: the source scores {source.score:g}/"
                               f"{source.max_score:g}; failing: {', '.join(bad)} "
                               f"({'; '.join(t.message for t in source.tests if t.message)[:300]})")
    stub = grade_file(assignment.release_notebook, assignment)
    passed = [t.function for t in stub.tests if t.status == "passed"]
    if passed or stub.score != 0:
        report.problems.append(f"{assignment.ref}: the untouched release scores {stub.score:g} "
                               f"(tests that pass without a solution: {', '.join(passed)})")
    same = ""
    if full:
        for label, graded in (("source", source), ("untouched release", stub)):
            path = assignment.source_notebook if label == "source" else assignment.release_notebook
            report.problems += _compare_full_run(assignment, label, graded, path)
        same = ", same grades with every cell run"
    report.lines.append(
        f"{assignment.ref}: source {source.score:g}/{source.max_score:g}, release "
        f"{stub.score:g}/{stub.max_score:g}, no leaks{same} ({time.monotonic() - start:.1f} s)"
    )


def _compare_full_run(assignment: Assignment, label: str, graded: GradingResult, path) -> list[str]:
    """Problems when running the ``skip-grading`` cells too would change a verdict."""
    full = grade_file(path, assignment, keep_skipped=True)
    verdict = {t.grade_id: (t.status, t.score) for t in graded.tests}
    return [f"{assignment.ref}: skipping the skip-grading cells changes the {label}'s {t.grade_id} "
            f"from {t.status} {t.score:g} (every cell run) to {verdict.get(t.grade_id)}"
            for t in full.tests if verdict.get(t.grade_id) != (t.status, t.score)]


def run_check(selector: str | None = None, *, corpus: bool = True, full: bool = False) -> CheckReport:
    report = CheckReport(lines=[sandbox.describe()])
    assignments = select(selector)
    if not assignments:
        raise AutograderError(f"no assignments found for '{selector or 'all courses'}'")
    for assignment in assignments:
        check_assignment(assignment, report, full=full)
    if corpus:
        outcome = run_corpus()
        report.lines.append(outcome.text().splitlines()[0])
        if not outcome.ok:
            report.problems += outcome.text().splitlines()[1:]
    return report
