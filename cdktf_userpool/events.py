"""Typed Amazon Cognito user pool trigger events: one ``TypedDict`` per trigger.

Cognito calls a trigger with a JSON object and Lambda hands it to the handler as a plain ``dict``;
these types describe that dict so that a type checker can follow a handler. Every event has the
common header (``version``, ``triggerSource``, ``region``, ``userPoolId``, ``userName``,
``callerContext``), a ``request`` Cognito fills in and a ``response`` the handler fills in before
returning the whole event::

    from __future__ import annotations

    from typing import TYPE_CHECKING

    if TYPE_CHECKING:  # the types are for the checker; Lambda's package has no cdktf_userpool
        from cdktf_userpool.events import LambdaContext, PreSignUpEvent

    def handler(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
        email = event["request"]["userAttributes"].get("email", "")
        event["response"]["autoConfirmUser"] = email.endswith("@example.com")
        return event

Keys Cognito may leave out are ``NotRequired``; so are most ``response`` keys, since Cognito sends
``{}`` or ``null`` placeholders there and the handler sets what it needs. ``triggerSource`` is a
``Literal`` of the trigger's sources, so a checker can narrow on it. The ``*Handler`` aliases name the
callables a trigger accepts, with or without Lambda's context argument, synchronous or ``async``.

Non-goals: this module does not validate or parse events at run time (the types are erased; events
stay dicts, as Lambda delivers them), it does not wrap them in accessor classes, and it does not model
the inbound federation trigger, which the Terraform provider cannot configure. Cognito may add keys
over time: handlers should tolerate keys these types do not declare. The module imports only the
standard library and has no side effects.
"""

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Literal, NotRequired, Protocol, TypeAlias, TypedDict, TypeVar

__all__ = [
    # Shared parts
    "AccessTokenGeneration", "CallerContext", "ChallengeResult", "ClaimValue", "ClaimsAndScopeOverrideDetails",
    "ClaimsOverrideDetails", "EmptyResponse", "GroupConfiguration", "GroupOverrideDetails", "IdTokenGeneration",
    "LambdaContext",
    # Events, with their request and response parts
    "AnyPreTokenGenerationEvent", "CreateAuthChallengeEvent", "CreateAuthChallengeRequest",
    "CreateAuthChallengeResponse", "CustomEmailSenderEvent", "CustomEmailSenderRequest", "CustomMessageEvent",
    "CustomMessageRequest", "CustomMessageResponse", "CustomSMSSenderEvent", "CustomSMSSenderRequest",
    "DefineAuthChallengeEvent", "DefineAuthChallengeRequest", "DefineAuthChallengeResponse",
    "PostAuthenticationEvent", "PostAuthenticationRequest", "PostConfirmationEvent", "PostConfirmationRequest",
    "PreAuthenticationEvent", "PreAuthenticationRequest", "PreSignUpEvent", "PreSignUpRequest", "PreSignUpResponse",
    "PreTokenGenerationEvent", "PreTokenGenerationRequest", "PreTokenGenerationResponse",
    "PreTokenGenerationV2Event", "PreTokenGenerationV2Request", "PreTokenGenerationV2Response",
    "PreTokenGenerationV3Event", "UserMigrationEvent", "UserMigrationRequest", "UserMigrationResponse",
    "VerifyAuthChallengeResponseEvent", "VerifyAuthChallengeResponseRequest", "VerifyAuthChallengeResponseResponse",
    # Handlers: (event, context) and event-only forms
    "AnyPreTokenGenerationEventHandler", "AnyPreTokenGenerationHandler", "CreateAuthChallengeEventHandler",
    "CreateAuthChallengeHandler", "CustomEmailSenderEventHandler", "CustomEmailSenderHandler",
    "CustomMessageEventHandler", "CustomMessageHandler", "CustomSMSSenderEventHandler", "CustomSMSSenderHandler",
    "DefineAuthChallengeEventHandler", "DefineAuthChallengeHandler", "PostAuthenticationEventHandler",
    "PostAuthenticationHandler", "PostConfirmationEventHandler", "PostConfirmationHandler",
    "PreAuthenticationEventHandler", "PreAuthenticationHandler", "PreSignUpEventHandler", "PreSignUpHandler",
    "PreTokenGenerationEventHandler", "PreTokenGenerationHandler", "PreTokenGenerationV2EventHandler",
    "PreTokenGenerationV2Handler", "PreTokenGenerationV3EventHandler", "PreTokenGenerationV3Handler",
    "UserMigrationEventHandler", "UserMigrationHandler", "VerifyAuthChallengeResponseEventHandler",
    "VerifyAuthChallengeResponseHandler",
]


