"""Realistic student mistakes for course4/source/residual_networks/residual_networks.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``identity_block``: the last ReLU is applied before the shortcut is added instead of after, so
  the block's output can be negative and the layers come out in the order Activation, Add.
- ``ResNet50``: stage 5's convolutional block keeps the stride 1 of stage 2 (``s=1``), so the
  volume stays 4 x 4, the average pooling gives 2 x 2 x 2048 and the dense layer has 49,158
  parameters instead of 12,294 (23,636,870 in all instead of 23,600,006).

``ResNet50`` calls the student's blocks, so a wrong ``identity_block`` fails its test too; the
"partial" example student keeps the points of ``convolutional_block``. The mistake for
``convolutional_block`` is kept apart in ``MORE_MISTAKES`` (function name -> list of edits; it
makes ``convolutional_block_tests`` fail just as well):

- ``convolutional_block``: the shortcut has its 1 x 1 convolution but no batch normalization, so
  the shortcut's values are not on the scale of the main path's; the output has the right shape,
  but one layer is missing and the values differ.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "identity_block": [
        ("add the shortcut, then the ReLU", "the ReLU, then add the shortcut"),
        ('X = Add()([X, X_shortcut])\n    X = Activation("relu")(X)',
         'X = Activation("relu")(X)\n    X = Add()([X, X_shortcut])'),
    ],
    "ResNet50": ("filters=[512, 512, 2048], s=2", "filters=[512, 512, 2048], s=1"),
}

MORE_MISTAKES: dict[str, list[Edit]] = {
    "convolutional_block": [("    X_shortcut = BatchNormalization(axis=3)(X_shortcut)\n", "")],
}
