"""Realistic student mistakes for course4/source/car_detection_yolo/car_detection_yolo.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``iou``: the width and height of the intersection are not clipped at zero, so two boxes apart
  along one axis get a negative IoU, and two boxes apart along both axes a positive one.
- ``yolo_non_max_suppression``: the scores and boxes are gathered at the kept indices, the
  classes are not, so the three results no longer line up (and the classes have every entry).
- ``yolo_eval``: the boxes are never scaled to the image (``scale_boxes`` forgotten): they stay
  fractions of the image instead of pixels.

``yolo_eval`` calls the student's ``yolo_non_max_suppression``, so its test fails twice over;
the "partial" example student keeps the points of ``yolo_filter_boxes``. Mistakes for
``yolo_filter_boxes`` are kept apart in ``MORE_MISTAKES`` (same format; each makes
``yolo_filter_boxes_tests`` fail just as well, which ``tests/test_yolo.py`` checks):

- ``yolo_filter_boxes`` (``>``): the mask is ``box_class_scores > threshold``, which drops a box
  whose score equals the threshold.
- ``yolo_filter_boxes`` (axis): the best class is taken with ``tf.math.argmax`` over its default
  axis 0 (across grid rows) instead of the last axis (across classes).
"""

from __future__ import annotations

_FILTER_HEAD = '''# GRADED FUNCTION: yolo_filter_boxes
def yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=.6):
    """
    Keep the boxes whose best class score is at least the threshold.

    Args:
        boxes: tensor of shape (GH, GW, A, 4), the corners of each box.
        box_confidence: tensor of shape (GH, GW, A, 1), the probability p_c that each box holds an
            object.
        box_class_probs: tensor of shape (GH, GW, A, C), the class probabilities of each box.
        threshold: float, the smallest class score kept.

    Returns:
        scores: tensor of shape (n,), the best class score of each kept box.
        boxes: tensor of shape (n, 4), the corners of each kept box.
        classes: tensor of shape (n,), the index of the best class of each kept box.
    """
    box_scores = box_confidence * box_class_probs
'''

MISTAKES: dict[str, str] = {
    "iou": '''# GRADED FUNCTION: iou
def iou(box1, box2):
    """
    Intersection over union of two boxes.

    Args:
        box1: tuple (x1, y1, x2, y2), the top-left and bottom-right corners of the first box.
        box2: tuple (x1, y1, x2, y2), those of the second box.

    Returns:
        iou: float, the area of the intersection divided by the area of the union.
    """
    (box1_x1, box1_y1, box1_x2, box1_y2) = box1
    (box2_x1, box2_y1, box2_x2, box2_y2) = box2

    xi1 = max(box1_x1, box2_x1)
    yi1 = max(box1_y1, box2_y1)
    xi2 = min(box1_x2, box2_x2)
    yi2 = min(box1_y2, box2_y2)
    inter_area = (xi2 - xi1) * (yi2 - yi1)

    box1_area = (box1_x2 - box1_x1) * (box1_y2 - box1_y1)
    box2_area = (box2_x2 - box2_x1) * (box2_y2 - box2_y1)
    union_area = box1_area + box2_area - inter_area

    iou = inter_area / union_area
    return iou''',
    "yolo_non_max_suppression": '''# GRADED FUNCTION: yolo_non_max_suppression
def yolo_non_max_suppression(scores, boxes, classes, max_boxes=10, iou_threshold=0.5):
    """
    Non-max suppression: keep the best boxes, dropping those that overlap a better one.

    Args:
        scores: tensor of shape (n,), the score of each box (output of yolo_filter_boxes).
        boxes: tensor of shape (n, 4), the corners (y1, x1, y2, x2) of each box.
        classes: tensor of shape (n,), the class of each box.
        max_boxes: integer, the largest number of boxes kept.
        iou_threshold: float, boxes overlapping a kept box with an IoU above it are dropped.

    Returns:
        scores: tensor of shape (k,), k <= max_boxes, the scores of the kept boxes, best first.
        boxes: tensor of shape (k, 4), their corners.
        classes: tensor of shape (k,), their classes.
    """
    nms_indices = tf.image.non_max_suppression(boxes, scores, max_boxes, iou_threshold=iou_threshold)
    scores = tf.gather(scores, nms_indices)
    boxes = tf.gather(boxes, nms_indices)
    return scores, boxes, classes''',
    "yolo_eval": '''# GRADED FUNCTION: yolo_eval
def yolo_eval(yolo_outputs, image_shape=(720, 1280), max_boxes=10, score_threshold=.6, iou_threshold=.5):
    """
    From the output of yolo_head to the final boxes: corners, score threshold, scaling to the
    image and non-max suppression.

    Args:
        yolo_outputs: tuple (box_xy, box_wh, box_confidence, box_class_probs), the output of
            yolo_head, of shapes (..., GH, GW, A, 2), (..., GH, GW, A, 2), (..., GH, GW, A, 1)
            and (..., GH, GW, A, C).
        image_shape: tuple (height, width) of the image the boxes are drawn on.
        max_boxes: integer, the largest number of boxes returned.
        score_threshold: float, boxes whose best class score is below it are dropped.
        iou_threshold: float, the IoU threshold of non-max suppression.

    Returns:
        scores: tensor of shape (k,), the class score of each box, best first.
        boxes: tensor of shape (k, 4), the corners (y1, x1, y2, x2) of each box, in pixels.
        classes: tensor of shape (k,), the predicted class of each box.
    """
    box_xy, box_wh, box_confidence, box_class_probs = yolo_outputs

    boxes = yolo_boxes_to_corners(box_xy, box_wh)
    scores, boxes, classes = yolo_filter_boxes(boxes, box_confidence, box_class_probs,
                                               threshold=score_threshold)
    scores, boxes, classes = yolo_non_max_suppression(scores, boxes, classes, max_boxes=max_boxes,
                                                      iou_threshold=iou_threshold)
    return scores, boxes, classes''',
}

MORE_MISTAKES: dict[str, list[str]] = {
    "yolo_filter_boxes": [
        _FILTER_HEAD + '''    box_classes = tf.math.argmax(box_scores, axis=-1)
    box_class_scores = tf.math.reduce_max(box_scores, axis=-1)
    filtering_mask = box_class_scores > threshold
    scores = tf.boolean_mask(box_class_scores, filtering_mask)
    boxes = tf.boolean_mask(boxes, filtering_mask)
    classes = tf.boolean_mask(box_classes, filtering_mask)
    return scores, boxes, classes''',
        _FILTER_HEAD + '''    box_classes = tf.math.argmax(box_scores)
    box_class_scores = tf.math.reduce_max(box_scores, axis=-1)
    filtering_mask = box_class_scores >= threshold
    scores = tf.boolean_mask(box_class_scores, filtering_mask)
    boxes = tf.boolean_mask(boxes, filtering_mask)
    classes = tf.boolean_mask(box_classes, filtering_mask)
    return scores, boxes, classes''',
    ],
}
