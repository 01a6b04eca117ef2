"""JavaScript clients nobody here wrote, pinned in tests/local/js and run with the machine's Node:
amazon-cognito-identity-js (SRP sign-up, confirm with the code from the outbox, SRP sign-in) and Amplify
JS v6 (SRP sign-in, a forced refresh, sign-out, global sign-out, each token refused afterwards)."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from ._tokens import verified
from .conftest import JS, Pool
from .test_signin import PASSWORD as SIGN_IN_PASSWORD
from .test_signin import confirmed_user

PASSWORD = "Js-Client-Pass-1"


def step(node: str, aws: Any, pool: Pool, name: str, email: str, secret: str) -> dict[str, Any]:
    done = subprocess.run([node, "flow.js", name, aws.endpoint_url, pool.id, pool.client_id, email, secret],
                          cwd=JS, capture_output=True, text=True, timeout=90, check=False)
    assert done.stdout.strip(), done.stderr[-2000:]
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0, answer
    return answer


def test_amazon_cognito_identity_js_signs_up_confirms_and_signs_in(node: str, cognito_aws: Any, flows: Pool) -> None:
    cognito_aws.trace(flows.id, clear=True)
    cognito_aws.outbox(flows.id, clear=True)
    signed_up = step(node, cognito_aws, flows, "signup", "js-ann@example.com", PASSWORD)
    assert signed_up["userConfirmed"] is False and signed_up["delivery"]["DeliveryMedium"] == "EMAIL"
    (mail,) = cognito_aws.outbox(flows.id)
    step(node, cognito_aws, flows, "confirm", "js-ann@example.com", mail.code)
    tokens = step(node, cognito_aws, flows, "signin", "js-ann@example.com", PASSWORD)
    assert cognito_aws.trace_sources(flows.id) == [
        "PreSignUp_SignUp", "CustomMessage_SignUp", "PostConfirmation_ConfirmSignUp",
        "PreAuthentication_Authentication", "TokenGeneration_Authentication", "PostAuthentication_Authentication",
    ]
    claims = verified(cognito_aws, flows.id, tokens["idToken"], audience=flows.client_id)
    assert claims["email"] == "js-ann@example.com" and claims["cognito:groups"] == ["members"]
    assert claims["sub"] == signed_up["userSub"]


def test_amazon_cognito_identity_js_is_refused_a_wrong_password(node: str, cognito_aws: Any, flows: Pool) -> None:
    done = subprocess.run([node, "flow.js", "signin", cognito_aws.endpoint_url, flows.id, flows.client_id,
                           "js-ann@example.com", "Wrong-Pass-99"], cwd=JS, capture_output=True, text=True,
                          timeout=90, check=False)
    assert done.returncode == 1
    assert json.loads(done.stdout.strip().splitlines()[-1])["error"]["code"] == "NotAuthorizedException"


def test_amplify_js_v6_refreshes_signs_out_and_signs_out_globally(
    node: str, cognito_aws: Any, flows: Pool, public_idp: Any,
) -> None:
    from botocore.exceptions import ClientError

    email = "amplify-amy@example.com"
    confirmed_user(cognito_aws, flows, public_idp, email)
    done = subprocess.run([node, "amplify.mjs", cognito_aws.endpoint_url, flows.id, flows.client_id, email,
                           SIGN_IN_PASSWORD], cwd=JS, capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.strip(), done.stderr[-2000:]
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert done.returncode == 0, answer
    sources = cognito_aws.trace_sources(flows.id)
    assert sources.count("TokenGeneration_Authentication") == 2 and "TokenGeneration_RefreshTokens" in sources
    signed_in, refreshed = answer["signedIn"], answer["refreshed"]
    assert refreshed["accessToken"] != signed_in["accessToken"]  # fetchAuthSession({forceRefresh}) got new tokens
    old, new = (verified(cognito_aws, flows.id, t["idToken"], audience=flows.client_id) for t in (signed_in, refreshed))
    assert new["origin_jti"] == old["origin_jti"] and new["cognito:groups"] == ["members"]
    assert answer["attributes"]["email"] == email and answer["signedOutHasTokens"] is False
    # signOut() revoked the first sign-in's refresh token, signOut({global}) every sign-in: no token works
    for tokens in (signed_in, refreshed, answer["second"]):
        with pytest.raises(ClientError) as refused:
            public_idp.get_user(AccessToken=tokens["accessToken"])
        assert refused.value.response["Error"]["Message"] == "Access Token has been revoked"
