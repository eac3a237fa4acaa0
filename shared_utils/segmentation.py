"""Semantic segmentation helpers: metrics, mask display, and the shipped U-Net weights.

Used by the course4 U-Net notebook and by ``datasets/train_unet.py``, so that the numbers in the
training record and in the notebook are computed the same way.

- :func:`confusion_matrix`, :func:`pixel_accuracy`, :func:`iou_per_class`, :func:`mean_iou`:
  masks are integer arrays of class indices, of any (equal) shapes.
- :func:`colorize` and :func:`show_segmentation`: draw masks with one colour per class.
- :func:`load_unet_weights`: the weights of a ``unet_model(n_filters=16, n_classes=13)`` trained
  on the street scenes by ``datasets/train_unet.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from shared_utils.street_scenes import SEGMENTATION_CLASSES, SEGMENTATION_COLORS

__all__ = ["UNET_ARCHITECTURE", "colorize", "confusion_matrix", "iou_per_class", "load_unet_weights",
           "mean_iou", "pixel_accuracy", "show_segmentation"]

UNET_WEIGHTS = "unet/unet_streets_weights.h5"
UNET_WEIGHTS_FORMAT = "course4-unet-streets-float16-v1"
UNET_N_FILTERS = 16
UNET_ARCHITECTURE = (f"unet_model(input_size=(96, 128, 3), n_filters={UNET_N_FILTERS}, "
                     f"n_classes={len(SEGMENTATION_CLASSES)})")


def confusion_matrix(true: np.ndarray, pred: np.ndarray, n_classes: int) -> np.ndarray:
    """``(n_classes, n_classes)`` int64 counts: entry ``[i, j]`` = pixels of class i predicted as j."""
    true, pred = np.asarray(true).ravel().astype(np.int64), np.asarray(pred).ravel().astype(np.int64)
    if true.shape != pred.shape:
        raise ValueError(f"true and predicted masks differ in size: {true.size} vs {pred.size}")
    return np.bincount(true * n_classes + pred, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def pixel_accuracy(true: np.ndarray, pred: np.ndarray) -> float:
    """The fraction of pixels whose predicted class is the true one."""
    return float(np.mean(np.asarray(true) == np.asarray(pred)))


def iou_per_class(true: np.ndarray, pred: np.ndarray, n_classes: int) -> np.ndarray:
    """Intersection over union of each class, ``|T_c and P_c| / |T_c or P_c|``; NaN where the class
    appears in neither mask."""
    matrix = confusion_matrix(true, pred, n_classes)
    intersection = np.diag(matrix).astype(float)
    union = matrix.sum(axis=0) + matrix.sum(axis=1) - intersection
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, intersection / union, np.nan)


def mean_iou(true: np.ndarray, pred: np.ndarray, n_classes: int) -> float:
    """The mean of :func:`iou_per_class` over the classes that appear in either mask."""
    return float(np.nanmean(iou_per_class(true, pred, n_classes)))


def colorize(mask: np.ndarray, colors: np.ndarray = SEGMENTATION_COLORS) -> np.ndarray:
    """An RGB uint8 picture of a mask of class indices: ``colors[mask]``."""
    return np.asarray(colors, np.uint8)[np.asarray(mask, np.int64)]


def show_segmentation(images: np.ndarray, true_masks: np.ndarray, pred_masks: np.ndarray | None = None,
                      class_names: Sequence[str] = SEGMENTATION_CLASSES,
                      colors: np.ndarray = SEGMENTATION_COLORS, size: float = 2.6):
    """One row per image: the input, its true mask and (if given) the predicted mask, with a legend.

    Args:
        images: (N, H, W, 3) images, uint8 or floats in [0, 1].
        true_masks: (N, H, W) or (N, H, W, 1) integer class indices.
        pred_masks: the predicted masks, same shape, or None.
        class_names, colors: the name and RGB colour of each class index.
        size: height of one panel, in inches.

    Returns:
        The matplotlib figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    panels = [("input", images), ("true mask", true_masks)]
    if pred_masks is not None:
        panels.append(("predicted mask", pred_masks))
    n = len(images)
    height, width = np.asarray(images).shape[1:3]
    fig, axes = plt.subplots(n, len(panels), figsize=(len(panels) * size * width / height, n * size),
                             squeeze=False)
    for row in range(n):
        for col, (title, arrays) in enumerate(panels):
            if col == 0:
                picture = arrays[row]
            else:
                mask = np.asarray(arrays[row])
                picture = colorize(mask[..., 0] if mask.ndim == 3 else mask, colors)
            axes[row, col].imshow(picture)
            axes[row, col].set_axis_off()
            if row == 0:
                axes[row, col].set_title(title)
    shown = np.unique(np.concatenate([np.ravel(true_masks)] +
                                     ([np.ravel(pred_masks)] if pred_masks is not None else [])))
    handles = [Patch(facecolor=np.asarray(colors[c]) / 255, edgecolor="grey", linewidth=0.5,
                     label=class_names[c]) for c in shown]
    fig.legend(handles=handles, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    fig.tight_layout()
    return fig


def load_unet_weights(model, root: Path | None = None) -> Path:
    """Load the shipped U-Net weights (trained on the street scenes) into ``model``, in place.

    The file ``datasets/unet/unet_streets_weights.h5`` is made by ``datasets/train_unet.py``: the
    arrays of ``model.get_weights()`` of the assignment's
    ``unet_model(input_size=(96, 128, 3), n_filters=16, n_classes=13)``, as float16. Its sha256 is
    checked against the manifest first; arrays are matched by position, so a model with other
    layers fails, naming the first array that does not fit. ``DL_COURSE_UNET_WEIGHTS`` (and
    ``..._SHA256``) may name another Keras weights file for the same architecture.

    Returns:
        The path of the file loaded.
    """
    from shared_utils.weights import load_weights

    return load_weights(model, UNET_WEIGHTS, UNET_WEIGHTS_FORMAT, architecture=UNET_ARCHITECTURE,
                        override_env="DL_COURSE_UNET_WEIGHTS", root=root)
