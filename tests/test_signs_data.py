"""Tests for the hand-digits data set (SIGNS layout): shared_utils.datasets.load_signs_dataset,
its MANIFEST entries and datasets/build_signs.py."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from pathlib import Path

import numpy as np
import pytest

from shared_utils.datasets import DatasetError, load_signs_dataset, read_manifest

DATASETS = Path(__file__).resolve().parent.parent / "datasets"
FILES = ("signs/train_signs.h5", "signs/test_signs.h5")
REBUILD = "python datasets/build_signs.py"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def signs():
    return load_signs_dataset(DATASETS)


def test_shapes_and_dtypes(signs):
    """Does load_signs_dataset return the SIGNS layout: 963/120 64x64x3 uint8 images, (1, m) labels?"""
    train_x, train_y, test_x, test_y, classes = signs
    assert train_x.shape == (963, 64, 64, 3) and train_x.dtype == np.uint8
    assert train_y.shape == (1, 963) and np.issubdtype(train_y.dtype, np.integer)
    assert test_x.shape == (120, 64, 64, 3) and test_x.dtype == np.uint8
    assert test_y.shape == (1, 120) and np.issubdtype(test_y.dtype, np.integer)
    assert classes.tolist() == [0, 1, 2, 3, 4, 5]


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
    entries = read_manifest(DATASETS)
    for relative in FILES:
        entry = entries[relative]
        path = DATASETS / relative
        assert path.stat().st_size == entry.size < 20 * 1024 * 1024
        assert sha256(path) == entry.sha256
        assert entry.rebuild == REBUILD
        assert "load_digits" in entry.provenance


def test_damaged_file_is_detected(tmp_path):
    """Does one flipped byte make load_signs_dataset fail, naming the file and the rebuild?"""
    root = tmp_path / "datasets"
    (root / "signs").mkdir(parents=True)
    shutil.copy(DATASETS / "MANIFEST", root / "MANIFEST")
    for relative in FILES:
        shutil.copy(DATASETS / relative, root / relative)
    path = root / "signs" / "test_signs.h5"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DatasetError) as info:
        load_signs_dataset(root)
    assert str(path) in str(info.value) and "sha256" in str(info.value)
    assert f"`{REBUILD}`" in str(info.value)


def test_rebuild_is_byte_identical(tmp_path, capsys):
    """Does build_signs.main rebuild byte-identical files (same size and sha256 as MANIFEST)?"""
    spec = importlib.util.spec_from_file_location("build_signs", DATASETS / "build_signs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(out_dir=tmp_path / "signs")
    assert "train (963, 64, 64, 3)" in capsys.readouterr().out
    entries = read_manifest(DATASETS)
    for relative in FILES:
        built = tmp_path / relative
        assert built.stat().st_size == entries[relative].size, relative
        assert sha256(built) == entries[relative].sha256, relative
