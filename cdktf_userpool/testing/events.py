"""Realistic Cognito trigger events for tests: one factory per trigger source.

Each factory is named exactly after the ``triggerSource`` it produces (``PreSignUp_SignUp``,
``TokenGeneration_RefreshTokens``...) and returns a fresh dict shaped as Cognito sends it: the
header, the ``request`` keys Cognito sends for that source, and the ``response`` Cognito pre-fills
(``false`` flags for pre sign-up, ``null`` placeholders for define auth challenge, custom message and
pre token generation, ``{}`` elsewhere; none for the custom senders, whose events have no
``response``). The return types are the precise ``TypedDict`` types of :mod:`cdktf_userpool.events`::

    from cdktf_userpool.testing import events

    event = events.PreSignUp_SignUp(user_attributes={"email": "ann@example.com"}, client_metadata={"invite": "x"})
    assert handler(event, context)["response"]["autoConfirmUser"] is True

Every value is fixed (no randomness, no clock); the defaults are this module's constants. Keyword
arguments are snake_case and land on Cognito's camelCase keys (``client_metadata=`` becomes
``request.clientMetadata``); the header ones, taken by every factory, are listed in
:class:`HeaderOverrides`. Optional request keys (``clientMetadata``, ``validationData``,
``userNotFound``) appear only when given, except where Cognito is observed to send ``null``.

Non-goals: the events are not random or fuzzed, nothing is validated at run time, and the encrypted
``code`` of the custom sender events is a fixed placeholder that no KMS key decrypts.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Final, Literal, TypedDict, Unpack, overload

from ..events import (
    AnyPreTokenGenerationEvent,
    CallerContext,
    ChallengeResult,
    CreateAuthChallengeEvent,
    CustomEmailSenderEvent,
    CustomMessageEvent,
    CustomSMSSenderEvent,
    DefineAuthChallengeEvent,
    GroupConfiguration,
    PostAuthenticationEvent,
    PostConfirmationEvent,
    PreAuthenticationEvent,
    PreSignUpEvent,
    PreTokenGenerationEvent,
    PreTokenGenerationV2Event,
    PreTokenGenerationV3Event,
    UserMigrationEvent,
    VerifyAuthChallengeResponseEvent,
)

__all__ = [
    # Defaults
    "AWS_SDK_VERSION", "CLIENT_ID", "EMAIL", "ENCRYPTED_CODE", "FEDERATED_USER_NAME", "PASSWORD", "PHONE_NUMBER",
    "REGION", "USER_POOL_ID", "USER_SUB",
    # Keyword argument types
    "HeaderOverrides", "TokenGenerationOverrides",
    # Factories, one per trigger source
    "PreSignUp_SignUp", "PreSignUp_AdminCreateUser", "PreSignUp_ExternalProvider",
    "PostConfirmation_ConfirmSignUp", "PostConfirmation_ConfirmForgotPassword",
    "PreAuthentication_Authentication", "PostAuthentication_Authentication",
    "DefineAuthChallenge_Authentication", "CreateAuthChallenge_Authentication",
    "VerifyAuthChallengeResponse_Authentication",
    "TokenGeneration_HostedAuth", "TokenGeneration_Authentication", "TokenGeneration_NewPasswordChallenge",
    "TokenGeneration_AuthenticateDevice", "TokenGeneration_RefreshTokens", "TokenGeneration_ClientCredentials",
    "UserMigration_Authentication", "UserMigration_ForgotPassword",
    "CustomMessage_SignUp", "CustomMessage_AdminCreateUser", "CustomMessage_ResendCode",
    "CustomMessage_ForgotPassword", "CustomMessage_UpdateUserAttribute", "CustomMessage_VerifyUserAttribute",
    "CustomMessage_Authentication",
    "CustomEmailSender_SignUp", "CustomEmailSender_ResendCode", "CustomEmailSender_ForgotPassword",
    "CustomEmailSender_UpdateUserAttribute", "CustomEmailSender_VerifyUserAttribute",
    "CustomEmailSender_AdminCreateUser", "CustomEmailSender_AccountTakeOverNotification",
    "CustomEmailSender_Authentication",
    "CustomSMSSender_SignUp", "CustomSMSSender_ResendCode", "CustomSMSSender_ForgotPassword",
    "CustomSMSSender_UpdateUserAttribute", "CustomSMSSender_VerifyUserAttribute",
    "CustomSMSSender_AdminCreateUser", "CustomSMSSender_Authentication",
]  # fmt: skip

REGION = "us-east-1"
"""Default ``region``."""
USER_POOL_ID = "us-east-1_EXAMPLE"
"""Default ``userPoolId``."""
USER_SUB = "6f1e5c6a-7d3b-4e2a-9c1f-0a1b2c3d4e5f"
"""Default ``userName`` and ``sub`` attribute (in an email-as-username pool the username is the ``sub``)."""
FEDERATED_USER_NAME = "Google_107000000000000000001"
"""Default ``userName`` of ``PreSignUp_ExternalProvider``: ``<provider name>_<the provider's user id>``."""
EMAIL = "user@example.com"
"""Default ``email`` attribute; also the name a user types, the ``userName`` of the migrate user events."""
PHONE_NUMBER = "+12065550100"
"""Default ``phone_number`` attribute of the SMS events."""
CLIENT_ID = "1example23456789abcdefghij"
"""Default ``callerContext.clientId``."""
AWS_SDK_VERSION = "aws-sdk-unknown-unknown"
"""Default ``callerContext.awsSdkVersion`` (what managed login and unknown clients send)."""
PASSWORD = "Correct-Horse-1"
"""Default ``request.password`` of ``UserMigration_Authentication``."""
ENCRYPTED_CODE = "AYADeEXAMPLEbase64AWSEncryptionSDKmessageEXAMPLE=="
"""Default ``request.code`` of the custom sender events: shaped like, but not, an encrypted code."""

