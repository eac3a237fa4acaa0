"""``%autograde``: grade the open notebook now, from inside JupyterLab.

Load it with ``%load_ext autograder.magic`` (``make lab`` loads it in every kernel), then run
``%autograde`` in any cell. It grades the notebook *as saved on disk* with ``autograder grade``
in a separate process, so nothing the kernel holds (variables, patched functions) can change a
verdict, and prints the CLI's own per-function report. Arguments are passed on to the CLI:
``%autograde [NOTEBOOK] [--assignment COURSE/ID] [--json]``; NOTEBOOK defaults to the notebook
this kernel belongs to.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import datetime
from pathlib import Path

# a notebook that runs past its own time limit still needs the grader to report it
TIMEOUT_SECONDS = 1800


def current_notebook(namespace: dict) -> Path | None:
    """The notebook this kernel was started for: ipykernel's ``__session__`` (jupyter_server's
    ``JPY_SESSION_NAME``, an absolute path in JupyterLab), else the only notebook in the cwd."""
    session = namespace.get("__session__") or os.environ.get("JPY_SESSION_NAME")
    if session and session.endswith(".ipynb"):
        for candidate in (Path(session), Path.cwd() / Path(session).name):
            if candidate.is_file():
                return candidate
    notebooks = list(Path.cwd().glob("*.ipynb"))
    return notebooks[0] if len(notebooks) == 1 else None


def autograde(line: str, namespace: dict) -> int:
    """Run ``autograder grade`` on the notebook named in ``line`` (default: the current one)."""
    if os.environ.get("NBGRADER_EXECUTION"):  # set by nbgrader (and us) while validating or grading
        print("%autograde: skipped while the notebook is being validated or graded")
        return 0
    args = shlex.split(line)
    if not any(a.endswith(".ipynb") for a in args):
        notebook = current_notebook(namespace)
        if notebook is None:
            print("%autograde: cannot tell which notebook to grade: write %autograde NOTEBOOK.ipynb",
                  file=sys.stderr)
            return 2
        args.insert(0, str(notebook))
        saved = datetime.fromtimestamp(notebook.stat().st_mtime)
        print(f"Grading {notebook.name} as saved at {saved:%H:%M:%S} (save first to grade your latest edits)")
    # the grader's kernels get IPython's defaults: this lab's profile (which loads this magic)
    # may live where the sandbox hides it
    env = {k: v for k, v in os.environ.items() if k != "IPYTHONDIR"}
    done = subprocess.run([sys.executable, "-m", "autograder", "grade", *args],
                          capture_output=True, text=True, timeout=TIMEOUT_SECONDS, env=env)
    print(done.stdout, end="")
    print(done.stderr, end="", file=sys.stderr)
    return done.returncode


def load_ipython_extension(ipython) -> None:
    """``%load_ext autograder.magic`` registers ``%autograde``."""

    def _autograde(line: str) -> None:
        autograde(line, ipython.user_ns)

    ipython.register_magic_function(_autograde, magic_kind="line", magic_name="autograde")
