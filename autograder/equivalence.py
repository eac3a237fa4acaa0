"""Which variants of a graded function behave exactly like the reference: equivalent mutants.

A mutant that computes the same thing as the reference (``x * 1`` for ``x``, ``>`` for ``>=`` where
ties never occur) cannot be caught by any test and must not count as an escape. This module
decides equivalence by running: the source notebook runs once in a plain Python process (trusted
code: the reference and our own mutants), recording the arguments of calls to each graded
function (its first calls, and each later call of a new kind: other shapes, other flags); then
each variant is called on those arguments, and on copies with their float arrays perturbed, next
to the reference. A variant whose return value and argument side effects equal the reference's
on every probe is *equivalent* (printed text is not compared: the tests grade values, and a
message such as "It's bruno, welcome in!" left out is not a wrong answer).

The probe sees only the calls the notebook makes, so the harness grades equivalent mutants too:
one the tests fail was not equivalent after all.

Run as ``python -m autograder.equivalence`` with a JSON job on stdin (see :func:`main`); the
harness starts one such process per assignment, so a crashing variant cannot take the grader down.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

SKIP_TAG = "skip-grading"
GLUE = "(cells outside tests)"
FIRST_CALLS = 8  # calls kept per function whatever they are: the tests' first cases
MAX_RECORDED = 24  # and later calls of a kind not seen yet (a flag, a shape), up to this many
CALL_SECONDS = 20
RTOL, ATOL = 1e-7, 1e-10  # far stricter than the tests: "equivalent" means the same numbers


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise _Timeout()


def code_of(cell_source: str) -> str:
    """A code cell as plain Python: IPython magics and shell lines dropped."""
    return "\n".join(ln for ln in cell_source.splitlines() if not ln.lstrip().startswith(("%", "!")))


def _copy(value: Any) -> Any:
    """A deep copy, or the value itself when it holds what cannot be copied (symbolic Keras
    tensors: immutable, so sharing them between probes is safe)."""
    try:
        return copy.deepcopy(value)
    except Exception:  # noqa: BLE001
        return value


def _symbolic(value: Any) -> bool:
    return type(value).__name__ == "KerasTensor"


def _flat(value: Any) -> list:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flat(v)]
    if isinstance(value, tuple | list):
        return [x for v in value for x in _flat(v)]
    return [value]


def _graph(args: Any, result: Any) -> Any:
    """A symbolic result as the layers between the symbolic inputs and it (configs, not names)."""
    outputs = [x for x in _flat(result) if _symbolic(x)]
    inputs = [x for x in _flat(args) if _symbolic(x)]
    if not outputs or not inputs:
        return result
    import keras

    return ("keras graph", _layers_signature(keras.Model(inputs, outputs)))


def _seed() -> None:
    np.random.seed(1)
    if "tensorflow" in sys.modules:
        import keras
        keras.utils.set_random_seed(1)


def kind_of_call(value: Any) -> Any:
    """What tells calls apart beyond their numbers: array shapes and dtypes, the values of flags,
    integers and strings, the keys of dicts (a later ``print_cost=True`` call is a new kind)."""
    if isinstance(value, np.ndarray):
        return ("array", value.shape, value.dtype.kind)
    if isinstance(value, bool | int | str | None):
        return value
    if isinstance(value, dict):
        return tuple((k, kind_of_call(v)) for k, v in value.items())
    if isinstance(value, tuple | list):
        return tuple(kind_of_call(v) for v in value)
    return type(value).__name__


class Recorder:
    """Wraps a function to keep deep copies of the arguments of its first calls and of each later
    call of a new kind, and to note which test cell called it (``used``: test grade_id -> graded
    functions its run called)."""

    current: str | None = None  # the test cell now running
    used: dict[str, set[str]] = {}

    def __init__(self, gid: str, func: Callable, calls: list) -> None:
        self.gid, self.func, self.calls, self.active = gid, func, calls, True
        self.kinds: set[str] = set()

    def __call__(self, *args, **kwargs):
        if self.active and Recorder.current:
            Recorder.used.setdefault(Recorder.current, set()).add(self.gid)
        if self.active and len(self.calls) < MAX_RECORDED:
            kind = repr(kind_of_call((args, kwargs)))
            if len(self.calls) < FIRST_CALLS or kind not in self.kinds:
                self.calls.append(_copy((args, kwargs)))
            self.kinds.add(kind)
        return self.func(*args, **kwargs)


def run_source(cells: list[dict], graded: list[str]) -> tuple[dict, dict[str, list]]:
    """Execute the source's cells; return the namespace and the recorded calls per function.

    Afterwards ``Recorder.used`` says which graded functions each test cell called.
    """
    namespace: dict[str, Any] = {"__name__": "__main__"}
    calls: dict[str, list] = {gid: [] for gid in graded}
    recorders = []
    for cell in cells:
        if cell["cell_type"] != "code" or SKIP_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        nbgrader = cell.get("metadata", {}).get("nbgrader", {})
        # a graded function called outside test cells may leave state later tests read
        Recorder.current = nbgrader.get("grade_id") if nbgrader.get("grade") else GLUE
        if nbgrader.get("grade"):
            Recorder.used[Recorder.current] = set(Recorder.used.get(GLUE, set()))
        try:
            exec(compile(code_of(cell["source"]), "<cell>", "exec"), namespace)  # noqa: S102 - trusted source
        except Exception as e:  # noqa: BLE001 - report and go on, as a kernel would
            print(f"equivalence: a source cell raised {type(e).__name__}: {e}", file=sys.stderr)
        gid = nbgrader.get("grade_id")
        if gid in calls and callable(namespace.get(gid)) and not isinstance(namespace[gid], Recorder):
            recorder = Recorder(gid, namespace[gid], calls[gid])
            namespace[gid] = recorder
            recorders.append(recorder)
    for recorder in recorders:
        recorder.active = False
        namespace[recorder.gid] = recorder.func
    return namespace, calls


def perturb(value: Any, rng: np.random.Generator) -> Any:
    """A copy of ``value`` with every float (array) moved by noise of its own scale."""
    if isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.size:
        scale = float(np.std(value)) or 1.0
        return (value + 0.3 * scale * rng.standard_normal(value.shape)).astype(value.dtype)
    if type(value) is float:
        return value + 0.3 * max(abs(value), 1.0) * float(rng.standard_normal())
    if isinstance(value, dict):
        return {k: perturb(v, rng) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(perturb(v, rng) for v in value)
    return _copy(value)


def _to_numpy(value: Any) -> Any:
    if type(value).__module__.startswith(("tensorflow", "keras")) and hasattr(value, "numpy"):
        try:
            return np.asarray(value.numpy())
        except Exception:  # noqa: BLE001
            return value
    return value


def _positive_axis(axis: Any, rank: int) -> Any:
    if isinstance(axis, int):
        return axis % rank
    if isinstance(axis, list | tuple):
        return [a % rank if isinstance(a, int) else a for a in axis]
    return axis


def _layers_signature(model: Any) -> list:
    """Each layer's class, configuration (no name; axes as positive indices) and weight shapes."""
    out = []
    for layer in model.layers:
        config = {k: v for k, v in layer.get_config().items() if k != "name"}
        if "axis" in config and getattr(layer, "_inbound_nodes", None):
            first = layer.input[0] if isinstance(layer.input, list | tuple) else layer.input  # Concatenate
            config["axis"] = _positive_axis(config["axis"], len(first.shape))
        out.append((type(layer).__name__, json.dumps(config, sort_keys=True, default=str),
                    [tuple(w.shape) for w in layer.weights]))
    return out


