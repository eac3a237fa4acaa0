"""Tests for the generated 2-D data sets of course2: circles (initialization), goalkeeper (regularization)."""

from __future__ import annotations

import numpy as np
import pytest

from shared_utils.datasets import load_circles_dataset, load_goalkeeper_dataset

SHAPES = {
    "circles": [(2, 300), (1, 300), (2, 100), (1, 100)],
    "goalkeeper": [(2, 211), (1, 211), (2, 200), (1, 200)],
}
LOADERS = {"circles": load_circles_dataset, "goalkeeper": load_goalkeeper_dataset}


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_shapes_dtypes_and_labels(name):
    """Are the arrays (n_x, m) floats and (1, m) integer labels in {0, 1}, as in the originals?"""
    arrays = LOADERS[name]()
    assert [a.shape for a in arrays] == SHAPES[name]
    train_X, train_Y, test_X, test_Y = arrays
    for X in (train_X, test_X):
        assert X.dtype == np.float64 and np.isfinite(X).all()
    for Y in (train_Y, test_Y):
        assert np.issubdtype(Y.dtype, np.integer)
        assert set(np.unique(Y).tolist()) == {0, 1}


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_deterministic_and_no_global_random_state(name):
    """Do two calls return identical arrays, leaving numpy's global random generator untouched?"""
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    first, second = LOADERS[name](), LOADERS[name]()
    assert np.array_equal(np.random.get_state()[1], before)
    for a, b in zip(first, second, strict=True):
        assert np.array_equal(a, b)


def test_circles_are_the_original_points():
    """Balanced classes (150/150, 50/50), two rings of radius about 1 and 0.8, train != test."""
    train_X, train_Y, test_X, test_Y = load_circles_dataset()
    assert int(train_Y.sum()) == 150 and int(test_Y.sum()) == 50
    radius = np.linalg.norm(train_X, axis=0)
    assert abs(radius[train_Y[0] == 0].mean() - 1.0) < 0.03  # outer circle: class 0
    assert abs(radius[train_Y[0] == 1].mean() - 0.8) < 0.03  # inner circle: class 1
    # The original's first training point (np.random.seed(1); make_circles(300, noise=.05)).
    np.testing.assert_allclose(train_X[:, 0], [-0.07741354, 0.85260226], atol=1e-8)
    assert not np.array_equal(train_X[:, :100], test_X)


def test_goalkeeper_balance_and_region():
    """Are both classes well represented, in the same region, in train and test?"""
    train_X, train_Y, test_X, test_Y = load_goalkeeper_dataset()
    for X, Y in ((train_X, train_Y), (test_X, test_Y)):
        assert 0.4 <= Y.mean() <= 0.6
        assert X.min() >= -1.0 and X.max() <= 1.0


def test_goalkeeper_seed_changes_the_draw_but_not_the_shapes():
    """Does another seed give other points, with the same shapes and a similar balance?"""
    default, other = load_goalkeeper_dataset(), load_goalkeeper_dataset(seed=1234)
    assert [a.shape for a in other] == SHAPES["goalkeeper"]
    assert not np.array_equal(default[0], other[0])
    assert 0.35 <= other[1].mean() <= 0.65


def test_goalkeeper_classes_are_mostly_separable_with_label_noise():
    """Is there a clean underlying boundary (a nearest-neighbour vote recovers most labels), with
    some noise (not every label agrees with its neighbours)?"""
    train_X, train_Y, test_X, test_Y = load_goalkeeper_dataset()
    distances = np.linalg.norm(test_X[:, :, None] - train_X[:, None, :], axis=0)
    nearest = np.argsort(distances, axis=1)[:, :7]
    vote = (train_Y[0, nearest].mean(axis=1) > 0.5).astype(int)
    agreement = (vote == test_Y[0]).mean()
    assert 0.8 <= agreement < 1.0
