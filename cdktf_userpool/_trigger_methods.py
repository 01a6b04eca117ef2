"""The twelve ``on_<trigger>`` methods of ``UserPool``, one per Cognito trigger.

Each method funnels into ``UserPool._attach``; this module only gives every trigger its own typed,
documented entry point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeVar

from .triggers import UserPoolOperation

F = TypeVar("F")


class TriggerMethods:
    """Mixin holding the ``on_<trigger>`` methods; ``UserPool`` supplies ``_attach``."""

    if TYPE_CHECKING:

        def _attach(self, op: UserPoolOperation, fn: Any, lambda_version: str | None, *, argument: str) -> Any: ...

    def on_create_auth_challenge(self, fn: F) -> F:
        """Run ``fn`` to create a custom authentication challenge (custom auth flow).

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.CREATE_AUTH_CHALLENGE, fn, None, argument="on_create_auth_challenge()")  # type: ignore[no-any-return]

    def on_custom_message(self, fn: F) -> F:
        """Run ``fn`` to customize the email and SMS messages Cognito sends.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.CUSTOM_MESSAGE, fn, None, argument="on_custom_message()")  # type: ignore[no-any-return]

    def on_define_auth_challenge(self, fn: F) -> F:
        """Run ``fn`` to decide the next challenge of the custom auth flow.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.DEFINE_AUTH_CHALLENGE, fn, None, argument="on_define_auth_challenge()")  # type: ignore[no-any-return]

    def on_post_authentication(self, fn: F) -> F:
        """Run ``fn`` after a user signs in.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.POST_AUTHENTICATION, fn, None, argument="on_post_authentication()")  # type: ignore[no-any-return]

    def on_post_confirmation(self, fn: F) -> F:
        """Run ``fn`` after a user is confirmed.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.POST_CONFIRMATION, fn, None, argument="on_post_confirmation()")  # type: ignore[no-any-return]

    def on_pre_authentication(self, fn: F) -> F:
        """Run ``fn`` before a user signs in; it can deny the sign-in.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.PRE_AUTHENTICATION, fn, None, argument="on_pre_authentication()")  # type: ignore[no-any-return]

    def on_pre_sign_up(self, fn: F) -> F:
        """Run ``fn`` before Cognito signs up a user; it can reject, confirm or verify.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.PRE_SIGN_UP, fn, None, argument="on_pre_sign_up()")  # type: ignore[no-any-return]

    def on_pre_token_generation(self, fn: F, *, lambda_version: Literal["V1_0", "V2_0", "V3_0"] = "V1_0") -> F:
        """Run ``fn`` before Cognito issues tokens; it can change claims (and, from V2_0, scopes).

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :param lambda_version: the event version: ``"V1_0"`` (ID token claims), ``"V2_0"`` (also access
            token claims and scopes) or ``"V3_0"`` (also machine-to-machine). V2_0 and V3_0 need
            ``user_pool_tier`` ESSENTIALS or PLUS. Default: ``"V1_0"``.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.PRE_TOKEN_GENERATION, fn, lambda_version, argument="on_pre_token_generation()")  # type: ignore[no-any-return]

    def on_user_migration(self, fn: F) -> F:
        """Run ``fn`` to migrate a user unknown to the pool from another directory (migrate user).

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.USER_MIGRATION, fn, None, argument="on_user_migration()")  # type: ignore[no-any-return]

    def on_verify_auth_challenge_response(self, fn: F) -> F:
        """Run ``fn`` to check the answer to a custom auth challenge.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE, fn, None, argument="on_verify_auth_challenge_response()")  # type: ignore[no-any-return]

    def on_custom_email_sender(self, fn: F, *, lambda_version: Literal["V1_0"] = "V1_0") -> F:
        """Run ``fn`` to send Cognito's emails yourself (codes arrive encrypted with the pool's KMS key).

        Needs a KMS key: the pool's ``kms_key``, or one created for it; the function's role gets
        ``kms:Decrypt`` on it.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :param lambda_version: the event version; Cognito offers only ``"V1_0"``. Default: ``"V1_0"``.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.CUSTOM_EMAIL_SENDER, fn, lambda_version, argument="on_custom_email_sender()")  # type: ignore[no-any-return]

    def on_custom_sms_sender(self, fn: F, *, lambda_version: Literal["V1_0"] = "V1_0") -> F:
        """Run ``fn`` to send Cognito's SMS messages yourself (codes arrive encrypted with the pool's KMS key).

        Needs a KMS key: the pool's ``kms_key``, or one created for it; the function's role gets
        ``kms:Decrypt`` on it.

        :param fn: a Python callable, a ``Function``, a provider ``LambdaFunction``, ``LambdaAlias`` or
            ``DataAwsLambdaFunction``, or a Lambda ARN.
        :param lambda_version: the event version; Cognito offers only ``"V1_0"``. Default: ``"V1_0"``.
        :returns: ``fn`` unchanged, so this works as a decorator.
        :raises TriggerConflictError: if the trigger already has a function.
        """
        return self._attach(UserPoolOperation.CUSTOM_SMS_SENDER, fn, lambda_version, argument="on_custom_sms_sender()")  # type: ignore[no-any-return]
