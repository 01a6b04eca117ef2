"""Shared fixtures: quiet jsii, and keep packages built by tests out of the user's cache."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
os.environ.setdefault("CHECKPOINT_DISABLE", "1")


@pytest.fixture(scope="session", autouse=True)
def package_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Keep packages built by tests out of the user's cache."""
    path = str(tmp_path_factory.mktemp("package-cache"))
    os.environ["CDKTF_USERPOOL_CACHE_DIR"] = path
    return path

