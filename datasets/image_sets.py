"""The layout the image-set builders of datasets/ share (``build_faces.py``, ``build_signs.py``,
``build_happy.py``): the original assignments' h5 files, and a seeded stratified split.

Each set is two files, ``train_<name>.h5`` and ``test_<name>.h5``, holding ``<prefix>_set_x``
(m, 64, 64, 3) uint8 (gzip), ``<prefix>_set_y`` (m,) and ``list_classes``, written without
timestamps (``track_times=False``) so that a rebuild is byte-identical;
``shared_utils.datasets`` reads them back.
"""

from __future__ import annotations

from pathlib import Path

import h5py
import numpy as np


def gray_to_rgb_uint8(images: np.ndarray) -> np.ndarray:
    """Gray images (N, H, W) of floats in [0, 1] (clipped) as (N, H, W, 3) uint8, 3 equal channels."""
    pixels = np.round(np.clip(images, 0.0, 1.0) * 255).astype(np.uint8)
    return np.repeat(pixels[..., None], 3, axis=-1)


def stratified_split(images: np.ndarray, labels: np.ndarray, classes, test_per_class: int,
                     seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``test_per_class`` random images of each label of ``classes`` (in that order) for the test
    set, the others for training; each set shuffled. Everything is drawn from
    ``np.random.default_rng(seed)``.

    Returns:
        train_x, train_y, test_x, test_y.
    """
    rng = np.random.default_rng(seed)
    test_idx, train_idx = [], []
    for label in classes:
        idx = rng.permutation(np.flatnonzero(labels == label))
        test_idx.append(idx[:test_per_class])
        train_idx.append(idx[test_per_class:])
    train_idx = rng.permutation(np.concatenate(train_idx))
    test_idx = rng.permutation(np.concatenate(test_idx))
    return images[train_idx], labels[train_idx], images[test_idx], labels[test_idx]


def write_image_set(path: Path, prefix: str, x: np.ndarray, y: np.ndarray, classes: np.ndarray) -> None:
    """One h5 file: ``<prefix>_set_x`` (gzip level 9), ``<prefix>_set_y`` and ``list_classes``."""
    with h5py.File(path, "w", track_order=False) as f:
        f.create_dataset(f"{prefix}_set_x", data=x, compression="gzip", compression_opts=9,
                         track_times=False)
        f.create_dataset(f"{prefix}_set_y", data=y, track_times=False)
        f.create_dataset("list_classes", data=classes, track_times=False)


def write_train_test(out_dir: Path, name: str, classes: np.ndarray, train_x: np.ndarray,
                     train_y: np.ndarray, test_x: np.ndarray, test_y: np.ndarray) -> None:
    """``out_dir/train_<name>.h5`` and ``out_dir/test_<name>.h5`` (making ``out_dir``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    write_image_set(out_dir / f"train_{name}.h5", "train", train_x, train_y, classes)
    write_image_set(out_dir / f"test_{name}.h5", "test", test_x, test_y, classes)
