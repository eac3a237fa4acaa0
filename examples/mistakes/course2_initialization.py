"""Realistic student mistakes for course2/source/initialization/initialization.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``initialize_parameters_random``: the scale ``* 0.01`` of the previous course's
  ``initialize_parameters_deep`` copied instead of ``* 10``.
- ``initialize_parameters_he``: the scale uses the number of units of the layer,
  ``layers_dims[layer]``, instead of its number of inputs, ``layers_dims[layer - 1]``.

The three functions are independent, so the test of ``initialize_parameters_zeros`` still passes.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "initialize_parameters_random": ("layers_dims[layer - 1]) * 10", "layers_dims[layer - 1]) * 0.01"),
    "initialize_parameters_he": ("np.sqrt(2 / layers_dims[layer - 1])", "np.sqrt(2 / layers_dims[layer])"),
}
