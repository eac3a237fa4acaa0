"""Tests for the generated 2-D toy sets: load_planar_dataset and load_extra_datasets."""

from __future__ import annotations

import numpy as np
import pytest

from shared_utils.datasets import load_extra_datasets, load_planar_dataset

EXTRA_NAMES = ["noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles", "no_structure"]


@pytest.mark.parametrize("m", [400, 100, 2])
def test_planar_dataset_shapes_and_balance(m):
    """Is the flower X (2, m) float and Y (1, m) uint8 0/1, with m / 2 points per class?"""
    X, Y = load_planar_dataset(m=m)
    assert X.shape == (2, m) and X.dtype == np.float64 and np.isfinite(X).all()
    assert Y.shape == (1, m) and Y.dtype == np.uint8
    assert set(np.unique(Y).tolist()) == {0, 1}
    assert int(Y.sum()) == m // 2
    assert (Y[0, : m // 2] == 0).all()


def test_planar_dataset_is_a_flower():
    """Do the points lie within the petals' reach (radius about 4) around the origin?"""
    X, _ = load_planar_dataset()
    radius = np.hypot(X[0], X[1])
    assert radius.max() < 5.5 and 3.0 < np.percentile(radius, 90)


def test_planar_dataset_is_deterministic():
    """Does a seed always give the same points, and another seed other points?"""
    X1, Y1 = load_planar_dataset(seed=1)
    X2, Y2 = load_planar_dataset(seed=1)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    X3, _ = load_planar_dataset(seed=2)
    assert not np.allclose(X1, X3)


@pytest.mark.parametrize("m", [0, 7, -2])
def test_planar_dataset_rejects_odd_sizes(m):
    """Is a size that cannot be split into two equal classes refused?"""
    with pytest.raises(ValueError, match="even"):
        load_planar_dataset(m=m)


@pytest.fixture(scope="module")
def extra():
    return load_extra_datasets()


def test_extra_datasets_shapes(extra):
    """Does each of the five sets give X (2, 200) float and Y (1, 200) uint8 labels 0/1?"""
    assert list(extra) == EXTRA_NAMES
    for name, (X, Y) in extra.items():
        assert X.shape == (2, 200) and X.dtype == np.float64 and np.isfinite(X).all(), name
        assert Y.shape == (1, 200) and Y.dtype == np.uint8, name
        assert set(np.unique(Y).tolist()) == {0, 1}, name


def test_extra_datasets_class_balance(extra):
    """Are the generated sets balanced (the random-label one roughly)?"""
    for name in ("noisy_circles", "noisy_moons", "gaussian_quantiles"):
        assert int(extra[name][1].sum()) == 100, name
    assert 80 <= int(extra["blobs"][1].sum()) <= 120
    assert 70 <= int(extra["no_structure"][1].sum()) <= 130


def test_extra_datasets_are_deterministic(extra):
    """Does a seed always give the same sets, and another seed other points?"""
    again = load_extra_datasets(seed=0)
    other = load_extra_datasets(seed=1)
    for name in EXTRA_NAMES:
        np.testing.assert_array_equal(extra[name][0], again[name][0])
        np.testing.assert_array_equal(extra[name][1], again[name][1])
        assert not np.allclose(extra[name][0], other[name][0]), name
