"""``autograder mutants``: measure how well each assignment's tests grade.

For every graded function of an assignment, variants of its solution cell are substituted into
an otherwise perfect submission, which the real grader (:func:`grade.grade_notebook`, sandboxed
kernel, trusted verdicts) then grades:

- **mutants** must make the function's test fail: automatic AST mutations of the reference
  (:mod:`autograder.mutations`) and a hand-written catalogue of real student mistakes
  (``examples/mutants/<course>_<id>.py`` ``MUTANTS``, plus the example submission's
  ``examples/mistakes`` entry). Mutants that behave exactly like the reference on every probe
  (:mod:`autograder.equivalence`) are *equivalent*. They are graded too, since the probe sees only
  the notebook's own calls: one the tests pass is excluded (listed, not counted as an escape), one
  the tests fail counts as caught and is listed as a probe miss.
- **alternatives** are correct but differently written (``examples/alternatives/<course>_<id>.py``
  ``ALTERNATIVES``, plus an automatic rewrite, plus the automatic mutants a person has shown to be
  equivalent where the probe could not: ``EQUIVALENT`` in the catalogue): they must score full marks.

The report gives, per assignment and function: mutants tried, equivalent, caught, escaped (with
diffs) and alternatives tried / wrongly failed, as markdown and JSON.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import logging
import random
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path

import nbformat
from nbgrader import utils

from .course import Assignment, find_course, select
from .derive import apply_edit, student_version
from .errors import AutograderError
from .grade import grade_notebook
from .mutations import Mutant, canonical, mutants, refactorings
from .progress import Progress
from .source import register
from .verdicts import reference_records

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 12  # automatic mutants graded per function unless --full
KERAS_LIMIT = 4  # per function in TensorFlow notebooks, whose kernels are slow
EQUIVALENCE_TIMEOUT = 1800


@dataclass
class Variant:
    """One substitution to grade: ``role`` is "mutant" or "alternative"."""

    gid: str
    role: str
    origin: str  # "auto", "catalogue", "refactor", "hand-written", "reviewed equivalent"
    label: str
    source: str
    kind: str = ""  # the mutation operator, for automatic mutants
    equivalent: bool | None = None
    why: str = ""
    status: str = ""  # the function's test status under the real grader, "" if not graded
    score: float | None = None
    max_score: float | None = None
    message: str = ""

    @property
    def key(self) -> str:
        return f"{self.gid}:{self.role}:{self.origin}:{self.label}"


@dataclass
class FunctionReport:
    gid: str
    tried: int = 0
    equivalent: int = 0
    caught: int = 0
    escaped: list[dict] = field(default_factory=list)
    equivalents: list[dict] = field(default_factory=list)  # probed equivalent, passed the tests
    probe_missed: list[dict] = field(default_factory=list)  # probed equivalent, failed the tests
    alternatives: int = 0
    wrongly_failed: list[dict] = field(default_factory=list)
    grader_failures: list[dict] = field(default_factory=list)  # graded twice, no verdict either time


def _module_dict(package: str, assignment: Assignment, name: str) -> dict:
    """``name`` from ``examples/<package>/<course>_<id>.py`` beside the courses ({} if none).

    Loaded by path: the console script's ``sys.path`` does not hold the project root."""
    examples = assignment.course.root.parent / "examples"
    path = examples / package / f"{assignment.course.name}_{assignment.id}.py"
    if not path.is_file():
        return {}
    spec = importlib.util.spec_from_file_location(f"_{package}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(getattr(module, name, {}))


def _is_keras(nb: nbformat.NotebookNode) -> bool:
    return any("tensorflow" in c.source or "keras" in c.source for c in nb.cells if c.cell_type == "code")


def _pick(found: list[Mutant], limit: int | None, gid: str) -> list[Mutant]:
    """A deterministic spread over mutation kinds: shuffled by a stable seed, then round-robin."""
    if limit is None or len(found) <= limit:
        return found
    groups: dict[str, list[Mutant]] = {}
    for m in found:
        groups.setdefault(m.kind, []).append(m)
    rng = random.Random(zlib.crc32(gid.encode()))
    for members in groups.values():
        rng.shuffle(members)
    picked: list[Mutant] = []
    while len(picked) < limit:
        for members in groups.values():
            if members and len(picked) < limit:
                picked.append(members.pop(0))
    return picked


def variants_for(assignment: Assignment) -> list[Variant]:
    """Every automatic and hand-written variant of every graded function, before selection."""
    nb = nbformat.read(assignment.source_notebook, as_version=4)
    catalogue = _module_dict("mutants", assignment, "MUTANTS")
    mistakes = _module_dict("mistakes", assignment, "MISTAKES")
    alternatives = _module_dict("alternatives", assignment, "ALTERNATIVES")
    reviewed = _module_dict("mutants", assignment, "EQUIVALENT")
    out = []
    for cell in nb.cells:
        if not (utils.is_solution(cell) and cell.cell_type == "code"):
            continue
        gid = cell.metadata.nbgrader["grade_id"]
        auto = mutants(cell.source)
        same = reviewed.get(gid, {})
        if stale := sorted(set(same) - {m.label for m in auto}):
            raise AutograderError(f"{assignment.ref}: EQUIVALENT names no mutant of {gid}: {stale}; "
                                  "update the catalogue to the mutants' current labels")
        out += [Variant(gid, "alternative", "reviewed equivalent", m.label, m.source, m.kind,
                        why=same[m.label]) if m.label in same
                else Variant(gid, "mutant", "auto", m.label, m.source, m.kind) for m in auto]
        hand = dict(catalogue.get(gid, {}))
        if gid in mistakes:
            hand["the example submission's mistake"] = mistakes[gid]
        out += [Variant(gid, "mutant", "catalogue", label, apply_edit(cell.source, edit))
                for label, edit in hand.items()]
        out += [Variant(gid, "alternative", "refactor", m.label, m.source) for m in refactorings(cell.source)]
        out += [Variant(gid, "alternative", "hand-written", label, apply_edit(cell.source, edit))
                for label, edit in alternatives.get(gid, {}).items()]
    return out


def classify(assignment: Assignment, variants: list[Variant]) -> dict[str, list[str]]:
    """Fill in ``equivalent`` for every variant by probing it in a plain Python process.

    Returns which graded functions each test cell calls (for :func:`batches`).
    """
    nb = nbformat.read(assignment.source_notebook, as_version=4)
    grouped: dict[str, dict[str, str]] = {c.metadata.nbgrader["grade_id"]: {} for c in nb.cells
                                          if utils.is_solution(c) and c.cell_type == "code"}
    for v in variants:
        grouped.setdefault(v.gid, {})[v.key] = v.source
    job = {"source_dir": str(assignment.source_dir), "cells": [dict(c) for c in nb.cells],
           "variants": grouped}
    proc = subprocess.run([sys.executable, "-m", "autograder.equivalence"], input=json.dumps(job),
                          capture_output=True, text=True, timeout=EQUIVALENCE_TIMEOUT,
                          cwd=assignment.course.root.parent, check=False)
    if proc.returncode != 0:
        raise AutograderError(f"{assignment.ref}: the equivalence probe failed: "
                              f"{proc.stderr.strip().splitlines()[-1:] or proc.returncode}")
    answer = json.loads(proc.stdout)
    for v in variants:
        found = answer["verdicts"].get(v.key, {})
        v.equivalent, v.why = bool(found.get("equivalent")), found.get("why", "")
    return answer["uses"]


def presample(variants: list[Variant], per_function: int) -> list[Variant]:
    """Every hand-written variant and a spread of ``per_function`` automatic mutants each."""
    kept = [v for v in variants if v.origin != "auto"]
    by_gid: dict[str, list[Variant]] = {}
    for v in variants:
        if v.origin == "auto":
            by_gid.setdefault(v.gid, []).append(v)
    for gid, group in by_gid.items():
        picked = {m.label for m in _pick([Mutant(v.kind, v.key, v.source) for v in group], per_function, gid)}
        kept += [v for v in group if v.key in picked]
    return kept


def select_variants(variants: list[Variant], limit: int | None) -> list[Variant]:
    """What to grade: every alternative, every hand-written mutant, every mutant the probe found
    equivalent (the grader shows whether the probe missed a difference), and at most ``limit``
    other automatic mutants per function (all when ``limit`` is None)."""
    probed_equal = [v for v in variants if v.role == "mutant" and v.equivalent]
    rest = [v for v in variants if not (v.role == "mutant" and v.equivalent)]
    return probed_equal + (rest if limit is None else presample(rest, limit))


def _grade_one(root: str, course: str, assignment_id: str, db_url: str,
               replacements: dict[str, str]) -> dict:
    """Grade a perfect submission with some solution cells replaced; plain data back."""
    assignment = find_course(course, Path(root)).assignment(assignment_id)
    nb = nbformat.read(assignment.source_notebook, as_version=4)
    result, _ = grade_notebook(student_version(nb, assignment, replacements), assignment, db_url)
    return result.to_dict()


def batches(variants: list[Variant], uses: dict[str, list[str]]) -> list[list[Variant]]:
    """Group variants so that one kernel grades several at once without changing any verdict:
    at most one variant per function, and no variant's function is called by the test cell of
    another function in the group (nor by a cell outside tests before it). Alternatives are
    grouped only with alternatives: a group of them must score full marks as a whole."""
    def test_uses(gid: str) -> set[str] | None:
        return set(uses[f"{gid}_tests"]) if f"{gid}_tests" in uses else None

    def compatible(a: Variant, b: Variant) -> bool:
        ua, ub = test_uses(a.gid), test_uses(b.gid)
        return (a.role == b.role and a.gid != b.gid and ua is not None and ub is not None
                and b.gid not in ua and a.gid not in ub)

    remaining, out = list(variants), []
    while remaining:
        batch, rest = [], []
        for v in remaining:
            (batch if all(compatible(v, u) for u in batch) else rest).append(v)
        out.append(batch)
        remaining = rest
    return out


def grade_variants(assignment: Assignment, variants: list[Variant], uses: dict[str, list[str]],
                   workers: int) -> int:
    """Grade the variants with the real grader and record each function's test verdict.

    Returns how many kernels ran. A verdict that a stopped notebook leaves open (the test did
    not run) is settled by grading that variant alone.
    """
    reference_records(assignment)  # computed once, here; workers find it cached
    kernels = 0
    with tempfile.TemporaryDirectory(prefix="autograder-mutants-") as tmp:
        db_url = f"sqlite:///{tmp}/gradebook.db"
        register(assignment, db_url)
        args = (str(assignment.course.root.parent), assignment.course.name, assignment.id, db_url)
        todo = batches(variants, uses)
        for attempt in range(3):
            progress = Progress(len(todo), f"{assignment.ref} kernels")
            again = []
            for batch, data in _run(args, todo, workers):
                kernels += 1
                progress.update(failed=False)
                again += _record_batch(batch, data, alone=attempt > 0)
            if not again:
                break
            todo = [[v] for v in again]
    return kernels


def _run(args: tuple, todo: list[list[Variant]], workers: int) -> Iterable[tuple[list[Variant], dict]]:
    def job(batch: list[Variant]) -> tuple:
        return (*args, {v.gid: v.source for v in batch})

    if workers <= 1:
        for batch in todo:
            yield batch, _safe(_grade_one, *job(batch))
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = {pool.submit(_safe, _grade_one, *job(batch)): batch for batch in todo}
        for future in as_completed(futures):
            yield futures[future], future.result()


def _safe(func, *args) -> dict:
    try:
        return func(*args)
    except Exception as e:  # noqa: BLE001 - a grader crash is recorded, never fatal for the run
        return {"tests": [], "errors": [f"the grader crashed: {type(e).__name__}: {e}"]}


def _stopped(test: dict) -> bool:
    return test["status"] == "timeout" or test["message"].startswith("not run")


def _record_batch(batch: list[Variant], data: dict, *, alone: bool) -> list[Variant]:
    """Record the verdicts of one kernel; return the variants to grade again, alone."""
    tests = {t["function"]: t for t in data.get("tests", [])}
    if not tests or all(_stopped(t) for t in tests.values()):
        if alone:  # the grader itself failed twice on this variant: say so, count nothing
            for v in batch:
                v.status, v.message = "grader failure", "; ".join(data.get("errors", []))[:300]
            return []
        return batch
    if batch[0].role == "alternative":
        bad = [t for t in tests.values() if t["status"] != "passed"]
        if bad and len(batch) > 1:
            return batch
        for v in batch:
            v.status = "passed" if not bad else bad[0]["status"]
            v.message = "; ".join(f"{t['function']}: {t['message'][:200]}" for t in bad)
        return []
    again = []
    for v in batch:
        own = tests.get(v.gid)
        if own is None or (_stopped(own) and not alone and len(batch) > 1):
            again.append(v)
            continue
        v.status, v.message = own["status"], own["message"][:300]
    return again


# --- the report ---------------------------------------------------------------------------


def diff(reference: str, variant: str) -> str:
    lines = difflib.unified_diff(canonical(reference).splitlines(), canonical(variant).splitlines(),
                                 "reference", "variant", n=1, lineterm="")
    return "\n".join(list(lines)[2:])


def summarize(assignment: Assignment, variants: list[Variant], limit: int | None = None) -> dict:
    nb = nbformat.read(assignment.source_notebook, as_version=4)
    sources = {c.metadata.nbgrader["grade_id"]: c.source for c in nb.cells if utils.is_solution(c)}
    functions: dict[str, FunctionReport] = {gid: FunctionReport(gid) for gid in sources}
    for v in variants:
        report = functions[v.gid]
        if v.status == "grader failure":
            report.grader_failures.append({"role": v.role, "origin": v.origin, "label": v.label,
                                           "message": v.message})
        elif v.role == "mutant":
            if not v.status:
                continue  # not selected for grading
            seen = {"origin": v.origin, "label": v.label, "diff": diff(sources[v.gid], v.source)}
            if v.equivalent and v.status == "passed":
                report.equivalent += 1
                report.equivalents.append(seen)
                continue
            report.tried += 1
            if v.status == "passed":
                report.escaped.append(seen)
            else:
                report.caught += 1
                if v.equivalent:
                    report.probe_missed.append({**seen, "message": v.message})
        elif v.status:
            report.alternatives += 1
            if v.status != "passed":
                report.wrongly_failed.append({"origin": v.origin, "label": v.label, "message": v.message,
                                              "probe": "equivalent" if v.equivalent else v.why,
                                              "diff": diff(sources[v.gid], v.source)})
    return {"assignment": assignment.ref, "auto_limit": limit,
            "functions": [asdict(f) for f in functions.values()]}


def totals(reports: list[dict]) -> dict:
    fs = [f for r in reports for f in r["functions"]]
    tried = sum(f["tried"] for f in fs)
    caught = sum(f["caught"] for f in fs)
    return {"tried": tried, "equivalent": sum(f["equivalent"] for f in fs), "caught": caught,
            "escaped": sum(len(f["escaped"]) for f in fs),
            "probe_missed": sum(len(f["probe_missed"]) for f in fs),
            "caught_rate": caught / tried if tried else 1.0,
            "alternatives": sum(f["alternatives"] for f in fs),
            "wrongly_failed": sum(len(f["wrongly_failed"]) for f in fs),
            "grader_failures": sum(len(f["grader_failures"]) for f in fs)}


def markdown(reports: list[dict], meta: dict) -> str:
    t = totals(reports)
    out = ["# Grading accuracy: mutants caught, correct alternatives accepted", "",
           f"Command: `{meta['command']}`; {meta['elapsed_s']:.0f} s on {meta['workers']} worker(s).",
           "", f"**Totals**: {t['caught']}/{t['tried']} mutants caught ({100 * t['caught_rate']:.1f}%), "
           f"{t['escaped']} escaped, {t['equivalent']} equivalent excluded "
           f"({t['probe_missed']} more the probe called equivalent were caught); "
           f"{t['alternatives']} alternatives, {t['wrongly_failed']} wrongly failed; "
           f"{t['grader_failures']} variants the grader could not grade.", "",
           "*mutants*: graded wrong variants (a sample of the automatic ones, all hand-written ones and "
           "all the probe called equivalent); *equivalent*: mutants that behave like the solution on "
           "every probe and pass the tests, excluded and listed below; *alternatives*: correct variants "
           "(hand-written, rewritten, or mutants reviewed as equivalent), which must score full marks.", "",
           "| assignment | function | mutants | equivalent | caught | escaped | alternatives "
           "| wrongly failed |",
           "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in reports:
        for f in r["functions"]:
            out.append(f"| {r['assignment']}{_sampled(r)} | `{f['gid']}` | {f['tried']} | "
                       f"{f['equivalent']} | {f['caught']} | {len(f['escaped'])} | {f['alternatives']} | "
                       f"{len(f['wrongly_failed'])} |")
    functions = [(r["assignment"], f) for r in reports for f in r["functions"]]
    out += _listing("Escaped mutants", functions, "escaped", "escaped")
    out += _listing("Wrongly failed alternatives", functions, "wrongly_failed", "alternative failed")
    out += _listing("Variants the grader could not grade", functions, "grader_failures", "grader failure",
                    intro="Graded twice without a verdict: neither caught nor escaped, so not counted.")
    out += _listing("Mutants the probe called equivalent, caught by the tests", functions, "probe_missed",
                    "caught", intro="The probe saw too few inputs or too little state (a test that "
                    "swaps a global helper), or the test checks printed text, which the probe ignores; "
                    "or a test rejects a correct variant: read each.")
    out += _listing("Equivalent mutants (excluded)", functions, "equivalents", "equivalent",
                    intro="Each behaved like the solution on every probe and passed the tests.", fold=True)
    return "\n".join(out) + "\n"


def _listing(title: str, functions: list[tuple[str, dict]], key: str, verdict: str, *,
             intro: str = "", fold: bool = False) -> list[str]:
    """A report section with the diff of every variant listed under ``key``."""
    entries = [(ref, f["gid"], e) for ref, f in functions for e in f[key]]
    if not entries:
        return []
    out = ["", f"## {title}"] + (["", intro] if intro else []) + (["", "<details>"] if fold else [])
    for ref, gid, e in entries:
        message = f": {e['message']}" if e.get("message") else ""
        out += ["", f"**{ref} `{gid}`: {verdict}** ({e['origin']}: {e['label']}){message}"]
        out += ["", "```diff", e["diff"], "```"] if "diff" in e else []
    return out + (["", "</details>"] if fold else [])


def _sampled(report: dict) -> str:
    limit = report.get("auto_limit")
    return "" if limit is None else f" (≤{limit} auto)"


def run_mutants(targets: list[str], *, full: bool = False, limit: int = DEFAULT_LIMIT, workers: int = 2,
                output: Path | None = None, command: str = "autograder mutants",
                roles: tuple[str, ...] = ("mutant", "alternative")) -> list[dict]:
    """Measure every selected assignment; write ``mutants.md`` / ``mutants.json`` to ``output``."""
    if workers < 1:
        raise AutograderError("--workers must be at least 1")
    assignments = [a for t in targets for a in select(t)] if targets else select(None)
    if not assignments:
        raise AutograderError(f"no assignments found for '{' '.join(targets) or 'all courses'}'")
    start = time.monotonic()
    reports = []
    for assignment in assignments:
        variants = [v for v in variants_for(assignment) if v.role in roles]
        nb = nbformat.read(assignment.source_notebook, as_version=4)
        cap = None if full else (min(limit, KERAS_LIMIT) if _is_keras(nb) else limit)
        if cap is not None and _is_keras(nb):  # probing Keras builds is slow: probe a sample
            variants = presample(variants, 2 * cap)
        uses = classify(assignment, variants)
        chosen = select_variants(variants, cap)
        kernels = grade_variants(assignment, chosen, uses, workers)
        log.warning("%s: %d variants graded in %d kernels", assignment.ref, len(chosen), kernels)
        reports.append(summarize(assignment, variants, cap))
        if output is not None:
            _write(output, reports, start, command, workers)
    if output is not None:
        _write(output, reports, start, command, workers)
    return reports


def _write(output: Path, reports: list[dict], start: float, command: str, workers: int) -> None:
    meta = {"command": command, "elapsed_s": time.monotonic() - start, "workers": workers}
    output.mkdir(parents=True, exist_ok=True)
    (output / "mutants.json").write_text(json.dumps({**meta, "totals": totals(reports),
                                                     "assignments": reports}, indent=1) + "\n")
    (output / "mutants.md").write_text(markdown(reports, meta))