# -- Lambda's context object -----------------------------------------------------------------------


class LambdaContext(Protocol):
    """The context object Lambda's Python runtime passes as a handler's second argument.

    Only the attributes every invocation has; the members are read-only properties so that any
    object with these attributes (a test double with plain class attributes included) matches.
    """

    @property
    def function_name(self) -> str:
        """The Lambda function's name."""
        ...

    @property
    def function_version(self) -> str:
        """The version that runs, ``"$LATEST"`` unless a version was published."""
        ...

    @property
    def invoked_function_arn(self) -> str:
        """The ARN Cognito invoked (with a version or alias suffix if it used one)."""
        ...

    @property
    def memory_limit_in_mb(self) -> str | int:
        """The memory size: the runtime passes the environment variable's text (``"128"``), doubles often an int."""
        ...

    @property
    def aws_request_id(self) -> str:
        """The invocation's request id."""
        ...

    @property
    def log_group_name(self) -> str:
        """The CloudWatch log group the function writes to."""
        ...

    @property
    def log_stream_name(self) -> str:
        """The CloudWatch log stream of this execution environment."""
        ...

    def get_remaining_time_in_millis(self) -> int:
        """Milliseconds left before the invocation times out (Cognito waits 5 seconds at most)."""
        ...


# -- Shared parts ----------------------------------------------------------------------------------


class CallerContext(TypedDict):
    """Who called Cognito: ``callerContext`` in every event's header."""

    awsSdkVersion: str
    """The caller's SDK, e.g. ``"aws-sdk-js-3.241.0"``; ``"aws-sdk-unknown-unknown"`` for managed login."""
    clientId: str
    """The app client id."""


class _TriggerEventHeader(TypedDict):
    """The header keys every event shares, except ``userName`` (see :class:`_UserTriggerEventHeader`).

    ``version`` and ``triggerSource`` are declared by each event, with that event's own values.
    """

    region: str
    userPoolId: str
    callerContext: CallerContext


class _UserTriggerEventHeader(_TriggerEventHeader):
    """The header of an event about a user: it names the user."""

    userName: str
    """The pool's username (for email- or phone-as-username pools, the UUID that equals ``sub``)."""


class EmptyResponse(TypedDict):
    """The ``response`` of a trigger that returns nothing: Cognito sends ``{}``; return the event unchanged."""


class ChallengeResult(TypedDict):
    """One entry of ``request.session`` in the custom authentication triggers, oldest first."""

    challengeName: str
    """``"CUSTOM_CHALLENGE"``, ``"SRP_A"``, ``"PASSWORD_VERIFIER"``, ``"SMS_MFA"``, ``"EMAIL_OTP"``,
    ``"SOFTWARE_TOKEN_MFA"``, ``"DEVICE_SRP_AUTH"``, ``"DEVICE_PASSWORD_VERIFIER"`` or
    ``"ADMIN_NO_SRP_AUTH"`` (a plain ``str``: Cognito adds challenge names over time)."""
    challengeResult: bool
    challengeMetadata: NotRequired[str | None]
    """What create auth challenge returned as ``challengeMetadata``; only for custom challenges."""


class GroupConfiguration(TypedDict):
    """``request.groupConfiguration`` of pre token generation: the user's groups as Cognito would issue them."""

    groupsToOverride: list[str]
    iamRolesToOverride: list[str]
    preferredRole: NotRequired[str | None]


class GroupOverrideDetails(TypedDict, total=False):
    """``groupOverrideDetails`` of a pre token generation response; it *replaces* the groups in the tokens.

    Leave the whole ``claimsOverrideDetails``/``claimsAndScopeOverrideDetails`` ``null`` to keep the
    groups; to keep them while overriding something else, copy them in:
    ``{"groupOverrideDetails": {**event["request"]["groupConfiguration"]}}`` (the unpacking makes
    the copy type-check: the request's keys are required, these are not).
    """

    groupsToOverride: list[str]
    iamRolesToOverride: list[str]
    preferredRole: str | None


