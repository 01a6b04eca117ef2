"""The review command and the policy expression reader it relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool.__main__ import main as cli_main
from cdktf_userpool._core.expressions import decode_jsonencode, is_jsonencode
from cdktf_userpool._review import review


def test_review_names_every_trigger_function_package_permission_and_statement(
    synthesized: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["review", "example", "--outdir", str(synthesized[0])]) == 0
    out = capsys.readouterr().out
    assert "user pool 'example-Pool'" in out
    for trigger in ("customEmailSender [V1_0]", "customMessage", "defineAuthChallenge", "postConfirmation", "preSignUp", "preTokenGeneration [V2_0]", "userMigration"):
        assert f"  {trigger} -> " in out
    assert out.count("invoke permission: lambda:InvokeFunction for cognito-idp.amazonaws.com from aws_cognito_user_pool.") == 7
    assert "qualifier live" in out
    assert out.count("package assets/") == 5 and "sha256 " in out
    assert "Allow logs:CreateLogStream, logs:PutLogEvents on ${aws_cloudwatch_log_group." in out
    assert "Allow kms:Decrypt on aws_kms_key." in out  # the mailer's grant, found through its role
    assert "Allow kms:CreateGrant, kms:Encrypt on * to Service cognito-idp.amazonaws.com when StringEquals" in out
    assert "rotation on" in out
    assert out.rstrip().endswith("problems: none")


def broken_copy(synthesized: tuple[Path, Path], tmp_path: Path, change: Any) -> Path:
    source = synthesized[0] / "stacks" / "example" / "cdk.tf.json"
    target = tmp_path / "stacks" / "example" / "cdk.tf.json"
    target.parent.mkdir(parents=True)
    doc = json.loads(source.read_text())
    change(doc)
    target.write_text(json.dumps(doc))
    return target


def test_review_reports_a_trigger_without_its_permission(synthesized: tuple[Path, Path], tmp_path: Path) -> None:
    def drop_pre_sign_up_permission(doc: dict[str, Any]) -> None:
        permissions = doc["resource"]["aws_lambda_permission"]
        del permissions[next(k for k in permissions if "PreSignUp" in k)]

    path = broken_copy(synthesized, tmp_path, drop_pre_sign_up_permission)
    _, problems = review(path)
    assert problems == ["preSignUp on 'example-Pool' has 0 invoke permissions scoped to the pool, not 1"]
    assert cli_main(["review", "--outdir", str(tmp_path)]) == 1


def test_review_reports_a_foreign_principal(synthesized: tuple[Path, Path], tmp_path: Path) -> None:
    def open_to_s3(doc: dict[str, Any]) -> None:
        permissions = doc["resource"]["aws_lambda_permission"]
        permissions[next(k for k in permissions if "CustomMessage" in k)]["principal"] = "s3.amazonaws.com"

    _, problems = review(broken_copy(synthesized, tmp_path, open_to_s3))
    assert problems == ["customMessage: invoke permission for unexpected principal 's3.amazonaws.com'"]


def test_review_of_a_missing_stack_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["review", "nope", "--outdir", str(tmp_path)]) == 1
    assert "no synthesized stack 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('${jsonencode({"a" = 1, "b" = [true, false, null], "c" = "x"})}', {"a": 1, "b": [True, False, None], "c": "x"}),
        ('${jsonencode({"r" = aws_kms_key.k.arn})}', {"r": "${aws_kms_key.k.arn}"}),
        ('${jsonencode({"r" = data.aws_region.r.region})}', {"r": "${data.aws_region.r.region}"}),
        ('${jsonencode({"r" = "${aws_log.g.arn}:*"})}', {"r": "${aws_log.g.arn}:*"}),
        ('${jsonencode({"r" = regex("[^/]+$", aws_f.f.role)})}', {"r": '${regex("[^/]+$", aws_f.f.role)}'}),
        ('${jsonencode({"s" = "a ${f("}")} b", "t" = "q\\"u"})}', {"s": 'a ${f("}")} b', "t": 'q"u'}),
        ('${jsonencode({"aws:SourceArn" = "arn:x"})}', {"aws:SourceArn": "arn:x"}),
    ],
)
def test_decode_jsonencode(expression: str, expected: Any) -> None:
    assert is_jsonencode(expression)
    assert decode_jsonencode(expression) == expected


@pytest.mark.parametrize("bad", ["{}", "${jsonencode({\"a\" = )}", '${jsonencode({"a" = "x)}'])
def test_decode_jsonencode_refuses_what_it_cannot_read(bad: str) -> None:
    with pytest.raises(ValueError):
        decode_jsonencode(bad)


def test_every_policy_of_the_example_reads_back(example_doc: dict[str, Any]) -> None:
    policies = [r["policy"] for t in ("aws_iam_role_policy", "aws_kms_key") for r in example_doc["resource"][t].values()]
    assert policies and all(decode_jsonencode(p)["Version"] == "2012-10-17" for p in policies)
