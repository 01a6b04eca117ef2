"""What a synth's ``manifest.json`` says of its stacks: their names and what each depends on."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["stack_dependencies", "stack_names"]


def stack_names(outdir: Path) -> list[str]:
    """The stacks synthesized into ``outdir`` (from its ``manifest.json``, else its ``stacks/`` folders)."""
    manifest = outdir / "manifest.json"
    if manifest.is_file():
        return sorted(json.loads(manifest.read_text()).get("stacks", {}))
    stacks = outdir / "stacks"
    return sorted(p.name for p in stacks.iterdir() if (p / "cdk.tf.json").is_file()) if stacks.is_dir() else []


def stack_dependencies(outdir: Path, stack: str) -> list[str]:
    """The stacks ``stack`` depends on, as the synth's ``manifest.json`` says (none without one)."""
    manifest = outdir / "manifest.json"
    if not manifest.is_file():
        return []
    entry = (json.loads(manifest.read_text()).get("stacks") or {}).get(stack) or {}
    return [str(d) for d in entry.get("dependencies") or []]
