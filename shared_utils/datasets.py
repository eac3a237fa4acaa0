"""Loaders for the course's data files, verified against ``datasets/MANIFEST``.

Every file under ``datasets/`` is listed in the manifest with its sha256, size, provenance and
the command that rebuilds it. Loaders verify the checksum before reading, so a truncated or
hand-edited file fails loudly with the command that restores it, instead of training quietly on
wrong data. Set ``DL_COURSE_DATASETS`` to read the files from another folder.
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

__all__ = ["DatasetError", "ManifestEntry", "datasets_dir", "load_face_dataset", "read_manifest",
           "verified_path"]

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
