"""SPARQL over HTTP: ``newskg serve``, a read-only SPARQL 1.1 Protocol endpoint.

The endpoint answers on ``/sparql`` (and ``/query``) with GET ``?query=`` or POST
(``application/sparql-query`` or a form); results as SPARQL JSON, XML, CSV or
TSV by the Accept header, CONSTRUCT/DESCRIBE as Turtle or N-Triples. Queries
run on Oxigraph with the union of named graphs as default graph, like
``newskg query``, in worker processes (``workers.py``) so that a query past the
time limit can be stopped.

Any web page the user opens can send requests to a local server, so the
endpoint refuses SERVICE (which would make it fetch other addresses), refuses
requests that come from another site's page (an Origin it was not told to
trust), answers CORS only for the origins named with ``--cors-origin``, and
caps the request body. Every malformed request gets an HTTP status.

A server on a loopback address also checks the Host header: a page on
another site can make its own name resolve to 127.0.0.1 (DNS rebinding), and
the browser then treats the endpoint as that site, Origin and all. Only the
loopback names, the address listened on and the names given with
``--allow-host`` are this endpoint.
"""
from __future__ import annotations

import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from newskg.query.workers import Limits, QueryPool, Reply, Source

MAX_BODY = 1024 * 1024  # a SPARQL query is text; a megabyte is far more than any real one
READ_SECONDS = 5  # a client that sends less body than it announced is answered 408 after this
_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>newskg SPARQL</title></head>
<body style="font-family:sans-serif"><h3>newskg SPARQL endpoint</h3>
<form action="/sparql" method="get"><textarea name="query" rows="12" cols="100">SELECT * WHERE { ?s ?p ?o } LIMIT 10</textarea>
<br><button type="submit">Run</button></form><p>Endpoint: <code>/sparql</code> (GET or POST).</p></body></html>"""


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def host_name(header: str) -> str:
    """The name in a Host header, without its port: 'localhost:7878' -> 'localhost', '[::1]:80' -> '::1'."""
    header = header.strip().casefold()
    if header.startswith("["):
        return header[1:].split("]")[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def names_to_check(listen_host: str, allowed_hosts: tuple[str, ...]) -> frozenset[str] | None:
    """The Host names a server on ``listen_host`` answers to, or None when any name is fine (a server the user
    exposed on a public or wildcard address is reached by names it cannot know)."""
    if listen_host.casefold() not in LOOPBACK_NAMES and not listen_host.startswith("127."):
        return None
    return LOOPBACK_NAMES | {listen_host.casefold()} | {host_name(name) for name in allowed_hosts}


class BadRequest(Exception):
    """A request the endpoint answers with a status and a reason, without running anything."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status


def open_oxigraph(graph: str | None, store: str | None, in_memory: bool = False):
    """A pyoxigraph store to answer from: the persistent store read-only (or copied into memory, where
    queries that walk the whole corpus run about five times faster), or a graph file loaded in memory."""
    if store:
        from newskg.store import open_store

        return open_store(store, read_only=True).engine(in_memory)
    from newskg.rdf.files import load_oxigraph

    return load_oxigraph(graph)


def read_body(headers, rfile) -> bytes:
    """The request body, refused when its length is missing, not a number, negative or over MAX_BODY."""
    length = headers.get("Content-Length")
    if length is None:
        raise BadRequest(411, "send a Content-Length")
    if not length.strip().isdigit():
        raise BadRequest(400, f"Content-Length is not a length: {length[:40]!r}")
    if int(length) > MAX_BODY:
        raise BadRequest(413, f"the request body is over {MAX_BODY // 1024} KB")
    try:
        body = rfile.read(int(length))
    except TimeoutError:
        raise BadRequest(408, "the request body did not arrive in time") from None
    if len(body) < int(length):
        raise BadRequest(400, "the request body is shorter than its Content-Length")
    return body


def query_of_post(kind: str, body: bytes) -> str | None:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(400, "the request body is not UTF-8") from None
    if kind == "application/sparql-query":
        return text
    if kind == "application/x-www-form-urlencoded":
        return _form_query(text)
    raise BadRequest(415, "send application/sparql-query or a form with query=")


