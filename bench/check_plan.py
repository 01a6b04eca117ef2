"""Time ``python -m cdktf_userpool check-plan`` on a large plan: 50 pools with 12 triggers each.

Run with ``make bench-check-plan`` (updates the "check-plan on a large plan" section of
docs/performance.md); ``--markdown`` only prints the section. The plan is generated in the shape
``terraform show -json`` gives (resource_changes, configuration with references, prior_state): per pool
twelve trigger functions whose code changes, their permissions and roles, a client, a domain and a
group, one pool in ten replaced. Timed: reading and reporting in this process (medians of
``--repeats``), and the whole command as a pipeline runs it (a new interpreter, median of 5). Goal:
under 1 s.
"""

from __future__ import annotations

import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _sections import bench_main  # bench/ is this script's folder

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## check-plan on a large plan"
POOLS, TRIGGERS = 50, 12
KEYS = ("pre_sign_up", "pre_authentication", "post_authentication", "post_confirmation", "custom_message",
        "define_auth_challenge", "create_auth_challenge", "verify_auth_challenge_response", "user_migration",
        "pre_token_generation", "custom_email_sender", "custom_sms_sender")


def _change(address: str, actions: list[str], before: Any, after: Any, **extra: Any) -> dict[str, Any]:
    rtype, name = address.split(".")
    return {"address": address, "mode": "managed", "type": rtype, "name": name,
            "change": {"actions": actions, "before": before, "after": after, "after_unknown": {}, **extra}}


def make_plan() -> dict[str, Any]:
    """The plan (see the module docstring)."""
    changes, config, prior = [], [], []
    for p in range(POOLS):
        pool = f"aws_cognito_user_pool.Pool{p}_0A1B2C3D"
        arns, block = {}, {}
        for t, key in enumerate(KEYS[:TRIGGERS]):
            fn = f"aws_lambda_function.Pool{p}_{key}_0A1B2C3D"
            arn = f"arn:aws:lambda:eu-west-1:123456789012:function:pool{p}-{key}"
            arns[key] = arn
            block[key] = {"references": [f"{fn}.arn", fn]}
            prior.append({"address": fn, "values": {"arn": arn}})
            changes.append(_change(fn, ["update"], {"source_code_hash": "a"}, {"source_code_hash": f"b{t}"}))
            permission = f"aws_lambda_permission.Pool{p}_{key}_Permission"
            config.append({"address": permission, "expressions": {"source_arn": {"references": [f"{pool}.arn", pool]}}})
            changes.append(_change(permission, ["delete", "create"], {"statement_id": "s"}, {"statement_id": "s"}))
            role = f"aws_iam_role_policy.Pool{p}_{key}_Policy"
            changes.append(_change(role, ["update"], {"policy": "a"}, {"policy": "b"}))
        replaced = p % 10 == 0
        config.append({"address": pool, "expressions": {"lambda_config": [block]}})
        prior.append({"address": pool, "values": {"id": f"eu-west-1_p{p}", "arn": f"arn:pool{p}",
                                                  "lambda_config": [dict(arns)]}})
        changes.append(_change(pool, ["delete", "create"] if replaced else ["update"], {"mfa_configuration": "OFF"},
                               {"mfa_configuration": "ON", "lambda_config": [dict(arns)]},
                               **({"replace_paths": [["username_attributes"]]} if replaced else {})))
        for rtype, name in (("aws_cognito_user_pool_client", "Web"), ("aws_cognito_user_pool_domain", "Domain"),
                            ("aws_cognito_user_group", "Admins")):
            address = f"{rtype}.Pool{p}_{name}"
            config.append({"address": address, "expressions": {"user_pool_id": {"references": [f"{pool}.id", pool]}}})
            changes.append(_change(address, ["update"], {"name": "a"}, {"name": "b"}))
    return {"format_version": "1.2", "terraform_version": "1.11.4", "planned_values": {},
            "resource_changes": changes, "configuration": {"root_module": {"resources": config}},
            "prior_state": {"values": {"root_module": {"resources": prior}}}}


def measure(repeats: int) -> dict[str, Any]:
    """Medians (s) of the in-process check and of the whole command, on the generated plan."""
    sys.path.insert(0, str(ROOT))
    from cdktf_userpool.__main__ import main

    with tempfile.TemporaryDirectory(prefix="cdktf-userpool-bench-plan-") as folder:
        path = Path(folder) / "plan.json"
        path.write_text(json.dumps(make_plan()))
        inside, status = [], None
        for _ in range(repeats):
            started = time.perf_counter()
            out, err = io.StringIO(), io.StringIO()
            stdout, stderr = sys.stdout, sys.stderr
            sys.stdout, sys.stderr = out, err
            try:
                status = main(["check-plan", str(path)])
            finally:
                sys.stdout, sys.stderr = stdout, stderr
            inside.append(time.perf_counter() - started)
        whole = []
        for _ in range(5):
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "cdktf_userpool", "check-plan", str(path)], cwd=ROOT,
                                  capture_output=True, text=True, timeout=120, check=False)
            whole.append(time.perf_counter() - started)
        size = path.stat().st_size
    if status != 1 or done.returncode != 1:
        raise SystemExit(f"expected the replaced pools to block the plan (exit 1), got {status} and {done.returncode}")
    return {"inside": statistics.median(inside), "whole": statistics.median(whole), "size": size,
            "changes": len(make_plan()["resource_changes"]), "lines": len(out.getvalue().splitlines()),
            "repeats": repeats}


def section(results: dict[str, Any]) -> list[str]:
    """The markdown section for docs/performance.md."""
    verdict = "met" if results["whole"] < 1.0 else "NOT met"
    return [
        SECTION,
        "",
        "Written by `bench/check_plan.py` (`make bench-check-plan`). A generated plan in the shape of",
        f"`terraform show -json`: {POOLS} pools with {TRIGGERS} triggers each, every trigger's code changing, their",
        "permissions replaced, a client, domain and group per pool updated, one pool in ten replaced",
        f"({results['changes']} resource changes, {results['size'] / 1e6:.1f} MB of JSON; the report has {results['lines']} lines).",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs; a shared, noisy host.",
        "",
        "| what | seconds |",
        "|---|---|",
        f"| read, report and print, in process (median of {results['repeats']}) | {results['inside']:.3f} |",
        f"| `python -m cdktf_userpool check-plan plan.json`, a new interpreter (median of 5) | {results['whole']:.3f} |",
        "",
        f"Goal: under 1 s for the whole command: {verdict}.",
        "",
    ]


def main() -> None:
    bench_main(SECTION, measure, section, repeats=5)


if __name__ == "__main__":
    main()
