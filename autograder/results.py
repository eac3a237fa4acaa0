"""The result model: one :class:`TestResult` per test cell, one :class:`GradingResult` per notebook.

Gradebook recording, feedback, export and the CLI's JSON all consume these objects; none of
them re-parses an executed notebook.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

Status = Literal["passed", "failed", "error", "timeout"]


@dataclass(frozen=True)
class TestResult:
    """The verdict on one autograded test cell."""

    grade_id: str
    max_score: float
    status: Status
    message: str = ""

    @property
    def function(self) -> str:
        return self.grade_id.removesuffix("_tests")

    @property
    def score(self) -> float:
        return self.max_score if self.status == "passed" else 0.0

    def to_dict(self) -> dict:
        return {
            "grade_id": self.grade_id,
            "function": self.function,
            "score": self.score,
            "max_score": self.max_score,
            "status": self.status,
            "message": self.message,
        }


@dataclass(frozen=True)
class Submission:
    """When a class-run submission was collected, what it held, and what lateness cost it.

    Set by the class run from the collection receipt and the course's late policy; absent when
    one notebook is graded on its own.
    """

    timestamp: str | None = None  # collection time from the receipt, ISO 8601 UTC
    sha256: str | None = None  # of the notebook as collected
    due: str | None = None  # the student's due date, extension included, ISO 8601 UTC
    hours_late: float = 0.0
    penalty_fraction: float = 0.0  # share of the score taken off for lateness
    extension_hours: float = 0.0  # granted to this student (nbgrader's SubmittedAssignment.extension)

    @property
    def note(self) -> str:
        """What the student and the instructor should read about the submission time."""
        if self.due is not None and self.timestamp is None:
            return "no collection receipt: lateness unknown (collect with `autograder collect`)"
        if self.hours_late <= 0:
            return ""
        return f"submitted {_hours(self.hours_late)} late: -{round(self.penalty_fraction * 100, 1):g} %"

    def to_dict(self) -> dict:
        return {"timestamp": self.timestamp, "sha256": self.sha256, "due": self.due,
                "hours_late": self.hours_late, "penalty_fraction": self.penalty_fraction,
                "extension_hours": self.extension_hours}


def _hours(hours: float) -> str:
    return f"{hours:.0f} h" if hours >= 1 else f"{math.ceil(hours * 60):.0f} min"


@dataclass
class GradingResult:
    """The verdict on one notebook: its test results and the problems found on the way."""

    assignment: str
    tests: list[TestResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    submission: Submission | None = None

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    @property
    def penalty(self) -> float:
        """Points taken off for lateness (nbgrader's ``late_submission_penalty``)."""
        return round(self.score * self.submission.penalty_fraction, 6) if self.submission else 0.0

    @property
    def final_score(self) -> float:
        return self.score - self.penalty

    def to_dict(self) -> dict:
        data = {
            "assignment": self.assignment,
            "score": self.score,
            "max_score": self.max_score,
            "tests": [t.to_dict() for t in self.tests],
            "errors": list(self.errors),
        }
        if self.submission is not None:
            data |= {"submission": self.submission.to_dict(), "penalty": self.penalty,
                     "final_score": self.final_score}
        return data

    @classmethod
    def from_dict(cls, data: dict) -> GradingResult:
        tests = [
            TestResult(t["grade_id"], float(t["max_score"]), t["status"], t.get("message", ""))
            for t in data["tests"]
        ]
        submission = Submission(**data["submission"]) if data.get("submission") else None
        return cls(data["assignment"], tests, list(data.get("errors", [])), submission)

    @classmethod
    def ungradable(cls, assignment: str, test_points: dict[str, float], reason: str) -> GradingResult:
        """A submission that could not be executed at all: every test errors with ``reason``."""
        tests = [TestResult(gid, pts, "error", reason) for gid, pts in test_points.items()]
        return cls(assignment, tests, [reason])

    def summary(self) -> str:
        """A human-readable report, one line per test."""
        lines = [f"{self.assignment}: {self.score:g} / {self.max_score:g}"]
        if self.penalty:
            lines[0] += f" ({self.final_score:g} after the late penalty)"
        lines += [f"  ! {e}" for e in self.errors]
        if self.submission and self.submission.note:
            lines.append(f"  ! {self.submission.note}")
        for t in self.tests:
            mark = "ok " if t.status == "passed" else t.status.upper()
            lines.append(f"  [{mark}] {t.function} ({t.score:g}/{t.max_score:g})")
            if t.status != "passed" and t.message:
                lines += [f"        {line}" for line in t.message.splitlines()]
        return "\n".join(lines)

