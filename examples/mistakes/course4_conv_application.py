"""Realistic student mistakes for course4/source/conv_application/conv_application.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``convolutional_model``: the two ``MaxPooling2D`` layers are written without
  ``padding="same"``, so they use Keras' default ``"valid"``. For 64x64 images the output
  shapes happen to be the same (64 is a multiple of 8 and 8 of 4), so a student who only
  compares shapes would not notice; the settings in the public check, and the other input
  shapes of the hidden tests (50x70 gives 6x8 then 1x2 instead of 7x9 then 2x3), do.

Only one of the two graded functions is wrong, so a submission with this mistake keeps the
points of ``happyModel``. The training cells that use ``convolutional_model`` are skipped by the
grader, and no other test cell calls it, so only its test cell fails.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "convolutional_model": '''# GRADED FUNCTION: convolutional_model
def convolutional_model(input_shape):
    """
    The classifier CONV2D -> RELU -> MAXPOOL -> CONV2D -> RELU -> MAXPOOL -> FLATTEN -> DENSE,
    built with the Functional API.

    Args:
        input_shape: the shape of one input image, (n_H, n_W, n_C).

    Returns:
        model: a keras.Model that takes images of shape (m, n_H, n_W, n_C) and returns the
            probabilities of the 6 classes, of shape (m, 6).
    """
    input_img = keras.Input(shape=input_shape)
    Z1 = layers.Conv2D(filters=8, kernel_size=(4, 4), strides=(1, 1), padding="same")(input_img)
    A1 = layers.ReLU()(Z1)
    P1 = layers.MaxPooling2D(pool_size=(8, 8), strides=(8, 8))(A1)
    Z2 = layers.Conv2D(filters=16, kernel_size=(2, 2), strides=(1, 1), padding="same")(P1)
    A2 = layers.ReLU()(Z2)
    P2 = layers.MaxPooling2D(pool_size=(4, 4), strides=(4, 4))(A2)
    F = layers.Flatten()(P2)
    outputs = layers.Dense(units=6, activation="softmax")(F)
    model = keras.Model(inputs=input_img, outputs=outputs)
    return model''',
}
