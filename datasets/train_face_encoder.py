"""Train the face encoder of course4's "Face Recognition" with the triplet loss; ship its weights.

The original assignment loads FaceNet, trained on millions of real identity-labelled photos. This
script trains its stand-in, ``shared_utils.faces.face_encoder()`` (64x64x3 -> 128 numbers of L2
norm 1, about 0.3 M parameters), on the drawn people of ``build_face_ids.py``:

- data: ``TRAIN_PEOPLE`` people with ``PHOTOS_PER_PERSON`` photos each, made in memory by
  ``build_face_ids.photos("train", ...)`` (deterministic; not written to disk), plus a horizontal
  flip half of the time;
- loss: the triplet loss of the notebook, ``max(||f(A) - f(P)||^2 - ||f(A) - f(N)||^2 + alpha, 0)``
  with ``alpha = ALPHA``, over all the triplets of a batch ("batch all", Hermans et al., 2017):
  each batch holds ``K`` photos of each of ``P`` people, every (anchor, positive, negative) of
  it is a triplet, and the loss is the mean over the triplets that still violate the margin
  (the easy ones, at 0, would dilute it). Batch-hard mining (the hardest positive and negative
  per anchor) collapsed every encoding to one point in the first hundred steps here;
- training: Adam, learning rate ``LEARNING_RATE`` decayed by a cosine to 0 over ``STEPS`` steps,
  everything seeded (``SEED``);
- threshold: every pair of photos of the validation people (``faces_val.h5``, never seen in
  training; 800 same-person and 79,000 different-person pairs) is accepted when the distance
  ``||f(x1) - f(x2)||`` is below the threshold; the threshold (a multiple of 0.01) of the best
  balanced accuracy, the mean of the true accept and true reject rates, is kept;
- report: on all pairs of the test people (``faces_test.h5``), the balanced verification accuracy,
  true accept rate and false accept rate of the float16 weights as shipped, at that threshold and
  at the original's 0.7.

Output in ``datasets/face_ids/``: ``face_encoder_weights.h5`` (``shared_utils.weights`` format,
float16) and ``face_encoder_metrics.json``. Float arithmetic differs between machines and
libraries, so a rebuild gives other bytes and slightly different numbers: update
``datasets/MANIFEST`` afterwards.

Run: python datasets/train_face_encoder.py   (about 10 minutes on 2 CPU cores; a GPU is used if present)
     python datasets/train_face_encoder.py --evaluate   (measure the shipped weights again, seconds)
     python datasets/train_face_encoder.py --steps 2 --out-dir DIR   (a trial run; ``--help``)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # datasets/, also when a test imports this file
from training_setup import DATASETS, command_line, seed  # noqa: E402 - before Keras: quiets TensorFlow

# isort: split
import build_face_ids  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from training_record import ship_weights, write_metrics, write_record  # noqa: E402

from shared_utils.faces import (  # noqa: E402
    ENCODER_FORMAT,
    ENCODER_WEIGHTS,
    face_encoder,
    load_face_ids,
)
from shared_utils.weights import read_weights  # noqa: E402

SEED = 3
TRAIN_PEOPLE = 1200
PHOTOS_PER_PERSON = 8
P, K = 16, 4  # people per batch, photos per person
ALPHA = 0.2
LEARNING_RATE = 1e-3
STEPS = 1500
ORIGINAL_THRESHOLD = 0.7
OUT_DIR = DATASETS / "face_ids"
METRICS_NAME = "face_encoder_metrics.json"


def batch_all_triplet_loss(embeddings: tf.Tensor, labels: tf.Tensor, alpha: float) -> tf.Tensor:
    """Mean of max(||a - p||^2 - ||a - n||^2 + alpha, 0) over the batch's triplets where it is not 0."""
    squared = tf.reduce_sum(tf.square(embeddings[:, None, :] - embeddings[None, :, :]), axis=-1)
    same = tf.equal(labels[:, None], labels[None, :])
    not_self = tf.logical_not(tf.eye(tf.shape(labels)[0], dtype=tf.bool))
    valid = tf.logical_and(tf.logical_and(same, not_self)[:, :, None], tf.logical_not(same)[:, None, :])
    losses = tf.maximum(squared[:, :, None] - squared[:, None, :] + alpha, 0.0) * tf.cast(valid, tf.float32)
    active = tf.reduce_sum(tf.cast(losses > 1e-12, tf.float32))
    return tf.reduce_sum(losses) / tf.maximum(active, 1.0)


