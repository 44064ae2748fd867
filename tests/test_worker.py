"""worker: work started beside the pipeline gives what it would give here, whatever happens."""

from __future__ import annotations

import multiprocessing
import operator
import os
import time
from pathlib import Path

import pytest

from dossier import worker
from dossier.worker import start_beside, start_here


def exits_unless_in(process_id: int) -> str:
    """Kills the process it runs in, unless that is `process_id`."""
    if os.getpid() != process_id:
        os._exit(1)
    return "done here"


def test_work_started_beside_gives_its_result() -> None:
    pending = start_beside(operator.add, 2, 3)

    assert pending.future is not None, "it ran in a worker"
    assert pending.result() == 5


def test_an_error_in_the_work_is_raised_where_its_result_is_asked_for() -> None:
    pending = start_beside(int, "not a number")

    with pytest.raises(ValueError, match="not a number"):
        pending.result()


def test_without_a_worker_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork_server(method: str) -> None:
        raise ValueError(f"cannot find context for {method!r}")

    monkeypatch.setattr(worker, "_pool", None)
    monkeypatch.setattr(multiprocessing, "get_context", no_fork_server)

    pending = start_beside(operator.add, 2, 3)

    assert pending.future is None
    assert pending.result() == 5


def test_work_whose_worker_dies_is_done_here_and_the_next_gets_a_new_worker() -> None:
    assert start_beside(exits_unless_in, os.getpid()).result() == "done here"

    after = start_beside(operator.add, 2, 3)
    assert after.future is not None, "a new worker took it"
    assert after.result() == 5


def test_work_started_here_waits_until_its_result_is_asked_for() -> None:
    calls: list[int] = []
    pending = start_here(calls.append, 1)

    assert calls == []
    pending.result()
    assert calls == [1]


def waits_for(path: str) -> None:
    """Keeps the worker busy until `path` exists (ten seconds at most)."""
    deadline = time.monotonic() + 10
    while not Path(path).exists() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_work_the_worker_has_not_started_is_done_here_when_asked_for(tmp_path: Path) -> None:
    go_on = tmp_path / "go-on"
    busy = start_beside(waits_for, str(go_on))
    # Queued for the worker, as far as its queue goes.
    queued = [start_beside(operator.add, 1, number) for number in range(3)]
    waiting = start_beside(operator.add, 2, 3)

    assert waiting.result() == 5
    assert waiting.future is not None
    assert waiting.future.cancelled(), "the worker never had it"
    go_on.touch()
    assert [pending.result() for pending in queued] == [1, 2, 3]
    busy.result()
