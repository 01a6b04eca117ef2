"""IAM policy documents rendered as Terraform ``jsonencode(...)`` expressions.

Policies are built as plain dicts (which may hold Terraform tokens) and encoded by Terraform, so
the synthesized JSON stays readable and references stay references.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .cdk import Fn

ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$")
"""An IAM role ARN (paths allowed)."""

Statement = Mapping[str, Any]
"""One IAM policy statement, as in a policy document (``Effect``, ``Action``, ``Resource``, ...)."""


def policy_document(statements: Sequence[Statement]) -> str:
    """A ``jsonencode`` expression of a policy document holding ``statements`` in order."""
    return Fn.jsonencode({"Version": "2012-10-17", "Statement": [dict(s) for s in statements]})


def static_policy_document(statements: Sequence[Statement]) -> str:
    """A policy document as JSON text, for statements that hold no Terraform reference."""
    return json.dumps({"Version": "2012-10-17", "Statement": [dict(s) for s in statements]}, separators=(",", ":"))


def allow(sid: str, actions: Sequence[str], resources: Sequence[str] | str, **extra: Any) -> dict[str, Any]:
    """An ``Allow`` statement; ``extra`` adds keys such as ``Condition`` or ``Principal``."""
    statement: dict[str, Any] = {"Sid": sid, "Effect": "Allow"}
    statement.update({k: v for k, v in extra.items() if k == "Principal"})
    statement["Action"] = list(actions) if len(actions) > 1 else actions[0]
    statement["Resource"] = resources if isinstance(resources, str) else list(resources)
    statement.update({k: v for k, v in extra.items() if k != "Principal"})
    return statement
