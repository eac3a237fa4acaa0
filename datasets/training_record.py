"""What every training script in datasets/ records beside its weights: the machine, the versions,
and the metrics file itself (JSON, with a summary printed without the per-epoch history)."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

import keras
import numpy as np


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
