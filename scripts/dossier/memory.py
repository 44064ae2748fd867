"""Python's cycle collector, held off while the pipeline makes short-lived objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """The cycle collector held off, unless it already was, for the time of the block.

    Loading, checking and rendering allocate objects by the million: sentences, matches, YAML
    nodes, pieces of pages. Each allocation burst set the collector off, and each of its full runs
    walked every object the program held, to find next to nothing: what the pipeline builds dies
    by reference counting, or lives until the build ends. A cycle made meanwhile (an exception
    and its traceback, say) waits for a later collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
