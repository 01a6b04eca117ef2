"""Fake infrastructure: the tests' ``is_infrastructure`` seam recognizes instances of ``Construct``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Construct:
    """Stands in for ``constructs.Construct``."""

    def __init__(self, id: str = "fake") -> None:
        self.id = id
        self.registered: list[Callable[..., Any]] = []


class FakeUserPool(Construct):
    """Registration methods that return the function unchanged, like ``UserPool.on_*``."""

    def on_pre_sign_up(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        self.registered.append(fn)
        return fn

    def on(self, operation: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            self.registered.append(fn)
            return fn

        return register


class UserPool(FakeUserPool):
    """Named like the library's construct: reading it from a trigger gets the user-pool hint."""

    user_pool_id = "${TfToken[TOKEN.40]}"


def is_infrastructure(obj: object) -> bool:
    """The seam the tests pass: constructs, and methods bound to one."""
    return isinstance(obj, Construct) or isinstance(getattr(obj, "__self__", None), Construct)


def is_token(value: str) -> bool:
    """The seam the tests pass: strings that contain a fake Terraform token."""
    return "${TfToken[" in value
