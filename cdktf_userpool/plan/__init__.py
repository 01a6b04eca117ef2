"""Read a Terraform plan (``terraform show -json PLANFILE``) the way a reviewer of a user pool does.

- :func:`report`: the plan's changes grouped by user pool (:class:`PlanReport`, :class:`PoolReport`),
  at the root and inside modules: the pool's own change (and, for a replacement, the attributes that
  force it), its triggers added, removed, pointed elsewhere or given new code, its Lambda permissions
  and its app clients; pool and client changes it cannot tie to one pool (:class:`Ungrouped`) and
  entries it cannot read (:class:`Unreadable`).
- :func:`resource_changes` / :class:`PlannedChange`: every change of the plan, as values.
- ``python -m cdktf_userpool check-plan PLAN.json``: the same, printed for a pipeline step, exiting 1
  when a pool would be deleted or replaced (a new, empty pool: every user lost), a client deleted or
  replaced (its client ID gone), or something it cannot read may be either, unless allowed with
  ``--allow-replace ADDRESS``. It fails closed.

Needs nothing but the standard library: a pipeline can run it where only the plan is.
"""

from __future__ import annotations

from ._changes import PlannedChange as PlannedChange
from ._changes import resource_changes as resource_changes
from ._report import PlanReport as PlanReport
from ._report import PoolReport as PoolReport
from ._report import TriggerChange as TriggerChange
from ._report import Ungrouped as Ungrouped
from ._report import Unreadable as Unreadable
from ._report import report as report

__all__ = [
    "PlanReport", "PlannedChange", "PoolReport", "TriggerChange", "Ungrouped", "Unreadable", "report", "resource_changes",
]
