"""Build the face-identity images of course4's "Face Recognition": people who can be told apart.

The original assignment compares photos of its staff with a FaceNet network trained on millions
of identity-labelled photos. No package ships identity-labelled face photos offline (scikit-image's
``data.lfw_subset()`` has 100 real LFW face crops but no names; scikit-learn's LFW and Olivetti
loaders download their data), so the people here are drawn, one stable set of traits per person,
and every photo of a person changes only what a camera changes.

**Identity** (drawn once per person from ``np.random.default_rng([SEED, kind, index])``):
the face's width and height, skin tone, a real skin texture (one of the 100 LFW crops, blurred
into shading: pores, cheekbones and eye sockets of a real face at low contrast), eye height,
spacing, size and iris color, eyebrow thickness, slant and color, nose length and width, mouth
width and lip color, hair color, hair line, side hair and fringe, and for some people glasses
or a beard. The LFW crops are split by person kind: training people use 60 of them, validation
people 15 and test / named people the other 25, so no texture of a held-out person was seen in
training.

**Nuisance** (drawn per photo): expression (smile or frown, open mouth, eye opening, raised
brows), head turn (the features slide sideways and the face narrows), rotation (+-10 degrees),
scale (0.9 to 1.1), shift (+-3 px), lighting (brightness 0.75 to 1.2, a light gradient from a
random side, a color cast), background color and gradient, blur and sensor noise.

Images are 64x64 RGB uint8, anti-aliased, drawn with numpy and warped with scikit-image.

Files written to ``datasets/face_ids/`` (gzip, no timestamps: a rebuild is byte-identical):

- ``faces_val.h5`` and ``faces_test.h5``: ``x`` (N, 64, 64, 3) uint8 and ``identity`` (N,)
  int64, ``PHOTOS_PER_PERSON`` photos of each of ``HELD_OUT_PEOPLE`` people who are not among
  the training people; the encoder's threshold is chosen on the first and reported on the second;
- ``images/<name>.png``: one database photo for each of the 12 named people (``NAMES``), and
  ``images/camera_<k>.png``: what the door camera saw, ``CAMERAS`` says who.

The training people (``TRAIN_PEOPLE`` of them) are not written to disk: ``photos("train", ...)``
makes them in memory, the same bytes every time, and ``datasets/train_face_encoder.py`` calls it.

Run: python datasets/build_face_ids.py   (then update MANIFEST if the checksums changed)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import h5py
import numpy as np
from PIL import Image
from skimage import data, filters, transform

SEED = 7
NUM_PX = 64
KINDS = {"train": 0, "val": 1, "test": 2, "named": 3, "stranger": 4}
# Which of the 100 LFW face crops each kind of person may wear as texture (disjoint sets).
CROP_POOLS = {"train": range(0, 60), "val": range(60, 75), "test": range(75, 100),
              "named": range(75, 100), "stranger": range(75, 100)}
TRAIN_PEOPLE = 1200
HELD_OUT_PEOPLE = 80
PHOTOS_PER_PERSON = 5
NAMES = ("ada", "bruno", "chiara", "dmitri", "elena", "farid", "grace", "hiro", "ines", "jonas",
         "kemi", "lucas")
# camera_<k>.png shows this person: a named one, or None for a stranger (stranger number k).
CAMERAS = ("bruno", None, "ines", "elena", None, "hiro")
OUT_DIR = Path(__file__).resolve().parent / "face_ids"

ROWS, COLS = np.mgrid[0:NUM_PX, 0:NUM_PX].astype(float)
HAIR_COLORS = np.array([[0.08, 0.06, 0.05], [0.25, 0.15, 0.08], [0.45, 0.30, 0.15], [0.80, 0.65, 0.35],
                        [0.55, 0.22, 0.10], [0.62, 0.62, 0.60]])
IRIS_COLORS = np.array([[0.30, 0.18, 0.08], [0.15, 0.10, 0.06], [0.25, 0.45, 0.70], [0.30, 0.50, 0.30]])


@dataclass(frozen=True)
class Person:
    """The traits that make someone recognizable; lengths in pixels of a 64x64 photo."""

    face_w: float
    face_h: float
    skin: np.ndarray
    texture: np.ndarray
    eye_y: float
    eye_dx: float
    eye_w: float
    eye_h: float
    iris: np.ndarray
    brow_gap: float
    brow_thick: float
    brow_slant: float
    nose_len: float
    nose_w: float
    mouth_y: float
    mouth_w: float
    lips: np.ndarray
    hair: np.ndarray
    hair_line: float
    side_hair: float
    fringe: float
    glasses: bool
    beard: float


def lfw_textures() -> np.ndarray:
    """The 100 real LFW face crops as (100, 64, 64) low-contrast shading around 1."""
    crops = data.lfw_subset()[:100]
    textures = []
    for crop in crops:
        big = transform.resize(crop, (NUM_PX, NUM_PX), order=1, anti_aliasing=True)
        big = filters.gaussian(big, sigma=1.0)
        textures.append(1.0 + 0.45 * (big - big.mean()))
    return np.stack(textures)


def make_person(kind: str, index: int, textures: np.ndarray) -> Person:
    rng = np.random.default_rng([SEED, KINDS[kind], index])
    tone = rng.uniform()
    skin = (1 - tone) * np.array([0.96, 0.80, 0.68]) + tone * np.array([0.42, 0.27, 0.18])
    skin = np.clip(skin + rng.uniform(-0.04, 0.04, 3), 0, 1)
    pool = CROP_POOLS[kind]
    hair = HAIR_COLORS[rng.integers(len(HAIR_COLORS))] * rng.uniform(0.8, 1.15)
    return Person(
        face_w=rng.uniform(13.0, 18.0), face_h=rng.uniform(18.0, 23.0), skin=skin,
        texture=textures[pool[rng.integers(len(pool))]],
        eye_y=rng.uniform(-5.0, -1.0), eye_dx=rng.uniform(5.0, 8.0), eye_w=rng.uniform(2.2, 3.4),
        eye_h=rng.uniform(1.2, 2.1), iris=IRIS_COLORS[rng.integers(len(IRIS_COLORS))],
        brow_gap=rng.uniform(2.5, 4.5), brow_thick=rng.uniform(0.8, 2.0), brow_slant=rng.uniform(-1.2, 1.2),
        nose_len=rng.uniform(5.0, 9.0), nose_w=rng.uniform(1.5, 3.5),
        mouth_y=rng.uniform(8.0, 12.0), mouth_w=rng.uniform(4.0, 8.0),
        lips=np.array([0.65, 0.30, 0.30]) * rng.uniform(0.6, 1.0),
        hair=np.clip(hair, 0, 1), hair_line=rng.uniform(0.25, 0.6), side_hair=rng.uniform(0.0, 1.0),
        fringe=rng.uniform(0.0, 1.0), glasses=bool(rng.random() < 0.2),
        beard=float(rng.uniform(0.5, 0.9)) if rng.random() < 0.15 else 0.0,
    )


def ellipse(cy: float, cx: float, ry: float, rx: float) -> np.ndarray:
    """Anti-aliased coverage (0..1) of an axis-aligned ellipse."""
    r = np.sqrt(((ROWS - cy) / ry) ** 2 + ((COLS - cx) / rx) ** 2)
    return np.clip((1.0 - r) * min(ry, rx) + 0.5, 0.0, 1.0)


def band(cy: float, cx: float, half_width: float, sag: float, thick: float) -> np.ndarray:
    """Coverage of a curved stroke y = cy + sag (1 - u^2), |u| <= 1, ``thick`` px thick."""
    u = (COLS - cx) / half_width
    centre = cy + sag * (1 - u**2)
    inside = np.clip(thick / 2 + 0.5 - np.abs(ROWS - centre), 0.0, 1.0)
    return inside * np.clip(half_width - np.abs(COLS - cx) + 0.5, 0.0, 1.0)


def paint(image: np.ndarray, coverage: np.ndarray, color: np.ndarray) -> np.ndarray:
    return image * (1 - coverage[..., None]) + np.asarray(color) * coverage[..., None]


def draw(person: Person, rng: np.random.Generator) -> np.ndarray:
    """One photo of ``person`` as (64, 64, 3) floats in [0, 1]."""
    p = person
    background = rng.uniform(0.1, 0.9, 3)
    slope = rng.uniform(-0.25, 0.25)
    image = np.clip(background * (1 + slope * (ROWS / NUM_PX - 0.5))[..., None], 0, 1)
    cy, cx = 34.0, 32.0
    turn = rng.uniform(-1.0, 1.0)  # head turn: features slide sideways, the face narrows
    fx = cx + 2.5 * turn
    face_w = p.face_w * (1 - 0.08 * abs(turn))

    top = cy - p.face_h
    image = paint(image, ellipse(cy - 4, cx, p.face_h + 2, face_w + 2 + 3 * p.side_hair)
                  * (ROWS < cy + 4 + 12 * p.side_hair), p.hair)
    face = ellipse(cy, cx, p.face_h, face_w)
    shade = np.clip(p.texture * (1 + 0.08 * turn * (COLS - cx) / face_w), 0.6, 1.4)
    image = paint(image, face, np.clip(p.skin * shade[..., None], 0, 1))
    # Hair over the forehead: above the hair line, inside a slightly bigger head.
    hair_edge = top + 2 * p.face_h * p.hair_line * (0.55 + 0.45 * ((COLS - cx) / face_w) ** 2)
    hair_edge += 3 * p.fringe * np.cos((COLS - cx) * 0.9) * (np.abs(COLS - cx) < face_w)
    scalp = ellipse(cy - 1, cx, p.face_h + 1.5, face_w + 1.5) * np.clip(hair_edge - ROWS + 0.5, 0, 1)
    image = paint(image, scalp, p.hair)

    smile = rng.uniform(-1.0, 2.5)
    openness = rng.uniform(0.55, 1.1)
    raise_brows = rng.uniform(-0.5, 1.5)
    eye_y = cy + p.eye_y
    for side in (-1, 1):
        ex = fx + side * p.eye_dx * (1 - 0.1 * side * turn)
        h = p.eye_h * openness
        image = paint(image, ellipse(eye_y, ex, h, p.eye_w), [0.95, 0.95, 0.92])
        iris = ellipse(eye_y, ex + 0.8 * turn, min(h, 1.4), 1.4) * (ellipse(eye_y, ex, h, p.eye_w) > 0.5)
        image = paint(image, iris, p.iris)
        brow_y = eye_y - p.eye_h - p.brow_gap - raise_brows
        brow = band(brow_y, ex, p.eye_w + 1.2, side * p.brow_slant * 0.5 - 0.6, p.brow_thick)
        image = paint(image, brow, p.hair * 0.7)
        if p.glasses:
            ring = ellipse(eye_y, ex, 3.6, p.eye_w + 2.2) - ellipse(eye_y, ex, 2.8, p.eye_w + 1.4)
            image = paint(image, np.clip(ring, 0, 1), [0.1, 0.1, 0.12])
    if p.glasses:
        image = paint(image, band(eye_y - 1, fx, p.eye_dx - p.eye_w - 1.5, -0.5, 0.9), [0.1, 0.1, 0.12])

    nose_top, nose_tip = eye_y + 1.5, eye_y + 1.5 + p.nose_len
    ridge = ellipse((nose_top + nose_tip) / 2, fx + 0.8 * turn, p.nose_len / 2, p.nose_w / 2.5)
    image = paint(image, 0.35 * ridge, p.skin * 0.6)
    for side in (-1, 1):
        image = paint(image, 0.7 * ellipse(nose_tip, fx + 1.2 * turn + side * p.nose_w * 0.6, 0.8, 1.0),
                      p.skin * 0.35)

    mouth_y = cy + p.mouth_y
    if p.beard:
        jaw = face * np.clip(ROWS - (mouth_y - 3.0) + 0.5, 0, 1)
        image = paint(image, p.beard * jaw, p.hair)
    mouth_open = rng.uniform(0, 2.0) if rng.random() < 0.3 else 0.0
    if mouth_open:
        image = paint(image, ellipse(mouth_y + smile * 0.5, fx + turn, mouth_open, p.mouth_w * 0.7),
                      [0.25, 0.08, 0.08])
    upper = band(mouth_y - mouth_open / 2, fx + turn, p.mouth_w, smile, 1.6)
    image = paint(image, upper, p.lips)
    lower = band(mouth_y + mouth_open / 2, fx + turn, p.mouth_w, smile * 0.8, 1.8)
    image = paint(image, lower, p.lips * 0.85)
    return np.clip(image, 0, 1)


def camera(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Pose, lighting, blur and noise of one shot."""
    angle = np.deg2rad(rng.uniform(-10.0, 10.0))
    scale = rng.uniform(0.9, 1.1)
    shift = rng.uniform(-3.0, 3.0, size=2)
    centre = np.array([NUM_PX / 2 - 0.5, NUM_PX / 2 - 0.5])
    move = transform.AffineTransform(translation=-centre) + transform.AffineTransform(
        scale=scale, rotation=angle, translation=centre + shift)
    image = transform.warp(image, move.inverse, order=1, mode="edge")
    direction = rng.uniform(0, 2 * np.pi)
    gradient = rng.uniform(0, 0.35) * ((COLS - 32) * np.cos(direction) + (ROWS - 32) * np.sin(direction)) / 32
    cast = 1 + rng.uniform(-0.06, 0.06, 3)
    image = image * (rng.uniform(0.75, 1.2) * (1 + gradient))[..., None] * cast
    sigma = rng.uniform(0.0, 0.8)
    if sigma > 0.3:
        image = filters.gaussian(image, sigma=sigma, channel_axis=-1)
    image = image + rng.normal(0.0, rng.uniform(0.0, 0.03), size=image.shape)
    return np.clip(image, 0, 1)


