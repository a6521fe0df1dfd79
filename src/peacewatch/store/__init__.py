"""The SQL store of articles and extractions: `open_store(url)` returns a `Store`."""
from peacewatch.store.database import DEFAULT_URL, AddResult, Store, open_store

__all__ = ["DEFAULT_URL", "AddResult", "Store", "open_store"]
