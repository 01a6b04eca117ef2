"""Where the running library was installed from, as the requirement a new project installs it with.

pip records how it installed a distribution from a file, a folder or a repository in its
``direct_url.json`` (PEP 610): nothing for a package index, ``archive_info`` for a wheel or an sdist,
``dir_info`` for a folder (``editable`` for ``pip install -e``), ``vcs_info`` for a repository. A project
that ``init`` writes pins the index release in the first case; in the others it names the same file,
folder or commit, which pip resolves on this machine although no index has cdktf-userpool.
"""

from __future__ import annotations

import importlib.metadata
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlparse

from .._version import __version__

__all__ = ["Origin", "origin"]

DISTRIBUTION = "cdktf-userpool"


@dataclass(frozen=True)
class Origin:
    """How a new project installs this library.

    :ivar kind: ``"index"``, ``"wheel"`` (a built file), ``"directory"``, ``"editable"`` or ``"vcs"``.
    :ivar requirement: the line for ``requirements.txt``.
    :ivar note: what the project's README says of it (empty for an index release).
    """

    kind: str
    requirement: str
    note: str


def _release(extras: str) -> str:
    return f"{DISTRIBUTION}[{extras}]=={__version__}"


def _switch(extras: str) -> str:
    return f"Once cdktf-userpool {__version__} is on your package index, replace it with `{_release(extras)}`."


def _path(url: str) -> str:
    return unquote(urlparse(url).path)


def origin(extras: str, *, direct_url: str | None = None) -> Origin:
    """Where the running library came from, as :class:`Origin` for a project with ``extras``.

    :param direct_url: the text of ``direct_url.json`` (``""``: there is none). Default: read from the installed
        distribution.
    """
    if direct_url is None:
        # pip's record of the install (a ``.dist-info``), not the ``.egg-info`` a build leaves in a checkout,
        # which the current directory may put first on the path
        found = (d.read_text("direct_url.json") for d in importlib.metadata.distributions(name=DISTRIBUTION))
        direct_url = next((text for text in found if text), None)
    data: dict[str, Any] = json.loads(direct_url) if direct_url else {}
    url = str(data.get("url") or "")
    if not url:
        return Origin("index", _release(extras), "")
    named = f"{DISTRIBUTION}[{extras}] @ "
    if "archive_info" in data:
        info = data["archive_info"] or {}
        digest = (info.get("hashes") or {}).get("sha256") or str(info.get("hash") or "").removeprefix("sha256=")
        fragment = f"#sha256={digest}" if digest and "#" not in url else ""
        return Origin("wheel", named + url + fragment, (
            f"`requirements.txt` installs cdktf-userpool from the file this project was generated with, "
            f"`{_path(url)}` (checked by its SHA-256), since no package index has it yet. " + _switch(extras)))
    if "vcs_info" in data:
        info = data["vcs_info"] or {}
        commit = info.get("commit_id") or info.get("requested_revision") or ""
        return Origin("vcs", f"{named}{info.get('vcs', 'git')}+{url}" + (f"@{commit}" if commit else ""), (
            f"`requirements.txt` installs cdktf-userpool from the repository and commit this project was generated "
            "with. " + _switch(extras)))
    editable = bool((data.get("dir_info") or {}).get("editable"))
    folder = _path(url)
    note = f"`requirements.txt` installs cdktf-userpool from the checkout at `{folder}`, as it is when installed. "
    if editable:
        note += (f"This project was generated from an editable install of that checkout: to follow its changes as "
                 f"you edit it, run `.venv/bin/pip install -e '{folder}[{extras}]'` after `make` created `.venv`. ")
    return Origin("editable" if editable else "directory", named + url, note + _switch(extras))
