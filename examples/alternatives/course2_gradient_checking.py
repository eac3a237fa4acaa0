"""Correct alternative solutions for course2/gradient_checking."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "forward_propagation": {"x * theta": ("J = theta * x", "J = x * theta")},
    "gradient_check": {"numerator inline": ("difference = numerator / denominator",
                                            "difference = np.linalg.norm(grad - gradapprox) / denominator")},
    "gradient_check_n": {".copy()": [("theta_plus = np.copy(parameters_values)", "theta_plus = parameters_values.copy()"),
                                     ("theta_minus = np.copy(parameters_values)", "theta_minus = parameters_values.copy()")]},
    "backward_propagation": {"a copy for arrays": ("dtheta = x", "dtheta = np.copy(x) if isinstance(x, np.ndarray) else x")},
}