def _form_query(text: str) -> str | None:
    try:
        values = urllib.parse.parse_qs(text, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise BadRequest(400, "the query is not UTF-8") from None
    return values.get("query", [None])[0]


class Handler(BaseHTTPRequestHandler):
    """One request; ``server`` carries the pool of query workers and the trusted origins."""
    server_version = "newskg"
    timeout = READ_SECONDS  # a socket read that waits longer fails, so no client can hold a thread

    def log_message(self, *args) -> None:  # quiet: the CLI prints the address once
        pass

    def do_OPTIONS(self) -> None:
        self._send(Reply(204, "text/plain", b""), preflight=True)

    def do_GET(self) -> None:
        url = urllib.parse.urlparse(self.path)
        if url.path == "/":
            try:
                self._check_host()
            except BadRequest as err:
                self._send(Reply(err.status, "text/plain", f"{err}\n".encode("utf-8")))
                return
            self._send(Reply(200, "text/html; charset=utf-8", _PAGE.encode("utf-8")))
            return
        self._handle(url.path, lambda: _form_query(url.query))

    def do_POST(self) -> None:
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        self._handle(urllib.parse.urlparse(self.path).path,
                     lambda: query_of_post(kind, read_body(self.headers, self.rfile)))

    def _handle(self, path: str, get_query) -> None:
        try:
            self._check_host()
            self._check_origin()
            if path not in ("/sparql", "/query"):
                raise BadRequest(404, "the endpoint is /sparql")
            query = get_query()
            if not query:
                raise BadRequest(400, "missing query")
        except BadRequest as err:
            self.close_connection = True  # an unread or partly read body must not be taken as the next request
            self._send(Reply(err.status, "text/plain", f"{err}\n".encode("utf-8")))
            return
        self._send(self.server.pool.run(query, self.headers.get("Accept") or ""))

    def _check_host(self) -> None:
        """Refuse a request addressed to another name (DNS rebinding: see the module's docstring)."""
        names = self.server.host_names
        if names is None:
            return
        name = host_name(self.headers.get("Host") or "")
        if name not in names:
            raise BadRequest(403, f"host {name[:80]!r} is not this endpoint (newskg serve --allow-host {name[:80]})")

    def _check_origin(self) -> None:
        """Refuse a request sent by another site's page: a form POST needs no pre-flight, so without this any
        page the user opens could run queries here. The endpoint's own page and non-browser clients pass."""
        origin = self.headers.get("Origin")
        if origin in self.server.cors_origins or origin == f"http://{self.headers.get('Host', '')}":
            return
        if origin is None:  # a navigation or an image from another site sends no Origin, but says where from
            if self.headers.get("Sec-Fetch-Site", "none") not in ("cross-site", "same-site"):
                return
            origin = "another site"
        raise BadRequest(403, f"requests from {origin[:80]} are refused (newskg serve --cors-origin {origin[:80]})")

    def _send(self, reply: Reply, preflight: bool = False) -> None:
        self.send_response(reply.status)
        origin = self.headers.get("Origin")
        if origin and origin in self.server.cors_origins:
            self.send_header("Access-Control-Allow-Origin", origin)
            if preflight:
                self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Vary", "Origin")
        self.send_header("Content-Type", reply.mime)
        self.send_header("Content-Length", str(len(reply.data)))
        self.end_headers()
        self.wfile.write(reply.data)


class Endpoint(ThreadingHTTPServer):
    """The HTTP server with its query workers; ``server_close`` stops them too."""
    daemon_threads = True

    def __init__(self, address, pool: QueryPool, cors_origins: tuple[str, ...] = (),
                 allowed_hosts: tuple[str, ...] = ()):
        self.pool, self.cors_origins = pool, frozenset(cors_origins)
        self.host_names = names_to_check(address[0], allowed_hosts)
        try:
            super().__init__(address, Handler)
        except OSError:
            pool.close()
            raise

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def serve(source: Source, host: str, port: int, limits: Limits = Limits(),
          cors_origins: tuple[str, ...] = (), workers: int = 2, allowed_hosts: tuple[str, ...] = ()) -> Endpoint:
    """An endpoint ready to ``serve_forever``; a graph or store that cannot be opened is a NewskgError."""
    return Endpoint((host, port), QueryPool(source, limits, workers), cors_origins, allowed_hosts)
