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

from tests.conftest import ROOT

HEADER = """\
from typing import assert_type

from cdktf import App, TerraformStack

from cdktf_userpool import Function, UserPool, UserPoolOperation
from cdktf_userpool.events import (
    CustomMessageEvent,
    LambdaContext,
    PostConfirmationEventHandler,
    PreSignUpEvent,
    PreSignUpEventHandler,
    PreSignUpHandler,
    PreTokenGenerationV2Handler,
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
assert_type(pool.on_verify_auth_challenge_response(function), Function)


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
"""

NEGATIVE = {
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
    "event_only_wrong_type": """
def only_event(event: CustomMessageEvent) -> CustomMessageEvent:
    return event


pool.on_post_authentication(only_event)
""",
}


@pytest.fixture(scope="module")
def mypy_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("typing")
    files = {"positive": POSITIVE, **{name: HEADER + body for name, body in NEGATIVE.items()}}
    for name, text in files.items():
        (folder / f"check_{name}.py").write_text(text)
    env = {**os.environ, "MYPYPATH": str(ROOT)}  # an editable install hides the package from mypy
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(folder / ".mypy_cache"),
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
