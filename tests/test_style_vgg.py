"""The style-transfer feature network of course4: shared_utils.style_vgg, its shipped weights in
datasets/style_vgg/ with their MANIFEST entries, and the images of shared_utils.style_transfer."""

from __future__ import annotations

import hashlib
import json

import h5py
import numpy as np
import pytest

from shared_utils.datasets import DatasetError
from shared_utils.style_transfer import load_content_image, load_style_image
from shared_utils.style_vgg import (
    OVERRIDE_ENV,
    SOURCE_IMAGES,
    VGG19_WIDTHS,
    load_style_vgg,
    texture_patches,
    vgg_features,
)
from tests.data_checks import DATASETS, check_manifest, damaged_copy

WEIGHTS = "style_vgg/style_vgg_weights.h5"
METRICS = "style_vgg/style_vgg_metrics.json"
REBUILD = "python datasets/train_style_vgg.py"
NUM_PARAMS = 1_255_460  # VGG-19 layout with 16..128 channels, plus the 20-class dense layer
VGG19_NOTOP_PARAMS = 20_024_384  # keras.applications.VGG19(include_top=False)


def metrics() -> dict:
    return json.loads((DATASETS / METRICS).read_text())


def test_weights_and_metrics_are_in_the_manifest_with_matching_sha256():
    """Are the weights and their metrics listed with their size, sha256 and rebuild command?"""
    for entry in check_manifest((WEIGHTS, METRICS), REBUILD):
        assert "accuracy" in entry.provenance


def test_weights_file_is_float16_and_small():
    """Does the file hold all the classifier's parameters as float16, in under 3 MB?"""
    path = DATASETS / WEIGHTS
    assert path.stat().st_size < 3 * 1024 * 1024
    with h5py.File(path, "r") as f:
        arrays = [f["weights"][name] for name in sorted(f["weights"])]
        assert f.attrs["num_params"] == NUM_PARAMS == sum(a.size for a in arrays)
        assert {a.dtype for a in arrays} == {np.dtype(np.float16)}


def test_metrics_record_training():
    """Do the metrics record the classes, the history, the time and a test accuracy above 60 %?"""
    record = metrics()
    assert record["classes"] == [name for _, name in SOURCE_IMAGES]
    assert record["epochs"] == len(record["history"]) > 0
    assert record["train_seconds"] > 0 and record["num_params"] == NUM_PARAMS
    assert record["float16_test_accuracy"] >= 0.6
    assert {"tensorflow", "keras", "numpy"} <= set(record["versions"])


@pytest.fixture(scope="module")
def classifier():
    return load_style_vgg(include_top=True, root=DATASETS)


def test_shipped_classifier_reproduces_its_test_accuracy(classifier):
    """Does the shipped network classify a slice of the test patches as well as reported?"""
    x, y = texture_patches(500, split="test", seed=12345)
    accuracy = np.mean(classifier.predict(x, batch_size=250, verbose=0).argmax(axis=1) == y)
    assert accuracy == pytest.approx(metrics()["float16_test_accuracy"], abs=0.05)


def test_features_are_the_classifiers_frozen_layers(classifier):
    """Does load_style_vgg() give VGG-19's layer names, frozen, with the classifier's weights?"""
    features = load_style_vgg((48, 80, 3), root=DATASETS)
    assert not features.trainable
    names = [layer.name for layer in features.layers[1:]]
    assert names[:3] == ["block1_conv1", "block1_conv2", "block1_pool"]
    assert names[-2:] == ["block5_conv4", "block5_pool"] and len(names) == 21
    assert features.output.shape == (None, 1, 2, 128)
    np.testing.assert_array_equal(features.get_layer("block5_conv1").get_weights()[0],
                                  classifier.get_layer("block5_conv1").get_weights()[0])


def test_full_width_features_have_vgg19_shapes():
    """With VGG-19's widths, do the layers have keras.applications.VGG19's names and shapes?"""
    model = vgg_features((224, 224, 3), VGG19_WIDTHS)
    assert model.count_params() == VGG19_NOTOP_PARAMS
    assert model.get_layer("block3_conv4").kernel.shape == (3, 3, 256, 256)
    assert model.output.shape == (None, 7, 7, 512)


def test_original_vgg19_weights_load_through_the_override(tmp_path, monkeypatch):
    """Does a VGG-19 "notop" file in Keras's legacy HDF5 format load when named by the variable?"""
    from keras.src.legacy.saving.legacy_h5_format import save_weights_to_hdf5_group

    original = vgg_features((32, 32, 3), VGG19_WIDTHS)
    path = tmp_path / "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5"
    with h5py.File(path, "w") as f:
        save_weights_to_hdf5_group(f, original)
    monkeypatch.setenv(OVERRIDE_ENV, str(path))
    monkeypatch.setenv(f"{OVERRIDE_ENV}_SHA256", hashlib.sha256(path.read_bytes()).hexdigest())
    loaded = load_style_vgg((32, 32, 3), root=DATASETS)
    assert loaded.count_params() == VGG19_NOTOP_PARAMS
    np.testing.assert_array_equal(loaded.get_layer("block4_conv2").get_weights()[0],
                                  original.get_layer("block4_conv2").get_weights()[0])

    monkeypatch.setenv(f"{OVERRIDE_ENV}_SHA256", "0" * 64)
    with pytest.raises(DatasetError, match="damaged or not the one expected"):
        load_style_vgg((32, 32, 3), root=DATASETS)


def test_flipped_byte_is_detected(tmp_path):
    """Does a damaged weights file fail before loading, naming the rebuild command?"""
    root, _ = damaged_copy(tmp_path, WEIGHTS)
    with pytest.raises(DatasetError, match="train_style_vgg.py"):
        load_style_vgg(root=root)


def test_texture_patches_are_deterministic_and_well_formed():
    """Do the same arguments give the same bytes, and other seeds or splits other patches?"""
    x, y = texture_patches(40, split="train", seed=3)
    again_x, again_y = texture_patches(40, split="train", seed=3)
    assert x.tobytes() == again_x.tobytes() and y.tobytes() == again_y.tobytes()
    assert x.shape == (40, 64, 64, 3) and x.dtype == np.float32 and y.dtype == np.int64
    assert 0.0 <= x.min() and x.max() <= 1.0 and set(y) <= set(range(len(SOURCE_IMAGES)))
    assert texture_patches(40, split="train", seed=4)[0].tobytes() != x.tobytes()
    assert texture_patches(40, split="test", seed=3)[0].tobytes() != x.tobytes()
    with pytest.raises(ValueError, match="split"):
        texture_patches(1, split="valid", seed=0)


def test_content_and_style_images():
    """Are the two pictures square uint8 RGB arrays of the requested size, the same every time?"""
    for load in (load_content_image, load_style_image):
        image = load(96)
        assert image.shape == (96, 96, 3) and image.dtype == np.uint8
        assert image.tobytes() == load(96).tobytes()
        assert image.std() > 20  # a real picture, not a flat color
    assert load_content_image(64).tobytes() != load_style_image(64).tobytes()
