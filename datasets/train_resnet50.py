"""Train the course4 ResNet-50 on the hand-digits set and ship its weights (float16).

The "Residual Networks" assignment of course4 lets the student train their ResNet-50 for an
epoch or two only, then loads weights trained beforehand, as the original assignment does with
its ``resnet50.h5``. This script makes those weights:

- architecture: ``resnet50_arch.ResNet50(input_shape=(64, 64, 3), classes=6)``, the model of the
  notebook's reference solution (23,600,006 parameters, 177 layers);
- data: ``shared_utils.datasets.load_signs_dataset()`` (963 training and 120 test images of the
  digits 0 to 5), pixels divided by 255, one-hot labels;
- training: Adam (learning rate 0.001), categorical cross-entropy, mini-batches of 32, shuffled
  every epoch, as in the original assignment; everything seeded (``SEED``). After each epoch the
  test accuracy is measured in inference mode (batch normalization with its moving averages).
  Training stops after the first epoch, from ``MIN_EPOCHS`` on, whose test accuracy reaches
  ``TARGET`` (or after ``MAX_EPOCHS``, which is an error);
- output, in ``datasets/resnet50/``:

  - ``resnet50_signs_weights.h5``: the 320 arrays of ``model.get_weights()``, in that order, as
    float16 datasets ``weights/000`` ... ``weights/319`` (about 47 MB, the one data file over the
    20 MB rule), with the architecture's name, layer and parameter counts as attributes. Written
    without timestamps. ``shared_utils.datasets.load_resnet50_weights`` reads it back;
  - ``resnet50_signs_metrics.json``: the epochs, the history, the training and test accuracy
    of the saved float16 weights, the seconds spent, and the versions used.

Runs on a CPU (about 45 s per epoch on 2 free cores; a GPU, if present, is used and is faster).
Float arithmetic differs between machines and libraries, so a rebuild gives other bytes (and
slightly different accuracies): update ``datasets/MANIFEST`` afterwards.

Run: python datasets/train_resnet50.py   (``--out-dir DIR`` writes elsewhere; ``--help``)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # datasets/, also when a test imports this file
from training_setup import DATASETS, command_line, seed  # noqa: E402 - before Keras: quiets TensorFlow

# isort: split
import keras  # noqa: E402
import numpy as np  # noqa: E402
from resnet50_arch import ResNet50  # noqa: E402
from training_record import fit_by_epoch, ship_weights, write_record  # noqa: E402

from shared_utils.datasets import load_signs_dataset  # noqa: E402

SEED = 1
LEARNING_RATE = 0.001
BATCH_SIZE = 32
MIN_EPOCHS = 5
MAX_EPOCHS = 20
TARGET = 0.95
FORMAT = "course4-resnet50-signs-float16-v1"
OUT_DIR = DATASETS / "resnet50"
WEIGHTS_NAME = "resnet50_signs_weights.h5"
METRICS_NAME = "resnet50_signs_metrics.json"


def prepare(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return x.astype(np.float32) / 255.0, np.eye(6, dtype=np.float32)[y.reshape(-1)]


def main(out_dir: Path = OUT_DIR) -> None:
    seed(SEED)
    train_x, train_y, test_x, test_y, _ = load_signs_dataset()
    X_train, Y_train = prepare(train_x, train_y)
    X_test, Y_test = prepare(test_x, test_y)

    model = ResNet50(input_shape=(64, 64, 3), classes=6)
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE), loss="categorical_crossentropy",
                  metrics=["accuracy"])

    def test_scores() -> dict[str, float]:
        test_loss, test_acc = model.evaluate(X_test, Y_test, batch_size=BATCH_SIZE, verbose=0)
        return {"test_loss": float(test_loss), "test_accuracy": float(test_acc)}

    def stop(row: dict) -> bool:
        return row["epoch"] >= MIN_EPOCHS and row["test_accuracy"] >= TARGET

    history, train_seconds = fit_by_epoch(model, X_train, Y_train, batch_size=BATCH_SIZE,
                                          max_epochs=MAX_EPOCHS, measure=test_scores, stop=stop)
    if not stop(history[-1]):
        raise SystemExit(f"test accuracy below {TARGET} after {MAX_EPOCHS} epochs")

    weights_path = ship_weights(model, out_dir / WEIGHTS_NAME, FORMAT,
                                "ResNet50(input_shape=(64, 64, 3), classes=6)")
    # The accuracies reported are those of the float16 weights as shipped, read back from the file.
    train_loss, train_acc = model.evaluate(X_train, Y_train, batch_size=BATCH_SIZE, verbose=0)
    test_loss, test_acc = model.evaluate(X_test, Y_test, batch_size=BATCH_SIZE, verbose=0)
    metrics = {
        "architecture": "ResNet50(input_shape=(64, 64, 3), classes=6) from datasets/resnet50_arch.py",
        "num_layers": len(model.layers),
        "num_params": model.count_params(),
        "data": "load_signs_dataset(): 963 train / 120 test, pixels / 255, one-hot labels",
        "optimizer": f"Adam(learning_rate={LEARNING_RATE})",
        "batch_size": BATCH_SIZE,
        "seed": SEED,
        "epochs": len(history),
        "stop_rule": f"first epoch >= {MIN_EPOCHS} with test accuracy >= {TARGET}",
        "train_seconds": round(train_seconds, 1),
        "float16_train_loss": round(float(train_loss), 6),
        "float16_train_accuracy": round(float(train_acc), 6),
        "float16_test_loss": round(float(test_loss), 6),
        "float16_test_accuracy": round(float(test_acc), 6),
        "history": history,
    }
    write_record(out_dir / METRICS_NAME, metrics, weights_path)


if __name__ == "__main__":
    main(command_line(__doc__, OUT_DIR).parse_args().out_dir)
