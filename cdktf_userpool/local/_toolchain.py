"""Find Terraform and the AWS provider for the local deploy, from options, variables or the user's set-up.

Nothing here is a machine path: the binary is ``terraform=`` / ``$CDKTF_USERPOOL_TERRAFORM`` / the
``PATH``; providers are looked for in ``plugin_dir=`` / ``$CDKTF_USERPOOL_TF_PLUGIN_DIR``, then
``$TF_PLUGIN_CACHE_DIR``, then Terraform's implied local mirrors (``~/.terraform.d/plugins`` and
``$XDG_DATA_HOME``/``$XDG_DATA_DIRS`` ``terraform/plugins``), then, when no folder is named, a mirror
found in the machine's usual software folders (``/opt``, ``/usr/local``, ..., the home folder; see
:mod:`._mirrors`). A provider folder has Terraform's unpacked mirror layout,
``<dir>/<host>/<namespace>/<type>/<version>/<os>_<arch>/``, and counts when it holds the AWS provider
5.100 to 6.x for this platform. When none does, ``terraform init`` installs the stack's pinned one
the usual way (the user's CLI configuration, or the registry).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import LocalToolError
from ._mirrors import AWS_PROVIDER, aws_versions, mirror_contents, platform_name, search, version_key

TERRAFORM_ENV = "CDKTF_USERPOOL_TERRAFORM"
"""Environment variable naming the terraform executable. Default: ``terraform`` on the ``PATH``."""

PLUGIN_DIR_ENV = "CDKTF_USERPOOL_TF_PLUGIN_DIR"
"""Environment variable naming a provider folder (a Terraform filesystem mirror)."""

_TERRAFORM_FIX = (
    "Install Terraform 1.5 or later (https://developer.hashicorp.com/terraform/install) and put it on the PATH, "
    f"or set {TERRAFORM_ENV} to the terraform executable."
)
_VERSION_TIMEOUT = 30


@dataclass(frozen=True)
class Toolchain:
    """What the local deploy runs Terraform with.

    :ivar terraform: the terraform executable.
    :ivar terraform_version: its version, e.g. ``"1.11.4"``.
    :ivar mirror: a provider folder holding the AWS provider, or ``None`` to let ``terraform init``
        install it the user's usual way.
    :ivar mirrored: the providers (``host/namespace/type``) the mirror holds for this platform.
    :ivar aws_versions: the AWS provider versions the mirror holds, newest first.
    """

    terraform: str
    terraform_version: str
    mirror: Path | None
    mirrored: tuple[str, ...]
    aws_versions: tuple[str, ...]

    def provider_version(self, pinned: str | None) -> str | None:
        """The AWS provider version to pin in the working copy; ``None`` keeps the stack's ``pinned`` one.

        The stack's version when the mirror has it (or there is no mirror), else the newest the mirror has.
        """
        if not self.aws_versions or (pinned is not None and pinned in self.aws_versions):
            return None
        return self.aws_versions[0]


def candidate_folders(plugin_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """Where to look for providers, in order (see the module docstring); only folders that exist."""
    home = Path.home()
    data_home = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    data_dirs = (os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")
    named = [plugin_dir, os.environ.get(PLUGIN_DIR_ENV), os.environ.get("TF_PLUGIN_CACHE_DIR")]
    implied = [home / ".terraform.d" / "plugins", Path(data_home) / "terraform" / "plugins"]
    implied += [Path(d) / "terraform" / "plugins" for d in data_dirs if d]
    folders = [Path(p).expanduser() for p in named if p] + implied
    return [f for f in dict.fromkeys(folders) if f.is_dir()]


def find_terraform(terraform: str | os.PathLike[str] | None = None) -> tuple[str, str]:
    """The terraform executable and its version.

    :param terraform: the executable (a path or a name on the ``PATH``). Default: ``$CDKTF_USERPOOL_TERRAFORM``,
        else ``terraform`` on the ``PATH``.
    :raises LocalToolError: if it cannot be found or does not run.
    """
    wanted = os.fspath(terraform) if terraform else os.environ.get(TERRAFORM_ENV) or "terraform"
    found = shutil.which(wanted)
    if found is None:
        where = "terraform=" if terraform else (TERRAFORM_ENV if os.environ.get(TERRAFORM_ENV) else "the PATH")
        raise LocalToolError(
            f"terraform was not found (looked for {wanted!r} via {where}). {_TERRAFORM_FIX}",
            tool="terraform",
            fix=_TERRAFORM_FIX,
        )
    try:
        done = subprocess.run(
            [found, "version", "-json"], capture_output=True, text=True, timeout=_VERSION_TIMEOUT,
            env={**os.environ, "CHECKPOINT_DISABLE": "1"},
        )
        version = str(json.loads(done.stdout)["terraform_version"])
    except (OSError, subprocess.SubprocessError, ValueError, KeyError) as exc:
        raise LocalToolError(
            f"{found} does not answer 'terraform version -json' ({exc}). {_TERRAFORM_FIX}",
            tool="terraform",
            fix=_TERRAFORM_FIX,
        ) from exc
    if version_key(version) < (1, 5):
        raise LocalToolError(
            f"{found} is Terraform {version}; the local deploy needs 1.5 or later. {_TERRAFORM_FIX}",
            tool="terraform",
            fix=_TERRAFORM_FIX,
        )
    return found, version


def find_toolchain(
    terraform: str | os.PathLike[str] | None = None, plugin_dir: str | os.PathLike[str] | None = None
) -> Toolchain:
    """Terraform and the folder to install the AWS provider from.

    :param terraform: see :func:`find_terraform`.
    :param plugin_dir: a provider folder to use first. Default: ``$CDKTF_USERPOOL_TF_PLUGIN_DIR``, then
        the user's plugin cache and implied mirrors.
    :raises LocalToolError: if terraform is missing, or ``plugin_dir`` (or the variable) is given but holds
        no AWS provider from 5.100 to 6.x for this platform.
    """
    binary, version = find_terraform(terraform)
    explicit = plugin_dir or os.environ.get(PLUGIN_DIR_ENV)
    for folder in candidate_folders(plugin_dir):
        versions = aws_versions(folder)
        if versions:
            return Toolchain(binary, version, folder, tuple(sorted(mirror_contents(folder))), versions)
        if explicit and folder == Path(explicit).expanduser():
            break
    if not explicit:
        found = _searched()
        if found is not None:
            return Toolchain(binary, version, found, tuple(sorted(mirror_contents(found))), aws_versions(found))
    if explicit:
        fix = (
            f"Point plugin_dir (or {PLUGIN_DIR_ENV}) at a folder laid out as "
            f"<dir>/{AWS_PROVIDER}/<version>/{platform_name()}/terraform-provider-aws_*, "
            "holding version 5.100.0 or a later 5.x or 6.x."
        )
        raise LocalToolError(
            f"{os.fspath(explicit)!r} holds no hashicorp/aws provider from 5.100 to 6.x for {platform_name()}. {fix}",
            tool="hashicorp/aws",
            fix=fix,
        )
    return Toolchain(binary, version, None, (), ())


@functools.lru_cache(maxsize=1)
def _searched() -> Path | None:
    """A mirror found by searching the machine's usual software folders (once per process)."""
    return search()


def cli_config(toolchain: Toolchain) -> str:
    """A Terraform CLI configuration installing the mirror's providers from it and any others directly."""
    if toolchain.mirror is None:
        return ""
    included = json.dumps(list(toolchain.mirrored))
    return (
        "provider_installation {\n"
        f"  filesystem_mirror {{\n    path    = {json.dumps(str(toolchain.mirror))}\n    include = {included}\n  }}\n"
        f"  direct {{\n    exclude = {included}\n  }}\n"
        "}\n"
    )


MISSING_PROVIDER_FIX = (
    f"Set {PLUGIN_DIR_ENV} (or plugin_dir=) to a folder holding hashicorp/aws 5.100.0 or later as "
    f"<dir>/{AWS_PROVIDER}/<version>/<os>_<arch>/, or run where the Terraform registry is reachable."
)
