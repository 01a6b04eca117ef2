"""Managed login benchmark: a warm sign-in through the local pool's domain, without a browser.

Run with ``make bench-login`` (needs terraform and the AWS provider; updates the "Managed login"
section of docs/performance.md); ``--markdown`` only prints the section. The stack is
``tests/local/apps/triggers.py`` (pool ``Flows``, client ``Web``). One sign-in is what a browser does
minus its own time, through :class:`cdktf_userpool.local.ManagedLogin`: ``GET /oauth2/authorize``
(PKCE S256) and its redirect to ``/login``, ``POST /login`` (pre authentication, the password, post
authentication, the session cookie, the redirect with the code), then the code exchange at
``/oauth2/token`` (pre token generation V2_0, ``TokenGeneration_HostedAuth``). Warm: the triggers'
workers of the previous sign-in serve it. Beside it, in the same run, an API sign-in
(``USER_PASSWORD_AUTH``, the same three triggers) and a second authorize signed in by the session
cookie (the exchange's one trigger). Medians of ``--repeats`` sign-ins each, interleaved.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _sections import bench_main
from cognito_flows import REGION, ROOT, _public_client, _synth

SECTION = "## Managed login"
PASSWORD = "Bench-Pass-1"
CALLBACK = "http://localhost:3000/callback"
HOSTED = ["PreAuthentication_Authentication", "PostAuthentication_Authentication", "TokenGeneration_HostedAuth"]


def _timed(step: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = step()
    return (time.perf_counter() - started) * 1000, result


def measure(repeats: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from cdktf_userpool.local import LocalAws, ManagedLogin

    workdir = Path(tempfile.mkdtemp(prefix="cdktf-userpool-bench-login-"))
    outdir = _synth(workdir)
    with LocalAws(region=REGION) as aws:
        deployment = aws.deploy(outdir, "triggers", timeout=900)
        pool = deployment.user_pool("Flows")
        web, api = pool.client("triggers-Flows-Web"), deployment.outputs["FlowsClientId"]
        admin, public = aws.client("cognito-idp", region=REGION), _public_client(aws)
        email = "bench-hosted@example.com"
        admin.admin_create_user(UserPoolId=pool.id, Username=email, MessageAction="SUPPRESS",
                                UserAttributes=[{"Name": "email", "Value": email},
                                                {"Name": "email_verified", "Value": "true"}])
        admin.admin_set_user_password(UserPoolId=pool.id, Username=email, Password=PASSWORD, Permanent=True)

        def hosted() -> Any:
            return ManagedLogin(pool.domain_url, web.id, CALLBACK).sign_in(email, PASSWORD, scopes=["openid", "email"])

        def api_sign_in() -> Any:
            return public.initiate_auth(ClientId=api, AuthFlow="USER_PASSWORD_AUTH",
                                        AuthParameters={"USERNAME": email, "PASSWORD": PASSWORD})

        browser = ManagedLogin(pool.domain_url, web.id, CALLBACK)
        browser.sign_in(email, PASSWORD)  # its session cookie serves the "again" sign-ins

        def again() -> Any:
            return browser.exchange(browser.authorize())

        hosted(), api_sign_in()  # warm the workers
        aws.trace(pool.id, clear=True)
        timings: dict[str, list[float]] = {"hosted": [], "api": [], "again": []}
        for _ in range(repeats):
            elapsed, tokens = _timed(hosted)
            assert "id_token" in tokens and aws.trace_sources(pool.id, clear=True) == HOSTED
            timings["hosted"].append(elapsed)
            timings["api"].append(_timed(api_sign_in)[0])
            timings["again"].append(_timed(again)[0])
            aws.trace(pool.id, clear=True)
    found = {name: statistics.median(values) for name, values in timings.items()}
    return {**found, "repeats": repeats, "load": os.getloadavg()[0]}


def section(found: dict[str, Any]) -> list[str]:
    return [
        SECTION,
        "",
        "Written by `bench/managed_login.py` (`make bench-login`). The stack `tests/local/apps/triggers.py`",
        "deployed to the emulator (IAM enforced); a confirmed user signs in through the `Flows` pool's domain",
        "with `cdktf_userpool.local.ManagedLogin`, what a browser does minus the browser's own time:",
        "`/oauth2/authorize` with PKCE and its redirect to `/login`, the form posted (pre authentication,",
        "post authentication), the code exchanged at `/oauth2/token` (pre token generation V2_0,",
        "`TokenGeneration_HostedAuth`). Warm workers; medians of",
        f"{found['repeats']} sign-ins each, the three kinds interleaved (machine: {platform.machine()},",
        f"{os.cpu_count()} CPUs; a shared, noisy host: load average {found['load']:.1f} at the end of the run).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| managed-login sign-in: authorize, form, code exchange (3 triggers) | {found['hosted']:.0f} ms |",
        f"| API sign-in, `USER_PASSWORD_AUTH` (the same 3 triggers), same run | {found['api']:.0f} ms |",
        f"| ratio managed login / API | {found['hosted'] / found['api']:.2f}x |",
        f"| authorize again with the session cookie, code exchange (1 trigger) | {found['again']:.0f} ms |",
        "",
        "Goal: a warm managed-login sign-in under 150 ms.",
        "",
    ]


if __name__ == "__main__":
    bench_main(SECTION, measure, section, repeats=20)
