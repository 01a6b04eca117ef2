"""Cognito's error answers, as the AWS SDKs parse them (``__type`` and ``message`` in a JSON body)."""

from __future__ import annotations

from typing import Any


def cognito_error(code: str, message: str) -> Exception:
    """A Cognito error (HTTP 400) with AWS's ``code`` (``UserLambdaValidationException``...) and ``message``."""
    from moto.core.exceptions import JsonRESTError

    return JsonRESTError(code, message)


def invalid_parameter(message: str) -> Exception:
    return cognito_error("InvalidParameterException", message)


def not_authorized(message: str = "Incorrect username or password.") -> Exception:
    return cognito_error("NotAuthorizedException", message)


def user_not_found(message: str = "User does not exist.") -> Exception:
    return cognito_error("UserNotFoundException", message)


def code_mismatch() -> Exception:
    return cognito_error("CodeMismatchException", "Invalid verification code provided, please try again.")


def expired_code() -> Exception:
    return cognito_error("ExpiredCodeException", "Invalid code provided, please request a code again.")


def lambda_validation(trigger: str, message: Any) -> Exception:
    """What a client gets when a trigger raised: ``<Trigger> failed with error <message>.``."""
    return cognito_error("UserLambdaValidationException", f"{trigger} failed with error {message}.")


def lambda_unexpected(trigger: str, reason: str) -> Exception:
    """What a client gets when Cognito could not invoke a trigger (denied, missing, timed out)."""
    return cognito_error("UnexpectedLambdaException", f"{trigger} invocation failed due to error {reason}.")


def lambda_response() -> Exception:
    """What a client gets when a trigger answered something that is not its event."""
    return cognito_error("InvalidLambdaResponseException", "Unrecognizable lambda output")
