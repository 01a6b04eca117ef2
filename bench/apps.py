"""The benchmark apps: the same pools written with cdktf-userpool and by hand with provider resources.

``library_app`` attaches twelve Python callables per pool; ``handwritten_app`` builds what that
gives (pool with ``lambda_config``, per trigger a role, log policy, log group, function from a
hand-made zip, and permission; a KMS key with its policy and the senders' decrypt grants) directly
with the provider's classes: the same resources and attributes, so the ratio is the library's cost.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from pathlib import Path

from tests._framework import App, AssetType, Fn, LocalBackend, TerraformAsset, TerraformStack
from tests._framework import CloudwatchLogGroup
from tests._framework import CognitoUserPool
from tests._framework import DataAwsCallerIdentity
from tests._framework import DataAwsPartition
from tests._framework import DataAwsRegion
from tests._framework import IamRole
from tests._framework import IamRolePolicy
from tests._framework import KmsKey
from tests._framework import LambdaFunction
from tests._framework import LambdaPermission
from tests._framework import AwsProvider

import handlers
from cdktf_userpool import TRIGGERS, Function, UserPool

HANDLERS_FILE = Path(handlers.__file__)


def _stack(outdir: str) -> tuple[App, TerraformStack]:
    app = App(outdir=outdir)
    stack = TerraformStack(app, "bench")
    AwsProvider(stack, "aws", region="us-east-1")
    LocalBackend(stack, path="bench.tfstate")
    return app, stack


def library_app(outdir: str, pools: int = 1, requirements: list[str] | None = None) -> App:
    """``pools`` user pools, each with twelve Python-callable triggers."""
    app, stack = _stack(outdir)
    for p in range(pools):
        pool = UserPool(stack, f"Pool{p}", removal_policy="destroy")  # as the hand-written pools: no protection
        for op, spec in TRIGGERS.items():
            fn = getattr(handlers, spec.snake_name)
            if requirements:
                fn = Function(pool, spec.construct_id, fn, requirements=requirements)
            pool.on(op, fn)
    return app


def _hand_made_zip(workdir: Path) -> tuple[Path, str]:
    archive = workdir / "handlers.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("index.py", date_time=(1980, 1, 1, 0, 0, 0))
        z.writestr(info, HANDLERS_FILE.read_bytes())
    return archive, base64.b64encode(hashlib.sha256(archive.read_bytes()).digest()).decode()


def handwritten_app(outdir: str, pools: int = 1) -> App:
    """The same resources as ``library_app``, written with provider classes and a hand-made zip."""
    app, stack = _stack(outdir)
    archive, code_hash = _hand_made_zip(Path(outdir).parent)
    account = DataAwsCallerIdentity(stack, "UserPoolAccount").account_id
    partition = DataAwsPartition(stack, "UserPoolPartition").partition
    region = DataAwsRegion(stack, "UserPoolRegion").id
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    for p in range(pools):
        key_policy = {
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "AccountAdministration", "Effect": "Allow", "Principal": {"AWS": f"arn:{partition}:iam::{account}:root"}, "Action": "kms:*", "Resource": "*"},
                {
                    "Sid": "CognitoCustomSenders", "Effect": "Allow", "Principal": {"Service": "cognito-idp.amazonaws.com"},
                    "Action": ["kms:CreateGrant", "kms:Encrypt"], "Resource": "*",
                    "Condition": {
                        "StringEquals": {"aws:SourceAccount": account},
                        "ArnLike": {"aws:SourceArn": f"arn:{partition}:cognito-idp:{region}:{account}:userpool/*"},
                    },
                },
            ],
        }
        key = KmsKey(
            stack, f"Key{p}", description="custom senders", key_usage="ENCRYPT_DECRYPT",
            customer_master_key_spec="SYMMETRIC_DEFAULT", enable_key_rotation=True, policy=Fn.jsonencode(key_policy),
        )
        config: dict[str, object] = {"kms_key_id": key.arn}
        functions = []
        for spec in TRIGGERS.values():
            name = f"bench-Pool{p}-{spec.api_name}"
            asset = TerraformAsset(stack, f"Code{p}{spec.api_name}", path=str(archive), type=AssetType.FILE)
            group = CloudwatchLogGroup(stack, f"Logs{p}{spec.api_name}", name=f"/aws/lambda/{name}", retention_in_days=365)
            role = IamRole(stack, f"Role{p}{spec.api_name}", name=name, assume_role_policy=trust)
            policy = IamRolePolicy(
                stack,
                f"Policy{p}{spec.api_name}",
                role=role.name,
                policy=Fn.jsonencode({"Version": "2012-10-17", "Statement": [
                    {"Sid": "WriteOwnLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": f"{group.arn}:*"},
                    {"Sid": "Tracing", "Effect": "Allow", "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "Resource": "*"},
                ]}),
            )
            fn = LambdaFunction(
                stack, f"Fn{p}{spec.api_name}", function_name=name, role=role.arn, runtime="python3.13",
                architectures=["arm64"], handler=f"index.{spec.snake_name}", filename=asset.path,
                source_code_hash=code_hash, timeout=5, memory_size=128, description=f"handlers.py ({spec.snake_name})", tracing_config={"mode": "Active"},
                logging_config={"log_format": "JSON", "application_log_level": "INFO", "system_log_level": "INFO"},
                depends_on=[group, policy],
            )
            if spec.needs_kms_key:
                IamRolePolicy(
                    stack,
                    f"Decrypt{p}{spec.api_name}",
                    role=role.name,
                    policy=Fn.jsonencode({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": key.arn}]}),
                )
            functions.append((spec, fn))
            value: object = {"lambda_arn": fn.arn, "lambda_version": spec.versions[0]} if spec.versions else fn.arn
            config[spec.config_key] = value
        pool = CognitoUserPool(stack, f"Pool{p}", name=f"bench-Pool{p}", lambda_config=config)
        for spec, fn in functions:
            LambdaPermission(
                stack, f"Permission{p}{spec.api_name}", action="lambda:InvokeFunction", principal="cognito-idp.amazonaws.com",
                function_name=fn.function_name, source_arn=pool.arn, statement_id=f"bench-Pool{p}-{spec.api_name}",
            )
    return app
