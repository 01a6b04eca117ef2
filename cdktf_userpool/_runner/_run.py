"""``run_package``: one Lambda invocation of a package, on a warm worker when one is ready."""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import threading
import time
import uuid
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from ..errors import RuntimeMismatchError, RuntimeMismatchWarning
from ._interpreters import ENV_VAR, Interpreter, find_interpreter, lambda_architecture, runtime_version
from ._native import NativeCode, scan
from ._packages import cache_dir, resolve_package
from ._workers import WORKER_SCRIPT, Died, Worker, check_in, check_out, discard, register, start_lock, wait_for_idle

__all__ = ["ENTRY_HANDLER", "INIT_TIMEOUT", "Invocation", "lambda_environment", "run_package"]

ENTRY_HANDLER = "cdktf_userpool_entry.handler"
INIT_TIMEOUT = 10.0
"""Seconds Lambda gives the init phase (interpreter start and the handler's import)."""
QUEUE_TIMEOUT = 30.0
"""Seconds a caller waits for an idle worker of a function at its bound (``MAX_WORKERS_PER_FUNCTION``)
before it starts one more anyway."""
RESPONSE_LIMIT = 6 * 1024 * 1024 + 100
"""Lambda's limit on a synchronous invocation's response, in bytes (6291556)."""
ACCOUNT_ID = "123456789012"
_native: dict[str, NativeCode] = {}
_lock = threading.Lock()
_PACKAGE_DIR = str(Path(__file__).resolve().parents[1])


@dataclass(frozen=True)
class Invocation:
    """The outcome of one invocation, as Lambda reports it.

    :ivar ok: the handler returned (``result`` is set), rather than raising, timing out or crashing.
    :ivar result: the returned value after a JSON round trip (``None`` when not ``ok``).
    :ivar error_type: Lambda's ``errorType``: the exception's class name, ``"Runtime.ExitError"``,
        ``"Sandbox.Timedout"``, ``"Runtime.ImportModuleError"``...; ``None`` when ``ok``.
    :ivar error_message: Lambda's ``errorMessage``; ``None`` when ``ok``.
    :ivar traceback: the handler's traceback, formatted (the runtime's own frames left out), or ``None``.
    :ivar stdout: what was printed during this invocation (and, on a cold start, during init),
        including the root logger's lines, which Lambda's runtime writes to stdout.
    :ivar stderr: what was written to stderr, including a crashed runtime's last words.
    :ivar timed_out: the function's timeout was reached; the worker was killed.
    :ivar cold: a new worker process had to start (and import the handler) for this invocation.
    :ivar duration_ms: time spent in the handler (Lambda's ``Duration``).
    :ivar init_duration_ms: on a cold start, the interpreter start and import (Lambda's ``Init
        Duration``); else ``None``.
    :ivar request_id: the invocation's ``context.aws_request_id``.
    :ivar interpreter: the Python executable that ran it.
    """

    ok: bool
    result: Any
    error_type: str | None
    error_message: str | None
    traceback: str | None
    stdout: str
    stderr: str
    timed_out: bool
    cold: bool
    duration_ms: float
    init_duration_ms: float | None = None
    request_id: str = ""
    interpreter: str = ""


def lambda_environment(
    *,
    package: Path,
    handler: str,
    runtime: str,
    function_name: str,
    memory_size: int,
    region: str,
    environment: Mapping[str, str],
    runtime_dir: str,
    log_format: str = "Text",
    log_level: str | None = None,
) -> dict[str, str]:
    """The worker's environment: isolation defaults, then the function's variables, then Lambda's reserved ones.

    With ``log_format="JSON"`` (Lambda's advanced logging controls), ``AWS_LAMBDA_LOG_FORMAT`` and
    ``AWS_LAMBDA_LOG_LEVEL`` are set as Lambda sets them, and the worker's root logger writes JSON
    lines at that level, as Lambda's Python runtime does.

    The defaults keep the host's AWS credentials and instance metadata out of reach
    (``AWS_CONFIG_FILE`` and ``AWS_SHARED_CREDENTIALS_FILE`` are the null device,
    ``AWS_EC2_METADATA_DISABLED=true``); give credentials and an ``AWS_ENDPOINT_URL`` in
    ``environment`` to reach an emulator. Reserved names Lambda sets win over ``environment``,
    except the credentials (``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN``),
    which Lambda takes from the function's role and the caller provides here.
    """
    library_path = f"{package}:{package}/lib"
    if os.environ.get("LD_LIBRARY_PATH"):
        library_path += ":" + os.environ["LD_LIBRARY_PATH"]
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "LD_LIBRARY_PATH": library_path,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_XRAY_CONTEXT_MISSING": "LOG_ERROR",
        "AWS_XRAY_DAEMON_ADDRESS": "127.0.0.1:2000",
        **environment,
        "AWS_REGION": region,
        "AWS_DEFAULT_REGION": region,
        "AWS_EXECUTION_ENV": f"AWS_Lambda_{runtime}",
        "AWS_LAMBDA_FUNCTION_NAME": function_name,
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(memory_size),
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{function_name}",
        "LAMBDA_TASK_ROOT": str(package),
        "LAMBDA_RUNTIME_DIR": runtime_dir,
        "_HANDLER": handler,
        **({"AWS_LAMBDA_LOG_FORMAT": "JSON", "AWS_LAMBDA_LOG_LEVEL": log_level or "INFO"} if log_format == "JSON" else {}),
    }


