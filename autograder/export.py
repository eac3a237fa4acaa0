"""``autograder export``: the course gradebook and per-function pass rates, as CSV or JSON.

Files go to ``COURSE/exports/`` (or ``--output``): ``grades.csv`` (with the submission time,
hours late, late penalty, score after it and the notebook's sha256), ``pass_rates.csv`` and
``common_failures.csv``, or ``gradebook.json``; and always ``report.html`` (score histogram and
pass-rate chart per assignment, most common failures per function). The returned text is what
the CLI prints: a table for CSV, the JSON itself for JSON.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from pathlib import Path

from .course import Course
from .gradebook import Row, pass_rates, rows
from .report import common_failures, write_report

GRADE_FIELDS = ["student", "assignment", "score", "max_score", "reason", "timestamp", "hours_late",
                "penalty", "final_score", "sha256"]


def export(course: Course, *, fmt: str = "csv", output: str | None = None) -> str:
    out_dir = Path(output) if output else course.root / "exports"
    out_dir.mkdir(parents=True, exist_ok=True)
    grades, rates, failures = rows(course), pass_rates(course), common_failures(course)
    report = write_report(course, out_dir)
    if fmt == "json":
        text = json.dumps({"course": course.name, "grades": [asdict(r) for r in grades],
                           "pass_rates": rates, "common_failures": failures}, indent=2)
        (out_dir / "gradebook.json").write_text(text + "\n")
        return text
    (out_dir / "grades.csv").write_text(_csv(GRADE_FIELDS, [asdict(r) for r in grades]))
    rate_rows = [{"assignment": a, "function": f, "pass_rate": f"{r:.3f}"}
                 for a, fns in rates.items() for f, r in fns.items()]
    (out_dir / "pass_rates.csv").write_text(_csv(["assignment", "function", "pass_rate"], rate_rows))
    failure_rows = [{"assignment": a, "function": f, "count": n, "message": m}
                    for a, fns in failures.items() for f, top in fns.items() for m, n in top]
    (out_dir / "common_failures.csv").write_text(
        _csv(["assignment", "function", "count", "message"], failure_rows))
    return (format_table(grades, rates) + f"\n\nwritten: {out_dir}/grades.csv, pass_rates.csv, "
            f"common_failures.csv, {report.name}")


def _csv(fields: list[str], records: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()


def format_table(grades: list[Row], rates: dict[str, dict[str, float]]) -> str:
    """The gradebook as aligned text (scores after any late penalty), then each assignment's
    pass rate per function."""
    if not grades:
        return "the gradebook is empty: run `autograder autograde COURSE ID` first"
    width = max(len(r.student) for r in grades)
    lines = [f"{'student':<{width}}  {'assignment':<24} {'score':>11}  reason"]
    for r in grades:
        score = f"{r.final_score:g}/{r.max_score:g}"
        lines.append(f"{r.student:<{width}}  {r.assignment:<24} {score:>11}  {r.reason}".rstrip())
    for assignment, fns in rates.items():
        lines.append(f"\npass rates, {assignment}:")
        lines += [f"  {f:<32} {r:6.0%}" for f, r in fns.items()]
    return "\n".join(lines)
