"""Tests for the hand-digits data set (SIGNS layout): shared_utils.datasets.load_signs_dataset,
its MANIFEST entries and datasets/build_signs.py."""

from __future__ import annotations

import numpy as np
import pytest

from shared_utils.datasets import DatasetError, load_signs_dataset
from tests.data_checks import (
    DATASETS,
    check_image_sets,
    check_manifest,
    check_rebuilt,
    damaged_copy,
    load_script,
)

FILES = ("signs/train_signs.h5", "signs/test_signs.h5")
REBUILD = "python datasets/build_signs.py"


@pytest.fixture(scope="module")
def signs():
    return load_signs_dataset(DATASETS)


def test_shapes_and_dtypes(signs):
    """Does load_signs_dataset return the SIGNS layout: 963/120 64x64x3 uint8 images, (1, m) labels?"""
    check_image_sets(signs, 963, 120, [0, 1, 2, 3, 4, 5])


def test_classes_are_balanced(signs):
    """Are the six digits all present, 20 each in test and 157 to 163 each in train?"""
    _, train_y, _, test_y, _ = signs
    assert np.bincount(test_y[0], minlength=6).tolist() == [20] * 6
    counts = np.bincount(train_y[0], minlength=7)
    assert counts[6] == 0 and counts[:6].min() >= 157 and counts[:6].max() <= 163


def test_images_are_gray_digits_in_three_channels(signs):
    """Are the images non-constant, use the full 0..255 range, with 3 equal channels?"""
    train_x, _, test_x, _, _ = signs
    for x in (train_x, test_x):
        assert np.array_equal(x[..., 0], x[..., 1]) and np.array_equal(x[..., 0], x[..., 2])
        assert x.min() == 0 and x.max() == 255 and x.std() > 30
    # The split is disjoint: no test image appears in the training set.
    train_keys = {img.tobytes() for img in train_x[..., 0]}
    assert not any(img.tobytes() in train_keys for img in test_x[..., 0])


def test_manifest_lists_both_files_with_size_and_sha256():
    """Are both files in MANIFEST with their size, sha256, rebuild command and provenance?"""
    for entry in check_manifest(FILES, REBUILD, max_bytes=20 * 1024 * 1024):
        assert "load_digits" in entry.provenance


def test_damaged_file_is_detected(tmp_path):
    """Does one flipped byte make load_signs_dataset fail, naming the file and the rebuild?"""
    root, path = damaged_copy(tmp_path, "signs/test_signs.h5", FILES)
    with pytest.raises(DatasetError) as info:
        load_signs_dataset(root)
    assert str(path) in str(info.value) and "sha256" in str(info.value)
    assert f"`{REBUILD}`" in str(info.value)


def test_rebuild_is_byte_identical(tmp_path, capsys):
    """Does build_signs.main rebuild byte-identical files (same size and sha256 as MANIFEST)?"""
    load_script("build_signs").main(out_dir=tmp_path / "signs")
    assert "train (963, 64, 64, 3)" in capsys.readouterr().out
    check_rebuilt(tmp_path, FILES)
