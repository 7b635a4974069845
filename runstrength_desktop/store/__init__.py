"""The only package that knows SQL. Everything else goes through Repository."""

from .database import LogbookError, StoreError
from .repository import Repository

__all__ = ["LogbookError", "Repository", "StoreError"]
