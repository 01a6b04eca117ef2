"""Type checkers infer each trigger's event type and refuse handlers written for another trigger.

One mypy --strict run (cold: about a minute) over a positive file, which must check cleanly (the
library included), and negative snippets, each of which must be reported.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests._framework import BACKEND, rewrite_imports
from tests.conftest import ROOT

HEADER = """\
from typing import assert_type

from cdktf import App, TerraformStack

from cdktf_userpool import Function, LambdaTrigger, LambdaTriggers, Layer, UserPool, UserPoolOperation
from cdktf_userpool.events import (
    CustomMessageEvent,
    CustomSMSSenderEvent,
    PostConfirmationEvent,
    LambdaContext,
    PostConfirmationEventHandler,
    PreSignUpEvent,
    PreSignUpEventHandler,
    PreSignUpHandler,
    PreTokenGenerationV2Event,
    PreTokenGenerationV2Handler,
    PreTokenGenerationV3Event,
    VerifyAuthChallengeResponseEvent,
)

stack = TerraformStack(App(), "s")
pool = UserPool(stack, "Pool")
"""

POSITIVE = HEADER + """
# an unannotated inline handler is checked against the trigger's event type
handler = pool.on_pre_sign_up(lambda event, ctx: event if event["request"]["userAttributes"] else event)
assert_type(handler, PreSignUpHandler)
assert_type(pool.on_post_confirmation(lambda event: event), PostConfirmationEventHandler)
v2 = pool.on_pre_token_generation(lambda event, ctx: event, lambda_version="V2_0")
assert_type(v2, PreTokenGenerationV2Handler)
assert_type(pool.on_user_migration("arn:aws:lambda:us-east-1:123456789012:function:f"), str)
function = Function(stack, "F", lambda event, ctx: event)
assert_type(pool.on_verify_auth_challenge_response(function), Function[VerifyAuthChallengeResponseEvent])


@pool.on_custom_message
def messages(event: CustomMessageEvent, context: LambdaContext) -> CustomMessageEvent:
    event["response"]["emailSubject"] = "Welcome"
    return event


async def confirm(event: PreSignUpEvent) -> PreSignUpEvent:
    return event


assert_type(pool.on_pre_sign_up(confirm), PreSignUpEventHandler)

# on() infers the same way from the docs name, the snake_case name and the enum member
other = UserPool(stack, "Other")
assert_type(other.on("preSignUp", lambda event, ctx: event if event["request"]["userAttributes"] else event), PreSignUpHandler)
assert_type(other.on("post_confirmation", lambda event: event), PostConfirmationEventHandler)
assert_type(other.on(UserPoolOperation.PRE_TOKEN_GENERATION, lambda event, ctx: event, lambda_version="V2_0"), PreTokenGenerationV2Handler)
assert_type(other.on("userMigration", "arn:aws:lambda:us-east-1:123456789012:function:f"), str)


@other.on("customMessage")
def other_messages(event: CustomMessageEvent, context: LambdaContext) -> CustomMessageEvent:
    return event


dynamic_name: str = "verifyAuthChallengeResponse"
# a name known only at runtime type-checks with the non-Python forms; Python handlers need a literal name
assert_type(other.on(dynamic_name, "arn:aws:lambda:us-east-1:123456789012:function:g"), str)

# lambda_triggers is a TypedDict: each inline handler gets its trigger's event type
def post_confirm(event: PostConfirmationEvent) -> PostConfirmationEvent:
    return event


