"""The package runner (cdktf_userpool._runner): interpreter choice, refusals, Lambda's environment, warm workers."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import warnings
import textwrap
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cdktf_userpool import ConfigurationError, RuntimeMismatchError, RuntimeMismatchWarning
from cdktf_userpool._runner import find_interpreter, lambda_runtime_path, run_package
from cdktf_userpool._runner._interpreters import lambda_architecture

HERE = lambda_architecture(platform.machine())
OTHER = "arm64" if HERE == "x86_64" else "x86_64"
CURRENT = f"python{sys.version_info[0]}.{sys.version_info[1]}"

HANDLERS = '''
import json, logging, os, sys, time

CALLS = 0
print("init ran")


def logs(event, context):
    logging.getLogger().debug("debug line")
    logging.getLogger().info("info line")
    logging.getLogger().warning("warning line")
    return {}


def count(event, context):
    global CALLS
    CALLS += 1
    return {"calls": CALLS, "pid": os.getpid()}


def environment(event, context):
    return {name: os.environ.get(name) for name in event["names"]} | {"cwd": os.getcwd(), "path0": sys.path[0]}


def context_attributes(event, context):
    names = ["function_name", "function_version", "invoked_function_arn", "memory_limit_in_mb", "aws_request_id",
             "log_group_name", "log_stream_name", "client_context"]
    found = {name: getattr(context, name) for name in names}
    found["identity"] = [context.identity.cognito_identity_id, context.identity.cognito_identity_pool_id]
    found["remaining"] = context.get_remaining_time_in_millis()
    return found


def talk(event, context):
    print("to stdout", event["n"])
    print("to stderr", event["n"], file=sys.stderr)
    logging.getLogger("app").warning("logged %s", event["n"])
    if event.get("fail"):
        check(event["n"])
    return event


def check(n):
    raise ValueError(f"refused {n}")


def sleep(event, context):
    global CALLS
    CALLS += 1
    started = time.time()
    time.sleep(event["seconds"])
    return {"calls": CALLS, "pid": os.getpid(), "started": started, "ended": time.time()}


def exit_now(event, context):
    print("about to exit", file=sys.stderr)
    os._exit(3)


def segfault(event, context):
    import ctypes
    ctypes.string_at(0)


def version(event, context):
    import _statistics
    return {"version": list(sys.version_info[:2]), "extension": _statistics.__file__, "executable": sys.executable}


def not_json(event, context):
    return {"when": object()}
'''


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("package")
    (folder / "handlers.py").write_text(HANDLERS)
    return folder


def run(package: Path, handler: str, event: Any = None, **options: Any) -> Any:
    settings: dict[str, Any] = {"runtime": CURRENT, "architecture": HERE, "function_name": "fn", "timeout": 10}
    settings.update(options)
    return run_package(package, {} if event is None else event, handler=f"handlers.{handler}", **settings)


# -- Lambda's environment and context -----------------------------------------------------------


def test_handler_sees_lambdas_environment(package: Path) -> None:
    names = ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
             "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "LAMBDA_TASK_ROOT",
             "LAMBDA_RUNTIME_DIR", "_HANDLER", "AWS_EXECUTION_ENV", "TZ", "LANG", "STAGE", "AWS_SHARED_CREDENTIALS_FILE",
             "AWS_EC2_METADATA_DISABLED", "HOME_SECRET"]
    os.environ["HOME_SECRET"] = "not for the handler"
    try:
        got = run(package, "environment", {"names": names}, region="eu-west-3", memory_size=256,
                  environment={"STAGE": "prod", "AWS_REGION": "ignored"}).result
    finally:
        del os.environ["HOME_SECRET"]
    assert got["AWS_REGION"] == got["AWS_DEFAULT_REGION"] == "eu-west-3"  # Lambda's reserved names win
    assert got["AWS_LAMBDA_FUNCTION_NAME"] == "fn"
    assert got["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "256"
    assert got["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST"
    assert got["AWS_LAMBDA_LOG_GROUP_NAME"] == "/aws/lambda/fn"
    assert "/[$LATEST]" in got["AWS_LAMBDA_LOG_STREAM_NAME"]
    assert got["LAMBDA_TASK_ROOT"] == str(package) == got["cwd"] == got["path0"]
    assert got["LAMBDA_RUNTIME_DIR"] and Path(got["LAMBDA_RUNTIME_DIR"]).is_dir()
    assert got["_HANDLER"] == "handlers.environment"
    assert got["AWS_EXECUTION_ENV"] == f"AWS_Lambda_{CURRENT}"
    assert (got["TZ"], got["LANG"]) == (":UTC", "en_US.UTF-8")
    assert got["STAGE"] == "prod"
    assert got["AWS_SHARED_CREDENTIALS_FILE"] == os.devnull and got["AWS_EC2_METADATA_DISABLED"] == "true"
    assert got["HOME_SECRET"] is None  # nothing of the caller's environment but PATH


def test_context_has_lambdas_attributes_and_a_new_request_id_per_call(package: Path) -> None:
    first = run(package, "context_attributes", timeout=3, region="eu-west-1", memory_size=512, account_id="111122223333")
    second = run(package, "context_attributes", timeout=3, region="eu-west-1", memory_size=512, account_id="111122223333")
    got = first.result
    assert got["function_name"] == "fn" and got["function_version"] == "$LATEST"
    assert got["invoked_function_arn"] == "arn:aws:lambda:eu-west-1:111122223333:function:fn"
    assert got["memory_limit_in_mb"] == "512"  # a string, as Lambda's runtime gives it
    assert got["log_group_name"] == "/aws/lambda/fn" and "[$LATEST]" in got["log_stream_name"]
    assert got["client_context"] is None and got["identity"] == [None, None]
    assert 0 < got["remaining"] <= 3000
    assert got["aws_request_id"] == first.request_id != second.request_id == second.result["aws_request_id"]


# -- warm workers -------------------------------------------------------------------------------


def test_module_globals_persist_across_warm_calls(package: Path) -> None:
    first = run(package, "count", function_name="counter")
    second = run(package, "count", function_name="counter")
    assert first.cold and not second.cold
    assert second.result == {"calls": first.result["calls"] + 1, "pid": first.result["pid"]}
    assert "init ran" in first.stdout and "init ran" not in second.stdout  # init output goes with the cold call
    assert first.init_duration_ms is not None and second.init_duration_ms is None


def test_another_environment_gets_another_worker(package: Path) -> None:
    first = run(package, "count", function_name="env-a", environment={"STAGE": "a"})
    second = run(package, "count", function_name="env-a", environment={"STAGE": "b"})
    assert second.cold and second.result["pid"] != first.result["pid"]


def test_warm_false_starts_a_fresh_worker_each_time(package: Path) -> None:
    first = run(package, "count", function_name="cold", warm=False)
    second = run(package, "count", function_name="cold", warm=False)
    assert first.cold and second.cold and first.result["calls"] == second.result["calls"] == 1


def test_timeout_kills_the_worker_and_the_next_call_is_cold(package: Path) -> None:
    warm = run(package, "sleep", {"seconds": 0}, function_name="slow", timeout=1)
    timed_out = run(package, "sleep", {"seconds": 30}, function_name="slow", timeout=1)
    assert not timed_out.cold
    assert timed_out.timed_out and not timed_out.ok
    assert timed_out.error_type == "Sandbox.Timedout"
    assert timed_out.error_message == f"RequestId: {timed_out.request_id} Error: Task timed out after 1.00 seconds"
    assert 900 <= timed_out.duration_ms < 5000
    again = run(package, "sleep", {"seconds": 0}, function_name="slow", timeout=1)
    assert again.cold and again.result["calls"] == 1 and again.result["pid"] != warm.result["pid"]


def _together(package: Path, callers: int, seconds: float, function_name: str) -> list[Any]:
    """``callers`` threads released at once, each running the ``sleep`` handler for ``seconds``."""
    results: list[Any] = []
    start = threading.Barrier(callers)

    def call() -> None:
        start.wait(timeout=30)
        results.append(run(package, "sleep", {"seconds": seconds}, function_name=function_name))

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(results) == callers and all(r.ok for r in results)
    return results


def test_concurrent_calls_each_get_a_worker_of_their_own(package: Path) -> None:
    """Up to the function's bound, callers arriving together run side by side, each in its own worker."""
    from cdktf_userpool._runner._workers import MAX_WORKERS_PER_FUNCTION

    results = _together(package, MAX_WORKERS_PER_FUNCTION, 3.0, "busy")
    assert len({r.result["pid"] for r in results}) == MAX_WORKERS_PER_FUNCTION  # each call its own worker
    assert max(r.result["started"] for r in results) < min(r.result["ended"] for r in results)  # side by side


