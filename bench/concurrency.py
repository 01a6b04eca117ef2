"""Concurrent clients on one local pool: sign-up -> sign-in flows with 1, 4 and 8 clients at once.

Run with ``make bench-concurrency`` (needs terraform and the AWS provider; updates the "Concurrent
clients on the local pool" section of docs/performance.md); ``--markdown`` only prints the section.
The stack is ``tests/local/apps/triggers.py`` (pool ``Flows``, IAM enforced). One flow: ``SignUp`` of a
new user that pre sign-up auto-confirms (post confirmation then calls ``AdminAddUserToGroup`` back into
the emulator), then an SRP sign-in with pycognito (pre authentication, pre token generation V2_0, post
authentication): five triggers. Each level starts cold (every worker and every copy of the code
dropped), with all its clients released together, then runs ``--flows`` flows spread over its
clients. Counted: errors (must be 0), throughput (flows per second of the level's wall time) and the
median and 95th percentile of one flow's latency; the ratio of each level's throughput to one client's,
measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from _sections import write_section  # bench/ is this script's folder
from cognito_flows import APP, REGION, ROOT, _public_client, _synth

SECTION = "## Concurrent clients on the local pool"
PASSWORD = "Bench-Crowd-Pass-1"
LEVELS = (1, 4, 8)


def _flow(idp: Any, pool_id: str, client_id: str, email: str) -> float:
    from pycognito.aws_srp import AWSSRP

    started = time.perf_counter()
    idp.sign_up(ClientId=client_id, Username=email, Password=PASSWORD)
    AWSSRP(username=email, password=PASSWORD, pool_id=pool_id, client_id=client_id, client=idp).authenticate_user()
    return (time.perf_counter() - started) * 1000


def _level(aws: Any, pool_id: str, client_id: str, clients: int, flows: int, run: int) -> dict[str, Any]:
    aws.stop_workers()
    idp = _public_client(aws)
    start = threading.Barrier(clients)
    latencies: list[float] = []
    errors: list[str] = []

    def one(n: int) -> None:
        if n < clients:
            start.wait(timeout=120)
        try:
            latencies.append(_flow(idp, pool_id, client_id, f"auto-bench-{run}-{clients}-{n}@example.com"))
        except Exception as exc:  # counted, never hidden
            errors.append(f"{type(exc).__name__}: {exc}")

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(one, range(flows)))
    wall = time.perf_counter() - began
    ordered = sorted(latencies)
    return {"clients": clients, "flows": flows, "errors": errors, "wall_s": wall,
            "throughput": len(latencies) / wall, "p50_ms": statistics.median(ordered),
            "p95_ms": ordered[max(0, int(round(0.95 * len(ordered))) - 1)]}


def measure(flows: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from cdktf_userpool.local import LocalAws

    workdir = Path(tempfile.mkdtemp(prefix="cdktf-userpool-bench-concurrency-"))
    outdir = _synth(workdir)
    with LocalAws(region=REGION) as aws:
        deployment = aws.deploy(outdir, "triggers", timeout=900)
        pool_id, client_id = deployment.outputs["FlowsPoolId"], deployment.outputs["FlowsClientId"]
        levels = [_level(aws, pool_id, client_id, clients, flows, 0) for clients in LEVELS]
        aws.trace(pool_id, clear=True)
    return {"levels": levels, "load": os.getloadavg()[0]}


def section(found: dict[str, Any], flows: int) -> list[str]:
    one = found["levels"][0]["throughput"]
    lines = [
        SECTION,
        "",
        f"Written by `bench/concurrency.py` (`make bench-concurrency`). The stack `{APP.relative_to(ROOT)}` on the",
        "emulator (IAM enforced), pool `Flows`; one flow is a `SignUp` that pre sign-up auto-confirms (post",
        "confirmation calls `AdminAddUserToGroup` back into the emulator) and an SRP sign-in with pycognito (pre",
        "authentication, pre token generation V2_0, post authentication): five triggers. Each level starts cold",
        f"(workers and code copies dropped) with its clients released together, then runs {flows} flows spread",
        f"over them (machine: {platform.machine()}, {os.cpu_count()} CPUs; a shared, noisy host: load average",
        f"{found['load']:.1f} at the end).",
        "",
        "| clients | errors | throughput | vs 1 client | p50 latency | p95 latency |",
        "|---|---|---|---|---|---|",
    ]
    for level in found["levels"]:
        lines.append(f"| {level['clients']} | {len(level['errors'])} | {level['throughput']:.1f} flows/s | "
                     f"{level['throughput'] / one:.2f}x | {level['p50_ms']:.0f} ms | {level['p95_ms']:.0f} ms |")
    errors = sum(len(level["errors"]) for level in found["levels"])
    slower = [level["clients"] for level in found["levels"] if level["throughput"] < one]
    lines += [
        "",
        "The clients (threads of one process), the emulator (one process, serving Cognito's flows) and the",
        "functions' workers (at most `max(2, min(8, cores))` per function) share the machine's cores, so",
        "throughput grows little beyond one client here and each flow waits longer in the queue.",
        "",
        "Goal: no errors at any level, and more clients never slower in total throughput than one: "
        + ("met." if not errors and not slower else
           f"NOT met ({errors} errors; slower than one client at {slower or 'no level'})."),
        "",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flows", type=int, default=48, help="flows per level. Default: 48")
    parser.add_argument("--markdown", action="store_true", help="print the section only; write nothing")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    found = measure(args.flows)
    lines = section(found, args.flows)
    for level in found["levels"]:
        for error in level["errors"][:5]:
            print(f"{level['clients']} clients: {error}", file=sys.stderr)
    if not args.markdown:
        write_section(args.output, SECTION, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
