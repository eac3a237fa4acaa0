"""Does the pretrained MobileNetV2 base pay off on the horse / not-horse task? Measure it.

The lesson of course4's transfer-learning notebook is that a network pretrained on a broad task,
then fine-tuned on a few hundred pictures, beats the same network trained on those pictures
alone. This script checks that with our base (``shared_utils.transfer.pretrained_mobilenet_v2``,
made by ``train_mobilenetv2.py``) and our target pictures (``horse_image_directory()``), split as
in the notebook: ``image_dataset_from_directory(..., image_size=(64, 64), batch_size=32,
validation_split=0.2, seed=42)`` gives 256 training and 64 validation pictures. For each seed of
``SEEDS`` it trains two models with the notebook's augmentation (random horizontal flip,
rotation up to 0.2 turn) and head (global average pooling, dropout 0.2, ``Dense(1)`` logit):

- **transfer**, the notebook's recipe: the pretrained base frozen and the head trained for 10
  epochs (Adam, ``BASE_LEARNING_RATE`` = 0.01); then the base's layers from ``FINE_TUNE_AT`` = 120
  on unfrozen, except its batch normalizations, and 10 more epochs with Adam 0.001;
- **scratch**: the same model with a freshly initialized base, all of it trainable from the
  start, its batch normalizations in training mode with momentum 0.9 (Keras's 0.999 would leave
  the inference-mode statistics near their initial values after 160 steps), Adam 0.001 (Keras's
  default) for ``SCRATCH_EPOCHS`` = 20 epochs, as many as the transfer recipe's.

The validation accuracy after every epoch goes to ``datasets/transfer/transfer_benchmark.json``
with the seconds spent and the machine. Any Keras 3 backend works.

Run: python datasets/benchmark_transfer.py   (after train_mobilenetv2.py and its MANIFEST update)
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from training_record import machine, versions  # noqa: E402

from shared_utils.transfer import (  # noqa: E402
    MOBILENETV2_ALPHA,
    MOBILENETV2_FORMAT,
    MOBILENETV2_WEIGHTS,
    horse_image_directory,
)
from shared_utils.weights import read_weights  # noqa: E402

SEEDS = (1, 2)
IMG_SIZE = (64, 64)
FINE_TUNE_AT = 120
BASE_LEARNING_RATE = 0.01
FROZEN_EPOCHS = FINE_TUNE_EPOCHS = 10
SCRATCH_EPOCHS = 20
OUT_FILE = HERE / "transfer" / "transfer_benchmark.json"


def target_arrays() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """The notebook's training and validation pictures, as float32 arrays (pixels 0..255) and labels.

    The files are listed, shuffled and split by the same Keras functions, with the same seed, as
    in ``image_dataset_from_directory(..., image_size=(64, 64), validation_split=0.2, seed=42)``,
    and resized from 96x96 to 64x64 as it does (bilinear, no antialiasing).
    """
    from keras.src.utils import dataset_utils

    paths, labels, _ = dataset_utils.index_directory(str(horse_image_directory(HERE)), "inferred",
                                                     formats=(".png",), shuffle=True, seed=42, verbose=False)
    arrays = []
    for subset in ("training", "validation"):
        files, subset_labels = dataset_utils.get_training_or_validation_split(paths, labels, 0.2, subset)
        images = np.stack([np.asarray(Image.open(f).convert("RGB"), dtype=np.float32) for f in files])
        images = keras.ops.convert_to_numpy(keras.ops.image.resize(images, IMG_SIZE,
                                                                   interpolation="bilinear"))
        arrays.append((images, np.asarray(subset_labels, dtype=np.float32)))
    return arrays[0], arrays[1]


def classifier(base: keras.Model) -> keras.Model:
    """The notebook's alpaca_model around ``base``: augmentation, preprocessing, base, head."""
    augment = keras.Sequential([keras.layers.RandomFlip("horizontal"), keras.layers.RandomRotation(0.2)])
    inputs = keras.Input(IMG_SIZE + (3,))
    x = keras.applications.mobilenet_v2.preprocess_input(augment(inputs))
    x = base(x, training=False)
    x = keras.layers.GlobalAveragePooling2D()(x)
    x = keras.layers.Dropout(0.2)(x)
    return keras.Model(inputs, keras.layers.Dense(1)(x))