typed = UserPool(
    stack,
    "Typed",
    lambda_triggers={
        "pre_sign_up": lambda event, ctx: assert_type(event, PreSignUpEvent),
        "custom_message": lambda event, ctx: assert_type(event, CustomMessageEvent),
        "post_confirmation": post_confirm,
        "define_auth_challenge": Function(stack, "Define", lambda event, ctx: event),
        "user_migration": "arn:aws:lambda:us-east-1:123456789012:function:f",
        "pre_token_generation": LambdaTrigger(lambda event, ctx: event, "V2_0"),
        "custom_sms_sender": LambdaTrigger("arn:aws:lambda:us-east-1:123456789012:function:sms"),
    },
)
assert_type(LambdaTrigger("arn:aws:lambda:us-east-1:123456789012:function:t", "V3_0"), LambdaTrigger[PreTokenGenerationV3Event])
UserPool(stack, "V1", lambda_triggers={"pre_token_generation": LambdaTrigger(lambda event, ctx: event)})
prepared: LambdaTriggers = {"pre_authentication": lambda event, ctx: event}
UserPool(stack, "Tiered", user_pool_tier="ESSENTIALS", auto_verified_attributes=["email"], name="tiered")
UserPool(stack, "Prepared", lambda_triggers=prepared)

# Function is generic in its handler's event, which the trigger APIs check
sign_up_function = Function(stack, "SignUp", lambda event, ctx: event if event["request"]["userAttributes"] else event)
assert_type(sign_up_function, Function)
assert_type(Function(stack, "Messages", messages), Function[CustomMessageEvent])
attached = other.on_pre_sign_up(Function(stack, "Inline", lambda event, ctx: event))
assert_type(attached, Function[PreSignUpEvent])
assert_type(other.on("customMessage", Function(stack, "Typed2", messages)), Function[CustomMessageEvent])


# on_<trigger>() without a function is a decorator that keeps the decorated function's type
decorated = UserPool(stack, "Decorated", user_pool_tier="ESSENTIALS")


@decorated.on_pre_sign_up()
def decorated_sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    event["response"]["autoConfirmUser"] = True
    return event


def call_decorated(event: PreSignUpEvent, context: LambdaContext) -> None:
    assert_type(decorated_sign_up(event, context), PreSignUpEvent)  # not Any: the decorator kept its type


@decorated.on_pre_token_generation(lambda_version="V2_0")
async def decorated_tokens(event: PreTokenGenerationV2Event) -> PreTokenGenerationV2Event:
    return event


@decorated.on_custom_sms_sender()
def decorated_sms(event: CustomSMSSenderEvent, context: LambdaContext) -> CustomSMSSenderEvent:
    return event


# Function's production options and the provider LambdaFunction's other arguments are typed
Function(
    stack,
    "Production",
    messages,
    layers=["arn:aws:lambda:eu-west-1:123456789012:layer:shared:3", Layer("arn:aws:lambda:eu-west-1:017000801446:layer:p:7", provides=["aws-lambda-powertools"])],
    vpc_subnet_ids=["subnet-0123456789abcdef0"],
    vpc_security_group_ids=["sg-0123456789abcdef0"],
    log_format="JSON",
    application_log_level="DEBUG",
    system_log_level="WARN",
    provisioned_concurrency=2,
    ephemeral_storage={"size": 1024},
    tags={"team": "identity"},
    function_name="production-messages",
)
"""

NEGATIVE: dict[str, str] = {
    "wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on_custom_message(sign_up)
""",
    "unknown_response_key": """
pool.on_pre_sign_up(lambda event, ctx: event["response"]["autoConfirm"])
""",
    "not_a_function": """
pool.on_pre_sign_up(42)
""",
    "v1_handler_for_v2": """
from cdktf_userpool.events import PreTokenGenerationEvent


def v1(event: PreTokenGenerationEvent, context: LambdaContext) -> PreTokenGenerationEvent:
    return event


pool.on_pre_token_generation(v1, lambda_version="V2_0")
""",
    "on_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on("customMessage", sign_up)
""",
    "on_enum_unknown_key": """
pool.on(UserPoolOperation.PRE_SIGN_UP, lambda event, ctx: event["request"]["noSuchKey"])
""",
    "triggers_unknown_key": """
UserPool(stack, "T", lambda_triggers={"pre_signup": lambda event, ctx: event})
""",
    "triggers_inline_unknown_key": """
