"""The one way test cells judge a student's result.

Every public and hidden test cell in every notebook checks results through :func:`expect`
(and its small siblings below), never with a bare ``assert`` or ``np.allclose``. That keeps
the verdict mechanism in one place and gives students the same precise message everywhere:
what was checked, the shape and dtype, the first mismatching index, the largest error, and a
hint when the mistake looks like a common one (a transpose, a flipped sign, a missing 1/m).

Example::

    from shared_utils.testing import expect
    expect(sigmoid(np.array([0.0, 2.0])), [0.5, 0.88079708], name="sigmoid([0, 2])")

A failed check raises :class:`CheckFailure` (an ``AssertionError``), which the autograder
reports as a *failed* test; any other exception is reported as an *error*.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

__all__ = [
    "CheckFailure", "compare", "eval_numerical_gradient", "expect", "expect_true", "expect_type",
    "rel_error",
]

DEFAULT_RTOL = 1e-5
DEFAULT_ATOL = 1e-7


class CheckFailure(AssertionError):
    """A result differs from what the test expected. The message says how."""


def expect(
    actual: Any,
    expected: Any,
    *,
    name: str,
    rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
    check_dtype: bool = False,
    hint: str | None = None,
) -> None:
    """Check ``actual`` against ``expected`` and raise :class:`CheckFailure` on a mismatch.

    Args:
        actual: what the student's code returned.
        expected: the reference value: a number, array, string, bool, None, or a dict / tuple /
            list of those (compared item by item, e.g. a parameters dict or a cache tuple).
        name: what is being checked, as the student would write it, e.g. ``"propagate(...)['dw']"``.
        rtol, atol: numeric tolerances, as in ``np.isclose``.
        check_dtype: also require the same kind of number (float vs int vs bool).
        hint: an extra sentence added to the message when the check fails.
    """
    problems = compare(actual, expected, name=name, rtol=rtol, atol=atol, check_dtype=check_dtype)
    if problems:
        message = "\n".join(problems)
        if hint:
            message += f"\nHint: {hint}"
        raise CheckFailure(message)


def expect_true(condition: bool, *, name: str, message: str) -> None:
    """Fail with ``message`` unless ``condition`` holds (for properties, not values)."""
    if not bool(condition):
        raise CheckFailure(f"{name}: {message}")


def expect_type(actual: Any, types: type | tuple[type, ...], *, name: str) -> None:
    """Fail unless ``actual`` is an instance of ``types``."""
    if not isinstance(actual, types):
        wanted = types.__name__ if isinstance(types, type) else " or ".join(t.__name__ for t in types)
        raise CheckFailure(f"{name}: expected {_article(wanted)} {wanted}, got {_describe(actual)}")


def rel_error(x: Any, y: Any) -> float:
    """Largest relative error between two arrays, as used in gradient checks."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))


def compare(
    actual: Any,
    expected: Any,
    *,
    name: str,
    rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
    check_dtype: bool = False,
) -> list[str]:
    """Return the list of problems found comparing ``actual`` with ``expected`` (empty if equal)."""
    if isinstance(expected, Mapping):
        return _compare_mapping(actual, expected, name, rtol, atol, check_dtype)
    if _is_container(expected):
        return _compare_sequence(actual, expected, name, rtol, atol, check_dtype)
    if expected is None or isinstance(expected, str | bytes):
        if type(actual) is type(expected) and actual == expected:
            return []
        return [f"{name}: got {_describe(actual)}, expected {expected!r}"]
    if isinstance(expected, bool | np.bool_) and not isinstance(actual, bool | np.bool_ | np.ndarray):
        return [f"{name}: got {_describe(actual)}, expected the bool {expected!r}"]
    return _compare_numeric(actual, expected, name, rtol, atol, check_dtype)


def _is_container(value: Any) -> bool:
    """Tuples, and lists that are not plain (nested) lists of numbers, are compared item by item."""
    if not isinstance(value, Sequence) or isinstance(value, str | bytes):
        return False
    if isinstance(value, tuple):
        return True
    try:
        array = np.asarray(value)
    except ValueError:  # ragged nesting
        return True
    return not (np.issubdtype(array.dtype, np.number) or array.dtype == bool)


