"""What lets a store survive an update killed at any point: a marker held while an update runs, and a cache
whose files are named by article and text, so the cache always holds what the committed index describes.

An update writes the Oxigraph database, the cache and the SQLite index, and only the index commits all or
nothing. So the index is the truth: an update marks the store (``.updating``, locked while it runs), writes
new cache files beside the old ones (an article's file is named by its id and the SHA-256 of its text),
commits the index, and only then deletes the cache files it replaced and the marker. The next update that
finds the marker unlocked rewrites every graph from the cache files of the committed index
(``PersistentStore._recover``) and sweeps the rest; a reader that finds it refuses to read a store that
may be half-written.
"""
from __future__ import annotations

import fcntl
import hashlib
from contextlib import contextmanager
from pathlib import Path

from newskg.errors import NewskgError
from newskg.rdf.files import kill_point  # noqa: F401 (the store's kill points for tests, read in one place)

MARKER = ".updating"


def cache_name(doc_id: str, sha256: str) -> str:
    """The cache file of one version of one article (any id gives a plain file name)."""
    return hashlib.sha256(f"{doc_id}\0{sha256}".encode("utf-8")).hexdigest()[:40] + ".pickle"


@contextmanager
def update_marker(folder: Path, recover):
    """Hold the marker (locked) while the body runs; call ``recover`` first when a killed update left it."""
    marker = folder / MARKER
    interrupted = marker.exists()
    with marker.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        if interrupted:
            recover()
        yield
        marker.unlink()


def check_not_interrupted(folder: Path) -> None:
    """Refuse to read a store whose last update was killed (its marker is there and no update holds it):
    its graphs may be half-written until the next update repairs them."""
    marker = folder / MARKER
    if not marker.exists():
        return
    try:
        with marker.open("r") as handle:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return  # an update is running: readers see the database as it was (Oxigraph reads a snapshot)
    except FileNotFoundError:
        return  # the update ended as we looked
    raise NewskgError(f"{folder}: the last update of this store was interrupted and it may be half-written; "
                      "run 'newskg build ... --store' again to repair it")


def sweep_cache(cache: Path, keep: set[str]) -> None:
    """Delete the cache files no committed article version needs (left by a killed update)."""
    if cache.is_dir():
        for path in cache.glob("*.pickle"):
            if path.name not in keep:
                path.unlink(missing_ok=True)
