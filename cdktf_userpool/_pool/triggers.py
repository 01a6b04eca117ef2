"""The twelve Cognito user pool triggers, described once.

:data:`TRIGGERS` is the single table that ``lambda_triggers=``, the ``on_<trigger>`` methods,
``on()``, validation, permissions and the docs all read. It is not a registry of functions: it
only describes what Cognito offers.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from ..errors import UnknownTriggerError

__all__ = ["LambdaVersion", "TRIGGERS", "TriggerSpec", "UserPoolOperation", "resolve_operation"]

LambdaVersion = Literal["V1_0", "V2_0", "V3_0"]
"""Event versions a trigger can be configured with (only some triggers take a version)."""


class UserPoolOperation(str, enum.Enum):
    """A Cognito user pool trigger; the value is its name as Cognito's documentation spells it."""

    CREATE_AUTH_CHALLENGE = "createAuthChallenge"
    CUSTOM_MESSAGE = "customMessage"
    DEFINE_AUTH_CHALLENGE = "defineAuthChallenge"
    POST_AUTHENTICATION = "postAuthentication"
    POST_CONFIRMATION = "postConfirmation"
    PRE_AUTHENTICATION = "preAuthentication"
    PRE_SIGN_UP = "preSignUp"
    PRE_TOKEN_GENERATION = "preTokenGeneration"
    USER_MIGRATION = "userMigration"
    VERIFY_AUTH_CHALLENGE_RESPONSE = "verifyAuthChallengeResponse"
    CUSTOM_EMAIL_SENDER = "customEmailSender"
    CUSTOM_SMS_SENDER = "customSmsSender"

    def __str__(self) -> str:
        return self.value

    @property
    def spec(self) -> TriggerSpec:
        """This trigger's row of :data:`TRIGGERS`."""
        return TRIGGERS[self]


@dataclass(frozen=True)
class TriggerSpec:
    """How one trigger is named and configured.

    :ivar docs_name: the name in Cognito's documentation, e.g. ``"preSignUp"``.
    :ivar snake_name: the Python name, e.g. ``"pre_sign_up"``: the ``lambda_triggers`` key and the
        ``on_<snake_name>`` method.
    :ivar api_name: the ``LambdaConfig`` key of the Cognito API, e.g. ``"PreSignUp"``; Cognito's
        error messages start with it (``"PreSignUp failed with error ..."``).
    :ivar config_key: the key inside Terraform's ``lambda_config`` block.
    :ivar versions: the ``lambda_version`` values the trigger takes, first one the default;
        empty when the trigger takes no version (its ``lambda_config`` entry is a plain ARN).
    :ivar needs_kms_key: whether the pool needs ``lambda_config.kms_key_id`` (custom senders).
    :ivar synchronous: whether Cognito waits for the function (5 s limit) before answering.
    """

    docs_name: str
    snake_name: str
    api_name: str
    config_key: str
    versions: tuple[str, ...] = ()
    needs_kms_key: bool = False
    synchronous: bool = True

    @property
    def construct_id(self) -> str:
        """The id used for constructs made for this trigger, e.g. ``"PreSignUp"``."""
        return self.api_name

    @property
    def method_name(self) -> str:
        """The ``UserPool`` method that attaches this trigger, e.g. ``"on_pre_sign_up"``."""
        return f"on_{self.snake_name}"


def _spec(docs: str, snake: str, api: str, config_key: str | None = None, **kw: object) -> TriggerSpec:
    return TriggerSpec(docs, snake, api, config_key or snake, **kw)  # type: ignore[arg-type]


