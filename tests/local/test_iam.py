"""Least privilege, checked by running it: a trigger's code runs as its role, with IAM enforced.

Stack ``grants`` has two pools whose post-confirmation trigger adds the new user to a group; only
one pool granted its function ``AdminAddUserToGroup``. The other's gets ``AccessDeniedException``,
as it would in AWS.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool.local import Deployment, LocalAws
from cdktf_userpool.testing import events

from .conftest import deploy

GROUP = "members"


@pytest.fixture(scope="module")
def grants(aws: LocalAws, toolchain: Any, test_app: Path) -> Deployment:
    return deploy(aws, test_app, "grants")


def confirm(deployment: Deployment, pool_name: str) -> tuple[dict[str, Any], Any, list[str]]:
    """Create a user in the pool, run its post-confirmation trigger on them; the answer and their groups."""
    pool = deployment.user_pool(pool_name)
    idp = deployment.client("cognito-idp")
    user = idp.admin_create_user(UserPoolId=pool.id, Username="ada@example.com", MessageAction="SUPPRESS")["User"]
    event = events.PostConfirmation_ConfirmSignUp(user_name=user["Username"], user_pool_id=pool.id, region=deployment.region)
    answer = deployment.client("lambda").invoke(FunctionName=pool.triggers["PostConfirmation"], Payload=json.dumps(event).encode())
    groups = idp.admin_list_groups_for_user(UserPoolId=pool.id, Username=user["Username"])["Groups"]
    return answer, json.loads(answer["Payload"].read()), [g["GroupName"] for g in groups]


def test_iam_is_enforced(aws: LocalAws) -> None:
    assert aws.enforce_iam


def test_with_the_grant_the_trigger_adds_the_user_to_the_group(grants: Deployment) -> None:
    answer, result, groups = confirm(grants, "Granted")
    assert "FunctionError" not in answer, result
    assert groups == [GROUP]


def test_without_the_grant_the_trigger_is_denied(grants: Deployment) -> None:
    answer, result, groups = confirm(grants, "Ungranted")
    assert answer["FunctionError"] == "Unhandled"
    assert "AccessDeniedException" in result["errorMessage"]
    assert "cognito-idp:AdminAddUserToGroup" in result["errorMessage"]
    assert groups == []


def test_the_grant_is_scoped_to_its_own_pool(grants: Deployment) -> None:
    """The granted function may not add users to the other pool's group."""
    granted, other = grants.user_pool("Granted"), grants.user_pool("Ungranted")
    idp = grants.client("cognito-idp")
    idp.admin_create_user(UserPoolId=other.id, Username="bob@example.com", MessageAction="SUPPRESS")
    event = events.PostConfirmation_ConfirmSignUp(user_name="bob@example.com", user_pool_id=other.id, region=grants.region)
    answer = grants.client("lambda").invoke(FunctionName=granted.triggers["PostConfirmation"], Payload=json.dumps(event).encode())
    assert answer["FunctionError"] == "Unhandled"
    assert "AccessDeniedException" in json.loads(answer["Payload"].read())["errorMessage"]
