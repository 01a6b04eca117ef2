"""Small stacks: outputs and a confidential client, ``prepare`` for code the stack does not own, and an
API the emulator lacks failing fast with its name."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool.errors import LocalDeployError
from cdktf_userpool.local import Deployment, LocalAws

from .conftest import REGION, deploy

ARTIFACTS = "local-test-artifacts"
CODE_KEY = "hello/1.0.zip"


@pytest.fixture(scope="module")
def minimal(aws: LocalAws, toolchain: Any, test_app: Path) -> Deployment:
    return deploy(aws, test_app, "minimal", variables={"team": "platform"})


def test_outputs_and_a_confidential_client(minimal: Deployment) -> None:
    pool = minimal.user_pool()
    client = pool.client("minimal-Pool-Backend")
    assert minimal.outputs == {"PoolId": pool.id, "ClientId": client.id}
    described = minimal.client("cognito-idp").describe_user_pool_client(UserPoolId=pool.id, ClientId=client.id)
    assert client.secret and client.secret == described["UserPoolClient"]["ClientSecret"]
    tags = minimal.client("cognito-idp").describe_user_pool(UserPoolId=pool.id)["UserPool"]["UserPoolTags"]
    assert tags == {"team": "platform"}  # from variables=


def test_minimal_second_plan_is_empty(minimal: Deployment) -> None:
    assert minimal.plan() == []


def test_destroy_names_what_it_left_in_the_emulator(minimal: Deployment, toolchain: Any) -> None:
    """Terraform forgets the pool (as if it were made outside it): destroy's check finds it."""
    import os
    import subprocess

    pool = minimal.user_pool()
    env = minimal.terraform_environment()
    subprocess.run([toolchain.terraform, "state", "rm", pool.address], cwd=minimal.workdir, env=env, check=True,
                   capture_output=True, timeout=120)
    with pytest.raises(LocalDeployError) as left:
        minimal.destroy()
    assert left.value.command == "destroy"
    assert f"cognito-idp:pool:{pool.id}@{REGION}" in str(left.value)


def put_code(aws: LocalAws, stack: str) -> None:
    """``prepare`` for stack s3code: the S3 object its function's code comes from."""
    import io
    import zipfile

    assert stack == "s3code"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.py", "def handler(event, context):\n    return {'hello': event.get('name')}\n")
    s3 = aws.client("s3", region=REGION)
    s3.create_bucket(Bucket=ARTIFACTS, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_object(Bucket=ARTIFACTS, Key=CODE_KEY, Body=buffer.getvalue())


def test_without_prepare_the_missing_code_object_is_named(toolchain: Any, test_app: Path) -> None:
    with LocalAws(region=REGION) as fresh:
        with pytest.raises(LocalDeployError) as failed:
            deploy(fresh, test_app, "s3code")
    error = failed.value
    assert error.command == "apply" and error.stack == "s3code"
    assert error.address == "aws_lambda_function.Hello"
    assert "NoSuchBucket" in error.provider_message and "aws_lambda_function.Hello" in str(error)


def test_prepare_creates_what_the_stack_reads(aws: LocalAws, toolchain: Any, test_app: Path) -> None:
    deployment = deploy(aws, test_app, "s3code", prepare=put_code)
    arn = deployment.outputs["FunctionArn"]
    answer = deployment.client("lambda").invoke(FunctionName=arn, Payload=json.dumps({"name": "local"}).encode())
    assert json.loads(answer["Payload"].read()) == {"hello": "local"}


def test_an_api_the_emulator_lacks_fails_fast_and_is_named(aws: LocalAws, toolchain: Any, test_app: Path) -> None:
    started = time.monotonic()
    with pytest.raises(LocalDeployError) as failed:
        deploy(aws, test_app, "unimplemented")
    assert time.monotonic() - started < 90
    error = failed.value
    assert error.api == "cognito-idp:SetUICustomization"
    assert error.address == "aws_cognito_user_pool_ui_customization.Ui"
    assert "does not implement cognito-idp:SetUICustomization" in str(error)
    assert "SetUICustomization" in error.log
