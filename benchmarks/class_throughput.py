"""Class throughput: `autograder autograde` (1 and 2 local workers, a Dask cluster) against stock
serial `nbgrader autograde`, on one generated class.

Usage: python benchmarks/class_throughput.py [COURSE/ID] [--students N] [--skip-stock]

The class (default 100 students of course1/logistic_regression) cycles through the example
submissions (perfect, partial, broken, corrupt, untouched; examples/submissions.py), so it holds
correct, wrong and broken work. Each run grades the whole class from scratch into a fresh
gradebook in a scratch copy of the course:

- `nbgrader autograde ID --force`: stock nbgrader, one command for the class, serial;
- `autograder autograde --workers 1` and `--workers 2`: local worker processes;
- `autograder autograde --scheduler ADDR`: a `dask scheduler` and two single-threaded
  `dask worker` processes on localhost (started before the clock starts).

The report gives seconds, submissions per minute, the speed-up over stock nbgrader and over one
worker, and whether every student's score equals stock nbgrader's (students stock nbgrader
cannot grade at all, such as a corrupt notebook, are listed, not compared).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder.classrun import autograde  # noqa: E402
from autograder.course import Assignment, find_course  # noqa: E402
from autograder.gradebook import rows  # noqa: E402
from autograder.kernel import KERNEL_ENV  # noqa: E402
from autograder.release import release  # noqa: E402
from autograder.verdicts import reference_records  # noqa: E402
from examples.submissions import scenarios  # noqa: E402
from tests.servers import dask_cluster  # noqa: E402

BIN = Path(sys.executable).parent


def scratch_course(ref: str, root: Path, students: int) -> Assignment:
    """A copy of the course's source in ``root``, released, with a generated class submitted."""
    course_name, assignment_id = ref.split("/")
    shutil.copytree(ROOT / course_name / "source" / assignment_id,
                    root / course_name / "source" / assignment_id)
    shutil.copy(ROOT / course_name / "nbgrader_config.py", root / course_name)
    assignment = find_course(course_name, root).assignment(assignment_id)
    release(assignment)
    texts = list(scenarios(assignment).values())
    for i in range(students):
        path = assignment.course.root / "submitted" / f"s{i:03d}" / assignment_id / f"{assignment_id}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_text(texts[i % len(texts)], encoding="utf-8")
    return assignment


def stock_run(assignment: Assignment) -> tuple[float, dict[str, float]]:
    course = assignment.course.root
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(course), **KERNEL_ENV}
    start = time.perf_counter()
    subprocess.run([str(BIN / "nbgrader"), "autograde", assignment.id, "--force"], cwd=course, env=env,
                   capture_output=True, check=False)
    seconds = time.perf_counter() - start
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        scores = {s.student_id: s.score for s in gb.find_assignment(assignment.id).submissions}
    return seconds, scores


def our_run(assignment: Assignment, **how) -> tuple[float, dict[str, float]]:
    (assignment.course.root / "gradebook.db").unlink(missing_ok=True)
    start = time.perf_counter()
    autograde(assignment, force=True, **how)
    seconds = time.perf_counter() - start
    return seconds, {r.student: r.score for r in rows(assignment.course)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment", nargs="?", default="course1/logistic_regression")
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--skip-stock", action="store_true", help="leave out stock nbgrader (slow)")
    args = parser.parse_args()

    results: dict[str, tuple[float, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-class-") as tmp:
        ours = scratch_course(args.assignment, Path(tmp) / "ours", args.students)
        reference_records(ours)  # the reference run is cached per source, as any later run finds it
        for workers in (1, 2):
            results[f"autograder, {workers} worker(s)"] = our_run(ours, workers=workers)
            print(f"done: {workers} worker(s)", flush=True)
        with dask_cluster(2, Path(tmp) / "dask.log") as cluster:
            results["autograder, Dask (2 workers)"] = our_run(ours, scheduler=cluster.address)
        print("done: Dask", flush=True)
        if not args.skip_stock:
            stock = scratch_course(args.assignment, Path(tmp) / "stock", args.students)
            results["nbgrader autograde (serial)"] = stock_run(stock)

    n = args.students
    baseline = results.get("nbgrader autograde (serial)")
    one_worker = results["autograder, 1 worker(s)"][0]
    print(f"\n{args.assignment}, {n} submissions\n")
    print("| run | seconds | submissions/min | vs stock nbgrader | vs 1 worker | scores equal stock |")
    print("|---|---|---|---|---|---|")
    for name, (seconds, scores) in results.items():
        vs_stock = f"{baseline[0] / seconds:.2f}x" if baseline else "-"
        if baseline and name != "nbgrader autograde (serial)":
            common = set(scores) & set(baseline[1])
            differ = sorted(s for s in common if scores[s] != baseline[1][s])
            equal = f"{len(common) - len(differ)}/{len(common)}"
            equal += f" (differ: {differ[:5]})" if differ else ""
        else:
            equal = "-"
        print(f"| {name} | {seconds:.1f} | {60 * n / seconds:.1f} | {vs_stock} | "
              f"{one_worker / seconds:.2f}x | {equal} |")
    if baseline:
        missing = sorted(set(results["autograder, 1 worker(s)"][1]) - set(baseline[1]))
        print(f"\nstock nbgrader recorded no grade for {len(missing)} submission(s): {missing[:8]}")


if __name__ == "__main__":
    main()
