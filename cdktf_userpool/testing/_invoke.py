"""Run a trigger's packaged code locally, exactly as it will be deployed, and answer as Cognito would.

``invoke`` takes the archive ``cdktf deploy`` would upload for a trigger and runs it with the
library's package runner (``cdktf_userpool._runner``): an interpreter matching the function's
runtime, Lambda's environment variables and context, the function's timeout, and a warm worker
per package, as Lambda keeps a warm execution environment. It then answers as Cognito would: the
returned event, or a :class:`~cdktf_userpool.errors.TriggerInvocationError` carrying the message
the client would get, plus the handler's output and traceback. It is not an AWS emulator: AWS
calls reach no AWS (the handler gets no credentials of yours) unless you give it an endpoint.
"""

from __future__ import annotations

import os
import site
import weakref
from collections.abc import Mapping
from typing import Any

from .._runner import Invocation, lambda_runtime_path, run_package
from ..errors import NoLocalCodeError, TriggerInvocationError
from .._functions.function import ENTRY_POINT, Function
from .._pool.triggers import TRIGGERS, TriggerSpec, UserPoolOperation, resolve_operation
from .._pool.user_pool import UserPool

__all__ = ["Invocation", "invoke", "invoke_detailed"]

DEFAULT_REGION = "us-east-1"
_regions: weakref.WeakKeyDictionary[Function, str] = weakref.WeakKeyDictionary()


def invoke(
    target: UserPool | Function,
    trigger: UserPoolOperation | str,
    event: Mapping[str, Any],
    *,
    environment: Mapping[str, str] | None = None,
    allow_site_packages: bool = False,
    stubs: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    python: str | os.PathLike[str] | None = None,
    region: str | None = None,
    runtime_libraries: bool = True,
) -> dict[str, Any]:
    """Run the packaged code of ``trigger`` on ``event`` and return the event it answers with.

    The package runs in a Python matching the function's runtime (search order: ``python=``,
    ``$CDKTF_USERPOOL_PYTHON3_X``, ``$CDKTF_USERPOOL_PYTHON``, ``python3.X`` on ``PATH``, pyenv,
    uv, this interpreter), isolated (only the package, ``stubs``, the runtime's libraries and
    the standard library are importable), with Lambda's environment variables and context, on a
    warm worker that keeps module globals between calls with the same inputs.

    :param target: the pool whose trigger to run, or the ``Function`` itself.
    :param trigger: the trigger, as for ``UserPool.on`` (``"preSignUp"``, ``"pre_sign_up"`` or a
        ``UserPoolOperation``); it names the trigger in Cognito's error messages.
    :param event: the Cognito event, e.g. from ``cdktf_userpool.testing.events``.
    :param environment: environment variables for the run, on top of the function's own literal
        ones (values that are Terraform references are unknown offline: give them here).
        Default: none.
    :param allow_site_packages: also let the code import what is installed in this environment
        (its site-packages, after everything else; compiled modules there load only when the
        interpreter is this one's version). Default: ``False``.
    :param stubs: a folder of stand-in modules the code may import after its own package and
        before the runtime's libraries, such as a fake ``boto3`` that records calls. Default: none.
    :param timeout: an upper bound in seconds on the function's own timeout. Default: ``None``,
        the function's timeout.
    :param python: the Python executable to run the package with. Default: ``None``, searched.
    :param region: ``AWS_REGION`` for the run. Default: the region of the stack's ``AwsProvider``
        when it is a literal, else ``"us-east-1"``.
    :param runtime_libraries: make importable what Lambda's runtime provides (boto3, botocore,
        s3transfer, jmespath, python-dateutil, six, urllib3), in the versions installed in this
        environment. Default: ``True``, as in Lambda.
    :returns: the event the handler returned.
    :raises NoLocalCodeError: if the trigger's function was not packaged by this library (an ARN, a
        provider ``LambdaFunction``...): there is no local code to run.
    :raises TriggerInvocationError: if the handler raised, crashed or timed out (the message is
        Cognito's, e.g. ``"<Trigger> failed with error <message>."``) or returned something that
        is not an event; it carries the handler's ``stdout``, ``stderr`` and ``traceback``.
    :raises RuntimeMismatchError: if the package holds compiled code for another Python or
        architecture and no interpreter here can load it.
    """
    invocation = invoke_detailed(
        target, trigger, event, environment=environment, allow_site_packages=allow_site_packages, stubs=stubs,
        timeout=timeout, python=python, region=region, runtime_libraries=runtime_libraries,
    )
    result: dict[str, Any] = invocation.result
    return result


