"""Where a command reads the graph from: a graph file, or a persistent store folder."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from rdflib import Dataset

from newskg.query import Answer, run_query, run_store_query


class GraphFile:
    """A built graph file (.trig, .ttl, .nq, .jsonld), parsed with rdflib."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    @cached_property
    def dataset(self) -> Dataset:
        from newskg.store import load_graph

        return load_graph(self.path)

    def query(self, text: str, source: str = "query", params: dict | None = None) -> Answer:
        return run_query(self.dataset, text, source=source, params=params)


class GraphStore:
    """A persistent store folder, queried through Oxigraph."""

    def __init__(self, folder: str | Path):
        from newskg.persistent import PersistentStore

        self.store = PersistentStore(folder, read_only=True)

    @cached_property
    def dataset(self) -> Dataset:
        return self.store.to_dataset()

    def query(self, text: str, source: str = "query", params: dict | None = None) -> Answer:
        return run_store_query(self.store.store, text, source=source, params=params)


def open_source(graph: str | None, store: str | None):
    return GraphStore(store) if store else GraphFile(graph)
