"""Nested blocks given as dicts in a list: made into the bindings' structs before jsii sees them.

A provider argument that is a list of blocks (``schema=[...]`` of a pool, ``refresh_token_rotation=[...]``
of an app client) takes the bindings' struct or a dict. jsii makes a dict given for a single block into
its struct, but sends the dicts of a list as plain maps, so their Python (snake_case) keys never match
the provider's: a required key fails deep in jsii, an optional one (``retry_grace_period_seconds``) is
dropped without a word. :func:`blocks` builds the struct of each such dict, named by the bindings'
convention (``CognitoUserPool`` + ``Schema``), and refuses an unknown or missing key with this
library's error, naming the argument, the key and the keys the block takes.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Mapping
from typing import Any

from ..errors import ConfigurationError

__all__ = ["blocks"]


def _struct(resource: type, argument: str) -> Any:
    module = sys.modules.get(resource.__module__)
    name = resource.__name__ + "".join(part.capitalize() for part in argument.split("_"))
    found = getattr(module, name, None) if module is not None else None
    return found if isinstance(found, type) else None


def blocks(resource: type, arguments: Mapping[str, Any], *, what: str, where: str) -> dict[str, Any]:
    """``arguments`` of provider class ``resource`` with each dict in a list of blocks made into its struct.

    :param what: the construct kind, for the message (``"UserPool"``).
    :param where: the construct path, for the message.
    :raises ConfigurationError: a dict with a key the block does not take, or without one it requires.
    """
    converted = dict(arguments)
    for argument, value in arguments.items():
        if not isinstance(value, list | tuple) or not any(isinstance(item, Mapping) for item in value):
            continue
        struct = _struct(resource, argument)
        if struct is None:
            continue
        converted[argument] = [_build(struct, item, argument, index, what, where) if isinstance(item, Mapping) else item
                               for index, item in enumerate(value)]
    return converted


def _build(struct: type, item: Mapping[str, Any], argument: str, index: int, what: str, where: str) -> Any:
    parameters = inspect.signature(struct).parameters  # the struct class: its keyword arguments
    takes = list(parameters)
    required = [n for n, p in parameters.items() if p.default is inspect.Parameter.empty]
    unknown = [k for k in item if k not in takes]
    missing = [k for k in required if k not in item]
    if unknown or missing:
        problem = (f"the key(s) {', '.join(map(repr, unknown))}, which {struct.__name__} does not take" if unknown
                   else f"no {', '.join(map(repr, missing))}, which {struct.__name__} requires")
        raise ConfigurationError(
            f"{what} {where!r} got {argument}[{index}]={dict(item)!r} with {problem}. Its keys are Python's "
            f"snake_case names: {', '.join(takes)}.",
            construct_path=where, argument=argument, value=dict(item), choices=takes,
        )
    return struct(**item)
