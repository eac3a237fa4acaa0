"""shared_utils.weights: the shipped-weights format, and original weights supplied by the user."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from shared_utils.datasets import DatasetError
from shared_utils.weights import load_weights, read_weights, write_weights

keras = pytest.importorskip("keras")
FMT = "test-float16-v1"


def small_model(units: int = 3):
    inputs = keras.Input((4,))
    return keras.Model(inputs, keras.layers.Dense(units)(keras.layers.Dense(5)(inputs)))


@pytest.fixture
def shipped(tmp_path: Path) -> tuple[Path, keras.Model]:
    """A datasets folder holding one weights file and its manifest entry."""
    keras.utils.set_random_seed(0)
    model = small_model()
    (tmp_path / "net").mkdir()
    path = tmp_path / "net" / "w.h5"
    write_weights(path, model, FMT, "small_model()")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    (tmp_path / "MANIFEST").write_text(
        "path\tsha256\tbytes\trebuild\tprovenance\n"
        f"net/w.h5\t{digest}\t{path.stat().st_size}\tpython build.py\ttest\n")
    return tmp_path, model


def test_written_file_is_reproducible_and_loads_back(shipped, tmp_path):
    """Same model, same bytes; loading gives the float16-rounded weights."""
    root, model = shipped
    again = tmp_path / "again.h5"
    write_weights(again, model, FMT, "small_model()")
    assert again.read_bytes() == (root / "net" / "w.h5").read_bytes()
    fresh = small_model()
    load_weights(fresh, "net/w.h5", FMT, architecture="small_model()", root=root)
    for got, want in zip(fresh.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_array_equal(got, want.astype(np.float16).astype(np.float32))
    assert len(read_weights(root / "net" / "w.h5", FMT)) == 4


def test_other_architecture_and_format_are_rejected(shipped):
    root, _ = shipped
    with pytest.raises(DatasetError, match=r"weight array 2 .* build the model with small_model\(\)"):
        load_weights(small_model(units=2), "net/w.h5", FMT, architecture="small_model()", root=root)
    with pytest.raises(DatasetError, match="is not a other-v1 weights file"):
        load_weights(small_model(), "net/w.h5", "other-v1", architecture="small_model()", root=root)


def test_user_supplied_weights_are_checked_by_sha256(shipped, tmp_path, monkeypatch):
    """An original weights file is used only when its sha256 matches the declared one."""
    root, _ = shipped
    original = small_model()
    user_file = tmp_path / "original.weights.h5"
    original.save_weights(user_file)
    monkeypatch.setenv("TEST_WEIGHTS", str(user_file))
    with pytest.raises(DatasetError, match="TEST_WEIGHTS_SHA256 is not"):
        load_weights(small_model(), "net/w.h5", FMT, architecture="a", override_env="TEST_WEIGHTS", root=root)
    monkeypatch.setenv("TEST_WEIGHTS_SHA256", "0" * 64)
    with pytest.raises(DatasetError, match="damaged or not the one expected"):
        load_weights(small_model(), "net/w.h5", FMT, architecture="a", override_env="TEST_WEIGHTS", root=root)
    monkeypatch.setenv("TEST_WEIGHTS_SHA256", hashlib.sha256(user_file.read_bytes()).hexdigest())
    model = small_model()
    assert load_weights(model, "net/w.h5", FMT, architecture="a", override_env="TEST_WEIGHTS",
                        root=root) == user_file
    for got, want in zip(model.get_weights(), original.get_weights(), strict=True):
        np.testing.assert_array_equal(got, want)
    with pytest.raises(DatasetError, match="does not fit this model's architecture"):
        load_weights(small_model(units=2), "net/w.h5", FMT, architecture="a", override_env="TEST_WEIGHTS",
                     root=root)
    shutil.rmtree(root / "net")
    monkeypatch.setenv("TEST_WEIGHTS", str(tmp_path / "missing.h5"))
    with pytest.raises(DatasetError, match="does not exist"):
        load_weights(small_model(), "net/w.h5", FMT, architecture="a", override_env="TEST_WEIGHTS", root=root)
