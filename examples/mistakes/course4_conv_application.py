"""Realistic student mistakes for course4/source/conv_application/conv_application.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

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

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "convolutional_model": [('strides=(8, 8), padding="same")', "strides=(8, 8))"),
                            ('strides=(4, 4), padding="same")', "strides=(4, 4))")],
}
