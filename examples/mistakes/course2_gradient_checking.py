"""Realistic student mistakes for course2/source/gradient_checking/gradient_checking.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``backward_propagation``: returns theta, the derivative with respect to the wrong variable.
- ``gradient_check``: the relative difference is divided by ``||grad||`` alone instead of
  ``||grad|| + ||gradapprox||``, which doubles it.
- ``gradient_check_n``: one-sided differences ``(J(theta + eps) - J(theta)) / eps``. With
  ``epsilon=1e-7`` the result is still below the threshold, so the public test passes; the hidden
  test with ``epsilon=1e-3``, where the one-sided error is a thousand times the centered one,
  catches it.

``gradient_check`` calls the student's ``backward_propagation``, so its test fails too when
``backward_propagation`` is wrong; the other tests still pass.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "backward_propagation": ("dtheta = x", "dtheta = theta"),
    "gradient_check": ("    numerator = np.linalg.norm(grad - gradapprox)\n"
                       "    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
                       "    difference = numerator / denominator",
                       "    # Relative to the true gradient only.\n"
                       "    difference = np.linalg.norm(grad - gradapprox) / np.linalg.norm(grad)"),
    "gradient_check_n": [
        ("    for i in range(num_parameters):",
         "    J, _ = forward_propagation_n(X, Y, vector_to_dictionary(parameters_values))\n"
         "    for i in range(num_parameters):"),
        ("\n\n        theta_minus = np.copy(parameters_values)\n"
         "        theta_minus[i] = theta_minus[i] - epsilon\n"
         "        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus))\n\n"
         "        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)",
         "\n        gradapprox[i] = (J_plus[i] - J) / epsilon"),
    ],
}
