"""The installed version of claims (imports nothing else of the package)."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claims")
except PackageNotFoundError:  # a source checkout that is not installed
    __version__ = "0.0.0+source"
