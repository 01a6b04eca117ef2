"""Third-party dependencies: the whole closure pinned, installed for Lambda's platform, cached, refused clearly."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from cdktf_userpool import DependencyError
from cdktf_userpool._packaging.dependencies import cache_key, install, pin, platforms, read_lock
from tests._framework import rewrite_imports
from tests.test_closure import fake_site

ROOT = Path(__file__).resolve().parent.parent
HOST = {**default_environment(), "python_version": "3.14", "platform_machine": "x86_64"}
"""The machine the fake pip runs on: its markers are not the target's (as with real pip)."""


class FakePip:
    """Answers pip's commands from a fake index (name -> version -> Requires-Dist), recording every call.

    ``install --target`` writes a tiny distribution per pin; ``install --dry-run --report``
    resolves (newest matching version, markers evaluated for :data:`HOST`, as pip does) and
    writes a report; ``index versions`` lists versions.
    """

    def __init__(self, index: dict[str, dict[str, list[str]]] | None = None, *, stderr: str = "") -> None:
        self.index = index or {"tiny": {"1.0": [], "1.1": []}}
        self.stderr = stderr
        self.calls: list[list[str]] = []
        self.constraint_files: list[str] = []  # the --constraint file of each resolution, read while it exists

    def __call__(self, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        args = list(args)
        self.calls.append(args)
        if self.stderr:
            return self.done(args, 1, self.stderr)
        if args[:2] == ["index", "versions"]:
            versions = self.index.get(canonicalize_name(args[2]))
            if versions is None:
                return self.done(args, 1, f"ERROR: No matching distribution found for {args[2]}\n")
            listed = ", ".join(sorted(versions, key=Version, reverse=True))
            return self.done(args, 0, "", f"{args[2]} ({listed.split(',')[0]})\nAvailable versions: {listed}\n")
        wanted = [a for a in args[1:] if not a.startswith("-") and a not in self.values(args)]
        constraints = self.constraints(args)
        if "--dry-run" in args:
            self.constraint_files.append(Path(args[args.index("--constraint") + 1]).read_text() if constraints else "")
            return self.resolve(args, wanted, constraints)
        target = Path(args[args.index("--target") + 1])
        for text in wanted:
            requirement = Requirement(text)
            (version,) = [s.version for s in requirement.specifier]
            if version not in self.index.get(canonicalize_name(requirement.name), {}):
                return self.missing(args, text)
            package = target / requirement.name.replace("-", "_")
            package.mkdir()
            (package / "__init__.py").write_text(f"VERSION = {version!r}\n")
            (package / "__pycache__").mkdir()
            (package / "__pycache__" / "x.pyc").write_bytes(b"\0")
            info = target / f"{requirement.name.replace('-', '_')}-{version}.dist-info"
            info.mkdir()
            (info / "METADATA").write_text(f"Name: {requirement.name}\nVersion: {version}\n")
            (info / "RECORD").write_text("/abs/path\n")
        (target / "bin").mkdir(exist_ok=True)
        (target / "bin" / "tool").write_text("#!/usr/bin/python3\n")
        return self.done(args, 0, "")

    @staticmethod
    def values(args: list[str]) -> set[str]:
        options = ("--target", "--report", "--constraint", "--platform", "--python-version", "--implementation")
        return {args[i + 1] for i, a in enumerate(args) if a in options}

    @staticmethod
    def constraints(args: list[str]) -> dict[str, str]:
        if "--constraint" not in args:
            return {}
        lines = Path(args[args.index("--constraint") + 1]).read_text().split()
        return {canonicalize_name(n): v for n, v in (line.split("==") for line in lines)}

    def resolve(self, args: list[str], wanted: list[str], constraints: dict[str, str]) -> subprocess.CompletedProcess[str]:
        chosen: dict[str, tuple[str, list[str], list[str]]] = {}
        queue = [Requirement(text) for text in wanted]
        while queue:
            requirement = queue.pop(0)
            name = canonicalize_name(requirement.name)
            if requirement.marker is not None and not requirement.marker.evaluate({**HOST, "extra": ""}):
                continue
            if name in chosen:
                if not requirement.specifier.contains(chosen[name][0], prereleases=True):
                    return self.done(args, 1, "ERROR: Cannot install x because these package versions have conflicting dependencies.\nERROR: ResolutionImpossible: for help visit ...\n")
                continue
            versions = [v for v in self.index.get(name, {}) if requirement.specifier.contains(v, prereleases=True)]
            if name in constraints:
                if constraints[name] not in versions:
                    cause = f"The conflict is caused by:\n    The user requested (constraint) {name}=={constraints[name]}\n"
                    return self.done(args, 1, f"{cause}ERROR: ResolutionImpossible: for help visit ...\n")
                versions = [constraints[name]]
            if not versions:
                return self.missing(args, str(requirement))
            version = max(versions, key=Version)
            requires = self.index[name][version]
            chosen[name] = (version, requires, sorted(requirement.extras))
            if "--no-deps" not in args:
                for text in requires:
                    dependency = Requirement(text)
                    extras = [""] + sorted(requirement.extras)
                    if dependency.marker is None or any(dependency.marker.evaluate({**HOST, "extra": e}) for e in extras):
                        dependency.marker = None
                        queue.append(dependency)
        items = [
            {"metadata": {"name": n, "version": v, "requires_dist": r}, "is_direct": False, "requested_extras": e, "download_info": {"url": f"https://files.example/{n}-{v}.whl"}}
            for n, (v, r, e) in chosen.items()
        ]
        Path(args[args.index("--report") + 1]).write_text(json.dumps({"version": "1", "install": items}))
        return self.done(args, 0, "")

    def missing(self, args: list[str], text: str) -> subprocess.CompletedProcess[str]:
        name = canonicalize_name(Requirement(text).name)
        versions = ", ".join(sorted(self.index.get(name, {}), key=Version)) or "none"
        stderr = f"ERROR: Could not find a version that satisfies the requirement {text} (from versions: {versions})\nERROR: No matching distribution found for {text}\n"
        return self.done(args, 1, stderr)

    @staticmethod
    def done(args: list[str], code: int, stderr: str, stdout: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(args, code, stdout, stderr)

    def installs(self) -> list[list[str]]:
        return [c for c in self.calls if c[0] == "install" and "--dry-run" not in c]

    def resolutions(self) -> list[list[str]]:
        return [c for c in self.calls if "--dry-run" in c]


POWERTOOLS = [
    "jmespath<2.0.0,>=1.0.1",
    "typing-extensions<5.0.0,>=4.11.0",
    "aws-xray-sdk<3.0.0,>=2.8.0; extra == 'tracer'",
    "boto3<2.0.0,>=1.34.32; extra == 'aws-sdk'",
]
INDEX = {
    "aws-lambda-powertools": {"3.37.0": POWERTOOLS, "3.38.0": POWERTOOLS},
    "aws-xray-sdk": {"2.14.0": ["wrapt", "botocore>=1.11.3"], "2.15.0": ["wrapt", "botocore>=1.11.3"]},
    "wrapt": {"1.16.0": [], "1.17.0": []},
    "typing-extensions": {"4.12.2": [], "4.13.0": []},
    "jmespath": {"1.0.1": []},
    "botocore": {"1.35.0": ["jmespath", "urllib3"]},
    "urllib3": {"2.2.3": []},
    "backports-zstd": {"1.0.0": []},
    "zstd-user": {"1.0": ["backports-zstd; python_version < '3.14'"]},
    "six": {"1.16.0": [], "1.17.0": []},
}


@pytest.fixture
def site(tmp_path: Path) -> Any:
    """This machine's installed distributions: powertools without its tracer extra, and six."""
    return fake_site(
        tmp_path / "site",
        ("aws-lambda-powertools", "3.37.0", POWERTOOLS),
        ("typing-extensions", "4.12.2", []),
        ("jmespath", "1.0.1", []),
        ("wrapt", "1.16.0", []),
        ("six", "1.17.0", []),
    )


def pinned(*args: Any, **kwargs: Any) -> Any:
    kwargs.setdefault("runtime", "python3.13")
    kwargs.setdefault("architecture", "arm64")
    return pin(*args, **kwargs)


def test_installed_closure_is_pinned_without_asking_pip(tmp_path: Path, site: Any) -> None:
    pip = FakePip(INDEX)
    result = pinned(["aws_lambda_powertools==3.37.0"], [], cache_dir=tmp_path, installed=site, pip=pip)
    assert result.requirements == ("aws-lambda-powertools==3.37.0", "typing-extensions==4.12.2")
    assert result.skipped == ("jmespath",)
    assert pip.calls == []


def test_an_extra_not_installed_here_is_resolved_for_the_target_preferring_installed_versions(tmp_path: Path, site: Any) -> None:
    pip = FakePip(INDEX)
    result = pinned([], ["aws-lambda-powertools[tracer]"], cache_dir=tmp_path, installed=site, pip=pip)
    # wrapt 1.16.0 is what is installed here (1.17.0 is newer); botocore arrived through aws-xray-sdk
    assert result.requirements == ("aws-lambda-powertools==3.37.0", "aws-xray-sdk==2.15.0", "typing-extensions==4.12.2", "wrapt==1.16.0")
    assert result.skipped == ("botocore", "jmespath")
    (call,) = pip.resolutions()
    assert "--only-binary=:all:" in call and call[call.index("--python-version") + 1] == "3.13"
    assert "aws-lambda-powertools[tracer]" in call
    # the resolution is cached: the next synth asks pip nothing
    again = pinned([], ["aws-lambda-powertools[tracer]"], cache_dir=tmp_path, installed=site, pip=pip)
    assert again == result and len(pip.resolutions()) == 1


def test_an_explicit_version_other_than_the_installed_one_is_resolved(tmp_path: Path, site: Any) -> None:
    pip = FakePip(INDEX)
    assert pinned(["six==1.17.0"], ["six==1.16.0"], cache_dir=tmp_path, installed=site, pip=pip).requirements == ("six==1.16.0",)


def test_installed_versions_that_do_not_fit_are_dropped_as_constraints(tmp_path: Path, site: Any) -> None:
    pip = FakePip({**INDEX, "aws-xray-sdk": {"2.16.0": ["wrapt>=1.17"]}})  # installed wrapt is 1.16.0
    result = pinned([], ["aws-lambda-powertools[tracer]"], cache_dir=tmp_path, installed=site, pip=pip)
    assert "wrapt==1.17.0" in result.requirements and "typing-extensions==4.12.2" in result.requirements
    first, second = pip.constraint_files  # the second keeps every constraint but wrapt's
    assert "wrapt==1.16.0" in first and "wrapt" not in second and "typing-extensions==4.12.2" in second


def test_dependencies_only_the_targets_markers_need_are_resolved_in_another_round(tmp_path: Path, site: Any) -> None:
    pip = FakePip(INDEX)  # the host is 3.14: pip skips backports-zstd, which python3.13 needs
    result = pinned([], ["zstd-user"], cache_dir=tmp_path, installed=site, pip=pip)
    assert result.requirements == ("backports-zstd==1.0.0", "zstd-user==1.0")
    assert len(pip.resolutions()) == 2
    assert pinned([], ["zstd-user"], runtime="python3.14", cache_dir=tmp_path, installed=site, pip=pip).requirements == ("zstd-user==1.0",)


def test_a_version_that_does_not_exist_says_so(tmp_path: Path, site: Any) -> None:
    with pytest.raises(DependencyError, match=r"version 9\.9 of six does not exist; available: 1\.17\.0, 1\.16\.0\.") as err:
        pinned([], ["six==9.9"], cache_dir=tmp_path, installed=site, pip=FakePip(INDEX))
    assert err.value.requirement == "six==9.9"
    assert err.value.available == ("1.17.0", "1.16.0")
    with pytest.raises(DependencyError, match=r"no version of six matches >=2; available"):
        pinned([], ["six>=2"], cache_dir=tmp_path, installed=site, pip=FakePip(INDEX))


def test_a_project_that_does_not_exist_says_so(tmp_path: Path, site: Any) -> None:
    with pytest.raises(DependencyError, match=r"'no-such-thing' does not exist on the package index"):
        pinned([], ["no-such-thing"], cache_dir=tmp_path, installed=site, pip=FakePip(INDEX))


def test_a_version_without_a_wheel_for_the_platform_keeps_its_own_message(tmp_path: Path) -> None:
    stderr = "ERROR: Could not find a version that satisfies the requirement grpcio==1.0 (from versions: none)\nERROR: No matching distribution found for grpcio==1.0\n"

    class WheelsElsewhere(FakePip):
        def __call__(self, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
            if list(args[:2]) == ["index", "versions"]:
                self.stderr = ""
                return super().__call__(args)
            self.stderr = stderr
            return super().__call__(args)

    pip = WheelsElsewhere({"grpcio": {"1.0": [], "0.9": []}})
    with pytest.raises(DependencyError, match=r"'grpcio==1\.0' has no wheel for python3\.13 on arm64") as err:
        install(["grpcio==1.0"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=pip)
    assert "Pin a version" in str(err.value)
    assert list((tmp_path / "dependencies").iterdir()) == []  # a failed install leaves no cache entry


def test_when_the_index_cannot_be_asked_only_the_certain_part_is_said(tmp_path: Path) -> None:
    install_error = "ERROR: Could not find a version that satisfies the requirement six==9.9 (from versions: 1.16.0, 1.17.0)\nERROR: No matching distribution found for six==9.9\n"
    offline = "WARNING: Retrying (Retry(total=0)) after connection broken by 'NewConnectionError(...)': /simple/six/\nERROR: No matching distribution found for six\n"

    class Offline(FakePip):
        def __call__(self, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
            self.stderr = offline if list(args[:2]) == ["index", "versions"] else install_error
            return super().__call__(args)

    with pytest.raises(DependencyError, match=r"'six==9\.9' is not available as a wheel for .*; versions with such a wheel: 1\.17\.0, 1\.16\.0"):
        install(["six==9.9"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=Offline())


def test_other_pip_failures_are_dependency_errors(tmp_path: Path) -> None:
    failing = FakePip(stderr="ERROR: Invalid requirement: 'tiny=='\n")
    with pytest.raises(DependencyError, match="Invalid requirement"):
        install(["tiny=="], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=failing)


def test_install_runs_pip_with_no_deps_for_lambdas_platform_and_drops_machine_specific_files(tmp_path: Path) -> None:
    pip = FakePip()
    files = install(["tiny==1.0"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=pip)
    assert sorted(files) == ["tiny-1.0.dist-info/METADATA", "tiny/__init__.py"]
    (args,) = pip.calls
    assert args[-1] == "tiny==1.0"
    assert {"--only-binary=:all:", "--no-compile", "--no-deps"} <= set(args)
    assert args[args.index("--python-version") + 1] == "3.13"
    assert args[args.index("--implementation") + 1] == "cp"
    assert [args[i + 1] for i, a in enumerate(args) if a == "--platform"] == list(platforms("python3.13", "arm64"))


def test_second_install_is_served_from_the_cache(tmp_path: Path) -> None:
    pip = FakePip()
    first = install(["tiny==1.0"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=pip)
    second = install(["tiny==1.0"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=pip)
    assert first == second
    assert len(pip.calls) == 1
    install(["tiny==1.0"], runtime="python3.13", architecture="x86_64", cache_dir=tmp_path, pip=pip)
    install(["tiny==1.0"], runtime="python3.12", architecture="arm64", cache_dir=tmp_path, pip=pip)
    install(["tiny==1.1"], runtime="python3.13", architecture="arm64", cache_dir=tmp_path, pip=pip)
    assert len(pip.calls) == 4  # the key covers requirements, platform and runtime
    assert (tmp_path / "dependencies" / cache_key(["tiny==1.0"], "python3.13", "arm64") / ".last-used").is_file()


def test_platform_tags_follow_the_runtimes_operating_system() -> None:
    assert platforms("python3.11", "x86_64") == ("manylinux2014_x86_64",)
    assert "manylinux_2_28_aarch64" in platforms("python3.13", "arm64")


def test_explicit_requirements_override_detected_ones_of_the_same_distribution(tmp_path: Path, site: Any) -> None:
    pip = FakePip(INDEX)
    result = pinned(["six==1.17.0", "typing_extensions==4.12.2"], ["SIX>=1.16,<1.17"], cache_dir=tmp_path, installed=site, pip=pip)
    assert result.requirements == ("six==1.16.0", "typing-extensions==4.12.2")


LOCK = """\
# pip-compile style: comments, continuations and hashes are fine
aws-lambda-powertools==3.37.0 \\
    --hash=sha256:0000
typing_extensions==4.13.0    # via aws-lambda-powertools
jmespath==1.0.1
pytest==8.3.3  ; python_version >= "3.8"
colorama==0.4.6 ; sys_platform == "win32"
-e /home/me/project
"""


def test_a_lock_file_pins_the_closure_and_ships_only_what_is_needed(tmp_path: Path, site: Any) -> None:
    lock = tmp_path / "lambda.lock"
    lock.write_text(LOCK)
    pip = FakePip({**INDEX, "typing-extensions": {"4.13.0": []}})
    result = pinned(["aws_lambda_powertools==3.37.0"], [], cache_dir=tmp_path, installed=site, pip=pip, lock=lock)
    # typing-extensions from the lock (4.13.0), not what is installed (4.12.2); pytest is not needed
    assert result.requirements == ("aws-lambda-powertools==3.37.0", "typing-extensions==4.13.0")
    assert result.skipped == ("jmespath",)
    (call,) = pip.resolutions()  # metadata of the one pin that is not installed here, without dependencies
    assert "--no-deps" in call and "typing-extensions==4.13.0" in call


def test_a_lock_file_must_pin_everything_the_function_needs(tmp_path: Path, site: Any) -> None:
    lock = tmp_path / "lambda.lock"
    lock.write_text("aws-lambda-powertools==3.37.0\n")
    with pytest.raises(DependencyError, match=r"lambda\.lock does not pin typing-extensions \(needed by aws-lambda-powertools==3\.37\.0\)"):
        pinned(["aws_lambda_powertools==3.37.0"], [], cache_dir=tmp_path, installed=site, pip=FakePip(INDEX), lock=lock)
    with pytest.raises(DependencyError, match=r"does not pin six \(needed by an import\)"):
        pinned(["six==1.17.0"], [], cache_dir=tmp_path, installed=site, pip=FakePip(INDEX), lock=lock)
    with pytest.raises(DependencyError, match=r"requirements= asks for 'aws-lambda-powertools>=4', but requirements_lock"):
        pinned([], ["aws-lambda-powertools>=4"], cache_dir=tmp_path, installed=site, pip=FakePip(INDEX), lock=lock)


@pytest.mark.parametrize(
    ("text", "message"),
    [("requests>=2\n", "does not pin one exact version"), ("requests==2.*\n", "does not pin one exact version"),
     ("a==1\nA==2\n", "pinned twice"), ("requests==\n", "is not a requirement")],
)
def test_lock_lines_must_be_exact_pins(tmp_path: Path, text: str, message: str) -> None:
    lock = tmp_path / "bad.lock"
    lock.write_text(text)
    with pytest.raises(DependencyError, match=message):
        read_lock(lock, HOST)


def test_lock_markers_are_evaluated_for_the_target(tmp_path: Path) -> None:
    lock = tmp_path / "l.lock"
    lock.write_text(LOCK)
    entries = read_lock(lock, {**HOST, "python_version": "3.13", "sys_platform": "linux"})
    assert sorted(entries) == ["aws-lambda-powertools", "jmespath", "pytest", "typing-extensions"]
    assert str(entries["typing-extensions"]) == "typing_extensions==4.13.0"


# --- end to end, with Function ------------------------------------------------------------------


def test_function_checks_its_requirement_arguments() -> None:
    from cdktf_userpool import ArgumentTypeError, ConfigurationError, Function
    from tests._synth import new_stack

    stack = new_stack()
    with pytest.raises(ArgumentTypeError, match=r"requirements='requests', which is not a list") as err:
        Function(stack, "A", lambda event: event, requirements="requests")  # type: ignore[arg-type]
    assert err.value.argument == "requirements"
    with pytest.raises(ConfigurationError, match=r"requirements=\[\.\.\., 'requests ==', \.\.\.\], which is not a valid") as bad:
        Function(stack, "B", lambda event: event, requirements=["requests =="])
    assert (bad.value.argument, bad.value.value) == ("requirements", "requests ==")
    with pytest.raises(ConfigurationError, match=r"requirements_lock='no/such.lock', which is not a file") as lock:
        Function(stack, "C", lambda event: event, requirements_lock="no/such.lock")
    assert lock.value.argument == "requirements_lock"
    fn = Function(stack, "D", lambda event: event)
    assert fn.requirements == () and fn.included == ()


def synth_app(workdir: Path, source: str, env: dict[str, str], stack: str = "deps") -> dict[str, Any]:
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "app.py").write_text(rewrite_imports(source))  # written for cdktf, run on the suite's backend
    run = subprocess.run([sys.executable, "app.py"], check=False, cwd=workdir, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads((workdir / "cdktf.out" / "stacks" / stack / "cdk.tf.json").read_text())


SIX_APP = """\
from cdktf import App, LocalBackend, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_userpool import Function


def handler(event, context):
    import six

    return {"six": six.__version__}


app = App()
stack = TerraformStack(app, "deps")
AwsProvider(stack, "aws", region="us-east-1")
LocalBackend(stack, path="deps.tfstate")
Function(stack, "WithSix", handler, requirements=["six==1.16.0"])
app.synth()
"""


@pytest.mark.network
def test_requirements_are_packaged_and_a_second_synth_needs_no_pip(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "CDKTF_USERPOOL_CACHE_DIR": str(cache)}
    first = synth_app(tmp_path / "a", SIX_APP, env)
    (fn,) = first["resource"]["aws_lambda_function"].values()
    with zipfile.ZipFile(tmp_path / "a" / "cdktf.out" / "stacks" / "deps" / fn["filename"]) as archive:
        names = archive.namelist()
    assert "six.py" in names and "six-1.16.0.dist-info/METADATA" in names and "trigger.py" in names
    # the second synth runs with pip unable to reach any index: it must not need to
    offline = {**env, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "", "PIP_INDEX_URL": "http://127.0.0.1:9/simple"}
    second = synth_app(tmp_path / "b", SIX_APP, offline)
    assert second["resource"]["aws_lambda_function"] == first["resource"]["aws_lambda_function"]


REQUESTS_APP = """\
from cdktf import App, LocalBackend, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_userpool import UserPool


app = App()
stack = TerraformStack(app, "deps")
AwsProvider(stack, "aws", region="us-east-1")
LocalBackend(stack, path="deps.tfstate")
pool = UserPool(stack, "Pool")


@pool.on_pre_sign_up
def sign_up(event, context):
    import requests

    event["response"]["requests"] = requests.__version__
    return event


app.synth()
"""
REQUESTS_CLOSURE = ("certifi", "charset-normalizer", "idna", "requests", "urllib3")


@pytest.fixture(scope="module")
def requests_synths(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The requests app synthesized twice, from two directories with two empty caches."""
    try:
        importlib.metadata.version("requests")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("requests is not installed here")
    outs = []
    for name, seed in (("one", "1"), ("two", "4242")):
        work = tmp_path_factory.mktemp(name)
        env = {**os.environ, "CDKTF_USERPOOL_CACHE_DIR": str(work / "empty-cache"), "PYTHONHASHSEED": seed}
        synth_app(work, REQUESTS_APP, env)
        outs.append(work / "cdktf.out")
    return outs[0], outs[1]


def archive_of(out: Path) -> Path:
    (zip_path,) = out.glob("stacks/deps/assets/*/*/package.zip")
    return zip_path


@pytest.mark.network
def test_the_whole_closure_is_pinned_to_the_installed_versions(requests_synths: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(archive_of(requests_synths[0])) as archive:
        shipped = {}
        for name in archive.namelist():
            if name.endswith(".dist-info/METADATA"):
                fields = dict(line.split(": ", 1) for line in archive.read(name).decode().splitlines()[:4] if ": " in line)
                shipped[canonicalize_name(fields["Name"])] = fields["Version"]
    assert shipped == {name: importlib.metadata.version(name) for name in REQUESTS_CLOSURE}
    contents = json.loads((archive_of(requests_synths[0]).parent / "package-contents.json").read_text())
    assert contents["requirements"] == [f"{name}=={importlib.metadata.version(name)}" for name in REQUESTS_CLOSURE]


@pytest.mark.network
def test_two_empty_caches_give_identical_archives(requests_synths: tuple[Path, Path]) -> None:
    one, two = (archive_of(out) for out in requests_synths)
    assert one.relative_to(requests_synths[0]) == two.relative_to(requests_synths[1])
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.network
def test_review_shows_the_pinned_closure(requests_synths: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    from cdktf_userpool.__main__ import main

    assert main(["review", "deps", "--outdir", str(requests_synths[0])]) == 0
    out = capsys.readouterr().out
    pins = ", ".join(f"{name}=={importlib.metadata.version(name)}" for name in REQUESTS_CLOSURE)
    assert f"      requirements (5, pinned with their dependencies): {pins}\n" in out


def test_an_imported_module_of_an_extras_distribution_is_pinned_with_its_closure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from cdktf_userpool._packaging import _modules
    from cdktf_userpool._packaging._closure import Installed

    site = tmp_path / "site-packages"
    (site / "aws_xray_sdk").mkdir(parents=True)
    (site / "aws_xray_sdk" / "__init__.py").write_text("")
    for name, version, requires, files in (
        ("aws-xray-sdk", "2.14.0", ["wrapt", "botocore>=1.11.3"], ["aws_xray_sdk/__init__.py"]),
        ("wrapt", "1.16.0", [], []),
    ):
        info = site / f"{name.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        metadata = [f"Name: {name}", f"Version: {version}", *(f"Requires-Dist: {r}" for r in requires)]
        (info / "METADATA").write_text("\n".join(["Metadata-Version: 2.1", *metadata]) + "\n")
        (info / "RECORD").write_text("".join(f"{f},,\n" for f in [*files, f"{info.name}/METADATA"]))
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    _modules._distributions.cache_clear()
    try:
        facts = _modules.module_facts("aws_xray_sdk")
    finally:
        _modules._distributions.cache_clear()
    assert facts.kind is _modules.ModuleKind.THIRD_PARTY and facts.requirement == "aws-xray-sdk==2.14.0"
    result = pinned([facts.requirement], [], cache_dir=tmp_path, installed=Installed([str(site)]), pip=FakePip())
    assert result.requirements == ("aws-xray-sdk==2.14.0", "wrapt==1.16.0") and result.skipped == ("botocore",)


def uses_six(event, context):  # type: ignore[no-untyped-def]
    import six

    return {"six": six.__version__}


@pytest.mark.network
def test_function_takes_the_closure_from_requirements_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cdktf_userpool import Function
    from tests._synth import new_stack

    monkeypatch.chdir(tmp_path)  # a relative lock path is read from the working directory
    Path("lambda.lock").write_text("# pip freeze of the Lambda environment\nsix==1.16.0\npytest==8.3.3\n")
    fn = Function(new_stack(), "Six", uses_six, requirements_lock="lambda.lock")
    assert fn.requirements == ("six==1.16.0",)  # six from the lock (1.17.0 is installed here); pytest not needed
    with zipfile.ZipFile(fn.archive_path) as archive:
        assert "six-1.16.0.dist-info/METADATA" in archive.namelist()
