"""The dependency closure: installed versions, target markers, extras, and what the Lambda runtime provides."""

from __future__ import annotations

from pathlib import Path

import pytest
from packaging.requirements import Requirement

from cdktf_userpool._packaging._closure import Installed, Root, target_environment, walk

LAMBDA = target_environment("python3.13", "arm64")


def fake_site(root: Path, *dists: tuple[str, str, list[str]]) -> Installed:
    """A site directory holding only the metadata of ``dists`` (name, version, Requires-Dist)."""
    for name, version, requires in dists:
        info = root / f"{name.replace('-', '_')}-{version}.dist-info"
        info.mkdir(parents=True)
        lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", *(f"Requires-Dist: {r}" for r in requires)]
        (info / "METADATA").write_text("\n".join(lines) + "\n")
    return Installed([str(root)])


def roots(*texts: str, explicit: bool = True) -> list[Root]:
    return [Root(Requirement(text), explicit) for text in texts]


def test_indirect_dependencies_are_pinned_to_the_installed_versions(tmp_path: Path) -> None:
    site = fake_site(
        tmp_path,
        ("requests", "2.32.3", ["idna<4,>=2.5", "urllib3<3,>=1.21.1", "certifi>=2017.4.17"]),
        ("idna", "3.10", []),
        ("urllib3", "2.2.3", []),
        ("certifi", "2024.8.30", []),
        ("unrelated", "1.0", []),
    )
    closure = walk(roots("requests==2.32.3", explicit=False), site, LAMBDA)
    assert closure.pins == ("certifi==2024.8.30", "idna==3.10", "requests==2.32.3", "urllib3==2.2.3")
    assert closure.unresolved == [] and closure.skipped == {}


@pytest.mark.parametrize(
    ("runtime", "architecture", "expected"),
    [
        ("python3.11", "x86_64", {"app", "backport", "x86-only"}),
        ("python3.13", "x86_64", {"app", "x86-only"}),
        ("python3.13", "arm64", {"app", "arm-only"}),
    ],
)
def test_markers_are_evaluated_for_the_lambda_not_this_machine(
    tmp_path: Path, runtime: str, architecture: str, expected: set[str]
) -> None:
    site = fake_site(
        tmp_path,
        (
            "app",
            "1.0",
            [
                'backport>=1; python_version < "3.12"',
                'x86-only; platform_machine == "x86_64"',
                'arm-only; platform_machine == "aarch64" and sys_platform == "linux"',
                'windows-only; sys_platform == "win32"',
                'pypy-only; platform_python_implementation == "PyPy"',
                'mac-only; platform_system == "Darwin"',
            ],
        ),
        *((name, "1.0", []) for name in ("backport", "x86-only", "arm-only", "windows-only", "pypy-only", "mac-only")),
    )
    closure = walk(roots("app"), site, target_environment(runtime, architecture))
    assert set(closure.dists) == expected


def test_a_root_whose_marker_is_false_on_the_target_is_dropped(tmp_path: Path) -> None:
    site = fake_site(tmp_path, ("tomli", "2.0.1", []))
    assert walk(roots('tomli; python_version < "3.11"'), site, LAMBDA).dists == {}


def test_extras_bring_their_packages_and_propagate(tmp_path: Path) -> None:
    site = fake_site(
        tmp_path,
        (
            "aws-lambda-powertools",
            "3.37.0",
            ["jmespath<2,>=1.0.1", "typing-extensions>=4.11", "aws-xray-sdk<3,>=2.8; extra == 'tracer'", "pydantic<3; extra == 'parser'"],
        ),
        ("aws-xray-sdk", "2.14.0", ["wrapt", "botocore>=1.11.3", "fancy[speedups]; extra == 'full'"]),
        ("wrapt", "1.16.0", []),
        ("typing-extensions", "4.12.2", []),
        ("pydantic", "2.9.0", []),
        ("fancy", "1.0", ["speedy; extra == 'speedups'"]),
        ("speedy", "0.1", []),
        ("jmespath", "1.0.1", []),
        ("botocore", "1.35.0", []),
    )
    plain = walk(roots("aws-lambda-powertools"), site, LAMBDA)
    assert plain.pins == ("aws-lambda-powertools==3.37.0", "typing-extensions==4.12.2")
    tracer = walk(roots("aws-lambda-powertools[tracer]"), site, LAMBDA)
    assert tracer.pins == ("aws-lambda-powertools==3.37.0", "aws-xray-sdk==2.14.0", "typing-extensions==4.12.2", "wrapt==1.16.0")
    assert tracer.skipped == {"botocore": "aws-xray-sdk==2.14.0", "jmespath": "aws-lambda-powertools==3.37.0"}
    # an extra asked of a distribution already reached without it, and an extra of an extra's package
    both = walk(roots("aws-xray-sdk", "aws-lambda-powertools[tracer]", "aws-xray-sdk[full]"), site, LAMBDA)
    assert {"fancy", "speedy"} <= set(both.dists)
    assert both.extras["aws-xray-sdk"] == {"full"}


