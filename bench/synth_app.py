"""One benchmark synth in a fresh process: ``python bench/synth_app.py library|hand POOLS OUTDIR``.

Prints a JSON line with the seconds spent importing the provider, building constructs and writing
the output, and the peak memory of this process and of its jsii Node.js process.
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


def main() -> None:
    kind, pools, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    start = time.perf_counter()
    import cdktf_cdktf_provider_aws.cognito_user_pool  # noqa: F401

    imported = time.perf_counter()
    import apps  # imports cdktf_userpool too (counted in build for the library)

    app = apps.library_app(outdir, pools) if kind == "library" else apps.handwritten_app(outdir, pools)
    built = time.perf_counter()
    app.synth()
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "import": imported - start,
                "build": built - imported,
                "synth": done - built,
                "python_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "node_peak_mb": node_peak_kb() / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
