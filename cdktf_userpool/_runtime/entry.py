"""Lambda entry point shipped in every package as ``cdktf_userpool_entry.py``.

The Lambda handler setting is ``cdktf_userpool_entry.handler``. It calls the user's function from
the generated ``trigger.py``, adapting the call once, at import (cold start):

* a function with no positional parameter is called ``fn()``; with exactly one, ``fn(event)``;
  with two or more, or ``*args``, ``fn(event, context)`` (positional parameters after the second
  must have defaults);
* if the result is awaitable (``async def``, or a function returning a coroutine), it is run to
  completion on an event loop that is reused across invocations, so clients bound to the loop
  survive warm starts.

Exceptions propagate unchanged, so Lambda reports them. Standard library only.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from trigger import __cdktf_userpool_handler__ as _fn

__all__ = ["handler"]


def _positional_arity(fn: Callable[..., Any]) -> int:
    """How many of ``(event, context)`` to pass to ``fn``: 0, 1 or 2."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # no signature (some builtins): pass both
        return 2
    positional = [p for p in signature.parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if any(p.kind is p.VAR_POSITIONAL for p in signature.parameters.values()):
        return 2
    required = [p for p in positional[2:] if p.default is p.empty]
    if required:
        raise TypeError(
            f"The Lambda handler {getattr(fn, '__qualname__', fn)!r} requires {len(positional)} positional "
            "arguments, but Lambda passes only (event, context). Give the extra parameters defaults."
        )
    return min(len(positional), 2)


_ARITY = _positional_arity(_fn)
_loop: asyncio.AbstractEventLoop | None = None


async def _await(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


def _run(awaitable: Awaitable[Any]) -> Any:
    """Run ``awaitable`` on the reused event loop."""
    global _loop
    if _loop is None or _loop.is_closed():
        _loop = asyncio.new_event_loop()
        asyncio.set_event_loop(_loop)
    return _loop.run_until_complete(_await(awaitable))


if _ARITY == 2:

    def _call(event: Any, context: Any) -> Any:
        return _fn(event, context)

elif _ARITY == 1:

    def _call(event: Any, context: Any) -> Any:
        return _fn(event)

else:

    def _call(event: Any, context: Any) -> Any:
        return _fn()


def handler(event: Any, context: Any) -> Any:
    """The Lambda entry point: call the user's function and return its (awaited) result.

    :param event: the Cognito trigger event.
    :param context: the Lambda context object.
    :returns: what the user's function returns, awaited if it is awaitable.
    """
    result = _call(event, context)
    if inspect.isawaitable(result):
        return _run(result)
    return result
