"""Shipped network weights: one file format, one loader, and a way to use the original weights.

The course's pretrained networks (ResNet-50, the MobileNetV2 base, the detector, the face encoder,
the style-transfer feature net) are trained by scripts in ``datasets/`` and shipped as small HDF5
files: the arrays of ``model.get_weights()``, in order, as float16 datasets ``weights/000``,
``weights/001``, ... with a ``format`` attribute naming the network. :func:`write_weights` writes
them byte-for-byte reproducibly (no timestamps); :func:`load_weights` checks the file against
``datasets/MANIFEST`` and loads it into a model built by the assignment's code, matching arrays
by position and shape so that a model with other layers fails with the first array that differs.

A user who has the original pretrained weights (e.g. Keras's ImageNet MobileNetV2 file) may use
them instead: set the environment variable the loader names (e.g. ``DL_COURSE_MOBILENETV2_WEIGHTS``)
to the file's path and ``<that variable>_SHA256`` to its published sha256. The file is checked
against that digest, then loaded with Keras's own ``model.load_weights``, which fails unless the
architecture matches. Nothing is ever downloaded.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import h5py
import numpy as np

from shared_utils.datasets import DatasetError, sha256_of, verified_path

__all__ = ["load_weights", "read_weights", "write_weights"]


def write_weights(path: Path, model, fmt: str, architecture: str) -> None:
    """Write ``model.get_weights()`` as float16 datasets, in order, without timestamps.

    Args:
        path: the ``.h5`` file to write.
        model: the trained Keras model.
        fmt: the format tag that :func:`load_weights` expects, e.g. ``"course4-yolo-float16-v1"``.
        architecture: how to build the model, e.g. ``"unet_model((96, 128, 3), 32, 8)"``; stored
            for the reader's benefit.
    """
    arrays = model.get_weights()
    with h5py.File(path, "w", track_order=False) as f:
        f.attrs["format"] = fmt
        f.attrs["architecture"] = architecture
        f.attrs["num_layers"] = len(model.layers)
        f.attrs["num_params"] = model.count_params()
        f.attrs["num_arrays"] = len(arrays)
        group = f.create_group("weights", track_order=False)
        for i, array in enumerate(arrays):
            group.create_dataset(f"{i:03d}", data=np.asarray(array).astype(np.float16), track_times=False)


def read_weights(path: Path, fmt: str) -> list[np.ndarray]:
    """The arrays of a file written by :func:`write_weights`, as float32, in order."""
    with h5py.File(path, "r") as f:
        if f.attrs.get("format") != fmt:
            raise DatasetError(f"{path} is not a {fmt} weights file")
        group = f["weights"]
        return [np.asarray(group[f"{i:03d}"][()], dtype=np.float32) for i in range(len(group))]


def load_weights(model, relative: str, fmt: str, *, architecture: str, override_env: str | None = None,
                 root: Path | None = None) -> Path:
    """Load pretrained weights into ``model`` in place and return the file they came from.

    Args:
        model: a Keras model built by the assignment's code.
        relative: the shipped file, relative to the datasets folder (listed in its MANIFEST).
        fmt: the format tag the shipped file must carry.
        architecture: how the model must be built, quoted in the error when it does not fit.
        override_env: the environment variable through which a user may point to original
            weights instead (see the module docstring); ``None`` when there is no such option.
        root: the datasets folder (default: ``shared_utils.datasets.datasets_dir()``).
    """
    user_file = os.environ.get(override_env) if override_env else None
    if user_file:
        return _load_user_weights(model, Path(user_file), override_env)
    path = verified_path(relative, root)
    arrays = read_weights(path, fmt)
    variables = list(model.weights)
    if len(variables) != len(arrays):
        raise DatasetError(
            f"the model has {len(variables)} weight arrays, {relative} has {len(arrays)}: "
            f"build the model with {architecture}"
        )
    for i, (variable, array) in enumerate(zip(variables, arrays, strict=True)):
        if tuple(variable.shape) != array.shape:
            raise DatasetError(
                f"weight array {i} of the model ({variable.path}) has shape {tuple(variable.shape)}, "
                f"the file's has shape {array.shape}: build the model with {architecture}"
            )
    model.set_weights(arrays)
    return path


def _load_user_weights(model, path: Path, env: str) -> Path:
    expected = os.environ.get(f"{env}_SHA256", "").strip().lower()
    if not path.is_file():
        raise DatasetError(f"{env} names {path}, which does not exist: fix the path or unset {env}")
    if not expected:
        raise DatasetError(f"{env} is set but {env}_SHA256 is not: set it to the file's published sha256")
    actual = sha256_of(path)
    if actual != expected:
        raise DatasetError(
            f"{path} has sha256 {actual[:12]}..., {env}_SHA256 says {expected[:12]}...: "
            "the file is damaged or not the one expected"
        )
    try:
        with warnings.catch_warnings():
            # Keras warns, and goes on, when part of the file matches no layer: refuse instead.
            warnings.simplefilter("error", UserWarning)
            model.load_weights(path)
    except (ValueError, KeyError, OSError, UserWarning) as error:
        raise DatasetError(f"{path} does not fit this model's architecture: {error}") from error
    return path
