"""Time `autograder grade` against stock `nbgrader autograde` on the same submission.

Usage: python benchmarks/grade_vs_nbgrader.py [COURSE/ID] [--repeat N]

Both run as command-line programs in the same session on a scratch copy of the course; the
report gives each one's median wall time, both scores, and the ratio nbgrader / autograder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STUDENT = "bench"


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment", nargs="?", default="course1/logistic_regression")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    course_name, assignment_id = args.assignment.split("/")

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / course_name / "source", root / course_name / "source")
        shutil.copy(ROOT / course_name / "nbgrader_config.py", root / course_name)
        course = root / course_name
        env = {"PATH": f"{BIN}:/usr/bin:/bin", "AUTOGRADER_ROOT": str(root), "HOME": tmp}

        subprocess.run([BIN / "autograder", "release", args.assignment], env=env, check=True,
                       capture_output=True)
        sys.path.insert(0, str(ROOT))
        from autograder.course import find_course
        from examples.submissions import scenarios

        text = scenarios(find_course(course_name, root).assignment(assignment_id))["perfect"]
        submission = course / "submitted" / STUDENT / assignment_id / f"{assignment_id}.ipynb"
        submission.parent.mkdir(parents=True)
        submission.write_text(text)

        stock, ours = [], []
        for _ in range(args.repeat):
            seconds, _ = timed([str(BIN / "nbgrader"), "autograde", assignment_id, "--student", STUDENT,
                                "--force"], course, env)
            stock.append(seconds)
            seconds, out = timed([str(BIN / "autograder"), "grade", str(submission), "--json"], course, env)
            ours.append(seconds)
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            stock_score = gb.find_submission(assignment_id, STUDENT).score
        our_score = json.loads(out)["score"]

    s, o = statistics.median(stock), statistics.median(ours)
    print(f"{args.assignment}, median of {args.repeat}:")
    print(f"  nbgrader autograde : {s:6.2f} s  score {stock_score:g}")
    print(f"  autograder grade   : {o:6.2f} s  score {our_score:g}")
    print(f"  speed-up (nbgrader / autograder): {s / o:.2f}x")


if __name__ == "__main__":
    main()
