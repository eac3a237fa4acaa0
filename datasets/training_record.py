"""What every training script in datasets/ ships and records: its weights as float16, read back
before they are measured, and beside them the metrics file (JSON, with a summary printed without
the per-epoch history) completed with the weights file's size, the machine and the versions."""

from __future__ import annotations

import json
import os
import platform
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
