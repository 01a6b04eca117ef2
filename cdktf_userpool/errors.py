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
    "BackendError",
    "BackendMismatchError",
    "CaptureError",
    "ConfigurationError",
    "DependencyError",
    "ImportedPoolError",
    "LocalDeployError",
    "LocalToolError",
    "ManagedLoginError",
    "NoLocalCodeError",
    "PackagingError",
    "RuntimeMismatchError",
    "RuntimeMismatchWarning",
    "SnapshotError",
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


class BackendError(ConfigurationError):
    """The framework backend (cdktf or cdktn) cannot be chosen: none, both, or a bad ``$CDKTF_USERPOOL_BACKEND``."""


class BackendMismatchError(ArgumentTypeError):
    """A construct built with one framework backend was given to the library running on the other."""


class PackagingError(UserPoolError):
    """A Python function could not be turned into a Lambda package."""


class DependencyError(PackagingError):
    """A third-party requirement could not be pinned or installed for Lambda.

    :ivar requirement: the requirement at fault, as given or as pinned (``"six==9.9"``).
    :ivar available: versions the package index offers, newest first (empty when not asked).
    """

    def __init__(self, message: str, *, requirement: str, available: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.requirement = requirement
        self.available = tuple(available)


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
    :ivar stdout: what the handler printed during the failed invocation (Lambda's log lines,
        including its root logger's). Default: ``""``.
    :ivar stderr: what it wrote to standard error, or the crash report of a runtime that died.
        Default: ``""``.
    :ivar traceback: the formatted traceback of the handler's exception, or ``None`` (a timeout, a
        crash, an output that is not an event). Default: ``None``.

    The message stays Cognito's; the traceback and the output are attached as exception notes
    (PEP 678), so pytest prints them under a failing test.
    """

    def __init__(
        self,
        message: str,
        *,
        error_type: str,
        error_message: str,
        cognito_exception: str,
        stdout: str = "",
        stderr: str = "",
        traceback: str | None = None,
    ) -> None:
        super().__init__(message)
        self.error_type = error_type
        self.error_message = error_message
        self.cognito_exception = cognito_exception
        self.stdout = stdout
        self.stderr = stderr
        self.traceback = traceback
        for title, text in (("traceback", traceback), ("stdout", stdout), ("stderr", stderr)):
            if text:
                self.add_note(f"--- handler {title} ---\n{_tail(text).rstrip()}")


def _tail(text: str, limit: int = 8000) -> str:
    return text if len(text) <= limit else f"[... {len(text) - limit} characters before]\n{text[-limit:]}"


class RuntimeMismatchError(UserPoolError):
    """A package holds native code that no interpreter on this machine can load.

    :ivar runtime: the function's runtime, e.g. ``"python3.13"``.
    :ivar architecture: the function's architecture, ``"arm64"`` or ``"x86_64"``.
    :ivar interpreter: the closest interpreter found (its path), or ``None``.
    :ivar native_files: the package's files that need a matching interpreter (extensions and
        wheel tags), relative to the package.
    """

    def __init__(
        self,
        message: str,
        *,
        runtime: str,
        architecture: str,
        interpreter: str | None,
        native_files: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.runtime = runtime
        self.architecture = architecture
        self.interpreter = interpreter
        self.native_files = tuple(native_files)


class LocalDeployError(UserPoolError):
    """Deploying a synthesized stack to the local emulator failed (:mod:`cdktf_userpool.local`).

    :ivar stack: the stack being deployed, or ``None``.
    :ivar command: the Terraform command that failed (``"apply"``, ``"plan"``, ...), or ``None``.
    :ivar address: the resource address Terraform named in its error, or ``None``.
    :ivar api: the AWS API the emulator could not serve (``"cognito-identity:SetIdentityPoolRoles"``), or ``None``.
    :ivar provider_message: the provider's error text, or ``""``.
    :ivar log: Terraform's output (and, for the emulator, its own log), for the full story.
    """

    def __init__(
        self,
        message: str,
        *,
        stack: str | None = None,
        command: str | None = None,
        address: str | None = None,
        api: str | None = None,
        provider_message: str = "",
        log: str = "",
    ) -> None:
        super().__init__(message)
        self.stack = stack
        self.command = command
        self.address = address
        self.api = api
        self.provider_message = provider_message
        self.log = log


class ManagedLoginError(UserPoolError):
    """Managed login on a local pool did not get where a :class:`~cdktf_userpool.local.ManagedLogin` asked:
    the form refused (its message is in this error), or the domain sent the app an error."""


class LocalToolError(LocalDeployError):
    """A tool the local deploy needs is missing: Terraform, the AWS provider, or the emulator (moto).

    :ivar tool: what is missing: ``"terraform"``, ``"hashicorp/aws"`` or ``"moto"``.
    :ivar fix: what to install or set, in one sentence.
    """

    def __init__(self, message: str, *, tool: str, fix: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.tool = tool
        self.fix = fix


class SnapshotError(UserPoolError, ValueError):
    """A stack could not be snapshotted (:func:`cdktf_userpool.testing.snapshot`): it has no user pool, it
    does not synthesize, or a function's package is missing or not what the stack says.

    :ivar stack: the stack's name.
    :ivar construct_path: the construct at fault (the stack's path when it is the stack itself).
    """

    def __init__(self, message: str, *, stack: str, construct_path: str) -> None:
        super().__init__(message)
        self.stack = stack
        self.construct_path = construct_path


class UserPoolWarning(UserWarning):
    """Something works but is probably not what you want (for example a long trigger timeout)."""


class RuntimeMismatchWarning(RuntimeWarning):
    """A pure-Python package runs locally on another Python version or architecture than Lambda's.

    Not a :class:`UserPoolWarning`: the run is still meaningful, so test suites that turn library
    warnings into errors keep running it.
    """
