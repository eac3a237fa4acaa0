"""Build the images of course4's transfer-learning assignment: shapes and horses on real photos.

The original assignment fine-tunes MobileNetV2, pretrained on ImageNet, to tell alpacas from
other things with 327 photos. Neither ImageNet nor the alpacas can be fetched here, so both tasks
are remade from images that ship inside the scikit-image and scikit-learn wheels:

**Backgrounds and fills (real).** 21 photos and textures: scikit-image's ``data.astronaut``,
``brick``, ``camera``, ``cat``, ``chelsea``, ``coffee``, ``coins``, ``colorwheel``, ``grass``,
``gravel``, ``hubble_deep_field``, ``immunohistochemistry``, ``moon``, ``page``, ``rocket``,
``text``, ``clock``, ``retina``, ``cell`` and scikit-learn's ``load_sample_images()`` (china,
flower). Every picture is a random crop of one of them (random size, horizontal flip, gray ones
tinted with a random color) as background, with one object on top, filled with a crop of
another photo or with a flat color with noise and shading, and sometimes outlined.

**Objects (drawn).** An object is a silhouette: one of ``SHAPES`` (circle, triangle, square,
pentagon, hexagon, star, ring, plus, crescent, heart, arrow, tee), a random smooth blob, or the
horse of scikit-image's ``data.horse()`` (a real horse's silhouette, 328x400). Each is placed
with a random similarity transform plus a little stretch and shear (rotation: any angle for the
shapes, +-15 degrees for the horse and the blobs, and a horizontal flip half of the time) and
anti-aliased by 2x2 supersampling.

Two tasks use this generator:

- **source** (pretraining, generated in memory by ``datasets/train_mobilenetv2.py``): which of
  the 12 shapes is in the picture. Broad enough to teach a network edges, textures, and where
  an object stands out from its background; it contains no horse and no blob.
- **target** (the notebook's "alpaca / not alpaca"): ``horse`` (160 pictures of the horse) vs
  ``not horse`` (160 pictures: 80 blobs and 80 of the shapes). Stored by this script as
  ``datasets/transfer/horses.tar``, an uncompressed tar of the folder tree
  ``horses/horse/*.png`` and ``horses/not horse/*.png`` (96x96 RGB PNGs), which
  ``shared_utils.transfer.horse_image_directory()`` verifies and unpacks for
  ``image_dataset_from_directory``. One archive is one MANIFEST line with one checksum instead
  of 320, and the loader cannot read a half-updated folder.

Everything is drawn from ``np.random.default_rng`` seeded with ``TARGET_SEED`` (or the seed the
training script passes); PNGs are written by Pillow without metadata and the tar with fixed
names, order, times and owners, so a rebuild is byte-identical.

Run: python datasets/build_transfer_data.py   (then update MANIFEST if the checksum changed)
"""

from __future__ import annotations

import io
import tarfile
from functools import cache
from pathlib import Path

import numpy as np
from matplotlib.path import Path as Polygon
from PIL import Image
from scipy import ndimage
from skimage import data, transform

SIZE = 96
TARGET_SEED = 7
TARGET_PER_CLASS = 160
TARGET_CLASSES = ("horse", "not horse")
SHAPES = ("circle", "triangle", "square", "pentagon", "hexagon", "star", "ring", "plus", "crescent",
          "heart", "arrow", "tee")
PHOTO_NAMES = ("astronaut", "brick", "camera", "cat", "chelsea", "coffee", "coins", "colorwheel", "grass",
               "gravel", "hubble_deep_field", "immunohistochemistry", "moon", "page", "rocket", "text",
               "clock", "retina", "cell")
OUT_FILE = Path(__file__).resolve().parent / "transfer" / "horses.tar"

SUPER = 2  # supersampling factor of the silhouettes
_GRID = (np.mgrid[0:SIZE * SUPER, 0:SIZE * SUPER].astype(np.float64) + 0.5) / SUPER  # (2, H, W): row, col


