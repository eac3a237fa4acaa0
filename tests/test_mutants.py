"""Mutation testing of the grader: operators, equivalence, batching, and one real run."""

from __future__ import annotations

import json

import numpy as np
import pytest

from autograder import equivalence, mutants
from autograder.errors import AutograderError
from autograder.mutations import canonical, refactorings, solution_lines
from autograder.mutations import mutants as all_mutants

CELL = '''def linear_forward(A, W, b):
    """Z = W A + b."""
    ### BEGIN SOLUTION
    Z = np.dot(W, A) + b
    s = np.sum(Z, axis=1, keepdims=True)
    ### END SOLUTION
    return Z, s
'''


def by_label(cell: str) -> dict[str, str]:
    return {m.label.split(": ", 1)[1]: m.source for m in all_mutants(cell)}


def test_mutants_change_only_the_solution_region():
    """Is every mutant's code outside the region (signature, return) left as it was?"""
    found = all_mutants(CELL)
    assert len(found) > 10
    for m in found:
        assert m.source.startswith("def linear_forward(A, W, b):")
        assert m.source.rstrip().endswith("return (Z, s)")
    assert solution_lines(CELL) == {4, 5}


def test_mutation_operators_make_the_classic_mistakes():
    """Do the operators drop the bias, transpose, swap arguments, change the axis, drop keepdims?"""
    labels = by_label(CELL)
    assert "Z = np.dot(W, A)\n" in labels["drop the right operand"]
    assert "np.dot(W.T, A)" in labels["transpose the first argument"]
    assert "np.dot(A, W)" in labels["swap the first two arguments of dot()"]
    assert "axis=0" in labels["axis=1 -> axis=0"]
    assert "keepdims" not in labels["drop keepdims="].split("s =")[1]
    assert "np.mean(Z" in labels["sum() -> mean()"]
    assert "Z = np.dot(W, A) - b" in labels["Add -> Sub"]


def test_negating_a_flag_flips_it():
    """Is ``layer.trainable = False`` negated to ``True`` (``-False`` would still be false)?"""
    cell = "def freeze(layer):\n    ### BEGIN SOLUTION\n    layer.trainable = False\n    ### END SOLUTION\n"
    negated = by_label(cell)["negate the assigned value"]
    assert "layer.trainable = True" in negated


def test_mutants_are_deterministic_and_distinct():
    """Does the same cell always give the same mutants, none equal to the reference?"""
    first, second = all_mutants(CELL), all_mutants(CELL)
    assert [m.source for m in first] == [m.source for m in second]
    sources = [m.source for m in first]
    assert len(set(sources)) == len(sources) and canonical(CELL) not in sources


def test_refactoring_keeps_behaviour():
    """Is the automatic alternative written differently, and does it compute the same?"""
    (alternative,) = refactorings(CELL)
    assert "np.sum(" not in alternative.source and "Z.sum(axis=1, keepdims=True)" in alternative.source
    reference, variant = {"np": np}, {"np": np}
    exec(canonical(CELL), reference)  # noqa: S102 - our own test code
    exec(alternative.source, variant)  # noqa: S102
    args = (np.arange(6.0).reshape(3, 2), np.ones((2, 3)), np.ones((2, 1)))
    assert equivalence.same(reference["linear_forward"](*args), variant["linear_forward"](*args))


def test_catalogue_edit_must_match_the_reference():
    """Is a catalogue edit that no longer matches the solution an error, not a silent no-op?"""
    assert "W * A" in mutants.apply_edit(CELL, ("np.dot(W, A)", "W * A"))
    with pytest.raises(AutograderError, match="does not match"):
        mutants.apply_edit(CELL, ("np.matmul(W, A)", "W * A"))


def test_same_compares_values_not_identities():
    """Are equal containers equal, and a shape, dtype kind or tiny change a difference?"""
    a = {"W": np.ones((2, 1)), "cache": (np.zeros(3), 1.5)}
    assert equivalence.same(a, {"W": np.ones((2, 1)), "cache": (np.zeros(3), 1.5)})
    assert not equivalence.same(a, {"W": np.ones((1, 2)), "cache": (np.zeros(3), 1.5)})
    assert not equivalence.same(np.ones(3), np.ones(3) + 1e-6)
    assert not equivalence.same(np.ones(3), np.ones(3, dtype=bool))
    assert not equivalence.same((1.0, 2.0), [1.0, 2.0])


def test_equivalent_mutant_is_told_apart_by_perturbed_probes():
    """Is x * 2 equivalent to x + x, and x * x (equal at x = 2 only) not?"""
    namespace: dict = {"np": np}
    exec("def double(x):\n    return x + x\n", namespace)  # noqa: S102
    calls = [((np.array([2.0, 2.0]),), {})]
    verdicts = equivalence.compare_variants(namespace, "double", calls, {
        "times two": "def double(x):\n    return x * 2\n",
        "square": "def double(x):\n    return x * x\n",
        "in place": "def double(x):\n    x *= 2\n    return x\n",
    })
    assert verdicts["times two"]["equivalent"]
    assert not verdicts["square"]["equivalent"] and "perturbed" in verdicts["square"]["why"]
    assert not verdicts["in place"]["equivalent"]  # it changes the caller's array


def test_batches_keep_dependent_functions_apart():
    """Does one kernel never grade a mutant whose function another batched test calls?"""
    v = [mutants.Variant(g, "mutant", "auto", str(i), "") for i, g in enumerate(["f", "f", "g", "h"])]
    uses = {"f_tests": ["f"], "g_tests": ["f", "g"], "h_tests": ["h"]}
    groups = [[x.gid for x in b] for b in mutants.batches(v, uses)]
    assert groups == [["f", "h"], ["f"], ["g"]]
    alt = mutants.Variant("h", "alternative", "refactor", "x", "")
    assert [len(b) for b in mutants.batches([v[3], alt], uses)] == [1, 1]


