"""Import styles: aliased, from-imports, dotted, inside the function, guarded at top level."""

import collections.abc
import json as j
import os.path
from os import path as p
from string import ascii_lowercase, capwords as cap

try:
    import tomllib as toml_reader
except ImportError:  # pragma: no cover - Python < 3.11
    toml_reader = None


def handler(event, context):
    import hashlib
    from textwrap import shorten as short

    name = event["userName"]
    return {
        "dumped": j.dumps({"n": name}, sort_keys=True),
        "base": p.basename("/tmp/" + name),
        "joined": os.path.join("a", name),
        "is_mapping": isinstance(event, collections.abc.Mapping),
        "cap": cap("hello world"),
        "letters": ascii_lowercase[:3],
        "digest": hashlib.sha256(name.encode()).hexdigest()[:8],
        "short": short("a long sentence here", width=12),
        "toml": toml_reader.loads('x = 1')["x"],
    }
