"""A project module that builds infrastructure with CDK Terrain: it must not be copied into a package."""


def double(x):
    return 2 * x


def build():  # pragma: no cover - never called in tests
    from cdktn import App

    return App()
