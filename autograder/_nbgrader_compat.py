"""Two adjustments to nbgrader's dependencies, applied when the package is imported.

jsonschema, imported with nbformat, checks the "iri" string format with ``rfc3987_syntax`` when
that is installed (jupyter-events pulls it in), and that module compiles a grammar on import:
over a second of CPU for every `autograder` command. No notebook schema uses the "iri" format,
so the grader's process goes without it.

nbgrader's ``Gradebook`` asks for the alembic schema version of every new database by running
the ``alembic`` command in a subprocess: 2.2 s per new gradebook on a 2-core machine (a quarter
of grading a notebook), and a failure whenever the virtualenv's ``bin`` is not on PATH. The
same answer comes from alembic's Python API in a millisecond.
"""

from __future__ import annotations

import functools
import os
import sys

sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type] - see the docstring

from alembic.config import Config  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from nbgrader import api  # noqa: E402


@functools.cache
def alembic_head() -> str:
    config = Config()
    config.set_main_option("script_location", os.path.join(os.path.dirname(api.__file__), "alembic"))
    return ScriptDirectory.from_config(config).get_current_head()


api.get_alembic_version = alembic_head