def test_callers_beyond_the_bound_wait_for_an_idle_worker(package: Path) -> None:
    """More callers than the bound: no more workers start; each worker serves one call at a time."""
    from cdktf_userpool._runner._workers import MAX_WORKERS_PER_FUNCTION

    results = _together(package, MAX_WORKERS_PER_FUNCTION * 2 + 1, 0.3, "crowded")
    by_worker: dict[int, list[Any]] = {}
    for result in results:
        by_worker.setdefault(result.result["pid"], []).append(result.result)
    assert len(by_worker) <= MAX_WORKERS_PER_FUNCTION
    for calls in by_worker.values():  # one call at a time in each worker
        calls.sort(key=lambda c: c["started"])
        assert all(a["ended"] <= b["started"] for a, b in zip(calls, calls[1:]))


# -- output, errors, crashes --------------------------------------------------------------------


def test_output_of_each_call_is_its_own(package: Path) -> None:
    run(package, "talk", {"n": 0}, function_name="talker")
    one = run(package, "talk", {"n": 1}, function_name="talker")
    assert one.ok and not one.cold
    assert one.stdout.splitlines()[0] == "to stdout 1"
    assert one.stderr == "to stderr 1\n"
    # the root logger's handler is Lambda's: level, UTC time, request ID, message, on stdout
    level, stamp, request_id, message = one.stdout.splitlines()[1].split("\t")
    assert (level, request_id, message) == ("[WARNING]", one.request_id, "logged 1") and stamp.endswith("Z")


