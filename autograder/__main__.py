"""``python -m autograder``: the same as the ``autograder`` command."""

from .cli import main

raise SystemExit(main())
