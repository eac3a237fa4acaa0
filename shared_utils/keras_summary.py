"""Plain-data descriptions of Keras models and layers, for test cells to compare.

A model is checked by structure, not by a printed summary string: ``layer_summary(model)`` gives
one row per layer, ``[class name, output shape, parameter count, key config]``, with shapes as
lists (``None`` for the batch), so ``expect(layer_summary(model), expected, name=...)`` reports
the first differing layer and field.
"""

from __future__ import annotations

from typing import Any

__all__ = ["layer_row", "layer_summary"]

# The configuration fields that decide what a layer computes, per layer class.
KEY_CONFIG = {
    "Conv2D": ("filters", "kernel_size", "strides", "padding", "activation"),
    "Conv2DTranspose": ("filters", "kernel_size", "strides", "padding", "activation"),
    "Dense": ("units", "activation"),
    "MaxPooling2D": ("pool_size", "strides", "padding"),
    "AveragePooling2D": ("pool_size", "strides", "padding"),
    "ZeroPadding2D": ("padding",),
    "Dropout": ("rate",),
    "BatchNormalization": ("axis", "momentum", "epsilon"),
    "Activation": ("activation",),
    "ReLU": (),
    "Flatten": (),
    "Add": (),
    "Concatenate": ("axis",),
    "GlobalAveragePooling2D": (),
    "InputLayer": (),
}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


def layer_row(layer: Any) -> list:
    """``[class name, output shape, parameter count, {key config}]`` for one layer."""
    name = type(layer).__name__
    config = layer.get_config()
    keys = KEY_CONFIG.get(name, ())
    try:
        shape = layer.output.shape
    except (AttributeError, ValueError):
        shape = None
    key_config = {k: _plain(config.get(k)) for k in keys}
    if "axis" in key_config and shape is not None:  # axis=-1 and axis=3 are the same layer
        key_config["axis"] = _positive_axes(key_config["axis"], len(shape))
    return [name, _plain(shape), int(layer.count_params()), key_config]


def _positive_axes(axis: Any, rank: int) -> Any:
    if isinstance(axis, list):
        return [_positive_axes(a, rank) for a in axis]
    return axis % rank if isinstance(axis, int) else axis


def layer_summary(model: Any) -> list[list]:
    """One :func:`layer_row` per layer of ``model``, in order."""
    return [layer_row(layer) for layer in model.layers]
