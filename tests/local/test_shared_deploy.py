"""The example app's ``shared`` stack: its updater really runs (through the runner) on a pool made elsewhere.

``prepare`` creates the other team's pool, with a trigger of theirs; apply sets this stack's
PreSignUp beside it, the second plan is empty, and destroy puts their configuration back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool.local import Deployment, LocalAws
from cdktf_userpool.local._cli import load_function

from .conftest import ROOT, deploy

PREPARE = f"{ROOT / 'examples' / 'prepare_local.py'}:prepare"
SHARED_POOL = "eu-west-1_SharedPool1"
TEAM_TRIGGER = "arn:aws:lambda:eu-west-1:123456789012:function:team-welcome"


@pytest.fixture(scope="module")
def shared(aws: LocalAws, toolchain: Any, example_outdir: Path) -> Deployment:
    return deploy(aws, example_outdir, "shared", prepare=load_function(PREPARE))


def lambda_config(deployment: Deployment) -> dict[str, Any]:
    described = deployment.client("cognito-idp").describe_user_pool(UserPoolId=SHARED_POOL)["UserPool"]
    return dict(described.get("LambdaConfig") or {})


def test_the_updater_set_this_stacks_trigger_and_kept_theirs(shared: Deployment) -> None:
    pool = shared.user_pool("Shared")
    assert not pool.managed and pool.id == SHARED_POOL and pool.address.startswith("data.aws_cognito_user_pool.")
    function = next(a for a in shared.addresses if a.startswith("aws_lambda_function.Shared_PreSignUp"))
    ours = shared.resource(function)["arn"]
    assert lambda_config(shared) == {"PostConfirmation": TEAM_TRIGGER, "PreSignUp": ours}
    assert dict(pool.triggers) == {"PostConfirmation": TEAM_TRIGGER, "PreSignUp": ours}
    invocation = next(a for a in shared.addresses if a.startswith("aws_lambda_invocation."))
    result = json.loads(shared.resource(invocation)["result"])
    assert result["changed"] is True


def test_second_plan_is_empty(shared: Deployment) -> None:
    assert shared.plan() == []


def test_destroy_restores_the_other_teams_configuration(shared: Deployment) -> None:
    shared.destroy()
    assert lambda_config(shared) == {"PostConfirmation": TEAM_TRIGGER}
