"""Write ``cdktf_userpool/_scaffold/templates/snapshot.md.tmpl``: the snapshot ``init`` commits in a project.

``python tools/scaffold_snapshot.py`` (with the suite's virtualenv: ``.venv/bin/python`` or
``.venv-cdktn/bin/python``) writes a project for that backend into a temporary folder, builds its
stack in this process, takes its snapshot and writes it as the template, with the values that depend
on the backend (the AWS provider's source and version) or on the library's runtime entry (its size
and hash) made ``{{markers}}``. Run it after changing a project template, the runtime entry or the
snapshot document; ``tests/test_init.py`` fails until the template matches again.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "cdktf_userpool" / "_scaffold" / "templates" / "snapshot.md.tmpl"


LIBRARY_ROWS = {"cdktf_userpool_entry.py": "entry", "cdktf_userpool/__init__.py": "package_init",
                "cdktf_userpool/events.py": "events"}
"""The library's files a project's packages ship -> their marker (``{{<name>_file}}``, "size | hash")."""


def as_template(document: str, values: dict[str, str]) -> str:
    """``document`` with the backend's and the library's values replaced by their markers."""
    if "{{" in document or "}}" in document:
        raise SystemExit("the project's snapshot holds '{{' or '}}', which the template markers use: change the template")
    provider = (f'      "aws": {{\n        "source": "{values["aws_source"]}",\n'
                f'        "version": "{values["aws_version"]}"\n      }}')
    if provider not in document:
        raise SystemExit(f"the project's snapshot has no required_providers.aws as expected:\n{provider}")
    document = document.replace(provider, '      "aws": {\n        "source": "{{aws_source}}",\n'
                                          '        "version": "{{aws_version}}"\n      }')
    domain = f'"domain": "{values["domain_prefix"]}"'
    if document.count(domain) != 1:
        raise SystemExit(f"the project's snapshot does not hold its domain prefix once, as expected: {domain}")
    document = document.replace(domain, '"domain": "{{domain_prefix}}"')
    lines = []
    for line in document.split("\n"):
        for path, name in LIBRARY_ROWS.items():
            cells = f" | {values[name + '_file']} |"
            if line.startswith(f"| `{path}` (") and line.endswith(cells):
                line = line.removesuffix(cells) + f" | {{{{{name}_file}}}} |"
        lines.append(line)
    return "\n".join(lines)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests._framework import BACKEND
    from tests.test_init import project_snapshot

    from cdktf_userpool._scaffold import BACKENDS, init_project, variables

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "auth"
        init_project(project, backend=BACKEND)
        document = project_snapshot(project)
    TEMPLATE.write_text(as_template(document, variables(BACKENDS[BACKEND], "auth")))
    print(f"wrote {TEMPLATE.relative_to(ROOT)} from the {BACKEND} project's snapshot")


if __name__ == "__main__":
    main()
