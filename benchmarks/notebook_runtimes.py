"""Top-to-bottom runtime of every source notebook (all cells), against the course budgets.

Usage: python benchmarks/notebook_runtimes.py [COURSE[/ID] ...]

Budgets (DESIGN.md): numpy notebooks 60 s, TensorFlow notebooks 300 s, on 2 CPU cores.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder.course import select  # noqa: E402
from autograder.runall import run_top_to_bottom  # noqa: E402


def budget(path: Path) -> int:
    return 300 if "tensorflow" in path.read_text() else 60


def main(selectors: list[str]) -> None:
    assignments = [a for s in (selectors or [None]) for a in select(s)]
    print(f"{'notebook':<40} {'seconds':>8} {'budget':>7}  status   ({os.cpu_count()} cores)")
    for a in assignments:
        run = run_top_to_bottom(a.source_notebook)
        limit = budget(a.source_notebook)
        status = "ERROR" if run.errors else ("ok" if run.seconds <= limit else "OVER")
        print(f"{a.ref:<40} {run.seconds:8.1f} {limit:7d}  {status}")


if __name__ == "__main__":
    main(sys.argv[1:])
