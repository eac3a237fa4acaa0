"""Train the course4 YOLO-style street-scene detector and ship its weights (float16).

The "Car detection with YOLO" assignment of course4 runs a pretrained detector on road scenes and
filters its output, as the original assignment does with YOLOv2 trained on COCO. This script
makes that detector:

- data: ``shared_utils.street_scenes.load_street_scenes`` (1200 training, 300 test scenes of
  96 x 128 pixels), boxes of the 4 classes of ``DETECTION_CLASSES``;
- anchors: k-means with the distance 1 - IoU over the widths and heights of the training boxes
  (``NUM_ANCHORS`` clusters, seeded k-means++ start), in grid cells, as in YOLOv2;
- architecture: ``shared_utils.yolo.yolo_model`` (grid 12 x 16 of stride 8, 5 anchors, 9 numbers
  per anchor: t_x, t_y, t_w, t_h, t_o and 4 class scores);
- targets: each box is assigned to the cell holding its centre and to the anchor whose shape
  overlaps it best; that anchor learns ``sigmoid(t_xy)`` = the centre's offset in the cell,
  ``t_wh = log(box / anchor)``, confidence 1 and the class;
- loss (YOLOv2's, summed over the grid, averaged over the images): the errors of the centre
  (binary cross-entropy of the offsets in the cell, as in YOLOv3) and of the log-size (squared),
  weighted by ``COORD_WEIGHT`` times 2 - box area (which favours the many small boxes), binary
  cross-entropy of the confidence (weight ``OBJECT_WEIGHT`` where an object is assigned; 1
  elsewhere, except for predicted boxes that already overlap a true box by more than
  ``IGNORE_IOU``, which are left alone) and the cross-entropy of the classes;
- training: Adam with a cosine-decaying learning rate, mini-batches of ``BATCH_SIZE``, random
  horizontal flips, shifts (up to ``SHIFT`` pixels) and brightness changes (:func:`jitter`),
  ``EPOCHS`` epochs, everything seeded (``SEED``);
- evaluation: mAP@0.5 (``shared_utils.yolo.mean_average_precision``) on the test split, with the
  notebook's pipeline (``yolo_head``, score threshold, non-max suppression) at a low score
  threshold, ``EVAL_SETTINGS``; recorded every ``EVAL_EVERY`` epochs and for the float16 weights
  (also on the first ``SLICE`` test scenes, which ``tests/test_yolo.py`` checks);
- output, in ``datasets/yolo/``: ``yolo_anchors.txt`` (one line ``w1, h1, w2, h2, ...``),
  ``yolo_classes.txt`` (one class name per line), ``yolo_streets_weights.h5`` (the arrays of
  ``model.get_weights()`` as float16, ``shared_utils.weights.write_weights``) and
  ``yolo_streets_metrics.json`` (the history, the mAP and AP per class of the float16 weights,
  the seconds spent, the machine and the versions).

Runs on a CPU (a few minutes on 2 free cores; a GPU, if present, is used). Float arithmetic
differs between machines and libraries, so a rebuild gives other weight bytes and a slightly
different mAP: update ``datasets/MANIFEST`` afterwards.

Run: python datasets/train_yolo.py   (``--epochs 1 --out-dir DIR`` for a trial run; ``--help``)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # datasets/, also when a test imports this file
from training_setup import DATASETS, command_line, seed  # noqa: E402 - before Keras: quiets TensorFlow

# isort: split
import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from training_record import ship_weights, write_record  # noqa: E402

from shared_utils.street_scenes import DETECTION_CLASSES, load_street_scenes  # noqa: E402
from shared_utils.yolo import (  # noqa: E402
    INPUT_SHAPE,
    WEIGHTS_FORMAT,
    mean_average_precision,
    scale_boxes,
    yolo_boxes_to_corners,
    yolo_head,
    yolo_model,
)

SEED = 1
NUM_ANCHORS = 5
STRIDE = 8
GRID = (INPUT_SHAPE[0] // STRIDE, INPUT_SHAPE[1] // STRIDE)  # (12, 16)
BATCH_SIZE = 32
EPOCHS = 40
LEARNING_RATE = 2e-3
COORD_WEIGHT = 5.0
OBJECT_WEIGHT = 5.0
IGNORE_IOU = 0.6
SHIFT = 16
BRIGHTNESS = 0.25
EVAL_EVERY = 5
EVAL_SETTINGS = {"score_threshold": 0.05, "iou_threshold": 0.5, "max_boxes": 20}
SLICE = 50  # the first test scenes, whose mAP the tests reproduce quickly
OUT_DIR = DATASETS / "yolo"
ANCHORS_NAME = "yolo_anchors.txt"
CLASSES_NAME = "yolo_classes.txt"
WEIGHTS_NAME = "yolo_streets_weights.h5"
METRICS_NAME = "yolo_streets_metrics.json"


def objects(boxes: np.ndarray) -> list[np.ndarray]:
    """Per image, the (k, 5) rows ``[class_id, x1, y1, x2, y2]`` of its objects (padding dropped)."""
    return [b[b[:, 0] >= 0] for b in boxes]


def shape_iou(wh: np.ndarray, anchors: np.ndarray) -> np.ndarray:
    """IoU of boxes (n, 2) with anchors (k, 2) when both are centred at the same point."""
    inter = np.minimum(wh[:, None, 0], anchors[None, :, 0]) * np.minimum(wh[:, None, 1], anchors[None, :, 1])
    union = wh[:, None, 0] * wh[:, None, 1] + anchors[None, :, 0] * anchors[None, :, 1] - inter
    return inter / union


def kmeans_anchors(wh: np.ndarray, k: int, seed: int = SEED, iterations: int = 100) -> np.ndarray:
    """k-means over box sizes with the distance 1 - IoU; returns (k, 2) sorted by area."""
    rng = np.random.default_rng(seed)
    centres = [wh[rng.integers(len(wh))]]
    while len(centres) < k:  # k-means++: far boxes (low IoU) are likelier next centres
        distance = 1 - shape_iou(wh, np.array(centres)).max(axis=1)
        centres.append(wh[rng.choice(len(wh), p=distance**2 / np.sum(distance**2))])
    centres = np.array(centres)
    for _ in range(iterations):
        nearest = shape_iou(wh, centres).argmax(axis=1)
        updated = np.array([np.median(wh[nearest == j], axis=0) if np.any(nearest == j) else centres[j]
                            for j in range(k)])
        if np.allclose(updated, centres):
            break
        centres = updated
    return centres[np.argsort(centres.prod(axis=1))]


def encode_targets(boxes: np.ndarray, anchors: np.ndarray, num_classes: int) -> np.ndarray:
    """Training targets (N, GH, GW, A, 6 + C): ``[object, x, y, t_w, t_h, scale, one-hot class]``.

    ``x, y`` is the centre's offset in its cell (in [0, 1)), ``t_w, t_h`` the log of the box size
    over the anchor's, ``scale`` the weight 2 - (box area / image area) of the coordinate errors.
    """
    grid_h, grid_w = GRID
    targets = np.zeros((len(boxes), grid_h, grid_w, len(anchors), 6 + num_classes), dtype=np.float32)
    for n, rows in enumerate(objects(boxes)):
        for c, x1, y1, x2, y2 in rows:
            wh = np.array([(x2 - x1) / STRIDE, (y2 - y1) / STRIDE])
            cx, cy = (x1 + x2) / 2 / STRIDE, (y1 + y2) / 2 / STRIDE
            col, row = min(int(cx), grid_w - 1), min(int(cy), grid_h - 1)
            a = int(shape_iou(wh[None], anchors)[0].argmax())
            area = wh[0] * wh[1] / (grid_h * grid_w)
            targets[n, row, col, a, :6] = [1, cx - col, cy - row, *np.log(wh / anchors[a]), 2 - area]
            targets[n, row, col, a, 6:] = np.eye(num_classes)[int(c)]
    return targets


def true_corners(boxes: np.ndarray) -> np.ndarray:
    """(N, MAX_OBJECTS, 4) true corners ``(y1, x1, y2, x2)`` as fractions of the image; padding 0."""
    height, width = INPUT_SHAPE[:2]
    corners = boxes[..., [2, 1, 4, 3]] / np.array([height, width, height, width], dtype=np.float32)
    return np.where(boxes[..., :1] >= 0, corners, 0).astype(np.float32)


def flip(images: np.ndarray, boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mirror images and their boxes left-right."""
    flipped = boxes.copy()
    valid = boxes[..., 0] >= 0
    flipped[..., 1] = np.where(valid, INPUT_SHAPE[1] - boxes[..., 3], -1)
    flipped[..., 3] = np.where(valid, INPUT_SHAPE[1] - boxes[..., 1], -1)
    return images[:, :, ::-1], flipped


