"""Helpers for testing user pool triggers.

- :mod:`.events`: realistic Cognito events, one factory per trigger source
  (``from cdktf_userpool.testing import events``, then ``events.PreSignUp_SignUp()``).
- :func:`invoke`: run a trigger's packaged code locally and answer as Cognito would;
  :func:`invoke_detailed` also returns the handler's output and timings (an :class:`Invocation`).
- :func:`snapshot`: a stable, readable document of a synthesized stack for snapshot tests (a
  :class:`StackSnapshot`); :mod:`.syrupy` stores it with syrupy (``pytest --snapshot-update``).

``invoke`` and ``snapshot`` are imported on first use: they need cdktf, while the event factories import only the
standard library and stay cheap to import.
"""

from typing import TYPE_CHECKING

from . import events as events

if TYPE_CHECKING:
    from .._runner import Invocation as Invocation
    from ._invoke import invoke as invoke
    from ._invoke import invoke_detailed as invoke_detailed
    from .._snapshot import PackageSnapshot as PackageSnapshot
    from .._snapshot import StackSnapshot as StackSnapshot
    from .._snapshot import snapshot as snapshot

__all__ = ["Invocation", "PackageSnapshot", "StackSnapshot", "events", "invoke", "invoke_detailed", "snapshot"]


def __getattr__(name: str) -> object:
    if name == "Invocation":  # no cdktf needed
        from .._runner import Invocation

        return Invocation
    if name in ("invoke", "invoke_detailed"):
        from . import _invoke

        return getattr(_invoke, name)
    if name in ("PackageSnapshot", "StackSnapshot", "snapshot"):
        from .. import _snapshot

        return getattr(_snapshot, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
