"""``shared_utils.datasets.load_moons_dataset``: the data of course2's optimization_methods."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import make_moons

from shared_utils.datasets import load_moons_dataset


@pytest.fixture(scope="module")
def moons():
    return load_moons_dataset()


def test_shapes_dtypes_and_labels(moons):
    """Are there 300 points as columns of a (2, 300) float array, with 150 labels 0 and 150 labels 1?"""
    train_X, train_Y = moons
    assert train_X.shape == (2, 300) and train_X.dtype == np.float64
    assert train_Y.shape == (1, 300) and np.issubdtype(train_Y.dtype, np.integer)
    assert np.bincount(train_Y[0]).tolist() == [150, 150]
    assert np.isfinite(train_X).all()


def test_same_points_as_the_original_recipe(moons):
    """Does it give the points of np.random.seed(3); make_moons(n_samples=300, noise=.2)?"""
    saved = np.random.get_state()
    try:
        np.random.seed(3)
        X, y = make_moons(n_samples=300, noise=0.2)
    finally:
        np.random.set_state(saved)
    train_X, train_Y = moons
    np.testing.assert_array_equal(train_X, X.T)
    np.testing.assert_array_equal(train_Y, y.reshape(1, 300))


def test_pinned_values(moons):
    """Are the first points unchanged? The notebook's documented costs and accuracies depend on them."""
    train_X, train_Y = moons
    np.testing.assert_allclose(train_X[:, :3], [[-0.21687013, 0.80505015, 0.71127451],
                                                [1.01544937, -0.5579734, -0.41006024]], atol=1e-8)
    assert train_Y[0, :10].tolist() == [0, 1, 1, 1, 0, 0, 1, 1, 0, 1]


def test_deterministic_and_leaves_the_global_generator_alone():
    """Do two calls give the same arrays, without drawing from numpy's global random generator?"""
    np.random.seed(123)
    expected_next = np.random.rand()
    np.random.seed(123)
    first = load_moons_dataset()
    second = load_moons_dataset()
    assert np.random.rand() == expected_next
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a, b)
        assert a is not b
