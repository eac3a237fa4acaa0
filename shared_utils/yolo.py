"""YOLO-style detection: the helpers the car-detection assignment provides, the course's detector,
and the mean average precision that measures it.

The detector (:func:`yolo_model`) sees a 96 x 128 street scene and divides it into a grid of
cells (12 x 16, one cell per 8 x 8 pixels). For each cell and each of A *anchor boxes* (typical
box shapes, found by k-means over the training boxes) it outputs 5 + C numbers, in the layout of
YOLOv2 (Redmon & Farhadi, 2016):

- ``t_x, t_y``: the box centre inside the cell, ``sigmoid(t)`` in [0, 1];
- ``t_w, t_h``: the box size relative to the anchor, ``anchor * exp(t)``;
- ``t_o``: the box confidence (is there an object?), ``sigmoid(t_o)``;
- C class scores, turned into class probabilities by a softmax.

:func:`yolo_head` applies those transforms and gives box centres and sizes as fractions of the
image; :func:`yolo_boxes_to_corners` and :func:`scale_boxes` turn them into pixel corners in the
order ``(y1, x1, y2, x2)`` that ``tf.image.non_max_suppression`` expects, as in the original
assignment. Ground-truth boxes of the street scenes, and :func:`mean_average_precision`, use
``(x1, y1, x2, y2)``.

The weights are trained by ``datasets/train_yolo.py`` and loaded by :func:`load_yolo_model`;
set ``DL_COURSE_YOLO_WEIGHTS`` (and ``DL_COURSE_YOLO_WEIGHTS_SHA256``) to use another weights file
for the same architecture (see ``shared_utils.weights``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from shared_utils.datasets import verified_path

__all__ = [
    "ANCHORS_FILE", "CLASSES_FILE", "WEIGHTS_FILE", "WEIGHTS_FORMAT", "average_precision", "draw_boxes",
    "load_yolo_model", "mean_average_precision", "read_anchors", "read_classes", "scale_boxes",
    "yolo_boxes_to_corners", "yolo_head", "yolo_model",
]

ANCHORS_FILE = "yolo/yolo_anchors.txt"
CLASSES_FILE = "yolo/yolo_classes.txt"
WEIGHTS_FILE = "yolo/yolo_streets_weights.h5"
WEIGHTS_FORMAT = "course4-yolo-streets-float16-v1"
INPUT_SHAPE = (96, 128, 3)


def read_classes(root: Path | None = None) -> list[str]:
    """The detector's class names, one per line of ``datasets/yolo/yolo_classes.txt``."""
    return verified_path(CLASSES_FILE, root).read_text().split("\n")[:-1]


def read_anchors(root: Path | None = None) -> np.ndarray:
    """The anchor boxes, shape (A, 2): width and height of each, in grid cells.

    The file holds one line ``w1, h1, w2, h2, ...``, like the original ``yolo_anchors.txt``.
    """
    text = verified_path(ANCHORS_FILE, root).read_text()
    return np.array([float(v) for v in text.split(",")], dtype=np.float32).reshape(-1, 2)


