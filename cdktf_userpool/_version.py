"""The library's version, written here and nowhere else: ``pyproject.toml`` reads it (``dynamic``), the
command line shows it (``python -m cdktf_userpool --version``), ``init`` pins it, and CHANGELOG.md has a
section per release."""

__version__ = "0.1.0"
