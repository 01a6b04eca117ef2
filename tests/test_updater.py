"""The trigger updater against moto's Cognito: only owned triggers change, everything else stays exactly as it was."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from typing import Any

import pytest

boto3 = pytest.importorskip("boto3")
moto = pytest.importorskip("moto")

from cdktf_userpool._runtime import updater  # noqa: E402

REGION = "eu-west-1"
ARN = "arn:aws:lambda:eu-west-1:123456789012:function:"
FOREIGN_SIGN_UP = ARN + "theirs-pre-sign-up"
FOREIGN_MESSAGE = ARN + "theirs-custom-message"
KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"

RICH = {
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 14,
            "RequireUppercase": True,
            "RequireLowercase": True,
            "RequireNumbers": False,
            "RequireSymbols": True,
            "TemporaryPasswordValidityDays": 3,
        }
    },
    "DeletionProtection": "ACTIVE",
    "LambdaConfig": {"PreSignUp": FOREIGN_SIGN_UP, "CustomMessage": FOREIGN_MESSAGE},
    "Schema": [
        {"Name": "email", "AttributeDataType": "String", "Mutable": True, "Required": True},
        {"Name": "tenant", "AttributeDataType": "String", "Mutable": False,
         "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "64"}},
    ],
    "AutoVerifiedAttributes": ["email"],
    "UsernameAttributes": ["email"],
    "SmsVerificationMessage": "Code {####}",
    "EmailVerificationMessage": "Your code is {####}",
    "EmailVerificationSubject": "Verify your email",
    "VerificationMessageTemplate": {
        "SmsMessage": "Code {####}",
        "EmailMessage": "Your code is {####}",
        "EmailSubject": "Verify your email",
        "DefaultEmailOption": "CONFIRM_WITH_CODE",
    },
    "SmsAuthenticationMessage": "Sign-in code {####}",
    "MfaConfiguration": "OPTIONAL",
    "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
    "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
    "EmailConfiguration": {
        "SourceArn": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",
        "ReplyToEmailAddress": "support@example.com",
        "EmailSendingAccount": "DEVELOPER",
        "From": "Example <no-reply@example.com>",
    },
    "SmsConfiguration": {"SnsCallerArn": "arn:aws:iam::123456789012:role/cognito-sms", "ExternalId": "ext-1",
                         "SnsRegion": REGION},
    "UserPoolTags": {"team": "identity", "cost-center": "42"},
    "AdminCreateUserConfig": {
        "AllowAdminCreateUserOnly": True,
        "InviteMessageTemplate": {"EmailMessage": "Hi {username}, {####}", "EmailSubject": "Welcome",
                                  "SMSMessage": "Hi {username}, {####}"},
    },
    "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"},
    "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]},
}
SNAPSHOT = [{"pre_sign_up": FOREIGN_SIGN_UP, "custom_message": FOREIGN_MESSAGE, "post_confirmation": "",
             "custom_email_sender": [], "pre_token_generation_config": [], "kms_key_id": ""}]


@pytest.fixture
def cognito() -> Iterator[Any]:
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    with moto.mock_aws():
        yield boto3.client("cognito-idp", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")


@pytest.fixture
def pool_id(cognito: Any) -> str:
    return cognito.create_user_pool(PoolName="shared", **copy.deepcopy(RICH))["UserPool"]["Id"]


def describe(cognito: Any, pool_id: str) -> dict[str, Any]:
    return cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]


#: Set when a pool is created and kept by Cognito on every update; moto keeps them with the settings an
#: update replaces, so it forgets them (a moto quirk): UpdateUserPool does not take them (see DESCRIBE_ONLY).
CREATE_TIME_ONLY = ("UsernameAttributes", "AliasAttributes", "UsernameConfiguration")


def settings(pool: dict[str, Any]) -> dict[str, Any]:
    """Everything but the triggers, what changes on every write, and moto's forgotten create-time settings."""
    return {k: v for k, v in pool.items() if k not in ("LambdaConfig", "LastModifiedDate", *CREATE_TIME_ONLY)}


def event(pool_id: str, triggers: dict[str, Any], action: str = "create", prev: dict[str, Any] | None = None,
          **extra: Any) -> dict[str, Any]:
    body = {"userPoolId": pool_id, "triggers": triggers, "previous": SNAPSHOT, "force": False, **extra}
    return {**body, "tf": {"action": action, "prev_input": prev}}


