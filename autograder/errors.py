"""The one exception the autograder raises for bad usage or bad input."""


class AutograderError(Exception):
    """A problem the user can fix. The CLI prints it on one line and exits with status 2.

    Messages say what happened and what to do next, e.g.
    ``"no such notebook: hw.ipynb (check the path)"``.
    """
