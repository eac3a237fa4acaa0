"""Show that the shipped style-transfer feature network works: content / style / result figure.

Runs the neural style transfer of course4's notebook (the same images, layers, weights of the
costs, initialization and optimizer, reimplemented here so that this script does not depend on
the notebook) with the pretrained feature network of ``datasets/style_vgg/``, and saves
``docs/images/style_transfer.png``: the content image, the style image and the generated image
(1000 steps on 192x192 images, as in the notebook; about a minute on 2 CPU cores).

Run: python datasets/style_transfer_demo.py [--steps N] [--size PIXELS] [--out PATH]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from PIL import Image  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared_utils.style_transfer import (  # noqa: E402
    clip_0_1,
    get_layer_outputs,
    load_content_image,
    load_style_image,
)
from shared_utils.style_vgg import load_style_vgg  # noqa: E402

STYLE_LAYERS = [("block1_conv1", 0.2), ("block2_conv1", 0.2), ("block3_conv1", 0.2),
                ("block4_conv1", 0.2), ("block5_conv1", 0.2)]
CONTENT_LAYER = [("block5_conv4", 1)]
ALPHA, BETA = 10, 40
LEARNING_RATE = 0.01
SEED = 272


def content_cost(a_C: tf.Tensor, a_G: tf.Tensor) -> tf.Tensor:
    _, n_H, n_W, n_C = a_G.shape
    return tf.reduce_sum(tf.square(a_C - a_G)) / (4 * n_H * n_W * n_C)


def layer_style_cost(a_S: tf.Tensor, a_G: tf.Tensor) -> tf.Tensor:
    _, n_H, n_W, n_C = a_G.shape
    S = tf.reshape(a_S, (n_H * n_W, n_C))
    G = tf.reshape(a_G, (n_H * n_W, n_C))
    GS = tf.matmul(S, S, transpose_a=True)
    GG = tf.matmul(G, G, transpose_a=True)
    return tf.reduce_sum(tf.square(GS - GG)) / (4 * n_C**2 * (n_H * n_W) ** 2)


def style_transfer(size: int, steps: int, every: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Content, style and generated images (float32 in [0, 1], shape (size, size, 3))."""
    tf.random.set_seed(SEED)
    content = tf.constant(load_content_image(size)[None].astype(np.float32) / 255)
    style = tf.constant(load_style_image(size)[None].astype(np.float32) / 255)
    vgg = load_style_vgg((size, size, 3))
    outputs = get_layer_outputs(vgg, STYLE_LAYERS + CONTENT_LAYER)
    a_C, a_S = outputs(content), outputs(style)
    noise = tf.random.uniform(content.shape, -0.25, 0.25)
    generated = tf.Variable(clip_0_1(content + noise))
    optimizer = tf.keras.optimizers.Adam(learning_rate=LEARNING_RATE)
    optimizer.build([generated])

    @tf.function()
    def step() -> tf.Tensor:
        with tf.GradientTape() as tape:
            a_G = outputs(generated)
            J_style = sum(w * layer_style_cost(s, g)
                          for (_, w), s, g in zip(STYLE_LAYERS, a_S[:-1], a_G[:-1], strict=True))
            J = ALPHA * content_cost(a_C[-1], a_G[-1]) + BETA * J_style
        optimizer.apply_gradients([(tape.gradient(J, generated), generated)])
        generated.assign(clip_0_1(generated))
        return J

    start = time.perf_counter()
    for i in range(steps):
        J = step()
        if every and i % every == 0:
            print(f"step {i}: J = {float(J):.4f} ({time.perf_counter() - start:.1f} s)", flush=True)
    return content[0].numpy(), style[0].numpy(), generated[0].numpy()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--size", type=int, default=192)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images" / "style_transfer.png")
    args = parser.parse_args(argv)
    images = style_transfer(args.size, args.steps, every=50)
    fig, axes = plt.subplots(1, 3, figsize=(9, 3.3))
    for ax, image, title in zip(axes, images, ["content", "style", f"generated ({args.steps} steps)"],
                                strict=True):
        ax.imshow(image)
        ax.set_title(title)
        ax.axis("off")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    # 128 colors keep the figure under 100 kB; a noisy generated image compresses badly otherwise.
    args.out.parent.mkdir(parents=True, exist_ok=True)
    Image.open(buffer).convert("RGB").quantize(colors=128).save(args.out, optimize=True)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
