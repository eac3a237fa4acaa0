"""``autograder collect``: copy submissions into the course and write a receipt for each.

The receipt is the trusted record of a submission: who (the student folder's name), when (the
grader's clock at collection, UTC) and what (the notebook's sha256). Receipts live in the
course, outside every submission folder, one JSON line per collection in
``COURSE/receipts/<id>.jsonl`` (the last line of a student wins); student code never sees the
course folder. Class runs take the submission time from here, never from a ``timestamp.txt`` a
submission may carry, and flag a notebook whose content no longer matches its receipt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from .course import Assignment
from .errors import AutograderError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Receipt:
    """One collected submission: who, when and what, as the collecting side saw it."""

    student: str
    assignment: str
    collected: str  # ISO 8601 UTC, e.g. 2026-12-01T23:59:00+00:00
    sha256: str  # of the notebook as copied into submitted/
    notebook: str  # its path relative to the course folder


def receipts_file(assignment: Assignment) -> Path:
    return assignment.course.root / "receipts" / f"{assignment.id}.jsonl"


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_receipts(assignment: Assignment) -> dict[str, Receipt]:
    """The latest receipt of every student who handed in ``assignment``."""
    path = receipts_file(assignment)
    if not path.is_file():
        return {}
    latest = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip():
            continue
        try:
            receipt = Receipt(**json.loads(line))
        except (ValueError, TypeError) as e:
            raise AutograderError(f"{path}:{number} is not a receipt ({e}); the file is written "
                                  "only by `autograder collect`: restore it from a backup") from None
        latest[receipt.student] = receipt
    return latest


def find_submission(folder: Path, assignment_id: str) -> Path | None:
    """A student's notebook in a hand-in folder: ``<id>.ipynb`` or ``<id>/<id>.ipynb``."""
    for candidate in (folder / f"{assignment_id}.ipynb", folder / assignment_id / f"{assignment_id}.ipynb"):
        if candidate.is_file():
            return candidate
    return None


def collect(assignment: Assignment, source: Path, *, now: datetime | None = None) -> list[str]:
    """Copy every ``source/<student>/`` notebook into ``submitted/<student>/<id>/``, replacing
    what was there, with a receipt; return one line per student. A notebook unchanged since its
    last receipt keeps that receipt (and so its time)."""
    if not source.is_dir():
        raise AutograderError(f"no folder {source} to collect from")
    stamp = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    previous = read_receipts(assignment)
    lines, new = [], []
    for folder in sorted(p for p in source.iterdir() if p.is_dir()):
        student = folder.name
        found = find_submission(folder, assignment.id)
        if found is not None and found.is_symlink():
            lines.append(f"{student}: skipped, {found.name} is a symbolic link")
            continue
        if found is None:
            lines.append(f"{student}: skipped, no {assignment.id}.ipynb or "
                         f"{assignment.id}/{assignment.id}.ipynb")
            continue
        digest = sha256_file(found)
        target = assignment.course.root / "submitted" / student / assignment.id
        notebook = target / f"{assignment.id}.ipynb"
        old = previous.get(student)
        if old and old.sha256 == digest and notebook.is_file() and sha256_file(notebook) == digest:
            lines.append(f"{student}: unchanged since {old.collected}")
            continue
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        shutil.copyfile(found, notebook)  # the notebook alone: grading reads nothing else
        copied = sha256_file(notebook)
        if copied != digest:
            raise AutograderError(f"{found} changed while it was being collected: collect again")
        new.append(Receipt(student, assignment.id, stamp, digest,
                           str(notebook.relative_to(assignment.course.root))))
        lines.append(f"{student}: collected at {stamp}, sha256 {digest[:12]}")
    if new:
        path = receipts_file(assignment)
        path.parent.mkdir(exist_ok=True)
        with path.open("a") as f:
            f.writelines(json.dumps(asdict(r)) + "\n" for r in new)
        log.info("%d receipt(s) appended to %s", len(new), path)
    return lines