OURS = {
    "PostConfirmation": ARN + "ours-post-confirmation",
    "CustomMessage": ARN + "ours-custom-message",
    "PreTokenGenerationConfig": {"LambdaArn": ARN + "ours-tokens", "LambdaVersion": "V2_0"},
}


def test_create_update_delete_preserve_every_other_setting(cognito: Any, pool_id: str) -> None:
    before = describe(cognito, pool_id)
    created = event(pool_id, OURS)
    assert updater.apply(cognito, created)["changed"] is True
    after_create = describe(cognito, pool_id)
    assert settings(after_create) == settings(before)
    assert after_create["LambdaConfig"] == {
        "PreSignUp": FOREIGN_SIGN_UP,  # not ours: untouched
        "CustomMessage": ARN + "ours-custom-message",  # replaced
        "PostConfirmation": ARN + "ours-post-confirmation",
        "PreTokenGenerationConfig": {"LambdaArn": ARN + "ours-tokens", "LambdaVersion": "V2_0"},
        "PreTokenGeneration": ARN + "ours-tokens",
    }

    # update: drop PostConfirmation and CustomMessage (restored to theirs), change the token function
    wanted = {"PreTokenGenerationConfig": {"LambdaArn": ARN + "ours-tokens-2", "LambdaVersion": "V3_0"}}
    result = updater.apply(cognito, event(pool_id, wanted, "update", prev={k: v for k, v in created.items() if k != "tf"}))
    assert result == {"changed": True, "set": ["PreTokenGenerationConfig"], "restored": ["CustomMessage", "PostConfirmation"]}
    after_update = describe(cognito, pool_id)
    assert settings(after_update) == settings(before)
    assert after_update["LambdaConfig"] == {
        "PreSignUp": FOREIGN_SIGN_UP,
        "CustomMessage": FOREIGN_MESSAGE,
        "PreTokenGenerationConfig": {"LambdaArn": ARN + "ours-tokens-2", "LambdaVersion": "V3_0"},
        "PreTokenGeneration": ARN + "ours-tokens-2",
    }

    # delete: back to exactly what the pool had
    updated_input = {k: v for k, v in event(pool_id, wanted).items() if k != "tf"}
    updater.apply(cognito, {**updated_input, "tf": {"action": "delete", "prev_input": updated_input}})
    after_delete = describe(cognito, pool_id)
    assert settings(after_delete) == settings(before)
    assert after_delete["LambdaConfig"] == before["LambdaConfig"]


