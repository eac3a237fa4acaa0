"""pyproject.toml and environment.yml must declare the same packages with the same versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
IGNORED = {"python", "pip"}
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*?)\s*$")


def split_requirement(requirement: str) -> tuple[str, str]:
    """``"scikit_learn >= 1.4"`` -> ``("scikit-learn", ">=1.4")``: normalized name, specifier."""
    match = REQUIREMENT.match(requirement)
    assert match, f"cannot parse requirement {requirement!r}"
    name, specifier = match.groups()
    name = re.sub(r"[-_.]+", "-", name).lower()
    specifier = re.sub(r"\s+", "", specifier)
    if re.fullmatch(r"=[^=].*", specifier):  # conda's `pkg=1.2` means pip's `pkg==1.2.*`
        specifier = "=" + specifier
    return name, specifier


@pytest.fixture(scope="module")
def pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def pyproject_requirements(pyproject: dict) -> dict[str, str]:
    project = pyproject["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["dev"]
    pairs = [split_requirement(r) for r in requirements]
    names = [name for name, _ in pairs]
    assert len(names) == len(set(names)), f"duplicate packages in pyproject.toml: {names}"
    return dict(pairs)


def environment_requirements() -> dict[str, str]:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    requirements = []
    for item in environment["dependencies"]:
        if isinstance(item, dict):  # the `pip:` section
            requirements += [r for r in item["pip"] if not r.startswith("-e")]
        else:
            requirements.append(item)
    pairs = [split_requirement(r) for r in requirements]
    pairs = [(name, spec) for name, spec in pairs if name not in IGNORED]
    names = [name for name, _ in pairs]
    assert len(names) == len(set(names)), f"duplicate packages in environment.yml: {names}"
    return dict(pairs)


def test_split_requirement_normalizes():
    """Are names normalized (case, `-`/`_`/`.`) and specifiers stripped of spaces?"""
    assert split_requirement("Scikit_Learn >= 1.4") == ("scikit-learn", ">=1.4")
    assert split_requirement("numpy") == ("numpy", "")
    assert split_requirement("python=3.11") == ("python", "==3.11")


def test_same_packages(pyproject):
    """Do pyproject.toml (deps + dev extra) and environment.yml list the same packages?"""
    ours, conda = pyproject_requirements(pyproject), environment_requirements()
    assert set(ours) == set(conda), (
        f"only in pyproject.toml: {sorted(set(ours) - set(conda))}; "
        f"only in environment.yml: {sorted(set(conda) - set(ours))}"
    )


def test_same_version_specifiers(pyproject):
    """Does each package carry the same version specifier in both files?"""
    ours, conda = pyproject_requirements(pyproject), environment_requirements()
    differ = {name: (ours[name], conda[name]) for name in ours.keys() & conda.keys()
              if ours[name] != conda[name]}
    assert not differ, f"(pyproject.toml, environment.yml) specifiers differ: {differ}"
    assert all(ours.values()), "every dependency should state a minimum version"


def test_environment_installs_the_project_and_python(pyproject):
    """Does environment.yml pin python matching requires-python and pip-install the project?"""
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    items = environment["dependencies"]
    pip_sections = [item["pip"] for item in items if isinstance(item, dict)]
    assert len(pip_sections) == 1 and "-e ." in pip_sections[0]
    assert "pip" in items
    pythons = [item for item in items if isinstance(item, str) and item.startswith("python")]
    assert pythons == ["python=3.11"]
    assert pyproject["project"]["requires-python"] == ">=3.11"


def test_autograder_console_script(pyproject):
    """Is the `autograder` console script declared as autograder.cli:main, and does it exist?"""
    assert pyproject["project"]["scripts"]["autograder"] == "autograder.cli:main"
    from autograder import cli

    assert callable(cli.main)
