"""The one module that imports the framework: CDK for Terraform (``cdktf``) or CDK Terrain (``cdktn``).

Every other module of the library takes the framework and provider classes from here
(``from ._cdk import Token, LambdaFunction``), so the library runs on either backend, never both:

* ``cdktf`` 0.21 with ``cdktf_cdktf_provider_aws`` (HashiCorp's last release), or
* ``cdktn`` (CDK Terrain, cdktf's maintained successor) with ``cdktn_provider_aws``.

The backend is chosen once, when the library first needs a framework class: the framework the app
has already imported, else ``$CDKTF_USERPOOL_BACKEND`` (``cdktf`` or ``cdktn``), else the only one
installed. Type checkers see the ``cdktf`` classes (the two have the same API).
"""

# ruff: noqa: F401 - the TYPE_CHECKING imports are what this module exports to type checkers
from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..errors import BackendError, BackendMismatchError

#: Type checkers see cdktf's classes, or cdktn's when told ``CDKTN_TYPES`` is true (mypy:
#: ``always_true = ["CDKTN_TYPES"]``, used to check this library itself); at run time the chosen
#: backend's are used. Users need no setting: the public signatures whose checking matters (the trigger
#: forms, ``Function``'s options) do not depend on it (see ``_provider_function``).
CDKTN_TYPES = False

