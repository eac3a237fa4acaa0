"""Correct alternative solutions for course4/car_detection_yolo."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    # Not axis=3: yolo_eval passes yolo_head's outputs, which have a batch axis in front, so only
    # the last axis is the class axis (the harness failed that alternative in yolo_eval's test).
    "yolo_filter_boxes": {
        "keepdims, then the class axis dropped": [
            ("tf.math.argmax(box_scores, axis=-1)", "tf.argmax(box_scores, axis=-1)"),
            ("tf.math.reduce_max(box_scores, axis=-1)", "tf.reduce_max(box_scores, axis=-1, keepdims=True)[..., 0]")],
        "tf.math.greater_equal for the mask": (
            "filtering_mask = box_class_scores >= threshold",
            "filtering_mask = tf.math.greater_equal(box_class_scores, threshold)"),
    },
    "iou": {
        "conditional expressions instead of max(..., 0)": [
            ("inter_width = max(xi2 - xi1, 0)", "inter_width = xi2 - xi1 if xi2 > xi1 else 0"),
            ("inter_height = max(yi2 - yi1, 0)", "inter_height = yi2 - yi1 if yi2 > yi1 else 0")],
        "union as the sum of the areas minus the intersection, in one line": (
            "iou = inter_area / union_area",
            "iou = inter_area / (box1_area + box2_area - inter_area)"),
    },
    "yolo_non_max_suppression": {
        "keyword max_output_size and an explicit gather axis": [
            ("tf.image.non_max_suppression(boxes, scores, max_boxes,",
             "tf.image.non_max_suppression(boxes, scores, max_output_size=max_boxes,"),
            ("tf.gather(classes, nms_indices)", "tf.gather(classes, nms_indices, axis=0)")],
    },
    "yolo_eval": {
        "positional arguments": [
            ("threshold=score_threshold)", "score_threshold)"),
            ("max_boxes=max_boxes,\n", "max_boxes,\n"),
            ("iou_threshold=iou_threshold)", "iou_threshold)")],
        # IoU does not change when both axes are scaled, so non-max suppression keeps the same boxes
        # (listed as a mistake until the mutation harness showed it equivalent)
        "the boxes scaled after non-max suppression": [
            ("    boxes = scale_boxes(boxes, image_shape)\n", ""),
            ("iou_threshold=iou_threshold)\n", "iou_threshold=iou_threshold)\n    boxes = scale_boxes(boxes, image_shape)\n")],
    },
}