def test_rich_settings_are_really_there(cognito: Any, pool_id: str) -> None:
    """The preservation test means something only if moto kept the rich configuration."""
    pool = describe(cognito, pool_id)
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 14
    assert pool["UserPoolTags"] == {"team": "identity", "cost-center": "42"}
    assert pool["SmsConfiguration"]["ExternalId"] == "ext-1"
    assert pool["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    assert any(a["Name"] == "custom:tenant" for a in pool["SchemaAttributes"])
    # and moto resets what an update leaves out, as Cognito does
    cognito.update_user_pool(UserPoolId=pool_id)
    assert describe(cognito, pool_id).get("UserPoolTags") != {"team": "identity", "cost-center": "42"}


def test_foreign_change_is_refused_and_nothing_changes(cognito: Any, pool_id: str) -> None:
    created = event(pool_id, {"PostConfirmation": ARN + "ours"})
    updater.apply(cognito, created)
    cognito_config = describe(cognito, pool_id)
    # someone else replaces our trigger
    request = updater.update_request(cognito_config, {**cognito_config["LambdaConfig"], "PostConfirmation": ARN + "intruder"})
    cognito.update_user_pool(**request)
    before = describe(cognito, pool_id)
    prev = {k: v for k, v in created.items() if k != "tf"}
    with pytest.raises(updater.ConflictError, match=r"PostConfirmation is .*intruder.*this stack set last time.*force=True"):
        updater.apply(cognito, event(pool_id, {"PostConfirmation": ARN + "ours-2"}, "update", prev=prev))
    with pytest.raises(updater.ConflictError):
        updater.apply(cognito, {**prev, "tf": {"action": "delete", "prev_input": prev}})
    assert describe(cognito, pool_id)["LambdaConfig"] == before["LambdaConfig"]
    # force overrides
    updater.apply(cognito, event(pool_id, {"PostConfirmation": ARN + "ours-2"}, "update", prev=prev, force=True))
    assert describe(cognito, pool_id)["LambdaConfig"]["PostConfirmation"] == ARN + "ours-2"


def test_taking_a_slot_that_changed_since_the_snapshot_is_refused(cognito: Any, pool_id: str) -> None:
    pool = describe(cognito, pool_id)
    cognito.update_user_pool(**updater.update_request(pool, {**pool["LambdaConfig"], "PreSignUp": ARN + "newer"}))
    with pytest.raises(updater.ConflictError, match="when this stack first managed it"):
        updater.apply(cognito, event(pool_id, {"PreSignUp": ARN + "ours"}))


def test_custom_sender_sets_and_restores_the_key(cognito: Any, pool_id: str) -> None:
    sender = {"CustomEmailSender": {"LambdaArn": ARN + "mailer", "LambdaVersion": "V1_0"}}
    created = event(pool_id, sender, kmsKeyId=KEY)
    updater.apply(cognito, created)
    config = describe(cognito, pool_id)["LambdaConfig"]
    assert config["CustomEmailSender"] == sender["CustomEmailSender"] and config["KMSKeyID"] == KEY
    prev = {k: v for k, v in created.items() if k != "tf"}
    updater.apply(cognito, {**prev, "tf": {"action": "delete", "prev_input": prev}})
    config = describe(cognito, pool_id)["LambdaConfig"]
    assert "CustomEmailSender" not in config and "KMSKeyID" not in config


def test_nothing_to_do_makes_no_call(cognito: Any, pool_id: str) -> None:
    created = event(pool_id, {"PreSignUp": FOREIGN_SIGN_UP})
    assert updater.apply(cognito, created)["changed"] is False


def test_unknown_setting_is_refused() -> None:
    with pytest.raises(updater.UnknownSettingError, match="BrandNewSetting"):
        updater.update_request({"Id": "eu-west-1_x", "BrandNewSetting": {"On": True}}, {})


def test_unused_account_validity_days_is_dropped_when_the_policy_has_its_successor() -> None:
    pool = {"Id": "p", "Policies": {"PasswordPolicy": {"TemporaryPasswordValidityDays": 3}},
            "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True, "UnusedAccountValidityDays": 7}}
    assert updater.update_request(pool, {})["AdminCreateUserConfig"] == {"AllowAdminCreateUserOnly": True}
    legacy = {"Id": "p", "AdminCreateUserConfig": {"UnusedAccountValidityDays": 7}}
    assert updater.update_request(legacy, {})["AdminCreateUserConfig"] == {"UnusedAccountValidityDays": 7}


# -- the field mapping against the API model that boto3 ships ------------------------------------------

def _members(shape_name: str, operation: str | None = None) -> set[str]:
    model = boto3.client("cognito-idp", region_name=REGION).meta.service_model
    if operation:
        return set(model.operation_model(operation).input_shape.members)
    return set(model.shape_for(shape_name).members)


def test_every_update_field_is_mapped() -> None:
    accepted = _members("", "UpdateUserPool") - {"UserPoolId"}
    assert accepted == set(updater.UPDATE_FIELDS) | {"PoolName"}


def test_every_describe_field_is_mapped_or_dropped_on_purpose() -> None:
    returned = _members("UserPoolType")
    assert returned == set(updater.UPDATE_FIELDS) | set(updater.DESCRIBE_ONLY) | {"Name"}


@pytest.mark.parametrize("field", sorted(updater.DESCRIBE_ONLY))
def test_describe_only_field_is_dropped(field: str) -> None:
    """Each field only Describe returns is left out of the update (UpdateUserPool does not take it)."""
    assert field not in _members("", "UpdateUserPool")
    request = updater.update_request({"Id": "eu-west-1_x", field: "value"}, {})
    assert field not in request
    assert request["UserPoolId"] == ("value" if field == "Id" else "eu-west-1_x")


def test_snapshot_normalization() -> None:
    assert updater.snapshot_lambda_config([]) == {}
    assert updater.snapshot_lambda_config([{
        "pre_sign_up": "a", "custom_message": "", "kms_key_id": KEY,
        "custom_sms_sender": [{"lambda_arn": "s", "lambda_version": "V1_0"}], "pre_token_generation_config": [],
    }]) == {"PreSignUp": "a", "KMSKeyID": KEY, "CustomSMSSender": {"LambdaArn": "s", "LambdaVersion": "V1_0"}}
