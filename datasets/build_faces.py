"""Build the faces / non-faces image set used by course1 (logistic regression, deep network).

Source: scikit-image's bundled ``data.lfw_subset()``: 200 grayscale 25x25 crops, the first 100
faces from Labeled Faces in the Wild, the last 100 non-face patches. Shipped inside the
scikit-image wheel, so the build needs no network. Each crop is resized to 64x64 (bilinear,
anti-aliased) and repeated over 3 channels, giving the original assignment's layout:
``train_set_x`` (m, 64, 64, 3) uint8, ``train_set_y`` (m,), ``list_classes`` [b"non-face", b"face"].
The split is stratified and seeded: 150 train (75 + 75), 50 test (25 + 25).

Run: python datasets/build_faces.py   (then update MANIFEST with the printed line)
"""

from __future__ import annotations

from pathlib import Path

import h5py
import numpy as np
from skimage import data, transform

SEED = 1
NUM_PX = 64
TEST_PER_CLASS = 25
CLASSES = np.array([b"non-face", b"face"])


def build_images() -> tuple[np.ndarray, np.ndarray]:
    crops = data.lfw_subset()
    labels = np.array([1] * 100 + [0] * 100, dtype=np.int64)
    resized = np.stack([transform.resize(c, (NUM_PX, NUM_PX), order=1, anti_aliasing=True) for c in crops])
    images = np.round(np.clip(resized, 0.0, 1.0) * 255).astype(np.uint8)
    return np.repeat(images[..., None], 3, axis=-1), labels


def split(images: np.ndarray, labels: np.ndarray):
    rng = np.random.default_rng(SEED)
    test_idx, train_idx = [], []
    for label in (0, 1):
        idx = rng.permutation(np.flatnonzero(labels == label))
        test_idx.append(idx[:TEST_PER_CLASS])
        train_idx.append(idx[TEST_PER_CLASS:])
    train_idx = rng.permutation(np.concatenate(train_idx))
    test_idx = rng.permutation(np.concatenate(test_idx))
    return images[train_idx], labels[train_idx], images[test_idx], labels[test_idx]


def write(path: Path, prefix: str, x: np.ndarray, y: np.ndarray) -> None:
    with h5py.File(path, "w", track_order=False) as f:
        f.create_dataset(f"{prefix}_set_x", data=x, compression="gzip", compression_opts=9,
                         track_times=False)
        f.create_dataset(f"{prefix}_set_y", data=y, track_times=False)
        f.create_dataset("list_classes", data=CLASSES, track_times=False)


OUT_DIR = Path(__file__).resolve().parent / "faces"


def main(out_dir: Path = OUT_DIR) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    train_x, train_y, test_x, test_y = split(*build_images())
    write(out_dir / "train_faces.h5", "train", train_x, train_y)
    write(out_dir / "test_faces.h5", "test", test_x, test_y)
    print(f"train {train_x.shape} faces={int(train_y.sum())}; test {test_x.shape} faces={int(test_y.sum())}")


if __name__ == "__main__":
    main()
