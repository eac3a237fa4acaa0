"""Build the "hand digits 0-5" image set that stands in for SIGNS (course2 TensorFlow, course4).

Source: scikit-learn's bundled ``datasets.load_digits()``: 1797 handwritten digits, 8x8 pixels,
gray levels 0..16 (UCI "Optical Recognition of Handwritten Digits"). Shipped inside the
scikit-learn wheel, so the build needs no network. Only the digits 0 to 5 are kept (1083 images,
177 to 183 per class), to match the 6 classes of the original SIGNS set.

Each 8x8 image is scaled to [0, 1] (divided by 16), enlarged to 64x64 by bilinear interpolation
(``skimage.transform.resize``, order 1, edge mode, no anti-aliasing since it only enlarges),
mapped to 0..255 and rounded to uint8, then repeated over 3 equal channels. The result has the
original SIGNS layout:

- ``train_signs.h5``: ``train_set_x`` (m, 64, 64, 3) uint8, ``train_set_y`` (m,) int64,
  ``list_classes`` [0, 1, 2, 3, 4, 5];
- ``test_signs.h5``: ``test_set_x``, ``test_set_y``, ``list_classes``.

The split is stratified and seeded: 20 test images per class (120, as in SIGNS), the other 963
for training (SIGNS has 1080). Written with gzip and without timestamps (``track_times=False``),
so a rebuild is byte-identical.

Run: python datasets/build_signs.py   (then update MANIFEST if the checksums changed)
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from skimage import transform
from sklearn.datasets import load_digits

sys.path.insert(0, str(Path(__file__).resolve().parent))  # datasets/, also when a test imports this file
from image_sets import gray_to_rgb_uint8, stratified_split, write_train_test  # noqa: E402

SEED = 1
NUM_PX = 64
NUM_CLASSES = 6
TEST_PER_CLASS = 20
CLASSES = np.arange(NUM_CLASSES, dtype=np.int64)


def build_images() -> tuple[np.ndarray, np.ndarray]:
    digits = load_digits()
    keep = digits.target < NUM_CLASSES
    small = digits.images[keep] / 16.0
    labels = digits.target[keep].astype(np.int64)
    resized = np.stack([transform.resize(img, (NUM_PX, NUM_PX), order=1, mode="edge",
                                         anti_aliasing=False) for img in small])
    return gray_to_rgb_uint8(resized), labels


OUT_DIR = Path(__file__).resolve().parent / "signs"


def main(out_dir: Path = OUT_DIR) -> None:
    images, labels = build_images()
    train_x, train_y, test_x, test_y = stratified_split(images, labels, CLASSES, TEST_PER_CLASS, SEED)
    write_train_test(out_dir, "signs", CLASSES, train_x, train_y, test_x, test_y)
    print(f"train {train_x.shape} per class {np.bincount(train_y).tolist()}; "
          f"test {test_x.shape} per class {np.bincount(test_y).tolist()}")


if __name__ == "__main__":
    main()