def same(a: Any, b: Any) -> bool:
    """Equal values: arrays to a tight tolerance, containers item by item, Keras models by layers."""
    if _symbolic(a) or _symbolic(b):  # a symbolic input: only its shape and dtype are values
        return _symbolic(a) and _symbolic(b) and (a.shape, a.dtype) == (b.shape, b.dtype)
    a, b = _to_numpy(a), _to_numpy(b)
    if hasattr(a, "layers") and hasattr(b, "layers") and hasattr(a, "get_config"):
        return _layers_signature(a) == _layers_signature(b)
    if isinstance(a, Mapping) or isinstance(b, Mapping):
        return (isinstance(a, Mapping) and isinstance(b, Mapping) and list(a) == list(b)
                and all(same(a[k], b[k]) for k in a))
    if isinstance(a, tuple | list) or isinstance(b, tuple | list):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, np.ndarray | np.generic | int | float | complex) and \
            isinstance(b, np.ndarray | np.generic | int | float | complex):
        x, y = np.asarray(a), np.asarray(b)
        if x.shape != y.shape or (x.dtype.kind in "fc") != (y.dtype.kind in "fc") or \
                (x.dtype.kind == "b") != (y.dtype.kind == "b"):
            return False
        if x.dtype.kind in "OUS" or y.dtype.kind in "OUS":
            return bool(np.all(x == y))
        return bool(np.allclose(x, y, rtol=RTOL, atol=ATOL, equal_nan=True))
    if type(a) is not type(b):
        return False
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - incomparable objects are treated as different
        return False


