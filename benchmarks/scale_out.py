"""Class throughput into a PostgreSQL gradebook through a Dask cluster of 1, 2, ... workers.

Usage: python benchmarks/scale_out.py [--students N] [--workers 1 2]

Starts a throw-away PostgreSQL server and, per worker count, a ``dask scheduler`` with that many
single-threaded ``dask worker`` processes on localhost (tests/servers.py); grades a generated
class of toy submissions (examples/toy_class.py) with ``autograde --scheduler`` and reports
submissions per minute, total and per worker. Cluster start-up is not timed; the run is.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder.classrun import autograde  # noqa: E402
from autograder.course import DB_URL_ENV, find_course  # noqa: E402
from autograder.gradebook import rows  # noqa: E402
from autograder.probe import make_course  # noqa: E402
from autograder.release import release  # noqa: E402
from examples.toy_class import write_toy_class  # noqa: E402
from tests.servers import dask_cluster, missing_servers, postgres  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if reason := missing_servers():
        sys.exit(f"cannot run: {reason}")
    with tempfile.TemporaryDirectory(prefix="autograder-scale-") as tmp, postgres("course9") as url:
        make_course(Path(tmp))
        os.environ[DB_URL_ENV] = url
        assignment = find_course("course9", Path(tmp)).assignment("toy")
        release(assignment)
        expected = write_toy_class(assignment, args.students)
        print(f"{args.students} toy submissions into {url.split('@')[-1]} (load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at the start)")
        print(f"{'workers':>7} {'seconds':>8} {'subs/min':>9} {'per worker':>11}")
        for n in args.workers:
            with dask_cluster(n, Path(tmp) / "dask.log") as cluster:
                start = time.perf_counter()
                autograde(assignment, scheduler=cluster.address, force=True)
                seconds = time.perf_counter() - start
            scores = {r.student: r.score for r in rows(assignment.course)}
            assert scores == expected, "scores differ from the generated class's"
            rate = args.students / seconds * 60
            print(f"{n:>7} {seconds:>8.1f} {rate:>9.1f} {rate / n:>11.1f}", flush=True)


if __name__ == "__main__":
    main()
