"""The feature network of course4's neural style transfer: a narrow VGG-19, and what trains it.

The original assignment takes its content and style features from VGG-19 pretrained on ImageNet
(80 MB of weights, downloaded). Ours has **VGG-19's layout** (five blocks of 2, 2, 4, 4 and 4
3x3 convolutions with ReLU, each block ending in a 2x2 max pooling) and its layer names
(``block1_conv1`` ... ``block5_conv4``, ``block1_pool`` ... ``block5_pool``), so the notebook's
``STYLE_LAYERS`` and content layer read like the original's, but a quarter of its channels per
layer (16, 32, 64, 128, 128 instead of 64, 128, 256, 512, 512): 1.25 M parameters instead of
20 M, fast enough for style transfer on a CPU.

``datasets/train_style_vgg.py`` pretrains it on a small offline classification task: which of
:data:`SOURCE_IMAGES` (photographs and textures that scikit-image and scikit-learn ship) a 64x64
patch comes from, with random scales, flips, rotations and color jitter
(:func:`texture_patches`). Patches for training come from the left three quarters of each image,
test patches from the right quarter. After training, each convolution is rescaled so that the
layer's mean activation over training patches is 1 (as Gatys et al. did with VGG-19; the
classifier's outputs do not change), which keeps the style costs of different layers on
comparable scales. The weights of the whole classifier (features, global average pooling and a
dense softmax layer named ``predictions``) are shipped as float16 in ``datasets/style_vgg/`` and
loaded by :func:`load_style_vgg`.

The network takes RGB images with values in [0, 1] (no mean subtraction), as the original
notebook feeds its images to VGG-19.

**Original weights.** With ``DL_COURSE_STYLE_VGG_WEIGHTS`` (and ``..._SHA256``, see
``shared_utils.weights``) set to Keras's ``vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5``,
:func:`load_style_vgg` builds the full-width VGG-19 (:data:`VGG19_WIDTHS`, the architecture of
``keras.applications.VGG19(include_top=False)``) and loads that file instead. The override
applies only to a file for that architecture: our narrow network's weights and the original's
do not fit each other. Those weights expect Caffe-style inputs (BGR, mean-subtracted, 0-255);
like the original notebook, we feed [0, 1] RGB images anyway.
"""

from __future__ import annotations

import os
from functools import cache

import numpy as np
from PIL import Image

__all__ = ["BLOCK_SIZES", "PATCH_SIZE", "SOURCE_IMAGES", "STYLE_VGG_WIDTHS", "VGG19_WIDTHS",
           "load_style_vgg", "source_images", "style_vgg_classifier", "texture_patches", "vgg_features"]

BLOCK_SIZES = (2, 2, 4, 4, 4)  # convolutions per block, as in VGG-19
STYLE_VGG_WIDTHS = (16, 32, 64, 128, 128)
VGG19_WIDTHS = (64, 128, 256, 512, 512)
PATCH_SIZE = 64

WEIGHTS = "style_vgg/style_vgg_weights.h5"
WEIGHTS_FORMAT = "course4-style-vgg-float16-v1"
OVERRIDE_ENV = "DL_COURSE_STYLE_VGG_WEIGHTS"

# (module, function) of each class's image; the class index is the position in this tuple.
SOURCE_IMAGES = (
    ("skimage", "astronaut"), ("skimage", "brick"), ("skimage", "camera"), ("skimage", "chelsea"),
    ("skimage", "clock"), ("skimage", "coffee"), ("skimage", "coins"), ("skimage", "grass"),
    ("skimage", "gravel"), ("skimage", "hubble_deep_field"), ("skimage", "immunohistochemistry"),
    ("skimage", "moon"), ("skimage", "page"), ("skimage", "retina"), ("skimage", "rocket"),
    ("skimage", "text"), ("skimage", "cell"), ("skimage", "stereo_motorcycle"),
    ("sklearn", "china"), ("sklearn", "flower"),
)
MAX_SIDE = 384  # larger images are shrunk so that a patch covers a similar share of every image
TRAIN_SHARE = 0.75  # train patches from the left 75 % of each image's columns, test from the rest


def vgg_features(input_shape=(None, None, 3), widths=STYLE_VGG_WIDTHS):
    """VGG-19's convolutional part ("no top") with ``widths[b]`` channels in block ``b + 1``.

    With :data:`VGG19_WIDTHS` it has the layers, names and weight shapes of
    ``keras.applications.VGG19(include_top=False)``.

    Args:
        input_shape: shape of one image, (n_H, n_W, 3); ``None`` for any size.
        widths: 5 integers, the number of channels of each block's convolutions.

    Returns:
        A ``keras.Model`` from the image to the output of ``block5_pool``.
    """
    import keras

    inputs = keras.Input(input_shape, name="input_layer")
    # He initialization: 16 plain ReLU convolutions, no batch normalization, trained from scratch.
    x = inputs
    for block, (convs, width) in enumerate(zip(BLOCK_SIZES, widths, strict=True), start=1):
        for conv in range(1, convs + 1):
            x = keras.layers.Conv2D(width, 3, padding="same", activation="relu",
                                    kernel_initializer="he_normal", name=f"block{block}_conv{conv}")(x)
        x = keras.layers.MaxPooling2D(2, strides=2, name=f"block{block}_pool")(x)
    return keras.Model(inputs, x, name="vgg19_features")


