"""course4 transfer learning: the horse pictures (datasets/build_transfer_data.py), the pretrained
MobileNetV2 base (datasets/train_mobilenetv2.py), the benchmark, and shared_utils.transfer."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from pathlib import Path

import h5py
import numpy as np
import pytest
from PIL import Image

from shared_utils.datasets import DatasetError, read_manifest
from shared_utils.transfer import horse_image_directory, pretrained_mobilenet_v2
from shared_utils.weights import read_weights

DATASETS = Path(__file__).resolve().parent.parent / "datasets"
ARCHIVE = "transfer/horses.tar"
WEIGHTS = "transfer/mobilenetv2_0.35_no_top_weights.h5"
HEAD = "transfer/mobilenetv2_source_head.h5"
METRICS = "transfer/mobilenetv2_metrics.json"
BENCHMARK = "transfer/transfer_benchmark.json"
REBUILD = {ARCHIVE: "python datasets/build_transfer_data.py", WEIGHTS: "python datasets/train_mobilenetv2.py",
           HEAD: "python datasets/train_mobilenetv2.py", METRICS: "python datasets/train_mobilenetv2.py",
           BENCHMARK: "python datasets/benchmark_transfer.py"}
BASE_PARAMS, BASE_LAYERS, BASE_ARRAYS = 410_208, 154, 260


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_builder():
    spec = importlib.util.spec_from_file_location("build_transfer_data", DATASETS / "build_transfer_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder():
    return load_builder()


def test_files_are_in_the_manifest_with_matching_sha256():
    """Are the pictures, weights and reports listed with their size, sha256 and rebuild command?"""
    entries = read_manifest(DATASETS)
    for relative, rebuild in REBUILD.items():
        entry = entries[relative]
        path = DATASETS / relative
        assert path.stat().st_size == entry.size < 10 * 1024 * 1024, relative
        assert sha256(path) == entry.sha256, relative
        assert entry.rebuild == rebuild
        assert entry.provenance


def test_image_directory_holds_two_classes_of_160_rgb_pictures():
    """Does horse_image_directory() give horse/ and not horse/, 160 96x96 RGB PNGs each?"""
    directory = horse_image_directory(DATASETS)
    assert sorted(p.name for p in directory.iterdir()) == ["horse", "not horse"]
    pictures = {}
    for folder in directory.iterdir():
        files = sorted(folder.glob("*.png"))
        assert len(files) == 160
        pictures[folder.name] = np.stack([np.asarray(Image.open(f)) for f in files[::10]])
    for images in pictures.values():
        assert images.shape == (16, 96, 96, 3) and images.dtype == np.uint8
        assert not np.array_equal(images[..., 0], images[..., 2])
        assert len({image.tobytes() for image in images}) == len(images)
    assert horse_image_directory(DATASETS) == directory  # unpacked once per process


def test_damaged_archive_is_detected(tmp_path):
    """Does one flipped byte make horse_image_directory fail, naming the rebuild command?"""
    root = tmp_path / "datasets"
    (root / "transfer").mkdir(parents=True)
    shutil.copy(DATASETS / "MANIFEST", root / "MANIFEST")
    data = bytearray((DATASETS / ARCHIVE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (root / ARCHIVE).write_bytes(bytes(data))
    with pytest.raises(DatasetError, match="build_transfer_data.py"):
        horse_image_directory(root)


def test_rebuild_is_byte_identical(tmp_path, builder, capsys):
    """Does build_transfer_data.main rebuild the archive byte for byte (size and sha256 of MANIFEST)?"""
    built = tmp_path / "horses.tar"
    builder.main(out_file=built)
    assert "{'horse': 160, 'not horse': 160}" in capsys.readouterr().out
    entry = read_manifest(DATASETS)[ARCHIVE]
    assert built.stat().st_size == entry.size
    assert sha256(built) == entry.sha256


def test_source_set_is_seeded_and_balanced(builder):
    """Does the same seed give the same source pictures, another seed others, with cycling labels?"""
    images, labels = builder.source_set(24, seed=5)
    again, _ = builder.source_set(24, seed=5)
    other, _ = builder.source_set(24, seed=6)
    assert images.shape == (24, 96, 96, 3) and images.dtype == np.uint8
    assert labels.tolist() == list(range(12)) * 2
    np.testing.assert_array_equal(images, again)
    assert not np.array_equal(images, other)


def test_each_shape_is_drawn_where_the_mask_says(builder):
    """Is every silhouette a sizeable blob, (nearly) inside the picture, and different per shape?"""
    masks = {}
    for kind in (*builder.SHAPES, "horse", "blob"):
        mask = builder.silhouette(kind, np.random.default_rng(0))
        assert mask.shape == (96, 96) and 0 <= mask.min() and mask.max() <= 1
        assert 0.05 < mask.mean() < 0.6, kind
        border = mask[[0, -1]].sum() + mask[:, [0, -1]].sum()
        assert border < 0.05 * mask.sum(), kind  # at most a corner cut by the border
        masks[kind] = mask
    same_pose = [builder.silhouette(kind, np.random.default_rng(0)) for kind in ("circle", "square")]
    assert np.abs(same_pose[0] - same_pose[1]).sum() > 50


def test_weights_file_is_float16_with_the_base_counts():
    """Does the file hold MobileNetV2(alpha=0.35)'s 260 arrays, 410,208 parameters, as float16?"""
    with h5py.File(DATASETS / WEIGHTS, "r") as f:
        assert f.attrs["num_params"] == BASE_PARAMS and f.attrs["num_layers"] == BASE_LAYERS
        arrays = [f["weights"][name] for name in sorted(f["weights"])]
        assert len(arrays) == f.attrs["num_arrays"] == BASE_ARRAYS
        assert {a.dtype for a in arrays} == {np.dtype(np.float16)}
        assert sum(a.size for a in arrays) == BASE_PARAMS


