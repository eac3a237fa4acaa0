"""Tests for the U-Net assignment's support: the segmentation metrics and mask display
(shared_utils.segmentation), the training script's architecture (datasets/unet_arch.py), the shipped
weights, and the notebook's example mistakes."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

import numpy as np
import pytest

from shared_utils.datasets import read_manifest
from shared_utils.segmentation import (
    UNET_N_FILTERS,
    colorize,
    confusion_matrix,
    iou_per_class,
    mean_iou,
    pixel_accuracy,
    show_segmentation,
)
from shared_utils.street_scenes import SEGMENTATION_CLASSES, SEGMENTATION_COLORS
from tests.notebook_namespace import mistake_cases, notebook_namespace

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
NOTEBOOK = ROOT / "course4/source/unet_segmentation/unet_segmentation.ipynb"
FILES = ("unet/unet_streets_weights.h5", "unet/unet_streets_metrics.json")


# --- metrics and display ---------------------------------------------------------------------


def test_metrics_on_a_hand_made_case():
    """Do the confusion matrix, pixel accuracy and IoUs match a case worked out by hand?"""
    true = np.array([[0, 0, 1, 1], [2, 2, 2, 1]])
    pred = np.array([[0, 1, 1, 1], [2, 2, 0, 1]])
    expected = [[1, 1, 0, 0], [0, 3, 0, 0], [1, 0, 2, 0], [0, 0, 0, 0]]
    assert confusion_matrix(true, pred, 4).tolist() == expected
    assert pixel_accuracy(true, pred) == pytest.approx(6 / 8)
    ious = iou_per_class(true, pred, 4)
    assert ious[:3] == pytest.approx([1 / 3, 3 / 4, 2 / 3])
    assert np.isnan(ious[3])  # class 3 appears in neither mask: left out of the mean
    assert mean_iou(true, pred, 4) == pytest.approx((1 / 3 + 3 / 4 + 2 / 3) / 3)
    assert mean_iou(true, true, 4) == 1.0
    with pytest.raises(ValueError, match="differ in size"):
        confusion_matrix(true, pred[:1], 4)


def test_colorize_and_show_segmentation():
    """Does colorize map class k to colour k, and does show_segmentation draw 3 panels per image?"""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    mask = np.arange(len(SEGMENTATION_CLASSES), dtype=np.uint8).reshape(1, -1)
    assert np.array_equal(colorize(mask)[0], SEGMENTATION_COLORS)
    images = np.zeros((2, 8, 12, 3), np.uint8)
    masks = np.zeros((2, 8, 12), np.uint8)
    fig = show_segmentation(images, masks, masks[..., None])
    assert len(fig.axes) == 6
    assert [ax.get_title() for ax in fig.axes[:3]] == ["input", "true mask", "predicted mask"]
    plt.close(fig)


# --- the architecture, the notebook and its mistakes --------------------------------------------


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_architecture_is_the_notebook_solution():
    """Does datasets/unet_arch.py build, layer for layer, the model of the notebook's solution?"""
    from shared_utils.keras_summary import layer_summary

    arch = load_module(DATASETS / "unet_arch.py", "unet_arch")
    namespace, _ = notebook_namespace(NOTEBOOK)
    for args in [((96, 128, 3), 32, 23), ((96, 128, 3), UNET_N_FILTERS, len(SEGMENTATION_CLASSES))]:
        assert layer_summary(arch.unet_model(*args)) == layer_summary(namespace["unet_model"](*args))
    assert arch.unet_model().count_params() == 8640471


MISTAKES = mistake_cases(NOTEBOOK, "examples.mistakes.course4_unet_segmentation")


def test_reference_solutions_pass_every_test_cell(capsys):
    """Do the notebook's solutions pass the public and hidden checks (the harness below can pass)?"""
    namespace, tests = notebook_namespace(NOTEBOOK)
    for source in tests.values():
        exec(source, dict(namespace))
    assert capsys.readouterr().out.count("All tests passed.") == 3


@pytest.mark.slow
@pytest.mark.parametrize(("function", "source"), MISTAKES,
                         ids=[f"{name}-{i}" for i, (name, _) in enumerate(MISTAKES)])
def test_each_mistake_fails_its_test_cell(function, source):
    """Does putting a known mistake in place of the solution make that function's tests fail?
    (Slow: each case builds several U-Nets; the "partial" example submission of
    tests/test_course_notebooks.py covers MISTAKES in the default suite.)"""
    namespace, tests = notebook_namespace(NOTEBOOK)
    exec(source, namespace)
    with pytest.raises(Exception):  # noqa: B017 - a failed check or an error, both withdraw the points
        exec(tests[function], namespace)


# --- the shipped weights ------------------------------------------------------------------------


def test_manifest_lists_weights_and_metrics():
    """Are the weights and their training record in MANIFEST, with size, sha256 and the metric?"""
    entries = read_manifest(DATASETS)
    for relative in FILES:
        entry = entries[relative]
        path = DATASETS / relative
        assert path.stat().st_size == entry.size < 12 * 1024 * 1024
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry.sha256
        assert entry.rebuild == "python datasets/train_unet.py"
        assert "pixel accuracy" in entry.provenance and "mean IoU" in entry.provenance
    metrics = json.loads((DATASETS / FILES[1]).read_text())
    assert metrics["float16_test"]["pixel_accuracy"] >= 0.9


def test_shipped_weights_reproduce_their_metrics_on_a_slice():
    """Do the shipped float16 weights, loaded by load_unet_weights, give the recorded pixel accuracy
    and mean IoU on the first test scenes?"""
    from shared_utils.segmentation import load_unet_weights
    from shared_utils.street_scenes import load_street_scenes

    arch = load_module(DATASETS / "unet_arch.py", "unet_arch")
    metrics = json.loads((DATASETS / FILES[1]).read_text())["float16_test_slice"]
    size = int(metrics["scenes"].removeprefix("test[:").removesuffix("]"))
    test = load_street_scenes("test", DATASETS)
    model = arch.unet_model((96, 128, 3), n_filters=UNET_N_FILTERS, n_classes=len(SEGMENTATION_CLASSES))
    load_unet_weights(model, DATASETS)
    pred = model.predict(test["images"][:size].astype(np.float32) / 255.0, verbose=0).argmax(axis=-1)
    assert pixel_accuracy(test["masks"][:size], pred) == pytest.approx(metrics["pixel_accuracy"], abs=0.002)
    assert mean_iou(test["masks"][:size], pred, len(SEGMENTATION_CLASSES)) == pytest.approx(
        metrics["mean_iou"], abs=0.01)
