"""A loaded machine on demand: N processes that keep a core busy each, beside a measurement
(issue 27's "400k sections with a second process loading both cores" target).

A busy loop rather than a second import: it loads the cores the same way in every run, needs
no data, and starts and stops at once.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

BUSY_LOOP = "while True: pass"


@contextlib.contextmanager
def busy_processes(count: int) -> Iterator[list[subprocess.Popen]]:
    """`count` CPU-busy processes for as long as the block runs; stopped (by their own ids)
    when it ends, also on an error or Ctrl-C."""
    started = [
        subprocess.Popen([sys.executable, "-c", BUSY_LOOP], stdin=subprocess.DEVNULL)
        for _ in range(max(count, 0))
    ]
    try:
        yield started
    finally:
        for process in started:
            process.kill()
        for process in started:
            process.wait()