def test_real_grader_run_on_the_toy_course(toy, tmp_path, monkeypatch):
    """Are mutants caught or escaping, equivalents excluded, and alternatives accepted, end to end?"""
    hand = {
        "MUTANTS": {"double": {"overfit to the test inputs": ("result = x + x",
                                                              "result = x + x if x in (2, -3.5) else 0")}},
        "ALTERNATIVES": {"double": {"times two": ("result = x + x", "result = 2 * x")},
                         "square": {"power": ("squared_value = x * x", "squared_value = x ** 2")}},
    }
    monkeypatch.setattr(mutants, "_module_dict", lambda package, assignment, name: hand.get(name, {}))
    reports = mutants.run_mutants(["course9/toy"], limit=2, workers=1, output=tmp_path / "report")
    double, square = reports[0]["functions"]
    assert double["tried"] == 3 and double["caught"] == 2
    assert [e["label"] for e in double["escaped"]] == ["overfit to the test inputs"]
    assert "+    result = x + x if x in (2, -3.5) else 0" in double["escaped"][0]["diff"]
    assert square["tried"] == square["caught"] == 2
    assert double["alternatives"] == square["alternatives"] == 1
    assert not double["wrongly_failed"] and not square["wrongly_failed"]
    saved = json.loads((tmp_path / "report" / "mutants.json").read_text())
    assert saved["totals"]["escaped"] == 1
    assert "overfit to the test inputs" in (tmp_path / "report" / "mutants.md").read_text()


def test_a_probe_on_which_the_reference_fails_proves_nothing():
    """Is a variant never compared (the reference raised on every probe) not called equivalent?"""
    namespace: dict = {}
    exec("def f(x):\n    return helper(x)\n", namespace)  # noqa: S102 - helper is missing
    verdicts = equivalence.compare_variants(namespace, "f", [((1.0,), {})],
                                            {"other": "def f(x):\n    return helper(2 * x)\n"})
    assert not verdicts["other"]["equivalent"]
    assert "reference raised" in verdicts["other"]["why"]


def test_concatenate_axes_compare_as_positive_indices():
    """Is Concatenate(axis=-1) the same layer as axis=3 on images, and axis=1 another one?"""
    keras = pytest.importorskip("keras")

    def model(axis: int):
        a, b = keras.Input((4, 4, 2)), keras.Input((4, 4, 2))
        return keras.Model([a, b], keras.layers.concatenate([a, b], axis=axis))

    assert equivalence.same(model(3), model(-1))
    assert not equivalence.same(model(3), model(1))


def test_recorder_keeps_later_calls_of_a_new_kind():
    """Is a call with a new flag recorded after many ordinary calls (print_cost=True in a late test)?"""
    calls: list = []
    record = equivalence.Recorder("train", lambda x, print_cost=False: x, calls)
    for i in range(2 * equivalence.FIRST_CALLS):
        record(np.full(3, float(i)))
    record(np.zeros(3), print_cost=True)
    record(np.zeros(3), print_cost=True)
    assert len(calls) == equivalence.FIRST_CALLS + 1
    assert calls[-1][1] == {"print_cost": True}


def test_printed_text_is_not_graded_behaviour():
    """Is a variant that leaves out a message still equivalent, and one that returns another value not?"""
    namespace: dict = {}
    exec("def verify(d):\n    print('welcome in!')\n    return d < 0.7\n", namespace)  # noqa: S102
    verdicts = equivalence.compare_variants(namespace, "verify", [((0.5,), {})], {
        "no message": "def verify(d):\n    return d < 0.7\n",
        "other threshold": "def verify(d):\n    print('welcome in!')\n    return d < 0.4\n",
    })
    assert verdicts["no message"]["equivalent"] and not verdicts["other threshold"]["equivalent"]


def test_summary_sorts_graded_mutants_by_probe_and_verdict(toy):
    """Are probed-equivalent mutants excluded only when the tests pass them, and counted as caught
    (a probe miss) when the tests fail them?"""
    def mutant(label: str, equivalent: bool, status: str) -> mutants.Variant:
        return mutants.Variant("double", "mutant", "auto", label, "def double(x):\n    return x\n",
                               equivalent=equivalent, status=status)

    variants = [mutant("same", True, "passed"), mutant("missed", True, "failed"),
                mutant("wrong", False, "failed"), mutant("escape", False, "passed"),
                mutant("not graded", True, ""), mutant("crashed", False, "grader failure")]
    (double, _) = mutants.summarize(toy, variants)["functions"]
    assert (double["tried"], double["caught"], double["equivalent"]) == (3, 2, 1)
    assert [e["label"] for e in double["equivalents"]] == ["same"]
    assert [e["label"] for e in double["probe_missed"]] == ["missed"]
    assert [e["label"] for e in double["escaped"]] == ["escape"]
    assert [e["label"] for e in double["grader_failures"]] == ["crashed"]
    meta = {"command": "autograder mutants", "elapsed_s": 1, "workers": 1}
    report = mutants.markdown([mutants.summarize(toy, variants)], meta)
    assert "## Mutants the probe called equivalent, caught by the tests" in report
    assert "## Equivalent mutants (excluded)" in report
    assert "1 variants the grader could not grade" in report
    assert "## Variants the grader could not grade" in report
