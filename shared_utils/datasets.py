"""Loaders for the course's data files, verified against ``datasets/MANIFEST``.

Every file under ``datasets/`` is listed in the manifest with its sha256, size, provenance and
the command that rebuilds it. Loaders verify the checksum before reading, so a truncated or
hand-edited file fails loudly with the command that restores it, instead of training quietly on
wrong data. Set ``DL_COURSE_DATASETS`` to read the files from another folder.

The small 2-D toy sets (:func:`load_planar_dataset`, :func:`load_extra_datasets`) are generated
in memory from a seed instead: they need no file and no manifest entry, and the same seed always
gives the same points.
"""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import h5py
import numpy as np

__all__ = ["DatasetError", "ManifestEntry", "datasets_dir", "load_circles_dataset", "load_extra_datasets",
           "load_face_dataset", "load_goalkeeper_dataset", "load_moons_dataset", "load_planar_dataset",
           "read_manifest", "verified_path"]

MANIFEST_NAME = "MANIFEST"


class DatasetError(RuntimeError):
    """A data file is missing, unlisted or does not match its checksum."""


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    sha256: str
    size: int
    rebuild: str
    provenance: str


def datasets_dir() -> Path:
    """The folder holding the data files and their MANIFEST."""
    override = os.environ.get("DL_COURSE_DATASETS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "datasets"


def read_manifest(root: Path | None = None) -> dict[str, ManifestEntry]:
    """Parse ``MANIFEST`` (tab-separated: path, sha256, bytes, rebuild command, provenance)."""
    manifest = (root or datasets_dir()) / MANIFEST_NAME
    if not manifest.is_file():
        raise DatasetError(f"no manifest at {manifest}: is DL_COURSE_DATASETS set to the right folder?")
    with manifest.open(newline="") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]
    header, *body = rows
    if header != ["path", "sha256", "bytes", "rebuild", "provenance"]:
        raise DatasetError(f"{manifest}: unexpected header {header}")
    return {r[0]: ManifestEntry(r[0], r[1], int(r[2]), r[3], r[4]) for r in body}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified_path(relative: str, root: Path | None = None) -> Path:
    """Return the path of a manifest-listed data file after checking its sha256."""
    root = root or datasets_dir()
    return _verified(relative, root)


@cache
def _verified(relative: str, root: Path) -> Path:
    entries = read_manifest(root)
    if relative not in entries:
        raise DatasetError(f"{relative} is not listed in {root / MANIFEST_NAME}")
    entry = entries[relative]
    path = root / relative
    if not path.is_file():
        raise DatasetError(f"{path} is missing; rebuild it with `{entry.rebuild}`")
    actual = sha256_of(path)
    if actual != entry.sha256:
        raise DatasetError(
            f"{path} has sha256 {actual[:12]}..., the manifest says {entry.sha256[:12]}...; "
            f"rebuild it with `{entry.rebuild}`"
        )
    return path


