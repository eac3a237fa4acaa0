"""Tests for the street scenes (U-Net masks, YOLO boxes): shared_utils.street_scenes, the MANIFEST
entries and datasets/build_street_scenes.py."""

from __future__ import annotations

import h5py
import numpy as np
import pytest

from shared_utils.datasets import DatasetError
from shared_utils.street_scenes import (
    DETECTION_CLASSES,
    MAX_OBJECTS,
    SEGMENTATION_CLASSES,
    SEGMENTATION_COLORS,
    load_street_scenes,
)
from tests.data_checks import DATASETS, check_manifest, check_rebuilt, damaged_copy, load_script, sha256

FILES = ("streets/streets_train.h5", "streets/streets_test.h5")
REBUILD = "python datasets/build_street_scenes.py"
SIZES = {"train": 1200, "test": 300}


@pytest.fixture(scope="module")
def builder():
    return load_script("build_street_scenes")


@pytest.fixture(scope="module")
def scenes():
    return {split: load_street_scenes(split, DATASETS) for split in SIZES}


def objects(boxes: np.ndarray) -> np.ndarray:
    """The rows of one image's boxes that hold objects."""
    return boxes[boxes[:, 0] >= 0]


def test_shapes_dtypes_and_ranges(scenes):
    """Does the loader return (N, 96, 128, 3) uint8 images, (N, 96, 128) uint8 masks of valid classes
    and (N, MAX_OBJECTS, 5) float32 boxes?"""
    for split, n in SIZES.items():
        images, masks, boxes = scenes[split]["images"], scenes[split]["masks"], scenes[split]["boxes"]
        assert images.shape == (n, 96, 128, 3) and images.dtype == np.uint8
        assert masks.shape == (n, 96, 128) and masks.dtype == np.uint8
        assert boxes.shape == (n, MAX_OBJECTS, 5) and boxes.dtype == np.float32
        assert masks.max() < len(SEGMENTATION_CLASSES)
        sample = images[:100]
        assert sample.std() > 30 and sample.min() < 10 and sample.max() > 245
    assert SEGMENTATION_COLORS.shape == (len(SEGMENTATION_CLASSES), 3)
    assert len(SEGMENTATION_CLASSES) >= 8 and len(set(DETECTION_CLASSES)) == len(DETECTION_CLASSES)
    assert set(DETECTION_CLASSES) <= set(SEGMENTATION_CLASSES)


def test_boxes_are_padded_inside_the_image_and_integral(scenes):
    """Do the objects come first, then rows of -1; are boxes whole pixels inside the image, >= 4 px?"""
    for split in SIZES:
        boxes = scenes[split]["boxes"]
        used = boxes[..., 0] >= 0
        assert np.all(used[:, :-1] | ~used[:, 1:]), "an object row after a padding row"
        assert np.all(boxes[~used] == -1)
        rows = boxes[used]
        assert np.all(np.isin(rows[:, 0], np.arange(len(DETECTION_CLASSES))))
        assert np.array_equal(rows, np.round(rows))
        x1, y1, x2, y2 = rows[:, 1:].T
        assert np.all((0 <= x1) & (x1 + 4 <= x2) & (x2 <= 128))
        assert np.all((0 <= y1) & (y1 + 4 <= y2) & (y2 <= 96))
        assert used.sum(axis=1).mean() > 3 and used.any(axis=1).all()


def test_boxes_are_tight_around_pixels_of_their_class(scenes):
    """Does each box's every edge row and column touch a mask pixel of its class, and does every mask
    pixel of a detected class lie in a box of that class?"""
    for split in SIZES:
        masks, boxes = scenes[split]["masks"], scenes[split]["boxes"]
        for mask, image_boxes in zip(masks[:200], boxes[:200], strict=True):
            covered = np.zeros((len(DETECTION_CLASSES),) + mask.shape, bool)
            for cls, x1, y1, x2, y2 in objects(image_boxes).astype(int):
                inside = mask[y1:y2, x1:x2] == SEGMENTATION_CLASSES.index(DETECTION_CLASSES[cls])
                assert inside[0].any() and inside[-1].any() and inside[:, 0].any() and inside[:, -1].any()
                covered[cls, y1:y2, x1:x2] = True
            for cls, name in enumerate(DETECTION_CLASSES):
                assert np.all(covered[cls][mask == SEGMENTATION_CLASSES.index(name)])


