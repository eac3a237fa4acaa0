"""The face photos and encoder of course4's "Face Recognition": datasets/build_face_ids.py,
datasets/train_face_encoder.py, their files in datasets/face_ids/ and shared_utils.faces."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from shared_utils.datasets import DatasetError, read_manifest
from shared_utils.faces import (
    ENCODER_METRICS,
    ENCODER_WEIGHTS,
    NAMES,
    image_path,
    img_to_encoding,
    load_face_encoder,
    load_face_ids,
    load_image,
    read_encoder_metrics,
)

DATASETS = Path(__file__).resolve().parent.parent / "datasets"
BUILT = ["face_ids/faces_val.h5", "face_ids/faces_test.h5",
         *[f"face_ids/images/{name}.png" for name in NAMES],
         *[f"face_ids/images/camera_{k}.png" for k in range(6)]]


def load_script(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, DATASETS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build():
    return load_script("build_face_ids")


@pytest.fixture(scope="module")
def encoder():
    return load_face_encoder()


def test_files_are_in_the_manifest_with_their_rebuild_command():
    """Is every file of datasets/face_ids/ listed with its size, sha256 and the script that makes it?"""
    entries = read_manifest(DATASETS)
    on_disk = sorted(str(p.relative_to(DATASETS)) for p in (DATASETS / "face_ids").rglob("*") if p.is_file())
    assert on_disk == sorted([*BUILT, ENCODER_WEIGHTS, ENCODER_METRICS])
    for relative in on_disk:
        entry = entries[relative]
        path = DATASETS / relative
        assert path.stat().st_size == entry.size, relative
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry.sha256, relative
        expected = "train_face_encoder.py" if "encoder" in relative else "build_face_ids.py"
        assert entry.rebuild == f"python datasets/{expected}" and entry.provenance
    assert sum((DATASETS / r).stat().st_size for r in on_disk) < 12 * 1024 * 1024


def test_rebuild_gives_the_same_bytes(build, tmp_path):
    """Does the generator, with its seed, write exactly the shipped files again?"""
    build.main(tmp_path)
    for relative in BUILT:
        shipped = (DATASETS / relative).read_bytes()
        assert (tmp_path / relative.removeprefix("face_ids/")).read_bytes() == shipped, relative


def test_a_person_keeps_their_traits_and_photos_vary(build):
    """Is a person the same whatever else is drawn, and do two photos of them differ?"""
    textures = build.lfw_textures()
    x_small, _ = build.photos("train", 2, 3, textures)
    x_large, identity = build.photos("train", 4, 3, textures)
    np.testing.assert_array_equal(x_small, x_large[:6])
    assert identity.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]
    first, second = build.make_person("val", 5, textures), build.make_person("val", 5, textures)
    assert first.face_w == second.face_w and np.array_equal(first.texture, second.texture)
    assert not np.array_equal(x_large[0], x_large[1])
    assert build.make_person("train", 0, textures).face_w != build.make_person("test", 0, textures).face_w


def test_textures_of_held_out_people_were_not_used_in_training(build):
    """Are the LFW crops of training, validation and test people disjoint sets?"""
    pools = build.CROP_POOLS
    assert not set(pools["train"]) & set(pools["val"])
    assert not set(pools["train"]) & set(pools["test"])
    assert not set(pools["val"]) & set(pools["test"])
    assert set(pools["named"]) == set(pools["stranger"]) == set(pools["test"])


@pytest.mark.parametrize("kind", ["val", "test"])
def test_held_out_sets_have_the_documented_shapes(kind):
    """Does load_face_ids return 400 uint8 photos of 80 people, 5 each, grouped by person?"""
    x, identity = load_face_ids(kind)
    assert x.shape == (400, 64, 64, 3) and x.dtype == np.uint8
    assert identity.shape == (400,) and identity.dtype == np.int64
    assert identity.tolist() == np.repeat(np.arange(80), 5).tolist()
    assert 30 < x.mean() < 220


def test_unknown_kind_is_refused():
    """Does asking for the training people (not on disk) say which kinds exist?"""
    with pytest.raises(ValueError, match="'val' or 'test'"):
        load_face_ids("train")


def test_photos_load_as_floats_in_zero_one():
    """Are the named and camera photos 64x64 RGB, read as float32 in [0, 1]?"""
    for stem in [*NAMES, *[f"camera_{k}" for k in range(6)]]:
        image = load_image(image_path(f"{stem}.png"))
        assert image.shape == (64, 64, 3) and image.dtype == np.float32
        assert 0.0 <= image.min() and image.max() <= 1.0


def test_a_damaged_photo_is_refused(tmp_path):
    """Does image_path refuse a photo whose bytes changed, naming the rebuild command?"""
    (tmp_path / "face_ids" / "images").mkdir(parents=True)
    (tmp_path / "MANIFEST").write_text((DATASETS / "MANIFEST").read_text())
    (tmp_path / "face_ids/images/ada.png").write_bytes(b"not a png")
    with pytest.raises(DatasetError, match="build_face_ids.py"):
        image_path("ada.png", tmp_path)


def test_encoder_outputs_unit_encodings(encoder):
    """Does the shipped encoder map a photo to a (1, 128) row of norm 1, as img_to_encoding says?"""
    encoding = img_to_encoding(image_path("ada.png"), encoder)
    assert encoding.shape == (1, 128) and encoding.dtype == np.float32
    assert np.linalg.norm(encoding) == pytest.approx(1.0, abs=1e-5)
    direct = encoder.predict(load_image(image_path("ada.png"))[None], verbose=0)
    np.testing.assert_allclose(encoding, direct, atol=1e-5)


def test_encoder_reproduces_its_reported_verification_accuracy(encoder):
    """On the test people's pairs, are accuracy, true and false accept rates those reported?"""
    train = load_script("train_face_encoder")
    metrics = read_encoder_metrics()
    x, identity = load_face_ids("test")
    distances, same = train.pair_distances(encoder, x, identity)
    measured = train.verification(distances, same, metrics["threshold"])
    for key in ("accuracy", "true_accept_rate", "false_accept_rate"):
        assert measured[key] == pytest.approx(metrics["test"][key], abs=0.005), key
    assert metrics["test"]["accuracy"] >= 0.98


