"""cdktf_userpool.testing.events: one factory per trigger source, shaped as Cognito sends the event."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from typing import Any

import pytest

from tests._typed_check import SAMPLE_TYPES, import_isolated, mismatches, without_quirks

events, factories = import_isolated("cdktf_userpool.events", "cdktf_userpool.testing.events")

#: Every trigger source of the reference document (cognito-triggers.md §4), by trigger.
SOURCES = {
    "PreSignUp": ["SignUp", "AdminCreateUser", "ExternalProvider"],
    "PostConfirmation": ["ConfirmSignUp", "ConfirmForgotPassword"],
    "PreAuthentication": ["Authentication"],
    "PostAuthentication": ["Authentication"],
    "DefineAuthChallenge": ["Authentication"],
    "CreateAuthChallenge": ["Authentication"],
    "VerifyAuthChallengeResponse": ["Authentication"],
    "TokenGeneration": [
        "HostedAuth", "Authentication", "NewPasswordChallenge", "AuthenticateDevice", "RefreshTokens",
        "ClientCredentials",
    ],
    "UserMigration": ["Authentication", "ForgotPassword"],
    "CustomMessage": [
        "SignUp", "AdminCreateUser", "ResendCode", "ForgotPassword", "UpdateUserAttribute", "VerifyUserAttribute",
        "Authentication",
    ],
    "CustomEmailSender": [
        "SignUp", "ResendCode", "ForgotPassword", "UpdateUserAttribute", "VerifyUserAttribute", "AdminCreateUser",
        "AccountTakeOverNotification", "Authentication",
    ],
    "CustomSMSSender": [
        "SignUp", "ResendCode", "ForgotPassword", "UpdateUserAttribute", "VerifyUserAttribute", "AdminCreateUser",
        "Authentication",
    ],
}  # fmt: skip
FACTORY_NAMES = [f"{trigger}_{event}" for trigger, names in SOURCES.items() for event in names]

#: The event type of each trigger (pre token generation: per version).
EVENT_TYPE = {
    "PreSignUp": "PreSignUpEvent",
    "PostConfirmation": "PostConfirmationEvent",
    "PreAuthentication": "PreAuthenticationEvent",
    "PostAuthentication": "PostAuthenticationEvent",
    "DefineAuthChallenge": "DefineAuthChallengeEvent",
    "CreateAuthChallenge": "CreateAuthChallengeEvent",
    "VerifyAuthChallengeResponse": "VerifyAuthChallengeResponseEvent",
    "TokenGeneration/V1_0": "PreTokenGenerationEvent",
    "TokenGeneration/V2_0": "PreTokenGenerationV2Event",
    "TokenGeneration/V3_0": "PreTokenGenerationV3Event",
    "UserMigration": "UserMigrationEvent",
    "CustomMessage": "CustomMessageEvent",
    "CustomEmailSender": "CustomEmailSenderEvent",
    "CustomSMSSender": "CustomSMSSenderEvent",
}

#: The response Cognito pre-fills (reference document §2); ``None``: the event has no response key.
RESPONSE: dict[str, dict[str, Any] | None] = {
    "PreSignUp": {"autoConfirmUser": False, "autoVerifyEmail": False, "autoVerifyPhone": False},
    "DefineAuthChallenge": {"challengeName": None, "issueTokens": None, "failAuthentication": None},
    "CustomMessage": {"smsMessage": None, "emailMessage": None, "emailSubject": None},
    "TokenGeneration/V1_0": {"claimsOverrideDetails": None},
    "TokenGeneration/V2_0": {"claimsAndScopeOverrideDetails": None},
    "TokenGeneration/V3_0": {"claimsAndScopeOverrideDetails": None},
    "CustomEmailSender": None,
    "CustomSMSSender": None,
}

VERSION = {"V1_0": "1", "V2_0": "2", "V3_0": "3"}


class Case:
    """One factory, called with one ``version`` for pre token generation."""

    def __init__(self, name: str, version: str | None) -> None:
        self.name, self.version = name, version
        self.trigger = name.partition("_")[0]
        self.key = f"{self.trigger}/{version}" if version else self.trigger

    def __repr__(self) -> str:
        return f"{self.name}[{self.version}]" if self.version else self.name

    @property
    def factory(self) -> Callable[..., dict[str, Any]]:
        factory: Callable[..., dict[str, Any]] = getattr(factories, self.name)
        return factory

    @property
    def event_type(self) -> Any:
        return getattr(events, EVENT_TYPE[self.key])

    def __call__(self, **kwargs: Any) -> dict[str, Any]:
        if self.version and self.name != "TokenGeneration_ClientCredentials":
            kwargs = {"version": self.version, **kwargs}
        return self.factory(**kwargs)


CASES = [
    Case(name, version)
    for name in FACTORY_NAMES
    for version in (
        ("V3_0",)
        if name == "TokenGeneration_ClientCredentials"
        else ("V1_0", "V2_0", "V3_0")
        if name.startswith("TokenGeneration_")
        else (None,)
    )
]


def test_one_factory_per_trigger_source() -> None:
    public = [name for name in factories.__all__ if callable(getattr(factories, name)) and "_" in name]
    assert sorted(public) == sorted(FACTORY_NAMES)
    assert all(getattr(factories, name).__doc__ for name in public), "every factory is documented"


def test_testing_package_has_the_factories_and_defers_invoke() -> None:
    """``cdktf_userpool.testing`` re-exports ``events``; ``invoke`` and ``snapshot`` (which need cdktf) load on first use."""
    (testing,) = import_isolated("cdktf_userpool.testing")
    assert testing.events.PreSignUp_SignUp() == factories.PreSignUp_SignUp()
    assert testing.__all__ == [
        "Invocation", "PackageSnapshot", "StackSnapshot", "events", "invoke", "invoke_detailed", "snapshot"]
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        testing.nope  # noqa: B018


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_event_fits_its_type(case: Case) -> None:
    assert mismatches(case(), case.event_type) == []


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_header_names_the_source_and_version(case: Case) -> None:
    event = case()
    assert event["triggerSource"] == case.name
    assert event["version"] == (VERSION[case.version] if case.version else "1")
    assert event["region"] == factories.REGION == "us-east-1"
    assert event["userPoolId"] == factories.USER_POOL_ID
    assert event["callerContext"] == {"awsSdkVersion": "aws-sdk-unknown-unknown", "clientId": factories.CLIENT_ID}


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_response_is_prefilled_as_cognito_does(case: Case) -> None:
    expected = RESPONSE.get(case.key, {})
    event = case()
    if expected is None:
        assert "response" not in event
    else:
        assert event["response"] == expected


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_each_call_returns_an_equal_but_independent_event(case: Case) -> None:
    first, second = case(), case()
    assert first == second and first is not second
    snapshot = copy.deepcopy(second)
    first["request"]["added"] = True
    first["callerContext"]["clientId"] = "changed"
    for value in first["request"].values():
        if isinstance(value, dict):
            value["added"] = "yes"
        elif isinstance(value, list):
            value.append("added")
    if isinstance(first.get("response"), dict):
        first["response"]["added"] = True
    assert second == snapshot == case()


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_header_overrides_land_in_the_header(case: Case) -> None:
    event = case(user_name="ann", user_pool_id="eu-west-1_X", region="eu-west-1", client_id="c1", aws_sdk_version="sdk")
    assert (event["userName"], event["userPoolId"], event["region"]) == ("ann", "eu-west-1_X", "eu-west-1")
    assert event["callerContext"] == {"awsSdkVersion": "sdk", "clientId": "c1"}


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_an_unknown_keyword_is_refused(case: Case) -> None:
    with pytest.raises(TypeError, match=rf"{case.name}\(\) got an unexpected keyword argument 'user_nmae'"):
        case(user_nmae="ann")


#: A value for each request keyword, and the camelCase key it must land on.
REQUEST_KEYWORDS: dict[str, tuple[str, Any]] = {
    "user_attributes": ("userAttributes", {"email": "ann@example.com", "custom:tier": "gold"}),
    "validation_data": ("validationData", {"captcha": "ok"}),
    "client_metadata": ("clientMetadata", {"source": "test"}),
    "session": ("session", [{"challengeName": "CUSTOM_CHALLENGE", "challengeResult": False, "challengeMetadata": "M"}]),
    "challenge_name": ("challengeName", "PASSWORD_VERIFIER"),
    "private_challenge_parameters": ("privateChallengeParameters", {"answer": "42"}),
    "challenge_answer": ("challengeAnswer", "41"),
    "new_device_used": ("newDeviceUsed", True),
    "user_not_found": ("userNotFound", True),
    "password": ("password", "hunter2"),
    "code": ("code", "AYADeOTHER=="),
    "group_configuration": (
        "groupConfiguration",
        {"groupsToOverride": ["admins"], "iamRolesToOverride": ["arn:aws:iam::1:role/a"], "preferredRole": None},
    ),
    "scopes": ("scopes", ["api/read", "api/write"]),
}
_HEADER_KEYWORDS = {"user_name", "user_pool_id", "region", "client_id", "aws_sdk_version", "version"}


def _request_keywords(case: Case) -> list[str]:
    parameters = inspect.signature(case.factory).parameters
    if "overrides" in parameters:  # the pre token generation factories take TokenGenerationOverrides
        keywords = sorted(factories.TokenGenerationOverrides.__optional_keys__ - factories.HeaderOverrides.__optional_keys__)
        return [k for k in keywords if k != "scopes" or case.version != "V1_0"]
    return [name for name, p in parameters.items() if p.kind is p.KEYWORD_ONLY and name not in _HEADER_KEYWORDS]


@pytest.mark.parametrize(
    ("case", "keyword"), [(case, keyword) for case in CASES for keyword in _request_keywords(case)], ids=repr
)
def test_request_keyword_lands_on_its_camel_case_key(case: Case, keyword: str) -> None:
    key, value = REQUEST_KEYWORDS[keyword]
    given = copy.deepcopy(value)
    event = case(**{keyword: given})
    assert event["request"][key] == value
    assert mismatches(event, case.event_type) == []
    if isinstance(given, (dict, list)):
        given.clear()  # the event holds a copy, not the caller's object
        assert event["request"][key] == value


def test_optional_request_keys_are_left_out_unless_given() -> None:
    assert set(factories.PreSignUp_SignUp()["request"]) == {"userAttributes"}
    assert set(factories.PreAuthentication_Authentication()["request"]) == {"userAttributes"}
    assert set(factories.UserMigration_ForgotPassword()["request"]) == set()
    assert set(factories.UserMigration_Authentication()["request"]) == {"password"}
    # Custom senders: captured events carry clientMetadata: null when the call had none.
    assert factories.CustomEmailSender_SignUp()["request"]["clientMetadata"] is None


def test_scopes_are_refused_for_version_1() -> None:
    with pytest.raises(ValueError, match=r"TokenGeneration_Authentication\(scopes=\['a/b'\]\).*V2_0"):
        factories.TokenGeneration_Authentication(scopes=["a/b"])


def test_an_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError, match="'V4_0'"):
        factories.TokenGeneration_Authentication(version="V4_0")


def test_client_credentials_events_name_no_user_unless_asked() -> None:
    event = factories.TokenGeneration_ClientCredentials()
    assert "userName" not in event
    assert event["request"]["userAttributes"] == {} and event["request"]["scopes"] == ["example-api/read"]
    assert factories.TokenGeneration_ClientCredentials(user_name="svc")["userName"] == "svc"


def test_defaults_are_those_of_each_source() -> None:
    assert factories.PreSignUp_ExternalProvider()["userName"] == factories.FEDERATED_USER_NAME
    assert factories.UserMigration_Authentication()["userName"] == factories.EMAIL
    assert factories.CustomMessage_AdminCreateUser()["request"]["usernameParameter"] == "{username}"
    assert factories.CustomMessage_SignUp()["request"]["usernameParameter"] is None
    assert factories.CustomMessage_SignUp()["request"]["userAttributes"]["cognito:user_status"] == "UNCONFIRMED"
    assert "phone_number" in factories.CustomMessage_Authentication()["request"]["userAttributes"]
    assert "phone_number" in factories.CustomSMSSender_SignUp()["request"]["userAttributes"]
    assert factories.CustomSMSSender_SignUp()["request"]["type"] == "customSMSSenderRequestV1"
    takeover = factories.CustomEmailSender_AccountTakeOverNotification()["request"]
    assert takeover["code"] is None and takeover["userAttributes"]["ACCOUNT_TAKE_OVER_ACTION"] == "BLOCK"
    assert factories.TokenGeneration_HostedAuth(version="V2_0")["request"]["scopes"] == ["openid", "email", "profile"]
    assert factories.TokenGeneration_RefreshTokens(version="V2_0")["request"]["scopes"] == ["aws.cognito.signin.user.admin"]


# -- Each family agrees with the real sample of its trigger ----------------------------------------

#: Request keys present only when the API call supplies them or the app client is configured for
#: them, so a sample and a factory's defaults may differ in them without differing in shape.
CALLER_DEPENDENT_REQUEST_KEYS = {"clientMetadata", "validationData", "userNotFound"}

_SAMPLE_VERSION = {"PreTokenGenerationEvent": "V1_0", "PreTokenGenerationV2Event": "V2_0"}


@pytest.mark.parametrize("sample", sorted(SAMPLE_TYPES))
def test_factory_agrees_in_shape_with_the_sample(sample: str) -> None:
    real = without_quirks(sample)
    case = Case(real["triggerSource"], _SAMPLE_VERSION.get(SAMPLE_TYPES[sample]))
    assert case.event_type is getattr(events, SAMPLE_TYPES[sample])
    made = case()
    assert set(made) == set(real)
    assert set(made["callerContext"]) == set(real["callerContext"])
    made_keys = set(made["request"]) - CALLER_DEPENDENT_REQUEST_KEYS
    real_keys = set(real["request"]) - CALLER_DEPENDENT_REQUEST_KEYS
    assert made_keys == real_keys
    for key in made_keys:
        assert type(made["request"][key]) is type(real["request"][key]), key