def test_handler_exception_gives_its_traceback_without_the_runtimes_frames(package: Path) -> None:
    failed = run(package, "talk", {"n": 2, "fail": True}, function_name="talker")
    assert not failed.ok and (failed.error_type, failed.error_message) == ("ValueError", "refused 2")
    assert failed.traceback is not None
    assert failed.traceback.startswith("Traceback (most recent call last):\n  File ")
    assert "_worker.py" not in failed.traceback
    assert 'in talk\n' in failed.traceback and 'in check\n' in failed.traceback
    assert failed.traceback.rstrip().endswith("ValueError: refused 2")
    assert "[ERROR] ValueError: refused 2" in failed.stdout  # the runtime logs it, as Lambda's does
    assert not run(package, "talk", {"n": 3}, function_name="talker").cold  # an exception keeps the worker


def test_exit_is_a_runtime_exit_error_with_stderr(package: Path) -> None:
    crashed = run(package, "exit_now", function_name="exits")
    assert (crashed.ok, crashed.error_type) == (False, "Runtime.ExitError")
    assert crashed.error_message == f"RequestId: {crashed.request_id} Error: Runtime exited with error: exit status 3"
    assert "about to exit" in crashed.stderr
    assert run(package, "count", function_name="exits").cold


def test_segfault_is_reported_with_the_signal_and_pythons_traceback(package: Path) -> None:
    crashed = run(package, "segfault", function_name="crashes")
    assert crashed.error_type == "Runtime.ExitError"
    assert crashed.error_message.endswith("Runtime exited with error: signal: segmentation fault")
    assert "Fatal Python error: Segmentation fault" in crashed.stderr and "segfault" in crashed.stderr


def test_result_that_is_not_json_is_a_marshal_error(package: Path) -> None:
    failed = run(package, "not_json", function_name="marshal")
    assert failed.error_type == "Runtime.MarshalError"
    assert failed.error_message.startswith("Unable to marshal response: Object of type object is not JSON serializable")


def test_init_errors_are_lambdas(package: Path, tmp_path: Path) -> None:
    missing = run(package, "nope", function_name="init")
    assert (missing.error_type, missing.error_message) == ("Runtime.HandlerNotFound", "Handler 'nope' missing on module 'handlers'")
    (tmp_path / "broken.py").write_text("import not_installed_anywhere\n")
    broken = run_package(tmp_path, {}, handler="broken.handler", runtime=CURRENT, architecture=HERE, function_name="b", timeout=5)
    assert broken.cold and broken.error_type == "Runtime.ImportModuleError"
    assert broken.error_message == "Unable to import module 'broken': No module named 'not_installed_anywhere'"