def _native_code(folder: Path, digest: str) -> NativeCode:
    with _lock:
        if digest in _native:
            return _native[digest]
    found = scan(folder)
    with _lock:
        _native[digest] = found
    return found


def _stacklevel() -> int:
    """The warning's stack level that points at the first caller outside this library."""
    frame: FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame, level = frame.f_back, level + 1
    return level


def _check(interpreter: Interpreter, native: NativeCode, runtime: str, architecture: str, function_name: str) -> str | None:
    """Refuse native code ``interpreter`` cannot load; else the warning text for a mismatch, or ``None``."""
    version = runtime_version(runtime)
    variable = f"{ENV_VAR}{version[0]}_{version[1]}"
    here = lambda_architecture(platform.machine())
    if native and not native.loads_on(interpreter):
        fixes = []
        if native.platforms - {interpreter.platform}:
            fixes.append("Lambda packages hold Linux binaries: run these tests on Linux (or in a Linux container)")
        if native.architectures - {interpreter.architecture}:
            fixes.append(
                f"Lambda runs it on {architecture} and this machine is {here}: run the tests on an {architecture} "
                f"machine, name an {architecture} python{version[0]}.{version[1]} (emulated, for example with "
                f"qemu-user) with {variable} or python=, or build the function with architecture={here!r} to test it here"
            )
        if native.versions - {interpreter.version}:
            fixes.append(
                f"install Python {version[0]}.{version[1]} (`pyenv install {version[0]}.{version[1]}` or "
                f"`uv python install {version[0]}.{version[1]}`), or name one with {variable}=/path/to/"
                f"python{version[0]}.{version[1]} or invoke(..., python=...)"
            )
        shown = ", ".join(native.files[:3]) + (f" and {len(native.files) - 3} more" if len(native.files) > 3 else "")
        raise RuntimeMismatchError(
            f"The package of {function_name!r} ({runtime} on {architecture}) holds native code for "
            f"{native.describe()} ({shown}), which the best interpreter found here, {interpreter.describe()}, "
            f"cannot load. To run it locally: {'; or '.join(fixes) or 'provide a matching interpreter'}.",
            runtime=runtime,
            architecture=architecture,
            interpreter=interpreter.path,
            native_files=native.files,
        )
    if interpreter.matches(runtime, architecture):
        return None
    if interpreter.implementation == "cpython" and interpreter.version == version:
        # pure Python on the runtime's version: the instruction set makes no difference worth a warning
        return None
    what, fix = "version-specific", (
        f"To match, install python{version[0]}.{version[1]} (`pyenv install {version[0]}.{version[1]}` or "
        f"`uv python install {version[0]}.{version[1]}`) or name one with {variable}."
    )
    return (
        f"{function_name!r} is {runtime} on {architecture} in Lambda but runs here on {interpreter.describe()}: "
        f"its package is pure Python, so the run is meaningful, but {what} behaviour may differ. {fix}"
    )