if TYPE_CHECKING:
    if CDKTN_TYPES:
        from cdktn import (
            Aspects as Aspects,
            AssetType as AssetType,
            DataResource as DataResource,
            DefaultTokenResolver as DefaultTokenResolver,
            Fn as Fn,
            IAspect as IAspect,
            StringConcat as StringConcat,
            TerraformAsset as TerraformAsset,
            TerraformDataSource as TerraformDataSource,
            TerraformElement as TerraformElement,
            TerraformResource as TerraformResource,
            TerraformResourceLifecycle as TerraformResourceLifecycle,
            TerraformStack as TerraformStack,
            Testing as Testing,
            Token as Token,
            Tokenization as Tokenization,
        )
        from cdktn_provider_aws.cloudwatch_log_group import CloudwatchLogGroup as CloudwatchLogGroup
        from cdktn_provider_aws.cognito_identity_pool import (
            CognitoIdentityPool as CognitoIdentityPool,
            CognitoIdentityPoolCognitoIdentityProviders as CognitoIdentityPoolCognitoIdentityProviders,
        )
        from cdktn_provider_aws.cognito_identity_pool_roles_attachment import (
            CognitoIdentityPoolRolesAttachment as CognitoIdentityPoolRolesAttachment,
            CognitoIdentityPoolRolesAttachmentRoleMapping as CognitoIdentityPoolRolesAttachmentRoleMapping,
        )
        from cdktn_provider_aws.cognito_resource_server import (
            CognitoResourceServer as CognitoResourceServer,
            CognitoResourceServerScope as CognitoResourceServerScope,
        )
        from cdktn_provider_aws.cognito_user_group import CognitoUserGroup as CognitoUserGroup
        from cdktn_provider_aws.cognito_user_pool import (
            CognitoUserPool as CognitoUserPool,
            CognitoUserPoolLambdaConfig as CognitoUserPoolLambdaConfig,
        )
        from cdktn_provider_aws.cognito_user_pool_client import (
            CognitoUserPoolClient as CognitoUserPoolClient,
            CognitoUserPoolClientTokenValidityUnits as CognitoUserPoolClientTokenValidityUnits,
        )
        from cdktn_provider_aws.cognito_user_pool_domain import CognitoUserPoolDomain as CognitoUserPoolDomain
        from cdktn_provider_aws.data_aws_caller_identity import DataAwsCallerIdentity as DataAwsCallerIdentity
        from cdktn_provider_aws.data_aws_cognito_user_pool import DataAwsCognitoUserPool as DataAwsCognitoUserPool
        from cdktn_provider_aws.data_aws_kms_key import DataAwsKmsKey as DataAwsKmsKey
        from cdktn_provider_aws.data_aws_lambda_function import DataAwsLambdaFunction as DataAwsLambdaFunction
        from cdktn_provider_aws.data_aws_partition import DataAwsPartition as DataAwsPartition
        from cdktn_provider_aws.data_aws_region import DataAwsRegion as DataAwsRegion
        from cdktn_provider_aws.iam_role import IamRole as IamRole
        from cdktn_provider_aws.iam_role_policy import IamRolePolicy as IamRolePolicy
        from cdktn_provider_aws.kms_key import KmsKey as KmsKey
        from cdktn_provider_aws.lambda_alias import LambdaAlias as LambdaAlias
        from cdktn_provider_aws.lambda_function import LambdaFunction as LambdaFunction
        from cdktn_provider_aws.lambda_invocation import LambdaInvocation as LambdaInvocation
        from cdktn_provider_aws.lambda_layer_version import LambdaLayerVersion as LambdaLayerVersion
        from cdktn_provider_aws.lambda_permission import LambdaPermission as LambdaPermission
        from cdktn_provider_aws.lambda_provisioned_concurrency_config import (
            LambdaProvisionedConcurrencyConfig as LambdaProvisionedConcurrencyConfig,
        )
        from cdktn_provider_aws.provider import AwsProvider as AwsProvider
    else:
        from cdktf import (
            Aspects as Aspects,
            AssetType as AssetType,
            DataResource as DataResource,
            DefaultTokenResolver as DefaultTokenResolver,
            Fn as Fn,
            IAspect as IAspect,
            StringConcat as StringConcat,
            TerraformAsset as TerraformAsset,
            TerraformDataSource as TerraformDataSource,
            TerraformElement as TerraformElement,
            TerraformResource as TerraformResource,
            TerraformResourceLifecycle as TerraformResourceLifecycle,
            TerraformStack as TerraformStack,
            Testing as Testing,
            Token as Token,
            Tokenization as Tokenization,
        )
        from cdktf_cdktf_provider_aws.cloudwatch_log_group import CloudwatchLogGroup as CloudwatchLogGroup
        from cdktf_cdktf_provider_aws.cognito_identity_pool import (
            CognitoIdentityPool as CognitoIdentityPool,
            CognitoIdentityPoolCognitoIdentityProviders as CognitoIdentityPoolCognitoIdentityProviders,
        )
        from cdktf_cdktf_provider_aws.cognito_identity_pool_roles_attachment import (
            CognitoIdentityPoolRolesAttachment as CognitoIdentityPoolRolesAttachment,
            CognitoIdentityPoolRolesAttachmentRoleMapping as CognitoIdentityPoolRolesAttachmentRoleMapping,
        )
        from cdktf_cdktf_provider_aws.cognito_resource_server import (
            CognitoResourceServer as CognitoResourceServer,
            CognitoResourceServerScope as CognitoResourceServerScope,
        )
        from cdktf_cdktf_provider_aws.cognito_user_group import CognitoUserGroup as CognitoUserGroup
        from cdktf_cdktf_provider_aws.cognito_user_pool import (
            CognitoUserPool as CognitoUserPool,
            CognitoUserPoolLambdaConfig as CognitoUserPoolLambdaConfig,
        )
        from cdktf_cdktf_provider_aws.cognito_user_pool_client import (
            CognitoUserPoolClient as CognitoUserPoolClient,
            CognitoUserPoolClientTokenValidityUnits as CognitoUserPoolClientTokenValidityUnits,
        )
        from cdktf_cdktf_provider_aws.cognito_user_pool_domain import CognitoUserPoolDomain as CognitoUserPoolDomain
        from cdktf_cdktf_provider_aws.data_aws_caller_identity import DataAwsCallerIdentity as DataAwsCallerIdentity
        from cdktf_cdktf_provider_aws.data_aws_cognito_user_pool import (
            DataAwsCognitoUserPool as DataAwsCognitoUserPool,
        )
        from cdktf_cdktf_provider_aws.data_aws_kms_key import DataAwsKmsKey as DataAwsKmsKey
        from cdktf_cdktf_provider_aws.data_aws_lambda_function import DataAwsLambdaFunction as DataAwsLambdaFunction
        from cdktf_cdktf_provider_aws.data_aws_partition import DataAwsPartition as DataAwsPartition
        from cdktf_cdktf_provider_aws.data_aws_region import DataAwsRegion as DataAwsRegion
        from cdktf_cdktf_provider_aws.iam_role import IamRole as IamRole
        from cdktf_cdktf_provider_aws.iam_role_policy import IamRolePolicy as IamRolePolicy
        from cdktf_cdktf_provider_aws.kms_key import KmsKey as KmsKey
        from cdktf_cdktf_provider_aws.lambda_alias import LambdaAlias as LambdaAlias
        from cdktf_cdktf_provider_aws.lambda_function import LambdaFunction as LambdaFunction
        from cdktf_cdktf_provider_aws.lambda_invocation import LambdaInvocation as LambdaInvocation
        from cdktf_cdktf_provider_aws.lambda_layer_version import LambdaLayerVersion as LambdaLayerVersion
        from cdktf_cdktf_provider_aws.lambda_permission import LambdaPermission as LambdaPermission
        from cdktf_cdktf_provider_aws.lambda_provisioned_concurrency_config import (
            LambdaProvisionedConcurrencyConfig as LambdaProvisionedConcurrencyConfig,
        )
        from cdktf_cdktf_provider_aws.provider import AwsProvider as AwsProvider

