"""Plots the notebooks share: cost curves, decision boundaries and image grids.

Each function draws on the given matplotlib ``Axes`` (or a new figure) and returns the axes, so
notebooks can compose them and tests can inspect what was drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

__all__ = ["plot_costs", "plot_decision_boundary", "show_image_grid"]


def _axes(ax: Axes | None, figsize: tuple[float, float] = (6, 4)) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_costs(
    costs: Sequence[float] | Mapping[str, Sequence[float]],
    *,
    every: int = 100,
    title: str = "Cost during training",
    ax: Axes | None = None,
) -> Axes:
    """Plot one cost curve, or several labelled curves from a ``{label: costs}`` dict.

    Args:
        costs: costs recorded every ``every`` iterations.
        every: how many iterations separate two recorded costs (sets the x axis).
    """
    ax = _axes(ax)
    curves = costs if isinstance(costs, Mapping) else {None: costs}
    for label, values in curves.items():
        values = np.squeeze(np.asarray(values, dtype=float))
        ax.plot(np.arange(values.size) * every, values, label=label)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost")
    ax.set_title(title)
    if isinstance(costs, Mapping):
        ax.legend()
    return ax


def plot_decision_boundary(
    predict: Callable[[np.ndarray], np.ndarray],
    X: np.ndarray,
    y: np.ndarray,
    *,
    resolution: int = 300,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Shade the regions a 2-D classifier assigns to each class and scatter the data.

    Args:
        predict: maps points of shape (2, N) to labels of shape (1, N) or (N,).
        X: data of shape (2, m); y: labels of shape (1, m) or (m,).
    """
    ax = _axes(ax)
    x_min, x_max = X[0].min() - 1, X[0].max() + 1
    y_min, y_max = X[1].min() - 1, X[1].max() + 1
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution))
    grid = np.c_[xx.ravel(), yy.ravel()].T
    zz = np.asarray(predict(grid)).reshape(xx.shape).astype(float)
    # Fix the colour scale to the labels, so that a classifier predicting one class everywhere
    # is painted in that class's colour (contourf would pick the middle of the colormap).
    labels = np.ravel(y).astype(float)
    scale = {"cmap": plt.cm.Spectral, "vmin": min(labels.min(), zz.min()),
             "vmax": max(labels.max(), zz.max())}
    ax.pcolormesh(xx, yy, zz, shading="auto", alpha=0.6, **scale)
    ax.scatter(X[0], X[1], c=labels, s=20, edgecolors="k", linewidths=0.3, **scale)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return ax


def show_image_grid(
    images: np.ndarray,
    titles: Sequence[str] | None = None,
    *,
    columns: int = 5,
    size: float = 2.0,
) -> plt.Figure:
    """Show images of shape (N, H, W) or (N, H, W, C) in a grid, with optional titles."""
    images = np.asarray(images)
    rows = max(1, int(np.ceil(len(images) / columns)))
    fig, axes = plt.subplots(rows, columns, figsize=(size * columns, size * rows), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i >= len(images):
            continue
        ax.imshow(images[i], cmap="gray" if images[i].ndim == 2 else None)
        if titles is not None:
            ax.set_title(titles[i], fontsize=9)
    fig.tight_layout()
    return fig
