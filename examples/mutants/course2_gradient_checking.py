"""Real student mistakes in course2/gradient_checking."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "forward_propagation": {"a sum instead of the product": ("J = theta * x", "J = theta + x")},
    "backward_propagation": {"the derivative with respect to x": ("dtheta = x", "dtheta = theta")},
    "gradient_check": {
        "a one-sided difference over 2 epsilon": ("gradapprox = (J_plus - J_minus) / (2 * epsilon)",
                                                   "gradapprox = (J_plus - J_minus) / epsilon"),
        "the norm of the sum as denominator": (
            "denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)",
            "denominator = np.linalg.norm(grad + gradapprox)"),
    },
    "gradient_check_n": {
        "theta_plus aliases the parameters (no copy)": ("theta_plus = np.copy(parameters_values)",
                                                        "theta_plus = parameters_values"),
        "the difference not divided by 2 epsilon": ("gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)",
                                                    "gradapprox[i] = J_plus[i] - J_minus[i]"),
    },
}
