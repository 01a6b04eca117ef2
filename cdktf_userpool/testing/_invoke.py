"""Run a trigger's packaged code locally, exactly as it will be deployed.

``invoke`` takes the archive ``cdktf deploy`` would upload for a trigger, unpacks it into an empty
folder and calls its entry point in a fresh, isolated interpreter (``python -I -S``: only the
package is importable, as in Lambda), then answers as Cognito would: the returned event, or a
:class:`~cdktf_userpool.errors.TriggerInvocationError` carrying the message the client would get.
It is not a Lambda emulator: the interpreter is this machine's, and AWS calls are not faked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Mapping
from typing import Any

from ..errors import NoLocalCodeError, TriggerInvocationError
from ..function import ENTRY_POINT, Function
from ..triggers import TRIGGERS, UserPoolOperation, resolve_operation
from ..user_pool import UserPool

__all__ = ["invoke"]

_RUNNER = """
import json, sys, time, traceback
sys.path.insert(0, sys.argv[1])
if sys.argv[6]:
    sys.path.append(sys.argv[6])  # stand-ins (a fake boto3) come after the package, as Lambda's own would
module_name, _, attribute = sys.argv[2].rpartition(".")

class Context:
    function_name = sys.argv[3]
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:" + sys.argv[3]
    memory_limit_in_mb = sys.argv[4]
    aws_request_id = "00000000-0000-0000-0000-000000000000"
    log_group_name = "/aws/lambda/" + sys.argv[3]
    log_stream_name = "local"
    _deadline = time.monotonic() + float(sys.argv[5])
    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.monotonic()) * 1000))

event = json.loads(sys.stdin.read())
try:
    handler = getattr(__import__(module_name), attribute)
    result = handler(event, Context())
    output = {"ok": True, "result": result}
except Exception as error:
    traceback.print_exc()
    output = {"ok": False, "errorType": type(error).__name__, "errorMessage": str(error)}
sys.stdout.write("\\n" + json.dumps(output, default=repr))
"""


def invoke(
    target: UserPool | Function,
    trigger: UserPoolOperation | str,
    event: Mapping[str, Any],
    *,
    environment: Mapping[str, str] | None = None,
    allow_site_packages: bool = False,
    stubs: str | os.PathLike[str] | None = None,
    timeout: float = 30.0,
) -> dict[str, Any]:
    """Run the packaged code of ``trigger`` on ``event`` and return the event it answers with.

    :param target: the pool whose trigger to run, or the ``Function`` itself.
    :param trigger: the trigger, as for ``UserPool.on`` (``"preSignUp"``, ``"pre_sign_up"`` or a
        ``UserPoolOperation``); it names the trigger in Cognito's error messages.
    :param event: the Cognito event, e.g. from ``cdktf_userpool.testing.events``.
    :param environment: environment variables for the run, on top of the function's own literal
        ones (values that are Terraform references are unknown offline: give them here).
        Default: none.
    :param allow_site_packages: let the code import what is installed in this interpreter (such
        as ``boto3``, which Lambda provides). Default: ``False``, only the package is importable.
    :param stubs: a folder of stand-in modules the code may import after its own package, such as a
        fake ``boto3`` that records calls instead of reaching AWS. Default: none.
    :param timeout: seconds before the run is stopped. Default: ``30``.
    :returns: the event the handler returned.
    :raises NoLocalCodeError: if the trigger's function was not packaged by this library (an ARN, a
        provider ``LambdaFunction``...): there is no local code to run.
    :raises TriggerInvocationError: if the handler raised (the message is Cognito's
        ``"<Trigger> failed with error <message>."``) or returned something that is not an event.
    """
    op = resolve_operation(trigger, argument="trigger")
    function = _function_of(target, op)
    spec = TRIGGERS[op]
    variables = {k: v for k, v in function.environment.items() if not _is_reference(v)}
    variables.update(environment or {})
    with tempfile.TemporaryDirectory(prefix="cdktf-userpool-invoke-") as folder:
        with zipfile.ZipFile(function.archive_path) as archive:
            archive.extractall(folder)
        flags = ["-I"] if allow_site_packages else ["-I", "-S"]
        env = {"PATH": os.environ.get("PATH", ""), "AWS_LAMBDA_FUNCTION_NAME": function.function_name, **variables}
        command = [sys.executable, *flags, "-c", _RUNNER, folder, ENTRY_POINT, function.function_name,
                   str(function.memory_size), str(function.timeout), os.fspath(os.path.abspath(stubs)) if stubs else ""]
        try:
            done = subprocess.run(
                command, input=json.dumps(event), capture_output=True, text=True, env=env, cwd=folder, timeout=timeout
            )
        except subprocess.TimeoutExpired as exc:
            raise TriggerInvocationError(
                f"{spec.api_name} invocation failed due to error Socket timeout while invoking Lambda function.",
                error_type="Timeout",
                error_message=f"no answer within {timeout} s",
                cognito_exception="UnexpectedLambdaException",
            ) from exc
    output = json.loads(done.stdout.rsplit("\n", 1)[-1]) if done.stdout.strip() else None
    if output is None:
        raise TriggerInvocationError(
            f"{spec.api_name} invocation failed: the runtime exited with status {done.returncode}: "
            f"{done.stderr.strip()[-500:]}",
            error_type="Runtime.ExitError",
            error_message=done.stderr.strip()[-500:],
            cognito_exception="UnexpectedLambdaException",
        )
    if not output["ok"]:
        message = output["errorMessage"]
        raise TriggerInvocationError(
            f"{spec.api_name} failed with error {message}.",
            error_type=output["errorType"],
            error_message=message,
            cognito_exception="UserLambdaValidationException",
        )
    result = output["result"]
    if not isinstance(result, dict):
        raise TriggerInvocationError(
            "Unrecognizable lambda output",
            error_type="InvalidLambdaResponse",
            error_message=f"the handler returned {result!r}, not the event",
            cognito_exception="InvalidLambdaResponseException",
        )
    return result


def _function_of(target: UserPool | Function, op: UserPoolOperation) -> Function:
    if isinstance(target, Function):
        return target
    if not isinstance(target, UserPool):
        raise TypeError(f"invoke() takes a UserPool or a Function, not {type(target).__name__}")
    attached = target.trigger_function(op)
    if attached is None:
        given = target.triggers.get(op)
        if given is None:
            raise NoLocalCodeError(
                f"UserPool {target.node.path!r} has no {op.spec.docs_name} trigger. Attach one first."
            )
        raise NoLocalCodeError(
            f"{op.spec.docs_name} on UserPool {target.node.path!r} runs {given!r}, which this library did not "
            "package, so there is no local code to run. Test that function where its code lives."
        )
    return attached


def _is_reference(value: str) -> bool:
    return "${" in value

