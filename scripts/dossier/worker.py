"""A second process, for work that can go on while this one does the rest.

The pipeline runs on one core, and the machines it runs on have two or more. Work started with
`start_beside` runs in a worker process while the caller goes on; `Pending.result` waits for it.
Work asked for before the worker started it is done here instead, so that a caller who starts
several pieces and then asks for them from the last shares them with the worker. The worker is
forked from a fork server, a process of its own that has no threads, so starting it is safe
whatever threads the caller runs (`mkdocs serve` runs several), and it is kept for the builds
that follow, until the program ends, however it ends. Where no worker can be had, or it dies,
the work runs here when its result is asked for: the same result, only later.

As with any process Python starts this way, a program run as a script file is imported again in
the worker, so such a script must run its own code only `if __name__ == "__main__"`, as the
`mkdocs` and `dossier` commands do. A program run with `-m` is not imported again.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

Result = TypeVar("Result")

# The one worker of this process, made when first needed; None before, or when none can be had.
_pool: ProcessPoolExecutor | None = None


def _worker_pool() -> ProcessPoolExecutor | None:
    global _pool
    if _pool is None:
        try:
            context = multiprocessing.get_context("forkserver")
        except ValueError:  # a platform without fork, such as Windows
            return None
        _pool = ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=_end_with, initargs=(os.getpid(),)
        )
    return _pool


def _end_with(parent: int) -> None:
    """In the worker: end it when `parent` ends, however that ends.

    A process stopped by a signal (`kill`, a supervisor, a timeout) runs no exit handler, and its
    worker would wait for work forever, keeping the fork server alive with it.
    """
    threading.Thread(target=_exit_after, args=(parent,), daemon=True).start()


def _exit_after(parent: int) -> None:
    try:
        ended = os.pidfd_open(parent)  # Linux: readable once the process has ended
    except (AttributeError, OSError):  # elsewhere, or it has ended already
        while _is_running(parent):
            time.sleep(1)
    else:
        select.select([ended], [], [])
    os._exit(0)


def _is_running(process_id: int) -> bool:
    try:
        os.kill(process_id, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # running, as another user
        return True
    return True


@dataclass
class Pending(Generic[Result]):
    """Work started beside this process: `result()` waits for it, or does it here."""

    function: Callable[..., Result]
    arguments: tuple[Any, ...]
    future: Future[Result] | None

    def result(self) -> Result:
        """What `function(*arguments)` returned, or the exception it raised, raised here.

        Work the worker has not started yet is taken back and done here: the caller, who would
        otherwise wait, is free.
        """
        if self.future is not None and not self.future.cancel():
            try:
                return self.future.result()
            except BrokenProcessPool:
                stop_worker()
        return self.function(*self.arguments)


def stop_worker() -> None:
    """Let the worker go once its work is done (a worker that died, or one whose module is about
    to be forgotten): the next work starts another."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False)
    _pool = None


def start_beside(function: Callable[..., Result], *arguments: Any) -> Pending[Result]:
    """Start `function(*arguments)` in the worker process, and return at once.

    `function` and `arguments` go to the worker pickled, and its result comes back so: a
    function of a module, and plain data, keep that cheap.
    """
    pool = _worker_pool()
    future = None
    if pool is not None:
        try:
            future = pool.submit(function, *arguments)
        except (BrokenProcessPool, RuntimeError, OSError):
            stop_worker()
    return Pending(function, arguments, future)


def start_here(function: Callable[..., Result], *arguments: Any) -> Pending[Result]:
    """The same work, done in this process when its result is asked for."""
    return Pending(function, arguments, None)
