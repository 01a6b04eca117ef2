"""Modules imported inside handlers that are not installed here: fine when guarded, else the requirements must bring them."""


def handler(event, context):
    try:
        import not_installed_anywhere  # noqa: F401
    except ImportError:
        return {"optional": False}
    return {"optional": True}


def unguarded(event, context):
    import not_installed_anywhere  # noqa: F401

    return event


def unguarded_submodule(event, context):
    from not_installed_anywhere.sub import thing  # noqa: F401

    return event


def suppressed(event, context):
    import contextlib

    with contextlib.suppress(ModuleNotFoundError):
        import not_installed_anywhere  # noqa: F401
    return event
