"""Invoke benchmark: cold and warm latency of ``testing.invoke`` on an example-app trigger.

Run with ``make bench-invoke`` (updates the "Invoke latency" section of docs/performance.md) or
as part of ``make bench``; ``--markdown`` only prints the section. Cold: every warm worker is
stopped before the call, so it pays the interpreter start and the handler's import; warm: the
same call again on the worker left by the previous one. Medians of ``--repeats`` calls each.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _sections import bench_main  # bench/ is this script's folder

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTION = "## Invoke latency"
_FRESH = """
import json, sys
sys.path.insert(0, sys.argv[1])
import cdktf_userpool_entry
print(json.dumps(cdktf_userpool_entry.handler(json.loads(sys.stdin.read()), None)))
"""


def _median_ms(call: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(repeats: int) -> dict[str, Any]:
    """Cold and warm medians (ms) for ``invoke`` and for ``run_package`` alone, on the example's preSignUp."""
    for name, value in (("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20"),
                        ("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1"), ("CHECKPOINT_DISABLE", "1")):
        os.environ.setdefault(name, value)
    own_cache = None
    if not os.environ.get("CDKTF_USERPOOL_CACHE_DIR"):  # packages, workers' bytecode: cold, and not the user's
        own_cache = os.environ["CDKTF_USERPOOL_CACHE_DIR"] = tempfile.mkdtemp(prefix="cdktf-userpool-bench-invoke-")
    warnings.simplefilter("ignore")  # the example's arm64 functions run on this machine's architecture
    sys.path.insert(0, str(ROOT))
    from tests._framework import import_app

    example = import_app(ROOT / "examples" / "app.py", Path(tempfile.mkdtemp(prefix="cdktf-userpool-bench-app-")))
    from cdktf_userpool._core.cdk import core

    Testing = core().Testing

    from cdktf_userpool._runner import run_package, shutdown_workers
    from cdktf_userpool.testing import events, invoke, invoke_detailed

    pool = example.AuthStack(Testing.app(), "example").pool
    function = pool.trigger_function("preSignUp")
    assert function is not None
    event = events.PreSignUp_SignUp(user_attributes={"email": "ana@example.com"})
    first = invoke_detailed(pool, "preSignUp", event)  # builds the runtime libraries folder, extracts the zip
    assert first.result["response"]["autoConfirmUser"] is True

    def direct() -> None:
        assert run_package(function.archive_path, event, runtime=function.runtime, architecture=function.architecture,
                           function_name=function.function_name, timeout=function.timeout).ok

    def fresh_process() -> None:  # what invoke did before the runner: unzip and start python -I -S per call
        with tempfile.TemporaryDirectory() as folder:
            with zipfile.ZipFile(function.archive_path) as archive:
                archive.extractall(folder)
            done = subprocess.run([sys.executable, "-I", "-S", "-c", _FRESH, folder], input=json.dumps(event),
                                  capture_output=True, text=True, cwd=folder, timeout=60, check=True)
            assert json.loads(done.stdout)["response"]["autoConfirmUser"] is True

    def cold_invoke() -> None:
        invoke(pool, "preSignUp", event)

    colds: dict[str, list[float]] = {"invoke_cold": [], "run_package_cold": [], "fresh_process": []}
    for _ in range(repeats):  # interleaved, so machine noise hits the three alike
        for name, call in (("invoke_cold", cold_invoke), ("run_package_cold", direct), ("fresh_process", fresh_process)):
            shutdown_workers()
            colds[name].append(_median_ms(call, 1))
    results = {name: statistics.median(times) for name, times in colds.items()}
    results.update({
        "invoke_warm": _median_ms(lambda: invoke(pool, "preSignUp", event), repeats),
        "run_package_warm": _median_ms(direct, repeats),
        "interpreter": first.interpreter,
        "runtime": function.runtime,
        "repeats": repeats,
    })
    shutdown_workers()
    if own_cache:
        shutil.rmtree(own_cache, ignore_errors=True)
    return results


def section(results: dict[str, Any]) -> list[str]:
    """The markdown section for docs/performance.md."""
    speedup = results["invoke_cold"] / results["invoke_warm"]
    added = results["invoke_warm"] - results["run_package_warm"]
    extra = f"{added:.2f} ms per call" if added >= 0.05 else "within the noise of these medians"
    return [
        SECTION,
        "",
        "Written by `bench/invoke.py` (`make bench-invoke`, also run by `make bench`). `testing.invoke` on the",
        "example app's preSignUp trigger (its packaged archive, run by the worker of `cdktf_userpool._runner`);",
        f"medians of {results['repeats']} calls each. Cold: no warm worker, so the call starts an interpreter",
        "and imports the package, as a Lambda cold start (the three cold rows alternate, so noise hits them",
        "alike); warm: the worker of the previous call serves it.",
        f"Interpreter: {Path(results['interpreter']).name} for the function's {results['runtime']} "
        f"(machine: {platform.machine()}, {os.cpu_count()} CPUs; a shared, noisy host).",
        "",
        "| layer | cold ms | warm ms |",
        "|---|---|---|",
        f"| `invoke(pool, \"preSignUp\", event)` | {results['invoke_cold']:.1f} | {results['invoke_warm']:.2f} |",
        f"| `run_package(archive, event, ...)` alone | {results['run_package_cold']:.1f} | {results['run_package_warm']:.2f} |",
        f"| before the runner: unzip and a fresh `python -I -S` per call | {results['fresh_process']:.1f} | - |",
        "",
        f"A warm invoke is {speedup:.0f}x faster than a cold one. `invoke`'s own work on top of",
        "`run_package` (finding the trigger's function, its environment and region) is",
        f"{extra}. A cold start costs about what the fresh process per call did",
        "before, so the first call of a test session is no slower; every later one is warm.",
        "",
    ]


def main() -> None:
    bench_main(SECTION, measure, section, repeats=20)


if __name__ == "__main__":
    main()
