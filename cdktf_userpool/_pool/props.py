"""``UserPoolProps``: the provider ``CognitoUserPool`` arguments that ``UserPool`` passes through.

Typed so that editors complete them and checkers catch a misspelled or mistyped argument (at run time
``UserPool`` refuses unknown arguments with a did-you-mean as well). The fields and their types are
the pinned provider's, minus ``lambda_config``, which ``UserPool`` owns; ``tests/test_pool_props.py``
fails, printing the fresh text of this class, when the provider changes.
"""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:  # the types of the backend type checkers are told about (see _cdk.CDKTN_TYPES)
    from .._core.cdk import CDKTN_TYPES

    if CDKTN_TYPES:
        import cdktn as cdktf
        from cdktn_provider_aws import cognito_user_pool
    else:
        import cdktf
        from cdktf_cdktf_provider_aws import cognito_user_pool

__all__ = ["UserPoolProps"]


class UserPoolProps(TypedDict, total=False):
    """The provider's ``CognitoUserPool`` arguments (see its documentation); all optional here.

    ``name`` defaults to a unique name derived from the construct path. ``id`` (Terraform's) is left
    out: in ``UserPool(scope, id, ...)`` that name is the construct id.
    """

    name: str
    account_recovery_setting: typing.Union[cognito_user_pool.CognitoUserPoolAccountRecoverySetting, typing.Dict[str, typing.Any], None]
    admin_create_user_config: typing.Union[cognito_user_pool.CognitoUserPoolAdminCreateUserConfig, typing.Dict[str, typing.Any], None]
    alias_attributes: typing.Optional[typing.Sequence[str]]
    auto_verified_attributes: typing.Optional[typing.Sequence[str]]
    deletion_protection: typing.Optional[str]
    device_configuration: typing.Union[cognito_user_pool.CognitoUserPoolDeviceConfiguration, typing.Dict[str, typing.Any], None]
    email_configuration: typing.Union[cognito_user_pool.CognitoUserPoolEmailConfiguration, typing.Dict[str, typing.Any], None]
    email_mfa_configuration: typing.Union[cognito_user_pool.CognitoUserPoolEmailMfaConfiguration, typing.Dict[str, typing.Any], None]
    email_verification_message: typing.Optional[str]
    email_verification_subject: typing.Optional[str]
    mfa_configuration: typing.Optional[str]
    password_policy: typing.Union[cognito_user_pool.CognitoUserPoolPasswordPolicy, typing.Dict[str, typing.Any], None]
    region: typing.Optional[str]
    schema: typing.Union[cdktf.IResolvable, typing.Sequence[typing.Union[cognito_user_pool.CognitoUserPoolSchema, typing.Dict[str, typing.Any]]], None]
    sign_in_policy: typing.Union[cognito_user_pool.CognitoUserPoolSignInPolicy, typing.Dict[str, typing.Any], None]
    sms_authentication_message: typing.Optional[str]
    sms_configuration: typing.Union[cognito_user_pool.CognitoUserPoolSmsConfiguration, typing.Dict[str, typing.Any], None]
    sms_verification_message: typing.Optional[str]
    software_token_mfa_configuration: typing.Union[cognito_user_pool.CognitoUserPoolSoftwareTokenMfaConfiguration, typing.Dict[str, typing.Any], None]
    tags: typing.Optional[typing.Mapping[str, str]]
    tags_all: typing.Optional[typing.Mapping[str, str]]
    user_attribute_update_settings: typing.Union[cognito_user_pool.CognitoUserPoolUserAttributeUpdateSettings, typing.Dict[str, typing.Any], None]
    username_attributes: typing.Optional[typing.Sequence[str]]
    username_configuration: typing.Union[cognito_user_pool.CognitoUserPoolUsernameConfiguration, typing.Dict[str, typing.Any], None]
    user_pool_add_ons: typing.Union[cognito_user_pool.CognitoUserPoolUserPoolAddOns, typing.Dict[str, typing.Any], None]
    user_pool_tier: typing.Optional[str]
    verification_message_template: typing.Union[cognito_user_pool.CognitoUserPoolVerificationMessageTemplate, typing.Dict[str, typing.Any], None]
    web_authn_configuration: typing.Union[cognito_user_pool.CognitoUserPoolWebAuthnConfiguration, typing.Dict[str, typing.Any], None]
    connection: typing.Union[cdktf.SSHProvisionerConnection, typing.Dict[str, typing.Any], cdktf.WinrmProvisionerConnection, None]
    count: typing.Union[int, float, cdktf.TerraformCount, None]
    depends_on: typing.Optional[typing.Sequence[cdktf.ITerraformDependable]]
    for_each: typing.Optional[cdktf.ITerraformIterator]
    lifecycle: typing.Union[cdktf.TerraformResourceLifecycle, typing.Dict[str, typing.Any], None]
    provider: typing.Optional[cdktf.TerraformProvider]
    provisioners: typing.Optional[typing.Sequence[typing.Union[cdktf.FileProvisioner, typing.Dict[str, typing.Any], cdktf.LocalExecProvisioner, cdktf.RemoteExecProvisioner]]]