def _compare_mapping(actual, expected, name, rtol, atol, check_dtype) -> list[str]:
    if not isinstance(actual, Mapping):
        return [f"{name}: expected a dict with keys {sorted(expected)}, got {_describe(actual)}"]
    missing = [k for k in expected if k not in actual]
    if missing:
        return [f"{name}: missing key(s) {missing}; found keys {sorted(map(str, actual))}"]
    problems = []
    for key, value in expected.items():
        problems += compare(
            actual[key], value, name=f"{name}[{key!r}]", rtol=rtol, atol=atol, check_dtype=check_dtype
        )
    return problems


def _compare_sequence(actual, expected, name, rtol, atol, check_dtype) -> list[str]:
    if isinstance(actual, np.ndarray) or not isinstance(actual, Sequence) or isinstance(actual, str):
        return [f"{name}: expected a {type(expected).__name__} of {len(expected)} item(s), "
                f"got {_describe(actual)}"]
    if len(actual) != len(expected):
        return [f"{name}: expected {len(expected)} item(s), got {len(actual)}"]
    problems = []
    for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
        problems += compare(a, e, name=f"{name}[{i}]", rtol=rtol, atol=atol, check_dtype=check_dtype)
    return problems


def _compare_numeric(actual, expected, name, rtol, atol, check_dtype) -> list[str]:
    if actual is None:
        return [f"{name}: got None. Did you forget a `return` statement, or to assign the result?"]
    expected_arr = np.asarray(expected)
    try:
        actual_arr = np.asarray(actual)
    except Exception:  # noqa: BLE001 - any object that numpy cannot read is a wrong answer
        return [f"{name}: got {_describe(actual)}, which is not a number or an array"]
    if actual_arr.dtype == object or not (
        np.issubdtype(actual_arr.dtype, np.number) or actual_arr.dtype == bool
    ):
        return [f"{name}: got {_describe(actual)}, which is not a number or an array"]

    if actual_arr.dtype.kind == "c" and expected_arr.dtype.kind != "c":
        return [f"{name}: got complex values ({_describe(actual)}) where real numbers are expected"]
    if actual_arr.shape != expected_arr.shape:
        return [_shape_message(name, actual_arr, expected_arr)]
    if check_dtype and actual_arr.dtype.kind != expected_arr.dtype.kind:
        kind = _kind_name(expected_arr.dtype)
        return [f"{name}: dtype {actual_arr.dtype} but expected {_article(kind)} {kind} "
                f"({expected_arr.dtype})"]

    if expected_arr.dtype == bool or actual_arr.dtype == bool:
        close = actual_arr == expected_arr
    else:
        close = np.isclose(actual_arr, expected_arr, rtol=rtol, atol=atol)
    if np.all(close):
        return []
    return [_value_message(name, actual_arr, expected_arr, close, rtol, atol)]


def _shape_message(name: str, actual: np.ndarray, expected: np.ndarray) -> str:
    message = f"{name}: shape {actual.shape} but expected {expected.shape}"
    if expected.ndim == 0 and actual.size == 1:
        return message + (
            ". Return a scalar: use `x.item()` or `np.squeeze(x)` (in numpy 2, `float(x)` raises "
            "TypeError for arrays with more than 0 dimensions)."
        )
    if actual.shape == expected.shape[::-1] and actual.ndim == 2:
        return message + ". It looks transposed: check the order of a matrix product or a `.T`."
    if actual.size == expected.size:
        return message + ". Same number of values: check your reshape (and `keepdims=True`)."
    if expected.ndim == 2 and actual.ndim == 2 and 1 in expected.shape and actual.shape[0] == actual.shape[1]:
        return message + (
            ". A square result where a vector was expected often comes from broadcasting "
            "(n, 1) against (1, n): check `np.dot` vs `*` and `keepdims=True`."
        )
    if actual.ndim < expected.ndim:
        return message + ". A dimension is missing: did you sum without `keepdims=True`?"
    return message


