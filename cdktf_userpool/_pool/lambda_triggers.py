"""``LambdaTriggers``: the type of ``UserPool(lambda_triggers=...)``, one key per trigger.

A ``TypedDict`` lets a type checker give each value its trigger's event type, so an unannotated
``lambda event, context: ...`` in ``lambda_triggers={"pre_sign_up": ...}`` is checked against
``PreSignUpEvent``, and a key that names no trigger is reported. Each value type holds exactly one
``Callable`` (the ``(event, context)`` form): mypy infers a lambda's parameters only from a single
callable in a union, so the event-only form is a ``Protocol``. An event-only *lambda* therefore
cannot be inferred here (mypy reports "Cannot infer type of lambda"); write ``lambda event, _: ...``,
a ``def``, or use ``on_<trigger>``, which has an overload per form. The module imports nothing at
run time beyond the standard library.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeAlias, TypedDict, TypeVar, Union, overload

from typing_extensions import TypeVar as DefaultTypeVar

if TYPE_CHECKING:
    from .._functions.provider_function import ProviderFunction

    from .. import events as ev
    from .._functions.function import Function, ImportedFunction

__all__ = ["EventOnlyHandler", "LambdaTrigger", "LambdaTriggers"]

_E = TypeVar("_E")


class EventOnlyHandler(Protocol[_E]):
    """A handler that takes only the event (``def handler(event): ...``), sync or ``async``."""

    def __call__(self, event: _E, /) -> _E | Awaitable[_E]: ...


if TYPE_CHECKING:  # the aliases exist for the checker only; the TypedDict's annotations stay strings
    _Trigger: TypeAlias = Union[
        Callable[[_E, ev.LambdaContext], _E | Awaitable[_E]],
        EventOnlyHandler[_E],
        Function[_E],
        ImportedFunction,
        ProviderFunction,
        str,
    ]


_EventT = DefaultTypeVar("_EventT", default=Any)


@dataclass(frozen=True)
class LambdaTrigger(Generic[_EventT]):
    """A trigger function with an explicit ``lambda_version``, for ``lambda_triggers=``.

    ``UserPool(..., lambda_triggers={"pre_token_generation": LambdaTrigger(fn, "V2_0")})`` is the
    same as ``pool.on_pre_token_generation(fn, lambda_version="V2_0")``, and typed the same way: the
    version picks the event type a checker expects of ``fn``.

    :ivar function: the trigger function, in any form the ``on_*`` methods take.
    :ivar lambda_version: the event version. Default: the trigger's default (``"V1_0"``).
    """

    function: Any
    lambda_version: str | None = None

    if TYPE_CHECKING:

        @overload
        def __init__(
            self: LambdaTrigger[ev.PreTokenGenerationEvent],
            function: _Trigger[ev.PreTokenGenerationEvent],
            lambda_version: Literal["V1_0"] | None = None,
        ) -> None: ...
        @overload
        def __init__(
            self: LambdaTrigger[ev.PreTokenGenerationV2Event],
            function: _Trigger[ev.PreTokenGenerationV2Event],
            lambda_version: Literal["V2_0"],
        ) -> None: ...
        @overload
        def __init__(
            self: LambdaTrigger[ev.PreTokenGenerationV3Event],
            function: _Trigger[ev.PreTokenGenerationV3Event],
            lambda_version: Literal["V3_0"],
        ) -> None: ...
        @overload
        def __init__(
            self: LambdaTrigger[ev.CustomEmailSenderEvent],
            function: _Trigger[ev.CustomEmailSenderEvent],
            lambda_version: Literal["V1_0"] | None = None,
        ) -> None: ...
        @overload
        def __init__(
            self: LambdaTrigger[ev.CustomSMSSenderEvent],
            function: _Trigger[ev.CustomSMSSenderEvent],
            lambda_version: Literal["V1_0"] | None = None,
        ) -> None: ...
        def __init__(self, function: Any, lambda_version: str | None = None) -> None: ...


if TYPE_CHECKING:
    _PreTokenGeneration: TypeAlias = Union[
        _Trigger[ev.PreTokenGenerationEvent],
        LambdaTrigger[ev.PreTokenGenerationEvent],
        LambdaTrigger[ev.PreTokenGenerationV2Event],
        LambdaTrigger[ev.PreTokenGenerationV3Event],
    ]
    # a sender's only version is V1_0; LambdaTrigger[Any] also admits one typed by its first overload
    _Sender: TypeAlias = Union[_Trigger[_E], LambdaTrigger[Any]]


class LambdaTriggers(TypedDict, total=False):
    """Trigger functions by snake_case trigger name, for ``UserPool(lambda_triggers=...)``.

    Each value takes any form the ``on_<trigger>`` methods take: a Python callable, a ``Function``,
    ``Function.from_function_arn(...)``, a provider ``LambdaFunction``, ``LambdaAlias`` or
    ``DataAwsLambdaFunction``, or a Lambda ARN. Pre token generation and the custom senders also
    take a :class:`LambdaTrigger` to choose ``lambda_version``, whose function is checked against
    that version's event.
    """

    create_auth_challenge: _Trigger[ev.CreateAuthChallengeEvent]
    custom_email_sender: _Sender[ev.CustomEmailSenderEvent]
    custom_message: _Trigger[ev.CustomMessageEvent]
    custom_sms_sender: _Sender[ev.CustomSMSSenderEvent]
    define_auth_challenge: _Trigger[ev.DefineAuthChallengeEvent]
    post_authentication: _Trigger[ev.PostAuthenticationEvent]
    post_confirmation: _Trigger[ev.PostConfirmationEvent]
    pre_authentication: _Trigger[ev.PreAuthenticationEvent]
    pre_sign_up: _Trigger[ev.PreSignUpEvent]
    pre_token_generation: _PreTokenGeneration
    user_migration: _Trigger[ev.UserMigrationEvent]
    verify_auth_challenge_response: _Trigger[ev.VerifyAuthChallengeResponseEvent]
