"""Tests for shared_utils.datasets, datasets/MANIFEST and datasets/build_faces.py."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from pathlib import Path

import numpy as np
import pytest

from shared_utils.datasets import (
    DatasetError,
    datasets_dir,
    load_face_dataset,
    read_manifest,
    verified_path,
)

DATASETS = Path(__file__).resolve().parent.parent / "datasets"
REBUILD = "python datasets/build_faces.py"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def copy_root(tmp_path: Path) -> Path:
    """A fresh copy of the datasets folder (fresh path, so verified_path's cache is cold)."""
    root = tmp_path / "datasets"
    shutil.copytree(DATASETS, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.fixture(scope="module")
def faces():
    return load_face_dataset(DATASETS)


def test_face_dataset_shapes_and_dtypes(faces):
    """Does load_face_dataset return the cat/non-cat layout: 150/50 64x64x3 uint8 images?"""
    train_x, train_y, test_x, test_y, classes = faces
    assert train_x.shape == (150, 64, 64, 3) and train_x.dtype == np.uint8
    assert train_y.shape == (1, 150)
    assert test_x.shape == (50, 64, 64, 3) and test_x.dtype == np.uint8
    assert test_y.shape == (1, 50)
    assert classes.tolist() == [b"non-face", b"face"]


def test_face_dataset_labels(faces):
    """Are labels 0/1 with both classes present, balanced, in train and test?"""
    _, train_y, _, test_y, _ = faces
    for labels, per_class in ((train_y, 75), (test_y, 25)):
        assert set(np.unique(labels).tolist()) == {0, 1}
        assert int(labels.sum()) == per_class


def test_face_dataset_images_are_gray_in_three_channels(faces):
    """Are the images real (non-constant) gray crops repeated over 3 equal channels?"""
    train_x, _, test_x, _, _ = faces
    for x in (train_x, test_x):
        assert np.array_equal(x[..., 0], x[..., 1]) and np.array_equal(x[..., 0], x[..., 2])
        assert x.std() > 10


def test_default_root_is_the_repository_datasets(monkeypatch):
    """Without DL_COURSE_DATASETS, is datasets_dir() the repository's datasets folder?"""
    monkeypatch.delenv("DL_COURSE_DATASETS", raising=False)
    assert datasets_dir() == DATASETS


def test_env_var_redirects_datasets_dir(monkeypatch, copy_root):
    """Does DL_COURSE_DATASETS redirect datasets_dir() and the loaders that use it?"""
    monkeypatch.setenv("DL_COURSE_DATASETS", str(copy_root))
    assert datasets_dir() == copy_root
    assert verified_path("faces/test_faces.h5") == copy_root / "faces" / "test_faces.h5"
    assert load_face_dataset()[3].shape == (1, 50)


def test_env_var_to_folder_without_manifest(monkeypatch, tmp_path):
    """Does DL_COURSE_DATASETS pointing at an empty folder fail naming the missing manifest?"""
    monkeypatch.setenv("DL_COURSE_DATASETS", str(tmp_path))
    with pytest.raises(DatasetError, match="no manifest"):
        load_face_dataset()


def test_manifest_files_exist_with_listed_size_and_sha256():
    """Does every faces file listed in MANIFEST exist with the listed size and sha256?"""
    entries = {k: v for k, v in read_manifest(DATASETS).items() if k.startswith("faces/")}
    assert set(entries) == {"faces/train_faces.h5", "faces/test_faces.h5"}
    for relative, entry in entries.items():
        path = DATASETS / relative
        assert path.is_file(), relative
        assert path.stat().st_size == entry.size, relative
        assert sha256(path) == entry.sha256, relative
        assert entry.rebuild == REBUILD
        assert entry.provenance


def test_every_data_file_is_listed():
    """Is every file under datasets/ (besides MANIFEST and build scripts) in the manifest?"""
    listed = set(read_manifest(DATASETS))
    present = {
        p.relative_to(DATASETS).as_posix()
        for p in DATASETS.rglob("*")
        if p.is_file() and p.name != "MANIFEST" and p.suffix not in {".py", ".pyc"}
    }
    assert present == listed


def test_flipped_byte_is_detected(copy_root):
    """Does one flipped byte in an h5 file make loading fail, naming the file and the rebuild?"""
    path = copy_root / "faces" / "train_faces.h5"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DatasetError) as info:
        load_face_dataset(copy_root)
    message = str(info.value)
    assert str(path) in message
    assert "sha256" in message
    assert f"`{REBUILD}`" in message


def test_missing_file_is_detected(copy_root):
    """Does a missing data file fail with DatasetError naming the file and the rebuild command?"""
    path = copy_root / "faces" / "test_faces.h5"
    path.unlink()
    with pytest.raises(DatasetError) as info:
        load_face_dataset(copy_root)
    assert str(path) in str(info.value)
    assert "missing" in str(info.value)
    assert f"`{REBUILD}`" in str(info.value)


def test_unlisted_file_is_refused(copy_root):
    """Does asking for a file that the manifest does not list raise DatasetError?"""
    (copy_root / "faces" / "extra.h5").write_bytes(b"not listed")
    with pytest.raises(DatasetError, match=r"faces/extra\.h5 is not listed"):
        verified_path("faces/extra.h5", copy_root)


def test_bad_manifest_header_is_refused(copy_root):
    """Does a manifest with an unexpected header raise DatasetError?"""
    manifest = copy_root / "MANIFEST"
    lines = manifest.read_text().splitlines(keepends=True)
    manifest.write_text("file\tsha256\tbytes\trebuild\tprovenance\n" + "".join(lines[1:]))
    with pytest.raises(DatasetError, match="unexpected header"):
        verified_path("faces/test_faces.h5", copy_root)


def load_build_faces():
    spec = importlib.util.spec_from_file_location("build_faces", DATASETS / "build_faces.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rebuild_is_byte_identical(tmp_path, capsys):
    """Does build_faces.main rebuild byte-identical files (same sha256 as MANIFEST)?"""
    load_build_faces().main(out_dir=tmp_path / "faces")
    printed = capsys.readouterr().out
    assert "train (150, 64, 64, 3) faces=75; test (50, 64, 64, 3) faces=25" in printed
    for relative, entry in read_manifest(DATASETS).items():
        if not relative.startswith("faces/"):
            continue
        built = tmp_path / relative
        assert built.stat().st_size == entry.size, relative
        assert sha256(built) == entry.sha256, relative
