"""Load and save graphs: read a TriG/Turtle/N-Quads/JSON-LD file (with rdflib, or into Oxigraph), write
outputs atomically: one file (``write_atomically``) or a set of files (``replace_set``)."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
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
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)

    write_file_atomically(path, write)


def write_file_atomically(path: Path, write) -> None:
    """Call ``write(temporary path)`` for a file beside ``path``, then rename it over ``path`` (also for
    writers that take a path, such as Oxigraph's)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as err:
        raise OutputError(f"{path.parent}: cannot write here ({err.strerror})") from None
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def replace_set(folder: Path, files: dict[str, str], owned: set[str]) -> list[Path]:
    """Make ``folder`` hold exactly ``files`` (name -> text) of the ``owned`` names, replaced as one set.

    The set is written into a staging folder beside ``folder`` and swapped in with one atomic exchange of the
    two folders, so a build killed at any moment leaves the old set or the new one, never a mix. That needs
    a folder that holds nothing but these outputs; one that holds other files too (``--out .``) gets its
    files replaced one by one, and owned files no longer written are removed. Staging folders that a killed
    build left are swept first."""
    folder = Path(os.path.abspath(folder))
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: not a folder")
    try:
        _sweep_staging(folder)
        if folder.exists() and (_foreign(folder, owned) or folder == Path.cwd()):
            return _replace_one_by_one(folder, files, owned)
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.staging-", dir=folder.parent))
    except OSError as err:
        raise OutputError(f"{folder}: cannot write here ({err.strerror})") from None
    try:
        _stage(staging, files, folder)
        _swap_in(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # the old set, after a swap
    return [folder / name for name in files]


def _stage(staging: Path, files: dict[str, str], folder: Path) -> None:
    """Write the new set into the staging folder, with the mode ``folder`` has (or an ordinary one)."""
    for name, text in files.items():
        with open(staging / name, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(staging / name, 0o666 & ~_umask())
        kill_point("outputs-one-written")
    mode = stat.S_IMODE(folder.stat().st_mode) if folder.exists() else 0o777 & ~_umask()
    os.chmod(staging, mode)
    for path in [*(staging / name for name in files), staging]:  # on disk before the swap names them
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    kill_point("outputs-staged")


def _swap_in(staging: Path, folder: Path) -> None:
    """Put the staging folder in the place of ``folder`` in one step; the old set ends up in ``staging``."""
    try:
        if not folder.exists():
            os.rename(staging, folder)
            staging.mkdir()  # so that the caller's cleanup has something to remove
        elif not _exchange(staging, folder):  # no atomic exchange here: two renames, a short gap
            old = staging.with_name(staging.name + "-old")
            os.rename(folder, old)
            os.rename(staging, folder)
            os.rename(old, staging)
    except OSError as err:
        raise OutputError(f"{folder}: cannot replace the outputs ({err.strerror})") from None
    kill_point("outputs-swapped")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2 with RENAME_EXCHANGE); False where that is not offered."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _sweep_staging(folder: Path) -> None:
    """Remove the staging folders (new sets not swapped in, old sets not yet removed) of killed builds."""
    if folder.parent.is_dir():
        for leftover in folder.parent.glob(f".{folder.name}.staging-*"):
            shutil.rmtree(leftover, ignore_errors=True)


def _foreign(folder: Path, owned: set[str]) -> set[str]:
    """What a folder holds besides the owned outputs and the temporary files ``write_atomically`` leaves."""
    ours = {name for name in os.listdir(folder) if name.startswith(".newskg.") and name.endswith(".tmp")}
    return set(os.listdir(folder)) - owned - ours


def _replace_one_by_one(folder: Path, files: dict[str, str], owned: set[str]) -> list[Path]:
    for name, text in files.items():
        write_atomically(folder / name, text)
    for name in owned - set(files):
        (folder / name).unlink(missing_ok=True)
    return [folder / name for name in files]


def kill_point(name: str) -> None:
    """Die here, with the whole process group, when a test asks to (NEWSKG_TEST_KILL_AT=name): tests kill
    builds and store updates at these named points to prove that none of them leaves damage behind."""
    if os.environ.get("NEWSKG_TEST_KILL_AT") == name:
        os.killpg(os.getpgrp(), signal.SIGKILL)
