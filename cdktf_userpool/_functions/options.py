"""Checks and Terraform blocks for ``Function``'s logging and cold-start options.

- Logging: Lambda's advanced logging controls (``logging_config``): JSON by default, with the
  application and system log levels (which Lambda takes only with the JSON format).
- Cold starts: an alias (``live``) on a published version, kept warm by provisioned concurrency, or
  restored from a SnapStart snapshot (Python 3.12 and later). The two exclude each other, and
  SnapStart excludes EFS and ephemeral storage above 512 MB, as Lambda says.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from ..errors import ConfigurationError

__all__ = [
    "ALIAS_NAME",
    "APPLICATION_LOG_LEVELS",
    "ApplicationLogLevel",
    "LOG_FORMATS",
    "LogFormat",
    "SNAP_START_RUNTIMES",
    "SYSTEM_LOG_LEVELS",
    "SystemLogLevel",
    "check_cold_start",
    "logging_config",
]

LogFormat = Literal["JSON", "Text"]
"""How Lambda writes the function's logs: structured JSON, or plain text."""
ApplicationLogLevel = Literal["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
"""The most detailed level of the function's own logs that Lambda keeps (JSON format only)."""
SystemLogLevel = Literal["DEBUG", "INFO", "WARN"]
"""The most detailed level of Lambda's own (platform) logs that it keeps (JSON format only)."""

LOG_FORMATS: tuple[str, ...] = ("JSON", "Text")
APPLICATION_LOG_LEVELS: tuple[str, ...] = ("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL")
SYSTEM_LOG_LEVELS: tuple[str, ...] = ("DEBUG", "INFO", "WARN")
DEFAULT_LOG_LEVEL = "INFO"
SNAP_START_RUNTIMES: tuple[str, ...] = ("python3.12", "python3.13", "python3.14")
"""The Python runtimes Lambda SnapStart supports."""
ALIAS_NAME = "live"
"""The alias a cold-start option creates; triggers point at it."""
SNAP_START_MAX_EPHEMERAL_MB = 512


def _choice(where: str, argument: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ConfigurationError(
            f"Function {where!r} got {argument}={value!r}, which is not one of {', '.join(map(repr, choices))}. "
            "Pick one of those.",
            construct_path=where,
            argument=argument,
            value=value,
            choices=choices,
        )


def logging_config(
    log_format: object, application_log_level: object, system_log_level: object, *, where: str
) -> dict[str, str]:
    """The ``logging_config`` block: the format and, for JSON, both levels (``INFO`` unless given).

    :raises ConfigurationError: for an unknown format or level, or a level with the Text format.
    """
    _choice(where, "log_format", log_format, LOG_FORMATS)
    if log_format == "Text":
        given = [(n, v) for n, v in (("application_log_level", application_log_level),
                                     ("system_log_level", system_log_level)) if v is not None]
        if given:
            raise ConfigurationError(
                f"Function {where!r} got {given[0][0]}={given[0][1]!r} with log_format='Text'; Lambda filters by "
                "level only in the JSON format. Use log_format='JSON' (the default), or drop the level.",
                construct_path=where,
                argument=given[0][0],
                value=given[0][1],
            )
        return {"log_format": "Text"}
    application = DEFAULT_LOG_LEVEL if application_log_level is None else application_log_level
    system = DEFAULT_LOG_LEVEL if system_log_level is None else system_log_level
    _choice(where, "application_log_level", application, APPLICATION_LOG_LEVELS)
    _choice(where, "system_log_level", system, SYSTEM_LOG_LEVELS)
    return {"log_format": "JSON", "application_log_level": str(application), "system_log_level": str(system)}


def _literal_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def check_cold_start(
    provisioned_concurrency: object,
    snap_start: object,
    *,
    runtime: str,
    reserved_concurrent_executions: int | None,
    props: Mapping[str, Any],
    where: str,
) -> bool:
    """Check the cold-start options; returns whether the function needs the ``live`` alias.

    :raises ConfigurationError: for a provisioned concurrency that is not a positive whole number or
        exceeds the reserved concurrency, SnapStart on a runtime without it, both options at once, or
        SnapStart with EFS or more than 512 MB of ephemeral storage.
    """
    if not isinstance(snap_start, bool):
        raise ConfigurationError(
            f"Function {where!r} got snap_start={snap_start!r}; it takes True or False.",
            construct_path=where,
            argument="snap_start",
            value=snap_start,
        )
    if provisioned_concurrency is not None:
        count = _literal_int(provisioned_concurrency)
        if count is None or count < 1:
            raise ConfigurationError(
                f"Function {where!r} got provisioned_concurrency={provisioned_concurrency!r}; it is a number of "
                "execution environments kept initialized, a whole number of at least 1.",
                construct_path=where,
                argument="provisioned_concurrency",
                value=provisioned_concurrency,
            )
        if reserved_concurrent_executions is not None and count > reserved_concurrent_executions:
            raise ConfigurationError(
                f"Function {where!r} got provisioned_concurrency={count} above its "
                f"reserved_concurrent_executions={reserved_concurrent_executions}; Lambda cannot keep more "
                "environments ready than the function may run. Lower the first or raise the second.",
                construct_path=where,
                argument="provisioned_concurrency",
                value=count,
            )
        if snap_start:
            raise ConfigurationError(
                f"Function {where!r} got both provisioned_concurrency={count} and snap_start=True; Lambda supports "
                "SnapStart only without provisioned concurrency. Keep one: provisioned concurrency keeps "
                "environments warm (billed while idle), SnapStart restores new ones from a snapshot.",
                construct_path=where,
                argument="snap_start",
                value=True,
            )
    if snap_start:
        if runtime not in SNAP_START_RUNTIMES:
            raise ConfigurationError(
                f"Function {where!r} got snap_start=True on {runtime!r}, which SnapStart does not support. Use "
                f"runtime= one of {', '.join(map(repr, SNAP_START_RUNTIMES))}, or provisioned_concurrency= instead.",
                construct_path=where,
                argument="snap_start",
                value=True,
                choices=SNAP_START_RUNTIMES,
            )
        if props.get("file_system_config") is not None:
            raise ConfigurationError(
                f"Function {where!r} got snap_start=True with file_system_config=; Lambda supports SnapStart only "
                "without Amazon EFS. Drop one of the two.",
                construct_path=where,
                argument="snap_start",
                value=True,
            )
        size = _ephemeral_size(props.get("ephemeral_storage"))
        if size is not None and size > SNAP_START_MAX_EPHEMERAL_MB:
            raise ConfigurationError(
                f"Function {where!r} got snap_start=True with {size} MB of ephemeral storage; SnapStart supports "
                f"at most {SNAP_START_MAX_EPHEMERAL_MB} MB. Lower ephemeral_storage or drop snap_start.",
                construct_path=where,
                argument="ephemeral_storage",
                value=size,
            )
    return provisioned_concurrency is not None or snap_start


def _ephemeral_size(value: object) -> int | None:
    size = value.get("size") if isinstance(value, Mapping) else getattr(value, "size", None)
    return _literal_int(size)  # a Terraform reference (a token number is a float) cannot be checked