def test_zip_packages_are_extracted_once_and_nothing_is_written_into_the_package(tmp_path: Path) -> None:
    archive = tmp_path / "package.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("handlers.py", HANDLERS)
    first = run_package(archive, {"names": ["LAMBDA_TASK_ROOT"]}, handler="handlers.environment", runtime=CURRENT,
                        architecture=HERE, function_name="zipped", timeout=5)
    root = Path(first.result["LAMBDA_TASK_ROOT"])
    assert root.is_dir() and root != tmp_path and (root / "handlers.py").read_text() == HANDLERS
    assert not (root / "__pycache__").exists()  # bytecode goes to the runner's cache, as /var/task is read-only
    second = run_package(archive, {"names": ["LAMBDA_TASK_ROOT"]}, handler="handlers.environment", runtime=CURRENT,
                         architecture=HERE, function_name="zipped", timeout=5)
    assert not second.cold and second.result == first.result


def test_extracted_packages_are_bounded_but_never_under_a_live_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cdktf_userpool._runner import _packages, shutdown_workers

    monkeypatch.setenv("CDKTF_USERPOOL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(_packages, "_KEEP_EXTRACTED", 1)
    roots = []
    for n in range(3):
        archive = tmp_path / f"p{n}.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            zf.writestr("handlers.py", HANDLERS + f"\nVERSION = {n}\n")
        got = run_package(archive, {"names": []}, handler="handlers.environment", runtime=CURRENT, architecture=HERE,
                          function_name=f"bounded{n}", timeout=5)
        roots.append(Path(got.result["cwd"]))
        if n == 0:
            shutdown_workers()  # the first package's worker is gone: its folder may go
    assert not roots[0].exists()
    assert roots[1].exists() and roots[2].exists()  # the second one's worker is still warm
    assert sorted(p.name for p in (tmp_path / "cache" / "runner" / "packages").iterdir()) == sorted(r.name for r in roots[1:])


# -- the runtime's libraries ------------------------------------------------------------------------


def test_lambda_runtime_path_holds_boto3_and_its_dependencies(tmp_path: Path) -> None:
    pytest.importorskip("boto3", reason="boto3 is not installed here, so there is nothing to provide")
    folder = lambda_runtime_path()
    for name in ("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "urllib3", "six.py"):
        assert (folder / name).exists(), name
    (tmp_path / "uses_boto3.py").write_text(textwrap.dedent('''
        import boto3, botocore
        def handler(event, context):
            try:
                boto3.client("sts").get_caller_identity()
            except botocore.exceptions.NoCredentialsError as error:
                return {"version": boto3.__version__, "error": str(error), "region": boto3.Session().region_name}
    '''))
    got = run_package(tmp_path, {}, handler="uses_boto3.handler", runtime=CURRENT, architecture=HERE, function_name="b3",
                      timeout=20, region="ap-south-1", extra_paths=[folder])
    import boto3

    # no credentials of this machine reach the handler, and nothing asks the instance metadata service
    assert got.result == {"version": boto3.__version__, "error": "Unable to locate credentials", "region": "ap-south-1"}


def test_powertools_logger_works_with_the_context(tmp_path: Path) -> None:
    pytest.importorskip("aws_lambda_powertools", reason="aws-lambda-powertools is not installed here")
    import aws_lambda_powertools

    site_packages = str(Path(aws_lambda_powertools.__file__).parents[1])
    (tmp_path / "logged.py").write_text(textwrap.dedent('''
        from aws_lambda_powertools import Logger
        logger = Logger(service="signup")

        @logger.inject_lambda_context
        def handler(event, context):
            logger.info("signing up", extra={"user": event["user"]})
            return event
    '''))
    got = run_package(tmp_path, {"user": "ana"}, handler="logged.handler", runtime=CURRENT, architecture=HERE,
                      function_name="pt", timeout=20, extra_paths=[site_packages], memory_size=256)
    assert got.ok, got.traceback
    record = json.loads(got.stdout.strip().splitlines()[-1])
    assert record["message"] == "signing up" and record["user"] == "ana" and record["service"] == "signup"
    assert record["function_name"] == "pt" and record["function_memory_size"] == "256"
    assert record["function_request_id"] == got.request_id and record["cold_start"] is True
    assert record["function_arn"] == "arn:aws:lambda:us-east-1:123456789012:function:pt"


# -- interpreter choice -------------------------------------------------------------------------------


def fake_python(path: Path, version: tuple[int, int], machine: str = platform.machine()) -> Path:
    """An executable that answers the runner's probe as a Python of ``version`` on ``machine`` would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    facts = {"version": list(version), "machine": machine, "implementation": "cpython", "platform": sys.platform,
             "executable": str(path), "ext_suffix": f".cpython-{version[0]}{version[1]}-{machine}-linux-gnu.so"}
    path.write_text(f"#!/bin/sh\necho '{json.dumps(facts)}'\n")
    path.chmod(0o755)
    return path


def test_search_order_path_then_pyenv_then_uv(tmp_path: Path) -> None:
    bin_, pyenv = tmp_path / "bin", tmp_path / "pyenv"
    on_path = fake_python(bin_ / "python3.12", (3, 12))
    fake_python(pyenv / "shims" / "python3.12", (3, 12))
    fake_python(pyenv / "versions" / "3.12.1" / "bin" / "python3.12", (3, 12))
    newest = fake_python(pyenv / "versions" / "3.12.10" / "bin" / "python3.12", (3, 12))
    uv_python = fake_python(tmp_path / "uv" / "python3.9", (3, 9))
    (bin_ / "uv").write_text(f"#!/bin/sh\necho {uv_python}\n")
    (bin_ / "uv").chmod(0o755)
    path = f"{pyenv / 'shims'}{os.pathsep}{bin_}"
    env = {"PATH": path, "PYENV_ROOT": str(pyenv)}
    chosen = find_interpreter("python3.12", HERE, environ=env)
    assert (chosen.path, chosen.source, chosen.version) == (str(on_path), "PATH", (3, 12))  # shims skipped
    on_path.unlink()
    chosen = find_interpreter("python3.12", HERE, environ={**env, "PATH": path + os.pathsep})
    assert (chosen.path, chosen.source) == (str(newest), "pyenv")  # newest patch release first
    chosen = find_interpreter("python3.9", HERE, environ=env)
    assert (chosen.path, chosen.source) == (str(uv_python), "uv")


def test_named_interpreters_come_first(tmp_path: Path) -> None:
    fake_python(tmp_path / "bin" / "python3.12", (3, 12))
    per_version = fake_python(tmp_path / "named" / "py312", (3, 12))
    general = fake_python(tmp_path / "named" / "python", (3, 13))
    explicit = fake_python(tmp_path / "named" / "mine", (3, 12))
    env = {"PATH": str(tmp_path / "bin"), "PYENV_ROOT": str(tmp_path / "none"),
           "CDKTF_USERPOOL_PYTHON3_12": str(per_version), "CDKTF_USERPOOL_PYTHON": str(general)}
    assert find_interpreter("python3.12", HERE, explicit, environ=env).path == str(explicit)
    chosen = find_interpreter("python3.12", HERE, environ=env)
    assert (chosen.path, chosen.source) == (str(per_version), "CDKTF_USERPOOL_PYTHON3_12")
    chosen = find_interpreter("python3.13", HERE, environ=env)  # a named interpreter is used as given
    assert (chosen.path, chosen.source) == (str(general), "CDKTF_USERPOOL_PYTHON")
    with pytest.raises(ConfigurationError, match="is not a Python interpreter") as err:
        find_interpreter("python3.12", HERE, tmp_path / "missing", environ=env)
    assert err.value.argument == "python"


def test_architecture_counts_and_the_current_interpreter_is_the_last_resort(tmp_path: Path) -> None:
    other_machine = "aarch64" if HERE == "x86_64" else "x86_64"
    wrong_arch = fake_python(tmp_path / "bin" / "python3.12", (3, 12), machine=other_machine)
    right_arch = fake_python(tmp_path / "pyenv" / "versions" / "3.12.3" / "bin" / "python3.12", (3, 12))
    env = {"PATH": str(tmp_path / "bin"), "PYENV_ROOT": str(tmp_path / "pyenv")}
    assert find_interpreter("python3.12", HERE, environ=env).path == str(right_arch)
    assert find_interpreter("python3.12", OTHER, environ=env).path == str(wrong_arch)
    chosen = find_interpreter("python3.14", HERE, environ={"PATH": str(tmp_path / "none"), "PYENV_ROOT": str(tmp_path / "none")})
    assert (chosen.path, chosen.source) == (sys.executable, "current")


def test_a_real_python3_12_runs_the_package_with_its_compiled_extension(tmp_path: Path) -> None:
    interpreter = find_interpreter("python3.12", HERE)
    if not interpreter.matches("python3.12", HERE):
        pytest.skip(f"no python3.12 on {HERE} here (PATH, pyenv, uv): install one to run this test")
    extension = subprocess.run([interpreter.path, "-I", "-S", "-c", "import _statistics; print(_statistics.__file__)"],
                               capture_output=True, text=True, timeout=30, check=True).stdout.strip()
    shutil.copy(extension, tmp_path / Path(extension).name)  # a real CPython 3.12 extension, in the package
    (tmp_path / "handlers.py").write_text(HANDLERS)
    got = run_package(tmp_path, {}, handler="handlers.version", runtime="python3.12", architecture=HERE,
                      function_name="v312", timeout=10)
    assert got.result["version"] == [3, 12] and got.result["extension"].startswith(str(tmp_path))
    assert got.interpreter == interpreter.path
    with pytest.raises(RuntimeMismatchError, match=r"native code for CPython 3\.12") as err:
        run_package(tmp_path, {}, handler="handlers.version", runtime="python3.11", architecture=HERE,
                    function_name="v311", timeout=10)
    assert err.value.native_files == (Path(extension).name,)


def test_compiled_package_for_another_architecture_is_refused(tmp_path: Path) -> None:
    if HERE == "arm64":
        pytest.skip("this machine is arm64: an aarch64 extension is not foreign here")
    (tmp_path / "foo.cpython-313-aarch64-linux-gnu.so").write_bytes(b"not loadable here")
    wheel = tmp_path / "foo-1.0.dist-info" / "WHEEL"
    wheel.parent.mkdir()
    wheel.write_text("Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: cp313-cp313-manylinux_2_17_aarch64\n")
    (tmp_path / "handlers.py").write_text(HANDLERS)
    with pytest.raises(RuntimeMismatchError) as err:
        run_package(tmp_path, {}, handler="handlers.count", runtime="python3.13", architecture="arm64",
                    function_name="native", timeout=5)
    message = str(err.value)
    assert "python3.13 on arm64" in message and "CPython 3.13 on arm64 linux" in message
    assert "architecture='x86_64'" in message and "CDKTF_USERPOOL_PYTHON3_13" in message
    assert (err.value.runtime, err.value.architecture) == ("python3.13", "arm64")
    assert sorted(err.value.native_files) == [
        "foo-1.0.dist-info/WHEEL (Tag: cp313-cp313-manylinux_2_17_aarch64)", "foo.cpython-313-aarch64-linux-gnu.so"
    ]


def test_compiled_package_for_a_missing_python_says_how_to_install_it(tmp_path: Path) -> None:
    machine = platform.machine()
    (tmp_path / f"foo.cpython-39-{machine}-linux-gnu.so").write_bytes(b"\x7fELF")
    (tmp_path / "handlers.py").write_text(HANDLERS)
    with pytest.raises(RuntimeMismatchError, match=r"native code for CPython 3\.9.*`pyenv install 3\.13`"):
        run_package(tmp_path, {}, handler="handlers.count", runtime="python3.13", architecture=HERE,
                    function_name="native39", timeout=5)


def test_pure_python_package_runs_on_another_architecture_without_a_warning(package: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeMismatchWarning)  # same CPython version: nothing to warn about
        assert run(package, "count", architecture=OTHER, function_name="elsewhere").ok


def test_pure_python_package_runs_on_another_version_with_a_warning(package: Path) -> None:
    other = "python3.14" if CURRENT != "python3.14" else "python3.13"
    with pytest.warns(RuntimeMismatchWarning, match=f"is {other} on {HERE} in Lambda but runs here on") as record:
        got = run(package, "count", runtime=other, interpreter=sys.executable, function_name="elsewhere")
    assert got.ok and record[0].filename == __file__  # points at the caller
    assert "version-specific" in str(record[0].message)


def test_runner_does_not_import_cdktf() -> None:
    code = "import sys, cdktf_userpool._runner; print(sorted(m for m in sys.modules if m.split('.')[0] in ('cdktf', 'jsii', 'cdktf_cdktf_provider_aws', 'constructs')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.strip() == "[]"


def test_json_log_format_writes_lambdas_json_lines_at_the_level(package: Path) -> None:
    logged = run(package, "logs", log_format="JSON", log_level="INFO", function_name="json-logs")
    lines = [json.loads(line) for line in logged.stdout.splitlines() if line.startswith("{")]
    assert [(line["level"], line["message"], line["logger"]) for line in lines] == [
        ("INFO", "info line", "root"), ("WARNING", "warning line", "root")
    ]  # DEBUG is below the application log level
    assert all(line["requestId"] == logged.request_id and line["timestamp"].endswith("Z") for line in lines)
    text = run(package, "logs", function_name="text-logs")  # Lambda's default: text lines, root at WARNING
    assert "\twarning line" in text.stdout and "info line" not in text.stdout