class ClaimsOverrideDetails(TypedDict, total=False):
    """``response.claimsOverrideDetails`` of a V1_0 pre token generation event (ID token only)."""

    claimsToAddOrOverride: dict[str, str]
    """Claims to add to or replace in the ID token; V1_0 claim values are strings."""
    claimsToSuppress: list[str]
    """Claim names to remove; suppression wins over ``claimsToAddOrOverride``."""
    groupOverrideDetails: GroupOverrideDetails | None


ClaimValue: TypeAlias = str | int | float | bool | Sequence[str | int | float | bool] | Mapping[str, object]
"""A V2_0/V3_0 claim value: a string, number, boolean, an array of those, or a JSON object.

(``email_verified``, ``phone_number_verified``, ``updated_at`` and ``address`` in the ID token cannot be
complex values.)"""


class IdTokenGeneration(TypedDict, total=False):
    """``idTokenGeneration`` of a V2_0/V3_0 pre token generation response."""

    # Mapping, not dict: dict is invariant, so a dict[str, str] built by the handler would not fit.
    claimsToAddOrOverride: Mapping[str, ClaimValue]
    claimsToSuppress: list[str]


class AccessTokenGeneration(TypedDict, total=False):
    """``accessTokenGeneration`` of a V2_0/V3_0 pre token generation response."""

    claimsToAddOrOverride: Mapping[str, ClaimValue]
    claimsToSuppress: list[str]
    scopesToAdd: list[str]
    scopesToSuppress: list[str]


class ClaimsAndScopeOverrideDetails(TypedDict, total=False):
    """``response.claimsAndScopeOverrideDetails`` of a V2_0/V3_0 pre token generation event."""

    idTokenGeneration: IdTokenGeneration
    accessTokenGeneration: AccessTokenGeneration
    groupOverrideDetails: GroupOverrideDetails | None


# -- Pre sign-up -----------------------------------------------------------------------------------


class PreSignUpRequest(TypedDict):
    """``request`` of :class:`PreSignUpEvent`."""

    userAttributes: dict[str, str]
    """The attributes submitted with the sign-up (booleans are strings: ``"true"``)."""
    validationData: NotRequired[dict[str, str] | None]
    """``ValidationData`` of ``SignUp``/``AdminCreateUser``; ``null`` when the caller sent none."""
    clientMetadata: NotRequired[dict[str, str]]
    """``ClientMetadata`` of ``SignUp``/``AdminCreateUser``."""


class PreSignUpResponse(TypedDict, total=False):
    """``response`` of :class:`PreSignUpEvent`; Cognito sends all three ``false``.

    Cognito ignores it for ``PreSignUp_AdminCreateUser``.
    """

    autoConfirmUser: bool
    autoVerifyEmail: bool
    """Needs an ``email`` attribute, or the sign-up fails."""
    autoVerifyPhone: bool
    """Needs a ``phone_number`` attribute, or the sign-up fails."""


class PreSignUpEvent(_UserTriggerEventHeader):
    """Pre sign-up trigger (``preSignUp``): before Cognito creates a user. Raise to refuse the sign-up.

    Sources: ``PreSignUp_SignUp`` (``SignUp``), ``PreSignUp_AdminCreateUser`` (``AdminCreateUser``),
    ``PreSignUp_ExternalProvider`` (first sign-in of a federated user).
    """

    version: str
    triggerSource: Literal["PreSignUp_SignUp", "PreSignUp_AdminCreateUser", "PreSignUp_ExternalProvider"]
    request: PreSignUpRequest
    response: PreSignUpResponse


# -- Post confirmation -----------------------------------------------------------------------------


class PostConfirmationRequest(TypedDict):
    """``request`` of :class:`PostConfirmationEvent`."""

    userAttributes: dict[str, str]
    """The confirmed user's attributes, ``sub`` and ``cognito:user_status`` included."""
    clientMetadata: NotRequired[dict[str, str]]


