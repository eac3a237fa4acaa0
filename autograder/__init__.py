"""Autograder for the course notebooks, built on nbgrader's machinery.

The grading pipeline is a few composable steps, each in its own module:

    load (submission) -> inspect, sanitize, execute, collect (pipeline) -> record (gradebook)

``execute`` runs in a sandboxed kernel (``kernel``) that was started, and had the assignment's
imports loaded, before the submission was read. ``grade`` runs the steps for one notebook;
``classrun`` for every submission of a class.
"""

from . import _nbgrader_compat  # noqa: F401 - applied once, before any gradebook is opened

__version__ = "0.1.0"
