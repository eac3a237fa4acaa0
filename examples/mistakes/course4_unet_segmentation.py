"""Realistic student mistakes for course4/source/unet_segmentation/unet_segmentation.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``conv_block``: ``dropout_prob`` is ignored, so the blocks at the bottom of the U have no
  Dropout layer (the outputs at prediction time are the same: only the structure shows it).
- ``unet_model``: a copy-paste slip gives the fourth encoder block ``4 * n_filters`` filters
  instead of ``8 * n_filters``: the shapes still fit together, but the model has the wrong
  number of parameters.

``unet_model`` calls the student's ``conv_block``, so its test fails twice over; the "partial"
example student keeps the points of ``upsampling_block``. More mistakes are kept apart in
``MORE_MISTAKES`` (function name -> list of edits; each makes its function's test cell fail just
as well, which ``tests/test_unet.py`` checks):

- ``conv_block``: the skip connection is taken after the pooling (``skip_connection =
  next_layer``), so it has half the height and width that the decoder needs.
- ``upsampling_block``: the skip connection is forgotten (the convolutions take the upsampled
  tensor alone); the two tensors are concatenated in the other order (same shapes, other
  values: each weight now multiplies the other tensor's channels); they are concatenated along
  axis 1 (the rows) instead of the channels, which Keras refuses since the channels differ.
- ``unet_model``: the bottom block has no dropout.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "conv_block": ("    if dropout_prob > 0:\n        conv = Dropout(dropout_prob)(conv)\n\n", ""),
    "unet_model": ("conv_block(cblock3[0], 8 * n_filters", "conv_block(cblock3[0], 4 * n_filters"),
}

MORE_MISTAKES: dict[str, list[Edit]] = {
    "conv_block": [("skip_connection = conv", "skip_connection = next_layer")],
    "upsampling_block": [
        [("    # Merge the previous output and the contractive_input\n"
          "    merge = concatenate([up, contractive_input], axis=3)\n\n", ""),
         ("(merge)", "(up)")],
        ("[up, contractive_input]", "[contractive_input, up]"),
        ("contractive_input], axis=3)", "contractive_input], axis=1)"),
    ],
    "unet_model": [("16 * n_filters, dropout_prob=0.3,", "16 * n_filters,")],
}
