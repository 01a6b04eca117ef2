"""``python -m cdktf_userpool local up``: start the emulator, apply the stacks, print how to reach them, serve."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import shlex
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import LocalDeployError, UserPoolError
from ._workdir import stack_region

READY = "Serving until interrupted (Ctrl-C)."
"""The line ``local up`` prints once every stack is up."""


def add_arguments(commands: Any) -> None:
    """Add the ``local`` command (with its ``up`` subcommand) to the CLI's subparsers."""
    local = commands.add_parser("local", help="deploy synthesized stacks to a local AWS emulator")
    actions = local.add_subparsers(dest="local_command", required=True)
    up = actions.add_parser("up", help="start the emulator, apply the stacks, serve until interrupted")
    up.add_argument("stacks", nargs="*", metavar="STACK", help="Default: every stack in OUTDIR")
    up.add_argument("--outdir", default="cdktf.out", type=Path, help="Default: cdktf.out")
    up.add_argument("--port", default=0, type=int, help="Default: 0 (a free port)")
    up.add_argument(
        "--prepare",
        metavar="FILE.py:FUNCTION",
        help="a prepare(aws, stack) function (FILE.py:NAME or MODULE:NAME) run before each stack applies",
    )
    up.add_argument("--no-enforce-iam", action="store_true", help="do not authorize requests with IAM")
    up.add_argument("--timeout", default=300.0, type=float, help="seconds each apply may take. Default: 300")


def load_function(spec: str) -> Callable[..., Any]:
    """The function ``FILE.py:NAME`` or ``package.module:NAME`` names.

    :raises LocalDeployError: if it cannot be loaded.
    """
    where, _, name = spec.rpartition(":")
    if not where or not name:
        raise LocalDeployError(f"--prepare {spec!r} is not FILE.py:FUNCTION or MODULE:FUNCTION.")
    try:
        if where.endswith(".py"):
            path = Path(where).resolve()
            module_spec = importlib.util.spec_from_file_location(path.stem, path)
            if module_spec is None or module_spec.loader is None:
                raise ImportError(f"cannot load {where}")
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
        else:
            module = importlib.import_module(where)
        function: Callable[..., Any] = getattr(module, name)
    except (ImportError, OSError, AttributeError) as exc:
        raise LocalDeployError(f"--prepare {spec!r} could not be loaded: {exc}.") from exc
    return function


def describe(deployment: Any) -> list[str]:
    """Lines telling what a deployment holds: pools with clients and triggers, then outputs."""
    lines = [f"stack {deployment.stack} ({deployment.region}): {len(deployment.addresses)} resources"]
    for pool in deployment.user_pools:
        origin = "" if pool.managed else ", read by ID"
        lines.append(f"  pool {pool.path}: {pool.id}{origin}")
        for client in pool.clients:
            secret = f" secret {client.secret}" if client.secret else ""
            lines.append(f"    client {client.name}: {client.id}{secret}")
        for trigger, arn in pool.triggers.items():
            lines.append(f"    trigger {trigger}: {arn}")
    for name, value in sorted(deployment.outputs.items()):
        lines.append(f"  output {name} = {value}")
    return lines


def run(args: argparse.Namespace) -> int:
    """Run ``local up``; returns the exit status (0 after an interrupt, 1 when a stack fails)."""
    from ._deployment import deploy_together
    from ._emulator import LocalAws
    from ._manifest import stack_names

    names = stack_names(args.outdir)
    stacks = list(args.stacks) or names
    unknown = [s for s in stacks if s not in names]
    if not stacks or unknown:
        wanted = f"stack {unknown[0]!r}" if unknown else "stacks"
        print(f"no synthesized {wanted} under {args.outdir}/stacks (stacks: {', '.join(names) or 'none'}); "
              "run the app (or cdktf synth) first", file=sys.stderr)
        return 1
    import json

    first = json.loads((args.outdir / "stacks" / stacks[0] / "cdk.tf.json").read_text())
    stop = threading.Event()
    try:
        prepare = load_function(args.prepare) if args.prepare else None
        with LocalAws(region=stack_region(first, "us-east-1"), port=args.port, enforce_iam=not args.no_enforce_iam) as aws:
            print(f"emulator: {aws.endpoint_url} (IAM {'enforced' if aws.enforce_iam else 'not enforced'})", flush=True)
            for deployment in deploy_together(aws, args.outdir, stacks, prepare=prepare, timeout=args.timeout):
                print("\n".join(describe(deployment)), flush=True)
            exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in aws.environment().items())
            print(f"export {exports}", flush=True)
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, lambda *_: stop.set())
            print(READY, flush=True)
            while not stop.wait(0.5):
                if not aws.running:
                    print("the emulator stopped unexpectedly:\n" + aws.log[-2000:], file=sys.stderr)
                    return 1
    except UserPoolError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # during a deploy: Terraform was stopped, the emulator with it
        return 130
    return 0
