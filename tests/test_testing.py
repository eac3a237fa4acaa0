"""Tests for shared_utils.testing: the checks that every notebook test cell goes through."""

from __future__ import annotations

import numpy as np
import pytest

from shared_utils.testing import (
    CheckFailure,
    compare,
    expect,
    expect_true,
    expect_type,
    rel_error,
)


def failure(actual, expected, **kwargs) -> str:
    """The message of the CheckFailure that ``expect`` raises (fails the test if none)."""
    kwargs.setdefault("name", "x")
    with pytest.raises(CheckFailure) as info:
        expect(actual, expected, **kwargs)
    return str(info.value)


class Liar:
    """Claims to equal everything; numpy cannot read it as a number."""

    def __eq__(self, other):
        return True

    __hash__ = None


# --- passing checks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "actual, expected",
    [
        (0.5, 0.5),
        (3, 3),
        (np.float64(2.0), 2.0),
        (np.array([0.5, 0.88079708]), [0.5, 0.88079708]),
        ([[1, 2], [3, 4]], np.array([[1, 2], [3, 4]])),
        (np.ones((2, 3)), np.ones((2, 3))),
        (np.array(7.0), 7.0),
        ([1.0, 2.0], (1.0, 2.0)),
        ("relu", "relu"),
        (None, None),
        (True, True),
        (np.True_, True),
        (np.array([True, False]), np.array([True, False])),
    ],
)
def test_equal_values_pass(actual, expected):
    """Do equal scalars, arrays, lists, strings, None and bools pass without a problem?"""
    assert compare(actual, expected, name="x") == []
    expect(actual, expected, name="x")


def test_check_failure_is_an_assertion_error():
    """Is CheckFailure an AssertionError, so the autograder counts it as a failed test?"""
    assert issubclass(CheckFailure, AssertionError)


def test_default_tolerance_accepts_rounding_noise():
    """Does the default tolerance accept a relative difference of 1e-6 but not 1e-3?"""
    expected = np.array([1.0, 2.0, 3.0])
    expect(expected * (1 + 1e-6), expected, name="x")
    with pytest.raises(CheckFailure):
        expect(expected * (1 + 1e-3), expected, name="x")


def test_rtol_is_respected():
    """Does a looser rtol accept a 1e-3 relative difference that the default rejects?"""
    expected = np.array([10.0, 20.0])
    actual = expected * (1 + 1e-3)
    assert compare(actual, expected, name="x")
    assert compare(actual, expected, name="x", rtol=1e-2) == []


def test_atol_is_respected_near_zero():
    """Does atol decide the comparison for values near zero?"""
    assert compare(1e-8, 0.0, name="x") == []
    assert compare(1e-6, 0.0, name="x")
    assert compare(1e-6, 0.0, name="x", atol=1e-5) == []


# --- value mismatch messages ------------------------------------------------------------------


def test_mismatch_message_details():
    """Does a mismatch name the check, shape, dtype, first index, got/expected and max error?"""
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    actual = expected.copy()
    actual[1, 0] = 3.5
    actual[1, 1] = 9.0
    message = failure(actual, expected, name="forward(X)")
    assert message.startswith("forward(X): ")
    assert "2 of 4 values differ" in message
    assert "shape (2, 2)" in message
    assert "dtype float64" in message
    assert "first at index (1, 0)" in message
    assert "got 3.5, expected 3" in message
    assert "max abs error 5" in message
    assert "rtol=1e-05" in message and "atol=1e-07" in message


def test_scalar_mismatch_message():
    """Does a scalar mismatch show the got and expected values without an index?"""
    message = failure(0.25, 0.5, name="cost")
    assert "cost: got 0.25, expected 0.5" in message
    assert "index" not in message
    assert "max abs error 0.25" in message


def test_transpose_value_hint():
    """Does a square result equal to the transpose of the expected one get a `.T` hint?"""
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert "transpose" in failure(expected.T, expected)


def test_opposite_sign_hint():
    """Does a result with the opposite sign get a sign hint?"""
    expected = np.array([0.5, -1.0, 2.0])
    assert "opposite sign" in failure(-expected, expected)