def jitter(images: np.ndarray, boxes: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Shift each image by up to ``SHIFT`` pixels (edge pixels fill the border) and scale its
    brightness by up to ``BRIGHTNESS``; the boxes follow, cropped by the border, and a box that
    keeps less than half its area (or under 2 pixels of width or height) is dropped."""
    height, width = INPUT_SHAPE[:2]
    padded = np.pad(images, ((0, 0), (SHIFT, SHIFT), (SHIFT, SHIFT), (0, 0)), mode="edge")
    out_images, out_boxes = np.empty_like(images), -np.ones_like(boxes)
    for n, rows in enumerate(objects(boxes)):
        dy, dx = rng.integers(-SHIFT, SHIFT + 1, size=2)
        gain = rng.uniform(1 - BRIGHTNESS, 1 + BRIGHTNESS)
        window = padded[n, SHIFT - dy:SHIFT - dy + height, SHIFT - dx:SHIFT - dx + width]
        out_images[n] = np.clip(window * gain, 0, 1)
        moved = rows + np.array([0, dx, dy, dx, dy], dtype=np.float32)
        moved[:, 1:] = np.clip(moved[:, 1:], 0, [width, height, width, height])
        sides, old_sides = moved[:, 3:5] - moved[:, 1:3], rows[:, 3:5] - rows[:, 1:3]
        kept = moved[(sides.min(axis=1) >= 2) & (sides.prod(axis=1) >= 0.5 * old_sides.prod(axis=1))]
        out_boxes[n, :len(kept)] = kept
    return out_images, out_boxes


def corner_iou(a, b):
    """IoU of corners (y1, x1, y2, x2): a (m, n, 4) against b (m, k, 4) -> (m, n, k)."""
    lo = tf.maximum(a[:, :, None, :2], b[:, None, :, :2])
    hi = tf.minimum(a[:, :, None, 2:], b[:, None, :, 2:])
    inter = tf.reduce_prod(tf.maximum(hi - lo, 0.0), axis=-1)
    area_a = tf.reduce_prod(a[..., 2:] - a[..., :2], axis=-1)
    area_b = tf.reduce_prod(b[..., 2:] - b[..., :2], axis=-1)
    return inter / tf.maximum(area_a[:, :, None] + area_b[:, None, :] - inter, 1e-9)


def yolo_loss(targets, corners, raw, anchors: np.ndarray, num_classes: int):
    """YOLOv2's loss of a batch: see the module docstring. ``corners``: :func:`true_corners`."""
    grid_h, grid_w = GRID
    raw = tf.reshape(raw, [-1, grid_h, grid_w, len(anchors), 5 + num_classes])
    present, scale = targets[..., 0], targets[..., 5]
    xy_error = tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(labels=targets[..., 1:3],
                                                                     logits=raw[..., 0:2]), axis=-1)
    wh_error = tf.reduce_sum(tf.square(raw[..., 2:4] - targets[..., 3:5]), axis=-1)
    box_loss = COORD_WEIGHT * present * scale * (xy_error + wh_error)

    box_xy, box_wh, _, _ = yolo_head(raw, anchors, num_classes)
    predicted = tf.reshape(yolo_boxes_to_corners(box_xy, box_wh), [tf.shape(raw)[0], -1, 4])
    best = tf.reshape(tf.reduce_max(corner_iou(predicted, corners), axis=-1), tf.shape(present))
    background = (1 - present) * tf.cast(best < IGNORE_IOU, tf.float32)
    confidence = tf.nn.sigmoid_cross_entropy_with_logits(labels=present, logits=raw[..., 4])
    confidence_loss = (OBJECT_WEIGHT * present + background) * confidence

    class_loss = present * tf.nn.softmax_cross_entropy_with_logits(labels=targets[..., 6:],
                                                                   logits=raw[..., 5:])
    total = box_loss + confidence_loss + class_loss
    return tf.reduce_mean(tf.reduce_sum(total, axis=[1, 2, 3]))


