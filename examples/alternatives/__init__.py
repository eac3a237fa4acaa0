"""Correct but differently written solutions, one module per assignment.

``examples/alternatives/<course>_<id>.py`` defines ``ALTERNATIVES``: grade_id -> {label: edit}
(edits as in ``examples/mutants``). ``autograder mutants`` grades each one and expects full marks.
"""
