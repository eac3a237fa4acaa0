"""The whole JupyterLab round trip in headless Chromium, driven by Playwright.

One lab (``python -m autograder.lab``, what ``make lab`` runs) serves a copy of
course1/logistic_regression. The instructor releases it in the formgrader; the student fetches
it in the Assignments panel, writes ``sigmoid``, runs the cells (its public test passes),
validates, grades with ``%autograde`` and submits; the instructor collects in the formgrader,
grades with ``autograder autograde`` and ``autograder feedback`` and releases the feedback; the
student fetches it and reads it. Each step leaves a screenshot in build/screenshots/lab/
(``$SCREENSHOT_DIR`` overrides).

Needs the ``playwright`` package and a Chromium: ``$CHROMIUM``, Debian's ``chromium``
(``apt-get install chromium``) or Playwright's own; skipped with the reason otherwise.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "logistic_regression"
TOKEN = "browser-test"
# two loaded cores: a kernel start or a grading run can take a minute
TIMEOUT_MS = int(os.environ.get("LAB_TEST_TIMEOUT_MS", 180_000))
SIGMOID = "s = 1 / (1 + np.exp(-z))"
# text left with a $ or a LaTeX command outside code and MathJax's output: a formula MathJax gave up on
UNTYPESET_TEX = r"""els => els.flatMap(e => {
  const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT), found = [];
  while (walk.nextNode()) {
    const node = walk.currentNode;
    if (!node.parentElement.closest("code, pre, mjx-container") && /\$|\\[a-zA-Z]+\{/.test(node.textContent))
      found.push(node.textContent);
  }
  return found;
})"""


def chromium() -> str | None:
    """A Chromium binary: $CHROMIUM, Debian's, or the one `playwright install` downloaded."""
    candidates = [os.environ.get("CHROMIUM"), "/usr/lib/chromium/chromium",
                  shutil.which("chromium"), shutil.which("chromium-browser")]
    found = [c for c in candidates if c and Path(c).is_file()]
    if found:
        return found[0]
    with sync_api.sync_playwright() as p:
        bundled = p.chromium.executable_path
    return bundled if Path(bundled).is_file() else None


@dataclass
class Lab:
    root: Path
    state: Path
    url: str
    env: dict[str, str]
    shots: Path
    browser: str

    def autograder(self, *args: str) -> str:
        """Run the instructor's CLI on the lab's courses, as from a terminal."""
        done = subprocess.run([sys.executable, "-m", "autograder", *args], cwd=self.root, env=self.env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, server: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(1)
    pytest.fail(f"JupyterLab did not answer at {url} in {seconds} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    browser = chromium()
    if browser is None:
        pytest.skip("no Chromium: apt-get install chromium (or `playwright install chromium`)")
    root = tmp_path_factory.mktemp("lab")
    course = root / "course1"
    shutil.copytree(PROJECT / "course1" / "source" / ASSIGNMENT, course / "source" / ASSIGNMENT)
    shutil.copy(PROJECT / "course1" / "nbgrader_config.py", course)
    state = root / "build" / "lab"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON", "JPY_"))}
    env["AUTOGRADER_ROOT"] = str(root)
    shots = Path(os.environ.get("SCREENSHOT_DIR", PROJECT / "build" / "screenshots" / "lab"))
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    port = free_port()
    log = root / "lab.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "autograder.lab", "--course", "course1", "--state", str(state),
             "--port", str(port), "--token", TOKEN],
            cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for(f"{url}/api/status?token={TOKEN}", server, log)
        yield Lab(root, state, url, env, shots, browser)
    finally:
        os.killpg(server.pid, 15)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)


@pytest.fixture(scope="module")
def page(lab: Lab):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=lab.browser,
                                    args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.set_default_timeout(TIMEOUT_MS)
            page = context.new_page()
            yield page
            page.screenshot(path=lab.shots / "last.png")  # where the flow ended, pass or fail
        finally:
            browser.close()


