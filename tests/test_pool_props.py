"""``UserPoolProps`` (the typed pass-through arguments of ``UserPool``) matches the pinned provider's signature."""

from __future__ import annotations

import inspect
import re
import typing
from typing import Any

from tests._framework import CognitoUserPool

from cdktf_userpool._core.cdk import aws, core

from cdktf_userpool._pool.props import UserPoolProps

#: ``lambda_config`` belongs to UserPool; ``id`` would collide with the construct id.
LEFT_OUT = ("self", "scope", "id_", "id", "lambda_config")


def render(annotation: Any) -> str:
    """An annotation as ``_pool_props.py`` writes it (``cognito_user_pool.X`` for the provider's structs)."""
    text = f"{annotation.__module__}.{annotation.__qualname__}" if isinstance(annotation, type) else repr(annotation)
    text = re.sub(r"ForwardRef\('(\w+)'\)", r"cognito_user_pool.\1", text.replace("builtins.", ""))
    return text.replace("NoneType", "None")


def expected() -> dict[str, str]:
    parameters = inspect.signature(CognitoUserPool.__init__).parameters
    return {name: render(p.annotation) for name, p in parameters.items() if name not in LEFT_OUT}


def test_props_follow_the_provider() -> None:
    # compared as types, not text: cdktn's bindings store string annotations, cdktf's real ones
    namespace = {"cdktf": core(), "cognito_user_pool": aws("cognito_user_pool"), "typing": typing}
    written = typing.get_type_hints(UserPoolProps, localns=namespace)
    hints = typing.get_type_hints(CognitoUserPool.__init__)
    names = [name for name in inspect.signature(CognitoUserPool.__init__).parameters if name not in LEFT_OUT]
    fresh = {name: hints[name] for name in names}
    assert list(written) == names and written == fresh, (
        "regenerate the class body of cdktf_userpool/_pool/props.py:\n"
        + "\n".join(f"    {name}: {annotation}" for name, annotation in expected().items())
    )


def test_props_are_all_optional_and_known_to_the_runtime_check() -> None:
    from cdktf_userpool._pool.user_pool import _pool_props

    assert not UserPoolProps.__required_keys__
    assert set(UserPoolProps.__optional_keys__) == set(_pool_props()) - {"id"}
