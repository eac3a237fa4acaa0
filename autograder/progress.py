"""A progress line for class runs: done/total, rate, ETA and failures so far, on stderr.

On a terminal the line is redrawn in place; otherwise (CI logs, pipes) a line is printed at
every tenth of the run, so logs stay short.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.total, self.label = total, label
        self.stream = stream or sys.stderr
        self.done = self.failures = 0
        self.start = time.monotonic()
        self._printed_tenth = -1

    def update(self, failed: bool) -> None:
        self.done += 1
        self.failures += int(failed)
        interactive = self.stream.isatty()
        tenth = self.done * 10 // max(self.total, 1)
        if not interactive and tenth == self._printed_tenth:
            return
        self._printed_tenth = tenth
        end = "" if interactive and self.done < self.total else "\n"
        print(("\r" if interactive else "") + self.line(), end=end, file=self.stream, flush=True)

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed * 60
        remaining = (self.total - self.done) / (self.done / elapsed) if self.done else 0.0
        return (f"{self.label}: {self.done}/{self.total} graded, {rate:.1f}/min, "
                f"ETA {_duration(remaining)}, {self.failures} failed")


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(int(round(seconds)), 60)
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"
