"""The KMS key Cognito's custom email and SMS senders encrypt codes with.

Cognito needs the key as an ARN in ``lambda_config.kms_key_id``. When the user gives none, a
symmetric, rotating key is created whose policy keeps the account's administration and lets
Cognito create grants and encrypt. The policy names user pools by an ARN *pattern*: naming this
pool's own ``arn`` attribute would be a cycle, since the pool refers to the key.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar, Union

from .._core.cdk import DataAwsCallerIdentity, DataAwsKmsKey, DataAwsPartition, DataAwsRegion, KmsKey, TerraformStack, Token
from constructs import Construct

from .._core.policy import allow, policy_document
from ..errors import ArgumentTypeError, ConfigurationError

KmsKeyLike = Union[KmsKey, DataAwsKmsKey, str]
"""A KMS key: a provider ``KmsKey`` or ``DataAwsKmsKey``, or a key ARN."""

_KEY_ARN = re.compile(r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key/[A-Za-z0-9-]+$")
KMS_KEY_FORMS = ("KmsKey", "DataAwsKmsKey", "a KMS key ARN string")


def key_arn(value: Any, *, where: str) -> str:
    """The ARN of the key ``value`` stands for.

    :raises ArgumentTypeError: if ``value`` is not a key.
    :raises ConfigurationError: if a string is not a key ARN (a bare key id or an alias, say).
    """
    if isinstance(value, (KmsKey, DataAwsKmsKey)):
        return value.arn
    if isinstance(value, str):
        if Token.is_unresolved(value) or _KEY_ARN.match(value):
            return value
        raise ConfigurationError(
            f"kms_key={value!r} on {where!r} is not a KMS key ARN; Cognito accepts only a key ARN "
            "(not a key id or an alias), like 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'. "
            "Pass the key's ARN, or a KmsKey or DataAwsKmsKey.",
            construct_path=where,
            argument="kms_key",
            value=value,
        )
    raise ArgumentTypeError(
        f"kms_key on {where!r} got {value!r} of type {type(value).__name__}, which is not a KMS key. "
        f"Pass one of: {', '.join(KMS_KEY_FORMS)}.",
        argument="kms_key",
        value=value,
        expected=KMS_KEY_FORMS,
    )


_D = TypeVar("_D", DataAwsCallerIdentity, DataAwsPartition, DataAwsRegion)


def _per_stack(scope: Construct, kind: type[_D], id: str) -> _D:
    """The stack's one data source of ``kind`` (every pool's key reads the same account, partition, region)."""
    stack = TerraformStack.of(scope)
    found = stack.node.try_find_child(id)
    if isinstance(found, kind):
        return found
    return kind(stack, id)


def create_sender_key(scope: Construct, id: str, *, pool_path: str, region: str | None) -> KmsKey:
    """Create the custom senders' key for the pool at ``pool_path``.

    :param region: the pool's region when set on the pool; else the provider's region.
    """
    account = _per_stack(scope, DataAwsCallerIdentity, "UserPoolAccount").account_id
    partition = _per_stack(scope, DataAwsPartition, "UserPoolPartition").partition
    # ``id`` is the region's name on provider 5.x and 6.x alike; ``name`` is deprecated in 6.x and
    # ``region`` does not exist before 6.0
    region = region or _per_stack(scope, DataAwsRegion, "UserPoolRegion").id
    policy = policy_document(
        [
            allow(
                "AccountAdministration",
                ["kms:*"],
                "*",
                Principal={"AWS": f"arn:{partition}:iam::{account}:root"},
            ),
            allow(
                "CognitoCustomSenders",
                ["kms:CreateGrant", "kms:Encrypt"],
                "*",
                Principal={"Service": "cognito-idp.amazonaws.com"},
                Condition={
                    "StringEquals": {"aws:SourceAccount": account},
                    "ArnLike": {"aws:SourceArn": f"arn:{partition}:cognito-idp:{region}:{account}:userpool/*"},
                },
            ),
        ]
    )
    return KmsKey(
        scope,
        id,
        description=f"Encrypts codes for the custom senders of Cognito user pool {pool_path}",
        key_usage="ENCRYPT_DECRYPT",
        customer_master_key_spec="SYMMETRIC_DEFAULT",
        enable_key_rotation=True,
        policy=policy,
    )
