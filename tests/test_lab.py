"""``make lab``'s configuration and the ``%autograde`` magic, without a browser
(tests/test_lab_browser.py drives the real thing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from traitlets.config import PyFileConfigLoader

from autograder import magic
from autograder.course import find_course
from autograder.derive import student_version
from autograder.lab import lab_environment, write_config
from autograder.probe import toy_source

PROJECT = Path(__file__).resolve().parent.parent


def test_lab_config_names_the_course_exchange_and_student_folder(tmp_path: Path) -> None:
    course = find_course("course1", PROJECT)
    state = tmp_path / "lab"
    write_config(course, state)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(state / "config")).load_config()
    assert config.CourseDirectory.root == str(course.root)
    assert config.CourseDirectory.course_id == "course1"
    assert config.Exchange.root == str(state / "exchange")
    assert config.Exchange.assignment_dir == str(state / "student")
    assert config.Exchange.path_includes_course is True
    # the course's own settings come along: students get its code stub
    assert "NotImplementedError" in config.ClearSolutions.code_stub["python"]
    ipython = PyFileConfigLoader("ipython_config.py", path=str(state / "ipython" / "profile_default"))
    assert ipython.load_config().InteractiveShellApp.extensions == ["autograder.magic"]


def test_lab_keeps_jupyter_out_of_the_home_folder(tmp_path: Path) -> None:
    env = lab_environment(tmp_path, PROJECT)
    for variable in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        assert Path(env[variable]).is_relative_to(tmp_path), variable
    assert env["AUTOGRADER_ROOT"] == str(PROJECT)


def test_a_kernel_finds_its_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.chdir(tmp_path)
    notebook = tmp_path / "toy.ipynb"
    notebook.write_text("{}")
    assert magic.current_notebook({"__session__": str(notebook)}) == notebook
    # renamed or moved since the kernel started: the notebook of that name in the kernel's folder
    assert magic.current_notebook({"__session__": "/elsewhere/toy.ipynb"}) == tmp_path / "toy.ipynb"
    assert magic.current_notebook({}) == notebook  # the only notebook here
    (tmp_path / "other.ipynb").write_text("{}")
    assert magic.current_notebook({}) is None


def test_autograde_prints_what_the_cli_prints(toy, write_nb, monkeypatch, capsys) -> None:
    path = write_nb(student_version(toy_source(), toy))
    monkeypatch.chdir(path.parent)
    monkeypatch.setenv("IPYTHONDIR", str(path.parent / "not-for-grading-kernels"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert magic.autograde("", {"__session__": str(path)}) == 0
    out = capsys.readouterr().out
    cli = subprocess.run([sys.executable, "-m", "autograder", "grade", str(path)],
                         capture_output=True, text=True, timeout=300)
    assert out.splitlines()[0].startswith("Grading toy.ipynb as saved at ")
    assert out.splitlines()[1:] == cli.stdout.splitlines()
    assert "course9/toy: 3 / 3" in out

    assert magic.autograde(f"{path} --json", {}) == 0
    assert json.loads(capsys.readouterr().out)["score"] == 3.0


def test_autograde_does_nothing_while_nbgrader_runs_the_notebook(monkeypatch, capsys) -> None:
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("graded while validating"))
    assert magic.autograde("", {}) == 0
    assert "skipped" in capsys.readouterr().out


def test_load_ext_registers_the_magic() -> None:
    registered = {}

    class Shell:
        user_ns: dict = {}

        def register_magic_function(self, func, magic_kind, magic_name):
            registered[(magic_kind, magic_name)] = func

    magic.load_ipython_extension(Shell())
    assert set(registered) == {("line", "autograde")}
