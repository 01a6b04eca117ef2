"""The trigger updater: sets this stack's Lambda triggers on a user pool that another tool manages.

Terraform runs it through ``aws_lambda_invocation`` with ``lifecycle_scope = "CRUD"``, the Terraform
counterpart of a custom resource. Each invocation gets the stack's wanted triggers and Terraform's
lifecycle block (``tf``: ``action`` create/update/delete and ``prev_input``, the previous input),
reads the pool (``DescribeUserPool``), changes only the ``LambdaConfig`` entries this stack owns (and
``KMSKeyID`` when a custom sender needs it) and writes the whole configuration back
(``UpdateUserPool`` resets every field it is not given, so every field Describe returns that Update
accepts is passed on unchanged). On delete it restores what the pool had before this stack, kept in
the input as ``previous`` (a snapshot Terraform took once, when the stack first managed the pool).

It refuses, raising before any change, when a slot it owns holds something other than what it set
last time (or, for a slot it takes over, something other than the snapshot), since that means
someone else changed the pool; ``force`` overrides. It also refuses a pool setting it does not
know, rather than let ``UpdateUserPool`` reset it.

This module runs in Lambda: it imports only the standard library (boto3 comes from the runtime).
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["DESCRIBE_ONLY", "UPDATE_FIELDS", "ConflictError", "UnknownSettingError", "apply", "handler"]

OWNED_SLOTS = (
    "CreateAuthChallenge",
    "CustomEmailSender",
    "CustomMessage",
    "CustomSMSSender",
    "DefineAuthChallenge",
    "PostAuthentication",
    "PostConfirmation",
    "PreAuthentication",
    "PreSignUp",
    "PreTokenGenerationConfig",
    "UserMigration",
    "VerifyAuthChallengeResponse",
)
"""``LambdaConfig`` keys the updater may own (pre token generation through its versioned config)."""

SENDERS = ("CustomEmailSender", "CustomSMSSender")

UPDATE_FIELDS = (
    "AccountRecoverySetting",
    "AcrConfiguration",
    "AdminCreateUserConfig",
    "AutoVerifiedAttributes",
    "DcrConfiguration",
    "DeletionProtection",
    "DeviceConfiguration",
    "EmailConfiguration",
    "EmailVerificationMessage",
    "EmailVerificationSubject",
    "IssuerConfiguration",
    "KeyConfiguration",
    "LambdaConfig",
    "MfaConfiguration",
    "Policies",
    "SmsAuthenticationMessage",
    "SmsConfiguration",
    "SmsVerificationMessage",
    "UserAttributeUpdateSettings",
    "UserPoolAddOns",
    "UserPoolTags",
    "UserPoolTier",
    "VerificationMessageTemplate",
)
"""Fields DescribeUserPool returns and UpdateUserPool takes under the same name (``Name`` becomes ``PoolName``)."""

DESCRIBE_ONLY = {
    "Arn": "derived from the ID",
    "AliasAttributes": "fixed when the pool is created",
    "CreationDate": "read-only",
    "CustomDomain": "managed with the domain APIs",
    "Domain": "managed with the domain APIs",
    "EmailConfigurationFailure": "a status Cognito reports",
    "EstimatedNumberOfUsers": "read-only",
    "Id": "sent as UserPoolId",
    "LastModifiedDate": "read-only",
    "SchemaAttributes": "fixed when created; custom attributes are added with AddCustomAttributes",
    "SmsConfigurationFailure": "a status Cognito reports",
    "Status": "deprecated, read-only",
    "UsernameAttributes": "fixed when the pool is created",
    "UsernameConfiguration": "fixed when the pool is created",
}
"""Fields only DescribeUserPool returns, dropped on purpose, with why UpdateUserPool need not get them."""

_RENAMED = {"Name": "PoolName"}

# Terraform's lambda_config block (the data source's snapshot) -> the API's LambdaConfig keys
_SNAPSHOT_KEYS = {
    "create_auth_challenge": "CreateAuthChallenge",
    "custom_email_sender": "CustomEmailSender",
    "custom_message": "CustomMessage",
    "custom_sms_sender": "CustomSMSSender",
    "define_auth_challenge": "DefineAuthChallenge",
    "kms_key_id": "KMSKeyID",
    "post_authentication": "PostAuthentication",
    "post_confirmation": "PostConfirmation",
    "pre_authentication": "PreAuthentication",
    "pre_sign_up": "PreSignUp",
    "pre_token_generation": "PreTokenGeneration",
    "pre_token_generation_config": "PreTokenGenerationConfig",
    "user_migration": "UserMigration",
    "verify_auth_challenge_response": "VerifyAuthChallengeResponse",
}


class ConflictError(Exception):
    """A slot this stack owns was changed by someone else; nothing was changed."""


class UnknownSettingError(Exception):
    """The pool has a setting this updater does not know; nothing was changed."""


def snapshot_lambda_config(snapshot: Any) -> dict[str, Any]:
    """The API-shaped ``LambdaConfig`` of Terraform's ``lambda_config`` snapshot (``[]`` or ``[{...}]``).

    Terraform writes absent triggers as ``""`` and nested blocks as lists; both are normalized away.
    The snapshot may come wrapped as ``{"lambda_config": [...]}`` (a ``terraform_data`` output).
    """
    if isinstance(snapshot, dict) and "lambda_config" in snapshot:
        snapshot = snapshot["lambda_config"]
    if isinstance(snapshot, list):
        snapshot = snapshot[0] if snapshot else {}
    config: dict[str, Any] = {}
    for key, value in (snapshot or {}).items():
        api = _SNAPSHOT_KEYS.get(key)
        if api is None or value in ("", None, []):
            continue
        if isinstance(value, list):
            block = value[0]
            config[api] = {"LambdaArn": block["lambda_arn"], "LambdaVersion": block["lambda_version"]}
        else:
            config[api] = value
    return config


def update_request(pool: dict[str, Any], lambda_config: dict[str, Any]) -> dict[str, Any]:
    """The ``UpdateUserPool`` request that keeps ``pool`` (a DescribeUserPool ``UserPool``) as it is,
    with ``lambda_config``.

    :raises UnknownSettingError: for a field neither in ``UPDATE_FIELDS`` nor in ``DESCRIBE_ONLY``.
    """
    unknown = sorted(set(pool) - set(UPDATE_FIELDS) - set(DESCRIBE_ONLY) - set(_RENAMED))
    if unknown:
        raise UnknownSettingError(
            f"user pool {pool.get('Id')} has settings this updater does not know ({', '.join(unknown)}); "
            "UpdateUserPool would reset them, so nothing was changed. Upgrade cdktf-userpool."
        )
    request: dict[str, Any] = {"UserPoolId": pool["Id"]}
    for field in UPDATE_FIELDS:
        if field in pool:
            request[field] = pool[field]
    for old, new in _RENAMED.items():
        if old in pool:
            request[new] = pool[old]
    admin = request.get("AdminCreateUserConfig")
    temporary = request.get("Policies", {}).get("PasswordPolicy", {}).get("TemporaryPasswordValidityDays")
    if admin and "UnusedAccountValidityDays" in admin and temporary is not None:
        # deprecated twin of TemporaryPasswordValidityDays, which Cognito refuses once the policy has it
        request["AdminCreateUserConfig"] = {k: v for k, v in admin.items() if k != "UnusedAccountValidityDays"}
    if lambda_config:
        request["LambdaConfig"] = lambda_config
    else:
        request.pop("LambdaConfig", None)
    return request


def _set_slot(config: dict[str, Any], slot: str, value: Any) -> None:
    if value is None:
        config.pop(slot, None)
        if slot == "PreTokenGenerationConfig":
            config.pop("PreTokenGeneration", None)
        return
    config[slot] = value
    if slot == "PreTokenGenerationConfig":
        config["PreTokenGeneration"] = value["LambdaArn"]  # the legacy key mirrors the versioned one


def _describe(value: Any) -> str:
    return "nothing" if value is None else json.dumps(value, sort_keys=True)


def apply(client: Any, event: dict[str, Any]) -> dict[str, Any]:
    """Carry out one lifecycle event on the pool; returns what changed (Terraform keeps it as ``result``).

    :param client: a boto3 ``cognito-idp`` client.
    :param event: ``userPoolId``, ``triggers`` (slot -> ARN or ``{LambdaArn, LambdaVersion}``),
        ``kmsKeyId``, ``previous`` (the snapshot), ``force``, and Terraform's ``tf`` block.
    :raises ConflictError: when an owned slot was changed by someone else (unless ``force``).
    :raises UnknownSettingError: when the pool has a setting this updater does not know.
    """
    lifecycle = event.get("tf") or {"action": "create", "prev_input": None}
    action = lifecycle.get("action", "create")
    prev_input = lifecycle.get("prev_input") or {}
    force = bool(event.get("force"))
    pool_id = event["userPoolId"]
    wanted: dict[str, Any] = {} if action == "delete" else dict(event.get("triggers") or {})
    if action == "delete":
        held: dict[str, Any] = dict(event.get("triggers") or {})
        held_key = event.get("kmsKeyId")
    elif action == "update":
        held = dict(prev_input.get("triggers") or {})
        held_key = prev_input.get("kmsKeyId")
    else:
        held, held_key = {}, None
    unknown_slots = sorted(set(wanted) - set(OWNED_SLOTS))
    if unknown_slots:
        raise ValueError(f"unknown trigger slots {unknown_slots}; expected some of {list(OWNED_SLOTS)}")
    original = snapshot_lambda_config(event.get("previous"))

    pool = client.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    current = dict(pool.get("LambdaConfig") or {})
    problems = []
    for slot in sorted(set(held) | set(wanted)):
        expected = held[slot] if slot in held else original.get(slot)
        if current.get(slot) != expected:
            whose = "this stack set last time" if slot in held else "the pool had when this stack first managed it"
            problems.append(f"{slot} is {_describe(current.get(slot))}, not {_describe(expected)} ({whose})")
    if problems and not force:
        raise ConflictError(
            f"user pool {pool_id} was changed outside this stack: {'; '.join(problems)}. Nothing was changed. "
            "Find out who changed it; to overwrite their change, set force=True on UserPool.from_user_pool_id."
        )

    config = dict(current)
    restored = sorted(slot for slot in held if slot not in wanted)
    for slot in restored:
        _set_slot(config, slot, original.get(slot))
    for slot, value in sorted(wanted.items()):
        _set_slot(config, slot, value)
    if any(slot in wanted for slot in SENDERS):
        config["KMSKeyID"] = event["kmsKeyId"]
    elif held_key is not None or any(slot in held for slot in SENDERS):
        if "KMSKeyID" in original:
            config["KMSKeyID"] = original["KMSKeyID"]
        elif not any(slot in config for slot in SENDERS):
            config.pop("KMSKeyID", None)
    if config == current:
        return {"changed": False, "set": sorted(wanted), "restored": restored}
    client.update_user_pool(**update_request(pool, config))
    return {"changed": True, "set": sorted(wanted), "restored": restored}


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Lambda entry point: ``apply`` with a boto3 client of the function's region."""
    import importlib

    boto3 = importlib.import_module("boto3")  # provided by the Lambda runtime
    return apply(boto3.client("cognito-idp"), event)
