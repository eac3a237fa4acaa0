"""Class analytics: what the class got wrong, as data and as an HTML page with charts.

``common_failures`` groups each function's failure messages after masking numbers, so that
"double(2): got 6, expected 4" and "double(2): got 8, expected 4" count as one mistake.
``write_report`` draws, per assignment, the score histogram and the per-function pass rates.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections import Counter
from pathlib import Path

from .course import Assignment, Course
from .gradebook import Row, pass_rates, rows, stored_result

NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def mistake_key(message: str) -> str:
    """A failure message with its numbers masked: the shape of the mistake."""
    first = message.strip().splitlines()[0] if message.strip() else "(no message)"
    return NUMBER.sub("#", first)[:160]


def common_failures(course: Course, top: int = 3) -> dict[str, dict[str, list[tuple[str, int]]]]:
    """Per assignment and function, the ``top`` most frequent masked failure messages."""
    counts: dict[str, dict[str, Counter]] = {}
    for row in rows(course):
        result = stored_result(Assignment(course, row.assignment), row.student)
        if result is None:
            continue
        for test in result.tests:
            if test.status != "passed":
                per = counts.setdefault(row.assignment, {}).setdefault(test.function, Counter())
                per[mistake_key(test.message or test.status)] += 1
    return {a: {f: c.most_common(top) for f, c in fns.items()} for a, fns in counts.items()}


def _png(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _charts(assignment: str, grades: list[Row], rates: dict[str, float]) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.2))
    fractions = [r.score / r.max_score for r in grades if r.max_score]
    left.hist(fractions, bins=10, range=(0, 1), color="#4c72b0")
    left.set(title=f"{assignment}: scores", xlabel="fraction of points", ylabel="submissions")
    right.barh(list(rates), [100 * v for v in rates.values()], color="#55a868")
    right.set(title="pass rate per function", xlabel="% with full marks", xlim=(0, 100))
    right.invert_yaxis()
    image = _png(fig)
    plt.close(fig)
    return f'<img alt="charts for {html.escape(assignment)}" src="data:image/png;base64,{image}">'


def write_report(course: Course, out_dir: Path) -> Path:
    """Write ``report.html`` (charts embedded) for the course; return its path."""
    grades, rates, failures = rows(course), pass_rates(course), common_failures(course)
    parts = [f"<h1>{html.escape(course.name)}: class report</h1>"]
    for assignment, fn_rates in rates.items():
        mine = [r for r in grades if r.assignment == assignment]
        parts.append(f"<h2>{html.escape(assignment)} ({len(mine)} submissions)</h2>")
        parts.append(_charts(assignment, mine, fn_rates))
        parts.append("<table><tr><th>function</th><th>pass rate</th><th>most common failures</th></tr>")
        for function, rate in fn_rates.items():
            top = failures.get(assignment, {}).get(function, [])
            listed = "<br>".join(f"{n} &times; <code>{html.escape(m)}</code>" for m, n in top)
            parts.append(f"<tr><td>{html.escape(function)}</td><td>{rate:.0%}</td><td>{listed}</td></tr>")
        parts.append("</table>")
    style = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}")
    page = f"<!doctype html><meta charset=utf-8><style>{style}</style>" + "\n".join(parts)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "report.html"
    path.write_text(page, encoding="utf-8")
    return path
