"""The bad-submission corpus: what real classes throw at a grader, with the outcome we promise.

Each case is a submission of the probe assignment (``autograder.probe``: ``double`` worth 2
points, ``square`` worth 1) and the outcome the grader must produce. ``run_corpus`` releases the
probe in a scratch course, submits every case as one student, grades the class, and compares
each gradebook row with its promise. ``autograder check`` runs it; so does the test suite.
"""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4.nbbase import random_cell_id

from . import sandbox
from .course import Assignment, find_course
from .derive import release_version, student_version
from .gradebook import rows, stored_result
from .probe import make_course, toy_source

WRONG = "    return 3 * x\n"

# Solutions of `double` that try to pass without being right. None may earn a point.
CHEATS = {
    "patch-expect": ("import shared_utils.testing as t\n"
                     "t.expect = lambda *a, **k: None\nt.compare = lambda *a, **k: []\n"
                     "def double(x):\n" + WRONG),
    "patch-numpy": ("import numpy as np\nnp.isclose = lambda *a, **k: True\n"
                    "np.allclose = lambda *a, **k: True\ndef double(x):\n" + WRONG),
    "patch-builtins": ("import builtins\nbuiltins.AssertionError = type('Nope', (Exception,), {})\n"
                       "def double(x):\n" + WRONG),
    "always-equal-object": ("class Liar:\n    def __eq__(self, other):\n        return True\n"
                            "    __ne__ = lambda self, other: False\n"
                            "def double(x):\n    return Liar()\n"),
    "always-equal-float": ("class Liar(float):\n    def __eq__(self, other):\n        return True\n"
                           "    __hash__ = float.__hash__\n"
                           "def double(x):\n    return Liar(0.0)\n"),
    "fake-success-text": "def double(x):\n    print('All tests passed.')\n" + WRONG,
    "forged-records": ("from shared_utils.records import emit\n"
                       "def double(x):\n"
                       "    emit('double_tests:0', 'expect', actual=4)\n"
                       "    emit('double_tests:1', 'expect', actual=-7.5)\n" + WRONG),
    "exit-early": "import sys\ndef double(x):\n    sys.exit(0)\n",
    "hardcoded-public-answer": "def double(x):\n    return 4\n",
    "read-the-hidden-tests": ("import glob\n"
                              "def double(x):\n"
                              "    leaked = glob.glob('/**/course9/source/**/*.ipynb', recursive=True)\n"
                              "    return 2 * x if leaked else None\n"),
    "read-test-globals": ("def double(x):\n"
                          "    return globals().get('t_expected', 4)\n"),
    "walk-the-frames": ("import sys\n"
                        "def double(x):\n"
                        "    frame, seen = sys._getframe(1), []\n"
                        "    while frame is not None:\n"
                        "        seen += [frame.f_locals, frame.f_globals]\n"
                        "        frame = frame.f_back\n"
                        "    found = [s['t_expected'] for s in seen if 't_expected' in s]\n"
                        "    return found[0] if found else 4\n"),
    "phone-home": ("import socket\n"
                   "def double(x):\n"
                   "    try:\n"
                   "        socket.create_connection(('127.0.0.1', 22), timeout=2).close()\n"
                   "        return 2 * x\n"
                   "    except OSError:\n"
                   "        return None\n"),
}

# Solutions of `double` that attack the kernel's resources:
# name -> (source, promised status of double, of square, score, reason)
HOSTILE = {
    "infinite-loop": ("def double(x):\n    while True:\n        pass\n", "timeout", "passed", 1, ""),
    "fork-bomb": ("import os\ndef double(x):\n    while True:\n        if os.fork() == 0:\n"
                  "            import time; time.sleep(60); os._exit(0)\n", "!passed", "passed", 1, ""),
    "memory-hog": ("import numpy as np\ndef double(x):\n"
                   "    return np.ones((64, 1024, 1024, 1024), dtype=np.uint8).sum()\n",
                   "!passed", "passed", 1, ""),
    # a dead kernel also loses the tests that had not run yet
    "kill-the-kernel": ("import os\ndef double(x):\n    os._exit(1)\n", "!passed", "error", 0,
                        "execution stopped"),
}


