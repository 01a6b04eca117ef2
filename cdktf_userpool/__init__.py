"""cdktf-userpool: Amazon Cognito user pools with Python Lambda triggers, for CDK for Terraform.

Names are imported on first use (PEP 562), so ``import cdktf_userpool.events`` or
``cdktf_userpool.testing.events`` stays cheap: only ``UserPool``, ``Function`` and their friends
load cdktf and the AWS provider.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__
from .errors import ArgumentTypeError as ArgumentTypeError
from .errors import BackendError as BackendError
from .errors import BackendMismatchError as BackendMismatchError
from .errors import CaptureError as CaptureError
from .errors import ConfigurationError as ConfigurationError
from .errors import DependencyError as DependencyError
from .errors import ImportedPoolError as ImportedPoolError
from .errors import LocalDeployError as LocalDeployError
from .errors import LocalToolError as LocalToolError
from .errors import NoLocalCodeError as NoLocalCodeError
from .errors import PackagingError as PackagingError
from .errors import RuntimeMismatchError as RuntimeMismatchError
from .errors import RuntimeMismatchWarning as RuntimeMismatchWarning
from .errors import SnapshotError as SnapshotError
from .errors import TriggerConflictError as TriggerConflictError
from .errors import TriggerCycleError as TriggerCycleError
from .errors import TriggerInvocationError as TriggerInvocationError
from .errors import UnknownTriggerError as UnknownTriggerError
from .errors import UserPoolError as UserPoolError
from .errors import UserPoolWarning as UserPoolWarning
from ._pool.lambda_triggers import LambdaTrigger as LambdaTrigger
from ._pool.lambda_triggers import LambdaTriggers as LambdaTriggers
from ._pool.triggers import TRIGGERS as TRIGGERS
from ._pool.triggers import TriggerSpec as TriggerSpec
from ._pool.triggers import UserPoolOperation as UserPoolOperation

if TYPE_CHECKING:
    from ._pool.client import UserPoolClient as UserPoolClient
    from ._pool.domain import UserPoolDomain as UserPoolDomain
    from ._pool.group import UserPoolGroup as UserPoolGroup
    from ._pool.identity_pool import IdentityPool as IdentityPool
    from ._pool.identity_pool import IdentityPoolRole as IdentityPoolRole
    from ._pool.resource_server import ResourceServer as ResourceServer
    from ._pool.resource_server import ResourceServerScope as ResourceServerScope
    from ._functions.function import Function as Function
    from ._functions.function import ImportedFunction as ImportedFunction
    from ._functions.layer import Layer as Layer
    from ._core.moves import moved_from as moved_from
    from ._pool.user_pool import UserPool as UserPool

_LAZY = {
    "IdentityPool": "_pool.identity_pool",
    "IdentityPoolRole": "_pool.identity_pool",
    "ResourceServer": "_pool.resource_server",
    "ResourceServerScope": "_pool.resource_server",
    "UserPoolClient": "_pool.client",
    "UserPoolDomain": "_pool.domain",
    "UserPoolGroup": "_pool.group",
    "Function": "_functions.function",
    "ImportedFunction": "_functions.function",
    "Layer": "_functions.layer",
    "UserPool": "_pool.user_pool",
    "moved_from": "_core.moves",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
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
