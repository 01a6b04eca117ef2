"""Handler styles that the packaging tests turn into Lambda packages (see ``tests/packaging/_cases.py``)."""
