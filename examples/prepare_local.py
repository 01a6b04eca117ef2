"""What the example app's stacks read but do not own, created in the local emulator before they apply.

``make local`` passes :func:`prepare` to ``python -m cdktf_userpool local up --prepare``; the local
deploy tests use it too. In AWS these exist already: the mailer's code in an artifacts bucket, the
legacy directory's migration function (an alias ``live``), and the pool another team owns, with a
trigger of theirs that the shared stack must keep.
"""

from __future__ import annotations

import io
import json
import zipfile

from cdktf_userpool.local import LocalAws

REGION = "eu-west-1"
SHARED_POOL_ID = "eu-west-1_SharedPool1"
TEAM_TRIGGER = f"arn:aws:lambda:{REGION}:123456789012:function:team-welcome"
"""The post-confirmation trigger the other team set on the shared pool."""

_LAMBDA_TRUST = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }
)


def zipped(files: dict[str, str]) -> bytes:
    """A zip archive of ``files`` (name -> source)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def prepare(aws: LocalAws, stack: str) -> None:
    """Create what stack ``stack`` of the example app reads: see the module docstring."""
    if stack == "example":
        s3 = aws.client("s3", region=REGION)
        s3.create_bucket(Bucket="example-artifacts", CreateBucketConfiguration={"LocationConstraint": REGION})
        code = zipped({"mailer.py": "def handler(event, context):\n    return None\n"})
        s3.put_object(Bucket="example-artifacts", Key="mailer/1.4.2.zip", Body=code)
        role = aws.client("iam").create_role(RoleName="legacy-directory", AssumeRolePolicyDocument=_LAMBDA_TRUST)
        functions = aws.client("lambda", region=REGION)
        functions.create_function(
            FunctionName="legacy-directory-migration",
            Role=role["Role"]["Arn"],
            Runtime="python3.13",
            Handler="migration.handler",
            Code={"ZipFile": zipped({"migration.py": "def handler(event, context):\n    return event\n"})},
        )
        version = functions.publish_version(FunctionName="legacy-directory-migration")["Version"]
        functions.create_alias(FunctionName="legacy-directory-migration", Name="live", FunctionVersion=version)
    elif stack == "shared":
        aws.create_user_pool(SHARED_POOL_ID, name="team-directory", LambdaConfig={"PostConfirmation": TEAM_TRIGGER})
