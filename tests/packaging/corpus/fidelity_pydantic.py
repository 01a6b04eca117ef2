"""A pydantic model under ``from __future__ import annotations``: pydantic evaluates its annotations."""

from __future__ import annotations

import uuid
from typing import Optional

import pydantic


class SignUp(pydantic.BaseModel):
    id: uuid.UUID
    email: str
    referrer: Optional[str] = None


def handler(event, context):
    signup = SignUp(id=uuid.UUID(int=7), email=event["request"]["userAttributes"]["email"])
    return signup.model_dump(mode="json")