def outcome(func: Callable, args: tuple, kwargs: dict) -> tuple[str, Any]:
    """('ok', (return value, arguments afterwards)) or ('raise', exception type name)."""
    args, kwargs = _copy((args, kwargs))
    _seed()
    signal.setitimer(signal.ITIMER_REAL, CALL_SECONDS)
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # a variant's prints must not flood the log
            result = _graph((args, kwargs), func(*args, **kwargs))
        return "ok", (result, args, kwargs)
    except _Timeout:
        return "raise", "timeout"
    except Exception as e:  # noqa: BLE001 - a variant may fail in any way
        return "raise", type(e).__name__
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def probes(calls: list, perturbations: int) -> list[tuple[tuple, dict]]:
    rng = np.random.default_rng(0)
    out = list(calls)
    for args, kwargs in calls:
        out += [(perturb(args, rng), perturb(kwargs, rng)) for _ in range(perturbations)]
    return out


def compare_variants(namespace: dict, gid: str, calls: list, variants: dict[str, str]) -> dict[str, dict]:
    """For each variant (key -> cell source): is it equivalent to the reference on every probe?"""
    reference = namespace[gid]
    start = time.monotonic()
    perturbations = 2
    probe_list = probes(calls, perturbations)
    expected = [outcome(reference, a, k) for a, k in probe_list]
    if time.monotonic() - start > 5:  # slow (Keras) functions: the recorded calls only
        probe_list, expected = probe_list[: len(calls)], expected[: len(calls)]
    verdicts = {}
    for key, source in variants.items():
        if not probe_list:
            verdicts[key] = {"equivalent": False, "probes": 0, "why": "no recorded call to probe"}
            continue
        scope = dict(namespace)
        try:
            exec(compile(code_of(source), "<variant>", "exec"), scope)  # noqa: S102 - our own variants
            variant = scope[gid]
        except Exception as e:  # noqa: BLE001
            verdicts[key] = {"equivalent": False, "probes": 0, "why": f"does not define {gid}: {e}"}
            continue
        why = _first_difference(variant, probe_list, expected, len(calls))
        verdicts[key] = {"equivalent": not why, "probes": len(probe_list), "why": why}
    return verdicts


def _first_difference(variant: Callable, probe_list: list, expected: list, recorded: int) -> str:
    """Why ``variant`` is not equivalent ("" if it matches on every probe)."""
    if not any(kind == "ok" for kind, _ in expected):
        return "the reference raised on every probe"  # nothing was compared
    for index, ((args, kwargs), want) in enumerate(zip(probe_list, expected, strict=True)):
        got = outcome(variant, args, kwargs)
        if got[0] != want[0] or not same(got[1], want[1]):
            return f"differs on probe {index} ({'recorded' if index < recorded else 'perturbed'} call)"
    return ""


def run_job(job: dict) -> dict:
    """Run one assignment's job: ``{"source_dir", "cells", "variants": {gid: {key: source}}}``.

    Returns ``{"verdicts": {key: {"equivalent", "probes", "why"}}, "uses": {test gid: [functions]}}``.
    """
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    signal.signal(signal.SIGALRM, _on_alarm)
    with tempfile.TemporaryDirectory(prefix="autograder-equiv-") as tmp:
        work = Path(tmp) / "work"
        shutil.copytree(job["source_dir"], work, ignore=shutil.ignore_patterns("*.ipynb"))
        os.chdir(work)
        sys.path.insert(0, str(work))  # as in a kernel: the assignment's own modules import
        namespace, calls = run_source(job["cells"], list(job["variants"]))
        results = {}
        for gid, variants in job["variants"].items():
            if not variants:
                continue
            if gid not in namespace:
                results.update({k: {"equivalent": False, "probes": 0, "why": f"{gid} undefined"}
                                for k in variants})
                continue
            results.update(compare_variants(namespace, gid, calls[gid], variants))
    uses = {k: sorted(v) for k, v in Recorder.used.items() if k != GLUE}
    return {"verdicts": results, "uses": uses}


def main() -> None:
    job = json.load(sys.stdin)
    stdout = sys.stdout
    sys.stdout = sys.stderr  # the notebook's prints must not corrupt the JSON answer
    results = run_job(job)
    stdout.write(json.dumps(results))
    stdout.flush()


if __name__ == "__main__":
    main()
