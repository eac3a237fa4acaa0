"""Real student mistakes in course2/initialization."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "initialize_parameters_zeros": {
        "W transposed": ("np.zeros((layers_dims[layer], layers_dims[layer - 1]))",
                         "np.zeros((layers_dims[layer - 1], layers_dims[layer]))"),
        "the last layer forgotten": ("for layer in range(1, L + 1):", "for layer in range(1, L):"),
    },
    "initialize_parameters_random": {
        "the scale forgotten": ("layers_dims[layer - 1]) * 10", "layers_dims[layer - 1])"),
        "uniform instead of normal": ("np.random.randn(", "np.random.rand("),
    },
    "initialize_parameters_he": {
        "the fan-out instead of the fan-in": ("scale = np.sqrt(2 / layers_dims[layer - 1])",
                                              "scale = np.sqrt(2 / layers_dims[layer])"),
        "Xavier's 1/n instead of 2/n": ("scale = np.sqrt(2 / layers_dims[layer - 1])",
                                        "scale = np.sqrt(1 / layers_dims[layer - 1])"),
        "the square root forgotten": ("scale = np.sqrt(2 / layers_dims[layer - 1])",
                                      "scale = 2 / layers_dims[layer - 1]"),
    },
}
