"""Correct alternative solutions for course2/initialization."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "initialize_parameters_zeros": {"shape keyword": ("np.zeros((layers_dims[layer], layers_dims[layer - 1]))",
                                                      "np.zeros(shape=(layers_dims[layer], layers_dims[layer - 1]))")},
    "initialize_parameters_he": {"** 0.5": ("scale = np.sqrt(2 / layers_dims[layer - 1])",
                                            "scale = (2 / layers_dims[layer - 1]) ** 0.5")},
    "initialize_parameters_random": {"the scale first": ("np.random.randn(layers_dims[layer], layers_dims[layer - 1]) * 10", "10 * np.random.randn(layers_dims[layer], layers_dims[layer - 1])")},
}