UserPool(stack, "T", lambda_triggers={"pre_sign_up": lambda event, ctx: event["response"]["autoConfirm"]})
""",
    "triggers_wrong_handler": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


UserPool(stack, "T", lambda_triggers={"custom_message": sign_up})
""",
    "triggers_function_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


UserPool(stack, "T", lambda_triggers={"custom_message": Function(stack, "F2", sign_up)})
""",
    "triggers_function_inline_unknown_key": """
UserPool(stack, "T", lambda_triggers={"pre_sign_up": Function(stack, "F2", lambda event, ctx: event["request"]["nope"])})
""",
    "lambda_trigger_v1_handler_for_v2": """
from cdktf_userpool.events import PreTokenGenerationEvent


def v1(event: PreTokenGenerationEvent, context: LambdaContext) -> PreTokenGenerationEvent:
    return event


UserPool(stack, "T", lambda_triggers={"pre_token_generation": LambdaTrigger(v1, "V2_0")})
""",
    "lambda_trigger_inline_v1_key_in_v2": """
UserPool(stack, "T", lambda_triggers={
    "pre_token_generation": LambdaTrigger(lambda event, ctx: event if event["response"]["claimsOverrideDetails"] else event, "V2_0"),
})
""",
    "pool_prop_typo": """
UserPool(stack, "T", password_polcy={"minimum_length": 12})
""",
    "pool_prop_wrong_type": """
UserPool(stack, "T", deletion_protection=True)
""",
    "function_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on_custom_message(Function(stack, "F2", sign_up))
""",
    "function_inline_unknown_key": """
pool.on_pre_sign_up(Function(stack, "F2", lambda event, ctx: event["request"]["noSuchKey"]))
""",
    "on_function_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on("custom_message", Function(stack, "F2", sign_up))
""",
    "event_only_wrong_type": """
def only_event(event: CustomMessageEvent) -> CustomMessageEvent:
    return event


pool.on_post_authentication(only_event)
""",
    "decorator_wrong_trigger": """
@pool.on_custom_message()
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event
""",
    "decorator_v1_handler_for_v2": """
from cdktf_userpool.events import PreTokenGenerationEvent


@pool.on_pre_token_generation(lambda_version="V2_0")
def v1(event: PreTokenGenerationEvent, context: LambdaContext) -> PreTokenGenerationEvent:
    return event
""",
    "decorator_unknown_version": """