_MESSAGE_SOURCE_KIND = Literal[
    "SignUp", "AdminCreateUser", "ResendCode", "ForgotPassword", "UpdateUserAttribute", "VerifyUserAttribute",
    "Authentication", "AccountTakeOverNotification",
]  # fmt: skip

#: The user's state when Cognito sends each kind of message: (``cognito:user_status``, whether the
#: channel's attribute (``email_verified`` / ``phone_number_verified``) is verified yet).
_MESSAGE_USER_STATE: Mapping[_MESSAGE_SOURCE_KIND, tuple[str, bool]] = {
    "SignUp": ("UNCONFIRMED", False),
    "ResendCode": ("UNCONFIRMED", False),
    "AdminCreateUser": ("FORCE_CHANGE_PASSWORD", False),
    "ForgotPassword": ("CONFIRMED", True),
    "UpdateUserAttribute": ("CONFIRMED", False),  # the new address is not verified yet
    "VerifyUserAttribute": ("CONFIRMED", False),
    "Authentication": ("CONFIRMED", True),
    "AccountTakeOverNotification": ("CONFIRMED", True),
}


class HeaderOverrides(TypedDict, total=False):
    """Keyword arguments every factory takes, for the event's header.

    :ivar user_name: ``userName``. Default: :data:`USER_SUB` (see each factory for exceptions).
    :ivar user_pool_id: ``userPoolId``. Default: :data:`USER_POOL_ID`.
    :ivar region: ``region``. Default: :data:`REGION`.
    :ivar client_id: ``callerContext.clientId``. Default: :data:`CLIENT_ID`.
    :ivar aws_sdk_version: ``callerContext.awsSdkVersion``. Default: :data:`AWS_SDK_VERSION`.
    """

    user_name: str
    user_pool_id: str
    region: str
    client_id: str
    aws_sdk_version: str


class TokenGenerationOverrides(HeaderOverrides, total=False):
    """Keyword arguments of the pre token generation factories: the header ones plus these.

    :ivar user_attributes: ``request.userAttributes``. Default: a confirmed user with a verified email.
    :ivar group_configuration: ``request.groupConfiguration``. Default: no groups, no roles.
    :ivar client_metadata: ``request.clientMetadata`` (Cognito forwards it from the respond-to-challenge
        calls only). Default: absent.
    :ivar scopes: ``request.scopes``, V2_0/V3_0 only. Default: ``["openid", "email", "profile"]`` for
        managed login, ``["aws.cognito.signin.user.admin"]`` for API sign-ins.
    """

    user_attributes: Mapping[str, str]
    group_configuration: GroupConfiguration
    client_metadata: Mapping[str, str]
    scopes: Sequence[str]


class _Header(TypedDict):
    region: str
    userPoolId: str
    userName: str
    callerContext: CallerContext


def _header(
    factory: str, header: HeaderOverrides, *, user_name: str = USER_SUB, request_keys: frozenset[str] = frozenset()
) -> _Header:
    unknown = sorted(set(header) - HeaderOverrides.__optional_keys__ - request_keys)
    if unknown:
        # What Python says for an unexpected keyword: the Unpack[...] signature cannot say it itself.
        raise TypeError(f"{factory}() got an unexpected keyword argument {unknown[0]!r}")
    return {
        "region": header.get("region", REGION),
        "userPoolId": header.get("user_pool_id", USER_POOL_ID),
        "userName": header.get("user_name", user_name),
        "callerContext": {
            "awsSdkVersion": header.get("aws_sdk_version", AWS_SDK_VERSION),
            "clientId": header.get("client_id", CLIENT_ID),
        },
    }


def _confirmed_user() -> dict[str, str]:
    return {"sub": USER_SUB, "email": EMAIL, "email_verified": "true", "cognito:user_status": "CONFIRMED"}


# -- Pre sign-up -----------------------------------------------------------------------------------


def _pre_sign_up(
    source: Literal["PreSignUp_SignUp", "PreSignUp_AdminCreateUser", "PreSignUp_ExternalProvider"],
    header: HeaderOverrides,
    user_name: str,
    user_attributes: Mapping[str, str] | None,
    validation_data: Mapping[str, str] | None,
    client_metadata: Mapping[str, str] | None,
) -> PreSignUpEvent:
    event: PreSignUpEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header, user_name=user_name),
        "request": {"userAttributes": dict(user_attributes if user_attributes is not None else {"email": EMAIL})},
        "response": {"autoConfirmUser": False, "autoVerifyEmail": False, "autoVerifyPhone": False},
    }
    if validation_data is not None:
        event["request"]["validationData"] = dict(validation_data)
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    return copy.deepcopy(event)


