"""cdktf_userpool.testing.snapshot: the example app's stacks as committed snapshots, readable and stable.

The committed snapshots (``__snapshots__/test_snapshot/``) are one per backend; a test checks that the
two differ only where the backends really do: the AWS provider their bindings pin (its source address,
``aws`` or ``hashicorp/aws``, and its version).
"""

from __future__ import annotations

import base64
import datetime
import difflib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import ArgumentTypeError, SnapshotError, UserPool
from cdktf_userpool.testing import snapshot
from tests import _framework as fw
from tests._framework import BACKEND, AwsProvider, TerraformStack, import_app
from tests.conftest import EXAMPLE, ROOT

SNAPSHOTS = Path(__file__).parent / "__snapshots__" / "test_snapshot"
BACKENDS = ("cdktf", "cdktn")
JSON_BLOCK = re.compile(r"^## Terraform\n\n```json\n(.*?)\n```$", re.S | re.M)


def build_example(workdir: Path) -> dict[str, Any]:
    """The example app's two stacks, built in this process (packages and all), by name.

    The app's folder is on ``sys.path`` while they are built, as when ``python app.py`` runs it, so
    its functions' origin is ``app.py`` on both backends (on cdktn the app is a rewritten copy).
    """
    app_module = import_app(EXAMPLE, workdir, name="app")
    folder = str(Path(app_module.__file__).parent)
    sys.path.insert(0, folder)
    try:
        app = fw.Testing.app()
        return {"example": app_module.AuthStack(app, "example"), "shared": app_module.SharedPoolStack(app, "shared")}
    finally:
        sys.path.remove(folder)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return build_example(tmp_path_factory.mktemp("example-app"))


@pytest.fixture(scope="module")
def documents(example: dict[str, Any]) -> dict[str, Any]:
    return {name: snapshot(stack) for name, stack in example.items()}


def only_on(backend: str) -> None:
    if backend != BACKEND:
        pytest.skip(f"the {backend} snapshot is checked by the {backend} suite (make test BACKEND={backend})")


@pytest.mark.parametrize("backend", BACKENDS)
def test_example_stack(backend: str, documents: dict[str, Any], stack_snapshot: Any) -> None:
    only_on(backend)
    assert documents["example"] == stack_snapshot


@pytest.mark.parametrize("backend", BACKENDS)
def test_shared_pool_stack(backend: str, documents: dict[str, Any], stack_snapshot: Any) -> None:
    only_on(backend)
    assert documents["shared"] == stack_snapshot


