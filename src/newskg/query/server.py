"""SPARQL over HTTP: ``newskg serve`` (a read-only SPARQL 1.1 Protocol endpoint) and ``push``
(copy every named graph to any triple store through the SPARQL 1.1 Graph Store Protocol).

The endpoint answers on ``/sparql`` (and ``/query``) with GET ``?query=`` or POST
(``application/sparql-query`` or a form); results as SPARQL JSON, XML, CSV or
TSV by the Accept header, CONSTRUCT/DESCRIBE as Turtle or N-Triples. Queries
run on Oxigraph with the union of named graphs as default graph, like
``newskg query``. CORS is open so browser tools (YASGUI) can use it.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from newskg.errors import NewskgError

_RESULT_TYPES = {"application/sparql-results+json": "JSON", "application/json": "JSON",
                 "application/sparql-results+xml": "XML", "text/csv": "CSV", "text/tab-separated-values": "TSV"}
_GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/n-quads": "N_QUADS"}
_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>newskg SPARQL</title></head>
<body style="font-family:sans-serif"><h3>newskg SPARQL endpoint</h3>
<form action="/sparql" method="get"><textarea name="query" rows="12" cols="100">SELECT * WHERE { ?s ?p ?o } LIMIT 10</textarea>
<br><button type="submit">Run</button></form><p>Endpoint: <code>/sparql</code> (GET or POST).</p></body></html>"""


def open_oxigraph(graph: str | None, store: str | None, in_memory: bool = False):
    """A pyoxigraph store to answer from: the persistent store read-only (or copied into memory, where
    queries that walk the whole corpus run about five times faster), or a graph file loaded in memory."""
    if store:
        from newskg.store import open_store

        return open_store(store, read_only=True).engine(in_memory)
    from newskg.rdf.files import load_oxigraph

    return load_oxigraph(graph)


def make_handler(oxstore):
    import pyoxigraph

    class Handler(BaseHTTPRequestHandler):
        server_version = "newskg"

        def log_message(self, *args) -> None:  # quiet: the CLI prints the address once
            pass

        def do_OPTIONS(self) -> None:
            self.send_response(204)
            self._cors()
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.end_headers()

        def do_GET(self) -> None:
            url = urllib.parse.urlparse(self.path)
            if url.path == "/":
                self._reply(200, "text/html; charset=utf-8", _PAGE.encode("utf-8"))
                return
            params = urllib.parse.parse_qs(url.query)
            self._answer(url.path, params.get("query", [None])[0])

        def do_POST(self) -> None:
            url = urllib.parse.urlparse(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if kind == "application/sparql-query":
                query = body
            elif kind == "application/x-www-form-urlencoded":
                query = urllib.parse.parse_qs(body).get("query", [None])[0]
            else:
                self._reply(415, "text/plain", b"send application/sparql-query or a form with query=\n")
                return
            self._answer(url.path, query)

        def _answer(self, path: str, query: str | None) -> None:
            if path not in ("/sparql", "/query"):
                self._reply(404, "text/plain", b"the endpoint is /sparql\n")
                return
            if not query:
                self._reply(400, "text/plain", b"missing query\n")
                return
            try:
                result = oxstore.query(query, use_default_graph_as_union=True)
            except SyntaxError as err:
                self._reply(400, "text/plain", f"SPARQL syntax error: {err}\n".encode("utf-8"))
                return
            accept = self.headers.get("Accept") or ""
            if isinstance(result, pyoxigraph.QueryTriples):
                mime = next((m for m in _GRAPH_TYPES if m in accept), "text/turtle")
                data = result.serialize(format=getattr(pyoxigraph.RdfFormat, _GRAPH_TYPES[mime]))
            else:
                mime = next((m for m in _RESULT_TYPES if m in accept), "application/sparql-results+json")
                data = result.serialize(format=getattr(pyoxigraph.QueryResultsFormat, _RESULT_TYPES[mime]))
            self._reply(200, f"{mime}; charset=utf-8", data)

        def _cors(self) -> None:
            self.send_header("Access-Control-Allow-Origin", "*")

        def _reply(self, status: int, mime: str, data: bytes) -> None:
            self.send_response(status)
            self._cors()
            self.send_header("Content-Type", mime)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def serve(oxstore, host: str, port: int) -> ThreadingHTTPServer:
    return ThreadingHTTPServer((host, port), make_handler(oxstore))


def push(dataset, endpoint: str) -> list[tuple[str, int]]:
    """PUT every named graph to a Graph Store Protocol endpoint (replacing it there: pushing twice is harmless)."""
    from newskg.rdf.serialize import to_turtle

    pushed = []
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if not len(graph) or str(graph.identifier).startswith("urn:x-rdflib:"):
            continue
        url = f"{endpoint}?{urllib.parse.urlencode({'graph': str(graph.identifier)})}"
        request = urllib.request.Request(url, data=to_turtle(graph).encode("utf-8"), method="PUT",
                                         headers={"Content-Type": "text/turtle; charset=utf-8"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                pushed.append((str(graph.identifier), response.status))
        except urllib.error.HTTPError as err:
            raise NewskgError(f"{endpoint}: the store refused graph {graph.identifier}: HTTP {err.code}") from None
        except (urllib.error.URLError, OSError) as err:
            raise NewskgError(f"{endpoint}: cannot reach the store ({getattr(err, 'reason', err)})") from None
    return pushed