def PreSignUp_SignUp(
    *,
    user_attributes: Mapping[str, str] | None = None,
    validation_data: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> PreSignUpEvent:
    """The pre sign-up event of ``SignUp`` (self-service sign-up, managed login's included).

    :param user_attributes: ``request.userAttributes``, the attributes signed up with.
        Default: ``{"email": EMAIL}``.
    :param validation_data: ``request.validationData`` (``SignUp``'s ``ValidationData``). Default: absent.
    :param client_metadata: ``request.clientMetadata``. Default: absent.
    """
    return _pre_sign_up("PreSignUp_SignUp", header, USER_SUB, user_attributes, validation_data, client_metadata)


def PreSignUp_AdminCreateUser(
    *,
    user_attributes: Mapping[str, str] | None = None,
    validation_data: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> PreSignUpEvent:
    """The pre sign-up event of ``AdminCreateUser`` (Cognito ignores the response flags for it).

    Keywords as :func:`PreSignUp_SignUp`.
    """
    return _pre_sign_up(
        "PreSignUp_AdminCreateUser", header, USER_SUB, user_attributes, validation_data, client_metadata
    )


def PreSignUp_ExternalProvider(
    *,
    user_attributes: Mapping[str, str] | None = None,
    validation_data: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> PreSignUpEvent:
    """The pre sign-up event of a federated user's first sign-in (SAML, OIDC or social provider).

    Keywords as :func:`PreSignUp_SignUp`; ``user_name`` defaults to :data:`FEDERATED_USER_NAME`.
    """
    return _pre_sign_up(
        "PreSignUp_ExternalProvider", header, FEDERATED_USER_NAME, user_attributes, validation_data, client_metadata
    )


# -- Post confirmation -----------------------------------------------------------------------------


def _post_confirmation(
    source: Literal["PostConfirmation_ConfirmSignUp", "PostConfirmation_ConfirmForgotPassword"],
    header: HeaderOverrides,
    user_attributes: Mapping[str, str] | None,
    client_metadata: Mapping[str, str] | None,
) -> PostConfirmationEvent:
    event: PostConfirmationEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header),
        "request": {"userAttributes": dict(user_attributes if user_attributes is not None else _confirmed_user())},
        "response": {},
    }
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    return copy.deepcopy(event)


def PostConfirmation_ConfirmSignUp(
    *,
    user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> PostConfirmationEvent:
    """The post confirmation event of ``ConfirmSignUp``, ``AdminConfirmSignUp`` or an auto-confirmed ``SignUp``.

    :param user_attributes: ``request.userAttributes``. Default: a confirmed user with a verified email.
    :param client_metadata: ``request.clientMetadata``. Default: absent.
    """
    return _post_confirmation("PostConfirmation_ConfirmSignUp", header, user_attributes, client_metadata)


def PostConfirmation_ConfirmForgotPassword(
    *,
    user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> PostConfirmationEvent:
    """The post confirmation event of ``ConfirmForgotPassword``. Keywords as :func:`PostConfirmation_ConfirmSignUp`."""
    return _post_confirmation("PostConfirmation_ConfirmForgotPassword", header, user_attributes, client_metadata)


# -- Pre and post authentication -------------------------------------------------------------------


def PreAuthentication_Authentication(
    *,
    user_attributes: Mapping[str, str] | None = None,
    validation_data: Mapping[str, str] | None = None,
    user_not_found: bool | None = None,
    **header: Unpack[HeaderOverrides],
) -> PreAuthenticationEvent:
    """The pre authentication event of a sign-in (``InitiateAuth``, ``AdminInitiateAuth``, managed login).

    :param user_attributes: ``request.userAttributes``. Default: a confirmed user with a verified email.
    :param validation_data: ``request.validationData`` (``InitiateAuth``'s ``ClientMetadata``). Default: absent.
    :param user_not_found: ``request.userNotFound`` (sent when the app client prevents user existence
        errors). Default: absent.
    """
    source: Final = "PreAuthentication_Authentication"
    event: PreAuthenticationEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header),
        "request": {"userAttributes": dict(user_attributes if user_attributes is not None else _confirmed_user())},
        "response": {},
    }
    if validation_data is not None:
        event["request"]["validationData"] = dict(validation_data)
    if user_not_found is not None:
        event["request"]["userNotFound"] = user_not_found
    return copy.deepcopy(event)


def PostAuthentication_Authentication(
    *,
    user_attributes: Mapping[str, str] | None = None,
    new_device_used: bool = False,
    client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> PostAuthenticationEvent:
    """The post authentication event of a successful sign-in.

    :param user_attributes: ``request.userAttributes``. Default: a confirmed user with a verified email.
    :param new_device_used: ``request.newDeviceUsed``. Default: ``False``.
    :param client_metadata: ``request.clientMetadata`` (from the respond-to-challenge calls). Default: absent.
    """
    source: Final = "PostAuthentication_Authentication"
    event: PostAuthenticationEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header),
        "request": {
            "userAttributes": dict(user_attributes if user_attributes is not None else _confirmed_user()),
            "newDeviceUsed": new_device_used,
        },
        "response": {},
    }
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    return copy.deepcopy(event)


# -- Custom authentication challenge ---------------------------------------------------------------


def DefineAuthChallenge_Authentication(
    *,
    user_attributes: Mapping[str, str] | None = None,
    session: Sequence[ChallengeResult] = (),
    client_metadata: Mapping[str, str] | None = None,
    user_not_found: bool | None = None,
    **header: Unpack[HeaderOverrides],
) -> DefineAuthChallengeEvent:
    """The define auth challenge event of a ``CUSTOM_AUTH`` sign-in (``InitiateAuth`` and each answer after it).

    :param user_attributes: ``request.userAttributes``. Default: a confirmed user with a verified email.
    :param session: ``request.session``, the challenges so far. Default: ``[]``, the first call.
    :param client_metadata: ``request.clientMetadata`` (from the respond-to-challenge calls). Default: absent.
    :param user_not_found: ``request.userNotFound``. Default: absent.
    """
    source: Final = "DefineAuthChallenge_Authentication"
    event: DefineAuthChallengeEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header),
        "request": {
            "userAttributes": dict(user_attributes if user_attributes is not None else _confirmed_user()),
            "session": list(session),
        },
        "response": {"challengeName": None, "issueTokens": None, "failAuthentication": None},
    }
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    if user_not_found is not None:
        event["request"]["userNotFound"] = user_not_found
    return copy.deepcopy(event)