def test_the_backends_differ_only_in_the_provider_their_bindings_pin() -> None:
    """The committed snapshots of a stack on the two backends differ in required_providers.aws alone."""
    for test in ("test_example_stack", "test_shared_pool_stack"):
        cdktf, cdktn = ((SNAPSHOTS / f"{test}[{b}].md").read_text().splitlines() for b in BACKENDS)
        changed = [line for line in difflib.unified_diff(cdktf, cdktn, lineterm="", n=0)
                   if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        # cdktf's bindings: "source": "aws", "version": "6.25.0"; cdktn's: "hashicorp/aws", "6.69.1"
        assert all(re.fullmatch(r'[-+] {8}"(source|version)": "(hashicorp/)?aws",?|[-+] {8}"version": "[\d.]+"', line)
                   for line in changed), changed
        assert len(changed) <= 4, changed


def test_the_terraform_is_the_synthesized_json_with_packages_pointing_below(
    example: dict[str, Any], documents: dict[str, Any]
) -> None:
    stack, document = example["example"], documents["example"]
    synthesized = json.loads(fw.Testing.synth(stack))
    match = JSON_BLOCK.search(document)
    assert match is not None
    shown = json.loads(match.group(1))
    assert shown == document.terraform
    functions = synthesized["resource"]["aws_lambda_function"]
    packaged = {name for name, fn in functions.items() if fn.get("handler") == "cdktf_userpool_entry.handler"}
    assert len(packaged) == 5 and len(document.packages) == 5
    for name, fn in functions.items():
        if name in packaged:
            path = next(p for p, pkg in document.packages.items() if pkg.address == f"aws_lambda_function.{name}")
            assert shown["resource"]["aws_lambda_function"][name]["filename"] == f"<package {path}: see its section below>"
            assert f"## Package {path} (aws_lambda_function.{name})" in document
            fn = {k: v for k, v in fn.items() if k not in ("filename", "source_code_hash")}
            shown_fn = {k: v for k, v in shown["resource"]["aws_lambda_function"][name].items()
                        if k not in ("filename", "source_code_hash")}
            assert shown_fn == fn
        else:
            assert shown["resource"]["aws_lambda_function"][name] == fn  # the Mailer, code from S3: untouched
    rest = {k: v for k, v in synthesized["resource"].items() if k != "aws_lambda_function"}
    assert {k: v for k, v in shown["resource"].items() if k != "aws_lambda_function"} == rest


def test_each_package_shows_its_files_and_the_source_of_its_handler(documents: dict[str, Any]) -> None:
    document = documents["example"]
    package = document.packages["example/Pool/PreSignUp"]
    assert [f.path for f in package.files] == ["cdktf_userpool_entry.py", "trigger.py"]
    assert package.requirements == () and package.distributions == ()
    assert "def auto_confirm_company_users(event, context):" in package.sources["trigger.py"]
    assert "ALLOWED_DOMAINS = ('example.com', 'example.org')" in package.sources["trigger.py"]
    assert "cdktf_userpool_entry.py" not in package.sources  # the library's own entry: by its hash
    section = document.split("## Package example/Pool/PreSignUp")[1].split("\n## ")[0]
    for line in package.sources["trigger.py"].splitlines():
        assert line in section.splitlines()
    members = document.packages["example/AddToMembers"]
    assert "    import boto3" in members.sources["trigger.py"] and members.requirements == ()  # left to the runtime


def test_nothing_machine_specific(documents: dict[str, Any]) -> None:
    for document in documents.values():
        for text in (str(ROOT), os.path.expanduser("~") + "/", "/tmp/", "assets/", "package.zip", "cdktf.out"):
            assert text not in document, text
        assert datetime.date.today().isoformat() not in document and not re.search(r"\d\d:\d\d:\d\d", document)


def test_the_same_from_another_folder_interpreter_cache_and_hash_seed(
    documents: dict[str, Any], tmp_path: Path
) -> None:
    script = tmp_path / "take.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pathlib import Path\n"
        "from tests.test_snapshot import build_example\n"
        "from cdktf_userpool.testing import snapshot\n"
        "stacks = build_example(Path.cwd())\n"
        "Path('out.md').write_text(snapshot(stacks['example']) + snapshot(stacks['shared']))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "777", "CDKTF_USERPOOL_CACHE_DIR": str(tmp_path / "cache"),
           "HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "out.md").read_text() == documents["example"] + documents["shared"]


def test_the_origin_follows_sys_path_not_an_earlier_build(documents: dict[str, Any], tmp_path: Path) -> None:
    """A build of the app with another ``sys.path`` earlier in the process (as other tests do) does not leak
    its functions' origin (``examples/app.py``) into a later build's snapshot (``app.py``)."""
    module = import_app(EXAMPLE, tmp_path, name="app")
    other = module.AuthStack(fw.Testing.app(), "example")  # examples/ not on sys.path: the origin is examples/app.py
    assert "examples/app.py:" in fw.Testing.synth(other) or BACKEND == "cdktn"  # on cdktn, a rewritten copy elsewhere
    assert snapshot(build_example(tmp_path)["example"]) == documents["example"]


def test_taking_it_twice_gives_the_same_document(example: dict[str, Any], documents: dict[str, Any]) -> None:
    assert snapshot(example["example"]) == documents["example"]


# -- what a change looks like -----------------------------------------------------------------------


def pool_stack(name: str, handler: Any, **props: Any) -> Any:
    stack = TerraformStack(fw.Testing.app(), name)
    AwsProvider(stack, "aws", region="eu-west-1")
    UserPool(stack, "Pool", lambda_triggers={"pre_sign_up": handler}, **props)
    return stack


def confirm(event: Any, context: Any) -> Any:
    event["response"]["autoConfirmUser"] = True
    return event


def confirm_later(event: Any, context: Any) -> Any:
    event["response"]["autoConfirmUser"] = False
    return event


def test_a_diff_names_the_changed_line_of_the_trigger_and_the_setting() -> None:
    before = snapshot(pool_stack("s", confirm))
    after = snapshot(pool_stack("s", confirm_later, mfa_configuration="OPTIONAL",
                                software_token_mfa_configuration={"enabled": True}))
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert '-    event["response"]["autoConfirmUser"] = True' in changed
    assert '+    event["response"]["autoConfirmUser"] = False' in changed
    assert any('"mfa_configuration": "OPTIONAL"' in line for line in changed if line.startswith("+"))
    assert any(line.startswith("+") and "def confirm_later" in line for line in changed)


def readme_snippet() -> str:
    """The site's snapshot test (its Testing guide), as a test module (the snippets' preamble makes ``stack``)."""
    from tests.test_docs import page_section
    from tests.test_readme import PREAMBLE

    section = page_section("guides/testing.md", "Snapshot tests")
    (snippet,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    return fw.rewrite_imports(PREAMBLE + "\n" + snippet)


def test_the_readme_workflow_write_review_update(pytester: pytest.Pytester) -> None:
    """The README's test, run by pytest with syrupy: written, passing, failing with the changed line, updated."""
    pytester.makeconftest('pytest_plugins = ["cdktf_userpool.testing.syrupy"]\n')
    test = pytester.makepyfile(test_auth=readme_snippet())
    written = pytester.runpytest_inprocess("--snapshot-update", "-p", "no:cacheprovider")
    written.assert_outcomes(passed=1)
    stored = pytester.path / "__snapshots__" / "test_auth" / "test_auth_stack.md"
    assert 'endswith("@example.com")' in stored.read_text()
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
    test.write_text(test.read_text().replace('endswith("@example.com")', 'endswith("@example.org")'))
    changed = pytester.runpytest_inprocess("-p", "no:cacheprovider")  # no -vv: the truncated diff shows it
    changed.assert_outcomes(failed=1)
    output = changed.stdout.str()
    assert re.search(r'^E?\s*- .*endswith\("@example\.com"\)', output, re.M), output[-3000:]
    assert re.search(r'^E?\s*\+ .*endswith\("@example\.org"\)', output, re.M), output[-3000:]
    pytester.runpytest_inprocess("--snapshot-update", "-p", "no:cacheprovider").assert_outcomes(passed=1)
    assert 'endswith("@example.org")' in stored.read_text()
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


# -- bad input --------------------------------------------------------------------------------------


def test_a_stack_with_no_pool_is_refused() -> None:
    stack = TerraformStack(fw.Testing.app(), "empty")
    AwsProvider(stack, "aws", region="eu-west-1")
    with pytest.raises(SnapshotError, match="Stack 'empty' holds no user pool") as refused:
        snapshot(stack)
    assert refused.value.stack == "empty" and refused.value.construct_path == "empty"


def test_an_app_or_a_construct_is_refused_with_the_stack_to_pass(example: dict[str, Any]) -> None:
    app = example["example"].node.scope
    with pytest.raises(ArgumentTypeError, match=r"pass one of its stacks \('example', 'shared'\)"):
        snapshot(app)
    with pytest.raises(ArgumentTypeError, match=r"UserPool 'example/Pool'.*snapshot\(TerraformStack.of\(construct\)\)"):
        snapshot(example["example"].pool)
    with pytest.raises(ArgumentTypeError, match="takes a TerraformStack; got 'cdk.tf.json'"):
        snapshot("cdk.tf.json")  # type: ignore[arg-type]


def test_a_stack_that_does_not_synthesize_names_the_stack_and_the_cause() -> None:
    from tests._framework import Aspects

    import jsii

    from cdktf_userpool._core.cdk import IAspect

    @jsii.implements(IAspect)
    class Broken:
        def visit(self, node: Any) -> None:
            raise RuntimeError("the app's own aspect failed")

    stack = pool_stack("broken", confirm)
    Aspects.of(stack).add(Broken())
    with pytest.raises(SnapshotError, match="Stack 'broken' does not synthesize.*the app's own aspect failed") as failed:
        snapshot(stack)
    assert failed.value.construct_path == "broken"


def test_a_missing_or_changed_package_names_the_function() -> None:
    from cdktf_userpool import Function

    stack = pool_stack("pkg", confirm)
    (fn,) = (c for c in stack.node.find_all() if isinstance(c, Function))
    original = fn.archive_path.read_bytes()
    try:
        fn.archive_path.write_bytes(original + b"tampered")
        with pytest.raises(SnapshotError, match="The package of Function 'pkg/Pool/PreSignUp' changed on disk"):
            snapshot(stack)
        fn.archive_path.unlink()
        with pytest.raises(SnapshotError, match="The package of Function 'pkg/Pool/PreSignUp' is missing") as missing:
            snapshot(stack)
        assert missing.value.construct_path == "pkg/Pool/PreSignUp"
    finally:
        fn.archive_path.write_bytes(original)
    assert base64.b64encode(hashlib.sha256(original).digest()).decode() in fw.Testing.synth(stack)


# -- the package description and the portable paths, without a stack ------------------------------------


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return buffer.getvalue()


def test_distributions_are_folded_into_one_line_each() -> None:
    from cdktf_userpool._snapshot._document import render, shown_terraform
    from cdktf_userpool._snapshot._package import describe_package

    record = "idna/__init__.py,sha256=x,10\nidna/core.py,sha256=y,20\nidna-3.7.dist-info/RECORD,,\n"
    files = {
        "trigger.py": b"def handler(event, context):\n    return event\n",
        "cdktf_userpool_entry.py": b"# entry\n",
        "templates/mail.html": b"<p>{code}</p>\n",
        "logo.png": b"\x89PNG\0\0",
        "idna/__init__.py": b"0" * 10,
        "idna/core.py": b"1" * 20,
        "idna-3.7.dist-info/RECORD": record.encode(),
        "idna-3.7.dist-info/INSTALLER": b"pip\n",
    }
    package = describe_package(zipped(files), construct_path="s/Fn", address="aws_lambda_function.Fn",
                               requirements=["idna==3.7"])
    assert [f.path for f in package.files] == ["cdktf_userpool_entry.py", "logo.png", "templates/mail.html", "trigger.py"]
    (dist,) = package.distributions
    assert (dist.name, dist.version, dist.files) == ("idna", "3.7", 4)
    assert sorted(package.sources) == ["templates/mail.html", "trigger.py"]
    reordered = describe_package(zipped(dict(reversed(list(files.items())))), construct_path="s/Fn",
                                 address="aws_lambda_function.Fn", requirements=["idna==3.7"])
    assert reordered == package
    text = render("s", shown_terraform({}, [package]), [package])
    assert "| idna 3.7 (4 files) | " in text and "- requirements (1): idna==3.7" in text
    assert "```html\n<p>{code}</p>\n```" in text


def test_machine_paths_become_names(tmp_path: Path) -> None:
    from cdktf_userpool._snapshot._document import portable

    prefixes = [("/work/app", "<cwd>"), ("/tmp", "<tmp>"), ("/home/u", "<home>")]
    doc = {"backend": {"local": {"path": "/work/app/terraform.tfstate"}},
           "list": ["/tmp/pytest-of-u/pytest-12/test_x0/state", "/opt/y", "/tmp"],
           "home": "/home/u/.cache/z", "others": ["/work/app-sibling", "/work/apple", "x/work/app"]}
    assert portable(doc, prefixes) == {
        "backend": {"local": {"path": "<cwd>/terraform.tfstate"}},
        "list": ["<tmp>/pytest/test_x0/state", "/opt/y", "<tmp>"],
        "home": "<home>/.cache/z",
        "others": ["/work/app-sibling", "/work/apple", "x/work/app"],  # not under the folder: kept
    }
    shown = portable({"state": str(tmp_path / "state")})["state"]  # this machine's own folders
    assert shown.startswith("<tmp>/pytest/") and shown.endswith("/state") and "pytest-of-" not in shown