def style_vgg_classifier(num_classes: int = len(SOURCE_IMAGES), widths=STYLE_VGG_WIDTHS):
    """The pretraining classifier: :func:`vgg_features`, global average pooling, dense softmax."""
    import keras

    features = vgg_features((PATCH_SIZE, PATCH_SIZE, 3), widths)
    x = keras.layers.GlobalAveragePooling2D(name="avg_pool")(features.output)
    outputs = keras.layers.Dense(num_classes, activation="softmax", name="predictions")(x)
    return keras.Model(features.input, outputs, name="style_vgg_classifier")


def load_style_vgg(input_shape=(None, None, 3), *, include_top: bool = False, root=None):
    """The pretrained feature network, frozen (``trainable = False``).

    Args:
        input_shape: shape of one image, (n_H, n_W, 3); ``None`` for any size. With
            ``include_top=True`` it is always (64, 64, 3).
        include_top: return the whole pretraining classifier instead of the features.
        root: the datasets folder (default: ``shared_utils.datasets.datasets_dir()``).

    Returns:
        A ``keras.Model``: the image to ``block5_pool`` (or to the class probabilities).
    """
    from shared_utils.weights import load_weights

    if os.environ.get(OVERRIDE_ENV) and not include_top:
        model = vgg_features(input_shape, VGG19_WIDTHS)
        load_weights(model, WEIGHTS, WEIGHTS_FORMAT, override_env=OVERRIDE_ENV, root=root,
                     architecture="keras.applications.VGG19(include_top=False)")
    else:
        classifier = style_vgg_classifier()
        load_weights(classifier, WEIGHTS, WEIGHTS_FORMAT, root=root,
                     architecture="shared_utils.style_vgg.style_vgg_classifier()")
        if include_top:
            model = classifier
        else:
            model = vgg_features(input_shape)
            for layer in model.layers:
                if layer.weights:
                    layer.set_weights(classifier.get_layer(layer.name).get_weights())
    model.trainable = False
    return model


@cache
def source_images() -> tuple[np.ndarray, ...]:
    """The images of :data:`SOURCE_IMAGES` as float32 RGB arrays in [0, 1], longest side <= 384."""
    import skimage.data
    from sklearn.datasets import load_sample_images

    samples = load_sample_images()
    by_name = {os.path.splitext(os.path.basename(f))[0]: im
               for f, im in zip(samples.filenames, samples.images, strict=True)}
    images = []
    for module, name in SOURCE_IMAGES:
        image = by_name[name] if module == "sklearn" else getattr(skimage.data, name)()
        if isinstance(image, tuple):  # stereo_motorcycle: (left, right, disparity)
            image = image[0]
        image = np.asarray(image, dtype=np.uint8)
        if image.ndim == 2:
            image = np.repeat(image[:, :, None], 3, axis=2)
        pil = Image.fromarray(image[:, :, :3])
        scale = MAX_SIDE / max(pil.size)
        if scale < 1:
            pil = pil.resize((round(pil.width * scale), round(pil.height * scale)), Image.BILINEAR)
        images.append(np.asarray(pil, dtype=np.float32) / 255.0)
    return tuple(images)


def texture_patches(n: int, *, split: str, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Random labelled patches of the source images, the same for the same arguments.

    Each patch: a class drawn uniformly; a square crop of side 64 x s (s uniform in [0.6, 1.6],
    at most the region's size) at a random place in the class image's region (``"train"``: the
    left 75 % of its columns, ``"test"``: the rest), resized to 64x64; then, for the training
    split only, a random flip and quarter turn, brightness and contrast factors in [0.7, 1.3],
    and a conversion to gray with probability 0.2.

    Args:
        n: number of patches.
        split: ``"train"`` or ``"test"``.
        seed: seed of the random generator.

    Returns:
        x: float32 array of shape (n, 64, 64, 3), values in [0, 1].
        y: int64 array of shape (n,), class indices into :data:`SOURCE_IMAGES`.
    """
    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test', not {split!r}")
    rng = np.random.default_rng(seed)
    images = source_images()
    y = rng.integers(len(images), size=n)
    x = np.empty((n, PATCH_SIZE, PATCH_SIZE, 3), dtype=np.float32)
    for i, label in enumerate(y):
        image = images[label]
        height, width = image.shape[:2]
        cut = round(width * TRAIN_SHARE)
        left, right = (0, cut) if split == "train" else (cut, width)
        side = min(round(PATCH_SIZE * rng.uniform(0.6, 1.6)), right - left, height)
        top = rng.integers(height - side + 1)
        col = left + rng.integers(right - left - side + 1)
        crop = image[top:top + side, col:col + side]
        if side != PATCH_SIZE:
            crop = np.stack([np.asarray(Image.fromarray(crop[:, :, c]).resize(
                (PATCH_SIZE, PATCH_SIZE), Image.BILINEAR)) for c in range(3)], axis=2)
        if split == "train":
            crop = np.rot90(crop, rng.integers(4))
            if rng.random() < 0.5:
                crop = crop[:, ::-1]
            mean = crop.mean()
            crop = (crop - mean) * rng.uniform(0.7, 1.3) + mean * rng.uniform(0.7, 1.3)
            if rng.random() < 0.2:
                crop = np.repeat(crop.mean(axis=2, keepdims=True), 3, axis=2)
        x[i] = np.clip(crop, 0.0, 1.0)
    return x, y.astype(np.int64)
