"""Amplify JS v6 (pinned in tests/local/js) through the local pool's MFA and remembered devices, from Node: an
authenticator set up while signing in (CONTINUE_SIGN_IN_WITH_TOTP_SETUP), a code at the next sign-in
(CONFIRM_SIGN_IN_WITH_TOTP_CODE), Amplify confirming the new device itself, rememberDevice and a sign-in from
that device with no code (Amplify's own device SRP), fetchDevices and forgetDevice, an email code (CONFIRM_SIGN_IN_WITH_EMAIL_CODE), updateMFAPreference / fetchMFAPreference and the
choice between factors (CONTINUE_SIGN_IN_WITH_MFA_SELECTION). The script asks the test for each code: TOTP
codes computed with pyotp, email codes read from the outbox. Shares the package's deployment."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pyotp

from .conftest import JS, Pool
from .test_mfa import next_code, strict_user
from .test_mfa_codes import signed_in
from .test_signin import PASSWORD


def run(node: str, aws: Any, pool: Pool, mode: str, username: str) -> dict[str, Any]:
    """Run amplify-mfa.mjs, answering each code it asks for; its last line."""
    process = subprocess.Popen([node, "amplify-mfa.mjs", mode, aws.endpoint_url, pool.id, pool.client_id, username,
                                PASSWORD], cwd=JS, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    assert process.stdin is not None and process.stdout is not None
    answer: dict[str, Any] = {}
    used: set[str] = set()
    try:
        for line in process.stdout:
            answer = json.loads(line)
            question = answer.get("ask")
            if question is None:
                continue
            if "totp" in question:  # a code of a step not used yet (each step's code is accepted once)
                code = pyotp.TOTP(question["totp"]).now()
                code = code if code not in used else next_code(question["totp"])
            else:
                code = aws.outbox(pool.id)[-1].code
            used.add(code)
            process.stdin.write(code + "\n")
            process.stdin.flush()
        process.wait(timeout=130)
    finally:
        process.kill()
    assert process.returncode == 0 and "error" not in answer, (answer, process.stderr.read()[-2000:] if process.stderr else "")
    return answer


def test_amplify_sets_up_totp_signs_in_with_a_code_then_from_a_remembered_device(node: str, cognito_aws: Any,
                                                                                  strict: Pool) -> None:
    strict_user(cognito_aws, strict, "amplify-totp")
    cognito_aws.trace(strict.id, clear=True)
    done = run(node, cognito_aws, strict, "totp", "amplify-totp")
    assert done["steps"] == ["CONTINUE_SIGN_IN_WITH_TOTP_SETUP", "DONE", "CONFIRM_SIGN_IN_WITH_TOTP_CODE", "DONE",
                             "DONE", "CONFIRM_SIGN_IN_WITH_TOTP_CODE"]
    assert done["preference"] == {"enabled": ["TOTP"], "preferred": "TOTP"}
    assert done["remembered"] is True  # the third sign-in: Amplify answered the device challenges, no code
    (device,) = done["devices"]
    assert device["id"].startswith("eu-west-1_")
    assert "TokenGeneration_AuthenticateDevice" in cognito_aws.trace_sources(strict.id)


def test_amplify_answers_an_email_code_and_chooses_between_factors(node: str, cognito_aws: Any, flows: Pool,
                                                                   public_idp: Any) -> None:
    signed_in(cognito_aws, flows, public_idp, "amplify-mail@example.com",
              EmailMfaSettings={"Enabled": True, "PreferredMfa": True})
    done = run(node, cognito_aws, flows, "email", "amplify-mail@example.com")
    assert done["steps"] == ["CONFIRM_SIGN_IN_WITH_EMAIL_CODE", "DONE", "CONTINUE_SIGN_IN_WITH_MFA_SELECTION",
                             "CONFIRM_SIGN_IN_WITH_EMAIL_CODE", "DONE"]
    assert done["destination"] == "a***@e***"
    assert done["preference"] == {"enabled": ["TOTP", "EMAIL"]}
    assert done["allowed"] == ["TOTP", "EMAIL"]
