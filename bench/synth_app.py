"""One benchmark synth in a fresh process.

``python bench/synth_app.py library|hand POOLS OUTDIR`` (the scaled apps of ``apps.py``),
``python bench/synth_app.py example - OUTDIR`` (``examples/app.py``) or
``python bench/synth_app.py replay STACK_JSON OUTDIR`` (the hand-written equivalent of a synth).

Prints a JSON line with the seconds spent importing the provider, building constructs (of which
packaging: generating, zipping, hashing and writing Lambda packages) and writing the output, and
the peak memory of this process and of its jsii Node.js process.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # tests._framework: the backend's classes


def node_peak_kb() -> int:
    """Peak resident memory (VmHWM) of this process's children, in KiB: the jsii Node.js process."""
    peak = 0
    for task in Path("/proc/self/task").iterdir():
        for child in (task / "children").read_text().split():
            try:
                status = Path(f"/proc/{child}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
    return peak


PACKAGING = 0.0


def _timed(module: object, name: str) -> None:
    """Count the time spent in ``module.name`` as packaging (bench only: it wraps library functions)."""
    original = getattr(module, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        global PACKAGING
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            PACKAGING += time.perf_counter() - start

    setattr(module, name, wrapper)


def build(kind: str, arg: str, outdir: str) -> object:
    """The app to synthesize."""
    if kind == "replay":
        from replay import replay_app

        return replay_app(outdir, Path(arg))
    import cdktf_userpool._functions.function as function

    for name in ("generate_module", "package_files", "build_zip", "content_hash", "install", "write_atomically"):
        _timed(function, name)
    if kind == "example":
        import tempfile

        from tests._framework import App, import_app

        root = Path(__file__).resolve().parent.parent
        example = import_app(root / "examples" / "app.py", Path(tempfile.mkdtemp(prefix="bench-example-")))

        application = App(outdir=outdir)
        example.AuthStack(application, "example")
        return application
    import apps

    return apps.library_app(outdir, int(arg)) if kind == "library" else apps.handwritten_app(outdir, int(arg))


def main() -> None:
    kind, arg, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
    start = time.perf_counter()
    import importlib

    from tests._framework import PROVIDER_PACKAGE

    importlib.import_module(f"{PROVIDER_PACKAGE}.cognito_user_pool")

    imported = time.perf_counter()
    app = build(kind, arg, outdir)
    built = time.perf_counter()
    app.synth()
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "import": imported - start,
                "build": built - imported,
                "packaging": PACKAGING,
                "synth": done - built,
                "python_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "node_peak_mb": node_peak_kb() / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
