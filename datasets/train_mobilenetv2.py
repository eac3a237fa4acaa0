"""Pretrain course4's MobileNetV2 base on the shapes task, ship it, and show that transfer pays.

The transfer-learning assignment fine-tunes a MobileNetV2 that Keras pretrained on ImageNet. We
cannot download that one, so this script pretrains our own:

- architecture: ``keras.applications.MobileNetV2(input_shape=(64, 64, 3), alpha=0.35,
  include_top=False, weights=None)`` (154 layers, 410,208 parameters), then
  ``GlobalAveragePooling2D``, ``Dropout(0.2)`` and a 12-way softmax ``Dense``; inputs are the
  96x96 pictures resized to 64x64 (bilinear) with pixels 0..255 scaled by
  ``mobilenet_v2.preprocess_input``, as in the notebook;
- source task: which of 12 shapes is drawn on a random photo crop (``build_transfer_data.py``),
  ``SOURCE_TRAIN`` training and ``SOURCE_VAL`` validation pictures generated in memory from
  seeds ``SOURCE_SEED`` and ``SOURCE_SEED + 1``;
- training: Adam (``LEARNING_RATE``), sparse categorical cross-entropy, batches of
  ``BATCH_SIZE``, everything seeded. Keras's MobileNetV2 has batch-normalization momentum
  0.999, whose moving averages need thousands of steps to follow the weights; for pretraining it
  is set to ``BN_MOMENTUM`` = 0.99 (the shipped weights do not depend on it). Training stops
  after the first epoch, from ``MIN_EPOCHS`` on, whose validation accuracy reaches ``TARGET``,
  or after the first epoch that ends ``MAX_SECONDS`` after the start, or after ``MAX_EPOCHS``;
- output, in ``datasets/transfer/``:

  - ``mobilenetv2_0.35_no_top_weights.h5``: the base's 260 arrays of ``get_weights()`` as
    float16 (``shared_utils.weights`` format), what ``shared_utils.transfer.pretrained_mobilenet_v2``
    loads;
  - ``mobilenetv2_source_head.h5``: the 12-way ``Dense`` layer, for the test that checks the
    shipped base still classifies the shapes;
  - ``mobilenetv2_metrics.json``: source-task accuracies of the float16 weights, the history,
    the seconds spent, the machine and the versions.

The benchmark that shows what these weights are worth on the notebook's task (fine-tuning beats
training from scratch) is ``datasets/benchmark_transfer.py``.

Runs on 2 CPU cores in about 20 minutes (the time limit ``MAX_SECONDS`` decides when it
stops on a slow machine); the pictures are drawn by as many processes as there are cores. Any
Keras 3 backend works (a GPU, if the backend sees one, is used). Float arithmetic differs
between machines and libraries, so a rebuild gives other bytes: update ``datasets/MANIFEST``.

Run: python datasets/train_mobilenetv2.py   (``--out-dir DIR`` writes elsewhere; ``--help``)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # datasets/, also when a test imports this file
from training_setup import DATASETS, command_line, seed  # noqa: E402 - before Keras: quiets TensorFlow

# isort: split
import build_transfer_data as scenes  # noqa: E402
import keras  # noqa: E402
from training_record import fit_by_epoch, ship_weights, write_record  # noqa: E402

from shared_utils.transfer import MOBILENETV2_ALPHA, MOBILENETV2_FORMAT, MOBILENETV2_WEIGHTS  # noqa: E402

SEED = 1
SOURCE_SEED = 100
SOURCE_TRAIN, SOURCE_VAL = 4800, 600
IMG_SIZE = (64, 64)  # the pictures are drawn at 96x96 and resized, as the notebook does
LEARNING_RATE = 0.0015
BATCH_SIZE = 32
BN_MOMENTUM = 0.99
MIN_EPOCHS, MAX_EPOCHS, TARGET = 3, 30, 0.9
MAX_SECONDS = 1200  # stop after the first epoch that ends later than this
OUT_DIR = DATASETS / "transfer"
WEIGHTS_NAME = Path(MOBILENETV2_WEIGHTS).name
HEAD_NAME = "mobilenetv2_source_head.h5"
HEAD_FORMAT = "course4-mobilenetv2-source-head-float16-v1"
METRICS_NAME = "mobilenetv2_metrics.json"
BASE_ARCHITECTURE = "keras.applications.MobileNetV2(alpha=0.35, include_top=False, weights=None)"


def build_base(momentum: float | None = None) -> keras.Model:
    base = keras.applications.MobileNetV2(input_shape=IMG_SIZE + (3,), alpha=MOBILENETV2_ALPHA,
                                          include_top=False, weights=None)
    if momentum is not None:
        for layer in base.layers:
            if isinstance(layer, keras.layers.BatchNormalization):
                layer.momentum = momentum
    return base


def source_classifier(base: keras.Model) -> tuple[keras.Model, keras.layers.Dense]:
    inputs = keras.Input((scenes.SIZE, scenes.SIZE, 3))
    x = keras.layers.Resizing(*IMG_SIZE)(inputs)  # bilinear, as image_dataset_from_directory
    x = keras.applications.mobilenet_v2.preprocess_input(x)
    x = base(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    x = keras.layers.Dropout(0.2)(x)
    head = keras.layers.Dense(len(scenes.SHAPES), activation="softmax")
    return keras.Model(inputs, head(x)), head


def pretrain(out_dir: Path) -> dict:
    # The pictures are drawn (in forked processes) before the backend starts any computation.
    start = time.perf_counter()
    x_train, y_train = scenes.source_set(SOURCE_TRAIN, SOURCE_SEED, workers=os.cpu_count() or 1)
    x_val, y_val = scenes.source_set(SOURCE_VAL, SOURCE_SEED + 1, workers=os.cpu_count() or 1)
    generate_seconds = time.perf_counter() - start
    print(f"generated {len(x_train)} + {len(x_val)} source pictures in {generate_seconds:.0f} s", flush=True)

    seed(SEED)
    base = build_base(momentum=BN_MOMENTUM)
    model, head = source_classifier(base)
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    def val_scores() -> dict[str, float]:
        val_loss, val_acc = model.evaluate(x_val, y_val, batch_size=BATCH_SIZE, verbose=0)
        return {"val_loss": float(val_loss), "val_accuracy": float(val_acc)}

    history, train_seconds = fit_by_epoch(
        model, x_train, y_train, batch_size=BATCH_SIZE, max_epochs=MAX_EPOCHS, measure=val_scores,
        stop=lambda row: row["epoch"] >= MIN_EPOCHS and row["val_accuracy"] >= TARGET
        or row["seconds"] > MAX_SECONDS)

    weights_path = ship_weights(base, out_dir / WEIGHTS_NAME, MOBILENETV2_FORMAT, BASE_ARCHITECTURE)
    head_model = keras.Sequential([keras.Input((1280,)), keras.layers.Dense(len(scenes.SHAPES),
                                                                            activation="softmax")])
    head_model.set_weights(head.get_weights())
    head_path = ship_weights(head_model, out_dir / HEAD_NAME, HEAD_FORMAT,
                             "Dense(12, activation='softmax') on 1280 features")
    head.set_weights(head_model.get_weights())
    # The accuracies reported are those of the float16 weights as shipped, read back from the files.
    _, train_acc = model.evaluate(x_train, y_train, batch_size=BATCH_SIZE, verbose=0)
    val_loss, val_acc = model.evaluate(x_val, y_val, batch_size=BATCH_SIZE, verbose=0)
    return {
        "architecture": f"{BASE_ARCHITECTURE} at {IMG_SIZE + (3,)}, then GlobalAveragePooling2D, "
                        "Dropout(0.2), Dense(12, softmax); inputs through mobilenet_v2.preprocess_input",
        "base_num_layers": len(base.layers),
        "base_num_params": base.count_params(),
        "source_task": f"12 shapes {list(scenes.SHAPES)} on photo crops: source_set({SOURCE_TRAIN}, "
                       f"{SOURCE_SEED}) for training, source_set({SOURCE_VAL}, {SOURCE_SEED + 1}) "
                       "for validation",
        "optimizer": f"Adam(learning_rate={LEARNING_RATE})",
        "batch_size": BATCH_SIZE,
        "batch_norm_momentum_while_pretraining": BN_MOMENTUM,
        "seed": SEED,
        "epochs": len(history),
        "stop_rule": f"first epoch >= {MIN_EPOCHS} with validation accuracy >= {TARGET}, or the first "
                     f"to end after {MAX_SECONDS} s, at most {MAX_EPOCHS}",
        "generate_seconds": round(generate_seconds, 1),
        "train_seconds": round(train_seconds, 1),
        "float16_source_train_accuracy": round(float(train_acc), 6),
        "float16_source_val_loss": round(float(val_loss), 6),
        "float16_source_val_accuracy": round(float(val_acc), 6),
        "history": history,
        "files": {name: path.stat().st_size for name, path in ((WEIGHTS_NAME, weights_path),
                                                                (HEAD_NAME, head_path))},
    }


def main(out_dir: Path = OUT_DIR) -> None:
    write_record(out_dir / METRICS_NAME, pretrain(out_dir))


if __name__ == "__main__":
    main(command_line(__doc__, OUT_DIR).parse_args().out_dir)
