"""The public API is pinned, so changes to it are deliberate."""

from __future__ import annotations

import cdktf_userpool


def test_all_is_pinned() -> None:
    assert sorted(cdktf_userpool.__all__) == sorted(
        [
            "TRIGGERS",
            "ArgumentTypeError",
            "BackendError",
            "BackendMismatchError",
            "CaptureError",
            "ConfigurationError",
            "DependencyError",
            "Function",
            "IdentityPool",
            "IdentityPoolRole",
            "ImportedFunction",
            "ImportedPoolError",
            "LambdaTrigger",
            "LambdaTriggers",
            "Layer",
            "LocalDeployError",
            "LocalToolError",
            "NoLocalCodeError",
            "PackagingError",
            "ResourceServer",
            "ResourceServerScope",
            "RuntimeMismatchError",
            "RuntimeMismatchWarning",
            "SnapshotError",
            "TriggerConflictError",
            "TriggerCycleError",
            "TriggerInvocationError",
            "TriggerSpec",
            "UnknownTriggerError",
            "UserPool",
            "UserPoolClient",
            "UserPoolDomain",
            "UserPoolError",
            "UserPoolGroup",
            "UserPoolOperation",
            "UserPoolWarning",
            "__version__",
            "moved_from",
        ]
    )
    for name in cdktf_userpool.__all__:
        assert hasattr(cdktf_userpool, name)


def test_public_names_have_docstrings() -> None:
    for name in cdktf_userpool.__all__:
        obj = getattr(cdktf_userpool, name)
        if callable(obj):
            assert obj.__doc__, name
    for method in ("on", "on_pre_sign_up", "from_", "from_user_pool_id", "from_user_pool_arn", "add_client",
                   "add_domain", "add_resource_server", "add_group", "add_identity_pool", "grant",
                   "grant_manage_users", "grant_read_users"):
        assert getattr(cdktf_userpool.UserPool, method).__doc__, method


def test_lambda_triggers_type_has_one_key_per_trigger() -> None:
    """The TypedDict behind ``lambda_triggers=`` keeps up with the trigger table."""
    keys = cdktf_userpool.LambdaTriggers.__optional_keys__
    assert sorted(keys) == sorted(spec.snake_name for spec in cdktf_userpool.TRIGGERS.values())
    assert not cdktf_userpool.LambdaTriggers.__required_keys__


def test_local_api_is_pinned_and_cheap_to_import() -> None:
    """``cdktf_userpool.local`` exports its names and loads neither moto nor boto3 on import."""
    import subprocess
    import sys

    import cdktf_userpool.local as local

    assert sorted(local.__all__) == [
        "DeployedClient", "DeployedUserPool", "Deployment", "LocalAws", "LocalDeployError", "LocalToolError", "LocalUser",
        "LoginPage", "ManagedLogin", "ManagedLoginError", "PlannedChange",
    ]
    for name in local.__all__:
        assert getattr(local, name).__doc__, name
    assert local.LocalDeployError is cdktf_userpool.LocalDeployError
    code = "import sys, cdktf_userpool.local; print(sorted(m for m in ('moto', 'boto3', 'flask') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert loaded.stdout.strip() == "[]"


def test_plan_api_is_pinned() -> None:
    import cdktf_userpool.plan

    assert sorted(cdktf_userpool.plan.__all__) == [
        "PlanReport", "PlannedChange", "PoolReport", "TriggerChange", "Ungrouped", "Unreadable", "report", "resource_changes",
    ]
