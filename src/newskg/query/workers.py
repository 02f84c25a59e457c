"""The endpoint's queries, run in worker processes that can be killed.

pyoxigraph cannot cancel a query, so a query that runs past the time limit is only stopped by killing the
process that runs it: each worker process opens the graph or store itself, answers one query at a time, and
is replaced when it is killed. A worker also caps the size of an answer (it serializes into a writer that
stops at the cap), refuses SERVICE unless the endpoint allows it, and reopens a persistent store that an
update has changed since it opened it (a read-only Oxigraph store is a snapshot taken when it opens).
"""
from __future__ import annotations

import multiprocessing
import queue
import re
import threading
from dataclasses import dataclass
from pathlib import Path

RESULT_TYPES = {"application/sparql-results+json": "JSON", "application/json": "JSON",
                "application/sparql-results+xml": "XML", "text/csv": "CSV", "text/tab-separated-values": "TSV"}
GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/n-quads": "N_QUADS"}


@dataclass(frozen=True)
class Limits:
    """What one query may take: seconds, bytes of answer, and whether SERVICE may fetch other endpoints."""
    timeout: float = 30.0
    max_bytes: int = 64 * 1024 * 1024
    allow_service: bool = False


@dataclass(frozen=True)
class Source:
    """Where the workers answer from: a graph file, or a store folder (optionally copied into memory)."""
    graph: str | None = None
    store: str | None = None
    in_memory: bool = False


@dataclass(frozen=True)
class Reply:
    status: int
    mime: str
    data: bytes


def uses_service(query: str) -> bool:
    """Whether a query has a SERVICE clause. The SPARQL grammar applies \\u escapes before parsing, so they
    are decoded first; comments, strings and IRIs are blanked so a word inside them does not count, and a
    prefixed name (``ex:service``) is not the keyword."""
    text = re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    text = re.sub(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                  r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*', " ", text)
    return re.search(r"(?<![\w:.-])service(?![\w:-])", text, re.IGNORECASE) is not None


def store_fingerprint(folder: str | None) -> tuple:
    """A value that changes when an update commits to a store (the newest time among its index and database
    files); None while an update is running, so workers keep their snapshot until it is done."""
    if not folder:
        return ()
    root = Path(folder)
    if (root / ".updating").exists():
        return None
    files = list(root.glob("index.sqlite*")) + list((root / "oxigraph").glob("*"))
    return tuple(sorted((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file()))


class _CappedWriter:
    """A binary file that refuses to grow past ``limit`` bytes, so a huge answer stops being serialized."""

    def __init__(self, limit: int):
        self.limit, self.parts, self.size = limit, [], 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def answer(oxstore, query: str, accept: str, limits: Limits) -> Reply:
    """One query's HTTP answer (status, type, body); every failure is a status with a one-line reason."""
    import pyoxigraph

    if not limits.allow_service and uses_service(query):
        return Reply(400, "text/plain", b"SERVICE is refused by this endpoint (newskg serve --allow-service)\n")
    out = _CappedWriter(limits.max_bytes)
    try:
        result = oxstore.query(query, use_default_graph_as_union=True)
        if isinstance(result, pyoxigraph.QueryTriples):
            mime = next((m for m in GRAPH_TYPES if m in accept), "text/turtle")
            result.serialize(out, format=getattr(pyoxigraph.RdfFormat, GRAPH_TYPES[mime]))
        else:
            mime = next((m for m in RESULT_TYPES if m in accept), "application/sparql-results+json")
            result.serialize(out, format=getattr(pyoxigraph.QueryResultsFormat, RESULT_TYPES[mime]))
    except SyntaxError as err:
        return Reply(400, "text/plain", f"SPARQL syntax error: {err}\n".encode("utf-8"))
    except OverflowError:
        mb = limits.max_bytes // (1024 * 1024)
        return Reply(400, "text/plain", f"the answer passed the {mb} MB cap (newskg serve --max-answer-mb): "
                                        "add a LIMIT\n".encode("utf-8"))
    except Exception as err:  # a failed SERVICE, an evaluation error: the client gets the reason
        return Reply(400, "text/plain", f"the query failed: {err}\n".encode("utf-8"))
    return Reply(200, f"{mime}; charset=utf-8", b"".join(out.parts))


def _open(source: Source):
    from newskg.query.server import open_oxigraph

    return open_oxigraph(source.graph, source.store, source.in_memory)


def _work(conn, source: Source, limits: Limits) -> None:
    """A worker process: open the source, say ready (or why not), then answer queries until killed."""
    try:
        oxstore, seen = _open(source), store_fingerprint(source.store)
    except KeyboardInterrupt:
        return
    except Exception as err:
        conn.send(("error", str(err)))
        return
    conn.send(("ready", None))
    while True:
        try:
            query, accept = conn.recv()
        except (EOFError, KeyboardInterrupt):  # the server stopped (or Ctrl-C reached the process group)
            return
        now = store_fingerprint(source.store)
        if now is not None and now != seen:
            try:
                oxstore, seen = _open(source), now
            except Exception:  # opened in the middle of a compaction: keep the snapshot, retry next time
                pass
        reply = answer(oxstore, query, accept, limits)
        conn.send((reply.status, reply.mime, reply.data))


class _Worker:
    def __init__(self, source: Source, limits: Limits):
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, source, limits), daemon=True)
        self.process.start()
        child.close()

    def ready(self) -> str | None:
        """Wait until the worker has opened its source: None, or why it could not."""
        try:
            kind, detail = self.conn.recv()
        except EOFError:
            return "the query worker stopped while opening the graph"
        return None if kind == "ready" else detail

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class QueryPool:
    """A few workers; a request borrows an idle one, and one that runs past the time limit is killed and
    replaced (in the background, so the client that timed out gets its answer at once)."""

    def __init__(self, source: Source, limits: Limits, size: int = 2):
        self.source, self.limits = source, limits
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.all: set[_Worker] = set()
        self.lock = threading.Lock()
        first = _Worker(source, limits)
        problem = first.ready()
        if problem:
            first.kill()
            from newskg.errors import NewskgError

            raise NewskgError(problem)
        self._add(first)
        for _ in range(size - 1):
            self._replace()

    def _add(self, worker: _Worker) -> None:
        with self.lock:
            self.all.add(worker)
        self.idle.put(worker)

    def _replace(self) -> None:
        def start() -> None:
            worker = _Worker(self.source, self.limits)
            if worker.ready() is None:
                self._add(worker)
            else:
                worker.kill()
        threading.Thread(target=start, daemon=True).start()

    def run(self, query: str, accept: str) -> Reply:
        """Answer a query within the time limit (waiting for a free worker counts against it)."""
        import time

        deadline = time.monotonic() + self.limits.timeout
        try:
            worker = self.idle.get(timeout=self.limits.timeout)
        except queue.Empty:
            return Reply(503, "text/plain", b"every query worker is busy: try again later\n")
        worker.conn.send((query, accept))
        if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
            self._retire(worker)
            seconds = f"{self.limits.timeout:g}"
            return Reply(503, "text/plain", f"the query was stopped after {seconds} s (newskg serve --timeout)\n"
                         .encode("utf-8"))
        try:
            status, mime, data = worker.conn.recv()
        except EOFError:  # the worker died (out of memory, a crash): replace it
            self._retire(worker)
            return Reply(500, "text/plain", b"the query worker stopped\n")
        self.idle.put(worker)
        return Reply(status, mime, data)

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self.lock:
            self.all.discard(worker)
        self._replace()

    def close(self) -> None:
        with self.lock:
            workers, self.all = list(self.all), set()
        for worker in workers:
            worker.kill()