def CreateAuthChallenge_Authentication(
    *,
    user_attributes: Mapping[str, str] | None = None,
    challenge_name: str = "CUSTOM_CHALLENGE",
    session: Sequence[ChallengeResult] = (),
    client_metadata: Mapping[str, str] | None = None,
    user_not_found: bool | None = None,
    **header: Unpack[HeaderOverrides],
) -> CreateAuthChallengeEvent:
    """The create auth challenge event, right after define auth challenge asked for ``CUSTOM_CHALLENGE``.

    :param challenge_name: ``request.challengeName``. Default: ``"CUSTOM_CHALLENGE"``.
    :param session: ``request.session``. Default: ``[]``, the first challenge.

    Other keywords as :func:`DefineAuthChallenge_Authentication`.
    """
    source: Final = "CreateAuthChallenge_Authentication"
    event: CreateAuthChallengeEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header),
        "request": {
            "userAttributes": dict(user_attributes if user_attributes is not None else _confirmed_user()),
            "challengeName": challenge_name,
            "session": list(session),
        },
        "response": {},
    }
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    if user_not_found is not None:
        event["request"]["userNotFound"] = user_not_found
    return copy.deepcopy(event)


def VerifyAuthChallengeResponse_Authentication(
    *,
    user_attributes: Mapping[str, str] | None = None,
    private_challenge_parameters: Mapping[str, str] | None = None,
    challenge_answer: str = "123456",
    client_metadata: Mapping[str, str] | None = None,
    user_not_found: bool | None = None,
    **header: Unpack[HeaderOverrides],
) -> VerifyAuthChallengeResponseEvent:
    """The verify auth challenge response event of ``RespondToAuthChallenge`` with ``CUSTOM_CHALLENGE``.

    :param private_challenge_parameters: ``request.privateChallengeParameters``.
        Default: ``{"answer": "123456"}``.
    :param challenge_answer: ``request.challengeAnswer``. Default: ``"123456"`` (the right answer).

    Other keywords as :func:`DefineAuthChallenge_Authentication`.
    """
    source: Final = "VerifyAuthChallengeResponse_Authentication"
    event: VerifyAuthChallengeResponseEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header),
        "request": {
            "userAttributes": dict(user_attributes if user_attributes is not None else _confirmed_user()),
            "privateChallengeParameters": dict(
                private_challenge_parameters if private_challenge_parameters is not None else {"answer": "123456"}
            ),
            "challengeAnswer": challenge_answer,
        },
        "response": {},
    }
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    if user_not_found is not None:
        event["request"]["userNotFound"] = user_not_found
    return copy.deepcopy(event)


# -- Pre token generation --------------------------------------------------------------------------

_UserTokenSource = Literal[
    "TokenGeneration_HostedAuth", "TokenGeneration_Authentication", "TokenGeneration_NewPasswordChallenge",
    "TokenGeneration_AuthenticateDevice", "TokenGeneration_RefreshTokens",
]  # fmt: skip
_TokenVersion = Literal["V1_0", "V2_0", "V3_0"]
_TOKEN_REQUEST_KEYS = TokenGenerationOverrides.__optional_keys__ - HeaderOverrides.__optional_keys__
_API_SCOPES = ("aws.cognito.signin.user.admin",)
_MANAGED_LOGIN_SCOPES = ("openid", "email", "profile")


def _no_groups() -> GroupConfiguration:
    return {"groupsToOverride": [], "iamRolesToOverride": [], "preferredRole": None}


def _token_generation(
    source: _UserTokenSource, version: _TokenVersion, overrides: TokenGenerationOverrides, default_scopes: Sequence[str]
) -> AnyPreTokenGenerationEvent:
    header = _header(source, overrides, request_keys=_TOKEN_REQUEST_KEYS)
    user_attributes = dict(overrides.get("user_attributes", _confirmed_user()))
    groups = overrides.get("group_configuration", _no_groups())
    client_metadata = overrides.get("client_metadata")
    scopes = list(overrides.get("scopes", default_scopes))
    event: AnyPreTokenGenerationEvent
    if version == "V1_0":
        if "scopes" in overrides:
            raise ValueError(
                f"{source}(scopes={scopes!r}) was given with version='V1_0', but Cognito sends scopes only in "
                "V2_0 and V3_0 events. Pass version='V2_0' or 'V3_0', or leave scopes out."
            )
        event = {
            "version": "1",
            "triggerSource": source,
            **header,
            "request": {"userAttributes": user_attributes, "groupConfiguration": groups},
            "response": {"claimsOverrideDetails": None},
        }
    elif version == "V2_0":
        event = {
            "version": "2",
            "triggerSource": source,
            **header,
            "request": {"userAttributes": user_attributes, "groupConfiguration": groups, "scopes": scopes},
            "response": {"claimsAndScopeOverrideDetails": None},
        }
    elif version == "V3_0":
        event = {
            "version": "3",
            "triggerSource": source,
            **header,
            "request": {"userAttributes": user_attributes, "groupConfiguration": groups, "scopes": scopes},
            "response": {"claimsAndScopeOverrideDetails": None},
        }
    else:
        raise ValueError(f"{source}(version={version!r}): the version must be 'V1_0', 'V2_0' or 'V3_0'.")
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    return copy.deepcopy(event)