def load_face_dataset(
    root: Path | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Faces vs. non-faces, in the layout of the original cat / non-cat files.

    Returns:
        train_set_x_orig: (m_train, 64, 64, 3) uint8 images.
        train_set_y: (1, m_train) labels, 1 = face, 0 = non-face.
        test_set_x_orig: (m_test, 64, 64, 3) uint8 images.
        test_set_y: (1, m_test) labels.
        classes: (2,) bytes array, ``[b"non-face", b"face"]``.
    """
    with h5py.File(verified_path("faces/train_faces.h5", root), "r") as train:
        train_x = np.array(train["train_set_x"][:])
        train_y = np.array(train["train_set_y"][:]).reshape(1, -1)
    with h5py.File(verified_path("faces/test_faces.h5", root), "r") as test:
        test_x = np.array(test["test_set_x"][:])
        test_y = np.array(test["test_set_y"][:]).reshape(1, -1)
        classes = np.array(test["list_classes"][:])
    return train_x, train_y, test_x, test_y, classes


def load_planar_dataset(seed: int = 1, m: int = 400) -> tuple[np.ndarray, np.ndarray]:
    """The 2-class "flower": points along the petals of a rose curve, two colors, with noise.

    Each class has ``m // 2`` points. A point of class ``j`` has an angle ``t`` spread over the
    half turn ``[j * pi, (j + 1) * pi)`` and a signed radius ``4 * sin(4 t)``; both are jittered
    by Gaussian noise of standard deviation 0.2. Since the radius changes sign from one petal to
    the next, the 8 petals alternate between the classes, and no straight line separates them.

    Args:
        seed: seed of the random generator; the same seed always gives the same data.
        m: total number of points, even.

    Returns:
        X: (2, m) float array of coordinates, one point per column.
        Y: (1, m) uint8 array of labels 0 / 1; the first ``m // 2`` columns are class 0.
    """
    if m <= 0 or m % 2:
        raise ValueError(f"m must be a positive even number, got {m}")
    rng = np.random.default_rng(seed)
    per_class = m // 2
    petal_length, noise = 4.0, 0.2
    angles, radii = [], []
    for label in (0, 1):
        t = np.linspace(label * np.pi, (label + 1) * np.pi, per_class, endpoint=False)
        t = t + noise * rng.standard_normal(per_class)
        r = petal_length * np.sin(4 * t) + noise * rng.standard_normal(per_class)
        angles.append(t)
        radii.append(r)
    t, r = np.concatenate(angles), np.concatenate(radii)
    X = np.stack([r * np.sin(t), r * np.cos(t)])
    Y = np.repeat(np.array([0, 1], dtype=np.uint8), per_class).reshape(1, m)
    return X, Y


def load_extra_datasets(seed: int = 0) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Five more 2-D binary problems of 200 points, made with scikit-learn's generators.

    - ``"noisy_circles"``: a ring around a disk (``make_circles``, factor 0.5, noise 0.3);
    - ``"noisy_moons"``: two interleaved half circles (``make_moons``, noise 0.2);
    - ``"blobs"``: six Gaussian blobs centered on a 3 x 2 grid (``make_blobs``, std 0.5), labelled
      ``k % 2`` for blob ``k``, which makes a checkerboard;
    - ``"gaussian_quantiles"``: an inner and an outer shell of one Gaussian
      (``make_gaussian_quantiles``, cov 0.5);
    - ``"no_structure"``: uniform points in the unit square with random labels (nothing to learn).

    Args:
        seed: seed of the random generators; the same seed always gives the same data.

    Returns:
        datasets: dict mapping each name above to ``(X, Y)``, with X a (2, 200) float array
            (one point per column) and Y a (1, 200) uint8 array of labels 0 / 1.
    """
    from sklearn import datasets as generators  # imported here: only these toy sets need it

    n = 200
    seeds = np.random.SeedSequence(seed).generate_state(5)
    # Six centers on a 3 x 2 grid around the origin, 2 apart; labels k % 2 make a checkerboard.
    blob_centers = 2.0 * np.array([[column - 1.0, row - 0.5] for row in range(2) for column in range(3)])
    made = {
        "noisy_circles": generators.make_circles(n_samples=n, factor=0.5, noise=0.3,
                                                 random_state=int(seeds[0])),
        "noisy_moons": generators.make_moons(n_samples=n, noise=0.2, random_state=int(seeds[1])),
        "blobs": generators.make_blobs(n_samples=n, centers=blob_centers, cluster_std=0.5,
                                       random_state=int(seeds[2])),
        "gaussian_quantiles": generators.make_gaussian_quantiles(cov=0.5, n_samples=n, n_features=2,
                                                                 n_classes=2,
                                                                 random_state=int(seeds[3])),
    }
    rng = np.random.default_rng(int(seeds[4]))
    made["no_structure"] = (rng.uniform(size=(n, 2)), rng.integers(0, 2, size=n))
    return {name: (np.asarray(points, dtype=float).T, (np.asarray(labels) % 2).astype(np.uint8).reshape(1, n))
            for name, (points, labels) in made.items()}


def load_signs_dataset(
    root: Path | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Hand-written digits 0 to 5, in the layout of the original SIGNS files.

    The images are scikit-learn's 8x8 ``load_digits()`` of the digits 0-5, enlarged to 64x64
    (bilinear) and repeated over 3 equal channels; see ``datasets/build_signs.py``.

    Returns:
        train_set_x_orig: (963, 64, 64, 3) uint8 images.
        train_set_y: (1, 963) int64 labels, the digit shown (0 to 5).
        test_set_x_orig: (120, 64, 64, 3) uint8 images, 20 per digit.
        test_set_y: (1, 120) int64 labels.
        classes: (6,) int64 array, ``[0, 1, 2, 3, 4, 5]``.
    """
    with h5py.File(verified_path("signs/train_signs.h5", root), "r") as train:
        train_x = np.array(train["train_set_x"][:])
        train_y = np.array(train["train_set_y"][:]).reshape(1, -1)
    with h5py.File(verified_path("signs/test_signs.h5", root), "r") as test:
        test_x = np.array(test["test_set_x"][:])
        test_y = np.array(test["test_set_y"][:]).reshape(1, -1)
        classes = np.array(test["list_classes"][:])
    return train_x, train_y, test_x, test_y, classes


def load_moons_dataset() -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half-moons: the training set of the optimization-methods assignment.

    The 300 points of scikit-learn's ``make_moons(n_samples=300, noise=0.2)`` drawn from a random
    state seeded with 3: the same points as the original assignment (which called
    ``np.random.seed(3)`` first), without touching numpy's global random generator. Generated in
    memory; no data file.

    Returns:
        train_X: (2, 300) float array of coordinates, one point per column.
        train_Y: (1, 300) int array of labels 0 / 1 (150 of each), the moon of each point.
    """
    from sklearn.datasets import make_moons  # imported here: scikit-learn is slow to import

    X, y = make_moons(n_samples=300, noise=0.2, random_state=np.random.RandomState(3))
    return X.T, y.reshape(1, -1)


def load_circles_dataset() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Two noisy concentric circles: the data of the initialization assignment.

    scikit-learn's ``make_circles(n_samples=300, noise=0.05)`` from a random state seeded with 1
    for the training set, and ``make_circles(n_samples=100, noise=0.05)`` seeded with 2 for the
    test set: the same points as the original assignment (which called ``np.random.seed`` first),
    without touching numpy's global random generator. Generated in memory; no data file.

    Returns:
        train_X: (2, 300) float array of coordinates, one point per column.
        train_Y: (1, 300) int array of labels, 0 = outer circle (radius 1), 1 = inner circle
            (radius 0.8); 150 of each.
        test_X: (2, 100) float array.
        test_Y: (1, 100) int array of labels, 50 of each.
    """
    from sklearn.datasets import make_circles  # imported here: scikit-learn is slow to import

    train_X, train_y = make_circles(n_samples=300, noise=0.05, random_state=np.random.RandomState(1))
    test_X, test_y = make_circles(n_samples=100, noise=0.05, random_state=np.random.RandomState(2))
    return train_X.T, train_y.reshape(1, -1), test_X.T, test_y.reshape(1, -1)


def load_goalkeeper_dataset(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Where a goalkeeper's kick came down, and which team won the header: the regularization data.

    A made-up stand-in for the original's "French goalkeeper" data, with the same shapes. Points
    are uniform on the field ``[-0.75, 0.75] x [-0.75, 0.65]``. The club's players (label 1) win
    the ball above the gentle curve ``x2 = -0.05 + 0.1 sin(2 x1 + 0.5)``, opponents (label 0)
    below it, except that each label is flipped with probability
    ``0.03 + 0.5 exp(-(d / 0.06)^2)``, ``d`` being the vertical distance to the curve: near the
    curve a header is a coin toss, and anywhere there is a 3 % chance of a lucky one. A
    ``[2, 20, 3, 1]`` network trained without regularization fits much of that noise.
    Training and test sets are independent draws from the same distribution, from
    ``np.random.default_rng(seed)``; numpy's global random generator is not touched. Generated in
    memory; no data file.

    Args:
        seed: the seed of the draw (the assignment uses the default).

    Returns:
        train_X: (2, 211) float array of coordinates, one point per column.
        train_Y: (1, 211) int array of labels, 1 = the club won the header, 0 = the opponent.
        test_X: (2, 200) float array.
        test_Y: (1, 200) int array.
    """
    rng = np.random.default_rng(seed)

    def draw(m: int) -> tuple[np.ndarray, np.ndarray]:
        X = np.vstack([rng.uniform(-0.75, 0.75, m), rng.uniform(-0.75, 0.65, m)])
        distance = X[1] - (-0.05 + 0.1 * np.sin(2.0 * X[0] + 0.5))
        flip = rng.random(m) < 0.03 + 0.5 * np.exp(-((distance / 0.06) ** 2))
        return X, ((distance > 0) ^ flip).astype(np.int64).reshape(1, m)

    train_X, train_Y = draw(211)
    test_X, test_Y = draw(200)
    return train_X, train_Y, test_X, test_Y


def load_happy_dataset(
    root: Path | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Faces with a smiling or a not-smiling mouth, in the layout of the original Happy House files.

    The faces are real (the 100 LFW faces of scikit-image's ``data.lfw_subset()``, 25x25 gray,
    resized to 64x64 and tinted); the mouths, and so the labels, are drawn over them, with random
    augmentations. Training and test images show different people. See
    ``datasets/build_happy.py``.

    Returns:
        train_set_x_orig: (600, 64, 64, 3) uint8 images.
        train_set_y: (1, 600) int64 labels, 1 = smiling, 0 = not smiling (300 of each).
        test_set_x_orig: (150, 64, 64, 3) uint8 images.
        test_set_y: (1, 150) int64 labels (75 of each).
        classes: (2,) bytes array, ``[b"not smiling", b"smiling"]``.
    """
    with h5py.File(verified_path("happy/train_happy.h5", root), "r") as train:
        train_x = np.array(train["train_set_x"][:])
        train_y = np.array(train["train_set_y"][:]).reshape(1, -1)
    with h5py.File(verified_path("happy/test_happy.h5", root), "r") as test:
        test_x = np.array(test["test_set_x"][:])
        test_y = np.array(test["test_set_y"][:]).reshape(1, -1)
        classes = np.array(test["list_classes"][:])
    return train_x, train_y, test_x, test_y, classes


RESNET50_WEIGHTS = "resnet50/resnet50_signs_weights.h5"
RESNET50_WEIGHTS_FORMAT = "course4-resnet50-signs-float16-v1"


def load_resnet50_weights(model, root: Path | None = None) -> None:
    """Load the shipped ResNet-50 weights (trained on the hand digits) into ``model``, in place.

    The file ``datasets/resnet50/resnet50_signs_weights.h5`` is made by
    ``datasets/train_resnet50.py``: the 320 arrays of ``model.get_weights()`` of the course4
    "Residual Networks" ResNet-50 (``input_shape=(64, 64, 3), classes=6``), stored as float16.
    Its sha256 is checked against the manifest first. The arrays are matched to
    ``model.weights`` by position (layer names do not matter), so ``model`` must have the
    assignment's layers in the same order with the same shapes; otherwise nothing is loaded and
    a ``DatasetError`` names the first array that does not fit. Set
    ``DL_COURSE_RESNET50_WEIGHTS`` (and ``..._SHA256``) to use another Keras weights file for the
    same architecture (see ``shared_utils.weights``).

    Args:
        model: a Keras model built by the assignment's ``ResNet50()``.
        root: the datasets folder (default: :func:`datasets_dir`).
    """
    from shared_utils.weights import load_weights

    load_weights(model, RESNET50_WEIGHTS, RESNET50_WEIGHTS_FORMAT,
                 architecture="the assignment's ResNet50(input_shape=(64, 64, 3), classes=6)",
                 override_env="DL_COURSE_RESNET50_WEIGHTS", root=root)
