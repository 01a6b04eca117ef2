"""Every exception and warning class this library raises.

All errors derive from :class:`UserPoolError`, so ``except UserPoolError`` catches anything the
library refuses. Bad values are :class:`ConfigurationError` (a ``ValueError``); values of the wrong
kind are :class:`ArgumentTypeError` (a ``TypeError``). Each error carries structured fields as well
as a message that says what is wrong, where, and how to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "ArgumentTypeError",
    "CaptureError",
    "ConfigurationError",
    "ImportedPoolError",
    "NoLocalCodeError",
    "PackagingError",
    "TriggerInvocationError",
    "TriggerConflictError",
    "TriggerCycleError",
    "UnknownTriggerError",
    "UserPoolError",
    "UserPoolWarning",
]


class UserPoolError(Exception):
    """Base class for every error this library raises."""


class ConfigurationError(UserPoolError, ValueError):
    """A value is not acceptable.

    :ivar construct_path: path of the construct being configured, or ``None``.
    :ivar argument: name of the argument that holds the bad value, or ``None``.
    :ivar value: the value that was refused.
    :ivar choices: the valid choices, when there is a closed set of them (else empty).
    """

    def __init__(
        self,
        message: str,
        *,
        construct_path: str | None = None,
        argument: str | None = None,
        value: Any = None,
        choices: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.construct_path = construct_path
        self.argument = argument
        self.value = value
        self.choices = tuple(choices)


class UnknownTriggerError(ConfigurationError):
    """A trigger name is not one of the twelve Cognito triggers.

    :ivar suggestion: the closest valid name, or ``None`` when nothing is close.
    """

    def __init__(self, message: str, *, suggestion: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.suggestion = suggestion


class TriggerConflictError(ConfigurationError):
    """A trigger already has a function.

    :ivar operation: the :class:`~cdktf_userpool.UserPoolOperation` in conflict.
    :ivar existing: a description of the function already attached.
    """

    def __init__(self, message: str, *, operation: Any, existing: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.operation = operation
        self.existing = existing


class TriggerCycleError(ConfigurationError):
    """A trigger function refers back to its own pool, a dependency cycle Terraform refuses.

    :ivar cycle: the Terraform addresses from the function back to the pool.
    """

    def __init__(self, message: str, *, cycle: Sequence[str], **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.cycle = tuple(cycle)


class ImportedPoolError(ConfigurationError):
    """A change was asked of a pool this stack only reads (imported by ID or ARN)."""


class ArgumentTypeError(UserPoolError, TypeError):
    """An argument is of the wrong kind (for example a trigger target that is not a function).

    :ivar argument: name of the argument.
    :ivar value: the value that was refused.
    :ivar expected: the kinds that are accepted.
    """

    def __init__(self, message: str, *, argument: str, value: Any, expected: Sequence[str]) -> None:
        super().__init__(message)
        self.argument = argument
        self.value = value
        self.expected = tuple(expected)


class PackagingError(UserPoolError):
    """A Python function could not be turned into a Lambda package."""


class CaptureError(PackagingError):
    """A function reads a value that cannot be shipped to Lambda.

    :ivar name: the variable the function reads.
    :ivar filename: the file that uses it (relative when possible).
    :ivar lineno: the line that uses it.
    :ivar reason: why it cannot be shipped, and how to fix it.
    """

    def __init__(self, message: str, *, name: str, filename: str, lineno: int, reason: str) -> None:
        super().__init__(message)
        self.name = name
        self.filename = filename
        self.lineno = lineno
        self.reason = reason


class NoLocalCodeError(UserPoolError):
    """A trigger's function was not packaged by this library, so there is no code to run locally."""


class TriggerInvocationError(UserPoolError):
    """A trigger's packaged code failed when run locally; the message is what Cognito would return.

    :ivar error_type: the exception's class name (Lambda's ``errorType``).
    :ivar error_message: the exception's message (Lambda's ``errorMessage``).
    :ivar cognito_exception: the exception Cognito would raise to the client, e.g.
        ``"UserLambdaValidationException"``.
    """

    def __init__(self, message: str, *, error_type: str, error_message: str, cognito_exception: str) -> None:
        super().__init__(message)
        self.error_type = error_type
        self.error_message = error_message
        self.cognito_exception = cognito_exception


class UserPoolWarning(UserWarning):
    """Something works but is probably not what you want (for example a long trigger timeout)."""
