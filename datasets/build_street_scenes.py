"""Build the street scenes of course4 (U-Net segmentation and YOLO detection): images, masks, boxes.

Each scene is drawn in perspective through a pinhole camera at height ``h`` above a flat ground,
looking down a straight street: a ground point at lateral offset ``X`` and depth ``Z`` (metres)
appears at column ``vx + f X / Z`` and row ``y_h + f h / Z``, where ``(vx, y_h)`` is the vanishing
point on the horizon and ``f`` the focal length in pixels; a point at height ``Y`` rises by
``f Y / Z`` pixels. The street has 2 to 4 lanes (dashed lane lines, solid edge lines, sometimes a
zebra crossing), sidewalks, then building facades and rows of trees on both sides, a distant
skyline and the sky. Real photographs texture the surfaces in perspective: scikit-image's
``data.gravel()`` (asphalt, concrete), ``data.brick()`` (walls, paving) and ``data.grass()``
(foliage, verges). Objects stand on the ground, drawn far to near so that near ones occlude far
ones: cars (rear or front view, with roof, windows, lights, wheels and the side facing the
camera), trucks and buses, pedestrians, traffic signs and lights on poles, street lamps and
street clutter (bins, labelled ``unlabeled``). Lighting (gain, colour cast), haze that grows with
depth, clouds and a little sensor noise vary per scene.

Every pixel gets the class of the surface it shows (``SEGMENTATION_CLASSES`` of
``shared_utils.street_scenes``), and every car, truck, pedestrian and traffic sign a box around
its visible pixels. A candidate object is dropped unless at least ``MIN_VISIBLE`` of it stays
visible (after cropping by the image border and occlusion by nearer objects) and its visible box
is at least ``MIN_BOX`` pixels wide and high, so that every box shows a recognizable object.

Scene ``i`` of a split is drawn from its own generator, seeded with ``(SEED, split, i)``: any
slice can be rebuilt alone, and the same seed gives the same arrays and the same bytes.

The images are stored as JPEG (quality 90), masks and boxes exactly; see ``write``.

Run from the repository root (about 5 minutes of CPU time; two worker processes by default):
    python datasets/build_street_scenes.py   (then update MANIFEST if the checksums changed)
"""

from __future__ import annotations

import io
import multiprocessing
import os
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import h5py
import numpy as np
from PIL import Image
from scipy import ndimage
from skimage import data

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared_utils.street_scenes import (  # noqa: E402
    DETECTION_CLASSES,
    IMAGE_HEIGHT,
    IMAGE_WIDTH,
    MAX_OBJECTS,
    SEGMENTATION_CLASSES,
    decode_jpegs,
)

SEED = 2026
SPLIT_SIZES = {"train": 1200, "test": 300}
SPLIT_IDS = {"train": 0, "test": 1}
MIN_VISIBLE = 0.5
MIN_BOX = 4
JPEG_QUALITY = 90
PAD = 40  # objects are drawn on a canvas padded on every side, to measure how much the border crops
CANVAS_SHAPE = (IMAGE_HEIGHT + 2 * PAD, IMAGE_WIDTH + 2 * PAD)
# Row and column of every pixel centre of the canvas, in image coordinates.
GRID = np.mgrid[-PAD : IMAGE_HEIGHT + PAD, -PAD : IMAGE_WIDTH + PAD].astype(np.float32) + 0.5

C = {name: i for i, name in enumerate(SEGMENTATION_CLASSES)}
DETECTED = {C[name]: i for i, name in enumerate(DETECTION_CLASSES)}
OUT_DIR = Path(__file__).resolve().parent / "streets"

Color = np.ndarray


# --------------------------------------------------------------------------- textures


@cache
def textures() -> dict[str, np.ndarray]:
    """Real photographic textures, zero mean and unit variance, at 5 blur levels (a small mipmap)."""
    out = {}
    for name in ("gravel", "brick", "grass"):
        t = getattr(data, name)().astype(np.float32)
        t = (t - t.mean()) / t.std()
        out[name] = np.stack([t] + [ndimage.gaussian_filter(t, s, mode="wrap") for s in (1, 2, 4, 8)])
    return out


def sample(name: str, u: np.ndarray, v: np.ndarray, footprint: np.ndarray) -> np.ndarray:
    """Texture values at texture coordinates (u, v), blurred as much as one pixel's footprint covers."""
    levels = textures()[name]
    level = np.clip(np.log2(np.maximum(footprint, 1e-6)), 0, len(levels) - 1).astype(int)
    size = levels.shape[-1]
    return levels[level, np.floor(v).astype(int) % size, np.floor(u).astype(int) % size]


# --------------------------------------------------------------------------- camera and canvas


@dataclass
class Camera:
    f: float  # focal length, pixels
    h: float  # height above the ground, metres
    vx: float  # column of the vanishing point
    yh: float  # row of the horizon

    def project(self, X, Y, Z):
        """Image (column, row) of the world point (X right, Y up, Z ahead), in metres."""
        return self.vx + self.f * np.asarray(X) / Z, self.yh + self.f * (self.h - np.asarray(Y)) / Z


@dataclass
class Region:
    """Pixels of a small window of the canvas: ``inside`` is the boolean mask of the window ``rows, cols``."""

    rows: slice
    cols: slice
    inside: np.ndarray

    def indices(self) -> tuple[np.ndarray, np.ndarray]:
        r, c = np.nonzero(self.inside)
        return r + self.rows.start, c + self.cols.start

    def full(self, shape: tuple[int, int]) -> np.ndarray:
        mask = np.zeros(shape, bool)
        mask[self.rows, self.cols] = self.inside
        return mask

    def __and__(self, other: Region | np.ndarray) -> np.ndarray:
        return self.full(CANVAS_SHAPE) & _full(other)

    def __or__(self, other: Region | np.ndarray) -> np.ndarray:
        return self.full(CANVAS_SHAPE) | _full(other)