@pytest.mark.parametrize("input_shape", [(64, 64, 3), (32, 48, 3)])
def test_base_loads_at_any_input_size(input_shape):
    """Does pretrained_mobilenet_v2 build the base at this size with exactly the file's weights?"""
    base = pretrained_mobilenet_v2(input_shape, root=DATASETS)
    assert len(base.layers) == BASE_LAYERS and base.count_params() == BASE_PARAMS
    assert base.output.shape[1:] == (-(-input_shape[0] // 32), -(-input_shape[1] // 32), 1280)
    arrays = read_weights(DATASETS / WEIGHTS, "course4-mobilenetv2-0.35-no-top-float16-v1")
    for loaded, stored in zip(base.get_weights(), arrays, strict=True):
        np.testing.assert_array_equal(loaded, stored)


def test_user_weights_override(tmp_path, monkeypatch):
    """Does DL_COURSE_MOBILENETV2_WEIGHTS (+ _SHA256) load a Keras weights file instead of ours?"""
    import keras

    other = keras.applications.MobileNetV2(input_shape=(64, 64, 3), alpha=0.35, include_top=False,
                                           weights=None)
    path = tmp_path / "mobilenet_v2_0.35.weights.h5"
    other.save_weights(path)
    monkeypatch.setenv("DL_COURSE_MOBILENETV2_WEIGHTS", str(path))
    monkeypatch.setenv("DL_COURSE_MOBILENETV2_WEIGHTS_SHA256", sha256(path))
    base = pretrained_mobilenet_v2((96, 96, 3), root=DATASETS)
    np.testing.assert_array_equal(base.get_weights()[0], other.get_weights()[0])
    monkeypatch.setenv("DL_COURSE_MOBILENETV2_WEIGHTS_SHA256", "0" * 64)
    with pytest.raises(DatasetError, match="sha256"):
        pretrained_mobilenet_v2((96, 96, 3), root=DATASETS)


def test_shipped_base_reproduces_the_source_accuracy(builder):
    """Do the shipped base and head classify a slice of the source validation set as reported?"""
    import keras

    metrics = json.loads((DATASETS / METRICS).read_text())
    images, labels = builder.source_set(180, seed=101)  # the first 180 of the validation set
    images = keras.ops.image.resize(images.astype(np.float32), (64, 64), interpolation="bilinear")
    base = pretrained_mobilenet_v2((64, 64, 3), root=DATASETS)
    features = base.predict(keras.applications.mobilenet_v2.preprocess_input(images),
                            batch_size=60, verbose=0).mean(axis=(1, 2))
    kernel, bias = read_weights(DATASETS / HEAD, "course4-mobilenetv2-source-head-float16-v1")
    accuracy = np.mean((features @ kernel + bias).argmax(axis=1) == labels)
    assert abs(accuracy - metrics["float16_source_val_accuracy"]) < 0.08
    assert metrics["float16_source_val_accuracy"] >= 0.7


def test_benchmark_shows_that_transfer_beats_training_from_scratch():
    """Did fine-tuning the pretrained base beat the same model trained from scratch by 10 points?"""
    summary = json.loads((DATASETS / BENCHMARK).read_text())["summary"]
    transfer = summary["transfer_val_accuracy_after_fine_tuning"]
    assert transfer >= summary["scratch_best_val_accuracy"] + 0.1
    assert transfer >= summary["scratch_val_accuracy_after_20_epochs"] + 0.1
    assert transfer > summary["transfer_val_accuracy_after_frozen_epochs"]
    assert transfer >= 0.7