def yolo_model(input_shape: tuple[int, int, int] = INPUT_SHAPE, num_anchors: int = 5,
               num_classes: int = 4):
    """The course's small YOLO-style detector (Keras functional model).

    Darknet-style blocks (3 x 3 convolution, batch normalization with momentum 0.9, so that its
    moving averages keep up with a short training, leaky ReLU) with three 2 x 2 max
    poolings take the image to a grid of stride 8; two more blocks, one with a dilated convolution
    to see whole cars, then YOLOv2's *passthrough*: the stride-4 features, cut into 2 x 2 blocks
    stacked along the channels (space to depth), join the stride-8 ones, so that the small and
    distant objects keep their detail. A last block and a 1 x 1 convolution give
    ``num_anchors * (5 + num_classes)`` raw numbers per cell.

    Returns:
        model: input (m, H, W, 3) floats in [0, 1], output (m, H/8, W/8, A * (5 + C)).
    """
    import keras
    from keras import layers

    def block(x, filters: int, kernel: int = 3, dilation: int = 1):
        x = layers.Conv2D(filters, kernel, padding="same", dilation_rate=dilation, use_bias=False)(x)
        x = layers.BatchNormalization(momentum=0.9)(x)
        return layers.LeakyReLU(negative_slope=0.1)(x)

    def space_to_depth(x):
        h, w, c = x.shape[1:]
        x = layers.Reshape((h // 2, 2, w // 2, 2, c))(x)
        x = layers.Permute((1, 3, 2, 4, 5))(x)
        return layers.Reshape((h // 2, w // 2, 4 * c))(x)

    inputs = keras.Input(input_shape)
    x = layers.MaxPooling2D(2)(block(inputs, 16))
    x = layers.MaxPooling2D(2)(block(x, 32))
    fine = block(x, 64)
    x = layers.MaxPooling2D(2)(fine)
    x = block(x, 128)
    x = block(x, 64, kernel=1)
    x = block(x, 128, dilation=2)
    x = layers.Concatenate()([x, space_to_depth(block(fine, 16, kernel=1))])
    x = block(x, 128)
    outputs = layers.Conv2D(num_anchors * (5 + num_classes), 1, padding="same")(x)
    return keras.Model(inputs, outputs, name="yolo_streets")


def load_yolo_model(root: Path | None = None):
    """The detector with the shipped weights (checked against ``datasets/MANIFEST``)."""
    from shared_utils.weights import load_weights

    model = yolo_model(INPUT_SHAPE, len(read_anchors(root)), len(read_classes(root)))
    load_weights(model, WEIGHTS_FILE, WEIGHTS_FORMAT,
                 architecture="shared_utils.yolo.yolo_model() with the shipped anchors and classes",
                 override_env="DL_COURSE_YOLO_WEIGHTS", root=root)
    return model


def yolo_head(feats, anchors: np.ndarray, num_classes: int):
    """Turn the detector's raw output into boxes, confidences and class probabilities.

    Args:
        feats: raw output, shape (m, GH, GW, A * (5 + C)) or (m, GH, GW, A, 5 + C).
        anchors: (A, 2) anchor widths and heights, in grid cells.
        num_classes: C.

    Returns:
        box_xy: (m, GH, GW, A, 2) box centres (x, y), as fractions of the image width and height.
        box_wh: (m, GH, GW, A, 2) box widths and heights, as fractions of the image.
        box_confidence: (m, GH, GW, A, 1) probability that the box holds an object.
        box_class_probs: (m, GH, GW, A, C) class probabilities given an object.
    """
    import tensorflow as tf

    anchors = np.asarray(anchors, dtype=np.float32)
    feats = tf.convert_to_tensor(feats, dtype=tf.float32)
    grid_h, grid_w = feats.shape[1], feats.shape[2]
    feats = tf.reshape(feats, [-1, grid_h, grid_w, len(anchors), 5 + num_classes])
    cols, rows = np.meshgrid(np.arange(grid_w), np.arange(grid_h))
    cell = np.stack([cols, rows], axis=-1)[None, :, :, None, :].astype(np.float32)  # (1, GH, GW, 1, 2)
    grid = np.array([grid_w, grid_h], dtype=np.float32)
    box_xy = (tf.sigmoid(feats[..., 0:2]) + cell) / grid
    box_wh = tf.exp(feats[..., 2:4]) * anchors / grid
    box_confidence = tf.sigmoid(feats[..., 4:5])
    box_class_probs = tf.nn.softmax(feats[..., 5:], axis=-1)
    return box_xy, box_wh, box_confidence, box_class_probs


def yolo_boxes_to_corners(box_xy, box_wh):
    """Boxes given by centre and size -> corners ``(y1, x1, y2, x2)``, on the same scale.

    Args:
        box_xy: (..., 2) centres (x, y). box_wh: (..., 2) widths and heights.

    Returns:
        boxes: (..., 4) ``[y_min, x_min, y_max, x_max]``, the order of ``tf.image.non_max_suppression``.
    """
    import tensorflow as tf

    box_mins = box_xy - box_wh / 2.0
    box_maxes = box_xy + box_wh / 2.0
    return tf.concat([box_mins[..., 1:2], box_mins[..., 0:1], box_maxes[..., 1:2], box_maxes[..., 0:1]],
                     axis=-1)


def scale_boxes(boxes, image_shape: Sequence[float]):
    """Scale corners ``(y1, x1, y2, x2)`` given as fractions of the image to pixels.

    Args:
        boxes: (..., 4) corners in [0, 1] (about). image_shape: (height, width) of the image.
    """
    import tensorflow as tf

    height, width = float(image_shape[0]), float(image_shape[1])
    return boxes * tf.constant([height, width, height, width], dtype=boxes.dtype)


def draw_boxes(image: np.ndarray, scores, boxes, classes, class_names: Sequence[str], *, ax=None,
               title: str | None = None):
    """Show ``image`` with its boxes, each labelled with its class name and score.

    Args:
        image: (H, W, 3) uint8 or floats in [0, 1].
        scores: (n,) box scores, or None (true boxes: the labels give the class only).
        boxes: (n, 4) pixel corners ``(y1, x1, y2, x2)``.
        classes: (n,) class indices into ``class_names``.
        ax: the matplotlib axes to draw on (default: a new figure).

    Returns:
        ax: the axes, with one rectangle patch per box.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4.5))
    ax.imshow(image)
    colors = plt.get_cmap("tab10")
    boxes, classes = np.asarray(boxes).reshape(-1, 4), np.asarray(classes).reshape(-1)
    scores = [None] * len(boxes) if scores is None else np.asarray(scores).reshape(-1)
    for score, (y1, x1, y2, x2), c in zip(scores, boxes, classes, strict=True):
        color = colors(int(c) % 10)
        label = class_names[int(c)] if score is None else f"{class_names[int(c)]} {score:.2f}"
        ax.add_patch(Rectangle((x1, y1), x2 - x1, y2 - y1, fill=False, edgecolor=color, linewidth=2))
        ax.text(x1, y1, label, color="white", fontsize=8,
                verticalalignment="bottom", bbox={"facecolor": color, "pad": 1, "linewidth": 0})
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    return ax


def average_precision(recall: np.ndarray, precision: np.ndarray) -> float:
    """Area under the precision-recall curve, with precision made non-increasing (VOC 2010+).

    Args:
        recall: (n,) recall after each detection, sorted by decreasing score (non-decreasing).
        precision: (n,) precision after each detection.
    """
    recall = np.concatenate([[0.0], np.asarray(recall, dtype=float), [1.0]])
    precision = np.concatenate([[0.0], np.asarray(precision, dtype=float), [0.0]])
    # the best precision reachable at this recall or beyond
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    steps = np.flatnonzero(recall[1:] != recall[:-1])
    return float(np.sum((recall[steps + 1] - recall[steps]) * precision[steps + 1]))


def _pairwise_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """IoU of every box of ``a`` (n, 4) with every box of ``b`` (k, 4), corners (x1, y1, x2, y2)."""
    lo = np.maximum(a[:, None, :2], b[None, :, :2])
    hi = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.prod(np.clip(hi - lo, 0, None), axis=-1)
    area_a = np.prod(a[:, 2:] - a[:, :2], axis=-1)
    area_b = np.prod(b[:, 2:] - b[:, :2], axis=-1)
    return inter / np.maximum(area_a[:, None] + area_b[None, :] - inter, 1e-12)


def mean_average_precision(
    detections: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]],
    ground_truth: Sequence[tuple[np.ndarray, np.ndarray]],
    num_classes: int,
    iou_threshold: float = 0.5,
) -> tuple[float, np.ndarray]:
    """Mean average precision (mAP) of detections over a set of images, as in PASCAL VOC.

    For each class, the detections of all images are sorted by decreasing score; a detection is a
    true positive when its IoU with a not-yet-matched ground-truth box of its class in its image is
    at least ``iou_threshold`` (the best-overlapping such box is matched), else a false positive.
    The class's AP is :func:`average_precision` of the resulting curve; the mAP is the mean over
    the classes that have ground-truth boxes.

    Args:
        detections: per image, ``(boxes (n, 4), scores (n,), classes (n,))`` with corners
            ``(x1, y1, x2, y2)`` in pixels.
        ground_truth: per image, ``(boxes (k, 4), classes (k,))``, same corner order.
        num_classes: C.
        iou_threshold: the overlap that counts as a hit.

    Returns:
        mAP: float. ap: (C,) average precision per class (NaN for a class without ground truth).
    """
    if len(detections) != len(ground_truth):
        raise ValueError(f"{len(detections)} images of detections, {len(ground_truth)} of ground truth")
    ap = np.full(num_classes, np.nan)
    for c in range(num_classes):
        truths = [np.asarray(b, dtype=float).reshape(-1, 4)[np.asarray(k) == c] for b, k in ground_truth]
        total = sum(len(t) for t in truths)
        if total == 0:
            continue
        found = []  # (score, image, box)
        for i, (boxes, scores, classes) in enumerate(detections):
            mine = np.asarray(classes).reshape(-1) == c
            boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)[mine]
            scores = np.asarray(scores, dtype=float).reshape(-1)[mine]
            found += [(float(score), i, box) for score, box in zip(scores, boxes, strict=True)]
        found.sort(key=lambda item: -item[0])  # stable: ties keep image order
        matched = [np.zeros(len(t), dtype=bool) for t in truths]
        hits = np.zeros(len(found), dtype=bool)
        for j, (_, i, box) in enumerate(found):
            if len(truths[i]) == 0:
                continue
            overlaps = _pairwise_iou(box[None], truths[i])[0]
            overlaps[matched[i]] = -1.0
            best = int(np.argmax(overlaps))
            if overlaps[best] >= iou_threshold:
                matched[i][best] = hits[j] = True
        true_positives = np.cumsum(hits)
        recall = true_positives / total
        precision = true_positives / np.arange(1, len(found) + 1)
        ap[c] = average_precision(recall, precision)
    return float(np.nanmean(ap)), ap
