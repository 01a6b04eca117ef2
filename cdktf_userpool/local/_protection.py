"""Protected pools in a local deployment: which they are, and the override that lifts their protection.

A pool synthesized with ``removal_policy="retain"`` (the default) has ``lifecycle.prevent_destroy``, so
``terraform destroy`` refuses the whole stack, and ``deletion_protection = "ACTIVE"``, so Cognito (the
emulator too) refuses ``DeleteUserPool``. :meth:`Deployment.destroy` refuses such a stack up front;
with ``unprotect=True`` it first applies :func:`write_unprotect`'s override (an in-place update of the
pools, as a person retiring them would make), then destroys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["POOL", "UNPROTECT_FILE", "protected_pools", "write_unprotect"]

POOL = "aws_cognito_user_pool"
UNPROTECT_FILE = "zz_local_unprotect_override.tf.json"
"""The override file in the working copy (never in the user's ``cdktf.out``)."""


def prevents_destroy(block: Mapping[str, Any]) -> bool:
    """Whether a synthesized resource block sets ``lifecycle.prevent_destroy``."""
    return (block.get("lifecycle") or {}).get("prevent_destroy") is True


def protected_pools(doc: Mapping[str, Any], values: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The addresses of a stack's pools protected from deletion: ``prevent_destroy`` in the synth, or a deployed
    ``deletion_protection`` of ``ACTIVE``; sorted."""
    found = []
    for name, block in sorted(((doc.get("resource") or {}).get(POOL) or {}).items()):
        address = f"{POOL}.{name}"
        if prevents_destroy(block) or (values.get(address) or {}).get("deletion_protection") == "ACTIVE":
            found.append(address)
    return found


def unprotect_document(pools: Iterable[str]) -> dict[str, Any]:
    """An override turning ``deletion_protection`` to ``INACTIVE`` and ``prevent_destroy`` off for ``pools``."""
    blocks: dict[str, dict[str, Any]] = {}
    for address in pools:
        rtype, name = address.split(".", 1)
        blocks.setdefault(rtype, {})[name] = {"deletion_protection": "INACTIVE", "lifecycle": {"prevent_destroy": False}}
    return {"resource": blocks}


def write_unprotect(workdir: Path, pools: Iterable[str]) -> Path:
    """Write :func:`unprotect_document` into the working copy ``workdir``; returns its path."""
    path = workdir / UNPROTECT_FILE
    path.write_text(json.dumps(unprotect_document(pools), indent=2, sort_keys=True) + "\n")
    return path