def pair_distances(model, x: np.ndarray, identity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every pair of photos (i < j): the distance ||f(x_i) - f(x_j)|| and whether it is one person."""
    encodings = model.predict(x.astype(np.float32) / 255.0, batch_size=100, verbose=0)
    i, j = np.triu_indices(len(identity), k=1)
    return np.linalg.norm(encodings[i] - encodings[j], axis=1), identity[i] == identity[j]


def verification(distances: np.ndarray, same: np.ndarray, threshold: float) -> dict[str, float]:
    """True accept rate, false accept rate and their balanced accuracy at ``threshold``.

    Different-person pairs outnumber same-person pairs a hundred to one, so the accuracy is the mean
    of the true accept rate and the true reject rate: the accuracy on as many pairs of each kind.
    """
    accept = distances < threshold
    true_accepts, false_accepts = float(np.mean(accept[same])), float(np.mean(accept[~same]))
    return {"threshold": round(float(threshold), 4),
            "accuracy": round((true_accepts + 1.0 - false_accepts) / 2, 4),
            "true_accept_rate": round(true_accepts, 4), "false_accept_rate": round(false_accepts, 4)}


def best_threshold(distances: np.ndarray, same: np.ndarray) -> float:
    """The threshold (a multiple of 0.01) of the highest balanced accuracy."""
    candidates = np.round(np.arange(0.05, 2.0, 0.01), 2)
    accuracy = [verification(distances, same, t)["accuracy"] for t in candidates]
    return float(candidates[int(np.argmax(accuracy))])


def evaluate(model, root: Path) -> dict:
    """Choose the threshold on the validation people, then measure the test people at it and at 0.7."""
    val_distances, val_same = pair_distances(model, *load_face_ids("val", root))
    threshold = best_threshold(val_distances, val_same)
    test_distances, test_same = pair_distances(model, *load_face_ids("test", root))
    return {
        "pairs": "all pairs of photos of the 80 people of a set: 800 same-person and 79,000 different-person "
                 "pairs; accuracy = (true accept rate + 1 - false accept rate) / 2",
        "threshold": threshold,
        "val": verification(val_distances, val_same, threshold),
        "test": verification(test_distances, test_same, threshold),
        "test_at_original_threshold": verification(test_distances, test_same, ORIGINAL_THRESHOLD),
    }


def main(out_dir: Path = OUT_DIR, steps: int = STEPS) -> None:
    rng = seed(SEED)
    start = time.perf_counter()
    x_train, id_train = build_face_ids.photos("train", TRAIN_PEOPLE, PHOTOS_PER_PERSON)
    generate_seconds = time.perf_counter() - start
    x_val, id_val = load_face_ids("val", DATASETS)

    model = face_encoder()
    schedule = keras.optimizers.schedules.CosineDecay(LEARNING_RATE, steps)
    optimizer = keras.optimizers.Adam(schedule)

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            loss = batch_all_triplet_loss(model(images, training=True), labels, ALPHA)
        optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables),
                                      model.trainable_variables, strict=True))
        return loss

    start = time.perf_counter()
    history, losses = [], []
    for step in range(1, steps + 1):
        people = rng.choice(TRAIN_PEOPLE, size=P, replace=False)
        photos = rng.random((P, PHOTOS_PER_PERSON)).argsort(axis=1)[:, :K]
        index = (people[:, None] * PHOTOS_PER_PERSON + photos).reshape(-1)
        images = x_train[index].astype(np.float32) / 255.0
        flip = rng.random(len(index)) < 0.5
        images[flip] = images[flip, :, ::-1]
        losses.append(float(train_step(images, np.repeat(people, K))))
        if step % 100 == 0 or step == steps:
            distances, same = pair_distances(model, x_val, id_val)
            row = {"step": step, "loss": round(float(np.mean(losses)), 4),
                   "val": verification(distances, same, best_threshold(distances, same)),
                   "seconds": round(time.perf_counter() - start, 1)}
            history.append(row)
            losses = []
            print(json.dumps(row), flush=True)
    train_seconds = time.perf_counter() - start

    weights_path = ship_weights(model, out_dir / Path(ENCODER_WEIGHTS).name, ENCODER_FORMAT,
                                "shared_utils.faces.face_encoder()")
    # Everything reported is measured with the float16 weights as shipped, read back from the file.
    metrics = {
        "architecture": "shared_utils.faces.face_encoder() (64x64x3 -> 128, L2-normalized)",
        "num_params": model.count_params(),
        "data": f"build_face_ids.photos('train', {TRAIN_PEOPLE}, {PHOTOS_PER_PERSON}) in memory, "
                "random horizontal flips; threshold chosen on faces_val.h5, reported on faces_test.h5 "
                "(80 people each, 5 photos per person, none seen in training)",
        "loss": f"batch-all triplet loss (mean over violating triplets), alpha {ALPHA}, squared distances, "
                f"{P} people x {K} photos per batch",
        "optimizer": f"Adam, learning rate {LEARNING_RATE} with cosine decay over {steps} steps",
        "seed": SEED,
        "steps": steps,
        **evaluate(model, DATASETS),
        "generate_seconds": round(generate_seconds, 1),
        "train_seconds": round(train_seconds, 1),
        "history": history,
    }
    write_record(out_dir / METRICS_NAME, metrics, weights_path)


def reevaluate(out_dir: Path = OUT_DIR) -> None:
    """Measure the shipped weights again and update the evaluation entries of the metrics file."""
    model = face_encoder()
    model.set_weights(read_weights(out_dir / Path(ENCODER_WEIGHTS).name, ENCODER_FORMAT))
    metrics = json.loads((out_dir / METRICS_NAME).read_text())
    metrics.update(evaluate(model, DATASETS))
    write_metrics(out_dir / METRICS_NAME, metrics)


if __name__ == "__main__":
    parser = command_line(__doc__, OUT_DIR)
    parser.add_argument("--steps", type=int, default=STEPS, help="training steps (batches)")
    parser.add_argument("--evaluate", action="store_true",
                        help="only measure the weights in --out-dir again and update its metrics file")
    args = parser.parse_args()
    reevaluate(args.out_dir) if args.evaluate else main(args.out_dir, args.steps)
