"""Real student mistakes in course4/residual_networks."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "identity_block": {"the ReLU before the addition": (
        'X = Add()([X, X_shortcut])\n    X = Activation("relu")(X)',
        'X = Activation("relu")(X)\n    X = Add()([X, X_shortcut])')},
    "convolutional_block": {"no batch norm on the shortcut": (
        "X_shortcut = BatchNormalization(axis=3)(X_shortcut)", "X_shortcut = X_shortcut")},
    "ResNet50": {"one identity block short in stage 4": ("for _ in range(5):", "for _ in range(4):")},
}
