"""A project module that builds infrastructure: it must not be copied into a package."""


def double(x):
    return 2 * x


def build():  # pragma: no cover - never called in tests; importing cdktf is slow
    from cdktf import App

    return App()
