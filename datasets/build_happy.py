"""Build the "Happy House" image set: faces with a smiling or a not-smiling mouth (course4).

The original assignment's set holds 600 + 150 photos of people who smile or do not. We have no
labelled smiles, so in this set the faces are real and the mouths (hence the labels) are drawn:

**Real**: the faces. scikit-image's bundled ``data.lfw_subset()`` holds 100 grayscale 25x25
crops of faces from Labeled Faces in the Wild (its other 100 crops are non-faces and are not
used). It ships inside the scikit-image wheel, so the build needs no network. Each face is
resized to 64x64 (bilinear, anti-aliased).

**Drawn**: the mouths, and therefore the labels. In each image the face's own mouth region (an
ellipse around row 48, column 32) is blurred away (Gaussian, sigma 3, soft-edged mask), so that
the expression of the real person does not matter, and a mouth is drawn there instead: lips
2.5 to 4 px thick in the middle, meeting at the corners, along a parabola whose middle sags
below (or rises above) its corners by ``sag`` px:

- label 1, *smiling*: corners up, sag 3.5 to 7 px; 60 % of the smiles are open grins, with a
  light "teeth" region between the lips;
- label 0, *not smiling*: a neutral mouth (sag -1 to 0.5 px) or, in 40 % of cases, a frown
  (corners down, sag -7 to -3 px).

Each mouth has a random center (row 48, column 32, +-1.5 px), half-width (9 to 13 px), tilt,
thickness, lip color and opacity, and is drawn anti-aliased. The gray face is tinted with a
random skin tone (its gray levels multiplied by an RGB factor), so the images are RGB, but the
color carries no information about the label.

**Augmentations**, applied to the whole picture after the mouth is drawn: a random rotation
(+-6 degrees), scaling (0.95 to 1.05) and shift (+-2 px), a horizontal flip half of the time
(which does not change the expression), a brightness factor (0.92 to 1.08) and Gaussian noise
(standard deviation up to 0.03).

**Split by person**: 75 of the faces appear only in the training set (8 times each, 4 smiling
and 4 not: 600 images) and the other 25 only in the test set (6 times each, 3 and 3: 150
images), each time with a different mouth and augmentation. A test image never shows a person
seen during training, and since every face carries both labels equally often, who the person is
says nothing about the label. Everything is drawn from ``np.random.default_rng(SEED)``.

Layout of the original files:

- ``train_happy.h5``: ``train_set_x`` (600, 64, 64, 3) uint8, ``train_set_y`` (600,) int64,
  ``list_classes`` [b"not smiling", b"smiling"];
- ``test_happy.h5``: ``test_set_x`` (150, 64, 64, 3), ``test_set_y`` (150,), ``list_classes``.

Written with gzip and without timestamps (``track_times=False``), so a rebuild is byte-identical.

Run: python datasets/build_happy.py   (then update MANIFEST if the checksums changed)
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from skimage import data, filters, transform

sys.path.insert(0, str(Path(__file__).resolve().parent))  # datasets/, also when a test imports this file
from image_sets import write_train_test  # noqa: E402

SEED = 1
NUM_PX = 64
NUM_FACES = 100
TEST_FACES = 25
TRAIN_PER_FACE, TEST_PER_FACE = 8, 6  # 75 faces x 8 = 600 training images, 25 x 6 = 150 test images
CLASSES = np.array([b"not smiling", b"smiling"])
MOUTH_ROW, MOUTH_COL = 48.0, 32.0
GRIN = 0.6  # the fraction of smiles drawn as open grins

ROWS, COLS = np.mgrid[0:NUM_PX, 0:NUM_PX].astype(float)


def load_faces() -> np.ndarray:
    """The 100 real LFW faces, as (100, 64, 64) floats in [0, 1]."""
    crops = data.lfw_subset()[:NUM_FACES]
    faces = [transform.resize(c, (NUM_PX, NUM_PX), order=1, anti_aliasing=True) for c in crops]
    return np.clip(np.stack(faces), 0.0, 1.0)


def erase_mouth(face: np.ndarray) -> np.ndarray:
    """Blur the real mouth away under a soft elliptical mask."""
    blurred = filters.gaussian(face, sigma=3.0, mode="nearest", preserve_range=True)
    ellipse = ((ROWS - MOUTH_ROW) / 7.5) ** 2 + ((COLS - MOUTH_COL) / 14.0) ** 2
    mask = np.clip((1.6 - ellipse) / 0.8, 0.0, 1.0)
    return face * (1 - mask) + blurred * mask


def curve(cy: float, cx: float, half_width: float, sag: float, tilt: float,
          n: int = 80) -> tuple[np.ndarray, np.ndarray]:
    """Points of the curve y = cy + sag (1 - t^2) + tilt t, x = cx + half_width t, t in [-1, 1]."""
    t = np.linspace(-1.0, 1.0, n)
    return cy + sag * (1 - t**2) + tilt * t, cx + half_width * t


def stroke(ys: np.ndarray, xs: np.ndarray, thickness: float) -> np.ndarray:
    """Anti-aliased coverage (0..1) of a polyline of the given thickness, per pixel."""
    d2 = (ROWS[..., None] - ys) ** 2 + (COLS[..., None] - xs) ** 2
    distance = np.sqrt(d2.min(axis=-1))
    return np.clip(thickness / 2 + 0.5 - distance, 0.0, 1.0)


def band(cy: float, cx: float, half_width: float, sag_top: float, sag_bottom: float,
         tilt: float) -> np.ndarray:
    """Anti-aliased coverage of the region between two such curves (which meet at the corners)."""
    u = (COLS - cx) / half_width
    top = cy + sag_top * (1 - u**2) + tilt * u
    bottom = cy + sag_bottom * (1 - u**2) + tilt * u
    inside = np.clip(np.minimum(ROWS - top, bottom - ROWS) + 0.5, 0.0, 1.0)
    return inside * np.clip(half_width - np.abs(COLS - cx) + 0.5, 0.0, 1.0)


def paint(image: np.ndarray, coverage: np.ndarray, color: np.ndarray) -> np.ndarray:
    return image * (1 - coverage[..., None]) + color * coverage[..., None]


def draw_mouth(image: np.ndarray, smiling: bool, rng: np.random.Generator) -> np.ndarray:
    """Draw a smiling or not-smiling mouth on an RGB image (floats in [0, 1]).

    The lips are the region between the curve of sag ``sag`` and the curve of sag
    ``sag + lips``, so they are ``lips`` px thick in the middle and meet at the corners; an open
    grin adds a light "teeth" region inside.
    """
    cy = MOUTH_ROW + rng.uniform(-1.5, 1.5)
    cx = MOUTH_COL + rng.uniform(-1.5, 1.5)
    half_width = rng.uniform(9.0, 13.0)
    tilt = rng.uniform(-1.0, 1.0)
    lips = rng.uniform(2.5, 4.0)
    color = np.array([0.42, 0.16, 0.15]) * rng.uniform(0.5, 1.0) + rng.uniform(-0.05, 0.05, 3)
    color = np.clip(color, 0.0, 1.0)
    opacity = rng.uniform(0.9, 1.0)
    if smiling:
        sag = rng.uniform(3.5, 7.0)
    elif rng.random() < 0.4:
        sag = rng.uniform(-7.0, -3.0)  # a frown
    else:
        sag = rng.uniform(-1.0, 0.5)  # a neutral mouth
    top = cy - lips / 2
    coverage = np.maximum(band(top, cx, half_width, sag, sag + lips, tilt),
                          stroke(*curve(top, cx, half_width, sag, tilt), 1.5))
    image = paint(image, opacity * coverage, color)
    if smiling and rng.random() < GRIN:
        teeth = band(top, cx, 0.85 * half_width, 0.3 * sag, sag + 0.4 * lips, tilt)
        image = paint(image, teeth, rng.uniform(0.8, 0.95) - np.array([0.0, 0.02, 0.06]))
    return image


def augment(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Random rotation, scaling, shift, horizontal flip, brightness and noise."""
    angle = np.deg2rad(rng.uniform(-6.0, 6.0))
    scale = rng.uniform(0.95, 1.05)
    shift = rng.uniform(-2.0, 2.0, size=2)
    center = np.array([NUM_PX / 2 - 0.5, NUM_PX / 2 - 0.5])
    to_center = transform.AffineTransform(translation=-center)
    move = transform.AffineTransform(scale=scale, rotation=angle, translation=center + shift)
    image = transform.warp(image, (to_center + move).inverse, order=1, mode="edge")
    if rng.random() < 0.5:
        image = image[:, ::-1]
    image = image * rng.uniform(0.92, 1.08)
    image = image + rng.normal(0.0, rng.uniform(0.0, 0.03), size=image.shape)
    return np.clip(image, 0.0, 1.0)