def _full(mask: Region | np.ndarray) -> np.ndarray:
    return mask.full(CANVAS_SHAPE) if isinstance(mask, Region) else mask


@dataclass
class Canvas:
    """The image, class mask, instance map and depth of a scene, padded by PAD on every side."""

    rows: np.ndarray
    cols: np.ndarray
    image: np.ndarray
    mask: np.ndarray
    instance: np.ndarray
    depth: np.ndarray
    full_counts: dict[int, int] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> Canvas:
        shape = CANVAS_SHAPE
        return cls(
            GRID[0],
            GRID[1],
            np.zeros(shape + (3,), np.float32),
            np.zeros(shape, np.uint8),
            np.zeros(shape, np.int16),
            np.full(shape, np.inf, np.float32),
        )

    def copy(self) -> Canvas:
        return Canvas(
            self.rows,
            self.cols,
            self.image.copy(),
            self.mask.copy(),
            self.instance.copy(),
            self.depth.copy(),
            dict(self.full_counts),
        )

    def paint(self, where: np.ndarray | Region, color, cls: int, depth, instance: int = 0) -> None:
        """Paint the pixels ``where``; ``color`` and ``depth`` are one value, a full-canvas array, or one
        value per painted pixel (in the order of ``np.nonzero(where)``)."""
        r, c = where.indices() if isinstance(where, Region) else np.nonzero(where)
        color, depth = np.asarray(color, np.float32), np.asarray(depth, np.float32)
        self.image[r, c] = color[r, c] if color.ndim == 3 else color
        self.mask[r, c] = cls
        self.depth[r, c] = depth[r, c] if depth.ndim == 2 else depth
        self.instance[r, c] = instance

    def window(self, x_min: float, x_max: float, y_min: float, y_max: float) -> tuple[slice, slice]:
        """The slices of the canvas arrays that hold every pixel centre in [x_min, x_max] x [y_min, y_max]."""
        height, width = self.rows.shape
        i0, i1 = np.floor(y_min + PAD - 0.5), np.ceil(y_max + PAD - 0.5) + 1
        j0, j1 = np.floor(x_min + PAD - 0.5), np.ceil(x_max + PAD - 0.5) + 1
        clip = lambda v, n: int(min(max(v, 0), n))  # noqa: E731
        return slice(clip(i0, height), clip(i1, height)), slice(clip(j0, width), clip(j1, width))

    def polygon(self, xs, ys) -> Region:
        """Pixels whose centre lies inside the convex polygon with these vertices (either order)."""
        xs, ys = np.asarray(xs, np.float32), np.asarray(ys, np.float32)
        area = np.sum(xs * np.roll(ys, -1) - np.roll(xs, -1) * ys)
        if abs(area) < 1e-6 or not (np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))):
            return Region(slice(0, 0), slice(0, 0), np.zeros((0, 0), bool))
        rows_, cols_ = self.window(xs.min(), xs.max(), ys.min(), ys.max())
        rows, cols = self.rows[rows_, cols_], self.cols[rows_, cols_]
        sub = np.ones(rows.shape, bool)
        sign = np.sign(area)
        for i in range(len(xs)):
            j = (i + 1) % len(xs)
            sub &= sign * ((xs[j] - xs[i]) * (rows - ys[i]) - (ys[j] - ys[i]) * (cols - xs[i])) >= 0
        return Region(rows_, cols_, sub)

    def rect(self, x0, y0, x1, y1, min_width: float = 0.0) -> Region:
        """Pixels whose centre lies in [x0, x1) x [y0, y1); at least ``min_width`` pixels wide."""
        cx, half = (x0 + x1) / 2, max((x1 - x0) / 2, min_width / 2)
        rows_, cols_ = self.window(cx - half, cx + half, y0, y1)
        rows, cols = self.rows[rows_, cols_], self.cols[rows_, cols_]
        return Region(rows_, cols_, (cols >= cx - half) & (cols < cx + half) & (rows >= y0) & (rows < y1))

    def ellipse(self, cx, cy, rx, ry) -> Region:
        rx, ry = max(rx, 0.3), max(ry, 0.3)
        rows_, cols_ = self.window(cx - rx, cx + rx, cy - ry, cy + ry)
        rows, cols = self.rows[rows_, cols_], self.cols[rows_, cols_]
        return Region(rows_, cols_, ((cols - cx) / rx) ** 2 + ((rows - cy) / ry) ** 2 <= 1.0)

    def crop(self, array: np.ndarray) -> np.ndarray:
        return array[PAD : PAD + IMAGE_HEIGHT, PAD : PAD + IMAGE_WIDTH]


def shade(color, rng: np.random.Generator, spread: float = 0.08) -> Color:
    return np.clip(np.asarray(color, np.float32) * rng.uniform(1 - spread, 1 + spread, 3), 0, 1)


# --------------------------------------------------------------------------- the street


@dataclass
class Street:
    lanes: int
    lane_width: float
    left: float  # X of the road's left edge
    sidewalks: tuple[float, float]
    oncoming: int  # lanes left of this index carry oncoming traffic

    @property
    def right(self) -> float:
        return self.left + self.lanes * self.lane_width

    @property
    def facades(self) -> tuple[float, float]:
        return self.left - self.sidewalks[0], self.right + self.sidewalks[1]

    def lane_center(self, k: int) -> float:
        return self.left + (k + 0.5) * self.lane_width