@dataclass(frozen=True)
class Case:
    """One corpus submission and the outcome promised for it."""

    name: str
    write: Callable[[Path, Assignment], None]
    score: float
    statuses: dict[str, str] = field(default_factory=dict)
    reason: str = ""


def _student(replacements: dict[str, str] | None = None,
             edit: Callable[[NotebookNode], None] | None = None):
    def write(folder: Path, assignment: Assignment) -> None:
        nb = student_version(toy_source(), assignment, replacements)
        if edit:
            edit(nb)
        nbformat.write(nb, folder / "toy.ipynb")
    return write


def _raw(data: bytes, name: str = "toy.ipynb"):
    def write(folder: Path, assignment: Assignment) -> None:
        (folder / name).write_bytes(data)
    return write


def _cells_by_id(nb: NotebookNode) -> dict[str, NotebookNode]:
    return {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}


def _delete(grade_id: str):
    return lambda nb: nb.cells.remove(_cells_by_id(nb)[grade_id])


def _duplicate(grade_id: str):
    def edit(nb: NotebookNode) -> None:
        cell = _cells_by_id(nb)[grade_id]
        duplicate = copy.deepcopy(cell)
        duplicate["id"] = random_cell_id()  # as JupyterLab's copy-paste does
        nb.cells.insert(nb.cells.index(cell), duplicate)
    return edit


def _retype(grade_id: str):
    def edit(nb: NotebookNode) -> None:
        cell = _cells_by_id(nb)[grade_id]
        cell.cell_type = "markdown"
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
    return edit


def _set_source(grade_id: str, source: str):
    return lambda nb: _cells_by_id(nb)[grade_id].update(source=source)


def cases() -> list[Case]:
    """Every case of the corpus, with its promised score, statuses and reason."""
    out = [
        Case("perfect", _student(), 3, {"double": "passed", "square": "passed"}),
        Case("untouched-release", _release, 0, {"double": "error", "square": "error"}),
        Case("edited-test-cell", _student({"double": "def double(x):\n    return 0\n"},
                                          _set_source("double_tests", "print('ok')")),
             1, {"double": "failed"}, "was edited"),
        Case("deleted-test-cell", _student({"square": "def square(x):\n    return x\n"},
                                           _delete("square_tests")),
             2, {"square": "failed"}, "was deleted"),
        Case("duplicated-solution-cell", _student(edit=_duplicate("double")), 3),
        Case("duplicated-test-cell", _student(edit=_duplicate("double_tests")), 3),
        Case("test-cell-turned-markdown", _student(edit=_retype("square_tests")), 3),
        Case("deleted-solution-cell", _student(edit=_delete("double")), 1,
             {"double": "error"}, "solution cell 'double' was deleted"),
        Case("syntax-error", _student({"double": "def double(x)\n    return 2 * x\n"}), 1,
             {"double": "error"}, "SyntaxError"),
        Case("output-flood", _student({"double": "def double(x):\n    print('spam' * 10**7)\n"
                                                 "    return 2 * x\n"}), 3),
        Case("invalid-json", _raw(b'{"cells": [{"cell_type": '), 0, {}, "not valid JSON"),
        Case("not-utf8", _raw(b"\xff\xfe\x00garbage"), 0, {}, "not a text file"),
        Case("json-but-not-a-notebook", _raw(b'{"hello": "world"}'), 0, {}, "not a Jupyter notebook"),
        Case("notebook-of-another-assignment", _raw(nbformat.writes(nbformat.v4.new_notebook()).encode()),
             0, {}, "none of the graded cells"),
        Case("renamed-notebook", _renamed, 3, {}, "was renamed"),
        Case("no-notebook", lambda folder, assignment: None, 0, {}, "no toy.ipynb"),
    ]
    out += [Case(f"cheat-{name}", _student({"double": source}), 1, {"double": "!passed", "square": "passed"})
            for name, source in CHEATS.items()]
    out += [Case(f"hostile-{name}", _student({"double": source}), score,
                 {"double": double, "square": square}, reason)
            for name, (source, double, square, score, reason) in HOSTILE.items()]
    return out


