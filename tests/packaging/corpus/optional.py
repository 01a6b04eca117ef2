"""A module imported inside the handler that is not installed here: nothing to pin, no error."""


def handler(event, context):
    try:
        import not_installed_anywhere  # noqa: F401
    except ImportError:
        return {"optional": False}
    return {"optional": True}