class PostConfirmationEvent(_UserTriggerEventHeader):
    """Post confirmation trigger (``postConfirmation``): after a user is confirmed. Return the event unchanged.

    Sources: ``PostConfirmation_ConfirmSignUp`` (``ConfirmSignUp``, ``AdminConfirmSignUp``, an
    auto-confirmed ``SignUp``), ``PostConfirmation_ConfirmForgotPassword`` (``ConfirmForgotPassword``).
    """

    version: str
    triggerSource: Literal["PostConfirmation_ConfirmSignUp", "PostConfirmation_ConfirmForgotPassword"]
    request: PostConfirmationRequest
    response: EmptyResponse


# -- Pre and post authentication -------------------------------------------------------------------


class PreAuthenticationRequest(TypedDict):
    """``request`` of :class:`PreAuthenticationEvent`."""

    userAttributes: dict[str, str]
    validationData: NotRequired[dict[str, str] | None]
    """``ClientMetadata`` of ``InitiateAuth``/``AdminInitiateAuth``."""
    userNotFound: NotRequired[bool]
    """Set when the app client prevents user existence errors and the user does not exist."""


class PreAuthenticationEvent(_UserTriggerEventHeader):
    """Pre authentication trigger (``preAuthentication``): before a sign-in. Raise to refuse it.

    Source: ``PreAuthentication_Authentication`` (``InitiateAuth``/``AdminInitiateAuth``, managed login).
    """

    version: str
    triggerSource: Literal["PreAuthentication_Authentication"]
    request: PreAuthenticationRequest
    response: EmptyResponse


class PostAuthenticationRequest(TypedDict):
    """``request`` of :class:`PostAuthenticationEvent`."""

    userAttributes: dict[str, str]
    newDeviceUsed: bool
    """Whether the user signed in from a new device (meaningful only with device tracking)."""
    clientMetadata: NotRequired[dict[str, str]]
    """Only from ``RespondToAuthChallenge``/``AdminRespondToAuthChallenge``, never from ``InitiateAuth``."""


class PostAuthenticationEvent(_UserTriggerEventHeader):
    """Post authentication trigger (``postAuthentication``): after a successful sign-in. Return the event unchanged.

    Source: ``PostAuthentication_Authentication``.
    """

    version: str
    triggerSource: Literal["PostAuthentication_Authentication"]
    request: PostAuthenticationRequest
    response: EmptyResponse


# -- Custom authentication challenge: define, create, verify ---------------------------------------


class DefineAuthChallengeRequest(TypedDict):
    """``request`` of :class:`DefineAuthChallengeEvent`."""

    userAttributes: dict[str, str]
    session: list[ChallengeResult]
    """The challenges so far, oldest first; ``[]`` on the first call."""
    clientMetadata: NotRequired[dict[str, str]]
    userNotFound: NotRequired[bool]


class DefineAuthChallengeResponse(TypedDict, total=False):
    """``response`` of :class:`DefineAuthChallengeEvent`; Cognito sends all three ``null``."""

    challengeName: str | None
    """The next challenge, e.g. ``"CUSTOM_CHALLENGE"`` or ``"PASSWORD_VERIFIER"``."""
    issueTokens: bool | None
    failAuthentication: bool | None


class DefineAuthChallengeEvent(_UserTriggerEventHeader):
    """Define auth challenge trigger (``defineAuthChallenge``): decides the next step of a ``CUSTOM_AUTH`` sign-in.

    Source: ``DefineAuthChallenge_Authentication`` (``InitiateAuth`` with ``CUSTOM_AUTH`` and every
    ``RespondToAuthChallenge`` after it).
    """

    version: str
    triggerSource: Literal["DefineAuthChallenge_Authentication"]
    request: DefineAuthChallengeRequest
    response: DefineAuthChallengeResponse


class CreateAuthChallengeRequest(TypedDict):
    """``request`` of :class:`CreateAuthChallengeEvent`."""

    userAttributes: dict[str, str]
    challengeName: str
    """The challenge define auth challenge asked for."""
    session: list[ChallengeResult]
    clientMetadata: NotRequired[dict[str, str]]
    userNotFound: NotRequired[bool]


class CreateAuthChallengeResponse(TypedDict, total=False):
    """``response`` of :class:`CreateAuthChallengeEvent`."""

    publicChallengeParameters: dict[str, str]
    """Sent to the client as ``ChallengeParameters``."""
    privateChallengeParameters: dict[str, str]
    """Kept by Cognito; passed to verify auth challenge response only."""
    challengeMetadata: str
    """Echoed as ``challengeMetadata`` in later ``session`` entries."""


