"""Due dates, late-penalty policies and extensions, per assignment, from ``nbgrader_config.py``.

Three ``c.Autograder`` options, each a dict keyed by assignment id::

    c.Autograder.due = {"toy": "2026-12-01 23:59:00 UTC"}
    c.Autograder.late_policy = {"toy": {"kind": "per_period", "fraction": 0.1,
                                        "period_hours": 24, "cap": 0.5}}
    c.Autograder.extensions = {"toy": {"alice": {"hours": 48}}}

``late_policy`` may also hold ``"*"``, the policy of every assignment not named. Kinds:
``none`` (the default), ``zero`` (a late submission scores nothing) and ``per_period``
(``fraction`` of the score per ``period_hours`` or part of one, at most ``cap``). Extensions take
nbgrader's ``grant_extension`` units (``minutes``, ``hours``, ``days``, ``weeks``). The
submission time is the collection receipt's (see :mod:`autograder.receipts`), never a file the
student could write. Lateness is measured as nbgrader measures it: timestamp minus due date
plus extension (``SubmittedAssignment.total_seconds_late``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from typing import Literal

from nbgrader.utils import parse_utc
from traitlets.config import Config

from .errors import AutograderError
from .results import Submission

OPTIONS = ("due", "late_policy", "extensions")
EXTENSION_UNITS = ("minutes", "hours", "days", "weeks")
Kind = Literal["none", "zero", "per_period"]


@dataclass(frozen=True)
class LatePolicy:
    """What lateness costs, as a fraction of the submission's score."""

    kind: Kind = "none"
    fraction: float = 0.0  # per_period: share of the score taken off per period late
    period_hours: float = 24.0  # per_period: length of a period; a started period counts
    cap: float = 1.0  # the most that is ever taken off

    @classmethod
    def from_dict(cls, data: dict, where: str) -> LatePolicy:
        known = [f.name for f in fields(cls)]
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise AutograderError(f"unknown key(s) {unknown} in {where}; known: {known}")
        kind = data.get("kind", "none")
        if kind not in ("none", "zero", "per_period"):
            raise AutograderError(f"{where}: kind must be 'none', 'zero' or 'per_period', not {kind!r}")
        try:
            policy = cls(kind, *(float(data.get(k, getattr(cls, k))) for k in known[1:]))
        except (TypeError, ValueError) as e:
            raise AutograderError(f"{where}: {e}") from None
        if kind == "per_period" and (policy.fraction <= 0 or policy.period_hours <= 0):
            raise AutograderError(f"{where}: per_period needs fraction > 0 and period_hours > 0")
        if not 0 <= policy.cap <= 1 or not 0 <= policy.fraction <= 1:
            raise AutograderError(f"{where}: fraction and cap are shares of the score, from 0 to 1")
        return policy

    def fraction_off(self, hours_late: float) -> float:
        """The share of the score taken off a submission ``hours_late`` hours late."""
        if hours_late <= 0 or self.kind == "none":
            return 0.0
        if self.kind == "zero":
            return 1.0
        return min(self.cap, self.fraction * math.ceil(hours_late / self.period_hours))


@dataclass(frozen=True)
class Deadline:
    """One assignment's due date, late policy and per-student extensions."""

    due: datetime | None = None  # naive UTC, as nbgrader stores it
    policy: LatePolicy = LatePolicy()
    extensions: dict[str, dict[str, float]] = field(default_factory=dict)

    def extension(self, student: str) -> timedelta:
        return timedelta(**self.extensions.get(student, {}))

    def due_for(self, student: str) -> datetime | None:
        """The student's own due date: the assignment's plus any extension."""
        return None if self.due is None else self.due + self.extension(student)

    def hours_late(self, student: str, timestamp: datetime | str | None) -> float:
        due = self.due_for(student)
        if due is None or timestamp is None:
            return 0.0
        return max(0.0, (parse_utc(timestamp) - due).total_seconds()) / 3600

    def judge(self, student: str, timestamp: str | None, sha256: str | None) -> Submission:
        """The submission record of ``student``'s hand-in collected at ``timestamp``."""
        due = self.due_for(student)
        hours = self.hours_late(student, timestamp)
        return Submission(timestamp, sha256, due.replace(tzinfo=UTC).isoformat() if due else None,
                          round(hours, 4), self.policy.fraction_off(hours),
                          self.extension(student).total_seconds() / 3600)


@dataclass(frozen=True)
class Deadlines:
    """The course's ``c.Autograder.due`` / ``late_policy`` / ``extensions``, validated."""

    due: dict[str, datetime] = field(default_factory=dict)
    policies: dict[str, LatePolicy] = field(default_factory=dict)
    extensions: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: Config, assignment_ids: list[str] | None = None) -> Deadlines:
        """Read and check the options; ``assignment_ids``, when given, are the only ids allowed."""
        from .sandbox import Limits

        Limits.from_config(config)  # fails on any unknown c.Autograder option, listing all
        section = config.get("Autograder", {})
        due, policies, extensions = ({} if section.get(k) is None else section[k] for k in OPTIONS)
        for name, value in zip(OPTIONS, (due, policies, extensions), strict=True):
            if not isinstance(value, dict):
                raise AutograderError(f"c.Autograder.{name} must be a dict keyed by assignment id")
            ids = set(value) - {"*"} if name == "late_policy" else set(value)
            unknown = sorted(ids - set(assignment_ids)) if assignment_ids is not None else []
            if unknown:
                raise AutograderError(f"c.Autograder.{name} names unknown assignment(s) {unknown}; "
                                      f"known: {sorted(assignment_ids)}")
        return cls(
            {a: _parse_due(a, d) for a, d in due.items()},
            {a: LatePolicy.from_dict(p, f"c.Autograder.late_policy[{a!r}]") for a, p in policies.items()},
            {a: _parse_extensions(a, e) for a, e in extensions.items()},
        )

    def for_assignment(self, assignment_id: str) -> Deadline:
        policy = self.policies.get(assignment_id, self.policies.get("*", LatePolicy()))
        return Deadline(self.due.get(assignment_id), policy, self.extensions.get(assignment_id, {}))


def _parse_due(assignment_id: str, value: object) -> datetime:
    try:
        return parse_utc(value)
    except (TypeError, ValueError, OverflowError) as e:
        raise AutograderError(f"c.Autograder.due[{assignment_id!r}] = {value!r} is not a date "
                              f"(write e.g. '2026-12-01 23:59:00 UTC'): {e}") from None


def _parse_extensions(assignment_id: str, students: object) -> dict[str, dict[str, float]]:
    where = f"c.Autograder.extensions[{assignment_id!r}]"
    if not isinstance(students, dict):
        raise AutograderError(f"{where} must map student ids to e.g. {{'hours': 48}}")
    out = {}
    for student, amount in students.items():
        unknown = sorted(set(amount) - set(EXTENSION_UNITS)) if isinstance(amount, dict) else None
        if unknown or unknown is None:
            raise AutograderError(f"{where}[{student!r}] = {amount!r}: use the units "
                                  f"{list(EXTENSION_UNITS)}, e.g. {{'hours': 48}}")
        out[student] = {unit: float(n) for unit, n in amount.items()}
    return out