def make_street(rng: np.random.Generator) -> Street:
    lanes = int(rng.choice([2, 3, 4], p=[0.55, 0.3, 0.15]))
    width = rng.uniform(3.0, 3.7)
    own = int(rng.integers(lanes // 2, lanes)) if lanes > 1 else 0
    left = -(own + rng.uniform(0.3, 0.7)) * width
    oncoming = lanes // 2 if rng.random() < 0.7 else 0
    return Street(lanes, width, left, (rng.uniform(2.0, 4.5), rng.uniform(2.0, 4.5)), oncoming)


def paint_sky(canvas: Canvas, cam: Camera, rng: np.random.Generator) -> Color:
    """Gradient and clouds over the whole canvas; returns the colour of the sky at the horizon."""
    kind = rng.choice(["clear", "overcast", "dusk"], p=[0.55, 0.3, 0.15])
    top, low = {
        "clear": ([0.25, 0.45, 0.8], [0.7, 0.82, 0.95]),
        "overcast": ([0.55, 0.58, 0.62], [0.8, 0.8, 0.82]),
        "dusk": ([0.3, 0.35, 0.6], [0.95, 0.65, 0.4]),
    }[kind]
    top, low = shade(top, rng), shade(low, rng)
    t = np.clip((canvas.rows - (cam.yh - 60)) / 60, 0, 1)[..., None]
    sky = top * (1 - t) + low * t
    noise = ndimage.gaussian_filter(
        rng.standard_normal((canvas.rows.shape[0] // 4 + 1, canvas.rows.shape[1] // 4 + 1)), 2.0
    )
    noise = ndimage.zoom(noise / (noise.std() + 1e-6), 4, order=1)[
        : canvas.rows.shape[0], : canvas.rows.shape[1]
    ]
    cover = {"clear": rng.uniform(0.0, 1.0), "overcast": 1.5, "dusk": rng.uniform(0.0, 1.0)}[kind]
    clouds = np.clip(noise - 1.5 + cover, 0, 1)[..., None] * rng.uniform(0.3, 0.8)
    sky = sky * (1 - clouds) + shade([0.95, 0.95, 0.95], rng, 0.03) * clouds
    canvas.paint(np.ones(canvas.rows.shape, bool), sky, C["sky"], np.inf)
    return low


def paint_skyline(canvas: Canvas, cam: Camera, rng: np.random.Generator) -> None:
    """Distant buildings and tree lines on the horizon, between and behind the street's sides."""
    x = -PAD
    while x < IMAGE_WIDTH + PAD:
        width = rng.uniform(4, 18)
        trees = rng.random() < 0.35
        height = rng.uniform(1.5, 7) if trees else rng.uniform(2, 16)
        cols = (canvas.cols >= x) & (canvas.cols < x + width)
        top = cam.yh - height
        if trees:
            top = top - 1.5 * np.sin(canvas.cols * rng.uniform(0.5, 1.2) + rng.uniform(0, 6))
        where = cols & (canvas.rows >= top) & (canvas.rows < cam.yh + 1)
        tone = shade([0.35, 0.45, 0.25] if trees else [0.55, 0.55, 0.58], rng, 0.15)
        canvas.paint(where, tone, C["vegetation" if trees else "building"], 400.0)
        x += width


def paint_ground(canvas: Canvas, cam: Camera, street: Street, rng: np.random.Generator) -> None:
    """Road, lane markings, sidewalks and grass verges on the ground plane (below the horizon)."""
    below = canvas.rows > cam.yh + 0.5
    d = np.maximum(canvas.rows - cam.yh, 0.5)
    Z = cam.f * cam.h / d
    X = (canvas.cols - cam.vx) * Z / cam.f
    footprint = Z / cam.f  # metres per pixel
    left, right = street.left, street.right
    (fl, fr) = street.facades

    road = below & (X >= left) & (X <= right)
    asphalt = shade([0.33, 0.33, 0.35], rng, 0.15) * rng.uniform(0.8, 1.2)
    scale = rng.uniform(60, 120)
    tex = sample("gravel", X * scale, Z * scale, footprint * scale)
    canvas.paint(road, asphalt * (1 + 0.25 * tex)[..., None], C["road"], Z)

    sidewalk = below & (((X >= fl) & (X < left)) | ((X > right) & (X <= fr)))
    paving = shade([0.62, 0.6, 0.57], rng, 0.12)
    scale = rng.uniform(40, 80)
    name = "brick" if rng.random() < 0.5 else "gravel"
    tex = sample(name, X * scale, Z * scale, footprint * scale)
    curb = (np.abs(X - left) < 0.2) | (np.abs(X - right) < 0.2)
    color = paving * (1 + 0.2 * tex)[..., None] * np.where(curb, 1.15, 1.0)[..., None]
    canvas.paint(sidewalk, color, C["sidewalk"], Z)

    verge = below & ((X < fl) | (X > fr))
    scale = rng.uniform(40, 80)
    tex = sample("grass", X * scale, Z * scale, footprint * scale)
    canvas.paint(verge, shade([0.3, 0.45, 0.18], rng, 0.15) * (1 + 0.3 * tex)[..., None], C["vegetation"], Z)

    # Lane markings: at least ~0.6 px wide, so that distant lines stay continuous.
    white = shade([0.92, 0.92, 0.9], rng, 0.05)
    yellow = shade([0.9, 0.75, 0.2], rng, 0.05)
    half = np.maximum(rng.uniform(0.06, 0.1), 0.3 * footprint)
    period, dash, phase = rng.uniform(8, 12), rng.uniform(2.5, 4.5), rng.uniform(0, 12)
    dashed = (Z + phase) % period < dash
    marks = np.zeros_like(below)
    for k in range(1, street.lanes):
        x_line = left + k * street.lane_width
        line = np.abs(X - x_line) < half
        if k == street.oncoming and street.oncoming > 0:
            canvas.paint(road & line, yellow, C["lane marking"], Z)  # the centre line: solid
        else:
            marks |= line & dashed
    if rng.random() < 0.7:
        marks |= (np.abs(X - left - 0.3) < half) | (np.abs(X - right + 0.3) < half)
    if rng.random() < 0.25:
        z0 = rng.uniform(8, 25)
        marks |= (Z >= z0) & (Z < z0 + rng.uniform(2.5, 4)) & ((X - left) % 1.0 < 0.5)
    canvas.paint(road & marks, white * rng.uniform(0.85, 1.0), C["lane marking"], Z)


def paint_sides(canvas: Canvas, cam: Camera, street: Street, rng: np.random.Generator) -> None:
    """Building facades and rows of trees along both sides: vertical planes at the facade lines."""
    for side, xf in zip((-1, 1), street.facades, strict=True):
        toward = (canvas.cols - cam.vx) * side > 0.5
        Zf = np.where(toward, cam.f * xf / np.where(toward, canvas.cols - cam.vx, 1.0), 1e6)
        Yw = cam.h - (canvas.rows - cam.yh) * Zf / cam.f  # height of the facade point seen by the pixel
        closer = Zf < canvas.depth  # the facade is in front of the ground there
        footprint = Zf / cam.f
        z = rng.uniform(0, 10)
        end = rng.uniform(50, 160)
        while z < end:
            length = rng.uniform(8, 30)
            segment = toward & closer & (Zf >= z) & (Zf < z + length) & (Yw >= 0)
            if rng.random() < 0.7:
                height = rng.uniform(6, 25)
                scale = rng.uniform(20, 50)
                name = "brick" if rng.random() < 0.6 else "gravel"
                wall = shade(
                    rng.choice(
                        [
                            [0.6, 0.35, 0.25],
                            [0.75, 0.7, 0.6],
                            [0.5, 0.5, 0.52],
                            [0.85, 0.8, 0.7],
                            [0.55, 0.45, 0.35],
                        ]
                    ),
                    rng,
                    0.1,
                )
                floor, spacing = rng.uniform(2.8, 3.6), rng.uniform(2.0, 4.0)
                lit, gap = rng.uniform(0.4, 0.6), rng.uniform(0.3, 0.5)
                glass = shade([0.2, 0.25, 0.32], rng, 0.2)
                where = segment & (Yw <= height)
                zf, yw, fp = Zf[where], Yw[where], footprint[where]
                color = wall * (1 + 0.25 * sample(name, zf * scale, yw * scale, fp * scale * 3))[:, None]
                window = (
                    (((yw - 0.6) % floor) < floor * lit)
                    & (yw > 0.6)
                    & (yw < height - 0.8)
                    & (((zf - z) % spacing) > spacing * gap)
                )
                glass = glass * (1 + 0.3 * np.clip(yw / height, 0, 1))[:, None]
                canvas.paint(where, np.where(window[:, None], glass, color), C["building"], zf)
            else:
                height = rng.uniform(4, 10)
                crown = (
                    height
                    + 1.2 * np.sin(Zf * rng.uniform(0.8, 1.6) + rng.uniform(0, 6))
                    + 0.8 * np.sin(Zf * 3.1 + Yw * 0.5)
                )
                scale = rng.uniform(40, 80)
                leaves = shade([0.22, 0.38, 0.14], rng, 0.2)
                where = segment & (Yw <= crown)
                zf, yw, fp = Zf[where], Yw[where], footprint[where]
                tex = sample("grass", zf * scale, yw * scale, fp * scale)
                canvas.paint(where, leaves * (1 + 0.35 * tex)[:, None], C["vegetation"], zf)
            z += length


# --------------------------------------------------------------------------- objects


@dataclass
class Thing:
    """An object standing on the ground at lateral position X and depth Z (its nearest face)."""

    kind: str
    X: float
    Z: float
    params: dict


CAR_COLORS = [
    [0.75, 0.1, 0.1],
    [0.1, 0.2, 0.6],
    [0.9, 0.9, 0.9],
    [0.08, 0.08, 0.09],
    [0.6, 0.62, 0.65],
    [0.85, 0.7, 0.1],
    [0.1, 0.4, 0.2],
    [0.35, 0.2, 0.1],
    [0.3, 0.5, 0.75],
    [0.9, 0.45, 0.1],
]


def draw_vehicle(c: Canvas, cam: Camera, t: Thing, cls: int, inst: int, rng: np.random.Generator) -> None:
    """A car or a truck/bus as a box: top, the side facing the camera, then the near face."""
    p = t.params
    w, H, L, body = p["width"], p["height"], p["length"], p["body"]
    X, Z = t.X, t.Z
    color, dark = p["color"], p["color"] * 0.7
    glass = shade([0.12, 0.14, 0.18], rng, 0.2)
    tire = np.array([0.05, 0.05, 0.05], np.float32)

    def quad(points):
        xs, ys = cam.project(*np.array(points, np.float32).T)
        return c.polygon(xs, ys)

    # Shadow on the ground (image only; the ground keeps its class).
    ground = quad(
        [
            (X - w / 2 - 0.1, 0, Z - 0.2),
            (X + w / 2 + 0.1, 0, Z - 0.2),
            (X + w / 2 + 0.1, 0, Z + L),
            (X - w / 2 - 0.1, 0, Z + L),
        ]
    )
    ground &= np.isin(c.mask, [C["road"], C["lane marking"], C["sidewalk"]])
    c.image[ground] *= 0.5
    inset = 0.12 * w
    if p["truck"]:
        c.paint(
            quad([(X - w / 2, H, Z), (X + w / 2, H, Z), (X + w / 2, H, Z + L), (X - w / 2, H, Z + L)]),
            color * 1.1,
            cls,
            Z + L / 2,
            inst,
        )
    else:
        c.paint(
            quad(
                [
                    (X - w / 2, body, Z + L - 1.2),
                    (X + w / 2, body, Z + L - 1.2),
                    (X + w / 2, body, Z + L),
                    (X - w / 2, body, Z + L),
                ]
            ),
            color,
            cls,
            Z + L,
            inst,
        )
        c.paint(
            quad(
                [
                    (X - w / 2 + inset, H, Z + 1.2),
                    (X + w / 2 - inset, H, Z + 1.2),
                    (X + w / 2 - inset, H, Z + L - 1.6),
                    (X - w / 2 + inset, H, Z + L - 1.6),
                ]
            ),
            color * 1.08,
            cls,
            Z + L / 2,
            inst,
        )
    # The side facing the camera, if any.
    side = np.sign(-X) if abs(X) > w / 2 else 0
    if side:
        xe = X + side * w / 2
        top = H if p["truck"] else body
        c.paint(
            quad([(xe, 0.3, Z), (xe, 0.3, Z + L), (xe, top, Z + L), (xe, top, Z)]), dark, cls, Z + L / 2, inst
        )
        if p["truck"] and p["bus"]:
            c.paint(
                quad(
                    [
                        (xe, 0.55 * H, Z + 0.5),
                        (xe, 0.55 * H, Z + L - 0.5),
                        (xe, 0.85 * H, Z + L - 0.5),
                        (xe, 0.85 * H, Z + 0.5),
                    ]
                ),
                glass,
                cls,
                Z + L / 2,
                inst,
            )
        elif not p["truck"]:
            xi = xe - side * inset
            c.paint(
                quad([(xe, body, Z + 0.7), (xe, body, Z + L - 1.0), (xi, H, Z + L - 1.6), (xi, H, Z + 1.2)]),
                glass,
                cls,
                Z + L / 2,
                inst,
            )
        for zw in (Z + 0.8, Z + L - 0.9):
            c.paint(
                quad([(xe, 0, zw - 0.35), (xe, 0, zw + 0.35), (xe, 0.65, zw + 0.35), (xe, 0.65, zw - 0.35)]),
                tire,
                cls,
                zw,
                inst,
            )
    if not p["truck"]:  # rear (or front) window, sloping from the body to the roof
        c.paint(
            quad(
                [
                    (X - w / 2 + 0.05, body, Z + 0.5),
                    (X + w / 2 - 0.05, body, Z + 0.5),
                    (X + w / 2 - inset, H, Z + 1.2),
                    (X - w / 2 + inset, H, Z + 1.2),
                ]
            ),
            glass,
            cls,
            Z + 0.8,
            inst,
        )
        c.paint(
            quad(
                [
                    (X - w / 2, body, Z),
                    (X + w / 2, body, Z),
                    (X + w / 2, body, Z + 0.5),
                    (X - w / 2, body, Z + 0.5),
                ]
            ),
            color,
            cls,
            Z + 0.2,
            inst,
        )
    # Near face: wheels below, then the face, its lights and details.
    x0, y0 = cam.project(X - w / 2, 0, Z)
    x1, y1 = cam.project(X + w / 2, body if not p["truck"] else H, Z)
    ppm = cam.f / Z
    wheel = 0.3 * ppm
    for xw in (x0 + 0.05 * ppm, x1 - 0.35 * ppm):
        c.paint(c.rect(xw, y0 - wheel, xw + 0.3 * ppm, y0), tire, cls, Z, inst)
    face = c.rect(x0, y1, x1, y0 - 0.25 * ppm)
    c.paint(face, color * 0.9, cls, Z, inst)
    c.paint(c.rect(x0, y0 - 0.45 * ppm, x1, y0 - 0.25 * ppm), np.array([0.1, 0.1, 0.1]), cls, Z, inst)
    lamp = [0.9, 0.1, 0.08] if p["rear"] else [0.95, 0.95, 0.8]
    ly = y1 + 0.25 * (y0 - y1) if p["truck"] else y1 + 0.1 * ppm
    for lx in (x0 + 0.05 * ppm, x1 - 0.3 * ppm):
        c.paint(c.rect(lx, ly, lx + 0.25 * ppm, ly + 0.15 * ppm), shade(lamp, rng, 0.05), cls, Z, inst)
    mid = (x0 + x1) / 2
    c.paint(
        c.rect(mid - 0.25 * ppm, y0 - 0.7 * ppm, mid + 0.25 * ppm, y0 - 0.55 * ppm),
        np.array([0.9, 0.9, 0.85]),
        cls,
        Z,
        inst,
    )
    if p["truck"]:
        if p["bus"]:
            c.paint(
                c.rect(x0 + 0.15 * ppm, y1 + 0.12 * (y0 - y1), x1 - 0.15 * ppm, y1 + 0.4 * (y0 - y1)),
                glass,
                cls,
                Z,
                inst,
            )
        else:
            c.paint(
                c.rect(mid - 0.03 * ppm, y1, mid + 0.03 * ppm, y0 - 0.45 * ppm, min_width=1),
                dark,
                cls,
                Z,
                inst,
            )


def draw_pedestrian(c: Canvas, cam: Camera, t: Thing, inst: int, rng: np.random.Generator) -> None:
    p = t.params
    ppm = cam.f / t.Z
    xc, yb = cam.project(t.X, 0, t.Z)
    height = p["height"] * ppm
    cls = C["pedestrian"]
    stride = p["stride"] * ppm
    leg_w = 0.13 * ppm
    hip = yb - 0.48 * height
    for dx in (-0.09 * ppm - stride, 0.09 * ppm + stride - leg_w):
        c.paint(
            c.polygon([xc + dx * 0.4, xc + dx * 0.4 + leg_w, xc + dx + leg_w, xc + dx], [hip, hip, yb, yb])
            | c.rect(xc + dx, yb - 0.05 * ppm, xc + dx + leg_w, yb, 1),
            p["pants"],
            cls,
            t.Z,
            inst,
        )
    shoulder = yb - 0.82 * height
    half = 0.22 * ppm
    c.paint(
        c.polygon(
            [xc - half, xc + half, xc + 0.8 * half, xc - 0.8 * half],
            [shoulder, shoulder, hip + 0.05 * height, hip + 0.05 * height],
        ),
        p["shirt"],
        cls,
        t.Z,
        inst,
    )
    for s in (-1, 1):
        xa = xc + s * (half + 0.03 * ppm)
        swing = s * p["swing"] * ppm
        c.paint(
            c.polygon(
                [xa - 0.05 * ppm, xa + 0.05 * ppm, xa + swing + 0.05 * ppm, xa + swing - 0.05 * ppm],
                [
                    shoulder + 0.02 * height,
                    shoulder + 0.02 * height,
                    shoulder + 0.36 * height,
                    shoulder + 0.36 * height,
                ],
            ),
            p["shirt"] * 0.85,
            cls,
            t.Z,
            inst,
        )
    head_r = 0.11 * ppm
    c.paint(c.ellipse(xc, shoulder - 1.1 * head_r, head_r * 0.85, head_r * 1.05), p["skin"], cls, t.Z, inst)
    c.paint(
        c.ellipse(xc, shoulder - 1.5 * head_r, head_r * 0.9, head_r * 0.7)
        & (c.rows < shoulder - 1.2 * head_r),
        p["hair"],
        cls,
        t.Z,
        inst,
    )


def draw_pole(c: Canvas, cam: Camera, t: Thing, height: float) -> tuple[float, float, float]:
    """A grey pole from the ground to ``height``; returns (column, row of its top, pixels per metre)."""
    ppm = cam.f / t.Z
    xc, yb = cam.project(t.X, 0, t.Z)
    top = yb - height * ppm
    c.paint(c.rect(xc - 0.05 * ppm, top, xc + 0.05 * ppm, yb, min_width=1), t.params["grey"], C["pole"], t.Z)
    return xc, top, ppm


def draw_sign(c: Canvas, cam: Camera, t: Thing, inst: int, rng: np.random.Generator) -> None:
    p = t.params
    xc, top, ppm = draw_pole(c, cam, t, p["height"])
    r = p["radius"] * ppm
    cy = top - 0.6 * r
    cls = C["traffic sign"]
    red, white, blue = np.array([0.8, 0.1, 0.1]), np.array([0.95, 0.95, 0.95]), np.array([0.1, 0.3, 0.75])
    shape = p["shape"]
    if shape == "triangle":
        s = -1 if p["flip"] else 1
        outer = c.polygon([xc - r, xc + r, xc], [cy + s * 0.6 * r, cy + s * 0.6 * r, cy - s * r])
        inner = c.polygon(
            [xc - 0.6 * r, xc + 0.6 * r, xc], [cy + s * 0.35 * r, cy + s * 0.35 * r, cy - s * 0.55 * r]
        )
        c.paint(outer, red, cls, t.Z - 0.01, inst)
        c.paint(inner, white, cls, t.Z - 0.01, inst)
    elif shape == "square":
        c.paint(c.rect(xc - r, cy - r, xc + r, cy + r), blue, cls, t.Z - 0.01, inst)
        c.paint(
            c.rect(xc - 0.25 * r, cy - 0.6 * r, xc + 0.25 * r, cy + 0.6 * r), white, cls, t.Z - 0.01, inst
        )
    else:
        ring, middle = (
            (red, white) if shape == "prohibitory" else (red, red) if shape == "stop" else (white, blue)
        )
        c.paint(c.ellipse(xc, cy, r, r), ring, cls, t.Z - 0.01, inst)
        c.paint(c.ellipse(xc, cy, 0.72 * r, 0.72 * r), middle, cls, t.Z - 0.01, inst)
        if shape == "stop":
            c.paint(
                c.rect(xc - 0.6 * r, cy - 0.12 * r, xc + 0.6 * r, cy + 0.12 * r), white, cls, t.Z - 0.01, inst
            )


def draw_light(c: Canvas, cam: Camera, t: Thing) -> None:
    xc, top, ppm = draw_pole(c, cam, t, t.params["height"])
    cls = C["traffic light"]
    x0, x1, y0, y1 = xc - 0.16 * ppm, xc + 0.16 * ppm, top - 0.9 * ppm, top
    c.paint(c.rect(x0, y0, x1, y1, min_width=1.5), np.array([0.12, 0.12, 0.1]), cls, t.Z - 0.01)
    on = t.params["on"]
    for k, color in enumerate(([0.95, 0.15, 0.1], [0.95, 0.75, 0.1], [0.2, 0.9, 0.3])):
        lit = np.array(color) if k == on else np.array(color) * 0.3
        c.paint(
            c.ellipse(xc, y0 + (0.17 + 0.28 * k) * ppm, 0.1 * ppm, 0.1 * ppm) & c.rect(x0, y0, x1, y1),
            lit,
            cls,
            t.Z - 0.01,
        )


def draw_lamp(c: Canvas, cam: Camera, t: Thing) -> None:
    xc, top, ppm = draw_pole(c, cam, t, t.params["height"])
    reach = t.params["reach"] * ppm
    arm = c.rect(min(xc, xc + reach), top, max(xc, xc + reach), top + 0.1 * ppm + 1)
    c.paint(arm, t.params["grey"], C["pole"], t.Z)
    head = c.rect(
        min(xc + reach, xc + 0.6 * reach), top, max(xc + reach, xc + 0.6 * reach), top + 0.2 * ppm + 1
    )
    c.paint(head, np.array([0.85, 0.85, 0.75]), C["pole"], t.Z)


def draw_clutter(c: Canvas, cam: Camera, t: Thing) -> None:
    p = t.params
    ppm = cam.f / t.Z
    xc, yb = cam.project(t.X, 0, t.Z)
    w, h = p["width"] * ppm, p["height"] * ppm
    c.paint(c.rect(xc - w / 2, yb - h, xc + w / 2, yb), p["color"], C["unlabeled"], t.Z)
    c.paint(
        c.rect(xc - w / 2 - 0.03 * ppm, yb - h - 0.08 * ppm, xc + w / 2 + 0.03 * ppm, yb - h + 0.05 * ppm),
        p["color"] * 0.7,
        C["unlabeled"],
        t.Z,
    )


def make_things(street: Street, rng: np.random.Generator) -> list[Thing]:
    """Vehicles in the lanes, people and street furniture on the sidewalks."""
    things = []
    truck_lane = int(rng.integers(street.lanes)) if rng.random() < 0.5 else -1
    for k in range(street.lanes):
        z = rng.uniform(2.0, 14.0)
        while z < 70:
            is_truck = k == truck_lane and not any(t.kind == "truck" for t in things) and rng.random() < 0.6
            if is_truck:
                bus = rng.random() < 0.5
                params = dict(
                    width=rng.uniform(2.3, 2.6),
                    height=rng.uniform(2.8, 3.6),
                    length=rng.uniform(7, 12),
                    body=0.0,
                    truck=True,
                    bus=bus,
                    color=shade(
                        CAR_COLORS[rng.integers(len(CAR_COLORS))]
                        if bus
                        else [[0.9, 0.9, 0.9], [0.7, 0.7, 0.72], [0.2, 0.3, 0.6]][rng.integers(3)],
                        rng,
                    ),
                )
            else:
                params = dict(
                    width=rng.uniform(1.65, 1.95),
                    height=rng.uniform(1.35, 1.6),
                    length=rng.uniform(3.8, 4.8),
                    truck=False,
                    bus=False,
                    color=shade(CAR_COLORS[rng.integers(len(CAR_COLORS))], rng),
                )
                params["body"] = params["height"] * rng.uniform(0.5, 0.6)
            params["rear"] = k >= street.oncoming
            x = street.lane_center(k) + rng.uniform(-0.3, 0.3)
            if rng.random() < 0.8:
                things.append(Thing("truck" if is_truck else "car", x, z, params))
            z += params["length"] + rng.uniform(2.0, 25.0)
    for side, xf in zip((-1, 1), street.facades, strict=True):
        curb = street.left if side < 0 else street.right
        width = abs(xf - curb)
        z = rng.uniform(1.0, 8.0)
        while z < 45:
            skin = shade(rng.choice([[0.95, 0.8, 0.65], [0.75, 0.55, 0.4], [0.45, 0.3, 0.2]]), rng, 0.05)
            params = dict(
                height=rng.uniform(1.5, 1.9),
                stride=rng.uniform(0.0, 0.15),
                swing=rng.uniform(-0.15, 0.15),
                skin=skin,
                hair=shade(rng.choice([[0.1, 0.08, 0.05], [0.4, 0.3, 0.15], [0.8, 0.7, 0.4]]), rng),
                shirt=rng.uniform(0.05, 0.95, 3).astype(np.float32),
                pants=rng.uniform(0.05, 0.5, 3).astype(np.float32),
            )
            things.append(
                Thing("pedestrian", curb + side * rng.uniform(0.7, max(width - 0.4, 0.8)), z, params)
            )
            z += rng.exponential(12.0) + 1.0
        z = rng.uniform(3.0, 20.0)
        grey = shade([0.45, 0.45, 0.47], rng, 0.1)
        while z < 60:
            kind = rng.choice(["sign", "light", "lamp", "clutter"], p=[0.35, 0.15, 0.3, 0.2])
            params = {"grey": grey}
            x = curb + side * 0.45
            if kind == "sign":
                params |= dict(
                    height=rng.uniform(2.0, 2.6),
                    radius=rng.uniform(0.3, 0.42),
                    flip=rng.random() < 0.3,
                    shape=rng.choice(["triangle", "square", "prohibitory", "stop", "mandatory"]),
                )
            elif kind == "light":
                params |= dict(height=rng.uniform(2.8, 3.6), on=int(rng.integers(3)))
            elif kind == "lamp":
                params |= dict(height=rng.uniform(5, 8), reach=-side * rng.uniform(0.8, 1.5))
            else:
                params |= dict(
                    width=rng.uniform(0.5, 0.9),
                    height=rng.uniform(0.6, 1.1),
                    color=shade(rng.choice([[0.2, 0.4, 0.2], [0.3, 0.3, 0.3], [0.6, 0.45, 0.2]]), rng),
                )
                x = xf - side * rng.uniform(0.4, 0.8)
            things.append(Thing(str(kind), x, z, params))
            z += rng.uniform(6.0, 25.0)
    return things


def draw(canvas: Canvas, cam: Camera, thing: Thing, inst: int, rng: np.random.Generator) -> None:
    kind = thing.kind
    if kind in ("car", "truck"):
        draw_vehicle(canvas, cam, thing, C[kind], inst, rng)
    elif kind == "pedestrian":
        draw_pedestrian(canvas, cam, thing, inst, rng)
    elif kind == "sign":
        draw_sign(canvas, cam, thing, inst, rng)
    elif kind == "light":
        draw_light(canvas, cam, thing)
    elif kind == "lamp":
        draw_lamp(canvas, cam, thing)
    else:
        draw_clutter(canvas, cam, thing)


def visible_box(instance: np.ndarray, inst: int) -> tuple[int, int, int, int] | None:
    rows, cols = np.nonzero(instance == inst)
    if rows.size == 0:
        return None
    return int(cols.min()), int(rows.min()), int(cols.max()) + 1, int(rows.max()) + 1


def acceptable(canvas: Canvas, inst: int) -> bool:
    """Is enough of object ``inst`` visible in the image, in a box of at least MIN_BOX pixels?"""
    inside = canvas.crop(canvas.instance) == inst
    box = visible_box(canvas.crop(canvas.instance), inst)
    return (
        box is not None
        and inside.sum() >= MIN_VISIBLE * canvas.full_counts[inst]
        and box[2] - box[0] >= MIN_BOX
        and box[3] - box[1] >= MIN_BOX
    )


def place(canvas: Canvas, cam: Camera, things: list[Thing], rng: np.random.Generator) -> Canvas:
    """Draw the objects far to near; drop any that would hide too much of one already there."""
    inst = 0
    for thing in sorted(things, key=lambda t: -t.Z):
        if thing.Z < 1.0:
            continue
        trial = canvas.copy()
        detected = thing.kind in ("car", "truck", "pedestrian", "sign")
        if detected:
            inst += 1
            alone = Canvas.empty()
            draw(alone, cam, thing, inst, np.random.default_rng(0))
            trial.full_counts[inst] = int((alone.instance == inst).sum())
        draw(trial, cam, thing, inst if detected else 0, rng)
        if all(acceptable(trial, i) for i in trial.full_counts):
            canvas = trial
        elif detected:
            del trial.full_counts[inst]
    return canvas


# --------------------------------------------------------------------------- scenes


def render_scene(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One scene: image (H, W, 3) uint8, mask (H, W) uint8, instance map (H, W) int16, boxes (K, 5)."""
    cam = Camera(
        f=rng.uniform(90, 115), h=rng.uniform(2.4, 3.4), vx=rng.uniform(48, 80), yh=rng.uniform(32, 46)
    )
    street = make_street(rng)
    canvas = Canvas.empty()
    horizon = paint_sky(canvas, cam, rng)
    paint_skyline(canvas, cam, rng)
    paint_ground(canvas, cam, street, rng)
    paint_sides(canvas, cam, street, rng)
    canvas = place(canvas, cam, make_things(street, rng), rng)

    image = canvas.crop(canvas.image)
    depth = np.minimum(canvas.crop(canvas.depth), 1e4)[..., None]
    haze = 1 - np.exp(-depth / rng.uniform(80, 400))
    image = image * (1 - haze) + horizon * haze
    image = image * rng.uniform(0.6, 1.15) * rng.uniform(0.92, 1.08, 3)
    image = image + rng.normal(0, rng.uniform(0.0, 0.01), image.shape)
    image = np.round(np.clip(image, 0, 1) * 255).astype(np.uint8)

    instance = canvas.crop(canvas.instance).copy()
    mask = canvas.crop(canvas.mask).copy()
    boxes, relabeled = [], np.zeros_like(instance)  # objects numbered 1..K, in the order of their boxes
    for inst in sorted(canvas.full_counts):
        x1, y1, x2, y2 = visible_box(instance, inst)
        cls = int(np.bincount(mask[instance == inst]).argmax())
        boxes.append((DETECTED[cls], x1, y1, x2, y2))
        relabeled[instance == inst] = len(boxes)
    return image, mask, relabeled, np.array(boxes, np.float32).reshape(-1, 5)


def scene_rng(split: str, index: int, seed: int = SEED) -> np.random.Generator:
    return np.random.default_rng([seed, SPLIT_IDS[split], index])


def encode_jpeg(image: np.ndarray) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return np.frombuffer(buffer.getvalue(), np.uint8)


def build_scene(split: str, index: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scene ``index`` of a split: JPEG bytes, mask, and boxes padded to MAX_OBJECTS rows of -1."""
    image, mask, _, scene_boxes = render_scene(scene_rng(split, index, seed))
    if len(scene_boxes) > MAX_OBJECTS:
        raise ValueError(f"{split} scene {index} has {len(scene_boxes)} objects, more than {MAX_OBJECTS}")
    boxes = np.full((MAX_OBJECTS, 5), -1, np.float32)
    boxes[: len(scene_boxes)] = scene_boxes
    return encode_jpeg(image), mask, boxes


def build_split(
    split: str, indices: range | None = None, seed: int = SEED, workers: int = 1
) -> dict[str, np.ndarray]:
    """The scenes ``indices`` (default: all) of a split: the arrays that the loader returns (the
    images as decoded from their JPEG bytes), plus ``"jpeg"``, those bytes (an object array).
    Each scene depends only on its own seed, so ``workers`` processes give the same arrays."""
    indices = range(SPLIT_SIZES[split]) if indices is None else indices
    jobs = [(split, i, seed) for i in indices]
    if workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            scenes = pool.starmap(build_scene, jobs, chunksize=8)
    else:
        scenes = [build_scene(*job) for job in jobs]
    jpegs = np.empty(len(scenes), object)
    jpegs[:] = [jpeg for jpeg, _, _ in scenes]
    return {
        "images": decode_jpegs(jpegs),
        "masks": np.stack([mask for _, mask, _ in scenes]),
        "boxes": np.stack([boxes for _, _, boxes in scenes]),
        "jpeg": jpegs,
    }


def write(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Images as JPEG bytes (one variable-length row each); masks and boxes gzip-compressed."""
    with h5py.File(path, "w", track_order=False) as f:
        f.create_dataset(
            "images_jpeg", data=arrays["jpeg"], dtype=h5py.vlen_dtype(np.uint8), track_times=False
        )
        for name in ("masks", "boxes"):
            f.create_dataset(
                name,
                data=arrays[name],
                chunks=(1,) + arrays[name].shape[1:],
                compression="gzip",
                compression_opts=9,
                shuffle=True,
                track_times=False,
            )
        f.attrs["segmentation_classes"] = np.array(SEGMENTATION_CLASSES, dtype=h5py.string_dtype())
        f.attrs["detection_classes"] = np.array(DETECTION_CLASSES, dtype=h5py.string_dtype())


def main(out_dir: Path = OUT_DIR, workers: int = min(2, os.cpu_count() or 1)) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for split in SPLIT_SIZES:
        arrays = build_split(split, workers=workers)
        write(out_dir / f"streets_{split}.h5", arrays)
        counts = np.bincount(arrays["masks"].ravel(), minlength=len(SEGMENTATION_CLASSES))
        objects = np.bincount(
            arrays["boxes"][..., 0][arrays["boxes"][..., 0] >= 0].astype(int),
            minlength=len(DETECTION_CLASSES),
        )
        print(
            f"{split}: {arrays['images'].shape}; pixels per class "
            f"{dict(zip(SEGMENTATION_CLASSES, (counts / counts.sum()).round(4).tolist(), strict=True))}; "
            f"boxes per class {dict(zip(DETECTION_CLASSES, objects.tolist(), strict=True))}"
        )


if __name__ == "__main__":
    main()
