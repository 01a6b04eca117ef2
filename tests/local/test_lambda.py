"""Lambda's Invoke in the emulator runs the function's code with the runner, as its role. Needs moto only."""

from __future__ import annotations

import base64
import io
import json
import sys
import zipfile
from typing import Any

import pytest
from botocore.exceptions import ClientError

from cdktf_userpool.local import LocalAws

REGION = "eu-west-1"
RUNTIME = f"python3.{sys.version_info.minor}"  # an interpreter the runner finds here
TRUST = json.dumps(
    {"Version": "2012-10-17",
     "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
)
CODE = '''
import os, time
import boto3

def who(event, context):
    print("checking identity")
    identity = boto3.client("sts").get_caller_identity()
    return {"arn": identity["Arn"], "endpoint": os.environ["AWS_ENDPOINT_URL"], "stage": os.environ["STAGE"],
            "event": event, "remaining_ms": context.get_remaining_time_in_millis()}

def pools(event, context):
    return boto3.client("cognito-idp").list_user_pools(MaxResults=10)["UserPools"]

def fail(event, context):
    raise ValueError("no such tenant")

def slow(event, context):
    time.sleep(30)
'''


def zipped(source: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("app.py", source)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def functions(aws: LocalAws) -> Any:
    iam = aws.client("iam")
    role = iam.create_role(RoleName="runner-test", AssumeRolePolicyDocument=TRUST)["Role"]["Arn"]
    client = aws.client("lambda", region=REGION)
    for name, timeout in (("who", 10), ("pools", 10), ("fail", 10), ("slow", 2)):
        client.create_function(
            FunctionName=f"runner-{name}", Role=role, Runtime=RUNTIME, Handler=f"app.{name}", Timeout=timeout,
            Code={"ZipFile": zipped(CODE)}, Environment={"Variables": {"STAGE": "local"}},
        )
    return client


def invoke(client: Any, name: str, event: Any = None, **kwargs: Any) -> tuple[dict[str, Any], Any]:
    answer = client.invoke(FunctionName=f"runner-{name}", Payload=json.dumps(event or {}).encode(), **kwargs)
    return answer, json.loads(answer["Payload"].read() or b"null")


def test_code_runs_as_its_role_against_the_emulator(aws: LocalAws, functions: Any) -> None:
    answer, result = invoke(functions, "who", {"tenant": "a"}, LogType="Tail")
    assert "FunctionError" not in answer
    assert result["arn"] == "arn:aws:sts::123456789012:assumed-role/runner-test/runner-who"
    assert result["endpoint"] == aws.endpoint_url
    assert result["stage"] == "local" and result["event"] == {"tenant": "a"}
    assert 0 < result["remaining_ms"] <= 10_000
    assert "checking identity" in base64.b64decode(answer["LogResult"]).decode()


def test_the_role_allows_nothing_it_was_not_given(functions: Any) -> None:
    answer, result = invoke(functions, "pools")
    assert answer["FunctionError"] == "Unhandled"
    assert result["errorType"] in ("ClientError", "AccessDeniedException")  # botocore's class for the code
    assert "AccessDeniedException" in result["errorMessage"] and "cognito-idp:ListUserPools" in result["errorMessage"]


def test_handler_errors_come_back_as_lambda_reports_them(functions: Any) -> None:
    answer, result = invoke(functions, "fail")
    assert answer["FunctionError"] == "Unhandled"
    assert result["errorType"] == "ValueError" and result["errorMessage"] == "no such tenant"
    assert any("raise ValueError" in line for line in result["stackTrace"])


def test_the_function_timeout_is_enforced(functions: Any) -> None:
    answer, result = invoke(functions, "slow")
    assert answer["FunctionError"] == "Unhandled"
    assert result["errorType"] == "Sandbox.Timedout"


def test_a_function_without_code_fails_clearly(aws: LocalAws, functions: Any) -> None:
    s3 = aws.client("s3", region=REGION)
    s3.create_bucket(Bucket="runner-code", CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_object(Bucket="runner-code", Key="app.zip", Body=zipped(CODE))
    role = aws.client("iam").get_role(RoleName="runner-test")["Role"]["Arn"]
    functions.create_function(FunctionName="runner-from-s3", Role=role, Runtime=RUNTIME, Handler="app.fail",
                              Code={"S3Bucket": "runner-code", "S3Key": "app.zip"})
    answer = functions.invoke(FunctionName="runner-from-s3")
    assert json.loads(answer["Payload"].read())["errorMessage"] == "no such tenant"  # code from S3 runs too
    with pytest.raises(ClientError) as missing:
        functions.invoke(FunctionName="runner-nothing")
    assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_concurrent_first_writes_of_one_package_never_tear_it(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sixteen threads write the same (large) package at once, as cold starts of one function do: each gets
    the whole zip, and no temporary file is left (issue 36: a shared ``.part`` file was truncated or moved
    under another thread)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from cdktf_userpool.local import _lambda

    monkeypatch.setitem(_lambda._state, "code_dir", str(tmp_path))
    code = zipped(CODE + "\n# " + "x" * (8 << 20))
    start = threading.Barrier(16)

    def write(_: int) -> bytes:
        start.wait(timeout=30)
        return _lambda._package(code).read_bytes()

    with ThreadPoolExecutor(max_workers=16) as pool:
        written = list(pool.map(write, range(16), timeout=120))
    assert all(copy == code for copy in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{__import__('hashlib').sha256(code).hexdigest()}.zip"]
    _lambda.forget_packages()  # a cold start writes the code again, into a new folder; the old one goes at shutdown
    fresh = _lambda._package(code)
    assert fresh.parent != tmp_path and fresh.read_bytes() == code
    assert tmp_path in _lambda._old_code_dirs
    _lambda._old_code_dirs.remove(tmp_path)
    import shutil

    shutil.rmtree(fresh.parent)
    monkeypatch.setitem(_lambda._state, "code_dir", None)


def test_concurrent_cold_invocations_of_one_function_all_answer(aws: LocalAws, functions: Any) -> None:
    """Eight callers invoke one function at once right after its workers and code were dropped."""
    from concurrent.futures import ThreadPoolExecutor

    aws.stop_workers()
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda n: invoke(functions, "who", {"n": n}), range(8), timeout=120))
    assert [result["event"] for _, result in answers] == [{"n": n} for n in range(8)]
    assert all("FunctionError" not in answer for answer, _ in answers)
