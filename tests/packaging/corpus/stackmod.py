"""A project module that builds infrastructure and also holds plain settings."""

REGION = "eu-west-1"
LIMITS = {"per_day": 3}


def build():  # pragma: no cover - never called in tests; importing cdktf is slow
    from cdktf import App

    return App()
