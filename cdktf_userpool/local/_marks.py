"""Marks the emulator writes in its log, for the library and its tests to find (no imports: any module may use it)."""

from __future__ import annotations

__all__ = ["INTERNAL", "NOT_IMPLEMENTED"]

NOT_IMPLEMENTED = "UNIMPLEMENTED"
"""Starts the log line of a call the emulator could not serve: ``UNIMPLEMENTED <service>:<Operation>`` (read by the
parent process to name the API in its error)."""

INTERNAL = "INTERNAL"
"""Starts the log line of a bug of the emulator's own layers, before its traceback: ``INTERNAL <service>:<Operation>``
(or ``INTERNAL managed-login <method> /<path>``)."""