class CreateAuthChallengeEvent(_UserTriggerEventHeader):
    """Create auth challenge trigger (``createAuthChallenge``): makes the custom challenge define asked for.

    Source: ``CreateAuthChallenge_Authentication``.
    """

    version: str
    triggerSource: Literal["CreateAuthChallenge_Authentication"]
    request: CreateAuthChallengeRequest
    response: CreateAuthChallengeResponse


class VerifyAuthChallengeResponseRequest(TypedDict):
    """``request`` of :class:`VerifyAuthChallengeResponseEvent`."""

    userAttributes: dict[str, str]
    privateChallengeParameters: dict[str, str]
    """What create auth challenge returned as ``privateChallengeParameters``."""
    challengeAnswer: str
    """The client's ``ChallengeResponses.ANSWER``."""
    clientMetadata: NotRequired[dict[str, str]]
    userNotFound: NotRequired[bool]


class VerifyAuthChallengeResponseResponse(TypedDict, total=False):
    """``response`` of :class:`VerifyAuthChallengeResponseEvent`."""

    answerCorrect: bool | None


class VerifyAuthChallengeResponseEvent(_UserTriggerEventHeader):
    """Verify auth challenge response trigger (``verifyAuthChallengeResponse``): checks the client's answer.

    Source: ``VerifyAuthChallengeResponse_Authentication`` (``RespondToAuthChallenge`` with
    ``CUSTOM_CHALLENGE``).
    """

    version: str
    triggerSource: Literal["VerifyAuthChallengeResponse_Authentication"]
    request: VerifyAuthChallengeResponseRequest
    response: VerifyAuthChallengeResponseResponse


# -- Pre token generation: V1_0, V2_0, V3_0 --------------------------------------------------------

_UserTokenGenerationSource: TypeAlias = Literal[
    "TokenGeneration_HostedAuth",
    "TokenGeneration_Authentication",
    "TokenGeneration_NewPasswordChallenge",
    "TokenGeneration_AuthenticateDevice",
    "TokenGeneration_RefreshTokens",
]


class PreTokenGenerationRequest(TypedDict):
    """``request`` of :class:`PreTokenGenerationEvent` (V1_0)."""

    userAttributes: dict[str, str]
    groupConfiguration: GroupConfiguration
    clientMetadata: NotRequired[dict[str, str]]
    """Only from ``RespondToAuthChallenge``/``AdminRespondToAuthChallenge``."""


class PreTokenGenerationResponse(TypedDict, total=False):
    """``response`` of :class:`PreTokenGenerationEvent`; Cognito sends ``{"claimsOverrideDetails": null}``."""

    claimsOverrideDetails: ClaimsOverrideDetails | None


class PreTokenGenerationEvent(_UserTriggerEventHeader):
    """Pre token generation trigger (``preTokenGeneration``) configured as ``V1_0``: customizes the ID token.

    Sources: ``TokenGeneration_HostedAuth`` (managed login), ``TokenGeneration_Authentication`` (API
    sign-in), ``TokenGeneration_NewPasswordChallenge``, ``TokenGeneration_AuthenticateDevice``,
    ``TokenGeneration_RefreshTokens``. ``version`` is ``"1"``.
    """

    version: Literal["1"]
    triggerSource: _UserTokenGenerationSource
    request: PreTokenGenerationRequest
    response: PreTokenGenerationResponse


class PreTokenGenerationV2Request(TypedDict):
    """``request`` of :class:`PreTokenGenerationV2Event` and :class:`PreTokenGenerationV3Event`."""

    userAttributes: dict[str, str]
    groupConfiguration: GroupConfiguration
    scopes: list[str]
    """The scopes the access token would carry, e.g. ``["aws.cognito.signin.user.admin"]``."""
    clientMetadata: NotRequired[dict[str, str]]


class PreTokenGenerationV2Response(TypedDict, total=False):
    """``response`` of the V2_0 and V3_0 events; Cognito sends ``{"claimsAndScopeOverrideDetails": null}``."""

    claimsAndScopeOverrideDetails: ClaimsAndScopeOverrideDetails | None