def detect(raw: np.ndarray, anchors: np.ndarray, num_classes: int, *, score_threshold: float,
           iou_threshold: float, max_boxes: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Per image, ``(boxes (n, 4) as (x1, y1, x2, y2) pixels, scores (n,), classes (n,))``.

    The notebook's pipeline, written once more here: ``yolo_head``, corners, scores = confidence
    x class probability, the best class per box, a score threshold, scaling to pixels and
    non-max suppression over all classes at once.
    """
    box_xy, box_wh, confidence, class_probs = yolo_head(raw, anchors, num_classes)
    boxes = scale_boxes(yolo_boxes_to_corners(box_xy, box_wh), INPUT_SHAPE[:2])
    scores = confidence * class_probs
    found = []
    for i in range(len(raw)):
        best_scores = tf.reshape(tf.reduce_max(scores[i], axis=-1), [-1])
        best_classes = tf.reshape(tf.argmax(scores[i], axis=-1), [-1])
        keep = best_scores >= score_threshold
        image_boxes = tf.boolean_mask(tf.reshape(boxes[i], [-1, 4]), keep)
        image_scores = tf.boolean_mask(best_scores, keep)
        picked = tf.image.non_max_suppression(image_boxes, image_scores, max_boxes, iou_threshold)
        picked_boxes = tf.gather(image_boxes, picked).numpy()
        found.append((picked_boxes[:, [1, 0, 3, 2]], tf.gather(image_scores, picked).numpy(),
                      tf.gather(tf.boolean_mask(best_classes, keep), picked).numpy()))
    return found


def evaluate(model, images: np.ndarray, boxes: np.ndarray, anchors: np.ndarray) -> tuple[float, np.ndarray]:
    """mAP@0.5 and AP per class of ``model`` on the images, with ``EVAL_SETTINGS``."""
    raw = model.predict(images.astype(np.float32) / 255.0, batch_size=100, verbose=0)
    detections = detect(raw, anchors, len(DETECTION_CLASSES), **EVAL_SETTINGS)
    truth = [(rows[:, 1:], rows[:, 0].astype(int)) for rows in objects(boxes)]
    return mean_average_precision(detections, truth, len(DETECTION_CLASSES), iou_threshold=0.5)


def main(out_dir: Path = OUT_DIR, epochs: int = EPOCHS) -> None:
    rng = seed(SEED)
    train, test = load_street_scenes("train"), load_street_scenes("test")
    num_classes = len(DETECTION_CLASSES)

    sizes = np.concatenate([rows[:, 3:5] - rows[:, 1:3] for rows in objects(train["boxes"])]) / STRIDE
    anchors = kmeans_anchors(sizes, NUM_ANCHORS)
    mean_iou = float(shape_iou(sizes, anchors).max(axis=1).mean())

    # both orientations of every image; each epoch picks one per image at random, then jitters it
    flipped_images, flipped_boxes = flip(train["images"], train["boxes"])
    images = np.stack([train["images"], flipped_images]).astype(np.float32) / 255.0
    boxes = np.stack([train["boxes"], flipped_boxes])

    model = yolo_model(INPUT_SHAPE, NUM_ANCHORS, num_classes)
    steps = epochs * int(np.ceil(len(train["images"]) / BATCH_SIZE))
    schedule = keras.optimizers.schedules.CosineDecay(LEARNING_RATE, steps, alpha=0.01)
    optimizer = keras.optimizers.Adam(schedule)

    @tf.function
    def train_step(x, y, c):
        with tf.GradientTape() as tape:
            loss = yolo_loss(y, c, model(x, training=True), anchors, num_classes)
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables),
                                      model.trainable_variables, strict=True))
        return loss

    start = time.perf_counter()
    history = []
    m = len(train["images"])
    for epoch in range(epochs):
        order, side = rng.permutation(m), rng.integers(0, 2, m)
        losses = []
        for first in range(0, m, BATCH_SIZE):
            batch = order[first:first + BATCH_SIZE]
            x, b = jitter(images[side[batch], batch], boxes[side[batch], batch], rng)
            losses.append(float(train_step(x, encode_targets(b, anchors, num_classes), true_corners(b))))
        row = {"epoch": epoch + 1, "loss": round(float(np.mean(losses)), 4),
               "seconds": round(time.perf_counter() - start, 1)}
        if (epoch + 1) % EVAL_EVERY == 0 or epoch + 1 == epochs:
            row["test_mAP"] = round(evaluate(model, test["images"], test["boxes"], anchors)[0], 4)
        history.append(row)
        print(json.dumps(row), flush=True)
    train_seconds = time.perf_counter() - start

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / ANCHORS_NAME).write_text(", ".join(f"{v:.5f}" for v in anchors.ravel()) + "\n")
    (out_dir / CLASSES_NAME).write_text("".join(f"{name}\n" for name in DETECTION_CLASSES))
    weights_path = ship_weights(model, out_dir / WEIGHTS_NAME, WEIGHTS_FORMAT,
                                f"shared_utils.yolo.yolo_model({INPUT_SHAPE}, {NUM_ANCHORS}, {num_classes})")
    # The metrics reported are those of the float16 weights and rounded anchors, as shipped.
    shipped_anchors = np.array([float(v) for v in (out_dir / ANCHORS_NAME).read_text().split(",")],
                               dtype=np.float32).reshape(-1, 2)
    test_map, test_ap = evaluate(model, test["images"], test["boxes"], shipped_anchors)
    train_map, _ = evaluate(model, train["images"], train["boxes"], shipped_anchors)
    slice_map, _ = evaluate(model, test["images"][:SLICE], test["boxes"][:SLICE], shipped_anchors)
    metrics = {
        "architecture": f"shared_utils.yolo.yolo_model({INPUT_SHAPE}, {NUM_ANCHORS}, {num_classes})",
        "grid": list(GRID),
        "num_params": model.count_params(),
        "anchors": shipped_anchors.tolist(),
        "anchors_mean_best_iou": round(mean_iou, 4),
        "classes": list(DETECTION_CLASSES),
        "data": f"load_street_scenes(): {m} train / {len(test['images'])} test scenes, pixels / 255, "
                f"random horizontal flips, shifts of up to {SHIFT} px and brightness gains of up to "
                f"{BRIGHTNESS:.0%}",
        "optimizer": f"Adam, cosine decay from {LEARNING_RATE} to {LEARNING_RATE / 100} over {steps} steps",
        "loss_weights": {"coordinates": COORD_WEIGHT, "object": OBJECT_WEIGHT, "ignore_iou": IGNORE_IOU},
        "batch_size": BATCH_SIZE,
        "epochs": epochs,
        "seed": SEED,
        "evaluation": {"metric": "mAP@0.5 (VOC all-point AP, mean over classes)", **EVAL_SETTINGS},
        "train_seconds": round(train_seconds, 1),
        "float16_test_mAP": round(test_map, 4),
        "float16_test_AP_per_class": {n: round(float(a), 4) for n, a in zip(DETECTION_CLASSES, test_ap,
                                                                             strict=True)},
        "float16_train_mAP": round(train_map, 4),
        "slice": {"scenes": SLICE, "float16_test_mAP": round(slice_map, 4)},
        "history": history,
    }
    write_record(out_dir / METRICS_NAME, metrics, weights_path)


if __name__ == "__main__":
    parser = command_line(__doc__, OUT_DIR)
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="epochs to train")
    main(**vars(parser.parse_args()))
