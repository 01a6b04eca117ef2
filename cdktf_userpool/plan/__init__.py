"""Read a Terraform plan (``terraform show -json PLANFILE``) as values: what each resource's change is.

- :class:`PlannedChange`: one resource's change (its address, Terraform's actions, the attributes that
  change, and for a replacement the attributes that force it, from ``replace_paths``).
- :func:`resource_changes`: every change of a plan that does something, in plan order.

Standard library only: it reads the plan's JSON, whoever made the plan.
"""

from __future__ import annotations

from ._changes import PlannedChange as PlannedChange
from ._changes import resource_changes as resource_changes

__all__ = ["PlannedChange", "resource_changes"]
