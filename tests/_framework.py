"""The framework and provider classes the tests use, from the backend the library runs on.

``from tests._framework import App, Testing, AwsProvider`` gives cdktf's classes on the cdktf
backend and cdktn's on the cdktn one (``make test BACKEND=cdktn``). Apps that users write import
their framework directly; :func:`for_backend` rewrites such an app's imports for the backend the
suite runs on, the migration CDK Terrain documents (only the imports change).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

from cdktf_userpool._core.cdk import aws, backend, core

__all__ = ["BACKEND", "PROVIDER_PACKAGE", "for_backend", "import_app", "rewrite_imports"]

_PROVIDER_CLASSES = {
    "AwsProvider": "provider",
    "CloudwatchLogGroup": "cloudwatch_log_group",
    "CognitoUserPool": "cognito_user_pool",
    "CognitoUserPoolLambdaConfig": "cognito_user_pool",
    "CognitoUserPoolClient": "cognito_user_pool_client",
    "CognitoUserPoolClientTokenValidityUnits": "cognito_user_pool_client",
    "DataAwsCallerIdentity": "data_aws_caller_identity",
    "DataAwsKmsKey": "data_aws_kms_key",
    "DataAwsLambdaFunction": "data_aws_lambda_function",
    "DataAwsPartition": "data_aws_partition",
    "DataAwsRegion": "data_aws_region",
    "DynamodbTable": "dynamodb_table",
    "IamRole": "iam_role",
    "IamRolePolicy": "iam_role_policy",
    "KmsAlias": "kms_alias",
    "KmsKey": "kms_key",
    "LambdaAlias": "lambda_alias",
    "LambdaFunction": "lambda_function",
    "LambdaLayerVersion": "lambda_layer_version",
    "LambdaPermission": "lambda_permission",
}

BACKEND = backend().name
"""``"cdktf"`` or ``"cdktn"``."""
PROVIDER_PACKAGE = backend().provider
"""``"cdktf_cdktf_provider_aws"`` or ``"cdktn_provider_aws"``."""

_REWRITES = (
    (re.compile(r"\bcdktf_cdktf_provider_aws\b"), "cdktn_provider_aws"),
    (re.compile(r"^(\s*)(from|import) cdktf\b(?!_)", re.M), r"\1\2 cdktn"),
)


def rewrite_imports(source: str) -> str:
    """An app's source with its imports moved to the suite's backend (unchanged on cdktf)."""
    if BACKEND == "cdktf":
        return source
    for pattern, replacement in _REWRITES:
        source = pattern.sub(replacement, source)
    return source


def for_backend(app: Path, workdir: Path) -> Path:
    """``app`` itself on cdktf; on cdktn, a copy of its folder in ``workdir`` with rewritten imports."""
    if BACKEND == "cdktf":
        return app
    target = workdir / f"{app.parent.name}-{BACKEND}"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(app.parent, target, ignore=shutil.ignore_patterns("__pycache__", "cdktf.out"))
    for path in target.rglob("*.py"):
        path.write_text(rewrite_imports(path.read_text()))
    return target / app.name


def import_app(app: Path, workdir: Path, name: str = "app") -> Any:
    """Import an app module (such as ``examples/app.py``) in this process, on the suite's backend.

    :param workdir: where a rewritten copy may go (see :func:`for_backend`).
    """
    import importlib

    path = for_backend(app, workdir)
    sys.path.insert(0, str(path.parent))
    try:
        sys.modules.pop(name, None)
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(path.parent))


def __getattr__(name: str) -> Any:
    if name in _PROVIDER_CLASSES:
        return getattr(aws(_PROVIDER_CLASSES[name]), name)
    return getattr(core(), name)
