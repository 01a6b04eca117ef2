"""``FunctionProps``: the provider ``LambdaFunction`` arguments ``Function`` passes through, typed from the pinned
provider, the ones it owns refused by name, and what passing them does to the synthesized JSON."""

from __future__ import annotations

import inspect
import re
import typing
from typing import Any

import pytest

from cdktf_userpool import ConfigurationError, Function, UserPool
from cdktf_userpool._core.cdk import aws, core
from cdktf_userpool._functions.props import OWNED, CdktnFunctionProps, FunctionProps, known_props, provider_arguments
from tests._framework import BACKEND, AwsProvider, LambdaFunction
from tests._synth import new_stack, synth

#: Function's own parameters and the construct id, besides the owned arguments.
OWN = ("self", "scope", "id_", "id", "description", "environment", "handler", "layers", "memory_size",
       "reserved_concurrent_executions", "runtime", "snap_start", "timeout")
PROPS = CdktnFunctionProps if BACKEND == "cdktn" else FunctionProps


def handler(event, context):  # type: ignore[no-untyped-def]
    return event


def render(annotation: Any) -> str:
    """An annotation as ``_function_props.py`` writes it (``lambda_function.X`` for the provider's structs)."""
    text = f"{annotation.__module__}.{annotation.__qualname__}" if isinstance(annotation, type) else repr(annotation)
    text = re.sub(r"ForwardRef\('(\w+)'\)", r"lambda_function.\1", text.replace("builtins.", ""))
    return text.replace("NoneType", "None")


def passed_through() -> list[str]:
    return [n for n in inspect.signature(LambdaFunction.__init__).parameters if n not in OWN and n not in OWNED]


def test_props_follow_the_provider() -> None:
    # compared as types, not text: cdktn's bindings store string annotations, cdktf's real ones
    namespace = {"cdktf": core(), "lambda_function": aws("lambda_function"), "typing": typing}
    written = typing.get_type_hints(PROPS, localns=namespace)
    hints = typing.get_type_hints(LambdaFunction.__init__)
    fresh = {name: hints[name] for name in passed_through()}
    if BACKEND == "cdktf":  # CdktnFunctionProps adds its two at the end, not in the provider's order
        assert list(written) == list(fresh)
    parameters = inspect.signature(LambdaFunction.__init__).parameters
    assert written == fresh, (
        "regenerate the class body of cdktf_userpool/_functions/props.py:\n"
        + "\n".join(f"    {name}: {render(parameters[name].annotation)}" for name in passed_through())
    )


def test_props_are_optional_and_the_runtime_check_knows_them() -> None:
    assert not PROPS.__required_keys__
    assert set(PROPS.__optional_keys__) == set(known_props(provider_arguments(LambdaFunction)))


def test_every_owned_argument_is_one_the_provider_has() -> None:
    cdktn_only = {"code_sha256"}
    assert set(OWNED) - cdktn_only <= set(inspect.signature(LambdaFunction.__init__).parameters)


@pytest.mark.parametrize("argument", sorted(set(OWNED) & set(inspect.signature(LambdaFunction.__init__).parameters)))
def test_owned_arguments_are_refused_by_name(argument: str) -> None:
    with pytest.raises(ConfigurationError, match=f"owns the LambdaFunction argument '{argument}'") as err:
        Function(new_stack(), "Fn", handler, **{argument: "x"})
    assert err.value.argument == argument and err.value.construct_path == "test/Fn"
    assert OWNED[argument] in str(err.value)


def test_an_unknown_argument_gets_a_did_you_mean() -> None:
    with pytest.raises(ConfigurationError, match="unknown argument 'ephemeral_storge'. Did you mean 'ephemeral_storage'") as err:
        Function(new_stack(), "Fn", handler, ephemeral_storge={"size": 1024})
    assert err.value.argument == "ephemeral_storge"
    with pytest.raises(ConfigurationError, match="Did you mean 'vpc_subnet_ids'"):
        Function(new_stack(), "Fn2", handler, vpc_subnets=["subnet-0123456789abcdef0"])


@pytest.mark.parametrize("name", ["has space", "x" * 65, ""])
def test_a_bad_function_name_is_refused(name: str) -> None:
    with pytest.raises(ConfigurationError, match="function_name") as err:
        Function(new_stack(), "Fn", handler, function_name=name)
    assert err.value.argument == "function_name"


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    stack = new_stack()
    other = AwsProvider(stack, "west", region="eu-west-1", alias="west")
    pool = UserPool(stack, "Pool")
    Function(
        stack,
        "Tuned",
        handler,
        function_name="sign-up-checks",
        ephemeral_storage={"size": 1024},
        kms_key_arn="arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        tags={"team": "identity"},
        code_signing_config_arn="arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0",
        skip_destroy=True,
        depends_on=[pool.resource],
    )
    Function(stack, "Elsewhere", handler, provider=other, region="eu-west-1", provisioned_concurrency=1)
    return synth(stack)


def blocks(doc: dict[str, Any], rtype: str, id: str) -> dict[str, Any]:
    (found,) = [b for n, b in doc["resource"][rtype].items() if n.startswith(f"{id}_")]
    return found


def test_provider_arguments_pass_through(doc: dict[str, Any]) -> None:
    fn = blocks(doc, "aws_lambda_function", "Tuned")
    assert fn["ephemeral_storage"] == {"size": 1024}
    assert fn["kms_key_arn"].endswith(":key/1234abcd-12ab-34cd-56ef-1234567890ab")
    assert fn["tags"] == {"team": "identity"}
    assert fn["code_signing_config_arn"].endswith(":code-signing-config:csc-0123456789abcdef0")
    assert fn["skip_destroy"] is True


def test_function_name_names_the_function_and_its_log_group(doc: dict[str, Any]) -> None:
    assert blocks(doc, "aws_lambda_function", "Tuned")["function_name"] == "sign-up-checks"
    assert blocks(doc, "aws_cloudwatch_log_group", "Tuned_LogGroup")["name"] == "/aws/lambda/sign-up-checks"


def test_depends_on_adds_to_the_functions_own(doc: dict[str, Any]) -> None:
    depends = blocks(doc, "aws_lambda_function", "Tuned")["depends_on"]
    assert depends[0].startswith("aws_cloudwatch_log_group.Tuned_LogGroup")
    assert depends[1].startswith("aws_iam_role_policy.Tuned_LogsPolicy")
    assert depends[2].startswith("aws_cognito_user_pool.Pool")


def test_provider_and_region_apply_to_every_resource_of_the_function(doc: dict[str, Any]) -> None:
    for rtype, id in (
        ("aws_lambda_function", "Elsewhere"),
        ("aws_cloudwatch_log_group", "Elsewhere_LogGroup"),
        ("aws_lambda_alias", "Elsewhere_Alias"),
        ("aws_lambda_provisioned_concurrency_config", "Elsewhere_ProvisionedConcurrency"),
    ):
        found = blocks(doc, rtype, id)
        assert (found["provider"], found["region"]) == ("aws.west", "eu-west-1"), rtype
    assert blocks(doc, "aws_iam_role", "Elsewhere_Role")["provider"] == "aws.west"
    assert blocks(doc, "aws_iam_role_policy", "Elsewhere_LogsPolicy")["provider"] == "aws.west"
    assert "provider" not in blocks(doc, "aws_lambda_function", "Tuned")
