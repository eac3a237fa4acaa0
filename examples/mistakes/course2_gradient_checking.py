"""Realistic student mistakes for course2/source/gradient_checking/gradient_checking.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

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

MISTAKES: dict[str, str] = {
    "backward_propagation": '''# GRADED FUNCTION: backward_propagation
def backward_propagation(x, theta):
    """
    Backward pass of the one-parameter model: the derivative of J(theta) = theta * x.

    Args:
        x: the input, a real number.
        theta: the parameter, a real number.

    Returns:
        dtheta: the derivative of J with respect to theta.
    """
    dtheta = theta
    return dtheta''',
    "gradient_check": '''# GRADED FUNCTION: gradient_check
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    """
    Check backward_propagation against a centered finite difference of forward_propagation.

    Args:
        x: the input, a real number.
        theta: the parameter, a real number.
        epsilon: the small shift of theta used in the finite difference (formula (1)).
        print_msg: if True, print whether the gradient looks right, and the difference.

    Returns:
        difference: the relative difference (2) between the gradient of backward_propagation and
            the finite-difference approximation, a non-negative number.
    """
    theta_plus = theta + epsilon
    theta_minus = theta - epsilon
    J_plus = forward_propagation(x, theta_plus)
    J_minus = forward_propagation(x, theta_minus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)

    grad = backward_propagation(x, theta)

    # Relative to the true gradient only.
    difference = np.linalg.norm(grad - gradapprox) / np.linalg.norm(grad)

    if print_msg:
        if difference > 2e-7:
            print(f"There is a mistake in the backward propagation! difference = {difference}")
        else:
            print(f"Your backward propagation works perfectly fine! difference = {difference}")

    return difference''',
    "gradient_check_n": '''# GRADED FUNCTION: gradient_check_n
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """
    Check the gradients of the fraud-detection network against centered finite differences.

    Args:
        parameters: dict with "W1", "b1", "W2", "b2", "W3", "b3", the point where the gradients
            are checked (it is left unchanged).
        gradients: dict returned by a backward pass, holding "dW1", "db1", ..., "dW3", "db3": the
            gradients to check.
        X: payments, numpy array of shape (4, m).
        Y: labels, numpy array of shape (1, m).
        epsilon: the small shift of each parameter used in the finite differences (formula (1)).
        print_msg: if True, print whether the gradients look right, and the difference.

    Returns:
        difference: the relative difference (2) between the gradients and their finite-difference
            approximation, a non-negative number.
    """
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    J_plus = np.zeros((num_parameters, 1))
    J_minus = np.zeros((num_parameters, 1))
    gradapprox = np.zeros((num_parameters, 1))

    J, _ = forward_propagation_n(X, Y, vector_to_dictionary(parameters_values))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus))
        gradapprox[i] = (J_plus[i] - J) / epsilon

    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = numerator / denominator

    if print_msg:
        if difference > 2e-7:
            print(f"There is a mistake in the backward propagation! difference = {difference}")
        else:
            print(f"Your backward propagation works perfectly fine! difference = {difference}")

    return difference''',
}