def run_package(
    package: Path | str,
    event: Any,
    *,
    handler: str = ENTRY_HANDLER,
    runtime: str,
    architecture: str,
    function_name: str,
    memory_size: int = 128,
    timeout: float,
    environment: Mapping[str, str] = {},  # noqa: B006 (read only)
    region: str = "us-east-1",
    extra_paths: Sequence[str | os.PathLike[str]] = (),
    interpreter: str | os.PathLike[str] | None = None,
    warm: bool = True,
    account_id: str = ACCOUNT_ID,
    request_id: str | None = None,
    log_format: str = "Text",
    log_level: str | None = None,
) -> Invocation:
    """Invoke a Lambda package's handler on ``event`` in a worker process, as Lambda's Python runtime would.

    The worker runs an interpreter matching ``runtime`` and ``architecture`` (see
    :func:`find_interpreter`) in isolated mode (``-I -S``: only the package, then
    ``extra_paths``, then the standard library are importable), in the package folder, with
    Lambda's environment (:func:`lambda_environment`) and a Lambda context object. It imports the
    handler once and stays warm: the next call with the same package, handler, interpreter,
    environment and extra paths reuses it, module globals included. Nothing is written into the
    package (bytecode goes to the runner's cache). Safe to call from several threads.

    :param package: an extracted package folder, or a ``.zip`` (extracted once into the cache,
        keyed by its SHA-256).
    :param event: the event, JSON-serializable.
    :param handler: Lambda's ``module.function`` handler. Default: ``"cdktf_userpool_entry.handler"``.
    :param runtime: ``"python3.11"`` to ``"python3.14"``.
    :param architecture: ``"arm64"`` or ``"x86_64"``.
    :param function_name: the function's name (context, environment, log group).
    :param memory_size: MB, reported to the handler; not enforced. Default: ``128``.
    :param timeout: the function's timeout in seconds: the worker is killed when the handler
        runs longer (``timed_out``; the next call starts cold).
    :param environment: the function's variables. Default: none.
    :param region: ``AWS_REGION`` and the region of the context's ARN. Default: ``"us-east-1"``.
    :param extra_paths: folders importable after the package (stand-in modules,
        :func:`lambda_runtime_path`). Default: none.
    :param interpreter: the Python executable to use. Default: ``None``, searched.
    :param warm: reuse (and keep) a warm worker. Default: ``True``; ``False`` starts and stops one.
    :param account_id: the account in ``context.invoked_function_arn``. Default: ``"123456789012"``.
    :param request_id: ``context.aws_request_id``. Default: a new UUID.
    :param log_format: the function's log format, ``"Text"`` or ``"JSON"``: how the root logger writes.
        Default: ``"Text"`` (Lambda's default; a ``Function`` of this library logs JSON by default).
    :param log_level: with JSON, the application log level (the root logger's). Default: ``"INFO"``.
    :raises RuntimeMismatchError: if the package holds native code no interpreter here can load.
    :raises ConfigurationError: if ``interpreter`` (or ``CDKTF_USERPOOL_PYTHON...``) does not run.
    :returns: the :class:`Invocation`; handler errors, timeouts and crashes are reported in it, not raised.
    """
    if os.name != "posix":
        raise RuntimeMismatchError(
            f"Running Lambda packages locally needs Linux or macOS (workers use POSIX pipes and process groups); "
            f"this is {sys.platform}. Run the tests under WSL or in a Linux container.",
            runtime=runtime, architecture=architecture, interpreter=None,
        )
    folder, digest = resolve_package(Path(package))
    chosen = find_interpreter(runtime, architecture, interpreter)
    mismatch = _check(chosen, _native_code(folder, digest), runtime, architecture, function_name)
    env = lambda_environment(package=folder, handler=handler, runtime=runtime, function_name=function_name,
                             memory_size=memory_size, region=region, environment=environment,
                             runtime_dir=str(WORKER_SCRIPT.parent), log_format=log_format, log_level=log_level)
    paths = tuple(os.fspath(p) for p in extra_paths)
    key = (digest, handler, chosen.path, tuple(sorted(env.items())), paths)
    request_id = request_id or str(uuid.uuid4())
    worker = check_out(key) if warm else None
    cold, init_ms = worker is None, None
    if worker is None:
        with start_lock(key) if warm else contextlib.nullcontext():
            # a worker started meanwhile and is idle again, or, at the function's bound, the next one idle
            worker = wait_for_idle(key, time.monotonic() + QUEUE_TIMEOUT) if warm else None
            cold = worker is None
            if worker is None:
                if mismatch:
                    warnings.warn(RuntimeMismatchWarning(mismatch), stacklevel=_stacklevel())
                stream = time.strftime("%Y/%m/%d", time.gmtime()) + "/[$LATEST]" + uuid.uuid4().hex
                worker = Worker(key, interpreter=chosen.path, package=folder, handler=handler, extra_paths=paths,
                                environment={**env, "AWS_LAMBDA_LOG_STREAM_NAME": stream},
                                pycache=cache_dir() / "pycache")
                register(worker)
                started = time.monotonic()
                failure = _start(worker, started + INIT_TIMEOUT, request_id)
                init_ms = (time.monotonic() - started) * 1000
                if failure is not None:
                    discard(worker)
                    return Invocation(**failure, ok=False, result=None, cold=True, duration_ms=0.0,
                                      init_duration_ms=init_ms, request_id=request_id, interpreter=chosen.path)
    outcome = _call(worker, event, request_id, timeout=timeout, region=region, account_id=account_id,
                    function_name=function_name)
    if outcome.pop("keep"):
        check_in(worker) if warm else discard(worker)
    else:
        discard(worker)
    return Invocation(**outcome, cold=cold, init_duration_ms=init_ms, request_id=request_id, interpreter=chosen.path)


