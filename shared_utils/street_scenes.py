"""Street scenes: synthetic road images with per-pixel class masks and object boxes.

One data set serves two course4 assignments: the U-Net segmentation notebook learns the masks,
the YOLO car-detection notebook (and the detector trained for it) uses the boxes. The scenes are
drawn in perspective by ``datasets/build_street_scenes.py`` (road with lane markings, sidewalks,
building facades and trees textured with scikit-image's real brick / gravel / grass photographs,
sky, cars, trucks and buses, pedestrians, traffic signs and lights, poles, street clutter), under
varied camera height, horizon, lighting and weather. Same seed, same bytes. The images are
stored as JPEG (quality 90, which keeps the two files near 10 MB): the arrays returned are the
decoded JPEGs, with the mild compression artefacts of real camera footage; masks and boxes are
exact.

Coordinates: pixel ``(row, col)`` covers the square ``[col, col + 1) x [row, row + 1)``, so a box
``[x1, y1, x2, y2]`` around the visible pixels of an object has ``x1 = min col``,
``x2 = max col + 1`` (likewise for rows) and ``0 <= x1 < x2 <= IMAGE_WIDTH``. A box surrounds
the *visible* pixels of its object (its pixels in the mask, after occlusion by nearer objects and
cropping by the image border); the generator only keeps objects of which a good part is visible.
"""

from __future__ import annotations

import io
from pathlib import Path

import h5py
import numpy as np
from PIL import Image

from shared_utils.datasets import verified_path

__all__ = [
    "DETECTION_CLASSES",
    "IMAGE_HEIGHT",
    "IMAGE_WIDTH",
    "MAX_OBJECTS",
    "SEGMENTATION_CLASSES",
    "SEGMENTATION_COLORS",
    "decode_jpegs",
    "load_street_scenes",
]

IMAGE_HEIGHT, IMAGE_WIDTH = 96, 128

#: Class names of the masks; the index is the mask value.
SEGMENTATION_CLASSES: tuple[str, ...] = (
    "unlabeled",  # street clutter: bins, boxes, benches
    "road",
    "lane marking",
    "sidewalk",
    "building",
    "vegetation",
    "sky",
    "car",
    "truck",  # trucks and buses
    "pedestrian",
    "pole",
    "traffic sign",
    "traffic light",
)

#: A display color (RGB, 0-255) per segmentation class, in the spirit of Cityscapes' palette.
SEGMENTATION_COLORS: np.ndarray = np.array(
    [
        (0, 0, 0),  # unlabeled
        (128, 64, 128),  # road
        (255, 255, 255),  # lane marking
        (244, 35, 232),  # sidewalk
        (70, 70, 70),  # building
        (107, 142, 35),  # vegetation
        (70, 130, 180),  # sky
        (0, 0, 142),  # car
        (0, 60, 100),  # truck
        (220, 20, 60),  # pedestrian
        (153, 153, 153),  # pole
        (220, 220, 0),  # traffic sign
        (250, 170, 30),  # traffic light
    ],
    dtype=np.uint8,
)

#: Class names of the boxes; the index is ``class_id`` in the boxes array.
DETECTION_CLASSES: tuple[str, ...] = ("car", "truck", "pedestrian", "traffic sign")

#: Rows of the boxes array per image; unused rows are filled with -1.
MAX_OBJECTS = 16

SPLITS = ("train", "test")


def load_street_scenes(split: str = "train", root: Path | None = None) -> dict[str, np.ndarray]:
    """Load one split of the street scenes, after checking its sha256 against ``datasets/MANIFEST``.

    Args:
        split: ``"train"`` (1200 scenes) or ``"test"`` (300 scenes, drawn from other seeds).
        root: the datasets folder (default: ``shared_utils.datasets.datasets_dir()``).

    Returns:
        A dict of numpy arrays:

        - ``"images"``: (N, 96, 128, 3) uint8 RGB images;
        - ``"masks"``: (N, 96, 128) uint8, the index in ``SEGMENTATION_CLASSES`` of each pixel;
        - ``"boxes"``: (N, MAX_OBJECTS, 5) float32 rows ``[class_id, x1, y1, x2, y2]``, class_id
          indexing ``DETECTION_CLASSES``, coordinates in pixels (see the module docstring);
          the objects of an image come first, the remaining rows are all -1.
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, got {split!r}")
    with h5py.File(verified_path(f"streets/streets_{split}.h5", root), "r") as f:
        return {
            "images": decode_jpegs(f["images_jpeg"][:]),
            "masks": np.array(f["masks"][:]),
            "boxes": np.array(f["boxes"][:]),
        }


def decode_jpegs(jpegs: np.ndarray) -> np.ndarray:
    """Decode a sequence of JPEG byte arrays into one (N, H, W, 3) uint8 array."""
    return np.stack([np.asarray(Image.open(io.BytesIO(j.tobytes())).convert("RGB")) for j in jpegs])