def test_the_runtimes_sdk_is_left_out_when_it_arrives_indirectly(tmp_path: Path) -> None:
    site = fake_site(
        tmp_path,
        ("mylib", "1.0", ["boto3>=1.20", "urllib3<3"]),
        ("boto3", "1.35.0", ["botocore<1.36,>=1.35.0", "jmespath<2,>=0.7.1", "s3transfer<0.11,>=0.10.0"]),
        ("botocore", "1.35.0", ["jmespath", "python-dateutil<3,>=2.1", "urllib3!=2.2.0,<3,>=1.25.4"]),
        ("s3transfer", "0.10.2", ["botocore<2,>=1.33.2"]),
        ("jmespath", "1.0.1", []),
        ("python-dateutil", "2.9.0.post0", ["six>=1.5"]),
        ("six", "1.16.0", []),
        ("urllib3", "2.2.3", []),
    )
    closure = walk(roots("mylib"), site, LAMBDA)
    # urllib3 stays (mylib needs it); dateutil and six came only through botocore
    assert closure.pins == ("mylib==1.0", "urllib3==2.2.3")
    assert closure.skipped == {"boto3": "mylib==1.0"}


def test_an_explicit_boto3_ships_with_its_whole_closure(tmp_path: Path) -> None:
    site = fake_site(
        tmp_path,
        ("boto3", "1.35.0", ["botocore<1.36,>=1.35.0", "jmespath<2,>=0.7.1", "s3transfer<0.11,>=0.10.0"]),
        ("botocore", "1.35.0", ["jmespath", "python-dateutil<3,>=2.1", "urllib3!=2.2.0,<3,>=1.25.4"]),
        ("s3transfer", "0.10.2", ["botocore<2,>=1.33.2"]),
        ("jmespath", "1.0.1", []),
        ("python-dateutil", "2.9.0.post0", ["six>=1.5"]),
        ("six", "1.16.0", []),
        ("urllib3", "2.2.3", []),
    )
    closure = walk(roots("boto3>=1.35"), site, LAMBDA)
    assert set(closure.dists) == {"boto3", "botocore", "s3transfer", "jmespath", "python-dateutil", "six", "urllib3"}
    assert closure.skipped == {}
    # only an explicit boto3 counts: one that is not asked for is the runtime's
    detected = walk(roots("boto3==1.35.0", explicit=False), site, LAMBDA)
    assert detected.dists == {} and detected.skipped == {"boto3": "an import"}


def test_what_the_installed_versions_cannot_satisfy_is_unresolved(tmp_path: Path) -> None:
    site = fake_site(tmp_path, ("pydantic", "2.8.0", ["pydantic-core==2.20.1", "annotated-types>=0.4"]), ("annotated-types", "0.7.0", []))
    closure = walk(roots("pydantic>=2.9", "annotated-types"), site, LAMBDA)
    assert [(str(r), by) for r, by in closure.unresolved] == [("pydantic>=2.9", "requirements=")]
    closure = walk(roots("pydantic"), site, LAMBDA)
    assert [(str(r), by) for r, by in closure.unresolved] == [("pydantic-core==2.20.1", "pydantic==2.8.0")]
    # a URL requirement is pip's to fetch, even when a distribution of that name is installed
    closure = walk(roots("pydantic @ https://example.com/pydantic-2.8.0-py3-none-any.whl"), site, LAMBDA)
    assert [by for _, by in closure.unresolved] == ["requirements="]


def test_target_environment_describes_lambda() -> None:
    env = target_environment("python3.12", "x86_64")
    assert (env["python_version"], env["python_full_version"], env["sys_platform"]) == ("3.12", "3.12.0", "linux")
    assert (env["platform_machine"], env["platform_python_implementation"], env["implementation_name"]) == ("x86_64", "CPython", "cpython")
    assert target_environment("python3.13", "arm64")["platform_machine"] == "aarch64"