class PreTokenGenerationV2Event(_UserTriggerEventHeader):
    """Pre token generation trigger configured as ``V2_0``: customizes the ID and access tokens of users.

    Sources, as for V1_0: ``TokenGeneration_HostedAuth``, ``TokenGeneration_Authentication``,
    ``TokenGeneration_NewPasswordChallenge``, ``TokenGeneration_AuthenticateDevice``,
    ``TokenGeneration_RefreshTokens``. ``version`` is ``"2"``. Needs the Essentials or Plus feature plan.
    """

    version: Literal["2"]
    triggerSource: _UserTokenGenerationSource
    request: PreTokenGenerationV2Request
    response: PreTokenGenerationV2Response


class PreTokenGenerationV3Event(_TriggerEventHeader):
    """Pre token generation trigger configured as ``V3_0``: as V2_0, plus machine-to-machine access tokens.

    Sources: ``TokenGeneration_HostedAuth``, ``TokenGeneration_Authentication``,
    ``TokenGeneration_NewPasswordChallenge``, ``TokenGeneration_AuthenticateDevice``,
    ``TokenGeneration_RefreshTokens`` and ``TokenGeneration_ClientCredentials`` (client-credentials
    grant, machine to machine). ``version`` is ``"3"``. ``userName`` is not required because
    client-credentials events are about an app client, not a user (unconfirmed whether Cognito
    leaves it out or sends a placeholder).
    """

    version: Literal["3"]
    triggerSource: Literal[_UserTokenGenerationSource, "TokenGeneration_ClientCredentials"]
    userName: NotRequired[str]
    request: PreTokenGenerationV2Request
    response: PreTokenGenerationV2Response


AnyPreTokenGenerationEvent: TypeAlias = PreTokenGenerationEvent | PreTokenGenerationV2Event | PreTokenGenerationV3Event
"""A pre token generation event of any version; narrow it on ``event["version"]``."""


# -- Migrate user ----------------------------------------------------------------------------------


class UserMigrationRequest(TypedDict):
    """``request`` of :class:`UserMigrationEvent`. There are no ``userAttributes``: the user does not exist yet."""

    password: NotRequired[str]
    """The password the user typed; only for ``UserMigration_Authentication``. Never log it."""
    validationData: NotRequired[dict[str, str] | None]
    clientMetadata: NotRequired[dict[str, str]]


class UserMigrationResponse(TypedDict, total=False):
    """``response`` of :class:`UserMigrationEvent`: the user to create (``userAttributes`` is required to migrate)."""

    userAttributes: dict[str, str] | None
    finalUserStatus: Literal["CONFIRMED", "RESET_REQUIRED"] | None
    messageAction: Literal["SUPPRESS", "RESEND"] | None
    desiredDeliveryMediums: list[Literal["EMAIL", "SMS"]] | None
    forceAliasCreation: bool | None
    enableSMSMFA: bool | None


class UserMigrationEvent(_UserTriggerEventHeader):
    """Migrate user trigger (``userMigration``): imports a user Cognito does not know, from another directory.

    Sources: ``UserMigration_Authentication`` (password sign-in of an unknown user; ``userName`` is
    what the user typed), ``UserMigration_ForgotPassword`` (``ForgotPassword`` of an unknown user).
    """

    version: str
    triggerSource: Literal["UserMigration_Authentication", "UserMigration_ForgotPassword"]
    request: UserMigrationRequest
    response: UserMigrationResponse


# -- Custom message --------------------------------------------------------------------------------


class CustomMessageRequest(TypedDict):
    """``request`` of :class:`CustomMessageEvent`."""

    userAttributes: dict[str, str]
    codeParameter: str
    """The placeholder to put where the code goes, e.g. ``"{####}"``."""
    linkParameter: NotRequired[str | None]
    """The placeholder for a verification link, e.g. ``"{##Click Here##}"``."""
    usernameParameter: str | None
    """The username placeholder (``"{username}"``) for ``CustomMessage_AdminCreateUser``; ``null`` otherwise."""
    clientMetadata: NotRequired[dict[str, str]]


class CustomMessageResponse(TypedDict, total=False):
    """``response`` of :class:`CustomMessageEvent`; Cognito sends all three ``null`` (keeps the pool's template)."""

    smsMessage: str | None
    emailMessage: str | None
    emailSubject: str | None