def shot(lab: Lab, page, name: str) -> None:
    page.screenshot(path=lab.shots / f"{name}.png")


def formgrader_click(lab: Lab, page, column: str) -> str:
    """Click the icon in ``column`` of the assignment's row in Manage Assignments; the modal's text."""
    page.goto(f"{lab.url}/formgrader/manage_assignments?token={TOKEN}")
    page.locator(f"tr:has(td.name a:text-is('{ASSIGNMENT}')) td.{column} a").click()
    modal = page.locator("#success-modal, #error-modal")
    modal.wait_for()
    text = modal.inner_text()
    assert page.locator("#success-modal").count() == 1, text
    return text


def assignments_list(page, name: str):
    """The rows of the Assignments panel's list ``name`` (released, fetched, submitted)."""
    page.locator(f"#{name}_assignments_list_loading").wait_for(state="hidden")
    return page.locator(f"#{name}_assignments_list > .list_item")


def run_command(page, label: str) -> None:
    """Run a JupyterLab command by its label from the command palette."""
    page.keyboard.press("Control+Shift+C")
    palette = page.locator("#modal-command-palette")
    palette.locator("input").fill(label)
    palette.locator(f"li.lm-CommandPalette-item:has-text('{label}')").first.click()


def test_release_fetch_solve_grade_submit_and_feedback(lab: Lab, page) -> None:
    lab.autograder("release", f"course1/{ASSIGNMENT}")  # our fail-closed release: no leak leaves

    # instructor: release to the exchange in the formgrader
    page.goto(f"{lab.url}/formgrader/manage_assignments?token={TOKEN}")
    page.locator(f"td.name a:text-is('{ASSIGNMENT}')").wait_for()
    shot(lab, page, "01_formgrader_manage_assignments")
    formgrader_click(lab, page, "release")
    shot(lab, page, "02_formgrader_released")

    # student: fetch in the Assignments panel
    page.goto(f"{lab.url}/lab?token={TOKEN}")
    page.locator("#jp-main-dock-panel").wait_for()
    page.locator("#jp-menu-panel div.lm-MenuBar-itemLabel:text('Nbgrader')").click()
    page.locator('li[data-command="nbgrader:open-assignment-list"]').click()
    released = assignments_list(page, "released")
    released.filter(has_text=ASSIGNMENT).locator(".item_status button").click()
    fetched = assignments_list(page, "fetched").filter(has_text=ASSIGNMENT)
    fetched.wait_for()
    shot(lab, page, "03_student_fetched")

    # open the notebook from the panel and write sigmoid
    fetched.locator(f"a:text-is('{ASSIGNMENT}')").first.click()
    fetched.locator(f"a:text-is('{ASSIGNMENT}.ipynb'), a:text-is('{ASSIGNMENT}')").last.click()
    notebook = page.locator(".jp-NotebookPanel:visible")
    notebook.locator(".jp-Notebook").wait_for()
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
    solution = notebook.locator(".jp-CodeCell").filter(has_text="def sigmoid(z)")
    solution.scroll_into_view_if_needed()
    solution.locator(".cm-line", has_text="raise NotImplementedError()").click()
    page.keyboard.press("Home")
    page.keyboard.press("Shift+End")
    page.keyboard.insert_text(SIGMOID)
    shot(lab, page, "04_student_wrote_sigmoid")

    # run the cells: execution stops at the first unwritten function, sigmoid's test passes
    run_command(page, "Run All Cells")
    tests = notebook.locator(".jp-CodeCell").filter(has_text='name="sigmoid(np.array([0, 2]))"')
    tests.locator(".jp-OutputArea-output", has_text="All tests passed.").wait_for()
    tests.scroll_into_view_if_needed()
    shot(lab, page, "05_student_public_test_passed")
    rendered = notebook.locator(".jp-RenderedMarkdown")
    notebook.locator("mjx-container").first.wait_for()  # MathJax typeset the formulas
    raw_tex = rendered.evaluate_all(UNTYPESET_TEX)
    assert raw_tex == [], raw_tex
    broken = notebook.locator("img").evaluate_all("els => els.filter(e => !e.naturalWidth).map(e => e.src)")
    assert broken == [], broken
    page.keyboard.press("Control+S")
    page.locator(".jp-NotebookPanel:visible .jp-mod-dirty").wait_for(state="detached")

    # validate from the Assignments panel (the other functions are not written yet)
    page.locator(".lm-TabBar-tab:has-text('Assignments')").click()
    fetched.locator("button:has-text('Validate')").first.click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for()
    shot(lab, page, "06_student_validated")
    assert "NotImplementedError" in dialog.inner_text() or "failed" in dialog.inner_text().lower()
    dialog.locator("button").last.click()

    # grade now: %autograde in a console attached to the notebook's kernel
    page.locator(f".lm-TabBar-tab:has-text('{ASSIGNMENT}.ipynb')").click()
    run_command(page, "New Console for Notebook")
    prompt = page.locator(".jp-CodeConsole:visible .jp-CodeConsole-promptCell .cm-content")
    prompt.click()
    page.keyboard.insert_text("%autograde")
    page.keyboard.press("Shift+Enter")
    report = page.locator(".jp-CodeConsole:visible .jp-OutputArea-output",
                          has_text="course1/logistic_regression:")
    report.wait_for()
    text = report.inner_text()
    shot(lab, page, "07_student_autograde")
    assert "[ok ] sigmoid (1/1)" in text, text
    assert "course1/logistic_regression: 1 / 11" in text, text

    # submit
    page.locator(".lm-TabBar-tab:has-text('Assignments')").click()
    fetched.locator(".item_status button:has-text('Submit')").click()
    assignments_list(page, "submitted").filter(has_text=ASSIGNMENT).wait_for()
    shot(lab, page, "08_student_submitted")

    # instructor: collect in the formgrader, grade and write feedback with the autograder
    formgrader_click(lab, page, "collect")
    shot(lab, page, "09_formgrader_collected")
    summary = lab.autograder("autograde", "course1", ASSIGNMENT)
    lab.autograder("feedback", "course1", ASSIGNMENT)
    formgrader_click(lab, page, "release-feedback")
    shot(lab, page, "10_formgrader_feedback_released")
    assert summary

    # student: fetch the feedback and read it
    page.goto(f"{lab.url}/lab?token={TOKEN}")
    page.locator(".lm-TabBar-tab:has-text('Assignments')").click()
    page.locator("#refresh_assignments_list").click()
    submitted = assignments_list(page, "submitted").filter(has_text=ASSIGNMENT)
    submitted.locator("button:has-text('Fetch Feedback')").click()
    submitted.locator("a:has-text('view feedback')").click()
    page_file = page.locator(f".jp-DirListing-item:has-text('{ASSIGNMENT}.html')")
    page_file.wait_for()
    shot(lab, page, "11_student_feedback_folder")
    page_file.dblclick()
    page.frame_locator(".jp-HTMLViewer iframe").get_by_text("PASSED (1/1)").first.scroll_into_view_if_needed()
    shot(lab, page, "12_student_feedback_in_lab")
    feedback = sorted((lab.state / "student").glob(f"course1/{ASSIGNMENT}/feedback/*/{ASSIGNMENT}.html"))
    assert feedback, "no feedback fetched"
    page.goto(f"{lab.url}/files/{feedback[-1].relative_to(lab.root)}?token={TOKEN}")
    page.get_by_text("PASSED (1/1)").first.scroll_into_view_if_needed()
    shot(lab, page, "13_student_feedback_page")
    body = page.locator("body").inner_text()
    assert "PASSED (1/1)" in body and "ERROR (0/3)" in body, body[:2000]
