"""``UserPoolProps`` (the typed pass-through arguments of ``UserPool``) matches the pinned provider's signature."""

from __future__ import annotations

import inspect
import re
from typing import Any

from cdktf_cdktf_provider_aws.cognito_user_pool import CognitoUserPool

from cdktf_userpool._pool_props import UserPoolProps

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
    written = {name: getattr(ref, "__forward_arg__", ref) for name, ref in UserPoolProps.__annotations__.items()}
    fresh = expected()
    assert written == fresh, "regenerate the class body of cdktf_userpool/_pool_props.py:\n" + "\n".join(
        f"    {name}: {annotation}" for name, annotation in fresh.items()
    )


def test_props_are_all_optional_and_known_to_the_runtime_check() -> None:
    from cdktf_userpool.user_pool import _pool_props

    assert not UserPoolProps.__required_keys__
    assert set(UserPoolProps.__optional_keys__) == set(_pool_props()) - {"id"}