class CustomMessageEvent(_UserTriggerEventHeader):
    """Custom message trigger (``customMessage``): writes the email or SMS text Cognito sends.

    Sources: ``CustomMessage_SignUp``, ``CustomMessage_AdminCreateUser``, ``CustomMessage_ResendCode``,
    ``CustomMessage_ForgotPassword``, ``CustomMessage_UpdateUserAttribute``,
    ``CustomMessage_VerifyUserAttribute``, ``CustomMessage_Authentication`` (SMS MFA code).
    """

    version: str
    triggerSource: Literal[
        "CustomMessage_SignUp",
        "CustomMessage_AdminCreateUser",
        "CustomMessage_ResendCode",
        "CustomMessage_ForgotPassword",
        "CustomMessage_UpdateUserAttribute",
        "CustomMessage_VerifyUserAttribute",
        "CustomMessage_Authentication",
    ]
    request: CustomMessageRequest
    response: CustomMessageResponse


# -- Custom email and SMS senders ------------------------------------------------------------------


class CustomEmailSenderRequest(TypedDict):
    """``request`` of :class:`CustomEmailSenderEvent`."""

    type: Literal["customEmailSenderRequestV1"]
    code: str | None
    """The code or temporary password, encrypted with the pool's KMS key (AWS Encryption SDK, base64);
    ``null`` when there is none (account takeover notices)."""
    userAttributes: dict[str, str]
    """For ``CustomEmailSender_AccountTakeOverNotification``: ``EVENT_ID``, ``USER_NAME``, ``IP_ADDRESS``,
    ``ACCOUNT_TAKE_OVER_ACTION``, ``ONE_CLICK_LINK_VALID``, ``ONE_CLICK_LINK_INVALID``, ``LOGIN_TIME``,
    ``FEEDBACK_TOKEN`` and, when known, ``CITY``, ``COUNTRY``, ``DEVICE_NAME``."""
    clientMetadata: NotRequired[dict[str, str] | None]


class CustomEmailSenderEvent(_UserTriggerEventHeader):
    """Custom email sender trigger (``customEmailSender``): the function delivers Cognito's emails itself.

    Sources: ``CustomEmailSender_SignUp``, ``CustomEmailSender_ResendCode``,
    ``CustomEmailSender_ForgotPassword``, ``CustomEmailSender_UpdateUserAttribute``,
    ``CustomEmailSender_VerifyUserAttribute``, ``CustomEmailSender_AdminCreateUser``,
    ``CustomEmailSender_AccountTakeOverNotification``, ``CustomEmailSender_Authentication`` (email MFA).
    Cognito expects no response; its documented and captured events have no ``response`` key.
    """

    version: str
    triggerSource: Literal[
        "CustomEmailSender_SignUp",
        "CustomEmailSender_ResendCode",
        "CustomEmailSender_ForgotPassword",
        "CustomEmailSender_UpdateUserAttribute",
        "CustomEmailSender_VerifyUserAttribute",
        "CustomEmailSender_AdminCreateUser",
        "CustomEmailSender_AccountTakeOverNotification",
        "CustomEmailSender_Authentication",
    ]
    request: CustomEmailSenderRequest
    response: NotRequired[EmptyResponse]


class CustomSMSSenderRequest(TypedDict):
    """``request`` of :class:`CustomSMSSenderEvent`."""

    type: Literal["customSMSSenderRequestV1"]
    code: str | None
    """The code or temporary password, encrypted with the pool's KMS key (AWS Encryption SDK, base64)."""
    userAttributes: dict[str, str]
    clientMetadata: NotRequired[dict[str, str] | None]


class CustomSMSSenderEvent(_UserTriggerEventHeader):
    """Custom SMS sender trigger (``customSmsSender``): the function delivers Cognito's text messages itself.

    Sources: ``CustomSMSSender_SignUp``, ``CustomSMSSender_ResendCode``, ``CustomSMSSender_ForgotPassword``,
    ``CustomSMSSender_UpdateUserAttribute``, ``CustomSMSSender_VerifyUserAttribute``,
    ``CustomSMSSender_AdminCreateUser``, ``CustomSMSSender_Authentication`` (SMS MFA).
    Cognito expects no response.
    """

    version: str
    triggerSource: Literal[
        "CustomSMSSender_SignUp",
        "CustomSMSSender_ResendCode",
        "CustomSMSSender_ForgotPassword",
        "CustomSMSSender_UpdateUserAttribute",
        "CustomSMSSender_VerifyUserAttribute",
        "CustomSMSSender_AdminCreateUser",
        "CustomSMSSender_Authentication",
    ]
    request: CustomSMSSenderRequest
    response: NotRequired[EmptyResponse]