def test_times_two_hint():
    """Does a result twice the expected one get a constant-factor hint naming the factor 2?"""
    expected = np.array([[0.5, 1.0, 1.5]])
    message = failure(2 * expected, expected)
    assert "times 2" in message
    assert "constant factor" in message


def test_missing_one_over_m_hint():
    """Does a result m times too large (a missing 1/m) get a constant-factor hint naming m?"""
    m = 4
    expected = np.array([0.1, 0.2, 0.3])
    message = failure(expected * m, expected, name="dw")
    assert "times 4" in message
    assert "1/m" in message


def test_nan_hint():
    """Does a result containing NaN get a NaN hint?"""
    message = failure(np.array([np.nan, 2.0]), np.array([1.0, 2.0]))
    assert "got nan" in message
    assert "NaN" in message and "log(0)" in message


def test_inf_hint():
    """Does a result containing inf get an overflow hint?"""
    message = failure(np.array([np.inf, 2.0]), np.array([1.0, 2.0]))
    assert "got inf" in message
    assert "contains inf" in message


def test_right_values_wrong_places_hint():
    """Does a permutation of the expected values get a wrong-places hint?"""
    message = failure(np.array([3.0, 1.0, 2.0]), np.array([1.0, 2.0, 3.0]))
    assert "right values in the wrong places" in message


def test_unrelated_values_get_no_hint():
    """Does a plain wrong answer get the mismatch message but no invented hint?"""
    message = failure(np.array([1.0, 5.0, 3.0]), np.array([1.0, 2.0, 4.0]))
    assert message.endswith("(rtol=1e-05, atol=1e-07)")


# --- shape mismatch messages ------------------------------------------------------------------


def test_transposed_shape_hint():
    """Does a (3, 2) result for an expected (2, 3) say it looks transposed?"""
    message = failure(np.ones((3, 2)), np.ones((2, 3)), name="Z")
    assert "Z: shape (3, 2) but expected (2, 3)" in message
    assert "transposed" in message


def test_array_instead_of_scalar_hint():
    """Does a (1, 1, 1) array for an expected scalar suggest `.item()` or np.squeeze?"""
    message = failure(np.ones((1, 1, 1)), 1.0, name="cost")
    assert "cost: shape (1, 1, 1) but expected ()" in message
    assert "`x.item()`" in message
    assert "np.squeeze" in message


def test_square_from_broadcasting_hint():
    """Does a square result where a column vector was expected blame broadcasting?"""
    message = failure(np.ones((3, 3)), np.ones((3, 1)))
    assert "shape (3, 3) but expected (3, 1)" in message
    assert "broadcasting" in message
    assert "keepdims=True" in message


def test_same_size_reshape_hint():
    """Does a (3,) result for an expected (3, 1) point at reshape / keepdims?"""
    message = failure(np.ones(3), np.ones((3, 1)))
    assert "shape (3,) but expected (3, 1)" in message
    assert "reshape" in message and "keepdims=True" in message


def test_missing_dimension_hint():
    """Does a result with fewer dimensions (and another size) suggest `keepdims=True`?"""
    message = failure(np.ones(4), np.ones((3, 1)))
    assert "A dimension is missing" in message
    assert "keepdims=True" in message


def test_other_shape_mismatch_is_reported_plainly():
    """Does an unrelated shape mismatch still state both shapes?"""
    message = failure(np.ones((2, 5)), np.ones((2, 3)))
    assert message == "x: shape (2, 5) but expected (2, 3)"


# --- None, non-numeric and lying results ------------------------------------------------------


def test_none_result_mentions_return():
    """Does a None result for a numeric expectation mention a forgotten `return`?"""
    message = failure(None, np.ones(3), name="sigmoid(z)")
    assert message.startswith("sigmoid(z): got None")
    assert "`return`" in message


@pytest.mark.parametrize(
    "actual",
    ["1.0", b"abc", object(), {"a": 1}, [np.ones(2), "a"], [np.ones(2), np.ones(3)],
     np.array([1, None], dtype=object), np.array(["a", "b"]), lambda: 1, 10**400],
)
def test_non_numeric_result_fails_cleanly(actual):
    """Does a result numpy cannot read as numbers fail with a CheckFailure (nothing else)?"""
    message = failure(actual, np.ones((2, 2)), name="A")
    assert message.startswith("A: got ")
    assert "not a number or an array" in message