__all__ = ["BACKENDS", "BACKEND_ENV", "CDKTN_TYPES", "Backend", "aws", "backend", "check_backend", "core", "foreign_backend"]

BACKEND_ENV = "CDKTF_USERPOOL_BACKEND"


@dataclass(frozen=True)
class Backend:
    """One framework and its prebuilt AWS provider bindings.

    :ivar name: the framework's module (``"cdktf"`` or ``"cdktn"``), as ``$CDKTF_USERPOOL_BACKEND`` names it.
    :ivar provider: the AWS provider bindings' module.
    :ivar extra: the install extra that brings it (``pip install "cdktf-userpool[<extra>]"``).
    """

    name: str
    provider: str
    extra: str


BACKENDS: tuple[Backend, ...] = (
    Backend("cdktf", "cdktf_cdktf_provider_aws", "cdktf"),
    Backend("cdktn", "cdktn_provider_aws", "cdktn"),
)
_BY_NAME = {b.name: b for b in BACKENDS}

#: Provider classes the library uses -> their module in the bindings.
_PROVIDER_CLASSES = {
    "AwsProvider": "provider",
    "CloudwatchLogGroup": "cloudwatch_log_group",
    "CognitoIdentityPool": "cognito_identity_pool",
    "CognitoIdentityPoolCognitoIdentityProviders": "cognito_identity_pool",
    "CognitoIdentityPoolRolesAttachment": "cognito_identity_pool_roles_attachment",
    "CognitoIdentityPoolRolesAttachmentRoleMapping": "cognito_identity_pool_roles_attachment",
    "CognitoResourceServer": "cognito_resource_server",
    "CognitoResourceServerScope": "cognito_resource_server",
    "CognitoUserGroup": "cognito_user_group",
    "CognitoUserPool": "cognito_user_pool",
    "CognitoUserPoolLambdaConfig": "cognito_user_pool",
    "CognitoUserPoolClient": "cognito_user_pool_client",
    "CognitoUserPoolClientTokenValidityUnits": "cognito_user_pool_client",
    "CognitoUserPoolDomain": "cognito_user_pool_domain",
    "DataAwsCallerIdentity": "data_aws_caller_identity",
    "DataAwsCognitoUserPool": "data_aws_cognito_user_pool",
    "DataAwsKmsKey": "data_aws_kms_key",
    "DataAwsLambdaFunction": "data_aws_lambda_function",
    "DataAwsPartition": "data_aws_partition",
    "DataAwsRegion": "data_aws_region",
    "IamRole": "iam_role",
    "IamRolePolicy": "iam_role_policy",
    "KmsKey": "kms_key",
    "LambdaAlias": "lambda_alias",
    "LambdaFunction": "lambda_function",
    "LambdaInvocation": "lambda_invocation",
    "LambdaLayerVersion": "lambda_layer_version",
    "LambdaPermission": "lambda_permission",
    "LambdaProvisionedConcurrencyConfig": "lambda_provisioned_concurrency_config",
}
_CORE_NAMES = frozenset(
    {
        "Aspects", "AssetType", "DataResource", "DefaultTokenResolver", "Fn", "IAspect", "StringConcat",
        "TerraformAsset", "TerraformDataSource", "TerraformElement", "TerraformResource",
        "TerraformResourceLifecycle", "TerraformStack", "Testing", "Token", "Tokenization",
    }
)


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def choose(
    imported: frozenset[str], setting: str | None, installed: frozenset[str]
) -> Backend:
    """Pick the backend (the rule in the module docstring); a seam for tests.

    :param imported: backends whose framework the process has imported.
    :param setting: the value of ``$CDKTF_USERPOOL_BACKEND``, or ``None``.
    :param installed: backends whose framework and provider bindings are installed.
    :raises BackendError: if the choice is ambiguous or impossible; the message says how to choose.
    """
    names = " or ".join(repr(b.name) for b in BACKENDS)
    if setting is not None and setting not in _BY_NAME:
        raise BackendError(
            f"{BACKEND_ENV}={setting!r} is not a backend this library knows; use {names}.",
            argument=BACKEND_ENV,
            value=setting,
            choices=tuple(_BY_NAME),
        )
    if len(imported) > 1:
        raise BackendError(
            "Both cdktf and cdktn are imported in this process; an app is built with one of them. Import only "
            "the one your app uses (cdktf_userpool follows it).",
            argument="imported frameworks",
            value=sorted(imported),
            choices=tuple(_BY_NAME),
        )
    if imported:
        (name,) = imported
        if setting is not None and setting != name:
            raise BackendError(
                f"{BACKEND_ENV}={setting!r}, but the app has imported {name}. Unset {BACKEND_ENV} or import "
                f"{setting} instead.",
                argument=BACKEND_ENV,
                value=setting,
                choices=tuple(_BY_NAME),
            )
        return _BY_NAME[name]
    if setting is not None:
        return _BY_NAME[setting]
    if len(installed) == 1:
        return _BY_NAME[next(iter(installed))]
    if not installed:
        raise BackendError(
            "Neither CDK for Terraform (cdktf) nor CDK Terrain (cdktn) is installed with its AWS provider "
            'bindings. Install one: pip install "cdktf-userpool[cdktn]" (CDK Terrain, maintained) or '
            '"cdktf-userpool[cdktf]" (cdktf 0.21).',
            argument="installed frameworks",
            value=[],
            choices=tuple(_BY_NAME),
        )
    raise BackendError(
        "Both cdktf and cdktn are installed and nothing chose between them. Import your framework "
        f"(`import cdktn` or `import cdktf`) before cdktf_userpool, or set {BACKEND_ENV}=cdktn (or cdktf).",
        argument=BACKEND_ENV,
        value=None,
        choices=tuple(_BY_NAME),
    )


