"""Run an app written for cdktf on the backend ``make`` chose (``BACKEND=cdktn`` rewrites its imports).

``python tools/for_backend.py examples/app.py`` runs the app as is on cdktf; on cdktn it runs a copy
under ``build/`` whose imports were changed from cdktf to cdktn, which is all CDK Terrain's
migration asks of an app. Output goes where the app writes it (``cdktf.out`` in the working dir).
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    """Run ``argv[0]`` (an app path) on the chosen backend."""
    if len(argv) != 1:
        raise SystemExit("usage: python tools/for_backend.py APP.py")
    sys.path.insert(0, str(ROOT))
    from tests._framework import for_backend

    app = for_backend(Path(argv[0]).resolve(), ROOT / "build")
    sys.argv = [str(app)]
    sys.path.insert(0, str(app.parent))
    runpy.run_path(str(app), run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
