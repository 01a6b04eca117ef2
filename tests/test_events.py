"""cdktf_userpool.events: the sample events fit their types, and mypy --strict follows handlers with them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import typing

import pytest

from tests._typed_check import (
    PACKAGE,
    QUIRKS,
    SAMPLE_TYPES,
    SAMPLES,
    import_isolated,
    is_required,
    load_sample,
    mismatches,
    quirks_of,
    without_quirks,
)

(events,) = import_isolated("cdktf_userpool.events")

#: The event type and the stem of its handler aliases (``<stem>Handler``, ``<stem>EventHandler``).
EVENT_TYPES = {
    "PreSignUpEvent": "PreSignUp",
    "PostConfirmationEvent": "PostConfirmation",
    "PreAuthenticationEvent": "PreAuthentication",
    "PostAuthenticationEvent": "PostAuthentication",
    "DefineAuthChallengeEvent": "DefineAuthChallenge",
    "CreateAuthChallengeEvent": "CreateAuthChallenge",
    "VerifyAuthChallengeResponseEvent": "VerifyAuthChallengeResponse",
    "PreTokenGenerationEvent": "PreTokenGeneration",
    "PreTokenGenerationV2Event": "PreTokenGenerationV2",
    "PreTokenGenerationV3Event": "PreTokenGenerationV3",
    "UserMigrationEvent": "UserMigration",
    "CustomMessageEvent": "CustomMessage",
    "CustomEmailSenderEvent": "CustomEmailSender",
    "CustomSMSSenderEvent": "CustomSMSSender",
}


# -- The samples fit their types -------------------------------------------------------------------


def test_every_sample_has_a_type() -> None:
    assert sorted(path.name for path in SAMPLES.glob("*.json")) == sorted(SAMPLE_TYPES)


@pytest.mark.parametrize("sample", sorted(SAMPLE_TYPES))
def test_sample_fits_its_type(sample: str) -> None:
    event = without_quirks(sample)
    assert mismatches(event, getattr(events, SAMPLE_TYPES[sample])) == []


@pytest.mark.parametrize(
    ("quirk", "sample"), [(quirk, sample) for quirk in QUIRKS for sample in quirk.samples], ids=lambda v: getattr(v, "name", v)
)
def test_each_quirk_is_real_and_needed(quirk: typing.Any, sample: str) -> None:
    """A quirk is tolerated only where the sample shows it; undoing it is what makes the sample fit."""
    assert quirk.present(load_sample(sample)), f"{sample} no longer shows {quirk.name}: drop it from the quirks"
    if quirk.undo is not None:
        assert mismatches(without_quirks(sample, keep=quirk.name), getattr(events, SAMPLE_TYPES[sample]))


def test_samples_without_quirks_are_untouched() -> None:
    plain = [sample for sample in SAMPLE_TYPES if not quirks_of(sample)]
    assert plain and all(without_quirks(sample) == load_sample(sample) for sample in plain)


# -- The checker itself ----------------------------------------------------------------------------


def test_checker_reports_missing_undeclared_and_mistyped_keys() -> None:
    event = without_quirks("cognitoPreSignUpEvent.json")
    del event["request"]["userAttributes"]
    event["request"]["surprise"] = 1
    event["triggerSource"] = "PreSignUp_SignIn"
    event["response"]["autoConfirmUser"] = 1
    found = mismatches(event, events.PreSignUpEvent)
    assert any("'userAttributes'" in m and "missing" in m for m in found)
    assert any("'surprise'" in m and "not declared" in m for m in found)
    assert any("PreSignUp_SignIn" in m for m in found)
    assert any("autoConfirmUser" in m and "boolean" in m for m in found)


def test_checker_reads_required_and_not_required_markers() -> None:
    assert is_required(events.PreSignUpRequest, "userAttributes")
    assert not is_required(events.PreSignUpRequest, "clientMetadata")
    assert not is_required(events.PreSignUpResponse, "autoConfirmUser")  # total=False
    assert not is_required(events.PreTokenGenerationV3Event, "userName")
    assert is_required(events.PreTokenGenerationV2Event, "userName")
    assert not is_required(events.CustomEmailSenderEvent, "response")


def test_checker_refuses_what_it_does_not_know() -> None:
    with pytest.raises(TypeError, match="does not know"):
        mismatches({}, typing.Callable[[], None])


# -- The module's public names ---------------------------------------------------------------------


def test_all_names_exist_and_each_event_has_both_handler_forms() -> None:
    assert all(hasattr(events, name) for name in events.__all__)
    for event_type, stem in EVENT_TYPES.items():
        assert event_type in events.__all__
        assert {f"{stem}Handler", f"{stem}EventHandler"} <= set(events.__all__), stem
    assert {"AnyPreTokenGenerationHandler", "AnyPreTokenGenerationEventHandler", "LambdaContext"} <= set(events.__all__)


@pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))
def test_event_types_have_the_header_and_a_trigger_source_literal(event_type: str) -> None:
    cls = getattr(events, event_type)
    hints = typing.get_type_hints(cls, include_extras=True)
    assert {"version", "triggerSource", "region", "userPoolId", "userName", "callerContext", "request", "response"} <= set(hints)
    sources = typing.get_args(typing.get_type_hints(cls)["triggerSource"])
    assert sources and all(isinstance(source, str) for source in sources)
    assert cls.__doc__ and all(source in " ".join(cls.__doc__.split()) for source in sources), "docstring names every source"


def test_module_imports_only_the_standard_library() -> None:
    """Importing the types (and the factories) loads no cdktf, jsii or other third-party module."""
    code = (
        "import json, sys, types\n"
        "before = set(sys.modules)\n"
        "package = types.ModuleType('cdktf_userpool'); package.__path__ = [sys.argv[1]]\n"
        "sys.modules['cdktf_userpool'] = package\n"
        "import cdktf_userpool.events, cdktf_userpool.testing.events\n"
        "new = {name.partition('.')[0] for name in set(sys.modules) - before}\n"
        "print(json.dumps(sorted(new - set(sys.stdlib_module_names) - {'cdktf_userpool'})))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code, str(PACKAGE)], capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == []


# -- mypy --strict ---------------------------------------------------------------------------------

_HANDLERS = "\n".join(
    f"def handle_{stem}(event: {event_type}, context: LambdaContext) -> {event_type}:\n"
    f"    return event\n"
    f"async def handle_{stem}_async(event: {event_type}) -> {event_type}:\n"
    f"    return event\n"
    f"handler_{stem}: {stem}Handler = handle_{stem}\n"
    f"event_handler_{stem}: {stem}EventHandler = handle_{stem}_async\n"
    for event_type, stem in EVENT_TYPES.items()
)

GOOD = f'''
from cdktf_userpool.events import *
from cdktf_userpool.testing import events as factories


class Context:
    function_name = "fn"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:fn"
    memory_limit_in_mb = 128
    aws_request_id = "request-1"
    log_group_name = "/aws/lambda/fn"
    log_stream_name = "stream"

    def get_remaining_time_in_millis(self) -> int:
        return 5000


{_HANDLERS}

def pre_sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    if event["triggerSource"] == "PreSignUp_ExternalProvider":
        event["response"]["autoConfirmUser"] = True
    event["response"]["autoVerifyEmail"] = event["request"].get("clientMetadata", {{}}).get("verified") == "yes"
    assert int(context.memory_limit_in_mb) > 0 and context.get_remaining_time_in_millis() > 0
    return event


def define(event: DefineAuthChallengeEvent) -> DefineAuthChallengeEvent:
    session = event["request"]["session"]
    if session and session[-1]["challengeName"] == "CUSTOM_CHALLENGE" and session[-1]["challengeResult"]:
        event["response"]["issueTokens"] = True
        event["response"]["failAuthentication"] = False
    else:
        event["response"]["challengeName"] = "CUSTOM_CHALLENGE"
    return event


def create(event: CreateAuthChallengeEvent) -> CreateAuthChallengeEvent:
    event["response"]["publicChallengeParameters"] = {{"hint": "the year"}}
    event["response"]["privateChallengeParameters"] = {{"answer": "2024"}}
    event["response"]["challengeMetadata"] = "YEAR"
    return event


def verify(event: VerifyAuthChallengeResponseEvent) -> VerifyAuthChallengeResponseEvent:
    expected = event["request"]["privateChallengeParameters"]["answer"]
    event["response"]["answerCorrect"] = event["request"]["challengeAnswer"] == expected
    return event


def tokens_v1(event: PreTokenGenerationEvent) -> PreTokenGenerationEvent:
    event["response"]["claimsOverrideDetails"] = {{
        "claimsToAddOrOverride": {{"tenant": "t1"}},
        "claimsToSuppress": ["email"],
        "groupOverrideDetails": None,
    }}
    return event


def tokens_v2(event: PreTokenGenerationV2Event, context: LambdaContext) -> PreTokenGenerationV2Event:
    claims: dict[str, str] = {{"tenant": "t1"}}
    groups = event["request"]["groupConfiguration"]
    event["response"]["claimsAndScopeOverrideDetails"] = {{
        "idTokenGeneration": {{"claimsToAddOrOverride": claims, "claimsToSuppress": ["email"]}},
        "accessTokenGeneration": {{
            "claimsToAddOrOverride": {{"roles": ["reader", "writer"], "level": 3, "org": {{"id": 7}}}},
            "scopesToAdd": ["api/read"],
            "scopesToSuppress": ["aws.cognito.signin.user.admin"],
        }},
        "groupOverrideDetails": {{"groupsToOverride": [*groups["groupsToOverride"], "admins"]}},
    }}
    return event


def tokens_any_version(event: AnyPreTokenGenerationEvent) -> AnyPreTokenGenerationEvent:
    if event["version"] == "1":
        event["response"]["claimsOverrideDetails"] = None
    else:
        event["response"]["claimsAndScopeOverrideDetails"] = {{"idTokenGeneration": {{"claimsToSuppress": ["email"]}}}}
    return event


def machine_tokens(event: PreTokenGenerationV3Event) -> PreTokenGenerationV3Event:
    if event["triggerSource"] == "TokenGeneration_ClientCredentials":
        scopes = event["request"]["scopes"]
        event["response"]["claimsAndScopeOverrideDetails"] = {{
            "accessTokenGeneration": {{"claimsToAddOrOverride": {{"client": event["callerContext"]["clientId"]}}, "scopesToAdd": scopes}}
        }}
    return event


async def migrate(event: UserMigrationEvent) -> UserMigrationEvent:
    if event["triggerSource"] == "UserMigration_Authentication" and event["request"].get("password"):
        event["response"]["userAttributes"] = {{"email": event["userName"], "email_verified": "true"}}
        event["response"]["finalUserStatus"] = "CONFIRMED"
        event["response"]["messageAction"] = "SUPPRESS"
        event["response"]["desiredDeliveryMediums"] = ["EMAIL"]
    return event


def message(event: CustomMessageEvent, context: LambdaContext) -> CustomMessageEvent:
    code = event["request"]["codeParameter"]
    if event["triggerSource"] == "CustomMessage_AdminCreateUser":
        event["response"]["emailMessage"] = f"Welcome {{event['request']['usernameParameter']}}: {{code}}"
    else:
        event["response"]["smsMessage"] = f"Your code is {{code}}"
    event["response"]["emailSubject"] = "Hello"
    return event


def send_email(event: CustomEmailSenderEvent, context: LambdaContext) -> CustomEmailSenderEvent:
    code: str | None = event["request"]["code"]
    assert event["request"]["type"] == "customEmailSenderRequestV1" and (code is None or code)
    return event


def send_sms(event: CustomSMSSenderEvent) -> CustomSMSSenderEvent:
    assert event["request"]["userAttributes"].get("phone_number")
    return event


as_pre_sign_up: PreSignUpHandler = pre_sign_up
as_define: DefineAuthChallengeEventHandler = define
as_create: CreateAuthChallengeEventHandler = create
as_verify: VerifyAuthChallengeResponseEventHandler = verify
as_v1: PreTokenGenerationEventHandler = tokens_v1
as_v2: PreTokenGenerationV2Handler = tokens_v2
as_any_1: AnyPreTokenGenerationEventHandler = tokens_v1
as_any_2: AnyPreTokenGenerationHandler = tokens_v2
as_v3: PreTokenGenerationV3EventHandler = machine_tokens
as_migrate: UserMigrationEventHandler = migrate
as_message: CustomMessageHandler = message
as_email: CustomEmailSenderHandler = send_email
as_sms: CustomSMSSenderEventHandler = send_sms

signed_up: PreSignUpEvent = pre_sign_up(factories.PreSignUp_SignUp(user_attributes={{"email": "a@example.com"}}), Context())
v1: PreTokenGenerationEvent = factories.TokenGeneration_Authentication()
v2: PreTokenGenerationV2Event = tokens_v2(factories.TokenGeneration_RefreshTokens(version="V2_0", scopes=["x/y"]), Context())
v3: PreTokenGenerationV3Event = machine_tokens(factories.TokenGeneration_ClientCredentials(client_metadata={{"k": "v"}}))
any_version: AnyPreTokenGenerationEvent = tokens_any_version(factories.TokenGeneration_HostedAuth(version="V3_0"))
sent: CustomSMSSenderEvent = factories.CustomSMSSender_Authentication(code=None, user_name="u")
'''

#: Each line marked ``# E: <code>`` must be reported with that error code, and nothing else reported.
BAD = '''
from cdktf_userpool.events import (
    CustomMessageHandler,
    LambdaContext,
    PreSignUpEvent,
    PreSignUpHandler,
    PreTokenGenerationV2Event,
)
from cdktf_userpool.testing import events as factories


def pre_sign_up(event: PreSignUpEvent, context: LambdaContext) -> PreSignUpEvent:
    return event


def returns_nothing(event: PreSignUpEvent, context: LambdaContext) -> None:
    return None


class HalfAContext:
    function_name = "fn"


wrong_trigger: CustomMessageHandler = pre_sign_up  # E: assignment
wrong_return: PreSignUpHandler = returns_nothing  # E: assignment


def reads_another_triggers_key(event: PreSignUpEvent) -> object:
    return event["request"]["codeParameter"]  # E: typeddict-item


def compares_with_an_unknown_source(event: PreSignUpEvent) -> bool:
    return event["triggerSource"] == "PreSignUp_SignIn"  # E: comparison-overlap


def writes_a_v1_key_on_a_v2_event(event: PreTokenGenerationV2Event) -> None:
    event["response"]["claimsOverrideDetails"] = None  # E: typeddict-unknown-key


def writes_a_string_flag(event: PreSignUpEvent) -> None:
    event["response"]["autoConfirmUser"] = "true"  # E: typeddict-item


wrong_version: PreTokenGenerationV2Event = factories.TokenGeneration_Authentication()  # E: assignment
misspelled = factories.PreSignUp_SignUp(user_nmae="x")  # E: call-arg
not_a_context = pre_sign_up(factories.PreSignUp_SignUp(), HalfAContext())  # E: arg-type
'''

_ERROR = re.compile(r"^(?P<file>[\w.]+):(?P<line>\d+): error: .*\[(?P<code>[\w-]+)\]$")


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[int, str]]]:
    """Run ``mypy --strict`` once over both snippets; the errors per file as (line, code).

    mypy reads copies of the two modules in stand-in packages: through the real ``__init__`` files
    it would analyse cdktf and the AWS provider, a minute's work.
    """
    probe = subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.fail(
            f"mypy is not installed in {sys.executable!r}, so the typing of cdktf_userpool.events cannot be "
            "checked. Install it with the test dependencies (pip install mypy).",
            pytrace=False,
        )
    root = tmp_path_factory.mktemp("mypy")
    stand_in = root / "src" / "cdktf_userpool"
    (stand_in / "testing").mkdir(parents=True)
    (stand_in / "__init__.py").write_text('"""Stand-in: the real __init__ imports cdktf."""\n')
    (stand_in / "testing" / "__init__.py").write_text('"""Stand-in: the real one declares invoke, which needs cdktf."""\n')
    for relative in ("py.typed", "events.py", "testing/events.py"):
        shutil.copyfile(PACKAGE / relative, stand_in / relative)
    (root / "good.py").write_text(GOOD)
    (root / "bad.py").write_text(BAD)
    (root / "mypy.ini").write_text("[mypy]\n")
    completed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", "mypy.ini", "--show-error-codes",
         "--no-error-summary", "--cache-dir", str(root / "cache"), "good.py", "bad.py"],
        cwd=root, env={**os.environ, "MYPYPATH": str(root / "src")}, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert completed.returncode in (0, 1), completed.stdout + completed.stderr
    errors: dict[str, set[tuple[int, str]]] = {"good.py": set(), "bad.py": set()}
    for line in completed.stdout.splitlines():
        match = _ERROR.match(line)
        if match:
            errors[match["file"]].add((int(match["line"]), match["code"]))
        else:
            assert ": note: " in line, f"unexpected mypy output: {line}\n{completed.stdout}"
    return errors


def test_mypy_strict_accepts_handlers_written_against_the_types(mypy_errors: dict[str, set[tuple[int, str]]]) -> None:
    assert mypy_errors["good.py"] == set()


def test_mypy_strict_reports_each_misuse(mypy_errors: dict[str, set[tuple[int, str]]]) -> None:
    expected = {
        (number, line.rpartition("# E: ")[2])
        for number, line in enumerate(BAD.splitlines(), start=1)
        if "# E: " in line
    }
    assert len(expected) == 9
    assert mypy_errors["bad.py"] == expected