# --------------------------------------------------------------------------------------------------
# Handlers
#
# ``<Trigger>Handler`` takes Lambda's ``(event, context)``; ``<Trigger>EventHandler`` takes the event
# only. Both return the event (with its response filled in), directly or from a coroutine.
# --------------------------------------------------------------------------------------------------

_E = TypeVar("_E")
_Handler: TypeAlias = Callable[[_E, LambdaContext], _E | Awaitable[_E]]
_EventHandler: TypeAlias = Callable[[_E], _E | Awaitable[_E]]

PreSignUpHandler: TypeAlias = _Handler[PreSignUpEvent]
PreSignUpEventHandler: TypeAlias = _EventHandler[PreSignUpEvent]
PostConfirmationHandler: TypeAlias = _Handler[PostConfirmationEvent]
PostConfirmationEventHandler: TypeAlias = _EventHandler[PostConfirmationEvent]
PreAuthenticationHandler: TypeAlias = _Handler[PreAuthenticationEvent]
PreAuthenticationEventHandler: TypeAlias = _EventHandler[PreAuthenticationEvent]
PostAuthenticationHandler: TypeAlias = _Handler[PostAuthenticationEvent]
PostAuthenticationEventHandler: TypeAlias = _EventHandler[PostAuthenticationEvent]
DefineAuthChallengeHandler: TypeAlias = _Handler[DefineAuthChallengeEvent]
DefineAuthChallengeEventHandler: TypeAlias = _EventHandler[DefineAuthChallengeEvent]
CreateAuthChallengeHandler: TypeAlias = _Handler[CreateAuthChallengeEvent]
CreateAuthChallengeEventHandler: TypeAlias = _EventHandler[CreateAuthChallengeEvent]
VerifyAuthChallengeResponseHandler: TypeAlias = _Handler[VerifyAuthChallengeResponseEvent]
VerifyAuthChallengeResponseEventHandler: TypeAlias = _EventHandler[VerifyAuthChallengeResponseEvent]
PreTokenGenerationHandler: TypeAlias = _Handler[PreTokenGenerationEvent]
PreTokenGenerationEventHandler: TypeAlias = _EventHandler[PreTokenGenerationEvent]
PreTokenGenerationV2Handler: TypeAlias = _Handler[PreTokenGenerationV2Event]
PreTokenGenerationV2EventHandler: TypeAlias = _EventHandler[PreTokenGenerationV2Event]
PreTokenGenerationV3Handler: TypeAlias = _Handler[PreTokenGenerationV3Event]
PreTokenGenerationV3EventHandler: TypeAlias = _EventHandler[PreTokenGenerationV3Event]
#: A pre token generation handler of any one version (the trigger's ``lambda_version`` picks which).
AnyPreTokenGenerationHandler: TypeAlias = (
    PreTokenGenerationHandler | PreTokenGenerationV2Handler | PreTokenGenerationV3Handler
)
#: The event-only form of :data:`AnyPreTokenGenerationHandler`.
AnyPreTokenGenerationEventHandler: TypeAlias = (
    PreTokenGenerationEventHandler | PreTokenGenerationV2EventHandler | PreTokenGenerationV3EventHandler
)
UserMigrationHandler: TypeAlias = _Handler[UserMigrationEvent]
UserMigrationEventHandler: TypeAlias = _EventHandler[UserMigrationEvent]
CustomMessageHandler: TypeAlias = _Handler[CustomMessageEvent]
CustomMessageEventHandler: TypeAlias = _EventHandler[CustomMessageEvent]
CustomEmailSenderHandler: TypeAlias = _Handler[CustomEmailSenderEvent]
CustomEmailSenderEventHandler: TypeAlias = _EventHandler[CustomEmailSenderEvent]
CustomSMSSenderHandler: TypeAlias = _Handler[CustomSMSSenderEvent]
CustomSMSSenderEventHandler: TypeAlias = _EventHandler[CustomSMSSenderEvent]
