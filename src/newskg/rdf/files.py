"""Load and save graphs: read a TriG/Turtle/N-Quads/JSON-LD file (with rdflib, or into Oxigraph), write
outputs atomically."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset

from newskg.errors import NewskgError, OutputError
from newskg.rdf.triples import new_dataset

FORMATS = {".trig": "trig", ".ttl": "turtle", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld"}


def load_graph(path: str | Path) -> Dataset:
    """A built graph file as a Dataset whose default graph is the union of its named graphs."""
    path, fmt = _graph_file(path, FORMATS)
    ds = new_dataset()
    try:
        ds.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise NewskgError(f"{path}: cannot parse as {fmt}: {str(err).splitlines()[0] if str(err) else type(err).__name__}") from None
    return ds


OXIGRAPH_FORMATS = {".trig": "TRIG", ".ttl": "TURTLE", ".nq": "N_QUADS", ".nt": "N_TRIPLES"}


def load_oxigraph(path: str | Path):
    """A graph file (TriG, Turtle, N-Quads, N-Triples) in an in-memory Oxigraph store: parsed by Oxigraph's
    own readers, 10-20x faster than rdflib's on large graphs."""
    import pyoxigraph

    path, fmt = _graph_file(path, OXIGRAPH_FORMATS)
    memory = pyoxigraph.Store()
    try:
        memory.load(path=str(path), format=getattr(pyoxigraph.RdfFormat, fmt))
    except (SyntaxError, OSError, ValueError) as err:
        raise NewskgError(f"{path}: cannot parse: {str(err).splitlines()[0]}") from None
    return memory


def _graph_file(path: str | Path, formats: dict[str, str]) -> tuple[Path, str]:
    """The path of a graph file that exists, and its format among ``formats`` (by its extension)."""
    path = Path(path)
    if not path.exists():
        raise NewskgError(f"{path}: no such graph file (build one with 'newskg build')")
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        raise NewskgError(f"{path}: unknown graph format {path.suffix!r} (use one of {', '.join(formats)})")
    return path, fmt


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: readers never see half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise OutputError(f"{path.parent}: cannot write here ({err.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