def test_string_result_for_array_expectation_is_described():
    """Does the message quote the string the student returned instead of an array?"""
    message = failure("oops", np.zeros(3))
    assert message == "x: got str 'oops', which is not a number or an array"


@pytest.mark.parametrize(
    "expected", [np.ones(3), 1.0, 0, True, "relu", None, (1.0, 2.0), {"W1": np.ones(2)}]
)
def test_object_equal_to_everything_does_not_pass(expected):
    """Does an object whose __eq__ always returns True still fail every kind of expectation?"""
    with pytest.raises(CheckFailure, match="Liar"):
        expect(Liar(), expected, name="x")


@pytest.mark.parametrize("expected", [None, "relu"])
def test_array_result_for_none_or_string_expectation_fails_cleanly(expected):
    """Does an array returned where None or a string is expected raise only CheckFailure?"""
    with pytest.raises(CheckFailure):
        expect(np.ones(3), expected, name="x")


def test_complex_result_fails_cleanly():
    """Is a complex result where real numbers are expected a clean failure?"""
    with pytest.raises(CheckFailure, match="complex"):
        expect(np.array([1 + 1j, 2]), [1.0, 2.0], name="x")


def test_nan_is_reported_in_max_abs_error():
    """Does a NaN make the reported max abs error NaN rather than hide it?"""
    assert "max abs error nan" in failure(np.array([np.nan, 1.0]), [1.0, 1.0], name="x")


# --- dicts, tuples and lists ------------------------------------------------------------------


def test_dict_missing_keys_are_listed():
    """Does a dict lacking expected keys list the missing keys and the keys found?"""
    expected = {"W1": np.ones(2), "b1": np.zeros(2), "W2": np.ones(1)}
    message = failure({"W1": np.ones(2)}, expected, name="params")
    assert "params: missing key(s) ['b1', 'W2']" in message
    assert "found keys ['W1']" in message


