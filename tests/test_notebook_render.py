"""Every assignment notebook renders in JupyterLab: its links and images resolve, its math parses.

A release carries the source folder's files and the source's markdown unchanged, so checking the
sources covers every release. Checked per markdown cell, outside code spans and fenced blocks:

- a relative link or image (markdown or HTML) names a file of the assignment folder;
- a ``#anchor`` link names a heading of the notebook (JupyterLab's ids: spaces become ``-``);
- ``$``/``$$`` delimiters pair up, and inside each formula braces balance and every
  ``\\begin{env}`` / ``\\left`` has its ``\\end{env}`` / ``\\right``, so MathJax does not print
  the raw source.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import nbformat
import pytest

PROJECT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(PROJECT.glob("course*/source/*/*.ipynb"))

FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
MD_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_LINK = re.compile(r"<(?:img|a|source)\b[^>]*?\b(?:src|href)\s*=\s*[\"']([^\"']+)[\"']", re.I)
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)
MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.S)
EXTERNAL = ("http://", "https://", "mailto:", "attachment:", "data:")


def prose(cell: nbformat.NotebookNode) -> str:
    """The cell's markdown without fenced code blocks and code spans (which render verbatim)."""
    return CODE_SPAN.sub("", FENCE.sub("", cell.source))


def markdown_cells(path: Path) -> list[tuple[int, str]]:
    nb = nbformat.read(path, as_version=4)
    return [(i, prose(c)) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"]


def heading_ids(path: Path) -> set[str]:
    """The anchors JupyterLab gives headings: the rendered text with spaces replaced by ``-``."""
    nb = nbformat.read(path, as_version=4)
    ids = set()
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for title in HEADING.findall(FENCE.sub("", cell.source)):
            title = re.sub(r"`|\*\*?|<[^>]+>", "", title)  # markup does not reach the id
            ids.add(title.strip().replace(" ", "-"))
    return ids


def link_problems(path: Path) -> list[str]:
    cells = markdown_cells(path)
    anchors = heading_ids(path)
    problems = []
    for index, text in cells:
        text = MATH.sub("", text.replace(r"\$", ""))  # a[l](i) in a formula is no link
        for target in MD_LINK.findall(text) + HTML_LINK.findall(text):
            if target.startswith(EXTERNAL):
                continue
            if target.startswith("#"):
                if unquote(target[1:]) not in anchors:
                    problems.append(f"cell {index}: link to a missing heading {target}")
                continue
            file = (path.parent / unquote(target.split("#")[0])).resolve()
            if not file.is_file() or path.parent.resolve() not in file.parents:
                problems.append(f"cell {index}: {target} is not a file of the assignment folder")
    return problems


def formula_problems(formula: str) -> list[str]:
    body = formula.replace(r"\{", "").replace(r"\}", "")
    problems = []
    depth = 0
    for char in body:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth:
        problems.append("unbalanced braces")
    open_envs: list[str] = []
    for kind, name in re.findall(r"\\(begin|end)\{([^}]*)\}", body):
        if kind == "begin":
            open_envs.append(name)
        elif not open_envs or open_envs.pop() != name:
            open_envs.append("")  # an \end without its \begin
            break
    if open_envs:
        problems.append("\\begin/\\end do not match")
    if len(re.findall(r"\\left\b", body)) != len(re.findall(r"\\right\b", body)):
        problems.append("\\left/\\right do not pair")
    return problems


def math_problems(path: Path) -> list[str]:
    problems = []
    for index, text in markdown_cells(path):
        text = text.replace(r"\$", "")
        for display, inline in MATH.findall(text):
            formula = display or inline
            problems += [f"cell {index}: ${formula.strip()[:60]}$: {p}" for p in formula_problems(formula)]
        leftover = MATH.sub("", text)
        if "$" in leftover:
            where = leftover[max(0, leftover.index("$") - 40):leftover.index("$") + 40]
            problems.append(f"cell {index}: a $ without its pair near {where!r}")
    return problems


def test_every_assignment_is_checked() -> None:
    assert len(NOTEBOOKS) >= 13


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_links_and_images_resolve(path: Path) -> None:
    assert link_problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_math_parses(path: Path) -> None:
    assert math_problems(path) == []


def test_the_checks_catch_broken_markdown(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(text) for text in [
        "## 1 - Intro\n[ok](#1---Intro) [gone](#2---Missing) ![plot](images/missing.png)",
        "<img src='also_missing.png'> ![here](demo.ipynb) [web](https://example.org/x.png)",
        "`$ in code` and $\\$5$ are fine, $\\frac{1}{2$ is not",
        "$$\\begin{pmatrix} a \\end{bmatrix}$$ and $\\left( x$",
        "a lone $ sign",
    ]]
    path = tmp_path / "demo" / "demo.ipynb"
    path.parent.mkdir()
    nbformat.write(nb, path)
    assert link_problems(path) == [
        "cell 0: link to a missing heading #2---Missing",
        "cell 0: images/missing.png is not a file of the assignment folder",
        "cell 1: also_missing.png is not a file of the assignment folder",
    ]
    assert [p.split(": ")[-1] for p in math_problems(path)] == [
        "unbalanced braces", "\\begin/\\end do not match", "\\left/\\right do not pair",
        "a $ without its pair near 'a lone $ sign'",
    ]
