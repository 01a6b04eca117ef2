"""A package of the user's project: copied whole when imported as a package."""

from .case import title

__all__ = ["title"]
