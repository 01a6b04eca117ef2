"""Local user pool benchmark: a sign-up -> confirm -> sign-in flow that runs six triggers, cold and warm,
and the triggers per second of a loop of sign-ins.

Run with ``make bench-cognito`` (needs terraform and the AWS provider; updates the "Local user pool
flows" section of docs/performance.md); ``--markdown`` only prints the section. The stack is
``tests/local/apps/triggers.py`` (pool ``Flows``): ``SignUp`` runs pre sign-up and custom message,
``ConfirmSignUp`` post confirmation (which calls ``AdminAddUserToGroup`` as its role), and
``USER_PASSWORD_AUTH`` pre authentication, pre token generation (V2_0) and post authentication. Cold:
the functions' warm workers are stopped before the flow, so each of the six triggers starts an
interpreter and imports its package; warm: the workers of the previous flow serve it. Medians of
``--repeats`` flows each, through boto3 as an app calls Cognito (unsigned).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _sections import write_section  # bench/ is this script's folder

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP = ROOT / "tests" / "local" / "apps" / "triggers.py"
SECTION = "## Local user pool flows"
REGION = "eu-west-1"
PASSWORD = "Bench-Pass-1"
FLOW = ["PreSignUp_SignUp", "CustomMessage_SignUp", "PostConfirmation_ConfirmSignUp",
        "PreAuthentication_Authentication", "TokenGeneration_Authentication", "PostAuthentication_Authentication"]


def _synth(workdir: Path) -> Path:
    outdir = workdir / "cdktf.out"
    env = {**os.environ, "CDKTF_OUTDIR": str(outdir), "PYTHONPATH": os.pathsep.join([str(ROOT), str(APP.parent)]),
           "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "1", "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
           "CHECKPOINT_DISABLE": "1"}
    subprocess.run([sys.executable, str(APP)], cwd=workdir, env=env, check=True, timeout=600)
    return outdir


def _public_client(aws: Any) -> Any:
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config

    return boto3.session.Session().client("cognito-idp", endpoint_url=aws.endpoint_url, region_name=REGION,
                                          config=Config(signature_version=UNSIGNED, retries={"max_attempts": 1}))


def _flow(aws: Any, idp: Any, pool_id: str, client_id: str, email: str) -> float:
    started = time.perf_counter()
    idp.sign_up(ClientId=client_id, Username=email, Password=PASSWORD)
    code = aws.outbox(pool_id, clear=True)[-1].code
    idp.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=code)
    idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                      AuthParameters={"USERNAME": email, "PASSWORD": PASSWORD})
    elapsed = (time.perf_counter() - started) * 1000
    sources = aws.trace_sources(pool_id, clear=True)
    assert sources == FLOW, sources
    return elapsed


def measure(repeats: int, sign_ins: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from cdktf_userpool.local import LocalAws

    workdir = Path(tempfile.mkdtemp(prefix="cdktf-userpool-bench-cognito-"))
    outdir = _synth(workdir)
    with LocalAws(region=REGION) as aws:
        started = time.perf_counter()
        deployment = aws.deploy(outdir, "triggers", timeout=900)
        deploy_s = time.perf_counter() - started
        pool_id, client_id = deployment.outputs["FlowsPoolId"], deployment.outputs["FlowsClientId"]
        idp = _public_client(aws)
        cold, warm = [], []
        for n in range(repeats):  # alternate, so the host's noise hits both alike
            aws.stop_workers()
            cold.append(_flow(aws, idp, pool_id, client_id, f"cold-{n}@example.com"))
            warm.append(_flow(aws, idp, pool_id, client_id, f"warm-{n}@example.com"))
        started = time.perf_counter()
        for _ in range(sign_ins):
            idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                              AuthParameters={"USERNAME": "warm-0@example.com", "PASSWORD": PASSWORD})
        loop_s = time.perf_counter() - started
        invocations = aws.trace(pool_id, clear=True)
        handler_ms = statistics.median(e.duration_ms or 0.0 for e in invocations)
    return {"cold_ms": statistics.median(cold), "warm_ms": statistics.median(warm), "repeats": repeats,
            "sign_ins": sign_ins, "triggers": len(invocations), "loop_s": loop_s, "deploy_s": deploy_s,
            "invocation_ms": handler_ms, "load": os.getloadavg()[0]}


def section(found: dict[str, Any]) -> list[str]:
    rate = found["triggers"] / found["loop_s"]
    return [
        SECTION,
        "",
        "Written by `bench/cognito_flows.py` (`make bench-cognito`). The stack `tests/local/apps/triggers.py`",
        "deployed to the emulator (IAM enforced), then, through boto3 as an app calls Cognito: `SignUp`,",
        "the code read from `aws.outbox`, `ConfirmSignUp`, and a `USER_PASSWORD_AUTH` sign-in, which run six",
        "triggers (pre sign-up, custom message, post confirmation with its own `AdminAddUserToGroup` call,",
        "pre authentication, pre token generation V2_0, post authentication). Cold: every warm worker",
        "stopped first, so each trigger starts its interpreter and imports its package; warm: the workers",
        f"of the previous flow serve it. Medians of {found['repeats']} flows each, cold and warm alternating",
        f"(machine: {platform.machine()}, {os.cpu_count()} CPUs; a shared, noisy host: load average",
        f"{found['load']:.1f} at the end of the run).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| sign-up -> confirm -> sign-in, cold | {found['cold_ms']:.0f} ms |",
        f"| sign-up -> confirm -> sign-in, warm | {found['warm_ms']:.0f} ms |",
        (f"| loop of {found['sign_ins']} warm sign-ins ({found['triggers']} trigger invocations) | "
         f"{rate:.0f} triggers/s ({1000 * found['loop_s'] / found['sign_ins']:.1f} ms per sign-in) |"),
        f"| one warm trigger invocation, median as the trace records it | {found['invocation_ms']:.1f} ms |",
        f"| deploying the stack (not counted above) | {found['deploy_s']:.0f} s |",
        "",
        "Goal: a warm flow under 100 ms, faster than one round trip to Cognito in AWS, so hundreds of flow",
        "tests run per minute.",
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--sign-ins", type=int, default=50)
    parser.add_argument("--markdown", action="store_true", help="print the section only; write nothing")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    lines = section(measure(args.repeats, args.sign_ins))
    if not args.markdown:
        write_section(args.output, SECTION, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
