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

import sys
from pathlib import Path

import numpy as np
from skimage import data, transform

sys.path.insert(0, str(Path(__file__).resolve().parent))  # datasets/, also when a test imports this file
from image_sets import gray_to_rgb_uint8, stratified_split, write_train_test  # noqa: E402

SEED = 1
NUM_PX = 64
TEST_PER_CLASS = 25
CLASSES = np.array([b"non-face", b"face"])


def build_images() -> tuple[np.ndarray, np.ndarray]:
    crops = data.lfw_subset()
    labels = np.array([1] * 100 + [0] * 100, dtype=np.int64)
    resized = np.stack([transform.resize(c, (NUM_PX, NUM_PX), order=1, anti_aliasing=True) for c in crops])
    return gray_to_rgb_uint8(resized), labels


OUT_DIR = Path(__file__).resolve().parent / "faces"


def main(out_dir: Path = OUT_DIR) -> None:
    images, labels = build_images()
    train_x, train_y, test_x, test_y = stratified_split(images, labels, (0, 1), TEST_PER_CLASS, SEED)
    write_train_test(out_dir, "faces", CLASSES, train_x, train_y, test_x, test_y)
    print(f"train {train_x.shape} faces={int(train_y.sum())}; test {test_x.shape} faces={int(test_y.sum())}")


if __name__ == "__main__":
    main()
