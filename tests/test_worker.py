"""worker: work started beside the pipeline gives what it would give here, whatever happens."""

from __future__ import annotations

import multiprocessing
import operator
import os
import signal
import subprocess
import sys
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


# A program that starts the worker, says which processes it and its fork server are, and waits.
STARTS_A_WORKER = """
import os, time
from dossier.worker import start_beside
# The future's own result: Pending.result() would do work the worker has not started here.
print(start_beside(os.getpid).future.result(), start_beside(os.getppid).future.result(), flush=True)
time.sleep(60)
"""


def is_running(process_id: int) -> bool:
    try:
        stat = Path(f"/proc/{process_id}/stat").read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    # A zombie has ended: only its new parent, init, has not collected it yet.
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.integration
def test_the_worker_and_its_fork_server_end_when_the_program_is_killed() -> None:
    # `kill` or a supervisor's stop runs no exit handler in the program itself.
    program = subprocess.Popen(
        [sys.executable, "-c", STARTS_A_WORKER], stdout=subprocess.PIPE, text=True
    )
    assert program.stdout is not None
    worker_process, fork_server = map(int, program.stdout.readline().split())
    assert is_running(worker_process)
    assert is_running(fork_server)

    program.send_signal(signal.SIGTERM)
    program.wait(timeout=10)

    deadline = time.monotonic() + 10
    while (is_running(worker_process) or is_running(fork_server)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not is_running(worker_process)
    assert not is_running(fork_server)