@pool.on_pre_token_generation(lambda_version="V4_0")
def v4(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event
""",
    "function_option_typo": """
Function(stack, "F2", lambda event, ctx: event, vpc_subnets=["subnet-0123456789abcdef0"])
""",
    "function_owned_argument": """
Function(stack, "F2", lambda event, ctx: event, role="arn:aws:iam::123456789012:role/r")
""",
    "function_bad_log_level": """
Function(stack, "F2", lambda event, ctx: event, system_log_level="ERROR")
""",
    "function_prop_wrong_type": """
Function(stack, "F2", lambda event, ctx: event, tags=["team"])
""",
}


#: What each negative snippet must be reported for, so that an unrelated error cannot pass for it.
EXPECTED: dict[str, str] = {
    "wrong_trigger": 'incompatible type "Callable[[PreSignUpEvent, LambdaContext], PreSignUpEvent]"',
    "unknown_response_key": 'TypedDict "PreSignUpResponse" has no key "autoConfirm"',
    "not_a_function": 'argument type "int"',
    "v1_handler_for_v2": '"Callable[[PreTokenGenerationEvent, LambdaContext], PreTokenGenerationEvent]", "str"',
    "on_wrong_trigger": '"str", "Callable[[PreSignUpEvent, LambdaContext], PreSignUpEvent]"',
    "on_enum_unknown_key": 'No overload variant of "on"',
    "event_only_wrong_type": 'incompatible type "Callable[[CustomMessageEvent], CustomMessageEvent]"',
    "triggers_unknown_key": 'Extra key "pre_signup" for TypedDict "LambdaTriggers"',
    "triggers_inline_unknown_key": 'TypedDict "PreSignUpResponse" has no key "autoConfirm"',
    "triggers_wrong_handler": 'TypedDict item "custom_message"',
    "triggers_function_wrong_trigger": 'expected "Callable[[CustomMessageEvent, LambdaContext]',
    "triggers_function_inline_unknown_key": 'TypedDict "PreSignUpRequest" has no key "nope"',
    "function_wrong_trigger": 'expected "Callable[[CustomMessageEvent, LambdaContext]',
    "function_inline_unknown_key": 'TypedDict "PreSignUpRequest" has no key "noSuchKey"',
    "on_function_wrong_trigger": '"str", "Function[PreSignUpEvent]"',
    "pool_prop_typo": 'Unexpected keyword argument "password_polcy" for "UserPool"',
    "pool_prop_wrong_type": 'Argument "deletion_protection" to "UserPool" has incompatible type "bool"',
    "lambda_trigger_v1_handler_for_v2": '"Callable[[PreTokenGenerationEvent, LambdaContext], PreTokenGenerationEvent]", "str"',
    "lambda_trigger_inline_v1_key_in_v2": 'No overload variant of "LambdaTrigger" matches argument types "Callable[[Any, Any], Any]", "str"',
    "decorator_wrong_trigger": 'Value of type variable "_CustomMessageFn" of function cannot be "Callable[[PreSignUpEvent, LambdaContext], PreSignUpEvent]"',
    "decorator_v1_handler_for_v2": 'Value of type variable "_PreTokenGenerationV2Fn" of function cannot be',
    "decorator_unknown_version": 'No overload variant of "on_pre_token_generation" of "TriggerMethods" matches argument type "str"',
    "function_option_typo": 'Unexpected keyword argument "vpc_subnets" for overloaded function "Function"; did you mean "vpc_subnet_ids"?',
    "function_owned_argument": 'Unexpected keyword argument "role" for overloaded function "Function"',
    "function_bad_log_level": 'No overload variant of "Function" matches argument types',
    "function_prop_wrong_type": 'No overload variant of "Function" matches argument types',
}


@pytest.fixture(scope="module")
def mypy_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("typing")
    files = {"positive": POSITIVE, **{name: HEADER + body for name, body in NEGATIVE.items()}}
    for name, text in files.items():
        (folder / f"check_{name}.py").write_text(rewrite_imports(text))  # written for cdktf
    env = {**os.environ, "MYPYPATH": str(ROOT)}  # an editable install hides the package from mypy
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(folder / ".mypy_cache"),
         # the library's types come from the suite's backend (cdktf_userpool._cdk.CDKTN_TYPES)
         "--always-true" if BACKEND == "cdktn" else "--always-false", "CDKTN_TYPES",
         *sorted(str(folder / f"check_{n}.py") for n in files)],
        capture_output=True, text=True, env=env, cwd=folder, timeout=600,
    )
    assert "No module named mypy" not in result.stderr, "mypy is missing: run `make test`, which installs it"
    errors: dict[str, list[str]] = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^(.*?):\d+: error: (.*)$", line)
        if match:
            errors.setdefault(Path(match.group(1)).stem.removeprefix("check_"), []).append(match.group(2))
    return errors


def test_inference_checks_cleanly_library_included(mypy_report: dict[str, list[str]]) -> None:
    assert mypy_report.get("positive", []) == []
    assert set(mypy_report) <= set(NEGATIVE), f"errors outside the snippets: {mypy_report}"


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_mismatched_handlers_are_type_errors(mypy_report: dict[str, list[str]], name: str) -> None:
    assert mypy_report.get(name), f"mypy accepted the {name} snippet"
    assert any(EXPECTED[name] in error for error in mypy_report[name]), mypy_report[name]


def test_every_negative_snippet_says_what_it_must_be_reported_for() -> None:
    assert sorted(EXPECTED) == sorted(NEGATIVE)