@cache
def photos() -> tuple[np.ndarray, ...]:
    """The offline photos, as float32 RGB in [0, 1], shrunk so that their short side is 192 px."""
    from sklearn.datasets import load_sample_images  # imported here: only the build needs it

    images = [getattr(data, name)() for name in PHOTO_NAMES] + list(load_sample_images().images)
    out = []
    for image in images:
        image = np.asarray(image, dtype=np.float64)
        image = image / 255.0 if image.max() > 1.0 else image
        if image.ndim == 2:
            image = np.repeat(image[..., None], 3, axis=2)
        image = image[..., :3]
        scale = 192 / min(image.shape[:2])
        image = transform.rescale(image, scale, order=1, anti_aliasing=True, channel_axis=2)
        out.append(np.clip(image, 0, 1).astype(np.float32))
    return tuple(out)


@cache
def horse_silhouette() -> np.ndarray:
    """scikit-image's horse, cropped to its bounding box: a bool array, True on the horse."""
    horse = ~data.horse()
    rows, cols = np.flatnonzero(horse.any(axis=1)), np.flatnonzero(horse.any(axis=0))
    return horse[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def crop(rng: np.random.Generator, exclude: int | None = None) -> tuple[np.ndarray, int]:
    """A random SIZE x SIZE crop of a random photo (not ``exclude``), and the photo's index."""
    choices = [i for i in range(len(photos())) if i != exclude]
    index = int(rng.choice(choices))
    photo = photos()[index]
    side = int(rng.integers(SIZE // 2, min(photo.shape[:2]) + 1))
    top = int(rng.integers(0, photo.shape[0] - side + 1))
    left = int(rng.integers(0, photo.shape[1] - side + 1))
    patch = transform.resize(photo[top:top + side, left:left + side], (SIZE, SIZE), order=1,
                             anti_aliasing=side > SIZE)
    if rng.random() < 0.5:
        patch = patch[:, ::-1]
    if np.ptp(patch, axis=2).max() < 0.02:  # a gray photo: tint it
        patch = patch * rng.uniform(0.6, 1.0, size=3)
    return patch.astype(np.float32), index


def _regular_polygon(n: int, inner: float | None = None) -> np.ndarray:
    """Vertices of a regular n-gon (or an n-pointed star with inner radius ``inner``)."""
    if inner is None:
        angles = np.pi / 2 + 2 * np.pi * np.arange(n) / n
        return np.stack([np.cos(angles), np.sin(angles)], axis=1)
    angles = np.pi / 2 + np.pi * np.arange(2 * n) / n
    radii = np.where(np.arange(2 * n) % 2 == 0, 1.0, inner)
    return np.stack([radii * np.cos(angles), radii * np.sin(angles)], axis=1)


POLYGONS = {
    "triangle": _regular_polygon(3),
    "square": np.array([[-0.8, -0.8], [0.8, -0.8], [0.8, 0.8], [-0.8, 0.8]]),
    "pentagon": _regular_polygon(5),
    "hexagon": _regular_polygon(6),
    "star": _regular_polygon(5, inner=0.42),
    "plus": np.array([[-0.3, -1], [0.3, -1], [0.3, -0.3], [1, -0.3], [1, 0.3], [0.3, 0.3], [0.3, 1],
                      [-0.3, 1], [-0.3, 0.3], [-1, 0.3], [-1, -0.3], [-0.3, -0.3]]),
    "arrow": np.array([[-1, -0.25], [0.2, -0.25], [0.2, -0.7], [1, 0], [0.2, 0.7], [0.2, 0.25],
                       [-1, 0.25]]),
    "tee": np.array([[-0.9, 0.9], [0.9, 0.9], [0.9, 0.5], [0.2, 0.5], [0.2, -0.9], [-0.2, -0.9],
                     [-0.2, 0.5], [-0.9, 0.5]]),
}


def _inside(kind: str, u: np.ndarray, v: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Whether the object-space points (u, v) in [-1, 1]^2 (v up) lie inside the silhouette."""
    r2 = u ** 2 + v ** 2
    if kind == "circle":
        return r2 < 1
    if kind == "ring":
        return (r2 < 1) & (r2 > 0.55 ** 2)
    if kind == "crescent":
        return (r2 < 1) & ((u - 0.45) ** 2 + v ** 2 > 0.85 ** 2)
    if kind == "heart":
        x, y = 1.15 * u, 1.15 * v + 0.15
        return (x ** 2 + y ** 2 - 1) ** 3 - x ** 2 * y ** 3 < 0
    if kind == "blob":
        k = np.arange(2, 6)[:, None, None]
        amplitudes = rng.uniform(0.05, 0.22, size=4)[:, None, None]
        phases = rng.uniform(0, 2 * np.pi, size=4)[:, None, None]
        theta = np.arctan2(v, u)
        radius = 0.7 + (amplitudes * np.cos(k * theta + phases)).sum(axis=0)
        return np.sqrt(r2) < radius
    if kind == "horse":
        horse = horse_silhouette()
        h, w = horse.shape
        half = max(h, w) / 2
        rows, cols = h / 2 - v * half, w / 2 + u * half
        return ndimage.map_coordinates(horse.astype(np.float32), [rows, cols], order=1, cval=0.0) > 0.5
    shape = POLYGONS[kind].astype(np.float64)
    points = np.stack([u.ravel(), v.ravel()], axis=1)
    return Polygon(shape).contains_points(points).reshape(u.shape)


def silhouette(kind: str, rng: np.random.Generator, tilt: float | None = None) -> np.ndarray:
    """The anti-aliased mask (SIZE, SIZE) in [0, 1] of one randomly placed object of ``kind``.

    Horses and blobs are tilted by up to 15 degrees, shapes by any angle, or by up to ``tilt``.
    """
    upright = kind in ("horse", "blob")
    if upright:
        angle = rng.uniform(-15, 15)
    else:
        angle = rng.uniform(0, 360) if tilt is None else rng.uniform(-tilt, tilt)
    scale = rng.uniform(0.28, 0.45) * SIZE  # half the object's size, in pixels
    stretch = rng.uniform(0.85, 1.15)
    shear = rng.uniform(-0.15, 0.15)
    flip = -1.0 if upright and rng.random() < 0.5 else 1.0
    a = np.deg2rad(angle)
    rotation = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    matrix = scale * rotation @ np.array([[flip * stretch, shear], [0.0, 1.0 / stretch]])
    margin = scale * 0.9
    center = rng.uniform(margin, SIZE - margin, size=2)  # (x, y) in pixels
    x = _GRID[1] - center[0]
    y = center[1] - _GRID[0]  # y up
    u, v = np.linalg.solve(matrix, np.stack([x.ravel(), y.ravel()])).reshape(2, *x.shape)
    inside = _inside(kind, u, v, rng).astype(np.float32)
    return inside.reshape(SIZE, SUPER, SIZE, SUPER).mean(axis=(1, 3))


def fill(rng: np.random.Generator, exclude: int, texture: float = 0.5, against: np.ndarray | None = None
         ) -> np.ndarray:
    """The texture of an object: a crop of another photo (with probability ``texture``), or a flat
    color with shading and noise; the color is moved away from ``against`` (a background color) when
    given, so that the object stands out."""
    if rng.random() < texture:
        return crop(rng, exclude)[0]
    color = rng.uniform(0.0, 1.0, size=3)
    if against is not None and np.abs(color - against).max() < 0.4:
        color = np.where(against < 0.5, np.maximum(color, against + 0.4), np.minimum(color, against - 0.4))
    ramp = np.linspace(-1, 1, SIZE)
    direction = rng.uniform(0, 2 * np.pi)
    shading = rng.uniform(0.0, 0.25) * (np.cos(direction) * ramp[None, :] + np.sin(direction) * ramp[:, None])
    noise = rng.normal(0.0, rng.uniform(0.0, 0.06), size=(SIZE, SIZE, 3))
    return np.clip(color + shading[..., None] + noise, 0, 1).astype(np.float32)


def picture(kind: str, rng: np.random.Generator, *, texture: float = 0.5, outline: float = 0.3,
            contrast: bool = False, tilt: float | None = None) -> np.ndarray:
    """One (SIZE, SIZE, 3) uint8 picture: a photo crop with one object of ``kind`` on it.

    ``texture`` is the probability of a photo fill, ``outline`` that of an outline; with
    ``contrast``, a flat fill is kept away from the background's mean color under the object;
    ``tilt`` limits the rotation of a shape (see :func:`silhouette`).
    """
    background, index = crop(rng)
    mask = silhouette(kind, rng, tilt)
    under = (background * mask[..., None]).sum(axis=(0, 1)) / max(mask.sum(), 1.0) if contrast else None
    image = background * (1 - mask[..., None]) + fill(rng, index, texture, under) * mask[..., None]
    if rng.random() < outline:  # a dark or light outline around the object
        edge = np.clip(ndimage.grey_dilation(mask, size=3) - mask, 0, 1)[..., None]
        image = image * (1 - edge) + float(rng.random() < 0.5) * edge
    return np.round(np.clip(image, 0, 1) * 255).astype(np.uint8)


def source_picture(seed: int, index: int) -> np.ndarray:
    """Picture number ``index`` of the source set ``seed``: shape ``SHAPES[index % 12]``.

    Clearer than the target's pictures (fewer photo fills, more outlines, flat fills that contrast
    with the background, shapes tilted by 30 degrees at most), so that a small network learns
    them from scratch within minutes on a CPU.
    """
    return picture(SHAPES[index % len(SHAPES)], np.random.default_rng([seed, index]), texture=0.25,
                   outline=0.5, contrast=True, tilt=30.0)


def source_set(n: int, seed: int, workers: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """``n`` pictures of the source task, as ((n, SIZE, SIZE, 3) uint8, (n,) int64 labels).

    The labels cycle through the classes (``i % len(SHAPES)``). Each picture has its own random
    generator, seeded with ``(seed, i)``, so the first pictures of a larger set are those of a
    smaller one, and ``workers`` processes (forked) give the same pictures as one.
    """
    labels = np.arange(n, dtype=np.int64) % len(SHAPES)
    jobs = [(seed, i) for i in range(n)]
    if workers > 1:
        import multiprocessing  # imported here: only the training script draws in parallel

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            images = pool.starmap(source_picture, jobs, chunksize=64)
    else:
        images = [source_picture(*job) for job in jobs]
    return np.stack(images), labels


def target_pictures(seed: int = TARGET_SEED) -> dict[str, list[np.ndarray]]:
    """The target task's pictures by class: 160 horses, then 80 blobs and 80 shapes."""
    rng = np.random.default_rng(seed)
    horses = [picture("horse", rng) for _ in range(TARGET_PER_CLASS)]
    others = [picture("blob" if i % 2 == 0 else SHAPES[(i // 2) % len(SHAPES)], rng)
              for i in range(TARGET_PER_CLASS)]
    return {"horse": horses, "not horse": others}


def png_bytes(image: np.ndarray) -> bytes:
    """``image`` as a PNG without metadata (so the bytes depend on the pixels only)."""
    buffer = io.BytesIO()
    Image.fromarray(image, mode="RGB").save(buffer, format="PNG", optimize=False, compress_level=9)
    return buffer.getvalue()


def write_tar(path: Path, pictures: dict[str, list[np.ndarray]]) -> None:
    """Write ``horses/<class>/<class>_NNN.png`` for every picture into an uncompressed tar."""
    path.parent.mkdir(parents=True, exist_ok=True)
    def add(name: str, payload: bytes | None = None) -> None:
        info = tarfile.TarInfo(name)
        if payload is None:
            info.type, info.mode = tarfile.DIRTYPE, 0o755
        else:
            info.size, info.mode = len(payload), 0o644
        info.mtime = 0  # uid, gid and the owner names are 0 and empty by default
        tar.addfile(info, None if payload is None else io.BytesIO(payload))

    with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as tar:
        add("horses")
        for name in sorted(pictures):
            add(f"horses/{name}")
            for i, image in enumerate(pictures[name]):
                add(f"horses/{name}/{name.replace(' ', '_')}_{i:03d}.png", png_bytes(image))


def main(out_file: Path = OUT_FILE) -> None:
    pictures = target_pictures()
    write_tar(out_file, pictures)
    counts = {name: len(images) for name, images in pictures.items()}
    print(f"wrote {out_file} ({out_file.stat().st_size} bytes): {counts}")


if __name__ == "__main__":
    main()
