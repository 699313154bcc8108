"""How long a thread may run Python before another thread that wants the GIL gets it.

CPython's default is 5 ms. Masivo's processes run threads that hand work to each other
all the time: the window's GUI thread and its workers (a repaint calls into Python dozens
of times, each call waiting up to a turn while a worker runs Python), and the receiver's
request threads beside its writer. 1 ms keeps the window's p99 under 7 ms during a send
instead of 10-16 ms (bench/bench_gui_responsiveness.py), for a few percent of a lone
thread's speed.
"""

from __future__ import annotations

import sys

SWITCH_INTERVAL = 0.001  # seconds


def take_short_turns() -> None:
    """Threads of this process hand the GIL over every SWITCH_INTERVAL."""
    sys.setswitchinterval(SWITCH_INTERVAL)
