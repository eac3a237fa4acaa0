"""The one place that drives nbgrader's high-level API (generate_assignment, generate_feedback)."""

from __future__ import annotations

import logging

from nbgrader.apps import NbGraderAPI
from traitlets.config import Config

from .course import Course
from .errors import AutograderError

log = logging.getLogger(__name__)


def nbgrader_api(course: Course, extra: Config | None = None) -> NbGraderAPI:
    config = Config(course.config)
    # nbgrader's API resets the shared "traitlets" logger to INFO; keep the level the CLI chose.
    config.NbGraderAPI.log_level = logging.getLogger("traitlets").getEffectiveLevel()
    if "root" not in config.Exchange:  # a local exchange, unless the course config names one
        (course.root / "exchange").mkdir(exist_ok=True)
        config.Exchange.root = str(course.root / "exchange")
    if extra:
        config.merge(extra)
    return NbGraderAPI(coursedir=course.coursedir(), config=config)


def check(result: dict, action: str) -> None:
    """Turn a failed nbgrader API result into an :class:`AutograderError` with its last log line."""
    if result.get("success"):
        return
    detail = (result.get("error") or result.get("log") or "no details").strip().splitlines()
    log.debug("nbgrader %s failed:\n%s", action, result.get("log", ""))
    raise AutograderError(f"nbgrader could not {action}: {detail[-1] if detail else 'unknown error'}")
