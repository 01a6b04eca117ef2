"""Groups, ``pool.grant`` and the dependency-cycle check for triggers that call their own pool."""

from __future__ import annotations

from typing import Any

import pytest
from tests._framework import CognitoUserPool
from tests._framework import CognitoUserPoolClient
from tests._framework import IamRole
from tests._framework import LambdaFunction

from cdktf_userpool import ArgumentTypeError, ConfigurationError, Function, TriggerCycleError, UserPool
from cdktf_userpool._core.expressions import decode_jsonencode
from tests._graph import dependency_graph, find_cycle
from tests._synth import new_stack, only, ref, synth

ROLE_ARN = "arn:aws:iam::123456789012:role/admins"
TRUST = '{"Version":"2012-10-17","Statement":[]}'


def confirm(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return event


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    stack = new_stack("access")
    pool = UserPool(stack, "Pool")
    fn = Function(stack, "Confirm", confirm)
    pool.on_post_confirmation(fn)
    pool.grant(fn, "AdminAddUserToGroup")
    pool.grant(fn, "cognito-idp:AdminGetUser", "AdminAddUserToGroup")
    role = IamRole(stack, "Reporting", name="reporting", assume_role_policy=TRUST)
    pool.grant_read_users(role)
    pool.add_group("admins", precedence=1, role=ROLE_ARN, description="Administrators")
    pool.add_group("members")
    return synth(stack)


def policies(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in doc["resource"]["aws_iam_role_policy"].items() if k.startswith("Pool_Grant")}


def test_grant_is_one_separate_policy_per_role_scoped_to_the_pool(doc: dict[str, Any]) -> None:
    pool_name, _ = only(doc, "aws_cognito_user_pool")
    found = policies(doc)
    assert len(found) == 2
    by_role = {block["role"]: decode_jsonencode(block["policy"]) for block in found.values()}
    role_name = next(name for name in doc["resource"]["aws_iam_role"] if name.startswith("Confirm_Role"))
    function_role = ref("aws_iam_role", role_name, "name")
    assert function_role in by_role, sorted(by_role)
    statement = by_role[function_role]["Statement"]
    assert statement == [
        {
            "Sid": "UserPoolAccess",
            "Effect": "Allow",
            "Action": ["cognito-idp:AdminAddUserToGroup", "cognito-idp:AdminGetUser"],
            "Resource": ref("aws_cognito_user_pool", pool_name, "arn"),
        }
    ]
    reporting = by_role[ref("aws_iam_role", "Reporting", "name")]["Statement"][0]
    assert reporting["Action"] == [
        "cognito-idp:AdminGetUser", "cognito-idp:AdminListGroupsForUser", "cognito-idp:ListUsers",
        "cognito-idp:ListUsersInGroup",
    ]


def test_function_does_not_depend_on_the_grant(doc: dict[str, Any]) -> None:
    _, fn = only(doc, "aws_lambda_function")
    grants = {f"aws_iam_role_policy.{name}" for name in policies(doc)}
    assert not grants & set(fn.get("depends_on", []))
    assert find_cycle(dependency_graph(doc)) is None


def test_groups(doc: dict[str, Any]) -> None:
    pool_name, _ = only(doc, "aws_cognito_user_pool")
    groups = {
        block["name"]: {k: v for k, v in block.items() if k != "//"}
        for block in doc["resource"]["aws_cognito_user_group"].values()
    }
    assert groups["admins"] == {
        "name": "admins",
        "user_pool_id": ref("aws_cognito_user_pool", pool_name, "id"),
        "precedence": 1,
        "role_arn": ROLE_ARN,
        "description": "Administrators",
    }
    assert "precedence" not in groups["members"] and "role_arn" not in groups["members"]


@pytest.mark.parametrize(
    ("actions", "error", "argument_phrase"),
    [
        ((), ConfigurationError, "got no actions"),
        (("cognito-idp:*",), ConfigurationError, "wildcards grant more"),
        (("cognito-idp:Admin*",), ConfigurationError, "wildcards grant more"),
        (("s3:GetObject",), ConfigurationError, "action of another service"),
        (("AdminAddUserToGroups",), ConfigurationError, "Did you mean 'cognito-idp:AdminAddUserToGroup'?"),
        (("ListUserPools",), ConfigurationError, "take no pool as their resource"),
        ((42,), ArgumentTypeError, "Pass action names as strings"),
    ],
)
def test_grant_refusals(actions: tuple[Any, ...], error: type[Exception], argument_phrase: str) -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    fn = Function(stack, "Fn", confirm)
    with pytest.raises(error, match=argument_phrase.replace("?", r"\?").replace("*", r"\*")) as err:
        pool.grant(fn, *actions)
    assert getattr(err.value, "argument") == "grant"


def test_grant_needs_a_function_or_role() -> None:
    pool = UserPool(new_stack(), "Pool")
    with pytest.raises(ArgumentTypeError, match="Pass a cdktf_userpool Function or the IamRole") as err:
        pool.grant("arn:aws:lambda:us-east-1:123456789012:function:f", "AdminGetUser")  # type: ignore[arg-type]
    assert err.value.expected == ("Function", "IamRole")


@pytest.mark.parametrize(
    ("kwargs", "argument", "phrase"),
    [
        ({"name": "two words"}, "name", "no whitespace"),
        ({"name": ""}, "name", "1 to 128 characters"),
        ({"name": "x" * 129}, "name", "1 to 128 characters"),
        ({"name": "g", "precedence": -1}, "precedence", "whole number from 0"),
        ({"name": "g", "precedence": True}, "precedence", "whole number from 0"),
        ({"name": "g", "role": "admins"}, "role", "not an IAM role ARN"),
        ({"name": "g", "description": "d" * 2049}, "description", "at most 2048"),
    ],
)
def test_group_refusals(kwargs: dict[str, Any], argument: str, phrase: str) -> None:
    pool = UserPool(new_stack(), "Pool")
    name = kwargs.pop("name")
    with pytest.raises(ConfigurationError, match=phrase) as err:
        pool.add_group(name, **kwargs)
    assert err.value.argument == argument


def test_group_names_are_unique_and_roles_typed() -> None:
    pool = UserPool(new_stack(), "Pool")
    pool.add_group("admins")
    with pytest.raises(ConfigurationError, match="already has a group named 'admins'"):
        pool.add_group("admins", id="Other")
    with pytest.raises(ArgumentTypeError, match="got role=42"):
        pool.add_group("ops", role=42)  # type: ignore[arg-type]


# -- cycles --------------------------------------------------------------------------------------------

POOL_ID = ""  # set to the pool's ID token by the test, as an app module would


def reads_captured_pool_id(event: dict[str, Any], context: Any) -> dict[str, Any]:
    print(POOL_ID)
    return event


@pytest.mark.parametrize("form", ["environment", "client_id", "provider_function"])
def test_trigger_referring_back_to_its_pool_is_a_cycle_error(form: str) -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    if form == "environment":
        fn: Any = Function(stack, "Fn", confirm, environment={"POOL_ID": pool.user_pool_id})
        expected = ["aws_lambda_function.Fn_", "aws_cognito_user_pool.Pool_", "aws_lambda_function.Fn_"]
        via = "environment variable POOL_ID"
    elif form == "client_id":
        client = CognitoUserPoolClient(stack, "Client", name="c", user_pool_id=pool.user_pool_id)
        fn = Function(stack, "Fn", confirm, environment={"CLIENT_ID": client.id})
        expected = ["aws_lambda_function.Fn_", "aws_cognito_user_pool_client.Client",
                    "aws_cognito_user_pool.Pool_", "aws_lambda_function.Fn_"]
        via = "environment variable CLIENT_ID"
    else:
        fn = LambdaFunction(stack, "Fn", function_name="f", role=ROLE_ARN, environment={"variables": {"P": pool.arn}})
        expected = ["aws_lambda_function.Fn", "aws_cognito_user_pool.Pool_", "aws_lambda_function.Fn"]
        via = ""
    with pytest.raises(TriggerCycleError) as err:
        pool.on_pre_sign_up(fn)
    assert [a.startswith(e) for a, e in zip(err.value.cycle, expected, strict=True)] == [True] * len(expected)
    message = str(err.value)
    assert via in message
    assert "event['userPoolId']" in message and "pool.grant(function" in message
    assert err.value.argument == "on_pre_sign_up()"


def test_captured_pool_id_is_a_cycle_error() -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    global POOL_ID
    POOL_ID = pool.user_pool_id
    try:
        with pytest.raises(TriggerCycleError, match="environment variable POOL_ID"):
            pool.on_pre_sign_up(reads_captured_pool_id)
    finally:
        POOL_ID = ""


def test_policies_and_other_pools_are_not_cycles() -> None:
    stack = new_stack()
    pool, other = UserPool(stack, "Pool"), UserPool(stack, "Other")
    fn = Function(
        stack,
        "Fn",
        confirm,
        environment={"OTHER_POOL": other.user_pool_id, "PLAIN": "x"},
        policy_statements=[{"Effect": "Allow", "Action": "cognito-idp:ListUsers", "Resource": pool.arn}],
    )
    pool.on_pre_sign_up(fn)
    assert find_cycle(dependency_graph(synth(stack))) is None


# -- the graph checker itself --------------------------------------------------------------------------


def test_graph_checker_finds_a_cycle_in_real_output() -> None:
    """Raw provider resources, past the library's check: the checker must see the cycle."""
    stack = new_stack()
    pool = CognitoUserPool(stack, "Pool", name="p")
    fn = LambdaFunction(stack, "Fn", function_name="f", role=ROLE_ARN, environment={"variables": {"P": pool.id}})
    pool.put_lambda_config(pre_sign_up=fn.arn)
    cycle = find_cycle(dependency_graph(synth(stack)))
    assert cycle in (
        ["aws_cognito_user_pool.Pool", "aws_lambda_function.Fn", "aws_cognito_user_pool.Pool"],
        ["aws_lambda_function.Fn", "aws_cognito_user_pool.Pool", "aws_lambda_function.Fn"],
    )


def test_graph_checker_reads_expressions_depends_on_and_data_sources() -> None:
    doc = {
        "data": {"aws_region": {"current": {}}},
        "resource": {
            "a_x": {"one": {"v": "${jsonencode({\"k\" = b_y.two.arn, \"r\" = data.aws_region.current.name})}"}},
            "b_y": {"two": {"depends_on": ["c_z.three"]}},
            "c_z": {"three": {"v": "literal a_x.one is not a reference"}},
        },
    }
    graph = dependency_graph(doc)
    assert graph["a_x.one"] == {"b_y.two", "data.aws_region.current"}
    assert graph["b_y.two"] == {"c_z.three"}
    assert graph["c_z.three"] == set()
    assert find_cycle(graph) is None
    doc["resource"]["c_z"]["three"]["depends_on"] = ["a_x.one"]
    assert find_cycle(dependency_graph(doc)) == ["a_x.one", "b_y.two", "c_z.three", "a_x.one"]


def test_provider_function_changed_after_attaching_fails_at_synth_with_the_same_message() -> None:
    stack = new_stack()
    pool = UserPool(stack, "Pool")
    fn = LambdaFunction(stack, "Fn", function_name="f", role=ROLE_ARN)
    pool.on_pre_sign_up(fn)
    fn.put_environment(variables={"POOL_ID": pool.user_pool_id})
    with pytest.raises(RuntimeError, match=r"refers back to the pool: aws_lambda_function\.Fn -> aws_cognito_user_pool"):
        synth(stack)
