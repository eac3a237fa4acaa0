"""Realistic student mistakes for course4/source/car_detection_yolo/car_detection_yolo.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``iou``: the width and height of the intersection are not clipped at zero, so two boxes apart
  along one axis get a negative IoU, and two boxes apart along both axes a positive one.
- ``yolo_non_max_suppression``: the scores and boxes are gathered at the kept indices, the
  classes are not, so the three results no longer line up (and the classes have every entry).
- ``yolo_eval``: the boxes are never scaled to the image (``scale_boxes`` forgotten): they stay
  fractions of the image instead of pixels.

``yolo_eval`` calls the student's ``yolo_non_max_suppression``, so its test fails twice over;
the "partial" example student keeps the points of ``yolo_filter_boxes``. Mistakes for
``yolo_filter_boxes`` are kept apart in ``MORE_MISTAKES`` (function -> list of edits; each makes
``yolo_filter_boxes_tests`` fail just as well, which ``tests/test_yolo.py`` checks):

- ``yolo_filter_boxes`` (``>``): the mask is ``box_class_scores > threshold``, which drops a box
  whose score equals the threshold.
- ``yolo_filter_boxes`` (axis): the best class is taken with ``tf.math.argmax`` over its default
  axis 0 (across grid rows) instead of the last axis (across classes).
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "iou": ("    inter_width = max(xi2 - xi1, 0)\n    inter_height = max(yi2 - yi1, 0)\n"
            "    inter_area = inter_width * inter_height", "    inter_area = (xi2 - xi1) * (yi2 - yi1)"),
    "yolo_non_max_suppression": ("    classes = tf.gather(classes, nms_indices)\n", ""),
    "yolo_eval": ("    boxes = scale_boxes(boxes, image_shape)\n", ""),
}

MORE_MISTAKES: dict[str, list[Edit]] = {
    "yolo_filter_boxes": [
        ("box_class_scores >= threshold", "box_class_scores > threshold"),
        ("tf.math.argmax(box_scores, axis=-1)", "tf.math.argmax(box_scores)"),
    ],
}
