"""Real student mistakes in course1/logistic_regression."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "sigmoid": {"the sign of the exponent forgotten": ("np.exp(-z)", "np.exp(z)")},
    "initialize_with_zeros": {
        "a row vector": ("w = np.zeros((dim, 1))", "w = np.zeros((1, dim))"),
        "a rank-1 array": ("w = np.zeros((dim, 1))", "w = np.zeros(dim)"),
    },
    "propagate": {
        "no 1/m in dw": ("dw = np.dot(X, (A - Y).T) / m", "dw = np.dot(X, (A - Y).T)"),
        "the cost without its minus sign": ("cost = -np.sum(", "cost = np.sum("),
        "divided by the number of features": ("dw = np.dot(X, (A - Y).T) / m", "dw = np.dot(X, (A - Y).T) / X.shape[0]"),
    },
    "optimize": {
        "gradient ascent": ("w = w - learning_rate * dw", "w = w + learning_rate * dw"),
        "b without the learning rate": ("b = b - learning_rate * db", "b = b - db"),
    },
    "predict": {"a threshold on w.T X instead of A": ("(A > 0.5)", "(np.dot(w.T, X) > 0.5)")},
    "model": {"test predictions made on the training set": (
        "Y_prediction_test = predict(w, b, X_test)", "Y_prediction_test = predict(w, b, X_train)[:, :X_test.shape[1]]")},
}
