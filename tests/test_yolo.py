"""The car-detection assignment's machinery: shared_utils.yolo (helpers, detector, mAP), the shipped
detector in datasets/yolo/, datasets/train_yolo.py, and the example mistakes of the notebook."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from shared_utils.datasets import DatasetError, read_manifest
from shared_utils.yolo import (
    average_precision,
    draw_boxes,
    load_yolo_model,
    mean_average_precision,
    read_anchors,
    read_classes,
    scale_boxes,
    yolo_boxes_to_corners,
    yolo_head,
    yolo_model,
)
from tests.notebook_namespace import mistake_cases, notebook_namespace

tf = pytest.importorskip("tensorflow")

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
NOTEBOOK = ROOT / "course4/source/car_detection_yolo/car_detection_yolo.ipynb"
FILES = ("yolo/yolo_anchors.txt", "yolo/yolo_classes.txt", "yolo/yolo_streets_weights.h5",
         "yolo/yolo_streets_metrics.json")
REBUILD = "python datasets/train_yolo.py"


def train_yolo():
    spec = importlib.util.spec_from_file_location("train_yolo", DATASETS / "train_yolo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def logit(p):
    return np.log(p / (1 - p))


# --- the helpers the notebook provides -----------------------------------------------------


def test_yolo_head_places_boxes_in_their_cells():
    """Does zero raw output give centred boxes of the anchors' sizes, confidence 0.5, uniform classes?"""
    anchors = np.array([[1.0, 2.0], [3.0, 1.5]])
    xy, wh, confidence, probs = yolo_head(np.zeros((1, 3, 4, 2 * 8)), anchors, 3)
    assert xy.shape == wh.shape == (1, 3, 4, 2, 2)
    assert confidence.shape == (1, 3, 4, 2, 1) and probs.shape == (1, 3, 4, 2, 3)
    np.testing.assert_allclose(xy[0, 2, 1, 0], [(1 + 0.5) / 4, (2 + 0.5) / 3])  # column 1, row 2
    np.testing.assert_allclose(wh[0, 0, 0], anchors / [4, 3])
    np.testing.assert_allclose(confidence, 0.5)
    np.testing.assert_allclose(probs, 1 / 3, rtol=1e-6)
    flat = yolo_head(np.zeros((1, 3, 4, 2, 8)), anchors, 3)
    np.testing.assert_array_equal(flat[0], xy)


def test_corners_are_y_x_ordered_and_scaled_to_pixels():
    """Is the centre (x, y) = (0.5, 0.25), size (0.2, 0.1) the corners (y1, x1, y2, x2) in pixels?"""
    corners = yolo_boxes_to_corners(tf.constant([[0.5, 0.25]]), tf.constant([[0.2, 0.1]]))
    np.testing.assert_allclose(corners, [[0.2, 0.4, 0.3, 0.6]], rtol=1e-6)
    np.testing.assert_allclose(scale_boxes(corners, (96, 128)), [[19.2, 51.2, 28.8, 76.8]], rtol=1e-6)


def test_draw_boxes_draws_one_labelled_rectangle_per_box():
    """Does draw_boxes add a rectangle and a 'class score' label per box (class only without scores)?"""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    image = np.zeros((96, 128, 3), dtype=np.uint8)
    ax = draw_boxes(image, [0.9, 0.4], [[10, 20, 30, 60], [0, 0, 5, 5]], [1, 0], ["car", "truck"])
    assert len(ax.patches) == 2
    assert [t.get_text() for t in ax.texts] == ["truck 0.90", "car 0.40"]
    ax = draw_boxes(image, None, np.array([[10, 20, 30, 60]]), np.array([0]), ["car", "truck"])
    assert [t.get_text() for t in ax.texts] == ["car"]
    plt.close("all")


# --- mean average precision ----------------------------------------------------------------


def test_average_precision_of_known_curves():
    """Is AP 1 for a perfect ranking, the precision envelope's area otherwise?"""
    assert average_precision([0.5, 1.0], [1.0, 1.0]) == 1.0
    # hit, miss, hit on 2 true boxes: precision 1 up to recall 0.5, then 2/3 up to recall 1
    assert average_precision([0.5, 0.5, 1.0], [1.0, 0.5, 2 / 3]) == pytest.approx(0.5 + 0.5 * 2 / 3)
    # a miss first: the envelope gives precision 1/2 up to recall 1/2, 2/3 up to 1
    assert average_precision([0.0, 0.5, 1.0], [0.0, 0.5, 2 / 3]) == pytest.approx(2 / 3)
    assert average_precision([], []) == 0.0


