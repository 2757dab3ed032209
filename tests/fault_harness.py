"""Run one `fiche-search` command in this process, with a fault at a chosen point: a SIGKILL
(as `kill -9` or the OOM killer does it) or a pause (so that another process can be started
meanwhile). For tests/test_faults.py:

    python tests/fault_harness.py POINT WHEN N ACTION -- fiche-search arguments...

POINT is a function as module:Class.method or module:function; the fault strikes on its Nth
call, `before` or `after` the call. ACTION is `kill`, or `pause`: say so on stderr and wait
until the file $FAULT_RESUME exists (at most a minute).
"""

from __future__ import annotations

import functools
import importlib
import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAUSE_SECONDS = 60.0


def strike(action: str) -> None:
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    print(f"harness: paused at {os.getpid()}", file=sys.stderr, flush=True)
    resume = Path(os.environ["FAULT_RESUME"])
    deadline = time.monotonic() + PAUSE_SECONDS
    while not resume.exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def install(point: str, when: str, nth: int, action: str) -> None:
    module_name, _, qualified = point.partition(":")
    owner = importlib.import_module(module_name)
    *path, name = qualified.split(".")
    for part in path:
        owner = getattr(owner, part)
    original = getattr(owner, name)
    calls = 0

    @functools.wraps(original)
    def faulty(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == nth and when == "before":
            strike(action)
        result = original(*args, **kwargs)
        if calls == nth and when == "after":
            strike(action)
        return result

    setattr(owner, name, faulty)


def main() -> None:
    point, when, nth, action, separator, *arguments = sys.argv[1:]
    assert separator == "--" and when in ("before", "after") and action in ("kill", "pause")
    install(point, when, int(nth), action)
    from cli.main import main as fiche_search

    sys.argv = ["fiche-search", *arguments]
    fiche_search()


if __name__ == "__main__":
    main()
