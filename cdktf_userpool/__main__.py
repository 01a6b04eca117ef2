"""Command line.

``python -m cdktf_userpool --version`` prints the library's version (``--help`` ends with the address of its
documentation);
``python -m cdktf_userpool summary [OUTDIR]`` describes synthesized stacks in a few lines;
``python -m cdktf_userpool review [STACK] [--outdir OUTDIR]`` gives a reviewer the full account of a
stack (every trigger, its function, package, permission and IAM statements) and exits 1 when it
finds a problem, such as a trigger without its invoke permission;
``python -m cdktf_userpool cache [list|prune|clear] [--max-age DAYS] [--max-size MB]`` shows and
trims the package cache;
``python -m cdktf_userpool init [DIR] [--backend cdktn|cdktf] [--force]`` creates a new project (a stack
with a pool and two triggers, their tests, pinned requirements, the CLI's package.json, a Makefile);
``python -m cdktf_userpool local up [STACK...] [--outdir DIR] [--port N]`` applies stacks to a local
AWS emulator and serves until interrupted (see :mod:`cdktf_userpool.local`);
``python -m cdktf_userpool check-plan PLAN.json [--allow-replace ADDRESS]...`` says what a Terraform plan
(``terraform show -json``) does to each user pool and exits 1 if one would be deleted or replaced
(see :mod:`cdktf_userpool.plan`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import _scaffold
from ._core import cache as _cache
from ._version import __version__
from ._review import review, stack_files, summarize


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m cdktf_userpool", epilog=f"Documentation: {_scaffold.docs_home()}")
    parser.add_argument("--version", action="version", version=f"cdktf-userpool {__version__}",
                        help="print the library's version and exit")
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("summary", help="describe the stacks synthesized into OUTDIR")
    summary.add_argument("outdir", nargs="?", default="cdktf.out", type=Path, help="Default: cdktf.out")
    detail = commands.add_parser("review", help="review one synthesized stack (or all) in detail")
    detail.add_argument("stack", nargs="?", help="Default: every stack in OUTDIR")
    detail.add_argument("--outdir", default="cdktf.out", type=Path, help="Default: cdktf.out")
    cache = commands.add_parser("cache", help="list, prune or clear the dependency and package cache")
    _cache.add_arguments(cache)
    _scaffold.add_arguments(commands)
    from .local import _cli as local_cli

    local_cli.add_arguments(commands)
    from .plan import _cli as plan_cli

    plan_cli.add_arguments(commands)
    args = parser.parse_args(argv)
    if args.command == "check-plan":
        return plan_cli.run(args, out=sys.stdout, err=sys.stderr)
    if args.command == "local":
        return local_cli.run(args)
    if args.command == "cache":
        return _cache.main(args)
    if args.command == "init":
        return _scaffold.run(args)
    files = list(stack_files(args.outdir))
    if args.command == "review" and args.stack:
        files = [f for f in files if f.parent.name == args.stack]
    if not files:
        wanted = f"stack {args.stack!r}" if getattr(args, "stack", None) else "stacks"
        print(f"no synthesized {wanted} under {args.outdir}/stacks; run the app (or cdktf synth) first", file=sys.stderr)
        return 1
    if args.command == "summary":
        print(f"Terraform written to {args.outdir}/")
        for path in files:
            print("\n".join(summarize(path)))
        return 0
    status = 0
    for path in files:
        lines, problems = review(path)
        print("\n".join(lines))
        status = status or (1 if problems else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