def box_xyxy(x, y, w, h):
    return [x, y, x + w, y + h]


def test_mean_average_precision_on_hand_built_detections():
    """Are hits, misses, duplicates, wrong classes, ranking and the IoU threshold counted right?"""
    truth = [(np.array([box_xyxy(0, 0, 10, 10), box_xyxy(50, 50, 20, 10)]), np.array([0, 1])),
             (np.array([box_xyxy(5, 5, 10, 10)]), np.array([0]))]
    perfect = [(t[0], np.array([0.9, 0.8][:len(t[1])]), t[1]) for t in truth]
    mean, per_class = mean_average_precision(perfect, truth, num_classes=3)
    assert mean == 1.0 and per_class[:2].tolist() == [1.0, 1.0] and np.isnan(per_class[2])

    detections = [
        (np.array([box_xyxy(0, 0, 10, 10), box_xyxy(1, 0, 10, 10), box_xyxy(50, 50, 20, 10)]),
         np.array([0.9, 0.95, 0.7]), np.array([0, 0, 2])),  # a duplicate ranked first; wrong class
        (np.array([box_xyxy(5, 5, 10, 10)]), np.array([0.5]), np.array([0])),
    ]
    mean, per_class = mean_average_precision(detections, truth, num_classes=3)
    # class 0: the duplicate (IoU 0.82) is matched first, then the exact box is a false positive,
    # then image 1's hit: recall 1/2, 1/2, 1 at precision 1, 1/2, 2/3 -> AP = 1/2 + 1/2 * 2/3
    assert per_class[0] == pytest.approx(0.5 + 0.5 * 2 / 3)
    assert per_class[1] == 0.0  # found only as class 2
    assert np.isnan(per_class[2])  # no true box: left out of the mean
    assert mean == pytest.approx((per_class[0] + 0.0) / 2)


@pytest.mark.parametrize(("shift", "hit"), [(3.0, True), (4.0, False)])
def test_mean_average_precision_applies_the_iou_threshold(shift, hit):
    """A 10x10 box shifted by 3 px has IoU 70/130 >= 0.5 (a hit); by 4 px, 60/140 < 0.5 (a miss)."""
    truth = [(np.array([box_xyxy(0, 0, 10, 10)]), np.array([0]))]
    found = [(np.array([box_xyxy(shift, 0, 10, 10)]), np.array([0.8]), np.array([0]))]
    assert mean_average_precision(found, truth, 1)[0] == (1.0 if hit else 0.0)


def test_mean_average_precision_rejects_mismatched_image_counts():
    """Is a list of detections for another number of images refused?"""
    with pytest.raises(ValueError, match="2 images of detections, 1 of ground truth"):
        mean_average_precision([(np.zeros((0, 4)), [], [])] * 2, [(np.zeros((0, 4)), [])], 1)


# --- the training script's pieces ------------------------------------------------------------


def test_anchor_kmeans_is_seeded_and_finds_the_clusters():
    """Does k-means with 1 - IoU find three well-separated box shapes, sorted by area, reproducibly?"""
    module = train_yolo()
    rng = np.random.default_rng(0)
    shapes = np.array([[1.0, 2.0], [4.0, 2.0], [6.0, 6.0]])
    sizes = np.concatenate([s * rng.uniform(0.95, 1.05, (50, 2)) for s in shapes])
    anchors = module.kmeans_anchors(sizes, 3, seed=5)
    np.testing.assert_allclose(anchors, shapes, rtol=0.05)
    np.testing.assert_array_equal(anchors, module.kmeans_anchors(sizes, 3, seed=5))


