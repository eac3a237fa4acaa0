"""The result model: one :class:`TestResult` per test cell, one :class:`GradingResult` per notebook.

Gradebook recording, feedback, export and the CLI's JSON all consume these objects; none of
them re-parses an executed notebook.
"""

from __future__ import annotations

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


@dataclass
class GradingResult:
    """The verdict on one notebook: its test results and the problems found on the way."""

    assignment: str
    tests: list[TestResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    def to_dict(self) -> dict:
        return {
            "assignment": self.assignment,
            "score": self.score,
            "max_score": self.max_score,
            "tests": [t.to_dict() for t in self.tests],
            "errors": list(self.errors),
        }

    @classmethod
    def from_dict(cls, data: dict) -> GradingResult:
        tests = [
            TestResult(t["grade_id"], float(t["max_score"]), t["status"], t.get("message", ""))
            for t in data["tests"]
        ]
        return cls(data["assignment"], tests, list(data.get("errors", [])))

    @classmethod
    def ungradable(cls, assignment: str, test_points: dict[str, float], reason: str) -> GradingResult:
        """A submission that could not be executed at all: every test errors with ``reason``."""
        tests = [TestResult(gid, pts, "error", reason) for gid, pts in test_points.items()]
        return cls(assignment, tests, [reason])

    def summary(self) -> str:
        """A human-readable report, one line per test."""
        lines = [f"{self.assignment}: {self.score:g} / {self.max_score:g}"]
        lines += [f"  ! {e}" for e in self.errors]
        for t in self.tests:
            mark = "ok " if t.status == "passed" else t.status.upper()
            lines.append(f"  [{mark}] {t.function} ({t.score:g}/{t.max_score:g})")
            if t.status != "passed" and t.message:
                lines += [f"        {line}" for line in t.message.splitlines()]
        return "\n".join(lines)

