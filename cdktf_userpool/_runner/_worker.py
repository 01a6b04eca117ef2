"""The worker: run by the target interpreter as a script (``python -I -S -u _worker.py CONFIG``).

It plays the part of Lambda's Python runtime for one execution environment: puts the package
first on ``sys.path`` (then the extra paths), installs a root logging handler formatted as
Lambda's, imports the handler once (the init phase) and then serves invocations, one at a time,
until its request pipe closes. Requests and answers travel on two dedicated pipes, as a 4-byte
big-endian length and UTF-8 JSON; the handler's stdout and stderr are the process's own (files the
parent reads), so nothing the handler prints can mix with the protocol.

Standard library only, and compatible with every Lambda Python runtime: it never imports the
library it ships with.
"""

from __future__ import annotations

import faulthandler
import importlib
import json
import logging
import os
import sys
import time
import traceback

TYPE_CHECKING = False  # mypy takes it as true; importing typing would cost every cold start 3 ms
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import TracebackType
    from typing import Any

    Message = dict[str, Any]

_THIS_FILE = os.path.abspath(__file__)
_request_id = ""


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _receive(fd: int) -> Message | None:
    head = _read_exactly(fd, 4)
    if head is None:
        return None
    body = _read_exactly(fd, int.from_bytes(head, "big"))
    return None if body is None else json.loads(body.decode("utf-8"))


def _send(fd: int, message: Message) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        body = json.dumps(message, cls=_Encoder).encode("ascii")
    except Exception as error:  # the handler's result is not JSON: Lambda's marshal error
        failure = {"ok": False, "errorType": "Runtime.MarshalError", "errorMessage": "Unable to marshal response: %s" % error}
        _log_error(failure)
        body = json.dumps(failure).encode("utf-8")
    data = len(body).to_bytes(4, "big") + body
    while data:
        data = data[os.write(fd, data):]


class _Encoder(json.JSONEncoder):
    """Lambda's marshaller: ``Decimal`` as a JSON number."""

    def default(self, o: Any) -> Any:
        decimal = sys.modules.get("decimal")  # imported only if the handler did: it costs a cold start 3 ms
        if decimal is not None and isinstance(o, decimal.Decimal):
            return float("nan") if o.is_nan() else (int(o) if o == o.to_integral_value() else float(o))
        return super().default(o)


class CognitoIdentity:
    __slots__ = ("cognito_identity_id", "cognito_identity_pool_id")

    def __init__(self) -> None:
        self.cognito_identity_id: str | None = None
        self.cognito_identity_pool_id: str | None = None


class LambdaContext:
    """The context object, with the attributes Lambda's Python runtime gives it."""

    def __init__(self, request_id: str, invoked_function_arn: str, deadline_ms: int) -> None:
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.tenant_id: str | None = None
        self.client_context: object | None = None
        self.identity = CognitoIdentity()
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self) -> int:
        left = self._deadline_ms - int(time.time() * 1000)
        return left if left > 0 else 0

    def log(self, message: object) -> None:
        sys.stdout.write(str(message))

    def __repr__(self) -> str:
        return "LambdaContext([aws_request_id=%s,function_name=%s,memory_limit_in_mb=%s,function_version=%s]" % (
            self.aws_request_id, self.function_name, self.memory_limit_in_mb, self.function_version)


class _LambdaLogHandler(logging.Handler):
    """The root handler Lambda's runtime installs: text lines on stdout with the request ID."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stdout.write(self.format(record))
        except Exception:  # a logging error must not fail the invocation
            self.handleError(record)


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.aws_request_id = _request_id
        return True


class _JsonFormatter(logging.Formatter):
    """Lambda's JSON log lines (advanced logging controls): timestamp, level, message, logger, requestId."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + ".%03dZ" % record.msecs,
            "level": record.levelname,
            "message": record.getMessage(),
            "logger": record.name,
            "requestId": getattr(record, "aws_request_id", None),
        }
        if record.exc_info and record.exc_info[0] is not None:
            line["errorType"] = record.exc_info[0].__name__
            line["errorMessage"] = str(record.exc_info[1])
            line["stackTrace"] = traceback.format_tb(record.exc_info[2])
        return json.dumps(line, default=str) + "\n"