def test_encoded_targets_decode_back_to_the_boxes():
    """Do logits made from the targets give back the true boxes through yolo_head, at the loss's minimum?"""
    module = train_yolo()
    anchors = np.array([[1.0, 1.0], [2.0, 4.0], [5.0, 3.0]], dtype=np.float32)
    boxes = -np.ones((1, 16, 5), dtype=np.float32)
    boxes[0, :3] = [[0, 10, 20, 50, 44], [2, 60, 10, 70, 40], [3, 100.5, 80, 108, 90]]
    targets = module.encode_targets(boxes, anchors, 4)
    present = targets[..., 0] == 1
    assert present.sum() == 3
    # (image, row, column, anchor) of each box's centre and best-fitting anchor, in grid order
    assert np.argwhere(present).tolist() == [[0, 3, 8, 1], [0, 4, 3, 2], [0, 10, 13, 0]]

    raw = np.full(targets.shape[:-1] + (9,), -12.0, dtype=np.float32)
    raw[..., :2] = logit(np.clip(targets[..., 1:3], 1e-6, 1 - 1e-6))
    raw[..., 2:4] = targets[..., 3:5]
    raw[..., 4] = np.where(present, 12.0, -12.0)
    raw[..., 5:] = np.where(targets[..., 6:] == 1, 12.0, -12.0)
    xy, wh, _, _ = yolo_head(raw, anchors, 4)
    corners = scale_boxes(yolo_boxes_to_corners(xy, wh), (96, 128)).numpy()[present]
    np.testing.assert_allclose(corners[:, [1, 0, 3, 2]], boxes[0, [1, 0, 2], 1:], atol=1e-3)

    # these logits minimize the loss: its gradient vanishes there
    truth, logits = module.true_corners(boxes), tf.constant(raw)
    with tf.GradientTape() as tape:
        tape.watch(logits)
        perfect = module.yolo_loss(targets, truth, logits, anchors, 4)
    assert np.abs(tape.gradient(perfect, logits)).max() < 1e-3
    assert float(perfect) < float(module.yolo_loss(targets, truth, np.zeros_like(raw), anchors, 4))


def test_flip_mirrors_images_and_boxes():
    """Does a left-right flip mirror the x coordinates and leave padding rows alone?"""
    module = train_yolo()
    images = np.arange(2 * 96 * 128 * 3, dtype=np.uint8).reshape(2, 96, 128, 3)
    boxes = -np.ones((2, 16, 5), dtype=np.float32)
    boxes[0, 0] = [1, 10, 20, 50, 44]
    flipped_images, flipped = module.flip(images, boxes)
    np.testing.assert_array_equal(flipped_images[:, :, 0], images[:, :, -1])
    np.testing.assert_array_equal(flipped[0, 0], [1, 78, 20, 118, 44])
    np.testing.assert_array_equal(flipped[0, 1:], -1)
    np.testing.assert_array_equal(flipped[1], -1)


def test_jitter_moves_boxes_with_the_image():
    """Does a shifted image keep each box on its object, cropping at the border and dropping lost ones?"""
    module = train_yolo()
    images = np.zeros((1, 96, 128, 3), dtype=np.float32)
    images[0, 40:50, 60:70] = 0.5
    boxes = -np.ones((1, 16, 5), dtype=np.float32)
    boxes[0, :2] = [[0, 60, 40, 70, 50], [2, 0, 0, 3, 8]]  # a square, and a box at the corner
    for seed in range(20):
        moved_images, moved = module.jitter(images, boxes, np.random.default_rng(seed))
        rows = moved[0][moved[0, :, 0] >= 0]
        assert rows[0, 0] == 0 and len(rows) in (1, 2)
        _, x1, y1, x2, y2 = rows[0].astype(int)
        patch = moved_images[0, y1:y2, x1:x2]
        gain = module.BRIGHTNESS
        assert np.ptp(patch) == 0 and 0.5 * (1 - gain) <= patch.mean() <= 0.5 * (1 + gain)
        assert np.all(rows[:, 1:] >= 0) and np.all(rows[:, [3, 4]] <= [128, 96])


# --- the shipped detector --------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_detector_files_are_in_the_manifest_with_matching_sha256():
    """Are the anchors, classes, weights and metrics listed with their size, sha256 and rebuild command?"""
    entries = read_manifest(DATASETS)
    for relative in FILES:
        entry = entries[relative]
        path = DATASETS / relative
        assert path.stat().st_size == entry.size, relative
        assert sha256(path) == entry.sha256, relative
        assert entry.rebuild == REBUILD and entry.provenance


def test_anchors_and_classes_match_the_street_scenes():
    """Are there 5 anchors (w, h > 0, sorted by area) and the 4 detection classes of the scenes?"""
    from shared_utils.street_scenes import DETECTION_CLASSES

    anchors = read_anchors()
    assert anchors.shape == (5, 2) and anchors.dtype == np.float32 and (anchors > 0).all()
    assert (np.diff(anchors.prod(axis=1)) > 0).all()
    assert read_classes() == list(DETECTION_CLASSES)


