"""The HTTP API (`sitrep serve`): a thin shell over the store and the listings the CLI uses."""

from .app import create_app

__all__ = ["create_app"]
