"""Every Python snippet of the README runs, as a module of its own, and synthesizes."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from tests._framework import Testing as CdktfTesting
from tests._framework import rewrite_imports

README = Path(__file__).resolve().parent.parent / "README.md"
SNIPPETS = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
PREAMBLE = """\
from cdktf import App, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider

app = App()
stack = TerraformStack(app, "auth")
AwsProvider(stack, "aws", region="eu-west-1")
"""


def test_readme_has_snippets() -> None:
    assert len(SNIPPETS) >= 1  # the landing page's example; the site's pages have the rest (tests/test_docs.py)


def run_and_synthesize(snippet: str, name: str, tmp_path: Path) -> None:
    """Run ``snippet`` after the usual set-up (:data:`PREAMBLE`), as a module of its own, then synthesize its stack."""
    path = tmp_path / f"{name}.py"
    path.write_text(rewrite_imports(PREAMBLE + "\n" + snippet))  # the README and the site are written for cdktf
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    doc = json.loads(CdktfTesting.synth(module.stack))
    assert doc["provider"]["aws"] == [{"region": "eu-west-1"}]


@pytest.mark.parametrize("index", range(len(SNIPPETS)))
def test_snippet_runs_and_synthesizes(index: int, tmp_path: Path) -> None:
    run_and_synthesize(SNIPPETS[index], f"readme_snippet_{index}", tmp_path)
