"""Realistic student mistakes for course4/source/conv_step_by_step/conv_step_by_step.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``conv_forward``: the window starts at ``vert_start = h`` and ``horiz_start = w``, without the
  ``* stride``: the output has the right shape but the windows are in the wrong places as soon as
  the stride is larger than 1 (the public test uses a stride of 2).
- ``pool_forward``: ``mode`` is ignored and every window is max-pooled, so average pooling
  returns maxima.
- ``create_mask_from_window``: ``np.max(x, axis=0)`` takes the maximum of each column, so the
  mask has one ``True`` per column instead of a single one.
- ``conv_backward``: the border is removed with ``da_prev_pad[pad:-pad, pad:-pad, :]``, which is
  right for ``pad > 0`` (the public test passes) but empty for ``pad = 0``: the hidden tests with
  no padding raise a ValueError.

Since later functions call earlier ones, the tests that use a mistaken function fail too: the
public test of ``conv_backward`` calls ``conv_forward``, and ``pool_backward`` calls
``create_mask_from_window``. The tests of ``zero_pad``, ``conv_single_step`` and
``distribute_value`` still pass.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "conv_forward": [("start = h * stride", "start = h"), ("start = w * stride", "start = w")],
    "pool_forward": ('if mode == "max":\n                        A[i, h, w, c] = np.max(a_slice)\n'
                     '                    else:\n                        A[i, h, w, c] = np.mean(a_slice)',
                     "A[i, h, w, c] = np.max(a_slice)"),
    "create_mask_from_window": ("np.max(x)", "np.max(x, axis=0)"),
    "conv_backward": ("[pad:pad + n_H_prev, pad:pad + n_W_prev, :]", "[pad:-pad, pad:-pad, :]"),
}
