"""The local pool's rules checked without a deployment (moto only): SRP math against a real client's,
pre token generation's claim rules, the custom message's rules, the answer shapes, Cognito's
invoke permission check."""

from __future__ import annotations

import base64
import secrets
from typing import Any

import pytest

pytest.importorskip("moto", reason="local deploy: moto not installed (pip install 'cdktf-userpool[local]')")
pycognito = pytest.importorskip("pycognito", reason="pycognito (test extra) is not installed")

from cdktf_userpool.local.cognito import _invoke, _messages, _srp, _tokens

POOL_ID = "eu-west-1_AbCdEf123"


def error_code(exc: BaseException) -> str:
    return str(getattr(exc, "error_type", ""))


@pytest.mark.parametrize("typed", ["Correct-Horse-1", "wrong-horse"])
def test_srp_proof_holds_only_for_the_password(typed: str) -> None:
    from pycognito.aws_srp import AWSSRP

    user_id, password = "6f1e5c6a-7d3b-4e2a-9c1f-0a1b2c3d4e5f", "Correct-Horse-1"
    client = AWSSRP(username="ann@example.com", password=typed, pool_id=POOL_ID, client_id="c", client=object())
    state = _srp.server_challenge(POOL_ID, user_id, password)
    block = base64.b64encode(secrets.token_bytes(64)).decode()
    parameters = {"USER_ID_FOR_SRP": user_id, "SALT": state["salt"], "SRP_B": format(state["B"], "x"),
                  "SECRET_BLOCK": block}
    answer = client.process_challenge(parameters, {"USERNAME": "ann@example.com"})
    holds = _srp.proof_holds(state, POOL_ID, user_id, client.large_a_value, answer["PASSWORD_CLAIM_SIGNATURE"],
                             answer["TIMESTAMP"], block)
    assert holds is (typed == password)


def test_srp_refuses_a_zero_public_value() -> None:
    state = _srp.server_challenge(POOL_ID, "u", "p")
    assert _srp.proof_holds(state, POOL_ID, "u", _srp.N, "x", "t", base64.b64encode(b"b").decode()) is False


def test_pad_hex_adds_a_sign_byte_and_whole_bytes() -> None:
    assert _srp.pad_hex(0xABC) == "0abc" and _srp.pad_hex(0x80) == "0080" and _srp.pad_hex(0x7F) == "7f"


def test_suppression_wins_and_reserved_claims_are_kept() -> None:
    claims: dict[str, Any] = {"sub": "s", "email": "a@b", "iss": "i"}
    _tokens._apply_claims(claims, {"claimsToAddOrOverride": {"sub": "x", "tenant": "t", "email": "c@d", "iss": "f"},
                                   "claimsToSuppress": ["email", "sub"]}, _tokens.RESERVED, strings=False)
    assert claims == {"sub": "s", "iss": "i", "tenant": "t"}


@pytest.mark.parametrize(("changes", "strings", "simple"), [
    ({"claimsToAddOrOverride": {"n": 1}}, True, frozenset()),  # V1 takes strings only
    ({"claimsToAddOrOverride": {"email_verified": ["x"]}}, False, _tokens.SIMPLE_ONLY),
    ({"claimsToSuppress": "email"}, False, frozenset()),
    ("not an object", False, frozenset()),
])
def test_malformed_claim_changes_are_unrecognizable_output(changes: Any, strings: bool, simple: frozenset[str]) -> None:
    with pytest.raises(Exception) as refused:
        _tokens._apply_claims({}, changes, _tokens.RESERVED, strings=strings, simple=simple)
    assert error_code(refused.value) == "InvalidLambdaResponseException"


def test_group_override_replaces_both_tokens_groups() -> None:
    id_claims: dict[str, Any] = {"cognito:groups": ["a"], "cognito:roles": ["r"]}
    access: dict[str, Any] = {"cognito:groups": ["a"]}
    _tokens._apply_groups(id_claims, access, {"groupsToOverride": ["b"], "preferredRole": "arn:role"})
    assert id_claims == {"cognito:groups": ["b"], "cognito:preferred_role": "arn:role"} and access == {"cognito:groups": ["b"]}
    _tokens._apply_groups(id_claims, access, None)
    assert id_claims == {} and access == {}


@pytest.mark.parametrize(("kind", "response"), [
    ("SignUp", {"emailMessage": "no code"}),
    ("SignUp", {"smsMessage": "{####}" + "x" * 140}),
    ("SignUp", {"emailMessage": "{####}" + "x" * 20_000}),
    ("AdminCreateUser", {"emailMessage": "password {####}"}),  # the username placeholder is missing
])
def test_custom_message_rules(kind: str, response: dict[str, Any]) -> None:
    with pytest.raises(Exception) as refused:
        _messages._apply(response, kind, "e {####}", "s", "m {####}")
    assert error_code(refused.value) == "InvalidLambdaResponseException"


def test_custom_message_fields_replace_the_templates() -> None:
    assert _messages._apply({"emailSubject": "Hi", "smsMessage": None}, "SignUp", "e {####}", "s", "m {####}") == (
        "e {####}", "Hi", "m {####}")


@pytest.mark.parametrize(("trigger", "answer", "ok"), [
    ("PreSignUp", {"response": {"autoConfirmUser": True}}, True),
    ("PreSignUp", {"response": {"autoConfirmUser": "yes"}}, False),
    ("PreSignUp", "not an event", False),
    ("PreSignUp", None, False),
    ("PostConfirmation", {"response": {}}, True),
    ("DefineAuthChallenge", {"response": {"issueTokens": 1}}, False),
    ("CustomEmailSender", None, False),
    ("CustomEmailSender", {"request": {}}, True),
])
def test_answer_shapes(trigger: str, answer: Any, ok: bool) -> None:
    assert _invoke._shape_ok(trigger, answer) is ok