def test_dict_value_mismatch_names_key_path():
    """Does a wrong value inside a dict name it as `params['W1']`?"""
    expected = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}
    actual = {"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}
    actual["W1"][0, 1] = 5.0
    message = failure(actual, expected, name="params")
    assert message.startswith("params['W1']: 1 of 4 values differ")
    assert "b1" not in message


def test_nested_dict_key_path():
    """Does a wrong value two dicts deep name the whole key path?"""
    message = failure({"grads": {"dW1": np.ones(2)}}, {"grads": {"dW1": np.zeros(2)}}, name="out")
    assert message.startswith("out['grads']['dW1']: ")


def test_dict_expected_but_array_given():
    """Does a non-dict result for a dict expectation say a dict was expected?"""
    message = failure(np.ones(2), {"W1": 1.0}, name="params")
    assert "params: expected a dict with keys ['W1']" in message
    assert "got an array of shape (2,)" in message


def test_extra_dict_keys_are_allowed():
    """Does a dict with extra keys beyond the expected ones pass?"""
    expect({"W1": 1.0, "extra": "x"}, {"W1": 1.0}, name="params")
    assert compare({"W1": 1.0, "extra": "x"}, {"W1": 1.0}, name="params") == []


def test_tuple_items_compared_with_index_in_name():
    """Does a tuple of arrays report each wrong item with its index in the name?"""
    expected = (np.ones(2), np.zeros(3), 5.0)
    actual = (np.ones(2), np.ones(3), 4.0)
    problems = compare(actual, expected, name="cache")
    assert len(problems) == 2
    assert problems[0].startswith("cache[1]: 3 of 3 values differ")
    assert problems[1].startswith("cache[2]: got 4, expected 5")
    message = failure(actual, expected, name="cache")
    assert message == "\n".join(problems)


def test_list_of_arrays_compared_item_by_item():
    """Is a ragged list of arrays compared item by item, the index in the name?"""
    expected = [np.ones(2), np.ones(3)]
    expect([np.ones(2), np.ones(3)], expected, name="caches")
    message = failure([np.ones(2), np.ones(4)], expected, name="caches")
    assert message.startswith("caches[1]: shape (4,) but expected (3,)")


def test_list_of_strings_compared_item_by_item():
    """Is a list of strings compared item by item?"""
    message = failure(["relu", "tanh"], ["relu", "sigmoid"])
    assert message == "x[1]: got str 'tanh', expected 'sigmoid'"


def test_tuple_length_mismatch():
    """Does a tuple with the wrong number of items say how many were expected?"""
    assert failure((1.0,), (1.0, 2.0)) == "x: expected 2 item(s), got 1"


def test_array_for_tuple_expectation():
    """Does an array returned where a tuple is expected fail with a clear message?"""
    message = failure(np.ones(2), (np.ones(2), 4.0))
    assert message.startswith("x: expected a tuple of 2 item(s), got an array of shape (2,)")


# --- strings, None, bools, dtypes -------------------------------------------------------------


def test_string_mismatch():
    """Does a wrong string show both strings?"""
    assert failure("tanh", "relu", name="activation") == (
        "activation: got str 'tanh', expected 'relu'"
    )


def test_none_expected_but_value_given():
    """Does a value where None was expected fail?"""
    assert failure(0, None) == "x: got int 0, expected None"


def test_bool_expected_but_number_given():
    """Does a number where a bool was expected fail, even if it equals the bool?"""
    assert failure(1, True) == "x: got int 1, expected the bool True"
    assert failure(1.0, True) == "x: got float 1.0, expected the bool True"


def test_bool_mismatch():
    """Does False where True was expected fail?"""
    assert "got False, expected True" in failure(False, True)


def test_check_dtype_int_vs_float():
    """Does check_dtype reject an int array where floats are expected, and only then?"""
    expect(np.array([1, 2]), np.array([1.0, 2.0]), name="x")
    message = failure(np.array([1, 2]), np.array([1.0, 2.0]), check_dtype=True)
    assert message == "x: dtype int64 but expected a float (float64)"


def test_check_dtype_accepts_same_kind():
    """Does check_dtype accept float32 where float64 is expected (same kind of number)?"""
    expect(np.float32(1.0), 1.0, name="x", check_dtype=True)
    assert compare(np.ones(2, dtype=np.float32), np.ones(2), name="x", check_dtype=True) == []


# --- hint, expect_type, expect_true, rel_error ------------------------------------------------


def test_hint_is_appended():
    """Is the `hint=` text appended as a last line of the failure message?"""
    message = failure(1.0, 2.0, hint="Use np.exp, not math.exp.")
    assert message.endswith("\nHint: Use np.exp, not math.exp.")


def test_hint_absent_on_success():
    """Does a passing check with a hint raise nothing?"""
    expect(2.0, 2.0, name="x", hint="never shown")
    assert compare(2.0, 2.0, name="x") == []


def test_expect_type():
    """Does expect_type accept instances and name the wanted and actual types otherwise?"""
    expect_type(np.ones(2), np.ndarray, name="A")
    expect_type(3, (int, float), name="n")
    with pytest.raises(CheckFailure) as info:
        expect_type([1, 2], np.ndarray, name="A")
    assert str(info.value).startswith("A: expected a")
    assert "ndarray" in str(info.value) and str(info.value).endswith("got a list")
    with pytest.raises(CheckFailure) as info:
        expect_type("3", (int, float), name="n")
    assert "int or float" in str(info.value)
    assert str(info.value).endswith("got str '3'")


def test_expect_true():
    """Does expect_true pass on a true condition and fail with name and message otherwise?"""
    expect_true(True, name="A", message="never shown")
    expect_true(np.True_, name="A", message="never shown")
    with pytest.raises(CheckFailure) as info:
        expect_true(False, name="parameters", message="were modified in place")
    assert str(info.value) == "parameters: were modified in place"


def test_rel_error_values():
    """Does rel_error give 0 for equal arrays, the largest relative error otherwise?"""
    assert rel_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0
    assert rel_error([1.0, 3.0], [1.0, 1.0]) == pytest.approx(0.5)
    assert rel_error(1.0, -1.0) == pytest.approx(1.0)
    assert rel_error(0.0, 0.0) == 0.0
    assert rel_error(1e-9, 0.0) == pytest.approx(0.1)
    assert isinstance(rel_error([1.0], [2.0]), float)
