"""Checks shared by the tests of the files shipped in datasets/: their MANIFEST entries, a damaged
copy for the loaders to reject, and byte-identical rebuilds. Each test keeps its own question and
the checks of what is particular to its files (provenance, error message, printed summary)."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType

import numpy as np

from shared_utils.datasets import ManifestEntry, read_manifest

DATASETS = Path(__file__).resolve().parent.parent / "datasets"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_script(name: str) -> ModuleType:
    """``datasets/<name>.py`` imported as a module."""
    spec = importlib.util.spec_from_file_location(name, DATASETS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def check_image_sets(data: tuple, train: int, test: int, classes: Sequence) -> None:
    """Assert the layout of the course's h5 image sets, ``(train_x, train_y, test_x, test_y,
    classes)``: (m, 64, 64, 3) uint8 images, (1, m) integer labels, and the class names."""
    train_x, train_y, test_x, test_y, names = data
    for x, y, m in ((train_x, train_y, train), (test_x, test_y, test)):
        assert x.shape == (m, 64, 64, 3) and x.dtype == np.uint8
        assert y.shape == (1, m) and np.issubdtype(y.dtype, np.integer)
    assert names.tolist() == list(classes)


def check_manifest(files: Iterable[str], rebuild: str, max_bytes: int | None = None) -> list[ManifestEntry]:
    """Assert that MANIFEST lists each file with its size (under ``max_bytes``), sha256 and
    rebuild command; the entries, for the caller's checks of their provenance."""
    entries = read_manifest(DATASETS)
    listed = []
    for relative in files:
        entry = entries[relative]
        path = DATASETS / relative
        assert path.stat().st_size == entry.size, relative
        assert max_bytes is None or entry.size < max_bytes, relative
        assert sha256(path) == entry.sha256, relative
        assert entry.rebuild == rebuild, relative
        listed.append(entry)
    return listed


def damaged_copy(tmp_path: Path, damaged: str, others: Iterable[str] = ()) -> tuple[Path, Path]:
    """A datasets root under ``tmp_path`` with MANIFEST, copies of ``others`` and a copy of
    ``damaged`` with one byte flipped in its middle: (the root, the damaged file)."""
    root = tmp_path / "datasets"
    root.mkdir()
    shutil.copy(DATASETS / "MANIFEST", root / "MANIFEST")
    for relative in {*others, damaged}:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DATASETS / relative, root / relative)
    path = root / damaged
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    return root, path


def check_rebuilt(built_root: Path, files: Iterable[str]) -> None:
    """Assert that the files rebuilt under ``built_root`` have the size and sha256 of MANIFEST."""
    entries = read_manifest(DATASETS)
    for relative in files:
        built = built_root / relative
        assert built.stat().st_size == entries[relative].size, relative
        assert sha256(built) == entries[relative].sha256, relative
