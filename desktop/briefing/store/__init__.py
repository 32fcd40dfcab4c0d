"""Storage: every SQL statement and migration of the library file lives in this package."""

from briefing.store.db import LibraryDatabase, StoreError, open_database

__all__ = ["LibraryDatabase", "StoreError", "open_database"]
