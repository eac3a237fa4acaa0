"""Tests for the smiling-faces data set (Happy House layout): shared_utils.datasets.load_happy_dataset,
its MANIFEST entries and datasets/build_happy.py."""

from __future__ import annotations

import numpy as np
import pytest

from shared_utils.datasets import DatasetError, load_happy_dataset
from tests.data_checks import (
    DATASETS,
    check_image_sets,
    check_manifest,
    check_rebuilt,
    damaged_copy,
    load_script,
)

FILES = ("happy/train_happy.h5", "happy/test_happy.h5")
REBUILD = "python datasets/build_happy.py"


@pytest.fixture(scope="module")
def happy():
    return load_happy_dataset(DATASETS)


def test_shapes_and_dtypes(happy):
    """Does load_happy_dataset return the Happy House layout: 600/150 64x64x3 uint8, (1, m) labels?"""
    check_image_sets(happy, 600, 150, [b"not smiling", b"smiling"])


def test_labels_are_balanced_and_shuffled(happy):
    """Are there exactly as many smiling as not-smiling faces, in a mixed order?"""
    _, train_y, _, test_y, _ = happy
    assert np.bincount(train_y[0], minlength=2).tolist() == [300, 300]
    assert np.bincount(test_y[0], minlength=2).tolist() == [75, 75]
    for y in (train_y[0], test_y[0]):
        runs = 1 + np.count_nonzero(np.diff(y))
        assert runs > len(y) // 4  # not sorted by label


def test_images_are_varied_color_pictures(happy):
    """Are the images RGB (channels differ), non-constant, and all different from each other?"""
    train_x, _, test_x, _, _ = happy
    for x in (train_x, test_x):
        assert not np.array_equal(x[..., 0], x[..., 2])
        assert x.std() > 30 and x.min() < 20 and x.max() > 235
        assert len({img.tobytes() for img in x}) == len(x)
    train_keys = {img.tobytes() for img in train_x}
    assert not any(img.tobytes() in train_keys for img in test_x)


def test_split_is_by_person_and_balanced_per_face():
    """Do training and test images show different people, each with as many smiles as not?"""
    builder = load_script("build_happy")
    rng = np.random.default_rng(builder.SEED)
    order = rng.permutation(builder.NUM_FACES)
    test_faces, train_faces = order[:builder.TEST_FACES], order[builder.TEST_FACES:]
    assert not set(test_faces) & set(train_faces)
    assert len(train_faces) * builder.TRAIN_PER_FACE == 600
    assert len(test_faces) * builder.TEST_PER_FACE == 150
    assert builder.TRAIN_PER_FACE % 2 == 0 and builder.TEST_PER_FACE % 2 == 0


def test_smiles_and_not_differ_in_the_mouth_region(happy):
    """Is the label visible where the mouth is drawn (and not, on average, elsewhere)?"""
    train_x, train_y, _, _, _ = happy
    gray = train_x.astype(float).mean(axis=-1)
    smiling, not_smiling = gray[train_y[0] == 1].mean(axis=0), gray[train_y[0] == 0].mean(axis=0)
    difference = np.abs(smiling - not_smiling)
    assert difference[40:58, 18:46].max() > 3 * difference[:30].max()


def test_manifest_lists_both_files_with_size_and_sha256():
    """Are both files in MANIFEST with their size, sha256, rebuild command and provenance?"""
    for entry in check_manifest(FILES, REBUILD, max_bytes=20 * 1024 * 1024):
        assert "lfw_subset" in entry.provenance and "drawn" in entry.provenance


def test_damaged_file_is_detected(tmp_path):
    """Does one flipped byte make load_happy_dataset fail, naming the file and the rebuild?"""
    root, path = damaged_copy(tmp_path, "happy/train_happy.h5", FILES)
    with pytest.raises(DatasetError) as info:
        load_happy_dataset(root)
    assert str(path) in str(info.value) and "sha256" in str(info.value)
    assert f"`{REBUILD}`" in str(info.value)


def test_rebuild_is_byte_identical(tmp_path, capsys):
    """Does build_happy.main rebuild byte-identical files (same size and sha256 as MANIFEST)?"""
    load_script("build_happy").main(out_dir=tmp_path / "happy")
    assert "train (600, 64, 64, 3) smiling=300" in capsys.readouterr().out
    check_rebuilt(tmp_path, FILES)
