"""The twelve ``on_<trigger>`` methods of ``UserPool``, one per Cognito trigger.

Each method funnels into ``UserPool._attach``; this module only gives every trigger its own typed,
documented entry point. The overloads let a type checker infer the event type of an unannotated
inline handler (``pool.on_pre_sign_up(lambda event, context: ...)``) and refuse a handler written
for another trigger; at runtime every method accepts the same forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union, overload

from .triggers import UserPoolOperation, resolve_operation

if TYPE_CHECKING:
    from .._functions.provider_function import ProviderFunction

    from .. import events as ev
    from .._functions.function import Function, ImportedFunction

    FunctionTarget = Union[ImportedFunction, ProviderFunction, str]
    """The trigger function forms whose code the checker cannot see (``Function`` has overloads of its own)."""

_DECORATE: Any = type("_Decorate", (), {"__repr__": lambda self: "<decorator form>"})()
"""The default of ``fn``: called without a function, an ``on_<trigger>`` method returns a decorator."""
T = TypeVar("T", bound="FunctionTarget")
F = TypeVar("F")
# the decorator form (``@pool.on_pre_sign_up()``) takes a Python handler of the trigger's event type
_CreateAuthChallengeFn = TypeVar("_CreateAuthChallengeFn", bound="ev.CreateAuthChallengeHandler | ev.CreateAuthChallengeEventHandler")
_CustomMessageFn = TypeVar("_CustomMessageFn", bound="ev.CustomMessageHandler | ev.CustomMessageEventHandler")
_DefineAuthChallengeFn = TypeVar("_DefineAuthChallengeFn", bound="ev.DefineAuthChallengeHandler | ev.DefineAuthChallengeEventHandler")
_PostAuthenticationFn = TypeVar("_PostAuthenticationFn", bound="ev.PostAuthenticationHandler | ev.PostAuthenticationEventHandler")
_PostConfirmationFn = TypeVar("_PostConfirmationFn", bound="ev.PostConfirmationHandler | ev.PostConfirmationEventHandler")
_PreAuthenticationFn = TypeVar("_PreAuthenticationFn", bound="ev.PreAuthenticationHandler | ev.PreAuthenticationEventHandler")
_PreSignUpFn = TypeVar("_PreSignUpFn", bound="ev.PreSignUpHandler | ev.PreSignUpEventHandler")
_UserMigrationFn = TypeVar("_UserMigrationFn", bound="ev.UserMigrationHandler | ev.UserMigrationEventHandler")
_VerifyAuthChallengeResponseFn = TypeVar("_VerifyAuthChallengeResponseFn", bound="ev.VerifyAuthChallengeResponseHandler | ev.VerifyAuthChallengeResponseEventHandler")
_CustomEmailSenderFn = TypeVar("_CustomEmailSenderFn", bound="ev.CustomEmailSenderHandler | ev.CustomEmailSenderEventHandler")
_CustomSMSSenderFn = TypeVar("_CustomSMSSenderFn", bound="ev.CustomSMSSenderHandler | ev.CustomSMSSenderEventHandler")
_PreTokenGenerationFn = TypeVar("_PreTokenGenerationFn", bound="ev.PreTokenGenerationHandler | ev.PreTokenGenerationEventHandler")
_PreTokenGenerationV2Fn = TypeVar("_PreTokenGenerationV2Fn", bound="ev.PreTokenGenerationV2Handler | ev.PreTokenGenerationV2EventHandler")
_PreTokenGenerationV3Fn = TypeVar("_PreTokenGenerationV3Fn", bound="ev.PreTokenGenerationV3Handler | ev.PreTokenGenerationV3EventHandler")


class TriggerMethods:
    """Mixin holding the ``on_<trigger>`` methods; ``UserPool`` supplies ``_attach``."""

    if TYPE_CHECKING:

        def _attach(self, op: UserPoolOperation, fn: Any, lambda_version: str | None, *, argument: str) -> Any: ...

        _path: str

        def _on(self, operation: UserPoolOperation | str, fn: Any, lambda_version: str | None) -> Any: ...

        def _check_version(self, op: UserPoolOperation, lambda_version: str | None) -> str | None: ...

    def _attach_or_decorate(self, op: UserPoolOperation, fn: Any, lambda_version: str | None, argument: str) -> Any:
        """Attach ``fn``; without it, check what can be checked now and return a decorator that attaches."""
        if fn is not _DECORATE:  # an explicit None is refused as not a function, like any other value
            return self._attach(op, fn, lambda_version, argument=argument)
        self._check_version(op, lambda_version)  # fail at the call, not at decoration

        def decorator(function: F) -> F:
            self._attach(op, function, lambda_version, argument=argument)
            return function

        return decorator

    @overload
    def on_create_auth_challenge(self, fn: ev.CreateAuthChallengeHandler) -> ev.CreateAuthChallengeHandler: ...
    @overload
    def on_create_auth_challenge(self, fn: ev.CreateAuthChallengeEventHandler) -> ev.CreateAuthChallengeEventHandler: ...
    @overload
    def on_create_auth_challenge(self, fn: Function[ev.CreateAuthChallengeEvent]) -> Function[ev.CreateAuthChallengeEvent]: ...
    @overload
    def on_create_auth_challenge(self, fn: T) -> T: ...
    @overload
    def on_create_auth_challenge(self) -> Callable[[_CreateAuthChallengeFn], _CreateAuthChallengeFn]: ...
    def on_create_auth_challenge(self, fn: Any = _DECORATE) -> Any:
        """Run ``fn`` to create a custom authentication challenge (custom auth flow).

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_create_auth_challenge()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.CREATE_AUTH_CHALLENGE, fn, None, "on_create_auth_challenge()")

    @overload
    def on_custom_message(self, fn: ev.CustomMessageHandler) -> ev.CustomMessageHandler: ...
    @overload
    def on_custom_message(self, fn: ev.CustomMessageEventHandler) -> ev.CustomMessageEventHandler: ...
    @overload
    def on_custom_message(self, fn: Function[ev.CustomMessageEvent]) -> Function[ev.CustomMessageEvent]: ...
    @overload
    def on_custom_message(self, fn: T) -> T: ...
    @overload
    def on_custom_message(self) -> Callable[[_CustomMessageFn], _CustomMessageFn]: ...
    def on_custom_message(self, fn: Any = _DECORATE) -> Any:
        """Run ``fn`` to customize the email and SMS messages Cognito sends.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_custom_message()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.CUSTOM_MESSAGE, fn, None, "on_custom_message()")

    @overload
    def on_define_auth_challenge(self, fn: ev.DefineAuthChallengeHandler) -> ev.DefineAuthChallengeHandler: ...
    @overload
    def on_define_auth_challenge(self, fn: ev.DefineAuthChallengeEventHandler) -> ev.DefineAuthChallengeEventHandler: ...
    @overload
    def on_define_auth_challenge(self, fn: Function[ev.DefineAuthChallengeEvent]) -> Function[ev.DefineAuthChallengeEvent]: ...
    @overload
    def on_define_auth_challenge(self, fn: T) -> T: ...
    @overload
    def on_define_auth_challenge(self) -> Callable[[_DefineAuthChallengeFn], _DefineAuthChallengeFn]: ...
    def on_define_auth_challenge(self, fn: Any = _DECORATE) -> Any:
        """Run ``fn`` to decide the next challenge of the custom auth flow.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_define_auth_challenge()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.DEFINE_AUTH_CHALLENGE, fn, None, "on_define_auth_challenge()")

    @overload
    def on_post_authentication(self, fn: ev.PostAuthenticationHandler) -> ev.PostAuthenticationHandler: ...
    @overload
    def on_post_authentication(self, fn: ev.PostAuthenticationEventHandler) -> ev.PostAuthenticationEventHandler: ...
    @overload
    def on_post_authentication(self, fn: Function[ev.PostAuthenticationEvent]) -> Function[ev.PostAuthenticationEvent]: ...
    @overload
    def on_post_authentication(self, fn: T) -> T: ...
    @overload
    def on_post_authentication(self) -> Callable[[_PostAuthenticationFn], _PostAuthenticationFn]: ...
    def on_post_authentication(self, fn: Any = _DECORATE) -> Any:
        """Run ``fn`` after a user signs in.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_post_authentication()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.POST_AUTHENTICATION, fn, None, "on_post_authentication()")

    @overload
    def on_post_confirmation(self, fn: ev.PostConfirmationHandler) -> ev.PostConfirmationHandler: ...
    @overload
    def on_post_confirmation(self, fn: ev.PostConfirmationEventHandler) -> ev.PostConfirmationEventHandler: ...
    @overload
    def on_post_confirmation(self, fn: Function[ev.PostConfirmationEvent]) -> Function[ev.PostConfirmationEvent]: ...
    @overload
    def on_post_confirmation(self, fn: T) -> T: ...
    @overload
    def on_post_confirmation(self) -> Callable[[_PostConfirmationFn], _PostConfirmationFn]: ...
    def on_post_confirmation(self, fn: Any = _DECORATE) -> Any:
        """Run ``fn`` after a user is confirmed.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_post_confirmation()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.POST_CONFIRMATION, fn, None, "on_post_confirmation()")

    @overload
    def on_pre_authentication(self, fn: ev.PreAuthenticationHandler) -> ev.PreAuthenticationHandler: ...
    @overload
    def on_pre_authentication(self, fn: ev.PreAuthenticationEventHandler) -> ev.PreAuthenticationEventHandler: ...
    @overload
    def on_pre_authentication(self, fn: Function[ev.PreAuthenticationEvent]) -> Function[ev.PreAuthenticationEvent]: ...
    @overload
    def on_pre_authentication(self, fn: T) -> T: ...
    @overload
    def on_pre_authentication(self) -> Callable[[_PreAuthenticationFn], _PreAuthenticationFn]: ...
    def on_pre_authentication(self, fn: Any = _DECORATE) -> Any:
        """Run ``fn`` before a user signs in; it can deny the sign-in.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_pre_authentication()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.PRE_AUTHENTICATION, fn, None, "on_pre_authentication()")

    @overload
    def on_pre_sign_up(self, fn: ev.PreSignUpHandler) -> ev.PreSignUpHandler: ...
    @overload
    def on_pre_sign_up(self, fn: ev.PreSignUpEventHandler) -> ev.PreSignUpEventHandler: ...
    @overload
    def on_pre_sign_up(self, fn: Function[ev.PreSignUpEvent]) -> Function[ev.PreSignUpEvent]: ...
    @overload
    def on_pre_sign_up(self, fn: T) -> T: ...
    @overload
    def on_pre_sign_up(self) -> Callable[[_PreSignUpFn], _PreSignUpFn]: ...
    def on_pre_sign_up(self, fn: Any = _DECORATE) -> Any:
        """Run ``fn`` before Cognito signs up a user; it can reject, confirm or verify.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_pre_sign_up()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.PRE_SIGN_UP, fn, None, "on_pre_sign_up()")

    @overload
    def on_pre_token_generation(
        self, fn: ev.PreTokenGenerationHandler, *, lambda_version: Literal["V1_0"] = ...
    ) -> ev.PreTokenGenerationHandler: ...
    @overload
    def on_pre_token_generation(
        self, fn: ev.PreTokenGenerationEventHandler, *, lambda_version: Literal["V1_0"] = ...
    ) -> ev.PreTokenGenerationEventHandler: ...
    @overload
    def on_pre_token_generation(
        self, fn: Function[ev.PreTokenGenerationEvent], *, lambda_version: Literal["V1_0"] = ...
    ) -> Function[ev.PreTokenGenerationEvent]: ...
    @overload
    def on_pre_token_generation(
        self, fn: ev.PreTokenGenerationV2Handler, *, lambda_version: Literal["V2_0"]
    ) -> ev.PreTokenGenerationV2Handler: ...
    @overload
    def on_pre_token_generation(
        self, fn: ev.PreTokenGenerationV2EventHandler, *, lambda_version: Literal["V2_0"]
    ) -> ev.PreTokenGenerationV2EventHandler: ...
    @overload
    def on_pre_token_generation(
        self, fn: Function[ev.PreTokenGenerationV2Event], *, lambda_version: Literal["V2_0"]
    ) -> Function[ev.PreTokenGenerationV2Event]: ...
    @overload
    def on_pre_token_generation(
        self, fn: ev.PreTokenGenerationV3Handler, *, lambda_version: Literal["V3_0"]
    ) -> ev.PreTokenGenerationV3Handler: ...
    @overload
    def on_pre_token_generation(
        self, fn: ev.PreTokenGenerationV3EventHandler, *, lambda_version: Literal["V3_0"]
    ) -> ev.PreTokenGenerationV3EventHandler: ...
    @overload
    def on_pre_token_generation(
        self, fn: Function[ev.PreTokenGenerationV3Event], *, lambda_version: Literal["V3_0"]
    ) -> Function[ev.PreTokenGenerationV3Event]: ...
    @overload
    def on_pre_token_generation(
        self, fn: T, *, lambda_version: Literal["V1_0", "V2_0", "V3_0"] = ...
    ) -> T: ...
    @overload
    def on_pre_token_generation(
        self, *, lambda_version: Literal["V1_0"] = ...
    ) -> Callable[[_PreTokenGenerationFn], _PreTokenGenerationFn]: ...
    @overload
    def on_pre_token_generation(
        self, *, lambda_version: Literal["V2_0"]
    ) -> Callable[[_PreTokenGenerationV2Fn], _PreTokenGenerationV2Fn]: ...
    @overload
    def on_pre_token_generation(
        self, *, lambda_version: Literal["V3_0"]
    ) -> Callable[[_PreTokenGenerationV3Fn], _PreTokenGenerationV3Fn]: ...
    def on_pre_token_generation(self, fn: Any = _DECORATE, *, lambda_version: Literal["V1_0", "V2_0", "V3_0"] = "V1_0") -> Any:
        """Run ``fn`` before Cognito issues tokens; it can change claims (and, from V2_0, scopes).

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :param lambda_version: the event version: ``"V1_0"`` (ID token claims), ``"V2_0"`` (also access
            token claims and scopes) or ``"V3_0"`` (also machine-to-machine). V2_0 and V3_0 need
            ``user_pool_tier`` ESSENTIALS or PLUS. Default: ``"V1_0"``.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_pre_token_generation()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.PRE_TOKEN_GENERATION, fn, lambda_version, "on_pre_token_generation()")

    @overload
    def on_user_migration(self, fn: ev.UserMigrationHandler) -> ev.UserMigrationHandler: ...
    @overload
    def on_user_migration(self, fn: ev.UserMigrationEventHandler) -> ev.UserMigrationEventHandler: ...
    @overload
    def on_user_migration(self, fn: Function[ev.UserMigrationEvent]) -> Function[ev.UserMigrationEvent]: ...
    @overload
    def on_user_migration(self, fn: T) -> T: ...
    @overload
    def on_user_migration(self) -> Callable[[_UserMigrationFn], _UserMigrationFn]: ...
    def on_user_migration(self, fn: Any = _DECORATE) -> Any:
        """Run ``fn`` to migrate a user unknown to the pool from another directory (migrate user).

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_user_migration()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.USER_MIGRATION, fn, None, "on_user_migration()")

    @overload
    def on_verify_auth_challenge_response(self, fn: ev.VerifyAuthChallengeResponseHandler) -> ev.VerifyAuthChallengeResponseHandler: ...
    @overload
    def on_verify_auth_challenge_response(self, fn: ev.VerifyAuthChallengeResponseEventHandler) -> ev.VerifyAuthChallengeResponseEventHandler: ...
    @overload
    def on_verify_auth_challenge_response(self, fn: Function[ev.VerifyAuthChallengeResponseEvent]) -> Function[ev.VerifyAuthChallengeResponseEvent]: ...
    @overload
    def on_verify_auth_challenge_response(self, fn: T) -> T: ...
    @overload
    def on_verify_auth_challenge_response(self) -> Callable[[_VerifyAuthChallengeResponseFn], _VerifyAuthChallengeResponseFn]: ...
    def on_verify_auth_challenge_response(self, fn: Any = _DECORATE) -> Any:
        """Run ``fn`` to check the answer to a custom auth challenge.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_verify_auth_challenge_response()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE, fn, None, "on_verify_auth_challenge_response()")

    @overload
    def on_custom_email_sender(self, fn: ev.CustomEmailSenderHandler, *, lambda_version: Literal["V1_0"] = ...) -> ev.CustomEmailSenderHandler: ...
    @overload
    def on_custom_email_sender(
        self, fn: ev.CustomEmailSenderEventHandler, *, lambda_version: Literal["V1_0"] = ...
    ) -> ev.CustomEmailSenderEventHandler: ...
    @overload
    def on_custom_email_sender(
        self, fn: Function[ev.CustomEmailSenderEvent], *, lambda_version: Literal["V1_0"] = ...
    ) -> Function[ev.CustomEmailSenderEvent]: ...
    @overload
    def on_custom_email_sender(self, fn: T, *, lambda_version: Literal["V1_0"] = ...) -> T: ...
    @overload
    def on_custom_email_sender(
        self, *, lambda_version: Literal["V1_0"] = ...
    ) -> Callable[[_CustomEmailSenderFn], _CustomEmailSenderFn]: ...
    def on_custom_email_sender(self, fn: Any = _DECORATE, *, lambda_version: Literal["V1_0"] = "V1_0") -> Any:
        """Run ``fn`` to send Cognito's emails yourself (codes arrive encrypted with the pool's KMS key).

        Needs a KMS key: the pool's ``kms_key``, or one created for it; the function's role gets
        ``kms:Decrypt`` on it.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :param lambda_version: the event version; Cognito offers only ``"V1_0"``. Default: ``"V1_0"``.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_custom_email_sender()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.CUSTOM_EMAIL_SENDER, fn, lambda_version, "on_custom_email_sender()")

    @overload
    def on_custom_sms_sender(self, fn: ev.CustomSMSSenderHandler, *, lambda_version: Literal["V1_0"] = ...) -> ev.CustomSMSSenderHandler: ...
    @overload
    def on_custom_sms_sender(
        self, fn: ev.CustomSMSSenderEventHandler, *, lambda_version: Literal["V1_0"] = ...
    ) -> ev.CustomSMSSenderEventHandler: ...
    @overload
    def on_custom_sms_sender(
        self, fn: Function[ev.CustomSMSSenderEvent], *, lambda_version: Literal["V1_0"] = ...
    ) -> Function[ev.CustomSMSSenderEvent]: ...
    @overload
    def on_custom_sms_sender(self, fn: T, *, lambda_version: Literal["V1_0"] = ...) -> T: ...
    @overload
    def on_custom_sms_sender(
        self, *, lambda_version: Literal["V1_0"] = ...
    ) -> Callable[[_CustomSMSSenderFn], _CustomSMSSenderFn]: ...
    def on_custom_sms_sender(self, fn: Any = _DECORATE, *, lambda_version: Literal["V1_0"] = "V1_0") -> Any:
        """Run ``fn`` to send Cognito's SMS messages yourself (codes arrive encrypted with the pool's KMS key).

        Needs a KMS key: the pool's ``kms_key``, or one created for it; the function's role gets
        ``kms:Decrypt`` on it.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :param lambda_version: the event version; Cognito offers only ``"V1_0"``. Default: ``"V1_0"``.
        :returns: ``fn`` unchanged, so this works as a decorator; without ``fn`` (``@pool.on_custom_sms_sender()``), a
            decorator that attaches the function it decorates and returns it.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach_or_decorate(UserPoolOperation.CUSTOM_SMS_SENDER, fn, lambda_version, "on_custom_sms_sender()")

    # -- on(operation, fn): one overload set per trigger, so checkers infer the event type --
    @overload
    def on(self, operation: Literal["createAuthChallenge", "create_auth_challenge", UserPoolOperation.CREATE_AUTH_CHALLENGE], fn: ev.CreateAuthChallengeHandler) -> ev.CreateAuthChallengeHandler: ...
    @overload
    def on(self, operation: Literal["createAuthChallenge", "create_auth_challenge", UserPoolOperation.CREATE_AUTH_CHALLENGE], fn: ev.CreateAuthChallengeEventHandler) -> ev.CreateAuthChallengeEventHandler: ...
    @overload
    def on(self, operation: Literal["createAuthChallenge", "create_auth_challenge", UserPoolOperation.CREATE_AUTH_CHALLENGE], fn: Function[ev.CreateAuthChallengeEvent]) -> Function[ev.CreateAuthChallengeEvent]: ...
    @overload
    def on(self, operation: Literal["createAuthChallenge", "create_auth_challenge", UserPoolOperation.CREATE_AUTH_CHALLENGE], fn: T) -> T: ...
    @overload
    def on(self, operation: Literal["customMessage", "custom_message", UserPoolOperation.CUSTOM_MESSAGE], fn: ev.CustomMessageHandler) -> ev.CustomMessageHandler: ...
    @overload
    def on(self, operation: Literal["customMessage", "custom_message", UserPoolOperation.CUSTOM_MESSAGE], fn: ev.CustomMessageEventHandler) -> ev.CustomMessageEventHandler: ...
    @overload
    def on(self, operation: Literal["customMessage", "custom_message", UserPoolOperation.CUSTOM_MESSAGE], fn: Function[ev.CustomMessageEvent]) -> Function[ev.CustomMessageEvent]: ...
    @overload
    def on(self, operation: Literal["customMessage", "custom_message", UserPoolOperation.CUSTOM_MESSAGE], fn: T) -> T: ...
    @overload
    def on(self, operation: Literal["defineAuthChallenge", "define_auth_challenge", UserPoolOperation.DEFINE_AUTH_CHALLENGE], fn: ev.DefineAuthChallengeHandler) -> ev.DefineAuthChallengeHandler: ...
    @overload
    def on(self, operation: Literal["defineAuthChallenge", "define_auth_challenge", UserPoolOperation.DEFINE_AUTH_CHALLENGE], fn: ev.DefineAuthChallengeEventHandler) -> ev.DefineAuthChallengeEventHandler: ...
    @overload
    def on(self, operation: Literal["defineAuthChallenge", "define_auth_challenge", UserPoolOperation.DEFINE_AUTH_CHALLENGE], fn: Function[ev.DefineAuthChallengeEvent]) -> Function[ev.DefineAuthChallengeEvent]: ...
    @overload
    def on(self, operation: Literal["defineAuthChallenge", "define_auth_challenge", UserPoolOperation.DEFINE_AUTH_CHALLENGE], fn: T) -> T: ...
    @overload
    def on(self, operation: Literal["postAuthentication", "post_authentication", UserPoolOperation.POST_AUTHENTICATION], fn: ev.PostAuthenticationHandler) -> ev.PostAuthenticationHandler: ...
    @overload
    def on(self, operation: Literal["postAuthentication", "post_authentication", UserPoolOperation.POST_AUTHENTICATION], fn: ev.PostAuthenticationEventHandler) -> ev.PostAuthenticationEventHandler: ...
    @overload
    def on(self, operation: Literal["postAuthentication", "post_authentication", UserPoolOperation.POST_AUTHENTICATION], fn: Function[ev.PostAuthenticationEvent]) -> Function[ev.PostAuthenticationEvent]: ...
    @overload
    def on(self, operation: Literal["postAuthentication", "post_authentication", UserPoolOperation.POST_AUTHENTICATION], fn: T) -> T: ...
    @overload
    def on(self, operation: Literal["postConfirmation", "post_confirmation", UserPoolOperation.POST_CONFIRMATION], fn: ev.PostConfirmationHandler) -> ev.PostConfirmationHandler: ...
    @overload
    def on(self, operation: Literal["postConfirmation", "post_confirmation", UserPoolOperation.POST_CONFIRMATION], fn: ev.PostConfirmationEventHandler) -> ev.PostConfirmationEventHandler: ...
    @overload
    def on(self, operation: Literal["postConfirmation", "post_confirmation", UserPoolOperation.POST_CONFIRMATION], fn: Function[ev.PostConfirmationEvent]) -> Function[ev.PostConfirmationEvent]: ...
    @overload
    def on(self, operation: Literal["postConfirmation", "post_confirmation", UserPoolOperation.POST_CONFIRMATION], fn: T) -> T: ...
    @overload
    def on(self, operation: Literal["preAuthentication", "pre_authentication", UserPoolOperation.PRE_AUTHENTICATION], fn: ev.PreAuthenticationHandler) -> ev.PreAuthenticationHandler: ...
    @overload
    def on(self, operation: Literal["preAuthentication", "pre_authentication", UserPoolOperation.PRE_AUTHENTICATION], fn: ev.PreAuthenticationEventHandler) -> ev.PreAuthenticationEventHandler: ...
    @overload
    def on(self, operation: Literal["preAuthentication", "pre_authentication", UserPoolOperation.PRE_AUTHENTICATION], fn: Function[ev.PreAuthenticationEvent]) -> Function[ev.PreAuthenticationEvent]: ...
    @overload
    def on(self, operation: Literal["preAuthentication", "pre_authentication", UserPoolOperation.PRE_AUTHENTICATION], fn: T) -> T: ...
    @overload
    def on(self, operation: Literal["preSignUp", "pre_sign_up", UserPoolOperation.PRE_SIGN_UP], fn: ev.PreSignUpHandler) -> ev.PreSignUpHandler: ...
    @overload
    def on(self, operation: Literal["preSignUp", "pre_sign_up", UserPoolOperation.PRE_SIGN_UP], fn: ev.PreSignUpEventHandler) -> ev.PreSignUpEventHandler: ...
    @overload
    def on(self, operation: Literal["preSignUp", "pre_sign_up", UserPoolOperation.PRE_SIGN_UP], fn: Function[ev.PreSignUpEvent]) -> Function[ev.PreSignUpEvent]: ...
    @overload
    def on(self, operation: Literal["preSignUp", "pre_sign_up", UserPoolOperation.PRE_SIGN_UP], fn: T) -> T: ...
    @overload
    def on(self, operation: Literal["userMigration", "user_migration", UserPoolOperation.USER_MIGRATION], fn: ev.UserMigrationHandler) -> ev.UserMigrationHandler: ...
    @overload
    def on(self, operation: Literal["userMigration", "user_migration", UserPoolOperation.USER_MIGRATION], fn: ev.UserMigrationEventHandler) -> ev.UserMigrationEventHandler: ...
    @overload
    def on(self, operation: Literal["userMigration", "user_migration", UserPoolOperation.USER_MIGRATION], fn: Function[ev.UserMigrationEvent]) -> Function[ev.UserMigrationEvent]: ...
    @overload
    def on(self, operation: Literal["userMigration", "user_migration", UserPoolOperation.USER_MIGRATION], fn: T) -> T: ...
    @overload
    def on(self, operation: Literal["verifyAuthChallengeResponse", "verify_auth_challenge_response", UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE], fn: ev.VerifyAuthChallengeResponseHandler) -> ev.VerifyAuthChallengeResponseHandler: ...
    @overload
    def on(self, operation: Literal["verifyAuthChallengeResponse", "verify_auth_challenge_response", UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE], fn: ev.VerifyAuthChallengeResponseEventHandler) -> ev.VerifyAuthChallengeResponseEventHandler: ...
    @overload
    def on(self, operation: Literal["verifyAuthChallengeResponse", "verify_auth_challenge_response", UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE], fn: Function[ev.VerifyAuthChallengeResponseEvent]) -> Function[ev.VerifyAuthChallengeResponseEvent]: ...
    @overload
    def on(self, operation: Literal["verifyAuthChallengeResponse", "verify_auth_challenge_response", UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE], fn: T) -> T: ...
    @overload
    def on(self, operation: Literal["customEmailSender", "custom_email_sender", UserPoolOperation.CUSTOM_EMAIL_SENDER], fn: ev.CustomEmailSenderHandler, *, lambda_version: Literal["V1_0"] = ...) -> ev.CustomEmailSenderHandler: ...
    @overload
    def on(
        self, operation: Literal["customEmailSender", "custom_email_sender", UserPoolOperation.CUSTOM_EMAIL_SENDER], fn: ev.CustomEmailSenderEventHandler, *, lambda_version: Literal["V1_0"] = ...
    ) -> ev.CustomEmailSenderEventHandler: ...
    @overload
    def on(
        self, operation: Literal["customEmailSender", "custom_email_sender", UserPoolOperation.CUSTOM_EMAIL_SENDER], fn: Function[ev.CustomEmailSenderEvent], *, lambda_version: Literal["V1_0"] = ...
    ) -> Function[ev.CustomEmailSenderEvent]: ...
    @overload
    def on(self, operation: Literal["customEmailSender", "custom_email_sender", UserPoolOperation.CUSTOM_EMAIL_SENDER], fn: T, *, lambda_version: Literal["V1_0"] = ...) -> T: ...
    @overload
    def on(self, operation: Literal["customSmsSender", "custom_sms_sender", UserPoolOperation.CUSTOM_SMS_SENDER], fn: ev.CustomSMSSenderHandler, *, lambda_version: Literal["V1_0"] = ...) -> ev.CustomSMSSenderHandler: ...
    @overload
    def on(
        self, operation: Literal["customSmsSender", "custom_sms_sender", UserPoolOperation.CUSTOM_SMS_SENDER], fn: ev.CustomSMSSenderEventHandler, *, lambda_version: Literal["V1_0"] = ...
    ) -> ev.CustomSMSSenderEventHandler: ...
    @overload
    def on(
        self, operation: Literal["customSmsSender", "custom_sms_sender", UserPoolOperation.CUSTOM_SMS_SENDER], fn: Function[ev.CustomSMSSenderEvent], *, lambda_version: Literal["V1_0"] = ...
    ) -> Function[ev.CustomSMSSenderEvent]: ...
    @overload
    def on(self, operation: Literal["customSmsSender", "custom_sms_sender", UserPoolOperation.CUSTOM_SMS_SENDER], fn: T, *, lambda_version: Literal["V1_0"] = ...) -> T: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: ev.PreTokenGenerationHandler, *, lambda_version: Literal["V1_0"] = ...
    ) -> ev.PreTokenGenerationHandler: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: ev.PreTokenGenerationEventHandler, *, lambda_version: Literal["V1_0"] = ...
    ) -> ev.PreTokenGenerationEventHandler: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: Function[ev.PreTokenGenerationEvent], *, lambda_version: Literal["V1_0"] = ...
    ) -> Function[ev.PreTokenGenerationEvent]: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: ev.PreTokenGenerationV2Handler, *, lambda_version: Literal["V2_0"]
    ) -> ev.PreTokenGenerationV2Handler: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: ev.PreTokenGenerationV2EventHandler, *, lambda_version: Literal["V2_0"]
    ) -> ev.PreTokenGenerationV2EventHandler: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: Function[ev.PreTokenGenerationV2Event], *, lambda_version: Literal["V2_0"]
    ) -> Function[ev.PreTokenGenerationV2Event]: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: ev.PreTokenGenerationV3Handler, *, lambda_version: Literal["V3_0"]
    ) -> ev.PreTokenGenerationV3Handler: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: ev.PreTokenGenerationV3EventHandler, *, lambda_version: Literal["V3_0"]
    ) -> ev.PreTokenGenerationV3EventHandler: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: Function[ev.PreTokenGenerationV3Event], *, lambda_version: Literal["V3_0"]
    ) -> Function[ev.PreTokenGenerationV3Event]: ...
    @overload
    def on(
        self, operation: Literal["preTokenGeneration", "pre_token_generation", UserPoolOperation.PRE_TOKEN_GENERATION], fn: T, *, lambda_version: Literal["V1_0", "V2_0", "V3_0"] = ...
    ) -> T: ...
    @overload
    def on(
        self, operation: UserPoolOperation | str, fn: None = None, *, lambda_version: str | None = None
    ) -> Callable[[F], F]: ...
    @overload
    def on(self, operation: UserPoolOperation | str, fn: T, *, lambda_version: str | None = None) -> T: ...
    def on(self, operation: UserPoolOperation | str, fn: Any = None, *, lambda_version: str | None = None) -> Any:
        """Attach ``fn`` to the trigger named ``operation``.

        :param operation: a :class:`UserPoolOperation`, the trigger's name as Cognito's documentation
            spells it (``"preSignUp"``), or its snake_case name (``"pre_sign_up"``).
        :param fn: the function, in any form; leave it out to use ``on(...)`` as a decorator.
        :param lambda_version: the event version (pre token generation: ``"V1_0"``, ``"V2_0"``,
            ``"V3_0"``; custom senders: ``"V1_0"``). Default: ``"V1_0"`` where a version applies.
        :returns: ``fn`` unchanged (or, without ``fn``, a decorator that attaches and returns it).
        :raises UnknownTriggerError: if ``operation`` names no trigger.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        if fn is None:
            resolve_operation(operation, argument="operation", construct_path=self._path)  # fail now, not at decoration

            def decorator(function: F) -> F:
                self._on(operation, function, lambda_version)
                return function

            return decorator
        return self._on(operation, fn, lambda_version)
