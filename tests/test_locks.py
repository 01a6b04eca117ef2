"""The two backends' lock files pin the same things, but for the framework."""

from __future__ import annotations

from tests.conftest import ROOT

#: Lines only the cdktf lock has, and only the cdktn lock has (cdktn pins constructs < 10.8).
CDKTF_ONLY = {"cdktf-cdktf-provider-aws", "constructs"}
CDKTN_ONLY = {"cdktn", "cdktn-provider-aws", "constructs"}


def pins(name: str) -> dict[str, str]:
    found = {}
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            dist, _, version = line.partition("==")
            assert version, f"{name}: {line!r} is not pinned with =="
            found[dist.lower().replace("_", "-")] = version
    return found


def test_locks_agree_but_for_the_framework() -> None:
    cdktf, cdktn = pins("requirements.lock"), pins("requirements-cdktn.lock")
    shared = {k: v for k, v in cdktf.items() if k not in CDKTF_ONLY}
    assert shared == {k: v for k, v in cdktn.items() if k not in CDKTN_ONLY}, "add the same pin to both lock files"
    assert cdktn["cdktn"] == "0.24.0" and cdktn["cdktn-provider-aws"] == "25.8.1"
    assert cdktf["cdktf"] == cdktn["cdktf"] == "0.21.0"  # cdktf's core: the cdktn suite's mixing test needs it
