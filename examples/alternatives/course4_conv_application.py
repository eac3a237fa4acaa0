"""Correct alternative solutions for course4/conv_application."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "happyModel": {"explicit pool size": ("layers.MaxPooling2D(),", "layers.MaxPooling2D(pool_size=(2, 2)),")},
    "convolutional_model": {"short Conv2D arguments": (
        'layers.Conv2D(filters=8, kernel_size=(4, 4), strides=(1, 1), padding="same")',
        'layers.Conv2D(8, 4, padding="same")')},
}
