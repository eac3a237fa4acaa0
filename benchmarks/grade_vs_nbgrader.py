"""Time `autograder grade` against stock `nbgrader autograde` and the floor, for every assignment.

Usage: python benchmarks/grade_vs_nbgrader.py [COURSE/ID ...] [--repeat N]

For each assignment (default: all), on a scratch copy of its course, with the perfect example
submission:

- stock: `nbgrader autograde ID --student bench --force`, a command-line run as an instructor
  would type it (it executes every cell, training included);
- ours: `autograder grade SUBMISSION --json`, a command-line run too (sandboxed, trusted
  verdicts, `skip-grading` cells left out, the kernel started while the source is recorded);
- floor: the least any grader must do, measured in this process: start a plain kernel and run
  the source notebook without its `skip-grading` cells (imports, solutions, test cells), no
  sandbox, no gradebook, no command-line start-up.

Each figure is the median of N runs, interleaved so that load drifts hit all three alike. The
table gives both scores (they must agree) and the ratios stock/ours (target >= 3, median over
assignments) and ours/floor (target <= 1.5).
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

import nbformat
from nbclient import NotebookClient
from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder.course import find_course  # noqa: E402
from autograder.kernel import KERNEL_ENV  # noqa: E402
from autograder.pipeline import SKIP_TAG  # noqa: E402
from examples.submissions import scenarios  # noqa: E402

BIN = Path(sys.executable).parent
STUDENT = "bench"


def timed(cmd: list[str], cwd: Path, env: dict) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - start, done.stdout


def floor_seconds(source: Path, work: Path) -> float:
    """Run the source without its skip-grading cells in a fresh plain kernel; return seconds."""
    nb = nbformat.read(source, as_version=4)
    nb.cells = [c for c in nb.cells if SKIP_TAG not in c.metadata.get("tags", [])]
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, allow_errors=False, extra_arguments=["--IPKernelApp.log_level=ERROR"],
                   resources={"metadata": {"path": str(work)}}).execute()
    return time.perf_counter() - start


def measure(ref: str, repeat: int) -> dict:
    course_name, assignment_id = ref.split("/")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / course_name / "source", root / course_name / "source")
        shutil.copy(ROOT / course_name / "nbgrader_config.py", root / course_name)
        course = root / course_name
        env = {"PATH": f"{BIN}:/usr/bin:/bin", "AUTOGRADER_ROOT": str(root), "HOME": tmp, **KERNEL_ENV}
        subprocess.run([BIN / "autograder", "release", ref], env=env, check=True, capture_output=True)
        assignment = find_course(course_name, root).assignment(assignment_id)
        submission = course / "submitted" / STUDENT / assignment_id / f"{assignment_id}.ipynb"
        submission.parent.mkdir(parents=True)
        submission.write_text(scenarios(assignment)["perfect"])
        # the reference run is cached per source; make it before timing, as a class run would
        timed([str(BIN / "autograder"), "grade", str(submission)], course, env)

        stock, ours, floor = [], [], []
        for _ in range(repeat):
            stock.append(timed([str(BIN / "nbgrader"), "autograde", assignment_id, "--student", STUDENT,
                                "--force"], course, env)[0])
            seconds, out = timed([str(BIN / "autograder"), "grade", str(submission), "--json"], course, env)
            ours.append(seconds)
            floor.append(floor_seconds(assignment.source_notebook, assignment.source_dir))
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            stock_score = gb.find_submission(assignment_id, STUDENT).score
    return {"assignment": ref, "stock": statistics.median(stock), "ours": statistics.median(ours),
            "floor": statistics.median(floor), "stock_score": stock_score,
            "our_score": json.loads(out)["score"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="COURSE/ID (default: every assignment)")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    sources = ROOT.glob("course*/source/*/*.ipynb")
    refs = args.assignments or sorted(f"{p.parts[-4]}/{p.stem}" for p in sources)
    print("| assignment | nbgrader autograde (s) | autograder grade (s) | floor (s) | stock/ours | "
          "ours/floor | scores (stock, ours) |\n|---|---|---|---|---|---|---|", flush=True)
    speedups = []
    for ref in refs:
        m = measure(ref, args.repeat)
        speedups.append(m["stock"] / m["ours"])
        print(f"| {ref} | {m['stock']:.2f} | {m['ours']:.2f} | {m['floor']:.2f} | "
              f"{m['stock'] / m['ours']:.2f}x | {m['ours'] / m['floor']:.2f} | "
              f"{m['stock_score']:g}, {m['our_score']:g} |", flush=True)
    print(f"\nmedian speed-up over {len(refs)} assignments: {statistics.median(speedups):.2f}x "
          f"(median of {args.repeat} run(s) each)")


if __name__ == "__main__":
    main()