def test_shipped_anchors_are_the_kmeans_of_the_training_boxes():
    """Does k-means over the training boxes give back, digit for digit, the shipped anchors file?"""
    from shared_utils.street_scenes import load_street_scenes

    module = train_yolo()
    rows = module.objects(load_street_scenes("train")["boxes"])
    sizes = np.concatenate([r[:, 3:5] - r[:, 1:3] for r in rows]) / module.STRIDE
    anchors = module.kmeans_anchors(sizes, module.NUM_ANCHORS)
    text = ", ".join(f"{v:.5f}" for v in anchors.ravel()) + "\n"
    assert text == (DATASETS / "yolo/yolo_anchors.txt").read_text()


@pytest.fixture(scope="module")
def model():
    return load_yolo_model()


@pytest.fixture(scope="module")
def metrics():
    return json.loads((DATASETS / "yolo/yolo_streets_metrics.json").read_text())


def test_detector_is_small_and_reports_its_target(model, metrics):
    """A few hundred thousand parameters, a 12 x 16 grid, and a reported test mAP@0.5 of at least 0.5?"""
    assert 100_000 < model.count_params() == metrics["num_params"] < 1_000_000
    assert model.output_shape == (None, 12, 16, 5 * 9)
    assert metrics["float16_test_mAP"] >= 0.5
    assert metrics["train_seconds"] > 0 and metrics["machine"] and metrics["versions"]["tensorflow"]


def test_weights_load_as_float16_values(model):
    """Are the loaded weights exactly the file's float16 arrays, as float32?"""
    from shared_utils.weights import read_weights
    from shared_utils.yolo import WEIGHTS_FORMAT

    arrays = read_weights(DATASETS / "yolo/yolo_streets_weights.h5", WEIGHTS_FORMAT)
    for loaded, stored in zip(model.get_weights(), arrays, strict=True):
        np.testing.assert_array_equal(loaded, stored)
        np.testing.assert_array_equal(stored, stored.astype(np.float16))


def test_another_architecture_is_rejected():
    """Does a detector for 3 classes refuse the shipped weights, naming the array that differs?"""
    from shared_utils.weights import load_weights
    from shared_utils.yolo import WEIGHTS_FILE, WEIGHTS_FORMAT

    with pytest.raises(DatasetError, match=r"weight array \d+ .* shape \(1, 1, 128, 40\)"):
        load_weights(yolo_model(num_classes=3), WEIGHTS_FILE, WEIGHTS_FORMAT, architecture="yolo_model()")


def test_shipped_detector_reproduces_its_reported_map_on_a_slice(model, metrics):
    """Does the loaded detector give the mAP recorded for the first test scenes (within 0.01)?"""
    from shared_utils.street_scenes import load_street_scenes

    module = train_yolo()
    size = metrics["slice"]["scenes"]
    test = load_street_scenes("test")
    found, _ = module.evaluate(model, test["images"][:size], test["boxes"][:size], read_anchors())
    assert found == pytest.approx(metrics["slice"]["float16_test_mAP"], abs=0.01)


# --- the notebook's example mistakes --------------------------------------------------------


MISTAKES = mistake_cases(NOTEBOOK, "examples.mistakes.course4_car_detection_yolo")


def test_reference_solutions_pass_every_test_cell(capsys):
    """Do the notebook's solutions pass the public and hidden checks (the harness below can pass)?"""
    namespace, tests = notebook_namespace(NOTEBOOK)
    for source in tests.values():
        exec(source, dict(namespace))
    assert capsys.readouterr().out.count("All tests passed.") == 4


@pytest.mark.parametrize(("function", "source"), MISTAKES,
                         ids=[f"{name}-{i}" for i, (name, _) in enumerate(MISTAKES)])
def test_each_mistake_fails_its_test_cell(function, source, capsys):
    """Does putting a known mistake in place of the solution make that function's tests fail?"""
    namespace, tests = notebook_namespace(NOTEBOOK)
    exec(source, namespace)
    with pytest.raises(Exception):  # noqa: B017 - a failed check or an error, both withdraw the points
        exec(tests[function], namespace)


@pytest.mark.slow
def test_training_script_writes_its_files(tmp_path):
    """Does one epoch of datasets/train_yolo.py write the anchors, classes, weights and metrics?"""
    train_yolo().main(out_dir=tmp_path, epochs=1)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(Path(f).name for f in FILES)
    metrics = json.loads((tmp_path / "yolo_streets_metrics.json").read_text())
    assert metrics["epochs"] == 1 and len(metrics["history"]) == 1 and 0 <= metrics["float16_test_mAP"] <= 1
    assert (tmp_path / "yolo_anchors.txt").read_text() == (DATASETS / "yolo/yolo_anchors.txt").read_text()
