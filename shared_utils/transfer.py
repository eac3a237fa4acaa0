"""The horse images and the pretrained MobileNetV2 base of course4's transfer-learning assignment.

Both are made by scripts in ``datasets/`` (see ``build_transfer_data.py`` and
``train_mobilenetv2.py``) and checked against ``datasets/MANIFEST`` before use:

- :func:`horse_image_directory` unpacks ``transfer/horses.tar`` (320 PNGs, 96x96) into a
  temporary folder ``horses/horse/``, ``horses/not horse/`` and returns its path, the layout that
  ``keras.utils.image_dataset_from_directory`` reads;
- :func:`pretrained_mobilenet_v2` builds Keras's MobileNetV2 without its classifier
  (``alpha=0.35``) and loads the weights that ``train_mobilenetv2.py`` pretrained on the shapes
  task. The weights do not depend on the input size, so any ``input_shape`` from 32x32 works.
  The course's weights were pretrained at 64x64. Set ``DL_COURSE_MOBILENETV2_WEIGHTS`` (and
  ``..._SHA256``) to Keras's original ImageNet file for the same width, e.g.
  ``mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5``, to use it instead (see
  ``shared_utils.weights``).
"""

from __future__ import annotations

import tarfile
import tempfile
from pathlib import Path

from shared_utils.datasets import verified_path

__all__ = ["MOBILENETV2_ALPHA", "horse_image_directory", "pretrained_mobilenet_v2"]

HORSES_ARCHIVE = "transfer/horses.tar"
MOBILENETV2_WEIGHTS = "transfer/mobilenetv2_0.35_no_top_weights.h5"
MOBILENETV2_FORMAT = "course4-mobilenetv2-0.35-no-top-float16-v1"
MOBILENETV2_ALPHA = 0.35

_unpacked: dict[Path, tempfile.TemporaryDirectory] = {}  # removed when the interpreter exits


def horse_image_directory(root: Path | None = None) -> Path:
    """Unpack the horse / not-horse pictures (once per process) and return their folder.

    Returns:
        directory: a folder with two sub-folders, ``horse`` and ``not horse``, of 160 PNG files
            each: RGB pictures of 96x96 pixels. The folder lives in the system's temporary
            directory and is removed when Python exits.
    """
    archive = verified_path(HORSES_ARCHIVE, root)
    if archive not in _unpacked:
        folder = tempfile.TemporaryDirectory(prefix="horses-")
        with tarfile.open(archive) as tar:
            tar.extractall(folder.name, filter="data")
        _unpacked[archive] = folder
    return Path(_unpacked[archive].name) / "horses"


def pretrained_mobilenet_v2(input_shape: tuple[int, int, int] = (64, 64, 3), root: Path | None = None):
    """MobileNetV2 (``alpha=0.35``) without its top layers, with the course's pretrained weights.

    Args:
        input_shape: (height, width, 3) of the images the model will see; 32 to a few hundred.
        root: the datasets folder (default: ``shared_utils.datasets.datasets_dir()``).

    Returns:
        base_model: a ``keras.Model`` from images (m, height, width, 3), scaled to [-1, 1] by
            ``mobilenet_v2.preprocess_input``, to features (m, ceil(height / 32),
            ceil(width / 32), 1280).
    """
    import keras  # imported here: the data helpers above do not need it

    from shared_utils.weights import load_weights

    base_model = keras.applications.MobileNetV2(input_shape=input_shape, alpha=MOBILENETV2_ALPHA,
                                                include_top=False, weights=None)
    load_weights(base_model, MOBILENETV2_WEIGHTS, MOBILENETV2_FORMAT,
                 architecture="keras.applications.MobileNetV2(alpha=0.35, include_top=False, weights=None)",
                 override_env="DL_COURSE_MOBILENETV2_WEIGHTS", root=root)
    return base_model
