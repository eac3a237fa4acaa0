"""Overhead of the sandbox: `autograder grade` of one submission with and without isolation.

Usage: python benchmarks/isolation_overhead.py [COURSE/ID] [--repeat N]

Both variants grade the same generated perfect submission in this process, alternating, on a
scratch copy of the course (the reference run is cached first, so it is not timed); the report
gives the median of each and their ratio.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder import sandbox  # noqa: E402
from autograder.course import find_course  # noqa: E402
from autograder.grade import grade_file  # noqa: E402
from examples.submissions import scenarios  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment", nargs="?", default="course1/numpy_basics")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    course_name, assignment_id = args.assignment.split("/")
    print(sandbox.describe())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / course_name, root / course_name,
                        ignore=shutil.ignore_patterns("release", "submitted", "autograded", "feedback",
                                                      "gradebook.db", "exchange", ".autograder"))
        config = root / course_name / "nbgrader_config.py"
        base = config.read_text()
        assignment = find_course(course_name, root).assignment(assignment_id)
        submission = root / f"{assignment_id}.ipynb"
        submission.write_text(scenarios(assignment)["perfect"])
        times: dict[bool, list[float]] = {True: [], False: []}
        grade_file(submission, find_course(course_name, root).assignment(assignment_id))  # warm cache
        for _ in range(args.repeat):
            for isolate in (True, False):
                config.write_text(base + f"\nc.Autograder.isolate = {isolate}\n")
                fresh = find_course(course_name, root).assignment(assignment_id)
                start = time.perf_counter()
                result = grade_file(submission, fresh)
                times[isolate].append(time.perf_counter() - start)
                assert result.score == result.max_score, result.summary()
    on, off = statistics.median(times[True]), statistics.median(times[False])
    print(f"{args.assignment}, median of {args.repeat}: isolated {on:.2f} s, "
          f"not isolated {off:.2f} s, overhead x{on / off:.2f}")


if __name__ == "__main__":
    main()