@overload
def TokenGeneration_HostedAuth(
    *, version: Literal["V1_0"] = ..., **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationEvent: ...
@overload
def TokenGeneration_HostedAuth(
    *, version: Literal["V2_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV2Event: ...
@overload
def TokenGeneration_HostedAuth(
    *, version: Literal["V3_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV3Event: ...
def TokenGeneration_HostedAuth(
    *, version: _TokenVersion = "V1_0", **overrides: Unpack[TokenGenerationOverrides]
) -> AnyPreTokenGenerationEvent:
    """The pre token generation event of managed login (the hosted sign-in pages, federated sign-ins included).

    :param version: the trigger's ``lambda_version``; the event type follows it. Default: ``"V1_0"``.
    :param overrides: see :class:`TokenGenerationOverrides`.
    :raises ValueError: if ``scopes`` is given for ``V1_0``.
    """
    return _token_generation("TokenGeneration_HostedAuth", version, overrides, _MANAGED_LOGIN_SCOPES)


@overload
def TokenGeneration_Authentication(
    *, version: Literal["V1_0"] = ..., **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationEvent: ...
@overload
def TokenGeneration_Authentication(
    *, version: Literal["V2_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV2Event: ...
@overload
def TokenGeneration_Authentication(
    *, version: Literal["V3_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV3Event: ...
def TokenGeneration_Authentication(
    *, version: _TokenVersion = "V1_0", **overrides: Unpack[TokenGenerationOverrides]
) -> AnyPreTokenGenerationEvent:
    """The pre token generation event at the end of an API sign-in (``InitiateAuth``, custom auth, MFA).

    :param version: the trigger's ``lambda_version``; the event type follows it. Default: ``"V1_0"``.
    :param overrides: see :class:`TokenGenerationOverrides`.
    :raises ValueError: if ``scopes`` is given for ``V1_0``.
    """
    return _token_generation("TokenGeneration_Authentication", version, overrides, _API_SCOPES)


@overload
def TokenGeneration_NewPasswordChallenge(
    *, version: Literal["V1_0"] = ..., **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationEvent: ...
@overload
def TokenGeneration_NewPasswordChallenge(
    *, version: Literal["V2_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV2Event: ...
@overload
def TokenGeneration_NewPasswordChallenge(
    *, version: Literal["V3_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV3Event: ...
def TokenGeneration_NewPasswordChallenge(
    *, version: _TokenVersion = "V1_0", **overrides: Unpack[TokenGenerationOverrides]
) -> AnyPreTokenGenerationEvent:
    """The pre token generation event after an admin-created user answers ``NEW_PASSWORD_REQUIRED``.

    :param version: the trigger's ``lambda_version``; the event type follows it. Default: ``"V1_0"``.
    :param overrides: see :class:`TokenGenerationOverrides`.
    :raises ValueError: if ``scopes`` is given for ``V1_0``.
    """
    return _token_generation("TokenGeneration_NewPasswordChallenge", version, overrides, _API_SCOPES)


@overload
def TokenGeneration_AuthenticateDevice(
    *, version: Literal["V1_0"] = ..., **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationEvent: ...
@overload
def TokenGeneration_AuthenticateDevice(
    *, version: Literal["V2_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV2Event: ...
@overload
def TokenGeneration_AuthenticateDevice(
    *, version: Literal["V3_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV3Event: ...
def TokenGeneration_AuthenticateDevice(
    *, version: _TokenVersion = "V1_0", **overrides: Unpack[TokenGenerationOverrides]
) -> AnyPreTokenGenerationEvent:
    """The pre token generation event at the end of a remembered device's authentication.

    :param version: the trigger's ``lambda_version``; the event type follows it. Default: ``"V1_0"``.
    :param overrides: see :class:`TokenGenerationOverrides`.
    :raises ValueError: if ``scopes`` is given for ``V1_0``.
    """
    return _token_generation("TokenGeneration_AuthenticateDevice", version, overrides, _API_SCOPES)


@overload
def TokenGeneration_RefreshTokens(
    *, version: Literal["V1_0"] = ..., **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationEvent: ...
@overload
def TokenGeneration_RefreshTokens(
    *, version: Literal["V2_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV2Event: ...
@overload
def TokenGeneration_RefreshTokens(
    *, version: Literal["V3_0"], **overrides: Unpack[TokenGenerationOverrides]
) -> PreTokenGenerationV3Event: ...
def TokenGeneration_RefreshTokens(
    *, version: _TokenVersion = "V1_0", **overrides: Unpack[TokenGenerationOverrides]
) -> AnyPreTokenGenerationEvent:
    """The pre token generation event of a refresh (``REFRESH_TOKEN_AUTH`` or the token endpoint's refresh grant).

    :param version: the trigger's ``lambda_version``; the event type follows it. Default: ``"V1_0"``.
    :param overrides: see :class:`TokenGenerationOverrides`.
    :raises ValueError: if ``scopes`` is given for ``V1_0``.
    """
    return _token_generation("TokenGeneration_RefreshTokens", version, overrides, _API_SCOPES)


def TokenGeneration_ClientCredentials(
    *,
    scopes: Sequence[str] = ("example-api/read",),
    client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> PreTokenGenerationV3Event:
    """The pre token generation event of a client-credentials grant (machine to machine; ``V3_0`` only).

    The event is about an app client, not a user: there is no ``userName`` unless ``user_name`` is given
    (unconfirmed whether Cognito leaves it out or sends a placeholder), no user attributes and no groups.

    :param scopes: ``request.scopes``, the custom scopes requested. Default: ``["example-api/read"]``.
    :param client_metadata: ``request.clientMetadata``. Default: absent.
    """
    source: Final = "TokenGeneration_ClientCredentials"
    event: PreTokenGenerationV3Event = {
        "version": "3",
        "triggerSource": source,
        **_header(source, header),
        "request": {"userAttributes": {}, "groupConfiguration": _no_groups(), "scopes": list(scopes)},
        "response": {"claimsAndScopeOverrideDetails": None},
    }
    if "user_name" not in header:
        del event["userName"]
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    return copy.deepcopy(event)


# -- Migrate user ----------------------------------------------------------------------------------


def UserMigration_Authentication(
    *,
    password: str = PASSWORD,
    validation_data: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> UserMigrationEvent:
    """The migrate user event of a password sign-in by a user the pool does not know.

    Sent by ``InitiateAuth`` with ``USER_PASSWORD_AUTH``, ``AdminInitiateAuth`` with
    ``ADMIN_USER_PASSWORD_AUTH`` and managed login (never by SRP sign-ins). ``user_name`` defaults to
    :data:`EMAIL`, the name the user typed.

    :param password: ``request.password``, as typed. Default: :data:`PASSWORD`.
    :param validation_data: ``request.validationData`` (``ClientMetadata`` of the sign-in). Default: absent.
    :param client_metadata: ``request.clientMetadata``. Default: absent.
    """
    source: Final = "UserMigration_Authentication"
    event: UserMigrationEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header, user_name=EMAIL),
        "request": {"password": password},
        "response": {},
    }
    if validation_data is not None:
        event["request"]["validationData"] = dict(validation_data)
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    return copy.deepcopy(event)


def UserMigration_ForgotPassword(
    *, client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides]
) -> UserMigrationEvent:
    """The migrate user event of ``ForgotPassword`` for a user the pool does not know (no password).

    ``user_name`` defaults to :data:`EMAIL`, the name the user typed.

    :param client_metadata: ``request.clientMetadata`` (``ForgotPassword``'s ``ClientMetadata``). Default: absent.
    """
    source: Final = "UserMigration_ForgotPassword"
    event: UserMigrationEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header, user_name=EMAIL),
        "request": {},
        "response": {},
    }
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    return copy.deepcopy(event)


# -- Custom message and custom senders -------------------------------------------------------------


def _message_recipient(kind: _MESSAGE_SOURCE_KIND, channel: Literal["email", "sms"]) -> dict[str, str]:
    status, verified = _MESSAGE_USER_STATE[kind]
    attributes = {"sub": USER_SUB, "cognito:user_status": status}
    if channel == "email":
        attributes |= {"email": EMAIL, "email_verified": "true" if verified else "false"}
    else:
        attributes |= {"phone_number": PHONE_NUMBER, "phone_number_verified": "true" if verified else "false"}
    return attributes


#: ``userAttributes`` of ``CustomEmailSender_AccountTakeOverNotification``: the notice's details, not
#: the user's attributes (the keys are documented; the values' formats are illustrative).
_ACCOUNT_TAKEOVER_NOTICE: Mapping[str, str] = {
    "EVENT_ID": "c3a6a5c4-EXAMPLE-0000-0000-000000000001",
    "USER_NAME": USER_SUB,
    "IP_ADDRESS": "192.0.2.10",
    "ACCOUNT_TAKE_OVER_ACTION": "BLOCK",
    "ONE_CLICK_LINK_VALID": "https://example.com/feedback?valid=EXAMPLE",
    "ONE_CLICK_LINK_INVALID": "https://example.com/feedback?invalid=EXAMPLE",
    "LOGIN_TIME": "2024-01-01T00:00:00Z",
    "FEEDBACK_TOKEN": "EXAMPLEFEEDBACKTOKEN",
    "CITY": "Seattle",
    "COUNTRY": "United States",
    "DEVICE_NAME": "Chrome, Windows",
}


def _custom_message(
    source: Literal[
        "CustomMessage_SignUp", "CustomMessage_AdminCreateUser", "CustomMessage_ResendCode",
        "CustomMessage_ForgotPassword", "CustomMessage_UpdateUserAttribute", "CustomMessage_VerifyUserAttribute",
        "CustomMessage_Authentication",
    ],
    kind: _MESSAGE_SOURCE_KIND,
    header: HeaderOverrides,
    user_attributes: Mapping[str, str] | None,
    client_metadata: Mapping[str, str] | None,
) -> CustomMessageEvent:  # fmt: skip
    channel: Literal["email", "sms"] = "sms" if kind == "Authentication" else "email"
    event: CustomMessageEvent = {
        "version": "1",
        "triggerSource": source,
        **_header(source, header),
        "request": {
            "userAttributes": dict(_message_recipient(kind, channel) if user_attributes is None else user_attributes),
            "codeParameter": "{####}",
            "linkParameter": "{##Click Here##}",
            "usernameParameter": "{username}" if kind == "AdminCreateUser" else None,
        },
        "response": {"smsMessage": None, "emailMessage": None, "emailSubject": None},
    }
    if client_metadata is not None:
        event["request"]["clientMetadata"] = dict(client_metadata)
    return copy.deepcopy(event)


def CustomMessage_SignUp(
    *, user_attributes: Mapping[str, str] | None = None, client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> CustomMessageEvent:  # fmt: skip
    """The custom message event of the confirmation code ``SignUp`` sends.

    :param user_attributes: ``request.userAttributes``. Default: the recipient as Cognito has it when it
        sends this message (here an unconfirmed user with an unverified email).
    :param client_metadata: ``request.clientMetadata``. Default: absent.
    """
    return _custom_message("CustomMessage_SignUp", "SignUp", header, user_attributes, client_metadata)


def CustomMessage_AdminCreateUser(
    *, user_attributes: Mapping[str, str] | None = None, client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> CustomMessageEvent:  # fmt: skip
    """The custom message event of the invitation (username and temporary password) ``AdminCreateUser`` sends.

    ``usernameParameter`` is ``"{username}"``. Keywords as :func:`CustomMessage_SignUp`.
    """
    return _custom_message("CustomMessage_AdminCreateUser", "AdminCreateUser", header, user_attributes, client_metadata)


def CustomMessage_ResendCode(
    *, user_attributes: Mapping[str, str] | None = None, client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> CustomMessageEvent:  # fmt: skip
    """The custom message event of ``ResendConfirmationCode``. Keywords as :func:`CustomMessage_SignUp`."""
    return _custom_message("CustomMessage_ResendCode", "ResendCode", header, user_attributes, client_metadata)


def CustomMessage_ForgotPassword(
    *, user_attributes: Mapping[str, str] | None = None, client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> CustomMessageEvent:  # fmt: skip
    """The custom message event of ``ForgotPassword`` and ``AdminResetUserPassword``.

    Keywords as :func:`CustomMessage_SignUp`.
    """
    return _custom_message("CustomMessage_ForgotPassword", "ForgotPassword", header, user_attributes, client_metadata)


def CustomMessage_UpdateUserAttribute(
    *, user_attributes: Mapping[str, str] | None = None, client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> CustomMessageEvent:  # fmt: skip
    """The custom message event of ``UpdateUserAttributes``/``AdminUpdateUserAttributes`` changing an address.

    Keywords as :func:`CustomMessage_SignUp`.
    """
    return _custom_message(
        "CustomMessage_UpdateUserAttribute", "UpdateUserAttribute", header, user_attributes, client_metadata
    )


def CustomMessage_VerifyUserAttribute(
    *, user_attributes: Mapping[str, str] | None = None, client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> CustomMessageEvent:  # fmt: skip
    """The custom message event of ``GetUserAttributeVerificationCode``. Keywords as :func:`CustomMessage_SignUp`."""
    return _custom_message(
        "CustomMessage_VerifyUserAttribute", "VerifyUserAttribute", header, user_attributes, client_metadata
    )


def CustomMessage_Authentication(
    *, user_attributes: Mapping[str, str] | None = None, client_metadata: Mapping[str, str] | None = None,
    **header: Unpack[HeaderOverrides],
) -> CustomMessageEvent:  # fmt: skip
    """The custom message event of the SMS MFA code sent during a sign-in (the recipient has a phone number).

    Keywords as :func:`CustomMessage_SignUp`.
    """
    return _custom_message("CustomMessage_Authentication", "Authentication", header, user_attributes, client_metadata)


def _custom_email_sender(
    source: Literal[
        "CustomEmailSender_SignUp", "CustomEmailSender_ResendCode", "CustomEmailSender_ForgotPassword",
        "CustomEmailSender_UpdateUserAttribute", "CustomEmailSender_VerifyUserAttribute",
        "CustomEmailSender_AdminCreateUser", "CustomEmailSender_AccountTakeOverNotification",
        "CustomEmailSender_Authentication",
    ],
    kind: _MESSAGE_SOURCE_KIND,
    header: HeaderOverrides,
    code: str | None,
    user_attributes: Mapping[str, str] | None,
    client_metadata: Mapping[str, str] | None,
) -> CustomEmailSenderEvent:  # fmt: skip
    if user_attributes is None:
        takeover = kind == "AccountTakeOverNotification"
        user_attributes = _ACCOUNT_TAKEOVER_NOTICE if takeover else _message_recipient(kind, "email")
    head = _header(source, header)
    # No response key: Cognito's documented and captured sender events have none.
    event: CustomEmailSenderEvent = {
        "version": "1",
        "triggerSource": source,
        "region": head["region"],
        "userPoolId": head["userPoolId"],
        "userName": head["userName"],
        "callerContext": head["callerContext"],
        "request": {
            "type": "customEmailSenderRequestV1",
            "code": code,
            "userAttributes": dict(user_attributes),
            # Captured events carry null when the API call had no ClientMetadata.
            "clientMetadata": None if client_metadata is None else dict(client_metadata),
        },
    }
    return copy.deepcopy(event)


def _custom_sms_sender(
    source: Literal[
        "CustomSMSSender_SignUp", "CustomSMSSender_ResendCode", "CustomSMSSender_ForgotPassword",
        "CustomSMSSender_UpdateUserAttribute", "CustomSMSSender_VerifyUserAttribute",
        "CustomSMSSender_AdminCreateUser", "CustomSMSSender_Authentication",
    ],
    kind: _MESSAGE_SOURCE_KIND,
    header: HeaderOverrides,
    code: str | None,
    user_attributes: Mapping[str, str] | None,
    client_metadata: Mapping[str, str] | None,
) -> CustomSMSSenderEvent:  # fmt: skip
    head = _header(source, header)
    event: CustomSMSSenderEvent = {
        "version": "1",
        "triggerSource": source,
        "region": head["region"],
        "userPoolId": head["userPoolId"],
        "userName": head["userName"],
        "callerContext": head["callerContext"],
        "request": {
            "type": "customSMSSenderRequestV1",
            "code": code,
            "userAttributes": dict(user_attributes if user_attributes is not None else _message_recipient(kind, "sms")),
            "clientMetadata": None if client_metadata is None else dict(client_metadata),
        },
    }
    return copy.deepcopy(event)


def CustomEmailSender_SignUp(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomEmailSenderEvent:  # fmt: skip
    """The custom email sender event of the confirmation code ``SignUp`` sends.

    :param code: ``request.code``, the encrypted code or temporary password. Default: :data:`ENCRYPTED_CODE`.
    :param user_attributes: ``request.userAttributes``. Default: the recipient as Cognito has it when it
        sends this message.
    :param client_metadata: ``request.clientMetadata``. Default: ``None`` (sent as ``null``).
    """
    return _custom_email_sender("CustomEmailSender_SignUp", "SignUp", header, code, user_attributes, client_metadata)


def CustomEmailSender_ResendCode(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomEmailSenderEvent:  # fmt: skip
    """The custom email sender event of the code ``ResendConfirmationCode`` sends.

    Keywords as :func:`CustomEmailSender_SignUp`.
    """
    return _custom_email_sender(
        "CustomEmailSender_ResendCode", "ResendCode", header, code, user_attributes, client_metadata
    )


def CustomEmailSender_ForgotPassword(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomEmailSenderEvent:  # fmt: skip
    """The custom email sender event of the reset code ``ForgotPassword`` and ``AdminResetUserPassword`` send.

    Keywords as :func:`CustomEmailSender_SignUp`.
    """
    return _custom_email_sender(
        "CustomEmailSender_ForgotPassword", "ForgotPassword", header, code, user_attributes, client_metadata
    )


def CustomEmailSender_UpdateUserAttribute(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomEmailSenderEvent:  # fmt: skip
    """The custom email sender event of the code sent when ``UpdateUserAttributes`` changes the email.

    Keywords as :func:`CustomEmailSender_SignUp`.
    """
    return _custom_email_sender(
        "CustomEmailSender_UpdateUserAttribute", "UpdateUserAttribute", header, code, user_attributes, client_metadata
    )


def CustomEmailSender_VerifyUserAttribute(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomEmailSenderEvent:  # fmt: skip
    """The custom email sender event of the verification code ``GetUserAttributeVerificationCode`` sends.

    Keywords as :func:`CustomEmailSender_SignUp`.
    """
    return _custom_email_sender(
        "CustomEmailSender_VerifyUserAttribute", "VerifyUserAttribute", header, code, user_attributes, client_metadata
    )


def CustomEmailSender_AdminCreateUser(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomEmailSenderEvent:  # fmt: skip
    """The custom email sender event of the invitation with a temporary password ``AdminCreateUser`` sends.

    Keywords as :func:`CustomEmailSender_SignUp`.
    """
    return _custom_email_sender(
        "CustomEmailSender_AdminCreateUser", "AdminCreateUser", header, code, user_attributes, client_metadata
    )


def CustomEmailSender_AccountTakeOverNotification(
    *, code: str | None = None, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomEmailSenderEvent:  # fmt: skip
    """The custom email sender event of the notice threat protection sends about an account takeover attempt.

    ``code`` defaults to ``None`` and ``userAttributes`` carries the notice's details (``EVENT_ID``,
    ``IP_ADDRESS``, ``ACCOUNT_TAKE_OVER_ACTION``...). Keywords as :func:`CustomEmailSender_SignUp`.
    """
    return _custom_email_sender(
        "CustomEmailSender_AccountTakeOverNotification",
        "AccountTakeOverNotification",
        header,
        code,
        user_attributes,
        client_metadata,
    )


def CustomEmailSender_Authentication(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomEmailSenderEvent:  # fmt: skip
    """The custom email sender event of the email MFA / one-time code sent during a sign-in.

    Keywords as :func:`CustomEmailSender_SignUp`.
    """
    return _custom_email_sender(
        "CustomEmailSender_Authentication", "Authentication", header, code, user_attributes, client_metadata
    )


def CustomSMSSender_SignUp(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomSMSSenderEvent:  # fmt: skip
    """The custom SMS sender event of the confirmation code ``SignUp`` sends.

    :param code: ``request.code``, the encrypted code or temporary password. Default: :data:`ENCRYPTED_CODE`.
    :param user_attributes: ``request.userAttributes``. Default: the recipient as Cognito has it when it
        sends this message.
    :param client_metadata: ``request.clientMetadata``. Default: ``None`` (sent as ``null``).
    """
    return _custom_sms_sender("CustomSMSSender_SignUp", "SignUp", header, code, user_attributes, client_metadata)


def CustomSMSSender_ResendCode(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomSMSSenderEvent:  # fmt: skip
    """The custom SMS sender event of the code ``ResendConfirmationCode`` sends.

    Keywords as :func:`CustomSMSSender_SignUp`.
    """
    return _custom_sms_sender(
        "CustomSMSSender_ResendCode", "ResendCode", header, code, user_attributes, client_metadata
    )


def CustomSMSSender_ForgotPassword(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomSMSSenderEvent:  # fmt: skip
    """The custom SMS sender event of the reset code ``ForgotPassword`` and ``AdminResetUserPassword`` send.

    Keywords as :func:`CustomSMSSender_SignUp`.
    """
    return _custom_sms_sender(
        "CustomSMSSender_ForgotPassword", "ForgotPassword", header, code, user_attributes, client_metadata
    )


def CustomSMSSender_UpdateUserAttribute(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomSMSSenderEvent:  # fmt: skip
    """The custom SMS sender event of the code sent when ``UpdateUserAttributes`` changes the phone number.

    Keywords as :func:`CustomSMSSender_SignUp`.
    """
    return _custom_sms_sender(
        "CustomSMSSender_UpdateUserAttribute", "UpdateUserAttribute", header, code, user_attributes, client_metadata
    )


def CustomSMSSender_VerifyUserAttribute(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomSMSSenderEvent:  # fmt: skip
    """The custom SMS sender event of the verification code ``GetUserAttributeVerificationCode`` sends.

    Keywords as :func:`CustomSMSSender_SignUp`.
    """
    return _custom_sms_sender(
        "CustomSMSSender_VerifyUserAttribute", "VerifyUserAttribute", header, code, user_attributes, client_metadata
    )


def CustomSMSSender_AdminCreateUser(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomSMSSenderEvent:  # fmt: skip
    """The custom SMS sender event of the invitation with a temporary password ``AdminCreateUser`` sends.

    Keywords as :func:`CustomSMSSender_SignUp`.
    """
    return _custom_sms_sender(
        "CustomSMSSender_AdminCreateUser", "AdminCreateUser", header, code, user_attributes, client_metadata
    )


def CustomSMSSender_Authentication(
    *, code: str | None = ENCRYPTED_CODE, user_attributes: Mapping[str, str] | None = None,
    client_metadata: Mapping[str, str] | None = None, **header: Unpack[HeaderOverrides],
) -> CustomSMSSenderEvent:  # fmt: skip
    """The custom SMS sender event of the SMS MFA code sent during a sign-in.

    Keywords as :func:`CustomSMSSender_SignUp`.
    """
    return _custom_sms_sender(
        "CustomSMSSender_Authentication", "Authentication", header, code, user_attributes, client_metadata
    )
