"""Pretrain the feature network of course4's neural style transfer and ship its weights (float16).

The "Neural Style Transfer" assignment of course4 measures content and style with the
activations of a pretrained convolutional network, as the original does with VGG-19 trained on
ImageNet. This script makes that network:

- architecture: ``shared_utils.style_vgg.style_vgg_classifier()``: VGG-19's 16 convolutions
  and 5 poolings with their names, 16 to 128 channels, then global average pooling and a dense
  softmax over 20 classes (1,255,460 parameters);
- task: which of the 20 images of ``SOURCE_IMAGES`` (photographs and textures shipped by
  scikit-image and scikit-learn) a 64x64 patch comes from. Every epoch draws ``PATCHES_PER_EPOCH``
  new augmented patches from the left three quarters of the images
  (``texture_patches(split="train", seed=SEED * 1000 + epoch)``); the test set is
  ``TEST_PATCHES`` patches from the right quarters (``split="test", seed=TEST_SEED``), which
  the network never sees while training;
- training: Adam with a cosine-decaying learning rate from ``LEARNING_RATE``, mini-batches of
  ``BATCH_SIZE``, ``EPOCHS`` epochs, everything seeded;
- normalization, as Gatys et al. (2015) did with VGG-19 for style transfer: each convolution's
  kernel and bias are divided by the layer's mean activation over ``NORM_PATCHES`` training
  patches, and the next layer's kernel multiplied by it, so that every layer's mean activation
  is 1 and the classifier's outputs do not change (ReLU and max pooling commute with positive
  factors). Without it the deep layers' activations, hence their Gram matrices, differ by orders
  of magnitude from image to image and from layer to layer, and one layer's style cost swamps
  the others. Gatys et al. use one factor per filter; one per layer keeps the rarely active
  filters of the first blocks from being blown up into noise detectors;
- output, in ``datasets/style_vgg/``:

  - ``style_vgg_weights.h5``: the arrays of ``model.get_weights()`` as float16 (about 2.5 MB),
    written by ``shared_utils.weights.write_weights``; ``shared_utils.style_vgg.load_style_vgg``
    reads them back;
  - ``style_vgg_metrics.json``: the history, the test accuracy of the saved float16 weights,
    the seconds spent, the machine and the versions used.

Runs on a CPU (about 10 s per epoch on 2 free cores); a GPU, if present, is used. Float
arithmetic differs between machines and libraries, so a rebuild gives other bytes (and a
slightly different accuracy): update ``datasets/MANIFEST`` afterwards.

Run: python datasets/train_style_vgg.py   (``--epochs 1 --out-dir DIR`` for a trial run; ``--help``)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # datasets/, also when a test imports this file
from training_setup import DATASETS, command_line, seed  # noqa: E402 - before Keras: quiets TensorFlow

# isort: split
import keras  # noqa: E402
import numpy as np  # noqa: E402
from training_record import ship_weights, write_record  # noqa: E402

from shared_utils.style_vgg import (  # noqa: E402
    SOURCE_IMAGES,
    WEIGHTS_FORMAT,
    style_vgg_classifier,
    texture_patches,
)

SEED = 1
TEST_SEED = 12345
EPOCHS = 24
PATCHES_PER_EPOCH = 4096
TEST_PATCHES = 2000
NORM_PATCHES = 1000
NORM_SEED = 999
BATCH_SIZE = 64
LEARNING_RATE = 0.001
OUT_DIR = DATASETS / "style_vgg"
WEIGHTS_NAME = "style_vgg_weights.h5"
METRICS_NAME = "style_vgg_metrics.json"


def normalize_activations(model: keras.Model, x: np.ndarray) -> list[float]:
    """Rescale the convolutions in place so that each layer's mean activation over ``x`` is 1.

    Returns the factors (each layer's mean activation before rescaling), in layer order.
    """
    convs = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D)]
    probe = keras.Model(model.input, [layer.output for layer in convs])
    batches = [probe.predict(x[i:i + 250], verbose=0) for i in range(0, len(x), 250)]
    means = [float(np.mean([np.mean(batch[k]) for batch in batches])) for k in range(len(convs))]
    previous = 1.0
    for layer, mean in zip(convs, means, strict=True):
        kernel, bias = layer.get_weights()
        layer.set_weights([kernel * (previous / mean), bias / mean])
        previous = mean
    dense = model.get_layer("predictions")
    kernel, bias = dense.get_weights()
    dense.set_weights([kernel * previous, bias])
    return means


def main(out_dir: Path = OUT_DIR, epochs: int = EPOCHS) -> None:
    seed(SEED)
    x_test, y_test = texture_patches(TEST_PATCHES, split="test", seed=TEST_SEED)
    model = style_vgg_classifier()
    steps = epochs * (PATCHES_PER_EPOCH // BATCH_SIZE)
    schedule = keras.optimizers.schedules.CosineDecay(LEARNING_RATE, decay_steps=steps)
    model.compile(optimizer=keras.optimizers.Adam(schedule), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])

    start = time.perf_counter()
    history = []
    for epoch in range(epochs):
        x, y = texture_patches(PATCHES_PER_EPOCH, split="train", seed=SEED * 1000 + epoch)
        fit = model.fit(x, y, batch_size=BATCH_SIZE, epochs=epoch + 1, initial_epoch=epoch, verbose=0)
        test_loss, test_acc = model.evaluate(x_test, y_test, batch_size=250, verbose=0)
        row = {"epoch": epoch + 1, "loss": round(float(fit.history["loss"][-1]), 6),
               "train_accuracy_during_epoch": round(float(fit.history["accuracy"][-1]), 6),
               "test_loss": round(float(test_loss), 6), "test_accuracy": round(float(test_acc), 6),
               "seconds": round(time.perf_counter() - start, 1)}
        history.append(row)
        print(json.dumps(row), flush=True)
    factors = normalize_activations(model, texture_patches(NORM_PATCHES, split="train", seed=NORM_SEED)[0])
    train_seconds = time.perf_counter() - start

    weights_path = ship_weights(model, out_dir / WEIGHTS_NAME, WEIGHTS_FORMAT,
                                "shared_utils.style_vgg.style_vgg_classifier()")
    # The accuracy reported is that of the float16 weights as shipped, read back from the file.
    test_loss, test_acc = model.evaluate(x_test, y_test, batch_size=250, verbose=0)
    metrics = {
        "architecture": "style_vgg_classifier() from shared_utils/style_vgg.py: VGG-19 layout, "
                        "widths (16, 32, 64, 128, 128), global average pooling, dense softmax",
        "num_layers": len(model.layers),
        "num_params": model.count_params(),
        "classes": [name for _, name in SOURCE_IMAGES],
        "data": f"texture_patches(): {PATCHES_PER_EPOCH} new augmented 64x64 training patches per epoch "
                f"(split='train', seed={SEED} * 1000 + epoch); test: {TEST_PATCHES} patches "
                f"(split='test', seed={TEST_SEED}) from the held-out right quarter of each image",
        "optimizer": f"Adam(CosineDecay({LEARNING_RATE}, decay_steps={steps}))",
        "batch_size": BATCH_SIZE,
        "seed": SEED,
        "epochs": epochs,
        "normalization": f"each layer's mean activation over {NORM_PATCHES} training patches (seed "
                         f"{NORM_SEED}) set to 1; factors: {[round(f, 4) for f in factors]}",
        "train_seconds": round(train_seconds, 1),
        "float16_test_loss": round(float(test_loss), 6),
        "float16_test_accuracy": round(float(test_acc), 6),
        "history": history,
    }
    write_record(out_dir / METRICS_NAME, metrics, weights_path)


if __name__ == "__main__":
    parser = command_line(__doc__, OUT_DIR)
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="epochs to train")
    main(**vars(parser.parse_args()))
