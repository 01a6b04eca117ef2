"""Command line: ``python -m cdktf_userpool summary [OUTDIR]`` describes synthesized stacks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._summary import stack_files, summarize


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m cdktf_userpool")
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("summary", help="describe the stacks synthesized into OUTDIR")
    summary.add_argument("outdir", nargs="?", default="cdktf.out", type=Path, help="Default: cdktf.out")
    args = parser.parse_args(argv)
    files = list(stack_files(args.outdir))
    if not files:
        print(f"no synthesized stacks under {args.outdir}/stacks; run the app (or cdktf synth) first", file=sys.stderr)
        return 1
    print(f"Terraform written to {args.outdir}/")
    for path in files:
        print("\n".join(summarize(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
