"""Reading files on a Dask cluster (`--executor dask`, `--scheduler tcp://host:8786`): the same
`parse`, under the same timeout and memory cap per file, on the cluster's workers. The catalog
learning, coding, validation and writing stay on the client (`runner.run`).

Dask is an optional extra (`pip install '.[dask]'`): it is imported only when a DaskExecutor is
made, never by the workers' `parse_with_limits`.
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import NoReturn

from pipeline.inventory import FileEntry
from pipeline.runner import Limits, Parsed, crashed, limit_memory, parse, timed_out

INSTALL = "the Dask executor needs Dask, an optional extra: pip install '.[dask]'"
# a task whose worker dies is tried once more elsewhere before it is given up (Dask's default
# is three more: each costs a worker restart)
ALLOWED_FAILURES = 1


class NoScheduler(OSError):
    """No Dask scheduler answers at the address given."""


class DaskExecutor:
    """Reads files as Dask tasks: on the cluster whose scheduler is at `scheduler`, else on a
    LocalCluster of `workers` processes started for the run (only if there is a file to read).
    A worker must see each file at the path the client gives it: on a remote cluster, the
    folder on a shared path mounted alike everywhere."""

    def __init__(self, scheduler: str | None = None, workers: int = 2):
        try:
            import distributed
        except ImportError as error:
            raise ImportError(INSTALL) from error
        self._distributed = distributed
        self.scheduler, self.workers = scheduler, workers

    def map(self, entries: list[FileEntry], limits: Limits) -> Iterator[tuple[FileEntry, Parsed]]:
        with self._client() as client:
            futures = {
                client.submit(
                    parse_with_limits,
                    str(entry.path),
                    entry.kind,
                    limits.timeout,
                    limits.memory_mb,
                    pure=False,  # a file may change between runs under the same path
                    retries=1,  # a task that raised (a fork that failed) is tried once more
                ): entry
                for entry in entries
            }
            for future in self._distributed.as_completed(futures):
                entry = futures[future]
                yield entry, self._outcome(entry, future)

    @contextmanager
    def _client(self):
        Client = self._distributed.Client
        if self.scheduler:
            try:
                client = Client(self.scheduler)
            except OSError as error:
                raise NoScheduler(f"no Dask scheduler at {self.scheduler}: {error}") from error
            with client:
                yield client
            return
        with ExitStack() as stack:
            stack.enter_context(_errors_only(logging.getLogger("distributed")))
            cluster = stack.enter_context(local_cluster(self.workers))
            yield stack.enter_context(Client(cluster))

    def _outcome(self, entry: FileEntry, future) -> Parsed:
        try:
            return future.result()
        except self._distributed.KilledWorker:
            return Parsed(entry.kind, "failed", (
                "a Dask worker died reading this file, and again on the retry (out of memory?): "
                "check that it opens, or run again with a larger --memory"
            ), transient=True)  # fmt: skip
        except Exception as error:  # the cluster's, not the file's: worth trying again
            return Parsed(entry.kind, "failed", (
                f"the Dask cluster could not read this file ({type(error).__name__}: {error}): "
                "check that the workers see the folder at the same path, and run again"
            ), transient=True)  # fmt: skip


@contextmanager
def _errors_only(logger: logging.Logger):
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def local_cluster(workers: int):
    """A cluster of `workers` single-threaded processes on this machine, reached on loopback
    only. One task per worker at a time (no queued task dies with a worker it never ran on)."""
    import dask
    from distributed import LocalCluster

    config = {
        "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
        "distributed.scheduler.worker-saturation": 1.0,
        # the workers' and the scheduler's news would drown the run's own lines
        "distributed.nanny.pre-spawn-environ.DASK_LOGGING__DISTRIBUTED": "error",
    }
    with dask.config.set(config):  # read once, when the scheduler starts
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


# ---- one file, in a Dask task --------------------------------------------------------------


def parse_with_limits(path: str, kind: str, timeout: float, memory_mb: int) -> Parsed:
    """parse() in a child process forked for this file, under the memory cap and the timeout,
    as in the local pool: a hang or a blow-up costs this file, not the Dask worker. os.fork, not
    multiprocessing or pebble: Dask's workers are daemonic, and those may not have children."""
    if not os.path.exists(path):
        return _unseen(path, kind)
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read_end)
        _read_in_child(write_end, path, kind, memory_mb)
    os.close(write_end)
    try:
        data = _read_until(read_end, time.monotonic() + timeout)
    finally:
        os.close(read_end)
    if data is None:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        return timed_out(kind, timeout)
    code = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])
    return pickle.loads(data) if code == 0 else crashed(kind, code)


def _unseen(path: str, kind: str) -> Parsed:
    """Transient, so not cached: the file reads once the folder is mounted where it should be."""
    return Parsed(kind, "failed", (
        f"the Dask worker on {socket.gethostname()} does not see this file at {path}: put the "
        "folder on a shared path, mounted at the same place on every worker, and run again"
    ), transient=True)  # fmt: skip


def _read_in_child(write_end: int, path: str, kind: str, memory_mb: int) -> NoReturn:
    code = 1
    try:
        limit_memory(memory_mb)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(pickle.dumps(parse(path, kind)))
        code = 0
    finally:
        os._exit(code)  # at once: none of the worker's exit handlers belong to this process


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes until it closes the pipe; None when the deadline comes
    first. Read as it comes: a result larger than the pipe's buffer would block the child."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
