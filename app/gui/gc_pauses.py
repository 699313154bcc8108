"""Keep Python's cyclic garbage collector from freezing the window while workers churn through rows.

A full collection walks every tracked object of the process while holding the GIL, in
whichever thread happens to allocate: a worker journaling 100,000 messages triggers one,
and the GUI thread waits for it to end (about 200 ms with 20,000 imported recipients kept in
the recipients table, measured by bench/bench_gui_responsiveness.py). What the window keeps
for long is acyclic data (rows, tuples, strings), freed by reference counting anyway; moving
it to the collector's permanent generation before heavy background work takes it out of
every later scan. `gc.freeze()` only moves a list head: it costs nothing.
"""

from __future__ import annotations

import gc


def keep_out_of_collections() -> None:
    """Everything alive now is left out of later cyclic collections (reference counting still frees it)."""
    gc.freeze()
