"""Where courses and assignments live, and how an assignment reference is resolved.

A course is a folder ``courseN/`` with an ``nbgrader_config.py``; an assignment is
``courseN/source/<id>/<id>.ipynb``. References are written ``course1/logistic_regression``.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config, PyFileConfigLoader

from .errors import AutograderError

ROOT_ENV = "AUTOGRADER_ROOT"
DB_URL_ENV = "AUTOGRADER_DB_URL"
COURSE_PATTERN = re.compile(r"course\d+")


def project_root() -> Path:
    """The folder holding the courses: $AUTOGRADER_ROOT, else the current folder if it holds a
    course, else the checkout this package is installed from."""
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    cwd = Path.cwd()
    if any(COURSE_PATTERN.fullmatch(p.parent.name) for p in cwd.glob("course*/nbgrader_config.py")):
        return cwd
    return Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Course:
    name: str
    root: Path

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    @property
    def db_url(self) -> str:
        """The gradebook's SQLAlchemy URL; everything that opens the gradebook asks here.

        ``$AUTOGRADER_DB_URL`` (``{course}`` in it becomes the course name, so one setting serves
        every course), else nbgrader's own ``c.CourseDirectory.db_url`` in nbgrader_config.py,
        else SQLite in the course folder, nbgrader's default.
        """
        url = os.environ.get(DB_URL_ENV) or self._file_config.CourseDirectory.get("db_url")
        if url:
            return url.replace("{course}", self.name)
        return f"sqlite:///{self.root / 'gradebook.db'}"

    @cached_property
    def _file_config(self) -> Config:
        return PyFileConfigLoader("nbgrader_config.py", path=str(self.root)).load_config()

    @cached_property
    def config(self) -> Config:
        """The course's nbgrader_config.py, with the paths the autograder relies on."""
        config = copy.deepcopy(self._file_config)
        config.CourseDirectory.root = str(self.root)
        config.CourseDirectory.course_id = self.name
        config.CourseDirectory.db_url = self.db_url
        return config

    def coursedir(self) -> CourseDirectory:
        return CourseDirectory(config=self.config)

    def assignment(self, assignment_id: str) -> Assignment:
        notebook = self.source_dir / assignment_id / f"{assignment_id}.ipynb"
        if not notebook.is_file():
            known = ", ".join(a.id for a in self.assignments()) or "none"
            raise AutograderError(
                f"no assignment '{assignment_id}' in {self.name} (known: {known})"
            )
        return Assignment(self, assignment_id)

    def assignments(self) -> list[Assignment]:
        if not self.source_dir.is_dir():
            return []
        return [
            Assignment(self, d.name)
            for d in sorted(self.source_dir.iterdir())
            if (d / f"{d.name}.ipynb").is_file()
        ]


@dataclass(frozen=True)
class Assignment:
    course: Course
    id: str

    @property
    def ref(self) -> str:
        return f"{self.course.name}/{self.id}"

    @property
    def source_dir(self) -> Path:
        return self.course.source_dir / self.id

    @property
    def source_notebook(self) -> Path:
        return self.source_dir / f"{self.id}.ipynb"

    @property
    def release_dir(self) -> Path:
        return self.course.root / "release" / self.id

    @property
    def release_notebook(self) -> Path:
        return self.release_dir / f"{self.id}.ipynb"


def courses(root: Path | None = None) -> list[Course]:
    root = root or project_root()
    return [
        Course(d.name, d)
        for d in sorted(root.iterdir())
        if COURSE_PATTERN.fullmatch(d.name) and (d / "nbgrader_config.py").is_file()
    ]


def find_course(name: str, root: Path | None = None) -> Course:
    found = {c.name: c for c in courses(root)}
    if name not in found:
        raise AutograderError(
            f"no course '{name}' (known: {', '.join(found) or 'none'}; "
            f"set {ROOT_ENV} if the courses live elsewhere)"
        )
    return found[name]


def resolve(ref: str, root: Path | None = None) -> Assignment:
    """Resolve ``course/id`` to an :class:`Assignment`."""
    course_name, sep, assignment_id = ref.strip("/").partition("/")
    if not sep or not assignment_id or "/" in assignment_id:
        raise AutograderError(f"'{ref}' is not an assignment reference: write COURSE/ID, "
                              "e.g. course1/logistic_regression")
    return find_course(course_name, root).assignment(assignment_id)


def select(selector: str | None, root: Path | None = None) -> list[Assignment]:
    """All assignments, those of one course (``course1``) or one (``course1/id``)."""
    if not selector:
        return [a for c in courses(root) for a in c.assignments()]
    if "/" in selector.strip("/"):
        return [resolve(selector, root)]
    return find_course(selector.strip("/"), root).assignments()


def infer(notebook: Path, root: Path | None = None) -> Assignment:
    """Guess the assignment from a notebook's file name (``logistic_regression.ipynb``)."""
    stem = notebook.stem
    matches = [a for c in courses(root) for a in c.assignments() if a.id == stem]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise AutograderError(
            f"cannot tell which assignment {notebook.name} is: name it after the assignment "
            "or pass --assignment COURSE/ID"
        )
    options = ", ".join(a.ref for a in matches)
    raise AutograderError(f"{notebook.name} matches several assignments ({options}): pass --assignment")
