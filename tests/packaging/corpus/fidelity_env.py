"""Module-level values read from the environment: read again in Lambda, never frozen at synth."""

import os
import sys

STAGE = os.environ["CORPUS_STAGE"]
SECRET = os.environ.get("CORPUS_SECRET", "none")
TABLE = f"users-{STAGE}"
PLATFORM = sys.platform
LIMIT = 3 * 2  # plain data from the source: a literal


def handler(event, context):
    return {"stage": STAGE, "secret": SECRET, "table": TABLE, "platform": PLATFORM, "limit": LIMIT}
