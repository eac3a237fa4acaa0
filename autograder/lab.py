"""``make lab``: JupyterLab with nbgrader's extensions and a local exchange, on one machine.

An instructor releases and collects in the formgrader (menu *Nbgrader > Formgrader*), a student
fetches, validates and submits in the *Assignments* panel, both through one exchange folder.
Everything Jupyter, IPython and nbgrader write lives under a state folder (``build/lab/`` by
default), never in the home folder::

    config/    JUPYTER_CONFIG_DIR: nbgrader_config.py (the course, the exchange, the student folder)
    data/ runtime/    JUPYTER_DATA_DIR, JUPYTER_RUNTIME_DIR (lab workspaces, connection files)
    ipython/   IPYTHONDIR: every kernel loads the %autograde magic (autograder.magic)
    exchange/  nbgrader's exchange, shared by all courses (exchange/<course>/outbound, inbound, feedback)
    student/   where the Assignments panel fetches to: student/<course>/<assignment>/

The formgrader manages one course per server, as in nbgrader's single-user setup, and the
Assignments panel lists that course's releases; ``--course`` picks it. Several courses and
real student accounts need JupyterHub (see the README).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .course import Course, find_course, project_root
from .errors import AutograderError

NBGRADER_CONFIG = '''\
"""Written by `python -m autograder.lab` (make lab); regenerated at every start."""

c = get_config()  # noqa: F821 - provided by traitlets
load_subconfig({course_config!r})  # noqa: F821 - the course's own settings (code stub, timeouts)
c.CourseDirectory.root = {course_root!r}
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
c.Exchange.assignment_dir = {student!r}
c.Exchange.path_includes_course = True
'''

IPYTHON_CONFIG = '''\
"""Written by `python -m autograder.lab` (make lab): every kernel of this lab gets %autograde."""

c = get_config()  # noqa: F821 - provided by traitlets
c.InteractiveShellApp.extensions = ["autograder.magic"]
'''


def lab_environment(state: Path, root: Path) -> dict[str, str]:
    """The variables that keep Jupyter, IPython and the autograder inside ``state`` and ``root``."""
    return {
        "JUPYTER_CONFIG_DIR": str(state / "config"),
        "JUPYTER_DATA_DIR": str(state / "data"),
        "JUPYTER_RUNTIME_DIR": str(state / "runtime"),
        "IPYTHONDIR": str(state / "ipython"),
        "AUTOGRADER_ROOT": str(root),
    }


def write_config(course: Course, state: Path) -> None:
    """Write the nbgrader and IPython configuration of a lab serving ``course`` into ``state``."""
    for sub in ("config", "data", "runtime", "ipython/profile_default", "exchange", "student"):
        (state / sub).mkdir(parents=True, exist_ok=True)
    # nbgrader's exchange is world-writable so that students can submit into it
    (state / "exchange").chmod(0o777)
    (state / "config" / "nbgrader_config.py").write_text(NBGRADER_CONFIG.format(
        course_config=str(course.root / "nbgrader_config.py"),
        course_root=str(course.root),
        course_id=course.name,
        exchange=str(state / "exchange"),
        student=str(state / "student"),
    ))
    (state / "ipython" / "profile_default" / "ipython_config.py").write_text(IPYTHON_CONFIG)
    # offline course machines: no "fetch Jupyter news?" prompt, no update check
    settings = state / "config" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))


def lab_command(root: Path, port: int, token: str | None) -> list[str]:
    """The ``jupyter lab`` command line serving ``root`` (which must hold the course folders)."""
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.root_dir={root}",
               f"--port={port}"]
    if token is not None:
        command.append(f"--IdentityProvider.token={token}")
    if os.geteuid() == 0:  # containers and CI run as root
        command.append("--allow-root")
    return command


def main(argv: Sequence[str] | None = None) -> None:
    """Write the configuration, then become the JupyterLab server."""
    parser = argparse.ArgumentParser(prog="python -m autograder.lab", description=__doc__.split("\n")[0])
    parser.add_argument("--course", default="course1", help="the course the formgrader manages")
    parser.add_argument("--state", type=Path,
                        help="config, exchange and student work, inside ROOT (default ROOT/build/lab)")
    parser.add_argument("--port", type=int, default=8888)
    parser.add_argument("--token", help="the login token (default: a random one, printed in the URL)")
    args = parser.parse_args(argv)

    root = project_root()
    try:
        course = find_course(args.course, root)
    except AutograderError as e:
        parser.error(str(e))
    state = (args.state or root / "build" / "lab").resolve()
    write_config(course, state)
    env = {**os.environ, **lab_environment(state, root)}
    print(f"JupyterLab for {course.name}: instructors use Nbgrader > Formgrader (release with "
          f"`autograder release {course.name}/ID` first), students Nbgrader > Assignments and %autograde.\n"
          f"Exchange: {state / 'exchange'}   student work: {state / 'student'}\n"
          "Open the http://127.0.0.1:... URL printed below; Ctrl+C stops the server.", flush=True)
    command = lab_command(root, args.port, args.token)
    os.execve(command[0], command, env)


if __name__ == "__main__":
    main()
