"""Worker processes (one warm Lambda execution environment each) and the bounded pool that keeps them.

A worker serves one invocation at a time; the pool hands each idle worker to one caller, so any
number of threads may run packages at once. Every read and write on a worker's pipes has a
deadline: a handler that never answers is killed, never waited for.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "MAX_IDLE_WORKERS", "MAX_WORKERS_PER_FUNCTION", "Died", "Worker", "check_in", "check_out", "packages_in_use",
    "shutdown_workers", "start_lock", "wait_for_idle",
]

MAX_IDLE_WORKERS = 32
"""Warm workers kept between invocations, all packages together; the least recently used goes first."""
MAX_WORKERS_PER_FUNCTION = max(2, min(8, os.cpu_count() or 2))
"""Workers one function (one pool key) runs at once: more callers wait for one of them to be idle (their
wait is not part of the function's timeout). Beyond the machine's cores more processes only compete for
them, and each would be a cold start."""
WORKER_SCRIPT = Path(__file__).with_name("_worker.py")
_SIGNALS = {  # the wording of Lambda's "Runtime exited with error: signal: ..."
    signal.SIGSEGV: "segmentation fault", signal.SIGKILL: "killed", signal.SIGABRT: "aborted",
    signal.SIGTERM: "terminated", signal.SIGBUS: "bus error", signal.SIGFPE: "floating point exception",
    signal.SIGILL: "illegal instruction", signal.SIGINT: "interrupt",
}
_TRUNCATE_AT = 1 << 20


class Died(Exception):
    """The worker process ended before it answered.

    :ivar reason: Lambda's wording: ``"exit status 3"``, ``"signal: segmentation fault"``.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _log_file(directory: str | None) -> int:
    """An anonymous append-only file: the worker writes at its end, we read it by offset."""
    import fcntl

    fd, path = tempfile.mkstemp(prefix="cdktf-userpool-worker-", suffix=".log", dir=directory)
    os.unlink(path)
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_APPEND)
    return fd