def test_metrics_record_how_the_encoder_was_made():
    """Do the metrics name the threshold, its source, the training time and the machine?"""
    metrics = json.loads((DATASETS / ENCODER_METRICS).read_text())
    assert 0.2 < metrics["threshold"] < 1.5
    assert metrics["train_seconds"] > 0 and metrics["steps"] == metrics["history"][-1]["step"]
    assert "CPU cores" in metrics["machine"] and metrics["versions"]["tensorflow"]
    assert set(metrics["test"]) == {"threshold", "accuracy", "true_accept_rate", "false_accept_rate"}


def test_training_loss_is_the_mean_over_violating_triplets():
    """Does the training loss equal a brute-force loop over the batch's triplets?"""
    import tensorflow as tf

    train = load_script("train_face_encoder")
    rng = np.random.default_rng(0)
    embeddings = rng.normal(size=(8, 5)).astype(np.float32)
    embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True)
    labels = np.array([0, 0, 1, 1, 2, 2, 2, 3])
    losses = []
    for a in range(8):
        for p in range(8):
            for n in range(8):
                if a != p and labels[a] == labels[p] and labels[n] != labels[a]:
                    value = (np.sum((embeddings[a] - embeddings[p]) ** 2)
                             - np.sum((embeddings[a] - embeddings[n]) ** 2) + 0.2)
                    losses.append(max(value, 0.0))
    expected = sum(losses) / sum(v > 0 for v in losses)
    actual = float(train.batch_all_triplet_loss(tf.constant(embeddings), tf.constant(labels), 0.2))
    assert actual == pytest.approx(expected, rel=1e-5)


def test_user_weights_replace_the_shipped_ones(encoder, tmp_path, monkeypatch):
    """Does DL_COURSE_FACE_ENCODER_WEIGHTS load a user's file, and refuse a wrong sha256?"""
    path = tmp_path / "mine.weights.h5"
    encoder.save_weights(path)
    monkeypatch.setenv("DL_COURSE_FACE_ENCODER_WEIGHTS", str(path))
    monkeypatch.setenv("DL_COURSE_FACE_ENCODER_WEIGHTS_SHA256", "0" * 64)
    with pytest.raises(DatasetError, match="damaged or not the one expected"):
        load_face_encoder()
    monkeypatch.setenv("DL_COURSE_FACE_ENCODER_WEIGHTS_SHA256", hashlib.sha256(path.read_bytes()).hexdigest())
    loaded = load_face_encoder()
    for mine, theirs in zip(loaded.get_weights(), encoder.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, theirs)
