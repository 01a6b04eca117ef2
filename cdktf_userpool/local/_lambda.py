"""Lambda's ``Invoke`` in the emulator runs the deployed code with this library's runner, not Docker.

Installed in the emulator process by :mod:`._server`. An invocation runs the function's zip as
Terraform uploaded it (moto keeps the bytes, whether they came as a file or from S3), with an
interpreter matching its runtime, its environment variables as Terraform resolved them, its
timeout, ``AWS_ENDPOINT_URL`` pointing back at the emulator, and the credentials of its execution
role from the emulator's STS ``AssumeRole`` (so with IAM enforced, the code can do what its role
allows and nothing else). What the function printed goes to its log group when the stack made one.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

_state: dict[str, Any] = {"endpoint_url": None, "code_dir": None}
_credentials: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}
_lock = threading.Lock()
_old_code_dirs: list[Path] = []
_CREDENTIAL_SECONDS = 3600


def configure(*, endpoint_url: str) -> None:
    """Tell invocations where the emulator listens (known once the server has its port)."""
    _state["endpoint_url"] = endpoint_url


def _package(code: bytes) -> Path:
    """The zip, written once per content under the emulator's code directory.

    Safe under concurrent invocations: each writer writes its own temporary file and renames it into
    place (an atomic replace of identical bytes), so no caller ever reads a half-written zip.
    """
    with _lock:
        if _state["code_dir"] is None:
            _state["code_dir"] = Path(tempfile.mkdtemp(prefix="cdktf-userpool-lambda-"))
        folder = Path(_state["code_dir"])
    digest = hashlib.sha256(code).hexdigest()
    path = folder / f"{digest}.zip"
    if not path.exists():
        fd, partial = tempfile.mkstemp(prefix=f".{digest[:12]}-", suffix=".part", dir=folder)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(code)
            os.replace(partial, path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return path


def forget_packages() -> None:
    """Drop the emulator's copies of the functions' zips: the next invocations write them again, as a cold
    start fetches its code (the old copies are removed at shutdown, never under a running invocation)."""
    with _lock:
        if _state["code_dir"] is not None:
            _old_code_dirs.append(Path(_state["code_dir"]))
        _state["code_dir"] = None


def role_credentials(account_id: str, region: str, role_arn: str, session: str) -> dict[str, str]:
    """Temporary credentials of ``role_arn`` from the emulator's STS, reused for an hour.

    :returns: the ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY`` and ``AWS_SESSION_TOKEN`` variables.
    """
    from moto.sts.models import sts_backends
    from moto.utilities.utils import get_partition

    key = (role_arn, session)
    with _lock:
        cached = _credentials.get(key)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        role = sts_backends[account_id][get_partition(region)].assume_role(
            region_name=region,
            role_session_name=session,
            role_arn=role_arn,
            policy="",
            duration=_CREDENTIAL_SECONDS,
            external_id="",
        )
        variables = {
            "AWS_ACCESS_KEY_ID": role.access_key_id,
            "AWS_SECRET_ACCESS_KEY": role.secret_access_key,
            "AWS_SESSION_TOKEN": role.session_token,
        }
        _credentials[key] = (time.monotonic() + _CREDENTIAL_SECONDS - 60, variables)
        return variables


def invocation_environment(fn: Any) -> dict[str, str]:
    """What the function's process sees: its own variables, then the emulator's endpoint and role credentials."""
    endpoint = _state["endpoint_url"]
    environment = {str(k): str(v) for k, v in (fn.environment_vars or {}).items()}
    environment.update(role_credentials(fn.account_id, fn.region, fn.role, fn.function_name[:64]))
    environment.update({"AWS_ENDPOINT_URL": endpoint, "AWS_REGION": fn.region, "AWS_DEFAULT_REGION": fn.region})
    return environment


def run(fn: Any, event: Any, *, timeout: float | None = None) -> Any:
    """Run ``fn`` (moto's ``LambdaFunction``) on ``event`` with the runner; returns its ``Invocation``.

    :param timeout: an upper bound in seconds on the function's own timeout (Cognito waits 5 s for a
        trigger). Default: ``None``, the function's timeout.
    """
    from cdktf_userpool._runner import lambda_runtime_path, run_package

    logging: dict[str, Any] = getattr(fn, "cdktf_userpool_logging", None) or {}
    return run_package(
        _package(fn.code_bytes),
        event,
        handler=fn.handler,
        runtime=fn.run_time,
        architecture=(fn.architectures or ["x86_64"])[0],
        function_name=fn.function_name,
        memory_size=int(fn.memory_size or 128),
        timeout=float(fn.timeout or 3) if timeout is None else min(float(fn.timeout or 3), timeout),
        environment=invocation_environment(fn),
        region=fn.region,
        extra_paths=[str(lambda_runtime_path())],
        # the function's logging config, as kept by the gap-filling layer (JSON logs as in Lambda)
        log_format=str(logging.get("LogFormat", "Text")),
        log_level=logging.get("ApplicationLogLevel"),
    )


def _error_payload(error_type: str, message: str, trace: str | None) -> bytes:
    body: dict[str, Any] = {"errorMessage": message, "errorType": error_type}
    if trace:
        body["stackTrace"] = trace.splitlines()
    return json.dumps(body).encode()


def _save_logs(fn: Any, text: str) -> None:
    """Write what the function printed to its log group, when the stack created one (never create it here)."""
    if not text.strip():
        return
    try:
        if fn.logs_group_name in fn.logs_backend.groups:
            fn.save_logs(text)
    except Exception:  # logs are a convenience: never fail an invocation over them
        pass


def invoke(fn: Any, body: str, request_headers: Any, response_headers: Any) -> bytes:
    """Replacement for moto's ``LambdaFunction.invoke``: same arguments, same answer shape as Lambda's."""
    event = json.loads(body) if body else {}
    kind = request_headers.get("x-amz-invocation-type", "RequestResponse")
    if kind == "DryRun":
        return b""
    if kind == "Event":
        threading.Thread(target=_run_and_log, args=(fn, event), name=f"invoke-{fn.function_name}", daemon=True).start()
        return b""
    payload, log_text, errored = _run_and_log(fn, event)
    if errored:
        response_headers["x-amz-function-error"] = "Unhandled"
    response_headers["x-amz-log-result"] = base64.b64encode(log_text[-4096:].encode()).decode()
    return payload


def _run_and_log(fn: Any, event: Any) -> tuple[bytes, str, bool]:
    if not fn.code_bytes:
        message = f"function {fn.function_name} has no code in the emulator (its S3 object was missing when it was created)"
        return _error_payload("Runtime.InvalidEntrypoint", message, None), message, True
    try:
        result = run(fn, event)
    except Exception as exc:  # the runner could not start the function: Lambda's init error
        message = f"{type(exc).__name__}: {exc}"
        _save_logs(fn, message)
        return _error_payload("Runtime.Unknown", message, None), message, True
    log_text = (result.stdout or "") + (result.stderr or "")
    _save_logs(fn, log_text)
    if result.ok:
        return json.dumps(result.result).encode(), log_text, False
    error_type = result.error_type or "Runtime.Unknown"
    message = result.error_message or ""
    if result.timed_out:
        error_type = "Sandbox.Timedout"
        message = message or f"Task timed out after {float(fn.timeout or 3):.2f} seconds"
    return _error_payload(error_type, message, result.traceback), log_text, True


def install() -> None:
    """Route moto's Lambda ``Invoke`` to :func:`invoke`."""
    from moto.awslambda.models import LambdaFunction

    LambdaFunction.invoke = invoke  # type: ignore[assignment, method-assign]


def shutdown() -> None:
    """Stop the runner's warm workers, if the runner was used, and remove the emulator's copies of the zips."""
    import sys

    runner = sys.modules.get("cdktf_userpool._runner")
    if runner is not None:
        runner.shutdown_workers()
    forget_packages()
    with _lock:
        folders, _old_code_dirs[:] = list(_old_code_dirs), []
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