@functools.cache
def backend() -> Backend:
    """The backend of this process, chosen on first use and then fixed."""
    imported = frozenset(b.name for b in BACKENDS if b.name in sys.modules)
    installed = frozenset(b.name for b in BACKENDS if _installed(b.name) and _installed(b.provider))
    return choose(imported, os.environ.get(BACKEND_ENV) or None, installed)


def core() -> ModuleType:
    """The framework module (``cdktf`` or ``cdktn``)."""
    return importlib.import_module(backend().name)


def aws(module: str) -> ModuleType:
    """A module of the AWS provider bindings, such as ``aws("lambda_function")``."""
    return importlib.import_module(f"{backend().provider}.{module}")


def foreign_backend(value: object) -> str | None:
    """The other backend's name if ``value`` (a construct, or a class) comes from it, else ``None``."""
    active = backend()
    others = {b.name for b in BACKENDS if b != active} | {b.provider for b in BACKENDS if b != active}
    kind = value if isinstance(value, type) else type(value)
    for cls in kind.__mro__:
        top = cls.__module__.partition(".")[0]
        if top in others:
            return next(b.name for b in BACKENDS if top in (b.name, b.provider))
    return None


def check_backend(value: object, *, argument: str, where: str, root: bool = True) -> None:
    """Refuse a construct built with the other backend, before jsii fails on it deep in JavaScript.

    :param root: also check the app the construct belongs to (a plain ``Construct`` inside a
        foreign app is foreign; one jsii call). Default: ``True``; ``False`` checks the object's class only.
    :raises BackendMismatchError: naming both backends and the fix.
    """
    foreign = foreign_backend(value)
    if foreign is None and root:
        node = getattr(value, "node", None)
        app = getattr(node, "root", None) if node is not None else None
        foreign = foreign_backend(app) if app is not None else None
    if foreign is not None:
        active = backend().name
        raise BackendMismatchError(
            f"{where} got {argument}={value!r}, built with {foreign}, but cdktf_userpool is running on {active} "
            f"in this process: the two cannot be mixed in one app. Build the whole app with {active} (change the "
            f"app's imports from {foreign} to {active}), or run the library on {foreign} (import {foreign} before "
            f"cdktf_userpool, or set {BACKEND_ENV}={foreign}).",
            argument=argument,
            value=value,
            expected=(f"a {active} construct",),
        )


def __getattr__(name: str) -> Any:
    """Framework and provider classes, from the chosen backend, on first use."""
    if name in _CORE_NAMES:
        value = getattr(core(), name)
    elif name in _PROVIDER_CLASSES:
        value = getattr(aws(_PROVIDER_CLASSES[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