class Worker:
    """One worker process running ``handler`` from ``package`` in ``interpreter``.

    :param key: the pool key (what must be identical for a warm reuse).
    :param pycache: the folder for the worker's bytecode (``-X pycache_prefix``), so nothing is
        written into the package.
    """

    def __init__(
        self,
        key: Hashable,
        *,
        interpreter: str,
        package: Path,
        handler: str,
        extra_paths: Sequence[str],
        environment: Mapping[str, str],
        pycache: Path,
    ) -> None:
        self.key = key
        self.package = package
        self.log_stream_name = environment.get("AWS_LAMBDA_LOG_STREAM_NAME", "")
        request_read, self._requests = os.pipe()
        self._answers, answer_write = os.pipe()
        self._stdout, self._stderr = _log_file(None), _log_file(None)
        self._positions = [0, 0]
        config = {"requestFd": request_read, "answerFd": answer_write, "package": str(package),
                  "handler": handler, "extraPaths": [str(p) for p in extra_paths]}
        try:
            self.process = subprocess.Popen(
                [interpreter, "-I", "-S", "-u", "-X", f"pycache_prefix={pycache}", str(WORKER_SCRIPT), json.dumps(config)],
                stdin=subprocess.DEVNULL, stdout=self._stdout, stderr=self._stderr,
                pass_fds=(request_read, answer_write), cwd=package, env=dict(environment),
                start_new_session=True,  # its own process group: a kill takes the handler's children too
            )
        except BaseException:
            for fd in (request_read, answer_write, self._requests, self._answers, self._stdout, self._stderr):
                os.close(fd)
            raise
        finally:
            if hasattr(self, "process"):
                os.close(request_read)
                os.close(answer_write)
        os.set_blocking(self._requests, False)
        self._closed = False

    # -- protocol ---------------------------------------------------------------------------

    def _read(self, size: int, deadline: float) -> bytes | None:
        """``size`` bytes, or ``None`` at the deadline. :raises Died: on end of file."""
        chunks: list[bytes] = []
        while size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._answers], [], [], left)[0]:
                return None
            chunk = os.read(self._answers, min(size, 1 << 20))
            if not chunk:
                raise Died(self._exit_reason())
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def receive(self, deadline: float) -> tuple[dict[str, Any], int] | None:
        """The worker's next message and its size in bytes, or ``None`` if it did not come by ``deadline``.

        :raises Died: if the worker ended first.
        """
        head = self._read(4, deadline)
        if head is None:
            return None
        size = int.from_bytes(head, "big")
        body = self._read(size, deadline)
        return None if body is None else (json.loads(body), size)

    def send(self, message: Mapping[str, Any], deadline: float) -> bool:
        """Write ``message``; ``False`` if the pipe stayed full until ``deadline``. :raises Died: if the worker ended."""
        body = json.dumps(message).encode()
        data = memoryview(len(body).to_bytes(4, "big") + body)
        while data:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([], [self._requests], [], left)[1]:
                return False
            try:
                data = data[os.write(self._requests, data):]
            except BlockingIOError:
                continue
            except (BrokenPipeError, OSError):
                raise Died(self._exit_reason()) from None
        return True

    def output(self) -> tuple[str, str]:
        """What the worker wrote on stdout and stderr since the last call of this method."""
        texts = []
        for index, fd in enumerate((self._stdout, self._stderr)):
            end = os.fstat(fd).st_size
            start = min(self._positions[index], end)
            data = b""
            while start + len(data) < end:
                chunk = os.pread(fd, end - start - len(data), start + len(data))
                if not chunk:
                    break
                data += chunk
            self._positions[index] = end
            if end > _TRUNCATE_AT:  # keep the files small over a long warm life
                os.ftruncate(fd, 0)
                self._positions[index] = 0
            texts.append(data.decode("utf-8", "replace"))
        return texts[0], texts[1]

    def _exit_reason(self) -> str:
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.process.returncode
        if code is not None and code < 0:
            number = -code
            try:
                name = _SIGNALS.get(signal.Signals(number), signal.strsignal(number) or f"signal {number}")
            except ValueError:
                name = f"signal {number}"
            return f"signal: {name.lower()}"
        return f"exit status {code}"

    # -- life cycle -------------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        return not self._closed and self.process.poll() is None

    def kill(self) -> None:
        """Stop the worker now, with its children."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def close(self, grace: float = 2.0) -> None:
        """Ask the worker to exit (its request pipe closes), kill it after ``grace`` seconds, free its files."""
        if self._closed:
            return
        self._closed = True
        os.close(self._requests)
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
        self.kill()
        for fd in (self._answers, self._stdout, self._stderr):
            os.close(fd)


_lock = threading.Lock()
_changed = threading.Condition(_lock)
"""Notified when a worker is checked in or discarded."""
_idle: OrderedDict[Hashable, list[Worker]] = OrderedDict()
_live: set[Worker] = set()
_starting: dict[Hashable, threading.Lock] = {}


def start_lock(key: Hashable) -> threading.Lock:
    """The lock a caller holds while it starts a worker for ``key``: one start per function at a time, so
    callers that arrive together wait for the first worker (and reuse it once idle) instead of each
    starting a process."""
    with _lock:
        found = _starting.get(key)
        if found is None:
            found = _starting[key] = threading.Lock()
        return found


def register(worker: Worker) -> None:
    """Track ``worker`` so :func:`shutdown_workers` stops it even while it is busy."""
    with _lock:
        _live.add(worker)


def packages_in_use() -> set[Path]:
    """The package folders live workers run."""
    with _lock:
        return {worker.package for worker in _live}


def check_out(key: Hashable) -> Worker | None:
    """An idle warm worker for ``key``, now reserved for the caller; ``None`` if there is none."""
    while True:
        with _lock:
            workers = _idle.get(key)
            if not workers:
                return None
            worker = workers.pop()
            if not workers:
                del _idle[key]
        if worker.alive:
            return worker
        discard(worker)


def wait_for_idle(key: Hashable, deadline: float) -> Worker | None:
    """An idle worker for ``key`` once ``key`` has :data:`MAX_WORKERS_PER_FUNCTION` live workers; ``None`` as
    soon as it has fewer (the caller may start one) or at ``deadline`` (``time.monotonic()``)."""
    while True:
        with _changed:
            while not _idle.get(key) and sum(1 for w in _live if w.key == key) >= MAX_WORKERS_PER_FUNCTION:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                _changed.wait(remaining)
        worker = check_out(key)
        if worker is not None or sum(1 for w in list(_live) if w.key == key) < MAX_WORKERS_PER_FUNCTION:
            return worker


def check_in(worker: Worker) -> None:
    """Give ``worker`` back for reuse; the least recently used idle workers beyond the bound are stopped."""
    evicted: list[Worker] = []
    with _lock:
        _changed.notify_all()
        _idle.setdefault(worker.key, []).append(worker)
        _idle.move_to_end(worker.key)
        while sum(len(ws) for ws in _idle.values()) > MAX_IDLE_WORKERS:
            oldest_key = next(iter(_idle))
            evicted.append(_idle[oldest_key].pop(0))
            if not _idle[oldest_key]:
                del _idle[oldest_key]
    for stale in evicted:
        discard(stale)


def discard(worker: Worker) -> None:
    """Stop ``worker`` and forget it."""
    with _lock:
        _live.discard(worker)
        _changed.notify_all()
    worker.close()


def shutdown_workers() -> None:
    """Stop every worker, idle or busy (also run at interpreter exit)."""
    with _lock:
        workers = list(_live)
        _live.clear()
        _idle.clear()
    for worker in workers:
        worker.close(grace=0.5)


atexit.register(shutdown_workers)
