"""Invoking a pool's trigger as Cognito does, and answering as Cognito does when it fails.

The function is the one the pool's ``LambdaConfig`` names (an alias or version ARN included), run
through the emulator's Lambda routing (:func:`.._lambda.run`: the deployed zip, its environment,
its role's credentials, ``AWS_ENDPOINT_URL`` back to the emulator). Cognito may invoke it only if
its resource policy lets ``cognito-idp.amazonaws.com`` do so for this pool; it gets 5 seconds (or
its own timeout, if shorter), and is tried three times in all when it times out. Every attempt
goes to the pool's trace. Failures become Cognito's errors:

- the function raised (or crashed): ``UserLambdaValidationException`` ``"<Trigger> failed with error <message>."``;
- it answered something that is not its event: ``InvalidLambdaResponseException`` ``"Unrecognizable lambda output"``;
- it timed out, is missing, or may not be invoked: ``UnexpectedLambdaException``
  ``"<Trigger> invocation failed due to error <reason>."``.

Custom senders are asynchronous in Cognito: their failures are traced, never answered.
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Mapping
from typing import Any

from . import _state
from ._errors import lambda_response, lambda_unexpected, lambda_validation
from ._pools import Call

SYNCHRONOUS_SECONDS = 5.0
"""How long Cognito waits for a synchronous trigger; not configurable."""
ATTEMPTS = 3
"""Invocations in all before Cognito gives up on a trigger that times out."""
SENDERS = ("CustomEmailSender", "CustomSMSSender")
_PRINCIPAL = "cognito-idp.amazonaws.com"
_TIMEOUT_REASON = "Socket timeout while invoking Lambda function"

_BOOL = (bool, type(None))
_TEXT = (str, type(None))
_MAP = (dict, type(None))
_LIST = (list, type(None))
#: The response fields Cognito reads, per trigger, with the JSON types it accepts.
RESPONSE_FIELDS: Mapping[str, Mapping[str, tuple[type, ...]]] = {
    "PreSignUp": {"autoConfirmUser": _BOOL, "autoVerifyEmail": _BOOL, "autoVerifyPhone": _BOOL},
    "CustomMessage": {"smsMessage": _TEXT, "emailMessage": _TEXT, "emailSubject": _TEXT},
    "DefineAuthChallenge": {"challengeName": _TEXT, "issueTokens": _BOOL, "failAuthentication": _BOOL},
    "CreateAuthChallenge": {
        "publicChallengeParameters": _MAP, "privateChallengeParameters": _MAP, "challengeMetadata": _TEXT,
    },
    "VerifyAuthChallengeResponse": {"answerCorrect": _BOOL},
    "UserMigration": {
        "userAttributes": _MAP, "finalUserStatus": _TEXT, "messageAction": _TEXT,
        "desiredDeliveryMediums": _LIST, "forceAliasCreation": _BOOL, "enableSMSMFA": _BOOL,
    },
    "PreTokenGeneration": {"claimsOverrideDetails": _MAP, "claimsAndScopeOverrideDetails": _MAP},
}  # fmt: skip


def configured(pool: Any, trigger: str) -> tuple[str, str] | None:
    """The Lambda ARN and event version of ``trigger`` (``"PreSignUp"``...) on ``pool``, or ``None``."""
    config = pool.extended_config.get("LambdaConfig") or {}
    if trigger == "PreTokenGeneration":
        block = config.get("PreTokenGenerationConfig") or {}
        if block.get("LambdaArn"):
            return str(block["LambdaArn"]), str(block.get("LambdaVersion") or "V1_0")
        legacy = config.get("PreTokenGeneration")
        return (str(legacy), "V1_0") if legacy else None
    value = config.get(trigger)
    if isinstance(value, Mapping):
        return (str(value["LambdaArn"]), str(value.get("LambdaVersion") or "V1_0")) if value.get("LambdaArn") else None
    return (str(value), "V1_0") if value else None


def _function(arn: str) -> Any:
    from moto.awslambda.models import lambda_backends

    parts = arn.split(":")
    region, account = parts[3], parts[4]
    return lambda_backends[account][region].get_function(arn)


def _condition_holds(condition: Mapping[str, Any], context: Mapping[str, str]) -> bool:
    for operator, tests in condition.items():
        for key, wanted in tests.items():
            actual = context.get(key.lower())
            values = wanted if isinstance(wanted, list) else [wanted]
            if operator in ("ArnLike", "StringLike"):
                ok = actual is not None and any(fnmatch.fnmatchcase(actual, str(v)) for v in values)
            elif operator in ("ArnEquals", "StringEquals"):
                ok = actual in [str(v) for v in values]
            else:  # an operator this check does not know: do not grant on it
                ok = False
            if not ok:
                return False
    return True


def allowed(fn: Any, pool: Any) -> bool:
    """Whether ``fn``'s resource policy lets Cognito invoke it for ``pool`` (SourceArn, SourceAccount)."""
    statements = getattr(getattr(fn, "policy", None), "statements", None) or []
    context = {"aws:sourcearn": pool.arn, "aws:sourceaccount": pool.account_id}
    for statement in statements:
        principal = statement.get("Principal") or {}
        service = principal.get("Service") if isinstance(principal, Mapping) else principal
        services = service if isinstance(service, list) else [service]
        actions = statement.get("Action")
        actions = actions if isinstance(actions, list) else [actions]
        if (
            statement.get("Effect", "Allow") == "Allow"
            and (_PRINCIPAL in services or "*" in services)
            and any(a in ("lambda:InvokeFunction", "lambda:*", "*") for a in actions)
            and _condition_holds(statement.get("Condition") or {}, context)
        ):
            return True
    return False


