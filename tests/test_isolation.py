"""Student code runs in a sandbox: hidden files, no network, bounded CPU, memory, processes, output."""

from __future__ import annotations

import pytest

from autograder import sandbox
from autograder.derive import student_version
from autograder.grade import grade_file
from autograder.probe import toy_source

needs_bwrap = pytest.mark.skipif(not sandbox.mechanisms()["bwrap"],
                                 reason="bubblewrap is not installed (apt-get install bubblewrap)")
needs_limits = pytest.mark.skipif(not (sandbox.mechanisms()["prlimit"] and sandbox.mechanisms()["setpriv"]),
                                  reason="prlimit/setpriv unavailable or not running as root")


def grade_with(toy, write_nb, double_source: str):
    nb = student_version(toy_source(), toy, {"double": double_source})
    result = grade_file(write_nb(nb), toy)
    return {t.function: t for t in result.tests}, result


def probe(expression: str) -> str:
    """A `double` that returns the right answer only if `expression` is True in the kernel."""
    return ("import os, socket, pathlib\n"
            "def double(x):\n"
            f"    if {expression}:\n"
            "        return 2 * x\n"
            "    return None\n")


@needs_bwrap
def test_course_folders_and_sources_are_invisible(toy, write_nb):
    """Can student code read the source notebook, the gradebook or the course folder?"""
    source = str(toy.source_notebook)
    course = str(toy.course.root)
    tests, _ = grade_with(toy, write_nb, probe(
        f"not os.path.exists({source!r}) and os.listdir({course!r}) == []"))
    assert tests["double"].status == "passed"


@needs_bwrap
def test_there_is_no_network(toy, write_nb):
    """Can student code open a TCP connection, even to localhost?"""
    code = ("import socket\n"
            "def double(x):\n"
            "    try:\n"
            "        socket.create_connection(('127.0.0.1', 22), timeout=2)\n"
            "    except OSError:\n"
            "        return 2 * x\n"
            "    return None\n")
    tests, _ = grade_with(toy, write_nb, code)
    assert tests["double"].status == "passed"


@needs_limits
def test_kernel_runs_unprivileged_and_read_only(toy, write_nb):
    """Does student code run as an unprivileged user that cannot write outside its folder?"""
    tests, _ = grade_with(toy, write_nb, probe(
        "os.getuid() != 0 and not os.access('/usr', os.W_OK)"))
    assert tests["double"].status == "passed"


@needs_limits
def test_fork_bomb_is_contained(toy, write_nb):
    """Does a fork bomb end as this function's error, with the other tests graded?"""
    code = ("import os\n"
            "def double(x):\n"
            "    children = []\n"
            "    for _ in range(100000):\n"
            "        pid = os.fork()\n"
            "        if pid == 0:\n"
            "            import time; time.sleep(30); os._exit(0)\n"
            "        children.append(pid)\n"
            "    return 2 * x\n")
    tests, _ = grade_with(toy, write_nb, code)
    assert tests["double"].score == 0
    assert tests["square"].status == "passed"


@needs_limits
def test_memory_exhaustion_is_contained(toy, write_nb, toy_root):
    """Does allocating far more memory than allowed fail only this function?"""
    config = toy_root / "course9" / "nbgrader_config.py"
    config.write_text(config.read_text() + "c.Autograder.memory_mb = 4096\n")
    code = ("import numpy as np\n"
            "def double(x):\n"
            "    hog = np.ones((16, 1024, 1024, 1024), dtype=np.uint8)\n"
            "    return 2 * x + hog[0, 0, 0, 0] - 1\n")
    tests, _ = grade_with(toy, write_nb, code)
    assert tests["double"].score == 0
    assert tests["square"].status == "passed"


def test_gigabytes_of_output_are_cut(toy, write_nb, toy_root):
    """Does a flood of output get cut without losing the grade?"""
    config = toy_root / "course9" / "nbgrader_config.py"
    config.write_text(config.read_text() + "c.Autograder.max_output_bytes = 100000\n")
    code = ("def double(x):\n"
            "    for _ in range(2000):\n"
            "        print('spam' * 1000)\n"
            "    return 2 * x\n")
    tests, _ = grade_with(toy, write_nb, code)
    assert tests["double"].status == "passed"
    assert tests["square"].status == "passed"


def test_notebook_deadline_stops_the_run_and_fails_the_rest(toy, write_nb, toy_root):
    """Does a notebook that runs past its total time limit lose only the tests not yet run?"""
    config = toy_root / "course9" / "nbgrader_config.py"
    config.write_text(config.read_text() + "c.Autograder.notebook_timeout = 4\n")
    nb = student_version(toy_source(), toy)
    nb.cells[3].source += "\nimport time\ntime.sleep(8)\n"  # the square solution cell
    result = grade_file(write_nb(nb), toy)
    tests = {t.function: t for t in result.tests}
    assert tests["double"].status == "passed"
    assert tests["square"].score == 0
    assert any("limit" in e for e in result.errors)


def test_unknown_limit_option_is_a_clear_error():
    """Is a misspelled c.Autograder option reported with the known ones?"""
    from traitlets.config import Config

    from autograder.errors import AutograderError

    with pytest.raises(AutograderError, match="unknown c.Autograder option.*memory_gb"):
        sandbox.Limits.from_config(Config({"Autograder": {"memory_gb": 1}}))


def test_limits_are_read_from_the_course_config():
    """Do c.Autograder settings override the defaults, with their types?"""
    from traitlets.config import Config

    limits = sandbox.Limits.from_config(Config({"Autograder": {"memory_mb": "2048", "isolate": False}}))
    assert limits.memory_mb == 2048 and limits.isolate is False
    assert limits.cpu_seconds == sandbox.Limits().cpu_seconds


def test_kernel_runs_the_graders_python_and_packages(toy, write_nb):
    """Does the sandboxed kernel use the same interpreter, virtualenv and shared_utils?"""
    import sys

    import shared_utils

    expected = (sys.prefix, sys.base_prefix, shared_utils.__file__)
    code = ("import sys, shared_utils\n"
            "def double(x):\n"
            f"    if (sys.prefix, sys.base_prefix, shared_utils.__file__) == {expected!r}:\n"
            "        return 2 * x\n")
    tests, _ = grade_with(toy, write_nb, code)
    assert tests["double"].status == "passed", tests["double"].message