def test_every_class_appears_in_both_splits(scenes):
    """Does every segmentation class occur in the masks and every detection class in the boxes?"""
    for split in SIZES:
        pixels = np.bincount(scenes[split]["masks"].ravel(), minlength=len(SEGMENTATION_CLASSES))
        assert np.all(pixels > 0), dict(zip(SEGMENTATION_CLASSES, pixels.tolist(), strict=True))
        ids = objects(scenes[split]["boxes"].reshape(-1, 5))[:, 0].astype(int)
        assert np.all(np.bincount(ids, minlength=len(DETECTION_CLASSES)) >= 10)


def test_images_are_varied_and_splits_disjoint(scenes):
    """Are all images different, in colour, and does no test image repeat a training one?"""
    train_keys = {image.tobytes() for image in scenes["train"]["images"]}
    assert len(train_keys) == SIZES["train"]
    assert not any(image.tobytes() in train_keys for image in scenes["test"]["images"])
    assert not np.array_equal(scenes["train"]["images"][..., 0], scenes["train"]["images"][..., 2])


def test_instance_boxes_are_exact(builder):
    """On freshly drawn scenes: is each box exactly the bounding box of its object's visible pixels,
    and are those pixels all of the box's class in the mask?"""
    for index in range(4):
        _, mask, instance, boxes = builder.render_scene(builder.scene_rng("train", index))
        assert len(boxes) == len(np.unique(instance[instance > 0]))
        for inst, (cls, x1, y1, x2, y2) in enumerate(boxes, start=1):
            rows, cols = np.nonzero(instance == inst)
            assert (x1, y1, x2, y2) == (cols.min(), rows.min(), cols.max() + 1, rows.max() + 1)
            assert np.all(mask[rows, cols] == SEGMENTATION_CLASSES.index(DETECTION_CLASSES[int(cls)]))


def test_rebuilt_slice_matches_the_files(builder, scenes):
    """Does rebuilding a few scenes of each split give the shipped arrays and JPEG bytes exactly?"""
    for split, indices in (("train", range(5, 8)), ("test", range(297, 300))):
        rebuilt = builder.build_split(split, indices)
        for name in ("images", "masks", "boxes"):
            assert np.array_equal(rebuilt[name], scenes[split][name][indices.start:indices.stop]), name
        with h5py.File(DATASETS / f"streets/streets_{split}.h5", "r") as f:
            stored = f["images_jpeg"][indices.start:indices.stop]
        assert all(a.tobytes() == b.tobytes() for a, b in zip(rebuilt["jpeg"], stored, strict=True))


def test_same_seed_same_bytes_other_seed_other_scenes(builder, tmp_path):
    """Do two builds of a slice write identical files, and does another seed draw other scenes?"""
    for name in ("a", "b"):
        builder.write(tmp_path / f"{name}.h5", builder.build_split("test", range(2)))
    assert sha256(tmp_path / "a.h5") == sha256(tmp_path / "b.h5")
    other = builder.build_split("test", range(2), seed=builder.SEED + 1)
    assert not np.array_equal(other["masks"], builder.build_split("test", range(2))["masks"])


def test_manifest_lists_both_files_with_size_and_sha256():
    """Are both files in MANIFEST with their size (< 12 MB), sha256, rebuild command and provenance?"""
    for entry in check_manifest(FILES, REBUILD, max_bytes=12 * 1024 * 1024):
        assert "scikit-image" in entry.provenance and "seed" in entry.provenance


def test_damaged_file_is_detected(tmp_path):
    """Does one flipped byte make load_street_scenes fail, naming the file and the rebuild command?"""
    root, path = damaged_copy(tmp_path, FILES[1])
    with pytest.raises(DatasetError) as info:
        load_street_scenes("test", root)
    assert str(path) in str(info.value) and f"`{REBUILD}`" in str(info.value)
    with pytest.raises(ValueError, match="split"):
        load_street_scenes("validation", root)


@pytest.mark.slow
def test_rebuild_is_byte_identical(builder, tmp_path, capsys):
    """Does build_street_scenes.main rebuild both files byte for byte (several minutes)?"""
    builder.main(out_dir=tmp_path / "streets")
    assert "train: (1200, 96, 128, 3)" in capsys.readouterr().out
    check_rebuilt(tmp_path, FILES)