def _shape_ok(trigger: str, result: Any) -> bool:
    if not isinstance(result, dict):
        return False
    if trigger in SENDERS:
        return True
    response = result.get("response")
    if response is None:
        return True
    if not isinstance(response, dict):
        return False
    for name, types in RESPONSE_FIELDS.get(trigger, {}).items():
        if name in response and not isinstance(response[name], types):
            return False
    return True


def _trace(call: Call, trigger: str, arn: str, event: Any, **outcome: Any) -> None:
    entry = {"triggerSource": event.get("triggerSource"), "trigger": trigger, "functionArn": arn, "event": event,
             "response": None, "error": None, **outcome}
    _state.record(call.pool_id, "trace", entry)


def invoke(call: Call, trigger: str, event: dict[str, Any]) -> dict[str, Any] | None:
    """Run ``trigger`` of the call's pool on ``event``; its answer (the event), or ``None`` if not configured.

    :raises: Cognito's error for a failed synchronous trigger (see the module docstring); a failed
        custom sender is only traced.
    """
    found = configured(call.pool, trigger)
    if found is None:
        return None
    arn, _ = found
    if trigger not in SENDERS:
        return _invoke(call, trigger, arn, event, True)
    try:
        return _invoke(call, trigger, arn, event, False)
    except Exception:  # asynchronous in Cognito: the caller never hears of it; the trace has it
        return None


def _invoke(call: Call, trigger: str, arn: str, event: dict[str, Any], synchronous: bool) -> dict[str, Any] | None:
    from .. import _lambda

    try:
        fn = _function(arn)
    except Exception:
        _trace(call, trigger, arn, event, error={"exception": "UnexpectedLambdaException", "reason": "ResourceNotFoundException"})
        raise lambda_unexpected(trigger, "ResourceNotFoundException") from None
    if not allowed(fn, call.pool):
        _trace(call, trigger, arn, event, error={"exception": "UnexpectedLambdaException", "reason": "AccessDeniedException"})
        raise lambda_unexpected(trigger, "AccessDeniedException")
    attempts = ATTEMPTS if synchronous else 1
    for attempt in range(1, attempts + 1):
        started = time.monotonic()
        try:
            invocation = _lambda.run(fn, event, timeout=SYNCHRONOUS_SECONDS if synchronous else None)
        except Exception as crash:  # the runner could not start it: Lambda's init error
            _trace(call, trigger, arn, event, attempt=attempt,
                   error={"exception": "UserLambdaValidationException", "errorType": type(crash).__name__,
                          "errorMessage": str(crash)})
            raise lambda_validation(trigger, f"{type(crash).__name__}: {crash}") from crash
        _lambda._save_logs(fn, (invocation.stdout or "") + (invocation.stderr or ""))
        timing = {"attempt": attempt, "durationMs": round((time.monotonic() - started) * 1000, 3), "cold": invocation.cold}
        if invocation.timed_out:
            _trace(call, trigger, arn, event, **timing,
                   error={"exception": "UnexpectedLambdaException", "errorType": invocation.error_type,
                          "errorMessage": invocation.error_message, "reason": _TIMEOUT_REASON})
            continue
        if not invocation.ok:
            _trace(call, trigger, arn, event, **timing,
                   error={"exception": "UserLambdaValidationException", "errorType": invocation.error_type,
                          "errorMessage": invocation.error_message, "traceback": invocation.traceback})
            raise lambda_validation(trigger, invocation.error_message)
        if synchronous and not _shape_ok(trigger, invocation.result):
            _trace(call, trigger, arn, event, **timing, response=invocation.result,
                   error={"exception": "InvalidLambdaResponseException", "errorMessage": "Unrecognizable lambda output"})
            raise lambda_response()
        _trace(call, trigger, arn, event, **timing, response=invocation.result)
        result = invocation.result
        return result if isinstance(result, dict) else None
    raise lambda_unexpected(trigger, _TIMEOUT_REASON)


def response_of(answer: dict[str, Any] | None) -> dict[str, Any]:
    """The ``response`` object of a trigger's answer (``{}`` when absent or ``null``)."""
    if not answer:
        return {}
    response = answer.get("response")
    return response if isinstance(response, dict) else {}
