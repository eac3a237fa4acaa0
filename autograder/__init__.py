"""Autograder for the course notebooks, built on nbgrader's machinery.

The grading pipeline is a few composable steps, each in its own module:

    load (submission) -> sanitize (pipeline) -> execute (pipeline) -> collect (pipeline)
    -> score (results) -> record (gradebook)

``grade`` runs them for one notebook; ``classrun`` for every submission of a class.
"""

__version__ = "0.1.0"

import os as _os
import sys as _sys

# nbgrader's Gradebook runs the `alembic` script of this environment when it creates a database,
# and Jupyter finds kernels through PATH: make this interpreter's scripts reachable even when the
# virtualenv is not activated (e.g. `.venv/bin/autograder ...`).
_bin = _os.path.dirname(_sys.executable)
if _bin not in _os.environ.get("PATH", "").split(_os.pathsep):
    _os.environ["PATH"] = _bin + _os.pathsep + _os.environ.get("PATH", "")