def _release(folder: Path, assignment: Assignment) -> None:
    nbformat.write(release_version(toy_source(), assignment), folder / "toy.ipynb")


def _renamed(folder: Path, assignment: Assignment) -> None:
    _student()(folder, assignment)
    (folder / "toy.ipynb").rename(folder / "toy-final (1).ipynb")


@dataclass
class CorpusReport:
    size: int = 0
    crashes: list[str] = field(default_factory=list)
    broken_promises: list[str] = field(default_factory=list)
    cheat_points: float = 0.0
    missing_rows: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.broken_promises or self.missing_rows or self.cheat_points)

    def text(self) -> str:
        line = (f"bad-submission corpus: {self.size} cases, {len(self.crashes)} grader crashes, "
                f"{self.cheat_points:g} points gained by cheating, "
                f"{len(self.missing_rows)} submissions without a gradebook row")
        problems = self.crashes + self.broken_promises + self.missing_rows
        return "\n".join([line, *(f"  ! {p}" for p in problems)])


def run_corpus(workers: int = 2) -> CorpusReport:
    """Grade every case as one student of a scratch class and check each promise."""
    from .classrun import autograde
    from .release import release

    report = CorpusReport()
    all_cases = cases()
    report.size = len(all_cases)
    with tempfile.TemporaryDirectory(prefix="autograder-corpus-") as tmp:
        root = Path(tmp)
        make_course(root, toy_source(), timeout=10)
        config = root / "course9" / "nbgrader_config.py"
        config.write_text(config.read_text() + "c.Autograder.notebook_timeout = 60\n")
        assignment = find_course("course9", root).assignment("toy")
        release(assignment)
        for case in all_cases:
            folder = assignment.course.root / "submitted" / case.name / "toy"
            folder.mkdir(parents=True)
            case.write(folder, assignment)
        autograde(assignment, workers=workers)
        graded = {r.student: r for r in rows(assignment.course)}
        for case in all_cases:
            row = graded.get(case.name)
            if row is None:
                report.missing_rows.append(f"{case.name}: no gradebook row")
                continue
            result = stored_result(assignment, case.name)
            if result is None or any("grader crashed" in e for e in result.errors):
                report.crashes.append(f"{case.name}: {'; '.join(result.errors) if result else 'no result'}")
                continue
            if case.name.startswith("cheat-"):
                report.cheat_points += sum(t.score for t in result.tests if t.function == "double")
            report.broken_promises += _broken_promises(case, row.score, result, _active())
    return report


def _active() -> bool:
    found = sandbox.mechanisms()
    return found["bwrap"] and found["prlimit"] and found["setpriv"]


def _broken_promises(case: Case, score: float, result, isolated: bool) -> list[str]:
    if not isolated and case.name in {"cheat-read-the-hidden-tests", "cheat-phone-home",
                                      "hostile-fork-bomb", "hostile-memory-hog"}:
        return []  # only promised where the sandbox is complete (`autograder check` says so)
    problems = []
    if score != case.score:
        problems.append(f"{case.name}: score {score:g}, promised {case.score:g}")
    statuses = {t.function: t.status for t in result.tests}
    for function, promised in case.statuses.items():
        got = statuses.get(function)
        if (promised.startswith("!") and got == promised[1:]) or (
                not promised.startswith("!") and got != promised):
            problems.append(f"{case.name}: {function} is {got}, promised {promised}")
    if case.reason and not any(case.reason in e for e in result.errors + [t.message for t in result.tests]):
        problems.append(f"{case.name}: no reason mentioning '{case.reason}' ({result.errors})")
    return problems
