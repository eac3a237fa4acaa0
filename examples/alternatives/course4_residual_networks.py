"""Correct alternative solutions for course4/residual_networks."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "identity_block": {"the addition's operands swapped": ("X = Add()([X, X_shortcut])", "X = Add()([X_shortcut, X])")},
    # Not Add()([X_shortcut, X]) here: with layers on the shortcut that reorders model.layers,
    # which the notebook fixes (its layer table and the hint of its hidden test).
    "convolutional_block": {"short Conv2D arguments on the shortcut": (
        "filters=F3, kernel_size=(1, 1), strides=(s, s)", "F3, 1, strides=s")},
    "ResNet50": {"range(1, 6)": ("for _ in range(5):", "for _ in range(1, 6):")},
}