def photo(person: Person, rng: np.random.Generator) -> np.ndarray:
    return np.round(camera(draw(person, rng), rng) * 255).astype(np.uint8)


def photos(kind: str, people: int, per_person: int,
           textures: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``per_person`` photos of each of ``people`` people of ``kind``, grouped by person.

    Returns:
        x: (people * per_person, 64, 64, 3) uint8 images.
        identity: (people * per_person,) int64, the person's index, 0 to people - 1.
    """
    textures = lfw_textures() if textures is None else textures
    images = []
    for index in range(people):
        person = make_person(kind, index, textures)
        rng = np.random.default_rng([SEED, KINDS[kind], index, 1])
        images += [photo(person, rng) for _ in range(per_person)]
    return np.stack(images), np.repeat(np.arange(people, dtype=np.int64), per_person)


def named_photos(textures: np.ndarray) -> dict[str, np.ndarray]:
    """The database photo of each named person and the camera shots, by file stem."""
    people = {name: make_person("named", i, textures) for i, name in enumerate(NAMES)}
    shots = {name: photo(person, np.random.default_rng([SEED, KINDS["named"], i, 1]))
             for i, (name, person) in enumerate(people.items())}
    for k, name in enumerate(CAMERAS):
        person = people[name] if name else make_person("stranger", k, textures)
        shots[f"camera_{k}"] = photo(person, np.random.default_rng([SEED, KINDS["named"], 100 + k]))
    return shots


def write_h5(path: Path, x: np.ndarray, identity: np.ndarray) -> None:
    with h5py.File(path, "w", track_order=False) as f:
        f.create_dataset("x", data=x, compression="gzip", compression_opts=9, track_times=False)
        f.create_dataset("identity", data=identity, track_times=False)


def main(out_dir: Path = OUT_DIR) -> None:
    textures = lfw_textures()
    (out_dir / "images").mkdir(parents=True, exist_ok=True)
    for kind in ("val", "test"):
        x, identity = photos(kind, HELD_OUT_PEOPLE, PHOTOS_PER_PERSON, textures)
        write_h5(out_dir / f"faces_{kind}.h5", x, identity)
        print(f"{kind}: {x.shape}")
    for stem, image in named_photos(textures).items():
        Image.fromarray(image).save(out_dir / "images" / f"{stem}.png", optimize=True)
    print(f"images: {len(NAMES)} named people, {len(CAMERAS)} camera shots")


if __name__ == "__main__":
    main()