_Op = UserPoolOperation
TRIGGERS: Mapping[UserPoolOperation, TriggerSpec] = MappingProxyType(
    {
        _Op.CREATE_AUTH_CHALLENGE: _spec("createAuthChallenge", "create_auth_challenge", "CreateAuthChallenge"),
        _Op.CUSTOM_MESSAGE: _spec("customMessage", "custom_message", "CustomMessage"),
        _Op.DEFINE_AUTH_CHALLENGE: _spec("defineAuthChallenge", "define_auth_challenge", "DefineAuthChallenge"),
        _Op.POST_AUTHENTICATION: _spec("postAuthentication", "post_authentication", "PostAuthentication"),
        _Op.POST_CONFIRMATION: _spec("postConfirmation", "post_confirmation", "PostConfirmation"),
        _Op.PRE_AUTHENTICATION: _spec("preAuthentication", "pre_authentication", "PreAuthentication"),
        _Op.PRE_SIGN_UP: _spec("preSignUp", "pre_sign_up", "PreSignUp"),
        _Op.PRE_TOKEN_GENERATION: _spec(
            "preTokenGeneration",
            "pre_token_generation",
            "PreTokenGeneration",
            "pre_token_generation_config",
            versions=("V1_0", "V2_0", "V3_0"),
        ),
        _Op.USER_MIGRATION: _spec("userMigration", "user_migration", "UserMigration"),
        _Op.VERIFY_AUTH_CHALLENGE_RESPONSE: _spec(
            "verifyAuthChallengeResponse", "verify_auth_challenge_response", "VerifyAuthChallengeResponse"
        ),
        _Op.CUSTOM_EMAIL_SENDER: _spec(
            "customEmailSender",
            "custom_email_sender",
            "CustomEmailSender",
            versions=("V1_0",),
            needs_kms_key=True,
            synchronous=False,
        ),
        _Op.CUSTOM_SMS_SENDER: _spec(
            "customSmsSender",
            "custom_sms_sender",
            "CustomSMSSender",
            versions=("V1_0",),
            needs_kms_key=True,
            synchronous=False,
        ),
    }
)

_BY_DOCS_NAME = {spec.docs_name: op for op, spec in TRIGGERS.items()}
_BY_SNAKE_NAME = {spec.snake_name: op for op, spec in TRIGGERS.items()}


def _normalized(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def _closest(name: str) -> UserPoolOperation | None:
    """The trigger ``name`` most likely meant, whatever its spelling (docs, snake_case or API)."""
    spellings = {}
    for op, spec in TRIGGERS.items():
        for spelling in (spec.docs_name, spec.snake_name, spec.api_name):
            spellings[spelling] = op
            spellings.setdefault(_normalized(spelling), op)
    if _normalized(name) in spellings:
        return spellings[_normalized(name)]
    close = difflib.get_close_matches(name, list(spellings), n=1, cutoff=0.6)
    return spellings[close[0]] if close else None


def resolve_operation(
    name: UserPoolOperation | str,
    *,
    argument: str,
    snake_case_only: bool = False,
    construct_path: str | None = None,
) -> UserPoolOperation:
    """Find the trigger named ``name``.

    :param name: a :class:`UserPoolOperation`, the documentation name (``"preSignUp"``) or the
        snake_case name (``"pre_sign_up"``).
    :param argument: the argument ``name`` came from, for the error message.
    :param snake_case_only: accept only snake_case strings (the ``lambda_triggers`` keys).
        Default: ``False``.
    :param construct_path: the construct being configured, for the error message. Default: none.
    :raises UnknownTriggerError: if ``name`` names no trigger; the message suggests the closest name.
    """
    if isinstance(name, UserPoolOperation):
        return name
    if isinstance(name, str):
        if name in _BY_SNAKE_NAME:
            return _BY_SNAKE_NAME[name]
        if name in _BY_DOCS_NAME and not snake_case_only:
            return _BY_DOCS_NAME[name]
    choices = sorted(_BY_SNAKE_NAME) if snake_case_only else sorted(_BY_DOCS_NAME) + sorted(_BY_SNAKE_NAME)
    suggestion = None
    closest = _closest(name) if isinstance(name, str) else None
    if closest is not None:
        # answer in the spelling the caller is using (or must use)
        wants_snake = snake_case_only or "_" in name
        suggestion = closest.spec.snake_name if wants_snake else closest.spec.docs_name
    where = f" on {construct_path!r}" if construct_path else ""
    hint = f" Did you mean {suggestion!r}?" if suggestion else ""
    kinds = "a snake_case trigger name" if snake_case_only else "a trigger name or a UserPoolOperation member"
    raise UnknownTriggerError(
        f"{argument} got {name!r}{where}, which is not {kinds}.{hint} Valid names: {', '.join(choices)}.",
        suggestion=suggestion,
        construct_path=construct_path,
        argument=argument,
        value=name,
        choices=choices,
    )