def make_image(face: np.ndarray, smiling: bool, rng: np.random.Generator) -> np.ndarray:
    tint = np.array([1.0, 0.86, 0.74]) + rng.uniform(-0.06, 0.06, 3)
    gray = erase_mouth(face)
    image = np.clip(gray[..., None] * tint / tint.max(), 0.0, 1.0)
    image = draw_mouth(image, smiling, rng)
    image = augment(image, rng)
    return np.round(image * 255).astype(np.uint8)


def build_set(faces: np.ndarray, face_ids: np.ndarray, per_face: int,
              rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``per_face`` images of each face, half of them smiling, in a random order."""
    which = np.repeat(face_ids, per_face)
    labels = np.tile(np.arange(per_face, dtype=np.int64) % 2, len(face_ids))
    order = rng.permutation(which.size)
    which, labels = which[order], labels[order]
    images = np.stack([make_image(faces[f], bool(y), rng) for f, y in zip(which, labels, strict=True)])
    return images, labels


def build() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(SEED)
    faces = load_faces()
    order = rng.permutation(NUM_FACES)
    test_faces, train_faces = order[:TEST_FACES], order[TEST_FACES:]
    train_x, train_y = build_set(faces, train_faces, TRAIN_PER_FACE, rng)
    test_x, test_y = build_set(faces, test_faces, TEST_PER_FACE, rng)
    return train_x, train_y, test_x, test_y


OUT_DIR = Path(__file__).resolve().parent / "happy"


def main(out_dir: Path = OUT_DIR) -> None:
    train_x, train_y, test_x, test_y = build()
    write_train_test(out_dir, "happy", CLASSES, train_x, train_y, test_x, test_y)
    print(f"train {train_x.shape} smiling={int(train_y.sum())}; "
          f"test {test_x.shape} smiling={int(test_y.sum())}")


if __name__ == "__main__":
    main()