def _start(worker: Worker, deadline: float, request_id: str) -> dict[str, Any] | None:
    """Wait for the worker's init; the failure's fields, or ``None`` when it is ready."""
    try:
        received = worker.receive(deadline)
    except Died as died:
        stdout, stderr = worker.output()
        return _error("Runtime.ExitError", f"RequestId: {request_id} Error: Runtime exited with error: {died.reason}",
                      stdout, stderr)
    if received is None:
        worker.kill()
        stdout, stderr = worker.output()
        return {**_error("Sandbox.Timedout", f"RequestId: {request_id} Error: Init phase timed out after "
                         f"{INIT_TIMEOUT:.2f} seconds", stdout, stderr), "timed_out": True}
    message, _ = received
    if message.get("ready"):
        return None
    stdout, stderr = worker.output()
    return {**_error(message["errorType"], message["errorMessage"], stdout, stderr), "traceback": message.get("traceback")}


def _error(error_type: str, message: str, stdout: str, stderr: str) -> dict[str, Any]:
    return {"error_type": error_type, "error_message": message, "traceback": None, "stdout": stdout,
            "stderr": stderr, "timed_out": False}


def _call(worker: Worker, event: Any, request_id: str, *, timeout: float, region: str, account_id: str,
          function_name: str) -> dict[str, Any]:
    now = time.time()
    request = {
        "requestId": request_id,
        "event": event,
        "deadlineMs": int((now + timeout) * 1000),
        "invokedFunctionArn": f"arn:aws:lambda:{region}:{account_id}:function:{function_name}",
        "traceId": f"Root=1-{int(now):08x}-{uuid.uuid4().hex[:24]};Parent={uuid.uuid4().hex[:16]};Sampled=0",
    }
    started = time.monotonic()
    deadline = started + timeout
    try:
        received = worker.receive(deadline) if worker.send(request, deadline) else None
    except Died as died:
        stdout, stderr = worker.output()
        return {**_error("Runtime.ExitError", f"RequestId: {request_id} Error: Runtime exited with error: {died.reason}",
                         stdout, stderr), "ok": False, "result": None,
                "duration_ms": (time.monotonic() - started) * 1000, "keep": False}
    duration = (time.monotonic() - started) * 1000
    if received is None:
        worker.kill()
        stdout, stderr = worker.output()
        return {**_error("Sandbox.Timedout", f"RequestId: {request_id} Error: Task timed out after {timeout:.2f} seconds",
                         stdout, stderr), "timed_out": True, "ok": False, "result": None, "duration_ms": duration,
                "keep": False}
    answer, size = received
    stdout, stderr = worker.output()
    if answer["ok"] and size > RESPONSE_LIMIT:
        return {**_error("Function.ResponseSizeTooLarge",
                         f"Response payload size exceeded maximum allowed payload size ({RESPONSE_LIMIT} bytes).",
                         stdout, stderr), "ok": False, "result": None, "duration_ms": duration, "keep": True}
    if answer["ok"]:
        return {"ok": True, "result": answer["result"], "error_type": None, "error_message": None, "traceback": None,
                "stdout": stdout, "stderr": stderr, "timed_out": False, "duration_ms": duration, "keep": True}
    return {**_error(answer["errorType"], answer["errorMessage"], stdout, stderr), "traceback": answer.get("traceback"),
            "ok": False, "result": None, "duration_ms": duration, "keep": True}
