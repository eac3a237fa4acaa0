"""``shared_utils.testing.eval_numerical_gradient``: the finite differences hidden gradient checks use."""

from __future__ import annotations

import numpy as np
import pytest

from shared_utils.testing import eval_numerical_gradient, rel_error


def test_gradient_of_smooth_functions_matches_the_formula():
    """Does it recover known gradients (a quadratic form, a sum of sines) to high accuracy?"""
    rng = np.random.default_rng(0)
    M = rng.normal(size=(4, 4))
    x = rng.normal(size=(4, 1))
    grad = eval_numerical_gradient(lambda v: (v.T @ M @ v).item(), x)
    assert grad.shape == x.shape
    assert rel_error(grad, (M + M.T) @ x) < 1e-8

    x = rng.normal(size=(2, 3))
    assert rel_error(eval_numerical_gradient(lambda v: np.sum(np.sin(v)), x), np.cos(x)) < 1e-8


def test_point_is_restored_and_aliases_see_the_perturbation():
    """Is x unchanged afterwards, and can f read x through a dict instead of its argument?"""
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = x.copy()
    params = {"W": x}
    grad = eval_numerical_gradient(lambda _: np.sum(params["W"] ** 3), x)
    np.testing.assert_array_equal(x, before)
    np.testing.assert_allclose(grad, 3 * before**2, rtol=1e-8)


def test_point_is_restored_when_f_raises():
    """Does an exception in f leave x as it was?"""
    x = np.array([1.0, 2.0])

    def boom(v):
        raise ValueError("boom")

    with pytest.raises(ValueError):
        eval_numerical_gradient(boom, x)
    np.testing.assert_array_equal(x, [1.0, 2.0])


def test_scalar_arrays_and_one_element_results():
    """Does it accept a 0-d point and an f returning a (1, 1) array?"""
    x = np.array(2.0)
    grad = eval_numerical_gradient(lambda v: np.array([[v**2]]), x)
    assert grad.shape == () and grad == pytest.approx(4.0)


@pytest.mark.parametrize("x", [np.array([1, 2, 3]), [1.0, 2.0], 3.0])
def test_rejects_points_that_cannot_be_perturbed_in_place(x):
    """Are integer arrays, lists and plain numbers refused with a TypeError?"""
    with pytest.raises(TypeError, match="numpy array of floats"):
        eval_numerical_gradient(np.sum, x)
