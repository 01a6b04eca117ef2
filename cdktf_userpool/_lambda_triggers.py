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
from typing import TYPE_CHECKING, Protocol, TypeAlias, TypedDict, TypeVar, Union

if TYPE_CHECKING:
    from cdktf_cdktf_provider_aws.data_aws_lambda_function import DataAwsLambdaFunction
    from cdktf_cdktf_provider_aws.lambda_alias import LambdaAlias
    from cdktf_cdktf_provider_aws.lambda_function import LambdaFunction

    from . import events as ev
    from .function import Function, ImportedFunction
    from .user_pool import LambdaTrigger

__all__ = ["EventOnlyHandler", "LambdaTriggers"]

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
        LambdaFunction,
        LambdaAlias,
        DataAwsLambdaFunction,
        str,
    ]
    _VersionedTrigger: TypeAlias = Union[_Trigger[_E], LambdaTrigger]


class LambdaTriggers(TypedDict, total=False):
    """Trigger functions by snake_case trigger name, for ``UserPool(lambda_triggers=...)``.

    Each value takes any form the ``on_<trigger>`` methods take: a Python callable, a ``Function``,
    ``Function.from_function_arn(...)``, a provider ``LambdaFunction``, ``LambdaAlias`` or
    ``DataAwsLambdaFunction``, or a Lambda ARN. Pre token generation and the custom senders also
    take a :class:`LambdaTrigger` to choose ``lambda_version`` (its function is not checked against
    the version's event; ``pool.on_pre_token_generation(fn, lambda_version="V2_0")`` is).
    """

    create_auth_challenge: _Trigger[ev.CreateAuthChallengeEvent]
    custom_email_sender: _VersionedTrigger[ev.CustomEmailSenderEvent]
    custom_message: _Trigger[ev.CustomMessageEvent]
    custom_sms_sender: _VersionedTrigger[ev.CustomSMSSenderEvent]
    define_auth_challenge: _Trigger[ev.DefineAuthChallengeEvent]
    post_authentication: _Trigger[ev.PostAuthenticationEvent]
    post_confirmation: _Trigger[ev.PostConfirmationEvent]
    pre_authentication: _Trigger[ev.PreAuthenticationEvent]
    pre_sign_up: _Trigger[ev.PreSignUpEvent]
    pre_token_generation: _VersionedTrigger[ev.PreTokenGenerationEvent]
    user_migration: _Trigger[ev.UserMigrationEvent]
    verify_auth_challenge_response: _Trigger[ev.VerifyAuthChallengeResponseEvent]
