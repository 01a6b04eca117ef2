"""Function's production options on the synthesized JSON: VPC, layers, logging, cold starts, and their refusals.

One app, synthesized once into a folder (so review can read it), holds a function per option.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from typing import Any

import pytest

from cdktf_userpool import ArgumentTypeError, CaptureError, ConfigurationError, Function, Layer, UserPool, UserPoolWarning
from cdktf_userpool._core.expressions import decode_jsonencode
from cdktf_userpool._packaging.include import MANIFEST_NAME
from cdktf_userpool._review import review
from tests._framework import App, AwsProvider, LambdaLayerVersion, TerraformStack, TerraformVariable
from tests._synth import new_stack

POWERTOOLS_LAYER = "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:7"
SHARED_LAYER = "arn:aws:lambda:eu-west-1:123456789012:layer:shared:3"
SUBNET = "subnet-0123456789abcdef0"
GROUP = "sg-0123456789abcdef0"


def handler(event, context):  # type: ignore[no-untyped-def]
    return event


def with_powertools(event, context):  # type: ignore[no-untyped-def]
    from aws_lambda_powertools import Logger

    Logger().info("seen")
    return event


def with_layer_only_module(event, context):  # type: ignore[no-untyped-def]
    import layer_only_helpers  # type: ignore[import-not-found]  # in the layer, not installed here

    return layer_only_helpers.handle(event)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    outdir = tmp_path_factory.mktemp("options")
    app = App(outdir=str(outdir))
    stack = TerraformStack(app, "opts")
    AwsProvider(stack, "aws", region="eu-west-1")
    pool = UserPool(stack, "Pool", user_pool_tier="ESSENTIALS")
    subnet = TerraformVariable(stack, "subnet", type="string").string_value
    with pytest.warns(UserPoolWarning, match=r"'opts/Vpc' runs in a VPC.*NAT gateway.*cognito-idp.*kms") as seen:
        vpc = Function(stack, "Vpc", handler, vpc_subnet_ids=[SUBNET, subnet], vpc_security_group_ids=[GROUP])
    shared = LambdaLayerVersion(stack, "Shared", layer_name="shared", filename="layer.zip", compatible_runtimes=["python3.13"])
    layered = Function(
        stack,
        "Layered",
        with_powertools,
        layers=[SHARED_LAYER, shared, Layer(POWERTOOLS_LAYER, provides=["AWS_Lambda_Powertools"])],
    )
    helpers = Function(stack, "Helpers", with_layer_only_module, layers=[Layer(SHARED_LAYER, provides=["layer-only-helpers"])])
    plain = Function(stack, "Plain", handler)
    text = Function(stack, "Text", handler, log_format="Text")
    debug = Function(stack, "Debug", handler, application_log_level="DEBUG", system_log_level="WARN")
    warm = Function(stack, "Warm", handler, provisioned_concurrency=2, reserved_concurrent_executions=5)
    snap = Function(stack, "Snap", handler, snap_start=True, runtime="python3.12")
    pool.on_pre_sign_up(warm)
    pool.on_custom_message(snap)
    pool.on_user_migration(vpc)
    pool.on_define_auth_challenge(helpers)

    @pool.on_pre_token_generation(lambda_version="V2_0")
    def tokens(event, context):  # type: ignore[no-untyped-def]
        return event

    @pool.on_post_confirmation()
    def confirmed(event):  # type: ignore[no-untyped-def]
        return event

    app.synth()
    path = outdir / "stacks" / "opts" / "cdk.tf.json"
    return {
        "doc": json.loads(path.read_text()),
        "path": path,
        "warnings": [str(w.message) for w in seen],
        "functions": {f.node.id: f for f in (vpc, layered, helpers, plain, text, debug, warm, snap)},
        "pool": pool,
        "decorated": (tokens, confirmed),
    }


def block(app: dict[str, Any], rtype: str, id: str) -> tuple[str, dict[str, Any]]:
    """The ``rtype`` block whose logical name starts with construct id ``id``."""
    (found,) = [(n, b) for n, b in app["doc"]["resource"][rtype].items() if n == id or n.startswith(f"{id}_")]
    return found


def lambda_of(app: dict[str, Any], id: str) -> dict[str, Any]:
    return block(app, "aws_lambda_function", id)[1]


def statements(app: dict[str, Any], id: str) -> dict[str, dict[str, Any]]:
    _, policy = block(app, "aws_iam_role_policy", f"{id}_LogsPolicy")
    return {s["Sid"]: s for s in decode_jsonencode(policy["policy"])["Statement"]}


# -- VPC --------------------------------------------------------------------------------------------


def test_vpc_config_holds_the_subnets_and_security_groups(app: dict[str, Any]) -> None:
    config = lambda_of(app, "Vpc")["vpc_config"]
    assert config["security_group_ids"] == [GROUP]
    assert config["subnet_ids"][0] == SUBNET and config["subnet_ids"][1] == "${var.subnet}"
    assert "vpc_config" not in lambda_of(app, "Plain")


def test_network_interface_permissions_are_scoped_to_the_functions_subnets(app: dict[str, Any]) -> None:
    found = statements(app, "Vpc")
    prefix = (
        "arn:${data.aws_partition.UserPoolPartition.partition}:ec2:${data.aws_region.UserPoolRegion.id}:"
        "${data.aws_caller_identity.UserPoolAccount.account_id}"
    )
    subnets = [f"{prefix}:subnet/{SUBNET}", f"{prefix}:subnet/${{var.subnet}}"]
    describe = found["DescribeNetworkInterfaces"]
    assert describe["Action"] == ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"]
    assert describe["Resource"] == "*"  # these two support no resource-level permissions
    create = found["CreateNetworkInterfacesInOwnSubnets"]
    assert create["Action"] == "ec2:CreateNetworkInterface"
    assert create["Resource"] == [f"{prefix}:network-interface/*", *subnets, f"{prefix}:security-group/{GROUP}"]
    manage = found["ManageNetworkInterfacesInOwnSubnets"]
    assert manage["Action"] == ["ec2:AssignPrivateIpAddresses", "ec2:DeleteNetworkInterface", "ec2:UnassignPrivateIpAddresses"]
    assert manage["Resource"] == f"{prefix}:network-interface/*"
    assert manage["Condition"] == {"ArnEquals": {"ec2:Subnet": subnets}}
    every = [a for s in found.values() for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])]
    assert not any(a.endswith("*") for a in every)
    assert not any(a.startswith("ec2:") for s in statements(app, "Plain").values() for a in s["Action"])


def test_the_vpc_warning_is_given_once_for_the_vpc_function(app: dict[str, Any]) -> None:
    assert len(app["warnings"]) == 1
    assert "warnings.filterwarnings('ignore', message='.* runs in a VPC'" in app["warnings"][0]


def test_the_vpc_warning_can_be_silenced_as_it_says() -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".* runs in a VPC", category=UserPoolWarning)
        Function(new_stack(), "Quiet", handler, vpc_subnet_ids=[SUBNET], vpc_security_group_ids=[GROUP])


@pytest.mark.parametrize(
    ("kwargs", "argument", "fragment"),
    [
        ({"vpc_subnet_ids": [SUBNET]}, "vpc_security_group_ids", "without vpc_security_group_ids"),
        ({"vpc_security_group_ids": [GROUP]}, "vpc_subnet_ids", "without vpc_subnet_ids"),
        ({"vpc_subnet_ids": [], "vpc_security_group_ids": [GROUP]}, "vpc_subnet_ids", "1 to 16"),
        ({"vpc_subnet_ids": [SUBNET], "vpc_security_group_ids": [GROUP] * 6}, "vpc_security_group_ids", "1 to 5"),
        ({"vpc_subnet_ids": ["vpc-0123456789abcdef0"], "vpc_security_group_ids": [GROUP]}, "vpc_subnet_ids", "not an ID"),
        ({"vpc_subnet_ids": [SUBNET], "vpc_security_group_ids": ["default"]}, "vpc_security_group_ids", "not an ID"),
        ({"vpc_subnet_ids": [SUBNET, SUBNET], "vpc_security_group_ids": [GROUP]}, "vpc_subnet_ids", "twice"),
    ],
)
def test_bad_vpc_settings_are_refused(kwargs: dict[str, Any], argument: str, fragment: str) -> None:
    with pytest.raises(ConfigurationError, match=fragment) as err:
        Function(new_stack(), "Fn", handler, **kwargs)
    assert err.value.argument == argument and err.value.construct_path == "test/Fn"


def test_vpc_ids_must_be_lists_of_strings() -> None:
    with pytest.raises(ArgumentTypeError, match="not a list of IDs") as err:
        Function(new_stack(), "Fn", handler, vpc_subnet_ids=SUBNET, vpc_security_group_ids=[GROUP])  # type: ignore[arg-type]
    assert err.value.argument == "vpc_subnet_ids"


# -- layers -----------------------------------------------------------------------------------------


def test_layers_are_attached_in_order(app: dict[str, Any]) -> None:
    shared_name, _ = block(app, "aws_lambda_layer_version", "Shared")
    assert lambda_of(app, "Layered")["layers"] == [
        SHARED_LAYER,
        f"${{aws_lambda_layer_version.{shared_name}.arn}}",
        POWERTOOLS_LAYER,
    ]
    layers = app["functions"]["Layered"].layers
    assert (layers[0], layers[2]) == (SHARED_LAYER, POWERTOOLS_LAYER) and "TOKEN" in layers[1]
    assert "layers" not in lambda_of(app, "Plain")


def test_what_a_layer_provides_is_not_packaged(app: dict[str, Any]) -> None:
    fn = app["functions"]["Layered"]
    assert fn.requirements == ()
    assert fn.layer_provided == ("aws-lambda-powertools",)
    with zipfile.ZipFile(fn.archive_path) as archive:
        assert not any(n.startswith("aws_lambda_powertools") for n in archive.namelist())
    assert "from aws_lambda_powertools import Logger" in fn.source
    facts = json.loads((fn.archive_path.parent / MANIFEST_NAME).read_text())
    assert facts["layer_provided"] == ["aws-lambda-powertools"] and facts["requirements"] == []


def test_a_module_only_a_layer_has_may_be_imported(app: dict[str, Any]) -> None:
    fn = app["functions"]["Helpers"]
    assert fn.requirements == () and "import layer_only_helpers" in fn.source
    with pytest.raises(CaptureError, match="layer_only_helpers"):  # without the layer saying so
        Function(new_stack(), "Fn", with_layer_only_module, layers=[SHARED_LAYER])


def test_review_says_what_is_left_to_layers(app: dict[str, Any]) -> None:
    lines, problems = review(app["path"])
    assert problems == []
    text = "\n".join(lines)
    assert "left to the function's layers: aws-lambda-powertools" in text
    assert f"in a VPC: subnets {SUBNET}, var.subnet; security groups {GROUP}" in text  # the user migration trigger
    assert f"layers: {SHARED_LAYER}" in text  # the define auth challenge trigger


@pytest.mark.parametrize(
    ("layers", "error", "fragment"),
    [
        ("arn:aws:lambda:eu-west-1:123456789012:layer:shared:3", ArgumentTypeError, "not a list"),
        ([SHARED_LAYER[:-2]], ConfigurationError, "not a layer version ARN"),
        (["arn:aws:lambda:eu-west-1:123456789012:function:f"], ConfigurationError, "not a layer version ARN"),
        ([f"{SHARED_LAYER[:-1]}{n}" for n in range(1, 7)], ConfigurationError, "at most 5"),
        ([SHARED_LAYER, Layer(SHARED_LAYER)], ConfigurationError, "twice"),
        ([42], ArgumentTypeError, "not a layer"),
    ],
)
def test_bad_layers_are_refused(layers: Any, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error, match=fragment) as err:
        Function(new_stack(), "Fn", handler, layers=layers)
    assert err.value.argument == "layers"  # type: ignore[attr-defined]


def test_a_layer_built_for_another_runtime_is_refused() -> None:
    stack = new_stack()
    old = LambdaLayerVersion(stack, "Old", layer_name="old", filename="old.zip", compatible_runtimes=["python3.9"])
    with pytest.raises(ConfigurationError, match=r"runs on 'python3.13'.*compatible_runtimes=\['python3.9'\]") as err:
        Function(stack, "Fn", handler, layers=[old])
    assert err.value.choices == ("python3.9",)
    arm = LambdaLayerVersion(stack, "Arm", layer_name="arm", filename="arm.zip", compatible_architectures=["arm64"])
    with pytest.raises(ConfigurationError, match="compatible_architectures"):
        Function(stack, "Fn2", handler, layers=[arm], architecture="x86_64")


@pytest.mark.parametrize("provides", ["aws-lambda-powertools", ["pkg==1.0"], ["pkg[extra]"], [3]])
def test_provides_takes_distribution_names_only(provides: Any) -> None:
    with pytest.raises((ArgumentTypeError, ConfigurationError)) as err:
        Layer(SHARED_LAYER, provides=provides)
    assert err.value.argument == "provides"  # type: ignore[union-attr]


def test_a_requirement_a_layer_provides_is_refused() -> None:
    with pytest.raises(ConfigurationError, match=r"layers provides aws-lambda-powertools") as err:
        Function(
            new_stack(), "Fn", handler, requirements=["aws-lambda-powertools==3.37.0"],
            layers=[Layer(POWERTOOLS_LAYER, provides=["aws-lambda-powertools"])],
        )
    assert err.value.argument == "requirements"


# -- logging ----------------------------------------------------------------------------------------


def test_logs_are_json_at_info_by_default(app: dict[str, Any]) -> None:
    assert lambda_of(app, "Plain")["logging_config"] == {
        "log_format": "JSON", "application_log_level": "INFO", "system_log_level": "INFO"
    }


def test_log_format_and_levels_are_passed(app: dict[str, Any]) -> None:
    assert lambda_of(app, "Text")["logging_config"] == {"log_format": "Text"}
    assert lambda_of(app, "Debug")["logging_config"] == {
        "log_format": "JSON", "application_log_level": "DEBUG", "system_log_level": "WARN"
    }


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"log_format": "json"}, "log_format"),
        ({"application_log_level": "VERBOSE"}, "application_log_level"),
        ({"system_log_level": "ERROR"}, "system_log_level"),
        ({"log_format": "Text", "application_log_level": "DEBUG"}, "application_log_level"),
        ({"log_format": "Text", "system_log_level": "WARN"}, "system_log_level"),
    ],
)
def test_bad_logging_settings_are_refused(kwargs: dict[str, Any], argument: str) -> None:
    with pytest.raises(ConfigurationError) as err:
        Function(new_stack(), "Fn", handler, **kwargs)
    assert err.value.argument == argument and repr(kwargs[argument]) in str(err.value)


# -- cold starts --------------------------------------------------------------------------------------


def test_provisioned_concurrency_keeps_an_alias_warm_and_the_trigger_uses_it(app: dict[str, Any]) -> None:
    fn_name, fn = block(app, "aws_lambda_function", "Warm")
    assert fn["publish"] is True and "snap_start" not in fn
    alias_name, alias = block(app, "aws_lambda_alias", "Warm_Alias")
    assert alias["name"] == "live"
    assert alias["function_name"] == f"${{aws_lambda_function.{fn_name}.function_name}}"
    assert alias["function_version"] == f"${{aws_lambda_function.{fn_name}.version}}"
    _, warm = block(app, "aws_lambda_provisioned_concurrency_config", "Warm_ProvisionedConcurrency")
    assert warm["provisioned_concurrent_executions"] == 2
    assert warm["qualifier"] == f"${{aws_lambda_alias.{alias_name}.name}}"
    (pool,) = app["doc"]["resource"]["aws_cognito_user_pool"].values()
    assert pool["lambda_config"]["pre_sign_up"] == f"${{aws_lambda_alias.{alias_name}.arn}}"
    _, permission = block(app, "aws_lambda_permission", "Pool_PreSignUpPermission")
    assert permission["function_name"] == "opts-Warm"
    assert permission["qualifier"] == f"${{aws_lambda_alias.{alias_name}.name}}"  # created after the alias
    warm_fn = app["functions"]["Warm"]
    assert warm_fn.qualifier == "live" and warm_fn.qualified_arn != warm_fn.arn


def test_snap_start_publishes_versions_behind_the_alias(app: dict[str, Any]) -> None:
    fn = lambda_of(app, "Snap")
    assert fn["snap_start"] == {"apply_on": "PublishedVersions"} and fn["publish"] is True
    alias_name, _ = block(app, "aws_lambda_alias", "Snap_Alias")
    (pool,) = app["doc"]["resource"]["aws_cognito_user_pool"].values()
    assert pool["lambda_config"]["custom_message"] == f"${{aws_lambda_alias.{alias_name}.arn}}"
    assert not any(n.startswith("Snap_") for n in app["doc"]["resource"]["aws_lambda_provisioned_concurrency_config"])


def test_functions_without_cold_start_options_are_invoked_unqualified(app: dict[str, Any]) -> None:
    plain = lambda_of(app, "Plain")
    assert "publish" not in plain and "snap_start" not in plain
    (pool,) = app["doc"]["resource"]["aws_cognito_user_pool"].values()
    vpc_name, _ = block(app, "aws_lambda_function", "Vpc")
    assert pool["lambda_config"]["user_migration"] == f"${{aws_lambda_function.{vpc_name}.arn}}"
    assert app["functions"]["Plain"].qualifier is None and app["functions"]["Plain"].alias is None


def test_review_shows_the_alias_and_its_warmth(app: dict[str, Any]) -> None:
    text = "\n".join(review(app["path"])[0])
    assert "through its alias live (provisioned concurrency 2)" in text
    assert "through its alias live (SnapStart)" in text


@pytest.mark.parametrize(
    ("kwargs", "argument", "fragment"),
    [
        ({"provisioned_concurrency": 0}, "provisioned_concurrency", "at least 1"),
        ({"provisioned_concurrency": 1.5}, "provisioned_concurrency", "whole number"),
        ({"provisioned_concurrency": 3, "reserved_concurrent_executions": 2}, "provisioned_concurrency", "above"),
        ({"provisioned_concurrency": 1, "snap_start": True}, "snap_start", "without provisioned concurrency"),
        ({"snap_start": True, "runtime": "python3.11"}, "snap_start", "does not support"),
        ({"snap_start": "yes"}, "snap_start", "True or False"),
        ({"snap_start": True, "file_system_config": {"arn": "arn:aws:elasticfilesystem:eu-west-1:123456789012:access-point/fsap-1",
                                                     "local_mount_path": "/mnt/data"}}, "snap_start", "EFS"),
        ({"snap_start": True, "ephemeral_storage": {"size": 1024}}, "ephemeral_storage", "at most 512 MB"),
    ],
)
def test_bad_cold_start_settings_are_refused(kwargs: dict[str, Any], argument: str, fragment: str) -> None:
    with pytest.raises(ConfigurationError, match=fragment) as err:
        Function(new_stack(), "Fn", handler, **kwargs)
    assert err.value.argument == argument


# -- the decorator form of on_<trigger>() ------------------------------------------------------------


def test_decorated_functions_are_attached_with_their_version(app: dict[str, Any]) -> None:
    tokens, confirmed = app["decorated"]
    pool = app["pool"]
    assert pool.triggers["preTokenGeneration"] is tokens and pool.triggers["postConfirmation"] is confirmed
    (config,) = app["doc"]["resource"]["aws_cognito_user_pool"].values()
    assert config["lambda_config"]["pre_token_generation_config"]["lambda_version"] == "V2_0"
    assert "post_confirmation" in config["lambda_config"]


def test_every_on_method_without_a_function_is_a_decorator() -> None:
    from cdktf_userpool import TRIGGERS

    pool = UserPool(new_stack(), "Pool")
    for op, spec in TRIGGERS.items():
        decorator = getattr(pool, f"on_{spec.snake_name}")()

        def fn(event, context):  # type: ignore[no-untyped-def]
            return event

        assert decorator(fn) is fn
        assert pool.triggers[op] is fn


def test_a_bad_version_fails_at_the_call_not_at_decoration() -> None:
    pool = UserPool(new_stack(), "Pool")
    with pytest.raises(ConfigurationError, match="lambda_version='V9_0'") as err:
        pool.on_pre_token_generation(lambda_version="V9_0")  # type: ignore[call-overload]
    assert err.value.argument == "lambda_version"
    assert not pool.triggers


def test_a_vpc_function_on_another_provider_reads_that_providers_account_and_region() -> None:
    from tests._synth import synth

    stack = new_stack()
    west = AwsProvider(stack, "west", region="eu-west-1", alias="west")
    with pytest.warns(UserPoolWarning, match="runs in a VPC"):
        Function(stack, "Fn", handler, provider=west, vpc_subnet_ids=[SUBNET], vpc_security_group_ids=[GROUP])
    doc = synth(stack)
    for kind in ("aws_caller_identity", "aws_partition", "aws_region"):
        (found,) = doc["data"][kind].values()
        assert found["provider"] == "aws.west", kind
    (policy,) = [p for n, p in doc["resource"]["aws_iam_role_policy"].items() if n.startswith("Fn_LogsPolicy")]
    create = {s["Sid"]: s for s in decode_jsonencode(policy["policy"])["Statement"]}["CreateNetworkInterfacesInOwnSubnets"]
    assert create["Resource"][1].startswith("arn:${data.aws_partition.Fn_Partition_")
    assert ":${data.aws_region.Fn_Region_" in create["Resource"][1]
