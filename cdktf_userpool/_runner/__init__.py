"""Run a Lambda package's code locally as Lambda's Python runtime would (private to the library).

Used by :func:`cdktf_userpool.testing.invoke` and by the local emulator. Never imports cdktf,
jsii or the provider: :func:`run_package` works in any process that has this package.

- :func:`run_package` invokes a package on an event in a warm worker process and returns an
  :class:`Invocation` (result or error, output, traceback, timings).
- :func:`find_interpreter` picks the Python that matches a runtime and architecture.
- :func:`lambda_runtime_path` is a folder with what Lambda's runtime provides (boto3 and friends).
- :func:`shutdown_workers` stops every warm worker (also done at exit).

Workers use POSIX pipes and process groups: Linux and macOS.
"""

from ._interpreters import Interpreter, find_interpreter
from ._packages import lambda_runtime_path
from ._run import Invocation, lambda_environment, run_package
from ._workers import shutdown_workers

__all__ = [
    "Interpreter",
    "Invocation",
    "find_interpreter",
    "lambda_environment",
    "lambda_runtime_path",
    "run_package",
    "shutdown_workers",
]
