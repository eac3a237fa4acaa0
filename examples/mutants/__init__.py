"""Hand-written catalogue of real student mistakes, one module per assignment.

``examples/mutants/<course>_<id>.py`` defines ``MUTANTS``: grade_id -> {label: edit}, where an
edit is a whole replacement cell source, or ``(old, new)`` (or a list of them) replacing text of
the reference solution cell. ``autograder mutants`` grades each one and expects the function's
test to fail (see ``autograder/mutants.py``).
"""
