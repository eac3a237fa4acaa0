"""Train the course4 U-Net on the street scenes and ship its weights (float16).

A U-Net of the original size (``n_filters=32``, 8.6 million parameters) takes several minutes per
epoch on a 2-core CPU, too long for the notebook's budget. The notebook trains a small one for a
few epochs to show the idea, then loads these weights, trained beforehand by this script:

- architecture: ``unet_arch.unet_model(input_size=(96, 128, 3), n_filters=16, n_classes=13)``,
  the notebook's reference solution with half the filters (2,161,229 parameters);
- data: ``shared_utils.street_scenes.load_street_scenes()`` (1200 training and 300 test scenes),
  pixels divided by 255, masks of class indices;
- training: Adam (learning rate 0.001), sparse categorical cross-entropy on the logits,
  mini-batches of ``BATCH_SIZE``, shuffled every epoch; everything seeded (``SEED``). After each
  epoch the test pixel accuracy and mean IoU are measured (dropout off). Training stops after the
  first epoch, from ``MIN_EPOCHS`` on, whose test pixel accuracy reaches ``TARGET`` or which ends
  more than ``MAX_SECONDS`` after the start (on a slow or busy machine), or after ``MAX_EPOCHS``;
- output, in ``datasets/unet/``: ``unet_streets_weights.h5`` (the arrays of
  ``model.get_weights()`` as float16, written by ``shared_utils.weights.write_weights``, about
  4 MB; ``shared_utils.segmentation.load_unet_weights`` reads it back) and
  ``unet_streets_metrics.json`` (history, the pixel accuracy and IoUs of the float16 weights as
  shipped, seconds, machine and versions).

Float arithmetic differs between machines and libraries, so a rebuild gives other bytes (and
slightly different metrics): update ``datasets/MANIFEST`` afterwards. A GPU, if present, is used.

Run: python datasets/train_unet.py   (``--max-epochs 1 --out-dir DIR`` for a trial run; ``--help``)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # datasets/, also when a test imports this file
from training_setup import DATASETS, command_line, seed  # noqa: E402 - before Keras: quiets TensorFlow

# isort: split
import keras  # noqa: E402
import numpy as np  # noqa: E402
from training_record import fit_by_epoch, ship_weights, write_record  # noqa: E402
from unet_arch import unet_model  # noqa: E402

from shared_utils.segmentation import (  # noqa: E402
    UNET_ARCHITECTURE,
    UNET_N_FILTERS,
    UNET_WEIGHTS_FORMAT,
    iou_per_class,
    pixel_accuracy,
)
from shared_utils.street_scenes import SEGMENTATION_CLASSES, load_street_scenes  # noqa: E402

SEED = 1
LEARNING_RATE = 0.001
BATCH_SIZE = 16
MIN_EPOCHS = 4
MAX_EPOCHS = 12
MAX_SECONDS = 1200  # from MIN_EPOCHS on, stop after the first epoch that ends past this (slow machines)
TARGET = 0.95
SLICE = 32  # tests/test_unet.py checks the shipped weights on the first SLICE test scenes
N_CLASSES = len(SEGMENTATION_CLASSES)
OUT_DIR = DATASETS / "unet"
WEIGHTS_NAME = "unet_streets_weights.h5"
METRICS_NAME = "unet_streets_metrics.json"


def evaluate(model, images: np.ndarray, masks: np.ndarray) -> dict[str, float | list]:
    pred = model.predict(images, batch_size=64, verbose=0).argmax(axis=-1)
    ious = iou_per_class(masks, pred, N_CLASSES)
    return {"pixel_accuracy": round(pixel_accuracy(masks, pred), 6),
            "mean_iou": round(float(np.nanmean(ious)), 6),
            "iou_per_class": {name: round(float(v), 4)
                              for name, v in zip(SEGMENTATION_CLASSES, ious, strict=True)}}


def main(out_dir: Path = OUT_DIR, max_epochs: int = MAX_EPOCHS) -> None:
    seed(SEED)
    train, test = load_street_scenes("train"), load_street_scenes("test")
    X_train, Y_train = train["images"].astype(np.float32) / 255.0, train["masks"]
    X_test, Y_test = test["images"].astype(np.float32) / 255.0, test["masks"]

    model = unet_model((96, 128, 3), n_filters=UNET_N_FILTERS, n_classes=N_CLASSES)
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])

    def test_scores() -> dict[str, float]:
        scores = evaluate(model, X_test, Y_test)
        return {"test_pixel_accuracy": scores["pixel_accuracy"], "test_mean_iou": scores["mean_iou"]}

    history, train_seconds = fit_by_epoch(
        model, X_train, Y_train, batch_size=BATCH_SIZE, max_epochs=max_epochs, measure=test_scores, digits=6,
        stop=lambda row: row["epoch"] >= MIN_EPOCHS
        and (row["test_pixel_accuracy"] >= TARGET or row["seconds"] > MAX_SECONDS))

    weights_path = ship_weights(model, out_dir / WEIGHTS_NAME, UNET_WEIGHTS_FORMAT, UNET_ARCHITECTURE)
    # The metrics reported are those of the float16 weights as shipped, read back from the file.
    metrics = {
        "architecture": f"{UNET_ARCHITECTURE} from datasets/unet_arch.py",
        "num_layers": len(model.layers),
        "num_params": model.count_params(),
        "data": "load_street_scenes(): 1200 train / 300 test scenes, pixels / 255, masks of class indices",
        "optimizer": f"Adam(learning_rate={LEARNING_RATE})",
        "loss": "SparseCategoricalCrossentropy(from_logits=True)",
        "batch_size": BATCH_SIZE,
        "seed": SEED,
        "epochs": len(history),
        "stop_rule": f"first epoch >= {MIN_EPOCHS} with test pixel accuracy >= {TARGET} or ending after "
                     f"{MAX_SECONDS} s, at most {max_epochs}",
        "train_seconds": round(train_seconds, 1),
        "float16_train": evaluate(model, X_train, Y_train),
        "float16_test": evaluate(model, X_test, Y_test),
        "float16_test_slice": {"scenes": f"test[:{SLICE}]",
                               **evaluate(model, X_test[:SLICE], Y_test[:SLICE])},
        "history": history,
    }
    write_record(out_dir / METRICS_NAME, metrics, weights_path)


if __name__ == "__main__":
    parser = command_line(__doc__, OUT_DIR)
    parser.add_argument("--max-epochs", type=int, default=MAX_EPOCHS,
                        help=f"epochs to train at most (it stops earlier from epoch {MIN_EPOCHS} on)")
    main(**vars(parser.parse_args()))
