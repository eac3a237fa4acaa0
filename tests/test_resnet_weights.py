"""The shipped ResNet-50 weights of course4's "Residual Networks": datasets/resnet50/, its MANIFEST
entries, shared_utils.datasets.load_resnet50_weights and datasets/resnet50_arch.py."""

from __future__ import annotations

import json

import h5py
import numpy as np
import pytest

from shared_utils.datasets import DatasetError, load_resnet50_weights, load_signs_dataset
from tests.data_checks import DATASETS, check_manifest, damaged_copy, load_script

WEIGHTS = "resnet50/resnet50_signs_weights.h5"
METRICS = "resnet50/resnet50_signs_metrics.json"
REBUILD = "python datasets/train_resnet50.py"
NUM_PARAMS = 23_600_006  # the original assignment's figure; Keras 3 gives the same
NUM_LAYERS = 177


@pytest.fixture(scope="module")
def model():
    return load_script("resnet50_arch").ResNet50(input_shape=(64, 64, 3), classes=6)


def test_weights_and_metrics_are_in_the_manifest_with_matching_sha256():
    """Are the weights and their metrics listed with their size, sha256 and rebuild command?"""
    for entry in check_manifest((WEIGHTS, METRICS), REBUILD):
        assert entry.provenance


def test_weights_file_is_float16_and_under_50_mb():
    """Does the file hold the 23.6 M parameters as float16, in one file smaller than 50 MB?"""
    path = DATASETS / WEIGHTS
    assert path.stat().st_size < 50 * 1024 * 1024
    with h5py.File(path, "r") as f:
        assert f.attrs["num_params"] == NUM_PARAMS and f.attrs["num_layers"] == NUM_LAYERS
        arrays = [f["weights"][name] for name in sorted(f["weights"])]
        assert len(arrays) == f.attrs["num_arrays"] == 320
        assert {a.dtype for a in arrays} == {np.dtype(np.float16)}
        assert sum(a.size for a in arrays) == NUM_PARAMS


def test_metrics_report_the_target_accuracy():
    """Do the recorded metrics show a test accuracy of at least 90 % for the float16 weights?"""
    metrics = json.loads((DATASETS / METRICS).read_text())
    assert metrics["float16_test_accuracy"] >= 0.9
    assert metrics["num_params"] == NUM_PARAMS and metrics["num_layers"] == NUM_LAYERS
    assert metrics["epochs"] == len(metrics["history"]) > 0
    assert metrics["train_seconds"] > 0


def test_architecture_has_the_original_counts(model):
    """Does resnet50_arch.ResNet50 have the original's 177 layers and 23,600,006 parameters?"""
    assert len(model.layers) == NUM_LAYERS
    assert model.count_params() == NUM_PARAMS
    assert sum(int(np.prod(w.shape)) for w in model.non_trainable_weights) == 53_120


def test_weights_load_into_the_architecture(model):
    """Are the file's arrays, as float32, exactly the model's weights after loading?"""
    load_resnet50_weights(model, DATASETS)
    with h5py.File(DATASETS / WEIGHTS, "r") as f:
        first, last = f["weights"]["000"][()], f["weights"]["319"][()]
    weights = model.get_weights()
    assert weights[0].dtype == np.float32
    np.testing.assert_array_equal(weights[0], first.astype(np.float32))
    np.testing.assert_array_equal(weights[-1], last.astype(np.float32))


def test_loaded_model_classifies_the_test_set(model):
    """Does the model with the shipped weights reach 90 % on the 120 test images?"""
    load_resnet50_weights(model, DATASETS)
    _, _, test_x, test_y, _ = load_signs_dataset(DATASETS)
    predictions = model.predict(test_x / 255.0, batch_size=40, verbose=0).argmax(axis=1)
    assert np.mean(predictions == test_y[0]) >= 0.9


def test_a_different_model_is_rejected():
    """Does loading into a model with other layers fail, naming the array that does not fit?"""
    import keras

    inputs = keras.Input((64, 64, 3))
    small = keras.Model(inputs, keras.layers.Conv2D(8, 3)(inputs))
    with pytest.raises(DatasetError, match="2 weight arrays"):
        load_resnet50_weights(small, DATASETS)

    five_classes = load_script("resnet50_arch").ResNet50(input_shape=(64, 64, 3), classes=5)
    with pytest.raises(DatasetError, match=r"weight array 318 .* shape \(2048, 5\)"):
        load_resnet50_weights(five_classes, DATASETS)


def test_flipped_byte_is_detected(tmp_path):
    """Does a damaged weights file fail before loading, naming the rebuild command?"""
    root, _ = damaged_copy(tmp_path, WEIGHTS)
    with pytest.raises(DatasetError, match="train_resnet50.py"):
        load_resnet50_weights(object(), root)
