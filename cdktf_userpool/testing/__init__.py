"""Helpers for testing user pool triggers.

- :mod:`.events`: realistic Cognito events, one factory per trigger source
  (``from cdktf_userpool.testing import events``, then ``events.PreSignUp_SignUp()``).
- :func:`invoke`: run a trigger's packaged code locally and answer as Cognito would.

``invoke`` is imported on first use: it needs cdktf, while the event factories import only the
standard library and stay cheap to import.
"""

from typing import TYPE_CHECKING

from . import events as events

if TYPE_CHECKING:
    from ._invoke import invoke as invoke

__all__ = ["events", "invoke"]


def __getattr__(name: str) -> object:
    if name == "invoke":
        from ._invoke import invoke

        return invoke
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
