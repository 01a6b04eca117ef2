"""Build Lambda packages from Python source.

This package turns a Python callable into a readable, self-contained module and a deterministic
zip archive. It is not a general serializer: it works from source, never from pickled code.
"""
