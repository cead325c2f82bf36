"""Progress lines for builds that take a while; quick builds stay quiet."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO


class Progress:
    """Prints the stage being worked on once the whole run has taken over ``delay``."""

    def __init__(self, stream: TextIO | None = None, *, delay: float = 1.0):
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self._stage = ""
        self._showing = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(delay, self._start_showing)
        self._timer.daemon = True
        if delay != float("inf"):
            self._timer.start()

    def stage(self, text: str) -> None:
        with self._lock:
            self._stage = text
            if self._showing:
                self._print()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def close(self) -> None:
        self._timer.cancel()

    def _start_showing(self) -> None:
        with self._lock:
            self._showing = True
            if self._stage:
                self._print()

    def _print(self) -> None:
        print(f"[{self.elapsed():5.1f} s] {self._stage}…", file=self.stream, flush=True)


class Silent(Progress):
    def __init__(self):
        super().__init__(delay=float("inf"))
