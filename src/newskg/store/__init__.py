"""The persistent store behind one small interface: what a build, a query, an export and a server need of it.

A store backend is one module with a class that has the methods of ``Store``; ``open_store`` picks it. Today
there is one, an embedded Oxigraph database (``PersistentStore``); another backend (a remote SPARQL server, say)
is one new module and one line here.
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol


class Store(Protocol):
    # a build
    def update(self, paths: list, jobs: int = 0, fields=None, progress=None, lang_code: str | None = None,
               article_seconds: float = 0): ...
    def remove(self, names: list[str]): ...
    def summary(self) -> dict: ...
    def last_change_for_validation(self, limit: int = 100): ...

    # queries, views, exports, the endpoint
    def query(self, text: str, source: str = "query", params: dict | None = None): ...
    def to_dataset(self): ...
    def export(self, fmt: str, output: Path | None) -> bytes | None: ...
    def engine(self, in_memory: bool = False): ...
    def count(self) -> int: ...


def open_store(folder: str | Path, read_only: bool = False) -> Store:
    """Open (or, unless read-only, create) the store in ``folder``."""
    from newskg.store.oxigraph import PersistentStore

    return PersistentStore(folder, read_only=read_only)
