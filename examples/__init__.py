"""Example student submissions, generated from the source notebooks (see ``submissions``)."""
