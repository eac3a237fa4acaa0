"""Real student mistakes in course4/car_detection_yolo."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "yolo_filter_boxes": {
        "the class probabilities alone, p_c forgotten": (
            "box_scores = box_confidence * box_class_probs", "box_scores = box_class_probs"),
        "the boxes not masked, only flattened": (
            "boxes = tf.boolean_mask(boxes, filtering_mask)", "boxes = tf.reshape(boxes, [-1, 4])"),
    },
    "iou": {
        "the intersection counted twice in the union": (
            "union_area = box1_area + box2_area - inter_area", "union_area = box1_area + box2_area"),
        "min and max swapped for the top-left corner": [
            ("xi1 = max(box1_x1, box2_x1)", "xi1 = min(box1_x1, box2_x1)"),
            ("yi1 = max(box1_y1, box2_y1)", "yi1 = min(box1_y1, box2_y1)")],
        "divided by the first box's area": ("iou = inter_area / union_area", "iou = inter_area / box1_area"),
    },
    "yolo_non_max_suppression": {
        "max_boxes hard-coded to 10": (
            "tf.image.non_max_suppression(boxes, scores, max_boxes,",
            "tf.image.non_max_suppression(boxes, scores, 10,"),
        "iou_threshold not passed (TensorFlow's default 0.5)": (
            "max_boxes, iou_threshold=iou_threshold)", "max_boxes)"),
    },
    "yolo_eval": {
        "score_threshold not passed (the default 0.6)": (
            "box_class_probs,\n                                               threshold=score_threshold)",
            "box_class_probs)"),
        "the image shape hard-coded": ("scale_boxes(boxes, image_shape)", "scale_boxes(boxes, (720, 1280))"),
    },
}
