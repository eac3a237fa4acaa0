"""The start-up every training script in datasets/ shares: a quiet TensorFlow, the import path,
the command line and the seeds.

A script imports this module before Keras (importing it sets ``TF_CPP_MIN_LOG_LEVEL``, which
TensorFlow reads once, when it loads) and before ``shared_utils`` (importing it puts the
repository root on ``sys.path``)::

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from training_setup import DATASETS, command_line, seed  # noqa: E402
    # isort: split
    import keras  # noqa: E402
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402

DATASETS = Path(__file__).resolve().parent
if str(DATASETS.parent) not in sys.path:
    sys.path.insert(0, str(DATASETS.parent))


def command_line(doc: str, out_dir: Path) -> argparse.ArgumentParser:
    """The parser of a training script: its docstring's first paragraph as the description and
    ``--out-dir`` (default ``out_dir``, the folder the shipped files live in). A script adds its
    own options (``--epochs``, ...), each with the default it trains the shipped files with."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--out-dir", type=Path, default=out_dir,
                        help="folder to write the weights and metrics to (the default is the shipped "
                             "files': pass another folder for a trial run)")
    return parser


def seed(value: int) -> np.random.Generator:
    """Seed Python, NumPy and the Keras backend (``keras.utils.set_random_seed``) and return a
    NumPy generator of that seed, for a script's own draws."""
    keras.utils.set_random_seed(value)
    return np.random.default_rng(value)
