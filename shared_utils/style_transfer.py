"""Ready-made helpers of course4's "Neural Style Transfer" notebook.

The original assignment gives students ``get_layer_outputs``, ``clip_0_1`` and
``tensor_to_image`` and reads its content and style images (the Louvre, a Monet painting) from
files. Here the images come from packages that ship them offline, loaded at run time and
prepared the same way every time (a centered square crop, resized with PIL's bilinear filter),
so no copy of them is stored:

- content: scikit-image's ``data.chelsea()``, a photograph of Stefan van der Walt's cat;
- style: scikit-image's ``data.coffee()``, a cup of espresso on a red-brown saucer and table.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

__all__ = ["clip_0_1", "get_layer_outputs", "load_content_image", "load_style_image", "tensor_to_image"]


def _square(image: np.ndarray, size: int) -> np.ndarray:
    height, width = image.shape[:2]
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    crop = Image.fromarray(image[top:top + side, left:left + side])
    return np.asarray(crop.resize((size, size), Image.BILINEAR), dtype=np.uint8)


def load_content_image(size: int = 400) -> np.ndarray:
    """The content image (scikit-image's cat, Chelsea), uint8, shape (size, size, 3)."""
    import skimage.data

    return _square(skimage.data.chelsea(), size)


def load_style_image(size: int = 400) -> np.ndarray:
    """The style image (scikit-image's cup of coffee), uint8, shape (size, size, 3)."""
    import skimage.data

    return _square(skimage.data.coffee(), size)


def get_layer_outputs(vgg, layer_names):
    """A model from ``vgg``'s input to the outputs of the named layers, in order.

    Args:
        vgg: a Keras model, e.g. the feature network.
        layer_names: list of (layer name, weight) pairs, e.g. ``STYLE_LAYERS + content_layer``.

    Returns:
        A ``keras.Model`` that returns the list of those layers' activations.
    """
    import keras

    outputs = [vgg.get_layer(name).output for name, _ in layer_names]
    return keras.Model([vgg.input], outputs)


def clip_0_1(image):
    """Clip the values of a tensor to [0, 1]."""
    import tensorflow as tf

    return tf.clip_by_value(image, clip_value_min=0.0, clip_value_max=1.0)


def tensor_to_image(tensor) -> Image.Image:
    """A PIL image from a tensor of shape (1, n_H, n_W, 3) or (n_H, n_W, 3) with values in [0, 1]."""
    array = np.asarray(tensor, dtype=np.float32) * 255
    if array.ndim > 3:
        array = array[0]
    return Image.fromarray(np.clip(np.round(array), 0, 255).astype(np.uint8))