def invoke_detailed(
    target: UserPool | Function,
    trigger: UserPoolOperation | str,
    event: Mapping[str, Any],
    *,
    environment: Mapping[str, str] | None = None,
    allow_site_packages: bool = False,
    stubs: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    python: str | os.PathLike[str] | None = None,
    region: str | None = None,
    runtime_libraries: bool = True,
) -> Invocation:
    """Like :func:`invoke`, but return the whole :class:`Invocation` of a successful run.

    Its ``result`` is the event; ``stdout`` and ``stderr`` hold what the handler printed and
    logged, ``cold`` tells whether a new worker had to start, ``duration_ms`` how long the handler
    ran. Failures raise exactly as :func:`invoke` does. Parameters as for :func:`invoke`.
    """
    op = resolve_operation(trigger, argument="trigger")
    function = _function_of(target, op)
    variables = {k: v for k, v in function.environment.items() if not _is_reference(v)}
    variables.update(environment or {})
    extra: list[str] = []
    if stubs:
        extra.append(os.path.abspath(stubs))
    if runtime_libraries:
        extra.append(str(lambda_runtime_path()))
    if allow_site_packages:
        extra.extend(_site_packages())
    invocation = run_package(
        function.archive_path,
        dict(event),
        handler=ENTRY_POINT,
        runtime=function.runtime,
        architecture=function.architecture,
        function_name=function.function_name,
        memory_size=function.memory_size,
        timeout=function.timeout if timeout is None else min(float(function.timeout), timeout),
        environment=variables,
        region=region or _region_of(function),
        extra_paths=extra,
        interpreter=python,
        log_format=function.logging_config.get("log_format", "Text"),
        log_level=function.logging_config.get("application_log_level"),
    )
    _raise_for(TRIGGERS[op], invocation)
    return invocation


def _raise_for(spec: TriggerSpec, invocation: Invocation) -> None:
    """Raise what Cognito would answer for a failed invocation, or an output that is not an event."""
    stdout, stderr, traceback = invocation.stdout, invocation.stderr, invocation.traceback
    if invocation.ok and isinstance(invocation.result, dict):
        return
    if invocation.ok:
        raise TriggerInvocationError(
            "Unrecognizable lambda output",
            error_type="InvalidLambdaResponse",
            error_message=f"the handler returned {invocation.result!r}, not the event",
            cognito_exception="InvalidLambdaResponseException",
            stdout=stdout,
            stderr=stderr,
            traceback=traceback,
        )
    if invocation.timed_out:  # Cognito gives up (after its retries) whatever the function's own timeout
        raise TriggerInvocationError(
            f"{spec.api_name} invocation failed due to error Socket timeout while invoking Lambda function.",
            error_type=invocation.error_type or "Sandbox.Timedout",
            error_message=invocation.error_message or "",
            cognito_exception="UnexpectedLambdaException",
            stdout=stdout,
            stderr=stderr,
            traceback=traceback,
        )
    raise TriggerInvocationError(
        f"{spec.api_name} failed with error {invocation.error_message}.",
        error_type=invocation.error_type or "",
        error_message=invocation.error_message or "",
        cognito_exception="UserLambdaValidationException",
        stdout=stdout,
        stderr=stderr,
        traceback=traceback,
    )


def _site_packages() -> list[str]:
    paths = [p for p in site.getsitepackages() if os.path.isdir(p)]
    user = site.getusersitepackages() if site.ENABLE_USER_SITE else None
    if user and os.path.isdir(user):
        paths.append(user)
    return paths


def _region_of(function: Function) -> str:
    """The region of the default ``AwsProvider`` of ``function``'s stack, when it is a literal."""
    try:
        return _regions[function]
    except KeyError:
        pass
    from .._core.cdk import TerraformStack, Token
    from .._core.cdk import AwsProvider

    found = DEFAULT_REGION
    for child in TerraformStack.of(function).node.children:
        if isinstance(child, AwsProvider) and child.alias is None:
            region = child.region
            if isinstance(region, str) and region and not Token.is_unresolved(region):
                found = region
            break
    _regions[function] = found
    return found


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