def _setup_logging() -> None:
    logging.Formatter.converter = time.gmtime
    handler = _LambdaLogHandler()
    if os.environ.get("AWS_LAMBDA_LOG_FORMAT") == "JSON":
        handler.setFormatter(_JsonFormatter())
        logging.getLogger().setLevel(os.environ.get("AWS_LAMBDA_LOG_LEVEL", "INFO"))
    else:
        handler.setFormatter(logging.Formatter(
            "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(_RequestIdFilter())
    logging.getLogger().addHandler(handler)


def _user_frames(tb: TracebackType | None) -> list[traceback.FrameSummary]:
    """The traceback's frames from the first one that is not this runtime's."""
    frames = traceback.extract_tb(tb)
    for index, frame in enumerate(frames):
        if os.path.abspath(frame.filename) != _THIS_FILE:
            return list(frames[index:])
    return list(frames)


def _failure(error: BaseException, error_type: str | None = None, message: str | None = None) -> Message:
    frames = _user_frames(error.__traceback__)
    text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames))
    text += "".join(traceback.format_exception_only(type(error), error))
    return {
        "ok": False,
        "errorType": error_type or type(error).__name__,
        "errorMessage": str(error) if message is None else message,
        "traceback": text,
    }


def _log_error(failure: Message) -> None:
    # Lambda's runtime writes the error to the function's log before answering
    sys.stdout.write("[ERROR] %s: %s\n%s" % (failure["errorType"], failure["errorMessage"], failure.get("traceback") or ""))


def _load(handler_name: str) -> tuple[Callable[[Any, LambdaContext], Any] | None, Message | None]:
    """Lambda's handler lookup, with its error types."""
    module_name, _, attribute = handler_name.rpartition(".")
    if not module_name:
        return None, {"ok": False, "errorType": "Runtime.MalformedHandlerName",
                      "errorMessage": "Bad handler '%s': not enough values to unpack (expected 2, got 1)" % handler_name}
    try:
        if module_name.split(".")[0] in sys.builtin_module_names:
            return None, {"ok": False, "errorType": "Runtime.BuiltInModuleConflict",
                          "errorMessage": "Cannot use built-in module %s as a handler module" % module_name}
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as error:
        return None, _failure(error, "Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, error))
    except SyntaxError as error:
        return None, _failure(error, "Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, error))
    except Exception as error:
        return None, _failure(error)
    try:
        return getattr(module, attribute), None
    except AttributeError:
        return None, {"ok": False, "errorType": "Runtime.HandlerNotFound",
                      "errorMessage": "Handler '%s' missing on module '%s'" % (attribute, module_name)}


def _invoke(handler: Callable[[Any, LambdaContext], Any], request: Message) -> Message:
    global _request_id
    _request_id = request["requestId"]
    os.environ["_X_AMZN_TRACE_ID"] = request["traceId"]
    context = LambdaContext(request["requestId"], request["invokedFunctionArn"], request["deadlineMs"])
    try:
        result = handler(request["event"], context)
    except Exception as error:
        return _failure(error)
    if isinstance(result, (bytes, bytearray)):  # Lambda returns bytes as they are
        return {"ok": True, "result": bytes(result).decode("utf-8", "replace")}
    return {"ok": True, "result": result}


def main() -> int:
    config = json.loads(sys.argv[1])
    requests, answers = config["requestFd"], config["answerFd"]
    for fd in (requests, answers):
        os.set_inheritable(fd, False)  # the handler's own subprocesses must not hold the protocol pipes
    faulthandler.enable()  # a crash leaves a Python traceback on stderr, for the caller to show
    sys.path[:0] = [config["package"], *config["extraPaths"]]
    _setup_logging()
    handler, failure = _load(config["handler"])
    if handler is None or failure is not None:
        failure = failure or {"ok": False, "errorType": "Runtime.HandlerNotFound", "errorMessage": config["handler"]}
        _log_error(failure)
        _send(answers, {"ready": False, **failure})
        return 1
    _send(answers, {"ready": True})
    while True:
        request = _receive(requests)
        if request is None:  # the parent closed the pipe: shut down
            return 0
        answer = _invoke(handler, request)
        if not answer["ok"]:
            _log_error(answer)
        _send(answers, answer)


if __name__ == "__main__":
    sys.exit(main())
