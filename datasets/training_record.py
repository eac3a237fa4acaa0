"""What every training script in datasets/ ships and records: the per-epoch history of a Keras
model fitted an epoch at a time, its weights as float16, read back before they are measured, and
beside them the metrics file (JSON, with a summary printed without the per-epoch history)
completed with the weights file's size, the machine and the versions."""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import keras
import numpy as np

from shared_utils.weights import read_weights, write_weights


def machine() -> str:
    """The processor, its cores, and the accelerators the Keras backend sees."""
    backend = keras.backend.backend()
    if backend == "jax":
        import jax

        accelerators = sorted({d.device_kind for d in jax.devices() if d.platform != "cpu"})
    elif backend == "tensorflow":
        import tensorflow as tf

        accelerators = [d.name for d in tf.config.list_physical_devices("GPU")]
    else:
        accelerators = []
    return f"{platform.machine()}, {os.cpu_count()} CPU cores, accelerators: {accelerators or 'none'}"


def versions() -> dict[str, str]:
    backend = keras.backend.backend()
    module = __import__({"tensorflow": "tensorflow", "jax": "jax", "torch": "torch"}.get(backend, "keras"))
    return {"keras": keras.__version__, "backend": backend, backend: module.__version__,
            "numpy": np.__version__, "python": platform.python_version()}


def write_metrics(path: Path, metrics: dict) -> None:
    """Write ``metrics`` as indented JSON and print it, less its history."""
    path.write_text(json.dumps(metrics, indent=2) + "\n")
    print(json.dumps({k: v for k, v in metrics.items() if k != "history"}, indent=2))


def ship_weights(model, path: Path, fmt: str, architecture: str) -> Path:
    """Write ``model``'s weights as float16 (``shared_utils.weights`` format) to ``path``, making its
    folder, and load them back into ``model``, so that what is measured afterwards is measured
    with the weights as shipped. Returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_weights(path, model, fmt, architecture)
    model.set_weights(read_weights(path, fmt))
    return path


def write_record(path: Path, metrics: dict, weights: Path | None = None) -> None:
    """Complete a training script's ``metrics`` with the size of its ``weights`` file, the machine
    and the versions, in that order, then write them with :func:`write_metrics`."""
    if weights is not None:
        metrics["weights_file"] = f"{weights.name} ({weights.stat().st_size} bytes)"
    metrics["machine"] = machine()
    metrics["versions"] = versions()
    write_metrics(path, metrics)


def fit_by_epoch(model, x: np.ndarray, y: np.ndarray, *, batch_size: int, max_epochs: int,
                 measure: Callable[[], dict[str, float]], stop: Callable[[dict], bool],
                 digits: int | None = None) -> tuple[list[dict], float]:
    """Fit a compiled ``model`` (with an ``"accuracy"`` metric) one shuffled epoch at a time.

    After each epoch the row ``{"epoch", "loss", "train_accuracy_during_epoch", **measure(),
    "seconds"}`` (loss and accuracy rounded to ``digits`` if given, seconds since the start) is
    printed as JSON and added to the history; training ends after ``max_epochs`` or after the
    first row for which ``stop(row)`` is true.

    Returns:
        history: the rows, one per epoch.
        train_seconds: the seconds spent.
    """
    start = time.perf_counter()
    history = []
    for epoch in range(max_epochs):
        fit = model.fit(x, y, batch_size=batch_size, epochs=epoch + 1, initial_epoch=epoch, shuffle=True,
                        verbose=0)
        loss, accuracy = float(fit.history["loss"][-1]), float(fit.history["accuracy"][-1])
        if digits is not None:
            loss, accuracy = round(loss, digits), round(accuracy, digits)
        row = {"epoch": epoch + 1, "loss": loss, "train_accuracy_during_epoch": accuracy, **measure(),
               "seconds": round(time.perf_counter() - start, 1)}
        history.append(row)
        print(json.dumps(row), flush=True)
        if stop(row):
            break
    return history, time.perf_counter() - start
