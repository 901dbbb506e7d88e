"""The `sitrep` command line: a module per command group over the library, apart from it."""

from .main import app, main

__all__ = ["app", "main"]