class _Pool:
    arn = f"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/{POOL_ID}"
    account_id = "123456789012"


class _Function:
    def __init__(self, *statements: dict[str, Any]) -> None:
        self.policy = type("Policy", (), {"statements": list(statements)})()


def _statement(**condition: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Principal": {"Service": "cognito-idp.amazonaws.com"}, "Action": "lambda:InvokeFunction",
            "Condition": condition}


def test_cognito_may_invoke_only_with_a_matching_permission() -> None:
    assert _invoke.allowed(_Function(_statement(ArnLike={"AWS:SourceArn": _Pool.arn})), _Pool())
    assert _invoke.allowed(_Function(_statement(StringEquals={"AWS:SourceAccount": "123456789012"})), _Pool())
    assert not _invoke.allowed(_Function(_statement(ArnLike={"AWS:SourceArn": _Pool.arn + "x"})), _Pool())
    assert not _invoke.allowed(_Function(), _Pool())
    other = _statement()
    other["Principal"] = {"Service": "s3.amazonaws.com"}
    assert not _invoke.allowed(_Function(other), _Pool())


def test_an_mfa_code_expires_with_its_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """An SMS code answered after the client's AuthSessionValidity (3 minutes here) is refused as Cognito refuses a
    late answer, and the code is not accepted again; in process, as the emulator's clock cannot be moved."""
    import time

    from moto.cognitoidp.models import cognitoidp_backends

    from cdktf_userpool.local.cognito import _mfa_codes, _signin, _state
    from cdktf_userpool.local.cognito._pools import Call

    backend = cognitoidp_backends["123456789012"]["eu-west-1"]
    pool = backend.create_user_pool("late", {})
    client = backend.create_user_pool_client(pool.id, False, {"ClientName": "app", "AuthSessionValidity": 3})
    user = backend.admin_create_user(pool.id, "late-lu", "SUPPRESS", "Pass-word-1",
                                     [{"Name": "phone_number", "Value": "+15555550100"}])
    call = Call(pool, client, "test")
    asked = _mfa_codes.send(call, user, "SMS_MFA")
    assert asked["ChallengeParameters"]["CODE_DELIVERY_DESTINATION"] == "+*******0100"
    (sent,) = _state.read(pool.id, "outbox")
    now = time.time()
    monkeypatch.setattr(_signin.time, "time", lambda: now + 181)
    respond = _signin.responder("SMS_MFA")
    assert respond is not None
    params = {"ChallengeName": "SMS_MFA", "Session": asked["Session"],
              "ChallengeResponses": {"USERNAME": "late-lu", "SMS_MFA_CODE": sent["code"]}}
    with pytest.raises(Exception) as late:
        respond(call, params)
    assert (error_code(late.value), late.value.message) == (  # type: ignore[attr-defined]
        "NotAuthorizedException", "Invalid session for the user, session is expired.")
    with pytest.raises(Exception) as again:
        respond(call, params)
    assert error_code(again.value) == "NotAuthorizedException"
    backend.delete_user_pool(pool.id)


def test_a_challenge_is_found_by_its_alias_once_and_the_alias_goes_with_its_session() -> None:
    """Clients that answer PASSWORD_VERIFIER, DEVICE_SRP_AUTH or DEVICE_PASSWORD_VERIFIER without the Session
    (pycognito) are found by the SECRET_BLOCK or DEVICE_KEY the challenge handed out: once, and never after the
    session was answered with its Session; a wrong answer put back keeps it; the pool's state holds the aliases."""
    from types import SimpleNamespace

    from cdktf_userpool.local.cognito import _signin, _state
    from cdktf_userpool.local.cognito._pools import Call

    pool_id = "eu-west-1_Aliases01"
    call = Call(SimpleNamespace(id=pool_id, region="eu-west-1"), SimpleNamespace(id="c", extended_config={}), "idp")
    user = SimpleNamespace(username="u")

    def refused(token: str | None, alias: str) -> str:
        with pytest.raises(Exception) as caught:
            _signin.take_session(call, token, "PASSWORD_VERIFIER", alias=alias)
        return error_code(caught.value)

    first = _signin.open_session(call, "PASSWORD_VERIFIER", user, alias="block-1", n=1)
    assert _signin.take_session(call, None, "PASSWORD_VERIFIER", alias="block-1")["n"] == 1  # no Session sent
    assert refused(None, "block-1") == refused(first, "") == "NotAuthorizedException"  # used up, both ways

    second = _signin.open_session(call, "PASSWORD_VERIFIER", user, alias="block-2", n=2)
    state = _signin.take_session(call, second, "PASSWORD_VERIFIER", alias="block-2")  # the Session comes first
    assert refused(None, "block-2") == "NotAuthorizedException"
    assert _state.state(pool_id).session_aliases == {}  # the aliases went with their sessions, nothing left behind
    _signin.keep_session(call, second, state)  # a wrong answer, put back: found again, by either
    assert _signin.take_session(call, "an-old-session", "PASSWORD_VERIFIER", alias="block-2")["n"] == 2

    _signin.open_session(call, "PASSWORD_VERIFIER", user, alias="block-3")
    assert set(_state.state(pool_id).session_aliases) == {"block-3"}
    _state.forget(pool_id)  # the pool deleted: its sessions and their aliases with it
    assert refused(None, "block-3") == "NotAuthorizedException"
