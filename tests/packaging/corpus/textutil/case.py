"""Part of the ``textutil`` package."""


def title(text):
    return text.title()
