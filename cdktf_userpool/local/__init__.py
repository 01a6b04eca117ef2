"""Deploy synthesized stacks for real, offline: Terraform applies them to an embedded AWS emulator.

- :class:`LocalAws`: the emulator (moto, with this library's additions) on loopback, as a context
  manager; :meth:`LocalAws.deploy` applies a stack from ``cdktf.out`` in a private working copy.
- :class:`Deployment`: the applied stack: outputs, resource addresses, user pools with their clients
  and triggers; :meth:`Deployment.plan` (the second plan: empty means no drift) and
  :meth:`Deployment.destroy`.
- :class:`ManagedLogin`: sign in through a deployed pool's managed login (its
  :attr:`DeployedUserPool.domain_url`) as a browser would: authorize with PKCE, the forms, the code exchange.
- ``python -m cdktf_userpool local up`` does the same from the command line and serves until interrupted.

Needs the ``local`` extra (``pip install 'cdktf-userpool[local]'``: moto, pinned), Terraform, and the
AWS provider (5.100 to 6.x; from a filesystem mirror offline). Importing this module loads none of
them: moto runs in the emulator's own process.
"""

from __future__ import annotations

from ..errors import LocalDeployError as LocalDeployError
from ..errors import LocalToolError as LocalToolError
from ..errors import ManagedLoginError as ManagedLoginError
from ..plan import PlannedChange as PlannedChange
from ._deployment import DeployedClient as DeployedClient
from ._deployment import DeployedUserPool as DeployedUserPool
from ._deployment import Deployment as Deployment
from ._emulator import LocalAws as LocalAws
from ._users import LocalUser as LocalUser
from .login._client import ManagedLogin as ManagedLogin
from .login._client import LoginPage as LoginPage

__all__ = [
    "DeployedClient",
    "DeployedUserPool",
    "Deployment",
    "LocalAws",
    "LocalDeployError",
    "LocalToolError",
    "LocalUser",
    "ManagedLogin",
    "ManagedLoginError",
    "LoginPage",
    "PlannedChange",
]
