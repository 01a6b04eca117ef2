"""Many clients at once against one deployment: cold starts of the same functions, whole flows side by side.

After the emulator drops its warm workers and its copies of the functions' packages (``stop_workers``),
eight threads (a bounded pool; every flow must end within two minutes) each run whole flows on the
``Flows`` pool: sign-up (pre sign-up auto-confirms; post confirmation calls back into the emulator to add
the user to ``members``), then an SRP sign-in with pycognito (pre authentication, pre token generation
``V2_0``, post authentication). The first calls of every function start cold at the same moment, as when
tests run in parallel or an app sends a few requests to a fresh emulator (issue 36: 4 of 200 such
sign-ups failed with ``FileNotFoundError`` or ``BadZipFile`` when two threads wrote one package file).
It shares the package's deployment of the triggers app.
"""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

import pytest

from ._tokens import verified
from .conftest import Pool

pytest.importorskip("pycognito", reason="pycognito (test extra) is not installed")

THREADS, FLOWS = 8, 24
DEADLINE = 120.0
PASSWORD = "Crowd-Pass-Word-1"
SOURCES = {"PreSignUp_SignUp", "PostConfirmation_ConfirmSignUp", "PreAuthentication_Authentication",
           "TokenGeneration_Authentication", "PostAuthentication_Authentication"}


def _flow(idp: Any, pool: Pool, number: int, start: threading.Barrier) -> tuple[str, dict[str, Any]]:
    from pycognito.aws_srp import AWSSRP

    if number < THREADS:
        start.wait(timeout=DEADLINE)  # the first eight start together, cold
    email = f"auto-crowd-{number}@example.com"
    answer = idp.sign_up(ClientId=pool.client_id, Username=email, Password=PASSWORD)
    assert answer["UserConfirmed"] is True
    srp = AWSSRP(username=email, password=PASSWORD, pool_id=pool.id, client_id=pool.client_id, client=idp)
    return email, srp.authenticate_user()["AuthenticationResult"]


@pytest.fixture(scope="module")
def crowd(cognito_aws: Any, flows: Pool, public_idp: Any) -> tuple[list[tuple[str, dict[str, Any]]], list[BaseException], Any]:
    """Run the flows; what succeeded, what failed, and the trace they left."""
    cognito_aws.trace(flows.id, clear=True)
    cognito_aws.stop_workers()
    start = threading.Barrier(THREADS)
    with ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="crowd") as pool:
        futures = [pool.submit(_flow, public_idp, flows, n, start) for n in range(FLOWS)]
        done, pending = wait(futures, timeout=DEADLINE)
        for future in pending:
            future.cancel()
    assert not pending, f"{len(pending)} of {FLOWS} flows did not end within {DEADLINE:.0f} s"
    results, failures = [], []
    for future in futures:
        error = future.exception()
        if error is None:
            results.append(future.result())
        else:
            failures.append(error)
    return results, failures, cognito_aws.trace(flows.id, clear=True)


def test_every_flow_succeeds(crowd: Any) -> None:
    results, failures, _ = crowd
    assert failures == [] and len(results) == FLOWS


def test_every_user_gets_their_own_tokens(cognito_aws: Any, flows: Pool, crowd: Any) -> None:
    results, _, _ = crowd
    subs = set()
    for email, tokens in results:
        claims = verified(cognito_aws, flows.id, tokens["IdToken"], audience=flows.client_id)
        assert claims["email"] == email and claims["cognito:groups"] == ["members"]  # post confirmation's call back ran
        access = verified(cognito_aws, flows.id, tokens["AccessToken"])
        assert access["sub"] == claims["sub"] and access["username"] == claims["cognito:username"]
        subs.add(claims["sub"])
    assert len(subs) == FLOWS
    assert len({tokens["RefreshToken"] for _, tokens in results}) == FLOWS


def test_the_functions_started_cold_together_and_never_failed(crowd: Any) -> None:
    _, _, trace = crowd
    assert [entry for entry in trace if entry.error] == []
    assert Counter(entry.trigger_source for entry in trace) == {source: FLOWS for source in SOURCES}
    cold = {entry.trigger_source for entry in trace if entry.cold}
    assert cold == SOURCES  # every function's first calls started cold


def test_sign_ups_of_one_name_racing_end_with_one_user(cognito_aws: Any, flows: Pool, public_idp: Any, idp: Any) -> None:
    """Eight sign-ups of one address at once, while another client lists the pool's users: one user is made,
    the others get Cognito's UsernameExistsException, and the listing never fails."""
    from botocore.exceptions import ClientError

    email = "auto-race@example.com"
    start = threading.Barrier(THREADS + 1)
    stop = threading.Event()

    def sign_up(_: int) -> str:
        start.wait(timeout=DEADLINE)
        try:
            public_idp.sign_up(ClientId=flows.client_id, Username=email, Password=PASSWORD)
        except ClientError as refused:
            return str(refused.response["Error"]["Code"])
        return "created"

    def list_users() -> int:
        start.wait(timeout=DEADLINE)
        listed = 0
        while not stop.is_set():
            idp.list_users(UserPoolId=flows.id, Limit=60)
            listed += 1
        return listed

    with ThreadPoolExecutor(max_workers=THREADS + 1) as pool:
        lister = pool.submit(list_users)
        outcomes = list(pool.map(sign_up, range(THREADS), timeout=DEADLINE))
        stop.set()
        assert lister.result(timeout=DEADLINE) > 0
    assert sorted(outcomes) == ["UsernameExistsException"] * (THREADS - 1) + ["created"]
    found = idp.list_users(UserPoolId=flows.id, Filter=f'email = "{email}"')["Users"]
    assert len(found) == 1
    cognito_aws.trace(flows.id, clear=True)