def compile_binary(model: keras.Model, learning_rate: float) -> None:
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True),
                  metrics=[keras.metrics.BinaryAccuracy(name="accuracy", threshold=0.0)])


def val_curve(model: keras.Model, train, val, epochs: int, initial_epoch: int = 0) -> list[float]:
    fit = model.fit(*train, batch_size=32, shuffle=True, validation_data=val, epochs=initial_epoch + epochs,
                    initial_epoch=initial_epoch, verbose=0)
    return [round(float(a), 4) for a in fit.history["val_accuracy"]]


def mobilenet_v2() -> keras.Model:
    return keras.applications.MobileNetV2(input_shape=IMG_SIZE + (3,), alpha=MOBILENETV2_ALPHA,
                                          include_top=False, weights=None)


def transfer_run(train, val, weights: Path) -> list[float]:
    base = mobilenet_v2()
    base.set_weights(read_weights(weights, MOBILENETV2_FORMAT))
    base.trainable = False
    model = classifier(base)
    compile_binary(model, BASE_LEARNING_RATE)
    curve = val_curve(model, train, val, FROZEN_EPOCHS)
    base.trainable = True
    for i, layer in enumerate(base.layers):
        layer.trainable = i >= FINE_TUNE_AT and not isinstance(layer, keras.layers.BatchNormalization)
    compile_binary(model, 0.1 * BASE_LEARNING_RATE)
    return curve + val_curve(model, train, val, FINE_TUNE_EPOCHS, initial_epoch=FROZEN_EPOCHS)


def scratch_run(train, val, weights: Path) -> list[float]:
    base = mobilenet_v2()
    for layer in base.layers:
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.momentum = 0.9
    model = classifier(base)  # fit's training=True overrides the base's training=False (Keras 3)
    compile_binary(model, 0.001)
    return val_curve(model, train, val, SCRATCH_EPOCHS)


def main(weights: Path = HERE / MOBILENETV2_WEIGHTS, out_file: Path = OUT_FILE) -> None:
    train, val = target_arrays()
    runs = []
    for seed in SEEDS:
        row = {"seed": seed}
        for name, run in (("transfer", transfer_run), ("scratch", scratch_run)):
            keras.utils.set_random_seed(seed)
            start = time.perf_counter()
            row[f"{name}_val_accuracy"] = run(train, val, weights)
            row[f"{name}_seconds"] = round(time.perf_counter() - start, 1)
        runs.append(row)
        print(json.dumps(row), flush=True)

    def mean(key: str, epoch: int | None = None, best: bool = False) -> float:
        values = [max(r[key]) if best else r[key][epoch] for r in runs]
        return round(float(np.mean(values)), 4)

    result = {
        "target_task": "horse / not horse (transfer/horses.tar), image_dataset_from_directory("
                       "image_size=(64, 64), validation_split=0.2, seed=42): 256 training, "
                       "64 validation pictures",
        "transfer_recipe": f"pretrained base frozen, head {FROZEN_EPOCHS} epochs Adam {BASE_LEARNING_RATE}; "
                           f"then base layers [{FINE_TUNE_AT}:] except batch norms unfrozen, "
                           f"{FINE_TUNE_EPOCHS} epochs Adam {0.1 * BASE_LEARNING_RATE:g}",
        "scratch_recipe": "same model, fresh base, all trainable, batch norm in training mode "
                          "(momentum 0.9), "
                          f"{SCRATCH_EPOCHS} epochs Adam 0.001",
        "summary": {
            "transfer_val_accuracy_after_frozen_epochs": mean("transfer_val_accuracy", FROZEN_EPOCHS - 1),
            "transfer_val_accuracy_after_fine_tuning": mean("transfer_val_accuracy", -1),
            "scratch_val_accuracy_after_10_epochs": mean("scratch_val_accuracy", 9),
            "scratch_val_accuracy_after_20_epochs": mean("scratch_val_accuracy", -1),
            "scratch_best_val_accuracy": mean("scratch_val_accuracy", best=True),
            "seeds": list(SEEDS),
        },
        "runs": runs,
        "weights": f"{weights.name}, sha256 {hashlib.sha256(weights.read_bytes()).hexdigest()}",
        "machine": machine(),
        "versions": versions(),
    }
    out_file.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["summary"], indent=2))


if __name__ == "__main__":
    main()
