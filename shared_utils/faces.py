"""Faces, the face encoder and the database of course4's "Face Recognition" assignment.

The original assignment loads a FaceNet network (Inception-ResNet, 160x160 inputs, trained on
millions of real photos) and twelve staff photos. Here the photos are drawn people of
``datasets/build_face_ids.py`` (64x64 RGB) and the encoder is a small conv net trained by
``datasets/train_face_encoder.py`` with the triplet loss; both ship in ``datasets/face_ids/``
and are checked against ``datasets/MANIFEST`` before use.

- :func:`face_encoder` builds the encoder: 64x64x3 floats in [0, 1] -> 128 numbers of L2 norm 1.
- :func:`load_face_encoder` builds it and loads the shipped weights (or the user's, through
  ``DL_COURSE_FACE_ENCODER_WEIGHTS``; see ``shared_utils.weights``).
- :func:`image_path` is the verified path of a photo (``"bruno.png"``, ``"camera_0.png"``).
- :func:`img_to_encoding` reads a photo and returns its (1, 128) encoding, as in the original.
- :func:`load_face_ids` returns the held-out validation / test photos with their identities.
"""

from __future__ import annotations

import json
from pathlib import Path

import h5py
import numpy as np

from shared_utils.datasets import datasets_dir, verified_path

__all__ = ["EMBEDDING_SIZE", "IMAGE_SHAPE", "NAMES", "face_encoder", "image_path", "img_to_encoding",
           "load_face_encoder", "load_face_ids", "load_image", "read_encoder_metrics"]

IMAGE_SHAPE = (64, 64, 3)
EMBEDDING_SIZE = 128
NAMES = ("ada", "bruno", "chiara", "dmitri", "elena", "farid", "grace", "hiro", "ines", "jonas",
         "kemi", "lucas")
ENCODER_WEIGHTS = "face_ids/face_encoder_weights.h5"
ENCODER_METRICS = "face_ids/face_encoder_metrics.json"
ENCODER_FORMAT = "course4-face-encoder-float16-v1"
ENCODER_ARCHITECTURE = "shared_utils.faces.face_encoder()"


def face_encoder(input_shape: tuple[int, int, int] = IMAGE_SHAPE, embedding_size: int = EMBEDDING_SIZE):
    """The face encoder: four conv stages, global average pooling, a dense layer, L2 normalization.

    Each stage is two 3x3 "same" convolutions with batch normalization and ReLU, then 2x2 max
    pooling (none after the last): 64x64x3 -> 32x32x16 -> 16x16x32 -> 8x8x64 -> 8x8x128 -> 128
    -> 128, about 0.3 M parameters. The output rows have L2 norm 1, so the squared distance of two
    encodings is ``2 - 2 cos`` of their angle and lies in [0, 4].

    Returns:
        model: a keras.Model mapping (m, 64, 64, 3) floats in [0, 1] to (m, 128) encodings.
    """
    import keras
    from keras import layers

    inputs = keras.Input(input_shape, name="image")
    x = inputs
    for stage, filters in enumerate((16, 32, 64, 128)):
        for conv in range(2):
            suffix = f"{stage + 1}_{conv + 1}"
            x = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"conv{suffix}")(x)
            x = layers.BatchNormalization(name=f"bn{suffix}")(x)
            x = layers.ReLU(name=f"relu{suffix}")(x)
        if stage < 3:
            x = layers.MaxPooling2D(2, name=f"pool{stage + 1}")(x)
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    x = layers.Dense(embedding_size, name="bottleneck")(x)
    outputs = layers.UnitNormalization(axis=-1, name="l2_normalize")(x)
    return keras.Model(inputs, outputs, name="face_encoder")


def load_face_encoder(root: Path | None = None):
    """:func:`face_encoder` with the shipped weights (``datasets/face_ids/face_encoder_weights.h5``).

    Set ``DL_COURSE_FACE_ENCODER_WEIGHTS`` (and ``..._SHA256``) to load another Keras weights file
    of the same architecture instead.
    """
    from shared_utils.weights import load_weights

    model = face_encoder()
    load_weights(model, ENCODER_WEIGHTS, ENCODER_FORMAT, architecture=ENCODER_ARCHITECTURE,
                 override_env="DL_COURSE_FACE_ENCODER_WEIGHTS", root=root)
    return model


def read_encoder_metrics(root: Path | None = None) -> dict:
    """The training metrics of the shipped encoder (threshold, verification accuracy, ...)."""
    return json.loads(verified_path(ENCODER_METRICS, root).read_text())


def image_path(name: str, root: Path | None = None) -> str:
    """The path of a photo of the assignment (e.g. ``"bruno.png"``), after checking its sha256."""
    return str(verified_path(f"face_ids/images/{name}", root))


def load_image(path: str | Path) -> np.ndarray:
    """A photo as a (64, 64, 3) float32 array in [0, 1] (resized if it has another size)."""
    from PIL import Image

    with Image.open(path) as image:
        image = image.convert("RGB")
        if image.size != IMAGE_SHAPE[1::-1]:
            image = image.resize(IMAGE_SHAPE[1::-1], Image.BILINEAR)
        return np.asarray(image, dtype=np.float32) / 255.0


def img_to_encoding(image_path: str | Path, model) -> np.ndarray:
    """The encoding of the photo at ``image_path`` by ``model``, as a (1, 128) row of L2 norm 1.

    Args:
        image_path: path of an image file (PNG or JPEG).
        model: a Keras model mapping (1, 64, 64, 3) images in [0, 1] to (1, n) encodings.

    Returns:
        encoding: (1, n) float32 array, the model's output divided by its L2 norm.
    """
    batch = load_image(image_path)[np.newaxis]
    embedding = np.asarray(model.predict_on_batch(batch), dtype=np.float32)
    return embedding / np.linalg.norm(embedding, ord=2)


def load_face_ids(kind: str, root: Path | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Photos of people the encoder never saw in training: ``kind`` is ``"val"`` or ``"test"``.

    Returns:
        x: (400, 64, 64, 3) uint8 photos, 5 of each of 80 people, grouped by person.
        identity: (400,) int64, the person of each photo (0 to 79).
    """
    if kind not in ("val", "test"):
        raise ValueError(f"kind must be 'val' or 'test', got {kind!r}")
    with h5py.File(verified_path(f"face_ids/faces_{kind}.h5", root or datasets_dir()), "r") as f:
        return np.array(f["x"][:]), np.array(f["identity"][:])
