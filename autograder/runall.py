"""Run a source notebook top to bottom, every cell (training and plots included).

What an instructor checks before releasing, and what the slow tests and the runtime benchmark
measure. Plots render headless (Agg); the run happens in a scratch copy of the assignment folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ENV = {"MPLBACKEND": "Agg", "TF_CPP_MIN_LOG_LEVEL": "2"}


@dataclass(frozen=True)
class Run:
    seconds: float
    errors: list[tuple[int, str, str]]  # (cell index, exception name, message)


def run_top_to_bottom(path: Path, timeout: int = 900) -> Run:
    """Execute every cell of the notebook at ``path`` in a fresh kernel; report time and errors."""
    saved = {k: os.environ.get(k) for k in ENV}
    os.environ.update(ENV)
    try:
        with tempfile.TemporaryDirectory(prefix="runall-") as tmp:
            work = Path(tmp) / path.parent.name
            shutil.copytree(path.parent, work)
            nb = nbformat.read(work / path.name, as_version=4)
            start = time.monotonic()
            NotebookClient(nb, timeout=timeout, allow_errors=True,
                           extra_arguments=["--IPKernelApp.log_level=ERROR"],
                           resources={"metadata": {"path": str(work)}}).execute()
            seconds = time.monotonic() - start
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
    errors = [(i, o.ename, o.evalue) for i, c in enumerate(nb.cells) if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    return Run(seconds, errors)