def _value_message(name, actual, expected, close, rtol, atol) -> str:
    wrong = ~close
    first = tuple(int(i) for i in np.argwhere(wrong)[0]) if actual.ndim else ()
    where = f" at index {first}" if actual.ndim else ""
    a_val, e_val = actual[first], expected[first]
    message = f"{name}: got {_fmt(a_val)}, expected {_fmt(e_val)}{where}"
    if actual.ndim:
        message = (f"{name}: {int(wrong.sum())} of {actual.size} values differ "
                   f"(shape {actual.shape}, dtype {actual.dtype}); first{where}: got "
                   f"{_fmt(a_val)}, expected {_fmt(e_val)}")
    with np.errstate(all="ignore"):
        diff = np.abs(actual.astype(float) - expected.astype(float))
    if not np.isinf(diff).all():
        message += f"; max abs error {np.max(diff):.3g}"
    message += f" (rtol={rtol:g}, atol={atol:g})"
    hint = _value_hint(actual, expected, rtol, atol)
    return f"{message}. {hint}" if hint else message


def _value_hint(actual: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> str:
    actual_f = actual.astype(float)
    expected_f = expected.astype(float)
    if np.isnan(actual_f).any():
        return "The result contains NaN: look for log(0), 0/0 or an overflow in exp."
    if np.isinf(actual_f).any():
        return "The result contains inf: look for an overflow in exp or a division by zero."
    if np.allclose(actual_f, -expected_f, rtol=rtol, atol=atol):
        return "It is the expected value with the opposite sign: check the sign of your formula."
    if actual.ndim == 2 and actual.shape[0] == actual.shape[1] and np.allclose(
        actual_f, expected_f.T, rtol=rtol, atol=atol
    ):
        return "It equals the transpose of the expected value: check a `.T`."
    nonzero = np.abs(expected_f) > atol
    if nonzero.any() and not (np.abs(actual_f[~nonzero]) > atol).any():
        ratios = actual_f[nonzero] / expected_f[nonzero]
        factor = ratios.flat[0]
        # One number is always some multiple of another: for a scalar, name the factor only
        # when it is a small whole number or its inverse (a 2, an m, a 1/m).
        informative = factor != 0 and (ratios.size > 1 or _is_simple_ratio(factor))
        if informative and np.allclose(ratios, factor, rtol=1e-4) and not np.isclose(factor, 1.0):
            return (f"It is the expected value times {factor:.4g}: a constant factor is missing or "
                    "extra (e.g. 1/m, a learning rate, 1/keep_prob, or a 2 from a derivative).")
    if np.allclose(np.sort(actual_f, axis=None), np.sort(expected_f, axis=None), rtol=rtol, atol=atol):
        return "The right values in the wrong places: check axes, reshapes and transposes."
    return ""


def _is_simple_ratio(factor: float) -> bool:
    for value in (abs(factor), 1 / abs(factor)):
        if 2 <= value <= 10_000 and abs(value - round(value)) < 1e-6 * value:
            return True
    return False


def _describe(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, str | bytes | bool | numbers.Number) or value is None:
        return f"{type(value).__name__} {value!r}"
    kind = type(value).__name__
    return f"{_article(kind)} {kind}"


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _fmt(value: Any) -> str:
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return f"{value:.8g}"
    return repr(value)


def _kind_name(dtype: np.dtype) -> str:
    return {"f": "float", "i": "int", "u": "unsigned int", "b": "bool", "c": "complex"}.get(
        dtype.kind, str(dtype)
    )


def eval_numerical_gradient(f: Callable[[np.ndarray], Any], x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Numerical gradient of the scalar function ``f`` at ``x``, by centered differences.

    Entry ``i`` of the result is ``(f(x + h e_i) - f(x - h e_i)) / (2 h)``, accurate to about
    ``h**2`` for smooth ``f``. Gradient checks compare it with a backward pass (see
    :func:`rel_error`). Each entry of ``x`` is changed **in place** while ``f`` is evaluated, then
    restored, so ``f`` may read ``x`` through another reference (e.g. a parameters dict holding
    this very array) and ignore its argument. Cost: ``2 * x.size`` calls of ``f``.

    Args:
        f: function of one array returning a number (or an array holding one number).
        x: the point, a numpy array of floats; it is left unchanged.
        h: the step of the finite differences.

    Returns:
        grad: numpy array of the same shape as ``x``.
    """
    if not isinstance(x, np.ndarray) or not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"x must be a numpy array of floats (it is perturbed in place), got {_describe(x)}")
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        old = x[index]
        try:
            x[index] = old + h
            f_plus = float(np.squeeze(f(x)))
            x[index] = old - h
            f_minus = float(np.squeeze(f(x)))
        finally:
            x[index] = old
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad
