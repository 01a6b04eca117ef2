"""Type checkers infer each trigger's event type and refuse handlers written for another trigger.

As users get it: this checkout's wheel, in a virtualenv that sees the suite's packages but not the
other backend's (a user with one extra installed), checked with no flags by mypy --strict (pinned,
``requirements.lock``; cold: about a minute) and pyright in strict mode (pinned, ``package.json``).
A positive file must check cleanly, with no error from inside the library; each negative snippet must
be reported on the line marked ``# <-``, for every attach form.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests._framework import BACKEND, rewrite_imports
from tests._wheel import BACKEND_PACKAGES, run, venv_with_wheel
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
sign_up_function = Function(stack, "SignUp", lambda event, ctx: event)
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
    # -- a handler written for another trigger, in each attach form
    "wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on_custom_message(sign_up)  # <-
""",
    "custom_message_handler_for_pre_sign_up": """
def messages(event: CustomMessageEvent, context: LambdaContext) -> CustomMessageEvent:
    return event


pool.on_pre_sign_up(messages)  # <-
""",
    "on_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on("customMessage", sign_up)  # <-
""",
    "on_snake_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on("define_auth_challenge", sign_up)  # <-
""",
    "on_enum_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on(UserPoolOperation.CUSTOM_MESSAGE, sign_up)  # <-
""",
    "triggers_wrong_handler": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


UserPool(stack, "T", lambda_triggers={"custom_message": sign_up})  # <-
""",
    "user_migration_wrong_handler": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on_user_migration(sign_up)  # <-
""",
    "custom_email_sender_wrong_handler": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on_custom_email_sender(sign_up)  # <-
""",
    "event_only_wrong_type": """
def only_event(event: CustomMessageEvent) -> CustomMessageEvent:
    return event


pool.on_post_authentication(only_event)  # <-
""",
    "decorator_wrong_trigger": """
@pool.on_custom_message()  # <-
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event
""",
    "function_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on_custom_message(Function(stack, "F2", sign_up))  # <-
""",
    "on_function_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


pool.on("custom_message", Function(stack, "F2", sign_up))  # <-
""",
    "triggers_function_wrong_trigger": """
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


UserPool(stack, "T", lambda_triggers={"custom_message": Function(stack, "F2", sign_up)})  # <-
""",
    # -- a misspelled key in an unannotated inline handler, in each attach form
    "unknown_response_key": """
pool.on_pre_sign_up(lambda event, ctx: event if event["response"]["autoConfirmUsr"] else event)  # <-
""",
    "on_docs_name_unknown_key": """
pool.on("preSignUp", lambda event, ctx: event if event["response"]["autoConfirmUsr"] else event)  # <-
""",
    "on_snake_unknown_key": """
pool.on("define_auth_challenge", lambda event, ctx: event if event["response"]["issueToken"] else event)  # <-
""",
    "on_enum_unknown_key": """
pool.on(UserPoolOperation.PRE_SIGN_UP, lambda event, ctx: event if event["request"]["noSuchKey"] else event)  # <-
""",
    "triggers_inline_unknown_key": """
UserPool(stack, "T", lambda_triggers={"pre_sign_up": lambda event, ctx: event if event["response"]["autoConfirm"] else event})  # <-
""",
    "user_migration_unknown_key": """
pool.on_user_migration(lambda event, ctx: event if event["response"]["finalUserStatuz"] else event)  # <-
""",
    "custom_email_sender_unknown_key": """
pool.on_custom_email_sender(lambda event, ctx: event if event["request"]["codez"] else event)  # <-
""",
    "custom_message_unknown_key": """
pool.on_custom_message(lambda event, ctx: event if event["response"]["emailSubjekt"] else event)  # <-
""",
    "function_inline_unknown_key": """
pool.on_pre_sign_up(Function(stack, "F2", lambda event, ctx: event if event["request"]["noSuchKey"] else event))  # <-
""",
    "triggers_function_inline_unknown_key": """
UserPool(stack, "T", lambda_triggers={"pre_sign_up": Function(stack, "F2", lambda event, ctx: event if event["request"]["nope"] else event)})  # <-
""",
    "decorator_unknown_key": """
@pool.on_pre_sign_up()
def sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    event["response"]["autoConfirmUsr"] = True  # <-
    return event
""",
    # -- versions, other values, props
    "not_a_function": """
pool.on_pre_sign_up(42)  # <-
""",
    "v1_handler_for_v2": """
from cdktf_userpool.events import PreTokenGenerationEvent


def v1(event: PreTokenGenerationEvent, context: LambdaContext) -> PreTokenGenerationEvent:
    return event


pool.on_pre_token_generation(v1, lambda_version="V2_0")  # <-
""",
    "triggers_unknown_key": """
UserPool(stack, "T", lambda_triggers={"pre_signup": lambda event, ctx: event})  # <-
""",
    "lambda_trigger_v1_handler_for_v2": """
from cdktf_userpool.events import PreTokenGenerationEvent


def v1(event: PreTokenGenerationEvent, context: LambdaContext) -> PreTokenGenerationEvent:
    return event


UserPool(stack, "T", lambda_triggers={"pre_token_generation": LambdaTrigger(v1, "V2_0")})  # <-
""",
    "lambda_trigger_inline_v1_key_in_v2": """
UserPool(stack, "T", lambda_triggers={
    "pre_token_generation": LambdaTrigger(lambda event, ctx: event if event["response"]["claimsOverrideDetails"] else event, "V2_0"),  # <-
})
""",
    "pool_prop_typo": """
UserPool(stack, "T", password_polcy={"minimum_length": 12})  # <-
""",
    "pool_prop_wrong_type": """
UserPool(stack, "T", deletion_protection=True)  # <-
""",
    "decorator_v1_handler_for_v2": """
from cdktf_userpool.events import PreTokenGenerationEvent


@pool.on_pre_token_generation(lambda_version="V2_0")  # <-
def v1(event: PreTokenGenerationEvent, context: LambdaContext) -> PreTokenGenerationEvent:
    return event
""",
    "decorator_unknown_version": """
@pool.on_pre_token_generation(lambda_version="V4_0")  # <-
def v4(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event
""",
    "function_option_typo": """
Function(stack, "F2", lambda event, ctx: event, vpc_subnets=["subnet-0123456789abcdef0"])  # <-
""",
    "function_owned_argument": """
Function(stack, "F2", lambda event, ctx: event, role="arn:aws:iam::123456789012:role/r")  # <-
""",
    "function_bad_log_level": """
Function(stack, "F2", lambda event, ctx: event, system_log_level="ERROR")  # <-
""",
    "function_prop_wrong_type": """
Function(stack, "F2", lambda event, ctx: event, tags=["team"])  # <-
""",
}


#: What mypy must report for each negative snippet (on its marked line), so that an unrelated error cannot pass for it.
EXPECTED: dict[str, str] = {
    'wrong_trigger': 'Argument 1 to "on_custom_message" of "TriggerMethods" has incompatible type',
    'custom_message_handler_for_pre_sign_up': 'Argument 1 to "on_pre_sign_up" of "TriggerMethods" has incompatible type',
    'on_wrong_trigger': 'No overload variant of "on" of "TriggerMethods" matches argument types "str",',
    'on_snake_wrong_trigger': 'No overload variant of "on" of "TriggerMethods" matches argument types "str",',
    'on_enum_wrong_trigger': 'No overload variant of "on" of "TriggerMethods" matches argument types',
    'triggers_wrong_handler': 'Incompatible types (expression has type "Callable[[PreSignUpEvent, LambdaContext],',
    'user_migration_wrong_handler': 'Argument 1 to "on_user_migration" of "TriggerMethods" has incompatible type',
    'custom_email_sender_wrong_handler': 'Argument 1 to "on_custom_email_sender" of "TriggerMethods" has incompatible type',
    'event_only_wrong_type': 'Argument 1 to "on_post_authentication" of "TriggerMethods" has incompatible type',
    'decorator_wrong_trigger': 'Value of type variable "_CustomMessageFn" of function cannot be',
    'function_wrong_trigger': 'Argument 3 to "Function" has incompatible type "Callable[[PreSignUpEvent, LambdaContext],',
    'on_function_wrong_trigger': 'No overload variant of "on" of "TriggerMethods" matches argument types "str",',
    'triggers_function_wrong_trigger': 'Argument 3 to "Function" has incompatible type "Callable[[PreSignUpEvent, LambdaContext],',
    'unknown_response_key': 'TypedDict "PreSignUpResponse" has no key "autoConfirmUsr"',
    'on_docs_name_unknown_key': 'No overload variant of "on" of "TriggerMethods" matches argument types "str",',
    'on_snake_unknown_key': 'No overload variant of "on" of "TriggerMethods" matches argument types "str",',
    'on_enum_unknown_key': 'No overload variant of "on" of "TriggerMethods" matches argument types',
    'triggers_inline_unknown_key': 'TypedDict "PreSignUpResponse" has no key "autoConfirm"',
    'user_migration_unknown_key': 'TypedDict "UserMigrationResponse" has no key "finalUserStatuz"',
    'custom_email_sender_unknown_key': 'TypedDict "CustomEmailSenderRequest" has no key "codez"',
    'custom_message_unknown_key': 'TypedDict "CustomMessageResponse" has no key "emailSubjekt"',
    'function_inline_unknown_key': 'TypedDict "PreSignUpRequest" has no key "noSuchKey"',
    'triggers_function_inline_unknown_key': 'TypedDict "PreSignUpRequest" has no key "nope"',
    'decorator_unknown_key': 'TypedDict "PreSignUpResponse" has no key "autoConfirmUsr"',
    'not_a_function': 'No overload variant of "on_pre_sign_up" of "TriggerMethods" matches argument type "int"',
    'v1_handler_for_v2': 'No overload variant of "on_pre_token_generation" of "TriggerMethods" matches argument',
    'triggers_unknown_key': 'Extra key "pre_signup" for TypedDict "LambdaTriggers"',
    'lambda_trigger_v1_handler_for_v2': 'No overload variant of "LambdaTrigger" matches argument types',
    'lambda_trigger_inline_v1_key_in_v2': 'No overload variant of "LambdaTrigger" matches argument types "Callable[[Any, Any],',
    'pool_prop_typo': 'Unexpected keyword argument "password_polcy" for "UserPool"; did you mean',
    'pool_prop_wrong_type': 'Argument "deletion_protection" to "UserPool" has incompatible type "bool"; expected "str',
    'decorator_v1_handler_for_v2': 'Value of type variable "_PreTokenGenerationV2Fn" of function cannot be',
    'decorator_unknown_version': 'No overload variant of "on_pre_token_generation" of "TriggerMethods" matches argument',
    'function_option_typo': 'Unexpected keyword argument "vpc_subnets" for overloaded function "Function"; did you',
    'function_owned_argument': 'Unexpected keyword argument "role" for overloaded function "Function"',
    'function_bad_log_level': 'No overload variant of "Function" matches argument types "TerraformStack", "str",',
    'function_prop_wrong_type': 'No overload variant of "Function" matches argument types "TerraformStack", "str",',
}

#: The same for pyright (its messages' first line; for a key, the key and the TypedDict).
EXPECTED_PYRIGHT: dict[str, str] = {
    'wrong_trigger': 'No overloads for "on_custom_message" match the provided arguments',
    'custom_message_handler_for_pre_sign_up': 'No overloads for "on_pre_sign_up" match the provided arguments',
    'on_wrong_trigger': 'No overloads for "on" match the provided arguments',
    'on_snake_wrong_trigger': 'No overloads for "on" match the provided arguments',
    'on_enum_wrong_trigger': 'No overloads for "on" match the provided arguments',
    'triggers_wrong_handler': 'Argument of type "dict[str, (event: PreSignUpEvent, context: LambdaContext) ->',
    'user_migration_wrong_handler': 'No overloads for "on_user_migration" match the provided arguments',
    'custom_email_sender_wrong_handler': 'No overloads for "on_custom_email_sender" match the provided arguments',
    'event_only_wrong_type': 'No overloads for "on_post_authentication" match the provided arguments',
    'decorator_wrong_trigger': 'Argument of type "(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent"',
    'function_wrong_trigger': 'No overloads for "on_custom_message" match the provided arguments',
    'on_function_wrong_trigger': 'No overloads for "on" match the provided arguments',
    'triggers_function_wrong_trigger': 'Argument of type "dict[str, Function[PreSignUpEvent]]" cannot be assigned to parameter',
    'unknown_response_key': '"autoConfirmUsr" is not a defined key in "PreSignUpResponse"',
    'on_docs_name_unknown_key': '"autoConfirmUsr" is not a defined key in "PreSignUpResponse"',
    'on_snake_unknown_key': '"issueToken" is not a defined key in "DefineAuthChallengeResponse"',
    'on_enum_unknown_key': '"noSuchKey" is not a defined key in "PreSignUpRequest"',
    'triggers_inline_unknown_key': '"autoConfirm" is not a defined key in "PreSignUpResponse"',
    'user_migration_unknown_key': '"finalUserStatuz" is not a defined key in "UserMigrationResponse"',
    'custom_email_sender_unknown_key': '"codez" is not a defined key in "CustomEmailSenderRequest"',
    'custom_message_unknown_key': '"emailSubjekt" is not a defined key in "CustomMessageResponse"',
    'function_inline_unknown_key': '"noSuchKey" is not a defined key in "PreSignUpRequest"',
    'triggers_function_inline_unknown_key': '"nope" is not a defined key in "PreSignUpRequest"',
    'decorator_unknown_key': '"autoConfirmUsr" is not a defined key in "PreSignUpResponse"',
    'not_a_function': 'No overloads for "on_pre_sign_up" match the provided arguments',
    'v1_handler_for_v2': 'No overloads for "on_pre_token_generation" match the provided arguments',
    'triggers_unknown_key': 'Argument of type "dict[str, (event: Unknown, ctx: Unknown) -> Unknown]" cannot be',
    'lambda_trigger_v1_handler_for_v2': 'No overloads for "__init__" match the provided arguments',
    'lambda_trigger_inline_v1_key_in_v2': '"claimsOverrideDetails" is not a defined key in "PreTokenGenerationV2Response"',
    'pool_prop_typo': 'No parameter named "password_polcy"',
    'pool_prop_wrong_type': 'Argument of type "Literal[True]" cannot be assigned to parameter "deletion_protection" of',
    'decorator_v1_handler_for_v2': 'Argument of type "(event: PreTokenGenerationEvent, context: LambdaContext) ->',
    'decorator_unknown_version': 'No overloads for "on_pre_token_generation" match the provided arguments',
    'function_option_typo': 'No overloads for "__init__" match the provided arguments',
    'function_owned_argument': 'No overloads for "__init__" match the provided arguments',
    'function_bad_log_level': 'No overloads for "__init__" match the provided arguments',
    'function_prop_wrong_type': 'No overloads for "__init__" match the provided arguments',
}


def marked_line(name: str) -> int:
    """The line of snippet ``name``'s file that must be reported (marked ``# <-``)."""
    (line,) = [n for n, text in enumerate((HEADER + NEGATIVE[name]).splitlines(), 1) if text.endswith("# <-")]
    return line


Report = dict[str, list[tuple[int, str]]]  # file stem (without check_) -> (line, message) of each error
OTHER_BACKEND = "cdktf" if BACKEND == "cdktn" else "cdktn"


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory, dist: Path) -> tuple[Path, Path]:
    """The snippets' folder, and the python of a virtualenv with the wheel and one backend (the suite's)."""
    work = tmp_path_factory.mktemp("typing")
    (wheel,) = dist.glob("*.whl")
    python = venv_with_wheel(work / "venv", wheel, hide=BACKEND_PACKAGES[OTHER_BACKEND])
    folder = work / "app"
    folder.mkdir()
    files = {"positive": POSITIVE, **{name: HEADER + body for name, body in NEGATIVE.items()}}
    for name, text in files.items():
        (folder / f"check_{name}.py").write_text(rewrite_imports(text))  # written for cdktf
    missing = run([str(python), "-c", f"import {OTHER_BACKEND}"], folder)
    assert missing.returncode != 0, f"the typing virtualenv must not see {OTHER_BACKEND}"
    return folder, python


def _stem(path: str) -> str:
    return Path(path).stem.removeprefix("check_")


@pytest.fixture(scope="module")
def mypy_report(checked: tuple[Path, Path]) -> Report:
    folder, python = checked
    result = run([str(python), "-m", "mypy", "--strict", "--no-error-summary", "--show-absolute-path",
                  "--cache-dir", str(folder.parent / ".mypy_cache"), *sorted(p.name for p in folder.glob("check_*.py"))],
                 folder, {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}, timeout=900)
    assert "No module named mypy" not in result.stderr, "mypy is missing: run `make test`, which installs it"
    assert result.returncode in (0, 1), result.stdout[-3000:] + result.stderr[-3000:]
    report: Report = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^(.*?):(\d+): error: (.*)$", line)
        if match:
            path = match.group(1)
            key = _stem(path) if Path(path).parent == folder else f"(outside the snippets) {path}"
            report.setdefault(key, []).append((int(match.group(2)), match.group(3)))
    return report


def _pyright() -> Path | None:
    for node_dir in (ROOT, ROOT / "tools" / "cdktn"):
        found = node_dir / "node_modules" / ".bin" / "pyright"
        if found.exists():
            return found
    return None


@pytest.fixture(scope="module")
def pyright_report(checked: tuple[Path, Path]) -> Report:
    pyright = _pyright()
    if pyright is None:
        pytest.skip("pyright is not installed: run `make install` (package.json pins it)")
    folder, python = checked
    (folder / "pyrightconfig.json").write_text(json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.11"}))
    result = run([str(pyright), "--outputjson", "--pythonpath", str(python), "--project", str(folder)], folder, timeout=900)
    assert result.stdout.startswith("{"), result.stdout[-3000:] + result.stderr[-3000:]
    report: Report = {}
    for diagnostic in json.loads(result.stdout)["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            path = diagnostic["file"]
            key = _stem(path) if Path(path).parent == folder else f"(outside the snippets) {path}"
            report.setdefault(key, []).append((diagnostic["range"]["start"]["line"] + 1, diagnostic["message"]))
    return report


@pytest.mark.parametrize("checker", ["mypy", "pyright"])
def test_inference_checks_cleanly_library_included(checker: str, request: pytest.FixtureRequest) -> None:
    report: Report = request.getfixturevalue(f"{checker}_report")
    assert report.get("positive", []) == []
    assert set(report) <= set(NEGATIVE), f"errors outside the snippets: {report}"


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_mypy_reports_each_mismatch_on_its_line(mypy_report: Report, name: str) -> None:
    errors = mypy_report.get(name, [])
    assert any(line == marked_line(name) and EXPECTED[name] in message for line, message in errors), errors


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_pyright_reports_each_mismatch_on_its_line(pyright_report: Report, name: str) -> None:
    errors = pyright_report.get(name, [])
    assert any(line == marked_line(name) and EXPECTED_PYRIGHT[name] in message.replace("\xa0", " ") for line, message in errors), errors


def test_every_negative_snippet_says_what_it_must_be_reported_for() -> None:
    assert sorted(EXPECTED) == sorted(NEGATIVE) == sorted(EXPECTED_PYRIGHT)
    for name in NEGATIVE:
        marked_line(name)  # exactly one marked line
